#pragma once
// WebInput: the browser's mouse, wheel, touch, keyboard and focus events,
// through emscripten/html5.h, turned into InputQueue events in display
// (device) pixels. Discrete events (buttons, keys, taps) ask for a frame at
// once, inside the event, so focus moves and file pickers open within the
// user's gesture; moves and scrolling ask for the next animation frame.

#include <emscripten/html5.h>

#include <functional>

#include "platform/browser_keyboard.hpp"
#include "platform/input_queue.hpp"
#include "platform/web/browser_canvas.hpp"

namespace tandem::platform {

class WebInput {
public:
    // How the owner wants to be woken: draw now (inside the event) or soon.
    enum class Urgency { now, soon };

    // Borrows `canvas` and `queue`, which must outlive it. `text_focused`
    // tells whether the hidden text field has the keyboard (it then receives
    // typed text); `paragraph_focused` whether it has it for a paragraph (it
    // then keeps every key but the app's shortcuts).
    WebInput(const BrowserCanvas& canvas, InputQueue& queue, std::function<bool()> text_focused,
             std::function<bool()> paragraph_focused);

    // Registers the html5.h callbacks; `wake` is called after each event.
    void install(std::function<void(Urgency)> wake);

    // Display pixels the wheel scrolls per ImGui wheel unit (5 lines of the body font).
    void set_wheel_step(float pixels) { wheel_step_ = pixels; }

    // [Internal] html5.h callbacks.
    bool mouse(int type, const EmscriptenMouseEvent& event);
    bool wheel(const EmscriptenWheelEvent& event);
    bool key(int type, const EmscriptenKeyboardEvent& event);
    bool touch(int type, const EmscriptenTouchEvent& event);
    bool focus(int type);
    void long_press_elapsed();

private:
    float to_display(double css) const { return static_cast<float>(css * canvas_.size().css_to_device()); }
    void click_at(float x, float y, int button);

    const BrowserCanvas& canvas_;
    InputQueue& queue_;
    std::function<bool()> text_focused_;
    std::function<bool()> paragraph_focused_;
    std::function<void(Urgency)> wake_;
    BrowserKeyboard keyboard_;
    float wheel_step_ = 80.0f;

    // The finger being followed: a tap, a drag that scrolls, or a long press.
    struct Touch {
        long id = -1;
        double start_x = 0, start_y = 0, last_x = 0, last_y = 0;  // CSS pixels
        bool scrolling = false;
        bool long_pressed = false;
        long timer = 0;
    } touch_;
};

}  // namespace tandem::platform
