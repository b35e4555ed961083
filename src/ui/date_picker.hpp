#pragma once
// The calendar beside a date field: a button that opens a month of days
// under it. Picking a day returns it; Escape, or a click outside, closes
// it without choosing.

#include <optional>

#include "core/calendar_date.hpp"

namespace tandem::ui {

// Draws the calendar button of the date field labelled `field_label` (on
// the same line as the field, the caller's job). `selected` is the day
// stored, if any; the month shown first is its month, or today's. Weeks
// start on `first_weekday` (0 Monday to 6 Sunday).
// Returns the day picked on the frame it is picked. The button's role is
// "button", labelled "Calendar for <field_label>"; the days are buttons
// labelled "Mon 21 Dec 2026".
std::optional<CalendarDate> calendar_button(const char* field_label, std::optional<CalendarDate> selected,
                                            CalendarDate today, unsigned first_weekday);

}  // namespace tandem::ui
