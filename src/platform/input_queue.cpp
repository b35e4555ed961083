#include "platform/input_queue.hpp"

#include <algorithm>
#include <bitset>
#include <limits>

namespace tandem::platform {

namespace {

template <class... F>
struct Overloaded : F... {
    using F::operator()...;
};
template <class... F>
Overloaded(F...) -> Overloaded<F...>;  // clang 14 needs the guide spelt out

// What one frame has already taken, to tell which event must wait.
struct FrameUse {
    std::bitset<5> buttons;
    std::bitset<static_cast<std::size_t>(Key::count)> keys;
    bool any_button = false;
    bool any_key = false;
};

// Marks key `index` taken by this frame; false if an earlier event already took it.
bool take_key(FrameUse& used, int index) {
    if (used.keys[static_cast<std::size_t>(index)]) return false;
    used.keys.set(static_cast<std::size_t>(index));
    used.any_key = true;
    return true;
}

bool valid_key(int index, const FrameUse& used) { return index > 0 && index < static_cast<int>(used.keys.size()); }

}  // namespace

void InputQueue::leave_key_repeat_to_platform(ImGuiIO& io) { io.KeyRepeatDelay = std::numeric_limits<float>::max(); }

std::size_t InputQueue::apply_frame(ImGuiIO& io) {
    FrameUse used;
    std::size_t applied = 0;
    while (!events_.empty()) {
        // Returns false when the event must wait for the next frame.
        const bool fits = std::visit(
            Overloaded{
                [&](const PointerMove& e) {
                    if (used.any_button) return false;
                    io.MousePos = ImVec2(e.x, e.y);
                    return true;
                },
                [&](const PointerButton& e) {
                    if (e.button < 0 || e.button >= static_cast<int>(used.buttons.size())) return true;
                    if (used.buttons[static_cast<std::size_t>(e.button)]) return false;
                    used.buttons.set(static_cast<std::size_t>(e.button));
                    used.any_button = true;
                    io.MouseDown[e.button] = e.down;
                    return true;
                },
                [&](const Wheel& e) {
                    io.MouseWheelH += e.x;
                    io.MouseWheel += e.y;
                    return true;
                },
                [&](const KeyChange& e) {
                    const int index = key_index(e.key);
                    if (!valid_key(index, used)) return true;
                    if (!take_key(used, index)) return false;
                    io.KeysDown[index] = e.down;
                    return true;
                },
                [&](const KeyRepeat& e) {
                    const int index = key_index(e.key);
                    if (!valid_key(index, used)) return true;
                    if (!take_key(used, index)) return false;
                    // ImGui 1.86 reads a press as a held key whose duration
                    // starts at zero this frame: NewFrame turns -1 into 0.
                    io.KeysDown[index] = true;
                    io.KeysDownDuration[index] = -1.0f;
                    return true;
                },
                [&](const Modifiers& e) {
                    if (used.any_key || used.any_button) return false;
                    io.KeyCtrl = e.ctrl;
                    io.KeyShift = e.shift;
                    io.KeyAlt = e.alt;
                    io.KeySuper = e.super;
                    return true;
                },
                [&](const TextInput& e) {
                    // ImGui's text field takes typed text before keys, so text
                    // after a key waits to keep "Backspace, then b" in order.
                    if (used.any_key) return false;
                    io.AddInputCharactersUTF8(e.utf8.c_str());
                    return true;
                },
                [&](const FocusChange& e) {
                    if (used.any_key || used.any_button) return false;
                    io.AddFocusEvent(e.focused);
                    if (!e.focused) {
                        std::fill(std::begin(io.KeysDown), std::end(io.KeysDown), false);
                        std::fill(std::begin(io.MouseDown), std::end(io.MouseDown), false);
                        io.KeyCtrl = io.KeyShift = io.KeyAlt = io.KeySuper = false;
                    }
                    return true;
                },
            },
            events_.front());
        if (!fits) break;
        events_.pop_front();
        ++applied;
    }
    return applied;
}

}  // namespace tandem::platform
