#pragma once
// The platform's keys as ImGui sees them: screens read shortcuts with
// ImGui::IsKeyPressed(key_index(Key::...)), and ImGui's text editing and
// navigation read the same indices through io.KeyMap.

#include <imgui.h>

#include "platform/key.hpp"

namespace tandem::ui {

using platform::digit_key;
using platform::function_key;
using platform::Key;
using platform::key_index;
using platform::letter_key;

// Fills io.KeyMap so ImGui's text editing and navigation use these indices.
void map_imgui_keys(ImGuiIO& io);

}  // namespace tandem::ui
