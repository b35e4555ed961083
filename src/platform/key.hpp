#pragma once
// Tandem's keys: what the platform presses and releases, and the indices
// into ImGuiIO::KeysDown[] that the UI reads (ui/key_codes.hpp maps ImGui's
// editing keys onto them). Letters and digits are the keys that type them on
// the user's layout.

namespace tandem::platform {

// A key, by what it does; its value is its index in ImGuiIO::KeysDown[].
enum class Key : int {
    none = 0,
    tab = 1,
    left,
    right,
    up,
    down,
    page_up,
    page_down,
    home,
    end,
    insert,
    del,
    backspace,
    space,
    enter,
    escape,
    keypad_enter,
    plus,   // "+" or "=" (Ctrl + enlarges text)
    minus,  // "-"
    f1,     // F1 to F12 follow in order
    digit_0 = '0',  // '0' to '9' follow in order
    letter_a = 'A',  // 'A' to 'Z' follow in order
    count = 'Z' + 1,
};

// The index of `key` in ImGuiIO::KeysDown[]; and the keys of a letter (A-Z),
// a digit (0-9) and a function key (1-12).
constexpr int key_index(Key key) { return static_cast<int>(key); }
constexpr Key letter_key(char upper) { return static_cast<Key>(upper); }
constexpr Key digit_key(int digit) { return static_cast<Key>('0' + digit); }
constexpr Key function_key(int n) { return static_cast<Key>(static_cast<int>(Key::f1) + n - 1); }

static_assert(static_cast<int>(Key::f1) + 11 < '0', "function keys overlap the digits");

}  // namespace tandem::platform
