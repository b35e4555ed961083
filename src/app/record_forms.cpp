#include "app/record_forms.hpp"

#include <charconv>
#include <optional>

#include "app/command_error_text.hpp"

namespace tandem::app {

namespace {

constexpr const char* phases[] = {"Not set", "Early years", "Primary", "Secondary", "Post-16", "Special school",
                                  "All-through"};
constexpr const char* career_stages[] = {"Not set", "Trainee", "Early career", "Establishing", "Experienced"};
constexpr const char* roles[] = {"Coach", "Coachee", "Leader"};

constexpr FormFieldDefinition person_fields[] = {
    {Person::fields::display_name, ui::FormFieldType::line, "Name", "First name and surname"},
    {Person::fields::subject, ui::FormFieldType::line, "Subject or year group", "For example: Year 4, or chemistry"},
    {Person::fields::roles, ui::FormFieldType::bits, "Roles", "", roles},
    {Person::fields::phase, ui::FormFieldType::choice, "Phase", "", phases},
    {Person::fields::career_stage, ui::FormFieldType::choice, "Career stage",
     "It only tunes the prompts Tandem offers in meetings.", career_stages},
};

std::string shown_text(const FieldValue& value, FieldType type) {
    if (const auto* text = std::get_if<std::string>(&value)) return *text;
    if (const auto* number = std::get_if<std::int64_t>(&value)) {
        if (type == FieldType::date) return CalendarDate{static_cast<std::int32_t>(*number)}.iso();
        return std::to_string(*number);
    }
    return {};
}

std::optional<std::int64_t> whole_number(std::string_view text) {
    while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
    while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
    std::int64_t value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || error != std::errc() || end != text.data() + text.size()) return std::nullopt;
    return value;
}

}  // namespace

std::span<const FormFieldDefinition> person_form() { return person_fields; }

ui::RecordForm RecordForms::build(const Record& record, std::span<const FormFieldDefinition> definitions,
                                  bool read_only) const {
    ui::RecordForm form;
    form.kind = record.kind;
    form.id = record.id;
    form.read_only = read_only;
    const KindSpec& spec = kind_spec(record.kind);
    for (const FormFieldDefinition& definition : definitions) {
        ui::FormField field;
        field.field = definition.field;
        field.type = definition.type;
        field.label = definition.label;
        field.hint = definition.hint;
        field.lines = definition.lines;
        for (const char* option : definition.options) field.options.emplace_back(option);
        const FieldValue& value = record.field(definition.field).value;
        if (const auto* number = std::get_if<std::int64_t>(&value)) field.value = *number;
        field.text = shown_text(value, spec.field(definition.field).shape.type);
        if (auto typed = typed_.find({record.id, definition.field}); typed != typed_.end()) {
            field.text = typed->second.text;
            field.problem = typed->second.problem;
        }
        form.fields.push_back(std::move(field));
    }
    return form;
}

void RecordForms::apply(CommandContext& context, const ui::EditField& edit) {
    const FieldSpec& spec = kind_spec(edit.kind).field(edit.field);
    const auto key = std::make_pair(edit.id, edit.field);
    auto keep = [&](std::string problem) { typed_[key] = Typed{edit.text, std::move(problem)}; };
    FieldValue value;
    if (edit.chosen) {
        value = *edit.chosen;
    } else if (spec.shape.type == FieldType::date) {
        if (edit.text.find_first_not_of(' ') != std::string::npos) {  // blank: unset
            const auto date = CalendarDate::parse(edit.text);
            if (!date) {
                keep("Write the date as year-month-day, for example 2026-11-24.");
                return;
            }
            value = std::int64_t{date->days};
        }
    } else if (spec.shape.type == FieldType::integer) {
        const auto number = whole_number(edit.text);
        if (!number) {
            keep("Write a whole number, for example 30.");
            return;
        }
        value = *number;
    } else {
        value = edit.text;
    }
    if (auto updated = update_field(context, edit.kind, edit.id, edit.field, std::move(value)); !updated) {
        keep(command_error_text(updated.error()));
        return;
    }
    typed_.erase(key);
}

void RecordForms::forget(const RecordId& id) {
    for (auto it = typed_.begin(); it != typed_.end();)
        it = it->first.first == id ? typed_.erase(it) : std::next(it);
}

}  // namespace tandem::app
