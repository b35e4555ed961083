#pragma once
// SodiumRandomSource: the app's RandomSource, libsodium's randombytes (the
// operating system's CSPRNG natively, crypto.getRandomValues in the browser).

#include <optional>

#include "core/random_source.hpp"

namespace tandem::crypto {

class SodiumRandomSource final : public RandomSource {
public:
    // A source once libsodium is initialised; nullopt when the platform has
    // no secure random source, so no id or key can be made.
    static std::optional<SodiumRandomSource> create();
    void fill(std::span<std::uint8_t> out) override;

private:
    SodiumRandomSource() = default;
};

}  // namespace tandem::crypto
