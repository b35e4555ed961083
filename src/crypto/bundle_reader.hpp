#pragma once
// Reads bundle format v1 (docs/bundle-format.md) in two steps. inspect_bundle
// checks the header's structure and limits and says how the bundle is
// addressed, so the app knows whether to ask for a passphrase; open_bundle
// then authenticates the header, decrypts and authenticates every chunk,
// verifies the sender's signature and only then decodes the records. Any
// bytes at all give a BundleError, never a crash. libsodium must be
// initialised.

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "core/result.hpp"
#include "crypto/bundle_content.hpp"
#include "crypto/bundle_format.hpp"
#include "crypto/identity.hpp"
#include "crypto/secret_key.hpp"

namespace tandem::crypto {

// A passphrase stanza's salt and cost.
struct PassphraseLock {
    std::array<std::uint8_t, passphrase_salt_bytes> salt{};
    KdfParams params;
};

// A header whose structure holds together (not yet authenticated).
struct BundleHeader {
    std::uint8_t major = 0;
    std::uint8_t minor = 0;
    std::vector<Stanza> stanzas;            // all of them, unknown types included
    std::optional<PassphraseLock> passphrase;  // set when the bundle is for a passphrase
    std::uint64_t payload_length = 0;       // of the plaintext
    std::size_t mac_offset = 0;             // where the header MAC starts
    std::size_t payload_offset = 0;         // where the secretstream starts
};

// Checks `bytes` up to the header MAC: size, magic, version, stanza count and
// lengths, a passphrase stanza alone, KDF parameters within the caps.
Result<BundleHeader, BundleError> inspect_bundle(std::span<const std::uint8_t> bytes);

// A bundle that opened: who signed it, and what it carries.
struct OpenedBundle {
    PublicKeys sender;
    BundleContent content;
};

// Opens `bytes`, inspected as `header`, with the recipient's X25519 key.
Result<OpenedBundle, BundleError> open_bundle(std::span<const std::uint8_t> bytes, const BundleHeader& header,
                                              const Identity& recipient);

// Opens a passphrase bundle with the key derived from the passphrase
// (derive_passphrase_key with header.passphrase's salt and cost).
Result<OpenedBundle, BundleError> open_bundle(std::span<const std::uint8_t> bytes, const BundleHeader& header,
                                              const SecretKey& passphrase_key);

}  // namespace tandem::crypto
