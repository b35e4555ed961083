#include "crypto/sodium_random_source.hpp"

#include <sodium.h>

#include "crypto/sodium_runtime.hpp"

namespace tandem::crypto {

std::optional<SodiumRandomSource> SodiumRandomSource::create() {
    if (!initialize_sodium()) return std::nullopt;
    return SodiumRandomSource();
}

void SodiumRandomSource::fill(std::span<std::uint8_t> out) {
    // An empty span may have a null data pointer, which randombytes_buf must not get.
    if (!out.empty()) randombytes_buf(out.data(), out.size());
}

}  // namespace tandem::crypto
