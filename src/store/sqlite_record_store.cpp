// Index of this file:
// [SECTION] The merge-state column
// [SECTION] Opening
// [SECTION] Rows
// [SECTION] Conflicts, clock, local state, transactions

#include "store/sqlite_record_store.hpp"

#include <sqlite3.h>

#include <cassert>
#include <string>

#include "core/calendar_date.hpp"
#include "core/record_binding.hpp"
#include "core/starter_library.hpp"
#include "store/schema_migrations.hpp"

namespace tandem::store {

namespace {

// [SECTION] The merge-state column
// Layout (little-endian): version byte (1), raw tombstone byte (0 or 1),
// then one entry per field whose stamp or base is not zero: a byte with the
// field index (bit 7 set when a base follows), the stamp's hlc and site
// (8 bytes each), then the base's hlc and site if present.

constexpr std::uint8_t merge_state_version = 1;
constexpr std::uint8_t has_base_bit = 0x80;

void put_u64(std::vector<std::uint8_t>& out, std::uint64_t value) {
    for (int i = 0; i < 8; ++i) out.push_back(static_cast<std::uint8_t>(value >> (8 * i)));
}

std::uint64_t get_u64(std::span<const std::uint8_t> bytes, std::size_t at) {
    std::uint64_t value = 0;
    for (std::size_t i = 0; i < 8; ++i) value |= std::uint64_t{bytes[at + i]} << (8 * i);
    return value;
}

std::vector<std::uint8_t> encode_merge_state(const Record& record) {
    std::vector<std::uint8_t> out;
    out.reserve(2 + record.fields.size() * 17);
    out.push_back(merge_state_version);
    const auto* tombstone = std::get_if<std::int64_t>(&record.field(tombstone_field).value);
    out.push_back(tombstone != nullptr && *tombstone != 0 ? 1 : 0);
    for (std::size_t i = 0; i < record.fields.size(); ++i) {
        const FieldState& field = record.fields[i];
        if (field.stamp.is_zero() && field.base.is_zero()) continue;
        const bool has_base = !field.base.is_zero();
        out.push_back(static_cast<std::uint8_t>(i | (has_base ? has_base_bit : 0)));
        put_u64(out, field.stamp.hlc);
        put_u64(out, field.stamp.site);
        if (has_base) {
            put_u64(out, field.base.hlc);
            put_u64(out, field.base.site);
        }
    }
    return out;
}

bool decode_merge_state(std::span<const std::uint8_t> bytes, Record& record) {
    if (bytes.size() < 2 || bytes[0] != merge_state_version || bytes[1] > 1) return false;
    record.field(tombstone_field).value = std::int64_t{bytes[1]};
    for (std::size_t at = 2; at < bytes.size();) {
        const std::uint8_t head = bytes[at++];
        const std::size_t index = head & 0x7Fu;
        const bool has_base = (head & has_base_bit) != 0;
        const std::size_t size = has_base ? 32 : 16;
        if (index >= record.fields.size() || at + size > bytes.size()) return false;
        FieldState& field = record.fields[index];
        field.stamp = Stamp{get_u64(bytes, at), get_u64(bytes, at + 8)};
        if (has_base) field.base = Stamp{get_u64(bytes, at + 16), get_u64(bytes, at + 24)};
        at += size;
    }
    return true;
}

StoreError corrupt(Kind kind) {
    return StoreError{SQLITE_CORRUPT, "a " + std::string(kind_name(kind)) + " record is damaged in the database"};
}

std::span<const std::uint8_t> id_bytes(const RecordId& id) { return id.bytes; }

// Columns of every record table, before the kind's own fields.
constexpr int meta_columns = 6;  // id, created_by, created_at, visibility, deleted, clocks

std::string column_list(const KindSpec& spec) {
    std::string columns = "id, created_by, created_at, visibility, deleted, clocks";
    for (const FieldSpec& field : spec.fields) (columns += ", ") += field.name;
    return columns;
}

std::string starter_library_digest_key() { return "starter_library_digest"; }

}  // namespace

// [SECTION] Opening

Result<std::unique_ptr<SqliteRecordStore>, StoreError> SqliteRecordStore::open(Database db) {
    if (auto migrated = migrate(db); !migrated) return fail(migrated.error());
    return ready(std::unique_ptr<SqliteRecordStore>(new SqliteRecordStore(std::move(db))));
}

Result<std::unique_ptr<SqliteRecordStore>, StoreError> SqliteRecordStore::attach(Database& db) {
    if (auto migrated = migrate(db); !migrated) return fail(migrated.error());
    return ready(std::unique_ptr<SqliteRecordStore>(new SqliteRecordStore(&db)));
}

Result<std::unique_ptr<SqliteRecordStore>, StoreError> SqliteRecordStore::ready(std::unique_ptr<SqliteRecordStore> store) {
    if (auto prepared = store->prepare_statements(); !prepared) return fail(prepared.error());
    if (auto synced = store->sync_starter_library(); !synced) return fail(synced.error());
    return store;
}

Result<void, StoreError> SqliteRecordStore::prepare_statements() {
    kinds_.resize(all_kinds().size());
    // ?1 is the ids, 16 bytes each, one after the other: cut into a table,
    // then looked up in every kind's id index.
    std::string kinds_of_ids =
        "WITH RECURSIVE probe (at, id) AS (SELECT 1, substr(?1, 1, 16) WHERE length(?1) >= 16 "
        "UNION ALL SELECT at + 16, substr(?1, at + 16, 16) FROM probe WHERE at + 31 <= length(?1)) ";
    for (const Kind kind : all_kinds())
        kinds_of_ids += std::string(kind == all_kinds().front() ? "" : " UNION ALL ") + "SELECT " +
                        std::to_string(static_cast<int>(kind)) + ", id FROM " + std::string(kind_name(kind)) +
                        " WHERE id IN (SELECT id FROM probe)";
    const std::pair<Statement*, std::string> others[] = {
        {&kinds_holding_, kinds_of_ids},
        {&keep_conflict_,
         "INSERT OR IGNORE INTO field_conflict (kind, record_id, field, losing_text, losing_hlc, losing_site, "
         "winning_hlc, winning_site, kept_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"},
        {&get_local_, "SELECT value FROM local_state WHERE key = ?1"},
        {&set_local_, "INSERT INTO local_state (key, value) VALUES (?1, ?2) "
                      "ON CONFLICT (key) DO UPDATE SET value = excluded.value"},
        {&begin_, "BEGIN IMMEDIATE"},
        {&commit_, "COMMIT"},
        {&rollback_, "ROLLBACK"},
    };
    return db_.prepare_all(others);
}

// Tandem's starter entries live in every database with ids derived from
// their keys, so coach and coachee refer to the same entry without sending
// it. They are rewritten only when the shipped texts change.
Result<void, StoreError> SqliteRecordStore::sync_starter_library() {
    std::uint64_t digest = 0xcbf29ce484222325ULL;
    const auto mix = [&](std::string_view text) {
        for (const char c : text) digest = (digest ^ static_cast<std::uint8_t>(c)) * 0x100000001b3ULL;
        digest = (digest ^ 0xFF) * 0x100000001b3ULL;
    };
    for (const StarterEntry& entry : starter_library()) {
        for (std::string_view text : {entry.key, entry.title, entry.wording, entry.success_criteria, entry.practice_task})
            mix(text);
        mix(std::string(1, static_cast<char>(entry.area)));
    }
    const auto stored = static_cast<std::int64_t>(digest);
    auto current = local_value(starter_library_digest_key());
    if (!current) return fail(current.error());
    if (current.value() == stored) return {};

    if (auto begun = begin(); !begun) return begun;
    for (const StarterEntry& entry : starter_library()) {
        const LibraryEntry typed = library_entry_of(entry);
        if (auto saved = save(to_record(typed)); !saved) {
            rollback();
            return saved;
        }
    }
    if (auto kept = set_local_value(starter_library_digest_key(), stored); !kept) {
        rollback();
        return kept;
    }
    return commit();
}

// [SECTION] Rows

// Statements are prepared when first used: a save statement compiles the
// kind's search triggers, and most sessions touch few kinds.
Result<Statement*, StoreError> SqliteRecordStore::statement(Kind kind, Purpose purpose) {
    const auto index = static_cast<std::size_t>(kind) - 1;
    assert(index < kinds_.size());
    Statement& slot = kinds_[index][static_cast<std::size_t>(purpose)];
    if (slot.valid()) return &slot;

    const KindSpec& spec = kind_spec(kind);
    const std::string table(kind_name(kind));
    const std::string columns = column_list(spec);
    std::string sql;
    switch (purpose) {
    case Purpose::load: sql = "SELECT " + columns + " FROM " + table + " WHERE id = ?1"; break;
    case Purpose::load_all: sql = "SELECT " + columns + " FROM " + table + " ORDER BY id"; break;
    case Purpose::save: {
        std::string placeholders = "?1";
        for (std::size_t i = 2; i <= spec.fields.size() + meta_columns; ++i) placeholders += ", ?" + std::to_string(i);
        std::string updates;
        for (std::string_view column : {"created_by", "created_at", "visibility", "deleted", "clocks"})
            updates += std::string(updates.empty() ? "" : ", ") + std::string(column) + " = excluded." + std::string(column);
        for (const FieldSpec& field : spec.fields)
            updates += ", " + std::string(field.name) + " = excluded." + std::string(field.name);
        sql = "INSERT INTO " + table + " (" + columns + ") VALUES (" + placeholders + ") ON CONFLICT (id) DO UPDATE SET " +
              updates;
        break;
    }
    }
    auto prepared = db_.prepare(sql);
    if (!prepared) return fail(prepared.error());
    slot = std::move(prepared).value();
    return &slot;
}

Result<Record, StoreError> SqliteRecordStore::read_row(Kind kind, const Statement& statement) {
    const KindSpec& spec = kind_spec(kind);
    Record record = Record::blank(kind);
    const auto id = statement.blob(0);
    if (id.size() != 16) return fail(corrupt(kind));
    std::copy(id.begin(), id.end(), record.id.bytes.begin());
    if (!statement.is_null(1)) {
        const auto author = statement.blob(1);
        if (author.size() != 16) return fail(corrupt(kind));
        std::copy(author.begin(), author.end(), record.created_by.bytes.begin());
    }
    record.created_at_ms = statement.integer(2);
    record.visibility = statement.integer(3) == 0 ? Visibility::shared : Visibility::private_to_author;
    if (!decode_merge_state(statement.blob(5), record)) return fail(corrupt(kind));
    for (const FieldSpec& field : spec.fields) {
        const int column = meta_columns + field.index - 1;
        FieldValue& value = record.field(field.index).value;
        if (statement.is_null(column)) {
            value = std::monostate();
            continue;
        }
        switch (field.shape.type) {
        case FieldType::text:
        case FieldType::long_text: value = std::string(statement.text(column)); break;
        case FieldType::integer:
        case FieldType::flag:
        case FieldType::choice: value = statement.integer(column); break;
        case FieldType::date: {
            const auto date = CalendarDate::parse(statement.text(column));
            if (!date) return fail(corrupt(kind));
            value = std::int64_t{date->days};
            break;
        }
        case FieldType::reference: {
            const auto bytes = statement.blob(column);
            if (bytes.size() != 16) return fail(corrupt(kind));
            RecordId target;
            std::copy(bytes.begin(), bytes.end(), target.bytes.begin());
            value = target;
            break;
        }
        }
    }
    return record;
}

Result<std::optional<Record>, StorageError> SqliteRecordStore::load(Kind kind, const RecordId& id) {
    auto prepared = this->statement(kind, Purpose::load);
    if (!prepared) return fail(prepared.error());
    Statement& statement = *prepared.value();
    statement.bind_blob(1, id_bytes(id));
    auto row = statement.step();
    if (!row) {
        statement.reset();
        return fail(row.error());
    }
    if (!row.value()) {
        statement.reset();
        return std::optional<Record>();
    }
    auto record = read_row(kind, statement);
    statement.reset();
    if (!record) return fail(record.error());
    return std::optional<Record>(std::move(record).value());
}

Result<std::vector<std::pair<RecordId, Kind>>, StorageError> SqliteRecordStore::kinds_holding(
    std::span<const RecordId> ids) {
    std::vector<std::uint8_t> packed;
    packed.reserve(ids.size() * 16);
    for (const RecordId& id : ids) packed.insert(packed.end(), id.bytes.begin(), id.bytes.end());
    std::vector<std::pair<RecordId, Kind>> held;
    if (ids.empty()) return held;
    kinds_holding_.bind_blob(1, packed);
    auto rows = kinds_holding_.each_row([&](const Statement& row) {
        const auto kind = kind_from_number(row.integer(0));
        const auto bytes = row.blob(1);
        if (kind && bytes.size() == 16) {
            RecordId id;
            std::copy(bytes.begin(), bytes.end(), id.bytes.begin());
            held.emplace_back(id, *kind);
        }
    });
    if (!rows) return fail(rows.error());
    return held;
}

Result<std::vector<Record>, StorageError> SqliteRecordStore::load_all(Kind kind) {
    auto prepared = this->statement(kind, Purpose::load_all);
    if (!prepared) return fail(prepared.error());
    return read_rows(kind, *prepared.value());
}

Result<std::vector<Record>, StoreError> SqliteRecordStore::read_rows(Kind kind, Statement& statement) {
    std::vector<Record> records;
    auto done = statement.each_row([&](const Statement& row) -> Result<void, StoreError> {
        auto record = read_row(kind, row);
        if (!record) return fail(record.error());
        records.push_back(std::move(record).value());
        return {};
    });
    if (!done) return fail(done.error());
    return records;
}

Result<std::vector<Record>, StorageError> SqliteRecordStore::load_where(Kind kind, std::string_view condition,
                                                                    const RecordId& bound) {
    const std::string sql = "SELECT " + column_list(kind_spec(kind)) + " FROM " + std::string(kind_name(kind)) +
                            " WHERE " + std::string(condition) + " ORDER BY id";
    auto prepared = db_.prepare(sql);
    if (!prepared) return fail(prepared.error());
    prepared.value().bind_blob(1, id_bytes(bound));
    return read_rows(kind, prepared.value());
}

Result<std::vector<Record>, StorageError> SqliteRecordStore::pairings_naming(const RecordId& person) {
    return load_where(Kind::pairing, "coach = ?1 OR coachee = ?1 OR second_coach = ?1", person);
}

Result<void, StorageError> SqliteRecordStore::reassign_private_author(const RecordId& from, const RecordId& to) {
    ++saves_;
    for (const Kind kind : all_kinds()) {
        auto prepared = db_.prepare("UPDATE " + std::string(kind_name(kind)) +
                                    " SET created_by = ?2 WHERE created_by = ?1 AND visibility = 1");
        if (!prepared) return fail(prepared.error());
        prepared.value().bind_blob(1, id_bytes(from)).bind_blob(2, id_bytes(to));
        if (auto ran = prepared.value().run(); !ran) return fail(ran.error());
    }
    return {};
}

Result<void, StorageError> SqliteRecordStore::save(const Record& record) {
    ++saves_;
    ++kind_saves_[static_cast<std::size_t>(record.kind)];
    const KindSpec& spec = kind_spec(record.kind);
    assert(record.fields.size() == spec.slot_count());
    auto prepared = this->statement(record.kind, Purpose::save);
    if (!prepared) return fail(prepared.error());
    Statement& statement = *prepared.value();
    statement.bind_blob(1, id_bytes(record.id));
    if (record.created_by.is_nil()) statement.bind_null(2);
    else statement.bind_blob(2, id_bytes(record.created_by));
    statement.bind(3, record.created_at_ms);
    statement.bind(4, record.visibility == Visibility::shared ? 0 : 1);
    statement.bind(5, record.is_deleted() ? 1 : 0);
    statement.bind_blob(6, encode_merge_state(record));
    for (const FieldSpec& field : spec.fields) {
        const int parameter = meta_columns + field.index;
        const FieldValue& value = record.field(field.index).value;
        if (const auto* text = std::get_if<std::string>(&value)) {
            statement.bind_text(parameter, *text);
        } else if (const auto* number = std::get_if<std::int64_t>(&value)) {
            if (field.shape.type == FieldType::date)
                statement.bind_text(parameter, CalendarDate{static_cast<std::int32_t>(*number)}.iso());
            else
                statement.bind(parameter, *number);
        } else if (const auto* id = std::get_if<RecordId>(&value)) {
            statement.bind_blob(parameter, id_bytes(*id));
        } else {
            statement.bind_null(parameter);
        }
    }
    return statement.run();
}

// [SECTION] Conflicts, clock, local state, transactions

Result<bool, StorageError> SqliteRecordStore::keep_conflict(Kind kind, const RecordId& id, const TextConflict& conflict,
                                                            std::int64_t kept_at_ms) {
    keep_conflict_.bind(1, static_cast<std::int64_t>(kind))
        .bind_blob(2, id_bytes(id))
        .bind(3, conflict.field)
        .bind_text(4, conflict.losing_text)
        .bind(5, static_cast<std::int64_t>(conflict.losing.hlc))
        .bind(6, static_cast<std::int64_t>(conflict.losing.site))
        .bind(7, static_cast<std::int64_t>(conflict.winning.hlc))
        .bind(8, static_cast<std::int64_t>(conflict.winning.site))
        .bind(9, kept_at_ms);
    if (auto ran = keep_conflict_.run(); !ran) return fail(ran.error());
    return db_.changes() > 0;
}

Result<std::optional<std::int64_t>, StoreError> SqliteRecordStore::local_value(std::string_view key) {
    get_local_.bind_text(1, key);
    auto row = get_local_.step();
    std::optional<std::int64_t> value;
    if (row && row.value()) value = get_local_.integer(0);
    get_local_.reset();
    if (!row) return fail(row.error());
    return value;
}

Result<void, StoreError> SqliteRecordStore::set_local_value(std::string_view key, std::int64_t value) {
    set_local_.bind_text(1, key).bind(2, value);
    return set_local_.run();
}

Result<std::optional<std::vector<std::uint8_t>>, StorageError> SqliteRecordStore::local_bytes(std::string_view key) {
    get_local_.bind_text(1, key);
    auto row = get_local_.step();
    std::optional<std::vector<std::uint8_t>> bytes;
    if (row && row.value()) {
        const std::span<const std::uint8_t> stored = get_local_.blob(0);
        bytes.emplace(stored.begin(), stored.end());
    }
    get_local_.reset();
    if (!row) return fail(row.error());
    return bytes;
}

Result<void, StorageError> SqliteRecordStore::set_local_bytes(std::string_view key, std::span<const std::uint8_t> bytes) {
    set_local_.bind_text(1, key).bind_blob(2, bytes);
    if (auto kept = set_local_.run(); !kept) return fail(kept.error());
    return {};
}

Result<void, StorageError> SqliteRecordStore::save_clock(std::uint64_t last_hlc) {
    return set_local_value("clock", static_cast<std::int64_t>(last_hlc));
}

Result<std::uint64_t, StorageError> SqliteRecordStore::load_clock() {
    auto value = local_value("clock");
    if (!value) return fail(value.error());
    return static_cast<std::uint64_t>(value.value().value_or(0));
}

Result<SiteId, StorageError> SqliteRecordStore::site_id(RandomSource& random) {
    auto value = local_value("site");
    if (!value) return fail(value.error());
    if (value.value() && *value.value() != 0) return static_cast<SiteId>(*value.value());
    SiteId site = 0;
    while (site == 0) {
        std::array<std::uint8_t, 8> bytes{};
        random.fill(bytes);
        for (const std::uint8_t byte : bytes) site = site << 8 | byte;
    }
    if (auto kept = set_local_value("site", static_cast<std::int64_t>(site)); !kept) return fail(kept.error());
    return site;
}

Result<void, StorageError> SqliteRecordStore::begin() { return begin_.run(); }

Result<void, StorageError> SqliteRecordStore::commit() { return commit_.run(); }

void SqliteRecordStore::rollback() { (void)rollback_.run(); }

}  // namespace tandem::store
