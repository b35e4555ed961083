#include "ui/widgets.hpp"

#include <imgui.h>

#include "ui/item_registry.hpp"
#include "ui/theme.hpp"

namespace tandem::ui {

namespace {

constexpr float target_height = 36.0f;

void describe(Role role, ItemValue value = {}) {
    if (ItemRegistry* registry = ItemRegistry::current()) registry->describe_last_item(role, std::move(value));
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
