#include "crypto/bundle_content.hpp"

#include <cereal/archives/portable_binary.hpp>

#include <algorithm>
#include <istream>
#include <sstream>
#include <streambuf>

#include "core/record_serialization.hpp"

namespace tandem::crypto {

namespace {

// Reads a span in place, for cereal's stream-based archives.
class SpanReader final : public std::streambuf {
public:
    explicit SpanReader(std::span<const std::uint8_t> bytes) {
        char* begin = const_cast<char*>(reinterpret_cast<const char*>(bytes.data()));
        setg(begin, begin, begin + bytes.size());
    }
};

// A record's smallest possible encoding: kind, two ids, time, visibility,
// a field count and one unset field with two stamps.
constexpr std::size_t min_record_bytes = 1 + 16 + 16 + 8 + 1 + 8 + 4 + 2 * 16;

}  // namespace

std::size_t decoded_memory_budget(std::size_t content_bytes) {
    return decoded_bytes_per_content_byte * content_bytes + decoded_bytes_floor;
}

std::vector<std::uint8_t> encode_bundle_content(const BundleContent& content) {
    std::ostringstream out;
    {
        cereal::PortableBinaryOutputArchive archive(out);
        archive(bundle_content_schema, content.bundle_id, content.pairing, content.created_at_ms, content.hlc_min,
                content.hlc_max);
        archive(cereal::make_size_tag(static_cast<cereal::size_type>(content.records.size())));
        for (const Record& record : content.records) archive(record);
    }
    const std::string bytes = std::move(out).str();
    return {bytes.begin(), bytes.end()};
}

Result<BundleContent, ContentError> decode_bundle_content(std::span<const std::uint8_t> bytes) {
    SpanReader reader(bytes);
    std::istream in(&reader);
    BundleContent content;
    try {
        cereal::PortableBinaryInputArchive archive(in);
        std::uint32_t schema = 0;
        archive(schema);
        if (schema > bundle_content_schema) return fail(ContentError::newer_schema);
        if (schema == 0) return fail(ContentError::damaged);
        archive(content.bundle_id, content.pairing, content.created_at_ms, content.hlc_min, content.hlc_max);
        cereal::size_type count = 0;
        archive(cereal::make_size_tag(count));
        if (count > bytes.size() / min_record_bytes) return fail(ContentError::damaged);
        // Memory is charged as records are decoded, against a budget in
        // proportion to the bytes: a small record in the file still becomes
        // every field of its kind in memory.
        const std::size_t budget = decoded_memory_budget(bytes.size());
        std::size_t charged = static_cast<std::size_t>(count) * sizeof(Record);
        if (charged > budget) return fail(ContentError::damaged);
        content.records.resize(static_cast<std::size_t>(count));
        for (Record& record : content.records) {
            archive(record);
            charged += record.fields.size() * sizeof(FieldState);
            for (const FieldState& field : record.fields)
                if (const auto* text = std::get_if<std::string>(&field.value)) charged += text->capacity();
            if (charged > budget) return fail(ContentError::over_budget);
        }
    } catch (const std::exception&) {  // cereal::Exception for short or wrong bytes; bad_alloc
        return fail(ContentError::damaged);
    }
    if (in.peek() != std::char_traits<char>::eof()) return fail(ContentError::damaged);
    return content;
}

}  // namespace tandem::crypto
