// FilePageStore under PagedDatabase, with the faults a disk and a dying
// process bring: each commit either lands whole or leaves the previous
// generation whole, whatever step it is stopped at.
#include <doctest/doctest.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "platform/native/file_page_store.hpp"
#include "paged_database_steps.hpp"
#include "store/paged_database.hpp"

using namespace tandem;
using namespace tandem::store;
using namespace tandem::testing;
using tandem::platform::FileFaults;
using tandem::platform::FilePageStore;
namespace fs = std::filesystem;

namespace {


// A directory of its own for one test, removed afterwards.
class ScratchDirectory {
public:
    ScratchDirectory() {
        static std::atomic<int> counter{0};
        path_ = fs::temp_directory_path() /
                ("tandem-pages-" + std::to_string(std::random_device{}()) + "-" + std::to_string(counter++));
        fs::remove_all(path_);
    }
    ~ScratchDirectory() {
        std::error_code ignored;
        fs::remove_all(path_, ignored);
    }
    ScratchDirectory(const ScratchDirectory&) = delete;
    ScratchDirectory& operator=(const ScratchDirectory&) = delete;
    const fs::path& path() const { return path_; }

private:
    fs::path path_;
};

// The notes, in order, as one string.
std::string notes(PagedDatabase& db) {
    return one(db, "SELECT coalesce(group_concat(body, '|'), '') FROM (SELECT body FROM note ORDER BY id);");
}

// What the directory holds, opened afresh as the next visit would: checks
// integrity and returns the notes and the stored generation.
struct Reopened {
    std::string notes;
    std::uint64_t generation = 0;
};

Reopened reopen(const fs::path& directory) {
    FilePageStore store(directory);
    auto db = open_ok(store);
    CHECK(one(*db, "PRAGMA integrity_check;") == "ok");
    return {notes(*db), db->stored_generation()};
}

std::vector<std::string> files_in(const fs::path& directory) {
    std::vector<std::string> names;
    for (const auto& entry : fs::recursive_directory_iterator(directory))
        if (entry.is_regular_file()) names.push_back(fs::relative(entry.path(), directory).string());
    std::sort(names.begin(), names.end());
    return names;
}

// Writes `batch` to `store`, which answers at once, and gives the answer.
Result<void, PageStoreError> write_now(FilePageStore& store, PageBatch batch) {
    std::optional<Result<void, PageStoreError>> answer;
    store.write(std::move(batch), [&](Result<void, PageStoreError> outcome) { answer = std::move(outcome); });
    REQUIRE(answer.has_value());
    return std::move(*answer);
}

}  // namespace

TEST_CASE("a new directory opens empty, and commits are there on the next visit") {
    ScratchDirectory dir;
    {
        FilePageStore store(dir.path());
        auto db = open_ok(store);
        CHECK(db->stored_generation() == 0);
        run(*db, "CREATE TABLE note (id INTEGER PRIMARY KEY, body TEXT);");
        run(*db, "INSERT INTO note (body) VALUES ('first');");
        run(*db, "INSERT INTO note (body) VALUES ('" + text_of(9000, 'a') + "');");
        CHECK(db->progress().saved());
        CHECK(db->stored_generation() == 3);
    }
    const Reopened again = reopen(dir.path());
    CHECK(again.notes == "first|" + text_of(9000, 'a'));
    CHECK(again.generation == 3);

    // Only the newest file of each page is kept.
    FilePageStore store(dir.path());
    auto loaded = store.load();
    REQUIRE(loaded.ok());
    REQUIRE(loaded.value().commit.has_value());
    const auto files = files_in(dir.path());
    CHECK(files.size() == loaded.value().commit->page_count + 1);
    CHECK(std::count(files.begin(), files.end(), "commit") == 1);
}

TEST_CASE("a partial batch on the wrong base is refused, and a repeated batch changes nothing") {
    ScratchDirectory dir;
    FilePageStore store(dir.path());
    auto write = [&](PageBatch batch) { return write_now(store, std::move(batch)); };
    const std::vector<std::uint8_t> page(512, 7);
    PageBatch first{0, false, CommitRecord{1, 1, 512, {}}, {StoredPage{1, 1, page}}};
    CHECK(write(first).ok());
    CHECK(write(first).ok());  // delivered again: already there

    PageBatch stale{0, false, CommitRecord{2, 1, 512, {}}, {StoredPage{1, 2, page}}};
    auto refused = write(stale);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().failure == PageStoreFailure::out_of_order);

    auto loaded = store.load();
    REQUIRE(loaded.ok());
    CHECK(loaded.value().commit == CommitRecord{1, 1, 512, {}});
    REQUIRE(loaded.value().pages.size() == 1);
    CHECK(loaded.value().pages[0] == StoredPage{1, 1, page});
}

TEST_CASE("a commit record keeps its seal, a full batch never goes under the stored generation, and a changed seal is damage") {
    ScratchDirectory dir;
    FilePageStore store(dir.path());
    auto write = [&](PageBatch batch) { return write_now(store, std::move(batch)); };
    const std::vector<std::uint8_t> page(512, 7);
    const std::vector<std::uint8_t> seal{1, 2, 3, 4, 5, 6, 7, 8, 9};
    CHECK(write(PageBatch{0, false, CommitRecord{1, 1, 512, seal}, {StoredPage{1, 1, page}}}).ok());
    CHECK(write(PageBatch{1, false, CommitRecord{2, 1, 512, seal}, {StoredPage{1, 2, page}}}).ok());
    auto older_full = write(PageBatch{0, true, CommitRecord{1, 1, 512, {}}, {StoredPage{1, 1, page}}});
    REQUIRE_FALSE(older_full.ok());
    CHECK(older_full.error().failure == PageStoreFailure::out_of_order);

    auto loaded = store.load();
    REQUIRE(loaded.ok());
    CHECK(loaded.value().commit == CommitRecord{2, 1, 512, seal});

    {
        std::fstream commit(dir.path() / "commit", std::ios::in | std::ios::out | std::ios::binary);
        commit.seekp(30);
        commit.put('X');
    }
    auto damaged = store.load();
    REQUIRE_FALSE(damaged.ok());
    CHECK(damaged.error().failure == PageStoreFailure::damaged);
}

TEST_CASE("a crash at any step of a commit leaves either the previous generation or the new one, whole") {
    const std::string before_text = "a|" + text_of(5000, 'b') + "|c";
    bool saw_previous = false;
    bool saw_new = false;
    int crash = 1;
    for (;; ++crash) {
        CAPTURE(crash);
        ScratchDirectory dir;
        bool crashed = false;
        std::string after_text;
        {
            FilePageStore store(dir.path());
            auto db = open_ok(store);
            run(*db, "CREATE TABLE note (id INTEGER PRIMARY KEY, body TEXT);");
            run(*db, "INSERT INTO note (body) VALUES ('a'), ('" + text_of(5000, 'b') + "'), ('c');");
            REQUIRE(notes(*db) == before_text);
            store.inject(FileFaults{.crash_at_step = crash});
            // One commit that touches several pages and frees others.
            run(*db, "BEGIN; UPDATE note SET body = 'short' WHERE id = 2;"
                     "INSERT INTO note (body) VALUES ('" + text_of(3000, 'd') + "'); COMMIT;");
            after_text = notes(*db);
            crashed = store.crashed();
            CHECK(db->progress().saved() == !crashed);
        }
        const Reopened found = reopen(dir.path());
        CHECK((found.notes == before_text || found.notes == after_text));
        CHECK((found.notes == after_text) == (found.generation == 3));
        if (!crashed) {
            CHECK(found.notes == after_text);
            break;
        }
        (found.notes == after_text ? saw_new : saw_previous) = true;

        // The next visit carries on from what it found, and so does the one after.
        {
            FilePageStore store(dir.path());
            auto db = open_ok(store);
            run(*db, "INSERT INTO note (body) VALUES ('next');");
            CHECK(db->progress().saved());
        }
        CHECK(reopen(dir.path()).notes == found.notes + "|next");
    }
    CHECK(crash > 4);
    CHECK(saw_previous);
    CHECK(saw_new);
}

TEST_CASE("a failed step keeps the previous generation, and the retry lands") {
    for (int failing = 1; failing <= 8; ++failing) {
        CAPTURE(failing);
        ScratchDirectory dir;
        FilePageStore store(dir.path());
        auto db = open_ok(store);
        run(*db, "CREATE TABLE note (id INTEGER PRIMARY KEY, body TEXT);");
        run(*db, "INSERT INTO note (body) VALUES ('kept');");
        store.inject(FileFaults{.fail_at_step = failing});
        run(*db, "INSERT INTO note (body) VALUES ('" + text_of(6000, 'e') + "');");
        const std::string wanted = "kept|" + text_of(6000, 'e');
        if (db->progress().saved()) {
            // The failure hit only the tidying after the batch had landed.
            CHECK(reopen(dir.path()).notes == wanted);
            continue;
        }
        REQUIRE(db->progress().last_failure.has_value());
        CHECK(db->progress().last_failure->failure == PageStoreFailure::aborted);
        CHECK(reopen(dir.path()).notes == "kept");
        db->flush();
        CHECK(db->progress().saved());
        CHECK(reopen(dir.path()).notes == wanted);
    }
}

TEST_CASE("a batch reported written but lost is noticed and put right with every page") {
    ScratchDirectory dir;
    FilePageStore store(dir.path());
    auto db = open_ok(store);
    run(*db, "CREATE TABLE note (id INTEGER PRIMARY KEY, body TEXT);");
    store.inject(FileFaults{.drop_next = true});
    run(*db, "INSERT INTO note (body) VALUES ('lost');");
    run(*db, "INSERT INTO note (body) VALUES ('found');");
    REQUIRE(db->progress().last_failure.has_value());
    CHECK(db->progress().last_failure->failure == PageStoreFailure::out_of_order);
    CHECK(reopen(dir.path()).notes.empty());
    db->flush();
    CHECK(db->progress().saved());
    CHECK(reopen(dir.path()).notes == "lost|found");

    store.inject(FileFaults{.duplicate_next = true});
    run(*db, "INSERT INTO note (body) VALUES ('twice');");
    CHECK(db->progress().saved());
    CHECK(reopen(dir.path()).notes == "lost|found|twice");
}

TEST_CASE("a damaged commit record or page is refused when opened") {
    ScratchDirectory dir;
    {
        FilePageStore store(dir.path());
        auto db = open_ok(store);
        run(*db, "CREATE TABLE note (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO note (body) VALUES ('x');");
    }
    const auto page_two = [&] {
        for (const auto& name : files_in(dir.path()))
            if (name.rfind("pages/2-", 0) == 0) return dir.path() / name;
        FAIL("no file for page 2");
        return fs::path{};
    }();
    const std::string saved_page = [&] {
        std::ifstream in(page_two, std::ios::binary);
        return std::string(std::istreambuf_iterator<char>(in), {});
    }();

    fs::resize_file(page_two, 100);
    {
        FilePageStore store(dir.path());
        auto opened = PagedDatabase::open(store, identity_codec);
        REQUIRE_FALSE(opened.ok());
        CHECK(opened.error().kind == OpenProblem::Kind::undecodable_page);
    }
    fs::remove(page_two);
    {
        FilePageStore store(dir.path());
        auto opened = PagedDatabase::open(store, identity_codec);
        REQUIRE_FALSE(opened.ok());
        CHECK(opened.error().kind == OpenProblem::Kind::missing_page);
        CHECK(opened.error().page == 2);
    }
    std::ofstream(page_two, std::ios::binary) << saved_page;
    CHECK(reopen(dir.path()).notes == "x");

    std::fstream(dir.path() / "commit", std::ios::in | std::ios::out | std::ios::binary).put('X');
    FilePageStore store(dir.path());
    auto loaded = store.load();
    REQUIRE_FALSE(loaded.ok());
    CHECK(loaded.error().failure == PageStoreFailure::damaged);
    auto opened = PagedDatabase::open(store, identity_codec);
    REQUIRE_FALSE(opened.ok());
    CHECK(opened.error().kind == OpenProblem::Kind::store_failed);
}

TEST_CASE("under random crashes and failures every visit finds a commit no older than the last saved one") {
    for (std::uint64_t seed = 1; seed <= 12; ++seed) {
        CAPTURE(seed);
        std::mt19937_64 random(seed);
        ScratchDirectory dir;
        // The notes after each commit, and the highest commit the store confirmed.
        std::vector<std::string> states{""};
        std::size_t saved_state = 0;
        {
            FilePageStore store(dir.path());
            auto db = open_ok(store);
            run(*db, "CREATE TABLE note (id INTEGER PRIMARY KEY, body TEXT);");
        }
        for (int visit = 0; visit < 6; ++visit) {
            CAPTURE(visit);
            FilePageStore store(dir.path());
            auto db = open_ok(store);
            // This visit starts from one of the commits, never before the last saved.
            const std::string found = notes(*db);
            const auto at = std::find(states.begin() + static_cast<std::ptrdiff_t>(saved_state), states.end(), found);
            REQUIRE(at != states.end());
            states.erase(at + 1, states.end());
            saved_state = states.size() - 1;
            for (int edit = 0; edit < 8 && !store.crashed(); ++edit) {
                const auto fault = random() % 5;
                switch (fault) {
                    case 0: store.inject(FileFaults{.fail_at_step = static_cast<int>(random() % 6) + 1}); break;
                    case 1: store.inject(FileFaults{.crash_at_step = static_cast<int>(random() % 8) + 1}); break;
                    case 2: store.inject(FileFaults{.drop_next = true}); break;
                    case 3: store.inject(FileFaults{.duplicate_next = true}); break;
                    default: break;
                }
                // Every edit changes the database, so it writes and meets its fault.
                if (random() % 2 == 0 || notes(*db).empty())
                    run(*db, "INSERT INTO note (body) VALUES ('" + text_of(random() % 3000 + 1, static_cast<char>('a' + edit)) + "');");
                else
                    run(*db, "UPDATE note SET body = 'v" + std::to_string(visit) + "-" + std::to_string(edit) +
                                 "' WHERE id = (SELECT max(id) FROM note);");
                if (!store.crashed()) db->flush();
                states.push_back(notes(*db));
                // A dropped batch is reported saved but is not: only a later write shows it.
                if (db->progress().saved() && !store.crashed() && fault != 2) saved_state = states.size() - 1;
            }
        }
    }
}
