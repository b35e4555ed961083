#pragma once
// CalendarDate: a day in the proleptic Gregorian calendar, with no time zone,
// as teachers write dates ("meeting on 2026-11-24"). Stored as ISO 8601 text.

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace tandem {

struct CalendarDate {
    std::int32_t days = 0;  // days since 1970-01-01

    static CalendarDate from_ymd(int year, unsigned month, unsigned day);
    // Parses exactly "YYYY-MM-DD" naming a real day; nullopt otherwise.
    static std::optional<CalendarDate> parse(std::string_view iso);
    // The UTC day containing a Unix time in milliseconds.
    static CalendarDate from_unix_ms(std::int64_t ms);

    // "YYYY-MM-DD".
    std::string iso() const;
    int year() const;
    unsigned month() const;
    unsigned day() const;
    // 0 for Monday to 6 for Sunday.
    unsigned weekday() const;
    // The days of `month` (1..12) in `year`.
    static unsigned days_in_month(int year, unsigned month);
    CalendarDate plus_days(std::int32_t count) const { return CalendarDate{days + count}; }

    auto operator<=>(const CalendarDate&) const = default;
};

// The yearly period, starting on an anniversary of `anchor`, that contains
// `day` (or the first period, when `day` is before `anchor`). A 29 February
// anchor falls on 28 February in other years. Returns {first day, last day}.
struct DatePeriod {
    CalendarDate first;
    CalendarDate last;
};
DatePeriod yearly_period_containing(CalendarDate anchor, CalendarDate day);

// The dates Tandem accepts: 2000-01-01 to 2100-12-31. Anything else is a typo.
CalendarDate earliest_accepted_date();
CalendarDate latest_accepted_date();

}  // namespace tandem
