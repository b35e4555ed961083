#pragma once
// FieldSpec: the shape of one field of a record kind (type, limits, flags).
// KindSpec: all fields of a kind. The store's columns, validation, merge and
// the search index are all driven by these tables (record_schema.cpp).

#include <cstdint>
#include <span>
#include <string_view>

#include "core/record_kind.hpp"

namespace tandem {

// A field's position in its kind: 1..N as in the spec. 0 is the tombstone.
using FieldIndex = std::uint8_t;
inline constexpr FieldIndex tombstone_field = 0;

enum class FieldType : std::uint8_t {
    text,       // one line of UTF-8 (a name, a title)
    long_text,  // free text with line breaks (notes, reflections)
    integer,    // a whole number in [min, max]
    flag,       // 0 or 1
    choice,     // one value of a fixed enumeration, in [min, max]
    date,       // a CalendarDate in the accepted range, or unset
    reference,  // the id of a record of `target` kind, or unset
};

namespace field_flags {
inline constexpr unsigned required = 1;    // text must not be blank; date and reference must be set
inline constexpr unsigned immutable = 2;   // set when the record is created, never edited
inline constexpr unsigned searchable = 4;  // part of the full-text search index
}  // namespace field_flags

// The limits and type of a field, without its name and index.
struct FieldShape {
    FieldType type = FieldType::text;
    unsigned flags = 0;
    std::int64_t min = 0;  // integer and choice: smallest value
    std::int64_t max = 0;  // text: most code points; integer and choice: largest value
    Kind target = Kind::person;  // reference only
};

struct FieldSpec {
    FieldIndex index = 0;
    std::string_view name;  // also the store's column name
    FieldShape shape;

    bool required() const { return (shape.flags & field_flags::required) != 0; }
    bool immutable() const { return (shape.flags & field_flags::immutable) != 0; }
    bool searchable() const { return (shape.flags & field_flags::searchable) != 0; }
    bool is_text() const { return shape.type == FieldType::text || shape.type == FieldType::long_text; }
    // A reference the record hangs by (a meeting's pairing, a goal's cycle,
    // a pairing's coach, a reflection's pairing if it has one): immutable.
    // It travels even with a bare tombstone (record.hpp), so a deletion can
    // be placed.
    bool is_anchor() const { return shape.type == FieldType::reference && immutable(); }
};

struct KindSpec {
    Kind kind;
    std::span<const FieldSpec> fields;  // fields[i].index == i + 1
    bool always_private = false;        // e.g. pairing check-ins: only their author sees them

    // The spec of field `index`; asserts that 1 <= index <= fields.size().
    const FieldSpec& field(FieldIndex index) const;
    // Fields plus the tombstone: the size of Record::fields.
    std::size_t slot_count() const { return fields.size() + 1; }
};

// The spec of every kind (static storage).
const KindSpec& kind_spec(Kind kind);

// [SECTION] Builders for the spec tables.
namespace shape {
constexpr FieldShape text(std::int64_t max_chars, unsigned flags = 0) { return {FieldType::text, flags, 0, max_chars, Kind::person}; }
constexpr FieldShape long_text(std::int64_t max_chars, unsigned flags = 0) { return {FieldType::long_text, flags, 0, max_chars, Kind::person}; }
constexpr FieldShape integer(std::int64_t min, std::int64_t max, unsigned flags = 0) { return {FieldType::integer, flags, min, max, Kind::person}; }
constexpr FieldShape flag(unsigned flags = 0) { return {FieldType::flag, flags, 0, 1, Kind::person}; }
constexpr FieldShape choice(std::int64_t min, std::int64_t max, unsigned flags = 0) { return {FieldType::choice, flags, min, max, Kind::person}; }
constexpr FieldShape date(unsigned flags = 0) { return {FieldType::date, flags, 0, 0, Kind::person}; }
constexpr FieldShape reference(Kind target, unsigned flags = 0) { return {FieldType::reference, flags, 0, 0, target}; }
}  // namespace shape

// The text limits, stated once (in Unicode code points).
namespace text_limits {
inline constexpr std::int64_t name = 100;
inline constexpr std::int64_t title = 200;
inline constexpr std::int64_t short_text = 500;
inline constexpr std::int64_t paragraph = 2'000;
inline constexpr std::int64_t long_paragraph = 5'000;
inline constexpr std::int64_t structured = 20'000;  // one field of a conversation model
inline constexpr std::int64_t note = 250'000;       // a note or a reflection: some 40,000 words
}  // namespace text_limits

}  // namespace tandem
