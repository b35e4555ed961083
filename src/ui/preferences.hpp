#pragma once
// Preferences: how the user set up the app on this device (theme, text size,
// the screen last shown). Not coaching data: kept by the browser apart from
// the records, as short "key=value" lines.

#include <span>
#include <string>
#include <string_view>

#include "ui/screen.hpp"
#include "ui/theme.hpp"

namespace tandem::ui {

struct Preferences {
    Theme theme = Theme::light;
    int text_size_percent = 100;  // one of text_sizes()
    Screen screen = Screen::today;
    int sidebar_width = 232;  // CSS pixels, within sidebar_width_range()

    bool operator==(const Preferences&) const = default;
};

// The text sizes offered, smallest first; 100 is the default.
std::span<const int> text_sizes();

// The narrowest and widest sidebar, in CSS pixels.
struct WidthRange {
    int min, max;
};
constexpr WidthRange sidebar_width_range{180, 360};

// The next text size up (steps > 0) or down, clamped to the ends.
int step_text_size(int percent, int steps);

// Reads preferences written by format_preferences(). Untrusted: unknown keys,
// bad values and anything past 4 KiB are ignored, leaving the defaults.
Preferences parse_preferences(std::string_view text);

std::string format_preferences(const Preferences& preferences);

}  // namespace tandem::ui
