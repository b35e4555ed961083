#include <doctest/doctest.h>

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
