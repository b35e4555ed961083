// First contact by one passphrase (crypto/invitation.hpp): the invitation
// key, the answer stanza, and the invitations a profile keeps.

#include <doctest/doctest.h>

#include <algorithm>
#include <vector>

#include "crypto/bundle_reader.hpp"
#include "crypto/bundle_writer.hpp"
#include "crypto/invitation.hpp"
#include "crypto/invitation_book.hpp"
#include "crypto/passphrase_key.hpp"

#include "bundle_samples.hpp"

using namespace tandem;
using namespace tandem::crypto;
using namespace tandem::bundle_samples;

namespace {

std::span<const std::uint8_t, invitation_answer_bytes> body_of(const Stanza& stanza) {
    REQUIRE(stanza.body.size() == invitation_answer_bytes);
    return std::span<const std::uint8_t, invitation_answer_bytes>(stanza.body.data(), invitation_answer_bytes);
}

SecretKey copy_of(const SecretKey& key) {
    SecretKey copy;
    std::copy(key.bytes().begin(), key.bytes().end(), copy.bytes().begin());
    return copy;
}

bool same(const SecretKey& a, const SecretKey& b) {
    return std::equal(a.bytes().begin(), a.bytes().end(), b.bytes().begin(), b.bytes().end());
}

}  // namespace

TEST_CASE("an answer verifies only with its invitation's key and both sides' keys, in their places") {
    REQUIRE(initialize_sodium().ok());
    const Identity inviter = Identity::generate(), answerer = Identity::generate(), other = Identity::generate();
    const SecretKey file_key = new_file_key();
    const SecretKey key = invitation_key(file_key);
    CHECK_FALSE(same(key, file_key));
    CHECK(same(key, invitation_key(file_key)));  // derived, so both sides get the same key

    const Stanza answer = invitation_answer(key, inviter.public_keys(), answerer.public_keys());
    CHECK(answer.type == invitation_answer_stanza_type);
    CHECK(answers_invitation(key, body_of(answer), inviter.public_keys(), answerer.public_keys()));
    CHECK_FALSE(answers_invitation(invitation_key(new_file_key()), body_of(answer), inviter.public_keys(),
                                   answerer.public_keys()));
    CHECK_FALSE(answers_invitation(key, body_of(answer), inviter.public_keys(), other.public_keys()));
    CHECK_FALSE(answers_invitation(key, body_of(answer), other.public_keys(), answerer.public_keys()));
    CHECK_FALSE(answers_invitation(key, body_of(answer), answerer.public_keys(), inviter.public_keys()));
    Stanza changed = answer;
    changed.body[3] ^= 0x04;  // the nonce
    CHECK_FALSE(answers_invitation(key, body_of(changed), inviter.public_keys(), answerer.public_keys()));
    changed = answer;
    changed.body[30] ^= 0x04;  // the MAC
    CHECK_FALSE(answers_invitation(key, body_of(changed), inviter.public_keys(), answerer.public_keys()));
}

TEST_CASE("a bundle opened with its passphrase hands over its invitation key; one opened by key does not") {
    REQUIRE(initialize_sodium().ok());
    const Identity coach = Identity::generate(), coachee = Identity::generate();
    const SecretKey file_key = new_file_key();
    const auto salt = new_passphrase_salt();
    const SecretKey passphrase_key = derive_passphrase_key("acorn bagel comet drum eagle", salt, quick_kdf).value();
    const Stanza locked = passphrase_stanza(file_key, passphrase_key, salt, quick_kdf);
    const Bytes invitation = write_bundle(sample_content(), coach, std::span(&locked, 1), file_key).value();
    auto header = inspect_bundle(invitation);
    REQUIRE(header.ok());
    CHECK(header.value().minor == bundle_minor_version);
    auto opened = verify_bundle(invitation, header.value(), passphrase_key);
    REQUIRE(opened.ok());
    REQUIRE(opened.value().invitation.has_value());
    CHECK(same(*opened.value().invitation, invitation_key(file_key)));

    const Bytes sealed = assemble(parts_for(coachee), coach);
    auto by_key = verify_bundle(sealed, inspect_bundle(sealed).value(), coachee);
    REQUIRE(by_key.ok());
    CHECK_FALSE(by_key.value().invitation.has_value());
}

TEST_CASE("the answer stanza: minor version 1, read from the header, covered by its MAC, one of 48 bytes") {
    REQUIRE(initialize_sodium().ok());
    const Identity coach = Identity::generate(), coachee = Identity::generate();
    const SecretKey key = invitation_key(new_file_key());
    Parts parts = parts_for(coach);
    const Stanza answer = invitation_answer(key, coach.public_keys(), coachee.public_keys());
    parts.stanzas.push_back(answer);
    const Bytes written =
        write_bundle(sample_content(), coachee, parts.stanzas, parts.key).value();
    auto header = inspect_bundle(written);
    REQUIRE(header.ok());
    CHECK(header.value().minor == answer_minor_version);
    REQUIRE(header.value().answer.has_value());
    CHECK(std::equal(header.value().answer->begin(), header.value().answer->end(), answer.body.begin(), answer.body.end()));
    auto opened = verify_bundle(written, header.value(), coach);
    REQUIRE(opened.ok());
    CHECK(answers_invitation(key, *header.value().answer, coach.public_keys(), opened.value().sender));

    // Changing the answer in transit breaks the header MAC.
    Bytes changed = written;
    const auto at = std::search(changed.begin(), changed.end(), answer.body.begin(), answer.body.end());
    REQUIRE(at != changed.end());
    *at ^= 0x01;
    auto changed_header = inspect_bundle(changed);
    REQUIRE(changed_header.ok());
    CHECK(verify_bundle(changed, changed_header.value(), coach).error() == BundleError::header_tampered);

    Parts short_answer = parts_for(coach);
    short_answer.stanzas.push_back(Stanza{invitation_answer_stanza_type, Bytes(invitation_answer_bytes - 1, 7)});
    CHECK(inspect_bundle(assemble(short_answer, coachee)).error() == BundleError::damaged_header);
    Parts two_answers = parts_for(coach);
    two_answers.stanzas.push_back(answer);
    two_answers.stanzas.push_back(answer);
    CHECK(inspect_bundle(assemble(two_answers, coachee)).error() == BundleError::damaged_header);
    // An invitation cannot also be an answer: a passphrase stanza stays alone.
    Parts both;
    const auto salt = new_passphrase_salt();
    both.stanzas.push_back(passphrase_stanza(both.key, derive_passphrase_key("x", salt, quick_kdf).value(), salt, quick_kdf));
    both.stanzas.push_back(answer);
    both.content = encode_bundle_content(sample_content());
    CHECK(inspect_bundle(assemble(both, coachee)).error() == BundleError::damaged_header);
}

TEST_CASE("the invitations a profile keeps: answered, forgotten, expired, and read back from its state") {
    REQUIRE(initialize_sodium().ok());
    const Identity me = Identity::generate(), partner = Identity::generate(), stranger = Identity::generate();
    const RecordId pairing = RecordId::derived("pairing"), other_pairing = RecordId::derived("other pairing");
    const RecordId sam = RecordId::derived("sam");
    const SecretKey mine = invitation_key(new_file_key()), theirs = invitation_key(new_file_key());
    const std::int64_t day = 86'400'000, now = 1'795'338'000'000;

    InvitationBook book;
    book.sent(pairing, sam, copy_of(mine), now);
    book.received(other_pairing, partner.public_keys(), copy_of(theirs), now);
    const auto answered_pairing = [&](const InvitationBook& held, const Stanza& answer, const Identity& from,
                                      std::int64_t at) -> std::optional<RecordId> {
        const Invitation* invitation = held.answered(body_of(answer), me.public_keys(), from.public_keys(), at);
        if (!invitation) return std::nullopt;
        CHECK(invitation->invited == sam);
        return invitation->pairing;
    };
    // Sent: an answer from anyone who knows the key, with their keys in it.
    const Stanza answer = invitation_answer(mine, me.public_keys(), partner.public_keys());
    CHECK(answered_pairing(book, answer, partner, now) == pairing);
    CHECK_FALSE(answered_pairing(book, answer, stranger, now).has_value());
    // Two answers to one invitation differ (a new nonce each), and both answer it.
    const Stanza again = invitation_answer(mine, me.public_keys(), partner.public_keys());
    CHECK(again.body != answer.body);
    CHECK(answered_pairing(book, again, partner, now) == pairing);
    // A received invitation is no answer to anything this profile sent.
    const Stanza mirrored = invitation_answer(theirs, me.public_keys(), partner.public_keys());
    CHECK_FALSE(answered_pairing(book, mirrored, partner, now).has_value());
    // Received: the key to answer with, for that pairing and inviter only.
    REQUIRE(book.answer_key(other_pairing, partner.public_keys(), now) != nullptr);
    CHECK(same(*book.answer_key(other_pairing, partner.public_keys(), now), theirs));
    CHECK(book.answer_key(pairing, partner.public_keys(), now) == nullptr);
    CHECK(book.answer_key(other_pairing, stranger.public_keys(), now) == nullptr);
    // Neither is used once older than 90 days, even before it is dropped.
    CHECK(answered_pairing(book, answer, partner, now + 90 * day) == pairing);
    CHECK_FALSE(answered_pairing(book, answer, partner, now + 90 * day + 1).has_value());
    CHECK(book.answer_key(other_pairing, partner.public_keys(), now + 90 * day + 1) == nullptr);

    auto read = InvitationBook::decode(book.encode());
    REQUIRE(read.ok());
    CHECK(answered_pairing(read.value(), answer, partner, now) == pairing);
    CHECK(read.value().answer_key(other_pairing, partner.public_keys(), now) != nullptr);
    CHECK(read.value().encode() == book.encode());

    Bytes changed = book.encode();
    changed[0] = 2;  // another format
    CHECK_FALSE(InvitationBook::decode(changed).ok());
    changed = book.encode();
    changed.pop_back();  // cut short
    CHECK_FALSE(InvitationBook::decode(changed).ok());
    changed = book.encode();
    changed[3] = 2;  // neither sent nor received
    CHECK_FALSE(InvitationBook::decode(changed).ok());
    CHECK_FALSE(InvitationBook::decode(Bytes{1, 65, 0}).ok());  // over the limit, none there

    CHECK_FALSE(book.forget_received(stranger.public_keys()));
    CHECK(book.forget_received(partner.public_keys()));
    CHECK(book.answer_key(other_pairing, partner.public_keys(), now) == nullptr);
    CHECK_FALSE(book.forget_sent(other_pairing));  // another pairing's: this one stays
    CHECK(answered_pairing(book, answer, partner, now) == pairing);
    CHECK_FALSE(book.expire(now + 90 * day));
    CHECK(book.expire(now + 90 * day + 1));
    CHECK(book.all().empty());

    for (std::size_t i = 0; i <= InvitationBook::max_invitations; ++i)
        book.sent(RecordId::derived("pairing " + std::to_string(i)), sam, invitation_key(new_file_key()),
                  now + static_cast<std::int64_t>(i));
    CHECK(book.all().size() == InvitationBook::max_invitations);
    CHECK(book.all().front().at_ms == now + 1);  // the oldest went
}
