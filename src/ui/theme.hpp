#pragma once
// Tandem's look: a calm, paper-like light theme (the default) and a dark one,
// each with one accent colour, sized for touch (targets at least 36 px tall)
// and legible on old school screens. Everything is drawn at a scale: the
// screen's device pixels per CSS pixel times the user's text size, with fonts
// rasterised at that scale so text is never stretched.

#include <imgui.h>

namespace tandem::ui {

enum class Theme { light, dark };

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
    ImVec4 button;
    ImVec4 button_hovered;
    ImVec4 frame;
    ImVec4 separator;
    ImVec4 transparent;
    ImVec4 warning_text;
    ImVec4 notice;
};

// Sizes in display pixels at the current scale; the defaults are at scale 1.
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

// The current theme's colours and the current scale's sizes (set by apply_theme()).
const Palette& palette_colors();
const Metrics& metrics();
Theme current_theme();
float current_scale();

// `css_pixels` at the current scale: for every size a screen draws with.
inline float px(float css_pixels) { return css_pixels * current_scale(); }

// Resets `style` to `theme` at `scale` (> 0) and makes them current.
void apply_theme(ImGuiStyle& style, Theme theme = Theme::light, float scale = 1.0f);

// Replaces the atlas's fonts with the body and heading fonts at the current
// scale, read from OpenType/TrueType files, covering Latin (with Extended-A,
// -B and Additional), Greek, Cyrillic and common punctuation; characters
// outside them show as a white square. A path that cannot be read leaves
// that font null. The atlas must then be rebuilt and uploaded.
Fonts load_fonts(ImGuiIO& io, const char* body_path, const char* heading_path);

// The character drawn for any character the fonts lack.
constexpr ImWchar missing_glyph = 0x25A1;

}  // namespace tandem::ui
