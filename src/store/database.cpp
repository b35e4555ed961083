#include "store/database.hpp"

#include <sqlite3.h>

#include <utility>

namespace tandem::store {

Result<Database, StoreError> Database::open_in_memory() {
    sqlite3* handle = nullptr;
    const int rc = sqlite3_open_v2(":memory:", &handle, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
    if (rc != SQLITE_OK) {
        StoreError error{rc, handle ? sqlite3_errmsg(handle) : sqlite3_errstr(rc)};
        sqlite3_close(handle);
        return fail(std::move(error));
    }
    sqlite3_extended_result_codes(handle, 1);
    Database db(handle);
    if (auto pragma = db.execute("PRAGMA foreign_keys = ON;"); !pragma) return fail(pragma.error());
    return db;
}

Database::Database(Database&& other) noexcept : handle_(std::exchange(other.handle_, nullptr)) {}

Database& Database::operator=(Database&& other) noexcept {
    if (this != &other) {
        sqlite3_close(handle_);
        handle_ = std::exchange(other.handle_, nullptr);
    }
    return *this;
}

Database::~Database() { sqlite3_close(handle_); }

StoreError Database::last_error() const {
    return StoreError{sqlite3_errcode(handle_) & 0xFF, sqlite3_errmsg(handle_)};
}

Result<void, StoreError> Database::execute(std::string_view sql) {
    // sqlite3_exec needs a terminated string; the copy keeps the contract simple.
    const std::string text(sql);
    char* message = nullptr;
    const int rc = sqlite3_exec(handle_, text.c_str(), nullptr, nullptr, &message);
    if (rc != SQLITE_OK) {
        StoreError error{rc & 0xFF, message ? message : sqlite3_errstr(rc)};
        sqlite3_free(message);
        return fail(std::move(error));
    }
    return {};
}

Result<std::vector<std::string>, StoreError> Database::query_column(std::string_view sql) {
    sqlite3_stmt* statement = nullptr;
    const char* tail = nullptr;
    if (sqlite3_prepare_v2(handle_, sql.data(), static_cast<int>(sql.size()), &statement, &tail) != SQLITE_OK)
        return fail(last_error());
    if (statement == nullptr) return fail(StoreError{SQLITE_MISUSE, "no statement in the SQL text"});

    std::vector<std::string> column;
    int rc = SQLITE_ROW;
    while ((rc = sqlite3_step(statement)) == SQLITE_ROW) {
        const auto* text = sqlite3_column_text(statement, 0);
        const int size = sqlite3_column_bytes(statement, 0);
        column.emplace_back(text ? reinterpret_cast<const char*>(text) : "", static_cast<size_t>(size));
    }
    if (rc != SQLITE_DONE) {
        StoreError error = last_error();
        sqlite3_finalize(statement);
        return fail(std::move(error));
    }
    sqlite3_finalize(statement);
    return column;
}

std::string sqlite_library_version() { return sqlite3_libversion(); }

bool sqlite_has_fts5() { return sqlite3_compileoption_used("ENABLE_FTS5") == 1; }

}  // namespace tandem::store
