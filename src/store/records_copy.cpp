#include "store/records_copy.hpp"

#include <algorithm>

#include "store/database.hpp"

namespace tandem::store {

namespace {

// SQLite's page size for Tandem's databases: where an overwrite stops.
constexpr std::size_t page_bytes = 4096;

std::vector<std::uint8_t> overwrite_in_place(std::span<const std::uint8_t> image,
                                             std::span<const std::string_view> device_only) {
    std::vector<std::uint8_t> copy(image.begin(), image.end());
    for (const std::string_view key : device_only) {
        auto from = copy.begin();
        for (;;) {
            from = std::search(from, copy.end(), key.begin(), key.end());
            if (from == copy.end()) break;
            const auto offset = static_cast<std::size_t>(from - copy.begin());
            const std::size_t page_end = std::min(copy.size(), (offset / page_bytes + 1) * page_bytes);
            std::fill(from, copy.begin() + static_cast<std::ptrdiff_t>(page_end), std::uint8_t{0});
            from = copy.begin() + static_cast<std::ptrdiff_t>(page_end);
        }
    }
    return copy;
}

}  // namespace

std::vector<std::uint8_t> copy_without(std::span<const std::uint8_t> image, std::span<const std::string_view> device_only) {
    auto opened = Database::open_image(image);
    if (!opened) return overwrite_in_place(image, device_only);
    Database db = std::move(opened).value();
    auto forget = db.prepare("DELETE FROM local_state WHERE key = ?1");
    bool scrubbed = forget.ok() && db.execute("PRAGMA secure_delete = ON;").ok();
    for (const std::string_view key : device_only) {
        if (!scrubbed) break;
        forget.value().bind_text(1, key);
        scrubbed = forget.value().run().ok();
    }
    if (forget) forget.value() = Statement();
    // The search index keeps replaced words in older segments until they are
    // merged; a copy gets one merged segment. A database without the index
    // (a salvage of an old one) needs none.
    (void)db.execute("INSERT INTO search_index (search_index) VALUES ('optimize');");
    if (!scrubbed || !db.execute("VACUUM;")) return overwrite_in_place(image, device_only);
    return db.image();
}

}  // namespace tandem::store
