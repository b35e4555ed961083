#pragma once
// UndoOffer: deleting a meeting, lesson visit, reflection or step, with the
// offer to undo it shown over the foot of the screen until it is closed.
// Undo brings the record back and shows it where it was.

#include <optional>
#include <string>

#include "app/command_routing.hpp"
#include "app/workspace.hpp"
#include "ui/command.hpp"

namespace tandem::app {

class UndoOffer {
public:
    using Commands = CommandList<ui::DeleteRecord, ui::UndoDelete, ui::DismissUndo>;

    void apply(Workspace& work, const ui::DeleteRecord& target);
    void apply(Workspace& work, const ui::UndoDelete& undo);
    void apply(Workspace& work, const ui::DismissUndo& dismiss);

    // What the offer says ("Meeting deleted."); empty when there is none.
    std::string view() const;

private:
    std::optional<ui::DeleteRecord> deleted_;  // what Undo brings back
};

}  // namespace tandem::app
