#pragma once
// PageCodec: what a page's bytes become on their way to the PageStore and
// back. Bound to the page's number and generation, so that a page moved to
// another slot or left from another commit fails to decode. The vault plugs
// encryption in here; until then pages are stored as they are.

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
    // The page back from its stored form; fails when `stored` is not page
    // `number` of `generation` as encode() made it.
    virtual Result<std::vector<std::uint8_t>, PageCodecError> decode(std::uint32_t number, std::uint64_t generation,
                                                                    std::span<const std::uint8_t> stored) = 0;
};

// Stores pages unchanged: decode() accepts any bytes.
class IdentityPageCodec final : public PageCodec {
public:
    std::vector<std::uint8_t> encode(std::uint32_t, std::uint64_t, std::span<const std::uint8_t> page) override {
        return {page.begin(), page.end()};
    }
    Result<std::vector<std::uint8_t>, PageCodecError> decode(std::uint32_t, std::uint64_t,
                                                             std::span<const std::uint8_t> stored) override {
        return std::vector<std::uint8_t>(stored.begin(), stored.end());
    }
};

}  // namespace tandem::store
