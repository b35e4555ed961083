#include "crypto/identity.hpp"

#include <sodium.h>

#include "crypto/domain_hash.hpp"

#include <cstdio>
#include <cstring>
#include <utility>
#include <vector>

namespace tandem::crypto {

namespace {

constexpr std::uint8_t sharing_code_version = 1;
constexpr std::size_t checksum_bytes = 5;  // 70 bytes make 112 characters: 28 groups of four
constexpr std::size_t code_bytes = 1 + 32 + 32 + checksum_bytes;
constexpr std::size_t code_characters = (code_bytes * 8 + 4) / 5;
constexpr std::string_view code_prefix = "TDM1";
constexpr std::string_view alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";  // Crockford's

std::array<std::uint8_t, 64> key_bytes(const PublicKeys& keys) {
    std::array<std::uint8_t, 64> bytes{};
    std::memcpy(bytes.data(), keys.box.data(), 32);
    std::memcpy(bytes.data() + 32, keys.sign.data(), 32);
    return bytes;
}

std::array<std::uint8_t, checksum_bytes> checksum(std::span<const std::uint8_t> version_and_keys) {
    const auto hash = domain_hash<16>("Tandem sharing code checksum", {version_and_keys});
    std::array<std::uint8_t, checksum_bytes> out{};
    std::memcpy(out.data(), hash.data(), checksum_bytes);
    return out;
}

// The 5-bit value of a sharing code character, with Crockford's readings
// of look-alikes; -1 for one that is not in the alphabet.
int code_value(char c) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (c == 'O') c = '0';
    if (c == 'I' || c == 'L') c = '1';
    const std::size_t at = alphabet.find(c);
    return at == std::string_view::npos ? -1 : static_cast<int>(at);
}

}  // namespace

bool usable_box_key(const std::array<std::uint8_t, 32>& point) {
    std::array<std::uint8_t, 32> scalar{};
    scalar.fill(0x55);
    std::array<std::uint8_t, 32> shared{};
    const bool usable = crypto_scalarmult(shared.data(), scalar.data(), point.data()) == 0;
    sodium_memzero(shared.data(), shared.size());
    return usable;
}

Identity Identity::generate() {
    Identity identity;
    crypto_box_keypair(identity.public_.box.data(), identity.box_secret_.data());
    crypto_sign_keypair(identity.public_.sign.data(), identity.sign_secret_.data());
    return identity;
}

Result<Identity, CryptoError> Identity::from_secrets(std::span<const std::uint8_t> box_secret,
                                                     std::span<const std::uint8_t> sign_secret) {
    if (box_secret.size() != box_secret_bytes || sign_secret.size() != sign_secret_bytes)
        return fail(CryptoError{"a stored key has the wrong size"});
    Identity identity;
    std::memcpy(identity.box_secret_.data(), box_secret.data(), box_secret_bytes);
    std::memcpy(identity.sign_secret_.data(), sign_secret.data(), sign_secret_bytes);
    crypto_scalarmult_base(identity.public_.box.data(), identity.box_secret_.data());
    // libsodium's secret signing key is the seed followed by the public key:
    // both halves must belong together.
    std::array<std::uint8_t, 64> derived{};
    crypto_sign_seed_keypair(identity.public_.sign.data(), derived.data(), identity.sign_secret_.data());
    const bool matches = sodium_memcmp(derived.data(), identity.sign_secret_.data(), derived.size()) == 0;
    sodium_memzero(derived.data(), derived.size());
    if (!matches) return fail(CryptoError{"the stored signing key is inconsistent"});
    return identity;
}

Identity::Identity(Identity&& other) noexcept
    : public_(other.public_), box_secret_(other.box_secret_), sign_secret_(other.sign_secret_) {
    other.wipe();
}

Identity& Identity::operator=(Identity&& other) noexcept {
    if (this != &other) {
        public_ = other.public_;
        box_secret_ = other.box_secret_;
        sign_secret_ = other.sign_secret_;
        other.wipe();
    }
    return *this;
}

Identity::~Identity() { wipe(); }

void Identity::wipe() {
    sodium_memzero(box_secret_.data(), box_secret_.size());
    sodium_memzero(sign_secret_.data(), sign_secret_.size());
}

std::string sharing_code(const PublicKeys& keys) {
    std::vector<std::uint8_t> bytes;
    bytes.reserve(code_bytes);
    bytes.push_back(sharing_code_version);
    const auto both = key_bytes(keys);
    bytes.insert(bytes.end(), both.begin(), both.end());
    const auto sum = checksum(bytes);
    bytes.insert(bytes.end(), sum.begin(), sum.end());

    std::string characters;
    unsigned buffer = 0;
    int bits = 0;
    for (const std::uint8_t byte : bytes) {
        buffer = (buffer << 8) | byte;
        bits += 8;
        while (bits >= 5) {
            bits -= 5;
            characters += alphabet[(buffer >> bits) & 31];
        }
    }
    if (bits > 0) characters += alphabet[(buffer << (5 - bits)) & 31];

    std::string code(code_prefix);
    for (std::size_t i = 0; i < characters.size(); i += 4) code += "-" + characters.substr(i, 4);
    return code;
}

Result<PublicKeys, SharingCodeError> parse_sharing_code(std::string_view text) {
    std::string characters;
    for (const char c : text) {
        if (c == ' ' || c == '-' || c == '\t' || c == '\n' || c == '\r') continue;
        characters += c;
        if (characters.size() > code_characters + code_prefix.size()) return fail(SharingCodeError::malformed);
    }
    // The prefix is optional; it is told apart by its length.
    if (characters.size() == code_characters + code_prefix.size()) {
        std::string prefix = characters.substr(0, code_prefix.size());
        for (char& c : prefix)
            if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
        if (prefix.substr(0, 3) != code_prefix.substr(0, 3)) return fail(SharingCodeError::malformed);
        if (prefix != code_prefix) return fail(SharingCodeError::newer_version);
        characters.erase(0, code_prefix.size());
    }
    if (characters.size() != code_characters) return fail(SharingCodeError::malformed);

    std::vector<std::uint8_t> bytes;
    unsigned buffer = 0;
    int bits = 0;
    for (const char c : characters) {
        const int value = code_value(c);
        if (value < 0) return fail(SharingCodeError::malformed);
        buffer = (buffer << 5) | static_cast<unsigned>(value);
        bits += 5;
        if (bits >= 8) {
            bits -= 8;
            bytes.push_back(static_cast<std::uint8_t>((buffer >> bits) & 0xFF));
        }
    }
    if (bytes.size() != code_bytes || (buffer & ((1u << bits) - 1)) != 0) return fail(SharingCodeError::malformed);

    const std::span<const std::uint8_t> body(bytes.data(), code_bytes - checksum_bytes);
    const auto expected = checksum(body);
    if (std::memcmp(expected.data(), bytes.data() + body.size(), checksum_bytes) != 0)
        return fail(SharingCodeError::mistyped);
    if (bytes[0] != sharing_code_version) return fail(SharingCodeError::newer_version);

    PublicKeys keys;
    std::memcpy(keys.box.data(), bytes.data() + 1, 32);
    std::memcpy(keys.sign.data(), bytes.data() + 33, 32);
    if (!usable_box_key(keys.box) || crypto_core_ed25519_is_valid_point(keys.sign.data()) != 1)
        return fail(SharingCodeError::unusable_key);
    return keys;
}

std::string fingerprint(const PublicKeys& keys) {
    const auto both = key_bytes(keys);
    const auto hash = domain_hash<32>("Tandem fingerprint", {both});
    std::string out;
    for (std::size_t group = 0; group < 6; ++group) {
        std::uint64_t value = 0;
        for (std::size_t i = 0; i < 5; ++i) value = (value << 8) | hash[group * 5 + i];
        char digits[6];
        std::snprintf(digits, sizeof digits, "%05u", static_cast<unsigned>(value % 100000));
        if (!out.empty()) out += ' ';
        out += digits;
    }
    return out;
}

}  // namespace tandem::crypto
