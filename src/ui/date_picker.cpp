#include "ui/date_picker.hpp"

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cmath>
#include <string>

#include "core/date_reading.hpp"
#include "platform/key.hpp"
#include "ui/item_registry.hpp"
#include "ui/key_codes.hpp"
#include "ui/theme.hpp"

namespace tandem::ui {

namespace {

constexpr float cell = 36.0f;

void name_last_item(const std::string& label, Role role, ItemValue value = {}) {
    if (ItemRegistry* registry = ItemRegistry::current()) {
        registry->label_last_item(label.c_str());
        registry->describe_last_item(role, std::move(value));
    }
}

// A small calendar drawn in the button's frame: a page with two rings.
void draw_calendar_icon(ImVec2 min, ImVec2 max, ImU32 color) {
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const float size = std::floor(std::min(max.x - min.x, max.y - min.y) * 0.45f);
    const ImVec2 centre((min.x + max.x) * 0.5f, (min.y + max.y) * 0.5f);
    const ImVec2 top_left(std::floor(centre.x - size * 0.5f), std::floor(centre.y - size * 0.45f));
    const ImVec2 bottom_right(top_left.x + size, top_left.y + size * 0.9f);
    const float line = std::max(1.0f, std::floor(px(1.5f)));
    draw->AddRect(top_left, bottom_right, color, px(2), 0, line);
    draw->AddLine(ImVec2(top_left.x, top_left.y + size * 0.28f), ImVec2(bottom_right.x, top_left.y + size * 0.28f),
                  color, line);
    for (const float at : {0.3f, 0.7f})
        draw->AddLine(ImVec2(top_left.x + size * at, top_left.y - size * 0.12f),
                      ImVec2(top_left.x + size * at, top_left.y + size * 0.12f), color, line);
}

// The first day of `date`'s month.
CalendarDate first_of_month(CalendarDate date) { return CalendarDate::from_ymd(date.year(), date.month(), 1); }

CalendarDate add_months(CalendarDate first, int months) {
    int month = static_cast<int>(first.month()) - 1 + months;
    int year = first.year() + month / 12;
    month %= 12;
    if (month < 0) {
        month += 12;
        --year;
    }
    return CalendarDate::from_ymd(year, static_cast<unsigned>(month + 1), 1);
}

// The month's grid of days; returns the day clicked.
std::optional<CalendarDate> draw_month(CalendarDate first, std::optional<CalendarDate> selected, CalendarDate today,
                                       unsigned first_weekday) {
    const Palette& palette = palette_colors();
    const float size = px(cell);
    const unsigned start = first_weekday % 7;  // the weekday of the first column
    for (unsigned column = 0; column < 7; ++column) {
        if (column > 0) ImGui::SameLine(0, 0);
        const std::string name(weekday_short_name((start + column) % 7).substr(0, 2));
        const ImVec2 at = ImGui::GetCursorScreenPos();
        ImGui::Dummy(ImVec2(size, ImGui::GetTextLineHeight()));
        const float width = ImGui::CalcTextSize(name.c_str()).x;
        ImGui::GetWindowDrawList()->AddText(ImVec2(at.x + (size - width) * 0.5f, at.y),
                                            ImGui::GetColorU32(palette.muted_text), name.c_str());
    }
    const unsigned lead = (first.weekday() + 7 - start) % 7;
    const unsigned days = CalendarDate::days_in_month(first.year(), first.month());
    std::optional<CalendarDate> picked;
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(0, 0));
    ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, 0.0f);
    for (unsigned slot = 0; slot < lead + days; ++slot) {
        if (slot % 7 != 0) ImGui::SameLine(0, 0);
        if (slot < lead) {
            ImGui::Dummy(ImVec2(size, size));
            continue;
        }
        const CalendarDate day = first.plus_days(static_cast<std::int32_t>(slot - lead));
        const bool chosen = selected && *selected == day;
        ImGui::PushID(static_cast<int>(slot));
        ImGui::PushStyleColor(ImGuiCol_Button, chosen ? palette.nav_selected : palette.transparent);
        ImGui::PushStyleColor(ImGuiCol_Text, chosen ? palette.accent_text : palette.text);
        if (ImGui::Button(std::to_string(day.day()).c_str(), ImVec2(size, size))) picked = day;
        ImGui::PopStyleColor(2);
        if (day == today)
            ImGui::GetWindowDrawList()->AddRect(ImGui::GetItemRectMin(), ImGui::GetItemRectMax(),
                                                ImGui::GetColorU32(palette.accent_text), px(4), 0,
                                                std::max(1.0f, std::floor(px(1.5f))));
        name_last_item(std::string(weekday_short_name(day.weekday())) + " " + std::to_string(day.day()) + " " +
                           std::string(month_short_name(day.month())) + " " + std::to_string(day.year()),
                       Role::button, chosen);
        ImGui::PopID();
    }
    ImGui::PopStyleVar(2);
    return picked;
}

}  // namespace

std::optional<CalendarDate> calendar_button(const char* field_label, std::optional<CalendarDate> selected,
                                            CalendarDate today, unsigned first_weekday) {
    const std::string label = std::string("Calendar for ") + field_label;
    ImGui::PushID(label.c_str());
    ImGuiStorage* storage = ImGui::GetStateStorage();
    const ImGuiID shown_month = ImGui::GetID("month");
    const float size = px(cell);
    std::optional<CalendarDate> picked;
    if (ImGui::Button("##calendar", ImVec2(size, size))) {
        storage->SetInt(shown_month, first_of_month(selected.value_or(today)).days);
        ImGui::OpenPopup("days");
    }
    draw_calendar_icon(ImGui::GetItemRectMin(), ImGui::GetItemRectMax(), ImGui::GetColorU32(palette_colors().text));
    if (ImGui::IsItemHovered()) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    name_last_item(label, Role::button);
    // Placed by ImGui where the click was, and kept inside the window.
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(px(12), px(12)));
    const bool open = ImGui::BeginPopup("days");
    ImGui::PopStyleVar();
    if (open) {
        const CalendarDate first{storage->GetInt(shown_month, first_of_month(today).days)};
        if (ImGui::Button("<", ImVec2(size, size))) storage->SetInt(shown_month, add_months(first, -1).days);
        name_last_item("Previous month", Role::button);
        ImGui::SameLine(0, 0);
        const std::string title = std::string(month_name(first.month())) + " " + std::to_string(first.year());
        const float title_width = size * 5;
        const ImVec2 at = ImGui::GetCursorScreenPos();
        ImGui::Dummy(ImVec2(title_width, size));
        const ImVec2 text = ImGui::CalcTextSize(title.c_str());
        ImGui::GetWindowDrawList()->AddText(ImVec2(at.x + (title_width - text.x) * 0.5f, at.y + (size - text.y) * 0.5f),
                                            ImGui::GetColorU32(palette_colors().text), title.c_str());
        ImGui::SameLine(0, 0);
        if (ImGui::Button(">", ImVec2(size, size))) storage->SetInt(shown_month, add_months(first, +1).days);
        name_last_item("Next month", Role::button);
        picked = draw_month(first, selected, today, first_weekday);
        if (picked || ImGui::IsKeyPressed(key_index(Key::escape), false)) ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
    }
    ImGui::PopID();
    return picked;
}

}  // namespace tandem::ui
