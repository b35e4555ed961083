#pragma once
// RandomSource: where new record ids and site ids get their randomness. The
// app passes a cryptographic source (crypto/); tests pass a seeded one so a
// failing run can be replayed.

#include <cstddef>
#include <cstdint>
#include <span>

namespace tandem {

class RandomSource {
public:
    virtual ~RandomSource() = default;
    // Fills out with random bytes. Cannot fail.
    virtual void fill(std::span<std::uint8_t> out) = 0;
};

}  // namespace tandem
