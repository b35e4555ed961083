#pragma once
// RecordId: the random 128-bit identity of a record, the same on every device
// that holds the record. SiteId: the random 64-bit identity of one device's
// copy of a profile, which breaks ties between equal clock readings.

#include <array>
#include <compare>
#include <cstring>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/random_source.hpp"

namespace tandem {

struct RecordId {
    std::array<std::uint8_t, 16> bytes{};

    // A fresh random id.
    static RecordId random(RandomSource& random);
    // A fixed id derived from a stable name, for records every copy of Tandem
    // ships with (the starter library). Never collides with random ids in
    // practice: the name is hashed with a Tandem-specific prefix.
    static RecordId derived(std::string_view stable_name);
    // Parses 32 lowercase or uppercase hex digits; nullopt otherwise.
    static std::optional<RecordId> from_hex(std::string_view hex);

    // 32 lowercase hex digits.
    std::string hex() const;
    // True for the all-zero id, which no record has.
    bool is_nil() const;

    bool operator==(const RecordId&) const = default;
    // Byte order; spelled out because not every standard library compares std::array with <=>.
    std::strong_ordering operator<=>(const RecordId& other) const {
        return std::memcmp(bytes.data(), other.bytes.data(), bytes.size()) <=> 0;
    }
};

using SiteId = std::uint64_t;

}  // namespace tandem
