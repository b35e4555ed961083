#pragma once
// TextInputBridge: keeps the hidden <textarea> (text_input.js) under the
// caret of the active ImGui text field and focused while one is active, and
// turns what the browser types into it into InputQueue events.

#include "platform/input_queue.hpp"

namespace tandem::platform {

class TextInputBridge {
public:
    // Creates the textarea. Borrows `queue`, which must outlive the bridge;
    // `wake` is called after text arrives.
    TextInputBridge(InputQueue& queue, void (*wake)());

    // After each frame: whether ImGui wants text, and the caret's top-left in
    // CSS pixels with the line height and font size.
    void follow(bool active, float caret_x, float caret_y, float line_height, float font_px);

    // Whether the textarea has the keyboard.
    bool focused() const;

    // [Internal] from text_input.js.
    void typed(const char* utf8);
    void edit_key(int which);  // 0 Backspace, 1 Enter, from on-screen keyboards

private:
    InputQueue& queue_;
    void (*wake_)();
};

}  // namespace tandem::platform
