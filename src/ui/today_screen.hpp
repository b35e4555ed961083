#pragma once
// Today, the home screen: what needs the user this week (meetings planned or
// due, steps to check back on, pairings that have gone quiet) and what is
// coming up after, each one click from where it is recorded; and, before
// there is anything, how to start.

#include <string>
#include <vector>

#include "ui/command.hpp"

namespace tandem::ui {

// One line of the agenda.
struct AgendaRow {
    std::string title;   // "Check back with Sam Patel"
    std::string detail;  // the step's words and when
};

// A part of the agenda: "Meetings", "Steps to check back on", ...
struct AgendaSection {
    std::string heading;
    std::vector<AgendaRow> rows;
    std::vector<int> indexes;  // each row's index for OpenAgendaItem
};

struct TodayView {
    std::string date;                     // "Tuesday 1 December 2026"
    std::vector<AgendaSection> sections;  // what needs the user this week: only those with rows
    AgendaSection coming_up;              // later, up to four weeks ahead, soonest first; may have no rows
    bool needs_own_name = false;          // the user has not given their name yet
    bool has_pairings = false;
};

// Draws the screen's body (under its heading), appending the user's requests.
void draw_today(const TodayView& view, std::vector<Command>& commands);

}  // namespace tandem::ui
