#include "app/conflict_choices.hpp"

#include <algorithm>
#include <string>

#include "app/command_error_text.hpp"
#include "core/edit_rights.hpp"
#include "store/field_conflicts.hpp"

namespace tandem::app {

void ConflictChoices::show(Workspace& work, ui::ShellView& view) const {
    if (view.screen == ui::Screen::share) view.share.conflicts = read(work);
}

std::vector<ui::ConflictView> ConflictChoices::read(Workspace& work) const {
    std::vector<ui::ConflictView> shown_conflicts;
    auto conflicts = store::open_conflicts(work.store.database());
    if (!conflicts) return shown_conflicts;
    for (const store::FieldConflict& conflict : conflicts.value()) {
        auto record = work.store.load(conflict.kind, conflict.record);
        if (!record || !record.value() || record.value()->is_deleted()) continue;
        if (conflict.field == 0 || conflict.field >= record.value()->fields.size()) continue;
        // Versions of what only the partner may change are theirs to settle.
        if (!may_change_field(*record.value(), conflict.field, work.me)) continue;
        ui::ConflictView shown;
        shown.conflict = conflict.seq;
        const auto form = form_for(conflict.kind);
        const auto field = std::find_if(form.begin(), form.end(),
                                        [&](const FormFieldDefinition& definition) { return definition.field == conflict.field; });
        const std::string label =
            field != form.end() ? field->label : std::string(kind_spec(conflict.kind).field(conflict.field).name);
        std::string kind(kind_name(conflict.kind));
        std::replace(kind.begin(), kind.end(), '_', ' ');
        if (!kind.empty()) kind[0] = static_cast<char>(kind[0] - 'a' + 'A');
        shown.where = kind + ": " + label;
        if (conflict.kind == Kind::meeting) {
            if (const auto* held = std::get_if<std::int64_t>(&record.value()->field(Meeting::fields::held_on).value))
                shown.where = "The meeting of " + work.dates.words(CalendarDate{static_cast<std::int32_t>(*held)}) + ": " + label;
        }
        shown.shown = record.value()->text(conflict.field);
        shown.other = conflict.losing_text;
        shown_conflicts.push_back(std::move(shown));
    }
    return shown_conflicts;
}

void ConflictChoices::apply(Workspace& work, const ui::ResolveConflict& choice) {
    if (!work.context) return;
    const std::vector<ui::ConflictView> shown = read(work);
    const auto found = std::find_if(shown.begin(), shown.end(),
                                    [&](const ui::ConflictView& conflict) { return conflict.conflict == choice.conflict; });
    if (found == shown.end()) return;
    auto conflicts = store::open_conflicts(work.store.database());
    if (!conflicts) return;
    const auto stored = std::find_if(conflicts.value().begin(), conflicts.value().end(),
                                     [&](const store::FieldConflict& conflict) { return conflict.seq == choice.conflict; });
    if (stored == conflicts.value().end()) return;
    if (choice.choice != ui::ConflictChoice::keep_shown) {
        const std::string text = choice.choice == ui::ConflictChoice::use_other
                                     ? found->other
                                     : found->shown + (found->shown.empty() ? "" : "\n\n") + found->other;
        auto updated = update_field(*work.context, stored->kind, stored->record, stored->field, text);
        if (!updated) {
            work.navigator.notice("That could not be kept: " + command_error_text(updated.error()), true);
            return;
        }
    }
    (void)store::resolve_conflict(work.store.database(), choice.conflict);
}

}  // namespace tandem::app
