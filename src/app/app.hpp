#pragma once
// App: Tandem's state and the dispatch of UI commands to it. Owns the record
// store, the clock and random source that stamp edits, the crypto self-test
// outcome, and the shell's view model.
// Platform-free, so it is built and tested natively as well as in wasm; what
// only the platform can do (open a file picker) it asks of its host.

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/hybrid_clock.hpp"
#include "core/record_id.hpp"
#include "crypto/sodium_random_source.hpp"
#include "crypto/sodium_runtime.hpp"
#include "store/sqlite_record_store.hpp"
#include "ui/command.hpp"
#include "ui/preferences.hpp"
#include "ui/shell.hpp"

namespace tandem::app {

// The largest file Tandem opens: the largest bundle there can be.
constexpr std::uint64_t max_open_file_bytes = 64ull * 1024 * 1024;

// Show the browser's file picker for files matching `accept`.
struct OpenFilePicker {
    std::string accept;
};
using HostRequest = std::variant<OpenFilePicker>;

class App {
public:
    // Opens the record store (in memory) and runs the crypto self-test.
    // Failures are kept and shown in the status line, never thrown.
    App();

    // Applies one command from the UI.
    void dispatch(const ui::Command& command);

    // Takes what the app asked of its host since the last call.
    std::vector<HostRequest> take_host_requests();

    // Starts from preferences saved on this device.
    void restore_preferences(const ui::Preferences& preferences);
    const ui::Preferences& preferences() const { return view_.preferences; }

    // A file the user opened (`bytes` is all of it, untrusted), one over
    // max_open_file_bytes (`size` bytes, unread), or one the browser could not read.
    void file_opened(std::string_view name, std::span<const std::uint8_t> bytes);
    void file_too_large(std::string_view name, std::uint64_t size);
    void file_unreadable(std::string_view name);
    // Whether a file is being dragged over the page.
    void file_over_page(bool over) { view_.file_over_page = over; }

    ui::Screen screen() const { return view_.screen; }
    // The SQLite version reported by the open database; empty if it did not open.
    const std::string& sqlite_version() const { return sqlite_version_; }
    const crypto::SelfTestReport& crypto_self_test() const { return crypto_; }

    // The shell's view model, kept current by dispatch().
    const ui::ShellView& shell_view() const { return view_; }

    // The own profile's id once the user has given their name.
    const std::optional<RecordId>& own_person() const { return own_person_; }

    // The test hook's state(): {screen, saveStatus, sqliteVersion,
    // cryptoSelfTest, theme, textSize, sidebarWidth, notice, profile: {name,
    // subject}}, the profile as stored (empty strings before there is one).
    std::string test_state_json() const;

private:
    void edit_profile(const ui::EditProfile& edit);
    void update_status();

    std::unique_ptr<store::SqliteRecordStore> store_;
    std::string store_problem_;  // why the store did not open; empty if it did
    SystemWallClock wall_clock_;
    std::optional<crypto::SodiumRandomSource> random_;
    std::optional<HybridClock> clock_;
    std::optional<RecordId> own_person_;
    std::string sqlite_version_;
    crypto::SelfTestReport crypto_;
    ui::ShellView view_;
    std::vector<HostRequest> host_requests_;
};

// `name` (a file name from outside) made fit to show: valid UTF-8 without
// control characters, at most 60 characters with an ellipsis.
std::string displayable_file_name(std::string_view name);

// A byte count for people: "812 bytes", "3.4 KB", "64 MB" (binary multiples).
std::string human_size(std::uint64_t bytes);

}  // namespace tandem::app
