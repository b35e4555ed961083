#include "app/record_forms.hpp"

#include "core/edit_rights.hpp"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <optional>

#include "app/command_error_text.hpp"
#include "app/workspace.hpp"
#include "ui/meeting_screen.hpp"

namespace tandem::app {

namespace {

constexpr const char* phases[] = {"Not set", "Early years", "Primary", "Secondary", "Post-16", "Special school",
                                  "All-through"};
constexpr const char* career_stages[] = {"Not set", "Trainee", "Early career", "Establishing", "Experienced"};
constexpr const char* roles[] = {"Coach", "Coachee", "Leader"};

constexpr const char* cadences[] = {"Weekly", "Fortnightly", "Every three weeks", "Flexible"};
constexpr const char* models[] = {"Open conversation", "GROW", "BASIC", "Impact Cycle", "Action-step coaching"};
constexpr const char* pairing_statuses[] = {"Active", "Paused", "Ended"};

constexpr FormFieldDefinition pairing_fields[] = {
    {Pairing::fields::cadence, ui::FormFieldType::choice, "How often you meet", "", cadences},
    {Pairing::fields::model, ui::FormFieldType::choice, "Usual model",
     "Each meeting can follow another model when that suits the conversation.", models},
    {Pairing::fields::allowance_minutes, ui::FormFieldType::hours, "Time allowance (hours a year)", "For example 12"},
    {Pairing::fields::agreement_shared, ui::FormFieldType::paragraph, "What you share",
     "For example: meeting notes, action steps and observations; not private notes", {}, 3},
    {Pairing::fields::confidentiality, ui::FormFieldType::paragraph, "Confidentiality", "", {}, 3},
    {Pairing::fields::appraisal_goals_allowed, ui::FormFieldType::flag, "The coachee may bring appraisal targets",
     "Off unless the coachee chooses it: coaching is kept apart from appraisal."},
    {Pairing::fields::status, ui::FormFieldType::choice, "Status", "", pairing_statuses},
    {Pairing::fields::starts_on, ui::FormFieldType::date, "Starts on", "For example 1 Sep"},
    {Pairing::fields::ends_on, ui::FormFieldType::date, "Ends on", "Leave empty while it goes on"},
};

constexpr const char* meeting_kinds[] = {"Planning", "Debrief", "Modelling", "Feedback"};
constexpr const char* meeting_statuses[] = {"Planned", "Held", "Cancelled"};
constexpr const char* stances[] = {"Not chosen", "Facilitative", "Dialogical", "Directive"};

using Type = ui::FormFieldType;
using M = MeetingFields;
// Every field of the meeting editor, part after part (the spans below).
constexpr FormFieldDefinition meeting_fields[] = {
    // details: 7
    {M::held_on, Type::date, "Date", "For example 24 Nov, or today"},
    {M::duration_minutes, Type::number, "Length (minutes)", "For example 30"},
    {M::meeting_kind, Type::choice, "Kind of meeting", "", meeting_kinds},
    {M::status, Type::choice, "Status", "", meeting_statuses},
    {M::model, Type::choice, "Model", "", models},
    {M::stance, Type::choice, "Your stance", "", stances},
    {M::next_on, Type::date, "Next meeting", "When you will meet again, for example next Tuesday", {}, 4, DateLean::future},
    // GROW: 4
    {M::grow_goal, Type::paragraph, "Goal", "What do you want from this conversation?"},
    {M::grow_reality, Type::paragraph, "Reality", "What is happening now? What have you noticed?"},
    {M::grow_options, Type::paragraph, "Options", "What could you do? What else?"},
    {M::grow_will, Type::paragraph, "Will", "What will you do, and by when?"},
    // BASIC: 5
    {M::basic_background, Type::paragraph, "Background", "What has led to this?"},
    {M::basic_aim, Type::paragraph, "Aim", "What would success look like?"},
    {M::basic_strategy, Type::paragraph, "Strategy", "Which approach will you take?"},
    {M::basic_implementation, Type::paragraph, "Implementation", "What exactly happens, and when?"},
    {M::basic_commitment, Type::paragraph, "Commitment", "What are you committing to?"},
    // Impact Cycle: 6
    {M::impact_reality, Type::paragraph, "Identify: current reality", "What does the video, student work or conversation show?"},
    {M::impact_goal, Type::paragraph, "Identify: goal and its measure", "Powerful, easy, emotionally compelling, reachable, student-focused"},
    {M::impact_strategy_checklist, Type::paragraph, "Learn: the strategy's steps", "A checklist of the strategy, step by step"},
    {M::impact_modelling, Type::paragraph, "Learn: modelling", "How will the strategy be seen in action?"},
    {M::impact_progress, Type::paragraph, "Improve: progress against the measure", "What does the measure show now?"},
    {M::impact_next_actions, Type::paragraph, "Improve: next actions", "What comes next?"},
    // action-step coaching: 5
    {M::step_praise, Type::paragraph, "Precise praise", "What went well, exactly?"},
    {M::step_probe, Type::paragraph, "Probe", "A question that leads to the step"},
    {M::step_see_it, Type::paragraph, "See it", "The model or exemplar"},
    {M::step_name_it, Type::paragraph, "Name it", "The step in a few words"},
    {M::step_do_it, Type::paragraph, "Do it", "Rehearsal: the rounds and the feedback on each"},
    // notes: 1
    {M::shared_notes, Type::paragraph, ui::shared_notes_label, "What you both see after sharing", {}, 6},
};
static_assert(std::size(meeting_fields) == 7 + 4 + 5 + 6 + 5 + 1, "the parts' spans below count these");
constexpr std::span<const FormFieldDefinition> all_meeting_fields{meeting_fields};

constexpr FormFieldDefinition step_fields[] = {
    {ActionStep::fields::wording, Type::paragraph, "The step", "One small, concrete thing to do", {}, 2},
    {ActionStep::fields::success_criteria, Type::paragraph, "Success looks like", "What an observer would see", {}, 2},
    {ActionStep::fields::practice_task, Type::paragraph, "Practice", "What to rehearse, and how", {}, 2},
    {ActionStep::fields::check_back_on, Type::date, "Check back on", "For example 8 Dec, or in 2 weeks", {}, 4,
     DateLean::future},
};

// Every field of an observation: its details (4), then the praise (1).
constexpr FormFieldDefinition observation_fields[] = {
    {Observation::fields::focus, Type::line, "Focus of the visit", "What you agreed to look at, for example: wait time"},
    {Observation::fields::class_name, Type::line, "Class", "For example: 9B, or Year 4"},
    {Observation::fields::observed_on, Type::date, "Date", "For example 24 Nov, or today"},
    {Observation::fields::duration_minutes, Type::number, "Length (minutes)", "For example 20"},
    {Observation::fields::praise, Type::paragraph, "What went well",
     "Precise praise to open the conversation with", {}, 3},
};
constexpr std::span<const FormFieldDefinition> all_observation_fields{observation_fields};

constexpr FormFieldDefinition observation_note_fields[] = {
    {ObservationNote::fields::body, Type::paragraph, "Note", "", {}, 2},
};

// Every field of a goal: the goal and its measure (4), then PEERS (5).
constexpr FormFieldDefinition goal_fields[] = {
    {Goal::fields::statement, Type::paragraph, "Goal", "What you want to be different for your students", {}, 2},
    {Goal::fields::measure, Type::line, "How you will know", "For example: students started within two minutes"},
    {Goal::fields::baseline, Type::line, "Where it is now", "For example: about six minutes"},
    {Goal::fields::target, Type::line, "Where you want it", "For example: two minutes, most lessons"},
    {Goal::fields::peers_powerful, Type::flag, "Powerful", ""},
    {Goal::fields::peers_easy, Type::flag, "Easy to understand", ""},
    {Goal::fields::peers_emotional, Type::flag, "Emotionally compelling", ""},
    {Goal::fields::peers_reachable, Type::flag, "Reachable", ""},
    {Goal::fields::peers_student_focused, Type::flag, "Student-focused", ""},
};
constexpr std::span<const FormFieldDefinition> all_goal_fields{goal_fields};

constexpr FormFieldDefinition practice_fields[] = {
    {Practice::fields::practised_on, Type::date, "Practised on", "For example 24 Nov, or today", {}, 4, DateLean::past},
    {Practice::fields::script, Type::paragraph, "What you practised", "What you rehearsed, and how it went", {}, 2},
};

constexpr FormFieldDefinition person_fields[] = {
    {Person::fields::display_name, ui::FormFieldType::line, "Name", "First name and surname"},
    {Person::fields::subject, ui::FormFieldType::line, "Subject or year group", "For example: Year 4, or chemistry"},
    {Person::fields::roles, ui::FormFieldType::bits, "Roles", "", roles},
    {Person::fields::phase, ui::FormFieldType::choice, "Phase", "", phases},
    {Person::fields::career_stage, ui::FormFieldType::choice, "Career stage",
     "It only tunes the prompts Tandem offers in meetings.", career_stages},
};

std::string shown_text(const FieldValue& value, FieldType type, const DateReader& dates, DateLean lean) {
    if (const auto* text = std::get_if<std::string>(&value)) return *text;
    if (const auto* number = std::get_if<std::int64_t>(&value)) {
        if (type == FieldType::date) return dates.words(CalendarDate{static_cast<std::int32_t>(*number)}, lean);
        return std::to_string(*number);
    }
    return {};
}

const FormFieldDefinition* definition_of(std::span<const FormFieldDefinition> definitions, FieldIndex field) {
    for (const FormFieldDefinition& definition : definitions)
        if (definition.field == field) return &definition;
    return nullptr;
}

}  // namespace

std::string date_problem_text(const DateRefusal& refusal, DayOrder order) {
    const char* figures = order == DayOrder::day_month ? "21/12/2026" : "12/21/2026";
    switch (refusal.problem) {
        case DateProblem::no_such_month:
            return std::string("There is no such month. Write the ") +
                   (order == DayOrder::day_month ? "day, then the month" : "month, then the day") + ": " + figures +
                   ".";
        case DateProblem::no_such_day:
            return std::string(month_name(refusal.month)) + " " + std::to_string(refusal.year) + " has " +
                   std::to_string(CalendarDate::days_in_month(refusal.year, refusal.month)) + " days.";
        case DateProblem::wrong_weekday:
            return std::to_string(refusal.day) + " " + std::string(month_short_name(refusal.month)) + " " +
                   std::to_string(refusal.year) + " is a " + std::string(weekday_name(refusal.weekday)) + ".";
        case DateProblem::out_of_range: return "Tandem keeps dates from the year 2000 to 2100.";
        case DateProblem::not_a_date: break;
    }
    return std::string("Tandem cannot read this as a date. Try 21 Dec, ") + figures + ", or next Tuesday.";
}

std::optional<std::int64_t> whole_number(std::string_view text) {
    while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
    while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
    std::int64_t value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || error != std::errc() || end != text.data() + text.size()) return std::nullopt;
    return value;
}

// "12", "1.5", "0.25": minutes as hours, without trailing zeros.
std::string hours_text(std::int64_t minutes) {
    if (minutes % 60 == 0) return std::to_string(minutes / 60);
    char text[32];
    std::snprintf(text, sizeof text, "%.2f", static_cast<double>(minutes) / 60.0);
    std::string shown = text;
    while (shown.back() == '0') shown.pop_back();
    return shown;
}

// Hours typed as "12", "1.5" or "1,5" in minutes, rounded; nullopt if not a number.
std::optional<std::int64_t> minutes_of_hours(std::string_view text) {
    while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
    while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
    std::string digits(text);
    for (char& c : digits)
        if (c == ',') c = '.';
    if (digits.empty() || digits.find_first_not_of("0123456789.") != std::string::npos ||
        digits.find('.') != digits.rfind('.') || digits == ".")
        return std::nullopt;
    const double hours = std::strtod(digits.c_str(), nullptr);
    if (!(hours >= 0 && hours < 1e6)) return std::nullopt;
    return static_cast<std::int64_t>(std::llround(hours * 60.0));
}

const char* const default_confidentiality =
    "What we say stays between the two of us. Private notes are for their author alone. Nothing here is used for "
    "appraisal or performance management, and neither of us shares it without the other's agreement.";

std::span<const FormFieldDefinition> person_form() { return person_fields; }
std::span<const FormFieldDefinition> pairing_form() { return pairing_fields; }

const char* choice_name(Cadence cadence) { return cadences[static_cast<std::size_t>(cadence)]; }
const char* choice_name(CoachingModel model) { return models[static_cast<std::size_t>(model)]; }

std::span<const FormFieldDefinition> meeting_details_form() { return all_meeting_fields.subspan(0, 7); }

std::span<const FormFieldDefinition> meeting_model_form(CoachingModel model) {
    switch (model) {
        case CoachingModel::grow: return all_meeting_fields.subspan(7, 4);
        case CoachingModel::basic: return all_meeting_fields.subspan(11, 5);
        case CoachingModel::impact_cycle: return all_meeting_fields.subspan(16, 6);
        case CoachingModel::action_step: return all_meeting_fields.subspan(22, 5);
        case CoachingModel::open_conversation: break;
    }
    return {};
}

std::span<const FormFieldDefinition> meeting_notes_form() { return all_meeting_fields.subspan(27, 1); }
std::span<const FormFieldDefinition> action_step_form() { return step_fields; }
std::span<const FormFieldDefinition> observation_details_form() { return all_observation_fields.subspan(0, 4); }
std::span<const FormFieldDefinition> observation_praise_form() { return all_observation_fields.subspan(4, 1); }
std::span<const FormFieldDefinition> observation_note_form() { return observation_note_fields; }
std::span<const FormFieldDefinition> goal_form() { return all_goal_fields.subspan(0, 4); }
std::span<const FormFieldDefinition> goal_peers_form() { return all_goal_fields.subspan(4, 5); }
std::span<const FormFieldDefinition> practice_form() { return practice_fields; }


std::span<const FormFieldDefinition> form_for(Kind kind) {
    switch (kind) {
        case Kind::person: return person_form();
        case Kind::pairing: return pairing_form();
        case Kind::meeting: return all_meeting_fields;
        case Kind::action_step: return action_step_form();
        case Kind::observation: return all_observation_fields;
        case Kind::observation_note: return observation_note_form();
        case Kind::goal: return all_goal_fields;
        case Kind::practice: return practice_form();
        default: return {};
    }
}

ui::DateFieldCalendar date_calendar(const DateReader& dates, const std::string& typed, DateLean lean) {
    ui::DateFieldCalendar calendar{std::nullopt, dates.today(), dates.first_weekday()};
    if (auto read = dates.read(typed, lean); read && read.value()) calendar.selected = *read.value();
    return calendar;
}

std::string kept_date_text(const DateReader& dates, std::string text, DateLean lean) {
    auto read = dates.read(text, lean);
    if (read && read.value() && read.value()->iso() == text) return dates.words(*read.value(), lean);
    return text;
}

ui::RecordForm RecordForms::build(const Record& record, std::span<const FormFieldDefinition> definitions,
                                  bool read_only, const DateReader& dates, const RecordId& actor) const {
    ui::RecordForm form;
    form.today = dates.today();
    form.first_weekday = dates.first_weekday();
    form.kind = record.kind;
    form.id = record.id;
    form.read_only = read_only;
    const KindSpec& spec = kind_spec(record.kind);
    for (const FormFieldDefinition& definition : definitions) {
        ui::FormField field;
        field.field = definition.field;
        field.read_only = !may_change_field(record, definition.field, actor);
        field.type = definition.type;
        field.label = definition.label;
        field.hint = definition.hint;
        field.lines = definition.lines;
        for (const char* option : definition.options) field.options.emplace_back(option);
        const FieldValue& value = record.field(definition.field).value;
        if (const auto* number = std::get_if<std::int64_t>(&value)) field.value = *number;
        field.text = shown_text(value, spec.field(definition.field).shape.type, dates, definition.lean);
        if (spec.field(definition.field).shape.type == FieldType::date)
            if (const auto* days = std::get_if<std::int64_t>(&value))
                field.date = CalendarDate{static_cast<std::int32_t>(*days)};
        if (definition.type == ui::FormFieldType::hours) field.text = hours_text(field.value);
        if (auto typed = typed_.find({record.id, definition.field}); typed != typed_.end()) {
            field.text = typed->second.text;
            field.problem = typed->second.problem;
        }
        form.fields.push_back(std::move(field));
    }
    return form;
}

void RecordForms::apply(CommandContext& context, const ui::EditField& edit,
                        std::span<const FormFieldDefinition> definitions, const DateReader& dates) {
    const FormFieldDefinition* definition = definition_of(definitions, edit.field);
    if (!definition) return;  // not a field this form offers
    const FieldSpec& spec = kind_spec(edit.kind).field(edit.field);
    const auto key = std::make_pair(edit.id, edit.field);
    auto keep = [&](std::string problem) { typed_[key] = Typed{edit.text, std::move(problem), definition->label}; };
    FieldValue value;
    if (edit.chosen) {
        value = *edit.chosen;
    } else if (spec.shape.type == FieldType::date) {
        const auto date = dates.read(edit.text, definition->lean);
        if (!date) {
            keep(date_problem_text(date.error(), dates.order()));
            return;
        }
        if (date.value()) value = std::int64_t{date.value()->days};  // blank: unset
    } else if (definition->type == ui::FormFieldType::hours) {
        const auto minutes = minutes_of_hours(edit.text);
        if (!minutes) {
            keep("Write the hours as a number, for example 12 or 1.5.");
            return;
        }
        value = *minutes;
    } else if (spec.shape.type == FieldType::integer) {
        const auto number = whole_number(edit.text);
        if (!number) {
            keep("Write a whole number, for example 30.");
            return;
        }
        value = *number;
    } else {
        value = edit.text;
    }
    if (auto updated = update_field(context, edit.kind, edit.id, edit.field, std::move(value)); !updated) {
        keep(command_error_text(updated.error()));
        return;
    }
    typed_.erase(key);
}

void RecordForms::apply(Workspace& work, const ui::EditField& edit) {
    if (work.context) apply(*work.context, edit, form_for(edit.kind), work.dates);
}

std::vector<std::string> RecordForms::unsaved() const {
    std::vector<std::string> fields;
    for (const auto& [key, typed] : typed_) fields.push_back(std::string(typed.label) + ": " + typed.problem);
    return fields;
}

bool RecordForms::has_typed(const RecordId& id) const {
    for (const auto& [key, typed] : typed_)
        if (key.first == id) return true;
    return false;
}

void RecordForms::forget(const RecordId& id) {
    for (auto it = typed_.begin(); it != typed_.end();)
        it = it->first.first == id ? typed_.erase(it) : std::next(it);
}

}  // namespace tandem::app
