// The core's rules about partners: who a partner's file is from and whom the
// profile becomes at first contact (partner_file_admission.hpp), and when
// the private check-in asks again (check_in_cadence.hpp).
#include <doctest/doctest.h>

#include <vector>

#include "core/check_in_cadence.hpp"
#include "core/next_meeting.hpp"
#include "core/partner_file_admission.hpp"
#include "core/record_binding.hpp"

using namespace tandem;

namespace {

RecordId id(std::uint8_t n) {
    RecordId made;
    made.bytes.fill(n);
    return made;
}

// A pairing of coach 1 and coachee 2 (and second coach 3 if asked), set up by `creator`.
Record pairing_of(RecordId creator, bool second_coach = false) {
    Pairing pairing;
    pairing.coach = id(1);
    pairing.coachee = id(2);
    if (second_coach) pairing.second_coach = id(3);
    Record record = to_record(pairing);
    record.id = id(9);
    record.created_by = creator;
    return record;
}

}  // namespace

TEST_CASE("a file from a trusted partner is from them, and only into a pairing of both") {
    const Record pairing = pairing_of(id(1));
    PartnerFileFacts facts;
    facts.pairing = &pairing;
    facts.pairing_known = true;
    facts.me = id(2);
    facts.profile_has_pairings = true;
    facts.trusted_signer = id(1);
    auto admitted = admit_partner_file(facts);
    REQUIRE(admitted.ok());
    CHECK(admitted.value().sender == id(1));
    CHECK_FALSE(admitted.value().link.has_value());
    CHECK_FALSE(admitted.value().trust_sender);

    facts.trusted_signer = id(7);  // trusted, but for another pairing
    CHECK(admit_partner_file(facts).error() == AdmissionRefusal::not_theirs);
    facts.trusted_signer = id(1);
    facts.me = id(7);  // this profile is not in the pairing it has
    CHECK(admit_partner_file(facts).error() == AdmissionRefusal::not_yours);
    facts.pairing_known = false;  // nor in a new one, having pairings of its own
    CHECK(admit_partner_file(facts).error() == AdmissionRefusal::not_yours);
}

TEST_CASE("keys compared just now are the member's whose sharing code they are, or else the other member's") {
    const Record pairing = pairing_of(id(1), true);
    PartnerFileFacts facts;
    facts.pairing = &pairing;
    facts.pairing_known = true;
    facts.me = id(2);
    facts.profile_has_pairings = true;
    CHECK(admit_partner_file(facts).error() == AdmissionRefusal::sender_unknown);  // never decoded unchecked

    facts.keys_checked = true;
    facts.member_with_signer_keys = id(3);
    auto admitted = admit_partner_file(facts);
    REQUIRE(admitted.ok());
    CHECK(admitted.value().sender == id(3));
    CHECK(admitted.value().trust_sender);

    facts.member_with_signer_keys.reset();  // no code matches: whoever set it up, if not this profile
    CHECK(admit_partner_file(facts).value().sender == id(1));
    const Record mine = pairing_of(id(2));
    facts.pairing = &mine;
    CHECK(admit_partner_file(facts).value().sender == id(1));  // the first member who is not this profile

    facts.member_with_signer_keys = id(2);  // this profile's own keys claimed as the sender's
    CHECK(admit_partner_file(facts).error() == AdmissionRefusal::sender_unknown);

    // An answer to an invitation vouches only about the pairing invited to.
    facts.pairing = &pairing;
    facts.member_with_signer_keys = id(3);
    facts.answered_pairing = id(50);
    CHECK(admit_partner_file(facts).error() == AdmissionRefusal::answers_other_pairing);
    facts.answered_pairing = pairing.id;
    CHECK(admit_partner_file(facts).value().sender == id(3));
    facts.answered_person = id(2);  // invited as someone else: the second coach's keys do not answer for them
    CHECK(admit_partner_file(facts).error() == AdmissionRefusal::answers_other_pairing);
    facts.answered_person = id(3);
    CHECK(admit_partner_file(facts).value().sender == id(3));
    facts.trusted_signer = id(3);  // keys trusted before: the answer changes nothing
    facts.answered_pairing = id(50);
    CHECK(admit_partner_file(facts).value().sender == id(3));
}

TEST_CASE("at first contact the profile becomes the member its keys name, or the one member left, always asked") {
    const Record pairing = pairing_of(id(1));
    PartnerFileFacts facts;
    facts.pairing = &pairing;
    facts.keys_checked = true;  // a new profile: no person, no pairing
    auto admitted = admit_partner_file(facts);
    REQUIRE(admitted.ok());
    CHECK(admitted.value().sender == id(1));
    CHECK(admitted.value().link == id(2));

    facts.member_with_my_keys = id(1);  // its keys name the sender: the one left instead
    CHECK(admit_partner_file(facts).value().link == id(2));

    const Record three = pairing_of(id(1), true);
    facts.pairing = &three;
    facts.member_with_my_keys.reset();  // coachee or second coach: it cannot be told
    CHECK(admit_partner_file(facts).error() == AdmissionRefusal::which_member_unknown);
    facts.member_with_my_keys = id(3);
    CHECK(admit_partner_file(facts).value().link == id(3));

    facts.pairing_known = true;  // a pairing this device has is never joined by a file
    CHECK(admit_partner_file(facts).error() == AdmissionRefusal::not_yours);
}

TEST_CASE("the check-in asks after three meetings held since the last answer") {
    struct Event {
        Kind kind;
        std::int64_t status;
    };
    const auto held = Event{Kind::meeting, static_cast<std::int64_t>(MeetingStatus::held)};
    const auto planned = Event{Kind::meeting, static_cast<std::int64_t>(MeetingStatus::planned)};
    const auto answer = Event{Kind::pairing_checkin, 0};
    const auto visit = Event{Kind::observation, -1};
    const auto due = [](std::vector<Event> newest_first) {
        return check_in_due(newest_first.begin(), newest_first.end());
    };
    CHECK_FALSE(due({}));
    CHECK_FALSE(due({held, held, planned, visit}));
    CHECK(due({held, visit, held, held}));
    CHECK_FALSE(due({held, held, answer, held, held}));  // newest first
    CHECK(due({held, held, held, answer, held}));
}

TEST_CASE("a new meeting proposes the next one from the pairing's rhythm") {
    const CalendarDate held = CalendarDate::from_ymd(2026, 12, 7);
    CHECK(proposed_next_meeting(held, Cadence::weekly) == CalendarDate::from_ymd(2026, 12, 14));
    CHECK(proposed_next_meeting(held, Cadence::fortnightly) == CalendarDate::from_ymd(2026, 12, 21));
    CHECK(proposed_next_meeting(held, Cadence::three_weekly) == CalendarDate::from_ymd(2026, 12, 28));
    CHECK_FALSE(proposed_next_meeting(held, Cadence::flexible).has_value());
}
