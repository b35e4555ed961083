#pragma once
// The application shell: the navigation sidebar (its width adjustable), the
// current screen's content area, a notice line and the status line, filling
// ImGui's main viewport.

#include <optional>
#include <string>
#include <vector>

#include "ui/command.hpp"
#include "ui/library_screen.hpp"
#include "ui/meeting_screen.hpp"
#include "ui/observation_screen.hpp"
#include "ui/reflection_screen.hpp"
#include "ui/search_screen.hpp"
#include "ui/share_screen.hpp"
#include "ui/today_screen.hpp"
#include "ui/vault_screen.hpp"
#include "ui/pairings_screen.hpp"
#include "ui/profile_safety.hpp"
#include "ui/people_screen.hpp"
#include "ui/preferences.hpp"
#include "ui/screen.hpp"
#include "ui/theme.hpp"

namespace tandem::ui {

// A message for the user at the top of the content, until dismissed.
struct Notice {
    std::string text;
    bool problem = false;  // something went wrong, rather than news
};

// A text field's content as the user typed it, and, when it could not be
// kept as typed, why in plain words (empty otherwise).
struct FieldView {
    std::string text;
    std::string problem;
};

// A partner whose keys the profile trusts, as Settings lists them.
struct PartnerKeyView {
    RecordId person;
    std::string name;
    std::string fingerprint;
    std::string state;  // "Checked on 2026-12-02", or "Revoked: files from these keys are refused"
    bool revoked = false;
    bool can_trust_again = false;  // revoked, and no other keys of theirs are trusted now
    bool comparing = false;        // the comparison before trusting them again is open
};

// The user's own profile, as shown in Settings.
struct ProfileView {
    FieldView name;
    FieldView subject;
    std::string fingerprint;   // to compare in person
    std::vector<PartnerKeyView> partners;  // whose keys are trusted, oldest first
};

// A message about the records that stays while its cause lasts, with what
// the user can do about it.
struct Banner {
    std::string title;
    std::string text;
    struct Action {
        std::string label;
        Command command;
    };
    std::vector<Action> actions;
};

// Where the records are kept, in sentences for Settings; empty ones are left out.
struct StorageView {
    std::string where;        // e.g. kept in this browser, or only in memory
    std::string persistence;  // whether the browser may clear them
    std::string usage;        // how much of the allowance is used
};

// What the shell shows; owned by the app, which updates it as commands arrive.
struct ShellView {
    // Set while no profile is unlocked: its screens are all that is drawn.
    std::optional<VaultView> vault;
    Screen screen = Screen::today;
    Preferences preferences;
    std::optional<Notice> notice;
    bool file_over_page = false;  // a file is being dragged over the page
    ProfileView profile;
    PeopleView people;      // kept current while People is shown
    PairingsView pairings;  // kept current while Pairings is shown
    MeetingView meeting;    // kept current while a meeting is open
    ObservationView observation;  // kept current while an observation is open
    ReflectionView reflection;    // kept current while a reflection is open
    SearchView search;            // the last search and its results
    TodayView today;              // kept current while Today is shown
    LibraryView library;          // kept current while Library is shown
    ShareView share;              // the bundle being written or taken in
    std::optional<Banner> banner;
    std::string undo;  // "Meeting deleted.": offered to undo until dismissed; empty when nothing is
    bool read_only = false;      // the records cannot be changed here now
    bool records_kept = false;   // the records are kept on this device
    bool can_lock = false;       // a profile is unlocked: Lock is offered
    std::optional<ProfileSafetyView> safety;  // while one is: Settings' parts about it
    StorageView storage;
    // Settings, About Tandem: the versions of what Tandem is built on and the
    // outcome of its self-test, one line each.
    std::vector<std::string> about;
    // One line each for the status line (how saving stands, and what could
    // not be saved); `problem` marks a line to stand out.
    struct StatusItem {
        std::string text;
        bool problem = false;
    };
    std::vector<StatusItem> status;
};

// Draws the shell for one frame inside ImGui::NewFrame()/Render(), appending
// the user's requests to `commands`.
void draw_shell(const ShellView& view, const Fonts& fonts, std::vector<Command>& commands);

}  // namespace tandem::ui
