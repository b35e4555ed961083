#pragma once
// Database: one SQLite connection, owned and closed by this object. Every
// call returns a typed StoreError instead of throwing; SQL text is Tandem's
// own, never user input (values will be bound as parameters).

#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

struct sqlite3;

namespace tandem::store {

// A failed SQLite call: its primary result code and SQLite's message.
struct StoreError {
    int code = 0;
    std::string message;
};

class Database {
public:
    // Opens a private in-memory database with foreign keys enforced.
    static Result<Database, StoreError> open_in_memory();

    Database(Database&& other) noexcept;
    Database& operator=(Database&& other) noexcept;
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;
    ~Database();

    // Runs one or more statements whose rows, if any, are discarded.
    Result<void, StoreError> execute(std::string_view sql);
    // Runs one statement and returns the first column of every row as text
    // (NULL becomes the empty string).
    Result<std::vector<std::string>, StoreError> query_column(std::string_view sql);

private:
    explicit Database(sqlite3* handle) : handle_(handle) {}
    StoreError last_error() const;

    sqlite3* handle_ = nullptr;
};

// The version of the SQLite library linked in, e.g. "3.40.1".
std::string sqlite_library_version();

// True when the linked SQLite was compiled with the FTS5 full-text index.
bool sqlite_has_fts5();

}  // namespace tandem::store
