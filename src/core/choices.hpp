#pragma once
// The fixed choices of the coaching record. Their numbers are stored and
// exchanged: append new values, never renumber. ChoiceRange<E> gives each
// enumeration's valid numbers, which the spec tables use.

#include <cstdint>

#include "core/starter_library.hpp"

namespace tandem {

template <class E>
struct ChoiceRange;

#define TANDEM_CHOICE_RANGE(E, first, last)                  \
    template <>                                              \
    struct ChoiceRange<E> {                                  \
        static constexpr std::int64_t min = static_cast<std::int64_t>(E::first); \
        static constexpr std::int64_t max = static_cast<std::int64_t>(E::last);  \
    }

// Bits of Person::roles; anyone may hold any mix, whatever their seniority.
namespace person_roles {
inline constexpr std::int64_t coach = 1;
inline constexpr std::int64_t coachee = 2;
inline constexpr std::int64_t leader = 4;
inline constexpr std::int64_t all = coach | coachee | leader;
}  // namespace person_roles

enum class Phase : std::uint8_t { not_set, early_years, primary, secondary, post_16, special_school, all_through };
TANDEM_CHOICE_RANGE(Phase, not_set, all_through);

// Where a teacher is in their career; it tunes prompts, never judges.
enum class CareerStage : std::uint8_t { not_set, trainee, early_career, establishing, experienced };
TANDEM_CHOICE_RANGE(CareerStage, not_set, experienced);

enum class PriorityLevel : std::uint8_t { whole_school, team };
TANDEM_CHOICE_RANGE(PriorityLevel, whole_school, team);

// How often a pair means to meet; flexible has no expected gap.
enum class Cadence : std::uint8_t { weekly, fortnightly, three_weekly, flexible };
TANDEM_CHOICE_RANGE(Cadence, weekly, flexible);

// The conversation model a pairing, cycle or meeting follows.
enum class CoachingModel : std::uint8_t { open_conversation, grow, basic, impact_cycle, action_step };
TANDEM_CHOICE_RANGE(CoachingModel, open_conversation, action_step);

enum class PairingStatus : std::uint8_t { active, paused, ended };
TANDEM_CHOICE_RANGE(PairingStatus, active, ended);

enum class CyclePhase : std::uint8_t { identify, learn, improve, complete };
TANDEM_CHOICE_RANGE(CyclePhase, identify, complete);

// What a goal is about: achievement, or one side of engagement.
enum class GoalType : std::uint8_t { achievement, behavioural_engagement, cognitive_engagement, emotional_engagement };
TANDEM_CHOICE_RANGE(GoalType, achievement, emotional_engagement);

enum class MeetingStatus : std::uint8_t { planned, held, cancelled };
TANDEM_CHOICE_RANGE(MeetingStatus, planned, cancelled);

enum class MeetingKind : std::uint8_t { planning, debrief, modelling, feedback };
TANDEM_CHOICE_RANGE(MeetingKind, planning, feedback);

// Jim Knight's coaching stances.
enum class Stance : std::uint8_t { not_set, facilitative, dialogical, directive };
TANDEM_CHOICE_RANGE(Stance, not_set, directive);

enum class StepStatus : std::uint8_t { planned, practising, embedded, dropped };
TANDEM_CHOICE_RANGE(StepStatus, planned, dropped);

enum class EvidenceKind : std::uint8_t { student_work_check, tally_before, tally_after, other };
TANDEM_CHOICE_RANGE(EvidenceKind, student_work_check, other);

enum class TimeCategory : std::uint8_t { meeting, observation, preparation, modelling, training, other };
TANDEM_CHOICE_RANGE(TimeCategory, meeting, other);

enum class TrainingKind : std::uint8_t { initial_training, refresher, trio, modelling, other };
TANDEM_CHOICE_RANGE(TrainingKind, initial_training, other);

// The private answer to "Is this partnership working for you?".
enum class CheckInAnswer : std::uint8_t { yes, mostly, not_really };
TANDEM_CHOICE_RANGE(CheckInAnswer, yes, not_really);

TANDEM_CHOICE_RANGE(LibraryArea, routines_and_behaviour, adaptive_teaching);

#undef TANDEM_CHOICE_RANGE

// Days a cadence allows between meetings; 0 for flexible.
int cadence_days(Cadence cadence);

}  // namespace tandem
