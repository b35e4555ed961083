#pragma once
// What sending a bundle hands back: a passphrase's key to derive first, or
// the file written (BundleExchange, bundle_exchange.hpp).

#include <array>
#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "crypto/bundle_format.hpp"

namespace tandem::app {

// A passphrase's key to derive (crypto::derive_passphrase_key) for the job `id`.
struct KeyJob {
    std::uint64_t id = 0;  // below 2^53: it crosses to JavaScript as a number, exactly
    std::string passphrase;
    std::array<std::uint8_t, crypto::passphrase_salt_bytes> salt{};
    crypto::KdfParams params;
};

// A bundle written, to offer as a download.
struct WrittenBundle {
    std::string name;  // "tandem-2026-12-02.tandem": when, never who
    std::vector<std::uint8_t> bytes;
};

// What a step of sending gave: nothing yet, a key to derive first, or the file.
using ExportStep = std::variant<std::monostate, KeyJob, WrittenBundle>;

}  // namespace tandem::app
