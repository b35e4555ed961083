#pragma once
// The chart of a pairing's allowance year, from its timeline: hours used
// (meetings held, lesson visits, time logged) against the allowance, steps
// embedded against the steps set, and its meetings.

#include <span>
#include <string>

#include "app/workspace.hpp"
#include "store/coaching_queries.hpp"
#include "ui/timeline_chart.hpp"

namespace tandem::app {

// The chart from `timeline` (oldest first) for the year `hours` describes,
// up to today or the last meeting planned in that year.
ui::TimelineChartView timeline_chart(Workspace& work, std::span<const store::TimelineEntry> timeline,
                                     const store::HoursUsed& hours);

// "1 h 30 min", "12 h", "45 min".
std::string duration_text(std::int64_t minutes);

}  // namespace tandem::app
