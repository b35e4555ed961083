#include "crypto/bundle_reader.hpp"

#include <sodium.h>

#include <algorithm>
#include <cassert>
#include <cstring>

#include "crypto/bundle_derivation.hpp"
#include "crypto/invitation.hpp"
#include "crypto/passphrase_key.hpp"

namespace tandem::crypto {

using namespace bundle_derivation;

namespace {

// Reads the header front to back; every read says whether the bytes held.
class HeaderCursor {
public:
    explicit HeaderCursor(std::span<const std::uint8_t> bytes) : bytes_(bytes) {}
    bool has(std::size_t count) const { return bytes_.size() - at_ >= count; }
    std::uint64_t number(std::size_t count) {
        assert(has(count));
        const std::uint64_t value = get_le(bytes_.subspan(at_), count);
        at_ += count;
        return value;
    }
    std::span<const std::uint8_t> take(std::size_t count) {
        assert(has(count));
        const auto part = bytes_.subspan(at_, count);
        at_ += count;
        return part;
    }
    std::size_t offset() const { return at_; }

private:
    std::span<const std::uint8_t> bytes_;
    std::size_t at_ = 0;
};

Result<std::vector<std::uint8_t>, BundleError> decrypt_payload(std::span<const std::uint8_t> stream,
                                                               const SecretKey& file_key, std::uint64_t length) {
    constexpr std::size_t overhead = crypto_secretstream_xchacha20poly1305_ABYTES;
    constexpr std::size_t stream_header = crypto_secretstream_xchacha20poly1305_HEADERBYTES;
    const std::size_t chunks = chunk_count(length);
    const std::uint64_t expected = stream_header + length + chunks * overhead;
    if (stream.size() < expected) return fail(BundleError::truncated);
    if (stream.size() > expected) return fail(BundleError::trailing_data);

    const SecretKey key = subkey(file_key, payload_subkey);
    crypto_secretstream_xchacha20poly1305_state state;
    if (crypto_secretstream_xchacha20poly1305_init_pull(&state, stream.data(), key.bytes().data()) != 0)
        return fail(BundleError::chunk_tampered);
    std::vector<std::uint8_t> plaintext(static_cast<std::size_t>(length));
    std::size_t read = stream_header;
    BundleError failure = BundleError::chunk_tampered;
    bool failed = false;
    for (std::size_t i = 0; i < chunks && !failed; ++i) {
        const std::size_t from = i * chunk_bytes;
        const std::size_t chunk_length = std::min<std::size_t>(chunk_bytes, plaintext.size() - from);
        unsigned char tag = 0;
        if (crypto_secretstream_xchacha20poly1305_pull(&state, plaintext.data() + from, nullptr, &tag,
                                                       stream.data() + read, chunk_length + overhead, nullptr, 0) != 0) {
            failed = true;
            break;
        }
        read += chunk_length + overhead;
        const bool last = i + 1 == chunks;
        const bool final_tag = tag == crypto_secretstream_xchacha20poly1305_TAG_FINAL;
        if (!last && final_tag) {
            failure = BundleError::trailing_data;  // an authentic end, with more chunks after it
            failed = true;
        } else if (last && !final_tag) {
            failure = BundleError::truncated;  // authentic chunks, but the final one is missing
            failed = true;
        } else if (!final_tag && tag != crypto_secretstream_xchacha20poly1305_TAG_MESSAGE) {
            failed = true;
        }
    }
    sodium_memzero(&state, sizeof state);
    if (failed) {
        sodium_memzero(plaintext.data(), plaintext.size());
        return fail(failure);
    }
    return plaintext;
}

Result<VerifiedBundle, BundleError> verify_with_file_key(std::span<const std::uint8_t> bytes, const BundleHeader& header,
                                                         const SecretKey& file_key) {
    const auto header_bytes = bytes.first(header.payload_offset);
    const auto mac = header_mac(file_key, bytes.first(header.mac_offset));
    if (sodium_memcmp(mac.data(), bytes.data() + header.mac_offset, mac.size()) != 0)
        return fail(BundleError::header_tampered);
    if (header.payload_length > max_bundle_bytes) return fail(BundleError::too_large);

    auto decrypted = decrypt_payload(bytes.subspan(header.payload_offset), file_key, header.payload_length);
    if (!decrypted) return fail(decrypted.error());
    std::vector<std::uint8_t>& plaintext = decrypted.value();

    if (plaintext.size() < preamble_bytes + signature_bytes) return fail(BundleError::damaged_content);
    const std::uint64_t content_length = get_le(std::span(plaintext).subspan(sender_keys_bytes), length_bytes);
    if (content_length != plaintext.size() - preamble_bytes - signature_bytes) return fail(BundleError::damaged_content);
    VerifiedBundle opened;
    std::memcpy(opened.sender.box.data(), plaintext.data(), 32);
    std::memcpy(opened.sender.sign.data(), plaintext.data() + 32, 32);
    const std::size_t signed_length = plaintext.size() - signature_bytes;
    const std::vector<std::uint8_t> message = signed_message(header_bytes, std::span(plaintext).first(signed_length));
    if (crypto_sign_verify_detached(plaintext.data() + signed_length, message.data(), message.size(),
                                    opened.sender.sign.data()) != 0)
        return fail(BundleError::bad_signature);
    if (!usable_box_key(opened.sender.box)) return fail(BundleError::damaged_content);
    // The content, moved out of the plaintext rather than copied: a bundle may be 64 MB.
    plaintext.resize(preamble_bytes + static_cast<std::size_t>(content_length));
    plaintext.erase(plaintext.begin(), plaintext.begin() + static_cast<std::ptrdiff_t>(preamble_bytes));
    opened.content = std::move(plaintext);
    return opened;
}

}  // namespace

Result<BundleHeader, BundleError> inspect_bundle(std::span<const std::uint8_t> bytes) {
    if (bytes.size() > max_bundle_bytes) return fail(BundleError::too_large);
    if (bytes.size() < bundle_magic.size() || !std::equal(bundle_magic.begin(), bundle_magic.end(), bytes.begin()))
        return fail(BundleError::not_a_bundle);
    HeaderCursor cursor(bytes);
    cursor.take(bundle_magic.size());
    if (!cursor.has(3)) return fail(BundleError::truncated);
    BundleHeader header;
    header.major = static_cast<std::uint8_t>(cursor.number(1));
    header.minor = static_cast<std::uint8_t>(cursor.number(1));
    if (header.major > bundle_major_version) return fail(BundleError::newer_version);
    if (header.major == 0) return fail(BundleError::damaged_header);
    const std::size_t count = static_cast<std::size_t>(cursor.number(1));
    if (count > max_stanzas) return fail(BundleError::too_many_stanzas);
    if (count == 0) return fail(BundleError::damaged_header);
    for (std::size_t i = 0; i < count; ++i) {
        if (!cursor.has(3)) return fail(BundleError::truncated);
        Stanza stanza;
        stanza.type = static_cast<std::uint8_t>(cursor.number(1));
        const std::size_t length = static_cast<std::size_t>(cursor.number(2));
        if (!cursor.has(length)) return fail(BundleError::truncated);
        const auto body = cursor.take(length);
        stanza.body.assign(body.begin(), body.end());
        if (stanza.type == x25519_stanza_type && length != x25519_stanza_bytes) return fail(BundleError::damaged_header);
        if (stanza.type == passphrase_stanza_type) {
            if (length != passphrase_stanza_bytes) return fail(BundleError::damaged_header);
            PassphraseLock lock;
            std::memcpy(lock.salt.data(), body.data(), lock.salt.size());
            lock.params.opslimit = static_cast<std::uint32_t>(get_le(body.subspan(passphrase_salt_bytes), 4));
            lock.params.memlimit = static_cast<std::uint32_t>(get_le(body.subspan(passphrase_salt_bytes + 4), 4));
            header.passphrase = lock;
        }
        if (stanza.type == invitation_answer_stanza_type) {
            if (length != invitation_answer_bytes || header.answer) return fail(BundleError::damaged_header);
            header.answer.emplace();
            std::copy(body.begin(), body.end(), header.answer->begin());
        }
        header.stanzas.push_back(std::move(stanza));
    }
    // A passphrase stanza must be alone: otherwise a holder of the passphrase
    // could not tell whether others can read the bundle too.
    if (header.passphrase && count != 1) return fail(BundleError::damaged_header);
    if (header.passphrase) {
        if (auto checked = check_kdf_params(header.passphrase->params); !checked) return fail(checked.error());
    }
    if (!cursor.has(8)) return fail(BundleError::truncated);
    header.payload_length = cursor.number(8);
    header.mac_offset = cursor.offset();
    if (!cursor.has(header_mac_bytes)) return fail(BundleError::truncated);
    cursor.take(header_mac_bytes);
    header.payload_offset = cursor.offset();
    return header;
}

Result<VerifiedBundle, BundleError> verify_bundle(std::span<const std::uint8_t> bytes, const BundleHeader& header,
                                                  const Identity& recipient) {
    assert(header.payload_offset <= bytes.size());
    SecretKey file_key;
    for (const Stanza& stanza : header.stanzas) {
        if (stanza.type != x25519_stanza_type) continue;
        if (crypto_box_seal_open(file_key.bytes().data(), stanza.body.data(), stanza.body.size(),
                                 recipient.public_keys().box.data(), recipient.box_secret().data()) == 0)
            return verify_with_file_key(bytes, header, file_key);
    }
    return fail(BundleError::not_for_you);
}

Result<VerifiedBundle, BundleError> verify_bundle(std::span<const std::uint8_t> bytes, const BundleHeader& header,
                                                  const SecretKey& passphrase_key) {
    assert(header.payload_offset <= bytes.size());
    if (!header.passphrase) return fail(BundleError::not_for_you);
    const Stanza& stanza = header.stanzas.front();
    const std::size_t wrapped_at = passphrase_salt_bytes + 8;
    const std::array<std::uint8_t, crypto_aead_xchacha20poly1305_ietf_NPUBBYTES> nonce{};
    SecretKey file_key;
    if (crypto_aead_xchacha20poly1305_ietf_decrypt(
            file_key.bytes().data(), nullptr, nullptr, stanza.body.data() + wrapped_at, stanza.body.size() - wrapped_at,
            reinterpret_cast<const unsigned char*>(passphrase_stanza_ad.data()), passphrase_stanza_ad.size(),
            nonce.data(), passphrase_key.bytes().data()) != 0)
        return fail(BundleError::not_for_you);
    auto verified = verify_with_file_key(bytes, header, file_key);
    if (verified) verified.value().invitation = invitation_key(file_key);
    return verified;
}

Result<OpenedBundle, BundleError> decode_bundle(const VerifiedBundle& verified) {
    auto content = decode_bundle_content(verified.content);
    if (!content)
        return fail(content.error() == ContentError::newer_schema ? BundleError::newer_version : BundleError::damaged_content);
    return OpenedBundle{verified.sender, std::move(content).value()};
}

Result<OpenedBundle, BundleError> open_bundle(std::span<const std::uint8_t> bytes, const BundleHeader& header,
                                              const Identity& recipient) {
    auto verified = verify_bundle(bytes, header, recipient);
    if (!verified) return fail(verified.error());
    return decode_bundle(verified.value());
}

Result<OpenedBundle, BundleError> open_bundle(std::span<const std::uint8_t> bytes, const BundleHeader& header,
                                              const SecretKey& passphrase_key) {
    auto verified = verify_bundle(bytes, header, passphrase_key);
    if (!verified) return fail(verified.error());
    return decode_bundle(verified.value());
}

}  // namespace tandem::crypto
