#pragma once
// Conversions between the typed structs (records.hpp) and the generic Record.
// to_record fills values only; stamps are left zero for the caller to set.
// from_record assumes a record that passed validation (validation.hpp): a
// value of the wrong type leaves the member at its default.

#include <optional>
#include <string>
#include <type_traits>
#include <variant>

#include "core/record.hpp"

namespace tandem {

// [SECTION] One member <-> one FieldValue
inline FieldValue to_field_value(const std::string& v) { return v; }
inline FieldValue to_field_value(std::int64_t v) { return v; }
inline FieldValue to_field_value(bool v) { return std::int64_t{v ? 1 : 0}; }
inline FieldValue to_field_value(CalendarDate v) { return std::int64_t{v.days}; }
inline FieldValue to_field_value(const std::optional<CalendarDate>& v) {
    return v ? FieldValue(std::int64_t{v->days}) : FieldValue();
}
inline FieldValue to_field_value(const RecordId& v) { return v.is_nil() ? FieldValue() : FieldValue(v); }
inline FieldValue to_field_value(const std::optional<RecordId>& v) { return v ? to_field_value(*v) : FieldValue(); }
template <class E>
    requires std::is_enum_v<E>
FieldValue to_field_value(E v) {
    return static_cast<std::int64_t>(v);
}

inline void from_field_value(const FieldValue& in, std::string& out) {
    if (const auto* v = std::get_if<std::string>(&in)) out = *v;
}
inline void from_field_value(const FieldValue& in, std::int64_t& out) {
    if (const auto* v = std::get_if<std::int64_t>(&in)) out = *v;
}
inline void from_field_value(const FieldValue& in, bool& out) {
    if (const auto* v = std::get_if<std::int64_t>(&in)) out = *v != 0;
}
inline void from_field_value(const FieldValue& in, CalendarDate& out) {
    if (const auto* v = std::get_if<std::int64_t>(&in)) out = CalendarDate{static_cast<std::int32_t>(*v)};
}
inline void from_field_value(const FieldValue& in, std::optional<CalendarDate>& out) {
    out.reset();
    if (const auto* v = std::get_if<std::int64_t>(&in)) out = CalendarDate{static_cast<std::int32_t>(*v)};
}
inline void from_field_value(const FieldValue& in, RecordId& out) {
    if (const auto* v = std::get_if<RecordId>(&in)) out = *v;
}
inline void from_field_value(const FieldValue& in, std::optional<RecordId>& out) {
    out.reset();
    if (const auto* v = std::get_if<RecordId>(&in)) out = *v;
}
template <class E>
    requires std::is_enum_v<E>
void from_field_value(const FieldValue& in, E& out) {
    if (const auto* v = std::get_if<std::int64_t>(&in)) out = static_cast<E>(*v);
}

// [SECTION] Whole records

// The generic form of a typed record: meta and values, zero stamps.
template <class T>
Record to_record(const T& typed) {
    Record record;
    record.kind = T::kind;
    record.id = typed.meta.id;
    record.created_by = typed.meta.created_by;
    record.created_at_ms = typed.meta.created_at_ms;
    record.visibility = typed.meta.visibility;
    record.fields.resize(T::fields::end_);
    record.fields[tombstone_field].value = std::int64_t{typed.meta.deleted ? 1 : 0};
    T::visit(typed, [&](FieldIndex index, const auto& member) { record.fields[index].value = to_field_value(member); });
    return record;
}

// The typed form of a generic record of T::kind.
template <class T>
T from_record(const Record& record) {
    T typed;
    typed.meta.id = record.id;
    typed.meta.created_by = record.created_by;
    typed.meta.created_at_ms = record.created_at_ms;
    typed.meta.visibility = record.visibility;
    typed.meta.deleted = record.is_deleted();
    T::visit(typed, [&](FieldIndex index, auto& member) {
        if (index < record.fields.size()) from_field_value(record.fields[index].value, member);
    });
    return typed;
}

}  // namespace tandem
