#pragma once
// ObservationCapture: the observation open for capture. Starts one for a
// pairing, adds notes stamped with the time of day they were added, keeps
// tallies, and shows it all through ui::ObservationView. What is typed for
// the next note or tally stays here until it is added.

#include <optional>
#include <string>

#include "app/command_routing.hpp"
#include "app/workspace.hpp"
#include "core/records.hpp"
#include "ui/command.hpp"
#include "ui/observation_screen.hpp"
#include "ui/shell.hpp"

namespace tandem::app {

class ObservationCapture {
public:
    using Commands = CommandList<ui::NewObservation, ui::OpenObservation, ui::EditNewObservationNote,
                                 ui::AddObservationNote, ui::EditNewTally, ui::AddTally, ui::CountTally>;

    // Starts an observation of the pairing's coachee today and opens it.
    void apply(Workspace& work, const ui::NewObservation& start);
    void apply(Workspace& work, const ui::OpenObservation& open_it);
    void apply(Workspace& work, const ui::EditNewObservationNote& typed);
    // Adds the note typed, stamped with the time of day (work.second_of_day).
    void apply(Workspace& work, const ui::AddObservationNote& add);
    void apply(Workspace& work, const ui::EditNewTally& typed);
    void apply(Workspace& work, const ui::AddTally& add);
    // Counts one more or one fewer; never below zero.
    void apply(Workspace& work, const ui::CountTally& tap);

    static constexpr ui::Screen screen = ui::Screen::observation;
    // Opens a stored observation.
    bool open(Workspace& work, const RecordId& observation);
    // The observation shown, if one is open.
    const std::optional<RecordId>& shown() const { return shown_; }
    // The visit while it is shown; back to Pairings when it is gone.
    void show(Workspace& work, ui::ShellView& view);

    // The observation as the screen shows it; nullopt if it is gone.
    std::optional<ui::ObservationView> view(Workspace& work);

private:
    std::optional<RecordId> shown_;
    std::string new_note_, note_problem_;
    std::string new_tally_, tally_problem_;
};

// "09:14" for a second of the day.
std::string time_of_day_text(std::int64_t second_of_day);
// A note's time: minutes since the visit's first note, then the clock time,
// "12 min in · 09:26".
std::string note_time_text(std::int64_t second_of_day, std::int64_t first_second);

}  // namespace tandem::app
