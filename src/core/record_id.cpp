#include "core/record_id.hpp"

namespace tandem {

RecordId RecordId::random(RandomSource& random) {
    RecordId id;
    do {
        random.fill(id.bytes);
    } while (id.is_nil());
    return id;
}

RecordId RecordId::derived(std::string_view stable_name) {
    // Two FNV-1a passes with different offset bases give 128 bits. The names
    // are Tandem's own constants, so a non-cryptographic hash is enough.
    const auto fnv1a = [&](std::uint64_t hash) {
        for (const char c : std::string_view("tandem-derived-id:")) hash = (hash ^ static_cast<std::uint8_t>(c)) * 0x100000001b3ULL;
        for (const char c : stable_name) hash = (hash ^ static_cast<std::uint8_t>(c)) * 0x100000001b3ULL;
        return hash;
    };
    const std::uint64_t high = fnv1a(0xcbf29ce484222325ULL);
    const std::uint64_t low = fnv1a(0x84222325cbf29ce4ULL);
    RecordId id;
    for (int i = 0; i < 8; ++i) {
        id.bytes[static_cast<std::size_t>(i)] = static_cast<std::uint8_t>(high >> (56 - 8 * i));
        id.bytes[static_cast<std::size_t>(8 + i)] = static_cast<std::uint8_t>(low >> (56 - 8 * i));
    }
    return id;
}

std::optional<RecordId> RecordId::from_hex(std::string_view hex) {
    if (hex.size() != 32) return std::nullopt;
    const auto nibble = [](char c) -> int {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    };
    RecordId id;
    for (std::size_t i = 0; i < 16; ++i) {
        const int high = nibble(hex[2 * i]), low = nibble(hex[2 * i + 1]);
        if (high < 0 || low < 0) return std::nullopt;
        id.bytes[i] = static_cast<std::uint8_t>(high << 4 | low);
    }
    return id;
}

std::string RecordId::hex() const {
    static constexpr char digits[] = "0123456789abcdef";
    std::string out;
    out.reserve(32);
    for (const std::uint8_t byte : bytes) {
        out += digits[byte >> 4];
        out += digits[byte & 0xF];
    }
    return out;
}

bool RecordId::is_nil() const {
    for (const std::uint8_t byte : bytes)
        if (byte != 0) return false;
    return true;
}

}  // namespace tandem
