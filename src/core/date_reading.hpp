#pragma once
// DateReader: dates as teachers type them ("21/12/2026", "21 Dec",
// "2026-12-21", "today", "next Tuesday") read into CalendarDates, and
// dates written as they read them ("Mon 21 Dec"). English words; the order
// of day and month in figures follows the user's locale.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/calendar_date.hpp"
#include "core/result.hpp"

namespace tandem {

// How the locale orders day and month when both are figures: 21/12 or 12/21.
enum class DayOrder : std::uint8_t { day_month, month_day };

// Which year a date typed without one falls in: the one nearest today, the
// latest on or before today (when something happened), or the earliest on
// or after today (when something will happen).
enum class DateLean : std::uint8_t { nearest, past, future };

// Why typed text is not a date Tandem keeps.
enum class DateProblem : std::uint8_t {
    not_a_date,     // no reading of it names a day
    no_such_month,  // figures in the month's place over 12
    no_such_day,    // a month without that day: `year` and `month` say which
    wrong_weekday,  // a weekday the day is not: `year`, `month`, `day` and its `weekday` (0 Monday)
    out_of_range,   // a real day outside the accepted dates (calendar_date.hpp)
};

struct DateRefusal {
    DateProblem problem = DateProblem::not_a_date;
    int year = 0;
    unsigned month = 0;  // 1..12
    unsigned day = 0;
    unsigned weekday = 0;
};

class DateReader {
public:
    // `first_weekday`: the day a week starts on in the user's calendars (0
    // Monday, 6 Sunday).
    DateReader(CalendarDate today, DayOrder order, unsigned first_weekday = 0)
        : today_(today), order_(order), first_weekday_(first_weekday % 7) {}

    // The day `typed` names, nullopt when it is blank (no date), or why it
    // names none. Case, extra spaces and commas do not matter. A date
    // without a year takes the year `lean` says.
    Result<std::optional<CalendarDate>, DateRefusal> read(std::string_view typed,
                                                          DateLean lean = DateLean::nearest) const;

    // "Mon 21 Dec", with the year where read() with the same `lean` would
    // take another: "Mon 21 Dec 2027". read() reads it back.
    std::string words(CalendarDate date, DateLean lean = DateLean::nearest) const;

    // How far `date` is from today, as people say it: "today", "tomorrow",
    // "in 5 days", "in 2 weeks", "in 3 months", "yesterday", "2 weeks ago".
    std::string distance(CalendarDate date) const;

    CalendarDate today() const { return today_; }
    DayOrder order() const { return order_; }
    unsigned first_weekday() const { return first_weekday_; }

private:
    CalendarDate today_;
    DayOrder order_;
    unsigned first_weekday_;
};

// English names, for words and calendars: "Monday" (0) to "Sunday" (6),
// "January" (1) to "December" (12), and their first three letters.
std::string_view weekday_name(unsigned weekday);
std::string_view weekday_short_name(unsigned weekday);
std::string_view month_name(unsigned month);
std::string_view month_short_name(unsigned month);

}  // namespace tandem
