#pragma once
// Field-level merge of two copies of one record (docs/decisions.md, "Merge").
// Each field keeps the state with the greater stamp (last writer wins, the
// site breaking ties), so merge is commutative, associative and idempotent.
// When the losing state of a text field was written concurrently with the
// winner (neither edit had seen the other), its text is reported so that it
// can be kept in the conflict history instead of vanishing.

#include <string>
#include <vector>

#include "core/record.hpp"

namespace tandem {

// The winning state of one field: the greater by (stamp, base, value).
const FieldState& merge_field(const FieldState& a, const FieldState& b);

// True when `loser` was overwritten by `winner` without its writer having
// seen it: different sites, and the winner's base is not the loser's stamp.
bool is_concurrent_text_edit(const FieldState& winner, const FieldState& loser);

// A text edit that lost to a concurrent one.
struct TextConflict {
    FieldIndex field = 0;
    std::string losing_text;
    Stamp losing;
    Stamp winning;
};

struct RecordMerge {
    Record merged;
    std::vector<TextConflict> conflicts;  // texts of `local` or `remote` that lost concurrently
    bool changed = false;                 // merged differs from local
    bool revived = false;                 // local was deleted and merged is not
};

// Clamps every stamp of `record` (and base) to physical_now_ms + 24 h
// (hlc_clamp_future); true when any was that far ahead.
bool clamp_future_stamps(Record& record, std::int64_t physical_now_ms);

// Merges two copies of the same record. Requires equal kind, id and slot
// count (validated input). Metadata, identical in honest copies, is taken
// from the smaller copy in a fixed order so the result does not depend on
// which side is local.
RecordMerge merge_records(const Record& local, const Record& remote);

}  // namespace tandem
