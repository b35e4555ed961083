#pragma once
// The action steps set in a meeting: each small step with its success
// criteria, practice task and check-back date, its status (planned,
// practising, embedded, or dropped) with the history of its changes, and a
// way to set another, from the library or written fresh.

#include <string>
#include <vector>

#include "core/record_id.hpp"
#include "ui/command.hpp"
#include "ui/record_form.hpp"

namespace tandem::ui {

// One step, as the meeting shows it.
struct ActionStepView {
    RecordForm form;  // the step, success criteria, practice task, check-back date
    StepStatus status = StepStatus::planned;
    std::vector<std::string> history;  // "Planned on 2026-11-24", oldest first
    std::string problem;               // why a status change was refused; empty otherwise
};

struct ActionStepsView {
    std::vector<ActionStepView> steps;  // in the order they were set
    std::vector<std::string> library;   // "Questioning: Wait time", to choose from
    int library_choice = -1;            // index into library, -1 for none
    std::string library_wording;        // the chosen entry's step, to read before using it
    std::string new_wording;            // typed for a step of the user's own
    std::string problem;                // why a step could not be set; empty otherwise
};

// Draws the steps of meeting `meeting` and the ways to add one.
void draw_action_steps(const ActionStepsView& view, const RecordId& meeting, bool read_only,
                       std::vector<Command>& commands);

}  // namespace tandem::ui
