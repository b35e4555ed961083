#pragma once
// RecordsStorage: the profiles kept in this browser and getting hold of one
// profile's records. Listing the profiles begins when the page's script
// runs, while the module compiles, and is reported once start() is called.
// open() tries for a profile's database: one tab at a time writes it (a Web
// Lock); the tab that gets the lock reads all of it, then reports ready and
// the records are opened from IndexedDbPageStore::load(). "Use here" asks
// the holding tab to let go and takes the lock by force if it does not
// within a few seconds.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

namespace tandem::platform {

// What the browser says about the site's storage; unknown parts are empty.
struct StorageFacts {
    std::optional<bool> persistent;
    std::optional<std::uint64_t> usage_bytes;
    std::optional<std::uint64_t> quota_bytes;
};

class RecordsStorage {
public:
    // What happens to the records, reported from the browser's event loop.
    struct Events {
        // A profile kept here: its id (32 hex digits), name and colour
        // (untrusted: as IndexedDB holds them); then the end of the list,
        // and whether records from before profiles are kept.
        std::function<void(std::string, std::string, int)> profile_found;
        std::function<void(bool)> profiles_listed;
        std::function<void()> ready;                     // loaded: open them now
        std::function<void(std::string)> unavailable;    // this browser keeps nothing (why)
        std::function<void()> elsewhere;                 // another tab has them
        std::function<void()> release_requested;         // another tab asks for them
        std::function<void()> taken_over;                // another tab took them
        std::function<void(StorageFacts)> estimated;     // after estimate() or persist()
        std::function<void(bool)> header_written;        // after IndexedDbPageStore::put_header()
        std::function<void(bool)> profile_deleted;       // after delete_profile()
    };

    // Calls `then` from the event loop once IndexedDB is reading the records
    // (or it is known that this tab cannot read them), at most `max_wait_ms`
    // from now; the page's start-up then overlaps the read. Once per page.
    static void when_reading(void (*then)(), int max_wait_ms);

    // One per page.
    explicit RecordsStorage(Events events);
    RecordsStorage(const RecordsStorage&) = delete;
    RecordsStorage& operator=(const RecordsStorage&) = delete;

    // From the browser's event loop, reports what trying for the lock and
    // loading the records found (ready, unavailable or elsewhere), and all
    // that happens to them later.
    void start();
    // Tries for database `name` and reads it: ready, elsewhere or unavailable.
    void open(const std::string& name);
    // Reads the open database again, then reports ready.
    void reload();
    // Deletes profile `id`'s database and all in it; then profile_deleted.
    void delete_profile(const std::string& id);
    // Deletes the database from before profiles.
    void delete_old_records();
    // Asks the tab that has the records for them, then loads them here.
    void take_over();
    // Lets the tab that asked have the records; call once all is saved.
    void release();
    // Asks for persistent storage, then reports the estimate.
    void persist();
    // Reports persistence and usage.
    void estimate();

    // [Internal] for records_storage.js.
    const Events& events() const { return events_; }

private:
    Events events_;
};

}  // namespace tandem::platform
