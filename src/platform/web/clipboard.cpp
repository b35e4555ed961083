#include "platform/web/clipboard.hpp"

#include <emscripten.h>

namespace tandem::platform {

namespace {

Clipboard* installed = nullptr;

extern "C" {
void tandem_clipboard_install();
void tandem_clipboard_write(const char* text);
}

const char* imgui_get_clipboard(void*) { return installed ? installed->text() : ""; }
void imgui_set_clipboard(void*, const char* text) {
    if (installed) installed->set_text(text);
}

}  // namespace

Clipboard::Clipboard(ImGuiIO& io, InputQueue& queue, void (*run_frames)(), bool mac)
    : queue_(queue), run_frames_(run_frames), mac_(mac) {
    installed = this;
    io.GetClipboardTextFn = imgui_get_clipboard;
    io.SetClipboardTextFn = imgui_set_clipboard;
    io.ClipboardUserData = nullptr;
    tandem_clipboard_install();
}

void Clipboard::set_text(const char* text) {
    text_ = text ? text : "";
    copied_ = true;
    // Inside a copy event the event carries the text; otherwise ask the browser.
    if (!in_copy_event_) tandem_clipboard_write(text_.c_str());
}

// Presses and releases Ctrl/Cmd+letter with no other modifier, then puts
// back the modifiers the user holds: a paste from the browser's menu has none.
void Clipboard::run_shortcut(char letter) {
    const Modifiers held = queue_.modifiers();
    Modifiers shortcut;
    (mac_ ? shortcut.super : shortcut.ctrl) = true;
    queue_.set_modifiers(shortcut);
    queue_.push(KeyChange{letter_key(letter), true});
    queue_.push(KeyChange{letter_key(letter), false});
    queue_.set_modifiers(held);
    run_frames_();
}

const char* Clipboard::copy_event(bool cut) {
    copied_ = false;
    in_copy_event_ = true;
    run_shortcut(cut ? 'X' : 'C');
    in_copy_event_ = false;
    return copied_ ? text_.c_str() : nullptr;
}

void Clipboard::paste_event(const char* text) {
    text_ = text ? text : "";
    run_shortcut('V');
}

}  // namespace tandem::platform

// Called by clipboard.js.
extern "C" EMSCRIPTEN_KEEPALIVE const char* tandem_clipboard_copy(int cut) {
    return tandem::platform::installed ? tandem::platform::installed->copy_event(cut != 0) : nullptr;
}
extern "C" EMSCRIPTEN_KEEPALIVE void tandem_clipboard_paste(const char* text) {
    if (tandem::platform::installed) tandem::platform::installed->paste_event(text);
}
