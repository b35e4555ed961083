#include "ui/widgets.hpp"

#include <imgui.h>

#include "ui/item_registry.hpp"
#include "ui/theme.hpp"

namespace tandem::ui {

bool nav_item(const char* label, bool selected) {
    const Palette& palette = palette_colors();
    ImGui::PushStyleVar(ImGuiStyleVar_ButtonTextAlign, ImVec2(0.0f, 0.5f));
    ImGui::PushStyleColor(ImGuiCol_Button, selected ? palette.nav_selected : palette.transparent);
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, selected ? palette.nav_selected : palette.nav_hovered);
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, palette.nav_selected);
    ImGui::PushStyleColor(ImGuiCol_Text, selected ? palette.accent_text : palette.text);
    const bool clicked = ImGui::Button(label, ImVec2(-1.0f, metrics().nav_item_height));
    ImGui::PopStyleColor(4);
    ImGui::PopStyleVar();
    if (ItemRegistry* registry = ItemRegistry::current()) registry->describe_last_item(Role::tab, selected);
    return clicked;
}

}  // namespace tandem::ui
