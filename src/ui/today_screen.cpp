#include "ui/today_screen.hpp"

#include <imgui.h>

#include <algorithm>

#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace tandem::ui {

namespace {

void draw_section(const AgendaSection& section, std::vector<Command>& commands) {
    ImGui::TextUnformatted(section.heading.c_str());
    ImGui::Dummy(ImVec2(0, px(4)));
    for (std::size_t i = 0; i < section.rows.size(); ++i) {
        const int index = section.indexes[i];
        if (list_row(std::to_string(index).c_str(), section.rows[i].title, section.rows[i].detail, false))
            commands.push_back(OpenAgendaItem{index});
    }
    ImGui::Dummy(ImVec2(0, px(16)));
}

}  // namespace

void draw_today(const TodayView& view, std::vector<Command>& commands) {
    ImGui::TextUnformatted(view.date.c_str());
    ImGui::Dummy(ImVec2(0, px(12)));
    if (view.needs_own_name) {
        field_help("Welcome. Tandem keeps your coaching records on this computer, for you and your coaching partner "
                   "alone. Start with your own name: everything you write carries it.");
        ImGui::Dummy(ImVec2(0, px(4)));
        if (action_button("Add your name in Settings")) {
            commands.push_back(NavigateTo{Screen::settings});
            focus_field("Your name");
        }
        return;
    }
    if (!view.has_pairings) {
        field_help("Add the colleagues you coach or are coached by on People, then start a pairing for each "
                   "partnership. What needs you will show here.");
        ImGui::Dummy(ImVec2(0, px(4)));
        if (action_button("Go to People")) commands.push_back(NavigateTo{Screen::people});
        ImGui::SameLine(0, px(8));
        if (action_button("Go to Pairings")) commands.push_back(NavigateTo{Screen::pairings});
        ImGui::Dummy(ImVec2(0, px(12)));
        field_help("Or look around first with a made-up pairing, clearly marked, which you can remove in one click.");
        ImGui::Dummy(ImVec2(0, px(4)));
        if (action_button("Try a sample pairing")) commands.push_back(CreateSamplePairing{});
        return;
    }
    if (view.sections.empty() && view.coming_up.rows.empty()) {
        field_help("Nothing needs you today. Meetings you plan and steps to check back on will show here.");
        return;
    }
    const float width = std::min(px(720), ImGui::GetContentRegionAvail().x);
    ImGui::BeginChild("agenda", ImVec2(width, 0), false);
    if (view.sections.empty()) {
        field_help("Nothing needs you this week.");
        ImGui::Dummy(ImVec2(0, px(12)));
    }
    for (const AgendaSection& section : view.sections) draw_section(section, commands);
    if (!view.coming_up.rows.empty()) draw_section(view.coming_up, commands);
    ImGui::EndChild();
}

}  // namespace tandem::ui
