#pragma once
// Database: one SQLite connection, owned and closed by this object. Every
// call returns a typed StoreError instead of throwing; SQL text is Tandem's
// own, never user input (values are bound as parameters). Each connection
// has foreign keys on and the "tandem_fold" search tokenizer registered.

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/result.hpp"
#include "store/statement.hpp"

struct sqlite3;

namespace tandem::store {

class Database {
public:
    // Opens a private, empty in-memory database.
    static Result<Database, StoreError> open_in_memory();
    // Opens an in-memory database holding a copy of a serialized image (as
    // image() returns). The bytes are only copied here; a damaged image
    // fails when it is first read, with SQLITE_CORRUPT or SQLITE_NOTADB.
    static Result<Database, StoreError> open_image(std::span<const std::uint8_t> bytes);

    // Opens the database file `name` through the registered SQLite VFS
    // `vfs_name`, creating it if need be. Journals are kept in memory and
    // the connection holds its lock for its lifetime (one writer per file).
    static Result<Database, StoreError> open_with_vfs(const char* name, const char* vfs_name);

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
    // Prepares one statement; the Statement must not outlive the Database.
    Result<Statement, StoreError> prepare(std::string_view sql);
    // Prepares each SQL text into the Statement it is paired with; stops at
    // the first error, leaving the later Statements untouched.
    Result<void, StoreError> prepare_all(std::span<const std::pair<Statement*, std::string>> statements);
    // How many rows the last INSERT, UPDATE or DELETE changed.
    int changes() const;
    // False while a transaction is open.
    bool in_autocommit() const;
    // The whole database as bytes (the main schema's pages).
    std::vector<std::uint8_t> image();

private:
    explicit Database(sqlite3* handle) : handle_(handle) {}
    static Result<Database, StoreError> configure(sqlite3* handle, int open_rc);
    StoreError last_error() const;

    sqlite3* handle_ = nullptr;
};

// The version of the SQLite library linked in, e.g. "3.40.1".
std::string sqlite_library_version();

// True when the linked SQLite was compiled with the FTS5 full-text index.
bool sqlite_has_fts5();

}  // namespace tandem::store
