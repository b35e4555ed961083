#include "store/field_conflicts.hpp"

#include <algorithm>

#include "core/record_kind.hpp"

namespace tandem::store {

Result<std::vector<FieldConflict>, StoreError> open_conflicts(Database& db, int limit) {
    auto prepared = db.prepare(
        "SELECT seq, kind, record_id, field, losing_text FROM field_conflict WHERE resolved = 0 ORDER BY seq LIMIT ?1");
    if (!prepared) return fail(prepared.error());
    Statement& statement = prepared.value();
    statement.bind(1, static_cast<std::int64_t>(limit));
    std::vector<FieldConflict> conflicts;
    auto done = statement.each_row([&](const Statement& row) -> Result<void, StoreError> {
        const auto kind = kind_from_number(row.integer(1));
        const auto id = row.blob(2);
        if (!kind || id.size() != 16) return {};  // not one of Tandem's: left alone
        FieldConflict conflict;
        conflict.seq = row.integer(0);
        conflict.kind = *kind;
        std::copy(id.begin(), id.end(), conflict.record.bytes.begin());
        conflict.field = static_cast<FieldIndex>(row.integer(3));
        conflict.losing_text = std::string(row.text(4));
        conflicts.push_back(std::move(conflict));
        return {};
    });
    if (!done) return fail(done.error());
    return conflicts;
}

Result<void, StoreError> resolve_conflict(Database& db, std::int64_t seq) {
    auto prepared = db.prepare("UPDATE field_conflict SET resolved = 1 WHERE seq = ?1");
    if (!prepared) return fail(prepared.error());
    prepared.value().bind(1, seq);
    return prepared.value().run();
}

}  // namespace tandem::store
