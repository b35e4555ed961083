#include "platform/web/text_input_bridge.hpp"

#include <emscripten.h>

#include <cstdio>
#include <string>

namespace tandem::platform {

namespace {

TextInputBridge* bridge = nullptr;

extern "C" {
void tandem_text_input_install();
void tandem_text_input_place(int active, double x, double y, double line_height, double font_px);
int tandem_text_input_focused();
int tandem_text_input_paragraph_focused();
void tandem_text_input_paragraph(double id, double x, double y, double w, double h, double clip_x0, double clip_y0,
                                 double clip_x1, double clip_y1, double padding_x, double padding_y, double font_px,
                                 double line_height, const char* color, const char* accent, const char* selection,
                                 const char* text, double caret_byte, int private_text);
}

// An ImGui packed colour (ABGR) as CSS, with its alpha times `alpha`.
std::string css_color(std::uint32_t packed, double alpha = 1.0) {
    const unsigned r = packed & 0xFF, g = (packed >> 8) & 0xFF, b = (packed >> 16) & 0xFF;
    const double a = static_cast<double>((packed >> 24) & 0xFF) / 255.0 * alpha;
    char out[48];
    std::snprintf(out, sizeof out, "rgba(%u,%u,%u,%.3f)", r, g, b, a);
    return out;
}

}  // namespace

TextInputBridge::TextInputBridge(InputQueue& queue, ParagraphSink paragraphs, void (*wake)())
    : queue_(queue), paragraphs_(paragraphs), wake_(wake) {
    bridge = this;
    tandem_text_input_install();
}

void TextInputBridge::follow(bool active, float caret_x, float caret_y, float line_height, float font_px) {
    tandem_text_input_place(active ? 1 : 0, caret_x, caret_y, line_height, font_px);
}

void TextInputBridge::edit_paragraph(const ParagraphRequest& request, double css_per_display) {
    const auto css = [css_per_display](float display) { return static_cast<double>(display) * css_per_display; };
    tandem_text_input_paragraph(request.id, css(request.x), css(request.y), css(request.w), css(request.h),
                                css(request.clip_x0), css(request.clip_y0), css(request.clip_x1), css(request.clip_y1),
                                css(request.padding_x), css(request.padding_y), css(request.font_size),
                                css(request.line_height), css_color(request.text_color).c_str(),
                                css_color(request.accent_color).c_str(), css_color(request.accent_color, 0.3).c_str(),
                                request.replace ? request.text.c_str() : nullptr, static_cast<double>(request.caret),
                                request.private_text ? 1 : 0);
}

bool TextInputBridge::focused() const { return tandem_text_input_focused() != 0; }

bool TextInputBridge::paragraph_focused() const { return tandem_text_input_paragraph_focused() != 0; }

void TextInputBridge::typed(const char* utf8) {
    queue_.push(TextInput{utf8});
    wake_();
}

void TextInputBridge::edit_key(int which) {
    const Key key = which == 0 ? Key::backspace : Key::enter;
    queue_.push(KeyChange{key, true});
    queue_.push(KeyChange{key, false});
    wake_();
}

void TextInputBridge::paragraph_typed(std::uint32_t id, const char* utf8) {
    paragraphs_.typed(id, utf8);
    wake_();
}

void TextInputBridge::paragraph_closed(std::uint32_t id) {
    paragraphs_.closed(id);
    wake_();
}

}  // namespace tandem::platform

// Called by text_input.js.
extern "C" EMSCRIPTEN_KEEPALIVE void tandem_text_typed(const char* utf8) {
    if (tandem::platform::bridge) tandem::platform::bridge->typed(utf8);
}
extern "C" EMSCRIPTEN_KEEPALIVE void tandem_text_key(int which) {
    if (tandem::platform::bridge) tandem::platform::bridge->edit_key(which);
}
extern "C" EMSCRIPTEN_KEEPALIVE void tandem_paragraph_typed(double id, const char* utf8) {
    if (tandem::platform::bridge) tandem::platform::bridge->paragraph_typed(static_cast<std::uint32_t>(id), utf8);
}
extern "C" EMSCRIPTEN_KEEPALIVE void tandem_paragraph_closed(double id) {
    if (tandem::platform::bridge) tandem::platform::bridge->paragraph_closed(static_cast<std::uint32_t>(id));
}
