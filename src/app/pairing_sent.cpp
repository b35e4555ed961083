#include "app/pairing_sent.hpp"

#include <array>
#include <string>

namespace tandem::app {

namespace {

std::string key_of(const RecordId& pairing) { return "sent_through." + pairing.hex(); }

}  // namespace

std::uint64_t pairing_sent_through(store::SqliteRecordStore& store, const RecordId& pairing) {
    auto stored = store.local_bytes(key_of(pairing));
    if (stored && !stored.value()) return 0;  // no file written yet
    // Unreadable: as if everything had been sent, so nothing shared turns private.
    if (!stored || stored.value()->size() != 8) return ~std::uint64_t{0};
    std::uint64_t hlc = 0;
    for (std::size_t i = 0; i < 8; ++i) hlc |= std::uint64_t{(*stored.value())[i]} << (8 * i);
    return hlc;
}

bool mark_pairing_sent(store::SqliteRecordStore& store, const RecordId& pairing, std::uint64_t hlc) {
    if (hlc <= pairing_sent_through(store, pairing)) return true;
    std::array<std::uint8_t, 8> bytes{};
    for (std::size_t i = 0; i < 8; ++i) bytes[i] = static_cast<std::uint8_t>(hlc >> (8 * i));
    return store.set_local_bytes(key_of(pairing), bytes).ok();
}

}  // namespace tandem::app
