#pragma once
// The People screen: everyone in the records, a field to add someone, and
// the form of the person selected. Anyone can coach and be coached, so the
// list is one list, in name order, with no ranks.

#include <optional>
#include <string>
#include <vector>

#include "core/record_id.hpp"
#include "ui/command.hpp"
#include "ui/record_form.hpp"

namespace tandem::ui {

// One person in the list.
struct PersonRow {
    RecordId id;
    std::string name;
    std::string detail;  // roles and subject, e.g. "Coach, coachee · Year 4"
};

struct PeopleView {
    std::vector<PersonRow> rows;  // in name order
    std::optional<RecordId> selected;
    RecordForm form;              // the selected person's; no fields when none is
    std::string new_name;         // typed for the next person to add
    std::string new_name_problem; // why it could not be added; empty otherwise
    bool needs_own_name = false;  // the user has not given their own name yet
};

// Draws the screen's body (under its heading), appending the user's requests.
void draw_people(const PeopleView& view, bool read_only, std::vector<Command>& commands);

}  // namespace tandem::ui
