#pragma once
// The meeting editor: when and how the conversation went, the coach's
// stance with a prompt that suits it, the fields of the meeting's model
// (GROW, BASIC, Impact Cycle, action-step), the shared notes, and the
// user's private note, which looks unmistakably different and never leaves
// this device.

#include <string>
#include <vector>

#include "core/record_id.hpp"
#include "ui/action_steps_panel.hpp"
#include "ui/command.hpp"
#include "ui/goals_panel.hpp"
#include "ui/record_form.hpp"

namespace tandem::ui {

// The label of the meeting's shared notes, which Ctrl+J goes to.
inline constexpr const char* shared_notes_label = "Shared notes";

struct MeetingView {
    RecordId id;
    std::string title;          // "Meeting with Sam Patel"
    RecordForm details;         // date, length, kind, status, model, stance, next meeting
    std::string stance_prompt;  // a prompt that suits the stance chosen; empty for the coachee
    std::string stage_hint;     // a gentle hint from the coachee's career stage; may be empty, and is for the coachee
    bool can_delete = true;     // the user wrote the meeting (only its author deletes it)
    std::string written_by;     // who recorded it, when not the user ("Ana Kowalska"); empty for the user's own
    RecordForm conversation;    // the model's fields, then the shared notes
    ActionStepsView steps;      // the steps set in this meeting
    RecordId pairing;           // the meeting's pairing
    bool shows_goals = false;   // Impact Cycle: the pairing's goals, with PEERS, after the model's fields
    GoalsView goals;
    std::string private_note;   // the user's own, as typed
    std::string private_problem;
};

// Draws the screen's body (under its heading), appending the user's requests.
void draw_meeting(const MeetingView& view, bool read_only, std::vector<Command>& commands);

}  // namespace tandem::ui
