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
    bool can_delete = true;            // the user wrote it (only its author deletes a step)
};

// A library entry offered for a new step.
struct LibraryStepOption {
    RecordId entry;
    std::string title;    // "Wait time"
    std::string wording;  // the step itself
};
// The entries of one area of the library ("Questioning") that match what was typed.
struct LibraryStepGroup {
    std::string area;
    std::vector<LibraryStepOption> steps;
};

struct ActionStepsView {
    std::vector<ActionStepView> steps;        // in the order they were set
    std::string library_filter;               // typed to find a step in the library
    std::vector<LibraryStepGroup> library;    // the entries that match it, by area; all when nothing is typed
    std::string new_wording;            // typed for a step of the user's own
    std::string problem;                // why a step could not be set; empty otherwise
};

// Draws the steps of meeting `meeting` and the ways to add one.
void draw_action_steps(const ActionStepsView& view, const RecordId& meeting, bool read_only,
                       std::vector<Command>& commands);

}  // namespace tandem::ui
