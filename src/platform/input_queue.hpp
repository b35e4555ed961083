#pragma once
// InputQueue: input events in arrival order, handed to Dear ImGui one frame's
// worth at a time. ImGui 1.86 reads button and key states once per frame, so
// a press and release in the same frame would be lost: events that would
// collide with one already applied wait for the next frame ("trickling").

#include <imgui.h>

#include <deque>
#include <utility>
#include <string>
#include <variant>

#include "platform/key.hpp"

namespace tandem::platform {

// The pointer moved to (x, y) in display pixels.
struct PointerMove {
    float x = 0, y = 0;
};
// A mouse button (0 left, 1 right, 2 middle) went down or up.
struct PointerButton {
    int button = 0;
    bool down = false;
};
// Scrolling in ImGui wheel units (positive: content moves down/right).
struct Wheel {
    float x = 0, y = 0;
};
// A key of Key went down or up.
struct KeyChange {
    Key key = Key::none;
    bool down = false;
};

// The browser repeated a key still held (its auto-repeat): one more press.
struct KeyRepeat {
    Key key = Key::none;
};
// The modifier keys held now.
struct Modifiers {
    bool ctrl = false, shift = false, alt = false, super = false;
    bool operator==(const Modifiers&) const = default;
};
// Typed text, UTF-8.
struct TextInput {
    std::string utf8;
};
// The page gained or lost keyboard focus.
struct FocusChange {
    bool focused = false;
};

using InputEvent = std::variant<PointerMove, PointerButton, Wheel, KeyChange, KeyRepeat, Modifiers, TextInput, FocusChange>;

class InputQueue {
public:
    // Leaves key repeat to the platform: ImGui's own repeat counts frame
    // time, so a single press held across one stalled frame moved Tab or
    // Backspace twice, and it ignored the computer's repeat settings. Only
    // KeyRepeat events repeat a key from then on.
    static void leave_key_repeat_to_platform(ImGuiIO& io);

    void push(InputEvent event) { events_.push_back(std::move(event)); }

    // Queues the modifier keys held from now on, if they differ from the last queued.
    void set_modifiers(const Modifiers& held) {
        if (held == modifiers_) return;
        modifiers_ = held;
        events_.push_back(held);
    }
    // The modifiers last queued.
    const Modifiers& modifiers() const { return modifiers_; }
    bool empty() const { return events_.empty(); }
    std::size_t size() const { return events_.size(); }

    // Applies to `io` the events that fit in one frame, oldest first, and
    // removes them. Returns how many were applied.
    std::size_t apply_frame(ImGuiIO& io);

    // Drops every waiting event.
    void clear() { events_.clear(); }

private:
    std::deque<InputEvent> events_;
    Modifiers modifiers_;
};

}  // namespace tandem::platform
