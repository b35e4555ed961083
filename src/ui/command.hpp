#pragma once
// Commands: what a screen asks the app to do. Screens emit them; the app
// dispatches them. A command carries values only, never pointers into UI state.

#include <variant>

#include "ui/screen.hpp"

namespace tandem::ui {

// Show another screen.
struct NavigateTo {
    Screen screen;
};

using Command = std::variant<NavigateTo>;

}  // namespace tandem::ui
