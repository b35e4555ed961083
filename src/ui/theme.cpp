#include "ui/theme.hpp"

#include <imgui_internal.h>

namespace tandem::ui {

namespace {

ImVec4 rgb(int r, int g, int b, float a = 1.0f) {
    return ImVec4(static_cast<float>(r) / 255.0f, static_cast<float>(g) / 255.0f, static_cast<float>(b) / 255.0f, a);
}

const Palette palette{
    .text = rgb(0x26, 0x2A, 0x2E),
    .muted_text = rgb(0x5F, 0x66, 0x6D),
    .accent_text = rgb(0x1F, 0x5C, 0x57),
    .background = rgb(0xFA, 0xF8, 0xF4),
    .sidebar = rgb(0xEF, 0xEB, 0xE3),
    .status_bar = rgb(0xEF, 0xEB, 0xE3),
    .nav_selected = rgb(0xD5, 0xE6, 0xE2),
    .nav_hovered = rgb(0xE4, 0xDF, 0xD4),
    .transparent = rgb(0, 0, 0, 0.0f),
    .warning_text = rgb(0x9A, 0x3B, 0x1E),
};

constexpr Metrics sizes{};

// Basic Latin to Latin Extended-B, Latin Extended Additional (Vietnamese),
// General Punctuation (dashes, quotes, bullets), the euro sign and U+FFFD.
constexpr ImWchar glyph_ranges[] = {
    0x0020, 0x024F, 0x1E00, 0x1EFF, 0x2000, 0x206F, 0x20AC, 0x20AC, 0xFFFD, 0xFFFD, 0,
};

}  // namespace

const Palette& palette_colors() { return palette; }
const Metrics& metrics() { return sizes; }

void apply_theme(ImGuiStyle& style) {
    ImGui::StyleColorsLight(&style);
    style.WindowPadding = ImVec2(0, 0);
    style.WindowRounding = 0;
    style.WindowBorderSize = 0;
    style.ChildBorderSize = 0;
    style.FramePadding = ImVec2(14, 8);
    style.FrameRounding = 6;
    style.ItemSpacing = ImVec2(10, 6);
    style.ScrollbarSize = 14;
    style.ScrollbarRounding = 7;
    style.GrabRounding = 6;

    ImVec4* colors = style.Colors;
    colors[ImGuiCol_Text] = palette.text;
    colors[ImGuiCol_TextDisabled] = palette.muted_text;
    colors[ImGuiCol_WindowBg] = palette.background;
    colors[ImGuiCol_ChildBg] = palette.transparent;
    colors[ImGuiCol_Button] = rgb(0xE4, 0xDF, 0xD4);
    colors[ImGuiCol_ButtonHovered] = rgb(0xD9, 0xD3, 0xC6);
    colors[ImGuiCol_ButtonActive] = palette.nav_selected;
    colors[ImGuiCol_Separator] = rgb(0xDD, 0xD7, 0xCB);
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
    config.OversampleH = 2;
    config.OversampleV = 1;
    // The atlas takes ownership of `data`.
    return io.Fonts->AddFontFromMemoryTTF(data, static_cast<int>(bytes), size, &config, glyph_ranges);
}

}  // namespace

Fonts load_fonts(ImGuiIO& io, const char* body_path, const char* heading_path) {
    Fonts fonts;
    // The first font added is ImGui's default, so the body font goes first.
    fonts.body = add_font_file(io, body_path, sizes.body_font_size);
    if (fonts.body == nullptr) io.Fonts->AddFontDefault();
    fonts.heading = add_font_file(io, heading_path, sizes.heading_font_size);
    return fonts;
}

}  // namespace tandem::ui
