#pragma once
// What a pairing's bundle carries (docs/bundle-format.md, "Content"): the
// pairing's shared records, deleted ones as tombstones, and every record
// they refer to (people, library entries, priorities), so that the receiver
// has each reference's target. Never a private record.

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

// Drops from `records` (a partner's bundle about `pairing`) what does not
// belong to it: another pairing's records, and a person's own ones (their
// training), so that a bundle about one pairing never changes another.
// People, library entries and priorities, which its records refer to, stay.
// A part (a goal, a tally) belongs through its parent, in `records` or in
// `store`.
void keep_pairing_records(SqliteRecordStore& store, std::vector<Record>& records, const RecordId& pairing);

}  // namespace tandem::store
