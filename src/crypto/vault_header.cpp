#include "crypto/vault_header.hpp"

#include <sodium.h>

#include <algorithm>
#include <optional>
#include <string_view>

#include "crypto/bundle_derivation.hpp"
#include "crypto/passphrase_key.hpp"

namespace tandem::crypto {

namespace {

using bundle_derivation::get_le;
using bundle_derivation::put_le;

constexpr std::string_view seal_domain = "Tandem vault key v1";
constexpr std::string_view recovery_domain = "Tandem vault recovery v1";
constexpr std::uint8_t by_passphrase_kind = 1;
constexpr std::uint8_t by_recovery_kind = 2;

// Where each field starts in the stored header.
constexpr std::size_t id_at = 1;
constexpr std::size_t recovery_seal_at = id_at + vault_id_bytes;
constexpr std::size_t kdf_at = recovery_seal_at + 24 + SecretKey::size + 16;
constexpr std::size_t salt_at = kdf_at + 8;
constexpr std::size_t passphrase_seal_at = salt_at + passphrase_salt_bytes;
constexpr std::size_t checksum_at = passphrase_seal_at + 24 + SecretKey::size + 16;
constexpr std::size_t checksum_bytes = 16;
static_assert(checksum_at + checksum_bytes == vault_header_bytes);
static_assert(crypto_aead_xchacha20poly1305_ietf_NPUBBYTES == 24 && crypto_aead_xchacha20poly1305_ietf_ABYTES == 16);

// A seal's associated data: the domain, every header byte before the seal, its kind.
std::vector<std::uint8_t> seal_ad(std::span<const std::uint8_t> header_before, std::uint8_t kind) {
    std::vector<std::uint8_t> ad(seal_domain.begin(), seal_domain.end());
    ad.insert(ad.end(), header_before.begin(), header_before.end());
    ad.push_back(kind);
    return ad;
}

SealedMasterKey seal(const SecretKey& wrap_key, const SecretKey& master_key, std::span<const std::uint8_t> ad) {
    SealedMasterKey sealed;
    randombytes_buf(sealed.nonce.data(), sealed.nonce.size());
    crypto_aead_xchacha20poly1305_ietf_encrypt(sealed.ciphertext.data(), nullptr, master_key.bytes().data(),
                                               master_key.size, ad.data(), ad.size(), nullptr, sealed.nonce.data(),
                                               wrap_key.bytes().data());
    return sealed;
}

// The master key in `sealed`, or nothing when it does not open.
std::optional<SecretKey> unseal(const SecretKey& wrap_key, const SealedMasterKey& sealed,
                                std::span<const std::uint8_t> ad) {
    SecretKey master_key;
    if (crypto_aead_xchacha20poly1305_ietf_decrypt(master_key.bytes().data(), nullptr, nullptr,
                                                   sealed.ciphertext.data(), sealed.ciphertext.size(), ad.data(),
                                                   ad.size(), sealed.nonce.data(), wrap_key.bytes().data()) != 0)
        return std::nullopt;
    return master_key;
}

// The key the recovery code seals with: BLAKE2b-256 keyed by its bytes.
SecretKey recovery_wrap_key(const RecoveryCode& code) {
    static_assert(RecoveryCode::size >= crypto_generichash_KEYBYTES_MIN);
    SecretKey key;
    crypto_generichash(key.bytes().data(), key.size, reinterpret_cast<const unsigned char*>(recovery_domain.data()),
                       recovery_domain.size(), code.bytes().data(), code.bytes().size());
    return key;
}

void put_sealed(std::vector<std::uint8_t>& out, const SealedMasterKey& sealed) {
    out.insert(out.end(), sealed.nonce.begin(), sealed.nonce.end());
    out.insert(out.end(), sealed.ciphertext.begin(), sealed.ciphertext.end());
}

SealedMasterKey get_sealed(std::span<const std::uint8_t> in) {
    SealedMasterKey sealed;
    std::copy_n(in.begin(), sealed.nonce.size(), sealed.nonce.begin());
    std::copy_n(in.begin() + static_cast<std::ptrdiff_t>(sealed.nonce.size()), sealed.ciphertext.size(),
                sealed.ciphertext.begin());
    return sealed;
}

// Seals `master_key` by the passphrase into `header`, whose fields before
// that seal are set.
void seal_by_passphrase(VaultHeader& header, const SecretKey& master_key, const SecretKey& passphrase_key) {
    const std::vector<std::uint8_t> stored = header.encode();
    header.by_passphrase =
        seal(passphrase_key, master_key, seal_ad(std::span(stored).first(passphrase_seal_at), by_passphrase_kind));
}

}  // namespace

std::vector<std::uint8_t> VaultHeader::encode() const {
    std::vector<std::uint8_t> out;
    out.reserve(vault_header_bytes);
    out.push_back(vault_format_version);
    out.insert(out.end(), id.begin(), id.end());
    put_sealed(out, by_recovery_code);
    put_le(out, kdf.opslimit, 4);
    put_le(out, kdf.memlimit, 4);
    out.insert(out.end(), salt.begin(), salt.end());
    put_sealed(out, by_passphrase);
    std::array<std::uint8_t, checksum_bytes> checksum{};
    crypto_generichash(checksum.data(), checksum.size(), out.data(), out.size(), nullptr, 0);
    out.insert(out.end(), checksum.begin(), checksum.end());
    return out;
}

Result<VaultHeader, VaultError> VaultHeader::decode(std::span<const std::uint8_t> stored) {
    if (stored.size() != vault_header_bytes || stored[0] != vault_format_version)
        return fail(VaultError{VaultFailure::header_damaged});
    std::array<std::uint8_t, checksum_bytes> checksum{};
    crypto_generichash(checksum.data(), checksum.size(), stored.data(), checksum_at, nullptr, 0);
    if (!std::equal(checksum.begin(), checksum.end(), stored.begin() + checksum_at))
        return fail(VaultError{VaultFailure::header_damaged});
    VaultHeader header;
    std::copy_n(stored.begin() + id_at, vault_id_bytes, header.id.begin());
    header.by_recovery_code = get_sealed(stored.subspan(recovery_seal_at));
    header.kdf.opslimit = static_cast<std::uint32_t>(get_le(stored.subspan(kdf_at), 4));
    header.kdf.memlimit = static_cast<std::uint32_t>(get_le(stored.subspan(kdf_at + 4), 4));
    if (auto checked = check_kdf_params(header.kdf); !checked)
        return fail(VaultError{checked.error() == BundleError::kdf_over_limits ? VaultFailure::kdf_over_limits
                                                                                : VaultFailure::header_damaged});
    std::copy_n(stored.begin() + salt_at, passphrase_salt_bytes, header.salt.begin());
    header.by_passphrase = get_sealed(stored.subspan(passphrase_seal_at));
    return header;
}

NewVault create_vault(const SecretKey& passphrase_key, KdfParams kdf, const PassphraseSalt& salt) {
    NewVault made{VaultHeader{}, SecretKey{}, RecoveryCode::random()};
    randombytes_buf(made.header.id.data(), made.header.id.size());
    randombytes_buf(made.master_key.bytes().data(), made.master_key.size);
    made.header.kdf = kdf;
    made.header.salt = salt;
    const std::vector<std::uint8_t> stored = made.header.encode();
    made.header.by_recovery_code = seal(recovery_wrap_key(made.recovery_code), made.master_key,
                                        seal_ad(std::span(stored).first(recovery_seal_at), by_recovery_kind));
    seal_by_passphrase(made.header, made.master_key, passphrase_key);
    return made;
}

Result<SecretKey, VaultError> open_with_passphrase(const VaultHeader& header, const SecretKey& passphrase_key) {
    const std::vector<std::uint8_t> stored = header.encode();
    std::optional<SecretKey> master_key = unseal(
        passphrase_key, header.by_passphrase, seal_ad(std::span(stored).first(passphrase_seal_at), by_passphrase_kind));
    if (!master_key) return fail(VaultError{VaultFailure::wrong_passphrase});
    return std::move(*master_key);
}

Result<SecretKey, VaultError> open_with_recovery_code(const VaultHeader& header, const RecoveryCode& code) {
    const std::vector<std::uint8_t> stored = header.encode();
    std::optional<SecretKey> master_key = unseal(recovery_wrap_key(code), header.by_recovery_code,
                                                 seal_ad(std::span(stored).first(recovery_seal_at), by_recovery_kind));
    if (!master_key) return fail(VaultError{VaultFailure::wrong_recovery_code});
    return std::move(*master_key);
}

VaultHeader with_new_passphrase(VaultHeader header, const SecretKey& master_key, const SecretKey& passphrase_key,
                                KdfParams kdf, const PassphraseSalt& salt) {
    header.kdf = kdf;
    header.salt = salt;
    seal_by_passphrase(header, master_key, passphrase_key);
    return header;
}

}  // namespace tandem::crypto
