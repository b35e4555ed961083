#pragma once
// IndexedDbPageStore: the PageStore of the web, over records_storage.js.
// load() reads what the JS half loaded before the records were opened (all
// of IndexedDB, read in one transaction); write() makes one readwrite
// transaction with strict durability per batch, which checks the stored
// generation first, so IndexedDB's atomicity is the commit's.

#include <cstdint>
#include <functional>
#include <map>

#include "store/page_store.hpp"

namespace tandem::platform {

class IndexedDbPageStore final : public store::PageStore {
public:
    // One per page; `on_answer` runs after each write's outcome was delivered
    // (from the browser's event loop), so the host can draw and retry.
    explicit IndexedDbPageStore(std::function<void()> on_answer);
    ~IndexedDbPageStore() override;
    IndexedDbPageStore(const IndexedDbPageStore&) = delete;
    IndexedDbPageStore& operator=(const IndexedDbPageStore&) = delete;

    // Only while records_storage.js reports the records ready; `damaged` for
    // records that are not what Tandem stores.
    Result<store::StoredDatabase, store::PageStoreError> load() override;
    void write(store::PageBatch batch, store::WriteDone done) override;

    // [Internal] for records_storage.js: the outcome of write `id`.
    void written(std::uint32_t id, int code, const char* message);

private:
    std::function<void()> on_answer_;
    std::uint32_t next_id_ = 1;
    std::map<std::uint32_t, store::WriteDone> pending_;
};

}  // namespace tandem::platform
