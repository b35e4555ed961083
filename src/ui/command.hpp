#pragma once
// Commands: what a screen asks the app to do. Screens emit them; the app
// dispatches them. A command carries values only, never pointers into UI state.

#include <cstdint>
#include <optional>
#include <string>
#include <variant>

#include "core/choices.hpp"
#include "core/field_spec.hpp"
#include "core/record_id.hpp"
#include "core/record_kind.hpp"
#include "ui/screen.hpp"
#include "ui/theme.hpp"

namespace tandem::ui {

// Show another screen.
struct NavigateTo {
    Screen screen;
};

// Switch between the light and dark theme.
struct SetTheme {
    Theme theme;
};

// Make text larger (steps > 0) or smaller by that many of the offered sizes;
// `reset` goes back to 100 %.
struct ChangeTextSize {
    int steps = 0;
    bool reset = false;
};

// Set the sidebar's width, in CSS pixels.
struct SetSidebarWidth {
    int width;
};

// Open the browser's file picker to receive a bundle.
struct ChooseFileToOpen {};

// Close the notice at the top of the screen.
struct DismissNotice {};

// The fields of the user's own profile that Settings edits.
enum class ProfileField { name, subject };

// Set a field of the user's own profile to what they typed.
struct EditProfile {
    ProfileField field;
    std::string text;
};

// Try again now to save what is not saved yet.
struct RetrySaving {};

// Download a copy of the records (or of what can be read of them).
struct ExportRecords {};

// Take the records over from the other tab that has them.
struct UseRecordsHere {};

// What the user entered in one field of a record form: the value chosen
// (choice, flag and bits fields), or else the text as typed.
struct EditField {
    Kind kind;
    RecordId id;
    FieldIndex field;
    std::string text;
    std::optional<std::int64_t> chosen;
};

// Show person `id` on People.
struct SelectPerson {
    RecordId id;
};

// Show pairing `id` on Pairings.
struct SelectPairing {
    RecordId id;
};

// Show library entry `id` in full on Library.
struct SelectLibraryEntry {
    RecordId id;
};

// The name typed for a person about to be added.
struct EditNewPersonName {
    std::string text;
};

// Add the person named so far, and show them.
struct AddPerson {};

// Show the form for a new pairing in place of the selected one.
struct BeginNewPairing {};

// What is chosen so far for a new pairing: the indexes of the coach and the
// coachee in the list of people offered (-1: none), and the first day as typed.
struct EditNewPairing {
    int coach = -1;
    int coachee = -1;
    std::string starts_on;
};

// Start the pairing chosen so far, and show it.
struct CreatePairing {};

// Record a new meeting of pairing `pairing`, and open it.
struct NewMeeting {
    RecordId pairing;
};

// Open the meeting `id` in the meeting editor.
struct OpenMeeting {
    RecordId id;
};

// The text of the user's private note on meeting `meeting`.
struct EditPrivateNote {
    RecordId meeting;
    std::string text;
};

// What is typed to find a step in the library; the list offered narrows to it.
struct FindLibraryStep {
    std::string text;
};

// The wording typed for a new step of the user's own.
struct EditNewStep {
    std::string text;
};

// Set a new action step in meeting `meeting`: from library entry
// `library_entry`, or without one, the wording typed.
struct AddActionStep {
    RecordId meeting;
    std::optional<RecordId> library_entry;
};

// Move action step `step` to `status`; its history keeps the change.
struct SetStepStatus {
    RecordId step;
    StepStatus status;
};

// Start an observation of a lesson in pairing `pairing`, and open it.
struct NewObservation {
    RecordId pairing;
};

// Open the observation `id` for capture.
struct OpenObservation {
    RecordId id;
};

// The text typed for the next timestamped note of the open observation.
struct EditNewObservationNote {
    std::string text;
};

// Add the note typed so far to observation `observation`, stamped with the time now.
struct AddObservationNote {
    RecordId observation;
};

// The name typed for a new tally of the open observation.
struct EditNewTally {
    std::string text;
};

// Add a tally with the name typed so far to observation `observation`.
struct AddTally {
    RecordId observation;
};

// Count one more (delta 1) or one fewer (delta -1) on tally `tally`.
struct CountTally {
    RecordId tally;
    int delta = 1;
};

// Start writing a reflection in pairing `pairing`, and open it.
struct NewReflection {
    RecordId pairing;
};

// Open the reflection `id`.
struct OpenReflection {
    RecordId id;
};

// The open reflection as it stands: the prompt chosen (an index into the
// prompts offered), whether it is for its author alone, and its text.
struct EditReflection {
    int prompt = 0;
    bool private_to_me = false;
    std::string body;
};

// What is typed in Search.
struct EditSearch {
    std::string text;
};

// Open the search result at `index` where it belongs.
struct OpenSearchResult {
    int index = 0;
};

// Leave Search for the screen shown before it.
struct CloseSearch {};

// The user's private answer to "Is this partnership working for you?" for
// pairing `pairing`.
struct AnswerCheckIn {
    RecordId pairing;
    CheckInAnswer answer;
};

// Not now: ask about pairing `pairing` again on a later visit.
struct PostponeCheckIn {
    RecordId pairing;
};

// The text typed for a new goal, or a new entry of the practice log, of the
// pairing shown.
struct EditNewGoal {
    std::string text;
};
struct EditNewPractice {
    std::string text;
};

// Add the goal, or the practice entry, typed so far to pairing `pairing`.
struct AddGoal {
    RecordId pairing;
};
struct AddPractice {
    RecordId pairing;
};

// Make the sample pairing, to try Tandem with, and show it.
struct CreateSamplePairing {};

// Remove the sample pairing `pairing`, all it holds, and its made-up colleague.
struct RemoveSamplePairing {
    RecordId pairing;
};

// Delete record `id` of `kind` (it can be undone).
struct DeleteRecord {
    Kind kind;
    RecordId id;
};

// Bring back what was deleted last.
struct UndoDelete {};

// Close the undo offer.
struct DismissUndo {};

// Open what line `index` of Today's agenda is about.
struct OpenAgendaItem {
    int index = 0;
};

// Open the Share screen to send pairing `pairing`'s records to the partner.
struct BeginExport {
    RecordId pairing;
};

// Who a bundle is for, and what it holds, as chosen on the Share screen.
struct EditExport {
    int recipient = 0;  // 0: the partner's key; 1: a passphrase
    std::string passphrase;
    int range = 0;      // 0: everything; 1: what changed from `since` to `until`
    std::string since;  // a date as typed, e.g. "2026-11-01"
    std::string until;  // the last day, or empty for up to now
};

// Offer a passphrase of four random words in the passphrase field.
struct SuggestPassphrase {};

// Write the bundle and download it.
struct WriteExport {};

// The passphrase typed to open a bundle.
struct EditImportPassphrase {
    std::string passphrase;
};

// Open the bundle with the passphrase typed.
struct OpenWithPassphrase {};

// The fingerprints were compared in person and match: trust the sender.
struct TrustSender {};

// The user is the person of the pairing the bundle names as them.
struct ConfirmLink {};

// Merge the bundle's records, or put the bundle aside.
struct ApplyImport {};
struct CancelImport {};

// What to do with a text written on both sides at once.
enum class ConflictChoice { keep_shown, use_other, keep_both };
struct ResolveConflict {
    std::int64_t conflict = 0;
    ConflictChoice choice = ConflictChoice::keep_shown;
};

// Stop accepting bundles signed with `person`'s keys.
struct RevokePartner {
    RecordId person;
};

// `person`'s fingerprint was compared again and matches: trust their keys
// (again, if they were revoked), checked today.
struct ReverifyPartner {
    RecordId person;
};

// Opens the fingerprint comparison that must come before trusting
// `person`'s revoked keys again; a nil person closes it.
struct AskToTrustAgain {
    RecordId person;
};

// [SECTION] The profiles and their vaults, before any records are open

// The fields of the profile and vault screens.
enum class VaultField { profile_name, passphrase, repeat, recovery_code };

// Set a field of the profile screens to what the user typed.
struct EditVaultField {
    VaultField field;
    std::string text;
};

// Pick the colour (0 to 7) of the profile being made.
struct ChooseProfileColour {
    int colour = 0;
};

// Open profile `id` from the list: its unlock screen.
struct ChooseProfile {
    std::string id;
};

// Make a new profile; Back to profiles leaves it, or any other screen of these.
struct StartNewProfile {};
struct BackToProfiles {};

// Make the profile as the form says (name, colour, passphrase twice).
struct CreateProfile {};

// The new profile's recovery code: download it as a text file; say it is
// kept somewhere safe; then go on to the records.
struct SaveRecoveryCode {};
struct ConfirmRecoveryCodeKept {
    bool kept = false;
};
struct FinishNewProfile {};

// Unlock the chosen profile with the passphrase typed; or switch to the
// recovery code, and unlock with it and a new passphrase.
struct UnlockProfile {};
struct UseRecoveryCode {};
struct UnlockWithRecoveryCode {};

// Lock the open profile now.
struct LockProfile {};
// Lock the open profile by itself after this many minutes without use.
struct SetLockAfter {
    int minutes = 10;
};

// The fields of Settings' passphrase change.
enum class PassphraseChangeField { current, fresh, repeat };
// Set a field of the passphrase change to what the user typed.
struct EditPassphraseChange {
    PassphraseChangeField field;
    std::string text;
};
// Change the open profile's passphrase as the fields say.
struct ChangePassphrase {};
// The open profile's name, typed to delete it; then delete it with all its records.
struct EditDeleteConfirmation {
    std::string text;
};
struct DeleteProfile {};

using Command = std::variant<NavigateTo, SetTheme, ChangeTextSize, SetSidebarWidth, ChooseFileToOpen, DismissNotice,
                             EditProfile, RetrySaving, ExportRecords, UseRecordsHere, EditField, SelectPerson, SelectPairing,
                             SelectLibraryEntry,
                             EditNewPersonName, AddPerson, BeginNewPairing, EditNewPairing, CreatePairing, NewMeeting,
                             OpenMeeting, EditPrivateNote, FindLibraryStep, EditNewStep, AddActionStep, SetStepStatus,
                             NewObservation, OpenObservation, EditNewObservationNote, AddObservationNote, EditNewTally,
                             AddTally, CountTally, NewReflection, OpenReflection, EditReflection,
                             EditSearch, OpenSearchResult, CloseSearch, OpenAgendaItem,
                             AnswerCheckIn, PostponeCheckIn, DeleteRecord, UndoDelete, DismissUndo,
                             CreateSamplePairing, RemoveSamplePairing, EditNewGoal, EditNewPractice, AddGoal,
                             AddPractice, BeginExport, EditExport, SuggestPassphrase, WriteExport,
                             EditImportPassphrase, OpenWithPassphrase, TrustSender, ConfirmLink, ApplyImport,
                             CancelImport, RevokePartner, ReverifyPartner, AskToTrustAgain, ResolveConflict,
                             EditVaultField, ChooseProfileColour, ChooseProfile, StartNewProfile, BackToProfiles,
                             CreateProfile, SaveRecoveryCode, ConfirmRecoveryCodeKept, FinishNewProfile, UnlockProfile,
                             UseRecoveryCode, UnlockWithRecoveryCode, LockProfile, SetLockAfter, EditPassphraseChange,
                             ChangePassphrase, EditDeleteConfirmation, DeleteProfile>;

}  // namespace tandem::ui
