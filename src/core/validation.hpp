#pragma once
// Validation of field values and whole records against the spec tables. Used
// on every local edit and on every record that arrives from a partner, whose
// bytes are untrusted. The checks here need no store; references are checked
// by the commands (record_commands.hpp), which can look them up.

#include <optional>
#include <string>

#include "core/command_error.hpp"
#include "core/record.hpp"

namespace tandem {

// Text as Tandem keeps it: CR LF and lone CR become LF. Other bytes unchanged.
std::string normalize_line_breaks(std::string text);

// Checks one value against its field: type, UTF-8 and control characters,
// length, ranges, dates, and (when check_required) required-ness.
std::optional<CommandError> check_field_value(Kind kind, const FieldSpec& spec, const FieldValue& value,
                                              bool check_required = true);

// Checks every field of a record plus the rules that span fields: a person
// paired with themselves, an addressed private note, an end before a start,
// a private-only kind stored as shared. A bare tombstone (record.hpp) is
// checked for its tombstone and anchors only.
//
// `date_order` false leaves out the end-before-start rule: two devices
// editing the two dates at once can merge into such a record honestly, and
// a partner's copy of it must still merge (the next edit of a date checks it).
std::optional<CommandError> check_record(const Record& record, bool date_order = true);

}  // namespace tandem
