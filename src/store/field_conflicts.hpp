#pragma once
// The texts that lost to a concurrent edit (docs/decisions.md, "Merge"),
// kept by the merge in the field_conflict table until the user has looked
// at them: listed here, and marked resolved once they chose.

#include <cstdint>
#include <string>
#include <vector>

#include "core/field_spec.hpp"
#include "core/record_id.hpp"
#include "store/database.hpp"

namespace tandem::store {

// One losing text not looked at yet.
struct FieldConflict {
    std::int64_t seq = 0;  // its row, to resolve it by
    Kind kind = Kind::person;
    RecordId record;
    FieldIndex field = 0;
    std::string losing_text;
};

// The unresolved conflicts, oldest first, at most `limit`.
Result<std::vector<FieldConflict>, StoreError> open_conflicts(Database& db, int limit = 50);

// Marks conflict `seq` looked at. Resolving one twice changes nothing.
Result<void, StoreError> resolve_conflict(Database& db, std::int64_t seq);

}  // namespace tandem::store
