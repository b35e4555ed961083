#include <doctest/doctest.h>

#include "app/app.hpp"
#include "app/command_error_text.hpp"

using namespace tandem;
using namespace tandem::app;

TEST_CASE("the app opens its database and passes the crypto self-test") {
    App app;
    CHECK(app.sqlite_version() == "3.40.1");
    CHECK(app.crypto_self_test().passed);
    CHECK(app.screen() == ui::Screen::today);
}

TEST_CASE("the status line shows the SQLite version and the self-test outcome") {
    App app;
    const ui::ShellView view = app.shell_view();
    REQUIRE(view.status.size() == 3);
    CHECK(view.status[0].text == "SQLite 3.40.1");
    CHECK(view.status[1].text == "Encryption self-test passed (libsodium 1.0.18)");
    for (const auto& item : view.status) CHECK_FALSE(item.problem);
}

TEST_CASE("navigation commands change the screen and the test state") {
    App app;
    CHECK(app.test_state_json() ==
          R"({"screen":"today","saveStatus":"idle","sqliteVersion":"3.40.1","cryptoSelfTest":"passed",)"
          R"("theme":"light","textSize":100,"sidebarWidth":232,"notice":"","profile":{"name":"","subject":""}})");
    app.dispatch(ui::NavigateTo{ui::Screen::action_steps});
    CHECK(app.screen() == ui::Screen::action_steps);
    CHECK(app.test_state_json().find(R"("screen":"action-steps")") != std::string::npos);
}

TEST_CASE("appearance commands change the preferences, within their limits") {
    App app;
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
    app.dispatch(ui::NavigateTo{ui::Screen::sharing});
    CHECK(app.preferences().screen == ui::Screen::sharing);
}

TEST_CASE("restored preferences open the screen last shown") {
    App app;
    ui::Preferences saved;
    saved.screen = ui::Screen::settings;
    saved.theme = ui::Theme::dark;
    app.restore_preferences(saved);
    CHECK(app.screen() == ui::Screen::settings);
    CHECK(app.preferences() == saved);
}

TEST_CASE("choosing a file asks the host for its picker, once") {
    App app;
    app.dispatch(ui::ChooseFileToOpen{});
    const auto requests = app.take_host_requests();
    REQUIRE(requests.size() == 1);
    CHECK(std::get<OpenFilePicker>(requests[0]).accept == ".tandem");
    CHECK(app.take_host_requests().empty());
}

TEST_CASE("opened files end in a notice that names them, and it can be dismissed") {
    App app;
    app.file_over_page(true);
    CHECK(app.shell_view().file_over_page);
    const std::uint8_t bytes[] = {0x25, 0x50, 0x44, 0x46};
    app.file_opened("report.pdf", bytes);
    CHECK_FALSE(app.shell_view().file_over_page);
    REQUIRE(app.shell_view().notice.has_value());
    CHECK(app.shell_view().notice->text == "\xE2\x80\x9Creport.pdf\xE2\x80\x9D is not a Tandem bundle, so nothing was imported.");
    CHECK(app.shell_view().notice->problem);

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

std::string state_profile(const App& app) {
    const std::string json = app.test_state_json();
    return json.substr(json.find(R"("profile":)"));
}

}  // namespace

TEST_CASE("typing a name creates the own profile, and later edits change it field by field") {
    App app;
    CHECK_FALSE(app.own_person().has_value());
    CHECK(state_profile(app) == R"("profile":{"name":"","subject":""}})");
    app.dispatch(ui::EditProfile{ui::ProfileField::name, "\xC3\x89l\xC3\xA8ve"});  // Élève
    REQUIRE(app.own_person().has_value());
    CHECK(state_profile(app) == "\"profile\":{\"name\":\"\xC3\x89l\xC3\xA8ve\",\"subject\":\"\"}}");
    const RecordId id = *app.own_person();
    app.dispatch(ui::EditProfile{ui::ProfileField::subject, "Year 4"});
    app.dispatch(ui::EditProfile{ui::ProfileField::name, "Ana Kowalska"});
    CHECK(*app.own_person() == id);
    CHECK(state_profile(app) == R"("profile":{"name":"Ana Kowalska","subject":"Year 4"}})");
    CHECK(app.shell_view().profile.name.problem.empty());
    CHECK(app.test_state_json().find(R"("saveStatus":"unsaved")") != std::string::npos);
    // Honest about keeping: nothing is saved on this computer yet.
    CHECK(app.shell_view().status.back().text.find("Not saved") == 0);
}

TEST_CASE("what you teach, typed before a name, is kept with the name once given") {
    App app;
    app.dispatch(ui::EditProfile{ui::ProfileField::subject, "Secondary science"});
    CHECK_FALSE(app.own_person().has_value());
    CHECK(app.shell_view().profile.subject.text == "Secondary science");
    CHECK(app.shell_view().profile.subject.problem == "Add your name above, and this is kept with it.");
    CHECK(app.test_state_json().find(R"("saveStatus":"idle")") != std::string::npos);
    app.dispatch(ui::EditProfile{ui::ProfileField::name, "   "});
    CHECK_FALSE(app.own_person().has_value());
    CHECK(app.shell_view().profile.name.problem == "Your partner sees this name, so it cannot be empty.");
    app.dispatch(ui::EditProfile{ui::ProfileField::name, "Sam"});
    REQUIRE(app.own_person().has_value());
    CHECK(state_profile(app) == R"("profile":{"name":"Sam","subject":"Secondary science"}})");
    CHECK(app.shell_view().profile.subject.problem.empty());
    CHECK(app.shell_view().profile.name.problem.empty());
}

TEST_CASE("a value that cannot be kept stays as typed, with the reason, and the stored one is unchanged") {
    App app;
    app.dispatch(ui::EditProfile{ui::ProfileField::name, "Sam"});
    app.dispatch(ui::EditProfile{ui::ProfileField::name, ""});
    CHECK(app.shell_view().profile.name.text.empty());
    CHECK(app.shell_view().profile.name.problem == "Your partner sees this name, so it cannot be empty.");
    CHECK(state_profile(app) == R"("profile":{"name":"Sam","subject":""}})");

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
