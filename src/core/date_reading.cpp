#include "core/date_reading.hpp"

#include <array>
#include <cstdlib>
#include <vector>

namespace tandem {

namespace {

constexpr std::array<std::string_view, 7> weekdays{"monday", "tuesday", "wednesday", "thursday",
                                                   "friday", "saturday", "sunday"};
constexpr std::array<std::string_view, 7> weekday_names{"Monday", "Tuesday", "Wednesday", "Thursday",
                                                        "Friday", "Saturday", "Sunday"};
constexpr std::array<std::string_view, 12> months{"january", "february", "march",     "april",   "may",      "june",
                                                  "july",    "august",   "september", "october", "november", "december"};
constexpr std::array<std::string_view, 12> month_names{"January", "February", "March",     "April",   "May",      "June",
                                                       "July",    "August",   "September", "October", "November", "December"};

// A word or a run of figures of what was typed, lower case.
struct Token {
    std::string text;
    bool figures = false;
    int value = 0;  // figures: their value (at most 9 of them are read)
};

// Splits at spaces, commas, slashes, dots and dashes, and between figures
// and letters; "21st" is the figures 21 (an ordinal's ending is dropped).
std::vector<Token> tokens_of(std::string_view typed) {
    std::vector<Token> tokens;
    const auto kind = [](char c) {
        if (c >= '0' && c <= '9') return 1;
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return 2;
        return 0;
    };
    for (std::size_t at = 0; at < typed.size();) {
        const int k = kind(typed[at]);
        if (k == 0) {
            ++at;
            continue;
        }
        Token token;
        token.figures = k == 1;
        while (at < typed.size() && kind(typed[at]) == k) {
            const char c = typed[at++];
            token.text += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
        }
        if (token.figures) {
            token.value = std::atoi(token.text.substr(0, 9).c_str());
        } else if (!tokens.empty() && tokens.back().figures &&
                   (token.text == "st" || token.text == "nd" || token.text == "rd" || token.text == "th")) {
            continue;
        }
        tokens.push_back(std::move(token));
    }
    return tokens;
}

// The index of the name `word` starts (at least three letters of it), or -1.
template <std::size_t N>
int name_index(const std::array<std::string_view, N>& names, std::string_view word) {
    if (word.size() < 3) return -1;
    for (std::size_t i = 0; i < N; ++i)
        if (names[i].substr(0, word.size()) == word) return static_cast<int>(i);
    return -1;
}

bool accepted(CalendarDate date) { return date >= earliest_accepted_date() && date <= latest_accepted_date(); }

using Reading = Result<std::optional<CalendarDate>, DateRefusal>;

Reading refuse(DateProblem problem) { return fail(DateRefusal{problem}); }

// The first day of weekday `weekday` after (direction +1) or before (-1) `from`.
CalendarDate weekday_from(CalendarDate from, unsigned weekday, int direction) {
    CalendarDate day = from.plus_days(direction);
    while (day.weekday() != weekday) day = day.plus_days(direction);
    return day;
}

// Phrases of words alone: today, tomorrow, yesterday, next week, in N days
// or weeks, and a weekday (with next, this or last). nullopt when the
// tokens are none of these.
std::optional<CalendarDate> phrase(const std::vector<Token>& tokens, CalendarDate today) {
    const auto word = [&](std::size_t i) {
        return i < tokens.size() ? std::string_view(tokens[i].text) : std::string_view();
    };
    if (tokens.size() == 1) {
        if (word(0) == "today") return today;
        if (word(0) == "tomorrow") return today.plus_days(1);
        if (word(0) == "yesterday") return today.plus_days(-1);
    }
    if (tokens.size() == 2 && word(0) == "next" && word(1) == "week") return today.plus_days(7);
    if (tokens.size() == 3 && word(0) == "in" && (tokens[1].figures || word(1) == "a")) {
        const int count = tokens[1].figures ? tokens[1].value : 1;
        if (count <= 0 || count > 3660) return std::nullopt;
        if (word(2) == "day" || word(2) == "days") return today.plus_days(count);
        if (word(2) == "week" || word(2) == "weeks") return today.plus_days(count * 7);
        return std::nullopt;
    }
    const bool prefixed = tokens.size() == 2 && (word(0) == "next" || word(0) == "this" || word(0) == "last");
    if (tokens.size() != 1 && !prefixed) return std::nullopt;
    const int weekday = name_index(weekdays, word(prefixed ? 1 : 0));
    if (weekday < 0) return std::nullopt;
    const auto wanted = static_cast<unsigned>(weekday);
    if (word(0) == "last") return weekday_from(today, wanted, -1);
    if (word(0) == "this" && today.weekday() == wanted) return today;
    return weekday_from(today, wanted, +1);
}

// The day `month`/`day` in the year `lean` picks around `today`: nearest
// (the later on a tie), the latest on or before today, or the earliest on or
// after it; nullopt when the day exists in none of the years considered.
std::optional<CalendarDate> in_year(unsigned month, unsigned day, CalendarDate today, DateLean lean) {
    std::optional<CalendarDate> best;
    for (int year = today.year() - 4; year <= today.year() + 4; ++year) {
        if (day > CalendarDate::days_in_month(year, month)) continue;
        const CalendarDate candidate = CalendarDate::from_ymd(year, month, day);
        switch (lean) {
            case DateLean::nearest:
                if (std::abs(candidate.days - today.days) > 366) continue;
                if (!best || std::abs(candidate.days - today.days) <= std::abs(best->days - today.days)) best = candidate;
                break;
            case DateLean::past:
                if (candidate <= today) best = candidate;  // years rise: the last one kept is the latest
                break;
            case DateLean::future:
                if (candidate >= today && !best) best = candidate;
                break;
        }
    }
    return best;
}

}  // namespace

std::string_view weekday_name(unsigned weekday) { return weekday_names[weekday % 7]; }
std::string_view weekday_short_name(unsigned weekday) { return weekday_names[weekday % 7].substr(0, 3); }
std::string_view month_name(unsigned month) { return month_names[(month + 11) % 12]; }
std::string_view month_short_name(unsigned month) { return month_names[(month + 11) % 12].substr(0, 3); }

Reading DateReader::read(std::string_view typed, DateLean lean) const {
    const std::vector<Token> tokens = tokens_of(typed);
    if (tokens.empty()) {
        if (typed.find_first_not_of(" \t\n,./-") == std::string_view::npos) return std::optional<CalendarDate>{};
        return refuse(DateProblem::not_a_date);
    }
    // "in -3 days": a sign is not a separator there.
    if (tokens.front().text == "in" && typed.find('-') != std::string_view::npos) return refuse(DateProblem::not_a_date);
    if (const std::optional<CalendarDate> said = phrase(tokens, today_)) {
        if (!accepted(*said)) return refuse(DateProblem::out_of_range);
        return std::optional<CalendarDate>{*said};
    }

    // Figures, a month's name, perhaps a weekday and "of".
    std::optional<unsigned> weekday, named_month;
    std::vector<const Token*> figures;
    for (const Token& token : tokens) {
        if (token.figures) {
            figures.push_back(&token);
        } else if (const int month = name_index(months, token.text); month >= 0 && !named_month) {
            named_month = static_cast<unsigned>(month + 1);
        } else if (const int day = name_index(weekdays, token.text); day >= 0 && !weekday) {
            weekday = static_cast<unsigned>(day);
        } else if (token.text != "of") {
            return refuse(DateProblem::not_a_date);
        }
    }
    const auto digits = [](const Token* token) { return token->text.size(); };
    std::optional<int> year;
    int month = 0, day = 0;
    if (named_month) {
        month = static_cast<int>(*named_month);
        if (figures.size() == 1 && digits(figures[0]) <= 2) {
            day = figures[0]->value;
        } else if (figures.size() == 2 && digits(figures[0]) <= 2 && digits(figures[1]) == 4) {
            day = figures[0]->value;
            year = figures[1]->value;
        } else {
            return refuse(DateProblem::not_a_date);
        }
    } else if (figures.size() == 3 && digits(figures[0]) == 4) {
        year = figures[0]->value;
        month = figures[1]->value;
        day = figures[2]->value;
    } else if ((figures.size() == 2 || figures.size() == 3) && digits(figures[0]) <= 2 && digits(figures[1]) <= 2) {
        const bool day_first = order_ == DayOrder::day_month;
        day = figures[day_first ? 0 : 1]->value;
        month = figures[day_first ? 1 : 0]->value;
        if (figures.size() == 3) {
            if (digits(figures[2]) == 2) year = 2000 + figures[2]->value;
            else if (digits(figures[2]) == 4) year = figures[2]->value;
            else return refuse(DateProblem::not_a_date);
        }
    } else {
        return refuse(DateProblem::not_a_date);
    }
    if (month < 1 || month > 12) return refuse(DateProblem::no_such_month);
    const auto m = static_cast<unsigned>(month);
    const int year_shown = year.value_or(today_.year());
    // Without a year, 29 February is a day when a leap year is the one taken.
    const unsigned longest = year ? CalendarDate::days_in_month(*year, m) : (m == 2 ? 29 : CalendarDate::days_in_month(2001, m));
    if (day < 1 || static_cast<unsigned>(day) > longest) return fail(DateRefusal{DateProblem::no_such_day, year_shown, m});
    const std::optional<CalendarDate> date =
        year ? CalendarDate::from_ymd(*year, m, static_cast<unsigned>(day)) : in_year(m, static_cast<unsigned>(day), today_, lean);
    if (!date) return fail(DateRefusal{DateProblem::no_such_day, year_shown, m});
    if (weekday && date->weekday() != *weekday) return fail(DateRefusal{DateProblem::wrong_weekday, date->year(), date->month(), date->day(), date->weekday()});
    if (!accepted(*date)) return refuse(DateProblem::out_of_range);
    return std::optional<CalendarDate>{*date};
}

std::string DateReader::distance(CalendarDate date) const {
    const std::int32_t days = date.days - today_.days;
    if (days == 0) return "today";
    if (days == 1) return "tomorrow";
    if (days == -1) return "yesterday";
    const std::int32_t apart = days < 0 ? -days : days;
    std::int32_t count = apart;
    const char* unit = "days";
    if (apart >= 60) {
        count = (apart + 15) / 30;
        unit = "months";
    } else if (apart >= 14) {
        count = (apart + 3) / 7;
        unit = "weeks";
    }
    const std::string amount = std::to_string(count) + " " + unit;
    return days > 0 ? "in " + amount : amount + " ago";
}

std::string DateReader::words(CalendarDate date, DateLean lean) const {
    std::string text(weekday_short_name(date.weekday()));
    text += ' ';
    text += std::to_string(date.day());
    text += ' ';
    text += month_short_name(date.month());
    if (in_year(date.month(), date.day(), today_, lean) != date) text += ' ' + std::to_string(date.year());
    return text;
}

}  // namespace tandem
