#pragma once
// When a file of each pairing was last written, as the clock read then: what
// was written up to that moment may be with the partner, so who may read it
// is fixed (change_visibility). Kept on this device only, beside its keys.

#include <cstdint>

#include "core/record_id.hpp"
#include "store/sqlite_record_store.hpp"

namespace tandem::app {

// The clock's reading when a file of `pairing` was last written; 0 if none
// was; the greatest reading if it cannot be read, so that everything counts
// as sent and nothing shared is made private by mistake.
std::uint64_t pairing_sent_through(store::SqliteRecordStore& store, const RecordId& pairing);

// Notes that a file of `pairing` was written when the clock read `hlc`.
// False if it could not be kept.
bool mark_pairing_sent(store::SqliteRecordStore& store, const RecordId& pairing, std::uint64_t hlc);

}  // namespace tandem::app
