#include "ui/record_form.hpp"

#include <imgui.h>

#include <algorithm>

#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace tandem::ui {

namespace {

EditField edit_of(const RecordForm& form, const FormField& field) {
    return EditField{form.kind, form.id, field.field, {}, std::nullopt};
}

void draw_field_control(const RecordForm& form, const FormField& field, std::vector<Command>& commands) {
    const char* label = field.label.c_str();
    switch (field.type) {
        case FormFieldType::date:
            if (auto text = date_field(label, field.text, field.problem, field.hint.c_str(),
                                       DateFieldCalendar{field.date, form.today, form.first_weekday})) {
                EditField edit = edit_of(form, field);
                edit.text = std::move(*text);
                commands.push_back(std::move(edit));
            }
            break;
        case FormFieldType::line:
        case FormFieldType::number:
        case FormFieldType::hours:
            if (auto text = text_field(label, field.text, field.problem, field.hint.c_str())) {
                EditField edit = edit_of(form, field);
                edit.text = std::move(*text);
                commands.push_back(std::move(edit));
            }
            break;
        case FormFieldType::paragraph:
            if (auto text = text_area(label, field.text, field.problem, field.hint.c_str(), field.lines)) {
                EditField edit = edit_of(form, field);
                edit.text = std::move(*text);
                commands.push_back(std::move(edit));
            }
            break;
        case FormFieldType::choice:
            if (auto chosen = choice_list(label, field.options, static_cast<int>(field.value))) {
                EditField edit = edit_of(form, field);
                edit.chosen = *chosen;
                commands.push_back(std::move(edit));
            }
            field_help(field.hint);
            field_problem(field.problem);
            break;
        case FormFieldType::flag:
            if (auto checked = check_box(label, field.value != 0)) {
                EditField edit = edit_of(form, field);
                edit.chosen = *checked ? 1 : 0;
                commands.push_back(std::move(edit));
            }
            field_help(field.hint);
            field_problem(field.problem);
            break;
        case FormFieldType::bits:
            ImGui::TextUnformatted(label);
            for (std::size_t bit = 0; bit < field.options.size(); ++bit) {
                const std::int64_t mask = std::int64_t{1} << bit;
                if (bit > 0) ImGui::SameLine(0, px(20));
                if (auto checked = check_box(field.options[bit].c_str(), (field.value & mask) != 0)) {
                    EditField edit = edit_of(form, field);
                    edit.chosen = *checked ? (field.value | mask) : (field.value & ~mask);
                    commands.push_back(std::move(edit));
                }
            }
            break;
    }
}

// A field the other side wrote, to read: its text, or for a choice the
// option chosen. Checkboxes stay checkboxes, greyed: they say it best.
void draw_field(const RecordForm& form, const FormField& field, std::vector<Command>& commands) {
    const bool checkboxes = field.type == FormFieldType::flag || field.type == FormFieldType::bits;
    if (field.read_only && !form.read_only && !checkboxes) {
        const bool chosen = field.type == FormFieldType::choice && field.value >= 0 &&
                            static_cast<std::size_t>(field.value) < field.options.size();
        read_only_field(field.label.c_str(),
                        field.type != FormFieldType::choice ? field.text
                        : chosen                           ? field.options[static_cast<std::size_t>(field.value)]
                                                           : std::string());
        return;
    }
    ImGui::BeginDisabled(field.read_only);
    draw_field_control(form, field, commands);
    ImGui::EndDisabled();
}

}  // namespace

void draw_form(const RecordForm& form, std::vector<Command>& commands) {
    ImGui::PushID(form.id.hex().c_str());
    ImGui::BeginDisabled(form.read_only);
    const bool grid = form.columns > 1 && ImGui::BeginTable("fields", form.columns, ImGuiTableFlags_SizingStretchSame,
                                                            ImVec2(std::min(px(880), ImGui::GetContentRegionAvail().x), 0));
    const std::size_t per_row = grid ? static_cast<std::size_t>(form.columns) : 1;
    for (std::size_t i = 0; i < form.fields.size(); ++i) {
        if (grid) ImGui::TableNextColumn();
        // Between rows; in a grid's first row too, with no height, so that a
        // cell's label does not take the text offset of the field beside it.
        if (i >= per_row || grid) ImGui::Dummy(ImVec2(0, i >= per_row ? px(8) : 0.0f));
        draw_field(form, form.fields[i], commands);
    }
    if (grid) ImGui::EndTable();
    ImGui::EndDisabled();
    ImGui::PopID();
}

}  // namespace tandem::ui
