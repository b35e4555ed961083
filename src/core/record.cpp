#include "core/record.hpp"

#include "core/record_binding.hpp"

#include <algorithm>
#include <cassert>

namespace tandem {

Record Record::blank(Kind kind) {
    // Built once from the typed structs' defaults, then copied.
    static const std::vector<Record> blanks = [] {
        std::vector<Record> records(all_kinds().size());
        for_each_record_type([&](auto tag) {
            using T = typename decltype(tag)::type;
            records[static_cast<std::size_t>(T::kind) - 1] = to_record(T{});
        });
        return records;
    }();
    const auto index = static_cast<std::size_t>(kind) - 1;
    assert(index < blanks.size() && blanks[index].kind == kind);
    return blanks[index];
}

const FieldState& Record::field(FieldIndex index) const {
    assert(index < fields.size());
    return fields[index];
}

FieldState& Record::field(FieldIndex index) {
    assert(index < fields.size());
    return fields[index];
}

bool Record::is_deleted() const {
    const FieldState& tombstone = fields[tombstone_field];
    const auto* flag = std::get_if<std::int64_t>(&tombstone.value);
    if (flag == nullptr || *flag == 0) return false;
    for (std::size_t i = 1; i < fields.size(); ++i)
        if (fields[i].stamp > tombstone.stamp) return false;
    return true;
}

std::optional<RecordId> Record::reference(FieldIndex index) const {
    const auto* named = std::get_if<RecordId>(&field(index).value);
    return named ? std::optional<RecordId>(*named) : std::nullopt;
}

std::string Record::text(FieldIndex index) const {
    const auto* value = std::get_if<std::string>(&field(index).value);
    return value ? *value : std::string();
}

std::vector<RecordId> pairing_members(const Record& pairing) {
    assert(pairing.kind == Kind::pairing);
    std::vector<RecordId> members;
    for (const FieldIndex field : {Pairing::fields::coach, Pairing::fields::coachee, Pairing::fields::second_coach})
        if (auto id = pairing.reference(field)) members.push_back(*id);
    return members;
}

Record bare_tombstone(const Record& deleted) {
    assert(deleted.is_deleted());
    const KindSpec& spec = kind_spec(deleted.kind);
    Record bare = Record::blank(deleted.kind);
    bare.id = deleted.id;
    bare.created_by = deleted.created_by;
    bare.created_at_ms = deleted.created_at_ms;
    bare.visibility = deleted.visibility;
    bare.fields[tombstone_field] = deleted.fields[tombstone_field];
    for (const FieldSpec& field : spec.fields)
        if (field.is_anchor()) bare.fields[field.index] = deleted.fields[field.index];
    return bare;
}

bool is_bare_tombstone(const Record& record) {
    const KindSpec& spec = kind_spec(record.kind);
    if (record.fields.size() != spec.slot_count() || !record.is_deleted()) return false;
    const Record blank = Record::blank(record.kind);
    for (const FieldSpec& field : spec.fields)
        if (!field.is_anchor() && record.fields[field.index] != blank.fields[field.index]) return false;
    return true;
}

Stamp Record::latest_stamp() const {
    Stamp latest;
    for (const FieldState& field : fields) latest = std::max(latest, field.stamp);
    return latest;
}

}  // namespace tandem
