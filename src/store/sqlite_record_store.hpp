#pragma once
// SqliteRecordStore: the RecordStore over one SQLite database. Opening it
// migrates the schema and brings Tandem's starter library up to date; each
// kind's statements are prepared on first use. It owns its database, or
// borrows one kept elsewhere (a PagedDatabase's).

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

#include "core/random_source.hpp"
#include "core/record_store.hpp"
#include "store/database.hpp"

namespace tandem::store {

class SqliteRecordStore final : public RecordStore {
public:
    // Takes over db, migrates it to the current schema and syncs the starter
    // library. Fails on a database from a newer Tandem or a damaged one.
    static Result<std::unique_ptr<SqliteRecordStore>, StoreError> open(Database db);
    // The same over a database it borrows, which must outlive the store.
    static Result<std::unique_ptr<SqliteRecordStore>, StoreError> attach(Database& db);

    Result<std::optional<Record>, StorageError> load(Kind kind, const RecordId& id) override;
    Result<std::vector<std::pair<RecordId, Kind>>, StorageError> kinds_holding(std::span<const RecordId> ids) override;
    Result<void, StorageError> save(const Record& record) override;
    Result<bool, StorageError> keep_conflict(Kind kind, const RecordId& id, const TextConflict& conflict,
                                             std::int64_t kept_at_ms) override;
    Result<void, StorageError> save_clock(std::uint64_t last_hlc) override;
    Result<void, StorageError> begin() override;
    Result<void, StorageError> commit() override;
    void rollback() override;

    // The clock's last saved reading (0 for a new database).
    Result<std::uint64_t, StorageError> load_clock();
    // This device's site id, created from `random` on first use and kept.
    Result<SiteId, StorageError> site_id(RandomSource& random);
    // Bytes this device keeps for itself under `key` (its secret keys), never
    // shared: nullopt when none are kept. The setter replaces them.
    Result<std::optional<std::vector<std::uint8_t>>, StorageError> local_bytes(std::string_view key);
    Result<void, StorageError> set_local_bytes(std::string_view key, std::span<const std::uint8_t> bytes);
    // Every record of `kind` in id order, deleted ones included.
    Result<std::vector<Record>, StorageError> load_all(Kind kind);
    // The records of `kind` meeting `condition`, Tandem's own SQL over the
    // kind's table in which ?1 is `bound` (e.g. "pairing = ?1"), in id order.
    Result<std::vector<Record>, StorageError> load_where(Kind kind, std::string_view condition, const RecordId& bound);
    // The pairings that name `person` as coach, coachee or second coach,
    // deleted ones included, in id order: pairing_members() as a query.
    Result<std::vector<Record>, StorageError> pairings_naming(const RecordId& person);
    // Makes `to` the author of every private record `from` wrote (private
    // records never leave the device, so nobody else's copy disagrees).
    Result<void, StorageError> reassign_private_author(const RecordId& from, const RecordId& to);

    // How many records were saved since the store opened, in all and of one
    // kind (saves rolled back count too): what a view built from the records
    // compares to know whether it is still current.
    std::uint64_t saves() const { return saves_; }
    std::uint64_t saves_of(Kind kind) const { return kind_saves_[static_cast<std::size_t>(kind)]; }

    // The database, for queries (coaching_queries.hpp) and images.
    Database& database() { return db_; }

private:
    enum class Purpose : std::uint8_t { load, load_all, save };
    using KindStatements = std::array<Statement, 3>;  // index: Purpose

    explicit SqliteRecordStore(Database db) : owned_(std::move(db)), db_(*owned_) {}
    explicit SqliteRecordStore(Database* borrowed) : db_(*borrowed) {}
    static Result<std::unique_ptr<SqliteRecordStore>, StoreError> ready(std::unique_ptr<SqliteRecordStore> store);
    Result<void, StoreError> prepare_statements();
    Result<void, StoreError> sync_starter_library();
    Result<std::optional<std::int64_t>, StoreError> local_value(std::string_view key);
    Result<void, StoreError> set_local_value(std::string_view key, std::int64_t value);
    Result<Statement*, StoreError> statement(Kind kind, Purpose purpose);
    Result<Record, StoreError> read_row(Kind kind, const Statement& statement);
    // Every row `statement` gives, as records of `kind`.
    Result<std::vector<Record>, StoreError> read_rows(Kind kind, Statement& statement);

    std::optional<Database> owned_;  // set when the store owns its database
    Database& db_;
    std::vector<KindStatements> kinds_;  // index: kind number - 1; prepared on first use
    std::uint64_t saves_ = 0;
    std::array<std::uint64_t, 256> kind_saves_{};  // index: kind number
    Statement keep_conflict_;
    Statement kinds_holding_;
    Statement get_local_;
    Statement set_local_;
    Statement begin_, commit_, rollback_;
};

}  // namespace tandem::store
