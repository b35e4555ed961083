#include "core/merge.hpp"

#include <cassert>
#include <tuple>

namespace tandem {

const FieldState& merge_field(const FieldState& a, const FieldState& b) {
    const auto key = [](const FieldState& s) { return std::tie(s.stamp, s.base, s.value); };
    return key(a) < key(b) ? b : a;
}

bool is_concurrent_text_edit(const FieldState& winner, const FieldState& loser) {
    if (loser.stamp.is_zero() || winner.stamp == loser.stamp) return false;
    if (winner.stamp.site == loser.stamp.site) return false;  // one site sees its own edits in order
    return winner.base != loser.stamp;
}

bool clamp_future_stamps(Record& record, std::int64_t physical_now_ms) {
    bool clamped = false;
    for (FieldState& state : record.fields) {
        for (Stamp* stamp : {&state.stamp, &state.base}) {
            const std::uint64_t limited = hlc_clamp_future(stamp->hlc, physical_now_ms);
            clamped = clamped || limited != stamp->hlc;
            stamp->hlc = limited;
        }
    }
    return clamped;
}

RecordMerge merge_records(const Record& local, const Record& remote) {
    assert(local.kind == remote.kind && local.id == remote.id);
    assert(local.fields.size() == remote.fields.size());
    const KindSpec& spec = kind_spec(local.kind);

    const auto meta = [](const Record& r) { return std::tie(r.created_at_ms, r.created_by, r.visibility); };
    RecordMerge result;
    result.merged = meta(remote) < meta(local) ? remote : local;
    for (std::size_t i = 0; i < local.fields.size(); ++i) {
        const FieldState& winner = merge_field(local.fields[i], remote.fields[i]);
        const FieldState& loser = &winner == &local.fields[i] ? remote.fields[i] : local.fields[i];
        result.merged.fields[i] = winner;
        if (i == tombstone_field || !spec.field(static_cast<FieldIndex>(i)).is_text()) continue;
        const auto* losing_text = std::get_if<std::string>(&loser.value);
        if (losing_text && !losing_text->empty() && loser.value != winner.value &&
            is_concurrent_text_edit(winner, loser))
            result.conflicts.push_back(TextConflict{static_cast<FieldIndex>(i), *losing_text, loser.stamp, winner.stamp});
    }
    result.changed = result.merged != local;
    result.revived = local.is_deleted() && !result.merged.is_deleted();
    return result;
}

}  // namespace tandem
