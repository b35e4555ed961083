#include "core/calendar_date.hpp"

#include <cstdio>

namespace tandem {

namespace {

// Howard Hinnant's days_from_civil and civil_from_days algorithms.
std::int32_t days_from_civil(int y, unsigned m, unsigned d) {
    y -= m <= 2;
    const int era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return static_cast<std::int32_t>(era * 146097 + static_cast<int>(doe) - 719468);
}

struct Civil {
    int year;
    unsigned month, day;
};

Civil civil_from_days(std::int32_t z) {
    z += 719468;
    const int era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    return Civil{static_cast<int>(yoe) + era * 400 + (m <= 2), m, d};
}

}  // namespace

unsigned CalendarDate::days_in_month(int year, unsigned month) {
    static constexpr unsigned lengths[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : lengths[month - 1];
}

CalendarDate CalendarDate::from_ymd(int year, unsigned month, unsigned day) {
    return CalendarDate{days_from_civil(year, month, day)};
}

std::optional<CalendarDate> CalendarDate::parse(std::string_view iso) {
    if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-') return std::nullopt;
    const auto number = [&](std::size_t from, std::size_t count) -> int {
        int value = 0;
        for (std::size_t i = from; i < from + count; ++i) {
            if (iso[i] < '0' || iso[i] > '9') return -1;
            value = value * 10 + (iso[i] - '0');
        }
        return value;
    };
    const int year = number(0, 4), month = number(5, 2), day = number(8, 2);
    if (year < 0 || month < 1 || month > 12 || day < 1) return std::nullopt;
    if (static_cast<unsigned>(day) > days_in_month(year, static_cast<unsigned>(month))) return std::nullopt;
    return from_ymd(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
}

CalendarDate CalendarDate::from_unix_ms(std::int64_t ms) {
    constexpr std::int64_t ms_per_day = 86'400'000;
    const std::int64_t day = ms >= 0 ? ms / ms_per_day : (ms - ms_per_day + 1) / ms_per_day;
    return CalendarDate{static_cast<std::int32_t>(day)};
}

std::string CalendarDate::iso() const {
    const Civil civil = civil_from_days(days);
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02u-%02u", civil.year, civil.month, civil.day);
    return text;
}

int CalendarDate::year() const { return civil_from_days(days).year; }

unsigned CalendarDate::month() const { return civil_from_days(days).month; }

unsigned CalendarDate::day() const { return civil_from_days(days).day; }

unsigned CalendarDate::weekday() const {
    // 1970-01-01 was a Thursday (3).
    const std::int32_t shifted = (days + 3) % 7;
    return static_cast<unsigned>(shifted < 0 ? shifted + 7 : shifted);
}

DatePeriod yearly_period_containing(CalendarDate anchor, CalendarDate day) {
    const Civil start = civil_from_days(anchor.days);
    const auto anniversary = [&](int year) {
        const unsigned last_day = CalendarDate::days_in_month(year, start.month);
        return CalendarDate::from_ymd(year, start.month, start.day > last_day ? last_day : start.day);
    };
    int year = day < anchor ? start.year : civil_from_days(day.days).year;
    if (anniversary(year) > day && year > start.year) --year;
    return DatePeriod{anniversary(year), anniversary(year + 1).plus_days(-1)};
}

CalendarDate earliest_accepted_date() { return CalendarDate::from_ymd(2000, 1, 1); }

CalendarDate latest_accepted_date() { return CalendarDate::from_ymd(2100, 12, 31); }

}  // namespace tandem
