#pragma once
// App: Tandem's state and the dispatch of UI commands to it. Owns the record
// store, the clock and random source that stamp edits, the crypto self-test
// outcome, and the shell's view model.
// Platform-free, so it is built and tested natively as well as in wasm; what
// only the platform can do (open a file picker) it asks of its host.

#include <cstdint>
#include <memory>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/hybrid_clock.hpp"
#include "core/record_id.hpp"
#include "crypto/identity.hpp"
#include "crypto/sodium_random_source.hpp"
#include "crypto/sodium_runtime.hpp"
#include "app/bundle_exchange.hpp"
#include "app/goals_and_practice.hpp"
#include "app/meeting_steps.hpp"
#include "app/observation_capture.hpp"
#include "app/record_finder.hpp"
#include "app/record_forms.hpp"
#include "app/pairing_timeline.hpp"
#include "app/reflection_writing.hpp"
#include "app/sample_pairing.hpp"
#include "app/today_agenda.hpp"
#include "app/workspace.hpp"
#include "store/page_codec.hpp"
#include "store/page_store.hpp"
#include "store/coaching_queries.hpp"
#include "store/record_search.hpp"
#include "store/paged_database.hpp"
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
// Offer `bytes` as a download named `name`.
struct DownloadFile {
    std::string name;
    std::vector<std::uint8_t> bytes;
    std::string mime_type;
};
// Take the records over from the tab that has them, then open them here.
struct TakeOverRecords {};
// Ask the browser to keep this site's storage even when space runs low.
struct RequestPersistentStorage {};
// Find out how much storage is used, and whether it is persistent.
struct RefreshStorageEstimate {};
// Derive a passphrase's key (slow by design: off the interface's thread
// where there is one), then call App::passphrase_key_derived().
struct DerivePassphraseKey {
    KeyJob job;
};
using HostRequest = std::variant<OpenFilePicker, DownloadFile, TakeOverRecords, RequestPersistentStorage,
                                 RefreshStorageEstimate, DerivePassphraseKey>;

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

class App {
public:
    // Runs the crypto self-test. The records are opened later, when the
    // platform has loaded them (open_records()) or found it cannot keep any.
    App();

    // Opens the records kept in `pages`, which the app borrows until the
    // next open; a store that cannot be opened for writing is left untouched
    // (state damaged), with the problem named in a banner.
    void open_records(store::PageStore& pages);
    // Opens empty records in memory because this browser keeps nothing.
    void open_records_in_memory();
    // Another tab has the records (this one has not opened them).
    void records_elsewhere();
    // Another tab asked for the records: this one stops changing them.
    void records_taken_over();
    // True when nothing waits to be saved: a tab giving its records up may
    // then let go.
    bool all_saved() const;
    // Sends what waits to be saved now (the page is being hidden or left).
    void flush_saves();
    // `PRAGMA integrity_check` on the open records: "ok", the problems, or
    // empty when none are open.
    std::string integrity_check();
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
    const std::optional<RecordId>& own_person() const { return own_person_; }

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
    void edit_profile(const ui::EditProfile& edit);
    // dispatch() without deferring: applies `command` now.
    void apply(const ui::Command& command);
    // Shows a deferred edit's text where it was typed, before it is stored.
    void show_typed(const ui::Command& edit);
    // Stores the deferred edit of a long text, if there is one.
    void apply_deferred_edit();
    // Runs the search typed, which waited for a pause.
    void run_search();
    // The context of the user's edits; only while the records are usable.
    std::optional<CommandContext> command_context();
    // What the screens' parts work on; only while the records are open.
    std::optional<Workspace> workspace();
    // The meeting open in the editor, if it is still there.
    std::optional<Meeting> open_meeting();
    // A command about the open meeting's action steps.
    void edit_steps(const ui::Command& command);
    // A command about observations.
    void edit_observation(const ui::Command& command);
    // A command about reflections.
    void edit_reflection(const ui::Command& command);
    // Shows the record open in `part` (ObservationCapture, ReflectionWriting)
    // as `shown`, or goes back to Pairings when it is gone.
    template <class Part, class View>
    void refresh_part(Part& part, View& shown);
    // Deletes a record, offering to undo it.
    void delete_shown(const ui::DeleteRecord& target);
    void undo_delete();
    // Stores the user's private answer to the check-in on a pairing.
    void answer_check_in(const ui::AnswerCheckIn& answer);
    // A command of the Share screen, or about trusted partners.
    void edit_sharing(const ui::Command& command);
    // What a step of writing a bundle gave: a key to derive, or a file to download.
    void sent(ExportStep step);
    // Makes `person` this profile's own (the pairing a first bundle brought
    // names them so): kept on this device, with the private records and the
    // profile of the person it replaces.
    void adopt_own_person(const RecordId& person);
    // Shows a record where it belongs (a search result).
    void show(const Destination& destination);
    // Opens meeting `id` in the editor.
    void show_meeting(const RecordId& id);
    // The second of the day now, on this device's clock.
    std::int64_t second_of_day();
    void edit_field(const ui::EditField& edit);
    void add_person();
    void begin_new_pairing();
    void new_meeting(const RecordId& pairing);
    void edit_private_note(const ui::EditPrivateNote& edit);
    // The user's private note on `meeting`, if they wrote one.
    std::optional<Note> private_note_of(const RecordId& meeting);
    void refresh_meeting();
    void create_pairing();
    // Rebuilds the view model of the screen shown from the records.
    void refresh_screen();
    void refresh_people();
    void refresh_library();
    // The partners Settings lists as trusted.
    void refresh_partners();
    void refresh_pairings();
    // The people who are not deleted, in name order.
    std::vector<Person> people_by_name();
    CalendarDate today();
    // Opens the record store over `database`, finds the own profile and
    // starts the clock; on failure, names the problem.
    bool start_records(store::Database& database);
    void close_records();
    void save_progressed();
    void export_records();
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

    RecordsState records_state_ = RecordsState::opening;
    store::IdentityPageCodec codec_;
    std::unique_ptr<store::PagedDatabase> pages_;  // set for kept records
    std::optional<store::Database> memory_database_;  // set for memory-only records
    std::unique_ptr<store::SqliteRecordStore> store_;
    std::string store_problem_;  // why the records cannot be used; empty if they can
    std::optional<store::OpenProblem> open_problem_;
    std::vector<std::uint8_t> salvaged_;  // what could be read of damaged records
    std::optional<std::int64_t> last_saved_at_ms_;
    bool persistence_requested_ = false;
    bool edited_ = false;  // the user has changed something this visit
    StorageEstimate storage_;
    int retries_ = 0;
    SystemWallClock wall_clock_;
    std::optional<crypto::SodiumRandomSource> random_;
    std::optional<HybridClock> clock_;
    std::optional<RecordId> own_person_;
    RecordForms forms_;
    std::optional<RecordId> selected_person_;
    std::optional<RecordId> selected_entry_;  // on Library
    std::optional<RecordId> selected_pairing_;
    bool creating_pairing_ = false;
    std::optional<RecordId> open_meeting_;
    MeetingSteps steps_;
    ObservationCapture observation_;
    ReflectionWriting reflection_;
    GoalsAndPractice goals_;
    std::optional<store::RecordSearch> search_index_;
    RecordFinder finder_;
    std::optional<std::int64_t> search_due_at_ms_;  // the search typed waits until then
    // The latest edit of a long text, stored once typing pauses (edit_due_at_ms_).
    std::optional<ui::Command> deferred_edit_;
    std::optional<std::int64_t> edit_due_at_ms_;
    TodayAgenda agenda_;
    std::set<RecordId> check_ins_postponed_;  // pairings not to ask about again this visit
    std::optional<RecordId> check_in_advice_;  // the pairing answered "not really" just now
    std::optional<ui::DeleteRecord> deleted_;  // what Undo brings back
    ui::Screen before_search_ = ui::Screen::today;  // where Esc goes back to
    std::string private_note_problem_;
    // The new pairing's choices, as ids (the view shows them as indexes).
    std::optional<RecordId> new_coach_, new_coachee_;
    std::optional<store::CoachingQueries> queries_;
    std::string sqlite_version_;
    crypto::SelfTestReport crypto_;
    std::optional<crypto::Identity> identity_;  // the profile's keys, made on its first visit
    BundleExchange exchange_;
    ui::ShellView view_;
    std::vector<HostRequest> host_requests_;
};

// `name` (a file name from outside) made fit to show: valid UTF-8 without
// control characters, at most 60 characters with an ellipsis.
std::string displayable_file_name(std::string_view name);

// A byte count for people: "812 bytes", "3.4 KB", "64 MB" (binary multiples).
std::string human_size(std::uint64_t bytes);

}  // namespace tandem::app
