#include "core/edit_rights.hpp"

#include "core/records.hpp"

namespace tandem {

bool written_together(Kind kind, FieldIndex field) {
    if (field == tombstone_field) return false;
    switch (kind) {
        case Kind::pairing:
            return field != Pairing::fields::second_coach && field != Pairing::fields::allowance_minutes;
        case Kind::meeting: return field == Meeting::fields::shared_notes;
        case Kind::cycle:
        case Kind::goal: return true;
        case Kind::action_step:
            return field == ActionStep::fields::status || field == ActionStep::fields::check_back_on;
        default: return false;
    }
}

bool parts_written_together(Kind kind) {
    return kind == Kind::cycle || kind == Kind::action_step || kind == Kind::practice;
}

bool may_change_field(const Record& record, FieldIndex field, const RecordId& actor) {
    if (record.created_by.is_nil()) return false;
    if (record.kind == Kind::person) {
        // Someone with Tandem of their own (a sharing code) owns their name,
        // their code and their existence; the rest anyone may fill in.
        const bool own_field = field == tombstone_field || field == Person::fields::display_name ||
                               field == Person::fields::sharing_code;
        return !own_field || record.id == actor || record.text(Person::fields::sharing_code).empty();
    }
    return record.created_by == actor || (record.visibility == Visibility::shared && written_together(record.kind, field));
}

bool may_delete(const Record& record, const RecordId& actor) {
    return may_change_field(record, tombstone_field, actor);
}

bool may_add_part(const Record& parent, const RecordId& actor) {
    return !parent.created_by.is_nil() && (parent.created_by == actor || parts_written_together(parent.kind));
}

}  // namespace tandem
