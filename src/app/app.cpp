#include "app/app.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <utility>
#include <type_traits>

#include "core/json_writer.hpp"
#include "core/utf8.hpp"

namespace tandem::app {

namespace {
// Nothing is recorded yet, so there is never anything waiting to be saved.
constexpr const char* save_status = "idle";
constexpr std::size_t max_shown_name = 60;

std::string quoted(std::string_view name) { return "\xE2\x80\x9C" + displayable_file_name(name) + "\xE2\x80\x9D"; }
}  // namespace

App::App() : crypto_(crypto::run_self_test()) {
    std::string database_problem;
    auto opened = store::Database::open_in_memory();
    if (opened) {
        database_.emplace(std::move(opened).value());
        auto version = database_->query_column("SELECT sqlite_version();");
        if (version && version.value().size() == 1) sqlite_version_ = version.value().front();
        else database_problem = version ? "no version reported" : version.error().message;
    } else {
        database_problem = opened.error().message;
    }

    if (database_problem.empty()) view_.status.push_back({"SQLite " + sqlite_version_, false});
    else view_.status.push_back({"Database unavailable: " + database_problem, true});
    if (crypto_.passed)
        view_.status.push_back({"Encryption self-test passed (libsodium " + crypto_.library_version + ")", false});
    else
        view_.status.push_back({"Encryption self-test failed: " + crypto_.failed_check, true});
    view_.status.push_back({"Nothing to save yet", false});
}

void App::dispatch(const ui::Command& command) {
    std::visit(
        [this](const auto& c) {
            using T = std::decay_t<decltype(c)>;
            ui::Preferences& preferences = view_.preferences;
            if constexpr (std::is_same_v<T, ui::NavigateTo>) {
                view_.screen = c.screen;
                preferences.screen = c.screen;
            } else if constexpr (std::is_same_v<T, ui::SetTheme>) {
                preferences.theme = c.theme;
            } else if constexpr (std::is_same_v<T, ui::ChangeTextSize>) {
                preferences.text_size_percent =
                    c.reset ? 100 : ui::step_text_size(preferences.text_size_percent, c.steps);
            } else if constexpr (std::is_same_v<T, ui::SetSidebarWidth>) {
                preferences.sidebar_width =
                    std::clamp(c.width, ui::sidebar_width_range.min, ui::sidebar_width_range.max);
            } else if constexpr (std::is_same_v<T, ui::ChooseFileToOpen>) {
                host_requests_.push_back(OpenFilePicker{".tandem"});
            } else if constexpr (std::is_same_v<T, ui::DismissNotice>) {
                view_.notice.reset();
            }
        },
        command);
}

std::vector<HostRequest> App::take_host_requests() { return std::exchange(host_requests_, {}); }

void App::restore_preferences(const ui::Preferences& preferences) {
    view_.preferences = preferences;
    view_.screen = preferences.screen;
}

void App::file_opened(std::string_view name, std::span<const std::uint8_t> bytes) {
    (void)bytes;  // no file kind is known to this version: nothing is a bundle yet
    view_.file_over_page = false;
    view_.notice = ui::Notice{quoted(name) + " is not a Tandem bundle, so nothing was imported.", true};
}

void App::file_too_large(std::string_view name, std::uint64_t size) {
    view_.file_over_page = false;
    view_.notice = ui::Notice{quoted(name) + " is " + human_size(size) + ". Tandem opens files of up to " +
                                  human_size(max_open_file_bytes) + ", so it was not opened.",
                              true};
}

void App::file_unreadable(std::string_view name) {
    view_.file_over_page = false;
    view_.notice = ui::Notice{quoted(name) +
                                  " could not be read. If it is on a USB stick or a shared drive, copy it to this "
                                  "computer and open the copy.",
                              true};
}

std::string App::test_state_json() const {
    JsonWriter json;
    json.begin_object();
    json.key("screen").string(ui::screen_info(view_.screen).id);
    json.key("saveStatus").string(save_status);
    json.key("sqliteVersion").string(sqlite_version_);
    json.key("cryptoSelfTest").string(crypto_.passed ? "passed" : "failed");
    json.key("theme").string(view_.preferences.theme == ui::Theme::dark ? "dark" : "light");
    json.key("textSize").number(view_.preferences.text_size_percent);
    json.key("sidebarWidth").number(view_.preferences.sidebar_width);
    json.key("notice").string(view_.notice ? view_.notice->text : "");
    json.end_object();
    return json.text();
}

std::string displayable_file_name(std::string_view name) {
    std::string shown;
    std::size_t characters = 0;
    for (std::size_t i = 0; i < name.size();) {
        if (characters == max_shown_name) {
            shown += "\xE2\x80\xA6";  // ellipsis
            break;
        }
        const std::size_t length = utf8_sequence_length(name, i);
        if (length == 0) {
            shown += "\xEF\xBF\xBD";  // replacement character
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
