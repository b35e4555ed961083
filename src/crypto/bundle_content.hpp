#pragma once
// BundleContent: what a bundle carries inside its encryption, the shared
// records of one pairing, and its cereal portable binary encoding with its
// own schema version (docs/bundle-format.md, "Content"). Deleted records
// travel as records whose tombstone is set.

#include <cstdint>
#include <span>
#include <vector>

#include "core/record.hpp"
#include "core/result.hpp"

namespace tandem::crypto {

inline constexpr std::uint32_t bundle_content_schema = 1;

struct BundleContent {
    RecordId bundle_id;        // random, new for every bundle written
    RecordId pairing;          // the pairing whose records these are
    std::int64_t created_at_ms = 0;
    std::uint64_t hlc_min = 0;  // the smallest and greatest stamp of any field below (0 when empty)
    std::uint64_t hlc_max = 0;
    std::vector<Record> records;

    bool operator==(const BundleContent&) const = default;
};

// Why content could not be decoded.
enum class ContentError {
    damaged,        // not what encode_bundle_content writes
    newer_schema,   // written by a Tandem with a newer content schema
    over_budget,    // would take more memory than decoded_memory_budget allows
};

// The most memory decoding `content_bytes` of content may take for its
// records: a small multiple of the bytes, plus a floor for tiny bundles.
// What Tandem writes needs well under it (docs/PERFORMANCE.md, "Decoding a
// bundle"); records padded out of proportion are refused.
inline constexpr std::size_t decoded_bytes_per_content_byte = 3;
inline constexpr std::size_t decoded_bytes_floor = 256 * 1024;
std::size_t decoded_memory_budget(std::size_t content_bytes);

// The content's bytes.
std::vector<std::uint8_t> encode_bundle_content(const BundleContent& content);

// Decodes what encode_bundle_content wrote. The bytes must have been
// authenticated; even so every size is checked before memory is set aside,
// the memory the records take stays within decoded_memory_budget, and no
// input makes it throw or crash.
Result<BundleContent, ContentError> decode_bundle_content(std::span<const std::uint8_t> bytes);

}  // namespace tandem::crypto
