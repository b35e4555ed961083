#include <doctest/doctest.h>

#include <algorithm>
#include <array>
#include <cstdint>

#include "crypto/sodium_random_source.hpp"
#include "crypto/sodium_runtime.hpp"

using namespace tandem::crypto;

TEST_CASE("libsodium initialises, and again") {
    CHECK(initialize_sodium().ok());
    CHECK(initialize_sodium().ok());
}

TEST_CASE("the self-test runs every known-answer and round-trip check and passes") {
    const SelfTestReport report = run_self_test();
    CHECK(report.passed);
    CHECK(report.failed_check.empty());
    CHECK(report.checks_run == 5);
    CHECK(report.library_version == "1.0.18");
}

TEST_CASE("the sodium random source fills every byte, differently each time") {
    auto source = SodiumRandomSource::create();
    REQUIRE(source.has_value());
    std::array<std::uint8_t, 64> first{}, second{};
    source->fill(first);
    source->fill(second);
    CHECK(first != second);
    // 64 random bytes are all zero with probability 2^-512.
    CHECK(std::any_of(first.begin(), first.end(), [](std::uint8_t b) { return b != 0; }));
    std::array<std::uint8_t, 0> none{};
    source->fill(none);  // an empty span is allowed
}
