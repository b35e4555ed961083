#pragma once
// PagedDatabase: a SQLite database that lives in memory and is kept in a
// PageStore. Its own SQLite VFS holds the database file as bytes; rollback
// journals stay in memory (journal_mode=MEMORY), so nothing but committed
// pages is ever stored. At each commit (SQLite's xSync on the database file)
// the pages the commit changed are copied; they go to the store as one batch
// with a commit record naming the new generation. At most one batch is in
// flight: commits made meanwhile are gathered into the next one, so every
// stored generation is a state SQLite committed. A failed batch keeps its
// pages waiting, behind any newer copies, until flush() is called again.

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "store/database.hpp"
#include "store/page_codec.hpp"
#include "store/page_store.hpp"

struct sqlite3_vfs;

namespace tandem::store {

// The largest database kept: 512 MiB (the target is 100 MB).
inline constexpr std::uint64_t max_database_bytes = 512ull * 1024 * 1024;

// How far the commits have got towards the store.
struct SaveProgress {
    std::uint64_t last_commit_seq = 0;  // commits made in memory since opening
    std::uint64_t last_saved_seq = 0;   // of those, the last one the store holds
    bool writing = false;               // a batch is in flight
    // Why the latest write failed; cleared when one succeeds.
    std::optional<PageStoreError> last_failure;

    bool saved() const { return last_saved_seq == last_commit_seq; }
};

// Why what the store holds cannot be opened for writing.
struct OpenProblem {
    enum class Kind : std::uint8_t {
        store_failed,          // the store could not be read at all
        bad_commit_record,     // impossible page size, count or generation
        pages_without_commit,  // pages but no commit record
        missing_page,          // a page the commit record counts is not there
        torn_page,             // a page from a generation after the commit record's
        undecodable_page,      // a page the codec refused, or of the wrong size
        not_a_database,        // the pages do not form a SQLite database
        commit_changed,        // the codec refused the commit record's seal
        pages_mixed,           // every page decodes, but they are not all of the save the commit record sealed
    };
    Kind kind = Kind::store_failed;
    std::uint32_t page = 0;  // the page concerned, or 0
    std::string message;     // for logs; the UI words it from `kind`
};

class PagedDatabase {
public:
    // Loads what `store` holds, checks every page against the commit record,
    // decodes them with `codec` and opens the database. Borrows both, which
    // must outlive it. A new store opens an empty database.
    // With an `initial` database file, `store` must hold nothing
    // (bad_commit_record otherwise): the database starts as that file,
    // written whole as the first batch.
    static Result<std::unique_ptr<PagedDatabase>, OpenProblem> open(PageStore& store, PageCodec& codec,
                                                                     std::vector<std::uint8_t> initial = {});

    // What can be read of a store that open() refused, as a database file:
    // every page that decodes, at its place, and zeros for the rest. Empty
    // when nothing can be read. Reads only.
    static std::vector<std::uint8_t> salvage(PageStore& store, PageCodec& codec);

    PagedDatabase(const PagedDatabase&) = delete;
    PagedDatabase& operator=(const PagedDatabase&) = delete;
    // Closes the connection. A write still in flight completes unheard.
    ~PagedDatabase();

    // The connection. Each committed transaction is sent to the store.
    Database& database() { return *database_; }

    // Sends the waiting commits to the store if no batch is in flight: call
    // it to retry after a failure.
    void flush();

    const SaveProgress& progress() const { return progress_; }
    // Called after every change of progress(): a commit, a write done or failed.
    void on_progress(std::function<void()> listener) { listener_ = std::move(listener); }

    // The stored generation: the commit record's, once the last write landed.
    std::uint64_t stored_generation() const { return stored_generation_; }

    // [Internal] for the VFS: the database file's bytes, and the hooks.
    std::vector<std::uint8_t>& file_bytes() { return image_; }
    void file_written(std::uint64_t offset, std::uint64_t length);
    void file_synced();

private:
    PagedDatabase(PageStore& store, PageCodec& codec);
    // open()'s two beginnings: the store's pages checked and decoded, or a
    // database file to start from over a new store.
    std::optional<OpenProblem> take_stored(const StoredDatabase& stored, PageCodec& codec);
    std::optional<OpenProblem> start_from(std::vector<std::uint8_t> initial, const StoredDatabase& stored);
    // Sends the waiting pages if no batch is in flight. A full batch copies
    // every page of the file, which is a committed state only at a commit
    // point or between transactions; elsewhere it waits.
    void send(bool at_commit_point);
    void write_done(std::uint64_t generation, std::uint64_t seq, bool full,
                    std::map<std::uint32_t, std::vector<std::uint8_t>> pages, Result<void, PageStoreError> outcome);
    void notify();

    PageStore& store_;
    PageCodec& codec_;
    std::unique_ptr<sqlite3_vfs> vfs_;
    std::string vfs_name_;
    std::optional<Database> database_;
    std::vector<std::uint8_t> image_;
    // Written 512-byte chunks of the file since the last commit.
    std::set<std::uint64_t> dirty_chunks_;

    // Committed pages not yet in the store (newest copy of each), and the
    // shape of the latest commit.
    std::map<std::uint32_t, std::vector<std::uint8_t>> waiting_;
    bool has_waiting_ = false;
    bool need_full_ = false;  // the store lost track: send every page
    std::uint32_t page_count_ = 0;
    std::uint32_t page_size_ = 0;
    std::uint64_t stored_generation_ = 0;
    SaveProgress progress_;
    std::function<void()> listener_;
    // Expires with this object, so a late write outcome is ignored.
    std::shared_ptr<int> alive_ = std::make_shared<int>(0);
};

}  // namespace tandem::store
