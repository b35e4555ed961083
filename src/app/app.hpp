#pragma once
// App: Tandem's state and the dispatch of UI commands to it. Owns the
// database and the crypto self-test outcome, and keeps the shell's view model.
// Platform-free, so it is built and tested natively as well as in wasm.

#include <optional>
#include <string>

#include "crypto/sodium_runtime.hpp"
#include "store/database.hpp"
#include "ui/command.hpp"
#include "ui/shell.hpp"

namespace tandem::app {

class App {
public:
    // Opens the in-memory database and runs the crypto self-test. Failures
    // are kept and shown in the status line, never thrown.
    App();

    // Applies one command from the UI.
    void dispatch(const ui::Command& command);

    ui::Screen screen() const { return view_.screen; }
    // The SQLite version reported by the open database; empty if it did not open.
    const std::string& sqlite_version() const { return sqlite_version_; }
    const crypto::SelfTestReport& crypto_self_test() const { return crypto_; }

    // The shell's view model, kept current by dispatch().
    const ui::ShellView& shell_view() const { return view_; }

    // The test hook's state(): {screen, saveStatus, sqliteVersion, cryptoSelfTest}.
    std::string test_state_json() const;

private:
    std::optional<store::Database> database_;
    std::string sqlite_version_;
    crypto::SelfTestReport crypto_;
    ui::ShellView view_;
};

}  // namespace tandem::app
