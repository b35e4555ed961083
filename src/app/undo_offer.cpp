#include "app/undo_offer.hpp"

#include "app/command_error_text.hpp"
#include "app/record_finder.hpp"

namespace tandem::app {

void UndoOffer::apply(Workspace& work, const ui::DeleteRecord& target) {
    if (!work.context) return;
    if (auto deleted = delete_record(*work.context, target.kind, target.id); !deleted) {
        work.navigator.notice(command_error_text(deleted.error()), true);
        return;
    }
    work.forms.forget(target.id);
    deleted_ = target;
}

void UndoOffer::apply(Workspace& work, const ui::UndoDelete&) {
    if (!work.context || !deleted_) return;
    const ui::DeleteRecord target = *deleted_;
    if (auto restored = restore_record(*work.context, target.kind, target.id); !restored) {
        work.navigator.notice(command_error_text(restored.error()), true);
        return;
    }
    deleted_.reset();
    if (auto destination = where_shown(work, target.kind, target.id)) work.navigator.show(*destination);
}

void UndoOffer::apply(Workspace&, const ui::DismissUndo&) { deleted_.reset(); }

void UndoOffer::show(Workspace&, ui::ShellView& view) const {
    view.undo.clear();
    if (!deleted_) return;
    switch (deleted_->kind) {
        case Kind::meeting: view.undo = "Meeting deleted."; break;
        case Kind::observation: view.undo = "Lesson visit deleted."; break;
        case Kind::reflection: view.undo = "Reflection deleted."; break;
        case Kind::action_step: view.undo = "Action step deleted."; break;
        default: view.undo = "Deleted."; break;
    }
}

}  // namespace tandem::app
