#pragma once
// PeopleList: the People screen. Lists everyone who is not deleted in name
// order, shows the chosen person's form, and adds a person by name.

#include <optional>
#include <string>
#include <vector>

#include "app/command_routing.hpp"
#include "app/workspace.hpp"
#include "core/records.hpp"
#include "ui/command.hpp"
#include "ui/people_screen.hpp"
#include "ui/shell.hpp"

namespace tandem::app {

class PeopleList {
public:
    using Commands = CommandList<ui::SelectPerson, ui::EditNewPersonName, ui::AddPerson>;

    void apply(Workspace& work, const ui::SelectPerson& select);
    void apply(Workspace& work, const ui::EditNewPersonName& typed);
    // Adds the person named so far and shows them; a refusal is kept to show.
    void apply(Workspace& work, const ui::AddPerson& add);
    static constexpr ui::Screen screen = ui::Screen::people;
    // Shows `person` (a search result).
    bool open(Workspace&, const RecordId& person) {
        selected_ = person;
        return true;
    }
    // People, while it is shown.
    void show(Workspace& work, ui::ShellView& view) const;

    ui::PeopleView view(Workspace& work) const;

private:
    std::optional<RecordId> selected_;
    std::string new_name_, problem_;
};

// Names in the order a person reads them: ignoring case for ASCII letters.
bool name_before(const std::string& a, const std::string& b);
// The people who are not deleted, in name order; empty if they cannot be read.
std::vector<Person> people_by_name(Workspace& work);

}  // namespace tandem::app
