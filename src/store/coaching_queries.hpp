#pragma once
// CoachingQueries: the read-only queries behind the screens (today's agenda,
// a pairing's timeline, hours against the allowance, steps by status and by
// priority). Deleted records never appear. Statements are prepared once;
// the object borrows the Database, which must outlive it.

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/calendar_date.hpp"
#include "core/choices.hpp"
#include "core/record_kind.hpp"
#include "store/database.hpp"

namespace tandem::store {

// One line of today's agenda.
struct AgendaItem {
    enum class Type : std::uint8_t {
        meeting_planned,  // a planned meeting up to the horizon, or one past its date not yet recorded
        meeting_due,      // the next date agreed at the last meeting, with nothing planned since
        check_back_due,   // a step's check-back date within the horizon
        step_overdue,     // a step still planned or practising past its check-back date
        pairing_quiet,    // no meeting for longer than the pairing's cadence, and none planned
    };
    Type type;
    CalendarDate date;        // when it is due (for pairing_quiet: the last meeting, or the start)
    RecordId pairing;
    RecordId record;          // the meeting or step; the pairing for pairing_quiet
    std::string coach_name;
    std::string coachee_name;
    std::string summary;      // a step's wording, a meeting's kind of model; may be empty
};

// One event in a pairing's history.
struct TimelineEntry {
    CalendarDate date;
    Kind kind;
    RecordId id;
    std::int64_t status = -1;  // steps and their changes: StepStatus; meetings: MeetingStatus;
                               // cycles: CyclePhase; check-ins: CheckInAnswer; otherwise -1
    std::string summary;       // the first words of its main text
};

// Time spent in one allowance year of a pairing.
struct HoursUsed {
    CalendarDate period_start;  // an anniversary of the pairing's start
    CalendarDate period_end;    // the day before the next anniversary
    std::int64_t allowance_minutes = 0;
    std::int64_t meeting_minutes = 0;      // meetings held
    std::int64_t observation_minutes = 0;  // observations made
    std::int64_t logged_minutes = 0;       // time logs (preparation, training, ...)
    std::int64_t used_minutes() const { return meeting_minutes + observation_minutes + logged_minutes; }
};

// How many records of the kinds the screens count there are (not deleted).
struct RecordCounts {
    std::int64_t people = 0;
    std::int64_t pairings = 0;
    std::int64_t meetings = 0;
    std::int64_t action_steps = 0;
    std::int64_t notes = 0;

    bool operator==(const RecordCounts&) const = default;
};

// The parts of a record that a screen lists under it.
enum class Parts : std::uint8_t {
    steps_of_meeting,         // action steps set in a meeting, oldest first
    history_of_step,          // a step's status changes, oldest first
    notes_of_observation,     // an observation's notes, by time of day
    tallies_of_observation,   // an observation's tallies, oldest first
    observations_of_pairing,  // newest first
    reflections_of_pairing,   // newest first
    practice_of_pairing,      // the practice log, newest first
    goals_of_cycle,           // a cycle's goals, oldest first
};

class CoachingQueries {
public:
    // Prepares the statements; fails only on a schema that is not current.
    static Result<CoachingQueries, StoreError> prepare(Database& db);

    // What needs attention today, up to `horizon_days` ahead, soonest first.
    Result<std::vector<AgendaItem>, StoreError> agenda(CalendarDate today, int horizon_days = 7);
    // Everything that happened in a pairing, oldest first.
    Result<std::vector<TimelineEntry>, StoreError> timeline(const RecordId& pairing);
    // Minutes used in the allowance year of `pairing` that contains `today`;
    // unknown_record-like failures return SQLITE_NOTFOUND.
    Result<HoursUsed, StoreError> hours_used(const RecordId& pairing, CalendarDate today);
    // The records that are not deleted, counted by kind.
    Result<RecordCounts, StoreError> counts();
    // The private note `author` wrote on `meeting` (not deleted), if any.
    Result<std::optional<RecordId>, StoreError> private_note(const RecordId& meeting, const RecordId& author);
    // The ids of `parent`'s parts of one kind (not deleted), in their order;
    // private ones only when `reader` wrote them.
    Result<std::vector<RecordId>, StoreError> parts(Parts which, const RecordId& parent, const RecordId& reader);

private:
    CoachingQueries() = default;

    Statement planned_meetings_, next_meetings_, steps_due_, last_met_, timeline_, pairing_period_, hours_,
        counts_, private_note_;
    std::array<Statement, 8> parts_;  // index: Parts
};

}  // namespace tandem::store
