#pragma once
// Deterministic twins of the app's randomness and clock.

#include <cstdint>
#include <random>

#include "core/hybrid_clock.hpp"
#include "core/random_source.hpp"

namespace tandem::testing {

// A RandomSource that replays the same bytes for the same seed.
class SeededRandom final : public RandomSource {
public:
    explicit SeededRandom(std::uint64_t seed) : engine_(seed) {}
    void fill(std::span<std::uint8_t> out) override {
        for (std::uint8_t& byte : out) byte = static_cast<std::uint8_t>(engine_());
    }
    std::mt19937_64& engine() { return engine_; }

private:
    std::mt19937_64 engine_;
};

// A wall clock that only moves when told to.
class ManualWallClock final : public WallClock {
public:
    explicit ManualWallClock(std::int64_t start_ms) : now_(start_ms) {}
    std::int64_t now_ms() override { return now_; }
    void advance(std::int64_t ms) { now_ += ms; }
    void set(std::int64_t ms) { now_ = ms; }

private:
    std::int64_t now_;
};

// 2026-11-22 09:00 UTC, the tests' "now".
inline constexpr std::int64_t test_epoch_ms = 1'795'338'000'000;

}  // namespace tandem::testing
