#pragma once
// PageCodec: what a page's bytes become on their way to the PageStore and
// back. Bound to the page's number and generation, so that a page moved to
// another slot or left from another commit fails to decode. The vault plugs
// encryption in here; until then pages are stored as they are.

#include <algorithm>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "core/result.hpp"

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
};

}  // namespace tandem::store
