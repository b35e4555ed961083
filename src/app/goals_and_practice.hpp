#pragma once
// GoalsAndPractice: the selected pairing's goals (kept in its current
// coaching cycle, which the first goal starts) and its practice log, with
// what is typed for the next of each until it is added.

#include <optional>
#include <string>

#include "app/command_routing.hpp"
#include "app/workspace.hpp"
#include "ui/command.hpp"
#include "ui/goals_panel.hpp"
#include "ui/shell.hpp"

namespace tandem::app {

class GoalsAndPractice {
public:
    using Commands = CommandList<ui::EditNewGoal, ui::EditNewPractice, ui::AddGoal, ui::AddPractice>;

    // The goals and log of `pairing`, as the pairing and an Impact Cycle
    // meeting show them; what was typed for another pairing is forgotten.
    ui::GoalsView view(Workspace& work, const RecordId& pairing);
    // The goals panel of the pairing or Impact Cycle meeting shown.
    void show(Workspace& work, ui::ShellView& view);

    void apply(Workspace& work, const ui::EditNewGoal& typed);
    void apply(Workspace& work, const ui::EditNewPractice& typed);
    // Adds the goal typed to the pairing's latest cycle (starting one if it
    // has none); a refusal is kept to show, and the text stays.
    void apply(Workspace& work, const ui::AddGoal& add);
    // Adds the practice typed to the log, dated today.
    void apply(Workspace& work, const ui::AddPractice& add);

private:
    std::optional<RecordId> shown_;  // the pairing what is typed belongs to
    std::string new_goal_, goal_problem_;
    std::string new_practice_, practice_problem_;
};

}  // namespace tandem::app
