#pragma once
// Internal to tandem_crypto (it includes sodium.h): BLAKE2b keyed by an
// ASCII domain string, so that no other use of the hash gives the same bytes.

#include <sodium.h>

#include <array>
#include <cstdint>
#include <initializer_list>
#include <span>
#include <string_view>

namespace tandem::crypto {

// BLAKE2b-(8·N) of the concatenation of `parts`, keyed by `domain`.
template <std::size_t N>
std::array<std::uint8_t, N> domain_hash(std::string_view domain,
                                        std::initializer_list<std::span<const std::uint8_t>> parts) {
    static_assert(N >= crypto_generichash_BYTES_MIN && N <= crypto_generichash_BYTES_MAX);
    crypto_generichash_state state;
    crypto_generichash_init(&state, reinterpret_cast<const unsigned char*>(domain.data()), domain.size(), N);
    for (const auto part : parts) crypto_generichash_update(&state, part.data(), part.size());
    std::array<std::uint8_t, N> out{};
    crypto_generichash_final(&state, out.data(), out.size());
    return out;
}

}  // namespace tandem::crypto
