#pragma once
// OpenRecords: everything that exists only while a profile's records are
// open: the record store and its queries, the clock that stamps edits, the
// profile's keys, the forms being typed into, and every screen's part.
// Opening is constructing it and closing is destroying it, so nothing of one
// profile's records can outlive them. It also routes each UI command about
// records to the one part that handles it (command_routing.hpp).

#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "app/command_routing.hpp"
#include "app/conflict_choices.hpp"
#include "app/goals_and_practice.hpp"
#include "app/library_list.hpp"
#include "app/meeting_editor.hpp"
#include "app/observation_capture.hpp"
#include "app/pairing_list.hpp"
#include "app/people_list.hpp"
#include "app/profile_settings.hpp"
#include "app/record_finder.hpp"
#include "app/record_forms.hpp"
#include "app/reflection_writing.hpp"
#include "app/sharing_screen.hpp"
#include "app/today_agenda.hpp"
#include "app/undo_offer.hpp"
#include "app/workspace.hpp"
#include "core/hybrid_clock.hpp"
#include "store/database.hpp"
#include "ui/shell.hpp"

namespace tandem::app {

// The commands App handles itself: how Tandem looks, which screen it shows,
// and the storage of the records rather than what they hold.
struct ShellCommands {
    using Commands = CommandList<ui::NavigateTo, ui::SetTheme, ui::ChangeTextSize, ui::SetSidebarWidth,
                                 ui::ChooseFileToOpen, ui::DismissNotice, ui::RetrySaving, ui::ExportRecords,
                                 ui::UseRecordsHere, ui::CloseSearch, ui::LockProfile, ui::SetLockAfter, ui::EditVaultField,
                                 ui::ChooseProfileColour, ui::ChooseProfile, ui::StartNewProfile, ui::BackToProfiles,
                                 ui::CreateProfile, ui::SaveRecoveryCode, ui::ConfirmRecoveryCodeKept,
                                 ui::FinishNewProfile, ui::UnlockProfile, ui::UseRecoveryCode,
                                 ui::UnlockWithRecoveryCode, ui::EditPassphraseChange, ui::ChangePassphrase,
                                 ui::EditDeleteConfirmation, ui::DeleteProfile>;
};

// The screens' parts. Each lists the commands it handles (`Commands`) and
// handles each with `apply(Workspace&, const Command&)`; a part with a
// screen of its own names it (`screen`) and opens a record there
// (`bool open(Workspace&, const RecordId&)`), and a part that shows
// something fills its part of the shell's view (`show(Workspace&,
// ui::ShellView&)`), in this order: a screen whose record is gone goes back
// to Pairings before Pairings is shown, the profile before its partners,
// the goals panel after the screens that hold it, and the conflicts after
// the rest of Share.
template <class... Parts>
struct PartList {
    using Tuple = std::tuple<Parts...>;
    // 0 for a command of ShellCommands, else 1 + the index of its part.
    template <class Command>
    static constexpr std::size_t route = destination_of<Command, ShellCommands, Parts...>();
};
using ScreenParts = PartList<ProfileSettings, MeetingEditor, ObservationCapture, ReflectionWriting, PeopleList,
                             PairingList, LibraryList, GoalsAndPractice, RecordFinder, TodayAgenda, UndoOffer,
                             RecordForms, SharingScreen, ConflictChoices>;

// The keys of the store's device state that never leave this device, not
// even in a copy of the records: the profile's secret keys and whom it trusts.
std::span<const std::string_view> device_only_keys();

// When a call happens, on this device's clock and calendar.
struct Moment {
    CalendarDate today;
    std::int64_t now_ms = 0;
    std::int64_t second_of_day = 0;  // 0..86399, local time
    DayOrder day_order = DayOrder::day_month;  // how this device's locale writes a date in figures
    unsigned first_weekday = 0;                // where its weeks start: 0 Monday to 6 Sunday
};

class OpenRecords {
public:
    // Opens the records in `database`, which must outlive them (as must
    // `wall` and `random`): the store, its queries, this device's site and
    // clock, the profile's keys (made on its first visit) and own person.
    // Fails, naming the problem, when the records cannot be used at all.
    static Result<std::unique_ptr<OpenRecords>, std::string> open(store::Database& database, WallClock& wall,
                                                                  RandomSource& random);
    OpenRecords(const OpenRecords&) = delete;
    OpenRecords& operator=(const OpenRecords&) = delete;

    // What the parts work on for one call; `writable` false lends no
    // CommandContext, so nothing can be changed. `edit_waiting`: a typed
    // edit is held back until typing pauses (App::dispatch).
    Workspace workspace(Navigator& navigator, bool writable, const Moment& moment, bool edit_waiting);

    // Applies a command to the one part that handles it.
    template <class Command>
    void apply(Workspace& work, const Command& command) {
        std::get<ScreenParts::route<Command> - 1>(parts_).apply(work, command);
    }
    // Opens `destination`'s record on its screen's part; false when it
    // cannot be opened there (it is gone).
    bool select(Workspace& work, const Destination& destination);
    // The profile's own person is now `person` (ProfileSettings::adopt).
    void adopt(Workspace& work, const RecordId& person) { part<ProfileSettings>().adopt(work, person); }

    // Rebuilds the view model of `view.screen` (and the profile, undo offer)
    // from the records; a screen whose record is gone goes back to Pairings.
    // Before that, parts whose screen is not shown (any more) tidy up
    // (`left_unless(work, screen)`): a meeting opened and left untouched goes.
    void show(Workspace& work, ui::ShellView& view);
    // The own person as stored; empty before there is one.
    Person own_profile(Workspace& work) { return part<ProfileSettings>().stored(work); }

    // Work put off until typing pauses (the search typed): when it is due,
    // and running it.
    std::optional<std::int64_t> due_at() const { return part<RecordFinder>().due_at(); }
    void run_due(Workspace& work) { part<RecordFinder>().run(work); }

    // A file the user opened, taken in on the Share screen; a derived key.
    void receive(Workspace& work, std::string_view name, std::span<const std::uint8_t> bytes) {
        part<SharingScreen>().receive(work, name, bytes);
    }
    void key_derived(Workspace& work, std::uint64_t id, std::optional<std::array<std::uint8_t, 32>> key) {
        part<SharingScreen>().key_derived(work, id, key);
    }
    // The fields whose typed text could not be stored (RecordForms::unsaved()).
    std::vector<std::string> unsaved_fields() const { return part<RecordForms>().unsaved(); }
    // Whether a passphrase's key is being derived, and its progress now in `share`.
    bool deriving_key() const { return part<SharingScreen>().working(); }
    void show_progress(std::int64_t now_ms, ui::ShareView& share) const { part<SharingScreen>().progress(now_ms, share); }

    store::SqliteRecordStore& store() { return *store_; }
    store::CoachingQueries& queries() { return queries_; }
    // The profile's keys; nullopt when they could not be read (identity_problem() says why).
    const std::optional<crypto::Identity>& identity() const { return identity_; }
    const std::string& identity_problem() const { return identity_problem_; }
    RecordId me() const { return part<ProfileSettings>().me(); }
    // The record open on `screen` (a meeting, visit or written reflection), if one is.
    std::optional<RecordId> shown_on(ui::Screen screen) const;

private:
    OpenRecords(std::unique_ptr<store::SqliteRecordStore> store, store::CoachingQueries queries,
                std::optional<store::RecordSearch> search, std::span<const Record> people, SiteId site,
                WallClock& wall, std::uint64_t last_clock, RandomSource& random);
    template <class Part>
    Part& part() {
        return std::get<Part>(parts_);
    }
    template <class Part>
    const Part& part() const {
        return std::get<Part>(parts_);
    }

    std::unique_ptr<store::SqliteRecordStore> store_;
    store::CoachingQueries queries_;
    HybridClock clock_;
    RandomSource& random_;
    std::optional<crypto::Identity> identity_;
    std::string identity_problem_;
    ScreenParts::Tuple parts_;
};

}  // namespace tandem::app
