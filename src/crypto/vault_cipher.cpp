#include "crypto/vault_cipher.hpp"

#include <sodium.h>

#include <algorithm>
#include <cassert>
#include <cstddef>
#include <string_view>

#include "crypto/bundle_derivation.hpp"

namespace tandem::crypto {

namespace {

using bundle_derivation::get_le;
using bundle_derivation::put_le;

constexpr char kdf_context[crypto_kdf_CONTEXTBYTES + 1] = "TandemV1";
constexpr std::uint64_t page_subkey = 1;
constexpr std::uint64_t commit_subkey = 2;
constexpr std::string_view page_domain = "Tandem vault page v1";
constexpr std::string_view commit_domain = "Tandem vault commit v1";
constexpr std::uint8_t commit_format = 1;
constexpr std::size_t nonce_bytes = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
constexpr std::size_t tag_bytes = crypto_aead_xchacha20poly1305_ietf_ABYTES;
constexpr std::size_t commit_fields_bytes = 8 + 4 + 4 + 32;
static_assert(vault_page_overhead == 1 + nonce_bytes + tag_bytes);
static_assert(vault_commit_bytes == 1 + nonce_bytes + commit_fields_bytes + tag_bytes);

SecretKey subkey(const SecretKey& master_key, std::uint64_t id) {
    SecretKey out;
    crypto_kdf_derive_from_key(out.bytes().data(), out.size, id, kdf_context, master_key.bytes().data());
    return out;
}

std::vector<std::uint8_t> page_ad(const VaultId& id, std::uint32_t number, std::uint64_t generation) {
    std::vector<std::uint8_t> ad(page_domain.begin(), page_domain.end());
    ad.push_back(vault_page_format);
    ad.insert(ad.end(), id.begin(), id.end());
    put_le(ad, number, 4);
    put_le(ad, generation, 8);
    return ad;
}

std::vector<std::uint8_t> commit_ad(const VaultId& id) {
    std::vector<std::uint8_t> ad(commit_domain.begin(), commit_domain.end());
    ad.push_back(commit_format);
    ad.insert(ad.end(), id.begin(), id.end());
    return ad;
}

}  // namespace

VaultCipher::VaultCipher(const SecretKey& master_key, const VaultId& id)
    : page_key_(subkey(master_key, page_subkey)), commit_key_(subkey(master_key, commit_subkey)), id_(id) {}

void VaultCipher::remember(std::uint32_t number, std::uint64_t generation, std::span<const std::uint8_t> tag) {
    assert(number >= 1 && tag.size() == tag_bytes);
    if (labels_.size() < number) labels_.resize(number);
    PageLabel& label = labels_[number - 1];
    label.generation = generation;
    std::copy(tag.begin(), tag.end(), label.tag.begin());
    label.known = true;
}

std::vector<std::uint8_t> VaultCipher::seal_page(std::uint32_t number, std::uint64_t generation,
                                                 std::span<const std::uint8_t> page) {
    std::vector<std::uint8_t> stored(vault_page_overhead + page.size());
    stored[0] = vault_page_format;
    std::uint8_t* nonce = stored.data() + 1;
    randombytes_buf(nonce, nonce_bytes);
    const std::vector<std::uint8_t> ad = page_ad(id_, number, generation);
    crypto_aead_xchacha20poly1305_ietf_encrypt(nonce + nonce_bytes, nullptr, page.data(), page.size(), ad.data(),
                                               ad.size(), nullptr, nonce, page_key_.bytes().data());
    remember(number, generation, std::span(stored).last(tag_bytes));
    return stored;
}

Result<void, VaultError> VaultCipher::open_page(std::uint32_t number, std::uint64_t generation,
                                                std::span<const std::uint8_t> stored, std::span<std::uint8_t> page) {
    const VaultError changed{VaultFailure::page_changed, number};
    if (number == 0 || stored.size() != page.size() + vault_page_overhead || stored[0] != vault_page_format)
        return fail(changed);
    const std::uint8_t* nonce = stored.data() + 1;
    const std::vector<std::uint8_t> ad = page_ad(id_, number, generation);
    if (crypto_aead_xchacha20poly1305_ietf_decrypt(page.data(), nullptr, nullptr, nonce + nonce_bytes,
                                                   stored.size() - 1 - nonce_bytes, ad.data(), ad.size(), nonce,
                                                   page_key_.bytes().data()) != 0)
        return fail(changed);
    remember(number, generation, stored.last(tag_bytes));
    return {};
}

std::array<std::uint8_t, 32> VaultCipher::pages_hash(std::uint32_t page_count) const {
    crypto_generichash_state state;
    crypto_generichash_init(&state, nullptr, 0, 32);
    std::vector<std::uint8_t> entry;
    for (std::uint32_t number = 1; number <= page_count; ++number) {
        const PageLabel& label = labels_[number - 1];
        entry.clear();
        put_le(entry, number, 4);
        put_le(entry, label.generation, 8);
        entry.insert(entry.end(), label.tag.begin(), label.tag.end());
        crypto_generichash_update(&state, entry.data(), entry.size());
    }
    std::array<std::uint8_t, 32> hash{};
    crypto_generichash_final(&state, hash.data(), hash.size());
    return hash;
}

std::vector<std::uint8_t> VaultCipher::seal_commit(std::uint64_t generation, std::uint32_t page_count,
                                                   std::uint32_t page_size) {
    assert(labels_.size() >= page_count &&
           std::all_of(labels_.begin(), labels_.begin() + static_cast<std::ptrdiff_t>(page_count), [](const PageLabel& l) { return l.known; }));
    labels_.resize(page_count);
    std::vector<std::uint8_t> fields;
    put_le(fields, generation, 8);
    put_le(fields, page_count, 4);
    put_le(fields, page_size, 4);
    const std::array<std::uint8_t, 32> hash = pages_hash(page_count);
    fields.insert(fields.end(), hash.begin(), hash.end());

    std::vector<std::uint8_t> sealed(vault_commit_bytes);
    sealed[0] = commit_format;
    std::uint8_t* nonce = sealed.data() + 1;
    randombytes_buf(nonce, nonce_bytes);
    const std::vector<std::uint8_t> ad = commit_ad(id_);
    crypto_aead_xchacha20poly1305_ietf_encrypt(nonce + nonce_bytes, nullptr, fields.data(), fields.size(), ad.data(),
                                               ad.size(), nullptr, nonce, commit_key_.bytes().data());
    return sealed;
}

Result<VaultCommit, VaultError> VaultCipher::open_commit(std::span<const std::uint8_t> sealed) const {
    if (sealed.size() != vault_commit_bytes || sealed[0] != commit_format)
        return fail(VaultError{VaultFailure::commit_changed});
    const std::uint8_t* nonce = sealed.data() + 1;
    const std::vector<std::uint8_t> ad = commit_ad(id_);
    std::array<std::uint8_t, commit_fields_bytes> fields{};
    if (crypto_aead_xchacha20poly1305_ietf_decrypt(fields.data(), nullptr, nullptr, nonce + nonce_bytes,
                                                   sealed.size() - 1 - nonce_bytes, ad.data(), ad.size(), nonce,
                                                   commit_key_.bytes().data()) != 0)
        return fail(VaultError{VaultFailure::commit_changed});
    VaultCommit commit;
    commit.generation = get_le(fields, 8);
    commit.page_count = static_cast<std::uint32_t>(get_le(std::span(fields).subspan(8), 4));
    commit.page_size = static_cast<std::uint32_t>(get_le(std::span(fields).subspan(12), 4));
    std::copy_n(fields.begin() + 16, commit.pages_hash.size(), commit.pages_hash.begin());
    return commit;
}

Result<void, VaultError> VaultCipher::check_pages(const VaultCommit& commit) const {
    for (std::uint32_t number = 1; number <= commit.page_count; ++number)
        if (number > labels_.size() || !labels_[number - 1].known)
            return fail(VaultError{VaultFailure::page_missing, number});
    const std::array<std::uint8_t, 32> hash = pages_hash(commit.page_count);
    if (sodium_memcmp(hash.data(), commit.pages_hash.data(), hash.size()) != 0)
        return fail(VaultError{VaultFailure::pages_mixed});
    return {};
}

}  // namespace tandem::crypto
