#pragma once
// Writes bundle format v1 (docs/bundle-format.md). write_bundle does it all;
// its steps are public too, so that the test vectors can be built from the
// very code that writes real bundles, with one step changed at a time.
// All randomness is libsodium's. libsodium must be initialised.

#include <array>
#include <cstdint>
#include <span>
#include <vector>

#include "core/result.hpp"
#include "crypto/bundle_content.hpp"
#include "crypto/bundle_format.hpp"
#include "crypto/identity.hpp"
#include "crypto/secret_key.hpp"

namespace tandem::crypto {

// A fresh random file key: one per bundle.
SecretKey new_file_key();

// A stanza sealing `file_key` to the holder of the X25519 key `recipient_box`.
Stanza x25519_stanza(const SecretKey& file_key, const std::array<std::uint8_t, 32>& recipient_box);

// A stanza wrapping `file_key` with `passphrase_key`, derived from the
// passphrase with `salt` and `params` (passphrase_key.hpp).
Stanza passphrase_stanza(const SecretKey& file_key, const SecretKey& passphrase_key,
                         const std::array<std::uint8_t, passphrase_salt_bytes>& salt, KdfParams params);

// The header: magic, version, `stanzas` (1 to max_stanzas, each body under
// 64 KiB), the payload's plaintext length, and the MAC under `file_key`.
std::vector<std::uint8_t> encode_header(std::span<const Stanza> stanzas, const SecretKey& file_key,
                                        std::uint64_t payload_length, std::uint8_t major = bundle_major_version,
                                        std::uint8_t minor = bundle_minor_version);

// The plaintext of a payload of `content` bytes: the sender's public keys,
// the content's length, the content, and the sender's signature over
// `header` and a hash of all that precedes it.
std::vector<std::uint8_t> signed_plaintext(std::span<const std::uint8_t> header, std::span<const std::uint8_t> content,
                                           const Identity& sender);

// How long signed_plaintext of `content_bytes` of content is.
std::size_t signed_plaintext_length(std::size_t content_bytes);

// `plaintext` as a secretstream under `file_key`'s payload subkey: its
// 24-byte header, then chunks of chunk_bytes, the last marked final.
std::vector<std::uint8_t> encrypt_payload(const SecretKey& file_key, std::span<const std::uint8_t> plaintext);

// The whole bundle of `content` from `sender`, for whoever can open one of
// `stanzas`, whose recipient stanzas must all wrap `file_key` (an invitation
// answer among them makes it minor version 1); too_large when it would be
// over max_bundle_bytes.
Result<std::vector<std::uint8_t>, BundleError> write_bundle(const BundleContent& content, const Identity& sender,
                                       std::span<const Stanza> stanzas, const SecretKey& file_key);

}  // namespace tandem::crypto
