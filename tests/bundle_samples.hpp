#pragma once
// Sample bundles for the bundle tests and the test-vector generator: notes
// of one pairing, and a bundle's parts to be assembled with one changed.

#include <cassert>
#include <cstdint>
#include <string>
#include <vector>

#include "crypto/bundle_content.hpp"
#include "crypto/bundle_writer.hpp"

namespace tandem::bundle_samples {

using namespace tandem::crypto;
using Bytes = std::vector<std::uint8_t>;

// Cheap Argon2id parameters for tests: the minimum memory, one pass.
inline constexpr KdfParams quick_kdf{1, 8 * 1024};

// A shared note of `pairing` written at clock reading `hlc`.
inline Record note_record(const RecordId& pairing, std::string body, std::uint64_t hlc) {
    Record note = Record::blank(Kind::note);
    note.id = RecordId::derived("note " + std::to_string(hlc));
    note.created_by = RecordId::derived("sender");
    note.created_at_ms = 1'795'338'000'000;
    note.field(Note::fields::pairing) = FieldState{pairing, Stamp{hlc, 7}, {}};
    note.field(Note::fields::body) = FieldState{std::move(body), Stamp{hlc, 7}, {}};
    return note;
}

// `notes` notes of one pairing, each of `body_bytes` letters.
inline BundleContent sample_content(std::size_t notes = 2, std::size_t body_bytes = 40) {
    BundleContent content;
    content.bundle_id = RecordId::derived("bundle");
    content.pairing = RecordId::derived("pairing");
    content.created_at_ms = 1'795'338'000'000;
    for (std::size_t i = 0; i < notes; ++i)
        content.records.push_back(note_record(content.pairing, std::string(body_bytes, static_cast<char>('a' + i % 26)),
                                              100 + i));
    content.hlc_min = notes ? 100 : 0;
    content.hlc_max = notes ? 100 + notes - 1 : 0;
    return content;
}

// A bundle's parts, to assemble as write_bundle would, or with one changed.
struct Parts {
    SecretKey key = new_file_key();
    std::vector<Stanza> stanzas;
    Bytes content;
};

inline Bytes assemble(const Parts& parts, const Identity& sender, std::uint8_t major = bundle_major_version) {
    Bytes bytes = encode_header(parts.stanzas, parts.key, signed_plaintext_length(parts.content.size()), major);
    const Bytes plaintext = signed_plaintext(bytes, parts.content, sender);
    const Bytes payload = encrypt_payload(parts.key, plaintext);
    bytes.insert(bytes.end(), payload.begin(), payload.end());
    return bytes;
}

// The parts of `content` sealed to `recipient`.
inline Parts parts_for(const Identity& recipient, const BundleContent& content = sample_content()) {
    Parts parts;
    parts.stanzas.push_back(x25519_stanza(parts.key, recipient.public_keys().box));
    parts.content = encode_bundle_content(content);
    return parts;
}

// Content whose signed plaintext is exactly `length` bytes (at least 600).
inline Bytes content_of_plaintext_length(std::size_t length) {
    BundleContent content = sample_content(1, 1);
    const std::size_t base = signed_plaintext_length(encode_bundle_content(content).size());
    assert(length >= base);
    // Each text byte adds one byte: cereal's size tag has a fixed width.
    content.records[0].field(Note::fields::body).value = std::string(1 + length - base, 'x');
    Bytes bytes = encode_bundle_content(content);
    assert(signed_plaintext_length(bytes.size()) == length);
    return bytes;
}

}  // namespace tandem::bundle_samples
