#include "crypto/passphrase_key.hpp"

#include <sodium.h>

namespace tandem::crypto {

std::array<std::uint8_t, passphrase_salt_bytes> new_passphrase_salt() {
    static_assert(passphrase_salt_bytes == crypto_pwhash_SALTBYTES);
    std::array<std::uint8_t, passphrase_salt_bytes> salt{};
    randombytes_buf(salt.data(), salt.size());
    return salt;
}

Result<void, BundleError> check_kdf_params(KdfParams params) {
    if (params.opslimit > max_kdf_opslimit || params.memlimit > max_kdf_memlimit) return fail(BundleError::kdf_over_limits);
    if (params.opslimit < crypto_pwhash_argon2id_OPSLIMIT_MIN || params.memlimit < crypto_pwhash_argon2id_MEMLIMIT_MIN)
        return fail(BundleError::damaged_header);
    return {};
}

Result<SecretKey, BundleError> derive_passphrase_key(std::string_view passphrase,
                                                     const std::array<std::uint8_t, passphrase_salt_bytes>& salt,
                                                     KdfParams params) {
    if (auto checked = check_kdf_params(params); !checked) return fail(checked.error());
    SecretKey key;
    if (crypto_pwhash(key.bytes().data(), key.size, passphrase.data(), passphrase.size(), salt.data(), params.opslimit,
                      params.memlimit, crypto_pwhash_ALG_ARGON2ID13) != 0)
        return fail(BundleError::out_of_memory);
    return key;
}

}  // namespace tandem::crypto
