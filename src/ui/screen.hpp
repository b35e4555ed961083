#pragma once
// The screens reachable from the navigation sidebar, in sidebar order.

#include <span>
#include <string_view>

namespace tandem::ui {

// The sidebar's screens, then the screens opened from them (a meeting from
// its pairing, an observation, a reflection), which show one record.
enum class Screen { today, people, pairings, library, search, settings, meeting, observation, reflection, share };

// What the sidebar and the screen's heading show. Static strings.
struct ScreenInfo {
    Screen screen;
    const char* id;       // stable, for state(), tests and preferences: "today", "pairings"
    const char* title;    // sidebar entry and heading: "Pairings"
    const char* purpose;  // one sentence under the heading
    const char* shortcut = "";  // shown beside the sidebar entry: "Ctrl+K"
};

// The sidebar's screens, in order.
std::span<const ScreenInfo> all_screens();

// The entry for any screen.
const ScreenInfo& screen_info(Screen screen);

// The sidebar screen a screen is opened from (itself for sidebar screens).
Screen parent_screen(Screen screen);

}  // namespace tandem::ui
