#include <doctest/doctest.h>

#include <random>
#include <string>
#include <vector>

#include "memory_page_store.hpp"
#include "paged_database_steps.hpp"
#include "store/paged_database.hpp"
#include "store/sqlite_record_store.hpp"

using namespace tandem;
using namespace tandem::store;
using namespace tandem::testing;
using tandem::testing::MemoryPageStore;

namespace {


// A copy of what the store holds, opened as another device would: proves
// the stored generation alone is a whole database.
std::string stored_notes(MemoryPageStore& store) {
    MemoryPageStore copy;
    copy.commit() = store.commit();
    copy.pages() = store.pages();
    auto db = open_ok(copy);
    CHECK(one(*db, "PRAGMA integrity_check;") == "ok");
    return one(*db, "SELECT coalesce(group_concat(body, '|'), '') FROM (SELECT body FROM note ORDER BY id);");
}

OpenProblem::Kind refusal(PageStore& store, PageCodec& codec = identity_codec) {
    auto opened = PagedDatabase::open(store, codec);
    REQUIRE_FALSE(opened.ok());
    return opened.error().kind;
}

// Refuses every page: a codec for another vault.
class RefusingCodec final : public PageCodec {
public:
    std::vector<std::uint8_t> encode(std::uint32_t, std::uint64_t, std::span<const std::uint8_t> page) override {
        return {page.begin(), page.end()};
    }
    Result<void, PageCodecError> decode(std::uint32_t, std::uint64_t, std::span<const std::uint8_t>,
                                        std::span<std::uint8_t>) override {
        return fail(PageCodecError{"not this vault's page"});
    }
    std::vector<std::uint8_t> seal_commit(const CommitRecord&) override { return {}; }
    Result<void, PageCodecError> open_commit(const CommitRecord&) override { return {}; }
    Result<void, PageCodecError> check_pages(const CommitRecord&) override { return {}; }
};

}  // namespace

TEST_CASE("a new store opens empty, and each commit lands as a generation") {
    MemoryPageStore store;
    auto db = open_ok(store);
    CHECK(db->stored_generation() == 0);
    CHECK(db->progress().saved());
    run(*db, "CREATE TABLE note (id INTEGER PRIMARY KEY, body TEXT);");
    CHECK(db->progress().last_commit_seq == 1);
    CHECK(db->progress().last_saved_seq == 1);
    CHECK(db->stored_generation() == 1);
    run(*db, "INSERT INTO note (body) VALUES ('first');");
    CHECK(db->stored_generation() == 2);
    REQUIRE(store.commit().has_value());
    CHECK(store.commit()->generation == 2);
    CHECK(store.commit()->page_size == 4096);
    CHECK(stored_notes(store) == "first");

    db.reset();
    auto reopened = open_ok(store);
    CHECK(reopened->stored_generation() == 2);
    CHECK(one(*reopened, "SELECT body FROM note;") == "first");
    run(*reopened, "INSERT INTO note (body) VALUES ('second');");
    CHECK(reopened->stored_generation() == 3);
    CHECK(stored_notes(store) == "first|second");
}

TEST_CASE("a commit sends only the pages it changed, and reads send nothing") {
    MemoryPageStore store;
    auto db = open_ok(store);
    run(*db, "CREATE TABLE note (id INTEGER PRIMARY KEY, body TEXT);");
    for (int i = 0; i < 200; ++i) run(*db, "INSERT INTO note (body) VALUES ('" + text_of(500, 'a') + "');");
    REQUIRE(store.commit()->page_count > 20);
    run(*db, "UPDATE note SET body = 'changed' WHERE id = 100;");
    CHECK(store.last_batch_pages() <= 3);
    const int writes = store.writes();
    CHECK(one(*db, "SELECT count(*) FROM note;") == "200");
    run(*db, "BEGIN; SELECT 1; COMMIT;");
    CHECK(store.writes() == writes);
}

TEST_CASE("a failed write keeps the edits in memory, and they land when retried") {
    MemoryPageStore store;
    auto db = open_ok(store);
    run(*db, "CREATE TABLE note (id INTEGER PRIMARY KEY, body TEXT);");
    int changes = 0;
    db->on_progress([&] { ++changes; });

    store.fail_next(2, PageStoreFailure::quota_exceeded);
    run(*db, "INSERT INTO note (body) VALUES ('kept');");
    CHECK(one(*db, "SELECT body FROM note;") == "kept");
    CHECK_FALSE(db->progress().saved());
    REQUIRE(db->progress().last_failure.has_value());
    CHECK(db->progress().last_failure->failure == PageStoreFailure::quota_exceeded);
    CHECK(stored_notes(store).empty());  // the previous generation, intact

    db->flush();  // still full
    CHECK_FALSE(db->progress().saved());
    run(*db, "INSERT INTO note (body) VALUES ('more');");  // space freed: this commit carries both
    CHECK(db->progress().saved());
    CHECK_FALSE(db->progress().last_failure.has_value());
    CHECK(stored_notes(store) == "kept|more");
    CHECK(changes >= 4);
}

TEST_CASE("commits made while a write is in flight are gathered into the next batch") {
    MemoryPageStore store;
    auto db = open_ok(store);
    run(*db, "CREATE TABLE note (id INTEGER PRIMARY KEY, body TEXT);");
    store.defer_answers(true);
    for (int i = 0; i < 5; ++i) run(*db, "INSERT INTO note (body) VALUES ('n" + std::to_string(i) + "');");
    CHECK(db->progress().writing);
    CHECK(db->progress().last_commit_seq == 6);
    CHECK(db->progress().last_saved_seq == 1);
    CHECK(store.writes() == 2);  // the first insert is in flight; four wait
    CHECK(store.complete_pending() == 1);
    CHECK(db->progress().last_saved_seq == 2);
    CHECK(store.complete_pending() == 1);  // the four together
    CHECK(db->progress().saved());
    CHECK(store.writes() == 3);
    CHECK(stored_notes(store) == "n0|n1|n2|n3|n4");
}

TEST_CASE("a batch the store lost is noticed, and a full batch puts the store right") {
    MemoryPageStore store;
    auto db = open_ok(store);
    run(*db, "CREATE TABLE note (id INTEGER PRIMARY KEY, body TEXT);");
    store.drop_next();
    run(*db, "INSERT INTO note (body) VALUES ('lost');");
    CHECK(db->progress().saved());  // the store said so
    run(*db, "INSERT INTO note (body) VALUES ('next');");
    REQUIRE(db->progress().last_failure.has_value());
    CHECK(db->progress().last_failure->failure == PageStoreFailure::out_of_order);
    CHECK(stored_notes(store).empty());
    db->flush();
    CHECK(store.last_batch_full());
    CHECK(db->progress().saved());
    CHECK(stored_notes(store) == "lost|next");
}

TEST_CASE("a batch delivered twice changes nothing the second time") {
    MemoryPageStore store;
    auto db = open_ok(store);
    run(*db, "CREATE TABLE note (id INTEGER PRIMARY KEY, body TEXT);");
    store.duplicate_next();
    run(*db, "INSERT INTO note (body) VALUES ('once');");
    run(*db, "INSERT INTO note (body) VALUES ('twice');");
    CHECK(db->progress().saved());
    CHECK(stored_notes(store) == "once|twice");
}

TEST_CASE("a rolled-back transaction that spilled pages never reaches the store") {
    MemoryPageStore store;
    auto db = open_ok(store);
    run(*db, "PRAGMA cache_size = 8; CREATE TABLE note (id INTEGER PRIMARY KEY, body TEXT);");
    run(*db, "INSERT INTO note (body) VALUES ('before');");
    const auto generation = db->stored_generation();
    run(*db, "BEGIN;");
    for (int i = 0; i < 300; ++i) run(*db, "INSERT INTO note (body) VALUES ('" + text_of(1000, 'x') + "');");
    run(*db, "ROLLBACK;");
    CHECK(one(*db, "SELECT count(*) FROM note;") == "1");
    CHECK(stored_notes(store) == "before");
    run(*db, "INSERT INTO note (body) VALUES ('after');");
    CHECK(db->stored_generation() > generation);
    CHECK(stored_notes(store) == "before|after");
}

TEST_CASE("a database that shrinks stores fewer pages") {
    MemoryPageStore store;
    auto db = open_ok(store);
    run(*db, "CREATE TABLE note (id INTEGER PRIMARY KEY, body TEXT);");
    for (int i = 0; i < 100; ++i) run(*db, "INSERT INTO note (body) VALUES ('" + text_of(2000, 'y') + "');");
    const auto big = store.commit()->page_count;
    run(*db, "DELETE FROM note WHERE id > 1; VACUUM;");
    CHECK(store.commit()->page_count < big / 4);
    CHECK(store.pages().size() == store.commit()->page_count);
    CHECK(stored_notes(store) == text_of(2000, 'y'));
}

TEST_CASE("what cannot be opened for writing is refused, naming the problem") {
    MemoryPageStore good;
    {
        auto db = open_ok(good);
        run(*db, "CREATE TABLE note (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO note (body) VALUES ('x');");
    }
    const auto copy = [&] {
        MemoryPageStore store;
        store.commit() = good.commit();
        store.pages() = good.pages();
        return store;
    };
    REQUIRE(good.pages().size() >= 2);

    MemoryPageStore missing = copy();
    missing.pages().erase(2);
    CHECK(refusal(missing) == OpenProblem::Kind::missing_page);

    MemoryPageStore torn = copy();
    torn.pages()[2].generation = torn.commit()->generation + 1;
    CHECK(refusal(torn) == OpenProblem::Kind::torn_page);

    MemoryPageStore short_page = copy();
    short_page.pages()[2].bytes.resize(100);
    CHECK(refusal(short_page) == OpenProblem::Kind::undecodable_page);

    MemoryPageStore foreign = copy();
    RefusingCodec refusing;
    CHECK(refusal(foreign, refusing) == OpenProblem::Kind::undecodable_page);

    MemoryPageStore orphans = copy();
    orphans.commit().reset();
    CHECK(refusal(orphans) == OpenProblem::Kind::pages_without_commit);

    MemoryPageStore bad_size = copy();
    bad_size.commit()->page_size = 1000;
    CHECK(refusal(bad_size) == OpenProblem::Kind::bad_commit_record);

    MemoryPageStore garbage = copy();
    for (auto& byte : garbage.pages()[1].bytes) byte = 0x5A;
    CHECK(refusal(garbage) == OpenProblem::Kind::not_a_database);

    // Pages left beyond the commit's count are not part of the database.
    MemoryPageStore leftovers = copy();
    StoredPage extra = leftovers.pages()[2];
    extra.number = leftovers.commit()->page_count + 5;
    leftovers.pages()[extra.number] = extra;
    CHECK(PagedDatabase::open(leftovers, identity_codec).ok());
}

TEST_CASE("under random faults the store always holds exactly the last saved commit") {
    for (std::uint64_t seed = 1; seed <= 40; ++seed) {
        CAPTURE(seed);
        std::mt19937_64 random(seed);
        MemoryPageStore store;
        auto db = open_ok(store);
        run(*db, "CREATE TABLE note (id INTEGER PRIMARY KEY, body TEXT);");
        // The notes as of each commit, by commit sequence number.
        std::vector<std::string> history = {"", ""};
        std::string current;
        for (int step = 0; step < 60; ++step) {
            switch (random() % 8) {
                case 0: store.fail_next(1 + static_cast<int>(random() % 3), PageStoreFailure::aborted); break;
                case 1: store.drop_next(); break;
                case 2: store.duplicate_next(); break;
                case 3: store.defer_answers(random() % 2 == 0); break;
                case 4: store.complete_pending(); break;
                case 5: db->flush(); break;
                default: break;
            }
            const std::string body = "s" + std::to_string(step) + text_of(random() % 3000, 'z');
            run(*db, "INSERT INTO note (body) VALUES ('" + body + "');");
            current += (current.empty() ? "" : "|") + body;
            history.push_back(current);
            REQUIRE(db->progress().last_commit_seq == history.size() - 1);
            // Unless a lost batch has not yet been noticed, the store holds
            // the last commit it acknowledged.
            if (!db->progress().writing && !db->progress().last_failure && db->progress().saved()) {
                const std::string stored = stored_notes(store);
                CHECK((stored == current || store.commit()->generation < db->stored_generation()));
            }
        }
        store.defer_answers(false);
        store.complete_pending();
        for (int attempt = 0; attempt < 5 && !db->progress().saved(); ++attempt) db->flush();
        run(*db, "INSERT INTO note (body) VALUES ('end');");
        if (!db->progress().saved()) db->flush();
        REQUIRE(db->progress().saved());
        CHECK(stored_notes(store) == current + "|end");
    }
}

TEST_CASE("Tandem's record store kept page by page opens again from what was stored") {
    // Creating the schema writes past the end of the file, leaving a page
    // SQLite never writes (a free one): it is part of the file all the same,
    // and was once left out of the store.
    MemoryPageStore store;
    {
        auto db = open_ok(store);
        auto records = SqliteRecordStore::attach(db->database());
        REQUIRE(records.ok());
        CHECK(db->progress().saved());
    }
    REQUIRE(store.commit().has_value());
    CHECK(store.pages().size() == store.commit()->page_count);
    auto db = open_ok(store);
    CHECK(one(*db, "PRAGMA integrity_check;") == "ok");
    CHECK(SqliteRecordStore::attach(db->database()).ok());
}
