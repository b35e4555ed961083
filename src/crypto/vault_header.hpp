#pragma once
// VaultHeader: what a profile's vault keeps in the clear (docs/vault-format.md,
// "The vault header"): its id, and its random master key sealed twice with
// XChaCha20-Poly1305, once by a key derived from the passphrase with
// Argon2id (whose cost and salt it holds) and once by a key from the
// recovery code. The passphrase's key is derived elsewhere (the browser's
// Web Worker), so nothing here is slow.
// libsodium must be initialised.

#include <array>
#include <cstdint>
#include <span>
#include <vector>

#include "core/result.hpp"
#include "crypto/bundle_format.hpp"
#include "crypto/recovery_code.hpp"
#include "crypto/secret_key.hpp"
#include "crypto/vault_error.hpp"

namespace tandem::crypto {

inline constexpr std::uint8_t vault_format_version = 1;
inline constexpr std::size_t vault_id_bytes = 16;
inline constexpr std::size_t vault_header_bytes = 201;

using VaultId = std::array<std::uint8_t, vault_id_bytes>;
using PassphraseSalt = std::array<std::uint8_t, passphrase_salt_bytes>;

// The master key sealed by one way in: a random nonce and the ciphertext.
struct SealedMasterKey {
    std::array<std::uint8_t, 24> nonce{};
    std::array<std::uint8_t, SecretKey::size + 16> ciphertext{};

    bool operator==(const SealedMasterKey&) const = default;
};

struct VaultHeader {
    VaultId id{};
    SealedMasterKey by_recovery_code;
    KdfParams kdf;  // the passphrase's Argon2id cost
    PassphraseSalt salt{};
    SealedMasterKey by_passphrase;

    bool operator==(const VaultHeader&) const = default;

    // The header as stored: vault_header_bytes, ending in its checksum.
    std::vector<std::uint8_t> encode() const;
    // The header in `stored`: header_damaged when its length, version or
    // checksum is wrong (or its Argon2id cost under the minimum),
    // kdf_over_limits when its cost is over the caps.
    static Result<VaultHeader, VaultError> decode(std::span<const std::uint8_t> stored);
};

// A vault just made: its header, its master key and its recovery code, to
// be shown once.
struct NewVault {
    VaultHeader header;
    SecretKey master_key;
    RecoveryCode recovery_code;
};

// Makes a vault whose passphrase gave `passphrase_key` with `kdf` and `salt`:
// a new id, master key and recovery code, from the system's random source.
NewVault create_vault(const SecretKey& passphrase_key, KdfParams kdf, const PassphraseSalt& salt);

// The master key of `header`, opened with the passphrase's key (derived
// with header.kdf and header.salt); wrong_passphrase if it does not open.
Result<SecretKey, VaultError> open_with_passphrase(const VaultHeader& header, const SecretKey& passphrase_key);

// The master key of `header`, opened with its recovery code;
// wrong_recovery_code if it does not open.
Result<SecretKey, VaultError> open_with_recovery_code(const VaultHeader& header, const RecoveryCode& code);

// `header` with a new passphrase: `master_key` (opened from it) sealed by
// `passphrase_key`, derived with `kdf` and `salt`. The recovery code and
// every page stay as they are.
VaultHeader with_new_passphrase(VaultHeader header, const SecretKey& master_key, const SecretKey& passphrase_key,
                                KdfParams kdf, const PassphraseSalt& salt);

}  // namespace tandem::crypto
