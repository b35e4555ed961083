#pragma once
// Kind: which object a record is. The numbers are stored and exchanged, so
// they never change; the order (parents before children) is the order in
// which records are written when several arrive at once.

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

namespace tandem {

enum class Kind : std::uint8_t {
    person = 1,
    priority = 2,
    library_entry = 3,
    pairing = 4,
    cycle = 5,
    goal = 6,
    meeting = 7,
    note = 8,
    observation = 9,
    observation_note = 10,
    tally = 11,
    action_step = 12,
    step_status_change = 13,
    practice = 14,
    practice_round = 15,
    reflection = 16,
    evidence = 17,
    time_log = 18,
    training_record = 19,
    pairing_checkin = 20,
};

// Every kind, parents first.
std::span<const Kind> all_kinds();
// The kind with this stored number, or nullopt for a number no kind has.
std::optional<Kind> kind_from_number(std::int64_t number);
// The kind's table name in the store and its name in formats, e.g. "action_step".
std::string_view kind_name(Kind kind);

}  // namespace tandem
