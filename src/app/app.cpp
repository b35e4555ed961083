#include "app/app.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <utility>
#include <type_traits>

#include "app/command_error_text.hpp"
#include "core/json_writer.hpp"
#include "core/record_commands.hpp"
#include "core/utf8.hpp"

namespace tandem::app {

namespace {
constexpr std::size_t max_shown_name = 60;
constexpr const char* name_required = "Your partner sees this name, so it cannot be empty.";

// The plain message for a refused profile edit: a missing name gets its own.
std::string profile_problem(const CommandError& error) {
    const bool name_missing = error.code == ErrorCode::required_missing && error.field == Person::fields::display_name;
    return name_missing ? name_required : command_error_text(error);
}

std::string quoted(std::string_view name) { return "\xE2\x80\x9C" + displayable_file_name(name) + "\xE2\x80\x9D"; }
}  // namespace

App::App() : crypto_(crypto::run_self_test()) {
    auto opened = store::Database::open_in_memory();
    if (opened) {
        auto store = store::SqliteRecordStore::open(std::move(opened).value());
        if (store) store_ = std::move(store).value();
        else store_problem_ = store.error().message;
    } else {
        store_problem_ = opened.error().message;
    }
    if (store_) {
        auto version = store_->database().query_column("SELECT sqlite_version();");
        if (version && version.value().size() == 1) sqlite_version_ = version.value().front();
        random_ = crypto::SodiumRandomSource::create();
        if (!random_) {
            store_problem_ = "this browser has no secure random source";
        } else {
            auto site = store_->site_id(*random_);
            auto last = store_->load_clock();
            if (site && last) clock_.emplace(site.value(), wall_clock_, last.value());
            else store_problem_ = !site ? site.error().message : last.error().message;
        }
    }
    update_status();
}

void App::update_status() {
    view_.status.clear();
    if (store_problem_.empty()) view_.status.push_back({"SQLite " + sqlite_version_, false});
    else view_.status.push_back({"Records unavailable: " + store_problem_, true});
    if (crypto_.passed)
        view_.status.push_back({"Encryption self-test passed (libsodium " + crypto_.library_version + ")", false});
    else
        view_.status.push_back({"Encryption self-test failed: " + crypto_.failed_check, true});
    if (own_person_)
        view_.status.push_back({"Not saved on this computer yet: what you type is kept only while this tab is open", true});
    else
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
            } else if constexpr (std::is_same_v<T, ui::EditProfile>) {
                edit_profile(c);
            }
        },
        command);
}

// The profile keeps what the user typed even when it cannot be stored (a
// blank name, a name too long), with the reason beside it; the record is
// created once there is a name, and changed field by field after that.
void App::edit_profile(const ui::EditProfile& edit) {
    ui::ProfileView& profile = view_.profile;
    ui::FieldView& field = edit.field == ui::ProfileField::name ? profile.name : profile.subject;
    field.text = edit.text;
    field.problem.clear();
    if (!clock_) {
        field.problem = "Tandem cannot keep this: " + store_problem_;
        return;
    }
    CommandContext context{*store_, *clock_, *random_, own_person_.value_or(RecordId{})};
    if (!own_person_) {
        Person draft;
        draft.display_name = profile.name.text;
        draft.subject = profile.subject.text;
        auto created = create_own_person(context, draft);
        if (!created) {
            const CommandError& error = created.error();
            const bool about_name = error.field == Person::fields::display_name;
            if (about_name && edit.field == ui::ProfileField::subject && error.code == ErrorCode::required_missing)
                field.problem = "Add your name above, and this is kept with it.";
            else
                (about_name ? profile.name : profile.subject).problem = profile_problem(error);
            return;
        }
        own_person_ = created.value();
        profile.name.problem.clear();
        profile.subject.problem.clear();
        update_status();
        return;
    }
    const FieldIndex index = edit.field == ui::ProfileField::name ? Person::fields::display_name : Person::fields::subject;
    auto updated = update_field(context, Kind::person, *own_person_, index, edit.text);
    if (!updated) field.problem = profile_problem(updated.error());
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
    // Nothing is saved on this computer yet: anything recorded stays unsaved.
    json.key("saveStatus").string(own_person_ ? "unsaved" : "idle");
    json.key("sqliteVersion").string(sqlite_version_);
    json.key("cryptoSelfTest").string(crypto_.passed ? "passed" : "failed");
    json.key("theme").string(view_.preferences.theme == ui::Theme::dark ? "dark" : "light");
    json.key("textSize").number(view_.preferences.text_size_percent);
    json.key("sidebarWidth").number(view_.preferences.sidebar_width);
    json.key("notice").string(view_.notice ? view_.notice->text : "");
    Person stored;
    if (own_person_) {
        if (auto loaded = load<Person>(*store_, *own_person_)) stored = std::move(loaded).value();
    }
    json.key("profile").begin_object();
    json.key("name").string(stored.display_name);
    json.key("subject").string(stored.subject);
    json.end_object();
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
