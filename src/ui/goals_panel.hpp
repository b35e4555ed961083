#pragma once
// A pairing's goals, each with its measure and PEERS checklist, and its
// practice log: the coachee's own side of the work, on their pairing.

#include <string>
#include <vector>

#include "core/record_id.hpp"
#include "ui/command.hpp"
#include "ui/record_form.hpp"

namespace tandem::ui {

// One goal: its words and measure, and its PEERS checklist.
struct GoalView {
    RecordForm goal;
    RecordForm peers;
};

struct GoalsView {
    std::vector<GoalView> goals;       // oldest first
    std::string new_goal, goal_problem;
    std::vector<RecordForm> practice;  // newest first
    std::string new_practice, practice_problem;
};

// Draws the goals and the practice log of pairing `pairing`.
void draw_goals(const GoalsView& view, const RecordId& pairing, bool read_only, std::vector<Command>& commands);
// Draws the goals alone, each with its PEERS checklist, and the field to add one.
void draw_goal_list(const GoalsView& view, const RecordId& pairing, bool read_only, std::vector<Command>& commands);

}  // namespace tandem::ui
