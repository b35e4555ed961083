#pragma once
// GoalsAndPractice: the selected pairing's goals (kept in its current
// coaching cycle, which the first goal starts) and its practice log, with
// what is typed for the next of each until it is added.

#include <string>

#include "app/workspace.hpp"
#include "ui/goals_panel.hpp"

namespace tandem::app {

class GoalsAndPractice {
public:
    // The goals and log of `pairing`, as the pairing shows them.
    ui::GoalsView view(Workspace& work, const RecordId& pairing);

    void edit_new_goal(std::string text);
    void edit_new_practice(std::string text);
    // Adds the goal typed to the pairing's latest cycle (starting one if it
    // has none); a refusal is kept to show, and the text stays.
    void add_goal(Workspace& work, const RecordId& pairing);
    // Adds the practice typed to the log, dated today.
    void add_practice(Workspace& work, const RecordId& pairing);
    // Forgets what was typed (another pairing is shown).
    void reset() { *this = {}; }

private:
    std::string new_goal_, goal_problem_;
    std::string new_practice_, practice_problem_;
};

}  // namespace tandem::app
