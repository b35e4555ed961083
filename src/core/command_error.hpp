#pragma once
// CommandError: why a command was refused, typed so the UI can say it in
// plain words next to the field concerned. Commands never throw.

#include <cstdint>
#include <string>
#include <string_view>

#include "core/field_spec.hpp"
#include "core/record_kind.hpp"

namespace tandem {

enum class ErrorCode : std::uint8_t {
    required_missing,        // blank required text, or an unset required date or reference
    text_too_long,           // over `limit` code points
    invalid_text,            // not UTF-8, control characters, or a line break in one-line text
    date_out_of_range,       // outside 2000-01-01..2100-12-31
    value_out_of_range,      // an integer or choice outside [min, max]; `limit` is the max
    wrong_value_type,        // a value of another type than the field's
    unknown_field,           // no such field in this kind
    unknown_record,          // the record, or the record a reference names, does not exist
    deleted_record,          // the record (or a referenced one) is deleted; restore it first
    self_pairing,            // a person paired with themselves
    private_note_addressed,  // a private note cannot be addressed to anyone else
    private_reference,       // a shared record cannot point at a private one
    must_be_private,         // this kind is only ever private to its author
    not_author,              // only the author may change this (edit_rights.hpp): another's record, or a private one
    read_only,               // Tandem's own starter entries; copy one to adapt it
    immutable_field,         // fixed when the record was created
    ends_before_starts,      // an end date before the start date
    nothing_to_restore,      // deleted before it reached this device: only its tombstone is here
    already_sent,            // shared in a file already: who may read it can no longer change
    visibility_fixed,        // this kind is never private, or other records point at it
    storage_failed,          // the store refused; `detail` has its message
};

struct CommandError {
    ErrorCode code;
    Kind kind = Kind::person;
    FieldIndex field = 0;     // 0 when the error is about the whole record
    std::int64_t limit = 0;   // text_too_long and value_out_of_range
    std::string detail;       // storage_failed only: the store's message
};

// A stable name for the code, e.g. "text_too_long", for logs and tests.
std::string_view error_code_name(ErrorCode code);

}  // namespace tandem
