#include "core/record.hpp"

#include "core/record_binding.hpp"

#include <algorithm>
#include <cassert>

namespace tandem {

Record Record::blank(Kind kind) {
    // Built once from the typed structs' defaults, then copied.
    static const std::vector<Record> blanks = [] {
        std::vector<Record> records(all_kinds().size());
        for_each_record_type([&](auto tag) {
            using T = typename decltype(tag)::type;
            records[static_cast<std::size_t>(T::kind) - 1] = to_record(T{});
        });
        return records;
    }();
    const auto index = static_cast<std::size_t>(kind) - 1;
    assert(index < blanks.size() && blanks[index].kind == kind);
    return blanks[index];
}

const FieldState& Record::field(FieldIndex index) const {
    assert(index < fields.size());
    return fields[index];
}

FieldState& Record::field(FieldIndex index) {
    assert(index < fields.size());
    return fields[index];
}

bool Record::is_deleted() const {
    const FieldState& tombstone = fields[tombstone_field];
    const auto* flag = std::get_if<std::int64_t>(&tombstone.value);
    if (flag == nullptr || *flag == 0) return false;
    for (std::size_t i = 1; i < fields.size(); ++i)
        if (fields[i].stamp > tombstone.stamp) return false;
    return true;
}

Stamp Record::latest_stamp() const {
    Stamp latest;
    for (const FieldState& field : fields) latest = std::max(latest, field.stamp);
    return latest;
}

}  // namespace tandem
