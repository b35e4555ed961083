#pragma once
// ProfileSettings: who the user is in these records. Finds the profile's own
// person when the records open, keeps the name and subject typed in
// Settings (what cannot be stored stays, with its reason), creates the own
// person with the first name, and adopts the person a first bundle says the
// user is. Keeps the own person carrying the profile's sharing code, so a
// partner's Tandem can tell it is them.

#include <optional>
#include <span>
#include <string>

#include "app/command_routing.hpp"
#include "app/workspace.hpp"
#include "ui/command.hpp"
#include "ui/shell.hpp"

namespace tandem::app {

class ProfileSettings {
public:
    using Commands = CommandList<ui::EditProfile>;

    // Finds the own person among `people` (made on this device, or adopted)
    // and brings its sharing code up to date with `context`'s edits, when
    // the keys are known.
    void find_me(store::SqliteRecordStore& store, std::span<const Record> people, SiteId site,
                 const crypto::Identity* identity, std::optional<CommandContext> context);
    // The own person; nil before the user has given their name.
    RecordId me() const { return me_.value_or(RecordId{}); }

    // Keeps what was typed; the record is created once there is a name, and
    // changed field by field after that.
    void apply(Workspace& work, const ui::EditProfile& edit);
    // Makes `person` the own person (a first bundle names the user so): kept
    // on this device, with the private records and the profile of the person
    // it replaces, who goes unless a pairing still names them.
    void adopt(Workspace& work, const RecordId& person);

    // Settings' profile, without the partners (the Share part's), kept
    // current on every screen (the test hook and the sidebar read it).
    void show(Workspace& work, ui::ShellView& view) const;
    // The own person as stored; empty before there is one.
    Person stored(Workspace& work) const;

private:
    std::optional<RecordId> me_;
    ui::FieldView name_, subject_;  // as typed; shown while they have a problem
};

}  // namespace tandem::app
