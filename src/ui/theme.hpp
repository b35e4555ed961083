#pragma once
// Tandem's look: a calm, paper-like light theme with one accent colour, sized
// for touch (targets at least 36 px tall) and legible on old school screens.

#include <imgui.h>

namespace tandem::ui {

// Colours used by Tandem's own widgets beyond ImGui's style.
struct Palette {
    ImVec4 text;
    ImVec4 muted_text;
    ImVec4 accent_text;
    ImVec4 background;
    ImVec4 sidebar;
    ImVec4 status_bar;
    ImVec4 nav_selected;
    ImVec4 nav_hovered;
    ImVec4 transparent;
    ImVec4 warning_text;
};

// Sizes in display pixels.
struct Metrics {
    float body_font_size = 17.0f;
    float heading_font_size = 26.0f;
    float sidebar_width = 232.0f;
    float nav_item_height = 38.0f;
    float content_padding = 32.0f;
};

// The fonts loaded by load_fonts(); nullptr where a font file was missing
// (ImGui's default font is used instead). Owned by the ImGui font atlas.
struct Fonts {
    ImFont* body = nullptr;
    ImFont* heading = nullptr;
};

const Palette& palette_colors();
const Metrics& metrics();

// Sets colours, rounding and spacing on `style`.
void apply_theme(ImGuiStyle& style);

// Adds the body and heading fonts from OpenType/TrueType files, with Latin,
// extended Latin and common punctuation glyphs. A path that cannot be read
// leaves that font null. Call before the atlas is built.
Fonts load_fonts(ImGuiIO& io, const char* body_path, const char* heading_path);

}  // namespace tandem::ui
