#include "crypto/bundle_writer.hpp"

#include <sodium.h>

#include <algorithm>
#include <cassert>

#include "crypto/bundle_derivation.hpp"

namespace tandem::crypto {

using namespace bundle_derivation;

SecretKey new_file_key() {
    SecretKey key;
    crypto_secretstream_xchacha20poly1305_keygen(key.bytes().data());
    return key;
}

Stanza x25519_stanza(const SecretKey& file_key, const std::array<std::uint8_t, 32>& recipient_box) {
    static_assert(x25519_stanza_bytes == file_key_bytes + crypto_box_SEALBYTES);
    Stanza stanza{x25519_stanza_type, std::vector<std::uint8_t>(x25519_stanza_bytes)};
    crypto_box_seal(stanza.body.data(), file_key.bytes().data(), file_key.size, recipient_box.data());
    return stanza;
}

Stanza passphrase_stanza(const SecretKey& file_key, const SecretKey& passphrase_key,
                         const std::array<std::uint8_t, passphrase_salt_bytes>& salt, KdfParams params) {
    static_assert(passphrase_stanza_bytes ==
                  passphrase_salt_bytes + 8 + file_key_bytes + crypto_aead_xchacha20poly1305_ietf_ABYTES);
    std::vector<std::uint8_t> body(salt.begin(), salt.end());
    put_le(body, params.opslimit, 4);
    put_le(body, params.memlimit, 4);
    const std::size_t wrapped_at = body.size();
    body.resize(passphrase_stanza_bytes);
    // The wrapping key is new for every salt, so a fixed nonce is safe.
    const std::array<std::uint8_t, crypto_aead_xchacha20poly1305_ietf_NPUBBYTES> nonce{};
    crypto_aead_xchacha20poly1305_ietf_encrypt(
        body.data() + wrapped_at, nullptr, file_key.bytes().data(), file_key.size,
        reinterpret_cast<const unsigned char*>(passphrase_stanza_ad.data()), passphrase_stanza_ad.size(), nullptr,
        nonce.data(), passphrase_key.bytes().data());
    return Stanza{passphrase_stanza_type, std::move(body)};
}

std::vector<std::uint8_t> encode_header(std::span<const Stanza> stanzas, const SecretKey& file_key,
                                        std::uint64_t payload_length, std::uint8_t major, std::uint8_t minor) {
    assert(!stanzas.empty() && stanzas.size() <= max_stanzas);
    std::vector<std::uint8_t> header(bundle_magic.begin(), bundle_magic.end());
    header.push_back(major);
    header.push_back(minor);
    header.push_back(static_cast<std::uint8_t>(stanzas.size()));
    for (const Stanza& stanza : stanzas) {
        assert(stanza.body.size() <= 0xFFFF);
        header.push_back(stanza.type);
        put_le(header, stanza.body.size(), 2);
        header.insert(header.end(), stanza.body.begin(), stanza.body.end());
    }
    put_le(header, payload_length, 8);
    const auto mac = header_mac(file_key, header);
    header.insert(header.end(), mac.begin(), mac.end());
    return header;
}

std::size_t signed_plaintext_length(std::size_t content_bytes) {
    return preamble_bytes + content_bytes + signature_bytes;
}

std::vector<std::uint8_t> signed_plaintext(std::span<const std::uint8_t> header, std::span<const std::uint8_t> content,
                                           const Identity& sender) {
    assert(content.size() <= max_bundle_bytes);
    std::vector<std::uint8_t> plaintext;
    plaintext.reserve(signed_plaintext_length(content.size()));
    const PublicKeys& keys = sender.public_keys();
    plaintext.insert(plaintext.end(), keys.box.begin(), keys.box.end());
    plaintext.insert(plaintext.end(), keys.sign.begin(), keys.sign.end());
    put_le(plaintext, content.size(), length_bytes);
    plaintext.insert(plaintext.end(), content.begin(), content.end());
    const std::vector<std::uint8_t> message = signed_message(header, plaintext);
    std::array<std::uint8_t, signature_bytes> signature{};
    crypto_sign_detached(signature.data(), nullptr, message.data(), message.size(), sender.sign_secret().data());
    plaintext.insert(plaintext.end(), signature.begin(), signature.end());
    return plaintext;
}

std::vector<std::uint8_t> encrypt_payload(const SecretKey& file_key, std::span<const std::uint8_t> plaintext) {
    constexpr std::size_t overhead = crypto_secretstream_xchacha20poly1305_ABYTES;
    const SecretKey key = subkey(file_key, payload_subkey);
    const std::size_t chunks = chunk_count(plaintext.size());
    std::vector<std::uint8_t> out(crypto_secretstream_xchacha20poly1305_HEADERBYTES + plaintext.size() + chunks * overhead);
    crypto_secretstream_xchacha20poly1305_state state;
    crypto_secretstream_xchacha20poly1305_init_push(&state, out.data(), key.bytes().data());
    std::size_t written = crypto_secretstream_xchacha20poly1305_HEADERBYTES;
    for (std::size_t i = 0; i < chunks; ++i) {
        const std::size_t from = i * chunk_bytes;
        const std::size_t length = std::min(chunk_bytes, plaintext.size() - from);
        const bool last = i + 1 == chunks;
        crypto_secretstream_xchacha20poly1305_push(
            &state, out.data() + written, nullptr, plaintext.data() + from, length, nullptr, 0,
            last ? crypto_secretstream_xchacha20poly1305_TAG_FINAL : crypto_secretstream_xchacha20poly1305_TAG_MESSAGE);
        written += length + overhead;
    }
    sodium_memzero(&state, sizeof state);
    assert(written == out.size());
    return out;
}

Result<std::vector<std::uint8_t>, BundleError> write_bundle(const BundleContent& content, const Identity& sender,
                                                          std::span<const Stanza> stanzas, const SecretKey& file_key) {
    const std::vector<std::uint8_t> content_bytes = encode_bundle_content(content);
    if (content_bytes.size() > max_bundle_bytes) return fail(BundleError::too_large);
    const bool answers = std::any_of(stanzas.begin(), stanzas.end(), [](const Stanza& stanza) {
        return stanza.type == invitation_answer_stanza_type;
    });
    std::vector<std::uint8_t> bundle =
        encode_header(stanzas, file_key, signed_plaintext_length(content_bytes.size()), bundle_major_version,
                      answers ? answer_minor_version : bundle_minor_version);
    const std::vector<std::uint8_t> plaintext = signed_plaintext(bundle, content_bytes, sender);
    const std::vector<std::uint8_t> payload = encrypt_payload(file_key, plaintext);
    bundle.insert(bundle.end(), payload.begin(), payload.end());
    if (bundle.size() > max_bundle_bytes) return fail(BundleError::too_large);
    return bundle;
}

}  // namespace tandem::crypto
