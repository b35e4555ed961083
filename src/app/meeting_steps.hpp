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

    // What is typed to find a library entry; the entries offered narrow to it.
    void find_in_library(std::string text);
    // The wording typed for a step of the user's own.
    void edit_new(std::string text);
    // Sets a step in `meeting`, from library entry `library_entry` or,
    // without one, the wording typed; a refusal is kept to show, and what
    // was typed stays.
    void add(Workspace& work, const Meeting& meeting, const std::optional<RecordId>& library_entry);
    // Moves a step to another status, adding to its history.
    void set_status(Workspace& work, const ui::SetStepStatus& change);
    // Forgets the choices for the next step (another meeting is opened).
    void reset();

private:
    // The library's entries, read again only when one was saved.
    struct Offered {
        RecordId id;
        std::string area, title, wording;
        std::string folded;  // area, title and wording in lower case, to match what is typed
    };
    std::vector<Offered> library_;
    std::optional<std::uint64_t> library_read_at_;  // the store's saves_of(library_entry) then
    std::string library_filter_;
    // Reads the library again if an entry was saved since it was last read.
    void read_library(Workspace& work);
    std::string new_wording_;
    std::string problem_;
    std::map<RecordId, std::string> status_problems_;
};

}  // namespace tandem::app
