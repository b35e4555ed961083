#include <doctest/doctest.h>

#include "core/date_reading.hpp"

using namespace tandem;

namespace {

const CalendarDate monday = CalendarDate::from_ymd(2026, 12, 7);  // a Monday

// What `typed` reads as on `monday`, as ISO text; "blank" or the problem's name.
std::string read(std::string_view typed, DayOrder order = DayOrder::day_month, CalendarDate today = monday) {
    const auto reading = DateReader(today, order).read(typed);
    if (!reading) {
        switch (reading.error().problem) {
            case DateProblem::not_a_date: return "not a date";
            case DateProblem::no_such_month: return "no such month";
            case DateProblem::no_such_day: return "no such day";
            case DateProblem::wrong_weekday: return "wrong weekday";
            case DateProblem::out_of_range: return "out of range";
        }
    }
    return reading.value() ? reading.value()->iso() : "blank";
}

}  // namespace

TEST_CASE("dates are read as teachers write them") {
    CHECK(monday.weekday() == 0);
    CHECK(CalendarDate::from_ymd(1970, 1, 1).weekday() == 3);
    CHECK(CalendarDate::from_ymd(1969, 12, 31).weekday() == 2);

    CHECK(read("2026-12-21") == "2026-12-21");
    CHECK(read("21/12/2026") == "2026-12-21");
    CHECK(read("21.12.2026") == "2026-12-21");
    CHECK(read("21-12-26") == "2026-12-21");
    CHECK(read("21/12") == "2026-12-21");
    CHECK(read(" 21 Dec ") == "2026-12-21");
    CHECK(read("21 december 2026") == "2026-12-21");
    CHECK(read("December 21, 2026") == "2026-12-21");
    CHECK(read("21st of December") == "2026-12-21");
    CHECK(read("Mon 21 Dec") == "2026-12-21");
    CHECK(read("Monday, 21 Dec 2026") == "2026-12-21");
    CHECK(read("3 Sept") == "2026-09-03");  // nearer last September than next

    // The locale's order when both are figures.
    CHECK(read("12/21/2026", DayOrder::month_day) == "2026-12-21");
    CHECK(read("12/21", DayOrder::month_day) == "2026-12-21");
    CHECK(read("1/2/2027", DayOrder::day_month) == "2027-02-01");
    CHECK(read("1/2/2027", DayOrder::month_day) == "2027-01-02");
    CHECK(read("2026-12-21", DayOrder::month_day) == "2026-12-21");

    // Without a year: the year that puts it nearest today.
    CHECK(read("3 Jan") == "2027-01-03");
    CHECK(read("30 Nov") == "2026-11-30");
    CHECK(read("5 June") == "2027-06-05");
    CHECK(read("10 May") == "2027-05-10");

    // Words.
    CHECK(read("today") == "2026-12-07");
    CHECK(read("Tomorrow") == "2026-12-08");
    CHECK(read("yesterday") == "2026-12-06");
    CHECK(read("next Tuesday") == "2026-12-08");
    CHECK(read("tuesday") == "2026-12-08");
    CHECK(read("next monday") == "2026-12-14");
    CHECK(read("this monday") == "2026-12-07");
    CHECK(read("last friday") == "2026-12-04");
    CHECK(read("next week") == "2026-12-14");
    CHECK(read("in 2 weeks") == "2026-12-21");
    CHECK(read("in 3 days") == "2026-12-10");
    CHECK(read("in a week") == "2026-12-14");

    // Blank is no date.
    CHECK(read("") == "blank");
    CHECK(read("   ") == "blank");
}

TEST_CASE("what is not a date is refused with the reason") {
    CHECK(read("2026-02-30") == "no such day");
    CHECK(read("31/4/2027") == "no such day");
    CHECK(read("29 Feb 2027") == "no such day");
    CHECK(read("29 Feb 2028") == "2028-02-29");
    CHECK(read("21/13/2026") == "no such month");
    CHECK(read("2026-13-01") == "no such month");
    CHECK(read("Tue 21 Dec 2026") == "wrong weekday");
    CHECK(read("21/12/1999") == "out of range");
    CHECK(read("2101-01-01") == "out of range");
    for (const char* typed : {"soon", "21", "December", "2026-12", "21/12/202", "next", "in days", "in 0 days",
                              "21 Dec 26", "12 21 2026 4", "21 21 Dec", "Dec Jan 3", "tu", "??"})
        CHECK_MESSAGE(read(typed) == "not a date", typed);

    const auto refusal = DateReader(monday, DayOrder::day_month).read("30/2/2026");
    REQUIRE_FALSE(refusal);
    CHECK(refusal.error().year == 2026);
    CHECK(refusal.error().month == 2);
    const auto weekday = DateReader(monday, DayOrder::day_month).read("Tue 21 Dec");
    REQUIRE_FALSE(weekday);
    CHECK(weekday.error().weekday == 0);
    CHECK(weekday.error().day == 21);
}

TEST_CASE("dates are written as people read them, and read back") {
    const DateReader reader(monday, DayOrder::day_month);
    CHECK(reader.words(CalendarDate::from_ymd(2026, 12, 21)) == "Mon 21 Dec");
    CHECK(reader.words(CalendarDate::from_ymd(2027, 1, 5)) == "Tue 5 Jan");
    CHECK(reader.words(CalendarDate::from_ymd(2026, 1, 5)) == "Mon 5 Jan 2026");
    CHECK(reader.words(CalendarDate::from_ymd(2027, 12, 6)) == "Mon 6 Dec 2027");
    CHECK(reader.words(monday) == "Mon 7 Dec");
    for (int offset = -400; offset <= 400; offset += 37) {
        const CalendarDate date = monday.plus_days(offset);
        for (DayOrder order : {DayOrder::day_month, DayOrder::month_day}) {
            const auto back = DateReader(monday, order).read(reader.words(date));
            REQUIRE(back);
            CHECK(back.value() == date);
        }
    }
    CHECK(weekday_name(6) == "Sunday");
    CHECK(month_short_name(9) == "Sep");
}

TEST_CASE("a date without a year leans to the past or the future where the field says so") {
    const CalendarDate march = CalendarDate::from_ymd(2026, 3, 20);
    const DateReader reader(march, DayOrder::day_month);
    CHECK(reader.read("1 Sep").value()->iso() == "2026-09-01");  // nearest
    CHECK(reader.read("1 Sep", DateLean::past).value()->iso() == "2025-09-01");
    CHECK(reader.read("1 Jun", DateLean::nearest).value()->iso() == "2026-06-01");
    CHECK(reader.read("1 Jun", DateLean::past).value()->iso() == "2025-06-01");
    CHECK(reader.read("1 Mar", DateLean::future).value()->iso() == "2027-03-01");
    CHECK(reader.read("20 Mar", DateLean::future).value()->iso() == "2026-03-20");  // today counts
    CHECK(reader.read("20 Mar", DateLean::past).value()->iso() == "2026-03-20");
    CHECK(reader.words(CalendarDate::from_ymd(2025, 6, 1), DateLean::past) == "Sun 1 Jun");
    CHECK(reader.words(CalendarDate::from_ymd(2025, 6, 1)) == "Sun 1 Jun 2025");
    // A sign is no separator: "in -3 days" is not three days on.
    CHECK_FALSE(reader.read("in -3 days"));
}

TEST_CASE("every day reads back from its words, 29 February included, whatever today is and however it leans") {
    int failures = 0;
    for (CalendarDate today = CalendarDate::from_ymd(2027, 1, 1); today <= CalendarDate::from_ymd(2028, 12, 31);
         today = today.plus_days(3)) {
        for (DayOrder order : {DayOrder::day_month, DayOrder::month_day}) {
            const DateReader reader(today, order);
            for (DateLean lean : {DateLean::nearest, DateLean::past, DateLean::future}) {
                for (int offset = -800; offset <= 800; offset += 7) {
                    const CalendarDate date = today.plus_days(offset);
                    const auto back = reader.read(reader.words(date, lean), lean);
                    if (!back || !back.value() || *back.value() != date) ++failures;
                }
                const CalendarDate leap_day = CalendarDate::from_ymd(2028, 2, 29);
                const auto back = reader.read(reader.words(leap_day, lean), lean);
                if (!back || !back.value() || *back.value() != leap_day) ++failures;
            }
        }
    }
    CHECK(failures == 0);
    // Typed without a year near a leap year, 29 February is that year's.
    CHECK(DateReader(CalendarDate::from_ymd(2027, 12, 1), DayOrder::day_month).read("29 Feb").value()->iso() ==
          "2028-02-29");
    CHECK(read("29 Feb") == "no such day");  // from 7 Dec 2026, no 29 February lies within a year
}

TEST_CASE("how far a date is, as people say it") {
    const CalendarDate today = CalendarDate::from_ymd(2026, 12, 7);
    const DateReader dates(today, DayOrder::day_month);
    CHECK(dates.distance(today) == "today");
    CHECK(dates.distance(today.plus_days(1)) == "tomorrow");
    CHECK(dates.distance(today.plus_days(-1)) == "yesterday");
    CHECK(dates.distance(today.plus_days(5)) == "in 5 days");
    CHECK(dates.distance(today.plus_days(13)) == "in 13 days");
    CHECK(dates.distance(today.plus_days(14)) == "in 2 weeks");
    CHECK(dates.distance(today.plus_days(17)) == "in 2 weeks");
    CHECK(dates.distance(today.plus_days(18)) == "in 3 weeks");
    CHECK(dates.distance(today.plus_days(-21)) == "3 weeks ago");
    CHECK(dates.distance(today.plus_days(75)) == "in 3 months");
    CHECK(dates.distance(today.plus_days(-3)) == "3 days ago");
}
