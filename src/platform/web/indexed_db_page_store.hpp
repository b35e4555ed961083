#pragma once
// IndexedDbPageStore: the PageStore of the web, over records_storage.js.
// load() reads what the JS half loaded before the records were opened (all
// of IndexedDB, read in one transaction); write() makes one readwrite
// transaction with strict durability per batch, which checks the stored
// generation first, so IndexedDB's atomicity is the commit's.

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

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

    // The vault header loaded with the records: none, or its bytes (at most
    // 1 KiB); `damaged` when what is stored there is not bytes of that size.
    Result<std::optional<std::vector<std::uint8_t>>, store::PageStoreError> loaded_header() const;
    // A new profile's header, name and colour, written with its first batch.
    void set_first_meta(const std::vector<std::uint8_t>& header, const std::string& name, int colour);
    // Replaces the stored header; RecordsStorage's header_written says how it went.
    void put_header(const std::vector<std::uint8_t>& header);

    // [Internal] for records_storage.js: the outcome of write `id`.
    void written(std::uint32_t id, int code, const char* message);

private:
    std::function<void()> on_answer_;
    std::uint32_t next_id_ = 1;
    std::map<std::uint32_t, store::WriteDone> pending_;
};

}  // namespace tandem::platform
