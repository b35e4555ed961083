#include "app/display_text.hpp"

#include <cmath>
#include <cstdio>

#include "core/text_symbols.hpp"
#include "core/utf8.hpp"

namespace tandem::app {

namespace {
constexpr std::size_t max_shown_name = 60;
}  // namespace

std::string displayable_file_name(std::string_view name) {
    std::string shown;
    std::size_t characters = 0;
    for (std::size_t i = 0; i < name.size();) {
        if (characters == max_shown_name) {
            shown += symbols::ellipsis;
            break;
        }
        const std::size_t length = utf8_sequence_length(name, i);
        if (length == 0) {
            shown += symbols::replacement;
            ++i;
        } else {
            const auto lead = static_cast<unsigned char>(name[i]);
            const bool control = length == 1 && (lead < 0x20 || lead == 0x7F);
            if (!control) shown.append(name.substr(i, length));
            i += length;
            if (control) continue;
        }
        ++characters;
    }
    return shown;
}

std::string human_size(std::uint64_t bytes) {
    if (bytes < 1024) return std::to_string(bytes) + (bytes == 1 ? " byte" : " bytes");
    // Binary multiples with the labels Windows and macOS Finder users read.
    constexpr const char* units[] = {"KB", "MB", "GB", "TB"};
    double value = static_cast<double>(bytes) / 1024.0;
    std::size_t unit = 0;
    while (value >= 1023.95 && unit + 1 < std::size(units)) {
        value /= 1024.0;
        ++unit;
    }
    const double tenths = std::round(value * 10.0);
    const bool whole = value >= 100.0 || static_cast<long long>(tenths) % 10 == 0;
    char text[32];
    std::snprintf(text, sizeof text, whole ? "%.0f %s" : "%.1f %s", value, units[unit]);
    return text;
}

}  // namespace tandem::app
