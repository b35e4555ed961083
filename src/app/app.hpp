#pragma once
// App: Tandem's shell. Opens and closes the records (OpenRecords, which holds
// everything about them), tells how saving stands, routes each UI command
// once (to itself, or to the one screen part that handles it), and keeps
// the shell's view model. Owns the random source that stamps edits, the
// crypto self-test outcome, and what it asks of its host.
// Platform-free, so it is built and tested natively as well as in wasm; what
// only the platform can do (open a file picker) it asks of its host.

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "app/display_text.hpp"
#include "app/host_request.hpp"
#include "app/idle_lock.hpp"
#include "app/open_records.hpp"
#include "app/vault_gate.hpp"
#include "app/workspace.hpp"
#include "core/hybrid_clock.hpp"
#include "core/record_id.hpp"
#include "crypto/identity.hpp"
#include "crypto/sodium_random_source.hpp"
#include "crypto/sodium_runtime.hpp"
#include "store/page_codec.hpp"
#include "store/page_store.hpp"
#include "store/paged_database.hpp"
#include "ui/command.hpp"
#include "ui/preferences.hpp"
#include "ui/shell.hpp"

namespace tandem::app {

// The largest file Tandem opens: the largest bundle there can be.
constexpr std::uint64_t max_open_file_bytes = 64ull * 1024 * 1024;

// What the browser says about this site's storage; parts it did not say are empty.
struct StorageEstimate {
    std::optional<bool> persistent;
    std::optional<std::uint64_t> usage_bytes;
    std::optional<std::uint64_t> quota_bytes;
};

// Where the user's records stand on this device.
enum class RecordsState : std::uint8_t {
    opening,      // the platform is loading them
    kept,         // open, and every change is saved on this device
    memory_only,  // this browser keeps nothing: open in memory for this visit only
    elsewhere,    // another tab has them; nothing is shown here until "Use here"
    read_only,    // another tab took them over; this one shows what it had
    damaged,      // what is stored cannot be opened for writing, and is left as it is
};

class App final : private Navigator, private VaultHost {
public:
    // Runs the crypto self-test. The records are opened later, once a
    // profile is unlocked (VaultGate), or at once in memory when the
    // platform finds it cannot keep any.
    App();
    // The same, telling time by `clock` (borrowed: it outlives the app).
    explicit App(WallClock& clock);

    // [SECTION] The profiles, from the host (VaultGate says what each does)
    void profile_found(std::string id, std::string name, int colour);
    void profiles_listed(bool old_records);
    // The records asked for are loaded in `pages` (borrowed until the next
    // load), with the vault header kept beside them; `header_damaged` when
    // what is kept there is not a header.
    void records_loaded(store::PageStore& pages, std::optional<std::vector<std::uint8_t>> header,
                        bool header_damaged);
    // A new passphrase's header was stored (or not).
    void vault_header_written(bool ok);
    // New vaults' Argon2id cost (the test hook's cheap one).
    void set_new_vault_kdf(crypto::KdfParams kdf);

    // Opens empty records in memory because this browser keeps nothing.
    void open_records_in_memory();
    // Another tab has the records (this one has not opened them).
    void records_elsewhere();
    // Another tab asked for the records: this one stops changing them.
    void records_taken_over();
    // True when nothing waits to be saved: a tab giving its records up may
    // then let go.
    bool all_saved() const override;
    // Sends what waits to be saved now (the page is being hidden or left).
    void flush_saves();
    // The lock, once all is saved: closes the records and wipes the vault's
    // keys; the host then starts the page afresh.
    void wipe_for_lock();
    // [SECTION] Locking by itself (IdleLock)
    // Input from the user: the open profile is in use.
    void user_active();
    // Asks for the lock (LockPage) once the open profile has gone unused for
    // its lock time; returns whether it did.
    bool lock_if_idle();
    // How long until lock_if_idle() may lock; nullopt while no profile is open.
    std::optional<std::int64_t> idle_lock_wait_ms() const;

    // `PRAGMA integrity_check` on the open records: "ok", the problems, or
    // empty when none are open.
    std::string integrity_check();
    // The open records' database file in the clear, identity included (for
    // the test hook's migration test); empty when none are open.
    std::vector<std::uint8_t> records_image() const;
    // The values the open records keep for this device only (the identity's
    // secret keys, the partners trusted), for the test hook's at-rest scan.
    std::vector<std::vector<std::uint8_t>> device_only_values();
    // Retries saving after a failure; the host calls it after retry_delay_ms().
    void retry_saving();
    // How long to wait before retry_saving(), while a save has failed.
    std::optional<int> retry_delay_ms() const;
    // What the browser says about this site's storage.
    void storage_estimate(const StorageEstimate& estimate);
    RecordsState records_state() const { return records_state_; }
    // The save progress of the kept records, if they are open.
    std::optional<store::SaveProgress> save_progress() const;

    // Applies one command from the UI. An edit of a long text (a note of
    // thousands of words) is stored once typing pauses, or before the next
    // other command, whichever comes first.
    void dispatch(const ui::Command& command);

    // Work the app put off so that typing stays quick (a search or a long
    // text's edit waits until typing pauses): run_due_work() does what is due by now, and the host
    // calls it again after work_delay_ms(); finish_pending_work() does it
    // all at once (tests).
    void run_due_work();
    std::optional<int> work_delay_ms();
    void finish_pending_work();

    // Takes what the app asked of its host since the last call.
    std::vector<HostRequest> take_host_requests();

    // How this device's locale writes a date in figures (21/12 or 12/21)
    // and the day its weeks start on (0 Monday to 6 Sunday); day first and
    // Monday until the host says otherwise.
    void set_calendar(DayOrder order, unsigned first_weekday) {
        day_order_ = order;
        first_weekday_ = first_weekday % 7;
    }

    // Starts from preferences saved on this device.
    void restore_preferences(const ui::Preferences& preferences);
    const ui::Preferences& preferences() const { return view_.preferences; }

    // A file the user opened (`bytes` is all of it, untrusted), one over
    // max_open_file_bytes (`size` bytes, unread), or one the browser could not read.
    void file_opened(std::string_view name, std::span<const std::uint8_t> bytes);
    void file_too_large(std::string_view name, std::uint64_t size);
    void file_unreadable(std::string_view name);
    // The key of job `id` (DerivePassphraseKey), or nullopt when it could
    // not be derived for want of memory.
    void passphrase_key_derived(std::uint64_t id, std::optional<std::array<std::uint8_t, 32>> key);
    // Whether a file is being dragged over the page.
    void file_over_page(bool over) { view_.file_over_page = over; }

    ui::Screen screen() const { return view_.screen; }
    // The SQLite version reported by the open database; empty if it did not open.
    const std::string& sqlite_version() const { return sqlite_version_; }
    const crypto::SelfTestReport& crypto_self_test() const { return crypto_; }
    // The profile's public keys, once its records are open.
    std::optional<crypto::PublicKeys> public_keys() const;

    // The shell's view model, kept current by dispatch().
    const ui::ShellView& shell_view() const { return view_; }

    // The own profile's id once the user has given their name.
    std::optional<RecordId> own_person() const;

    // The test hook's state(): {screen, saveStatus, lastCommitSeq,
    // lastSavedSeq, sqliteVersion, cryptoSelfTest, theme, textSize,
    // sidebarWidth, notice, profile: {name, subject}, counts: {people,
    // pairings, meetings, actionSteps, notes}}, plus recordId on a screen
    // that shows one record, and share: {importing, stage, title, summary,
    // fileName, sending, written} on the Share screen; the profile as stored
    // (empty strings before there is one). saveStatus is one of opening,
    // saved, saving, failed, memory, elsewhere, read-only, damaged.
    std::string test_state_json();

private:
    // dispatch() without deferring: applies `command` now.
    void apply(const ui::Command& command);
    // Sends `command` to the part that handles it (App itself for ShellCommands).
    template <class Command>
    void route(const Command& command);
    void handle(const ui::NavigateTo& go);
    void handle(const ui::SetTheme& theme);
    void handle(const ui::ChangeTextSize& size);
    void handle(const ui::SetSidebarWidth& width);
    void handle(const ui::ChooseFileToOpen& choose);
    void handle(const ui::DismissNotice& dismiss);
    void handle(const ui::RetrySaving& retry);
    void handle(const ui::ExportRecords& copy);
    void handle(const ui::UseRecordsHere& take_over);
    void handle(const ui::CloseSearch& close);
    void handle(const ui::LockProfile& lock);
    void handle(const ui::SetLockAfter& set);
    void handle(const ui::DeleteProfile& remove);
    // The records in `pages` through `codec`, as VaultHost::open_vault_records.
    bool open_records(store::PageStore& pages, store::PageCodec& codec, std::vector<std::uint8_t> image);
    // VaultHost.
    bool open_vault_records(store::PageStore& pages, store::PageCodec& codec, std::vector<std::uint8_t> image) override;
    std::vector<std::uint8_t> read_old_records(store::PageStore& pages) override;
    // Shows the gate's screen, or its notice once the records are open.
    void update_gate_view();
    // Shows a deferred edit's text where it was typed, before it is stored.
    void show_typed(const ui::Command& edit);
    // Stores the deferred edit of a long text, if there is one.
    void apply_deferred_edit();
    // What the parts work on now; only while the records are open.
    std::optional<Workspace> workspace();
    // Rebuilds the view model of the screen shown from the records.
    void refresh_screen();
    // The moment of a call: today, now and the second of the day, on this device.
    Moment now();
    // Opens the records in `database`; on failure, names the problem.
    bool start_records(store::Database& database);
    void close_records();
    void save_progressed();
    void request_persistence_once_saved();
    void update_status();
    void update_storage_view();
    struct SaveStatus {
        std::string line;  // for the status line
        bool problem = false;
        const char* word;  // for the test hook
    };
    SaveStatus save_status() const;
    std::optional<ui::Banner> records_banner() const;
    std::string open_problem_text() const;

    // Navigator, for the parts.
    void select(const Destination& destination) override;
    void show(const Destination& destination) override;
    void go_to(ui::Screen screen) override;
    void notice(std::string text, bool problem) override;
    void request(HostRequest request) override;
    void became(const RecordId& person) override;

    RecordsState records_state_ = RecordsState::opening;
    store::IdentityPageCodec codec_;
    SystemWallClock system_clock_;
    WallClock& wall_clock_;
    IdleLock idle_lock_;
    std::optional<crypto::SodiumRandomSource> random_;
    std::unique_ptr<store::PagedDatabase> pages_;     // set for kept records
    std::optional<store::Database> memory_database_;  // set for memory-only records
    std::unique_ptr<OpenRecords> records_;            // set while the records are open
    std::string store_problem_;  // why the records cannot be used; empty if they can
    std::optional<store::OpenProblem> open_problem_;
    std::vector<std::uint8_t> salvaged_;  // what could be read of damaged records
    std::optional<std::int64_t> last_saved_at_ms_;
    bool persistence_requested_ = false;
    bool edited_ = false;  // the user has changed something this visit
    StorageEstimate storage_;
    int retries_ = 0;
    // The latest edit of a long text, stored once typing pauses (edit_due_at_ms_).
    std::optional<ui::Command> deferred_edit_;
    std::optional<std::int64_t> edit_due_at_ms_;
    ui::Screen before_search_ = ui::Screen::today;  // where Esc goes back to
    DayOrder day_order_ = DayOrder::day_month;
    unsigned first_weekday_ = 0;
    std::string sqlite_version_;
    crypto::SelfTestReport crypto_;
    ui::ShellView view_;
    std::vector<HostRequest> host_requests_;
    std::unique_ptr<VaultGate> gate_;  // set when there is a random source to make profiles with
};

}  // namespace tandem::app
