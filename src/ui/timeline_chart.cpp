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

// A cumulative line: flat until each point's day, then up to its value.
void draw_steps_line(ImDrawList* draw, const Plot& plot, const std::vector<ChartPoint>& points, double top, ImU32 color,
                     float thickness) {
    if (points.empty()) return;
    std::vector<ImVec2> line;
    double value = points.front().value;
    line.push_back(ImVec2(plot.x(plot.first_day), plot.y(value, top)));
    for (const ChartPoint& point : points) {
        const float x = plot.x(point.day);
        line.push_back(ImVec2(x, plot.y(value, top)));
        value = point.value;
        line.push_back(ImVec2(x, plot.y(value, top)));
    }
    line.push_back(ImVec2(plot.x(plot.last_day), plot.y(value, top)));
    draw->AddPolyline(line.data(), static_cast<int>(line.size()), color, 0, thickness);
}

}  // namespace

void draw_timeline_chart(const TimelineChartView& view) {
    const Palette& palette = palette_colors();
    const float width = std::min(px(720), ImGui::GetContentRegionAvail().x);
    const float label = ImGui::GetTextLineHeight();
    const float band = px(56);
    // Two bands over one time axis: steps embedded above, hours below.
    const float height = px(12) + (label + band) * 2 + px(12) + label + px(8);
    const ImVec2 at = ImGui::GetCursorScreenPos();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const float left = at.x + px(12), right = at.x + width - px(12);
    const float steps_top = at.y + px(12) + label;
    const Plot steps{ImVec2(left, steps_top), ImVec2(right, steps_top + band), view.first_day, view.last_day};
    const float hours_top = steps.max.y + px(12) + label;
    const Plot hours{ImVec2(left, hours_top), ImVec2(right, hours_top + band), view.first_day, view.last_day};
    draw->AddRectFilled(at, ImVec2(at.x + width, at.y + height), ImGui::GetColorU32(palette.sidebar), px(6));
    const ImU32 grid = ImGui::GetColorU32(palette.separator);
    const ImU32 muted = ImGui::GetColorU32(palette.muted_text);
    const ImU32 steps_color = ImGui::GetColorU32(palette.accent_text);
    const ImU32 ink = ImGui::GetColorU32(palette.text);

    draw->AddText(ImVec2(left, steps.min.y - label - px(2)), muted, view.steps_legend.c_str());
    draw->AddLine(ImVec2(left, steps.max.y), ImVec2(right, steps.max.y), grid, 1.0f);
    if (view.steps_set > 0)
        draw_steps_line(draw, steps, view.embedded, view.steps_set, steps_color, std::max(1.0f, px(3)));

    draw->AddText(ImVec2(left, hours.min.y - label - px(2)), muted, view.hours_legend.c_str());
    draw->AddLine(ImVec2(left, hours.max.y), ImVec2(right, hours.max.y), grid, 1.0f);
    const double used = view.hours.empty() ? 0.0 : view.hours.back().value;
    const double top = std::max({view.allowance_hours, used, 1.0});
    if (view.allowance_hours > 0) {
        const float y = hours.y(view.allowance_hours, top);
        for (float x = left; x < right; x += px(8))
            draw->AddLine(ImVec2(x, y), ImVec2(std::min(x + px(4), right), y), muted, 1.0f);
    }
    draw_steps_line(draw, hours, view.hours, top, ink, std::max(1.0f, px(2)));
    for (const ChartMark& mark : view.meetings) {
        const ImVec2 centre(hours.x(mark.day), hours.max.y);
        if (mark.planned) draw->AddCircle(centre, px(4), ink, 0, std::max(1.0f, px(1.5f)));
        else draw->AddCircleFilled(centre, px(4), ink);
    }

    const float labels_y = hours.max.y + px(8);
    draw->AddText(ImVec2(left, labels_y), muted, view.first_label.c_str());
    const float last_width = ImGui::CalcTextSize(view.last_label.c_str()).x;
    draw->AddText(ImVec2(right - last_width, labels_y), muted, view.last_label.c_str());
    ImGui::Dummy(ImVec2(width, height));
    field_help("Dots are meetings; the dashed line is the time allowance.");
}

}  // namespace tandem::ui
