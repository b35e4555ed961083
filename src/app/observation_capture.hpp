#pragma once
// ObservationCapture: the observation open for capture. Starts one for a
// pairing, adds notes stamped with the time of day they were added, keeps
// tallies, and shows it all through ui::ObservationView. What is typed for
// the next note or tally stays here until it is added.

#include <optional>
#include <string>

#include "app/workspace.hpp"
#include "core/records.hpp"
#include "ui/observation_screen.hpp"

namespace tandem::app {

class ObservationCapture {
public:
    // Starts an observation of the pairing's coachee today and opens it;
    // false (with a problem in `problem`) if it could not be created.
    bool start(Workspace& work, const RecordId& pairing, std::string& problem);
    // Opens a stored observation.
    void open(const RecordId& observation);
    // The observation shown, if one is open.
    const std::optional<RecordId>& shown() const { return shown_; }

    // The observation as the screen shows it; nullopt if it is gone.
    std::optional<ui::ObservationView> view(Workspace& work);

    void edit_new_note(std::string text);
    // Adds the note typed, stamped `second_of_day` (0..86399, local time).
    void add_note(Workspace& work, const RecordId& observation, std::int64_t second_of_day);
    void edit_new_tally(std::string text);
    void add_tally(Workspace& work, const RecordId& observation);
    // Counts one more or one fewer; never below zero.
    void count(Workspace& work, const ui::CountTally& tap);

private:
    std::optional<RecordId> shown_;
    std::string new_note_, note_problem_;
    std::string new_tally_, tally_problem_;
};

// "09:14" for a second of the day.
std::string time_of_day_text(std::int64_t second_of_day);

}  // namespace tandem::app
