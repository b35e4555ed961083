#include "crypto/secret_key.hpp"

#include <sodium.h>

namespace tandem::crypto {

SecretKey::SecretKey(SecretKey&& other) noexcept : bytes_(other.bytes_) {
    sodium_memzero(other.bytes_.data(), size);
}

SecretKey& SecretKey::operator=(SecretKey&& other) noexcept {
    if (this != &other) {
        bytes_ = other.bytes_;
        sodium_memzero(other.bytes_.data(), size);
    }
    return *this;
}

SecretKey::~SecretKey() { sodium_memzero(bytes_.data(), size); }

}  // namespace tandem::crypto
