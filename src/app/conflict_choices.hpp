#pragma once
// ConflictChoices: texts both partners changed at once, which a merge kept
// both of (the record holds one, the other is kept beside it). Shown on the
// Share screen until each is decided: keep the one shown, use the other, or
// keep both one after the other (an edit, sent to the partner like any other).

#include <vector>

#include "app/command_routing.hpp"
#include "app/workspace.hpp"
#include "ui/command.hpp"
#include "ui/shell.hpp"

namespace tandem::app {

class ConflictChoices {
public:
    using Commands = CommandList<ui::ResolveConflict>;

    // Decides one conflict; either way it is resolved. A refusal is told.
    void apply(Workspace& work, const ui::ResolveConflict& choice);
    // The conflicts not decided yet, while Share is shown.
    void show(Workspace& work, ui::ShellView& view) const;

private:
    // The open conflicts of records still there, as the screen shows them.
    std::vector<ui::ConflictView> read(Workspace& work) const;
};

}  // namespace tandem::app
