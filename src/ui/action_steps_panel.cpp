#include "ui/action_steps_panel.hpp"

#include <imgui.h>

#include <array>

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
    ImGui::SameLine(0, px(24));
    if (action_button("Delete step")) commands.push_back(DeleteRecord{Kind::action_step, step.form.id});
    ImGui::EndDisabled();
    field_problem(step.problem);
    std::string history;
    for (const std::string& change : step.history) history += (history.empty() ? std::string() : std::string(" ") + symbols::right_arrow + " ") + change;
    field_help(history);
    ImGui::PopID();
}

void draw_new_step(const ActionStepsView& view, const RecordId& meeting, std::vector<Command>& commands) {
    if (auto chosen = choice_list("From the library", view.library, view.library_choice))
        commands.push_back(ChooseLibraryStep{*chosen});
    if (view.library_choice >= 0) {
        field_help(view.library_wording);
        if (action_button("Use this step")) commands.push_back(AddActionStep{meeting, true});
    }
    ImGui::Dummy(ImVec2(0, px(8)));
    bool entered = false;
    if (auto text = text_field("Or write your own step", view.new_wording, {}, "One small, concrete step", &entered))
        commands.push_back(EditNewStep{std::move(*text)});
    const bool blank = view.new_wording.find_first_not_of(" \t\n") == std::string::npos;
    if (entered && !blank) commands.push_back(AddActionStep{meeting, false});
    ImGui::BeginDisabled(blank);
    if (action_button("Add step")) commands.push_back(AddActionStep{meeting, false});
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
