#pragma once
// Observation quick capture, for use during a lesson on a touch laptop: the
// focus of the visit, large buttons that add a note stamped with the time,
// and tallies counted with a tap. Low-inference notes only: no grades
// anywhere.

#include <cstdint>
#include <string>
#include <vector>

#include "core/record_id.hpp"
#include "ui/command.hpp"
#include "ui/record_form.hpp"

namespace tandem::ui {

// A tap counter: "Cold calls", 7.
struct TallyView {
    RecordId id;
    std::string label;
    std::int64_t total = 0;
};

// The field of the next note, which Ctrl+J goes to.
inline constexpr const char* observation_note_label = "What you see or hear";

struct ObservationView {
    RecordId id;
    std::string title;       // "Observing Sam Patel's lesson"
    RecordForm details;      // focus, class, date, length
    RecordForm praise;       // what went well, for the conversation after
    std::vector<RecordForm> notes;  // by time of day; each one's label is its time, "09:14"
    std::string new_note;    // typed for the next note
    std::string note_problem;
    std::vector<TallyView> tallies;
    std::string new_tally;   // typed for the next tally's name
    std::string tally_problem;
    bool own = true;         // the user made this visit: only they add notes and tallies, count, or delete it
};

// Draws the screen's body (under its heading), appending the user's requests.
void draw_observation(const ObservationView& view, bool read_only, std::vector<Command>& commands);

}  // namespace tandem::ui
