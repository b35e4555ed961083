#pragma once
// Commands: what a screen asks the app to do. Screens emit them; the app
// dispatches them. A command carries values only, never pointers into UI state.

#include <string>
#include <variant>

#include "ui/screen.hpp"
#include "ui/theme.hpp"

namespace tandem::ui {

// Show another screen.
struct NavigateTo {
    Screen screen;
};

// Switch between the light and dark theme.
struct SetTheme {
    Theme theme;
};

// Make text larger (steps > 0) or smaller by that many of the offered sizes;
// `reset` goes back to 100 %.
struct ChangeTextSize {
    int steps = 0;
    bool reset = false;
};

// Set the sidebar's width, in CSS pixels.
struct SetSidebarWidth {
    int width;
};

// Open the browser's file picker to receive a bundle.
struct ChooseFileToOpen {};

// Close the notice at the top of the screen.
struct DismissNotice {};

// The fields of the user's own profile that Settings edits.
enum class ProfileField { name, subject };

// Set a field of the user's own profile to what they typed.
struct EditProfile {
    ProfileField field;
    std::string text;
};

// Try again now to save what is not saved yet.
struct RetrySaving {};

// Download a copy of the records (or of what can be read of them).
struct ExportRecords {};

// Take the records over from the other tab that has them.
struct UseRecordsHere {};

using Command = std::variant<NavigateTo, SetTheme, ChangeTextSize, SetSidebarWidth, ChooseFileToOpen, DismissNotice,
                             EditProfile, RetrySaving, ExportRecords, UseRecordsHere>;

}  // namespace tandem::ui
