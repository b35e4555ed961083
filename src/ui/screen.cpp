#include "ui/screen.hpp"

#include <cassert>

namespace tandem::ui {

namespace {

constexpr ScreenInfo screens[] = {
    {Screen::today, "today", "Today", "What needs you this week, and what is coming up."},
    {Screen::people, "people", "People", "Everyone you coach or are coached by. Anyone can coach, and anyone can be coached."},
    {Screen::pairings, "pairings", "Pairings", "Each coaching partnership: what comes next, what you have recorded, and what you agreed."},
    {Screen::library, "library", "Library", "Action steps worded and ready to use, and the ones you add yourself."},
    {Screen::search, "search", "Search", "Everything you have written: meetings, notes, steps, observations and reflections.", "Ctrl+K"},
    {Screen::settings, "settings", "Settings", "Who you are, and how Tandem looks on this device."},
};

constexpr ScreenInfo opened_screens[] = {
    {Screen::meeting, "meeting", "Meeting", "What you talked about, the step you agreed, and when you meet next."},
    {Screen::observation, "observation", "Observation",
     "What you see and hear, as it happens: facts, not judgements, and never a grade."},
    {Screen::reflection, "reflection", "Reflection", "Your own thinking, in your own words."},
    {Screen::share, "share", "Share", "Send your partner what you recorded, and take in what they send you."},
};

}  // namespace

std::span<const ScreenInfo> all_screens() { return screens; }

const ScreenInfo& screen_info(Screen screen) {
    for (const ScreenInfo& info : screens)
        if (info.screen == screen) return info;
    for (const ScreenInfo& info : opened_screens)
        if (info.screen == screen) return info;
    assert(false && "every Screen has an entry");
    return screens[0];
}

Screen parent_screen(Screen screen) {
    switch (screen) {
        case Screen::meeting:
        case Screen::observation:
        case Screen::reflection:
        case Screen::share: return Screen::pairings;
        default: return screen;
    }
}

}  // namespace tandem::ui
