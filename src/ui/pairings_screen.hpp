#pragma once
// The Pairings screen: every coaching partnership, a form to start a new one
// (coach, coachee, first day), and the selected pairing: what comes next
// (the next meeting, the step being worked on), its records, goals and
// practice, its year, and then its agreement, cadence, model and time
// allowance.

#include <optional>
#include <string>
#include <vector>

#include "core/record_id.hpp"
#include "ui/command.hpp"
#include "ui/goals_panel.hpp"
#include "ui/record_form.hpp"
#include "ui/timeline_chart.hpp"
#include "ui/widgets.hpp"

namespace tandem::ui {

// One pairing in the list.
struct PairingRow {
    RecordId id;
    std::string title;   // "Ana Kowalska coaching Sam Patel"
    std::string detail;  // "Fortnightly · GROW · since 2026-09-01"
};

// What is chosen so far for a new pairing.
struct NewPairingView {
    std::vector<std::string> people;  // names to choose from, in name order
    int coach = -1;                   // index into people, -1 for none yet
    int coachee = -1;
    std::string starts_on;            // as typed
    DateFieldCalendar starts_on_calendar;  // the day it names, if any, for its calendar
    std::string problem;              // why it could not be created; empty otherwise
};

// The time allowance of the selected pairing, for its progress bar.
struct AllowanceView {
    float used_fraction = 0;  // 0..1 of the allowance (capped)
    std::string summary;      // "3 h 30 min of 12 h used since 1 September 2026"
};

// The private check-in on the selected pairing, when it is time for one.
struct CheckInView {
    bool asking = false;  // the question is shown
    std::string advice;   // after an honest "not really": what may help; empty otherwise
};

// What comes next in the selected pairing, at the top of it.
struct PairingHeader {
    std::string title;         // "Coaching Sam Patel", "Coached by Ana Kowalska"
    std::string next_meeting;  // "Mon 21 Dec, in 2 weeks"; empty when none is agreed
    std::string step;          // the step being worked on (planned or practising, the latest set); empty when none
    std::string success;       // what success looks like for it; may be empty
    std::string check_back;    // "Tue 15 Dec, in 8 days"; may be empty
    std::optional<RecordId> step_meeting;  // the meeting that set the step, to open it
};

struct PairingsView {
    std::vector<PairingRow> rows;
    std::optional<RecordId> selected;
    RecordForm form;  // the selected pairing's; no fields when none is
    PairingHeader header;  // the selected pairing's next meeting and current step
    std::optional<AllowanceView> allowance;
    std::optional<TimelineChartView> timeline;  // the selected pairing's year as a chart
    CheckInView check_in;
    bool sample = false;  // the selected pairing is the made-up sample
    GoalsView goals;      // the selected pairing's goals and practice log
    std::vector<PairingRow> meetings;  // the selected pairing's, newest first
    std::vector<PairingRow> observations;  // its lesson visits, newest first
    std::vector<PairingRow> reflections;   // newest first; others' private ones never
    bool creating = false;  // the new pairing's form is shown instead of the selected one
    NewPairingView new_pairing;
    bool needs_own_name = false;  // the user has not given their own name yet
};

// Draws the screen's body (under its heading), appending the user's requests.
void draw_pairings(const PairingsView& view, bool read_only, std::vector<Command>& commands);

}  // namespace tandem::ui
