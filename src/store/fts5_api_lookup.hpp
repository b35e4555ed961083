#pragma once
// Finds a connection's FTS5 extension interface, through which Tandem
// registers its tokenizer and ranking function.

struct sqlite3;
struct fts5_api;

namespace tandem::store {

// The FTS5 interface of db, owned by the connection; null when SQLite was
// built without FTS5.
fts5_api* fts5_api_of(sqlite3* db);

}  // namespace tandem::store
