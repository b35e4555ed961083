#include "platform/web/web_input.hpp"

#include <emscripten/eventloop.h>

#include <cfloat>
#include <cmath>
#include <utility>

namespace tandem::platform {

namespace {

WebInput* installed = nullptr;

// A finger that moves further than this (CSS pixels) scrolls instead of tapping.
constexpr double tap_slop = 8.0;
// Held this long without moving, a finger acts as a right click.
constexpr double long_press_ms = 550.0;
constexpr float lines_per_wheel_unit = 5.0f;

EM_BOOL on_mouse(int type, const EmscriptenMouseEvent* event, void*) {
    return installed && installed->mouse(type, *event);
}
EM_BOOL on_wheel(int, const EmscriptenWheelEvent* event, void*) { return installed && installed->wheel(*event); }
EM_BOOL on_key(int type, const EmscriptenKeyboardEvent* event, void*) {
    return installed && installed->key(type, *event);
}
EM_BOOL on_touch(int type, const EmscriptenTouchEvent* event, void*) {
    return installed && installed->touch(type, *event);
}
EM_BOOL on_focus(int type, const EmscriptenFocusEvent*, void*) { return installed && installed->focus(type); }
void on_long_press(void*) {
    if (installed) installed->long_press_elapsed();
}

}  // namespace

WebInput::WebInput(const BrowserCanvas& canvas, InputQueue& queue, std::function<bool()> text_focused,
                   std::function<bool()> paragraph_focused)
    : canvas_(canvas),
      queue_(queue),
      text_focused_(std::move(text_focused)),
      paragraph_focused_(std::move(paragraph_focused)) {}

void WebInput::install(std::function<void(Urgency)> wake) {
    installed = this;
    wake_ = std::move(wake);
    constexpr const char* canvas = "#canvas";
    emscripten_set_mousedown_callback(canvas, nullptr, EM_FALSE, on_mouse);
    emscripten_set_mouseup_callback(EMSCRIPTEN_EVENT_TARGET_DOCUMENT, nullptr, EM_FALSE, on_mouse);
    emscripten_set_mousemove_callback(EMSCRIPTEN_EVENT_TARGET_DOCUMENT, nullptr, EM_FALSE, on_mouse);
    emscripten_set_mouseleave_callback(canvas, nullptr, EM_FALSE, on_mouse);
    emscripten_set_wheel_callback(canvas, nullptr, EM_FALSE, on_wheel);
    emscripten_set_touchstart_callback(canvas, nullptr, EM_FALSE, on_touch);
    emscripten_set_touchmove_callback(canvas, nullptr, EM_FALSE, on_touch);
    emscripten_set_touchend_callback(canvas, nullptr, EM_FALSE, on_touch);
    emscripten_set_touchcancel_callback(canvas, nullptr, EM_FALSE, on_touch);
    emscripten_set_keydown_callback(EMSCRIPTEN_EVENT_TARGET_DOCUMENT, nullptr, EM_FALSE, on_key);
    emscripten_set_keyup_callback(EMSCRIPTEN_EVENT_TARGET_DOCUMENT, nullptr, EM_FALSE, on_key);
    emscripten_set_focus_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, EM_FALSE, on_focus);
    emscripten_set_blur_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, EM_FALSE, on_focus);
}

bool WebInput::mouse(int type, const EmscriptenMouseEvent& event) {
    queue_.set_modifiers({event.ctrlKey != 0, event.shiftKey != 0, event.altKey != 0, event.metaKey != 0});
    if (type == EMSCRIPTEN_EVENT_MOUSELEAVE) {
        if (event.buttons == 0) queue_.push(PointerMove{-FLT_MAX, -FLT_MAX});
        wake_(Urgency::soon);
        return false;
    }
    // Document events: the canvas fills the page from its top-left corner.
    queue_.push(PointerMove{to_display(event.clientX), to_display(event.clientY)});
    if (type == EMSCRIPTEN_EVENT_MOUSEMOVE) {
        wake_(Urgency::soon);
        return false;
    }
    // Browser buttons: 0 left, 1 middle, 2 right; ImGui's: 0 left, 1 right, 2 middle.
    const int button = event.button == 1 ? 2 : event.button == 2 ? 1 : event.button;
    queue_.push(PointerButton{button, type == EMSCRIPTEN_EVENT_MOUSEDOWN});
    wake_(Urgency::now);
    // A press keeps the browser from moving focus: the app places it itself.
    return type == EMSCRIPTEN_EVENT_MOUSEDOWN;
}

bool WebInput::wheel(const EmscriptenWheelEvent& event) {
    if (event.mouse.ctrlKey) return false;  // pinch or Ctrl+wheel: the browser zooms
    float scale = 1.0f;  // display pixels per delta unit
    switch (event.deltaMode) {
        case DOM_DELTA_LINE: scale = wheel_step_ / lines_per_wheel_unit; break;
        case DOM_DELTA_PAGE: scale = static_cast<float>(canvas_.size().device_h) * 0.8f; break;
        default: scale = to_display(1.0); break;
    }
    const float step = wheel_step_ > 0 ? wheel_step_ : 1.0f;
    float x = -static_cast<float>(event.deltaX) * scale / step;
    float y = -static_cast<float>(event.deltaY) * scale / step;
    if (event.mouse.shiftKey && x == 0.0f) std::swap(x, y);
    queue_.push(PointerMove{to_display(event.mouse.clientX), to_display(event.mouse.clientY)});
    queue_.push(Wheel{x, y});
    wake_(Urgency::soon);
    return true;
}

bool WebInput::key(int type, const EmscriptenKeyboardEvent& event) {
    queue_.set_modifiers({event.ctrlKey != 0, event.shiftKey != 0, event.altKey != 0, event.metaKey != 0});
    if (type == EMSCRIPTEN_EVENT_KEYUP) {
        const Key released = keyboard_.key_up(event.code);
        if (released != Key::none) queue_.push(KeyChange{released, false});
        wake_(Urgency::now);
        return false;
    }
    const KeyboardEventInfo info{event.key, event.code, event.ctrlKey != 0, event.shiftKey != 0,
                                 event.altKey != 0, event.metaKey != 0, event.keyCode == 229};
    const KeyDecision decision = keyboard_.key_down(info);
    if (paragraph_focused_() && !reaches_app_over_paragraph(info, decision)) {
        wake_(Urgency::soon);
        return false;
    }
    switch (decision.kind) {
        case KeyDecision::Kind::key:
            if (decision.released != Key::none) queue_.push(KeyChange{decision.released, false});
            if (decision.repeat) queue_.push(KeyRepeat{decision.key});
            else queue_.push(KeyChange{decision.key, true});
            break;
        case KeyDecision::Kind::text:
            // With the hidden field focused its input event brings the text;
            // otherwise (a key typed before a field took focus) it comes from here.
            if (text_focused_()) return false;
            queue_.push(TextInput{event.key});
            break;
        case KeyDecision::Kind::clipboard:
        case KeyDecision::Kind::ignore:
            wake_(Urgency::soon);
            return false;
    }
    wake_(Urgency::now);
    return decision.prevent_default;
}

void WebInput::click_at(float x, float y, int button) {
    queue_.push(PointerMove{x, y});
    queue_.push(PointerButton{button, true});
    queue_.push(PointerButton{button, false});
}

bool WebInput::touch(int type, const EmscriptenTouchEvent& event) {
    const EmscriptenTouchPoint* point = nullptr;
    for (int i = 0; i < event.numTouches; ++i) {
        const EmscriptenTouchPoint& candidate = event.touches[i];
        if (!candidate.isChanged) continue;
        if (type == EMSCRIPTEN_EVENT_TOUCHSTART && touch_.id < 0) {
            point = &candidate;
            break;
        }
        if (candidate.identifier == touch_.id) {
            point = &candidate;
            break;
        }
    }
    if (point == nullptr) return true;

    const double x = static_cast<double>(point->clientX), y = static_cast<double>(point->clientY);
    switch (type) {
        case EMSCRIPTEN_EVENT_TOUCHSTART:
            touch_ = Touch{point->identifier, x, y, x, y, false, false, 0};
            touch_.timer = emscripten_set_timeout(on_long_press, long_press_ms, nullptr);
            queue_.push(PointerMove{to_display(x), to_display(y)});  // hover feedback under the finger
            wake_(Urgency::soon);
            break;
        case EMSCRIPTEN_EVENT_TOUCHMOVE:
            if (!touch_.scrolling && std::hypot(x - touch_.start_x, y - touch_.start_y) > tap_slop) {
                touch_.scrolling = true;
                emscripten_clear_timeout(touch_.timer);
            }
            if (touch_.scrolling && !touch_.long_pressed) {
                const float step = wheel_step_ > 0 ? wheel_step_ : 1.0f;
                queue_.push(Wheel{to_display(x - touch_.last_x) / step, to_display(y - touch_.last_y) / step});
                wake_(Urgency::soon);
            }
            touch_.last_x = x;
            touch_.last_y = y;
            break;
        case EMSCRIPTEN_EVENT_TOUCHEND:
            emscripten_clear_timeout(touch_.timer);
            if (!touch_.scrolling && !touch_.long_pressed) {
                click_at(to_display(x), to_display(y), 0);
                queue_.push(PointerMove{-FLT_MAX, -FLT_MAX});  // a finger leaves no hover behind
                wake_(Urgency::now);  // inside the gesture, so the keyboard may open
            }
            touch_.id = -1;
            break;
        default:  // cancelled
            emscripten_clear_timeout(touch_.timer);
            touch_.id = -1;
            break;
    }
    return true;  // no emulated mouse events, no browser panning
}

void WebInput::long_press_elapsed() {
    if (touch_.id < 0 || touch_.scrolling) return;
    touch_.long_pressed = true;
    click_at(to_display(touch_.last_x), to_display(touch_.last_y), 1);
    wake_(Urgency::now);
}

bool WebInput::focus(int type) {
    const bool focused = type == EMSCRIPTEN_EVENT_FOCUS;
    if (!focused) {
        keyboard_.release_all();
        queue_.set_modifiers({});
    }
    queue_.push(FocusChange{focused});
    wake_(Urgency::soon);
    return false;
}

}  // namespace tandem::platform
