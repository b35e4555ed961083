#include <doctest/doctest.h>

#include "store/database.hpp"
#include "store/records_copy.hpp"

#include <algorithm>
#include <string>

using namespace tandem;
using namespace tandem::store;

TEST_CASE("the linked SQLite is the pinned 3.40.1 with FTS5") {
    CHECK(sqlite_library_version() == "3.40.1");
    CHECK(sqlite_has_fts5());
}

TEST_CASE("an in-memory database opens, stores and reads back") {
    auto opened = Database::open_in_memory();
    REQUIRE(opened.ok());
    Database db = std::move(opened).value();
    REQUIRE(db.execute("CREATE TABLE note(id INTEGER PRIMARY KEY, body TEXT);"
                       "INSERT INTO note(body) VALUES ('first'), ('second'), (NULL);")
                .ok());
    auto bodies = db.query_column("SELECT body FROM note ORDER BY id;");
    REQUIRE(bodies.ok());
    CHECK(bodies.value() == std::vector<std::string>{"first", "second", ""});

    auto version = db.query_column("SELECT sqlite_version();");
    REQUIRE(version.ok());
    CHECK(version.value() == std::vector<std::string>{"3.40.1"});
}

TEST_CASE("foreign keys are enforced") {
    auto db = Database::open_in_memory();
    REQUIRE(db.ok());
    REQUIRE(db.value()
                .execute("CREATE TABLE pairing(id INTEGER PRIMARY KEY);"
                         "CREATE TABLE meeting(id INTEGER PRIMARY KEY, pairing INTEGER NOT NULL REFERENCES pairing(id));")
                .ok());
    auto orphan = db.value().execute("INSERT INTO meeting(pairing) VALUES (7);");
    REQUIRE_FALSE(orphan.ok());
    CHECK(orphan.error().code == 19);  // SQLITE_CONSTRAINT
    CHECK(orphan.error().message.find("FOREIGN KEY") != std::string::npos);
}

TEST_CASE("FTS5 finds words whatever their case and diacritics") {
    auto db = Database::open_in_memory();
    REQUIRE(db.ok());
    REQUIRE(db.value()
                .execute("CREATE VIRTUAL TABLE search USING fts5(body, tokenize = 'unicode61 remove_diacritics 2');"
                         "INSERT INTO search(body) VALUES ('Une élève pose une question'), ('Cold call practice');")
                .ok());
    auto hits = db.value().query_column("SELECT body FROM search WHERE search MATCH 'eleve';");
    REQUIRE(hits.ok());
    CHECK(hits.value() == std::vector<std::string>{"Une élève pose une question"});
    auto upper = db.value().query_column("SELECT body FROM search WHERE search MATCH 'COLD';");
    REQUIRE(upper.ok());
    CHECK(upper.value().size() == 1);
}

TEST_CASE("bad SQL returns a typed error instead of failing hard") {
    auto db = Database::open_in_memory();
    REQUIRE(db.ok());
    auto broken = db.value().execute("SELEC nonsense;");
    REQUIRE_FALSE(broken.ok());
    CHECK(broken.error().code == 1);  // SQLITE_ERROR
    CHECK(broken.error().message.find("syntax error") != std::string::npos);

    auto missing = db.value().query_column("SELECT x FROM nowhere;");
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().message.find("no such table") != std::string::npos);

    auto empty = db.value().query_column("   ");
    CHECK_FALSE(empty.ok());
}

TEST_CASE("a moved-from database can be destroyed and reassigned") {
    auto first = Database::open_in_memory();
    auto second = Database::open_in_memory();
    REQUIRE(first.ok());
    REQUIRE(second.ok());
    Database a = std::move(first).value();
    Database b = std::move(second).value();
    REQUIRE(a.execute("CREATE TABLE only_in_a(x);").ok());
    b = std::move(a);
    CHECK(b.query_column("SELECT name FROM sqlite_master;").value() == std::vector<std::string>{"only_in_a"});
}

namespace {

bool contains(const std::vector<std::uint8_t>& bytes, std::string_view text) {
    return std::search(bytes.begin(), bytes.end(), text.begin(), text.end()) != bytes.end();
}

}  // namespace

TEST_CASE("text that is replaced or deleted is overwritten in the database's pages (secure_delete)") {
    auto db = Database::open_in_memory().value();
    REQUIRE(db.execute("CREATE TABLE t (body TEXT); INSERT INTO t VALUES ('words typed and regretted');").ok());
    REQUIRE(contains(db.image(), "words typed and regretted"));
    REQUIRE(db.execute("UPDATE t SET body = 'kinder words';").ok());
    CHECK_FALSE(contains(db.image(), "words typed and regretted"));
    REQUIRE(db.execute("DELETE FROM t;").ok());
    CHECK_FALSE(contains(db.image(), "kinder words"));
}

TEST_CASE("a copy of the records leaves out the device's own entries, even from a database that does not open") {
    auto db = Database::open_in_memory().value();
    REQUIRE(db.execute("CREATE TABLE local_state (key TEXT PRIMARY KEY, value ANY) WITHOUT ROWID;"
                       "INSERT INTO local_state VALUES ('identity.box_secret', x'5345435245545345435245545345435245545345');"
                       "INSERT INTO local_state VALUES ('site', 42);"
                       "CREATE TABLE person (name TEXT); INSERT INTO person VALUES ('Sam Patel');")
                .ok());
    const std::string_view device_only[] = {"identity.box_secret"};
    const std::vector<std::uint8_t> copy = copy_without(db.image(), device_only);
    CHECK_FALSE(contains(copy, "SECRETSECRET"));
    auto reopened = Database::open_image(copy);
    REQUIRE(reopened.ok());
    CHECK(reopened.value().query_column("SELECT name FROM person").value() == std::vector<std::string>{"Sam Patel"});
    CHECK(reopened.value().query_column("SELECT key FROM local_state").value() == std::vector<std::string>{"site"});

    // What could be salvaged of a damaged database: overwritten in place.
    std::vector<std::uint8_t> salvaged = db.image();
    std::fill(salvaged.begin(), salvaged.begin() + 100, std::uint8_t{0xEE});  // no longer a database
    REQUIRE(contains(salvaged, "SECRETSECRET"));
    CHECK_FALSE(contains(copy_without(salvaged, device_only), "SECRETSECRET"));
}
