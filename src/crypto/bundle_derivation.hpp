#pragma once
// Internal to tandem_crypto (it includes sodium.h): what the bundle writer
// and reader both derive, so the two cannot drift apart.

#include <sodium.h>

#include <array>
#include <cstdint>
#include <cstring>
#include <span>
#include <string_view>
#include <vector>

#include "crypto/bundle_format.hpp"
#include "crypto/domain_hash.hpp"
#include "crypto/secret_key.hpp"

namespace tandem::crypto::bundle_derivation {

inline constexpr char kdf_context[crypto_kdf_CONTEXTBYTES + 1] = "TandemB1";
inline constexpr std::uint64_t header_mac_subkey = 1;
inline constexpr std::uint64_t payload_subkey = 2;
inline constexpr std::uint64_t invitation_subkey = 3;  // invitation.hpp
inline constexpr std::string_view passphrase_stanza_ad = "Tandem passphrase stanza v1";
inline constexpr std::string_view signature_domain = "Tandem bundle signature v1";

// The plaintext's fixed layout: both sender keys, the content's length
// (u32, little-endian), the content, the signature.
inline constexpr std::size_t sender_keys_bytes = 64;
inline constexpr std::size_t length_bytes = 4;
inline constexpr std::size_t preamble_bytes = sender_keys_bytes + length_bytes;
inline constexpr std::size_t signature_bytes = crypto_sign_BYTES;

// The file key's subkey `id` (header MAC, payload or invitation).
inline SecretKey subkey(const SecretKey& file_key, std::uint64_t id) {
    static_assert(SecretKey::size == crypto_kdf_KEYBYTES && SecretKey::size == file_key_bytes);
    SecretKey out;
    crypto_kdf_derive_from_key(out.bytes().data(), out.size, id, kdf_context, file_key.bytes().data());
    return out;
}

// The header MAC: BLAKE2b-256 of the header's bytes before it, keyed by the
// header subkey.
inline std::array<std::uint8_t, header_mac_bytes> header_mac(const SecretKey& file_key,
                                                             std::span<const std::uint8_t> header_before_mac) {
    static_assert(header_mac_bytes == crypto_generichash_BYTES);
    const SecretKey key = subkey(file_key, header_mac_subkey);
    std::array<std::uint8_t, header_mac_bytes> mac{};
    crypto_generichash(mac.data(), mac.size(), header_before_mac.data(), header_before_mac.size(), key.bytes().data(),
                       key.size);
    return mac;
}

// What the sender signs: the domain, the whole header (MAC included) and a
// BLAKE2b-512 of the plaintext before the signature.
inline std::vector<std::uint8_t> signed_message(std::span<const std::uint8_t> header,
                                                std::span<const std::uint8_t> signed_plaintext) {
    const auto payload_hash = domain_hash<64>("Tandem bundle payload hash", {signed_plaintext});
    std::vector<std::uint8_t> message(signature_domain.begin(), signature_domain.end());
    message.insert(message.end(), header.begin(), header.end());
    message.insert(message.end(), payload_hash.begin(), payload_hash.end());
    return message;
}

// How many chunks a payload of `length` plaintext bytes has: at least one.
inline std::size_t chunk_count(std::uint64_t length) {
    return length == 0 ? 1 : static_cast<std::size_t>((length + chunk_bytes - 1) / chunk_bytes);
}

inline void put_le(std::vector<std::uint8_t>& out, std::uint64_t value, std::size_t bytes) {
    for (std::size_t i = 0; i < bytes; ++i) out.push_back(static_cast<std::uint8_t>(value >> (8 * i)));
}

inline std::uint64_t get_le(std::span<const std::uint8_t> in, std::size_t bytes) {
    std::uint64_t value = 0;
    for (std::size_t i = 0; i < bytes; ++i) value |= static_cast<std::uint64_t>(in[i]) << (8 * i);
    return value;
}

}  // namespace tandem::crypto::bundle_derivation
