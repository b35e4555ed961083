// The C entry that derives a passphrase's key, for passphrase_worker.js. It
// is built twice: as its own small wasm module that runs in a Web Worker
// (Argon2id takes the better part of a second by design, and there it does
// not hold up the page), and into the app, for a browser where no worker
// can be started.

#include <emscripten.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <string_view>

#include "crypto/passphrase_key.hpp"
#include "crypto/sodium_runtime.hpp"

// Derives the key of `passphrase` (UTF-8, `length` bytes) with the 16-byte
// `salt` and the cost given into `out` (32 bytes). Returns 0 on success, 1
// when the cost is refused, 2 when the memory could not be had.
extern "C" EMSCRIPTEN_KEEPALIVE int tandem_kdf_derive(const char* passphrase, int length, const std::uint8_t* salt,
                                                      double opslimit, double memlimit, std::uint8_t* out) {
    if (!tandem::crypto::initialize_sodium().ok()) return 2;
    std::array<std::uint8_t, tandem::crypto::passphrase_salt_bytes> salt_bytes{};
    std::copy(salt, salt + salt_bytes.size(), salt_bytes.begin());
    const tandem::crypto::KdfParams params{static_cast<std::uint32_t>(opslimit), static_cast<std::uint32_t>(memlimit)};
    auto key = tandem::crypto::derive_passphrase_key(std::string_view(passphrase, static_cast<std::size_t>(length)),
                                                     salt_bytes, params);
    if (!key) return key.error() == tandem::crypto::BundleError::out_of_memory ? 2 : 1;
    std::copy(key.value().bytes().begin(), key.value().bytes().end(), out);
    return 0;
}
