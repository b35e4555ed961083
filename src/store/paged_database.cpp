// Index of this file:
// [SECTION] The VFS over the image in memory
// [SECTION] Reading the stored image
// [SECTION] Opening and salvaging
// [SECTION] Tracking writes and sending pages

#include "store/paged_database.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <atomic>
#include <cassert>
#include <cstring>
#include <new>
#include <unordered_map>
#include <utility>

namespace tandem::store {

// [SECTION] The VFS over the image in memory

namespace {

constexpr std::uint64_t chunk_bytes = 512;  // the smallest SQLite page
constexpr std::uint32_t max_page_size = 65536;

// One open file of the VFS: the main database file is the PagedDatabase's
// image; every other file (temporary tables, sort spills) is scratch memory.
struct VfsFile {
    sqlite3_file base;
    PagedDatabase* owner = nullptr;  // set for the main database file
    std::vector<std::uint8_t> scratch;

    std::vector<std::uint8_t>& bytes() { return owner ? owner->file_bytes() : scratch; }
};

VfsFile& file_of(sqlite3_file* file) { return *reinterpret_cast<VfsFile*>(file); }

int file_close(sqlite3_file* file) {
    file_of(file).~VfsFile();
    return SQLITE_OK;
}

int file_read(sqlite3_file* file, void* out, int amount, sqlite3_int64 offset) {
    const std::vector<std::uint8_t>& bytes = file_of(file).bytes();
    const auto wanted = static_cast<std::size_t>(amount);
    const std::size_t start = static_cast<std::uint64_t>(offset) < bytes.size() ? static_cast<std::size_t>(offset)
                                                                                : bytes.size();
    const std::size_t available = std::min(wanted, bytes.size() - start);
    if (available > 0) std::memcpy(out, bytes.data() + start, available);
    if (available == wanted) return SQLITE_OK;
    // SQLite requires the rest zero-filled on a short read.
    std::memset(static_cast<std::uint8_t*>(out) + available, 0, wanted - available);
    return SQLITE_IOERR_SHORT_READ;
}

int file_write(sqlite3_file* file, const void* data, int amount, sqlite3_int64 offset) {
    VfsFile& f = file_of(file);
    std::vector<std::uint8_t>& bytes = f.bytes();
    if (offset < 0 || static_cast<std::uint64_t>(offset) + static_cast<std::uint64_t>(amount) > max_database_bytes)
        return SQLITE_FULL;
    // Within max_database_bytes, so size_t holds it on wasm32 too.
    const auto start = static_cast<std::size_t>(offset);
    const auto length = static_cast<std::size_t>(amount);
    if (bytes.size() < start + length) {
        // SQLite may write past the end, leaving pages it never writes (free
        // ones) between: they are part of the file, as zeros, all the same.
        if (f.owner && start > bytes.size()) f.owner->file_written(bytes.size(), start - bytes.size());
        bytes.resize(start + length);
    }
    std::memcpy(bytes.data() + start, data, length);
    if (f.owner) f.owner->file_written(start, length);
    return SQLITE_OK;
}

int file_truncate(sqlite3_file* file, sqlite3_int64 size) {
    std::vector<std::uint8_t>& bytes = file_of(file).bytes();
    if (static_cast<std::uint64_t>(size) < bytes.size()) bytes.resize(static_cast<std::size_t>(size));
    return SQLITE_OK;
}

int file_sync(sqlite3_file* file, int) {
    VfsFile& f = file_of(file);
    if (f.owner) f.owner->file_synced();
    return SQLITE_OK;
}

int file_size(sqlite3_file* file, sqlite3_int64* size) {
    *size = static_cast<sqlite3_int64>(file_of(file).bytes().size());
    return SQLITE_OK;
}

// One connection per file, so locks have nothing to guard.
int file_lock(sqlite3_file*, int) { return SQLITE_OK; }
int file_check_reserved_lock(sqlite3_file*, int* reserved) {
    *reserved = 0;
    return SQLITE_OK;
}
int file_control(sqlite3_file*, int, void*) { return SQLITE_NOTFOUND; }
int file_sector_size(sqlite3_file*) { return static_cast<int>(chunk_bytes); }
int file_device_characteristics(sqlite3_file*) { return SQLITE_IOCAP_POWERSAFE_OVERWRITE; }

const sqlite3_io_methods io_methods = {
    1,
    file_close,
    file_read,
    file_write,
    file_truncate,
    file_sync,
    file_size,
    file_lock,
    file_lock,
    file_check_reserved_lock,
    file_control,
    file_sector_size,
    file_device_characteristics,
    nullptr, nullptr, nullptr, nullptr, nullptr, nullptr,
};

int vfs_open(sqlite3_vfs* vfs, const char*, sqlite3_file* file, int flags, int* out_flags) {
    auto* f = new (file) VfsFile();
    f->base.pMethods = &io_methods;
    if (flags & SQLITE_OPEN_MAIN_DB) f->owner = static_cast<PagedDatabase*>(vfs->pAppData);
    if (out_flags) *out_flags = flags;
    return SQLITE_OK;
}

// Journals never exist outside memory, so no file is ever found hot.
int vfs_delete(sqlite3_vfs*, const char*, int) { return SQLITE_OK; }
int vfs_access(sqlite3_vfs*, const char*, int, int* result) {
    *result = 0;
    return SQLITE_OK;
}
int vfs_full_pathname(sqlite3_vfs*, const char* name, int size, char* out) {
    sqlite3_snprintf(size, out, "%s", name);
    return SQLITE_OK;
}

// Randomness and time come from SQLite's own VFS for the platform.
sqlite3_vfs* platform_vfs() { return sqlite3_vfs_find(nullptr); }
int vfs_randomness(sqlite3_vfs*, int size, char* out) { return platform_vfs()->xRandomness(platform_vfs(), size, out); }
int vfs_sleep(sqlite3_vfs*, int microseconds) { return platform_vfs()->xSleep(platform_vfs(), microseconds); }
int vfs_current_time(sqlite3_vfs*, double* now) { return platform_vfs()->xCurrentTime(platform_vfs(), now); }
int vfs_last_error(sqlite3_vfs*, int, char*) { return 0; }
int vfs_current_time_int64(sqlite3_vfs*, sqlite3_int64* now) {
    return platform_vfs()->xCurrentTimeInt64(platform_vfs(), now);
}

std::uint32_t read_u16_be(const std::uint8_t* p) { return (std::uint32_t{p[0]} << 8) | p[1]; }
std::uint32_t read_u32_be(const std::uint8_t* p) { return (read_u16_be(p) << 16) | read_u16_be(p + 2); }

// [SECTION] Reading the stored image

// The page size a database file's header declares, or 0 if it declares none.
std::uint32_t header_page_size(const std::vector<std::uint8_t>& image) {
    if (image.size() < 100) return 0;
    const std::uint32_t raw = read_u16_be(image.data() + 16);
    const std::uint32_t size = raw == 1 ? max_page_size : raw;
    const bool power_of_two = size >= chunk_bytes && size <= max_page_size && (size & (size - 1)) == 0;
    return power_of_two ? size : 0;
}

// The database's size in pages. SQLite shrinks the file only after the
// commit's sync, so the header's count (valid when its version-valid-for
// number matches the change counter) is the truth at the commit point.
std::uint32_t header_page_count(const std::vector<std::uint8_t>& image, std::uint32_t page_size) {
    const auto in_file = static_cast<std::uint32_t>(image.size() / page_size);
    const std::uint32_t declared = read_u32_be(image.data() + 28);
    const bool valid = declared > 0 && read_u32_be(image.data() + 92) == read_u32_be(image.data() + 24);
    return valid ? std::min(declared, in_file) : in_file;
}

// Zeroes `bytes` in a way the compiler keeps although they are not read again.
void wipe(std::vector<std::uint8_t>& bytes) {
    volatile std::uint8_t* at = bytes.data();
    for (std::size_t i = 0; i < bytes.size(); ++i) at[i] = 0;
}

OpenProblem problem(OpenProblem::Kind kind, std::uint32_t page, std::string message) {
    return OpenProblem{kind, page, std::move(message)};
}

std::atomic<std::uint64_t> vfs_counter{0};

}  // namespace

PagedDatabase::PagedDatabase(PageStore& store, PageCodec& codec) : store_(store), codec_(codec) {}

// [SECTION] Opening and salvaging

PagedDatabase::~PagedDatabase() {
    database_.reset();
    if (vfs_) sqlite3_vfs_unregister(vfs_.get());
    // The records in the clear do not outlive the database (a vault locked).
    wipe(image_);
    for (auto& [number, page] : waiting_) wipe(page);
}

std::optional<OpenProblem> PagedDatabase::start_from(std::vector<std::uint8_t> initial, const StoredDatabase& stored) {
    using Kind = OpenProblem::Kind;
    if (stored.commit || !stored.pages.empty())
        return problem(Kind::bad_commit_record, 0, "a database to start from, over a store that is not new");
    const std::uint32_t size = header_page_size(initial);
    if (size == 0 || initial.size() > max_database_bytes || std::memcmp(initial.data(), "SQLite format 3", 16) != 0)
        return problem(Kind::not_a_database, 1, "the database to start from is not one");
    image_ = std::move(initial);
    page_count_ = header_page_count(image_, size);
    image_.resize(std::size_t{page_count_} * size);
    page_size_ = size;
    need_full_ = true;
    return std::nullopt;
}

std::optional<OpenProblem> PagedDatabase::take_stored(const StoredDatabase& stored, PageCodec& codec) {
    using Kind = OpenProblem::Kind;
    if (!stored.commit) {
        if (!stored.pages.empty()) return problem(Kind::pages_without_commit, 0, "pages but no commit record");
        return std::nullopt;
    }
    const CommitRecord& commit = *stored.commit;
    const std::uint32_t size = commit.page_size;
    const bool size_ok = size >= chunk_bytes && size <= max_page_size && (size & (size - 1)) == 0;
    if (!size_ok || commit.generation == 0 || std::uint64_t{commit.page_count} * size > max_database_bytes)
        return problem(Kind::bad_commit_record, 0, "impossible commit record");
    if (auto opened = codec.open_commit(commit); !opened)
        return problem(Kind::commit_changed, 0, opened.error().message);
    std::unordered_map<std::uint32_t, const StoredPage*> by_number;
    for (const StoredPage& page : stored.pages)
        if (page.number >= 1 && page.number <= commit.page_count) by_number[page.number] = &page;
    image_.resize(std::size_t{commit.page_count} * size);
    for (std::uint32_t number = 1; number <= commit.page_count; ++number) {
        const auto found = by_number.find(number);
        if (found == by_number.end()) return problem(Kind::missing_page, number, "page missing");
        const StoredPage& page = *found->second;
        if (page.generation > commit.generation)
            return problem(Kind::torn_page, number, "page from a later generation than the commit");
        const std::span<std::uint8_t> place(image_.data() + std::size_t{number - 1} * size, size);
        auto decoded = codec.decode(number, page.generation, page.bytes, place);
        if (!decoded) return problem(Kind::undecodable_page, number, decoded.error().message);
    }
    if (auto checked = codec.check_pages(commit); !checked)
        return problem(Kind::pages_mixed, 0, checked.error().message);
    if (commit.page_count > 0 &&
        (std::memcmp(image_.data(), "SQLite format 3", 16) != 0 || header_page_size(image_) != size))
        return problem(Kind::not_a_database, 1, "no SQLite header");
    stored_generation_ = commit.generation;
    page_count_ = commit.page_count;
    page_size_ = size;
    return std::nullopt;
}

Result<std::unique_ptr<PagedDatabase>, OpenProblem> PagedDatabase::open(PageStore& store, PageCodec& codec,
                                                                         std::vector<std::uint8_t> initial) {
    using Kind = OpenProblem::Kind;
    auto loaded = store.load();
    if (!loaded) return fail(problem(Kind::store_failed, 0, loaded.error().message));
    const StoredDatabase stored = std::move(loaded).value();

    std::unique_ptr<PagedDatabase> db(new PagedDatabase(store, codec));
    const std::optional<OpenProblem> refused =
        initial.empty() ? db->take_stored(stored, codec) : db->start_from(std::move(initial), stored);
    if (refused) return fail(*refused);

    db->vfs_name_ = "tandem-pages-" + std::to_string(++vfs_counter);
    db->vfs_ = std::make_unique<sqlite3_vfs>();
    sqlite3_vfs& vfs = *db->vfs_;
    std::memset(&vfs, 0, sizeof vfs);
    vfs.iVersion = 2;
    vfs.szOsFile = sizeof(VfsFile);
    vfs.mxPathname = 256;
    vfs.zName = db->vfs_name_.c_str();
    vfs.pAppData = db.get();
    vfs.xOpen = vfs_open;
    vfs.xDelete = vfs_delete;
    vfs.xAccess = vfs_access;
    vfs.xFullPathname = vfs_full_pathname;
    vfs.xRandomness = vfs_randomness;
    vfs.xSleep = vfs_sleep;
    vfs.xCurrentTime = vfs_current_time;
    vfs.xGetLastError = vfs_last_error;
    vfs.xCurrentTimeInt64 = vfs_current_time_int64;
    if (sqlite3_vfs_register(&vfs, 0) != SQLITE_OK)
        return fail(problem(Kind::store_failed, 0, "the page VFS could not be registered"));

    auto opened = Database::open_with_vfs("tandem.sqlite", db->vfs_name_.c_str());
    if (!opened) return fail(problem(Kind::not_a_database, 0, opened.error().message));
    db->database_.emplace(std::move(opened).value());
    // Opening touches no page; reading the schema proves the pages form a database.
    auto schema = db->database_->query_column("SELECT count(*) FROM sqlite_schema;");
    if (!schema) return fail(problem(Kind::not_a_database, 0, schema.error().message));
    db->dirty_chunks_.clear();
    if (db->need_full_) db->flush();
    return db;
}

// [SECTION] Tracking writes and sending pages

void PagedDatabase::file_written(std::uint64_t offset, std::uint64_t length) {
    if (length == 0) return;
    for (std::uint64_t chunk = offset / chunk_bytes; chunk <= (offset + length - 1) / chunk_bytes; ++chunk)
        dirty_chunks_.insert(chunk);
}

// The commit point: the file now holds exactly what SQLite committed.
void PagedDatabase::file_synced() {
    const std::uint32_t size = header_page_size(image_);
    if (size == 0) return;  // nothing committed yet
    const std::uint32_t count = header_page_count(image_, size);
    std::set<std::uint32_t> pages;
    for (const std::uint64_t chunk : dirty_chunks_) {
        const auto number = static_cast<std::uint32_t>(chunk * chunk_bytes / size + 1);
        if (number <= count) pages.insert(number);
    }
    dirty_chunks_.clear();
    if (pages.empty() && count == page_count_ && size == page_size_) return;
    for (const std::uint32_t number : pages) {
        const auto* start = image_.data() + std::size_t{number - 1} * size;
        waiting_[number].assign(start, start + size);
    }
    // Pages cut off by a shrink are no longer part of the database.
    waiting_.erase(waiting_.upper_bound(count), waiting_.end());
    page_count_ = count;
    page_size_ = size;
    has_waiting_ = true;
    ++progress_.last_commit_seq;
    notify();
    send(true);
}

std::vector<std::uint8_t> PagedDatabase::salvage(PageStore& store, PageCodec& codec) {
    auto loaded = store.load();
    if (!loaded) return {};
    const StoredDatabase& stored = loaded.value();
    std::uint32_t page_size = stored.commit ? stored.commit->page_size : 0;
    const bool valid_size = page_size >= 512 && page_size <= max_page_size && (page_size & (page_size - 1)) == 0;
    if (!valid_size) page_size = 4096;
    std::vector<std::uint8_t> image;
    if (valid_size && stored.commit->page_count <= max_database_bytes / page_size)
        image.resize(std::size_t{stored.commit->page_count} * page_size);
    for (const StoredPage& page : stored.pages) {
        if (page.number == 0 || std::uint64_t{page.number} * page_size > max_database_bytes) continue;
        const std::size_t start = std::size_t{page.number - 1} * page_size;
        const std::size_t size_before = image.size();
        if (size_before < start + page_size) image.resize(start + page_size);
        const std::span<std::uint8_t> place(image.data() + start, page_size);
        if (codec.decode(page.number, page.generation, page.bytes, place)) continue;
        // An unreadable page stays zeros, and does not lengthen the file.
        if (size_before < start + page_size) image.resize(size_before);
        else std::fill(place.begin(), place.end(), 0);
    }
    return image;
}

void PagedDatabase::flush() { send(database_ && database_->in_autocommit()); }

void PagedDatabase::send(bool at_commit_point) {
    if (progress_.writing || !(has_waiting_ || need_full_) || page_size_ == 0) return;
    if (need_full_ && !at_commit_point) return;
    if (need_full_) {
        for (std::uint32_t number = 1; number <= page_count_; ++number) {
            const auto* start = image_.data() + std::size_t{number - 1} * page_size_;
            waiting_[number].assign(start, start + page_size_);
        }
    }
    std::map<std::uint32_t, std::vector<std::uint8_t>> pages = std::exchange(waiting_, {});
    has_waiting_ = false;
    const bool full = std::exchange(need_full_, false);

    PageBatch batch;
    batch.base_generation = stored_generation_;
    batch.full = full;
    batch.commit = CommitRecord{stored_generation_ + 1, page_count_, page_size_, {}};
    batch.pages.reserve(pages.size());
    for (const auto& [number, bytes] : pages)
        batch.pages.push_back(StoredPage{number, batch.commit.generation, codec_.encode(number, batch.commit.generation, bytes)});
    batch.commit.seal = codec_.seal_commit(batch.commit);

    progress_.writing = true;
    const std::uint64_t generation = batch.commit.generation;
    const std::uint64_t seq = progress_.last_commit_seq;
    std::weak_ptr<int> alive = alive_;
    // The store may answer at once, from inside write().
    store_.write(std::move(batch), [this, alive, generation, seq, full, kept = std::move(pages)](
                                       Result<void, PageStoreError> outcome) mutable {
        if (alive.expired()) return;
        write_done(generation, seq, full, std::move(kept), std::move(outcome));
    });
}

void PagedDatabase::write_done(std::uint64_t generation, std::uint64_t seq, bool full,
                               std::map<std::uint32_t, std::vector<std::uint8_t>> pages,
                               Result<void, PageStoreError> outcome) {
    progress_.writing = false;
    if (outcome) {
        stored_generation_ = generation;
        progress_.last_saved_seq = seq;
        progress_.last_failure.reset();
        notify();
        send(false);
        return;
    }
    // Keep the batch's pages waiting, behind any newer copy of the same page.
    for (auto& [number, bytes] : pages)
        if (number <= page_count_) waiting_.try_emplace(number, std::move(bytes));
    has_waiting_ = true;
    if (full || outcome.error().failure == PageStoreFailure::out_of_order) need_full_ = true;
    progress_.last_failure = outcome.error();
    notify();
}

void PagedDatabase::notify() {
    if (listener_) listener_();
}

}  // namespace tandem::store
