#pragma once
// Tandem's widgets: Dear ImGui widgets styled for the app that also declare
// their role and value to the ItemRegistry, so tests can find them by label.
// Every one is at least 36 CSS pixels tall, for fingers as well as mice.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>

#include "core/calendar_date.hpp"

namespace tandem::ui {

// A sidebar entry, drawn full width; `selected` marks the screen shown.
// Returns true when clicked. Role "tab", value `selected`. A `shortcut`
// ("Ctrl+K") is shown muted at its right.
bool nav_item(const char* label, bool selected, const char* shortcut = "");
// An action in the sidebar (Lock), drawn as its entries are. Role "button".
bool sidebar_action(const char* label);

// The title of a part of a page (Settings' parts): accent colour, space above.
void section_title(const char* title);
// Text in the muted colour, wrapped at the window's edge.
void muted_wrapped(const char* text);

// Asks for the keyboard to go to the text field labelled `label` when it is
// drawn, in this frame or the next (a shortcut's target, or the field a
// button's screen opens on); drop_focus_request(), at the end of each frame,
// drops a request from an earlier frame that no field took.
void focus_field(const char* label);
void drop_focus_request();

// A button for an action. Returns true when clicked. Role "button".
bool action_button(const char* label);

// Between buttons in a row: keeps the next one (labelled `next_label`) on
// this line if it fits in the width left, else starts a new line.
void same_line_if_fits(const char* next_label);

// A large button, 64 CSS pixels tall and `width` wide, easy to hit with a
// finger during a lesson. Returns true when clicked. Role "button".
bool large_button(const char* label, float width);

// A tally as a large button: `label` on the left, `total` on the right; a
// tap counts one more. Returns true when tapped. Role "button", label
// `label`, value the total shown.
bool tally_button(const char* id, const std::string& label, std::int64_t total, float width);

// `text` wrapped at the content width (at most 640 px); nothing when empty.
void wrapped_text(const std::string& text);

// A bar filled to `fraction` (0 to 1) with `caption` beneath, for slow work.
void progress_bar(float fraction, const std::string& caption);

// A one-line text field under its visible `label`, showing `text`, with
// `hint` greyed while it is empty and `problem` (if not empty) beneath it.
// Returns the new text on the frame the user changed it; the caller keeps
// it. With `entered`, sets it to whether Enter was pressed in the field this
// frame, and the field keeps the keyboard after Enter. Role "input", value
// the text shown.
std::optional<std::string> text_field(const char* label, const std::string& text, const std::string& problem,
                                      const char* hint, bool* entered = nullptr);

// text_field() for a secret (a passphrase): what is typed shows as dots,
// cannot be copied out, and the test hook reports only its length.
std::optional<std::string> secret_field(const char* label, const std::string& text, const std::string& problem,
                                        const char* hint, bool* entered = nullptr);

// What a date field's calendar shows: the day stored, today, and the first
// day of the week.
struct DateFieldCalendar {
    std::optional<CalendarDate> selected;
    CalendarDate today;
    unsigned first_weekday = 0;  // 0 Monday to 6 Sunday
};
// A date typed as people write it, as text_field(), with a calendar button
// beside it (ui/date_picker.hpp). Returns the text typed, or the day
// picked in the calendar as "YYYY-MM-DD", on the frame it changed.
std::optional<std::string> date_field(const char* label, const std::string& text, const std::string& problem,
                                      const char* hint, const DateFieldCalendar& calendar);

// One of a set of mutually exclusive choices, drawn as a segmented button.
// Returns true when clicked. Role "radio", value `selected`.
bool choice_button(const char* label, bool selected);

// A text field of several lines under its visible `label`, `lines` tall (it
// scrolls beyond), otherwise as text_field(). Role "input". Private text is
// never spell-checked, corrected or completed by the platform.
std::optional<std::string> text_area(const char* label, const std::string& text, const std::string& problem,
                                     const char* hint, int lines, bool private_text = false);

// A checkbox with its label beside it. Returns the new state on the frame it
// was toggled. Role "checkbox", value the state shown.
std::optional<bool> check_box(const char* label, bool checked);

// A drop-down list under its visible `label`, showing options[selected].
// Returns the index chosen on the frame the user chose one. Role "combo"
// (the list's entries: "list-item"), value the option shown.
std::optional<int> choice_list(const char* label, std::span<const std::string> options, int selected);

// A full-width row of a list, list_row_height() tall: `title`, and `detail`
// muted beneath it (the title alone is centred). Returns true when clicked.
// Role "list-item", label `title`, value `selected`.
bool list_row(const char* id, const std::string& title, const std::string& detail, bool selected);
// A byte range [begin, end) of a text.
struct TextRange {
    std::size_t begin = 0;
    std::size_t end = 0;
};
// A list row whose detail has the words in `marked` highlighted (a search's
// matches); ranges that do not fit the detail are ignored.
bool list_row(const char* id, const std::string& title, const std::string& detail, std::span<const TextRange> marked,
              bool selected);
// The height of every list_row(), at the current scale.
float list_row_height();

// A field shown to read, not to change: its `label` muted, then `text`
// wrapped (or `empty` muted when there is none). Role "label", label
// `label`, value `text`.
void read_only_field(const char* label, const std::string& text, const char* empty = "Not written yet");

// Beneath a field: why what was typed could not be kept (nothing if empty).
void field_problem(const std::string& problem);
// Beneath a field: a sentence of help, muted (nothing if empty).
void field_help(const std::string& text);

// The tint of a panel: the warm one is kept for what is private, so that it
// is never mistaken for anything else.
enum class PanelTint { private_text, neutral };
// A panel with a tinted background behind what is drawn between
// begin_tinted_panel() and end_tinted_panel(), at most `max_width` wide, with
// `padding` inside; text wraps within it. Pairs must not nest.
void begin_tinted_panel(float max_width, float padding, PanelTint tint = PanelTint::private_text);
void end_tinted_panel();
// The mark of what is private: a padlock and "Private to you", then
// `explanation` as help beneath.
void private_mark(const std::string& explanation);

}  // namespace tandem::ui
