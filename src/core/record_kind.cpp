#include "core/record_kind.hpp"

namespace tandem {

namespace {
constexpr Kind kinds[] = {
    Kind::person,      Kind::priority,     Kind::library_entry,      Kind::pairing,  Kind::cycle,
    Kind::goal,        Kind::meeting,      Kind::note,               Kind::observation, Kind::observation_note,
    Kind::tally,       Kind::action_step,  Kind::step_status_change, Kind::practice, Kind::practice_round,
    Kind::reflection,  Kind::evidence,     Kind::time_log,           Kind::training_record, Kind::pairing_checkin,
};
}  // namespace

std::span<const Kind> all_kinds() { return kinds; }

std::optional<Kind> kind_from_number(std::int64_t number) {
    if (number < 1 || number > static_cast<std::int64_t>(std::size(kinds))) return std::nullopt;
    return static_cast<Kind>(number);
}

std::string_view kind_name(Kind kind) {
    switch (kind) {
    case Kind::person: return "person";
    case Kind::priority: return "priority";
    case Kind::library_entry: return "library_entry";
    case Kind::pairing: return "pairing";
    case Kind::cycle: return "cycle";
    case Kind::goal: return "goal";
    case Kind::meeting: return "meeting";
    case Kind::note: return "note";
    case Kind::observation: return "observation";
    case Kind::observation_note: return "observation_note";
    case Kind::tally: return "tally";
    case Kind::action_step: return "action_step";
    case Kind::step_status_change: return "step_status_change";
    case Kind::practice: return "practice";
    case Kind::practice_round: return "practice_round";
    case Kind::reflection: return "reflection";
    case Kind::evidence: return "evidence";
    case Kind::time_log: return "time_log";
    case Kind::training_record: return "training_record";
    case Kind::pairing_checkin: return "pairing_checkin";
    }
    return "";
}

}  // namespace tandem
