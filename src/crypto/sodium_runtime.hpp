#pragma once
// The libsodium runtime: initialisation and a known-answer self-test that
// proves the primitives Tandem's vault and bundles rely on work in this build
// (native or wasm) before any key is made with them.

#include <string>

#include "core/result.hpp"

namespace tandem::crypto {

// A libsodium call that could not be made.
struct CryptoError {
    std::string message;
};

// Initialises libsodium; safe to call more than once. Fails only when the
// platform has no secure random source.
Result<void, CryptoError> initialize_sodium();

// The outcome of run_self_test().
struct SelfTestReport {
    bool passed = false;
    // The first check that failed, e.g. "Ed25519 RFC 8032 vector"; empty on success.
    std::string failed_check;
    // libsodium's version string, e.g. "1.0.18".
    std::string library_version;
    // How many checks ran.
    int checks_run = 0;
};

// Runs every check in order and stops at the first failure. Initialises
// libsodium itself. Never throws.
SelfTestReport run_self_test();

}  // namespace tandem::crypto
