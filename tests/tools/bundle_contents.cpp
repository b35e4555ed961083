// bundle_contents: opens a passphrase-locked .tandem file with Tandem's own
// reader and prints what it carries, for tests that check what left the
// device (tests/e2e). Built natively and, in the web presets, for Node.
//
//   bundle_contents <file> <passphrase>
//
// Prints "sender <fingerprint>", one "record <kind> <id hex> <deleted|kept>
// <bare|full>" line per record, and "content <hex>", the decrypted content's
// bytes. Exits 1, with the reader's error name, when the file does not open.

#include <cstdio>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "crypto/bundle_reader.hpp"
#include "crypto/passphrase_key.hpp"

using namespace tandem;

int main(int argc, char** argv) {
    if (argc != 3) {
        std::fprintf(stderr, "usage: %s <file> <passphrase>\n", argv[0]);
        return 2;
    }
    std::ifstream in(argv[1], std::ios::binary);
    const std::vector<std::uint8_t> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (!in.good() && !in.eof()) return 2;
    if (!crypto::initialize_sodium().ok()) return 2;
    const auto fail_with = [](crypto::BundleError error) {
        std::printf("refused %s\n", std::string(crypto::bundle_error_name(error)).c_str());
        return 1;
    };
    auto header = crypto::inspect_bundle(bytes);
    if (!header) return fail_with(header.error());
    if (!header.value().passphrase) return fail_with(crypto::BundleError::not_for_you);
    auto key = crypto::derive_passphrase_key(argv[2], header.value().passphrase->salt, header.value().passphrase->params);
    if (!key) return fail_with(key.error());
    auto verified = crypto::verify_bundle(bytes, header.value(), key.value());
    if (!verified) return fail_with(verified.error());
    auto opened = crypto::decode_bundle(verified.value());
    if (!opened) return fail_with(opened.error());
    std::printf("sender %s\n", crypto::fingerprint(opened.value().sender).c_str());
    for (const Record& record : opened.value().content.records)
        std::printf("record %s %s %s %s\n", std::string(kind_name(record.kind)).c_str(), record.id.hex().c_str(),
                    record.is_deleted() ? "deleted" : "kept", is_bare_tombstone(record) ? "bare" : "full");
    std::string hex;
    static const char digits[] = "0123456789abcdef";
    for (const std::uint8_t byte : verified.value().content) {
        hex += digits[byte >> 4];
        hex += digits[byte & 15];
    }
    std::printf("content %s\n", hex.c_str());
    return 0;
}
