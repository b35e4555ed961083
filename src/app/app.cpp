#include "app/app.hpp"

#include <type_traits>

#include "core/json_writer.hpp"

namespace tandem::app {

namespace {
// Nothing is recorded yet, so there is never anything waiting to be saved.
constexpr const char* save_status = "idle";
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
            if constexpr (std::is_same_v<T, ui::NavigateTo>) view_.screen = c.screen;
        },
        command);
}

std::string App::test_state_json() const {
    JsonWriter json;
    json.begin_object();
    json.key("screen").string(ui::screen_info(view_.screen).id);
    json.key("saveStatus").string(save_status);
    json.key("sqliteVersion").string(sqlite_version_);
    json.key("cryptoSelfTest").string(crypto_.passed ? "passed" : "failed");
    json.end_object();
    return json.text();
}

}  // namespace tandem::app
