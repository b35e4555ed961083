#include "app/pairing_timeline.hpp"

#include <algorithm>

#include "core/date_reading.hpp"
#include "core/records.hpp"

namespace tandem::app {

std::string duration_text(std::int64_t minutes) {
    const std::int64_t hours = minutes / 60, rest = minutes % 60;
    if (hours == 0) return std::to_string(rest) + " min";
    if (rest == 0) return std::to_string(hours) + " h";
    return std::to_string(hours) + " h " + std::to_string(rest) + " min";
}

ui::TimelineChartView timeline_chart(Workspace& work, std::span<const store::TimelineEntry> timeline,
                                     const store::HoursUsed& hours) {
    ui::TimelineChartView chart;
    const CalendarDate first = hours.period_start;
    const CalendarDate last = std::max(hours.period_end, first.plus_days(1));
    chart.first_day = first.days;
    chart.last_day = last.days;
    chart.today = std::clamp(work.today, first, last).days;
    for (CalendarDate month = CalendarDate::from_ymd(first.year(), first.month(), 1);;) {
        month = month.month() == 12 ? CalendarDate::from_ymd(month.year() + 1, 1, 1)
                                    : CalendarDate::from_ymd(month.year(), month.month() + 1, 1);
        if (last < month) break;
        chart.months.push_back({month.days, std::string(month_short_name(month.month()))});
    }
    chart.allowance_hours = static_cast<double>(hours.allowance_minutes) / 60.0;

    std::int64_t minutes = 0;
    double embedded = 0;
    chart.hours.push_back({first.days, 0});
    chart.embedded.push_back({first.days, 0});
    for (const store::TimelineEntry& entry : timeline) {
        if (entry.date > last) break;
        // What is done counts up to today; what is planned shows ahead.
        const bool ahead = entry.date > work.today;
        if (ahead && entry.kind != Kind::meeting) continue;
        const bool in_year = entry.date >= first;
        std::int64_t spent = 0;
        switch (entry.kind) {
            case Kind::meeting:
                if (!in_year || entry.status == static_cast<std::int64_t>(MeetingStatus::cancelled)) break;
                chart.meetings.push_back({entry.date.days, entry.status == static_cast<std::int64_t>(MeetingStatus::planned)});
                if (entry.status == static_cast<std::int64_t>(MeetingStatus::held) && !ahead) {
                    if (auto meeting = load<Meeting>(work.store, entry.id)) spent = meeting.value().duration_minutes;
                }
                break;
            case Kind::observation:
                if (auto visit = load<Observation>(work.store, entry.id); visit && in_year) spent = visit.value().duration_minutes;
                break;
            case Kind::time_log:
                if (auto log = load<TimeLog>(work.store, entry.id); log && in_year) spent = log.value().minutes;
                break;
            case Kind::action_step: chart.steps_set += 1; break;
            case Kind::step_status_change:
                if (entry.status != static_cast<std::int64_t>(StepStatus::embedded)) break;
                embedded += 1;
                if (in_year) chart.embedded.push_back({entry.date.days, embedded});
                else chart.embedded.front().value = embedded;
                break;
            default: break;
        }
        if (spent > 0) {
            minutes += spent;
            chart.hours.push_back({entry.date.days, static_cast<double>(minutes) / 60.0});
        }
    }
    chart.hours_legend = "Hours used: " + duration_text(minutes) + " of " + duration_text(hours.allowance_minutes);
    chart.steps_legend = chart.steps_set == 0 ? std::string("No action steps set yet")
                                              : "Steps embedded: " + std::to_string(static_cast<int>(embedded)) +
                                                    " of " + std::to_string(static_cast<int>(chart.steps_set));
    return chart;
}

}  // namespace tandem::app
