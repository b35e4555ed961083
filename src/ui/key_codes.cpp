#include "ui/key_codes.hpp"

namespace tandem::ui {

void map_imgui_keys(ImGuiIO& io) {
    io.KeyMap[ImGuiKey_Tab] = key_index(Key::tab);
    io.KeyMap[ImGuiKey_LeftArrow] = key_index(Key::left);
    io.KeyMap[ImGuiKey_RightArrow] = key_index(Key::right);
    io.KeyMap[ImGuiKey_UpArrow] = key_index(Key::up);
    io.KeyMap[ImGuiKey_DownArrow] = key_index(Key::down);
    io.KeyMap[ImGuiKey_PageUp] = key_index(Key::page_up);
    io.KeyMap[ImGuiKey_PageDown] = key_index(Key::page_down);
    io.KeyMap[ImGuiKey_Home] = key_index(Key::home);
    io.KeyMap[ImGuiKey_End] = key_index(Key::end);
    io.KeyMap[ImGuiKey_Insert] = key_index(Key::insert);
    io.KeyMap[ImGuiKey_Delete] = key_index(Key::del);
    io.KeyMap[ImGuiKey_Backspace] = key_index(Key::backspace);
    io.KeyMap[ImGuiKey_Space] = key_index(Key::space);
    io.KeyMap[ImGuiKey_Enter] = key_index(Key::enter);
    io.KeyMap[ImGuiKey_Escape] = key_index(Key::escape);
    io.KeyMap[ImGuiKey_KeyPadEnter] = key_index(Key::keypad_enter);
    io.KeyMap[ImGuiKey_A] = key_index(letter_key('A'));
    io.KeyMap[ImGuiKey_C] = key_index(letter_key('C'));
    io.KeyMap[ImGuiKey_V] = key_index(letter_key('V'));
    io.KeyMap[ImGuiKey_X] = key_index(letter_key('X'));
    io.KeyMap[ImGuiKey_Y] = key_index(letter_key('Y'));
    io.KeyMap[ImGuiKey_Z] = key_index(letter_key('Z'));
}

}  // namespace tandem::ui
