// The use cases against a real store: every kind created, edited, searched,
// deleted and restored; every validation error; soft delete; step history.

#include <doctest/doctest.h>

#include <algorithm>

#include "replica.hpp"
#include "store/record_search.hpp"

using namespace tandem;
using namespace tandem::testing;

namespace {

std::vector<RecordId> found(Replica& replica, std::string_view query) {
    auto search = store::RecordSearch::prepare(replica.store->database());
    REQUIRE(search.ok());
    auto hits = search.value().search(query);
    REQUIRE(hits.ok());
    std::vector<RecordId> ids;
    for (const auto& hit : hits.value()) ids.push_back(hit.id);
    return ids;
}

bool contains(const std::vector<RecordId>& ids, const RecordId& id) {
    return std::find(ids.begin(), ids.end(), id) != ids.end();
}

ErrorCode refused(const Result<void, CommandError>& result) {
    REQUIRE_FALSE(result.ok());
    return result.error().code;
}

template <class T>
ErrorCode refused(const Result<T, CommandError>& result) {
    REQUIRE_FALSE(result.ok());
    return result.error().code;
}

}  // namespace

TEST_CASE("every kind can be created, edited, searched, deleted and restored") {
    Replica replica(1);
    const CoachingGraph graph = build_graph(replica);
    REQUIRE(graph.by_kind.size() == all_kinds().size());
    int word = 0;
    for (const auto& entry : graph.by_kind) {
        const Kind kind = entry.first;
        const RecordId id = entry.second;
        CAPTURE(kind_name(kind));
        const KindSpec& spec = kind_spec(kind);
        const FieldSpec* text_field = nullptr;
        for (const FieldSpec& field : spec.fields)
            if (field.searchable() && !text_field && (!field.immutable() || kind == Kind::step_status_change))
                text_field = &field;
        REQUIRE(text_field != nullptr);

        const std::string marker = "zebrafinch" + std::to_string(++word);
        auto ctx = replica.context();
        if (!text_field->immutable()) {
            REQUIRE(update_field(ctx, kind, id, text_field->index, marker + " kept").ok());
            auto loaded = load_record(*replica.store, kind, id);
            REQUIRE(loaded.ok());
            CHECK(std::get<std::string>(loaded.value().field(text_field->index).value) == marker + " kept");
            CHECK(contains(found(replica, marker), id));
        } else {
            // A status change is history: written once, never edited. Its comment is searchable.
            CHECK(refused(update_field(ctx, kind, id, text_field->index, std::string("x"))) == ErrorCode::immutable_field);
            CHECK(contains(found(replica, "period"), id));
        }

        const std::string query = text_field->immutable() ? "period" : marker;
        REQUIRE(delete_record(ctx, kind, id).ok());
        CHECK(load_record(*replica.store, kind, id).value().is_deleted());
        CHECK_FALSE(contains(found(replica, query), id));
        CHECK(delete_record(ctx, kind, id).ok());  // deleting twice changes nothing

        REQUIRE(restore_record(ctx, kind, id).ok());
        CHECK_FALSE(load_record(*replica.store, kind, id).value().is_deleted());
        CHECK(contains(found(replica, query), id));
    }
}

TEST_CASE("typed records read back as they were created, with metadata") {
    Replica replica(2);
    const CoachingGraph graph = build_graph(replica);
    auto meeting = load<Meeting>(*replica.store, graph.meeting);
    REQUIRE(meeting.ok());
    CHECK(meeting.value().step_name_it == "Cold call after think time");
    CHECK(meeting.value().stance == Stance::dialogical);
    CHECK(meeting.value().next_on == CalendarDate::from_ymd(2026, 11, 24));
    CHECK(meeting.value().meta.created_by == graph.me);
    CHECK(meeting.value().meta.created_at_ms == test_epoch_ms);
    CHECK(meeting.value().meta.visibility == Visibility::shared);
    auto pairing = load<Pairing>(*replica.store, graph.pairing);
    REQUIRE(pairing.ok());
    CHECK(pairing.value().allowance_minutes == 12 * 60);
    CHECK_FALSE(pairing.value().appraisal_goals_allowed);
    auto me = load<Person>(*replica.store, graph.me);
    REQUIRE(me.ok());
    CHECK(me.value().meta.created_by == graph.me);  // the profile person is their own author
    auto checkin = load<PairingCheckIn>(*replica.store, graph.checkin);
    REQUIRE(checkin.ok());
    CHECK(checkin.value().meta.visibility == Visibility::private_to_author);
}

TEST_CASE("each edit stamps its field with a later HLC and keeps the base for text") {
    Replica replica(3);
    const CoachingGraph graph = build_graph(replica);
    const Record before = load_record(*replica.store, Kind::note, graph.note).value();
    replica.wall.advance(1000);
    auto ctx = replica.context();
    REQUIRE(update_field(ctx, Kind::note, graph.note, Note::fields::body, std::string("Changed\r\nline")).ok());
    const Record after = load_record(*replica.store, Kind::note, graph.note).value();
    CHECK(std::get<std::string>(after.field(Note::fields::body).value) == "Changed\nline");
    CHECK(after.field(Note::fields::body).stamp > before.field(Note::fields::body).stamp);
    CHECK(after.field(Note::fields::body).base == before.field(Note::fields::body).stamp);
    CHECK(after.field(Note::fields::meeting).stamp == before.field(Note::fields::meeting).stamp);
    // The same value again is not an edit.
    REQUIRE(update_field(ctx, Kind::note, graph.note, Note::fields::body, std::string("Changed\nline")).ok());
    CHECK(load_record(*replica.store, Kind::note, graph.note).value() == after);
    // The clock is saved with every edit.
    CHECK(replica.store->load_clock().value() == replica.clock->last());
}

TEST_CASE("setting a step's status records its history") {
    Replica replica(4);
    const CoachingGraph graph = build_graph(replica);
    auto ctx = replica.context();
    REQUIRE(set_step_status(ctx, graph.step, StepStatus::embedded, CalendarDate::from_ymd(2026, 11, 24)).ok());
    REQUIRE(set_step_status(ctx, graph.step, StepStatus::embedded, CalendarDate::from_ymd(2026, 11, 25)).ok());
    CHECK(load<ActionStep>(*replica.store, graph.step).value().status == StepStatus::embedded);
    auto history = replica.store->load_all(Kind::step_status_change);
    REQUIRE(history.ok());
    REQUIRE(history.value().size() == 2);  // practising (in the graph), then embedded once
    std::vector<StepStatus> statuses;
    for (const Record& change : history.value()) statuses.push_back(from_record<StepStatusChange>(change).status);
    std::sort(statuses.begin(), statuses.end());
    CHECK(statuses == std::vector<StepStatus>{StepStatus::practising, StepStatus::embedded});
}

TEST_CASE("commands refuse bad input with typed errors and write nothing") {
    Replica replica(5);
    const CoachingGraph graph = build_graph(replica);
    auto ctx = replica.context();
    const auto count = [&](Kind kind) { return replica.store->load_all(kind).value().size(); };
    const std::size_t notes_before = count(Kind::note);

    SUBCASE("empty required text") {
        Note note;
        note.pairing = graph.pairing;
        note.body = "   ";
        const auto result = create(ctx, note);
        CHECK(refused(result) == ErrorCode::required_missing);
        CHECK(result.error().field == Note::fields::body);
    }
    SUBCASE("text over its limit: 250,000 characters for a note") {
        Note note;
        note.pairing = graph.pairing;
        note.body = std::string(text_limits::note + 1, 'a');
        const auto result = create(ctx, note);
        CHECK(refused(result) == ErrorCode::text_too_long);
        CHECK(result.error().limit == 250'000);
        note.body.pop_back();
        CHECK(create(ctx, note).ok());
        CHECK(count(Kind::note) == notes_before + 1);
        return;
    }
    SUBCASE("dates outside 2000-2100") {
        Meeting meeting;
        meeting.pairing = graph.pairing;
        meeting.held_on = CalendarDate::from_ymd(1999, 12, 31);
        CHECK(refused(create(ctx, meeting)) == ErrorCode::date_out_of_range);
        CHECK(refused(update_field(ctx, Kind::meeting, graph.meeting, Meeting::fields::next_on,
                                   std::int64_t{CalendarDate::from_ymd(2101, 1, 1).days})) == ErrorCode::date_out_of_range);
    }
    SUBCASE("unknown ids") {
        Note note;
        note.pairing = RecordId::random(replica.random);
        note.body = "A note";
        CHECK(refused(create(ctx, note)) == ErrorCode::unknown_record);
        CHECK(refused(update_field(ctx, Kind::note, RecordId::random(replica.random), Note::fields::body,
                                   std::string("x"))) == ErrorCode::unknown_record);
        CHECK(refused(delete_record(ctx, Kind::note, RecordId::random(replica.random))) == ErrorCode::unknown_record);
        // An id of another kind is unknown too.
        CHECK(refused(update_field(ctx, Kind::note, graph.meeting, Note::fields::body, std::string("x"))) ==
              ErrorCode::unknown_record);
    }
    SUBCASE("a person paired with themselves") {
        Pairing pairing;
        pairing.coach = graph.partner;
        pairing.coachee = graph.partner;
        pairing.starts_on = CalendarDate::from_ymd(2026, 9, 1);
        CHECK(refused(create(ctx, pairing)) == ErrorCode::self_pairing);
        CHECK(refused(update_field(ctx, Kind::pairing, graph.pairing, Pairing::fields::second_coach, graph.partner)) ==
              ErrorCode::self_pairing);
    }
    SUBCASE("a coachee's private note addressed to the coach") {
        Note note;
        note.pairing = graph.pairing;
        note.body = "Only for me";
        note.addressed_to = graph.partner;
        note.meta.visibility = Visibility::private_to_author;
        CHECK(refused(create(ctx, note)) == ErrorCode::private_note_addressed);
        CHECK(refused(update_field(ctx, Kind::note, graph.private_note, Note::fields::addressed_to, graph.partner)) ==
              ErrorCode::private_note_addressed);
    }
    SUBCASE("a shared record pointing at a private one") {
        Reflection reflection;
        reflection.written_on = CalendarDate::from_ymd(2026, 11, 20);
        reflection.body = "Shared thoughts";
        reflection.meta.visibility = Visibility::private_to_author;
        const RecordId private_reflection = replica.add(reflection);
        (void)private_reflection;
        Note note;
        note.pairing = graph.pairing;
        note.body = "On a private note";
        // Notes cannot point at reflections; use a private meeting instead.
        Meeting meeting;
        meeting.pairing = graph.pairing;
        meeting.held_on = CalendarDate::from_ymd(2026, 11, 20);
        meeting.meta.visibility = Visibility::private_to_author;
        note.meeting = replica.add(meeting);
        CHECK(refused(create(ctx, note)) == ErrorCode::private_reference);
        note.meta.visibility = Visibility::private_to_author;
        CHECK(create(ctx, note).ok());
        return;
    }
    SUBCASE("someone else's private record") {
        Record foreign = load_record(*replica.store, Kind::note, graph.private_note).value();
        foreign.id = RecordId::random(replica.random);
        foreign.created_by = graph.partner;
        REQUIRE(replica.store->save(foreign).ok());
        CHECK(refused(update_field(ctx, Kind::note, foreign.id, Note::fields::body, std::string("x"))) ==
              ErrorCode::not_author);
        CHECK(refused(delete_record(ctx, Kind::note, foreign.id)) == ErrorCode::not_author);
        return;
    }
    SUBCASE("someone with Tandem of their own: their name, sharing code and existence are theirs") {
        Person added;
        added.display_name = "Jo Reed";
        const RecordId jo = create(ctx, added).value();
        // Before Jo has Tandem, whoever added Jo names them.
        CHECK(update_field(ctx, Kind::person, jo, Person::fields::display_name, std::string("Jo Read")).ok());
        Record own = load_record(*replica.store, Kind::person, jo).value();
        own.field(Person::fields::sharing_code).value = std::string("TDM1-JOS-OWN-CODE");
        REQUIRE(replica.store->save(own).ok());
        CHECK(refused(update_field(ctx, Kind::person, jo, Person::fields::display_name, std::string("Jo R"))) ==
              ErrorCode::not_author);
        CHECK(refused(update_field(ctx, Kind::person, jo, Person::fields::sharing_code, std::string("TDM1-X"))) ==
              ErrorCode::not_author);
        CHECK(refused(delete_record(ctx, Kind::person, jo)) == ErrorCode::not_author);
        CHECK(update_field(ctx, Kind::person, jo, Person::fields::subject, std::string("Year 6")).ok());
        return;
    }
    SUBCASE("immutable fields, unknown fields, deleted records") {
        CHECK(refused(update_field(ctx, Kind::note, graph.note, Note::fields::pairing, graph.pairing)) ==
              ErrorCode::immutable_field);
        CHECK(refused(update_field(ctx, Kind::note, graph.note, 99, std::string("x"))) == ErrorCode::unknown_field);
        REQUIRE(delete_record(ctx, Kind::meeting, graph.meeting).ok());
        CHECK(refused(update_field(ctx, Kind::meeting, graph.meeting, Meeting::fields::shared_notes,
                                   std::string("x"))) == ErrorCode::deleted_record);
        Note note;
        note.pairing = graph.pairing;
        note.meeting = graph.meeting;
        note.body = "On a deleted meeting";
        CHECK(refused(create(ctx, note)) == ErrorCode::deleted_record);
    }
    SUBCASE("an end before the start") {
        CHECK(refused(update_field(ctx, Kind::pairing, graph.pairing, Pairing::fields::ends_on,
                                   std::int64_t{CalendarDate::from_ymd(2026, 8, 1).days})) == ErrorCode::ends_before_starts);
    }
    SUBCASE("Tandem's own starter entries are read-only") {
        const RecordId starter = RecordId::derived(starter_library()[0].key);
        CHECK(refused(update_field(ctx, Kind::library_entry, starter, LibraryEntry::fields::title, std::string("x"))) ==
              ErrorCode::read_only);
        CHECK(refused(delete_record(ctx, Kind::library_entry, starter)) == ErrorCode::read_only);
    }
    SUBCASE("a value of the wrong type") {
        CHECK(refused(update_field(ctx, Kind::note, graph.note, Note::fields::body, std::int64_t{3})) ==
              ErrorCode::wrong_value_type);
    }
    CHECK(count(Kind::note) == notes_before);
}

TEST_CASE("the store keeps every record's stamps and bases exactly") {
    Replica replica(6);
    const CoachingGraph graph = build_graph(replica);
    Record record = load_record(*replica.store, Kind::goal, graph.goal).value();
    record.field(Goal::fields::target) = FieldState{std::string("All 28"), Stamp{0xFFFF'FFFF'FFFF'FFFFULL, 0x8000'0000'0000'0001ULL},
                                                     Stamp{5, 6}};
    record.field(tombstone_field) = FieldState{std::int64_t{1}, Stamp{3, 4}, {}};
    REQUIRE(replica.store->save(record).ok());
    CHECK(load_record(*replica.store, Kind::goal, graph.goal).value() == record);
}

TEST_CASE("a damaged merge-state column is reported, not trusted") {
    Replica replica(7);
    const CoachingGraph graph = build_graph(replica);
    REQUIRE(replica.store->database().execute("UPDATE tally SET clocks = x'0100ff'").ok());
    auto loaded = replica.store->load(Kind::tally, graph.tally);
    REQUIRE_FALSE(loaded.ok());
    CHECK(loaded.error().message.find("damaged") != std::string::npos);
}

TEST_CASE("the starter library is in every store, once, and survives reopening") {
    Replica replica(8);
    auto entries = replica.store->load_all(Kind::library_entry);
    REQUIRE(entries.ok());
    CHECK(entries.value().size() == starter_library().size());
    const auto first = load<LibraryEntry>(*replica.store, RecordId::derived(starter_library()[0].key));
    REQUIRE(first.ok());
    CHECK(first.value().title == starter_library()[0].title);

    auto reopened = store::SqliteRecordStore::open(
        store::Database::open_image(replica.store->database().image()).value());
    REQUIRE(reopened.ok());
    CHECK(reopened.value()->load_all(Kind::library_entry).value().size() == starter_library().size());
}

TEST_CASE("a store's image reopens with every record, its site and its clock") {
    Replica replica(9);
    const CoachingGraph graph = build_graph(replica);
    const auto image = replica.store->database().image();
    auto reopened = store::SqliteRecordStore::open(store::Database::open_image(image).value());
    REQUIRE(reopened.ok());
    CHECK(reopened.value()->load_clock().value() == replica.clock->last());
    CHECK(reopened.value()->site_id(replica.random).value() == replica.store->site_id(replica.random).value());
    CHECK(reopened.value()->load(Kind::meeting, graph.meeting).value() ==
          replica.store->load(Kind::meeting, graph.meeting).value());
}

TEST_CASE("a device keeps bytes of its own (its secret keys) apart from every record, replaced when set again") {
    Replica replica(11);
    CHECK_FALSE(replica.store->local_bytes("identity.box_secret").value().has_value());
    const std::vector<std::uint8_t> first{1, 2, 3, 0, 255};
    REQUIRE(replica.store->set_local_bytes("identity.box_secret", first).ok());
    CHECK(replica.store->local_bytes("identity.box_secret").value() == first);
    const std::vector<std::uint8_t> second(64, 7);
    REQUIRE(replica.store->set_local_bytes("identity.box_secret", second).ok());
    CHECK(replica.store->local_bytes("identity.box_secret").value() == second);
    // Kept in the database's image.
    auto reopened = store::SqliteRecordStore::open(store::Database::open_image(replica.store->database().image()).value());
    REQUIRE(reopened.ok());
    CHECK(reopened.value()->local_bytes("identity.box_secret").value() == second);
}
