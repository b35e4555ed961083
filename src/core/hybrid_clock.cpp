#include "core/hybrid_clock.hpp"

#include <algorithm>
#include <cassert>
#include <chrono>

namespace tandem {

namespace {
constexpr std::uint64_t counter_mask = 0xFFFF;
constexpr std::int64_t max_wall_ms = (std::int64_t{1} << 48) - 1;
}  // namespace

std::int64_t SystemWallClock::now_ms() {
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

std::uint64_t hlc_pack(std::int64_t wall_ms, std::uint16_t counter) {
    const std::int64_t wall = std::clamp<std::int64_t>(wall_ms, 0, max_wall_ms);
    return static_cast<std::uint64_t>(wall) << 16 | counter;
}

std::int64_t hlc_wall_ms(std::uint64_t hlc) { return static_cast<std::int64_t>(hlc >> 16); }

std::uint16_t hlc_counter(std::uint64_t hlc) { return static_cast<std::uint16_t>(hlc & counter_mask); }

std::uint64_t hlc_clamp_future(std::uint64_t hlc, std::int64_t physical_now_ms) {
    const std::int64_t limit = physical_now_ms + max_future_skew_ms;
    if (hlc_wall_ms(hlc) <= limit) return hlc;
    return hlc_pack(limit, hlc_counter(hlc));
}

HybridClock::HybridClock(SiteId site, WallClock& wall, std::uint64_t last)
    : site_(site), wall_(wall), last_(last) {
    assert(site != 0 && "site 0 is reserved for fields never written");
}

Stamp HybridClock::tick() {
    // Kulkarni et al.'s send rule: take the physical time if it is ahead,
    // otherwise bump the counter. A full counter carries into the next
    // millisecond, which keeps the order at the cost of a tiny drift.
    const std::uint64_t physical = hlc_pack(wall_.now_ms(), 0);
    last_ = physical > last_ ? physical : last_ + 1;
    return Stamp{last_, site_};
}

void HybridClock::observe(std::uint64_t remote_hlc) { last_ = std::max(last_, remote_hlc); }

}  // namespace tandem
