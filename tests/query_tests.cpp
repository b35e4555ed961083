// The queries behind the screens: agenda, timeline, hours, steps.

#include <doctest/doctest.h>

#include <algorithm>

#include "replica.hpp"
#include "store/coaching_queries.hpp"

using namespace tandem;
using namespace tandem::testing;
using store::AgendaItem;

namespace {

const CalendarDate today = CalendarDate::from_ymd(2026, 11, 22);

struct QueryFixture {
    Replica replica{21};
    CoachingGraph graph = build_graph(replica);

    store::CoachingQueries queries() {
        auto prepared = store::CoachingQueries::prepare(replica.store->database());
        REQUIRE_MESSAGE(prepared.ok(), (prepared.ok() ? "" : prepared.error().message));
        return std::move(prepared).value();
    }

    RecordId person(const std::string& name) {
        Person draft;
        draft.display_name = name;
        return replica.add(draft);
    }
    RecordId pairing(RecordId coachee, Cadence cadence, CalendarDate starts) {
        Pairing draft;
        draft.coach = graph.me;
        draft.coachee = coachee;
        draft.cadence = cadence;
        draft.starts_on = starts;
        return replica.add(draft);
    }
    RecordId meeting(RecordId pairing_id, CalendarDate on, MeetingStatus status, int minutes = 30) {
        Meeting draft;
        draft.pairing = pairing_id;
        draft.held_on = on;
        draft.status = status;
        draft.duration_minutes = minutes;
        return replica.add(draft);
    }
};

std::vector<AgendaItem::Type> types_for(const std::vector<AgendaItem>& items, const RecordId& record) {
    std::vector<AgendaItem::Type> types;
    for (const AgendaItem& item : items)
        if (item.record == record) types.push_back(item.type);
    return types;
}

}  // namespace

TEST_CASE("today's agenda lists meetings due, check-backs, overdue steps and quiet pairings") {
    QueryFixture f;
    // The graph: a meeting on 10 Nov agreed to meet again on 24 Nov; a step to check back on 24 Nov.
    const RecordId weekly = f.pairing(f.person("Ada Quiet"), Cadence::weekly, CalendarDate::from_ymd(2026, 9, 1));
    f.meeting(weekly, CalendarDate::from_ymd(2026, 11, 1), MeetingStatus::held);
    const RecordId planned_pairing = f.pairing(f.person("Ben Planned"), Cadence::weekly, CalendarDate::from_ymd(2026, 9, 1));
    const RecordId planned = f.meeting(planned_pairing, CalendarDate::from_ymd(2026, 11, 26), MeetingStatus::planned);
    const RecordId flexible = f.pairing(f.person("Cy Flexible"), Cadence::flexible, CalendarDate::from_ymd(2026, 1, 1));
    const RecordId ended = f.pairing(f.person("Di Ended"), Cadence::weekly, CalendarDate::from_ymd(2026, 1, 1));
    auto ctx = f.replica.context();
    REQUIRE(update_field(ctx, Kind::pairing, ended, Pairing::fields::status,
                         std::int64_t{static_cast<std::int64_t>(PairingStatus::ended)}).ok());
    ActionStep late;
    late.pairing = f.graph.pairing;
    late.wording = "Use mini whiteboards for the starter";
    late.set_on = CalendarDate::from_ymd(2026, 11, 1);
    late.check_back_on = CalendarDate::from_ymd(2026, 11, 15);
    const RecordId overdue = f.replica.add(late);
    ActionStep done = late;
    done.wording = "Already embedded";
    const RecordId embedded = f.replica.add(done);
    REQUIRE(set_step_status(ctx, embedded, StepStatus::embedded, CalendarDate::from_ymd(2026, 11, 14)).ok());
    const RecordId deleted_meeting = f.meeting(planned_pairing, CalendarDate::from_ymd(2026, 11, 23), MeetingStatus::planned);
    REQUIRE(delete_record(ctx, Kind::meeting, deleted_meeting).ok());

    auto agenda = f.queries().agenda(today);
    REQUIRE(agenda.ok());
    const auto& items = agenda.value();
    CHECK(types_for(items, f.graph.meeting) == std::vector{AgendaItem::Type::meeting_due});
    CHECK(types_for(items, f.graph.step) == std::vector{AgendaItem::Type::check_back_due});
    CHECK(types_for(items, overdue) == std::vector{AgendaItem::Type::step_overdue});
    CHECK(types_for(items, weekly) == std::vector{AgendaItem::Type::pairing_quiet});
    CHECK(types_for(items, planned) == std::vector{AgendaItem::Type::meeting_planned});
    CHECK(types_for(items, planned_pairing).empty());  // quiet, but a meeting is planned
    CHECK(types_for(items, flexible).empty());
    CHECK(types_for(items, ended).empty());
    CHECK(types_for(items, embedded).empty());
    CHECK(types_for(items, deleted_meeting).empty());
    CHECK(std::is_sorted(items.begin(), items.end(), [](const AgendaItem& a, const AgendaItem& b) { return a.date < b.date; }));
    const auto due = std::find_if(items.begin(), items.end(), [&](const AgendaItem& i) { return i.record == f.graph.meeting; });
    CHECK(due->date == CalendarDate::from_ymd(2026, 11, 24));
    CHECK(due->coach_name == "Sam Patel");
    CHECK(due->coachee_name == "Zoë Łukasik");
    CHECK(std::find_if(items.begin(), items.end(), [&](const AgendaItem& i) { return i.record == overdue; })->summary ==
          "Use mini whiteboards for the starter");

    // Two days later the check-back is due today; a week later it is overdue.
    auto later = f.queries().agenda(today.plus_days(7));
    REQUIRE(later.ok());
    CHECK(types_for(later.value(), f.graph.step) == std::vector{AgendaItem::Type::step_overdue});
    // Recording a meeting after the agreed date clears "meeting due".
    f.meeting(f.graph.pairing, CalendarDate::from_ymd(2026, 11, 21), MeetingStatus::held);
    CHECK(types_for(f.queries().agenda(today).value(), f.graph.meeting).empty());
}

TEST_CASE("a pairing's timeline lists its events in date order") {
    QueryFixture f;
    auto timeline = f.queries().timeline(f.graph.pairing);
    REQUIRE(timeline.ok());
    std::vector<Kind> kinds;
    for (const auto& entry : timeline.value()) kinds.push_back(entry.kind);
    CHECK(kinds == std::vector<Kind>{Kind::cycle, Kind::time_log, Kind::meeting, Kind::action_step, Kind::practice,
                                     Kind::step_status_change, Kind::observation, Kind::evidence, Kind::reflection,
                                     Kind::pairing_checkin});
    const auto& entries = timeline.value();
    CHECK(std::is_sorted(entries.begin(), entries.end(),
                         [](const auto& a, const auto& b) { return a.date < b.date; }));
    const auto step = std::find_if(entries.begin(), entries.end(), [](const auto& e) { return e.kind == Kind::action_step; });
    CHECK(step->status == static_cast<std::int64_t>(StepStatus::practising));
    CHECK(step->summary == "Pause three seconds after each question before naming a student");
    const auto meeting = std::find_if(entries.begin(), entries.end(), [](const auto& e) { return e.kind == Kind::meeting; });
    CHECK(meeting->summary == "Cold call after think time");

    auto ctx = f.replica.context();
    REQUIRE(delete_record(ctx, Kind::observation, f.graph.observation).ok());
    CHECK(f.queries().timeline(f.graph.pairing).value().size() == entries.size() - 1);
    CHECK(f.queries().timeline(RecordId::random(f.replica.random)).value().empty());
}

TEST_CASE("hours used count meetings held, observations and time logs in the allowance year") {
    QueryFixture f;
    // In the graph: a 30-minute meeting held, a 25-minute observation, a 20-minute log.
    f.meeting(f.graph.pairing, CalendarDate::from_ymd(2026, 11, 30), MeetingStatus::planned, 60);  // not held yet
    f.meeting(f.graph.pairing, CalendarDate::from_ymd(2027, 9, 2), MeetingStatus::held, 45);       // next year
    TimeLog before_start;
    before_start.pairing = f.graph.pairing;
    before_start.logged_on = CalendarDate::from_ymd(2026, 8, 31);
    before_start.minutes = 90;
    f.replica.add(before_start);

    auto hours = f.queries().hours_used(f.graph.pairing, today);
    REQUIRE(hours.ok());
    CHECK(hours.value().period_start == CalendarDate::from_ymd(2026, 9, 1));
    CHECK(hours.value().period_end == CalendarDate::from_ymd(2027, 8, 31));
    CHECK(hours.value().allowance_minutes == 720);
    CHECK(hours.value().meeting_minutes == 30);
    CHECK(hours.value().observation_minutes == 25);
    CHECK(hours.value().logged_minutes == 20);
    CHECK(hours.value().used_minutes() == 75);

    auto next_year = f.queries().hours_used(f.graph.pairing, CalendarDate::from_ymd(2027, 10, 1));
    REQUIRE(next_year.ok());
    CHECK(next_year.value().period_start == CalendarDate::from_ymd(2027, 9, 1));
    CHECK(next_year.value().used_minutes() == 45);
    CHECK_FALSE(f.queries().hours_used(RecordId::random(f.replica.random), today).ok());
}

TEST_CASE("the pairings naming a person are those with them as coach, coachee or second coach") {
    QueryFixture f;
    const RecordId second = f.person("Kit Moreno");
    const RecordId outsider = f.person("Lee Chan");
    const RecordId other = f.pairing(outsider, Cadence::weekly, CalendarDate::from_ymd(2026, 9, 1));
    auto ctx = f.replica.context();
    REQUIRE(update_field(ctx, Kind::pairing, f.graph.pairing, Pairing::fields::second_coach, second).ok());
    const auto ids = [&](const RecordId& person) {
        std::vector<RecordId> found;
        for (const Record& pairing : f.replica.store->pairings_naming(person).value()) found.push_back(pairing.id);
        std::sort(found.begin(), found.end());
        return found;
    };
    std::vector<RecordId> both{f.graph.pairing, other};
    std::sort(both.begin(), both.end());
    CHECK(ids(f.graph.me) == both);
    CHECK(ids(f.graph.partner) == std::vector<RecordId>{f.graph.pairing});
    CHECK(ids(second) == std::vector<RecordId>{f.graph.pairing});
    CHECK(ids(outsider) == std::vector<RecordId>{other});
    CHECK(ids(f.person("Nobody")).empty());
    // The same rule as the core's, read from the record.
    auto pairing = f.replica.store->load(Kind::pairing, f.graph.pairing);
    CHECK(pairing_members(*pairing.value()) == std::vector<RecordId>{f.graph.me, f.graph.partner, second});
}

TEST_CASE("allowance years start on the pairing's anniversary") {
    const auto period = yearly_period_containing(CalendarDate::from_ymd(2024, 2, 29), CalendarDate::from_ymd(2025, 3, 1));
    CHECK(period.first == CalendarDate::from_ymd(2025, 2, 28));
    CHECK(period.last == CalendarDate::from_ymd(2026, 2, 27));
    const auto before = yearly_period_containing(CalendarDate::from_ymd(2026, 9, 1), CalendarDate::from_ymd(2026, 1, 1));
    CHECK(before.first == CalendarDate::from_ymd(2026, 9, 1));
    const auto on_anniversary =
        yearly_period_containing(CalendarDate::from_ymd(2026, 9, 1), CalendarDate::from_ymd(2028, 9, 1));
    CHECK(on_anniversary.first == CalendarDate::from_ymd(2028, 9, 1));
    const auto day_before =
        yearly_period_containing(CalendarDate::from_ymd(2026, 9, 1), CalendarDate::from_ymd(2028, 8, 31));
    CHECK(day_before.first == CalendarDate::from_ymd(2027, 9, 1));
    CHECK(day_before.last == CalendarDate::from_ymd(2028, 8, 31));
}

TEST_CASE("a record's parts are listed in their order, deleted and others' private ones left out") {
    QueryFixture f;
    auto queries = f.queries();
    const RecordId me = f.graph.me;
    using store::Parts;
    CHECK(queries.parts(Parts::steps_of_meeting, f.graph.meeting, me).value() == std::vector<RecordId>{f.graph.step});
    CHECK(queries.parts(Parts::history_of_step, f.graph.step, me).value() ==
          std::vector<RecordId>{f.graph.status_change});
    CHECK(queries.parts(Parts::tallies_of_observation, f.graph.observation, me).value() ==
          std::vector<RecordId>{f.graph.tally});
    CHECK(queries.parts(Parts::practice_of_pairing, f.graph.pairing, me).value() ==
          std::vector<RecordId>{f.graph.practice});
    CHECK(queries.parts(Parts::goals_of_cycle, f.graph.cycle, me).value() == std::vector<RecordId>{f.graph.goal});

    // Notes come by time of day, whatever order they were written in.
    ObservationNote early;
    early.observation = f.graph.observation;
    early.second_of_day = 1;
    early.body = "Door greeting";
    const RecordId first = f.replica.add(early);
    const auto notes = queries.parts(Parts::notes_of_observation, f.graph.observation, me).value();
    CHECK(notes == std::vector<RecordId>{first, f.graph.observation_note});

    // Reflections newest first; a private one only for its author.
    Reflection later;
    later.pairing = f.graph.pairing;
    later.written_on = CalendarDate::from_ymd(2027, 1, 10);
    later.body = "Mine alone";
    later.meta.visibility = Visibility::private_to_author;
    const RecordId mine = f.replica.add(later);
    CHECK(queries.parts(Parts::reflections_of_pairing, f.graph.pairing, me).value() ==
          std::vector<RecordId>{mine, f.graph.reflection});
    CHECK(queries.parts(Parts::reflections_of_pairing, f.graph.pairing, f.graph.partner).value() ==
          std::vector<RecordId>{f.graph.reflection});

    auto ctx = f.replica.context();
    REQUIRE(delete_record(ctx, Kind::tally, f.graph.tally).ok());
    CHECK(queries.parts(Parts::tallies_of_observation, f.graph.observation, me).value().empty());
    CHECK(queries.parts(Parts::observations_of_pairing, f.graph.pairing, me).value() ==
          std::vector<RecordId>{f.graph.observation});
}
