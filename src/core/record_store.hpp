#pragma once
// RecordStore: what the commands need from storage, as a narrow interface.
// store/sqlite_record_store implements it; core never sees SQL.

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "core/merge.hpp"
#include "core/record.hpp"
#include "core/result.hpp"

namespace tandem {

// A storage call that failed: the storage engine's code and message.
struct StorageError {
    int code = 0;
    std::string message;
};

class RecordStore {
public:
    virtual ~RecordStore() = default;

    // The record of `kind` with this id, or nullopt when there is none.
    virtual Result<std::optional<Record>, StorageError> load(Kind kind, const RecordId& id) = 0;
    // Which of `ids` this store holds, and as records of which kind, whatever
    // table holds them (in no particular order).
    virtual Result<std::vector<std::pair<RecordId, Kind>>, StorageError> kinds_holding(std::span<const RecordId> ids) = 0;
    // Inserts or replaces a record. The caller has validated it.
    virtual Result<void, StorageError> save(const Record& record) = 0;
    // Keeps the losing text of a concurrent edit in the conflict history:
    // true when it was new, false when this loss (same record, field and
    // stamp) was kept before and nothing changed.
    virtual Result<bool, StorageError> keep_conflict(Kind kind, const RecordId& id, const TextConflict& conflict,
                                                     std::int64_t kept_at_ms) = 0;
    // Persists the clock's greatest reading, so it stays monotonic across restarts.
    virtual Result<void, StorageError> save_clock(std::uint64_t last_hlc) = 0;

    // One transaction at a time; commands open and close it (StoreTransaction).
    virtual Result<void, StorageError> begin() = 0;
    virtual Result<void, StorageError> commit() = 0;
    virtual void rollback() = 0;
};

// Scope guard for one transaction: rolls back unless commit() succeeded.
class StoreTransaction {
public:
    explicit StoreTransaction(RecordStore& store) : store_(store) {}
    StoreTransaction(const StoreTransaction&) = delete;
    StoreTransaction& operator=(const StoreTransaction&) = delete;
    ~StoreTransaction() {
        if (open_) store_.rollback();
    }

    Result<void, StorageError> begin() {
        auto started = store_.begin();
        open_ = started.ok();
        return started;
    }
    Result<void, StorageError> commit() {
        auto done = store_.commit();
        if (done) open_ = false;
        return done;
    }

private:
    RecordStore& store_;
    bool open_ = false;
};

}  // namespace tandem
