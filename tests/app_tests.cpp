#include <doctest/doctest.h>

#include "app/app.hpp"

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
          R"({"screen":"today","saveStatus":"idle","sqliteVersion":"3.40.1","cryptoSelfTest":"passed"})");
    app.dispatch(ui::NavigateTo{ui::Screen::action_steps});
    CHECK(app.screen() == ui::Screen::action_steps);
    CHECK(app.test_state_json().find(R"("screen":"action-steps")") != std::string::npos);
}
