#pragma once
// Tandem's widgets: Dear ImGui widgets styled for the app that also declare
// their role and value to the ItemRegistry, so tests can find them by label.

namespace tandem::ui {

// A sidebar entry, drawn full width; `selected` marks the screen shown.
// Returns true when clicked. Role "tab", value `selected`.
bool nav_item(const char* label, bool selected);

}  // namespace tandem::ui
