#include "crypto/sodium_runtime.hpp"

#include <sodium.h>

#include <array>
#include <cstring>
#include <string_view>
#include <vector>

namespace tandem::crypto {

namespace {

using Bytes = std::vector<unsigned char>;

Bytes from_hex(std::string_view hex) {
    Bytes out(hex.size() / 2);
    size_t length = 0;
    const int rc = sodium_hex2bin(out.data(), out.size(), hex.data(), hex.size(), nullptr, &length, nullptr);
    out.resize(rc == 0 ? length : 0);
    return out;
}

Bytes from_text(std::string_view text) { return Bytes(text.begin(), text.end()); }

// True when `actual` equals `expected`; an expected value that failed to
// decode (a typo in a vector) can never match.
template <size_t N>
bool same(const std::array<unsigned char, N>& actual, const Bytes& expected) {
    return expected.size() == N && sodium_memcmp(actual.data(), expected.data(), N) == 0;
}

// FIPS 180-2 appendix B.1.
bool sha256_known_answer() {
    std::array<unsigned char, crypto_hash_sha256_BYTES> digest{};
    const Bytes message = from_text("abc");
    crypto_hash_sha256(digest.data(), message.data(), message.size());
    return same(digest, from_hex("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
}

// RFC 7693 appendix A: BLAKE2b-512("abc").
bool blake2b_known_answer() {
    std::array<unsigned char, crypto_generichash_BYTES_MAX> digest{};
    const Bytes message = from_text("abc");
    crypto_generichash(digest.data(), digest.size(), message.data(), message.size(), nullptr, 0);
    return same(digest, from_hex("ba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6fdbffa2d1"
                                        "7d87c5392aab792dc252d5de4533cc9518d38aa8dbf1925ab92386edd4009923"));
}

// RFC 8032 section 7.1, test 1: key pair from seed, signature of the empty message.
bool ed25519_known_answer() {
    const Bytes seed = from_hex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");
    const Bytes expected_public = from_hex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
    const Bytes expected_signature = from_hex(
        "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b");
    std::array<unsigned char, crypto_sign_PUBLICKEYBYTES> public_key{};
    std::array<unsigned char, crypto_sign_SECRETKEYBYTES> secret_key{};
    std::array<unsigned char, crypto_sign_BYTES> signature{};
    if (crypto_sign_seed_keypair(public_key.data(), secret_key.data(), seed.data()) != 0) return false;
    if (!same(public_key, expected_public)) return false;
    crypto_sign_detached(signature.data(), nullptr, nullptr, 0, secret_key.data());
    if (!same(signature, expected_signature)) return false;
    if (crypto_sign_verify_detached(signature.data(), nullptr, 0, public_key.data()) != 0) return false;
    signature[0] ^= 1;  // a changed signature must be refused
    return crypto_sign_verify_detached(signature.data(), nullptr, 0, public_key.data()) != 0;
}

// X25519 sealed box: opens for its recipient, refuses a changed byte.
bool sealed_box_round_trip() {
    std::array<unsigned char, crypto_box_PUBLICKEYBYTES> public_key{};
    std::array<unsigned char, crypto_box_SECRETKEYBYTES> secret_key{};
    crypto_box_keypair(public_key.data(), secret_key.data());
    const Bytes message = from_text("file key");
    Bytes sealed(message.size() + crypto_box_SEALBYTES);
    if (crypto_box_seal(sealed.data(), message.data(), message.size(), public_key.data()) != 0) return false;
    Bytes opened(message.size());
    if (crypto_box_seal_open(opened.data(), sealed.data(), sealed.size(), public_key.data(), secret_key.data()) != 0)
        return false;
    if (opened != message) return false;
    sealed.back() ^= 1;
    return crypto_box_seal_open(opened.data(), sealed.data(), sealed.size(), public_key.data(), secret_key.data()) != 0;
}

// XChaCha20-Poly1305 secretstream: two chunks round-trip, the last tagged
// final; a stream cut before its final chunk is detectable.
bool secretstream_round_trip() {
    std::array<unsigned char, crypto_secretstream_xchacha20poly1305_KEYBYTES> key{};
    crypto_secretstream_xchacha20poly1305_keygen(key.data());
    std::array<unsigned char, crypto_secretstream_xchacha20poly1305_HEADERBYTES> header{};
    crypto_secretstream_xchacha20poly1305_state push{};
    crypto_secretstream_xchacha20poly1305_init_push(&push, header.data(), key.data());

    const Bytes first = from_text("first chunk");
    const Bytes last = from_text("last chunk");
    Bytes c1(first.size() + crypto_secretstream_xchacha20poly1305_ABYTES);
    Bytes c2(last.size() + crypto_secretstream_xchacha20poly1305_ABYTES);
    crypto_secretstream_xchacha20poly1305_push(&push, c1.data(), nullptr, first.data(), first.size(), nullptr, 0,
                                               crypto_secretstream_xchacha20poly1305_TAG_MESSAGE);
    crypto_secretstream_xchacha20poly1305_push(&push, c2.data(), nullptr, last.data(), last.size(), nullptr, 0,
                                               crypto_secretstream_xchacha20poly1305_TAG_FINAL);

    crypto_secretstream_xchacha20poly1305_state pull{};
    if (crypto_secretstream_xchacha20poly1305_init_pull(&pull, header.data(), key.data()) != 0) return false;
    Bytes plain(c1.size());
    unsigned char tag = 0;
    unsigned long long plain_size = 0;
    if (crypto_secretstream_xchacha20poly1305_pull(&pull, plain.data(), &plain_size, &tag, c1.data(), c1.size(), nullptr,
                                                   0) != 0)
        return false;
    if (tag != crypto_secretstream_xchacha20poly1305_TAG_MESSAGE || Bytes(plain.begin(), plain.begin() + static_cast<long>(plain_size)) != first)
        return false;
    if (crypto_secretstream_xchacha20poly1305_pull(&pull, plain.data(), &plain_size, &tag, c2.data(), c2.size(), nullptr,
                                                   0) != 0)
        return false;
    if (tag != crypto_secretstream_xchacha20poly1305_TAG_FINAL || Bytes(plain.begin(), plain.begin() + static_cast<long>(plain_size)) != last)
        return false;
    // Replaying the first chunk in second position must fail authentication.
    crypto_secretstream_xchacha20poly1305_init_pull(&pull, header.data(), key.data());
    crypto_secretstream_xchacha20poly1305_pull(&pull, plain.data(), &plain_size, &tag, c1.data(), c1.size(), nullptr, 0);
    return crypto_secretstream_xchacha20poly1305_pull(&pull, plain.data(), &plain_size, &tag, c1.data(), c1.size(),
                                                      nullptr, 0) != 0;
}

struct Check {
    const char* name;
    bool (*run)();
};

constexpr Check checks[] = {
    {"SHA-256 FIPS 180-2 vector", sha256_known_answer},
    {"BLAKE2b RFC 7693 vector", blake2b_known_answer},
    {"Ed25519 RFC 8032 vector", ed25519_known_answer},
    {"X25519 sealed box", sealed_box_round_trip},
    {"XChaCha20-Poly1305 secretstream", secretstream_round_trip},
};

}  // namespace

Result<void, CryptoError> initialize_sodium() {
    if (sodium_init() < 0) return fail(CryptoError{"libsodium could not initialise (no secure random source)"});
    return {};
}

SelfTestReport run_self_test() {
    SelfTestReport report;
    report.library_version = sodium_version_string();
    if (auto init = initialize_sodium(); !init) {
        report.failed_check = init.error().message;
        return report;
    }
    for (const Check& check : checks) {
        ++report.checks_run;
        if (!check.run()) {
            report.failed_check = check.name;
            return report;
        }
    }
    report.passed = true;
    return report;
}

}  // namespace tandem::crypto
