#pragma once
// When a pair meets next, as a new meeting proposes it: the pairing's usual
// rhythm on from the day the meeting was held; none for a flexible rhythm,
// where the pair agree each time.

#include <optional>

#include "core/calendar_date.hpp"
#include "core/choices.hpp"

namespace tandem {

inline std::optional<CalendarDate> proposed_next_meeting(CalendarDate held_on, Cadence cadence) {
    switch (cadence) {
        case Cadence::weekly: return held_on.plus_days(7);
        case Cadence::fortnightly: return held_on.plus_days(14);
        case Cadence::three_weekly: return held_on.plus_days(21);
        case Cadence::flexible: break;
    }
    return std::nullopt;
}

}  // namespace tandem
