#include <doctest/doctest.h>

#include <ctime>
#include <regex>

#include "app/app.hpp"
#include "app/command_error_text.hpp"
#include "app/record_forms.hpp"
#include "app_devices.hpp"
#include "profile_steps.hpp"
#include "memory_page_store.hpp"
#include "test_doubles.hpp"

using namespace tandem;
using namespace tandem::app;
using tandem::testing::MemoryPageStore;
using tandem::testing::ProfileKeys;
using tandem::testing::make_profile;
using tandem::testing::unlock_profile;

namespace {

// What a page store holds, opened apart from the app that wrote it, as the
// next visit would open it.
using StoredRecords = tandem::testing::RecordsCopy;

// An app with its records opened from `pages`, as the web platform opens
// them once IndexedDB has been read.
struct OpenedApp {
    MemoryPageStore pages;
    App app;
    ProfileKeys profile = make_profile(app, pages);
    std::optional<StoredRecords> stored;
    // The records as stored now.
    store::SqliteRecordStore& store() {
        stored.reset();
        stored.emplace(pages, profile);
        return *stored->records;
    }
};

}  // namespace

TEST_CASE("the app opens its database and passes the crypto self-test") {
    App waiting;
    CHECK(waiting.records_state() == RecordsState::opening);
    CHECK(waiting.shell_view().read_only);
    CHECK(waiting.shell_view().status.back().text == "Opening your records\xE2\x80\xA6");
    OpenedApp opened;
    App& app = opened.app;
    CHECK(app.records_state() == RecordsState::kept);
    CHECK_FALSE(app.shell_view().read_only);
    CHECK(app.sqlite_version() == "3.40.1");
    CHECK(app.crypto_self_test().passed);
    CHECK(app.screen() == ui::Screen::today);
}

namespace {
// The time now as the status line shows it: "14:05".
std::string clock_text() {
    const std::time_t now = std::time(nullptr);
    std::tm parts{};
    localtime_r(&now, &parts);
    char text[8];
    std::snprintf(text, sizeof text, "%02d:%02d", parts.tm_hour, parts.tm_min);
    return text;
}

// Today on this computer's calendar.
CalendarDate local_today() {
    const std::time_t now = std::time(nullptr);
    std::tm parts{};
    localtime_r(&now, &parts);
    return CalendarDate::from_ymd(parts.tm_year + 1900, static_cast<unsigned>(parts.tm_mon + 1),
                                  static_cast<unsigned>(parts.tm_mday));
}
// Dates as the screens read and show them today ("Tue 8 Dec").
DateReader form_dates() { return DateReader(local_today(), DayOrder::day_month); }
// Today's date as the screens show it: "Mon 7 Dec".
std::string today_text() { return form_dates().words(local_today()); }
constexpr const char* dot = " \xC2\xB7 ";  // the separator of a list's lines
}  // namespace

TEST_CASE("a profile has its own keys from its first visit, and Settings shows its fingerprint") {
    OpenedApp first;
    OpenedApp second;
    const auto keys = first.app.public_keys();
    REQUIRE(keys.has_value());
    REQUIRE(second.app.public_keys().has_value());
    CHECK(*keys != *second.app.public_keys());
    const ui::ProfileView& profile = first.app.shell_view().profile;
    CHECK(profile.fingerprint == crypto::fingerprint(*keys));
    // The secret keys stay in this device's own state, in no record.
    CHECK(first.store().local_bytes("identity.sign_secret").value().has_value());
}

TEST_CASE("the status line shows the save status alone; the versions and self-test are in Settings") {
    OpenedApp opened;
    App& app = opened.app;
    const ui::ShellView view = app.shell_view();
    REQUIRE(view.status.size() == 1);
    CHECK(view.status[0].text == "Saved at " + clock_text());
    CHECK_FALSE(view.status[0].problem);
    CHECK(view.about == std::vector<std::string>{"Records kept with SQLite 3.40.1",
                                                 "Encryption by libsodium 1.0.18: self-test passed"});
}

TEST_CASE("navigation commands change the screen and the test state") {
    OpenedApp opened;
    App& app = opened.app;
    CHECK(app.test_state_json() ==
          R"({"screen":"today","saveStatus":"saved","lastCommitSeq":5,"lastSavedSeq":5,"sqliteVersion":"3.40.1","cryptoSelfTest":"passed",)"
          R"("theme":"light","textSize":100,"sidebarWidth":232,"notice":"","statusLine":["Saved at )" + clock_text() + R"("],)"
          R"("profile":{"name":"","subject":""},)"
          R"("counts":{"people":0,"pairings":0,"meetings":0,"actionSteps":0,"notes":0},"vault":"open"})");
    app.dispatch(ui::NavigateTo{ui::Screen::library});
    CHECK(app.screen() == ui::Screen::library);
    CHECK(app.test_state_json().find(R"("screen":"library")") != std::string::npos);
}

TEST_CASE("appearance commands change the preferences, within their limits") {
    OpenedApp opened;
    App& app = opened.app;
    app.dispatch(ui::SetTheme{ui::Theme::dark});
    CHECK(app.preferences().theme == ui::Theme::dark);
    app.dispatch(ui::ChangeTextSize{+1});
    CHECK(app.preferences().text_size_percent == 110);
    for (int i = 0; i < 20; ++i) app.dispatch(ui::ChangeTextSize{+1});
    CHECK(app.preferences().text_size_percent == 200);
    app.dispatch(ui::ChangeTextSize{0, true});
    CHECK(app.preferences().text_size_percent == 100);
    for (int i = 0; i < 20; ++i) app.dispatch(ui::ChangeTextSize{-1});
    CHECK(app.preferences().text_size_percent == 80);
    app.dispatch(ui::SetSidebarWidth{5000});
    CHECK(app.preferences().sidebar_width == ui::sidebar_width_range.max);
    app.dispatch(ui::NavigateTo{ui::Screen::search});
    CHECK(app.preferences().screen == ui::Screen::search);
}

TEST_CASE("restored preferences open the screen last shown") {
    OpenedApp opened;
    App& app = opened.app;
    ui::Preferences saved;
    saved.screen = ui::Screen::settings;
    saved.theme = ui::Theme::dark;
    app.restore_preferences(saved);
    CHECK(app.screen() == ui::Screen::settings);
    CHECK(app.preferences() == saved);
}

TEST_CASE("choosing a file asks the host for its picker, once") {
    OpenedApp opened;
    App& app = opened.app;
    app.dispatch(ui::ChooseFileToOpen{});
    const auto requests = app.take_host_requests();
    REQUIRE(requests.size() == 1);
    CHECK(std::get<OpenFilePicker>(requests[0]).accept == ".tandem");
    CHECK(app.take_host_requests().empty());
}

TEST_CASE("a file that is not a bundle is named and refused on the Share screen; files not opened end in a notice") {
    OpenedApp opened;
    App& app = opened.app;
    app.file_over_page(true);
    CHECK(app.shell_view().file_over_page);
    const std::uint8_t bytes[] = {0x25, 0x50, 0x44, 0x46};
    app.file_opened("report.pdf", bytes);
    CHECK_FALSE(app.shell_view().file_over_page);
    CHECK(app.screen() == ui::Screen::share);
    const ui::ImportView& refused = app.shell_view().share.receive;
    CHECK(app.shell_view().share.importing);
    CHECK(refused.stage == ui::ImportView::Stage::refused);
    CHECK(refused.file_name == "report.pdf");
    CHECK(refused.title == "This is not a Tandem file");

    app.file_too_large("huge.tandem", 80ull * 1024 * 1024 + 300 * 1024);
    CHECK(app.shell_view().notice->text ==
          "\xE2\x80\x9Chuge.tandem\xE2\x80\x9D is 80.3 MB. Tandem opens files of up to 64 MB, so it was not opened.");
    app.file_unreadable("gone.tandem");
    CHECK(app.shell_view().notice->text.find("could not be read") != std::string::npos);

    app.dispatch(ui::DismissNotice{});
    CHECK_FALSE(app.shell_view().notice.has_value());
}

TEST_CASE("file names from outside are shown safely") {
    CHECK(displayable_file_name("notes.tandem") == "notes.tandem");
    CHECK(displayable_file_name("\xC3\xA9l\xC3\xA8ve.tandem") == "\xC3\xA9l\xC3\xA8ve.tandem");
    CHECK(displayable_file_name("a\nb\x01" "c") == "abc");
    CHECK(displayable_file_name("bad\xFF.tandem") == "bad\xEF\xBF\xBD.tandem");
    const std::string long_name(200, 'x');
    const std::string shown = displayable_file_name(long_name);
    CHECK(shown == std::string(60, 'x') + "\xE2\x80\xA6");
}

TEST_CASE("sizes read as a file manager shows them") {
    CHECK(human_size(0) == "0 bytes");
    CHECK(human_size(1) == "1 byte");
    CHECK(human_size(1023) == "1023 bytes");
    CHECK(human_size(1024) == "1 KB");
    CHECK(human_size(3482) == "3.4 KB");
    CHECK(human_size(64ull * 1024 * 1024) == "64 MB");
    CHECK(human_size(150ull * 1024 * 1024) == "150 MB");
    CHECK(human_size(5ull * 1024 * 1024 * 1024) == "5 GB");
}

namespace {

// The test state's profile member: "profile":{...}.
std::string state_profile(App& app) {
    const std::string json = app.test_state_json();
    const std::size_t at = json.find(R"("profile":)");
    return json.substr(at, json.find('}', at) + 1 - at);
}

}  // namespace

TEST_CASE("typing a name creates the own profile, and later edits change it field by field") {
    OpenedApp opened;
    App& app = opened.app;
    CHECK_FALSE(app.own_person().has_value());
    CHECK(state_profile(app) == R"("profile":{"name":"","subject":""})");
    app.dispatch(ui::EditProfile{ui::ProfileField::name, "\xC3\x89l\xC3\xA8ve"});  // Élève
    REQUIRE(app.own_person().has_value());
    CHECK(state_profile(app) == "\"profile\":{\"name\":\"\xC3\x89l\xC3\xA8ve\",\"subject\":\"\"}");
    const RecordId id = *app.own_person();
    app.dispatch(ui::EditProfile{ui::ProfileField::subject, "Year 4"});
    app.dispatch(ui::EditProfile{ui::ProfileField::name, "Ana Kowalska"});
    CHECK(*app.own_person() == id);
    CHECK(state_profile(app) == R"("profile":{"name":"Ana Kowalska","subject":"Year 4"})");
    CHECK(app.shell_view().profile.name.problem.empty());
    CHECK(app.test_state_json().find(R"("saveStatus":"saved")") != std::string::npos);
}

TEST_CASE("what you teach, typed before a name, is kept with the name once given") {
    OpenedApp opened;
    App& app = opened.app;
    app.dispatch(ui::EditProfile{ui::ProfileField::subject, "Secondary science"});
    CHECK_FALSE(app.own_person().has_value());
    CHECK(app.shell_view().profile.subject.text == "Secondary science");
    CHECK(app.shell_view().profile.subject.problem == "Add your name above, and this is kept with it.");
    app.dispatch(ui::EditProfile{ui::ProfileField::name, "   "});
    CHECK_FALSE(app.own_person().has_value());
    CHECK(app.shell_view().profile.name.problem == "Your partner sees this name, so it cannot be empty.");
    app.dispatch(ui::EditProfile{ui::ProfileField::name, "Sam"});
    REQUIRE(app.own_person().has_value());
    CHECK(state_profile(app) == R"("profile":{"name":"Sam","subject":"Secondary science"})");
    CHECK(app.shell_view().profile.subject.problem.empty());
    CHECK(app.shell_view().profile.name.problem.empty());
}

TEST_CASE("a value that cannot be kept stays as typed, with the reason, and the stored one is unchanged") {
    OpenedApp opened;
    App& app = opened.app;
    app.dispatch(ui::EditProfile{ui::ProfileField::name, "Sam"});
    app.dispatch(ui::EditProfile{ui::ProfileField::name, ""});
    CHECK(app.shell_view().profile.name.text.empty());
    CHECK(app.shell_view().profile.name.problem == "Your partner sees this name, so it cannot be empty.");
    CHECK(state_profile(app) == R"("profile":{"name":"Sam","subject":""})");

    std::string long_name;
    for (int i = 0; i < 101; ++i) long_name += "\xC5\x81";  // 101 characters, 202 bytes
    app.dispatch(ui::EditProfile{ui::ProfileField::name, long_name});
    CHECK(app.shell_view().profile.name.text == long_name);
    CHECK(app.shell_view().profile.name.problem == "Please shorten this to 100 characters or fewer.");
    long_name.resize(200);  // 100 characters fit
    app.dispatch(ui::EditProfile{ui::ProfileField::name, long_name});
    CHECK(app.shell_view().profile.name.problem.empty());

    app.dispatch(ui::EditProfile{ui::ProfileField::subject, "Maths\nScience"});
    CHECK(app.shell_view().profile.subject.problem ==
          "This contains a line break or a character Tandem cannot keep here.");
    CHECK(state_profile(app).find(R"("subject":"")") != std::string::npos);
}

TEST_CASE("every refusal has a plain message") {
    for (int code = 0; code <= static_cast<int>(ErrorCode::storage_failed); ++code) {
        CommandError error{static_cast<ErrorCode>(code), Kind::person, 0, 100, {}};
        const std::string text = command_error_text(error);
        CHECK_MESSAGE(!text.empty(), error_code_name(error.code));
        CHECK_MESSAGE(text.back() == '.', error_code_name(error.code));
        CHECK(text.find("  ") == std::string::npos);
    }
    CHECK(command_error_text({ErrorCode::storage_failed, Kind::person, 0, 0, "disk I/O error."}) ==
          "Tandem could not keep this: disk I/O error.");
}

namespace {

template <class Request>
int count_requests(const std::vector<HostRequest>& requests) {
    int count = 0;
    for (const HostRequest& request : requests) count += std::holds_alternative<Request>(request) ? 1 : 0;
    return count;
}

std::string save_word(App& app) {
    const std::string json = app.test_state_json();
    const std::size_t at = json.find(R"("saveStatus":")") + 14;
    return json.substr(at, json.find('"', at) - at);
}

}  // namespace

TEST_CASE("the profile is kept in the page store and is there on the next visit") {
    MemoryPageStore pages;
    std::optional<crypto::PublicKeys> first_keys;
    ProfileKeys profile;
    {
        App app;
        profile = make_profile(app, pages);
        first_keys = app.public_keys();
        REQUIRE(first_keys.has_value());
        CHECK(count_requests<RequestPersistentStorage>(app.take_host_requests()) == 0);  // set-up is not the user's
        app.dispatch(ui::EditProfile{ui::ProfileField::name, "Ana Kowalska"});
        // The first save of the user's own work asks for persistent storage,
        // once, even when the store has it at once.
        CHECK(count_requests<RequestPersistentStorage>(app.take_host_requests()) == 1);
        app.dispatch(ui::EditProfile{ui::ProfileField::subject, "Year 4"});
        CHECK(app.all_saved());
        CHECK(save_word(app) == "saved");
        CHECK(count_requests<RequestPersistentStorage>(app.take_host_requests()) == 0);
        app.dispatch(ui::EditProfile{ui::ProfileField::subject, "Year 5"});
        CHECK(count_requests<RequestPersistentStorage>(app.take_host_requests()) == 0);
    }
    App again;
    unlock_profile(again, pages, profile);
    REQUIRE(again.own_person().has_value());
    CHECK(again.shell_view().profile.name.text == "Ana Kowalska");
    CHECK(again.public_keys() == first_keys);  // the same identity on every visit
    CHECK(again.shell_view().profile.subject.text == "Year 5");
    CHECK(state_profile(again) == R"("profile":{"name":"Ana Kowalska","subject":"Year 5"})");
}

TEST_CASE("a full store: the banner says so, the edit stays, and it lands when retried") {
    OpenedApp opened;
    App& app = opened.app;
    opened.pages.fail_next(2, store::PageStoreFailure::quota_exceeded);
    app.dispatch(ui::EditProfile{ui::ProfileField::name, "Sam"});
    CHECK(save_word(app) == "failed");
    CHECK_FALSE(app.all_saved());
    CHECK(app.shell_view().status.back().text == "Not saved: this computer\xE2\x80\x99s storage is full");
    CHECK(app.shell_view().status.back().problem);
    REQUIRE(app.shell_view().banner.has_value());
    CHECK(app.shell_view().banner->title == "Storage full");
    REQUIRE(app.shell_view().banner->actions.size() == 2);
    CHECK(std::holds_alternative<ui::RetrySaving>(app.shell_view().banner->actions[0].command));
    CHECK(std::holds_alternative<ui::ExportRecords>(app.shell_view().banner->actions[1].command));
    CHECK(state_profile(app) == R"("profile":{"name":"Sam","subject":""})");  // in memory meanwhile
    CHECK(app.retry_delay_ms() == 500);

    app.dispatch(ui::RetrySaving{});  // still full
    CHECK(app.retry_delay_ms() == 1000);
    app.dispatch(ui::RetrySaving{});
    CHECK(app.all_saved());
    CHECK(save_word(app) == "saved");
    CHECK_FALSE(app.shell_view().banner.has_value());
    CHECK_FALSE(app.retry_delay_ms().has_value());

    App again;
    unlock_profile(again, opened.pages, opened.profile);
    CHECK(again.shell_view().profile.name.text == "Sam");
}

TEST_CASE("failed writes are retried with growing waits, and a banner shows once they keep failing") {
    OpenedApp opened;
    App& app = opened.app;
    opened.pages.fail_next(20, store::PageStoreFailure::aborted);
    app.dispatch(ui::EditProfile{ui::ProfileField::name, "Sam"});
    CHECK(app.shell_view().status.back().text == "Not saved yet: trying again");
    CHECK_FALSE(app.shell_view().banner.has_value());  // one hiccup is not worth a banner
    std::vector<int> waits;
    for (int i = 0; i < 9; ++i) {
        waits.push_back(app.retry_delay_ms().value_or(-1));
        app.retry_saving();
    }
    CHECK(waits == std::vector<int>{500, 1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000});
    REQUIRE(app.shell_view().banner.has_value());
    CHECK(app.shell_view().banner->title == "Your latest changes are not saved yet");
}

TEST_CASE("a browser that keeps nothing: records in memory, said plainly, with a copy to download") {
    App app;
    app.open_records_in_memory();
    CHECK(app.records_state() == RecordsState::memory_only);
    CHECK(save_word(app) == "memory");
    REQUIRE(app.shell_view().banner.has_value());
    CHECK(app.shell_view().banner->title == "This browser will not keep your records");
    app.dispatch(ui::EditProfile{ui::ProfileField::name, "Sam"});
    CHECK(state_profile(app) == R"("profile":{"name":"Sam","subject":""})");
    app.dispatch(ui::ExportRecords{});
    const auto requests = app.take_host_requests();
    REQUIRE(requests.size() == 1);
    const auto& download = std::get<DownloadFile>(requests[0]);
    CHECK(download.name.rfind("tandem-records-", 0) == 0);
    CHECK(download.name.size() == std::string("tandem-records-2026-11-23.sqlite").size());
    REQUIRE(download.bytes.size() > 16);
    CHECK(std::string(download.bytes.begin(), download.bytes.begin() + 15) == "SQLite format 3");
    CHECK(app.shell_view().storage.where.find("only while this tab is open") != std::string::npos);
}

TEST_CASE("another tab: unlocking the profile here takes it over, and the tab it leaves turns read-only") {
    OpenedApp first;
    first.app.dispatch(ui::EditProfile{ui::ProfileField::name, "Sam"});

    App second;
    second.profile_found(first.profile.id, first.profile.name, 0);
    second.profiles_listed(false);
    second.dispatch(ui::ChooseProfile{first.profile.id});
    second.take_host_requests();
    second.records_elsewhere();
    REQUIRE(second.shell_view().vault.has_value());
    CHECK(second.shell_view().vault->elsewhere);
    second.dispatch(ui::EditVaultField{ui::VaultField::passphrase, first.profile.passphrase});
    second.dispatch(ui::UnlockProfile{});
    CHECK(count_requests<TakeOverRecords>(second.take_host_requests()) == 1);
    CHECK(second.records_state() == RecordsState::opening);

    // The first tab is asked to let go: it stops changing them, and lets go once saved.
    first.pages.defer_answers(true);
    first.app.dispatch(ui::EditProfile{ui::ProfileField::name, "Sam Patel"});
    first.app.records_taken_over();
    CHECK(save_word(first.app) == "read-only");
    CHECK(first.app.shell_view().read_only);
    CHECK(first.app.shell_view().banner->title == "Tandem is now in use in another tab");
    CHECK_FALSE(first.app.all_saved());  // the host waits for this before letting go
    first.pages.complete_pending();
    CHECK(first.app.all_saved());
    first.app.dispatch(ui::EditProfile{ui::ProfileField::name, "Someone else"});
    CHECK(first.app.shell_view().profile.name.problem == "Your records cannot be changed in this tab now.");

    // Then this tab reads them, and the unlock asked for goes on.
    second.records_loaded(first.pages, first.profile.header, false);
    tandem::testing::serve_keys(second, second.take_host_requests());
    REQUIRE(second.records_state() == RecordsState::kept);
    CHECK(second.shell_view().profile.name.text == "Sam Patel");
    CHECK_FALSE(second.shell_view().read_only);
}

TEST_CASE("records that cannot be opened are left untouched, named, and what can be read is offered") {
    MemoryPageStore pages;
    ProfileKeys profile;
    {
        App app;
        profile = make_profile(app, pages);
        app.dispatch(ui::EditProfile{ui::ProfileField::name, "Sam"});
    }
    REQUIRE(pages.pages().size() > 3);
    pages.pages().erase(3);
    const auto kept_pages = pages.pages();
    const auto kept_commit = pages.commit();
    const int writes = pages.writes();

    App app;
    unlock_profile(app, pages, profile, RecordsState::damaged);
    CHECK(app.records_state() == RecordsState::damaged);
    CHECK(save_word(app) == "damaged");
    CHECK(app.shell_view().read_only);
    REQUIRE(app.shell_view().banner.has_value());
    CHECK(app.shell_view().banner->text.find("Part of your records is missing (page 3).") == 0);
    app.dispatch(ui::EditProfile{ui::ProfileField::name, "Other"});
    app.dispatch(ui::ExportRecords{});
    const auto requests = app.take_host_requests();
    REQUIRE(requests.size() == 1);
    const auto& download = std::get<DownloadFile>(requests[0]);
    CHECK(download.name.rfind("tandem-readable-records-", 0) == 0);
    CHECK(download.bytes.size() == kept_commit->page_count * 4096);  // zeros where page 3 was
    CHECK(std::string(download.bytes.begin(), download.bytes.begin() + 15) == "SQLite format 3");
    CHECK(pages.writes() == writes);
    CHECK(pages.pages() == kept_pages);
    CHECK(pages.commit() == kept_commit);
}

TEST_CASE("Settings says where the records are kept and how much space they use") {
    OpenedApp opened;
    App& app = opened.app;
    app.take_host_requests();
    app.dispatch(ui::NavigateTo{ui::Screen::settings});
    CHECK(count_requests<RefreshStorageEstimate>(app.take_host_requests()) == 1);
    CHECK(app.shell_view().storage.where == "Your records are kept on this computer, in this browser, encrypted, and nowhere else.");
    CHECK(app.shell_view().storage.persistence.empty());
    app.storage_estimate(StorageEstimate{true, 3482, 2ull * 1024 * 1024 * 1024});
    CHECK(app.shell_view().storage.persistence == "The browser keeps them even when the computer runs short of space.");
    CHECK(app.shell_view().storage.usage == "Using 3.4 KB of the 2 GB this browser allows.");
    app.storage_estimate(StorageEstimate{false, std::nullopt, std::nullopt});
    CHECK(app.shell_view().storage.persistence.find("may clear them") != std::string::npos);
    CHECK(app.shell_view().storage.usage.empty());
}

namespace {
// The People row named `name`, or nullptr.
const ui::PersonRow* person_row(const App& app, const std::string& name) {
    for (const ui::PersonRow& row : app.shell_view().people.rows)
        if (row.name == name) return &row;
    return nullptr;
}
// The field labelled `label` of `form`.
const ui::FormField& form_field(const ui::RecordForm& form, const std::string& label) {
    for (const ui::FormField& field : form.fields)
        if (field.label == label) return field;
    FAIL("no field " << label);
    static ui::FormField none;
    return none;
}
// The field labelled `label` of the person shown on People.
const ui::FormField& person_field(const App& app, const std::string& label) {
    return form_field(app.shell_view().people.form, label);
}
}  // namespace

TEST_CASE("People: a person is added by name, listed in name order, and shown to edit") {
    OpenedApp opened;
    App& app = opened.app;
    app.dispatch(ui::NavigateTo{ui::Screen::people});
    CHECK(app.shell_view().people.rows.empty());
    // Others' records carry their author, so the user's own name comes first.
    CHECK(app.shell_view().people.needs_own_name);
    app.dispatch(ui::EditNewPersonName{"Sam Patel"});
    app.dispatch(ui::AddPerson{});
    CHECK(app.shell_view().people.rows.empty());
    app.dispatch(ui::EditProfile{ui::ProfileField::name, "Zoë Ångström"});
    app.dispatch(ui::NavigateTo{ui::Screen::people});
    CHECK_FALSE(app.shell_view().people.needs_own_name);
    for (const char* name : {"ana kowalska", "Sam Patel"}) {
        app.dispatch(ui::EditNewPersonName{name});
        app.dispatch(ui::AddPerson{});
    }
    const ui::PeopleView& people = app.shell_view().people;
    REQUIRE(people.rows.size() == 3);
    CHECK(people.rows[0].name == "ana kowalska");
    CHECK(people.rows[1].name == "Sam Patel");
    CHECK(people.rows[2].name == "Zoë Ångström");
    CHECK(people.new_name.empty());
    REQUIRE(people.selected.has_value());
    CHECK(*people.selected == people.rows[1].id);  // the last one added is shown
    CHECK(person_field(app, "Name").text == "Sam Patel");

    app.dispatch(ui::SelectPerson{people.rows[0].id});
    CHECK(person_field(app, "Name").text == "ana kowalska");
    app.dispatch(ui::EditField{Kind::person, people.rows[0].id, Person::fields::display_name, "Ana Kowalska", {}});
    CHECK(person_field(app, "Name").text == "Ana Kowalska");
    CHECK(person_field(app, "Name").problem.empty());
}

TEST_CASE("People: a blank name is refused in plain words, and what was typed stays") {
    OpenedApp opened;
    App& app = opened.app;
    app.dispatch(ui::EditProfile{ui::ProfileField::name, "Ana Kowalska"});
    app.dispatch(ui::NavigateTo{ui::Screen::people});
    app.dispatch(ui::EditNewPersonName{"   "});
    app.dispatch(ui::AddPerson{});
    CHECK(app.shell_view().people.rows.size() == 1);
    CHECK(app.shell_view().people.new_name == "   ");
    CHECK_FALSE(app.shell_view().people.new_name_problem.empty());

    app.dispatch(ui::EditNewPersonName{"Sam Patel"});
    CHECK(app.shell_view().people.new_name_problem.empty());
    app.dispatch(ui::AddPerson{});
    const RecordId sam = person_row(app, "Sam Patel")->id;
    // An edit the record refuses keeps the typed text beside its reason; the stored name stays.
    const std::string too_long(150, 'x');
    app.dispatch(ui::EditField{Kind::person, sam, Person::fields::display_name, too_long, {}});
    CHECK(person_field(app, "Name").text == too_long);
    CHECK(person_field(app, "Name").problem == command_error_text({ErrorCode::text_too_long, Kind::person,
                                                                   Person::fields::display_name, 100, {}}));
    CHECK(person_row(app, "Sam Patel") != nullptr);
    // A later edit that can be kept clears the reason.
    app.dispatch(ui::EditField{Kind::person, sam, Person::fields::display_name, "Sam Patel-Jones", {}});
    CHECK(person_field(app, "Name").problem.empty());
    CHECK(person_row(app, "Sam Patel-Jones") != nullptr);
}

TEST_CASE("People: roles, phase and career stage are chosen, and the list says what each person does") {
    OpenedApp opened;
    App& app = opened.app;
    app.dispatch(ui::EditProfile{ui::ProfileField::name, "Ana Kowalska"});
    app.dispatch(ui::NavigateTo{ui::Screen::people});
    app.dispatch(ui::EditNewPersonName{"Sam Patel"});
    app.dispatch(ui::AddPerson{});
    const RecordId sam = *app.shell_view().people.selected;
    app.dispatch(ui::EditField{Kind::person, sam, Person::fields::roles, {}, person_roles::coach | person_roles::coachee});
    app.dispatch(ui::EditField{Kind::person, sam, Person::fields::subject, "Year 4", {}});
    app.dispatch(ui::EditField{Kind::person, sam, Person::fields::career_stage, {},
                               static_cast<std::int64_t>(CareerStage::early_career)});
    CHECK(person_row(app, "Sam Patel")->detail == "Coach, coachee \xC2\xB7 Year 4");
    CHECK(person_field(app, "Roles").value == (person_roles::coach | person_roles::coachee));
    CHECK(person_field(app, "Career stage").value == static_cast<std::int64_t>(CareerStage::early_career));
    CHECK(person_field(app, "Career stage").options.at(2) == "Early career");
    CHECK(person_row(app, "Ana Kowalska")->detail == "You");

    // A choice outside the list is the core's to refuse; the stored value stays.
    app.dispatch(ui::EditField{Kind::person, sam, Person::fields::phase, {}, 99});
    CHECK_FALSE(person_field(app, "Phase").problem.empty());
    CHECK(person_field(app, "Phase").value == 0);
}

TEST_CASE("People: editing one's own person on People shows in Settings too") {
    OpenedApp opened;
    App& app = opened.app;
    app.dispatch(ui::EditProfile{ui::ProfileField::name, "Ana"});
    app.dispatch(ui::NavigateTo{ui::Screen::people});
    const RecordId me = *app.own_person();
    app.dispatch(ui::EditField{Kind::person, me, Person::fields::display_name, "Ana Kowalska", {}});
    CHECK(app.shell_view().profile.name.text == "Ana Kowalska");
}

TEST_CASE("record forms read typed dates and numbers, and keep what cannot be read with the reason") {
    OpenedApp opened;
    App& app = opened.app;
    app.dispatch(ui::EditProfile{ui::ProfileField::name, "Ana"});
    store::Database db = store::Database::open_in_memory().value();
    auto records = store::SqliteRecordStore::open(std::move(db)).value();
    testing::ManualWallClock wall(testing::test_epoch_ms);
    HybridClock clock(SiteId{7}, wall);
    testing::SeededRandom random(1);
    CommandContext context{*records, clock, random, RecordId{}};
    Person me;
    me.display_name = "Ana";
    context.actor = create_own_person(context, me).value();
    TimeLog draft;
    draft.logged_on = CalendarDate::from_ymd(2026, 11, 20);
    const RecordId log = create(context, draft).value();
    const Record stored = load_record(*records, Kind::time_log, log).value();
    RecordForms forms;
    const FormFieldDefinition definitions[] = {
        {TimeLog::fields::logged_on, ui::FormFieldType::date, "Day"},
        {TimeLog::fields::minutes, ui::FormFieldType::number, "Minutes"},
    };
    const DateReader dates(CalendarDate::from_ymd(2026, 11, 20), DayOrder::day_month);
    forms.apply(context, ui::EditField{Kind::time_log, log, TimeLog::fields::logged_on, "31/11/2026", {}}, definitions,
                dates);
    forms.apply(context, ui::EditField{Kind::time_log, log, TimeLog::fields::minutes, "forty", {}}, definitions, dates);
    ui::RecordForm form = forms.build(load_record(*records, Kind::time_log, log).value(), definitions, false, dates, context.actor);
    CHECK(form.fields[0].text == "31/11/2026");
    CHECK(form.fields[0].problem == "November 2026 has 30 days.");
    CHECK(form.fields[1].text == "forty");
    CHECK(form.fields[1].problem == "Write a whole number, for example 30.");
    CHECK(load_record(*records, Kind::time_log, log).value() == stored);
    CHECK(forms.unsaved() ==
          std::vector<std::string>{"Day: November 2026 has 30 days.", "Minutes: Write a whole number, for example 30."});

    forms.apply(context, ui::EditField{Kind::time_log, log, TimeLog::fields::logged_on, "24/11/2026", {}}, definitions,
                dates);
    forms.apply(context, ui::EditField{Kind::time_log, log, TimeLog::fields::minutes, " 45 ", {}}, definitions, dates);
    form = forms.build(load_record(*records, Kind::time_log, log).value(), definitions, false, dates, context.actor);
    CHECK(form.fields[0].text == "Tue 24 Nov");
    CHECK(form.fields[0].date == CalendarDate::from_ymd(2026, 11, 24));
    CHECK(form.fields[0].problem.empty());
    CHECK(form.fields[1].text == "45");
    CHECK(forms.unsaved().empty());
    const TimeLog kept = load<TimeLog>(*records, log).value();
    CHECK(kept.logged_on == CalendarDate::from_ymd(2026, 11, 24));
    CHECK(kept.minutes == 45);
}

namespace {
// The field labelled `label` of the pairing shown on Pairings.
const ui::FormField& pairing_field(const App& app, const std::string& label) {
    return form_field(app.shell_view().pairings.form, label);
}

// An app whose user is Ana, with Sam and Priya added on People.
struct AppWithPeople : OpenedApp {
    AppWithPeople() {
        app.dispatch(ui::EditProfile{ui::ProfileField::name, "Ana Kowalska"});
        app.dispatch(ui::NavigateTo{ui::Screen::people});
        for (const char* name : {"Sam Patel", "Priya Shah"}) {
            app.dispatch(ui::EditNewPersonName{name});
            app.dispatch(ui::AddPerson{});
        }
        app.dispatch(ui::NavigateTo{ui::Screen::pairings});
    }
};
}  // namespace

TEST_CASE("Pairings: a pairing starts with the user as coach, today, and the default agreement") {
    AppWithPeople opened;
    App& app = opened.app;
    CHECK(app.shell_view().pairings.rows.empty());
    app.dispatch(ui::BeginNewPairing{});
    const ui::NewPairingView& draft = app.shell_view().pairings.new_pairing;
    REQUIRE(app.shell_view().pairings.creating);
    REQUIRE(draft.people == std::vector<std::string>{"Ana Kowalska", "Priya Shah", "Sam Patel"});
    CHECK(draft.coach == 0);  // the user
    CHECK(draft.coachee == -1);
    CHECK(draft.starts_on == form_dates().words(local_today()));

    app.dispatch(ui::EditNewPairing{0, 2, "2026-09-01"});
    app.dispatch(ui::CreatePairing{});
    const ui::PairingsView& view = app.shell_view().pairings;
    CHECK_FALSE(view.creating);
    REQUIRE(view.rows.size() == 1);
    CHECK(view.rows[0].title == "Ana Kowalska coaching Sam Patel");
    CHECK(view.rows[0].detail == "Fortnightly \xC2\xB7 since " + form_dates().words(CalendarDate::from_ymd(2026, 9, 1)));
    REQUIRE(view.selected.has_value());
    CHECK(pairing_field(app, "Confidentiality").text == default_confidentiality);
    CHECK(pairing_field(app, "The coachee may bring appraisal targets").value == 0);
    CHECK(pairing_field(app, "Time allowance (hours a year)").text == "12");
    REQUIRE(view.allowance.has_value());
    CHECK(view.allowance->used_fraction == 0.0f);
    CHECK(view.allowance->summary == "0 min of 12 h used this year, since " +
                                         form_dates().words(yearly_period_containing(CalendarDate::from_ymd(2026, 9, 1), local_today()).first) +
                                         ". Spend them as it suits you both.");
}

TEST_CASE("Pairings: nobody coaches themselves, and a bad first day is named") {
    AppWithPeople opened;
    App& app = opened.app;
    app.dispatch(ui::BeginNewPairing{});
    app.dispatch(ui::CreatePairing{});
    CHECK(app.shell_view().pairings.new_pairing.problem == "Choose the coach and the coachee.");
    app.dispatch(ui::EditNewPairing{1, 1, "2026-09-01"});
    app.dispatch(ui::CreatePairing{});
    CHECK_FALSE(app.shell_view().pairings.new_pairing.problem.empty());
    CHECK(app.shell_view().pairings.rows.empty());
    app.dispatch(ui::EditNewPairing{1, 2, "31/9/2026"});
    CHECK(app.shell_view().pairings.new_pairing.problem.empty());
    app.dispatch(ui::CreatePairing{});
    CHECK(app.shell_view().pairings.new_pairing.problem == "September 2026 has 30 days.");
    CHECK(app.shell_view().pairings.new_pairing.starts_on == "31/9/2026");
    CHECK(app.shell_view().pairings.rows.empty());
}

TEST_CASE("Pairings: the allowance is typed in hours, and cadence and model are chosen") {
    AppWithPeople opened;
    App& app = opened.app;
    app.dispatch(ui::BeginNewPairing{});
    app.dispatch(ui::EditNewPairing{1, 0, "2026-09-01"});  // Priya coaches Ana
    app.dispatch(ui::CreatePairing{});
    const RecordId pairing = *app.shell_view().pairings.selected;
    app.dispatch(ui::EditField{Kind::pairing, pairing, Pairing::fields::allowance_minutes, "7,5", {}});
    CHECK(pairing_field(app, "Time allowance (hours a year)").text == "7.5");
    app.dispatch(ui::EditField{Kind::pairing, pairing, Pairing::fields::allowance_minutes, "lots", {}});
    CHECK(pairing_field(app, "Time allowance (hours a year)").text == "lots");
    CHECK_FALSE(pairing_field(app, "Time allowance (hours a year)").problem.empty());
    app.dispatch(ui::EditField{Kind::pairing, pairing, Pairing::fields::cadence, {},
                               static_cast<std::int64_t>(Cadence::weekly)});
    app.dispatch(ui::EditField{Kind::pairing, pairing, Pairing::fields::model, {},
                               static_cast<std::int64_t>(CoachingModel::grow)});
    CHECK(app.shell_view().pairings.rows.at(0).title == "Priya Shah coaching Ana Kowalska");
    CHECK(app.shell_view().pairings.rows.at(0).detail == "Weekly \xC2\xB7 GROW \xC2\xB7 since " + form_dates().words(CalendarDate::from_ymd(2026, 9, 1)));
    CHECK(app.shell_view().pairings.allowance->summary == "0 min of 7 h 30 min used this year, since " +
                                                               form_dates().words(yearly_period_containing(CalendarDate::from_ymd(2026, 9, 1), local_today()).first) +
                                                               ". Spend them as it suits you both.");
}

namespace {
// An app with Ana coaching Sam in a GROW pairing, shown on Pairings.
struct AppWithPairing : AppWithPeople {
    RecordId pairing;
    AppWithPairing() {
        app.dispatch(ui::BeginNewPairing{});
        app.dispatch(ui::EditNewPairing{0, 2, "2026-09-01"});
        app.dispatch(ui::CreatePairing{});
        pairing = *app.shell_view().pairings.selected;
        app.dispatch(ui::EditField{Kind::pairing, pairing, Pairing::fields::model, {},
                                   static_cast<std::int64_t>(CoachingModel::grow)});
    }
};
std::vector<std::string> labels_of(const ui::RecordForm& form) {
    std::vector<std::string> labels;
    for (const ui::FormField& field : form.fields) labels.push_back(field.label);
    return labels;
}
}  // namespace

TEST_CASE("a date that cannot be read is named on the status line and never shown as saved") {
    AppWithPairing opened;
    App& app = opened.app;
    app.dispatch(ui::NewMeeting{opened.pairing});
    const RecordId meeting = app.shell_view().meeting.id;
    app.dispatch(ui::EditField{Kind::meeting, meeting, MeetingFields::next_on, "30/2/2027", {}});
    ui::ShellView view = app.shell_view();
    CHECK(form_field(view.meeting.details, "Next meeting").text == "30/2/2027");
    CHECK(form_field(view.meeting.details, "Next meeting").problem == "February 2027 has 28 days.");
    REQUIRE(view.status.size() == 2);
    CHECK(view.status[0].text == "Not saved: Next meeting: February 2027 has 28 days.");
    CHECK(view.status[0].problem);
    CHECK(view.status[1].text == "Everything else is saved");
    // Unchanged: the next meeting the pairing's fortnightly rhythm proposed.
    CHECK(load<Meeting>(opened.store(), meeting).value().next_on == local_today().plus_days(14));

    // Read as written, it is stored and shown as people read dates.
    app.dispatch(ui::EditField{Kind::meeting, meeting, MeetingFields::next_on, "21/12/2026", {}});
    view = app.shell_view();
    CHECK(form_field(view.meeting.details, "Next meeting").text ==
          form_dates().words(CalendarDate::from_ymd(2026, 12, 21)));
    CHECK(form_field(view.meeting.details, "Next meeting").problem.empty());
    REQUIRE(view.status.size() == 1);
    CHECK(view.status[0].text == "Saved at " + clock_text());
    CHECK(load<Meeting>(opened.store(), meeting).value().next_on == CalendarDate::from_ymd(2026, 12, 21));
}

TEST_CASE("a meeting opened and left without a change leaves nothing behind; one with a change stays") {
    AppWithPairing opened;
    App& app = opened.app;
    const auto meetings = [&] { return app.shell_view().pairings.meetings.size(); };
    app.dispatch(ui::NewMeeting{opened.pairing});
    CHECK(app.screen() == ui::Screen::meeting);
    app.dispatch(ui::NavigateTo{ui::Screen::pairings});
    CHECK(meetings() == 0);
    REQUIRE(app.shell_view().pairings.allowance.has_value());
    CHECK(app.shell_view().pairings.allowance->used_fraction == 0.0f);
    CHECK(app.shell_view().undo.empty());  // nothing the user deleted

    // A refused date typed is kept with the meeting, so nothing typed is lost.
    app.dispatch(ui::NewMeeting{opened.pairing});
    app.dispatch(ui::EditField{Kind::meeting, app.shell_view().meeting.id, MeetingFields::next_on, "someday", {}});
    app.dispatch(ui::NavigateTo{ui::Screen::today});
    app.dispatch(ui::NavigateTo{ui::Screen::pairings});
    CHECK(meetings() == 1);

    // A long text still waiting for a pause in typing counts as a change,
    // even when the screen changes without a command (a file dropped).
    app.dispatch(ui::NewMeeting{opened.pairing});
    const std::string long_goal(30'000, 'g');
    app.dispatch(ui::EditField{Kind::meeting, app.shell_view().meeting.id, MeetingFields::grow_goal, long_goal, {}});
    app.file_opened("notes.txt", std::vector<std::uint8_t>{'h', 'i'});
    app.finish_pending_work();
    app.dispatch(ui::NavigateTo{ui::Screen::pairings});
    CHECK(meetings() == 2);

    app.dispatch(ui::NewMeeting{opened.pairing});
    app.dispatch(ui::EditNewStep{"Greet at the door"});
    app.dispatch(ui::AddActionStep{app.shell_view().meeting.id, std::nullopt});
    app.dispatch(ui::NavigateTo{ui::Screen::pairings});
    CHECK(meetings() == 3);
}

TEST_CASE("Meetings: recorded from the pairing, with the pairing's model and the fields of that model") {
    AppWithPairing opened;
    App& app = opened.app;
    const ui::Screen remembered = app.preferences().screen;
    app.dispatch(ui::NewMeeting{opened.pairing});
    CHECK(app.screen() == ui::Screen::meeting);
    CHECK(app.preferences().screen == remembered);  // the next visit opens on a sidebar screen, not the meeting
    const ui::MeetingView& meeting = app.shell_view().meeting;
    CHECK(meeting.title == "Meeting with Sam Patel");
    CHECK(form_field(meeting.details, "Model").value == static_cast<std::int64_t>(CoachingModel::grow));
    CHECK(form_field(meeting.details, "Status").value == static_cast<std::int64_t>(MeetingStatus::held));
    CHECK(labels_of(meeting.conversation) == std::vector<std::string>{"Goal", "Reality", "Options", "Will", "Shared notes"});
    CHECK(app.test_state_json().find(R"("screen":"meeting","recordId":")" + meeting.id.hex()) != std::string::npos);

    app.dispatch(ui::EditField{Kind::meeting, meeting.id, Meeting::fields::grow_goal, "Calmer starts to lessons", {}});
    CHECK(form_field(app.shell_view().meeting.conversation, "Goal").text == "Calmer starts to lessons");
    // Another model shows its own fields; what was written under GROW is kept.
    app.dispatch(ui::EditField{Kind::meeting, meeting.id, Meeting::fields::model, {},
                               static_cast<std::int64_t>(CoachingModel::action_step)});
    CHECK(labels_of(app.shell_view().meeting.conversation) ==
          std::vector<std::string>{"Precise praise", "Probe", "See it", "Name it", "Do it", "Shared notes"});
    CHECK(load<Meeting>(opened.store(), meeting.id).value().grow_goal == "Calmer starts to lessons");

    app.dispatch(ui::NavigateTo{ui::Screen::pairings});
    REQUIRE(app.shell_view().pairings.meetings.size() == 1);
    CHECK(app.shell_view().pairings.meetings[0].title == "Meeting on " + today_text());
    CHECK(app.shell_view().pairings.meetings[0].detail == "Calmer starts to lessons");  // its first words
}

TEST_CASE("Meetings: each stance has its own prompt, with a hint from the coachee's career stage") {
    AppWithPairing opened;
    App& app = opened.app;
    app.dispatch(ui::NavigateTo{ui::Screen::people});
    const RecordId sam = person_row(app, "Sam Patel")->id;
    app.dispatch(ui::EditField{Kind::person, sam, Person::fields::career_stage, {},
                               static_cast<std::int64_t>(CareerStage::experienced)});
    app.dispatch(ui::NavigateTo{ui::Screen::pairings});
    app.dispatch(ui::SelectPairing{opened.pairing});
    app.dispatch(ui::NewMeeting{opened.pairing});
    const RecordId id = app.shell_view().meeting.id;
    const std::string unset = app.shell_view().meeting.stance_prompt;
    CHECK(app.shell_view().meeting.stage_hint == "Experienced teachers often get most from questions that let them lead.");
    std::vector<std::string> prompts{unset};
    for (Stance stance : {Stance::facilitative, Stance::dialogical, Stance::directive}) {
        app.dispatch(ui::EditField{Kind::meeting, id, Meeting::fields::stance, {}, static_cast<std::int64_t>(stance)});
        prompts.push_back(app.shell_view().meeting.stance_prompt);
    }
    std::sort(prompts.begin(), prompts.end());
    CHECK(std::adjacent_find(prompts.begin(), prompts.end()) == prompts.end());
}

TEST_CASE("Meetings: the private note is its author's alone, and emptying it deletes it") {
    AppWithPairing opened;
    App& app = opened.app;
    app.dispatch(ui::NewMeeting{opened.pairing});
    const RecordId id = app.shell_view().meeting.id;
    app.dispatch(ui::EditPrivateNote{id, "I talked too much."});
    app.dispatch(ui::EditPrivateNote{id, "I talked too much. Ask more."});
    auto notes = opened.store().load_all(Kind::note).value();
    REQUIRE(notes.size() == 1);
    CHECK(notes[0].visibility == Visibility::private_to_author);
    CHECK(notes[0].created_by == *app.own_person());
    CHECK(from_record<Note>(notes[0]).body == "I talked too much. Ask more.");
    CHECK(from_record<Note>(notes[0]).meeting == id);

    // Opened again, the meeting shows the note as stored.
    app.dispatch(ui::NavigateTo{ui::Screen::pairings});
    app.dispatch(ui::OpenMeeting{id});
    CHECK(app.shell_view().meeting.private_note == "I talked too much. Ask more.");
    app.dispatch(ui::EditPrivateNote{id, ""});
    CHECK(opened.store().load_all(Kind::note).value()[0].is_deleted());
    app.dispatch(ui::OpenMeeting{id});
    CHECK(app.shell_view().meeting.private_note.empty());
}

TEST_CASE("Meetings: a long note shows as typed at once and is stored once typing pauses, or before anything else") {
    AppWithPairing opened;
    App& app = opened.app;
    app.dispatch(ui::NewMeeting{opened.pairing});
    const RecordId id = app.shell_view().meeting.id;
    std::string note;
    while (note.size() < 30'000) note += "Students settled faster once the task was on the board. ";
    const auto edit = [&](std::string text) {
        app.dispatch(ui::EditField{Kind::meeting, id, Meeting::fields::shared_notes, std::move(text), {}});
    };
    const auto stored = [&] { return load<Meeting>(opened.store(), id).value().shared_notes; };

    edit(note);
    CHECK(form_field(app.shell_view().meeting.conversation, "Shared notes").text == note);
    CHECK(stored().empty());
    CHECK_FALSE(app.all_saved());
    CHECK(app.test_state_json().find(R"("saveStatus":"saving")") != std::string::npos);
    REQUIRE(app.work_delay_ms());
    CHECK(*app.work_delay_ms() <= 250);
    edit(note + "More.");  // replaces the edit waiting
    CHECK(stored().empty());
    app.finish_pending_work();
    CHECK(stored() == note + "More.");
    CHECK_FALSE(app.work_delay_ms());

    // Any other command stores the waiting edit first; so does leaving the page.
    edit(note + "Again.");
    app.dispatch(ui::NavigateTo{ui::Screen::pairings});
    CHECK(stored() == note + "Again.");
    app.dispatch(ui::OpenMeeting{id});
    app.dispatch(ui::EditPrivateNote{id, note});
    CHECK(opened.store().load_all(Kind::note).value().empty());
    // The screen read again meanwhile (a key derived, a file opened) still shows it as typed.
    app.passphrase_key_derived(987'654, std::nullopt);
    CHECK(app.shell_view().meeting.private_note == note);
    app.flush_saves();
    REQUIRE(opened.store().load_all(Kind::note).value().size() == 1);

    // A short edit is stored at once.
    edit("Short.");
    CHECK(stored() == "Short.");
    CHECK_FALSE(app.work_delay_ms());

    // Another tab taking the records over first stores the edit waiting.
    edit(note + "Last.");
    app.records_taken_over();
    CHECK(stored() == note + "Last.");
    CHECK(app.all_saved());
}

TEST_CASE("the test state counts the records by kind, deleted ones left out") {
    AppWithPairing opened;
    App& app = opened.app;
    app.dispatch(ui::NewMeeting{opened.pairing});
    const RecordId meeting = app.shell_view().meeting.id;
    app.dispatch(ui::EditPrivateNote{meeting, "Mine alone."});
    CHECK(app.test_state_json().find(R"("counts":{"people":3,"pairings":1,"meetings":1,"actionSteps":0,"notes":1})") !=
          std::string::npos);
    app.dispatch(ui::EditPrivateNote{meeting, ""});
    CHECK(app.test_state_json().find(R"("notes":0)") != std::string::npos);
}

TEST_CASE("Action steps: set from the library or written fresh, with a status history that stays") {
    AppWithPairing opened;
    App& app = opened.app;
    app.dispatch(ui::NewMeeting{opened.pairing});
    const RecordId meeting = app.shell_view().meeting.id;
    app.dispatch(ui::EditField{Kind::meeting, meeting, Meeting::fields::next_on, "2026-12-08", {}});
    const ui::ActionStepsView* steps = &app.shell_view().meeting.steps;
    CHECK(steps->steps.empty());
    std::size_t offered = 0;
    for (const ui::LibraryStepGroup& group : steps->library) offered += group.steps.size();
    CHECK(offered == tandem::starter_library().size());
    for (std::size_t i = 1; i < steps->library.size(); ++i) CHECK(steps->library[i - 1].area < steps->library[i].area);

    // Typing narrows the library to the entries with every word typed.
    app.dispatch(ui::FindLibraryStep{"QUESTION wait"});
    steps = &app.shell_view().meeting.steps;
    CHECK(steps->library_filter == "QUESTION wait");
    REQUIRE_FALSE(steps->library.empty());
    for (const ui::LibraryStepGroup& group : steps->library)
        for (const ui::LibraryStepOption& option : group.steps) {
            std::string folded = group.area + " " + option.title + " " + option.wording;
            for (char& c : folded) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            CHECK(folded.find("question") != std::string::npos);
            CHECK(folded.find("wait") != std::string::npos);
        }
    const ui::LibraryStepGroup& group = steps->library.front();
    const std::string chosen_title = group.area + ": " + group.steps.front().title;
    app.dispatch(ui::AddActionStep{meeting, group.steps.front().entry});
    steps = &app.shell_view().meeting.steps;
    REQUIRE(steps->steps.size() == 1);
    CHECK(steps->library_filter.empty());  // the whole library again for the next step
    app.dispatch(ui::FindLibraryStep{"zebra crossing"});
    CHECK(app.shell_view().meeting.steps.library.empty());
    app.dispatch(ui::FindLibraryStep{""});
    steps = &app.shell_view().meeting.steps;
    const ui::ActionStepView& from_library = steps->steps[0];
    const tandem::StarterEntry* starter = nullptr;
    for (const tandem::StarterEntry& entry : tandem::starter_library())
        if (std::string(tandem::library_area_name(entry.area)) + ": " + std::string(entry.title) == chosen_title) starter = &entry;
    REQUIRE(starter != nullptr);
    CHECK(form_field(from_library.form, "The step").text == starter->wording);
    CHECK(form_field(from_library.form, "Success looks like").text == starter->success_criteria);
    CHECK(form_field(from_library.form, "Check back on").text ==
          form_dates().words(CalendarDate::from_ymd(2026, 12, 8)));  // the next meeting
    CHECK(from_library.status == StepStatus::planned);
    CHECK(from_library.history.size() == 1);

    // A step of their own: a blank one is refused plainly; Enter or the button sets it.
    app.dispatch(ui::EditNewStep{"   "});
    app.dispatch(ui::AddActionStep{meeting, std::nullopt});
    CHECK_FALSE(app.shell_view().meeting.steps.problem.empty());
    CHECK(app.shell_view().meeting.steps.new_wording == "   ");
    app.dispatch(ui::EditNewStep{"Greet each student at the door"});
    app.dispatch(ui::AddActionStep{meeting, std::nullopt});
    steps = &app.shell_view().meeting.steps;
    REQUIRE(steps->steps.size() == 2);
    CHECK(steps->new_wording.empty());
    CHECK(steps->problem.empty());
    const RecordId own = steps->steps[1].form.id;
    CHECK(form_field(steps->steps[1].form, "The step").text == "Greet each student at the door");

    app.dispatch(ui::SetStepStatus{own, StepStatus::practising});
    app.dispatch(ui::SetStepStatus{own, StepStatus::embedded});
    const ui::ActionStepView& moved = app.shell_view().meeting.steps.steps[1];
    CHECK(moved.status == StepStatus::embedded);
    REQUIRE(moved.history.size() == 3);
    CHECK(moved.history[1] == "Practising on " + today_text());
    CHECK(moved.history[2] == "Embedded on " + today_text());
    CHECK(load<ActionStep>(opened.store(), own).value().status == StepStatus::embedded);
    CHECK(app.test_state_json().find(R"("actionSteps":2)") != std::string::npos);

    // Opened again, the meeting lists both, in the order they were set.
    app.dispatch(ui::NavigateTo{ui::Screen::pairings});
    app.dispatch(ui::OpenMeeting{meeting});
    REQUIRE(app.shell_view().meeting.steps.steps.size() == 2);
    CHECK(app.shell_view().meeting.steps.steps[1].form.id == own);
}

TEST_CASE("Observations: notes stamped with the time, tallies counted by taps, and no grade anywhere") {
    AppWithPairing opened;
    App& app = opened.app;
    app.dispatch(ui::NewObservation{opened.pairing});
    REQUIRE(app.screen() == ui::Screen::observation);
    const ui::ObservationView* view = &app.shell_view().observation;
    const RecordId observation = view->id;
    CHECK(view->title == "Lesson visit: Sam Patel");
    CHECK(labels_of(view->details) == std::vector<std::string>{"Focus of the visit", "Class", "Date", "Length (minutes)"});
    for (const ui::FormField& field : view->details.fields) CHECK(field.label.find("rade") == std::string::npos);
    CHECK(app.test_state_json().find(R"("screen":"observation","recordId":")" + observation.hex()) != std::string::npos);
    app.dispatch(ui::EditField{Kind::observation, observation, Observation::fields::focus, "Wait time", {}});

    const std::time_t before = std::time(nullptr);
    for (const char* note : {"T asks, waits 3 s", "6 hands up", "Cold call: S answers"}) {
        app.dispatch(ui::EditNewObservationNote{note});
        app.dispatch(ui::AddObservationNote{observation});
        CHECK(app.shell_view().observation.new_note.empty());
    }
    view = &app.shell_view().observation;
    REQUIRE(view->notes.size() == 3);
    CHECK(form_field(view->notes[0], view->notes[0].fields[0].label).text == "T asks, waits 3 s");
    std::tm parts{};
    localtime_r(&before, &parts);
    // "0 min in · 09:14": minutes into the visit, then the clock.
    const std::string label = view->notes[2].fields[0].label;
    REQUIRE(label.rfind("0 min in ", 0) == 0);  // the three notes came within a minute
    const std::string time = label.substr(label.size() - 5);
    CHECK(view->notes[2].fields[0].type == ui::FormFieldType::paragraph);
    const int minutes_apart =
        ((std::stoi(time.substr(0, 2)) * 60 + std::stoi(time.substr(3)) - (parts.tm_hour * 60 + parts.tm_min)) % 1440 +
         1440) % 1440;
    CHECK(minutes_apart <= 1);

    // A blank note is not added, and says why.
    app.dispatch(ui::EditNewObservationNote{""});
    app.dispatch(ui::AddObservationNote{observation});
    CHECK_FALSE(app.shell_view().observation.note_problem.empty());
    CHECK(app.shell_view().observation.notes.size() == 3);

    app.dispatch(ui::EditNewTally{"Cold calls"});
    app.dispatch(ui::AddTally{observation});
    REQUIRE(app.shell_view().observation.tallies.size() == 1);
    const RecordId tally = app.shell_view().observation.tallies[0].id;
    for (int tap = 0; tap < 3; ++tap) app.dispatch(ui::CountTally{tally, 1});
    app.dispatch(ui::CountTally{tally, -1});
    CHECK(app.shell_view().observation.tallies[0].total == 2);
    for (int tap = 0; tap < 4; ++tap) app.dispatch(ui::CountTally{tally, -1});
    CHECK(app.shell_view().observation.tallies[0].total == 0);  // never below zero
    app.dispatch(ui::CountTally{tally, 1});
    CHECK(load<Tally>(opened.store(), tally).value().total == 1);

    // The pairing lists the visit with its focus, and it opens again.
    app.dispatch(ui::NavigateTo{ui::Screen::pairings});
    REQUIRE(app.shell_view().pairings.observations.size() == 1);
    CHECK(app.shell_view().pairings.observations[0].detail == "Focus: Wait time");
    app.dispatch(ui::OpenObservation{observation});
    CHECK(app.screen() == ui::Screen::observation);
    CHECK(app.shell_view().observation.notes.size() == 3);
}

TEST_CASE("Reflections: written from the pairing, kept with the first words, shared or for the writer alone") {
    AppWithPairing opened;
    App& app = opened.app;
    app.dispatch(ui::NewReflection{opened.pairing});
    REQUIRE(app.screen() == ui::Screen::reflection);
    const ui::ReflectionView& view = app.shell_view().reflection;
    CHECK_FALSE(view.privacy_fixed);
    CHECK(view.prompts.size() > 1);
    // Nothing is kept until there are words.
    app.dispatch(ui::EditReflection{2, false, "  "});
    CHECK(opened.store().load_all(Kind::reflection).value().empty());
    app.dispatch(ui::EditReflection{2, false, "Quieter students answered."});
    auto stored = opened.store().load_all(Kind::reflection).value();
    REQUIRE(stored.size() == 1);
    CHECK(stored[0].visibility == Visibility::shared);
    CHECK(from_record<Reflection>(stored[0]).prompt == app.shell_view().reflection.prompts[2]);
    CHECK_FALSE(app.shell_view().reflection.privacy_fixed);  // not sent yet
    // Made private, and shared again: nothing has been sent, so it may.
    app.dispatch(ui::EditReflection{2, true, "Quieter students answered."});
    CHECK(app.shell_view().reflection.private_to_me);
    CHECK(opened.store().load_all(Kind::reflection).value()[0].visibility == Visibility::private_to_author);
    app.dispatch(ui::EditReflection{2, false, "Quieter students answered."});
    CHECK(opened.store().load_all(Kind::reflection).value()[0].visibility == Visibility::shared);
    CHECK(app.test_state_json().find(R"("screen":"reflection","recordId":")" + stored[0].id.hex()) != std::string::npos);
    // Emptied, it is refused plainly and what was typed stays.
    app.dispatch(ui::EditReflection{2, false, ""});
    CHECK_FALSE(app.shell_view().reflection.problem.empty());
    CHECK(from_record<Reflection>(opened.store().load_all(Kind::reflection).value()[0]).body ==
          "Quieter students answered.");
    app.dispatch(ui::EditReflection{2, false, "Quieter students answered when given time."});

    // A private one, listed on the pairing as private, newest first.
    app.dispatch(ui::NewReflection{opened.pairing});
    app.dispatch(ui::EditReflection{0, true, "I worry I rush them."});
    app.dispatch(ui::NavigateTo{ui::Screen::pairings});
    const auto& rows = app.shell_view().pairings.reflections;
    REQUIRE(rows.size() == 2);
    CHECK(rows[0].title == "Your reflection on " + today_text() + dot + "private to you");
    CHECK(rows[1].title == "Your reflection on " + today_text());
    CHECK(rows[0].detail == "I worry I rush them.");
    CHECK(rows[1].detail == "Quieter students answered when given time.");
    app.dispatch(ui::OpenReflection{rows[0].id});
    CHECK(app.shell_view().reflection.private_to_me);
    CHECK(app.shell_view().reflection.body == "I worry I rush them.");
}

TEST_CASE("Search: finds words from meetings, steps, visits and reflections, and opens each where it belongs") {
    AppWithPairing opened;
    App& app = opened.app;
    app.dispatch(ui::NewMeeting{opened.pairing});
    const RecordId meeting = app.shell_view().meeting.id;
    app.dispatch(ui::EditField{Kind::meeting, meeting, Meeting::fields::grow_goal, "Smoother starts to lessons", {}});
    app.dispatch(ui::EditNewStep{"Greet each student at the threshold"});
    app.dispatch(ui::AddActionStep{meeting, std::nullopt});
    app.dispatch(ui::NewObservation{opened.pairing});
    const RecordId visit = app.shell_view().observation.id;
    app.dispatch(ui::EditNewObservationNote{"Hands up after a long wait, settled"});
    app.dispatch(ui::AddObservationNote{visit});
    app.dispatch(ui::NewReflection{opened.pairing});
    app.dispatch(ui::EditReflection{0, false, "Quieter students answered"});

    app.dispatch(ui::NavigateTo{ui::Screen::search});
    const auto search = [&](const char* text) {
        app.dispatch(ui::EditSearch{text});
        CHECK(app.shell_view().search.query == text);  // shown at once
        CHECK(app.work_delay_ms().has_value());        // the results once typing pauses
        app.finish_pending_work();
        CHECK_FALSE(app.work_delay_ms().has_value());
        return app.shell_view().search;
    };
    const ui::SearchView smoother = search("smooth");
    REQUIRE(smoother.results.size() == 1);
    CHECK(smoother.summary == "1 result");
    CHECK(smoother.results[0].title == "Meeting" + (dot + ("Sam Patel" + (dot + today_text()))));
    REQUIRE(smoother.results[0].marked.size() == 1);
    const ui::TextRange mark = smoother.results[0].marked[0];
    CHECK(smoother.results[0].snippet.substr(mark.begin, mark.end - mark.begin) == "Smoother");
    app.dispatch(ui::OpenSearchResult{0});
    CHECK(app.screen() == ui::Screen::meeting);
    CHECK(app.shell_view().meeting.id == meeting);

    app.dispatch(ui::NavigateTo{ui::Screen::search});
    CHECK(app.shell_view().search.query == "smooth");  // the last search is still there
    CHECK(search("threshold").results.at(0).title == "Action step" + (dot + ("Sam Patel" + (dot + today_text()))));
    app.dispatch(ui::OpenSearchResult{0});
    CHECK(app.shell_view().meeting.id == meeting);  // a step opens on its meeting

    app.dispatch(ui::NavigateTo{ui::Screen::search});
    CHECK(search("settled").results.at(0).title == "Lesson visit note" + (dot + std::string("Sam Patel")));
    app.dispatch(ui::OpenSearchResult{0});
    CHECK(app.screen() == ui::Screen::observation);
    CHECK(app.shell_view().observation.id == visit);

    app.dispatch(ui::NavigateTo{ui::Screen::search});
    CHECK(search("quieter").results.size() == 1);
    CHECK(app.shell_view().search.results[0].snippet.find('\n') == std::string::npos);  // one line
    app.dispatch(ui::OpenSearchResult{0});
    CHECK(app.screen() == ui::Screen::reflection);
    CHECK(app.shell_view().reflection.body == "Quieter students answered");

    // Esc goes back to where search was opened from; nothing found says what to try.
    app.dispatch(ui::NavigateTo{ui::Screen::search});
    CHECK(search("zebra").summary.rfind("Nothing found", 0) == 0);
    const ui::SearchView one_letter = search("q");  // one letter waits for a second
    CHECK(one_letter.results.empty());
    CHECK(one_letter.summary == "Type another letter to search.");
    CHECK(search("quiete").results.size() == 1);
    app.dispatch(ui::OpenSearchResult{3});  // out of range: nothing happens
    CHECK(app.screen() == ui::Screen::search);
    app.dispatch(ui::CloseSearch{});
    CHECK(app.screen() == ui::Screen::reflection);
    CHECK(ui::parent_screen(app.preferences().screen) == ui::Screen::pairings);  // the next visit opens there
}

TEST_CASE("Today: first steps before there is anything, then what needs the user, each a click from its record") {
    OpenedApp opened;
    App& app = opened.app;
    app.dispatch(ui::NavigateTo{ui::Screen::today});
    CHECK(app.shell_view().today.needs_own_name);
    CHECK(long_date_text(CalendarDate::from_ymd(2026, 12, 1)) == "Tuesday 1 December 2026");

    AppWithPairing paired;
    App& other = paired.app;
    other.dispatch(ui::NavigateTo{ui::Screen::today});
    CHECK_FALSE(other.shell_view().today.needs_own_name);
    CHECK(other.shell_view().today.has_pairings);
    // Started in September with no meeting since: a gentle nudge, which leads to the pairing.
    REQUIRE(other.shell_view().today.sections.size() == 1);
    CHECK(other.shell_view().today.sections[0].heading == "Pairings that have gone quiet");
    CHECK(other.shell_view().today.sections[0].rows.at(0).title == "Catch up with Sam Patel");
    other.dispatch(ui::OpenAgendaItem{other.shell_view().today.sections[0].indexes.at(0)});
    CHECK(other.screen() == ui::Screen::pairings);
    CHECK(other.shell_view().pairings.selected == paired.pairing);

    // A meeting with a step whose check-back is today, and a meeting planned for today.
    other.dispatch(ui::NewMeeting{paired.pairing});
    const RecordId meeting = other.shell_view().meeting.id;
    other.dispatch(ui::EditNewStep{"Greet each student at the door"});
    other.dispatch(ui::AddActionStep{meeting, std::nullopt});
    const RecordId step = other.shell_view().meeting.steps.steps.at(0).form.id;
    const std::string today = form_field(other.shell_view().meeting.details, "Date").text;
    other.dispatch(ui::EditField{Kind::action_step, step, ActionStep::fields::check_back_on, today, {}});
    other.dispatch(ui::NewMeeting{paired.pairing});
    const RecordId planned = other.shell_view().meeting.id;
    other.dispatch(ui::EditField{Kind::meeting, planned, Meeting::fields::status, {},
                                 static_cast<std::int64_t>(MeetingStatus::planned)});

    other.dispatch(ui::NavigateTo{ui::Screen::today});
    const ui::TodayView& view = other.shell_view().today;
    REQUIRE(view.sections.size() == 2);
    CHECK(view.sections[0].heading == "Meetings");
    CHECK(view.sections[0].rows.at(0).title == "Meeting with Sam Patel");
    CHECK(view.sections[0].rows.at(0).detail == "Planned for today");
    CHECK(view.sections[1].heading == "Steps to check back on");
    CHECK(view.sections[1].rows.at(0).title == "Check back with Sam Patel");
    CHECK(view.sections[1].rows.at(0).detail == "Today: Greet each student at the door");
    const int step_line = view.sections[1].indexes.at(0);
    other.dispatch(ui::OpenAgendaItem{view.sections[0].indexes.at(0)});
    CHECK(other.screen() == ui::Screen::meeting);
    CHECK(other.shell_view().meeting.id == planned);
    other.dispatch(ui::NavigateTo{ui::Screen::today});
    other.dispatch(ui::OpenAgendaItem{step_line});
    CHECK(other.shell_view().meeting.id == meeting);  // the step, on the meeting that set it
}

TEST_CASE("Today: what is coming up after this week, so a meeting agreed for later is never 'nothing'") {
    AppWithPairing paired;
    App& app = paired.app;
    app.dispatch(ui::NewMeeting{paired.pairing});  // held today; the next one proposed from the cadence
    const RecordId meeting = app.shell_view().meeting.id;
    app.dispatch(ui::EditField{Kind::meeting, meeting, Meeting::fields::grow_goal, "Calmer starts", {}});
    app.dispatch(ui::EditField{Kind::meeting, meeting, Meeting::fields::next_on, "in 2 weeks", {}});
    app.dispatch(ui::NavigateTo{ui::Screen::today});
    const ui::TodayView& view = app.shell_view().today;
    CHECK(view.sections.empty());
    REQUIRE(view.coming_up.rows.size() == 1);
    CHECK(view.coming_up.heading == "Coming up");
    CHECK(view.coming_up.rows[0].title == "Meeting with Sam Patel");
    CHECK(view.coming_up.rows[0].detail.ends_with(", in 2 weeks"));
    app.dispatch(ui::OpenAgendaItem{view.coming_up.indexes.at(0)});
    CHECK(app.screen() == ui::Screen::pairings);
    CHECK(app.shell_view().pairings.selected == paired.pairing);
}

TEST_CASE("Pairings: the header says who, when the next meeting is, and the step being worked on") {
    AppWithPairing paired;
    App& app = paired.app;
    app.dispatch(ui::NavigateTo{ui::Screen::pairings});
    const auto header = [&]() { return app.shell_view().pairings.header; };
    CHECK(header().title == "Coaching Sam Patel");
    CHECK(header().next_meeting.empty());
    CHECK(header().step.empty());

    app.dispatch(ui::NewMeeting{paired.pairing});
    const RecordId meeting = app.shell_view().meeting.id;
    app.dispatch(ui::EditField{Kind::meeting, meeting, Meeting::fields::next_on, "in 2 weeks", {}});
    app.dispatch(ui::EditNewStep{"Greet each student at the door"});
    app.dispatch(ui::AddActionStep{meeting, std::nullopt});
    const RecordId step = app.shell_view().meeting.steps.steps.at(0).form.id;
    app.dispatch(ui::EditField{Kind::action_step, step, ActionStep::fields::success_criteria, "Every student greeted", {}});
    app.dispatch(ui::EditField{Kind::action_step, step, ActionStep::fields::check_back_on, "in 8 days", {}});
    app.dispatch(ui::NavigateTo{ui::Screen::pairings});
    CHECK(header().next_meeting.ends_with(", in 2 weeks"));
    CHECK(header().step == "Greet each student at the door");
    CHECK(header().success == "Every student greeted");
    CHECK(header().check_back.ends_with(", in 8 days"));
    CHECK(header().step_meeting == meeting);

    // Embedded, it is no longer the step being worked on.
    app.dispatch(ui::OpenMeeting{meeting});
    app.dispatch(ui::SetStepStatus{step, StepStatus::embedded});
    app.dispatch(ui::NavigateTo{ui::Screen::pairings});
    CHECK(header().step.empty());
}

TEST_CASE("Library: every starter step by area, read in full when chosen") {
    OpenedApp opened;
    App& app = opened.app;
    app.dispatch(ui::NavigateTo{ui::Screen::library});
    const ui::LibraryView& view = app.shell_view().library;
    REQUIRE(view.rows.size() == tandem::starter_library().size());
    CHECK_FALSE(view.entry.has_value());
    const tandem::StarterEntry& last = tandem::starter_library().back();
    const auto row = std::find_if(view.rows.begin(), view.rows.end(),
                                  [&](const ui::LibraryRow& r) { return r.title == last.title; });
    REQUIRE(row != view.rows.end());
    CHECK(row->area == tandem::library_area_name(last.area));
    app.dispatch(ui::SelectLibraryEntry{row->id});
    REQUIRE(app.shell_view().library.entry.has_value());
    CHECK(app.shell_view().library.entry->wording == last.wording);
    CHECK(app.shell_view().library.entry->practice_task == last.practice_task);
}

TEST_CASE("Pairings: the year as a chart of hours used, steps embedded and meetings") {
    AppWithPairing opened;
    App& app = opened.app;
    app.dispatch(ui::NewMeeting{opened.pairing});
    const RecordId meeting = app.shell_view().meeting.id;
    app.dispatch(ui::EditField{Kind::meeting, meeting, Meeting::fields::duration_minutes, "90", {}});
    for (const char* wording : {"Greet at the door", "Wait three seconds"}) {
        app.dispatch(ui::EditNewStep{wording});
        app.dispatch(ui::AddActionStep{meeting, std::nullopt});
    }
    const RecordId first = app.shell_view().meeting.steps.steps.at(0).form.id;
    app.dispatch(ui::SetStepStatus{first, StepStatus::embedded});
    app.dispatch(ui::NewObservation{opened.pairing});  // 20 minutes by default
    app.dispatch(ui::NavigateTo{ui::Screen::pairings});
    app.dispatch(ui::SelectPairing{opened.pairing});

    const auto& chart = app.shell_view().pairings.timeline;
    REQUIRE(chart.has_value());
    // The whole allowance year, today in it, a tick on each first of a month.
    CHECK(chart->first_day < chart->today);
    CHECK(chart->today < chart->last_day);
    CHECK(chart->last_day - chart->first_day >= 364);
    REQUIRE(chart->months.size() >= 11);
    CHECK(chart->first_day < chart->months.front().day);
    CHECK(CalendarDate{chart->months.front().day}.day() == 1);
    CHECK(chart->months.front().label.size() == 3);
    CHECK(chart->allowance_hours == 12.0);
    CHECK(chart->steps_set == 2.0);
    REQUIRE_FALSE(chart->embedded.empty());
    CHECK(chart->embedded.back().value == 1.0);
    REQUIRE_FALSE(chart->hours.empty());
    CHECK(chart->hours.back().value == doctest::Approx(110.0 / 60.0));
    REQUIRE(chart->meetings.size() == 1);
    CHECK_FALSE(chart->meetings[0].planned);
    CHECK(chart->hours_legend == "Hours used: 1 h 50 min of 12 h");
    CHECK(chart->steps_legend == "Steps embedded: 1 of 2");
    // The bar and the chart agree on the hours.
    CHECK(app.shell_view().pairings.allowance->summary.rfind("1 h 50 min of 12 h used this year, since ", 0) == 0);
}

TEST_CASE("Check-ins: after every few meetings the user is asked privately, and an honest no gets advice") {
    AppWithPairing opened;
    App& app = opened.app;
    const auto hold_meeting = [&] {
        app.dispatch(ui::NewMeeting{opened.pairing});
        app.dispatch(ui::EditField{Kind::meeting, app.shell_view().meeting.id, MeetingFields::grow_goal, "Calm starts", {}});
        app.dispatch(ui::NavigateTo{ui::Screen::pairings});
    };
    hold_meeting();
    hold_meeting();
    CHECK_FALSE(app.shell_view().pairings.check_in.asking);
    hold_meeting();
    CHECK(app.shell_view().pairings.check_in.asking);
    // Not now: not asked again this visit.
    app.dispatch(ui::PostponeCheckIn{opened.pairing});
    CHECK_FALSE(app.shell_view().pairings.check_in.asking);

    // The next visit asks again; "not really" is kept privately, with advice to raise it early.
    App next;
    unlock_profile(next, opened.pages, opened.profile);
    next.dispatch(ui::NavigateTo{ui::Screen::pairings});
    next.dispatch(ui::SelectPairing{opened.pairing});
    REQUIRE(next.shell_view().pairings.check_in.asking);
    next.dispatch(ui::AnswerCheckIn{opened.pairing, CheckInAnswer::not_really});
    CHECK_FALSE(next.shell_view().pairings.check_in.asking);
    CHECK(next.shell_view().pairings.check_in.advice.find("raise it early") != std::string::npos);
    auto answers = opened.store().load_all(Kind::pairing_checkin).value();
    REQUIRE(answers.size() == 1);
    CHECK(answers[0].visibility == Visibility::private_to_author);
    CHECK(from_record<PairingCheckIn>(answers[0]).answer == CheckInAnswer::not_really);
    // Answered, it waits for three more meetings.
    next.dispatch(ui::SelectPairing{opened.pairing});
    CHECK(next.shell_view().pairings.check_in.advice.empty());
    CHECK_FALSE(next.shell_view().pairings.check_in.asking);
}

TEST_CASE("Deleting: the record goes, an undo offer says what went, and Undo brings it back where it was") {
    AppWithPairing opened;
    App& app = opened.app;
    app.dispatch(ui::NewMeeting{opened.pairing});
    const RecordId meeting = app.shell_view().meeting.id;
    app.dispatch(ui::EditField{Kind::meeting, meeting, Meeting::fields::grow_goal, "Smoother starts", {}});
    app.dispatch(ui::DeleteRecord{Kind::meeting, meeting});
    CHECK(app.shell_view().undo == "Meeting deleted.");
    CHECK(app.screen() == ui::Screen::pairings);  // its screen is gone
    CHECK(app.shell_view().pairings.meetings.empty());
    CHECK(opened.store().load(Kind::meeting, meeting).value()->is_deleted());
    app.dispatch(ui::UndoDelete{});
    CHECK(app.shell_view().undo.empty());
    CHECK(app.screen() == ui::Screen::meeting);
    CHECK(app.shell_view().meeting.id == meeting);
    CHECK(form_field(app.shell_view().meeting.conversation, "Goal").text == "Smoother starts");

    // A step: deleted from its meeting, the offer can be closed, and it stays deleted.
    app.dispatch(ui::EditNewStep{"Greet at the door"});
    app.dispatch(ui::AddActionStep{meeting, std::nullopt});
    const RecordId step = app.shell_view().meeting.steps.steps.at(0).form.id;
    app.dispatch(ui::DeleteRecord{Kind::action_step, step});
    CHECK(app.shell_view().undo == "Action step deleted.");
    CHECK(app.shell_view().meeting.steps.steps.empty());
    app.dispatch(ui::DismissUndo{});
    CHECK(app.shell_view().undo.empty());
    app.dispatch(ui::UndoDelete{});  // nothing to undo now
    CHECK(app.shell_view().meeting.steps.steps.empty());
    CHECK(app.test_state_json().find(R"("actionSteps":0)") != std::string::npos);
}

TEST_CASE("First run: a clearly marked sample pairing to try, removed in one click with all it holds") {
    OpenedApp opened;
    App& app = opened.app;
    app.dispatch(ui::EditProfile{ui::ProfileField::name, "Ana Kowalska"});
    app.dispatch(ui::NavigateTo{ui::Screen::today});
    CHECK_FALSE(app.shell_view().today.has_pairings);
    app.dispatch(ui::CreateSamplePairing{});
    REQUIRE(app.screen() == ui::Screen::pairings);
    const ui::PairingsView& view = app.shell_view().pairings;
    REQUIRE(view.rows.size() == 1);
    CHECK(view.rows[0].title == "Ana Kowalska coaching Jordan Lee (sample)");
    CHECK(view.sample);
    CHECK(view.meetings.size() == 1);
    CHECK(view.observations.size() == 1);
    CHECK(view.reflections.size() == 1);
    CHECK(view.timeline->steps_legend == "Steps embedded: 0 of 1");
    CHECK(app.test_state_json().find(R"("counts":{"people":2,"pairings":1,"meetings":1,"actionSteps":1)") !=
          std::string::npos);

    const RecordId sample = *view.selected;
    app.dispatch(ui::RemoveSamplePairing{sample});
    CHECK(app.shell_view().pairings.rows.empty());
    CHECK(app.test_state_json().find(R"("counts":{"people":1,"pairings":0,"meetings":0,"actionSteps":0,"notes":0})") !=
          std::string::npos);
    for (Kind kind : {Kind::observation, Kind::observation_note, Kind::tally, Kind::reflection, Kind::step_status_change})
        for (const Record& record : opened.store().load_all(kind).value()) CHECK(record.is_deleted());

    // An ordinary pairing is never removed as a sample.
    app.dispatch(ui::NavigateTo{ui::Screen::people});
    app.dispatch(ui::EditNewPersonName{"Sam Patel"});
    app.dispatch(ui::AddPerson{});
    app.dispatch(ui::NavigateTo{ui::Screen::pairings});
    app.dispatch(ui::BeginNewPairing{});
    app.dispatch(ui::EditNewPairing{0, 1, "2026-09-01"});
    app.dispatch(ui::CreatePairing{});
    const RecordId real = *app.shell_view().pairings.selected;
    CHECK_FALSE(app.shell_view().pairings.sample);
    app.dispatch(ui::RemoveSamplePairing{real});
    CHECK(app.shell_view().pairings.rows.size() == 1);
    CHECK(app.shell_view().notice.has_value());
    // Not even when its coachee's name says "(sample)": this device knows which pairing it made as one.
    const RecordId sam = load<Pairing>(opened.store(), real).value().coachee;
    app.dispatch(ui::EditField{Kind::person, sam, Person::fields::display_name, "Sam Patel (sample)", {}});
    app.dispatch(ui::SelectPairing{real});
    CHECK_FALSE(app.shell_view().pairings.sample);
    app.dispatch(ui::RemoveSamplePairing{real});
    CHECK(app.shell_view().pairings.rows.size() == 1);
    CHECK_FALSE(load<Pairing>(opened.store(), real).value().meta.deleted);
}

TEST_CASE("Goals and practice: the coachee's goals with their PEERS checklist, and a practice log") {
    AppWithPairing opened;
    App& app = opened.app;
    app.dispatch(ui::EditNewGoal{"Calmer starts after lunch"});
    app.dispatch(ui::AddGoal{opened.pairing});
    const ui::GoalsView* goals = &app.shell_view().pairings.goals;
    REQUIRE(goals->goals.size() == 1);
    CHECK(goals->new_goal.empty());
    CHECK(form_field(goals->goals[0].goal, "Goal").text == "Calmer starts after lunch");
    CHECK(labels_of(goals->goals[0].peers) == std::vector<std::string>{"Powerful", "Easy to understand",
                                                                       "Emotionally compelling", "Reachable",
                                                                       "Student-focused"});
    const RecordId goal = goals->goals[0].goal.id;
    app.dispatch(ui::EditField{Kind::goal, goal, Goal::fields::peers_student_focused, {}, 1});
    app.dispatch(ui::EditField{Kind::goal, goal, Goal::fields::measure, "Minutes until all are working", {}});
    CHECK(load<Goal>(opened.store(), goal).value().peers_student_focused);
    // The first goal started a cycle; the second goes in the same one.
    app.dispatch(ui::EditNewGoal{"More students answer"});
    app.dispatch(ui::AddGoal{opened.pairing});
    CHECK(app.shell_view().pairings.goals.goals.size() == 2);
    CHECK(opened.store().load_all(Kind::cycle).value().size() == 1);
    // A blank goal is refused in plain words.
    app.dispatch(ui::EditNewGoal{""});
    app.dispatch(ui::AddGoal{opened.pairing});
    CHECK_FALSE(app.shell_view().pairings.goals.goal_problem.empty());

    app.dispatch(ui::EditNewPractice{"Rehearsed the greeting twice"});
    app.dispatch(ui::AddPractice{opened.pairing});
    goals = &app.shell_view().pairings.goals;
    REQUIRE(goals->practice.size() == 1);
    CHECK(form_field(goals->practice[0], "What you practised").text == "Rehearsed the greeting twice");
    CHECK(form_field(goals->practice[0], "Practised on").text == form_dates().words(local_today()));
}

TEST_CASE("Meetings: an Impact Cycle meeting shows the pairing's goals with their PEERS checklist") {
    AppWithPairing opened;
    App& app = opened.app;
    app.dispatch(ui::NewMeeting{opened.pairing});
    const RecordId meeting = app.shell_view().meeting.id;
    CHECK_FALSE(app.shell_view().meeting.shows_goals);  // GROW
    app.dispatch(ui::EditField{Kind::meeting, meeting, Meeting::fields::model, {},
                               static_cast<std::int64_t>(CoachingModel::impact_cycle)});
    REQUIRE(app.shell_view().meeting.shows_goals);
    CHECK(app.shell_view().meeting.goals.goals.empty());
    app.dispatch(ui::EditNewGoal{"More students answer in full sentences"});
    app.dispatch(ui::AddGoal{app.shell_view().meeting.pairing});
    CHECK(app.screen() == ui::Screen::meeting);
    REQUIRE(app.shell_view().meeting.goals.goals.size() == 1);
    const RecordId goal = app.shell_view().meeting.goals.goals[0].peers.id;
    app.dispatch(ui::EditField{Kind::goal, goal, Goal::fields::peers_reachable, {}, 1});
    CHECK(form_field(app.shell_view().meeting.goals.goals[0].peers, "Reachable").value == 1);
    // The same goal is on the pairing.
    app.dispatch(ui::NavigateTo{ui::Screen::pairings});
    REQUIRE(app.shell_view().pairings.goals.goals.size() == 1);
    CHECK(app.shell_view().pairings.goals.goals[0].goal.id == goal);
}

TEST_CASE("a lesson-visit note's time: minutes into the visit, then the clock") {
    CHECK(note_time_text(9 * 3600 + 14 * 60, 9 * 3600 + 14 * 60) == "0 min in \u00b7 09:14");
    CHECK(note_time_text(9 * 3600 + 26 * 60 + 59, 9 * 3600 + 14 * 60 + 30) == "12 min in \u00b7 09:26");
    CHECK(note_time_text(9 * 3600, 9 * 3600 + 60) == "0 min in \u00b7 09:00");  // never negative
}
