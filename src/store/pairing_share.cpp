#include "store/pairing_share.hpp"

#include <algorithm>
#include <deque>
#include <map>
#include <set>

#include "core/field_spec.hpp"

namespace tandem::store {

namespace {

// The records that belong to a pairing, kind by kind, as SQL over the kind's
// table with ?1 the pairing's id. Kinds not listed belong to no pairing;
// they travel only as targets of references.
constexpr std::pair<Kind, std::string_view> belonging[] = {
    {Kind::pairing, "id = ?1"},
    {Kind::cycle, "pairing = ?1"},
    {Kind::goal, "cycle IN (SELECT id FROM cycle WHERE pairing = ?1)"},
    {Kind::meeting, "pairing = ?1"},
    {Kind::note, "pairing = ?1"},
    {Kind::observation, "pairing = ?1"},
    {Kind::observation_note, "observation IN (SELECT id FROM observation WHERE pairing = ?1)"},
    {Kind::tally, "observation IN (SELECT id FROM observation WHERE pairing = ?1)"},
    {Kind::action_step, "pairing = ?1"},
    {Kind::step_status_change, "step IN (SELECT id FROM action_step WHERE pairing = ?1)"},
    {Kind::practice, "pairing = ?1"},
    {Kind::practice_round, "practice IN (SELECT id FROM practice WHERE pairing = ?1)"},
    {Kind::reflection, "pairing = ?1"},
    {Kind::evidence, "pairing = ?1"},
    {Kind::time_log, "pairing = ?1"},
};

bool in_range(const Record& record, const ShareRange& range) {
    const std::int64_t edited = hlc_wall_ms(record.latest_stamp().hlc);
    return (!range.edited_from_ms || edited >= *range.edited_from_ms) &&
           (!range.edited_until_ms || edited <= *range.edited_until_ms);
}

std::optional<RecordId> id_of(const Record& record, FieldIndex field) {
    const auto* id = std::get_if<RecordId>(&record.field(field).value);
    return id ? std::optional<RecordId>(*id) : std::nullopt;
}

// The record id in `record`'s reference field `name`, if it has one set.
std::optional<RecordId> reference_named(const Record& record, std::string_view name) {
    for (const FieldSpec& field : kind_spec(record.kind).fields)
        if (field.name == name && field.shape.type == FieldType::reference) return id_of(record, field.index);
    return std::nullopt;
}

bool has_field(Kind kind, std::string_view name) {
    const auto fields = kind_spec(kind).fields;
    return std::any_of(fields.begin(), fields.end(), [&](const FieldSpec& field) { return field.name == name; });
}

// The parent a part is kept under (a goal's cycle, a tally's observation):
// its required, immutable reference.
std::optional<std::pair<Kind, RecordId>> parent_of(const Record& record) {
    for (const FieldSpec& field : kind_spec(record.kind).fields)
        if (field.shape.type == FieldType::reference && field.required() && field.immutable())
            if (auto id = id_of(record, field.index)) return std::pair{field.shape.target, *id};
    return std::nullopt;
}

}  // namespace

void keep_pairing_records(SqliteRecordStore& store, std::vector<Record>& records, const RecordId& pairing) {
    std::set<RecordId> owned;  // the pairing's records in the bundle that parts may hang under
    for (const Record& record : records)
        if (has_field(record.kind, "pairing") && reference_named(record, "pairing") == pairing) owned.insert(record.id);
    const auto belongs = [&](const Record& record) {
        switch (record.kind) {
            case Kind::pairing: return record.id == pairing;
            case Kind::person:
            case Kind::library_entry:
            case Kind::priority: return true;
            default: break;
        }
        if (has_field(record.kind, "pairing")) return reference_named(record, "pairing") == pairing;
        const auto parent = parent_of(record);
        if (!parent || parent->first == Kind::person) return false;
        if (owned.contains(parent->second)) return true;
        auto local = store.load(parent->first, parent->second);
        return local && local.value() && reference_named(*local.value(), "pairing") == pairing;
    };
    std::erase_if(records, [&](const Record& record) { return !belongs(record); });
}

Result<std::vector<Record>, StorageError> load_pairing_share(SqliteRecordStore& store, const RecordId& pairing,
                                                              const ShareRange& range) {
    std::map<RecordId, Record> owned;
    for (const auto& [kind, condition] : belonging) {
        auto records = store.load_where(kind, "visibility = 0 AND (" + std::string(condition) + ")", pairing);
        if (!records) return fail(records.error());
        for (Record& record : records.value()) owned.emplace(record.id, std::move(record));
    }
    if (!owned.contains(pairing)) return std::vector<Record>{};

    std::map<RecordId, Record> chosen;
    std::deque<const Record*> to_follow;
    const auto choose = [&](Record record) {
        const auto [at, added] = chosen.emplace(record.id, std::move(record));
        if (added) to_follow.push_back(&at->second);
    };
    for (const auto& [id, record] : owned)
        if (id == pairing || in_range(record, range)) choose(record);

    // Follow references (and authors) until every target is in.
    while (!to_follow.empty()) {
        const Record& record = *to_follow.front();
        to_follow.pop_front();
        std::vector<std::pair<Kind, RecordId>> targets;
        if (!record.created_by.is_nil()) targets.emplace_back(Kind::person, record.created_by);
        const KindSpec& spec = kind_spec(record.kind);
        for (const FieldSpec& field : spec.fields) {
            if (field.shape.type != FieldType::reference) continue;
            if (const auto* id = std::get_if<RecordId>(&record.field(field.index).value))
                targets.emplace_back(field.shape.target, *id);
        }
        for (const auto& [kind, id] : targets) {
            if (chosen.contains(id)) continue;
            if (auto found = owned.find(id); found != owned.end()) {
                choose(found->second);
                continue;
            }
            auto loaded = store.load(kind, id);
            if (!loaded) return fail(loaded.error());
            if (loaded.value() && loaded.value()->visibility == Visibility::shared) choose(std::move(*loaded.value()));
        }
    }

    std::vector<Record> share;
    share.reserve(chosen.size());
    for (auto& [id, record] : chosen) share.push_back(std::move(record));
    std::stable_sort(share.begin(), share.end(), [](const Record& a, const Record& b) { return a.kind < b.kind; });
    return share;
}

}  // namespace tandem::store
