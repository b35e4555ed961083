// libFuzzer target for the bundle reader (scripts/fuzz.sh). The first byte
// picks what the rest is:
//   0: a whole bundle, opened with a fixed recipient's key;
//   1: content bytes, decoded as the reader decodes authenticated content;
//   2: content bytes sealed into a valid bundle first, so the fuzzer reaches
//      the signature check and the content decoder behind the encryption.
// Passphrase bundles are only inspected: deriving their key is slow by design.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <optional>

#include "crypto/bundle_reader.hpp"
#include "crypto/bundle_writer.hpp"

using namespace tandem;
using namespace tandem::crypto;

namespace {

struct Keys {
    Identity sender = Identity::generate();
    Identity recipient = Identity::generate();
};

Keys& keys() {
    static std::optional<Keys> made;
    if (!made) {
        if (!initialize_sodium().ok()) std::abort();
        made.emplace();
    }
    return *made;
}

void open_whole(std::span<const std::uint8_t> bytes) {
    auto header = inspect_bundle(bytes);
    if (!header || header.value().passphrase) return;
    (void)open_bundle(bytes, header.value(), keys().recipient);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const std::span<const std::uint8_t> rest(data + 1, size - 1);
    switch (data[0] % 3) {
        case 0: open_whole(rest); break;
        case 1: (void)decode_bundle_content(rest); break;
        case 2: {
            const SecretKey key = new_file_key();
            const Stanza stanza = x25519_stanza(key, keys().recipient.public_keys().box);
            std::vector<std::uint8_t> bundle =
                encode_header(std::span(&stanza, 1), key, signed_plaintext_length(rest.size()));
            const auto plaintext = signed_plaintext(bundle, rest, keys().sender);
            const auto payload = encrypt_payload(key, plaintext);
            bundle.insert(bundle.end(), payload.begin(), payload.end());
            auto header = inspect_bundle(bundle);
            if (!header) std::abort();  // a bundle the writer made must always inspect
            auto opened = open_bundle(bundle, header.value(), keys().recipient);
            // Whatever the content, the envelope is authentic: only the content may be refused.
            if (!opened && opened.error() != BundleError::damaged_content && opened.error() != BundleError::newer_version)
                std::abort();
            break;
        }
    }
    return 0;
}
