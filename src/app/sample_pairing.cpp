#include "app/sample_pairing.hpp"

#include <algorithm>
#include <string_view>
#include <vector>

#include "core/starter_library.hpp"

namespace tandem::app {

namespace {

constexpr std::string_view sample_mark = " (sample)";

template <class T>
Result<RecordId, CommandError> add(Workspace& work, const T& draft) {
    return create(*work.context, draft);
}

// The sample's meeting a fortnight ago, with a step from the library being practised.
Result<void, CommandError> add_sample_meeting(Workspace& work, const RecordId& id) {
    const CalendarDate today = work.today;
    Meeting meeting;
    meeting.pairing = id;
    meeting.held_on = today.plus_days(-14);
    meeting.status = MeetingStatus::held;
    meeting.model = CoachingModel::grow;
    meeting.stance = Stance::facilitative;
    meeting.grow_goal = "Calmer, quicker starts to lessons after lunch.";
    meeting.grow_reality = "It takes about six minutes before everyone is working; a few students wait to be told twice.";
    meeting.grow_options = "A task on the board before they arrive; greeting at the door; a countdown.";
    meeting.grow_will = "Greet at the door with a task ready, every lesson for two weeks.";
    meeting.next_on = today.plus_days(1);
    auto held = add(work, meeting);
    if (!held) return fail(held.error());

    ActionStep step;
    step.pairing = id;
    step.meeting = held.value();
    const StarterEntry& entry = starter_library().front();
    step.library_entry = library_entry_of(entry).meta.id;
    step.wording = std::string(entry.wording);
    step.success_criteria = std::string(entry.success_criteria);
    step.practice_task = std::string(entry.practice_task);
    step.set_on = meeting.held_on;
    step.check_back_on = today.plus_days(1);
    auto set = add(work, step);
    if (!set) return fail(set.error());
    if (auto moved = set_step_status(*work.context, set.value(), StepStatus::practising, today.plus_days(-10)); !moved)
        return fail(moved.error());
    return {};
}

// The sample's lesson visit a week ago, with two timed notes and a tally.
Result<void, CommandError> add_sample_visit(Workspace& work, const RecordId& id) {
    const CalendarDate today = work.today;
    Observation visit;
    visit.pairing = id;
    visit.observed_on = today.plus_days(-7);
    visit.class_name = "5J";
    visit.focus = "The first five minutes";
    visit.praise = "Every student had the task in front of them within two minutes.";
    auto observed = add(work, visit);
    if (!observed) return fail(observed.error());
    constexpr std::pair<std::int64_t, const char*> notes[] = {
        {13 * 3600 + 10 * 60, "T at the door, greets each student by name"},
        {13 * 3600 + 12 * 60, "All seated; 26 of 28 started the task"},
    };
    for (const auto& [second, body] : notes) {
        ObservationNote note;
        note.observation = observed.value();
        note.second_of_day = second;
        note.body = body;
        if (auto added = add(work, note); !added) return fail(added.error());
    }
    Tally tally;
    tally.observation = observed.value();
    tally.label = "Reminders to start";
    tally.total = 2;
    if (auto added = add(work, tally); !added) return fail(added.error());
    return {};
}

}  // namespace

Result<RecordId, CommandError> create_sample_pairing(Workspace& work) {
    if (!work.context || work.me.is_nil()) return fail(CommandError{ErrorCode::read_only, Kind::pairing, 0, 0, {}});
    const CalendarDate today = work.today;
    Person colleague;
    colleague.display_name = "Jordan Lee" + std::string(sample_mark);
    colleague.subject = "Year 5";
    colleague.roles = person_roles::coachee;
    colleague.career_stage = CareerStage::early_career;
    auto person = add(work, colleague);
    if (!person) return fail(person.error());

    Pairing pairing;
    pairing.coach = work.me;
    pairing.coachee = person.value();
    pairing.starts_on = today.plus_days(-28);
    pairing.model = CoachingModel::grow;
    pairing.agreement_shared =
        "A sample pairing, made up to show how Tandem works. Remove it on Pairings when you are done.";
    pairing.confidentiality = "Nothing here is real.";
    auto created = add(work, pairing);
    if (!created) return fail(created.error());
    const RecordId id = created.value();
    if (auto noted = work.store.set_local_bytes(sample_state_key, id.bytes); !noted)
        return fail(CommandError{ErrorCode::storage_failed, Kind::pairing, 0, 0, noted.error().message});

    if (auto held = add_sample_meeting(work, id); !held) return fail(held.error());
    if (auto visited = add_sample_visit(work, id); !visited) return fail(visited.error());

    Reflection reflection;
    reflection.pairing = id;
    reflection.written_on = today.plus_days(-6);
    reflection.prompt = "What surprised you?";
    reflection.body = "How much calmer the room felt when the task was already on the desks.";
    if (auto added = add(work, reflection); !added) return fail(added.error());
    return id;
}

bool is_sample_pairing(Workspace& work, const RecordId& pairing) {
    auto noted = work.store.local_bytes(sample_state_key);
    if (!noted || !noted.value()) return false;
    const std::vector<std::uint8_t>& bytes = *noted.value();
    return bytes.size() == pairing.bytes.size() && std::equal(bytes.begin(), bytes.end(), pairing.bytes.begin());
}

Result<void, CommandError> remove_sample_pairing(Workspace& work, const RecordId& pairing_id) {
    if (!work.context) return fail(CommandError{ErrorCode::read_only, Kind::pairing, 0, 0, {}});
    auto pairing = load<Pairing>(work.store, pairing_id);
    if (!pairing) return fail(pairing.error());
    if (!is_sample_pairing(work, pairing_id)) return fail(CommandError{ErrorCode::unknown_record, Kind::pairing, 0, 0, {}});
    auto timeline = work.queries.timeline(pairing_id);
    if (!timeline) return fail(CommandError{ErrorCode::storage_failed, Kind::pairing, 0, 0, timeline.error().message});
    for (const store::TimelineEntry& entry : timeline.value()) {
        if (entry.kind == Kind::observation) {
            for (store::Parts parts : {store::Parts::notes_of_observation, store::Parts::tallies_of_observation}) {
                auto ids = work.queries.parts(parts, entry.id, work.me);
                if (!ids) continue;
                const Kind kind = parts == store::Parts::notes_of_observation ? Kind::observation_note : Kind::tally;
                for (const RecordId& id : ids.value())
                    if (auto gone = delete_record(*work.context, kind, id); !gone) return gone;
            }
        }
        if (auto gone = delete_record(*work.context, entry.kind, entry.id); !gone) return gone;
    }
    if (auto gone = delete_record(*work.context, Kind::pairing, pairing_id); !gone) return gone;
    if (auto gone = delete_record(*work.context, Kind::person, pairing.value().coachee); !gone) return gone;
    if (auto forgotten = work.store.set_local_bytes(sample_state_key, {}); !forgotten)
        return fail(CommandError{ErrorCode::storage_failed, Kind::pairing, 0, 0, forgotten.error().message});
    return {};
}

}  // namespace tandem::app
