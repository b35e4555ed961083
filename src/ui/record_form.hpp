#pragma once
// RecordForm: the editable fields of one record as a screen shows them. The
// app builds it from the stored record, with what the user typed in place of
// the stored value wherever that could not be kept (and why), so nothing
// typed is lost; draw_form() draws it and emits EditField commands.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/calendar_date.hpp"
#include "core/field_spec.hpp"
#include "core/record_id.hpp"
#include "core/record_kind.hpp"
#include "ui/command.hpp"

namespace tandem::ui {

enum class FormFieldType : std::uint8_t {
    line,       // one line of text
    paragraph,  // several lines of text
    date,       // a date typed as people write it, with a calendar beside it
    number,     // a whole number typed
    hours,      // minutes stored, typed and shown as hours ("12", "1.5")
    choice,     // one of `options`, by index
    flag,       // a checkbox
    bits,       // one checkbox per option; bit i is options[i]
};

struct FormField {
    FieldIndex field = 0;  // the record's field it edits
    FormFieldType type = FormFieldType::line;
    std::string label;     // visible, unique on the screen
    std::string hint;      // greyed while empty; under a choice, a sentence of help
    std::string text;      // line, paragraph, date, number: what is shown
    std::int64_t value = 0;            // choice, flag, bits
    std::vector<std::string> options;  // choice and bits
    std::string problem;   // why what was typed could not be kept; empty if it was
    int lines = 4;         // paragraph: its height in lines
    std::optional<CalendarDate> date;  // date: the day stored, if any
    bool read_only = false;  // the other side's to change: shown to read, not as a field
};

struct RecordForm {
    Kind kind = Kind::person;
    RecordId id;
    std::vector<FormField> fields;
    bool read_only = false;  // shown, not editable
    int columns = 1;         // fields laid out left to right in this many columns
    CalendarDate today;      // for a date field's calendar
    unsigned first_weekday = 0;  // the calendar's first column: 0 Monday to 6 Sunday
};

// Draws `form`'s fields one under another, appending an EditField for each
// change the user makes.
void draw_form(const RecordForm& form, std::vector<Command>& commands);

}  // namespace tandem::ui
