#pragma once
// FilePageStore: a PageStore in a directory, for native tests and tools.
//
// Layout: `pages/<number>-<generation>.page` holds one page as written by the
// commit of that generation; `commit` holds the commit record. A batch writes
// its page files under new names (and syncs them), then replaces `commit`
// through a rename, which is the moment the batch lands, then removes the
// page files it superseded. A crash anywhere before the rename leaves the
// previous generation whole: its page files are untouched, and the new
// generation's files are ignored and removed by the next load().
//
// Fault injection (faults()) stands in for a failing disk or a process that
// dies part-way through a batch; every file operation of a batch counts as
// one step.

#include <cstdint>
#include <filesystem>
#include <optional>

#include "store/page_store.hpp"

namespace tandem::platform {

// Faults for the next operations of a FilePageStore.
struct FileFaults {
    int fail_at_step = 0;   // that step (1-based, from now) fails; the write reports `aborted`
    int crash_at_step = 0;  // the process dies at that step (a page file is left half written)
    bool drop_next = false;       // the next write reports success and writes nothing
    bool duplicate_next = false;  // the next write is applied twice
};

class FilePageStore final : public store::PageStore {
public:
    // Keeps pages in `directory`, created if missing. Touches nothing until
    // load() or write().
    explicit FilePageStore(std::filesystem::path directory);

    // Reads the commit record and, for each of its pages, the newest file of a
    // generation no later than the record's; removes files left by a batch
    // that never landed. `damaged` if the commit record is unreadable,
    // `unavailable` if the directory cannot be read.
    Result<store::StoredDatabase, store::PageStoreError> load() override;

    // Applies `batch` and answers at once. `out_of_order` if a partial batch's
    // base is not the stored generation; `aborted` (or `quota_exceeded` when
    // the disk is full) if a file operation fails, leaving the stored
    // generation as it was. After a crash, answers nothing.
    void write(store::PageBatch batch, store::WriteDone done) override;

    // The faults to apply from now on; replaces any not yet reached.
    void inject(const FileFaults& faults);
    // True once an injected crash has happened: the store is dead.
    bool crashed() const { return crashed_; }

private:
    Result<void, store::PageStoreError> apply(const store::PageBatch& batch);
    Result<std::optional<store::CommitRecord>, store::PageStoreError> read_commit() const;
    // Counts one step and reports whether it may go ahead; sets crashed_.
    enum class Step : std::uint8_t { go, fail, crash };
    Step step();

    std::filesystem::path directory_;
    FileFaults faults_;
    int steps_ = 0;
    int armed_at_ = 0;  // steps_ when inject() was called
    bool crashed_ = false;
};

}  // namespace tandem::platform
