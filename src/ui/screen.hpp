#pragma once
// The screens reachable from the navigation sidebar, in sidebar order.

#include <span>
#include <string_view>

namespace tandem::ui {

enum class Screen { today, people, pairings, library, search, settings };

// What the sidebar and the screen's heading show. Static strings.
struct ScreenInfo {
    Screen screen;
    const char* id;       // stable, for state(), tests and preferences: "today", "pairings"
    const char* title;    // sidebar entry and heading: "Pairings"
    const char* purpose;  // one sentence under the heading
};

// Every screen, in sidebar order.
std::span<const ScreenInfo> all_screens();

// The entry for one screen.
const ScreenInfo& screen_info(Screen screen);

}  // namespace tandem::ui
