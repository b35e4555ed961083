#include "ui/theme.hpp"

#include <imgui_internal.h>

namespace tandem::ui {

namespace {

ImVec4 rgb(int r, int g, int b, float a = 1.0f) {
    return ImVec4(static_cast<float>(r) / 255.0f, static_cast<float>(g) / 255.0f, static_cast<float>(b) / 255.0f, a);
}

const Palette light_palette{
    .text = rgb(0x26, 0x2A, 0x2E),
    .muted_text = rgb(0x5F, 0x66, 0x6D),
    .accent_text = rgb(0x1F, 0x5C, 0x57),
    .background = rgb(0xFA, 0xF8, 0xF4),
    .sidebar = rgb(0xEF, 0xEB, 0xE3),
    .status_bar = rgb(0xEF, 0xEB, 0xE3),
    .nav_selected = rgb(0xD5, 0xE6, 0xE2),
    .nav_hovered = rgb(0xE4, 0xDF, 0xD4),
    .button = rgb(0xE4, 0xDF, 0xD4),
    .button_hovered = rgb(0xD9, 0xD3, 0xC6),
    .frame = rgb(0xFF, 0xFF, 0xFF),
    .separator = rgb(0xDD, 0xD7, 0xCB),
    .transparent = rgb(0, 0, 0, 0.0f),
    .warning_text = rgb(0x9A, 0x3B, 0x1E),
    .notice = rgb(0xF6, 0xE7, 0xC8),
};

const Palette dark_palette{
    .text = rgb(0xE6, 0xE3, 0xDD),
    .muted_text = rgb(0xA3, 0xA7, 0xAB),
    .accent_text = rgb(0x8F, 0xCF, 0xC5),
    .background = rgb(0x1E, 0x21, 0x24),
    .sidebar = rgb(0x26, 0x2A, 0x2E),
    .status_bar = rgb(0x26, 0x2A, 0x2E),
    .nav_selected = rgb(0x2F, 0x4A, 0x46),
    .nav_hovered = rgb(0x33, 0x38, 0x3D),
    .button = rgb(0x35, 0x3A, 0x40),
    .button_hovered = rgb(0x41, 0x47, 0x4E),
    .frame = rgb(0x2A, 0x2E, 0x33),
    .separator = rgb(0x3A, 0x3F, 0x45),
    .transparent = rgb(0, 0, 0, 0.0f),
    .warning_text = rgb(0xF0, 0xA0, 0x80),
    .notice = rgb(0x4A, 0x3F, 0x2A),
};

constexpr Metrics unscaled{};

Theme theme_now = Theme::light;
float scale_now = 1.0f;
Metrics metrics_now = unscaled;

// Basic Latin to Latin Extended-B, Greek and Coptic, Cyrillic with its
// Supplement, Latin Extended Additional, General Punctuation (dashes, quotes,
// bullets), the euro sign, arrows, the minus sign and the white square shown
// for missing characters.
constexpr ImWchar glyph_ranges[] = {
    0x0020, 0x024F, 0x0370, 0x03FF, 0x0400, 0x052F, 0x1E00, 0x1EFF, 0x2000, 0x206F,
    0x20AC, 0x20AC, 0x2190, 0x2193, 0x2212, 0x2212, missing_glyph, missing_glyph, 0,
};

}  // namespace

const Palette& palette_colors() { return theme_now == Theme::dark ? dark_palette : light_palette; }
const Metrics& metrics() { return metrics_now; }
Theme current_theme() { return theme_now; }
float current_scale() { return scale_now; }

void apply_theme(ImGuiStyle& style, Theme theme, float scale) {
    IM_ASSERT(scale > 0.0f);
    theme_now = theme;
    scale_now = scale;
    metrics_now = Metrics{
        .body_font_size = unscaled.body_font_size * scale,
        .heading_font_size = unscaled.heading_font_size * scale,
        .sidebar_width = unscaled.sidebar_width * scale,
        .nav_item_height = unscaled.nav_item_height * scale,
        .content_padding = unscaled.content_padding * scale,
    };

    style = ImGuiStyle();
    if (theme == Theme::dark) ImGui::StyleColorsDark(&style);
    else ImGui::StyleColorsLight(&style);
    style.WindowPadding = ImVec2(0, 0);
    style.WindowRounding = 0;
    style.WindowBorderSize = 0;
    style.ChildBorderSize = 0;
    style.FramePadding = ImVec2(14, 8);
    style.FrameRounding = 6;
    style.FrameBorderSize = 1;
    style.ItemSpacing = ImVec2(10, 6);
    style.ScrollbarSize = 14;
    style.ScrollbarRounding = 7;
    style.GrabRounding = 6;
    style.ScaleAllSizes(scale);

    const Palette& palette = palette_colors();
    ImVec4* colors = style.Colors;
    colors[ImGuiCol_Text] = palette.text;
    colors[ImGuiCol_TextDisabled] = palette.muted_text;
    colors[ImGuiCol_WindowBg] = palette.background;
    colors[ImGuiCol_ChildBg] = palette.transparent;
    colors[ImGuiCol_PopupBg] = palette.background;
    colors[ImGuiCol_FrameBg] = palette.frame;
    colors[ImGuiCol_FrameBgHovered] = palette.frame;
    colors[ImGuiCol_FrameBgActive] = palette.frame;
    colors[ImGuiCol_Border] = palette.separator;
    colors[ImGuiCol_Button] = palette.button;
    colors[ImGuiCol_ButtonHovered] = palette.button_hovered;
    colors[ImGuiCol_ButtonActive] = palette.nav_selected;
    colors[ImGuiCol_Separator] = palette.separator;
    colors[ImGuiCol_CheckMark] = palette.accent_text;
    colors[ImGuiCol_Header] = palette.nav_selected;
    colors[ImGuiCol_HeaderHovered] = palette.nav_hovered;
    colors[ImGuiCol_HeaderActive] = palette.nav_selected;
    colors[ImGuiCol_TextSelectedBg] = ImVec4(palette.accent_text.x, palette.accent_text.y, palette.accent_text.z, 0.30f);
    colors[ImGuiCol_ScrollbarBg] = palette.transparent;
}

namespace {

// AddFontFromFileTTF asserts on a missing file; this returns nullptr instead.
ImFont* add_font_file(ImGuiIO& io, const char* path, float size) {
    size_t bytes = 0;
    void* data = ImFileLoadToMemory(path, "rb", &bytes);
    if (data == nullptr || bytes == 0 || bytes > 64u * 1024u * 1024u) {
        IM_FREE(data);
        return nullptr;
    }
    ImFontConfig config;
    // Drawn at the screen's own pixel size and on whole pixels: no
    // oversampling blur is needed, and none is wanted.
    config.OversampleH = 1;
    config.OversampleV = 1;
    config.PixelSnapH = true;
    // The atlas takes ownership of `data`.
    ImFont* font = io.Fonts->AddFontFromMemoryTTF(data, static_cast<int>(bytes), size, &config, glyph_ranges);
    if (font != nullptr) font->FallbackChar = missing_glyph;
    return font;
}

}  // namespace

Fonts load_fonts(ImGuiIO& io, const char* body_path, const char* heading_path) {
    io.Fonts->Clear();
    Fonts fonts;
    // The first font added is ImGui's default, so the body font goes first.
    fonts.body = add_font_file(io, body_path, metrics_now.body_font_size);
    if (fonts.body == nullptr) {
        ImFontConfig config;
        config.SizePixels = 13.0f * scale_now;
        io.Fonts->AddFontDefault(&config);
    }
    fonts.heading = add_font_file(io, heading_path, metrics_now.heading_font_size);
    return fonts;
}

}  // namespace tandem::ui
