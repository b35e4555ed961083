#pragma once
// The Share screen: sending a pairing's records to the partner as a bundle
// file, and taking in a bundle they sent, with its preview (who it is from,
// their fingerprint, what it changes) before anything is merged.

#include <string>
#include <vector>

#include "core/record_id.hpp"
#include "ui/command.hpp"
#include "ui/widgets.hpp"

namespace tandem::ui {

// Sending: who the bundle is for and what it holds.
struct ExportView {
    RecordId pairing;
    std::string pairing_title;        // "Alex Kim coaching Sam Patel"
    std::string partner_name;         // "Sam Patel"
    bool partner_key = false;         // the partner's keys are trusted: the bundle can be sealed to them
    std::string partner_fingerprint;  // theirs, when trusted
    int recipient = 0;                // 0: the partner's key; 1: a passphrase
    std::string passphrase;
    std::string passphrase_problem;
    int range = 0;                    // 0: everything; 1: changed from `since` to `until` (empty: now)
    std::string since;
    std::string since_problem;
    DateFieldCalendar since_calendar;  // the day `since` names, if any, for its calendar
    std::string until;
    std::string until_problem;
    DateFieldCalendar until_calendar;
    std::string contents;             // what the bundle will hold, in a sentence
    bool working = false;             // the passphrase's key is being made
    float progress = 0;               // of that, 0 to 1 (an estimate)
    std::string written;              // after writing: the file's name and what to do next
    std::string problem;              // why it could not be written
};

// Receiving: where the bundle opened has got to.
struct ImportView {
    // verify: signed by keys not trusted yet; nothing in it is read until the
    // user has compared the fingerprint.
    enum class Stage { none, passphrase, working, verify, preview, done, refused };
    Stage stage = Stage::none;
    std::string file_name;
    std::string passphrase;
    float progress = 0;               // while working
    std::string title;                // "From Alex Kim", or what went wrong
    std::string text;                 // the explanation beneath
    std::string fingerprint;          // the sender's, to compare
    // Why the sender's keys are trusted now without comparing fingerprints
    // (the passphrase vouched for them); empty otherwise.
    std::string trust_note;
    bool keys_changed = false;        // the sender was trusted before, with other keys
    bool revoked_before = false;      // ... and you had stopped trusting those
    std::string link_question;        // "Are you Sam Patel in this pairing?"; empty when not asked
    std::string summary;              // "New: 4 meetings and 2 action steps."
    std::string left_out_title;       // "Left out, because a partner's file may not change them:"; empty if none
    std::vector<std::string> left_out;  // one line per reason, "1 change to your own name and details ..."
    bool can_apply = false;
};

// A text both partners changed at once: the version kept, and the other.
struct ConflictView {
    std::int64_t conflict = 0;
    std::string where;  // "Meeting with Sam Patel, 2026-11-12: Goal"
    std::string shown;  // the text the record holds now
    std::string other;  // the version that was not kept
};

struct ShareView {
    bool importing = false;  // which half is shown
    ExportView send;
    ImportView receive;
    std::vector<ConflictView> conflicts;  // shown while taking in, until each is decided
};

// Draws the screen's body (under its heading), appending the user's requests.
void draw_share(const ShareView& view, bool read_only, std::vector<Command>& commands);

}  // namespace tandem::ui
