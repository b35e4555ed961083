// Calendar dates, record ids and the hybrid logical clock.

#include <doctest/doctest.h>

#include <set>

#include "core/calendar_date.hpp"
#include "core/hybrid_clock.hpp"
#include "core/record_id.hpp"
#include "test_doubles.hpp"

using namespace tandem;
using tandem::testing::ManualWallClock;
using tandem::testing::SeededRandom;

TEST_CASE("calendar dates parse and print ISO 8601 and know leap years") {
    CHECK(CalendarDate::from_ymd(1970, 1, 1).days == 0);
    CHECK(CalendarDate::from_ymd(2026, 11, 22).iso() == "2026-11-22");
    CHECK(CalendarDate::parse("2024-02-29").has_value());
    CHECK_FALSE(CalendarDate::parse("2023-02-29").has_value());
    CHECK_FALSE(CalendarDate::parse("2100-02-29").has_value());
    CHECK(CalendarDate::parse("2000-02-29").has_value());
    for (const char* bad : {"", "2026-1-01", "2026-13-01", "2026-00-10", "2026-04-31", "20x6-01-01", "2026/01/01"})
        CHECK_FALSE(CalendarDate::parse(bad).has_value());
    const CalendarDate day = *CalendarDate::parse("2031-12-31");
    CHECK(day.iso() == "2031-12-31");
    CHECK(day.plus_days(1).iso() == "2032-01-01");
    CHECK(CalendarDate::from_unix_ms(tandem::testing::test_epoch_ms).iso() == "2026-11-22");
    CHECK(CalendarDate::from_unix_ms(-1).iso() == "1969-12-31");
    CHECK(earliest_accepted_date().iso() == "2000-01-01");
    CHECK(latest_accepted_date().iso() == "2100-12-31");
}

TEST_CASE("record ids are random, non-nil, and round-trip through hex") {
    SeededRandom random(7);
    std::set<RecordId> seen;
    for (int i = 0; i < 1000; ++i) {
        const RecordId id = RecordId::random(random);
        CHECK_FALSE(id.is_nil());
        CHECK(RecordId::from_hex(id.hex()) == id);
        seen.insert(id);
    }
    CHECK(seen.size() == 1000);
    CHECK_FALSE(RecordId::from_hex("xyz").has_value());
    CHECK_FALSE(RecordId::from_hex(std::string(32, 'g')).has_value());
    CHECK(RecordId::from_hex(std::string(32, 'A'))->hex() == std::string(32, 'a'));
}

TEST_CASE("derived ids are stable and distinct") {
    CHECK(RecordId::derived("routines.entry-routine") == RecordId::derived("routines.entry-routine"));
    CHECK(RecordId::derived("routines.entry-routine") != RecordId::derived("routines.exit-routine"));
    CHECK_FALSE(RecordId::derived("a").is_nil());
}

TEST_CASE("the hybrid clock follows the wall clock and never goes back") {
    ManualWallClock wall(tandem::testing::test_epoch_ms);
    HybridClock clock(42, wall);
    const Stamp first = clock.tick();
    CHECK(hlc_wall_ms(first.hlc) == tandem::testing::test_epoch_ms);
    CHECK(hlc_counter(first.hlc) == 0);
    CHECK(first.site == 42);

    const Stamp same_ms = clock.tick();  // the wall clock has not moved
    CHECK(same_ms > first);
    CHECK(hlc_counter(same_ms.hlc) == 1);

    wall.advance(-60'000);  // the device's clock is set back a minute
    const Stamp after_setback = clock.tick();
    CHECK(after_setback > same_ms);

    wall.advance(120'000);
    const Stamp later = clock.tick();
    CHECK(hlc_wall_ms(later.hlc) == tandem::testing::test_epoch_ms + 60'000);
    CHECK(hlc_counter(later.hlc) == 0);
}

TEST_CASE("after observing a remote reading, local stamps come after it") {
    ManualWallClock wall(tandem::testing::test_epoch_ms);
    HybridClock clock(1, wall);
    const std::uint64_t remote = hlc_pack(tandem::testing::test_epoch_ms + 5'000, 9);
    clock.observe(remote);
    CHECK(clock.tick().hlc > remote);
    CHECK(clock.last() > remote);
}

TEST_CASE("a full counter carries into the next millisecond") {
    ManualWallClock wall(tandem::testing::test_epoch_ms);
    HybridClock clock(1, wall, hlc_pack(tandem::testing::test_epoch_ms, 0xFFFF));
    const Stamp next = clock.tick();
    CHECK(hlc_wall_ms(next.hlc) == tandem::testing::test_epoch_ms + 1);
    CHECK(hlc_counter(next.hlc) == 0);
}

TEST_CASE("readings more than 24 hours ahead are clamped") {
    const std::int64_t now = tandem::testing::test_epoch_ms;
    const std::uint64_t near = hlc_pack(now + max_future_skew_ms, 3);
    CHECK(hlc_clamp_future(near, now) == near);
    const std::uint64_t far = hlc_pack(now + 365LL * 86'400'000, 3);
    const std::uint64_t clamped = hlc_clamp_future(far, now);
    CHECK(hlc_wall_ms(clamped) == now + max_future_skew_ms);
    CHECK(hlc_counter(clamped) == 3);
}
