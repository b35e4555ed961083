// Writes the frozen bundle test vectors (tests/vectors/bundles): one file per
// case and its expected outcome beside it, with libsodium's randomness made
// deterministic so that the same program always writes the same bytes. Run
// once, by hand, when the format changes (docs/bundle-format.md, "Test
// vectors"); the tests only ever read the files.
//
//   build/native/tests/make_bundle_vectors tests/vectors/bundles

#include <sodium.h>

#include <cstdio>
#include <fstream>
#include <string>

#include "crypto/bundle_derivation.hpp"
#include "crypto/bundle_reader.hpp"
#include "crypto/invitation.hpp"
#include "crypto/passphrase_key.hpp"

#include "bundle_samples.hpp"

using namespace tandem;
using namespace tandem::bundle_samples;

namespace {

// libsodium's randombytes, each call a fresh deterministic stream.
std::uint64_t draws = 0;

void deterministic_buf(void* const buf, const size_t size) {
    unsigned char seed[randombytes_SEEDBYTES];
    const std::string label = "Tandem bundle test vectors " + std::to_string(draws++);
    crypto_generichash(seed, sizeof seed, reinterpret_cast<const unsigned char*>(label.data()), label.size(), nullptr, 0);
    randombytes_buf_deterministic(buf, size, seed);
}

std::uint32_t deterministic_random() {
    std::uint32_t value = 0;
    deterministic_buf(&value, sizeof value);
    return value;
}

const char* deterministic_name() { return "deterministic"; }

randombytes_implementation deterministic = {deterministic_name, deterministic_random, nullptr, nullptr,
                                            deterministic_buf, nullptr};

std::string hex(std::span<const std::uint8_t> bytes) {
    std::string out;
    char digits[3];
    for (const std::uint8_t byte : bytes) {
        std::snprintf(digits, sizeof digits, "%02x", byte);
        out += digits;
    }
    return out;
}

std::string directory;
int written = 0;

void write_case(const std::string& name, const Bytes& bytes, const std::string& expected) {
    std::ofstream(directory + "/" + name + ".tandem", std::ios::binary)
        .write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
    std::ofstream(directory + "/" + name + ".expected") << expected;
    std::ofstream(directory + "/cases.txt", std::ios::app) << name << '\n';
    ++written;
}

std::string opens(const char* with, const char* sender, std::size_t records) {
    return std::string("open-with: ") + with + "\noutcome: opens\nsender: " + sender +
           "\nrecords: " + std::to_string(records) + "\n";
}

std::string refused(const char* with, BundleError error) {
    return std::string("open-with: ") + with + "\noutcome: refused\nerror: " + std::string(bundle_error_name(error)) + "\n";
}

// A plaintext as signed_plaintext writes it, but with the sender's X25519
// key `box` and the content length `declared`, signed with `sender`'s key
// (or its signature spoilt).
Bytes plaintext_of(std::span<const std::uint8_t> header, const Bytes& content, const Identity& sender,
                   const std::array<std::uint8_t, 32>& box, std::uint64_t declared, bool spoil_signature) {
    Bytes plaintext(box.begin(), box.end());
    plaintext.insert(plaintext.end(), sender.public_keys().sign.begin(), sender.public_keys().sign.end());
    crypto::bundle_derivation::put_le(plaintext, declared, crypto::bundle_derivation::length_bytes);
    plaintext.insert(plaintext.end(), content.begin(), content.end());
    const Bytes message = crypto::bundle_derivation::signed_message(header, plaintext);
    std::array<std::uint8_t, crypto_sign_BYTES> signature{};
    crypto_sign_detached(signature.data(), nullptr, message.data(), message.size(), sender.sign_secret().data());
    if (spoil_signature) signature[0] ^= 0x01;
    plaintext.insert(plaintext.end(), signature.begin(), signature.end());
    return plaintext;
}

// A whole bundle of `parts`' stanzas around `plaintext`, as assemble() would.
Bytes around(const Parts& parts, const Bytes& plaintext) {
    Bytes bytes = encode_header(parts.stanzas, parts.key, plaintext.size());
    const Bytes payload = encrypt_payload(parts.key, plaintext);
    bytes.insert(bytes.end(), payload.begin(), payload.end());
    return bytes;
}

Bytes parts_with_plaintext(const Identity& sender, const Identity& recipient, std::size_t length) {
    Parts parts = parts_for(recipient);
    parts.content = content_of_plaintext_length(length);
    return assemble(parts, sender);
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: %s <directory>\n", argv[0]);
        return 2;
    }
    directory = argv[1];
    randombytes_set_implementation(&deterministic);
    if (!initialize_sodium().ok()) return 1;
    std::ofstream(directory + "/cases.txt") << "";

    const Identity coach = Identity::generate(), coachee = Identity::generate(), stranger = Identity::generate();
    const std::string passphrase = "maple harbour seven lanterns";
    constexpr KdfParams vector_kdf{2, 1024 * 1024};
    std::ofstream(directory + "/identities.txt")
        << "recipient-box-secret: " << hex(coachee.box_secret()) << "\n"
        << "recipient-sign-secret: " << hex(coachee.sign_secret()) << "\n"
        << "recipient-box-public: " << hex(coachee.public_keys().box) << "\n"
        << "recipient-sign-public: " << hex(coachee.public_keys().sign) << "\n"
        << "coach-box-public: " << hex(coach.public_keys().box) << "\n"
        << "coach-sign-public: " << hex(coach.public_keys().sign) << "\n"
        << "stranger-box-public: " << hex(stranger.public_keys().box) << "\n"
        << "stranger-sign-public: " << hex(stranger.public_keys().sign) << "\n"
        << "passphrase: " << passphrase << "\n";

    const std::size_t sealed_chunk = chunk_bytes + crypto_secretstream_xchacha20poly1305_ABYTES;
    const auto stream_start = [](const Bytes& bytes) {
        return inspect_bundle(bytes).value().payload_offset + crypto_secretstream_xchacha20poly1305_HEADERBYTES;
    };

    write_case("01-no-records", assemble(parts_for(coachee, sample_content(0)), coach), opens("key", "coach", 0));
    write_case("02-single-chunk", assemble(parts_for(coachee, sample_content(3)), coach), opens("key", "coach", 3));
    write_case("03-exactly-64-kib", parts_with_plaintext(coach, coachee, chunk_bytes), opens("key", "coach", 1));
    const Bytes several = parts_with_plaintext(coach, coachee, 2 * chunk_bytes + 100);
    write_case("04-several-chunks", several, opens("key", "coach", 1));

    Bytes cut(several.begin(), several.begin() + static_cast<std::ptrdiff_t>(stream_start(several) + sealed_chunk));
    write_case("05-truncated-at-chunk-boundary", cut, refused("key", BundleError::truncated));

    Bytes trailing = assemble(parts_for(coachee), coach);
    trailing.push_back(0x0A);
    write_case("06-trailing-data", trailing, refused("key", BundleError::trailing_data));

    Bytes reordered = several;
    const auto chunk = [&](std::size_t i) {
        return std::span(reordered).subspan(stream_start(several) + i * sealed_chunk, sealed_chunk);
    };
    std::swap_ranges(chunk(0).begin(), chunk(0).end(), chunk(1).begin());
    write_case("07-reordered-chunks", reordered, refused("key", BundleError::chunk_tampered));

    Bytes flipped = assemble(parts_for(coachee), coach);
    flipped[9] ^= 0x01;  // the minor version: read, but covered by the MAC
    write_case("08-flipped-header-bit", flipped, refused("key", BundleError::header_tampered));

    Parts low_order = parts_for(coachee);
    std::fill(low_order.stanzas[0].body.begin(), low_order.stanzas[0].body.begin() + 32, 0);
    low_order.stanzas[0].body[0] = 1;  // u = 1, a point of order 4
    write_case("09-low-order-x25519-point", assemble(low_order, coach), refused("key", BundleError::not_for_you));

    const auto salt = new_passphrase_salt();
    const SecretKey passphrase_key = derive_passphrase_key(passphrase, salt, vector_kdf).value();
    Parts costly;
    costly.stanzas.push_back(passphrase_stanza(costly.key, passphrase_key, salt, KdfParams{3, max_kdf_memlimit * 2}));
    costly.content = encode_bundle_content(sample_content());
    write_case("10-kdf-over-caps", assemble(costly, coach), refused("passphrase", BundleError::kdf_over_limits));

    Parts mixed = parts_for(stranger);
    mixed.stanzas.push_back(Stanza{77, Bytes(40, 0x5A)});
    mixed.stanzas.push_back(x25519_stanza(mixed.key, coachee.public_keys().box));
    write_case("11-mixed-stanzas", assemble(mixed, coach), opens("key", "coach", 2));

    Parts extra = parts_for(coachee);
    extra.stanzas.push_back(Stanza{200, Bytes(300, 0xAB)});
    write_case("12-unknown-extra-stanza", assemble(extra, coach), opens("key", "coach", 2));

    Parts badly_signed = parts_for(coachee);
    Bytes bad = encode_header(badly_signed.stanzas, badly_signed.key, signed_plaintext_length(badly_signed.content.size()));
    Bytes plaintext = signed_plaintext(bad, badly_signed.content, coach);
    plaintext.back() ^= 0x01;
    const Bytes payload = encrypt_payload(badly_signed.key, plaintext);
    bad.insert(bad.end(), payload.begin(), payload.end());
    write_case("13-bad-signature", bad, refused("key", BundleError::bad_signature));

    write_case("14-signed-by-unknown-key", assemble(parts_for(coachee), stranger), opens("key", "stranger", 2));
    write_case("15-major-version-2", assemble(parts_for(coachee), coach, 2), refused("key", BundleError::newer_version));

    Parts by_passphrase;
    by_passphrase.stanzas.push_back(passphrase_stanza(by_passphrase.key, passphrase_key, salt, vector_kdf));
    by_passphrase.content = encode_bundle_content(sample_content(4));
    const Bytes passphrase_bundle = assemble(by_passphrase, coach);
    write_case("16-passphrase", passphrase_bundle, opens("passphrase", "coach", 4));
    write_case("17-wrong-passphrase", passphrase_bundle, refused("wrong-passphrase", BundleError::not_for_you));

    Parts not_alone = parts_for(coachee);
    not_alone.stanzas.push_back(passphrase_stanza(not_alone.key, passphrase_key, salt, vector_kdf));
    write_case("18-passphrase-not-alone", assemble(not_alone, coach), refused("key", BundleError::damaged_header));

    write_case("19-for-another-profile", assemble(parts_for(stranger), coach), refused("key", BundleError::not_for_you));

    const std::string text = "Meeting notes, 12 March: goal, reality, options, will.\n";
    write_case("20-not-a-bundle", Bytes(text.begin(), text.end()), refused("key", BundleError::not_a_bundle));

    Parts crowded = parts_for(coachee);
    while (crowded.stanzas.size() < max_stanzas) crowded.stanzas.push_back(Stanza{99, {}});
    Bytes seventeen = assemble(crowded, coach);
    seventeen[10] = static_cast<std::uint8_t>(max_stanzas + 1);
    write_case("21-too-many-stanzas", seventeen, refused("key", BundleError::too_many_stanzas));

    // [SECTION] Which check comes first, when a file has two faults.
    Parts versioned = parts_for(coachee);
    while (versioned.stanzas.size() < max_stanzas) versioned.stanzas.push_back(Stanza{99, {}});
    Bytes newer_and_crowded = assemble(versioned, coach, 2);
    newer_and_crowded[10] = static_cast<std::uint8_t>(max_stanzas + 1);
    write_case("22-newer-version-and-too-many-stanzas", newer_and_crowded, refused("key", BundleError::newer_version));

    Parts beside_and_costly = parts_for(coachee);
    beside_and_costly.stanzas.push_back(
        passphrase_stanza(beside_and_costly.key, passphrase_key, salt, KdfParams{3, max_kdf_memlimit * 2}));
    write_case("23-passphrase-not-alone-and-over-kdf-caps", assemble(beside_and_costly, coach),
               refused("key", BundleError::damaged_header));

    Bytes changed_and_cut = assemble(parts_for(coachee), coach);
    changed_and_cut[9] ^= 0x01;
    changed_and_cut.resize(changed_and_cut.size() - 20);
    write_case("24-flipped-header-bit-and-cut", changed_and_cut, refused("key", BundleError::header_tampered));

    Parts overlong = parts_for(coachee);
    Bytes over_64_mib = encode_header(overlong.stanzas, overlong.key, max_bundle_bytes + 1);
    const Bytes small_payload = encrypt_payload(overlong.key, Bytes(200, 0x20));
    over_64_mib.insert(over_64_mib.end(), small_payload.begin(), small_payload.end());
    write_case("25-declared-length-over-64-mib", over_64_mib, refused("key", BundleError::too_large));

    // The content length is checked before the signature: a wrong one is
    // damaged content, though the signature no longer verifies either.
    const std::array<std::uint8_t, 32> low_order_box{1};  // u = 1, a point of order 4
    Parts misdeclared = parts_for(coachee);
    Bytes header_bytes = encode_header(misdeclared.stanzas, misdeclared.key, signed_plaintext_length(misdeclared.content.size()));
    write_case("26-content-length-mismatch",
               around(misdeclared, plaintext_of(header_bytes, misdeclared.content, coach, coach.public_keys().box,
                                                misdeclared.content.size() + 1, false)),
               refused("key", BundleError::damaged_content));
    // The sender's X25519 key is checked after the signature.
    write_case("27-low-order-sender-key", around(misdeclared, plaintext_of(header_bytes, misdeclared.content, coach,
                                                                           low_order_box, misdeclared.content.size(), false)),
               refused("key", BundleError::damaged_content));
    write_case("28-low-order-sender-key-and-bad-signature",
               around(misdeclared, plaintext_of(header_bytes, misdeclared.content, coach, low_order_box,
                                                misdeclared.content.size(), true)),
               refused("key", BundleError::bad_signature));
    // Content is decoded only after the signature verifies.
    Bytes garbage{0x01, 0x01, 0x00, 0x00, 0x00};  // little-endian, content schema 1, then nothing readable
    garbage.resize(300, 0xC3);
    Parts unreadable = parts_for(coachee);
    unreadable.content = garbage;
    Bytes unreadable_header = encode_header(unreadable.stanzas, unreadable.key, signed_plaintext_length(garbage.size()));
    write_case("29-unreadable-content", around(unreadable, plaintext_of(unreadable_header, garbage, coach,
                                                                        coach.public_keys().box, garbage.size(), false)),
               refused("key", BundleError::damaged_content));
    write_case("30-unreadable-content-and-bad-signature",
               around(unreadable, plaintext_of(unreadable_header, garbage, coach, coach.public_keys().box, garbage.size(),
                                               true)),
               refused("key", BundleError::bad_signature));

    // A chunk before the last tagged neither MESSAGE nor FINAL.
    Parts pushed = parts_for(coachee);
    pushed.content = content_of_plaintext_length(chunk_bytes + 500);
    Bytes pushed_bytes = encode_header(pushed.stanzas, pushed.key, signed_plaintext_length(pushed.content.size()));
    {
        const Bytes signed_bytes = signed_plaintext(pushed_bytes, pushed.content, coach);
        const SecretKey stream_key = crypto::bundle_derivation::subkey(pushed.key, crypto::bundle_derivation::payload_subkey);
        Bytes stream(crypto_secretstream_xchacha20poly1305_HEADERBYTES);
        crypto_secretstream_xchacha20poly1305_state state;
        crypto_secretstream_xchacha20poly1305_init_push(&state, stream.data(), stream_key.bytes().data());
        for (std::size_t from = 0; from < signed_bytes.size(); from += chunk_bytes) {
            const std::size_t length = std::min(chunk_bytes, signed_bytes.size() - from);
            const bool last = from + length == signed_bytes.size();
            Bytes sealed(length + crypto_secretstream_xchacha20poly1305_ABYTES);
            crypto_secretstream_xchacha20poly1305_push(&state, sealed.data(), nullptr, signed_bytes.data() + from, length,
                                                       nullptr, 0,
                                                       last ? crypto_secretstream_xchacha20poly1305_TAG_FINAL
                                                            : crypto_secretstream_xchacha20poly1305_TAG_PUSH);
            stream.insert(stream.end(), sealed.begin(), sealed.end());
        }
        pushed_bytes.insert(pushed_bytes.end(), stream.begin(), stream.end());
    }
    write_case("31-middle-chunk-tagged-push", pushed_bytes, refused("key", BundleError::chunk_tampered));

    // [SECTION] Limits past the signature.
    // Records of one field each: a count the bytes can hold, but each
    // becomes every field of its kind in memory, past the decoding budget.
    BundleContent padded = sample_content(0);
    for (int i = 0; i < 4000; ++i) {
        Record smallest;
        smallest.kind = Kind::meeting;
        smallest.id = RecordId::derived("smallest " + std::to_string(i));
        smallest.fields.resize(1);
        smallest.fields[0].value = std::int64_t{0};
        padded.records.push_back(std::move(smallest));
    }
    write_case("32-over-the-decoding-budget", assemble(parts_for(coachee, padded), coach),
               refused("key", BundleError::damaged_content));

    // [SECTION] First contact: answers to an invitation (minor version 1).
    // The recipient sent an invitation; the coach answers it. invitation.txt
    // gives its file key, the invitation key and the answer they make.
    const SecretKey invitation_file_key = new_file_key();
    const SecretKey answering_key = invitation_key(invitation_file_key);
    const Stanza answer = invitation_answer(answering_key, coachee.public_keys(), coach.public_keys());
    std::ofstream(directory + "/invitation.txt")
        << "file-key: " << hex(invitation_file_key.bytes()) << "\n"
        << "invitation-key: " << hex(answering_key.bytes()) << "\n"
        << "inviter: recipient\nanswerer: coach\n"
        << "answer: " << hex(answer.body) << "\n";
    const auto answered = [&](const Identity& sender, std::vector<Stanza> added) {
        Parts parts = parts_for(coachee);
        parts.stanzas.insert(parts.stanzas.end(), added.begin(), added.end());
        return write_bundle(sample_content(), sender, parts.stanzas, parts.key).value();
    };
    write_case("33-invitation-answer", answered(coach, {answer}), opens("key", "coach", 2) + "answer: valid\n");
    // The coach's answer, moved into a file the stranger signed: it opens, but answers nothing.
    write_case("34-answer-in-another-senders-file", answered(stranger, {answer}),
               opens("key", "stranger", 2) + "answer: invalid\n");
    Stanza short_answer = answer;
    short_answer.body.pop_back();
    write_case("35-answer-of-the-wrong-size", answered(coach, {short_answer}), refused("key", BundleError::damaged_header));
    write_case("36-two-answers", answered(coach, {answer, answer}), refused("key", BundleError::damaged_header));
    Parts inviting_and_answering;
    inviting_and_answering.stanzas.push_back(passphrase_stanza(inviting_and_answering.key, passphrase_key, salt, vector_kdf));
    inviting_and_answering.stanzas.push_back(answer);
    write_case("37-answer-beside-a-passphrase",
               write_bundle(sample_content(), coach, inviting_and_answering.stanzas, inviting_and_answering.key).value(),
               refused("passphrase", BundleError::damaged_header));

    std::printf("wrote %d cases to %s\n", written, directory.c_str());
    return 0;
}
