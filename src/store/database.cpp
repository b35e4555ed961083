#include "store/database.hpp"

#include <sqlite3.h>

#include <cstring>
#include <utility>

#include "store/folding_tokenizer.hpp"
#include "store/search_rank.hpp"

namespace tandem::store {

Result<Database, StoreError> Database::configure(sqlite3* handle, int open_rc) {
    if (open_rc != SQLITE_OK) {
        StoreError error{open_rc, handle ? sqlite3_errmsg(handle) : sqlite3_errstr(open_rc)};
        sqlite3_close(handle);
        return fail(std::move(error));
    }
    sqlite3_extended_result_codes(handle, 1);
    Database db(handle);
    // secure_delete: what is deleted or replaced is overwritten with zeros in
    // its page, so it reaches no page store (docs/decisions.md).
    if (auto pragma = db.execute("PRAGMA foreign_keys = ON; PRAGMA secure_delete = ON;"); !pragma)
        return fail(pragma.error());
    if (const int rc = register_folding_tokenizer(handle); rc != SQLITE_OK)
        return fail(StoreError{rc, "the search tokenizer could not be registered"});
    if (const int rc = register_search_rank(handle); rc != SQLITE_OK)
        return fail(StoreError{rc, "the search ranking could not be registered"});
    return db;
}

Result<Database, StoreError> Database::open_in_memory() {
    sqlite3* handle = nullptr;
    const int rc = sqlite3_open_v2(":memory:", &handle, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
    return configure(handle, rc);
}

Result<Database, StoreError> Database::open_with_vfs(const char* name, const char* vfs_name) {
    sqlite3* handle = nullptr;
    const int rc = sqlite3_open_v2(name, &handle, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, vfs_name);
    auto opened = configure(handle, rc);
    if (!opened) return opened;
    Database db = std::move(opened).value();
    auto pragmas = db.execute(
        "PRAGMA locking_mode = EXCLUSIVE; PRAGMA journal_mode = MEMORY; PRAGMA synchronous = FULL; "
        "PRAGMA temp_store = MEMORY;");
    if (!pragmas) return fail(pragmas.error());
    return db;
}

Result<Database, StoreError> Database::open_image(std::span<const std::uint8_t> bytes) {
    auto opened = open_in_memory();
    if (!opened) return opened;
    Database db = std::move(opened).value();
    auto* copy = static_cast<unsigned char*>(sqlite3_malloc64(bytes.size()));
    if (copy == nullptr && !bytes.empty()) return fail(StoreError{SQLITE_NOMEM, "out of memory"});
    if (!bytes.empty()) std::memcpy(copy, bytes.data(), bytes.size());
    const auto size = static_cast<sqlite3_int64>(bytes.size());
    // FREEONCLOSE hands the copy to SQLite, even when the call fails.
    const int rc = sqlite3_deserialize(db.handle_, "main", copy, size, size,
                                       SQLITE_DESERIALIZE_FREEONCLOSE | SQLITE_DESERIALIZE_RESIZEABLE);
    if (rc != SQLITE_OK) return fail(db.last_error());
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

Result<Statement, StoreError> Database::prepare(std::string_view sql) {
    sqlite3_stmt* handle = nullptr;
    if (sqlite3_prepare_v3(handle_, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &handle,
                           nullptr) != SQLITE_OK)
        return fail(last_error());
    if (handle == nullptr) return fail(StoreError{SQLITE_MISUSE, "no statement in the SQL text"});
    return Statement(handle);
}

Result<void, StoreError> Database::prepare_all(std::span<const std::pair<Statement*, std::string>> statements) {
    for (const auto& [statement, sql] : statements) {
        auto prepared = prepare(sql);
        if (!prepared) return fail(prepared.error());
        *statement = std::move(prepared).value();
    }
    return {};
}

Result<std::vector<std::string>, StoreError> Database::query_column(std::string_view sql) {
    auto prepared = prepare(sql);
    if (!prepared) return fail(prepared.error());
    Statement& statement = prepared.value();
    std::vector<std::string> column;
    auto done = statement.each_row([&](const Statement& row) { column.emplace_back(row.text(0)); });
    if (!done) return fail(done.error());
    return column;
}

int Database::changes() const { return sqlite3_changes(handle_); }

bool Database::in_autocommit() const { return sqlite3_get_autocommit(handle_) != 0; }

std::vector<std::uint8_t> Database::image() {
    sqlite3_int64 size = 0;
    unsigned char* bytes = sqlite3_serialize(handle_, "main", &size, 0);
    std::vector<std::uint8_t> out;
    if (bytes != nullptr) out.assign(bytes, bytes + size);
    sqlite3_free(bytes);
    return out;
}

std::string sqlite_library_version() { return sqlite3_libversion(); }

bool sqlite_has_fts5() { return sqlite3_compileoption_used("ENABLE_FTS5") == 1; }

}  // namespace tandem::store
