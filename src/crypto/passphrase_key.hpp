#pragma once
// The key a passphrase bundle's file key is wrapped with: Argon2id (v1.3)
// of the passphrase, slow on purpose (KdfParams). The app derives it apart
// from writing or opening the bundle, so that the slow part can run where
// the interface does not wait for it.

#include <array>
#include <cstdint>
#include <string_view>

#include "core/result.hpp"
#include "crypto/bundle_format.hpp"
#include "crypto/secret_key.hpp"

namespace tandem::crypto {

// A fresh random salt for a new passphrase bundle.
std::array<std::uint8_t, passphrase_salt_bytes> new_passphrase_salt();

// Derives the key for `passphrase` (UTF-8, as typed) with `salt` and
// `params`. Refuses parameters over the caps (kdf_over_limits) or under
// Argon2id's minimums (damaged_header); out_of_memory when the memory
// cannot be had.
Result<SecretKey, BundleError> derive_passphrase_key(std::string_view passphrase,
                                                     const std::array<std::uint8_t, passphrase_salt_bytes>& salt,
                                                     KdfParams params);

// Whether `params` are within the caps and Argon2id's minimums; the error
// derive_passphrase_key would give otherwise.
Result<void, BundleError> check_kdf_params(KdfParams params);

}  // namespace tandem::crypto
