#include "ui/people_screen.hpp"

#include <imgui.h>

#include <algorithm>

#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace tandem::ui {

namespace {

void draw_add_person(const PeopleView& view, std::vector<Command>& commands) {
    bool entered = false;
    if (auto text = text_field("New person", view.new_name, view.new_name_problem, "Their first name and surname",
                               &entered))
        commands.push_back(EditNewPersonName{std::move(*text)});
    ImGui::BeginDisabled(view.new_name.find_first_not_of(' ') == std::string::npos);
    if (action_button("Add person") || entered) commands.push_back(AddPerson{});
    ImGui::EndDisabled();
}

void draw_list(const PeopleView& view, float height, std::vector<Command>& commands) {
    ImGui::BeginChild("people list", ImVec2(0, height), false);
    // Every row has the same height, so only the visible ones are drawn.
    const float row_height = list_row_height() + ImGui::GetStyle().ItemSpacing.y;
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(view.rows.size()), row_height);
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const PersonRow& row = view.rows[static_cast<std::size_t>(i)];
            const bool selected = view.selected && *view.selected == row.id;
            if (list_row(row.id.hex().c_str(), row.name, row.detail, selected)) commands.push_back(SelectPerson{row.id});
        }
    }
    ImGui::EndChild();
}

}  // namespace

void draw_people(const PeopleView& view, bool read_only, std::vector<Command>& commands) {
    if (view.needs_own_name) {
        ImGui::Dummy(ImVec2(0, px(12)));
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + std::min(px(640), ImGui::GetContentRegionAvail().x));
        muted_wrapped("First, tell Tandem your own name: everything you add carries it, so your coaching partner "
                      "knows who wrote what.");
        ImGui::PopTextWrapPos();
        ImGui::Dummy(ImVec2(0, px(4)));
        if (action_button("Add your name in Settings")) {
            commands.push_back(NavigateTo{Screen::settings});
            focus_field("Your name");
        }
        return;
    }
    const float list_width = std::min(px(340), ImGui::GetContentRegionAvail().x * 0.45f);
    const float height = ImGui::GetContentRegionAvail().y;
    ImGui::BeginChild("people", ImVec2(list_width, height), false);
    ImGui::BeginDisabled(read_only);
    draw_add_person(view, commands);
    ImGui::EndDisabled();
    ImGui::Dummy(ImVec2(0, px(12)));
    if (view.rows.empty()) {
        muted_wrapped("No one yet. Add the colleagues you coach or who coach you: anyone can do either, "
                      "whatever their role in school.");
    } else {
        draw_list(view, ImGui::GetContentRegionAvail().y, commands);
    }
    ImGui::EndChild();

    ImGui::SameLine(0, px(32));
    ImGui::BeginChild("person", ImVec2(0, height), false);
    if (view.form.fields.empty()) {
        if (!view.rows.empty()) muted_wrapped("Choose someone in the list to see and change their details.");
    } else {
        draw_form(view.form, commands);
    }
    ImGui::EndChild();
}

}  // namespace tandem::ui
