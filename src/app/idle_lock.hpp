#pragma once
// IdleLock: when an open profile locks by itself for want of use. Any input
// counts as use and nothing else does, so a tab left in the background or
// frozen by the browser locks as one left on the screen does. Time is the
// wall clock, told by the caller: a laptop that slept is found idle on waking.

#include <array>
#include <cstdint>
#include <optional>

namespace tandem::app {

class IdleLock {
public:
    static constexpr int default_minutes = 10;
    // The lock times Settings offers, in minutes.
    static constexpr std::array<int, 5> choices = {5, 10, 15, 30, 60};

    // Starts counting unused time from `now_ms` (the records just opened).
    void start(std::int64_t now_ms);
    // Stops counting (the records closed).
    void stop() { last_used_ms_.reset(); }
    // Input at `now_ms`.
    void used(std::int64_t now_ms);
    // Sets the lock time; false, changing nothing, when `minutes` is not
    // one of `choices` (the stored value is read back untrusted).
    bool set_minutes(int minutes);
    int minutes() const { return minutes_; }
    // Whether the profile has gone unused for the lock time by `now_ms`. A
    // clock set back counts from the new time rather than waiting out the gap.
    bool due(std::int64_t now_ms);
    // How long until due(), at most the lock time; nullopt when not counting.
    std::optional<std::int64_t> wait_ms(std::int64_t now_ms) const;

private:
    std::int64_t limit_ms() const { return static_cast<std::int64_t>(minutes_) * 60'000; }

    int minutes_ = default_minutes;
    std::optional<std::int64_t> last_used_ms_;
};

}  // namespace tandem::app
