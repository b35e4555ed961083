#pragma once
// A pairing's year as a chart: the hours used climbing towards the
// allowance, the steps embedded climbing towards the steps set, and a mark
// for each meeting on the days they happened, over the whole allowance
// year with its months marked, today's place in it, and each band's scale.

#include <cstdint>
#include <string>
#include <vector>

namespace tandem::ui {

// A value from a day on (a step in the line).
struct ChartPoint {
    std::int32_t day = 0;  // CalendarDate::days
    double value = 0;
};

// A day with a meeting: held, or planned.
struct ChartMark {
    std::int32_t day = 0;
    bool planned = false;
};

// A labelled day on the time axis: the first of a month ("Oct").
struct ChartTick {
    std::int32_t day = 0;
    std::string label;
};

struct TimelineChartView {
    std::int32_t first_day = 0, last_day = 0;  // the x axis (the allowance year), inclusive
    std::int32_t today = 0;                    // the lines end here; marked "Today"
    std::vector<ChartTick> months;             // the firsts of months after first_day
    std::vector<ChartPoint> hours;             // cumulative hours, from first_day
    double allowance_hours = 0;
    std::vector<ChartPoint> embedded;          // cumulative steps embedded, from first_day
    double steps_set = 0;                      // the steps' scale: all set so far
    std::vector<ChartMark> meetings;
    std::string hours_legend;                  // "Hours used: 3 h of 12 h"
    std::string steps_legend;                  // "Steps embedded: 1 of 4"
};

// Draws the chart full width (up to 720 CSS pixels) with its legend.
void draw_timeline_chart(const TimelineChartView& view);

}  // namespace tandem::ui
