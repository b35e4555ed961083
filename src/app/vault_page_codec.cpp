#include "app/vault_page_codec.hpp"

#include <string>

namespace tandem::app {

VaultPageCodec::VaultPageCodec(const crypto::SecretKey& master_key, const crypto::VaultId& id)
    : cipher_(master_key, id) {}

store::PageCodecError VaultPageCodec::refused(crypto::VaultError error) {
    last_refusal_ = error;
    std::string message(crypto::vault_failure_name(error.failure));
    if (error.page != 0) message += " (page " + std::to_string(error.page) + ")";
    return store::PageCodecError{std::move(message)};
}

std::vector<std::uint8_t> VaultPageCodec::encode(std::uint32_t number, std::uint64_t generation,
                                                 std::span<const std::uint8_t> page) {
    return cipher_.seal_page(number, generation, page);
}

Result<void, store::PageCodecError> VaultPageCodec::decode(std::uint32_t number, std::uint64_t generation,
                                                           std::span<const std::uint8_t> stored,
                                                           std::span<std::uint8_t> page) {
    if (auto opened = cipher_.open_page(number, generation, stored, page); !opened) return fail(refused(opened.error()));
    return {};
}

std::vector<std::uint8_t> VaultPageCodec::seal_commit(const store::CommitRecord& commit) {
    return cipher_.seal_commit(commit.generation, commit.page_count, commit.page_size);
}

Result<void, store::PageCodecError> VaultPageCodec::open_commit(const store::CommitRecord& commit) {
    opened_.reset();
    auto opened = cipher_.open_commit(commit.seal);
    if (!opened) return fail(refused(opened.error()));
    const crypto::VaultCommit& sealed = opened.value();
    // From here on only the sealed values count; the plain ones must agree.
    if (sealed.generation != commit.generation || sealed.page_count != commit.page_count ||
        sealed.page_size != commit.page_size)
        return fail(refused(crypto::VaultError{crypto::VaultFailure::commit_disagrees}));
    opened_ = sealed;
    return {};
}

Result<void, store::PageCodecError> VaultPageCodec::check_pages(const store::CommitRecord& commit) {
    if (!opened_ || opened_->generation != commit.generation)
        return fail(refused(crypto::VaultError{crypto::VaultFailure::commit_changed}));
    if (auto checked = cipher_.check_pages(*opened_); !checked) return fail(refused(checked.error()));
    return {};
}

}  // namespace tandem::app
