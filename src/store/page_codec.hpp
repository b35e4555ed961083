#pragma once
// PageCodec: what a page's bytes become on their way to the PageStore and
// back. Bound to the page's number and generation, so that a page moved to
// another slot or left from another commit fails to decode; and, through a
// seal on the commit record over every page's label, pages of different
// saves put together are found even when each decodes by itself. The vault
// (app/vault_page_codec.hpp) encrypts here; IdentityPageCodec stores pages
// as they are.

#include <algorithm>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "store/page_store.hpp"

namespace tandem::store {

struct PageCodecError {
    std::string message;
};

class PageCodec {
public:
    virtual ~PageCodec() = default;
    // The stored form of page `number` of `generation`.
    virtual std::vector<std::uint8_t> encode(std::uint32_t number, std::uint64_t generation,
                                             std::span<const std::uint8_t> page) = 0;
    // The page back from its stored form, written into `page` (the page's
    // place in the database, of the page size); fails, leaving `page` in any
    // state, when `stored` is not page `number` of `generation` as encode()
    // made it, or does not decode to exactly page.size() bytes.
    virtual Result<void, PageCodecError> decode(std::uint32_t number, std::uint64_t generation,
                                                std::span<const std::uint8_t> stored, std::span<std::uint8_t> page) = 0;

    // The seal to store with `commit` (CommitRecord::seal), made once every
    // page 1 to commit.page_count has been encoded or decoded by this codec.
    virtual std::vector<std::uint8_t> seal_commit(const CommitRecord& commit) = 0;

    // Before any page is decoded: whether `commit`'s seal opens and agrees
    // with its plain fields.
    virtual Result<void, PageCodecError> open_commit(const CommitRecord& commit) = 0;

    // After pages 1 to commit.page_count were decoded: whether they are the
    // ones the commit record opened by open_commit() sealed.
    virtual Result<void, PageCodecError> check_pages(const CommitRecord& commit) = 0;
};

// Stores pages unchanged: decode() accepts any bytes of the page size.
class IdentityPageCodec final : public PageCodec {
public:
    std::vector<std::uint8_t> encode(std::uint32_t, std::uint64_t, std::span<const std::uint8_t> page) override {
        return {page.begin(), page.end()};
    }
    Result<void, PageCodecError> decode(std::uint32_t, std::uint64_t, std::span<const std::uint8_t> stored,
                                        std::span<std::uint8_t> page) override {
        if (stored.size() != page.size()) return fail(PageCodecError{"wrong page size"});
        std::copy(stored.begin(), stored.end(), page.begin());
        return {};
    }
    // No seal; a commit record with one is not this codec's.
    std::vector<std::uint8_t> seal_commit(const CommitRecord&) override { return {}; }
    Result<void, PageCodecError> open_commit(const CommitRecord& commit) override {
        if (!commit.seal.empty()) return fail(PageCodecError{"a sealed commit record"});
        return {};
    }
    Result<void, PageCodecError> check_pages(const CommitRecord&) override { return {}; }
};

}  // namespace tandem::store
