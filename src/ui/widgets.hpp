#pragma once
// Tandem's widgets: Dear ImGui widgets styled for the app that also declare
// their role and value to the ItemRegistry, so tests can find them by label.
// Every one is at least 36 CSS pixels tall, for fingers as well as mice.

#include <optional>
#include <string>

namespace tandem::ui {

// A sidebar entry, drawn full width; `selected` marks the screen shown.
// Returns true when clicked. Role "tab", value `selected`.
bool nav_item(const char* label, bool selected);

// A button for an action. Returns true when clicked. Role "button".
bool action_button(const char* label);

// A one-line text field under its visible `label`, showing `text`, with
// `hint` greyed while it is empty and `problem` (if not empty) beneath it.
// Returns the new text on the frame the user changed it; the caller keeps
// it. Role "input", value the text shown.
std::optional<std::string> text_field(const char* label, const std::string& text, const std::string& problem,
                                      const char* hint);

// One of a set of mutually exclusive choices, drawn as a segmented button.
// Returns true when clicked. Role "radio", value `selected`.
bool choice_button(const char* label, bool selected);

}  // namespace tandem::ui
