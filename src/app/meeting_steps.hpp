#pragma once
// MeetingSteps: the action steps of the open meeting. Lists them with their
// status history, sets new ones from the library (its wording, success
// criteria and practice task copied, so the pair can adapt them) or written
// fresh, and moves their status through the core's command, which keeps the
// history. Remembers the choices made for the next step until it is set.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "app/workspace.hpp"
#include "core/records.hpp"
#include "ui/action_steps_panel.hpp"

namespace tandem::app {

class MeetingSteps {
public:
    // The steps of `meeting` and the ways to add one, as the meeting shows them.
    ui::ActionStepsView view(Workspace& work, const Meeting& meeting);

    // The library entry chosen, by its index in the list last shown.
    void choose_library(int index);
    // The wording typed for a step of the user's own.
    void edit_new(std::string text);
    // Sets a step in `meeting`, from the chosen entry or the wording typed; a
    // refusal is kept to show, and what was typed stays.
    void add(Workspace& work, const Meeting& meeting, bool from_library);
    // Moves a step to another status, adding to its history.
    void set_status(Workspace& work, const ui::SetStepStatus& change);
    // Forgets the choices for the next step (another meeting is opened).
    void reset();

private:
    int library_choice_ = -1;
    std::vector<RecordId> library_;  // the entries last offered, in their order
    // Their labels and wordings, read again only when a library entry was saved.
    std::vector<std::string> library_labels_, library_wordings_;
    std::optional<std::uint64_t> library_read_at_;  // the store's saves_of(library_entry) then
    std::string new_wording_;
    std::string problem_;
    std::map<RecordId, std::string> status_problems_;
};

}  // namespace tandem::app
