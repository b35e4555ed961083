#pragma once
// RecordForms: the record forms the screens show, and the edits typed into
// them. Each form lists the fields of one kind that a screen offers, with
// the words teachers see; what was typed but could not be stored stays here
// (with the reason) until a later edit of that field is stored, so nothing
// typed is lost on a validation error.

#include <map>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "app/command_routing.hpp"
#include "core/command_error.hpp"
#include "core/date_reading.hpp"
#include "core/record.hpp"
#include "core/record_commands.hpp"
#include "ui/command.hpp"
#include "ui/record_form.hpp"
#include "ui/widgets.hpp"

namespace tandem::app {

struct Workspace;

// One field as a form shows it; options are static strings.
struct FormFieldDefinition {
    FieldIndex field;
    ui::FormFieldType type;
    const char* label;
    const char* hint = "";
    std::span<const char* const> options = {};
    int lines = 4;
    DateLean lean = DateLean::nearest;  // a date typed without a year: which year it falls in
};

// The fields of a person that People offers.
std::span<const FormFieldDefinition> person_form();
// The fields of a pairing that Pairings offers.
std::span<const FormFieldDefinition> pairing_form();
// The meeting editor's parts: when and how (date, length, kind, status,
// model, stance, next meeting); the fields of the meeting's model (none for
// an open conversation); and the shared notes.
std::span<const FormFieldDefinition> meeting_details_form();
std::span<const FormFieldDefinition> meeting_model_form(CoachingModel model);
std::span<const FormFieldDefinition> meeting_notes_form();
// The fields of an action step that a meeting offers.
std::span<const FormFieldDefinition> action_step_form();
// An observation's parts: focus, class, date and length; what went well; and
// one timestamped note (its label is replaced by the note's time).
std::span<const FormFieldDefinition> observation_details_form();
std::span<const FormFieldDefinition> observation_praise_form();
std::span<const FormFieldDefinition> observation_note_form();
// A goal: the goal, how it is measured, baseline and target; then its PEERS
// checklist (powerful, easy, emotional, reachable, student-focused).
std::span<const FormFieldDefinition> goal_form();
std::span<const FormFieldDefinition> goal_peers_form();
// An entry of the practice log: when, and what was practised.
std::span<const FormFieldDefinition> practice_form();

// The form the screens offer for records of `kind` (for a meeting, all its
// parts); empty for kinds with none.
std::span<const FormFieldDefinition> form_for(Kind kind);

// The words for a choice, as the forms offer it ("Fortnightly", "GROW").
const char* choice_name(Cadence cadence);
const char* choice_name(CoachingModel model);

// The calendar beside a date typed outside a record form: today, the first
// day of the week, and the day `typed` names (read with `lean`), if any.
ui::DateFieldCalendar date_calendar(const DateReader& dates, const std::string& typed, DateLean lean = DateLean::nearest);

// A date field's text as the field keeps it: a day picked in its calendar
// (which arrives as "2026-09-15") in words ("Tue 15 Sep"), anything typed as typed.
std::string kept_date_text(const DateReader& dates, std::string text, DateLean lean = DateLean::nearest);

// Why typed text is not a date, in words, with examples in `order`.
std::string date_problem_text(const DateRefusal& refusal, DayOrder order);

// The confidentiality statement a new pairing starts with; the pair can change it.
extern const char* const default_confidentiality;

class RecordForms {
public:
    using Commands = CommandList<ui::EditField>;

    // One edit of any form: stored through apply() below with the form the
    // screens offer for its kind; nothing while the records are read-only.
    void apply(Workspace& work, const ui::EditField& edit);

    // The form of `record` with the fields of `definitions`, showing the
    // stored values (dates in `dates`' words), or what was typed where it
    // could not be stored. Fields `actor` may not change (edit_rights.hpp)
    // are shown to read; with `read_only`, none may be changed.
    ui::RecordForm build(const Record& record, std::span<const FormFieldDefinition> definitions, bool read_only,
                         const DateReader& dates, const RecordId& actor) const;

    // Stores one edit of a form built from `definitions` through the core's
    // update command, reading dates with `dates`. A value that cannot be
    // read (a date, a number) or that the command refuses is kept, with its
    // reason, for build() to show.
    void apply(CommandContext& context, const ui::EditField& edit, std::span<const FormFieldDefinition> definitions,
               const DateReader& dates);

    // The fields whose typed text could not be stored, as "label: reason",
    // for the status line; empty when everything typed was kept.
    std::vector<std::string> unsaved() const;

    // Whether anything typed for record `id` waits, unstored, with its reason.
    bool has_typed(const RecordId& id) const;

    // Forgets what was typed for `id` (it was deleted, or another record is shown).
    void forget(const RecordId& id);

private:
    struct Typed {
        std::string text;
        std::string problem;
        const char* label = "";  // the field's, as its form shows it
    };
    std::map<std::pair<RecordId, FieldIndex>, Typed> typed_;
};

}  // namespace tandem::app
