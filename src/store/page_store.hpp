#pragma once
// PageStore: where a database's pages are kept between visits. The database
// itself lives in memory (PagedDatabase); at each commit the pages it changed,
// with a commit record, go to the PageStore as one batch that lands whole or
// not at all. The web's store is IndexedDB; the native one is a directory of
// files, for tests and tools.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"

namespace tandem::store {

// One page as stored: its number (1-based, as SQLite counts), the generation
// of the commit that wrote it, and its bytes as the page codec encoded them.
struct StoredPage {
    std::uint32_t number = 0;
    std::uint64_t generation = 0;
    std::vector<std::uint8_t> bytes;

    bool operator==(const StoredPage&) const = default;
};

// What makes a generation durable: written in the same batch as its pages.
// Pages numbered above page_count are no longer part of the database.
struct CommitRecord {
    std::uint64_t generation = 0;
    std::uint32_t page_count = 0;
    std::uint32_t page_size = 0;
    // The page codec's seal over this record and every page's label
    // (PageCodec::seal_commit), stored with it; empty without encryption.
    std::vector<std::uint8_t> seal;

    bool operator==(const CommitRecord&) const = default;
};

// One commit's writing. The store applies it only on top of
// base_generation; `full` batches carry every page and replace all.
struct PageBatch {
    std::uint64_t base_generation = 0;
    bool full = false;
    CommitRecord commit;
    std::vector<StoredPage> pages;
};

// Everything a store holds: the last commit record (none for a new
// database) and its pages, in any order.
struct StoredDatabase {
    std::optional<CommitRecord> commit;
    std::vector<StoredPage> pages;
};

enum class PageStoreFailure : std::uint8_t {
    quota_exceeded,  // the device or the browser's quota is full
    unavailable,     // the store cannot be used at all (e.g. no IndexedDB)
    aborted,         // this write failed but a retry may succeed
    out_of_order,    // the batch's base is not the stored generation: send a full batch
    damaged,         // what is stored cannot be read
};

struct PageStoreError {
    PageStoreFailure failure = PageStoreFailure::aborted;
    std::string message;
};

// The outcome of one write, delivered once.
using WriteDone = std::function<void(Result<void, PageStoreError>)>;

class PageStore {
public:
    virtual ~PageStore() = default;

    // Everything stored. Fails with `damaged` or `unavailable`.
    virtual Result<StoredDatabase, PageStoreError> load() = 0;

    // Starts writing `batch` so that it lands whole or not at all, and calls
    // `done` with the outcome: at once, or later from the platform's event
    // loop. The caller keeps at most one write in flight.
    virtual void write(PageBatch batch, WriteDone done) = 0;
};

}  // namespace tandem::store
