#pragma once
// Reads bundle format v1 (docs/bundle-format.md) in two steps. inspect_bundle
// checks the header's structure and limits and says how the bundle is
// addressed, so the app knows whether to ask for a passphrase; verify_bundle
// then authenticates the header, decrypts and authenticates every chunk and
// verifies the sender's signature; only then, and once the receiver trusts
// the signer, decode_bundle decodes the records. Any
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
    // The invitation answer stanza's body, when the bundle carries one (invitation.hpp).
    std::optional<std::array<std::uint8_t, invitation_answer_bytes>> answer;
    std::uint64_t payload_length = 0;       // of the plaintext
    std::size_t mac_offset = 0;             // where the header MAC starts
    std::size_t payload_offset = 0;         // where the secretstream starts
};

// Checks `bytes` up to the header MAC: size, magic, version, stanza count and
// lengths, a passphrase stanza alone, at most one answer stanza, KDF
// parameters within the caps.
Result<BundleHeader, BundleError> inspect_bundle(std::span<const std::uint8_t> bytes);

// A bundle whose header, every chunk and signature are authenticated, its
// records not decoded yet: who signed it, and the content's bytes. A
// receiver decides whether it trusts the signer before decoding any record.
struct VerifiedBundle {
    PublicKeys sender;
    std::vector<std::uint8_t> content;  // what encode_bundle_content wrote
    // Opened with a passphrase: the bundle is an invitation, and this its
    // invitation key (invitation.hpp). Move-only, wiped when dropped.
    std::optional<SecretKey> invitation;
};

// A bundle that opened: who signed it, and what it carries.
struct OpenedBundle {
    PublicKeys sender;
    BundleContent content;
};

// Verifies `bytes`, inspected as `header`, with the recipient's X25519 key.
Result<VerifiedBundle, BundleError> verify_bundle(std::span<const std::uint8_t> bytes, const BundleHeader& header,
                                                  const Identity& recipient);
// Verifies a passphrase bundle with the key derived from the passphrase
// (derive_passphrase_key with header.passphrase's salt and cost).
Result<VerifiedBundle, BundleError> verify_bundle(std::span<const std::uint8_t> bytes, const BundleHeader& header,
                                                  const SecretKey& passphrase_key);
// Decodes a verified bundle's records (decode_bundle_content, memory
// bounded): newer_version or damaged_content when it cannot.
Result<OpenedBundle, BundleError> decode_bundle(const VerifiedBundle& verified);

// verify_bundle, then decode_bundle, in one call.
Result<OpenedBundle, BundleError> open_bundle(std::span<const std::uint8_t> bytes, const BundleHeader& header,
                                              const Identity& recipient);
Result<OpenedBundle, BundleError> open_bundle(std::span<const std::uint8_t> bytes, const BundleHeader& header,
                                              const SecretKey& passphrase_key);

}  // namespace tandem::crypto
