#include "ui/widgets.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstddef>

#include "ui/item_registry.hpp"
#include "ui/theme.hpp"

namespace tandem::ui {

namespace {

constexpr float target_height = 36.0f;

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

void hand_cursor_on_hover() {
    if (ImGui::IsItemHovered()) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
}

}  // namespace

bool nav_item(const char* label, bool selected) {
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
    return clicked;
}

bool action_button(const char* label) {
    const bool clicked = ImGui::Button(label, ImVec2(0.0f, px(target_height)));
    hand_cursor_on_hover();
    describe(Role::button);
    return clicked;
}

std::optional<std::string> text_field(const char* label, const std::string& text, const std::string& problem,
                                      const char* hint) {
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
    const bool changed = ImGui::InputTextWithHint("##field", hint, edited.data(), edited.capacity() + 1,
                                                  ImGuiInputTextFlags_CallbackResize, grow_string, &edited);
    if (!problem.empty()) ImGui::PopStyleColor();
    ImGui::PopStyleVar();
    ImGui::PopID();
    if (ImGui::IsItemActive()) {
        // The field with the keyboard has an accent outline.
        const float thickness = std::max(1.0f, std::floor(px(2)));
        ImGui::GetWindowDrawList()->AddRect(ImGui::GetItemRectMin(), ImGui::GetItemRectMax(),
                                            ImGui::GetColorU32(problem.empty() ? palette.accent_text : palette.warning_text),
                                            ImGui::GetStyle().FrameRounding, 0, thickness);
    }
    if (ItemRegistry* registry = ItemRegistry::current()) registry->label_last_item(label);
    describe(Role::input, edited);
    if (ImGui::IsItemHovered()) ImGui::SetMouseCursor(ImGuiMouseCursor_TextInput);
    if (!problem.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, palette.warning_text);
        ImGui::TextWrapped("%s", problem.c_str());
        ImGui::PopStyleColor();
    }
    if (!changed) return std::nullopt;
    return edited;
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
