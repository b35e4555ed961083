#pragma once
// The Library: the action steps Tandem ships with (and, in time, the ones
// users add), by area of teaching, each with its success criteria and
// practice task. Steps are set from a meeting; here they are read.

#include <optional>
#include <string>
#include <vector>

#include "core/record_id.hpp"
#include "ui/command.hpp"

namespace tandem::ui {

// One step in the list.
struct LibraryRow {
    RecordId id;
    std::string title;  // "Wait time"
    std::string area;   // "Questioning"
};

// The step chosen, in full.
struct LibraryEntryView {
    std::string title;
    std::string area;
    std::string wording;
    std::string success_criteria;
    std::string practice_task;
};

struct LibraryView {
    std::vector<LibraryRow> rows;  // by area, in the library's order
    std::optional<RecordId> selected;
    std::optional<LibraryEntryView> entry;  // the selected one's
};

// Draws the screen's body (under its heading), appending the user's requests.
void draw_library(const LibraryView& view, std::vector<Command>& commands);

}  // namespace tandem::ui
