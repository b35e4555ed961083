#include "store/pairing_share.hpp"

#include <algorithm>
#include <deque>
#include <map>

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

}  // namespace

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
    // A deleted record travels bare: none of its text, nothing it referred to.
    const auto choose = [&](Record record) {
        if (record.is_deleted()) record = bare_tombstone(record);
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
            // Outside the pairing's own records, only what no pairing owns:
            // never a record of another pairing.
            if (kind != Kind::person && kind != Kind::library_entry && kind != Kind::priority) continue;
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
