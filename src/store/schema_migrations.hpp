#pragma once
// The store's schema, versioned with PRAGMA user_version. Each migration
// takes the schema from version N-1 to N in one transaction and is never
// edited once released: a database of any older version reaches the current
// one by running the migrations after it, in order.

#include <string_view>

#include "store/database.hpp"

namespace tandem::store {

// The schema version this build writes.
int current_schema_version();

// The schema version of an open database (0 for an empty one).
Result<int, StoreError> schema_version(Database& db);

// Migrates db forward to `target` (default: current). Refuses a database
// newer than this build (SQLITE_CANTOPEN with a message saying so), and
// checks foreign keys after every step. A failed step leaves the database at
// the version before it.
Result<void, StoreError> migrate(Database& db, int target = current_schema_version());

}  // namespace tandem::store
