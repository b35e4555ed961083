#pragma once
// Passphrase keys derived off the page's thread (passphrase_worker.js), for
// the app's DerivePassphraseKey requests. One deriver per page.

#include <array>
#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string_view>

namespace tandem::platform {

class PassphraseKeys {
public:
    // What comes back for job `id`: the key, or nullopt when it could not be derived.
    using Done = std::function<void(std::uint64_t id, std::optional<std::array<std::uint8_t, 32>> key)>;

    // Starts the worker at once: every visit begins by unlocking a profile,
    // and its module then compiles while the passphrase is typed.
    explicit PassphraseKeys(Done done);
    PassphraseKeys(const PassphraseKeys&) = delete;
    PassphraseKeys& operator=(const PassphraseKeys&) = delete;
    ~PassphraseKeys();

    // Starts deriving; `done` is called later, from the browser's event loop.
    void start(std::uint64_t id, std::string_view passphrase, std::span<const std::uint8_t, 16> salt,
               std::uint32_t opslimit, std::uint32_t memlimit);

    // Called by the JavaScript half.
    void finished(std::uint64_t id, const std::uint8_t* key);

private:
    Done done_;
};

}  // namespace tandem::platform
