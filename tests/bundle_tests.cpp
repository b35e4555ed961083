// Bundle format v1: writing, reading and every way a bundle is refused.

#include <doctest/doctest.h>

#include <algorithm>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include "crypto/bundle_reader.hpp"
#include "crypto/bundle_writer.hpp"
#include "crypto/passphrase_key.hpp"

#include "bundle_samples.hpp"

using namespace tandem;
using namespace tandem::crypto;
using namespace tandem::bundle_samples;

namespace {

Bytes bundle_for(const BundleContent& content, const Identity& sender, const Identity& recipient) {
    const SecretKey key = new_file_key();
    const Stanza stanza = x25519_stanza(key, recipient.public_keys().box);
    auto written = write_bundle(content, sender, std::span(&stanza, 1), key);
    REQUIRE(written.ok());
    return std::move(written).value();
}

Result<OpenedBundle, BundleError> open_as(const Bytes& bytes, const Identity& recipient) {
    auto header = inspect_bundle(bytes);
    if (!header) return fail(header.error());
    return open_bundle(bytes, header.value(), recipient);
}

BundleError refusal(const Result<OpenedBundle, BundleError>& result) {
    REQUIRE_FALSE(result.ok());
    return result.error();
}

}  // namespace

TEST_CASE("a bundle sealed to the partner's key opens for the partner, with the sender's keys and every record") {
    REQUIRE(initialize_sodium().ok());
    const Identity coach = Identity::generate(), coachee = Identity::generate();
    const BundleContent content = sample_content(3);
    const Bytes bytes = bundle_for(content, coach, coachee);
    auto header = inspect_bundle(bytes);
    REQUIRE(header.ok());
    CHECK(header.value().major == 1);
    CHECK_FALSE(header.value().passphrase.has_value());
    auto opened = open_bundle(bytes, header.value(), coachee);
    REQUIRE(opened.ok());
    CHECK(opened.value().sender == coach.public_keys());
    CHECK(opened.value().content == content);
}

TEST_CASE("a bundle is not for anyone else: a third profile, and the sender too, cannot open it") {
    REQUIRE(initialize_sodium().ok());
    const Identity coach = Identity::generate(), coachee = Identity::generate(), other = Identity::generate();
    const Bytes bytes = bundle_for(sample_content(), coach, coachee);
    CHECK(refusal(open_as(bytes, other)) == BundleError::not_for_you);
    CHECK(refusal(open_as(bytes, coach)) == BundleError::not_for_you);
}

TEST_CASE("a passphrase bundle opens with the passphrase, and a wrong one looks like another profile's bundle") {
    REQUIRE(initialize_sodium().ok());
    const Identity coach = Identity::generate(), coachee = Identity::generate();
    const auto salt = new_passphrase_salt();
    auto passphrase_key = derive_passphrase_key("maple harbour seven", salt, quick_kdf);
    REQUIRE(passphrase_key.ok());
    const SecretKey file_key = new_file_key();
    const Stanza stanza = passphrase_stanza(file_key, passphrase_key.value(), salt, quick_kdf);
    const BundleContent content = sample_content();
    auto written = write_bundle(content, coach, std::span(&stanza, 1), file_key);
    REQUIRE(written.ok());
    const Bytes& bytes = written.value();

    auto header = inspect_bundle(bytes);
    REQUIRE(header.ok());
    REQUIRE(header.value().passphrase.has_value());
    CHECK(header.value().passphrase->salt == salt);
    CHECK(header.value().passphrase->params == quick_kdf);
    auto again = derive_passphrase_key("maple harbour seven", header.value().passphrase->salt, quick_kdf);
    REQUIRE(again.ok());
    auto opened = open_bundle(bytes, header.value(), again.value());
    REQUIRE(opened.ok());
    CHECK(opened.value().sender == coach.public_keys());
    CHECK(opened.value().content == content);

    auto wrong = derive_passphrase_key("maple harbour seven ", salt, quick_kdf);
    REQUIRE(wrong.ok());
    CHECK(refusal(open_bundle(bytes, header.value(), wrong.value())) == BundleError::not_for_you);
    CHECK(refusal(open_bundle(bytes, header.value(), coachee)) == BundleError::not_for_you);
}

TEST_CASE("payloads of every shape open: no records, one chunk, exactly 64 KiB, several chunks") {
    REQUIRE(initialize_sodium().ok());
    const Identity coach = Identity::generate(), coachee = Identity::generate();
    for (const std::size_t length : {std::size_t{600}, chunk_bytes - 1, chunk_bytes, chunk_bytes + 1, 3 * chunk_bytes,
                                     3 * chunk_bytes + 5}) {
        CAPTURE(length);
        Parts parts = parts_for(coachee);
        parts.content = content_of_plaintext_length(length);
        auto opened = open_as(assemble(parts, coach), coachee);
        REQUIRE(opened.ok());
        CHECK(encode_bundle_content(opened.value().content) == parts.content);
    }
    const BundleContent empty = sample_content(0);
    auto opened = open_as(bundle_for(empty, coach, coachee), coachee);
    REQUIRE(opened.ok());
    CHECK(opened.value().content.records.empty());
}

TEST_CASE("a stream cut, extended or reordered is refused, each for what it is") {
    REQUIRE(initialize_sodium().ok());
    const Identity coach = Identity::generate(), coachee = Identity::generate();
    Parts parts = parts_for(coachee);
    parts.content = content_of_plaintext_length(3 * chunk_bytes + 100);
    const Bytes good = assemble(parts, coach);
    const std::size_t header_end = inspect_bundle(good).value().payload_offset;
    const std::size_t first_chunk = header_end + 24, sealed_chunk = chunk_bytes + 17;

    // Cut at a chunk boundary, and in the middle of one.
    const auto first = [&](std::size_t length) {
        const auto part = std::span(good).first(length);
        return Bytes(part.begin(), part.end());
    };
    CHECK(refusal(open_as(first(first_chunk + 2 * sealed_chunk), coachee)) == BundleError::truncated);
    CHECK(refusal(open_as(first(good.size() - 1), coachee)) == BundleError::truncated);
    CHECK(refusal(open_as(first(header_end), coachee)) == BundleError::truncated);

    Bytes longer = good;
    longer.push_back(0);
    CHECK(refusal(open_as(longer, coachee)) == BundleError::trailing_data);

    Bytes swapped = good;
    const auto chunk = [&](std::size_t i) { return std::span(swapped).subspan(first_chunk + i * sealed_chunk, sealed_chunk); };
    std::swap_ranges(chunk(0).begin(), chunk(0).end(), chunk(1).begin());
    CHECK(refusal(open_as(swapped, coachee)) == BundleError::chunk_tampered);
}

TEST_CASE("a header declaring a shorter payload, with its MAC made to match, finds an authentic final chunk too early") {
    REQUIRE(initialize_sodium().ok());
    const Identity coach = Identity::generate(), coachee = Identity::generate();
    Parts parts = parts_for(coachee);
    parts.content = content_of_plaintext_length(2 * chunk_bytes + 10);
    const Bytes good = assemble(parts, coach);
    const std::size_t header_end = inspect_bundle(good).value().payload_offset;
    // The first two chunks of the stream, under a header that says there are only two.
    const Bytes header = encode_header(parts.stanzas, parts.key, 2 * chunk_bytes);
    Bytes cut = header;
    const auto stream = std::span(good).subspan(header_end, 24 + 2 * (chunk_bytes + 17));
    cut.insert(cut.end(), stream.begin(), stream.end());
    CHECK(refusal(open_as(cut, coachee)) == BundleError::truncated);
}

TEST_CASE("the header is checked: magic, version, stanza count, stanza sizes, passphrase alone, KDF caps, MAC") {
    REQUIRE(initialize_sodium().ok());
    const Identity coach = Identity::generate(), coachee = Identity::generate();
    const Bytes good = bundle_for(sample_content(), coach, coachee);

    CHECK(inspect_bundle(Bytes{}).error() == BundleError::not_a_bundle);
    const std::string text = "GROW: goal, reality, options, will";
    CHECK(inspect_bundle(Bytes(text.begin(), text.end())).error() == BundleError::not_a_bundle);
    CHECK(inspect_bundle(Bytes(good.begin(), good.begin() + 9)).error() == BundleError::truncated);

    Parts parts = parts_for(coachee);
    CHECK(inspect_bundle(assemble(parts, coach, 2)).error() == BundleError::newer_version);
    CHECK(inspect_bundle(assemble(parts, coach, 0)).error() == BundleError::damaged_header);
    Bytes minor = good;
    minor[9] = 7;  // a newer minor version is read, but the MAC covers it
    CHECK(inspect_bundle(minor).ok());
    CHECK(refusal(open_as(minor, coachee)) == BundleError::header_tampered);

    Parts many = parts_for(coachee);
    while (many.stanzas.size() < max_stanzas) many.stanzas.push_back(Stanza{99, {1, 2, 3}});
    CHECK(open_as(assemble(many, coach), coachee).ok());
    Bytes seventeen = assemble(many, coach);
    seventeen[10] = 17;
    CHECK(inspect_bundle(seventeen).error() == BundleError::too_many_stanzas);
    Bytes none = good;
    none[10] = 0;
    CHECK(inspect_bundle(none).error() == BundleError::damaged_header);

    Parts short_stanza = parts_for(coachee);
    short_stanza.stanzas[0].body.pop_back();
    CHECK(inspect_bundle(assemble(short_stanza, coach)).error() == BundleError::damaged_header);

    const auto salt = new_passphrase_salt();
    auto passphrase_key = derive_passphrase_key("x", salt, quick_kdf);
    REQUIRE(passphrase_key.ok());
    Parts mixed = parts_for(coachee);
    mixed.stanzas.push_back(passphrase_stanza(mixed.key, passphrase_key.value(), salt, quick_kdf));
    CHECK(inspect_bundle(assemble(mixed, coach)).error() == BundleError::damaged_header);

    for (const KdfParams params : {KdfParams{11, quick_kdf.memlimit}, KdfParams{1, max_kdf_memlimit + 1}}) {
        Parts costly = parts_for(coachee);
        costly.stanzas[0] = passphrase_stanza(costly.key, passphrase_key.value(), salt, params);
        CHECK(inspect_bundle(assemble(costly, coach)).error() == BundleError::kdf_over_limits);
        CHECK(derive_passphrase_key("x", salt, params).error() == BundleError::kdf_over_limits);
    }
    Parts cheap = parts_for(coachee);
    cheap.stanzas[0] = passphrase_stanza(cheap.key, passphrase_key.value(), salt, KdfParams{0, quick_kdf.memlimit});
    CHECK(inspect_bundle(assemble(cheap, coach)).error() == BundleError::damaged_header);

    // Allocated by hand: value-initialising 64 MiB one byte at a time is slow in an unoptimised wasm build.
    const std::unique_ptr<std::uint8_t[]> too_large(new std::uint8_t[max_bundle_bytes + 1]);
    std::memset(too_large.get(), 0, max_bundle_bytes + 1);
    std::memcpy(too_large.get(), good.data(), good.size());
    CHECK(inspect_bundle(std::span(too_large.get(), max_bundle_bytes + 1)).error() == BundleError::too_large);
}

TEST_CASE("stanzas of unknown types are skipped, and the partner's stanza is found among others") {
    REQUIRE(initialize_sodium().ok());
    const Identity coach = Identity::generate(), coachee = Identity::generate(), other = Identity::generate();
    Parts parts = parts_for(other);
    parts.stanzas.insert(parts.stanzas.begin(), Stanza{200, Bytes(300, 0xAB)});
    parts.stanzas.push_back(x25519_stanza(parts.key, coachee.public_keys().box));
    const Bytes bytes = assemble(parts, coach);
    CHECK(open_as(bytes, coachee).ok());
    CHECK(open_as(bytes, other).ok());
    CHECK(refusal(open_as(bytes, coach)) == BundleError::not_for_you);
}

TEST_CASE("a stanza whose ephemeral key is a low-order point opens for nobody") {
    REQUIRE(initialize_sodium().ok());
    const Identity coach = Identity::generate(), coachee = Identity::generate();
    Parts parts = parts_for(coachee);
    std::fill(parts.stanzas[0].body.begin(), parts.stanzas[0].body.begin() + 32, 0);  // the identity point
    CHECK(refusal(open_as(assemble(parts, coach), coachee)) == BundleError::not_for_you);
}

TEST_CASE("the signature binds sender, header and records: a bad one, or one over another header, is refused") {
    REQUIRE(initialize_sodium().ok());
    const Identity coach = Identity::generate(), coachee = Identity::generate();
    Parts parts = parts_for(coachee);
    const Bytes header = encode_header(parts.stanzas, parts.key, signed_plaintext_length(parts.content.size()));

    Bytes plaintext = signed_plaintext(header, parts.content, coach);
    plaintext.back() ^= 1;
    Bytes bad = header;
    const Bytes payload = encrypt_payload(parts.key, plaintext);
    bad.insert(bad.end(), payload.begin(), payload.end());
    CHECK(refusal(open_as(bad, coachee)) == BundleError::bad_signature);

    // Signed over a header with one more (unknown) stanza: authentic chunks, wrong header.
    std::vector<Stanza> other_stanzas = parts.stanzas;
    other_stanzas.push_back(Stanza{99, {}});
    const Bytes signed_elsewhere = signed_plaintext(
        encode_header(other_stanzas, parts.key, signed_plaintext_length(parts.content.size())), parts.content,
        coach);
    Bytes moved = header;
    const Bytes moved_payload = encrypt_payload(parts.key, signed_elsewhere);
    moved.insert(moved.end(), moved_payload.begin(), moved_payload.end());
    CHECK(refusal(open_as(moved, coachee)) == BundleError::bad_signature);
}

TEST_CASE("a valid signature from an unknown key opens, naming that key as the sender") {
    REQUIRE(initialize_sodium().ok());
    const Identity stranger = Identity::generate(), coachee = Identity::generate();
    auto opened = open_as(bundle_for(sample_content(), stranger, coachee), coachee);
    REQUIRE(opened.ok());
    CHECK(opened.value().sender == stranger.public_keys());
}

TEST_CASE("authentic content that is not Tandem's records, or from a newer schema, is refused") {
    REQUIRE(initialize_sodium().ok());
    const Identity coach = Identity::generate(), coachee = Identity::generate();
    Parts parts = parts_for(coachee);
    parts.content = Bytes{1, 1, 0, 0, 0, 9};  // schema 1, then too little
    CHECK(refusal(open_as(assemble(parts, coach), coachee)) == BundleError::damaged_content);
    parts.content = encode_bundle_content(sample_content());
    parts.content[1] = bundle_content_schema + 1;  // after cereal's endianness byte
    CHECK(refusal(open_as(assemble(parts, coach), coachee)) == BundleError::newer_version);
}

TEST_CASE("every single-byte change anywhere in a bundle is refused") {
    REQUIRE(initialize_sodium().ok());
    const Identity coach = Identity::generate(), coachee = Identity::generate();
    const Bytes good = bundle_for(sample_content(2, 20), coach, coachee);
    REQUIRE(open_as(good, coachee).ok());
    std::size_t refused = 0;
    for (std::size_t at = 0; at < good.size(); ++at) {
        for (const std::uint8_t flip : {std::uint8_t{0x01}, std::uint8_t{0x80}, std::uint8_t{0xFF}}) {
            Bytes changed = good;
            changed[at] ^= flip;
            const bool opened = open_as(changed, coachee).ok();
            if (opened) FAIL_CHECK("byte " << at << " changed by " << int{flip} << " still opens");
            refused += !opened;
        }
    }
    CHECK(refused == 3 * good.size());
}

TEST_CASE("content decoding survives any bytes: every cut, random bytes, hostile sizes") {
    const Bytes good = encode_bundle_content(sample_content(3));
    REQUIRE(decode_bundle_content(good).ok());
    for (std::size_t length = 0; length < good.size(); ++length)
        CHECK_FALSE(decode_bundle_content(std::span(good).first(length)).ok());
    Bytes longer = good;
    longer.push_back(0);
    CHECK_FALSE(decode_bundle_content(longer).ok());
    // Each byte set to its extremes: refused or decoded, never a crash or a huge allocation.
    for (std::size_t at = 0; at < good.size(); ++at) {
        for (const std::uint8_t value : {std::uint8_t{0x00}, std::uint8_t{0x7F}, std::uint8_t{0xFF}}) {
            Bytes changed = good;
            changed[at] = value;
            (void)decode_bundle_content(changed);
        }
    }
}
