#pragma once
// Tandem's key indices into ImGuiIO::KeysDown[]: the platform layer presses
// and releases them, ImGui reads the editing keys through io.KeyMap, and
// screens read shortcuts with ImGui::IsKeyPressed(key_index(Key::...)).
// Letters and digits are the keys that type them on the user's layout.

#include <imgui.h>

namespace tandem::ui {

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

constexpr int key_index(Key key) { return static_cast<int>(key); }
constexpr Key letter_key(char upper) { return static_cast<Key>(upper); }
constexpr Key digit_key(int digit) { return static_cast<Key>('0' + digit); }
constexpr Key function_key(int n) { return static_cast<Key>(static_cast<int>(Key::f1) + n - 1); }

static_assert(static_cast<int>(Key::f1) + 11 < '0', "function keys overlap the digits");

// Fills io.KeyMap so ImGui's text editing and navigation use these indices.
void map_imgui_keys(ImGuiIO& io);

}  // namespace tandem::ui
