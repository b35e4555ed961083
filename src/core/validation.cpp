#include "core/validation.hpp"

#include <variant>

#include "core/calendar_date.hpp"
#include "core/utf8.hpp"

namespace tandem {

namespace {

CommandError error(ErrorCode code, Kind kind, FieldIndex field, std::int64_t limit = 0) {
    return CommandError{code, kind, field, limit, {}};
}

bool is_blank(std::string_view text) {
    for (const char c : text)
        if (c != ' ' && c != '\t' && c != '\n') return false;
    return true;
}

bool has_forbidden_control(std::string_view text, bool multi_line) {
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte >= 0x20 || byte == '\t') continue;
        if (byte == '\n' && multi_line) continue;
        return true;
    }
    return false;
}

std::optional<CalendarDate> date_field(const Record& record, FieldIndex index) {
    if (const auto* days = std::get_if<std::int64_t>(&record.field(index).value))
        return CalendarDate{static_cast<std::int32_t>(*days)};
    return std::nullopt;
}

std::optional<CommandError> check_date_order(const Record& record, FieldIndex starts, FieldIndex ends) {
    const auto start = date_field(record, starts), end = date_field(record, ends);
    if (start && end && *end < *start) return error(ErrorCode::ends_before_starts, record.kind, ends);
    return std::nullopt;
}

}  // namespace

std::string normalize_line_breaks(std::string text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '\r') {
            out += text[i];
            continue;
        }
        out += '\n';
        if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
    }
    return out;
}

std::optional<CommandError> check_field_value(Kind kind, const FieldSpec& spec, const FieldValue& value,
                                              bool check_required) {
    const FieldShape& shape = spec.shape;
    switch (shape.type) {
    case FieldType::text:
    case FieldType::long_text: {
        const auto* text = std::get_if<std::string>(&value);
        if (text == nullptr) return error(ErrorCode::wrong_value_type, kind, spec.index);
        const auto length = utf8_code_points(*text);
        if (!length || has_forbidden_control(*text, shape.type == FieldType::long_text))
            return error(ErrorCode::invalid_text, kind, spec.index);
        if (static_cast<std::int64_t>(*length) > shape.max)
            return error(ErrorCode::text_too_long, kind, spec.index, shape.max);
        if (check_required && spec.required() && is_blank(*text))
            return error(ErrorCode::required_missing, kind, spec.index);
        return std::nullopt;
    }
    case FieldType::integer:
    case FieldType::flag:
    case FieldType::choice: {
        const auto* number = std::get_if<std::int64_t>(&value);
        if (number == nullptr) return error(ErrorCode::wrong_value_type, kind, spec.index);
        if (*number < shape.min || *number > shape.max)
            return error(ErrorCode::value_out_of_range, kind, spec.index, shape.max);
        return std::nullopt;
    }
    case FieldType::date: {
        if (std::holds_alternative<std::monostate>(value)) {
            if (check_required && spec.required()) return error(ErrorCode::required_missing, kind, spec.index);
            return std::nullopt;
        }
        const auto* days = std::get_if<std::int64_t>(&value);
        if (days == nullptr) return error(ErrorCode::wrong_value_type, kind, spec.index);
        if (*days < earliest_accepted_date().days || *days > latest_accepted_date().days)
            return error(ErrorCode::date_out_of_range, kind, spec.index);
        return std::nullopt;
    }
    case FieldType::reference: {
        if (std::holds_alternative<std::monostate>(value)) {
            if (check_required && spec.required()) return error(ErrorCode::required_missing, kind, spec.index);
            return std::nullopt;
        }
        const auto* id = std::get_if<RecordId>(&value);
        if (id == nullptr) return error(ErrorCode::wrong_value_type, kind, spec.index);
        if (id->is_nil()) return error(ErrorCode::unknown_record, kind, spec.index);
        return std::nullopt;
    }
    }
    return error(ErrorCode::wrong_value_type, kind, spec.index);
}

std::optional<CommandError> check_record(const Record& record, bool date_order) {
    const KindSpec& spec = kind_spec(record.kind);
    if (record.id.is_nil()) return error(ErrorCode::unknown_record, record.kind, 0);
    if (record.fields.size() != spec.slot_count()) return error(ErrorCode::unknown_field, record.kind, 0);
    const auto* tombstone = std::get_if<std::int64_t>(&record.field(tombstone_field).value);
    if (tombstone == nullptr || (*tombstone != 0 && *tombstone != 1))
        return error(ErrorCode::wrong_value_type, record.kind, tombstone_field);
    // A bare tombstone keeps only its anchors; its other fields are never written.
    const bool bare = is_bare_tombstone(record);
    for (const FieldSpec& field : spec.fields) {
        if (bare && !field.is_anchor()) continue;
        if (auto problem = check_field_value(record.kind, field, record.field(field.index).value)) return problem;
    }

    if (spec.always_private && record.visibility != Visibility::private_to_author)
        return error(ErrorCode::must_be_private, record.kind, 0);
    switch (record.kind) {
    case Kind::pairing: {
        const FieldValue& coach = record.field(Pairing::fields::coach).value;
        const FieldValue& coachee = record.field(Pairing::fields::coachee).value;
        const FieldValue& second = record.field(Pairing::fields::second_coach).value;
        if (coach == coachee) return error(ErrorCode::self_pairing, record.kind, Pairing::fields::coachee);
        if (second == coach || second == coachee)
            return error(ErrorCode::self_pairing, record.kind, Pairing::fields::second_coach);
        if (!date_order) return std::nullopt;
        return check_date_order(record, Pairing::fields::starts_on, Pairing::fields::ends_on);
    }
    case Kind::note:
        if (record.visibility == Visibility::private_to_author &&
            !std::holds_alternative<std::monostate>(record.field(Note::fields::addressed_to).value))
            return error(ErrorCode::private_note_addressed, record.kind, Note::fields::addressed_to);
        return std::nullopt;
    case Kind::priority:
        return date_order ? check_date_order(record, Priority::fields::starts_on, Priority::fields::ends_on) : std::nullopt;
    case Kind::cycle:
        return date_order ? check_date_order(record, Cycle::fields::starts_on, Cycle::fields::ends_on) : std::nullopt;
    default: return std::nullopt;
    }
}

std::string_view error_code_name(ErrorCode code) {
    switch (code) {
    case ErrorCode::required_missing: return "required_missing";
    case ErrorCode::text_too_long: return "text_too_long";
    case ErrorCode::invalid_text: return "invalid_text";
    case ErrorCode::date_out_of_range: return "date_out_of_range";
    case ErrorCode::value_out_of_range: return "value_out_of_range";
    case ErrorCode::wrong_value_type: return "wrong_value_type";
    case ErrorCode::unknown_field: return "unknown_field";
    case ErrorCode::unknown_record: return "unknown_record";
    case ErrorCode::deleted_record: return "deleted_record";
    case ErrorCode::self_pairing: return "self_pairing";
    case ErrorCode::private_note_addressed: return "private_note_addressed";
    case ErrorCode::private_reference: return "private_reference";
    case ErrorCode::must_be_private: return "must_be_private";
    case ErrorCode::not_author: return "not_author";
    case ErrorCode::read_only: return "read_only";
    case ErrorCode::immutable_field: return "immutable_field";
    case ErrorCode::ends_before_starts: return "ends_before_starts";
    case ErrorCode::nothing_to_restore: return "nothing_to_restore";
    case ErrorCode::already_sent: return "already_sent";
    case ErrorCode::visibility_fixed: return "visibility_fixed";
    case ErrorCode::storage_failed: return "storage_failed";
    }
    return "";
}

}  // namespace tandem
