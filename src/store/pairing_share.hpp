#pragma once
// What a pairing's bundle carries (docs/bundle-format.md, "Content"): the
// pairing's shared records, deleted ones as bare tombstones (record.hpp),
// and the people, library entries and priorities they refer to, so that the
// receiver has each reference's target. Never a private record, never a
// record of another pairing. What a receiver takes in is decided by
// core/partner_authority.hpp.

#include <cstdint>
#include <optional>
#include <vector>

#include "store/sqlite_record_store.hpp"

namespace tandem::store {

// Which edits to send: records last edited within [from, until] (wall-clock
// milliseconds; either end open), with whatever they refer to. Empty: all.
struct ShareRange {
    std::optional<std::int64_t> edited_from_ms;
    std::optional<std::int64_t> edited_until_ms;
};

// The records of `pairing` to send, in kind order; the pairing itself
// always. Fails only when the store does; an unknown pairing gives none.
Result<std::vector<Record>, StorageError> load_pairing_share(SqliteRecordStore& store, const RecordId& pairing,
                                                              const ShareRange& range = {});

}  // namespace tandem::store
