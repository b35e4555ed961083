#include <doctest/doctest.h>

#include <algorithm>
#include <cctype>
#include <span>
#include <string>
#include <array>
#include <cstdint>

#include "crypto/identity.hpp"
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

TEST_CASE("an identity has both key pairs, and is rebuilt from its stored secret keys alone") {
    REQUIRE(initialize_sodium().ok());
    const Identity first = Identity::generate();
    const Identity second = Identity::generate();
    CHECK(first.public_keys() != second.public_keys());
    CHECK(first.public_keys().box != first.public_keys().sign);

    auto rebuilt = Identity::from_secrets(first.box_secret(), first.sign_secret());
    REQUIRE(rebuilt.ok());
    CHECK(rebuilt.value().public_keys() == first.public_keys());

    CHECK_FALSE(Identity::from_secrets(std::span(first.box_secret()).first(31), first.sign_secret()).ok());
    std::array<std::uint8_t, 64> mismatched{};
    std::copy(first.sign_secret().begin(), first.sign_secret().end(), mismatched.begin());
    std::copy(second.public_keys().sign.begin(), second.public_keys().sign.end(), mismatched.begin() + 32);
    CHECK_FALSE(Identity::from_secrets(first.box_secret(), mismatched).ok());  // someone else's public half
}

TEST_CASE("a sharing code carries both public keys, and is read however it was typed or pasted") {
    REQUIRE(initialize_sodium().ok());
    const Identity identity = Identity::generate();
    const std::string code = sharing_code(identity.public_keys());
    CHECK(code.rfind("TDM1-", 0) == 0);
    CHECK(code.size() == 5 + 112 + 27);  // the prefix, then 112 characters in groups of four
    auto read = parse_sharing_code(code);
    REQUIRE(read.ok());
    CHECK(read.value() == identity.public_keys());

    // Lower case, no dashes, spaces and line breaks, no prefix, look-alikes.
    std::string loose;
    for (const char c : code.substr(5)) {
        if (c == '-') continue;
        loose += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
        if (loose.size() % 20 == 0) loose += " \n";
    }
    for (char& c : loose) c = c == '0' ? 'o' : c == '1' ? 'l' : c;
    REQUIRE(parse_sharing_code(loose).ok());
    CHECK(parse_sharing_code(loose).value() == identity.public_keys());

    // Any one character changed is caught by the checksum.
    for (std::size_t at = 5; at < code.size(); at += 7) {
        if (code[at] == '-') continue;
        std::string typo = code;
        typo[at] = code[at] == 'A' ? 'B' : 'A';
        auto parsed = parse_sharing_code(typo);
        REQUIRE_FALSE(parsed.ok());
        CHECK((parsed.error() == SharingCodeError::mistyped || parsed.error() == SharingCodeError::malformed));
    }
    CHECK(parse_sharing_code(code.substr(0, code.size() - 1)).error() == SharingCodeError::malformed);
    CHECK(parse_sharing_code(code + "A").error() == SharingCodeError::malformed);
    CHECK(parse_sharing_code(std::string(code).replace(7, 1, "U")).error() == SharingCodeError::malformed);
    CHECK(parse_sharing_code("").error() == SharingCodeError::malformed);
    CHECK(parse_sharing_code(std::string(code).replace(0, 4, "TDM2")).error() == SharingCodeError::newer_version);
}

TEST_CASE("a sharing code with a key that can never be used safely is refused") {
    REQUIRE(initialize_sodium().ok());
    const Identity identity = Identity::generate();
    PublicKeys low_order = identity.public_keys();
    low_order.box.fill(0);  // X25519's zero point: every shared secret would be zero
    CHECK(parse_sharing_code(sharing_code(low_order)).error() == SharingCodeError::unusable_key);
    PublicKeys small_order_signer = identity.public_keys();
    small_order_signer.sign.fill(0);  // an Ed25519 point of order 4
    CHECK(parse_sharing_code(sharing_code(small_order_signer)).error() == SharingCodeError::unusable_key);
}

TEST_CASE("the fingerprint is six groups of five digits from both keys, the same everywhere") {
    REQUIRE(initialize_sodium().ok());
    // Frozen from one identity generated once: the code's format and the
    // fingerprint's hash must never change, or partners could not compare.
    const auto frozen = parse_sharing_code(
        "TDM1-048E-T2TW-XWNZ-TBSH-FX0P-FTZS-0A1B-DXB7-2CFP-MT15-0YV2-2PYG-8R16-6BP9-ZFXY-C9SZ-CH2S-RSFS-7H4T-W7A8-"
        "FJW7-RW09-GBCV-KYXB-H291-NNMC-79W2-BC8V");
    REQUIRE(frozen.ok());
    CHECK(fingerprint(frozen.value()) == "98614 02416 32278 86416 30997 64170");

    const Identity identity = Identity::generate();
    const std::string shown = fingerprint(identity.public_keys());
    REQUIRE(shown.size() == 35);
    for (std::size_t i = 0; i < shown.size(); ++i) CHECK((i % 6 == 5 ? shown[i] == ' ' : std::isdigit(shown[i]) != 0));
    CHECK(fingerprint(identity.public_keys()) == shown);
    PublicKeys other_box = identity.public_keys();
    other_box.box[0] ^= 1;
    CHECK(fingerprint(other_box) != shown);
    PublicKeys other_sign = identity.public_keys();
    other_sign.sign[31] ^= 0x40;
    CHECK(fingerprint(other_sign) != shown);
}
