#pragma once
// The coaching record: one typed struct per object in DOMAIN.md. Each struct
// lists its fields once, in an X-macro (name, C++ type, shape, default), from
// which the struct members, the field numbers (T::fields::name), the visitor
// (T::visit) and the spec table (record_schema.cpp) are all generated, so the
// store, validation, merge and serialization cannot disagree about a field.
//
// Field numbers are stored and exchanged: append new fields, never reorder.
// Member types: std::string (text), std::int64_t (integer), bool (flag), an
// enumeration from choices.hpp (choice), CalendarDate or
// std::optional<CalendarDate> (date), RecordId or std::optional<RecordId>
// (reference; a nil RecordId means unset).
//
// Index of this file:
// [SECTION] Field lists: F(T, name, type, shape, default)
// [SECTION] The structs

#include <cstdint>
#include <optional>
#include <string>

#include "core/calendar_date.hpp"
#include "core/choices.hpp"
#include "core/field_spec.hpp"
#include "core/record_id.hpp"

namespace tandem {

// Who may see a record: both partners, or only the person who wrote it.
enum class Visibility : std::uint8_t { shared = 0, private_to_author = 1 };

// What every record carries besides its fields. Per-field clocks live in the
// generic Record (record.hpp); typed structs are for reading and creating.
struct RecordMeta {
    RecordId id;
    RecordId created_by;  // a Person; nil for records Tandem ships with
    std::int64_t created_at_ms = 0;
    Visibility visibility = Visibility::shared;
    bool deleted = false;  // soft-deleted: hidden, restorable
};

// [SECTION] Field lists: F(T, name, type, shape, default)

#define TANDEM_PERSON_FIELDS(F, T)                                                            \
    F(T, display_name, std::string, text(text_limits::name, required | searchable), {})       \
    F(T, roles, std::int64_t, integer(0, person_roles::all), {})                              \
    F(T, subject, std::string, text(text_limits::name, searchable), {})                       \
    F(T, phase, Phase, choice_of<Phase>(), {})                                                \
    F(T, career_stage, CareerStage, choice_of<CareerStage>(), {})                             \
    F(T, sharing_code, std::string, text(text_limits::title), {})

#define TANDEM_PRIORITY_FIELDS(F, T)                                                          \
    F(T, title, std::string, text(text_limits::title, required | searchable), {})             \
    F(T, description, std::string, long_text(text_limits::long_paragraph, searchable), {})    \
    F(T, level, PriorityLevel, choice_of<PriorityLevel>(), {})                                \
    F(T, starts_on, std::optional<CalendarDate>, date(), {})                                  \
    F(T, ends_on, std::optional<CalendarDate>, date(), {})

#define TANDEM_LIBRARY_ENTRY_FIELDS(F, T)                                                     \
    F(T, area, LibraryArea, choice_of<LibraryArea>(), LibraryArea::routines_and_behaviour)    \
    F(T, title, std::string, text(text_limits::title, required | searchable), {})             \
    F(T, wording, std::string, long_text(text_limits::paragraph, required | searchable), {})  \
    F(T, success_criteria, std::string, long_text(text_limits::paragraph, searchable), {})    \
    F(T, practice_task, std::string, long_text(text_limits::paragraph, searchable), {})

#define TANDEM_PAIRING_FIELDS(F, T)                                                                 \
    F(T, coach, RecordId, reference(Kind::person, required | immutable), {})                        \
    F(T, coachee, RecordId, reference(Kind::person, required | immutable), {})                      \
    F(T, second_coach, std::optional<RecordId>, reference(Kind::person), {})                        \
    F(T, starts_on, CalendarDate, date(required), {})                                               \
    F(T, ends_on, std::optional<CalendarDate>, date(), {})                                          \
    F(T, cadence, Cadence, choice_of<Cadence>(), Cadence::fortnightly)                              \
    F(T, model, CoachingModel, choice_of<CoachingModel>(), {})                                      \
    F(T, status, PairingStatus, choice_of<PairingStatus>(), {})                                     \
    F(T, agreement_shared, std::string, long_text(text_limits::long_paragraph, searchable), {})     \
    F(T, confidentiality, std::string, long_text(text_limits::long_paragraph, searchable), {})      \
    F(T, appraisal_goals_allowed, bool, flag(), false)                                              \
    F(T, allowance_minutes, std::int64_t, integer(0, 1000 * 60), 12 * 60)

#define TANDEM_CYCLE_FIELDS(F, T)                                                             \
    F(T, pairing, RecordId, reference(Kind::pairing, required | immutable), {})               \
    F(T, model, CoachingModel, choice_of<CoachingModel>(), {})                                \
    F(T, phase, CyclePhase, choice_of<CyclePhase>(), {})                                      \
    F(T, focus, std::string, text(text_limits::short_text, searchable), {})                   \
    F(T, priority, std::optional<RecordId>, reference(Kind::priority), {})                    \
    F(T, starts_on, CalendarDate, date(required), {})                                         \
    F(T, ends_on, std::optional<CalendarDate>, date(), {})                                    \
    F(T, outcome, std::string, long_text(text_limits::structured, searchable), {})            \
    F(T, closing_reflection, std::string, long_text(text_limits::structured, searchable), {})

#define TANDEM_GOAL_FIELDS(F, T)                                                              \
    F(T, cycle, RecordId, reference(Kind::cycle, required | immutable), {})                   \
    F(T, statement, std::string, long_text(text_limits::paragraph, required | searchable), {}) \
    F(T, goal_type, GoalType, choice_of<GoalType>(), {})                                      \
    F(T, peers_powerful, bool, flag(), false)                                                 \
    F(T, peers_easy, bool, flag(), false)                                                     \
    F(T, peers_emotional, bool, flag(), false)                                                \
    F(T, peers_reachable, bool, flag(), false)                                                \
    F(T, peers_student_focused, bool, flag(), false)                                          \
    F(T, measure, std::string, text(text_limits::short_text, searchable), {})                 \
    F(T, baseline, std::string, text(text_limits::short_text, searchable), {})                \
    F(T, target, std::string, text(text_limits::short_text, searchable), {})

#define TANDEM_MEETING_FIELDS(F, T)                                                                   \
    F(T, pairing, RecordId, reference(Kind::pairing, required | immutable), {})                       \
    F(T, cycle, std::optional<RecordId>, reference(Kind::cycle), {})                                  \
    F(T, held_on, CalendarDate, date(required), {})                                                   \
    F(T, duration_minutes, std::int64_t, integer(0, 600), 30)                                         \
    F(T, status, MeetingStatus, choice_of<MeetingStatus>(), {})                                       \
    F(T, meeting_kind, MeetingKind, choice_of<MeetingKind>(), MeetingKind::debrief)                   \
    F(T, stance, Stance, choice_of<Stance>(), {})                                                     \
    F(T, model, CoachingModel, choice_of<CoachingModel>(), {})                                        \
    F(T, shared_notes, std::string, long_text(text_limits::note, searchable), {})                     \
    F(T, grow_goal, std::string, long_text(text_limits::structured, searchable), {})                  \
    F(T, grow_reality, std::string, long_text(text_limits::structured, searchable), {})               \
    F(T, grow_options, std::string, long_text(text_limits::structured, searchable), {})               \
    F(T, grow_will, std::string, long_text(text_limits::structured, searchable), {})                  \
    F(T, basic_background, std::string, long_text(text_limits::structured, searchable), {})           \
    F(T, basic_aim, std::string, long_text(text_limits::structured, searchable), {})                  \
    F(T, basic_strategy, std::string, long_text(text_limits::structured, searchable), {})             \
    F(T, basic_implementation, std::string, long_text(text_limits::structured, searchable), {})       \
    F(T, basic_commitment, std::string, long_text(text_limits::structured, searchable), {})           \
    F(T, impact_reality, std::string, long_text(text_limits::structured, searchable), {})             \
    F(T, impact_goal, std::string, long_text(text_limits::structured, searchable), {})                \
    F(T, impact_strategy_checklist, std::string, long_text(text_limits::structured, searchable), {})  \
    F(T, impact_modelling, std::string, long_text(text_limits::structured, searchable), {})           \
    F(T, impact_progress, std::string, long_text(text_limits::structured, searchable), {})            \
    F(T, impact_next_actions, std::string, long_text(text_limits::structured, searchable), {})        \
    F(T, step_praise, std::string, long_text(text_limits::structured, searchable), {})                \
    F(T, step_probe, std::string, long_text(text_limits::structured, searchable), {})                 \
    F(T, step_see_it, std::string, long_text(text_limits::structured, searchable), {})                \
    F(T, step_name_it, std::string, long_text(text_limits::structured, searchable), {})               \
    F(T, step_do_it, std::string, long_text(text_limits::structured, searchable), {})                 \
    F(T, next_on, std::optional<CalendarDate>, date(), {})

#define TANDEM_NOTE_FIELDS(F, T)                                                              \
    F(T, pairing, RecordId, reference(Kind::pairing, required | immutable), {})               \
    F(T, meeting, std::optional<RecordId>, reference(Kind::meeting, immutable), {})           \
    F(T, addressed_to, std::optional<RecordId>, reference(Kind::person), {})                  \
    F(T, body, std::string, long_text(text_limits::note, required | searchable), {})

#define TANDEM_OBSERVATION_FIELDS(F, T)                                                       \
    F(T, pairing, RecordId, reference(Kind::pairing, required | immutable), {})               \
    F(T, observed_on, CalendarDate, date(required), {})                                       \
    F(T, class_name, std::string, text(text_limits::name, searchable), {})                    \
    F(T, duration_minutes, std::int64_t, integer(0, 600), 20)                                 \
    F(T, focus, std::string, text(text_limits::short_text, searchable), {})                   \
    F(T, praise, std::string, long_text(text_limits::structured, searchable), {})

#define TANDEM_OBSERVATION_NOTE_FIELDS(F, T)                                                  \
    F(T, observation, RecordId, reference(Kind::observation, required | immutable), {})       \
    F(T, second_of_day, std::int64_t, integer(0, 86'399), {})                                 \
    F(T, body, std::string, long_text(text_limits::long_paragraph, required | searchable), {})

#define TANDEM_TALLY_FIELDS(F, T)                                                             \
    F(T, observation, RecordId, reference(Kind::observation, required | immutable), {})       \
    F(T, label, std::string, text(text_limits::name, required | searchable), {})              \
    F(T, total, std::int64_t, integer(0, 100'000), {})

#define TANDEM_ACTION_STEP_FIELDS(F, T)                                                           \
    F(T, pairing, RecordId, reference(Kind::pairing, required | immutable), {})                   \
    F(T, cycle, std::optional<RecordId>, reference(Kind::cycle), {})                              \
    F(T, meeting, std::optional<RecordId>, reference(Kind::meeting), {})                          \
    F(T, library_entry, std::optional<RecordId>, reference(Kind::library_entry), {})              \
    F(T, priority, std::optional<RecordId>, reference(Kind::priority), {})                        \
    F(T, wording, std::string, long_text(text_limits::paragraph, required | searchable), {})      \
    F(T, success_criteria, std::string, long_text(text_limits::paragraph, searchable), {})        \
    F(T, exemplar, std::string, long_text(text_limits::long_paragraph, searchable), {})           \
    F(T, practice_task, std::string, long_text(text_limits::paragraph, searchable), {})           \
    F(T, set_on, CalendarDate, date(required), {})                                                \
    F(T, check_back_on, std::optional<CalendarDate>, date(), {})                                  \
    F(T, status, StepStatus, choice_of<StepStatus>(), {})

#define TANDEM_STEP_STATUS_CHANGE_FIELDS(F, T)                                                \
    F(T, step, RecordId, reference(Kind::action_step, required | immutable), {})              \
    F(T, status, StepStatus, choice_of<StepStatus>(immutable), {})                            \
    F(T, changed_on, CalendarDate, date(required | immutable), {})                            \
    F(T, comment, std::string, text(text_limits::short_text, searchable | immutable), {})

#define TANDEM_PRACTICE_FIELDS(F, T)                                                          \
    F(T, pairing, RecordId, reference(Kind::pairing, required | immutable), {})               \
    F(T, step, std::optional<RecordId>, reference(Kind::action_step), {})                     \
    F(T, meeting, std::optional<RecordId>, reference(Kind::meeting), {})                      \
    F(T, practised_on, CalendarDate, date(required), {})                                      \
    F(T, script, std::string, long_text(text_limits::structured, searchable), {})

#define TANDEM_PRACTICE_ROUND_FIELDS(F, T)                                                    \
    F(T, practice, RecordId, reference(Kind::practice, required | immutable), {})             \
    F(T, round_number, std::int64_t, integer(1, 99), 1)                                       \
    F(T, feedback, std::string, long_text(text_limits::long_paragraph, searchable), {})

#define TANDEM_REFLECTION_FIELDS(F, T)                                                        \
    F(T, pairing, std::optional<RecordId>, reference(Kind::pairing, immutable), {})           \
    F(T, meeting, std::optional<RecordId>, reference(Kind::meeting), {})                      \
    F(T, written_on, CalendarDate, date(required), {})                                        \
    F(T, prompt, std::string, text(text_limits::short_text, searchable), {})                  \
    F(T, body, std::string, long_text(text_limits::note, required | searchable), {})

#define TANDEM_EVIDENCE_FIELDS(F, T)                                                              \
    F(T, pairing, RecordId, reference(Kind::pairing, required | immutable), {})                   \
    F(T, cycle, std::optional<RecordId>, reference(Kind::cycle), {})                              \
    F(T, step, std::optional<RecordId>, reference(Kind::action_step), {})                         \
    F(T, collected_on, CalendarDate, date(required), {})                                          \
    F(T, evidence_kind, EvidenceKind, choice_of<EvidenceKind>(), {})                              \
    F(T, description, std::string, long_text(text_limits::long_paragraph, required | searchable), {}) \
    F(T, tally_value, std::int64_t, integer(0, 100'000), {})                                      \
    F(T, tally_out_of, std::int64_t, integer(0, 100'000), {})

#define TANDEM_TIME_LOG_FIELDS(F, T)                                                          \
    F(T, pairing, std::optional<RecordId>, reference(Kind::pairing, immutable), {})           \
    F(T, logged_on, CalendarDate, date(required), {})                                         \
    F(T, minutes, std::int64_t, integer(1, 24 * 60), 30)                                      \
    F(T, category, TimeCategory, choice_of<TimeCategory>(), {})                               \
    F(T, comment, std::string, text(text_limits::short_text, searchable), {})

#define TANDEM_TRAINING_RECORD_FIELDS(F, T)                                                   \
    F(T, person, RecordId, reference(Kind::person, required | immutable), {})                 \
    F(T, training_kind, TrainingKind, choice_of<TrainingKind>(), {})                          \
    F(T, completed_on, CalendarDate, date(required), {})                                      \
    F(T, minutes, std::int64_t, integer(0, 100'000), {})                                      \
    F(T, title, std::string, text(text_limits::title, required | searchable), {})             \
    F(T, notes, std::string, long_text(text_limits::long_paragraph, searchable), {})

#define TANDEM_PAIRING_CHECKIN_FIELDS(F, T)                                                   \
    F(T, pairing, RecordId, reference(Kind::pairing, required | immutable), {})               \
    F(T, answered_on, CalendarDate, date(required), {})                                       \
    F(T, answer, CheckInAnswer, choice_of<CheckInAnswer>(), {})                               \
    F(T, comment, std::string, long_text(text_limits::long_paragraph, searchable), {})

// Every kind: K(Type, kind, FIELDS).
#define TANDEM_RECORD_TYPES(K)                                          \
    K(Person, person, TANDEM_PERSON_FIELDS)                             \
    K(Priority, priority, TANDEM_PRIORITY_FIELDS)                       \
    K(LibraryEntry, library_entry, TANDEM_LIBRARY_ENTRY_FIELDS)         \
    K(Pairing, pairing, TANDEM_PAIRING_FIELDS)                          \
    K(Cycle, cycle, TANDEM_CYCLE_FIELDS)                                \
    K(Goal, goal, TANDEM_GOAL_FIELDS)                                   \
    K(Meeting, meeting, TANDEM_MEETING_FIELDS)                          \
    K(Note, note, TANDEM_NOTE_FIELDS)                                   \
    K(Observation, observation, TANDEM_OBSERVATION_FIELDS)              \
    K(ObservationNote, observation_note, TANDEM_OBSERVATION_NOTE_FIELDS) \
    K(Tally, tally, TANDEM_TALLY_FIELDS)                                \
    K(ActionStep, action_step, TANDEM_ACTION_STEP_FIELDS)               \
    K(StepStatusChange, step_status_change, TANDEM_STEP_STATUS_CHANGE_FIELDS) \
    K(Practice, practice, TANDEM_PRACTICE_FIELDS)                       \
    K(PracticeRound, practice_round, TANDEM_PRACTICE_ROUND_FIELDS)      \
    K(Reflection, reflection, TANDEM_REFLECTION_FIELDS)                 \
    K(Evidence, evidence, TANDEM_EVIDENCE_FIELDS)                       \
    K(TimeLog, time_log, TANDEM_TIME_LOG_FIELDS)                        \
    K(TrainingRecord, training_record, TANDEM_TRAINING_RECORD_FIELDS)   \
    K(PairingCheckIn, pairing_checkin, TANDEM_PAIRING_CHECKIN_FIELDS)

// [SECTION] The structs

#define TANDEM_FIELD_MEMBER(T, name, type, shape, init) type name = init;
#define TANDEM_FIELD_NUMBER(T, name, type, shape, init) name,
#define TANDEM_FIELD_VISIT(T, name, type, shape, init) visitor(fields::name, self.name);

// The field numbers of each kind, e.g. MeetingFields::held_on, declared
// apart from the structs so that they do not shadow the members.
#define TANDEM_FIELD_NUMBERS(T, kind_value, FIELDS) \
    struct T##Fields {                              \
        enum : FieldIndex { tombstone_ = 0, FIELDS(TANDEM_FIELD_NUMBER, T) end_ }; \
    };
TANDEM_RECORD_TYPES(TANDEM_FIELD_NUMBERS)
#undef TANDEM_FIELD_NUMBERS

// The body of a record struct: kind, meta, the fields as members, their
// numbers (T::fields::name), and visit(self, visitor), which calls
// visitor(FieldIndex, member&) for every field in order.
#define TANDEM_RECORD_BODY(T, kind_value, FIELDS)                              \
    static constexpr Kind kind = Kind::kind_value;                             \
    using fields = T##Fields;                                                  \
    RecordMeta meta;                                                           \
    FIELDS(TANDEM_FIELD_MEMBER, T)                                             \
    template <class Self, class Visitor>                                       \
    static void visit(Self& self, Visitor&& visitor) {                         \
        FIELDS(TANDEM_FIELD_VISIT, T)                                          \
    }

// A member of the school's staff: anyone can coach and be coached.
struct Person { TANDEM_RECORD_BODY(Person, person, TANDEM_PERSON_FIELDS) };
// A whole-school or team priority that cycles and steps can link to.
struct Priority { TANDEM_RECORD_BODY(Priority, priority, TANDEM_PRIORITY_FIELDS) };
// An action step in the library: a starter entry or one a user wrote.
struct LibraryEntry { TANDEM_RECORD_BODY(LibraryEntry, library_entry, TANDEM_LIBRARY_ENTRY_FIELDS) };
// A coach and a coachee working together, with their agreement and time allowance.
struct Pairing { TANDEM_RECORD_BODY(Pairing, pairing, TANDEM_PAIRING_FIELDS) };
// One coaching cycle of a pairing: its model, phase, focus and outcome.
struct Cycle { TANDEM_RECORD_BODY(Cycle, cycle, TANDEM_CYCLE_FIELDS) };
// A cycle's goal with its PEERS checklist, measure, baseline and target.
struct Goal { TANDEM_RECORD_BODY(Goal, goal, TANDEM_GOAL_FIELDS) };
// A coaching conversation, with the structured fields of every model.
struct Meeting { TANDEM_RECORD_BODY(Meeting, meeting, TANDEM_MEETING_FIELDS) };
// Free notes of a pairing; a private note is its author's alone.
struct Note { TANDEM_RECORD_BODY(Note, note, TANDEM_NOTE_FIELDS) };
// A lesson visit: its focus and praise. Never a grade.
struct Observation { TANDEM_RECORD_BODY(Observation, observation, TANDEM_OBSERVATION_FIELDS) };
// One timestamped low-inference note taken during an observation.
struct ObservationNote { TANDEM_RECORD_BODY(ObservationNote, observation_note, TANDEM_OBSERVATION_NOTE_FIELDS) };
// A tap counter kept during an observation ("cold calls: 7").
struct Tally { TANDEM_RECORD_BODY(Tally, tally, TANDEM_TALLY_FIELDS) };
// One small, concrete next step, with its current status.
struct ActionStep { TANDEM_RECORD_BODY(ActionStep, action_step, TANDEM_ACTION_STEP_FIELDS) };
// One entry of a step's status history; written once, never edited.
struct StepStatusChange { TANDEM_RECORD_BODY(StepStatusChange, step_status_change, TANDEM_STEP_STATUS_CHANGE_FIELDS) };
// A rehearsal of a step: its script, with rounds.
struct Practice { TANDEM_RECORD_BODY(Practice, practice, TANDEM_PRACTICE_FIELDS) };
// One round of a rehearsal and the feedback on it.
struct PracticeRound { TANDEM_RECORD_BODY(PracticeRound, practice_round, TANDEM_PRACTICE_ROUND_FIELDS) };
// A reflection written by either partner, shared or private.
struct Reflection { TANDEM_RECORD_BODY(Reflection, reflection, TANDEM_REFLECTION_FIELDS) };
// Anonymised evidence of impact: student-work checks, tallies. No student names.
struct Evidence { TANDEM_RECORD_BODY(Evidence, evidence, TANDEM_EVIDENCE_FIELDS) };
// Time spent on coaching, counted against the pairing's allowance.
struct TimeLog { TANDEM_RECORD_BODY(TimeLog, time_log, TANDEM_TIME_LOG_FIELDS) };
// A coach's training: initial, refreshers, trios, modelling.
struct TrainingRecord { TANDEM_RECORD_BODY(TrainingRecord, training_record, TANDEM_TRAINING_RECORD_FIELDS) };
// "Is this partnership working for you?", answered privately.
struct PairingCheckIn { TANDEM_RECORD_BODY(PairingCheckIn, pairing_checkin, TANDEM_PAIRING_CHECKIN_FIELDS) };

#undef TANDEM_RECORD_BODY
#undef TANDEM_FIELD_MEMBER
#undef TANDEM_FIELD_NUMBER
#undef TANDEM_FIELD_VISIT

// Calls f(type_tag<T>) for every record type, parents first.
template <class T>
struct TypeTag {
    using type = T;
};
template <class F>
void for_each_record_type(F&& f) {
#define TANDEM_VISIT_TYPE(Type, kind_value, FIELDS) f(TypeTag<Type>{});
    TANDEM_RECORD_TYPES(TANDEM_VISIT_TYPE)
#undef TANDEM_VISIT_TYPE
}

}  // namespace tandem
