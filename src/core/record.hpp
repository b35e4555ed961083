#pragma once
// Record: the generic form of any coaching record, as the store keeps it and
// merge sees it. Each field slot holds a value, the stamp of the edit that
// wrote it and, for text, the stamp of the value that edit replaced (its
// base), which tells a concurrent edit from a later one.

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "core/field_spec.hpp"
#include "core/hybrid_clock.hpp"
#include "core/record_id.hpp"
#include "core/records.hpp"

namespace tandem {

// A field's value: unset, a number (integer, flag, choice, or a date as
// CalendarDate::days), text, or a record id.
using FieldValue = std::variant<std::monostate, std::int64_t, std::string, RecordId>;

struct FieldState {
    FieldValue value;
    Stamp stamp;  // the edit that wrote value; zero if never written
    Stamp base;   // text only: the stamp value replaced; zero otherwise

    bool operator==(const FieldState&) const = default;
};

struct Record {
    Kind kind = Kind::person;
    RecordId id;
    RecordId created_by;
    std::int64_t created_at_ms = 0;
    Visibility visibility = Visibility::shared;
    // fields[0] is the tombstone (1 when deleted); fields[i] is field i of the
    // kind's spec. Always kind_spec(kind).slot_count() long.
    std::vector<FieldState> fields;

    // A record of `kind` whose fields hold the defaults of its typed struct,
    // all with zero stamps (never written).
    static Record blank(Kind kind);

    const FieldState& field(FieldIndex index) const;
    FieldState& field(FieldIndex index);
    // The record a reference field names, or nullopt when it names none.
    std::optional<RecordId> reference(FieldIndex index) const;
    // A text field's value; empty when it holds no text.
    std::string text(FieldIndex index) const;
    // The tombstone rule (docs/decisions.md): deleted when the tombstone is
    // set and no field was written after it.
    bool is_deleted() const;
    // The greatest stamp of any field, tombstone included.
    Stamp latest_stamp() const;

    bool operator==(const Record&) const = default;
};

// What of a deleted record may leave the device (docs/decisions.md,
// "Tombstones travel bare"): its metadata, its tombstone and its anchor
// references (FieldSpec::is_anchor), with every other field at its default
// and never written, so no text deleted before sending travels. Requires
// `deleted.is_deleted()`.
Record bare_tombstone(const Record& deleted);

// The people a pairing record names: coach, coachee and, if there is one,
// the second coach. The one rule of who belongs to a pairing.
std::vector<RecordId> pairing_members(const Record& pairing);

// True when `record` is a bare tombstone: deleted, and every field but the
// tombstone and the anchors exactly as bare_tombstone leaves it.
bool is_bare_tombstone(const Record& record);

}  // namespace tandem
