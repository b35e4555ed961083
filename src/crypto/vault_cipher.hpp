#pragma once
// VaultCipher: seals and opens a vault's pages and its commit record with
// subkeys of the master key (docs/vault-format.md, "Pages" and "The commit
// record"). A page is bound to the vault, its number and the generation that
// wrote it; the commit record seals a hash of every page's number,
// generation and tag, so that pages of different saves put together are
// found even when each opens on its own. The cipher remembers the label of
// every page it sealed or opened, for that hash. Keys are wiped when it is
// destroyed.
// libsodium must be initialised.

#include <array>
#include <cstdint>
#include <span>
#include <vector>

#include "core/result.hpp"
#include "crypto/secret_key.hpp"
#include "crypto/vault_error.hpp"
#include "crypto/vault_header.hpp"

namespace tandem::crypto {

inline constexpr std::uint8_t vault_page_format = 1;
// A page as stored: its format byte, a 24-byte nonce, the page, a 16-byte tag.
inline constexpr std::size_t vault_page_overhead = 1 + 24 + 16;
// A sealed commit record: format byte, nonce, the sealed fields and tag.
inline constexpr std::size_t vault_commit_bytes = 1 + 24 + 48 + 16;

// What a commit record seals.
struct VaultCommit {
    std::uint64_t generation = 0;
    std::uint32_t page_count = 0;
    std::uint32_t page_size = 0;
    std::array<std::uint8_t, 32> pages_hash{};  // of every page's (number, generation, tag), pages 1 to page_count

    bool operator==(const VaultCommit&) const = default;
};

class VaultCipher {
public:
    // Derives the page and commit subkeys of `master_key`, which it does not keep.
    VaultCipher(const SecretKey& master_key, const VaultId& id);

    // Page `number` (from 1) of `generation` as stored; remembers its label.
    std::vector<std::uint8_t> seal_page(std::uint32_t number, std::uint64_t generation,
                                        std::span<const std::uint8_t> page);

    // Opens `stored` into `page` (the page size) if it is page `number` of
    // `generation` of this vault, and remembers its label; page_changed
    // otherwise, and `page` then holds nothing of what was stored.
    Result<void, VaultError> open_page(std::uint32_t number, std::uint64_t generation,
                                       std::span<const std::uint8_t> stored, std::span<std::uint8_t> page);

    // The sealed commit record of `generation`, whose pages 1 to page_count
    // must all have been sealed or opened by this cipher (asserted); labels
    // of pages above page_count are forgotten.
    std::vector<std::uint8_t> seal_commit(std::uint64_t generation, std::uint32_t page_count,
                                          std::uint32_t page_size);

    // What `sealed` holds; commit_changed if it is not a commit record of this vault.
    Result<VaultCommit, VaultError> open_commit(std::span<const std::uint8_t> sealed) const;

    // Whether every page 1 to commit.page_count was opened (page_missing
    // names the first that was not) and their labels are the ones `commit`
    // sealed (pages_mixed).
    Result<void, VaultError> check_pages(const VaultCommit& commit) const;

private:
    struct PageLabel {
        std::uint64_t generation = 0;
        std::array<std::uint8_t, 16> tag{};
        bool known = false;
    };

    std::array<std::uint8_t, 32> pages_hash(std::uint32_t page_count) const;
    void remember(std::uint32_t number, std::uint64_t generation, std::span<const std::uint8_t> tag);

    SecretKey page_key_;
    SecretKey commit_key_;
    VaultId id_;
    std::vector<PageLabel> labels_;  // by page number - 1
};

}  // namespace tandem::crypto
