#include "ui/action_steps_panel.hpp"

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <array>
#include <string>

#include "core/text_symbols.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace tandem::ui {

namespace {

constexpr std::array<const char*, 4> status_names = {"Planned", "Practising", "Embedded", "Dropped"};

void draw_step(const ActionStepView& step, bool read_only, std::vector<Command>& commands) {
    ImGui::PushID(step.form.id.hex().c_str());
    RecordForm form = step.form;
    form.read_only = form.read_only || read_only;
    draw_form(form, commands);
    ImGui::Dummy(ImVec2(0, px(8)));
    ImGui::TextUnformatted("Status");
    ImGui::BeginDisabled(read_only);
    for (std::size_t i = 0; i < status_names.size(); ++i) {
        if (i > 0) ImGui::SameLine(0, px(4));
        const auto status = static_cast<StepStatus>(i);
        if (choice_button(status_names[i], step.status == status) && step.status != status)
            commands.push_back(SetStepStatus{step.form.id, status});
    }
    if (step.can_delete) {
        ImGui::SameLine(0, px(24));
        if (action_button("Delete step")) commands.push_back(DeleteRecord{Kind::action_step, step.form.id});
    }
    ImGui::EndDisabled();
    field_problem(step.problem);
    std::string history;
    for (const std::string& change : step.history) history += (history.empty() ? std::string() : std::string(" ") + symbols::right_arrow + " ") + change;
    field_help(history);
    ImGui::PopID();
}

// The library, narrowed as the user types and grouped by area; a click on
// an entry sets it as the step at once.
void draw_library_picker(const ActionStepsView& view, const RecordId& meeting, std::vector<Command>& commands) {
    const ImVec2 top = ImGui::GetCursorScreenPos();
    auto typed = text_field("Find a step in the library", view.library_filter, {},
                            "Type a word, for example: questions, routines, praise");
    // While the user types here, what it finds is kept in view under the field.
    const bool reveal = ImGui::IsItemActivated() || typed.has_value();
    if (typed) commands.push_back(FindLibraryStep{std::move(*typed)});
    if (view.library.empty()) {
        field_help("No step in the library has these words. Try another, or write your own below.");
        return;
    }
    const float width = std::min(px(640), ImGui::GetContentRegionAvail().x);
    float rows = 0;
    for (const LibraryStepGroup& group : view.library) rows += 1 + static_cast<float>(group.steps.size());
    const float height = std::min(px(320), rows * list_row_height());
    ImGui::BeginChild("library steps", ImVec2(width, height), true);
    for (const LibraryStepGroup& group : view.library) {
        ImGui::PushStyleColor(ImGuiCol_Text, palette_colors().muted_text);
        ImGui::TextUnformatted(group.area.c_str());
        ImGui::PopStyleColor();
        for (const LibraryStepOption& option : group.steps) {
            if (list_row(option.entry.hex().c_str(), option.title, option.wording, false))
                commands.push_back(AddActionStep{meeting, option.entry});
        }
    }
    ImGui::EndChild();
    if (reveal)
        ImGui::ScrollToRect(ImGui::GetCurrentWindow(), ImRect(top, ImGui::GetItemRectMax()),
                            ImGuiScrollFlags_KeepVisibleEdgeY);
    field_help("A click sets the step, with its success criteria and practice, to adapt as you wish.");
}

void draw_new_step(const ActionStepsView& view, const RecordId& meeting, std::vector<Command>& commands) {
    draw_library_picker(view, meeting, commands);
    ImGui::Dummy(ImVec2(0, px(8)));
    bool entered = false;
    if (auto text = text_field("Or write your own step", view.new_wording, {}, "One small, concrete step", &entered))
        commands.push_back(EditNewStep{std::move(*text)});
    const bool blank = view.new_wording.find_first_not_of(" \t\n") == std::string::npos;
    if (entered && !blank) commands.push_back(AddActionStep{meeting, std::nullopt});
    ImGui::BeginDisabled(blank);
    if (action_button("Add step")) commands.push_back(AddActionStep{meeting, std::nullopt});
    ImGui::EndDisabled();
    field_problem(view.problem);
}

}  // namespace

void draw_action_steps(const ActionStepsView& view, const RecordId& meeting, bool read_only,
                       std::vector<Command>& commands) {
    ImGui::TextUnformatted(view.steps.size() == 1 ? "Action step" : "Action steps");
    field_help(view.steps.empty() ? "One small step at a time: something to practise before you next meet."
                                  : "Keep to one or two: small steps get embedded.");
    ImGui::Dummy(ImVec2(0, px(8)));
    for (const ActionStepView& step : view.steps) {
        draw_step(step, read_only, commands);
        ImGui::Dummy(ImVec2(0, px(16)));
    }
    ImGui::BeginDisabled(read_only);
    draw_new_step(view, meeting, commands);
    ImGui::EndDisabled();
}

}  // namespace tandem::ui
