#include "ui/timeline_chart.hpp"

#include <imgui.h>

#include <algorithm>

#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace tandem::ui {

namespace {

struct Plot {
    ImVec2 min, max;
    std::int32_t first_day, last_day;
    float x(std::int32_t day) const {
        const float span = static_cast<float>(std::max(1, last_day - first_day));
        return min.x + (max.x - min.x) * static_cast<float>(std::clamp(day, first_day, last_day) - first_day) / span;
    }
    float y(double value, double top) const {
        const double share = top > 0 ? std::clamp(value / top, 0.0, 1.0) : 0.0;
        return max.y - (max.y - min.y) * static_cast<float>(share);
    }
};

// A cumulative line: flat until each point's day, then up to its value;
// it ends on `end_day`.
void draw_steps_line(ImDrawList* draw, const Plot& plot, const std::vector<ChartPoint>& points, double top,
                     std::int32_t end_day, ImU32 color, float thickness) {
    if (points.empty()) return;
    std::vector<ImVec2> line;
    double value = points.front().value;
    line.push_back(ImVec2(plot.x(plot.first_day), plot.y(value, top)));
    for (const ChartPoint& point : points) {
        if (point.day > end_day) break;
        const float x = plot.x(point.day);
        line.push_back(ImVec2(x, plot.y(value, top)));
        value = point.value;
        line.push_back(ImVec2(x, plot.y(value, top)));
    }
    line.push_back(ImVec2(plot.x(end_day), plot.y(value, top)));
    draw->AddPolyline(line.data(), static_cast<int>(line.size()), color, 0, thickness);
}

// A number of the scale, right-aligned before the plot at height `y`.
void draw_scale_label(ImDrawList* draw, const Plot& plot, float y, const std::string& text, ImU32 color) {
    const ImVec2 size = ImGui::CalcTextSize(text.c_str());
    draw->AddText(ImVec2(plot.min.x - px(8) - size.x, y - size.y * 0.5f), color, text.c_str());
}

std::string whole(double value) { return std::to_string(static_cast<long long>(value + 0.5)); }

}  // namespace

void draw_timeline_chart(const TimelineChartView& view) {
    const Palette& palette = palette_colors();
    const float width = std::min(px(720), ImGui::GetContentRegionAvail().x);
    const float label = ImGui::GetTextLineHeight();
    const float band = px(64);
    const double used = view.hours.empty() ? 0.0 : view.hours.back().value;
    const double top = std::max({view.allowance_hours, used, 1.0});
    // Room on the left for the scale's widest number.
    const float scale_width = std::max(ImGui::CalcTextSize((whole(top) + " h").c_str()).x,
                                       ImGui::CalcTextSize(whole(std::max(view.steps_set, 1.0)).c_str()).x);
    // Two bands over one time axis: steps embedded above, hours below.
    const float height = px(12) + (label + px(6) + band) * 2 + px(12) + label + px(10);
    const ImVec2 at = ImGui::GetCursorScreenPos();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const float left = at.x + px(20) + scale_width, right = at.x + width - px(16);
    const float steps_top = at.y + px(12) + label + px(6);
    const Plot steps{ImVec2(left, steps_top), ImVec2(right, steps_top + band), view.first_day, view.last_day};
    const float hours_top = steps.max.y + px(12) + label + px(6);
    const Plot hours{ImVec2(left, hours_top), ImVec2(right, hours_top + band), view.first_day, view.last_day};
    draw->AddRectFilled(at, ImVec2(at.x + width, at.y + height), ImGui::GetColorU32(palette.sidebar), px(6));
    const ImU32 grid = ImGui::GetColorU32(palette.separator);
    const ImU32 muted = ImGui::GetColorU32(palette.muted_text);
    const ImU32 steps_color = ImGui::GetColorU32(palette.accent_text);
    const ImU32 ink = ImGui::GetColorU32(palette.text);

    // Today, under the axis where the lines end; then the months, each at
    // its first day, named where the name does not run into another.
    const float labels_y = hours.max.y + px(8);
    const float today_x = hours.x(view.today);
    const float today_line = std::max(1.0f, px(1.5f));  // over each band, never through a legend
    draw->AddLine(ImVec2(today_x, steps.min.y), ImVec2(today_x, steps.max.y), steps_color, today_line);
    draw->AddLine(ImVec2(today_x, hours.min.y), ImVec2(today_x, hours.max.y + px(4)), steps_color, today_line);
    const char* today_text = "Today";
    const float today_width = ImGui::CalcTextSize(today_text).x;
    const float today_left = std::clamp(today_x - today_width * 0.5f, left, right - today_width);
    draw->AddText(ImVec2(today_left, labels_y), steps_color, today_text);
    float free_from = left - px(4);
    for (const ChartTick& month : view.months) {
        const float x = hours.x(month.day);
        draw->AddLine(ImVec2(x, steps.min.y), ImVec2(x, steps.max.y), grid, 1.0f);
        draw->AddLine(ImVec2(x, hours.min.y), ImVec2(x, hours.max.y), grid, 1.0f);
        const float text_left = x + px(3), text_right = text_left + ImGui::CalcTextSize(month.label.c_str()).x;
        const bool meets_today = text_right + px(6) > today_left && text_left < today_left + today_width + px(6);
        if (text_left < free_from || text_right > right || meets_today) continue;
        draw->AddText(ImVec2(text_left, labels_y), muted, month.label.c_str());
        free_from = text_right + px(8);
    }

    draw->AddText(ImVec2(at.x + px(12), steps.min.y - label - px(6)), muted, view.steps_legend.c_str());
    draw->AddLine(ImVec2(left, steps.max.y), ImVec2(right, steps.max.y), grid, 1.0f);
    draw_scale_label(draw, steps, steps.max.y, "0", muted);
    if (view.steps_set > 0) {
        draw->AddLine(ImVec2(left, steps.min.y), ImVec2(right, steps.min.y), grid, 1.0f);
        draw_scale_label(draw, steps, steps.min.y, whole(view.steps_set), muted);
        draw_steps_line(draw, steps, view.embedded, view.steps_set, view.today, steps_color, std::max(1.0f, px(3)));
    }

    draw->AddText(ImVec2(at.x + px(12), hours.min.y - label - px(6)), muted, view.hours_legend.c_str());
    draw->AddLine(ImVec2(left, hours.max.y), ImVec2(right, hours.max.y), grid, 1.0f);
    draw_scale_label(draw, hours, hours.max.y, "0 h", muted);
    if (view.allowance_hours > 0) {
        const float y = hours.y(view.allowance_hours, top);
        for (float x = left; x < right; x += px(8))
            draw->AddLine(ImVec2(x, y), ImVec2(std::min(x + px(4), right), y), muted, 1.0f);
        draw_scale_label(draw, hours, y, whole(view.allowance_hours) + " h", muted);
    }
    if (top > view.allowance_hours) draw_scale_label(draw, hours, hours.min.y, whole(top) + " h", muted);
    draw_steps_line(draw, hours, view.hours, top, view.today, ink, std::max(1.0f, px(2)));
    for (const ChartMark& mark : view.meetings) {
        const ImVec2 centre(hours.x(mark.day), hours.max.y);
        if (mark.planned) draw->AddCircle(centre, px(4), ink, 0, std::max(1.0f, px(1.5f)));
        else draw->AddCircleFilled(centre, px(4), ink);
    }
    ImGui::Dummy(ImVec2(width, height));
    field_help("The allowance year, month by month. Dots are meetings held, rings meetings planned; the dashed line "
               "is the time allowance.");
}

}  // namespace tandem::ui
