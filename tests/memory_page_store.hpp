#pragma once
// MemoryPageStore: a PageStore in memory that applies each batch atomically,
// as IndexedDB does, with switches for the faults a real store shows: failed
// writes of any kind, answers that come later, batches that are lost while
// reported written, and batches delivered twice.

#include <cstdint>
#include <deque>
#include <map>
#include <optional>
#include <utility>

#include "store/page_store.hpp"

namespace tandem::testing {

class MemoryPageStore final : public store::PageStore {
public:
    // The next `count` writes fail with `failure` (and store nothing).
    void fail_next(int count, store::PageStoreFailure failure) {
        failures_left_ = count;
        failure_ = failure;
    }
    // From now on writes are answered only by complete_pending().
    void defer_answers(bool defer) { defer_ = defer; }
    // The next write is reported written but stored nowhere.
    void drop_next() { drop_next_ = true; }
    // The next write is applied twice.
    void duplicate_next() { duplicate_next_ = true; }

    // Answers the writes deferred so far, oldest first (not those their
    // answers start); returns how many.
    int complete_pending() {
        int answered = 0;
        for (std::size_t waiting = deferred_.size(); waiting > 0; --waiting) {
            auto [batch, done] = std::move(deferred_.front());
            deferred_.pop_front();
            done(apply(batch));
            ++answered;
        }
        return answered;
    }

    Result<store::StoredDatabase, store::PageStoreError> load() override {
        store::StoredDatabase out;
        out.commit = commit_;
        for (const auto& [number, page] : pages_) out.pages.push_back(page);
        return out;
    }

    void write(store::PageBatch batch, store::WriteDone done) override {
        ++writes_;
        if (defer_) {
            deferred_.emplace_back(std::move(batch), std::move(done));
            return;
        }
        done(apply(batch));
    }

    // What the store holds, for tests that tamper with it.
    std::optional<store::CommitRecord>& commit() { return commit_; }
    std::map<std::uint32_t, store::StoredPage>& pages() { return pages_; }
    int writes() const { return writes_; }
    // The size of the last batch that landed, in pages.
    std::size_t last_batch_pages() const { return last_batch_pages_; }
    bool last_batch_full() const { return last_batch_full_; }

private:
    Result<void, store::PageStoreError> apply(const store::PageBatch& batch) {
        if (failures_left_ > 0) {
            --failures_left_;
            return fail(store::PageStoreError{failure_, "injected failure"});
        }
        if (std::exchange(drop_next_, false)) return {};
        const bool twice = std::exchange(duplicate_next_, false);
        for (int round = 0; round < (twice ? 2 : 1); ++round) {
            const std::uint64_t stored = commit_ ? commit_->generation : 0;
            // A second delivery of the same batch finds its own generation stored.
            if (round == 1 && stored == batch.commit.generation) break;
            if (!batch.full && batch.base_generation != stored)
                return fail(store::PageStoreError{store::PageStoreFailure::out_of_order, "base generation differs"});
            if (batch.commit.generation <= stored)
                return fail(store::PageStoreError{store::PageStoreFailure::out_of_order, "not above the stored generation"});
            if (batch.full) pages_.clear();
            for (const store::StoredPage& page : batch.pages) pages_[page.number] = page;
            pages_.erase(pages_.upper_bound(batch.commit.page_count), pages_.end());
            commit_ = batch.commit;
        }
        last_batch_pages_ = batch.pages.size();
        last_batch_full_ = batch.full;
        return {};
    }

    std::optional<store::CommitRecord> commit_;
    std::map<std::uint32_t, store::StoredPage> pages_;
    std::deque<std::pair<store::PageBatch, store::WriteDone>> deferred_;
    int failures_left_ = 0;
    store::PageStoreFailure failure_ = store::PageStoreFailure::aborted;
    bool defer_ = false;
    bool drop_next_ = false;
    bool duplicate_next_ = false;
    int writes_ = 0;
    std::size_t last_batch_pages_ = 0;
    bool last_batch_full_ = false;
};

}  // namespace tandem::testing
