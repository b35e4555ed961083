#include "ui/goals_panel.hpp"

#include <imgui.h>

#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace tandem::ui {

namespace {

// A field and its Add button; Enter adds too. Returns true when adding.
bool add_line(const char* label, const char* hint, const char* button, const std::string& text,
              const std::string& problem, std::vector<Command>& commands, Command edit_with_text(std::string)) {
    bool entered = false;
    if (auto typed = text_field(label, text, problem, hint, &entered)) commands.push_back(edit_with_text(std::move(*typed)));
    const bool blank = text.find_first_not_of(" \t") == std::string::npos;
    ImGui::BeginDisabled(blank);
    const bool clicked = action_button(button);
    ImGui::EndDisabled();
    return clicked || (entered && !blank);
}

}  // namespace

void draw_goal_list(const GoalsView& view, const RecordId& pairing, bool read_only, std::vector<Command>& commands) {
    ImGui::TextUnformatted("Goals");
    field_help("The coachee's own goals, in their words, with how you will both know it is working.");
    ImGui::Dummy(ImVec2(0, px(4)));
    for (const GoalView& goal : view.goals) {
        RecordForm words = goal.goal;
        words.read_only = words.read_only || read_only;
        draw_form(words, commands);
        ImGui::Dummy(ImVec2(0, px(4)));
        field_help("Is it PEERS?");
        RecordForm peers = goal.peers;
        peers.read_only = peers.read_only || read_only;
        peers.columns = 3;
        draw_form(peers, commands);
        ImGui::Dummy(ImVec2(0, px(12)));
    }
    ImGui::BeginDisabled(read_only);
    if (add_line("New goal", "For example: calmer starts after lunch", "Add goal", view.new_goal, view.goal_problem,
                 commands, [](std::string text) -> Command { return EditNewGoal{std::move(text)}; }))
        commands.push_back(AddGoal{pairing});
    ImGui::EndDisabled();
}

void draw_goals(const GoalsView& view, const RecordId& pairing, bool read_only, std::vector<Command>& commands) {
    draw_goal_list(view, pairing, read_only, commands);
    ImGui::Dummy(ImVec2(0, px(16)));
    ImGui::TextUnformatted("Practice log");
    field_help("Each time a step is rehearsed or tried in class: a line on what and how it went.");
    ImGui::Dummy(ImVec2(0, px(4)));
    ImGui::BeginDisabled(read_only);
    if (add_line("Log practice", "For example: rehearsed the door greeting twice", "Add to the log", view.new_practice,
                 view.practice_problem, commands,
                 [](std::string text) -> Command { return EditNewPractice{std::move(text)}; }))
        commands.push_back(AddPractice{pairing});
    ImGui::EndDisabled();
    for (const RecordForm& entry : view.practice) {
        ImGui::Dummy(ImVec2(0, px(8)));
        RecordForm form = entry;
        form.read_only = form.read_only || read_only;
        draw_form(form, commands);
    }
}

}  // namespace tandem::ui
