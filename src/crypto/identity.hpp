#pragma once
// A profile's identity: an X25519 key pair, to which bundles for the profile
// are sealed, and an Ed25519 key pair, with which its bundles are signed.
// Its public half travels as a sharing code (docs/bundle-format.md) and is
// checked in person by its fingerprint. libsodium must be initialised
// (initialize_sodium()) before anything here is used.

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "core/result.hpp"
#include "crypto/sodium_runtime.hpp"

namespace tandem::crypto {

// The public keys of an identity.
struct PublicKeys {
    std::array<std::uint8_t, 32> box{};   // X25519
    std::array<std::uint8_t, 32> sign{};  // Ed25519
    bool operator==(const PublicKeys&) const = default;
};

// Both key pairs. The secret keys are wiped when an Identity is destroyed;
// copies are not allowed, moves wipe the source.
class Identity {
public:
    static constexpr std::size_t box_secret_bytes = 32;
    static constexpr std::size_t sign_secret_bytes = 64;  // libsodium's: the seed, then the public key

    // New key pairs from libsodium's secure random source.
    static Identity generate();
    // The identity whose secret keys are these (as stored by the profile);
    // an error when a size is wrong or the signing key's halves disagree.
    static Result<Identity, CryptoError> from_secrets(std::span<const std::uint8_t> box_secret,
                                                      std::span<const std::uint8_t> sign_secret);

    Identity(Identity&& other) noexcept;
    Identity& operator=(Identity&& other) noexcept;
    Identity(const Identity&) = delete;
    Identity& operator=(const Identity&) = delete;
    ~Identity();

    const PublicKeys& public_keys() const { return public_; }
    // The secret keys, borrowed for as long as this Identity lives.
    std::span<const std::uint8_t, box_secret_bytes> box_secret() const { return box_secret_; }
    std::span<const std::uint8_t, sign_secret_bytes> sign_secret() const { return sign_secret_; }

private:
    Identity() = default;
    void wipe();

    PublicKeys public_;
    std::array<std::uint8_t, box_secret_bytes> box_secret_{};
    std::array<std::uint8_t, sign_secret_bytes> sign_secret_{};
};

// Whether X25519 with `point` can ever give a shared secret: false for a
// low-order point, with which every scalar gives all zeros.
bool usable_box_key(const std::array<std::uint8_t, 32>& point);

// The sharing code of `keys`: "TDM1-" and the version, both keys and a
// checksum in Crockford's base32, in groups of four letters and digits.
std::string sharing_code(const PublicKeys& keys);

// Why a sharing code could not be read.
enum class SharingCodeError {
    malformed,        // not a sharing code: wrong length or characters
    mistyped,         // its checksum does not match: a character is wrong
    newer_version,    // made by a newer Tandem
    unusable_key,     // a key that can never be used safely (a low-order point)
};

// The public keys in a sharing code as typed or pasted: letter case, spaces,
// dashes and the "TDM1-" prefix do not matter, and O is read as 0, I and L
// as 1.
Result<PublicKeys, SharingCodeError> parse_sharing_code(std::string_view text);

// The fingerprint of `keys`, to compare in person: 30 digits in six groups
// of five ("40182 77306 ..."), about 100 bits of a hash of both keys.
std::string fingerprint(const PublicKeys& keys);

}  // namespace tandem::crypto
