#pragma once
// The hybrid logical clock (HLC) that stamps every field edit. A reading packs
// wall-clock milliseconds (high 48 bits) and a counter (low 16 bits); it never
// goes backwards on one site, and after observing a remote reading every later
// local reading is greater than it, even if this device's clock is behind.

#include <compare>
#include <cstdint>

#include "core/record_id.hpp"

namespace tandem {

// The physical clock the HLC follows. Tests substitute a manual one.
class WallClock {
public:
    virtual ~WallClock() = default;
    // Milliseconds since the Unix epoch, UTC.
    virtual std::int64_t now_ms() = 0;
};

// The device's own clock (std::chrono::system_clock).
class SystemWallClock final : public WallClock {
public:
    std::int64_t now_ms() override;
};

// One HLC reading and the site that made it. The order is by reading, then by
// site, so two different sites never produce equal stamps.
struct Stamp {
    std::uint64_t hlc = 0;
    SiteId site = 0;

    // True for the zero stamp: a field never written.
    bool is_zero() const { return hlc == 0 && site == 0; }
    auto operator<=>(const Stamp&) const = default;
};

// Packing of a reading.
std::uint64_t hlc_pack(std::int64_t wall_ms, std::uint16_t counter);
std::int64_t hlc_wall_ms(std::uint64_t hlc);
std::uint16_t hlc_counter(std::uint64_t hlc);

// How far ahead of this device's clock a remote reading may be before it is
// treated as a broken clock: 24 hours.
inline constexpr std::int64_t max_future_skew_ms = 24LL * 60 * 60 * 1000;

// The reading clamped to physical_now_ms + max_future_skew_ms (counter kept),
// or the reading itself when it is not that far ahead.
std::uint64_t hlc_clamp_future(std::uint64_t hlc, std::int64_t physical_now_ms);

// Issues readings for one site. Not copyable: two copies would issue equal
// readings. Borrows the wall clock, which must outlive it.
class HybridClock {
public:
    // `last` is the greatest reading this site issued or observed before (0
    // for a new site), so readings stay monotonic across restarts.
    HybridClock(SiteId site, WallClock& wall, std::uint64_t last = 0);
    HybridClock(const HybridClock&) = delete;
    HybridClock& operator=(const HybridClock&) = delete;

    // A new stamp for a local edit, greater than every reading seen so far.
    Stamp tick();
    // Takes a remote reading into account. The caller clamps it first
    // (hlc_clamp_future) so a broken remote clock cannot drag this one along.
    void observe(std::uint64_t remote_hlc);

    SiteId site() const { return site_; }
    // The greatest reading issued or observed; persist it across restarts.
    std::uint64_t last() const { return last_; }
    // The wall clock this HLC follows.
    WallClock& wall() { return wall_; }

private:
    SiteId site_;
    WallClock& wall_;
    std::uint64_t last_;
};

}  // namespace tandem
