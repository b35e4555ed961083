#include "platform/native/file_page_store.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <array>
#include <cassert>
#include <cerrno>
#include <charconv>
#include <cstring>
#include <map>
#include <span>
#include <string>
#include <system_error>
#include <utility>
#include <vector>

namespace tandem::platform {

namespace fs = std::filesystem;
using store::PageStoreError;
using store::PageStoreFailure;

namespace {

constexpr std::array<std::uint8_t, 8> commit_magic{'T', 'N', 'D', 'P', 'A', 'G', 'E', 'S'};
// magic, generation, page count, page size, seal length (u16), seal, checksum
constexpr std::size_t commit_fixed_bytes = 8 + 8 + 4 + 4 + 2 + 8;
constexpr std::size_t max_seal_bytes = 1024;
constexpr std::uint64_t max_page_file_bytes = 1u << 20;

std::uint64_t fnv1a(std::span<const std::uint8_t> bytes) {
    std::uint64_t hash = 14695981039346656037ull;
    for (std::uint8_t byte : bytes) hash = (hash ^ byte) * 1099511628211ull;
    return hash;
}

void put_le(std::vector<std::uint8_t>& out, std::uint64_t value, int bytes) {
    for (int i = 0; i < bytes; ++i) out.push_back(static_cast<std::uint8_t>(value >> (8 * i)));
}

std::uint64_t get_le(const std::uint8_t* in, int bytes) {
    std::uint64_t value = 0;
    for (int i = 0; i < bytes; ++i) value |= std::uint64_t{in[i]} << (8 * i);
    return value;
}

std::vector<std::uint8_t> encode_commit(const store::CommitRecord& commit) {
    std::vector<std::uint8_t> out(commit_magic.begin(), commit_magic.end());
    put_le(out, commit.generation, 8);
    put_le(out, commit.page_count, 4);
    put_le(out, commit.page_size, 4);
    assert(commit.seal.size() <= max_seal_bytes);
    put_le(out, commit.seal.size(), 2);
    out.insert(out.end(), commit.seal.begin(), commit.seal.end());
    put_le(out, fnv1a(out), 8);
    return out;
}

PageStoreError io_error(const std::string& what, int error) {
    const bool full = error == ENOSPC || error == EDQUOT;
    return PageStoreError{full ? PageStoreFailure::quota_exceeded : PageStoreFailure::aborted,
                          what + ": " + std::strerror(error)};
}

// A page file's name, `<number>-<generation>.page`, or nothing for any other name.
struct PageFileName {
    std::uint32_t number = 0;
    std::uint64_t generation = 0;
};

std::optional<PageFileName> parse_page_file(const std::string& name) {
    const std::string suffix = ".page";
    if (name.size() <= suffix.size() || name.compare(name.size() - suffix.size(), suffix.size(), suffix) != 0)
        return std::nullopt;
    const std::size_t dash = name.find('-');
    if (dash == std::string::npos) return std::nullopt;
    PageFileName parsed;
    const char* begin = name.data();
    const char* stem_end = name.data() + name.size() - suffix.size();
    auto [number_end, number_error] = std::from_chars(begin, begin + dash, parsed.number);
    auto [generation_end, generation_error] = std::from_chars(begin + dash + 1, stem_end, parsed.generation);
    if (number_error != std::errc{} || number_end != begin + dash || generation_error != std::errc{} ||
        generation_end != stem_end || parsed.number == 0)
        return std::nullopt;
    return parsed;
}

std::string page_file_name(std::uint32_t number, std::uint64_t generation) {
    return std::to_string(number) + "-" + std::to_string(generation) + ".page";
}

Result<std::vector<std::uint8_t>, PageStoreError> read_file(const fs::path& path, std::uint64_t cap) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return fail(PageStoreError{PageStoreFailure::unavailable, path.string() + ": " + std::strerror(errno)});
    std::vector<std::uint8_t> bytes;
    std::array<std::uint8_t, 65536> buffer{};
    for (;;) {
        const ssize_t got = ::read(fd, buffer.data(), buffer.size());
        if (got < 0 && errno == EINTR) continue;
        if (got < 0) {
            const int error = errno;
            ::close(fd);
            return fail(PageStoreError{PageStoreFailure::unavailable, path.string() + ": " + std::strerror(error)});
        }
        if (got == 0) break;
        if (bytes.size() + static_cast<std::size_t>(got) > cap) {
            ::close(fd);
            return fail(PageStoreError{PageStoreFailure::damaged, path.string() + ": larger than any page"});
        }
        bytes.insert(bytes.end(), buffer.begin(), buffer.begin() + got);
    }
    ::close(fd);
    return bytes;
}

// Writes `bytes` to `path` and syncs it; with `torn`, writes only the first
// half and stops, as a process killed mid-write would.
Result<void, PageStoreError> write_file(const fs::path& path, std::span<const std::uint8_t> bytes, bool torn = false) {
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0) return fail(io_error(path.string(), errno));
    const std::size_t length = torn ? bytes.size() / 2 : bytes.size();
    std::size_t written = 0;
    while (written < length) {
        const ssize_t put = ::write(fd, bytes.data() + written, length - written);
        if (put < 0 && errno == EINTR) continue;
        if (put < 0) {
            const int error = errno;
            ::close(fd);
            return fail(io_error(path.string(), error));
        }
        written += static_cast<std::size_t>(put);
    }
    if (!torn && ::fsync(fd) != 0) {
        const int error = errno;
        ::close(fd);
        return fail(io_error(path.string(), error));
    }
    ::close(fd);
    return {};
}

void sync_directory(const fs::path& directory) {
    const int fd = ::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return;
    ::fsync(fd);
    ::close(fd);
}

// Every page file in `pages`, by number, then generation.
Result<std::map<std::uint32_t, std::map<std::uint64_t, fs::path>>, PageStoreError> list_pages(const fs::path& pages) {
    std::map<std::uint32_t, std::map<std::uint64_t, fs::path>> found;
    std::error_code error;
    if (!fs::exists(pages, error)) return found;
    for (fs::directory_iterator it(pages, error), end; !error && it != end; it.increment(error)) {
        if (auto parsed = parse_page_file(it->path().filename().string()))
            found[parsed->number][parsed->generation] = it->path();
    }
    if (error) return fail(PageStoreError{PageStoreFailure::unavailable, pages.string() + ": " + error.message()});
    return found;
}

}  // namespace

FilePageStore::FilePageStore(fs::path directory) : directory_(std::move(directory)) {}

void FilePageStore::inject(const FileFaults& faults) {
    faults_ = faults;
    armed_at_ = steps_;
}

FilePageStore::Step FilePageStore::step() {
    ++steps_;
    const int since = steps_ - armed_at_;
    if (faults_.crash_at_step > 0 && since == faults_.crash_at_step) {
        crashed_ = true;
        return Step::crash;
    }
    if (faults_.fail_at_step > 0 && since == faults_.fail_at_step) return Step::fail;
    return Step::go;
}

Result<std::optional<store::CommitRecord>, PageStoreError> FilePageStore::read_commit() const {
    const fs::path path = directory_ / "commit";
    std::error_code error;
    if (!fs::exists(path, error)) {
        if (error) return fail(PageStoreError{PageStoreFailure::unavailable, path.string() + ": " + error.message()});
        return std::optional<store::CommitRecord>{};
    }
    auto bytes = read_file(path, commit_fixed_bytes + max_seal_bytes);
    if (!bytes.ok()) {
        if (bytes.error().failure == PageStoreFailure::damaged)
            return fail(PageStoreError{PageStoreFailure::damaged, "the commit record is too long"});
        return fail(bytes.error());
    }
    const std::vector<std::uint8_t>& b = bytes.value();
    const std::size_t seal_size = b.size() >= commit_fixed_bytes ? static_cast<std::size_t>(get_le(b.data() + 24, 2)) : 0;
    const std::size_t checked = b.size() - 8;
    if (b.size() < commit_fixed_bytes || b.size() != commit_fixed_bytes + seal_size ||
        !std::equal(commit_magic.begin(), commit_magic.end(), b.begin()) ||
        get_le(b.data() + checked, 8) != fnv1a(std::span(b.data(), checked)))
        return fail(PageStoreError{PageStoreFailure::damaged, "the commit record is damaged"});
    store::CommitRecord commit;
    commit.generation = get_le(b.data() + 8, 8);
    commit.page_count = static_cast<std::uint32_t>(get_le(b.data() + 16, 4));
    commit.page_size = static_cast<std::uint32_t>(get_le(b.data() + 20, 4));
    commit.seal.assign(b.begin() + 26, b.begin() + 26 + static_cast<std::ptrdiff_t>(seal_size));
    return std::optional<store::CommitRecord>{commit};
}

Result<store::StoredDatabase, PageStoreError> FilePageStore::load() {
    auto commit = read_commit();
    if (!commit.ok()) return fail(commit.error());
    const std::uint64_t stored = commit.value() ? commit.value()->generation : 0;
    const std::uint32_t page_count = commit.value() ? commit.value()->page_count : 0;
    auto listed = list_pages(directory_ / "pages");
    if (!listed.ok()) return fail(listed.error());

    store::StoredDatabase out;
    out.commit = commit.value();
    std::error_code ignored;
    for (auto& [number, generations] : listed.value()) {
        // Files of generations after the stored one are from a batch that never landed.
        for (auto it = generations.upper_bound(stored); it != generations.end(); it = generations.erase(it))
            fs::remove(it->second, ignored);
        if (number > page_count || generations.empty()) continue;
        const auto& [generation, path] = *generations.rbegin();
        auto bytes = read_file(path, max_page_file_bytes);
        if (!bytes.ok()) return fail(bytes.error());
        out.pages.push_back(store::StoredPage{number, generation, std::move(bytes).value()});
    }
    fs::remove(directory_ / "commit.tmp", ignored);
    return out;
}

void FilePageStore::write(store::PageBatch batch, store::WriteDone done) {
    if (crashed_) return;
    if (std::exchange(faults_.drop_next, false)) {
        done({});
        return;
    }
    const bool twice = std::exchange(faults_.duplicate_next, false);
    Result<void, PageStoreError> outcome = apply(batch);
    if (twice && outcome.ok() && !crashed_) outcome = apply(batch);
    if (!crashed_) done(std::move(outcome));
}

Result<void, PageStoreError> FilePageStore::apply(const store::PageBatch& batch) {
    auto current = read_commit();
    if (!current.ok()) return fail(current.error());
    const std::uint64_t stored = current.value() ? current.value()->generation : 0;
    // A second delivery of a batch that landed finds its own generation stored.
    if (stored == batch.commit.generation && stored != 0) return {};
    if (!batch.full && batch.base_generation != stored)
        return fail(PageStoreError{PageStoreFailure::out_of_order, "the stored generation is not the batch's base"});
    if (batch.commit.generation <= stored)
        return fail(PageStoreError{PageStoreFailure::out_of_order, "the batch is older than the stored generation"});

    const fs::path pages = directory_ / "pages";
    std::error_code error;
    fs::create_directories(pages, error);
    if (error) return fail(PageStoreError{PageStoreFailure::unavailable, pages.string() + ": " + error.message()});

    auto take_step = [&](const std::string& what) -> Result<void, PageStoreError> {
        switch (step()) {
            case Step::go: return {};
            case Step::fail: return fail(PageStoreError{PageStoreFailure::aborted, "injected failure at " + what});
            case Step::crash: return fail(PageStoreError{PageStoreFailure::aborted, "crashed at " + what});
        }
        return {};
    };

    // Files of a generation after the stored one are from a batch that never
    // landed; one of them could otherwise outlive this batch as the newest.
    auto before = list_pages(pages);
    if (!before.ok()) return fail(before.error());
    for (const auto& [number, generations] : before.value()) {
        for (auto it = generations.upper_bound(stored); it != generations.end(); ++it) {
            if (auto go = take_step("leftover removal"); !go.ok()) return go;
            fs::remove(it->second, error);
        }
    }

    for (const store::StoredPage& page : batch.pages) {
        const fs::path path = pages / page_file_name(page.number, batch.commit.generation);
        if (auto go = take_step(path.filename().string()); !go.ok()) {
            if (crashed_) (void)write_file(path, page.bytes, true);
            return go;
        }
        if (auto written = write_file(path, page.bytes); !written.ok()) return written;
    }
    sync_directory(pages);

    const fs::path temporary = directory_ / "commit.tmp";
    const std::vector<std::uint8_t> record = encode_commit(batch.commit);
    if (auto go = take_step("commit.tmp"); !go.ok()) {
        if (crashed_) (void)write_file(temporary, record, true);
        return go;
    }
    if (auto written = write_file(temporary, record); !written.ok()) return written;
    if (auto go = take_step("rename"); !go.ok()) return go;
    if (::rename(temporary.c_str(), (directory_ / "commit").c_str()) != 0) return fail(io_error("rename", errno));
    sync_directory(directory_);

    // Landed. What follows only tidies: a crash here leaves files load() ignores.
    auto listed = list_pages(pages);
    if (!listed.ok()) return {};
    for (const auto& [number, generations] : listed.value()) {
        for (const auto& [generation, path] : generations) {
            const bool superseded = generation < generations.rbegin()->first;
            if (!superseded && number <= batch.commit.page_count) continue;
            if (auto go = take_step("removal"); !go.ok()) return crashed_ ? go : Result<void, PageStoreError>{};
            fs::remove(path, error);
        }
    }
    return {};
}

}  // namespace tandem::platform
