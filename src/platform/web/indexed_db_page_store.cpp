#include "platform/web/indexed_db_page_store.hpp"

#include <emscripten.h>

#include <cmath>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "store/paged_database.hpp"

namespace tandem::platform {

namespace {

IndexedDbPageStore* installed = nullptr;

extern "C" {
int tandem_records_loaded_commit(double* out);
void tandem_records_copy_commit_seal(std::uint8_t* destination);
int tandem_records_loaded_count();
int tandem_records_loaded_page(int index, double* out);
void tandem_records_copy_page(int index, std::uint8_t* destination);
int tandem_records_loaded_header();
void tandem_records_copy_header(std::uint8_t* destination);
void tandem_records_first_meta(const std::uint8_t* header, int size, const char* name, int colour);
void tandem_records_put_header(const std::uint8_t* header, int size);
void tandem_records_write(std::uint32_t id, double base, int full, double generation, double page_count,
                          double page_size, const std::uint8_t* seal, int seal_size, const std::uint32_t* pages,
                          int count);
}

// A whole number in [0, limit], or nothing: values from IndexedDB are untrusted.
std::optional<std::uint64_t> whole(double value, double limit) {
    if (!(value >= 0 && value <= limit) || std::floor(value) != value) return std::nullopt;
    return static_cast<std::uint64_t>(value);
}

constexpr double max_generation = 9007199254740991.0;  // 2^53 - 1: exact in JS
constexpr int max_page_bytes = 65536 + 1024;           // a page and what a codec adds
constexpr double max_seal_bytes = 1024;                // a codec's seal on the commit record

store::PageStoreError damaged(std::string message) {
    return store::PageStoreError{store::PageStoreFailure::damaged, std::move(message)};
}

}  // namespace

IndexedDbPageStore::IndexedDbPageStore(std::function<void()> on_answer) : on_answer_(std::move(on_answer)) {
    installed = this;
}

IndexedDbPageStore::~IndexedDbPageStore() {
    if (installed == this) installed = nullptr;
}

Result<store::StoredDatabase, store::PageStoreError> IndexedDbPageStore::load() {
    double commit[4] = {};
    const int has_commit = tandem_records_loaded_commit(commit);
    if (has_commit < 0)
        return fail(store::PageStoreError{store::PageStoreFailure::unavailable, "the records were not loaded"});
    store::StoredDatabase out;
    if (has_commit == 1) {
        const auto generation = whole(commit[0], max_generation);
        const auto count = whole(commit[1], 4294967295.0);
        const auto size = whole(commit[2], 65536.0);
        const auto seal_size = whole(commit[3], max_seal_bytes);
        if (!generation || !count || !size || !seal_size) return fail(damaged("the commit record is not Tandem's"));
        out.commit = store::CommitRecord{*generation, static_cast<std::uint32_t>(*count),
                                         static_cast<std::uint32_t>(*size),
                                         std::vector<std::uint8_t>(static_cast<std::size_t>(*seal_size))};
        if (*seal_size > 0) tandem_records_copy_commit_seal(out.commit->seal.data());
    }
    const int count = tandem_records_loaded_count();
    if (static_cast<std::uint64_t>(count) > store::max_database_bytes / 512)
        return fail(damaged("more pages than any database has"));
    out.pages.reserve(static_cast<std::size_t>(count));
    for (int i = 0; i < count; ++i) {
        double page[2] = {};
        const int length = tandem_records_loaded_page(i, page);
        const auto number = whole(page[0], 4294967295.0);
        const auto generation = whole(page[1], max_generation);
        if (!number || *number == 0 || !generation || length < 0 || length > max_page_bytes)
            return fail(damaged("a stored page is not Tandem's"));
        store::StoredPage stored{static_cast<std::uint32_t>(*number), *generation,
                                 std::vector<std::uint8_t>(static_cast<std::size_t>(length))};
        if (length > 0) tandem_records_copy_page(i, stored.bytes.data());
        out.pages.push_back(std::move(stored));
    }
    return out;
}

Result<std::optional<std::vector<std::uint8_t>>, store::PageStoreError> IndexedDbPageStore::loaded_header() const {
    constexpr int max_header_bytes = 1024;
    const int size = tandem_records_loaded_header();
    if (size == -1) return std::optional<std::vector<std::uint8_t>>{};
    if (size < 0 || size > max_header_bytes) return fail(damaged("the vault header is not Tandem's"));
    std::vector<std::uint8_t> header(static_cast<std::size_t>(size));
    if (size > 0) tandem_records_copy_header(header.data());
    return std::optional<std::vector<std::uint8_t>>{std::move(header)};
}

void IndexedDbPageStore::set_first_meta(const std::vector<std::uint8_t>& header, const std::string& name, int colour) {
    tandem_records_first_meta(header.data(), static_cast<int>(header.size()), name.c_str(), colour);
}

void IndexedDbPageStore::put_header(const std::vector<std::uint8_t>& header) {
    tandem_records_put_header(header.data(), static_cast<int>(header.size()));
}

void IndexedDbPageStore::write(store::PageBatch batch, store::WriteDone done) {
    const std::uint32_t id = next_id_++;
    pending_.emplace(id, std::move(done));
    std::vector<std::uint32_t> pages;
    pages.reserve(batch.pages.size() * 3);
    for (const store::StoredPage& page : batch.pages) {
        pages.push_back(page.number);
        pages.push_back(static_cast<std::uint32_t>(reinterpret_cast<std::uintptr_t>(page.bytes.data())));
        pages.push_back(static_cast<std::uint32_t>(page.bytes.size()));
    }
    // The JS half copies the bytes before it returns; the answer comes later.
    tandem_records_write(id, static_cast<double>(batch.base_generation), batch.full ? 1 : 0,
                         static_cast<double>(batch.commit.generation), batch.commit.page_count,
                         batch.commit.page_size, batch.commit.seal.data(), static_cast<int>(batch.commit.seal.size()),
                         pages.data(), static_cast<int>(batch.pages.size()));
}

void IndexedDbPageStore::written(std::uint32_t id, int code, const char* message) {
    auto found = pending_.find(id);
    if (found == pending_.end()) return;
    store::WriteDone done = std::move(found->second);
    pending_.erase(found);
    using store::PageStoreFailure;
    switch (code) {
        case 0: done({}); break;
        case 1: done(fail(store::PageStoreError{PageStoreFailure::quota_exceeded, message})); break;
        case 2: done(fail(store::PageStoreError{PageStoreFailure::unavailable, message})); break;
        case 4: done(fail(store::PageStoreError{PageStoreFailure::out_of_order, message})); break;
        default: done(fail(store::PageStoreError{PageStoreFailure::aborted, message})); break;
    }
    if (on_answer_) on_answer_();
}

}  // namespace tandem::platform

// Called by records_storage.js.
extern "C" EMSCRIPTEN_KEEPALIVE void tandem_records_written(std::uint32_t id, int code, const char* message) {
    if (tandem::platform::installed) tandem::platform::installed->written(id, code, message);
}
