// Schema versions: a fresh database, and migration from every older version.

#include <doctest/doctest.h>

#include <algorithm>

#include "core/field_spec.hpp"
#include "store/database.hpp"
#include "store/record_search.hpp"
#include "store/schema_migrations.hpp"
#include "store/sqlite_record_store.hpp"

using namespace tandem;
using namespace tandem::store;

namespace {

Database fresh() { return Database::open_in_memory().value(); }

std::vector<std::string> rows(Database& db, std::string_view sql) {
    auto result = db.query_column(sql);
    REQUIRE_MESSAGE(result.ok(), (result.ok() ? "" : result.error().message));
    return result.value();
}

// The schema as SQL text, in a stable order.
std::vector<std::string> schema_of(Database& db) {
    return rows(db, "SELECT type || ' ' || name || ': ' || coalesce(sql, '') FROM sqlite_schema ORDER BY type, name");
}

// Records as each version's schema stored them, written with that version's SQL.
void add_sample_records(Database& db, int version) {
    if (version < 1) return;
    REQUIRE(db.execute(
                  "INSERT INTO person (id, created_by, created_at, visibility, clocks, display_name) VALUES "
                  "(x'00000000000000000000000000000001', x'00000000000000000000000000000001', 1, 0, x'0100', 'Sam Patel'),"
                  "(x'00000000000000000000000000000002', x'00000000000000000000000000000001', 1, 0, x'0100', 'Zoë Łukasik');"
                  "INSERT INTO pairing (id, created_by, created_at, visibility, clocks, coach, coachee, starts_on) VALUES "
                  "(x'00000000000000000000000000000003', x'00000000000000000000000000000001', 1, 0, x'0100', "
                  "x'00000000000000000000000000000001', x'00000000000000000000000000000002', '2026-09-01');"
                  "INSERT INTO meeting (id, created_by, created_at, visibility, clocks, pairing, held_on, shared_notes) VALUES "
                  "(x'00000000000000000000000000000004', x'00000000000000000000000000000001', 1, 0, x'0100', "
                  "x'00000000000000000000000000000003', '2026-11-10', 'L''élève a répondu');")
                .ok());
}

}  // namespace

TEST_CASE("a new database is created at the current schema version") {
    Database db = fresh();
    CHECK(schema_version(db).value() == 0);
    REQUIRE(migrate(db).ok());
    CHECK(schema_version(db).value() == current_schema_version());
    CHECK(current_schema_version() == 2);
    CHECK(rows(db, "PRAGMA foreign_keys") == std::vector<std::string>{"1"});
}

TEST_CASE("every kind's table has the spec's columns in the spec's order") {
    Database db = fresh();
    REQUIRE(migrate(db).ok());
    for (const Kind kind : all_kinds()) {
        CAPTURE(kind_name(kind));
        const auto columns = rows(db, "SELECT name FROM pragma_table_info('" + std::string(kind_name(kind)) + "')");
        std::vector<std::string> expected = {"seq", "id", "created_by", "created_at", "visibility", "deleted", "clocks"};
        for (const FieldSpec& field : kind_spec(kind).fields) expected.emplace_back(field.name);
        CHECK(columns == expected);
        // Every searchable field feeds the index, and no other.
        const auto trigger = rows(db, "SELECT sql FROM sqlite_schema WHERE name = '" + std::string(kind_name(kind)) +
                                          "_search_insert'");
        for (const FieldSpec& field : kind_spec(kind).fields) {
            const bool indexed = !trigger.empty() && trigger[0].find("new." + std::string(field.name) + " ") != std::string::npos;
            const bool indexed_last = !trigger.empty() && trigger[0].find("new." + std::string(field.name) + ")") != std::string::npos;
            CAPTURE(field.name);
            CHECK((indexed || indexed_last) == field.searchable());
        }
    }
}

TEST_CASE("every older version migrates to the current schema, keeping its records") {
    Database reference = fresh();
    REQUIRE(migrate(reference).ok());
    const auto current_schema = schema_of(reference);

    for (int from = 0; from < current_schema_version(); ++from) {
        CAPTURE(from);
        Database db = fresh();
        REQUIRE(migrate(db, from).ok());
        CHECK(schema_version(db).value() == from);
        add_sample_records(db, from);
        REQUIRE(migrate(db).ok());
        CHECK(schema_version(db).value() == current_schema_version());
        CHECK(schema_of(db) == current_schema);
        CHECK(rows(db, "PRAGMA integrity_check") == std::vector<std::string>{"ok"});
        CHECK(rows(db, "PRAGMA foreign_key_check").empty());
        if (from >= 1) {
            CHECK(rows(db, "SELECT display_name FROM person ORDER BY seq") ==
                  std::vector<std::string>{"Sam Patel", "Zoë Łukasik"});
            auto search = RecordSearch::prepare(db);
            REQUIRE(search.ok());
            auto hits = search.value().search("eleve");  // indexed by the migration that added search
            REQUIRE(hits.ok());
            CHECK(hits.value().size() == 1);
        }
        // The store opens on the migrated database and reads the old records.
        auto opened = SqliteRecordStore::open(std::move(db));
        REQUIRE(opened.ok());
        if (from >= 1) {
            auto meeting = opened.value()->load(Kind::meeting, *RecordId::from_hex("00000000000000000000000000000004"));
            REQUIRE(meeting.ok());
            REQUIRE(meeting.value().has_value());
            CHECK(std::get<std::string>(meeting.value()->field(7 + 2).value) == "L'élève a répondu");
        }
    }
}

TEST_CASE("a database from a newer Tandem is refused, untouched") {
    Database db = fresh();
    REQUIRE(migrate(db).ok());
    REQUIRE(db.execute("PRAGMA user_version = 99").ok());
    auto result = migrate(db);
    REQUIRE_FALSE(result.ok());
    CHECK(result.error().message.find("newer version of Tandem") != std::string::npos);
    CHECK(schema_version(db).value() == 99);
    CHECK_FALSE(SqliteRecordStore::open(std::move(db)).ok());
}

TEST_CASE("a migration that would break references is rolled back") {
    Database db = fresh();
    REQUIRE(migrate(db, 1).ok());
    // A meeting whose pairing is missing, written with checks off (as damage would).
    REQUIRE(db.execute("PRAGMA foreign_keys = OFF;"
                       "INSERT INTO meeting (id, created_at, visibility, clocks, pairing, held_on) VALUES "
                       "(x'000000000000000000000000000000aa', 1, 0, x'0100', x'000000000000000000000000000000bb', "
                       "'2026-01-01');"
                       "PRAGMA foreign_keys = ON;")
                .ok());
    auto result = migrate(db);
    REQUIRE_FALSE(result.ok());
    CHECK(schema_version(db).value() == 1);
    CHECK(rows(db, "SELECT count(*) FROM sqlite_schema WHERE name = 'search_index'") == std::vector<std::string>{"0"});
}

TEST_CASE("a damaged image is refused when opened") {
    std::vector<std::uint8_t> garbage(4096, 0x5A);
    auto db = Database::open_image(garbage);
    if (db.ok()) CHECK_FALSE(SqliteRecordStore::open(std::move(db).value()).ok());
}
