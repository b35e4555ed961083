#include "platform/web/passphrase_keys.hpp"

#include <emscripten.h>

#include <algorithm>
#include <cassert>
#include <string>
#include <utility>


namespace tandem::platform {

namespace {

PassphraseKeys* installed = nullptr;

extern "C" void tandem_kdf_start(double id, const char* passphrase, int length, const std::uint8_t* salt,
                                 double opslimit, double memlimit);
extern "C" void tandem_kdf_prepare();

}  // namespace

PassphraseKeys::PassphraseKeys(Done done) : done_(std::move(done)) {
    installed = this;
    tandem_kdf_prepare();
}

PassphraseKeys::~PassphraseKeys() {
    if (installed == this) installed = nullptr;
}

void PassphraseKeys::start(std::uint64_t id, std::string_view passphrase, std::span<const std::uint8_t, 16> salt,
                           std::uint32_t opslimit, std::uint32_t memlimit) {
    assert(id < (1ull << 53) && "a job id must survive the trip through a JavaScript number");
    const std::string text(passphrase);
    tandem_kdf_start(static_cast<double>(id), text.c_str(), static_cast<int>(text.size()), salt.data(), opslimit,
                     memlimit);
}

void PassphraseKeys::finished(std::uint64_t id, const std::uint8_t* key) {
    std::optional<std::array<std::uint8_t, 32>> bytes;
    if (key) {
        bytes.emplace();
        std::copy(key, key + 32, bytes->begin());
    }
    done_(id, bytes);
}

}  // namespace tandem::platform

// Called by passphrase_worker.js: the key of job `id` (32 bytes), or null.
extern "C" EMSCRIPTEN_KEEPALIVE void tandem_kdf_done(double id, const std::uint8_t* key) {
    if (tandem::platform::installed) tandem::platform::installed->finished(static_cast<std::uint64_t>(id), key);
}
