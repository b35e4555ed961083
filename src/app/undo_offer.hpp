#pragma once
// UndoOffer: deleting a meeting, lesson visit, reflection or step, with the
// offer to undo it shown over the foot of the screen until it is closed.
// Undo brings the record back and shows it where it was.

#include <optional>
#include <string>

#include "app/command_routing.hpp"
#include "app/workspace.hpp"
#include "ui/command.hpp"
#include "ui/shell.hpp"

namespace tandem::app {

class UndoOffer {
public:
    using Commands = CommandList<ui::DeleteRecord, ui::UndoDelete, ui::DismissUndo>;

    void apply(Workspace& work, const ui::DeleteRecord& target);
    void apply(Workspace& work, const ui::UndoDelete& undo);
    void apply(Workspace& work, const ui::DismissUndo& dismiss);

    // The offer, shown over any screen.
    void show(Workspace& work, ui::ShellView& view) const;

private:
    std::optional<ui::DeleteRecord> deleted_;  // what Undo brings back
};

}  // namespace tandem::app
