#include "ui/preferences.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <optional>

namespace tandem::ui {

namespace {

constexpr std::array<int, 8> sizes{80, 90, 100, 110, 125, 150, 175, 200};
constexpr std::size_t max_text = 4096;

// The whole of `text` as a decimal number, or nothing.
std::optional<int> parse_int(std::string_view text) {
    int value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc{} || end != text.data() + text.size()) return std::nullopt;
    return value;
}

}  // namespace

std::span<const int> text_sizes() { return sizes; }

int step_text_size(int percent, int steps) {
    // The nearest offered size at or above `percent`, then `steps` along.
    auto at = std::lower_bound(sizes.begin(), sizes.end(), percent);
    auto index = static_cast<int>(at - sizes.begin());
    if (at == sizes.end() || *at != percent) index -= steps > 0 ? 1 : 0;
    index = std::clamp(index + steps, 0, static_cast<int>(sizes.size()) - 1);
    return sizes[static_cast<std::size_t>(index)];
}

Preferences parse_preferences(std::string_view text) {
    Preferences preferences;
    text = text.substr(0, max_text);
    while (!text.empty()) {
        const std::size_t end = text.find('\n');
        const std::string_view line = text.substr(0, end);
        text = end == std::string_view::npos ? std::string_view{} : text.substr(end + 1);
        const std::size_t equals = line.find('=');
        if (equals == std::string_view::npos) continue;
        const std::string_view key = line.substr(0, equals);
        const std::string_view value = line.substr(equals + 1);
        if (key == "theme") {
            if (value == "dark") preferences.theme = Theme::dark;
            else if (value == "light") preferences.theme = Theme::light;
        } else if (key == "text-size") {
            const std::optional<int> percent = parse_int(value);
            if (percent && std::find(sizes.begin(), sizes.end(), *percent) != sizes.end())
                preferences.text_size_percent = *percent;
        } else if (key == "sidebar") {
            if (const std::optional<int> width = parse_int(value))
                preferences.sidebar_width = std::clamp(*width, sidebar_width_range.min, sidebar_width_range.max);
        } else if (key == "screen") {
            for (const ScreenInfo& info : all_screens())
                if (value == info.id) preferences.screen = info.screen;
        }
    }
    return preferences;
}

std::string format_preferences(const Preferences& preferences) {
    std::string text;
    text += "theme=";
    text += preferences.theme == Theme::dark ? "dark" : "light";
    text += "\ntext-size=" + std::to_string(preferences.text_size_percent);
    text += "\nscreen=";
    text += screen_info(parent_screen(preferences.screen)).id;
    text += "\nsidebar=" + std::to_string(preferences.sidebar_width);
    text += "\n";
    return text;
}

}  // namespace tandem::ui
