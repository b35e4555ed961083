#include "ui/screen.hpp"

#include <cassert>

namespace tandem::ui {

namespace {

constexpr ScreenInfo screens[] = {
    {Screen::today, "today", "Today", "Your next meetings, the action steps being practised and what is due for a check-back."},
    {Screen::people, "people", "People", "The colleagues you coach or are coached by, with their subject, phase and sharing key."},
    {Screen::pairings, "pairings", "Pairings", "Each coaching partnership: its agreement, cadence, model and time allowance."},
    {Screen::cycles, "cycles", "Cycles", "Coaching cycles, each with one goal, its measure, baseline and target."},
    {Screen::meetings, "meetings", "Meetings", "Coaching conversations, structured by GROW, BASIC, the Impact Cycle or action-step coaching."},
    {Screen::observations, "observations", "Observations", "Low-inference lesson notes with timestamps and tallies. Never grades."},
    {Screen::action_steps, "action-steps", "Action steps", "One small step at a time: its success criteria, practice and check-back."},
    {Screen::library, "library", "Library", "Action steps worded and ready to use, and the ones you add yourself."},
    {Screen::time, "time", "Time", "Coaching hours against the year's allowance, spent when it suits you."},
    {Screen::sharing, "sharing", "Sharing", "Encrypted files exchanged with your coaching partner. Private notes never leave this device."},
    {Screen::settings, "settings", "Settings", "Who you are, and how Tandem looks on this device."},
};

}  // namespace

std::span<const ScreenInfo> all_screens() { return screens; }

const ScreenInfo& screen_info(Screen screen) {
    for (const ScreenInfo& info : screens)
        if (info.screen == screen) return info;
    assert(false && "every Screen has an entry");
    return screens[0];
}

}  // namespace tandem::ui
