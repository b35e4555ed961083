#pragma once
// SecretKey: 32 secret bytes (a bundle's file key, a key derived from a
// passphrase), wiped when destroyed. Move-only; a move wipes the source.

#include <array>
#include <cstdint>
#include <span>

namespace tandem::crypto {

class SecretKey {
public:
    static constexpr std::size_t size = 32;

    // All zeros, to be filled through bytes().
    SecretKey() = default;
    SecretKey(SecretKey&& other) noexcept;
    SecretKey& operator=(SecretKey&& other) noexcept;
    SecretKey(const SecretKey&) = delete;
    SecretKey& operator=(const SecretKey&) = delete;
    ~SecretKey();

    // Borrowed for as long as the key lives.
    std::span<std::uint8_t, size> bytes() { return bytes_; }
    std::span<const std::uint8_t, size> bytes() const { return bytes_; }

private:
    std::array<std::uint8_t, size> bytes_{};
};

}  // namespace tandem::crypto
