#pragma once
// When the private check-in on a pairing ("Is this partnership working for
// you?") asks again: after every three meetings held since the user last
// answered it. Time is flexible, so meetings count, never weeks.

#include <cstdint>

#include "core/choices.hpp"
#include "core/record_kind.hpp"

namespace tandem {

inline constexpr int check_in_every = 3;

// Whether the check-in is due, from a pairing's events newest first, in
// [newest, end): each has `kind` (a Kind) and `status` (a meeting's
// MeetingStatus as a number). Check-ins are private, so every answer on this
// device is the user's own.
template <class Iterator>
bool check_in_due(Iterator newest, Iterator end) {
    int held_since = 0;
    for (; newest != end; ++newest) {
        if (newest->kind == Kind::pairing_checkin) break;
        if (newest->kind == Kind::meeting && newest->status == static_cast<std::int64_t>(MeetingStatus::held))
            ++held_since;
        if (held_since >= check_in_every) return true;
    }
    return false;
}

}  // namespace tandem
