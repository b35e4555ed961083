#include "platform/web/text_input_bridge.hpp"

#include <emscripten.h>

namespace tandem::platform {

namespace {

TextInputBridge* bridge = nullptr;

extern "C" {
void tandem_text_input_install();
void tandem_text_input_place(int active, double x, double y, double line_height, double font_px);
int tandem_text_input_focused();
}

}  // namespace

TextInputBridge::TextInputBridge(InputQueue& queue, void (*wake)()) : queue_(queue), wake_(wake) {
    bridge = this;
    tandem_text_input_install();
}

void TextInputBridge::follow(bool active, float caret_x, float caret_y, float line_height, float font_px) {
    tandem_text_input_place(active ? 1 : 0, caret_x, caret_y, line_height, font_px);
}

bool TextInputBridge::focused() const { return tandem_text_input_focused() != 0; }

void TextInputBridge::typed(const char* utf8) {
    queue_.push(TextInput{utf8});
    wake_();
}

void TextInputBridge::edit_key(int which) {
    const ui::Key key = which == 0 ? ui::Key::backspace : ui::Key::enter;
    queue_.push(KeyChange{key, true});
    queue_.push(KeyChange{key, false});
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
