#pragma once
// The constants of bundle format v1 (docs/bundle-format.md), shared by the
// writer and the reader, and the ways a bundle can be refused.

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace tandem::crypto {

// [SECTION] Layout

// The first bytes of every bundle: 0x89, "TANDEM", a line feed (as PNG does,
// a transfer that mangles bytes or line ends shows at once).
inline constexpr std::array<std::uint8_t, 8> bundle_magic{0x89, 'T', 'A', 'N', 'D', 'E', 'M', 0x0A};
inline constexpr std::uint8_t bundle_major_version = 1;
inline constexpr std::uint8_t bundle_minor_version = 0;
// The minor version of a bundle that carries an invitation answer stanza.
inline constexpr std::uint8_t answer_minor_version = 1;

inline constexpr std::size_t file_key_bytes = 32;
inline constexpr std::size_t header_mac_bytes = 32;
inline constexpr std::size_t chunk_bytes = 64 * 1024;  // plaintext of every chunk but the last

// Stanza types. A reader skips types it does not know.
inline constexpr std::uint8_t x25519_stanza_type = 1;
inline constexpr std::uint8_t passphrase_stanza_type = 2;
inline constexpr std::size_t x25519_stanza_bytes = 32 + 48;          // crypto_box_seal of the file key
inline constexpr std::size_t passphrase_salt_bytes = 16;
inline constexpr std::size_t passphrase_stanza_bytes = 16 + 4 + 4 + 48;  // salt, ops, mem, wrapped key
// Not a recipient: proof that the sender answers an invitation (invitation.hpp).
inline constexpr std::uint8_t invitation_answer_stanza_type = 3;
inline constexpr std::size_t invitation_answer_bytes = 16 + 32;  // nonce, MAC

// [SECTION] Limits, checked before anything is computed from the bytes

inline constexpr std::size_t max_bundle_bytes = 64 * 1024 * 1024;
inline constexpr std::size_t max_stanzas = 16;
inline constexpr std::uint32_t max_kdf_opslimit = 10;
inline constexpr std::uint32_t max_kdf_memlimit = 256 * 1024 * 1024;

// Argon2id's cost: passes over memory and the memory in bytes.
struct KdfParams {
    std::uint32_t opslimit = 0;
    std::uint32_t memlimit = 0;
    bool operator==(const KdfParams&) const = default;
};

// The cost a new passphrase bundle is written with (docs/PERFORMANCE.md:
// about 0.5–1 s in the browser).
inline constexpr KdfParams default_kdf_params{3, 128 * 1024 * 1024};

// One recipient stanza as it is in the header.
struct Stanza {
    std::uint8_t type = 0;
    std::vector<std::uint8_t> body;
};

// [SECTION] Refusals

// Why a bundle was refused; each has its own message in the app.
enum class BundleError {
    not_a_bundle,      // no Tandem magic: some other file
    newer_version,     // a major version (or content schema) this Tandem does not know
    too_large,         // over max_bundle_bytes
    too_many_stanzas,  // over max_stanzas
    kdf_over_limits,   // a passphrase stanza asking for more than the caps
    damaged_header,    // the header's structure does not hold together
    not_for_you,       // no stanza opens: a wrong passphrase or another profile's bundle, alike by design
    header_tampered,   // the header MAC does not match
    chunk_tampered,    // a chunk fails authentication: changed, or out of order
    truncated,         // the stream ends before its final chunk
    trailing_data,     // bytes after the final chunk
    bad_signature,     // the sender's signature does not verify
    damaged_content,   // signed, but its records cannot be read
    out_of_memory,     // the passphrase's key could not be derived here
};

// The error's stable name, as the test vectors' expected outcomes write it.
constexpr std::string_view bundle_error_name(BundleError error) {
    switch (error) {
        case BundleError::not_a_bundle: return "not_a_bundle";
        case BundleError::newer_version: return "newer_version";
        case BundleError::too_large: return "too_large";
        case BundleError::too_many_stanzas: return "too_many_stanzas";
        case BundleError::kdf_over_limits: return "kdf_over_limits";
        case BundleError::damaged_header: return "damaged_header";
        case BundleError::not_for_you: return "not_for_you";
        case BundleError::header_tampered: return "header_tampered";
        case BundleError::chunk_tampered: return "chunk_tampered";
        case BundleError::truncated: return "truncated";
        case BundleError::trailing_data: return "trailing_data";
        case BundleError::bad_signature: return "bad_signature";
        case BundleError::damaged_content: return "damaged_content";
        case BundleError::out_of_memory: return "out_of_memory";
    }
    return "unknown";
}

}  // namespace tandem::crypto
