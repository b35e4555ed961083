// Merging a partner's records into a store (apply_remote): idempotence, old
// copies, conflicts, clock skew, deletes, and privacy.

#include <doctest/doctest.h>

#include <algorithm>
#include <set>
#include <tuple>

#include "core/partner_authority.hpp"
#include "core/validation.hpp"
#include "replica.hpp"
#include "store/pairing_share.hpp"

using namespace tandem;
using namespace tandem::testing;

namespace {

// Coach and coachee devices that share the graph's records.
struct Pair {
    std::vector<std::uint8_t> image = fresh_database_image();
    Replica coach{31, image};
    Replica coachee{32, image};
    CoachingGraph graph = build_graph(coach);

    Pair() {
        send(coach, coachee);
        coachee.actor = graph.partner;
    }
    // The meeting's shared notes, which both sides write.
    std::string shared_notes(Replica& replica) {
        return load<Meeting>(*replica.store, graph.meeting).value().shared_notes;
    }
    std::size_t kept_conflicts(Replica& replica) {
        return std::stoul(replica.store->database().query_column("SELECT count(*) FROM field_conflict").value()[0]);
    }
};

}  // namespace

TEST_CASE("a partner receives every shared record and none of the private ones") {
    Pair pair;
    CHECK(all_records(pair.coachee, true) == all_records(pair.coach, false));
    CHECK(pair.coachee.store->load(Kind::note, pair.graph.private_note).value() == std::nullopt);
    CHECK(pair.coachee.store->load(Kind::pairing_checkin, pair.graph.checkin).value() == std::nullopt);
}

TEST_CASE("importing the same records twice changes nothing") {
    Pair pair;
    const auto before = all_records(pair.coachee, true);
    const MergeReport again = send(pair.coach, pair.coachee);
    CHECK(again.inserted == 0);
    CHECK(again.updated == 0);
    CHECK(again.unchanged == before.size());
    CHECK(all_records(pair.coachee, true) == before);
}

TEST_CASE("an older copy never overwrites a newer edit") {
    Pair pair;
    auto ctx = pair.coach.context();
    pair.coach.wall.advance(60'000);
    REQUIRE(update_field(ctx, Kind::meeting, pair.graph.meeting, Meeting::fields::shared_notes, std::string("second version")).ok());
    const std::vector<Record> old_bundle = shared_records(pair.coach);
    pair.coach.wall.advance(60'000);
    REQUIRE(update_field(ctx, Kind::meeting, pair.graph.meeting, Meeting::fields::shared_notes, std::string("third version")).ok());
    send(pair.coach, pair.coachee);
    CHECK(pair.shared_notes(pair.coachee) == "third version");

    auto coachee_ctx = pair.coachee.context();
    const auto report = apply_remote(coachee_ctx, old_bundle);
    REQUIRE(report.ok());
    CHECK(report.value().updated == 0);
    CHECK(pair.shared_notes(pair.coachee) == "third version");
    CHECK(pair.kept_conflicts(pair.coachee) == 0);  // one author's versions are a sequence, not a conflict
}

TEST_CASE("concurrent edits of a text keep the losing text in the history on both sides") {
    Pair pair;
    auto coach_ctx = pair.coach.context();
    auto coachee_ctx = pair.coachee.context();
    pair.coach.wall.advance(1'000);
    REQUIRE(update_field(coach_ctx, Kind::meeting, pair.graph.meeting, Meeting::fields::shared_notes, std::string("coach's words")).ok());
    pair.coachee.wall.advance(2'000);
    REQUIRE(update_field(coachee_ctx, Kind::meeting, pair.graph.meeting, Meeting::fields::shared_notes, std::string("coachee's words")).ok());

    const MergeReport at_coach = send(pair.coachee, pair.coach);
    const MergeReport at_coachee = send(pair.coach, pair.coachee);
    CHECK(at_coach.conflicts == 1);
    CHECK(at_coachee.conflicts == 0);  // the coachee's text won there; nothing of theirs was lost
    CHECK(pair.shared_notes(pair.coach) == "coachee's words");
    CHECK(pair.shared_notes(pair.coachee) == "coachee's words");
    CHECK(pair.coach.store->database().query_column("SELECT losing_text FROM field_conflict").value() ==
          std::vector<std::string>{"coach's words"});
    // Receiving the same again keeps one copy of the lost text, and reports no new conflict.
    CHECK(send(pair.coachee, pair.coach).conflicts == 0);
    CHECK(pair.kept_conflicts(pair.coach) == 1);
    // Sending the coach's state back: the coachee learns nothing new.
    CHECK(send(pair.coach, pair.coachee).updated == 0);
}

TEST_CASE("an edit made after seeing the partner's version is not a conflict") {
    Pair pair;
    auto coach_ctx = pair.coach.context();
    auto coachee_ctx = pair.coachee.context();
    pair.coach.wall.advance(1'000);
    REQUIRE(update_field(coach_ctx, Kind::meeting, pair.graph.meeting, Meeting::fields::shared_notes, std::string("draft")).ok());
    send(pair.coach, pair.coachee);
    pair.coachee.wall.advance(5'000);
    REQUIRE(update_field(coachee_ctx, Kind::meeting, pair.graph.meeting, Meeting::fields::shared_notes, std::string("draft, improved")).ok());
    CHECK(send(pair.coachee, pair.coach).conflicts == 0);
    CHECK(pair.shared_notes(pair.coach) == "draft, improved");
}

TEST_CASE("stamps from a clock more than a day ahead are clamped and reported") {
    Pair pair;
    auto coachee_ctx = pair.coachee.context();
    pair.coachee.wall.advance(30LL * 86'400'000);  // the coachee's laptop thinks it is next month
    REQUIRE(update_field(coachee_ctx, Kind::meeting, pair.graph.meeting, Meeting::fields::shared_notes, std::string("from the future")).ok());
    const MergeReport report = send(pair.coachee, pair.coach);
    CHECK(report.clamped == 1);
    CHECK(pair.shared_notes(pair.coach) == "from the future");
    const Record meeting = load_record(*pair.coach.store, Kind::meeting, pair.graph.meeting).value();
    CHECK(hlc_wall_ms(meeting.field(Meeting::fields::shared_notes).stamp.hlc) == pair.coach.wall.now_ms() + max_future_skew_ms);
    CHECK(hlc_wall_ms(pair.coach.clock->last()) <= pair.coach.wall.now_ms() + max_future_skew_ms);
    // The coach's next edit still wins: the broken clock did not capture the field for a month.
    auto coach_ctx = pair.coach.context();
    REQUIRE(update_field(coach_ctx, Kind::meeting, pair.graph.meeting, Meeting::fields::shared_notes, std::string("today")).ok());
    CHECK(pair.shared_notes(pair.coach) == "today");
}

TEST_CASE("a delete beats older edits; an edit made after it brings the record back") {
    Pair pair;
    auto coach_ctx = pair.coach.context();
    auto coachee_ctx = pair.coachee.context();

    SUBCASE("the edit came first") {
        pair.coachee.wall.advance(1'000);
        REQUIRE(update_field(coachee_ctx, Kind::meeting, pair.graph.meeting, Meeting::fields::shared_notes,
                             std::string("edited before the delete")).ok());
        pair.coach.wall.advance(2'000);
        REQUIRE(delete_record(coach_ctx, Kind::meeting, pair.graph.meeting).ok());
        send(pair.coachee, pair.coach);
        send(pair.coach, pair.coachee);
        CHECK(load<Meeting>(*pair.coach.store, pair.graph.meeting).value().meta.deleted);
        CHECK(load<Meeting>(*pair.coachee.store, pair.graph.meeting).value().meta.deleted);
        // Restoring brings the edit back with the record.
        REQUIRE(restore_record(coach_ctx, Kind::meeting, pair.graph.meeting).ok());
        CHECK(load<Meeting>(*pair.coach.store, pair.graph.meeting).value().shared_notes == "edited before the delete");
    }
    SUBCASE("the edit came after") {
        pair.coach.wall.advance(1'000);
        REQUIRE(delete_record(coach_ctx, Kind::meeting, pair.graph.meeting).ok());
        pair.coachee.wall.advance(2'000);
        REQUIRE(update_field(coachee_ctx, Kind::meeting, pair.graph.meeting, Meeting::fields::shared_notes,
                             std::string("edited after the delete")).ok());
        const MergeReport at_coach = send(pair.coachee, pair.coach);
        send(pair.coach, pair.coachee);
        CHECK(at_coach.revived == 1);
        CHECK_FALSE(load<Meeting>(*pair.coach.store, pair.graph.meeting).value().meta.deleted);
        CHECK_FALSE(load<Meeting>(*pair.coachee.store, pair.graph.meeting).value().meta.deleted);
    }
}

TEST_CASE("merge never touches the other side's private records, nor accepts private ones") {
    Pair pair;
    Record private_copy = load_record(*pair.coach.store, Kind::note, pair.graph.private_note).value();
    auto coachee_ctx = pair.coachee.context();
    // A private record sent anyway is refused.
    auto report = apply_remote(coachee_ctx, std::vector<Record>{private_copy});
    REQUIRE(report.ok());
    CHECK(report.value().refused_private == 1);
    CHECK(pair.coachee.store->load(Kind::note, pair.graph.private_note).value() == std::nullopt);

    // A shared copy claiming the id of a private record leaves the private one alone.
    Record impostor = private_copy;
    impostor.visibility = Visibility::shared;
    for (FieldState& field : impostor.fields) field.stamp.hlc += 1'000'000;
    impostor.field(Note::fields::body).value = std::string("overwritten?");
    auto coach_ctx = pair.coach.context();
    report = apply_remote(coach_ctx, std::vector<Record>{impostor});
    REQUIRE(report.ok());
    CHECK(report.value().refused_private == 1);
    CHECK(load_record(*pair.coach.store, Kind::note, pair.graph.private_note).value() == private_copy);
}

TEST_CASE("records that fail validation are refused, the rest applied") {
    Pair pair;
    std::vector<Record> records = shared_records(pair.coach);
    Record bad = records.back();
    bad.id = RecordId::random(pair.coach.random);
    bad.fields.pop_back();
    Record too_long = records.front();
    too_long.id = RecordId::random(pair.coach.random);
    too_long.field(1).value = std::string(text_limits::note + 1, 'x');
    auto ctx = pair.coachee.context();
    auto report = apply_remote(ctx, std::vector<Record>{bad, too_long});
    REQUIRE(report.ok());
    CHECK(report.value().refused_invalid == 2);
    CHECK(report.value().inserted == 0);
}

TEST_CASE("records referring to records neither side has are refused as a whole") {
    Pair pair;
    Note orphan;
    orphan.pairing = RecordId::random(pair.coach.random);
    orphan.body = "Orphan";
    Record record = to_record(orphan);
    record.id = RecordId::random(pair.coach.random);
    record.created_by = pair.graph.me;
    for (FieldState& field : record.fields) field.stamp = Stamp{hlc_pack(test_epoch_ms, 0), 5};
    auto ctx = pair.coachee.context();
    const auto before = all_records(pair.coachee, true);
    auto report = apply_remote(ctx, std::vector<Record>{record});
    REQUIRE_FALSE(report.ok());
    CHECK(report.error().code == ErrorCode::storage_failed);
    CHECK(all_records(pair.coachee, true) == before);
}

TEST_CASE("a preview reports exactly what applying will do, and changes nothing") {
    Pair pair;
    auto coach_ctx = pair.coach.context();
    auto coachee_ctx = pair.coachee.context();
    pair.coach.wall.advance(1'000);
    REQUIRE(update_field(coach_ctx, Kind::meeting, pair.graph.meeting, Meeting::fields::shared_notes, std::string("coach's words")).ok());
    pair.coachee.wall.advance(2'000);
    REQUIRE(update_field(coachee_ctx, Kind::meeting, pair.graph.meeting, Meeting::fields::shared_notes, std::string("coachee's words")).ok());
    Note fresh;
    fresh.pairing = pair.graph.pairing;
    fresh.body = "a new note from the coachee";
    pair.coachee.add(fresh);

    const std::vector<Record> bundle = shared_records(pair.coachee);
    const auto before = all_records(pair.coach, true);
    const std::uint64_t clock_before = pair.coach.clock->last();
    auto previewed = apply_remote(coach_ctx, bundle, MergeMode::preview);
    REQUIRE(previewed.ok());
    CHECK(previewed.value().inserted == 1);
    CHECK(previewed.value().updated == 1);
    CHECK(previewed.value().conflicts == 1);
    CHECK(all_records(pair.coach, true) == before);
    CHECK(pair.kept_conflicts(pair.coach) == 0);
    CHECK(pair.coach.clock->last() == clock_before);

    auto applied = apply_remote(coach_ctx, bundle);
    REQUIRE(applied.ok());
    CHECK(applied.value().inserted == previewed.value().inserted);
    CHECK(applied.value().updated == previewed.value().updated);
    CHECK(applied.value().unchanged == previewed.value().unchanged);
    CHECK(applied.value().conflicts == previewed.value().conflicts);
    CHECK(pair.kept_conflicts(pair.coach) == 1);
    // Previewing what is already merged: nothing new.
    auto again = apply_remote(coach_ctx, bundle, MergeMode::preview);
    REQUIRE(again.ok());
    CHECK(again.value().inserted + again.value().updated + again.value().conflicts == 0);
}

TEST_CASE("a pairing's share holds its shared records and what they refer to, never a private one") {
    Pair pair;
    auto ctx = pair.coach.context();
    REQUIRE(update_field(ctx, Kind::action_step, pair.graph.step, ActionStep::fields::library_entry,
                         pair.graph.library_entry).ok());
    const auto share = store::load_pairing_share(*pair.coach.store, pair.graph.pairing);
    REQUIRE(share.ok());
    std::set<RecordId> ids;
    for (const Record& record : share.value()) {
        CHECK(record.visibility == Visibility::shared);
        ids.insert(record.id);
    }
    const CoachingGraph& g = pair.graph;
    for (const RecordId& id : {g.me, g.partner, g.priority, g.library_entry, g.pairing, g.cycle, g.goal, g.meeting,
                               g.note, g.observation, g.observation_note, g.tally, g.step, g.status_change, g.practice,
                               g.practice_round, g.reflection, g.evidence, g.time_log}) {
        CAPTURE(id.hex());
        CHECK(ids.contains(id));
    }
    CHECK_FALSE(ids.contains(g.private_note));
    CHECK_FALSE(ids.contains(g.checkin));
    CHECK_FALSE(ids.contains(g.training));  // a person's own training belongs to no pairing

    // The share merges into a new device without a missing reference.
    Replica fresh(77, fresh_database_image());
    fresh.become("Someone new");
    auto fresh_ctx = fresh.context();
    auto merged = apply_remote(fresh_ctx, share.value());
    REQUIRE(merged.ok());
    CHECK(merged.value().inserted == share.value().size());
    CHECK(merged.value().refused_invalid == 0);
}

TEST_CASE("a share of what changed since a moment holds those edits, their parents and authors, and the pairing") {
    Pair pair;
    auto ctx = pair.coach.context();
    pair.coach.wall.advance(3'600'000);
    const std::int64_t since = pair.coach.wall.now_ms();
    REQUIRE(update_field(ctx, Kind::observation_note, pair.graph.observation_note, ObservationNote::fields::body,
                         std::string("Hands up before the question, then wait time.")).ok());
    const auto share = store::load_pairing_share(*pair.coach.store, pair.graph.pairing, store::ShareRange{since, {}});
    REQUIRE(share.ok());
    std::set<RecordId> ids;
    for (const Record& record : share.value()) ids.insert(record.id);
    const CoachingGraph& g = pair.graph;
    CHECK(ids == std::set<RecordId>{g.observation_note, g.observation, g.pairing, g.me, g.partner});
    CHECK(store::load_pairing_share(*pair.coach.store, RecordId::derived("no such pairing")).value().empty());
}

TEST_CASE("records that do not belong to a bundle's pairing are left out before merging, each with its reason") {
    Pair pair;
    const CoachingGraph& g = pair.graph;
    Pairing second;
    second.coach = g.partner;
    second.coachee = g.me;
    second.starts_on = CalendarDate::from_ymd(2026, 9, 1);
    const RecordId other = pair.coach.add(second);
    Meeting elsewhere;
    elsewhere.pairing = other;
    elsewhere.held_on = CalendarDate::from_ymd(2026, 10, 1);
    const RecordId other_meeting = pair.coach.add(elsewhere);
    auto coach = pair.coach.context();
    pair.coach.wall.advance(60'000);
    REQUIRE(update_field(coach, Kind::training_record, g.training, TrainingRecord::fields::title,
                         std::string("Refresher: questioning")).ok());
    REQUIRE(update_field(coach, Kind::tally, g.tally, Tally::fields::total, std::int64_t{9}).ok());

    const std::vector<Record> share = store::load_pairing_share(*pair.coach.store, g.pairing).value();
    std::vector<Record> bundle = share;
    for (const auto& [kind, id] : std::vector<std::pair<Kind, RecordId>>{
             {Kind::pairing, other}, {Kind::meeting, other_meeting}, {Kind::training_record, g.training}})
        bundle.push_back(*pair.coach.store->load(kind, id).value());
    Note stray;
    stray.pairing = other;
    stray.body = "not for this pairing";
    const RecordId stray_note = pair.coach.add(stray);
    bundle.push_back(*pair.coach.store->load(Kind::note, stray_note).value());

    auto ctx = pair.coachee.context();
    const auto authorised = authorise_partner_records(ctx, PartnerScope{g.pairing, g.me}, bundle);
    REQUIRE(authorised.ok());
    std::set<RecordId> kept, shared;
    for (const Record* record : authorised.value().kept) kept.insert(record->id);
    for (const Record& record : share) shared.insert(record.id);
    CHECK(kept == shared);
    std::set<RecordId> left_out;
    for (const RefusedRecord& record : authorised.value().refused) {
        CHECK(record.reason == Refusal::other_pairing);
        left_out.insert(record.id);
    }
    CHECK(left_out == std::set<RecordId>{other, other_meeting, g.training, stray_note});

    // Parts hang under their parent whether it came in the bundle or is already here.
    const std::vector<Record> tally_only{*pair.coach.store->load(Kind::tally, g.tally).value()};
    const auto under = authorise_partner_records(ctx, PartnerScope{g.pairing, g.me}, tally_only);
    CHECK(under.value().refused.empty());
    CHECK(under.value().kept.size() == 1);
    const auto moved = authorise_partner_records(ctx, PartnerScope{other, g.me}, tally_only);
    REQUIRE(moved.value().refused.size() == 1);
    CHECK(moved.value().refused[0].reason == Refusal::other_pairing);
    CHECK(moved.value().kept.empty());
}

TEST_CASE("only its owner changes a person's sharing code: a partner's file cannot give a second coach other keys") {
    Pair pair;
    const CoachingGraph& g = pair.graph;
    Person second;
    second.display_name = "Kim Second";
    second.sharing_code = "TDM1-KIMS-OWN-CODE";
    const RecordId kim = pair.coach.add(second);
    auto coach = pair.coach.context();
    REQUIRE(update_field(coach, Kind::pairing, g.pairing, Pairing::fields::second_coach, kim).ok());
    send(pair.coach, pair.coachee);

    // The partner (the coach) sends Kim with other keys, and their own person with a new name. Their
    // Tandem refuses to change Kim's code (Kim has Tandem: the code is Kim's), so the file is forged.
    pair.coach.wall.advance(60'000);
    CHECK(update_field(coach, Kind::person, kim, Person::fields::sharing_code, std::string("TDM1-NOT-KIMS")).error().code ==
          ErrorCode::not_author);
    REQUIRE(update_field(coach, Kind::person, g.me, Person::fields::subject, std::string("History")).ok());
    std::vector<Record> share = store::load_pairing_share(*pair.coach.store, g.pairing).value();
    for (Record& record : share) {
        if (record.id != kim) continue;
        FieldState& code = record.field(Person::fields::sharing_code);
        code.base = code.stamp;
        code.value = std::string("TDM1-NOT-KIMS");
        code.stamp = Stamp{record.latest_stamp().hlc + 1000, code.stamp.site};
    }
    auto ctx = pair.coachee.context();
    const auto authorised = authorise_partner_records(ctx, PartnerScope{g.pairing, g.me}, share);
    REQUIRE(authorised.ok());
    REQUIRE(authorised.value().refused.size() == 1);
    CHECK(authorised.value().refused[0].id == kim);
    CHECK(authorised.value().refused[0].reason == Refusal::sharing_code_of_other);
    const auto kept = std::find_if(authorised.value().kept.begin(), authorised.value().kept.end(),
                                   [&](const Record* record) { return record->id == g.me; });
    CHECK(kept != authorised.value().kept.end());  // the sender's own person may change
}

TEST_CASE("dates changed on both sides at once may merge into an end before the start, and still travel both ways") {
    Pair pair;
    const CoachingGraph& g = pair.graph;
    auto coach = pair.coach.context();
    auto coachee = pair.coachee.context();
    pair.coach.wall.advance(60'000);
    pair.coachee.wall.advance(60'000);
    REQUIRE(update_field(coach, Kind::pairing, g.pairing, Pairing::fields::ends_on,
                         to_field_value(std::optional(CalendarDate::from_ymd(2026, 9, 10)))).ok());
    REQUIRE(update_field(coachee, Kind::pairing, g.pairing, Pairing::fields::starts_on,
                         to_field_value(CalendarDate::from_ymd(2026, 9, 20))).ok());
    for (int round = 0; round < 2; ++round) {
        for (auto [from, to, sender] : {std::tuple{&pair.coach, &pair.coachee, g.me}, std::tuple{&pair.coachee, &pair.coach, g.partner}}) {
            const auto share = store::load_pairing_share(*from->store, g.pairing).value();
            auto ctx = to->context();
            const auto taken = take_in_from_partner(ctx, PartnerScope{g.pairing, sender}, share);
            REQUIRE(taken.ok());
            CHECK(taken.value().refused.empty());
        }
    }
    const auto coach_copy = pair.coach.store->load(Kind::pairing, g.pairing).value();
    CHECK(coach_copy == pair.coachee.store->load(Kind::pairing, g.pairing).value());
    CHECK(check_record(*coach_copy).has_value());  // the end before the start: for the next date edit to put right
}

TEST_CASE("each side changes only what it wrote, and what the pair writes together") {
    Pair pair;
    const CoachingGraph& g = pair.graph;  // everything written by the coach
    auto coachee = pair.coachee.context();
    const auto refused = [](const Result<void, CommandError>& result) {
        return !result.ok() && result.error().code == ErrorCode::not_author;
    };
    CHECK(refused(update_field(coachee, Kind::note, g.note, Note::fields::body, std::string("mine now"))));
    CHECK(refused(update_field(coachee, Kind::meeting, g.meeting, Meeting::fields::stance, std::int64_t{2})));
    CHECK(refused(update_field(coachee, Kind::tally, g.tally, Tally::fields::total, std::int64_t{40})));
    CHECK(refused(update_field(coachee, Kind::action_step, g.step, ActionStep::fields::wording, std::string("Other"))));
    CHECK(refused(update_field(coachee, Kind::pairing, g.pairing, Pairing::fields::allowance_minutes, std::int64_t{60})));
    CHECK(refused(delete_record(coachee, Kind::meeting, g.meeting)));
    CHECK(refused(delete_record(coachee, Kind::goal, g.goal)));  // written together, deleted by its author

    CHECK(update_field(coachee, Kind::meeting, g.meeting, Meeting::fields::shared_notes, std::string("Both of us")).ok());
    CHECK(update_field(coachee, Kind::goal, g.goal, Goal::fields::target, std::string("9 in 10")).ok());
    CHECK(update_field(coachee, Kind::pairing, g.pairing, Pairing::fields::agreement_shared, std::string("Agreed")).ok());
    CHECK(update_field(coachee, Kind::action_step, g.step, ActionStep::fields::check_back_on,
                       to_field_value(std::optional(CalendarDate::from_ymd(2026, 12, 1)))).ok());
    CHECK(set_step_status(coachee, g.step, StepStatus::embedded, CalendarDate::from_ymd(2026, 12, 1)).ok());

    // Parts: a goal under the coach's cycle and a round of the coach's
    // practice, yes; a tally on the coach's observation, no.
    Goal goal;
    goal.cycle = g.cycle;
    goal.statement = "Every pupil answers once a lesson";
    CHECK(create(coachee, goal).ok());
    PracticeRound round;
    round.practice = g.practice;
    round.round_number = 2;
    CHECK(create(coachee, round).ok());
    Tally tally;
    tally.observation = g.observation;
    tally.label = "Hands up";
    const auto added = create(coachee, tally);
    REQUIRE_FALSE(added.ok());
    CHECK(added.error().code == ErrorCode::not_author);

    // What the coachee writes is theirs alone.
    Note own;
    own.pairing = g.pairing;
    own.body = "For next time";
    const RecordId note = create(coachee, own).value();
    send(pair.coachee, pair.coach);
    auto coach = pair.coach.context();
    CHECK(refused(update_field(coach, Kind::note, note, Note::fields::body, std::string("Changed by the coach"))));
    CHECK(refused(delete_record(coach, Kind::note, note)));
    CHECK(update_field(coachee, Kind::note, note, Note::fields::body, std::string("Changed by its author")).ok());
}

TEST_CASE("a partner's file cannot change what only the receiver may change") {
    Pair pair;
    const CoachingGraph& g = pair.graph;  // the coach receives; the coachee's file attacks
    const auto forged = [&](Kind kind, const RecordId& id, FieldIndex field, FieldValue value) {
        Record record = *pair.coachee.store->load(kind, id).value();
        record.field(field).value = std::move(value);
        record.field(field).stamp = pair.coachee.clock->tick();
        return record;
    };
    const auto verdict = [&](const std::vector<Record>& records) {
        auto coach = pair.coach.context();
        return authorise_partner_records(coach, PartnerScope{g.pairing, g.partner}, records).value();
    };
    const auto refused_for = [](const AuthorisedRecords& result) {
        return result.kept.empty() && result.refused.size() == 1 && result.refused[0].reason == Refusal::receivers_record;
    };
    CHECK(refused_for(verdict({forged(Kind::note, g.note, Note::fields::body, std::string("Rewritten"))})));
    CHECK(refused_for(verdict({forged(Kind::meeting, g.meeting, tombstone_field, std::int64_t{1})})));
    CHECK(refused_for(verdict({forged(Kind::tally, g.tally, Tally::fields::total, std::int64_t{99})})));
    CHECK(refused_for(verdict({forged(Kind::pairing, g.pairing, Pairing::fields::allowance_minutes, std::int64_t{1})})));

    // A tally of the coachee's own on the coach's observation, and a note in the coach's name.
    Tally tally;
    tally.observation = g.observation;
    tally.label = "Added by the coachee";
    Record part = to_record(tally);
    part.id = RecordId::derived("forged tally");
    part.created_by = g.partner;
    Note note;
    note.pairing = g.pairing;
    note.body = "I never wrote this";
    Record impostor = to_record(note);
    impostor.id = RecordId::derived("forged note");
    impostor.created_by = g.me;
    for (Record* record : {&part, &impostor}) {
        record->created_at_ms = pair.coachee.wall.now_ms();
        const Stamp stamp = pair.coachee.clock->tick();
        for (FieldState& field : record->fields) field.stamp = stamp;
        CHECK(refused_for(verdict({*record})));
    }

    // What the pair writes together comes in.
    const auto together = verdict({forged(Kind::meeting, g.meeting, Meeting::fields::shared_notes, std::string("Ours")),
                                   forged(Kind::goal, g.goal, Goal::fields::statement, std::string("Sharper"))});
    CHECK(together.refused.empty());
    CHECK(together.kept.size() == 2);
}

TEST_CASE("a partner's later edit of a shared field never brings back what the receiver deleted") {
    Pair pair;
    const CoachingGraph& g = pair.graph;
    auto coach = pair.coach.context();
    pair.coach.wall.advance(60'000);
    REQUIRE(delete_record(coach, Kind::meeting, g.meeting).ok());
    send(pair.coach, pair.coachee);  // the coachee now holds it deleted
    // The coachee's file, with a later edit of the meeting's shared notes.
    Record forged = *pair.coachee.store->load(Kind::meeting, g.meeting).value();
    pair.coachee.wall.advance(120'000);
    forged.field(Meeting::fields::shared_notes).value = std::string("Bring it back");
    forged.field(Meeting::fields::shared_notes).stamp = pair.coachee.clock->tick();
    const auto verdict = authorise_partner_records(coach, PartnerScope{g.pairing, g.partner}, std::vector<Record>{forged});
    REQUIRE(verdict.ok());
    REQUIRE(verdict.value().refused.size() == 1);
    CHECK(verdict.value().refused[0].reason == Refusal::receivers_record);
    CHECK(load_record(*pair.coach.store, Kind::meeting, g.meeting).value().is_deleted());
}

TEST_CASE("at first contact nothing comes in written in the name the receiver is to take") {
    Pair pair;
    const CoachingGraph& g = pair.graph;
    // A fresh device for the coachee, which is to become g.partner (a person the coach wrote).
    Replica fresh{33, pair.image};
    auto ctx = fresh.context();
    Note note;
    note.pairing = g.pairing;
    note.body = "Written as if by the coachee";
    Record claimed = to_record(note);
    claimed.id = RecordId::derived("claimed note");
    claimed.created_by = g.partner;
    claimed.created_at_ms = pair.coach.wall.now_ms();
    const Stamp stamp = pair.coach.clock->tick();
    for (FieldState& field : claimed.fields) field.stamp = stamp;
    std::vector<Record> records = store::load_pairing_share(*pair.coach.store, g.pairing).value();
    records.push_back(claimed);
    const auto verdict = authorise_partner_records(ctx, PartnerScope{g.pairing, g.me, g.partner}, records);
    REQUIRE(verdict.ok());
    REQUIRE(verdict.value().refused.size() == 1);
    CHECK(verdict.value().refused[0].id == claimed.id);
    CHECK(verdict.value().refused[0].reason == Refusal::receivers_record);
    // Outside first contact that person is only a member, whose notes come in.
    CHECK(authorise_partner_records(ctx, PartnerScope{g.pairing, g.me}, records).value().refused.empty());
}
