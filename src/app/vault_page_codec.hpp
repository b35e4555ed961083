#pragma once
// VaultPageCodec: the page codec of an unlocked vault (docs/vault-format.md):
// every page and the commit record's seal go through crypto::VaultCipher, so
// that what the page store keeps is ciphertext bound to this vault, each
// page's number and generation, and the save that wrote it.

#include <optional>

#include "crypto/secret_key.hpp"
#include "crypto/vault_cipher.hpp"
#include "store/page_codec.hpp"

namespace tandem::app {

class VaultPageCodec final : public store::PageCodec {
public:
    // The codec of the vault `id` whose master key is `master_key` (not kept:
    // only its subkeys are, wiped with the codec).
    VaultPageCodec(const crypto::SecretKey& master_key, const crypto::VaultId& id);

    std::vector<std::uint8_t> encode(std::uint32_t number, std::uint64_t generation,
                                     std::span<const std::uint8_t> page) override;
    Result<void, store::PageCodecError> decode(std::uint32_t number, std::uint64_t generation,
                                               std::span<const std::uint8_t> stored,
                                               std::span<std::uint8_t> page) override;
    std::vector<std::uint8_t> seal_commit(const store::CommitRecord& commit) override;
    Result<void, store::PageCodecError> open_commit(const store::CommitRecord& commit) override;
    Result<void, store::PageCodecError> check_pages(const store::CommitRecord& commit) override;

    // The vault's own account of the last refusal (its page, and which of
    // its checks), beyond the kind the store reports.
    const std::optional<crypto::VaultError>& last_refusal() const { return last_refusal_; }

private:
    store::PageCodecError refused(crypto::VaultError error);

    crypto::VaultCipher cipher_;
    std::optional<crypto::VaultCommit> opened_;  // what open_commit() read, for check_pages()
    std::optional<crypto::VaultError> last_refusal_;
};

}  // namespace tandem::app
