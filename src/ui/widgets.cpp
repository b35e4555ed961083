#include "ui/widgets.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <string>

#include "ui/item_registry.hpp"
#include "ui/theme.hpp"

namespace tandem::ui {

namespace {

constexpr float target_height = 36.0f;
constexpr float large_height = 64.0f;

void describe(Role role, ItemValue value = {}) {
    if (ItemRegistry* registry = ItemRegistry::current()) registry->describe_last_item(role, std::move(value));
}

// ImGui's resize callback for a std::string buffer: ImGui asks for more room
// as the user types, and reads the string's data from then on.
int grow_string(ImGuiInputTextCallbackData* data) {
    if (data->EventFlag == ImGuiInputTextFlags_CallbackResize) {
        auto* text = static_cast<std::string*>(data->UserData);
        text->resize(static_cast<std::size_t>(data->BufTextLen));
        data->Buf = text->data();
    }
    return 0;
}

// The label of the field focus_field() asked for; empty when none.
std::string focus_wanted;

// Before a text field: takes the keyboard if focus_field() asked for it.
void take_focus_if_wanted(const char* label) {
    if (focus_wanted.empty() || focus_wanted != label) return;
    ImGui::SetKeyboardFocusHere();
    focus_wanted.clear();
}

void hand_cursor_on_hover() {
    if (ImGui::IsItemHovered()) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
}

// After a text field: its accent outline while it has the keyboard, its
// label and value for the test hook, and the problem (if any) beneath it.
void finish_text_item(const char* label, const std::string& shown, const std::string& problem) {
    const Palette& palette = palette_colors();
    if (ImGui::IsItemActive()) {
        const float thickness = std::max(1.0f, std::floor(px(2)));
        ImGui::GetWindowDrawList()->AddRect(ImGui::GetItemRectMin(), ImGui::GetItemRectMax(),
                                            ImGui::GetColorU32(problem.empty() ? palette.accent_text : palette.warning_text),
                                            ImGui::GetStyle().FrameRounding, 0, thickness);
    }
    if (ItemRegistry* registry = ItemRegistry::current()) registry->label_last_item(label);
    describe(Role::input, shown);
    if (ImGui::IsItemHovered()) ImGui::SetMouseCursor(ImGuiMouseCursor_TextInput);
    field_problem(problem);
}

}  // namespace

bool nav_item(const char* label, bool selected, const char* shortcut) {
    const Palette& palette = palette_colors();
    ImGui::PushStyleVar(ImGuiStyleVar_ButtonTextAlign, ImVec2(0.0f, 0.5f));
    ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, 0.0f);
    ImGui::PushStyleColor(ImGuiCol_Button, selected ? palette.nav_selected : palette.transparent);
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, selected ? palette.nav_selected : palette.nav_hovered);
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, palette.nav_selected);
    ImGui::PushStyleColor(ImGuiCol_Text, selected ? palette.accent_text : palette.text);
    const bool clicked = ImGui::Button(label, ImVec2(-1.0f, metrics().nav_item_height));
    ImGui::PopStyleColor(4);
    ImGui::PopStyleVar(2);
    hand_cursor_on_hover();
    describe(Role::tab, selected);
    if (shortcut && *shortcut) {
        const ImVec2 max = ImGui::GetItemRectMax(), min = ImGui::GetItemRectMin();
        const ImVec2 size = ImGui::CalcTextSize(shortcut);
        const float label_end = min.x + ImGui::GetStyle().FramePadding.x + ImGui::CalcTextSize(label).x;
        const float at = max.x - size.x - px(10);
        if (at > label_end + px(8))
            ImGui::GetWindowDrawList()->AddText(ImVec2(at, (min.y + max.y - size.y) * 0.5f),
                                                ImGui::GetColorU32(palette.muted_text), shortcut);
    }
    return clicked;
}

bool action_button(const char* label) {
    const bool clicked = ImGui::Button(label, ImVec2(0.0f, px(target_height)));
    hand_cursor_on_hover();
    describe(Role::button);
    return clicked;
}

void focus_field(const char* label) { focus_wanted = label; }

void drop_focus_request() { focus_wanted.clear(); }

void same_line_if_fits(const char* next_label) {
    const ImGuiStyle& style = ImGui::GetStyle();
    const float gap = px(8);
    const float width = ImGui::CalcTextSize(next_label, nullptr, true).x + style.FramePadding.x * 2;
    const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
    if (ImGui::GetItemRectMax().x + gap + width <= right) ImGui::SameLine(0, gap);
}

bool large_button(const char* label, float width) {
    ImGui::PushStyleColor(ImGuiCol_Button, palette_colors().nav_selected);
    ImGui::PushStyleColor(ImGuiCol_Text, palette_colors().accent_text);
    const bool clicked = ImGui::Button(label, ImVec2(width, px(large_height)));
    ImGui::PopStyleColor(2);
    hand_cursor_on_hover();
    describe(Role::button);
    return clicked;
}

bool tally_button(const char* id, const std::string& label, std::int64_t total, float width) {
    const Palette& palette = palette_colors();
    ImGui::PushID(id);
    const bool clicked = ImGui::Button("##tally", ImVec2(width, px(large_height)));
    const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
    const std::string count = std::to_string(total);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const float middle = (min.y + max.y - ImGui::GetFontSize()) * 0.5f;
    const float count_width = ImGui::CalcTextSize(count.c_str()).x;
    const ImVec2 clip_max(max.x - count_width - px(28), max.y);
    draw->PushClipRect(min, clip_max, true);
    draw->AddText(ImVec2(min.x + px(16), middle), ImGui::GetColorU32(palette.text), label.c_str());
    draw->PopClipRect();
    draw->AddText(ImVec2(max.x - count_width - px(16), middle), ImGui::GetColorU32(palette.accent_text), count.c_str());
    hand_cursor_on_hover();
    if (ItemRegistry* registry = ItemRegistry::current()) registry->label_last_item(label.c_str());
    describe(Role::button, count);
    ImGui::PopID();
    return clicked;
}

std::optional<std::string> text_field(const char* label, const std::string& text, const std::string& problem,
                                      const char* hint, bool* entered) {
    const Palette& palette = palette_colors();
    ImGui::TextUnformatted(label);
    ImGui::PushID(label);
    // While the field has the keyboard ImGui edits its own copy and writes
    // it back here; this copy only carries the caller's text into the frame.
    std::string edited = text;
    const float padding_y = std::max(ImGui::GetStyle().FramePadding.y, (px(target_height) - ImGui::GetFontSize()) * 0.5f);
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(px(10), padding_y));
    if (!problem.empty()) ImGui::PushStyleColor(ImGuiCol_Border, palette.warning_text);
    ImGui::SetNextItemWidth(std::min(px(420), ImGui::GetContentRegionAvail().x));
    ImGuiInputTextFlags flags = ImGuiInputTextFlags_CallbackResize;
    if (entered) flags |= ImGuiInputTextFlags_EnterReturnsTrue;
    take_focus_if_wanted(label);
    const bool answer = ImGui::InputTextWithHint("##field", hint, edited.data(), edited.capacity() + 1, flags,
                                                 grow_string, &edited);
    // With EnterReturnsTrue, ImGui answers only for Enter; the text still changes as typed.
    const bool changed = entered ? edited != text : answer;
    if (entered) *entered = answer;
    // Enter adds what was typed; the field keeps the keyboard for the next one.
    if (entered && answer) ImGui::SetKeyboardFocusHere(-1);
    if (!problem.empty()) ImGui::PopStyleColor();
    ImGui::PopStyleVar();
    ImGui::PopID();
    finish_text_item(label, edited, problem);
    if (!changed) return std::nullopt;
    return edited;
}

std::optional<std::string> text_area(const char* label, const std::string& text, const std::string& problem,
                                     const char* hint, int lines) {
    const Palette& palette = palette_colors();
    ImGui::TextUnformatted(label);
    ImGui::PushID(label);
    std::string edited = text;
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(px(10), px(8)));
    if (!problem.empty()) ImGui::PushStyleColor(ImGuiCol_Border, palette.warning_text);
    const float width = std::min(px(640), ImGui::GetContentRegionAvail().x);
    const float height = ImGui::GetTextLineHeightWithSpacing() * static_cast<float>(std::max(lines, 2)) + px(16);
    take_focus_if_wanted(label);
    const bool changed =
        ImGui::InputTextMultiline("##field", edited.data(), edited.capacity() + 1, ImVec2(width, height),
                                  ImGuiInputTextFlags_CallbackResize, grow_string, &edited);
    if (edited.empty() && !ImGui::IsItemActive() && hint && *hint) {
        // ImGui 1.86 has no hint for multi-line fields: draw it in the empty field.
        const ImVec2 at(ImGui::GetItemRectMin().x + px(10), ImGui::GetItemRectMin().y + px(8));
        ImGui::GetWindowDrawList()->AddText(at, ImGui::GetColorU32(ImGuiCol_TextDisabled), hint);
    }
    if (!problem.empty()) ImGui::PopStyleColor();
    ImGui::PopStyleVar();
    ImGui::PopID();
    finish_text_item(label, edited, problem);
    if (!changed) return std::nullopt;
    return edited;
}

std::optional<bool> check_box(const char* label, bool checked) {
    bool state = checked;
    const float padding_y = std::max(ImGui::GetStyle().FramePadding.y, (px(target_height) - ImGui::GetFontSize()) * 0.5f);
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(padding_y, padding_y));
    const bool toggled = ImGui::Checkbox(label, &state);
    ImGui::PopStyleVar();
    hand_cursor_on_hover();
    describe(Role::checkbox, state);
    if (!toggled) return std::nullopt;
    return state;
}

std::optional<int> choice_list(const char* label, std::span<const std::string> options, int selected) {
    ImGui::TextUnformatted(label);
    ImGui::PushID(label);
    const bool valid = selected >= 0 && static_cast<std::size_t>(selected) < options.size();
    const std::string shown = valid ? options[static_cast<std::size_t>(selected)] : std::string();
    const float padding_y = std::max(ImGui::GetStyle().FramePadding.y, (px(target_height) - ImGui::GetFontSize()) * 0.5f);
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(px(10), padding_y));
    ImGui::SetNextItemWidth(std::min(px(420), ImGui::GetContentRegionAvail().x));
    std::optional<int> chosen;
    const bool open = ImGui::BeginCombo("##choice", shown.c_str(), ImGuiComboFlags_HeightLarge);
    // ImGui reports no combo to the test engine; while it is open, its list
    // is the last item, and the entries are reported instead.
    if (!open) {
        if (ItemRegistry* registry = ItemRegistry::current()) registry->announce_last_item(label);
        describe(Role::combo, shown);
        hand_cursor_on_hover();
    }
    if (open) {
        for (std::size_t i = 0; i < options.size(); ++i) {
            ImGui::PushID(static_cast<int>(i));
            const bool is_selected = static_cast<int>(i) == selected;
            ImGui::PushStyleVar(ImGuiStyleVar_SelectableTextAlign, ImVec2(0.0f, 0.5f));
            const bool picked = ImGui::Selectable(options[i].c_str(), is_selected, 0, ImVec2(0, px(target_height)));
            ImGui::PopStyleVar();
            if (picked)
                chosen = static_cast<int>(i);
            if (ItemRegistry* registry = ItemRegistry::current()) registry->label_last_item(options[i].c_str());
            describe(Role::list_item, is_selected);
            if (is_selected) ImGui::SetItemDefaultFocus();
            ImGui::PopID();
        }
        ImGui::EndCombo();
    }
    ImGui::PopStyleVar();
    ImGui::PopID();
    return chosen;
}

void field_problem(const std::string& problem) {
    if (problem.empty()) return;
    ImGui::PushStyleColor(ImGuiCol_Text, palette_colors().warning_text);
    ImGui::TextWrapped("%s", problem.c_str());
    ImGui::PopStyleColor();
}

void field_help(const std::string& text) {
    if (text.empty()) return;
    ImGui::PushStyleColor(ImGuiCol_Text, palette_colors().muted_text);
    ImGui::TextWrapped("%s", text.c_str());
    ImGui::PopStyleColor();
}

float list_row_height() { return std::max(px(target_height), ImGui::GetTextLineHeight() * 2 + px(16)); }

bool list_row(const char* id, const std::string& title, const std::string& detail, bool selected) {
    return list_row(id, title, detail, {}, selected);
}

bool list_row(const char* id, const std::string& title, const std::string& detail, std::span<const TextRange> marked,
              bool selected) {
    const Palette& palette = palette_colors();
    const float line = ImGui::GetTextLineHeight();
    const float height = list_row_height();
    const ImVec2 start = ImGui::GetCursorScreenPos();
    ImGui::PushID(id);
    ImGui::PushStyleColor(ImGuiCol_Header, palette.nav_selected);
    ImGui::PushStyleColor(ImGuiCol_HeaderHovered, palette.nav_hovered);
    ImGui::PushStyleColor(ImGuiCol_HeaderActive, palette.nav_selected);
    const bool clicked = ImGui::Selectable("##row", selected, 0, ImVec2(0, height));
    ImGui::PopStyleColor(3);
    if (ItemRegistry* registry = ItemRegistry::current()) registry->label_last_item(title.c_str());
    describe(Role::list_item, selected);
    hand_cursor_on_hover();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 row_max = ImGui::GetItemRectMax();
    draw->PushClipRect(start, ImVec2(row_max.x - px(8), row_max.y), true);
    const float top = start.y + (height - (detail.empty() ? line : line * 2 + px(2))) * 0.5f;
    const float left = start.x + px(12);
    draw->AddText(ImVec2(left, top), ImGui::GetColorU32(selected ? palette.accent_text : palette.text), title.c_str());
    if (!detail.empty()) {
        const float detail_top = top + line + px(2);
        // Marked words get a tint behind them and the text colour over it.
        for (const TextRange& range : marked) {
            if (range.begin >= range.end || range.end > detail.size()) continue;
            const char* text = detail.c_str();
            const float from = ImGui::CalcTextSize(text, text + range.begin).x;
            const float to = ImGui::CalcTextSize(text, text + range.end).x;
            draw->AddRectFilled(ImVec2(left + from - px(1), detail_top), ImVec2(left + to + px(1), detail_top + line),
                                ImGui::GetColorU32(palette.notice), px(3));
        }
        draw->AddText(ImVec2(left, detail_top), ImGui::GetColorU32(palette.muted_text), detail.c_str());
        for (const TextRange& range : marked) {
            if (range.begin >= range.end || range.end > detail.size()) continue;
            const char* text = detail.c_str();
            const float from = ImGui::CalcTextSize(text, text + range.begin).x;
            draw->AddText(ImVec2(left + from, detail_top), ImGui::GetColorU32(palette.text), text + range.begin,
                          text + range.end);
        }
    }
    draw->PopClipRect();
    ImGui::PopID();
    return clicked;
}

bool choice_button(const char* label, bool selected) {
    const Palette& palette = palette_colors();
    ImGui::PushStyleColor(ImGuiCol_Button, selected ? palette.nav_selected : palette.button);
    ImGui::PushStyleColor(ImGuiCol_Text, selected ? palette.accent_text : palette.text);
    const bool clicked = ImGui::Button(label, ImVec2(0.0f, px(target_height)));
    ImGui::PopStyleColor(2);
    hand_cursor_on_hover();
    describe(Role::radio, selected);
    return clicked;
}

}  // namespace tandem::ui
