#include "app/pairing_list.hpp"

#include <algorithm>
#include <map>
#include <vector>

#include "app/command_error_text.hpp"
#include "app/pairing_timeline.hpp"
#include "app/people_list.hpp"
#include "app/sample_pairing.hpp"
#include "core/check_in_cadence.hpp"
#include "core/record_binding.hpp"
#include "core/text_symbols.hpp"
#include "core/utf8.hpp"

namespace tandem::app {

namespace {

constexpr const char* not_working_advice =
    "It helps to raise it early, while it is easy to change: what would make your meetings more useful? You might "
    "try another model or stance, meet more or less often, or agree a fresh focus. A partnership can also pause or "
    "end without blame. Your answer stays with you.";

// The start of `text` on one line: about 80 bytes, cut after a word (or
// between characters), with an ellipsis when cut.
std::string first_words(std::string_view text) {
    constexpr std::size_t shown = 80;
    std::size_t end = 0;
    while (end < text.size() && end < shown) {
        const std::size_t length = utf8_sequence_length(text, end);
        if (length == 0 || end + length > shown) break;
        end += length;
    }
    if (end < text.size()) {
        const std::size_t space = text.substr(0, end).rfind(' ');
        if (space != std::string_view::npos && space > shown / 2) end = space;
    }
    std::string line(text.substr(0, end));
    for (char& c : line)
        if (c == '\n' || c == '\t') c = ' ';
    return end < text.size() ? line + symbols::ellipsis : line;
}

// "Fortnightly · GROW · since Tue 1 Sep": how a pairing works, for its row.
std::string pairing_detail(const Pairing& pairing, const DateReader& dates) {
    std::string detail = choice_name(pairing.cadence);
    if (pairing.model != CoachingModel::open_conversation)
        detail += symbols::separator + std::string(choice_name(pairing.model));
    if (pairing.status == PairingStatus::paused) detail += symbols::separator + std::string("paused");
    if (pairing.status == PairingStatus::ended) detail += symbols::separator + std::string("ended");
    else detail += symbols::separator + ("since " + dates.words(pairing.starts_on));
    return detail;
}

// The meeting rows of a timeline (oldest first), newest first.
std::vector<ui::PairingRow> meeting_rows(std::span<const store::TimelineEntry> timeline, const DateReader& dates) {
    std::vector<ui::PairingRow> rows;
    for (auto newest = timeline.rbegin(); newest != timeline.rend(); ++newest) {
        const store::TimelineEntry& entry = *newest;
        if (entry.kind != Kind::meeting) continue;
        std::string detail = entry.summary.empty() ? std::string("Nothing written yet") : entry.summary;
        if (entry.status == static_cast<std::int64_t>(MeetingStatus::planned))
            detail = "Planned" + (symbols::separator + detail);
        if (entry.status == static_cast<std::int64_t>(MeetingStatus::cancelled)) detail = "Cancelled";
        rows.push_back({entry.id, "Meeting on " + dates.words(entry.date), detail});
    }
    return rows;
}

// The lesson-visit rows of a timeline (oldest first), newest first.
std::vector<ui::PairingRow> visit_rows(std::span<const store::TimelineEntry> timeline, const DateReader& dates) {
    std::vector<ui::PairingRow> rows;
    for (auto newest = timeline.rbegin(); newest != timeline.rend(); ++newest) {
        const store::TimelineEntry& entry = *newest;
        if (entry.kind != Kind::observation) continue;
        rows.push_back({entry.id, "Lesson visit on " + dates.words(entry.date),
                        entry.summary.empty() ? "No focus written" : "Focus: " + entry.summary});
    }
    return rows;
}

// When `date` is, in words and from today: "Mon 21 Dec, in 2 weeks".
std::string when_text(const DateReader& dates, CalendarDate date) {
    return dates.words(date) + ", " + dates.distance(date);
}

// The title, next meeting and current step of `pairing`, as its header shows them.
ui::PairingHeader header_of(Workspace& work, const Pairing& pairing) {
    ui::PairingHeader header;
    if (pairing.coach == work.me) header.title = "Coaching " + work.person_name(pairing.coachee, "your coachee");
    else if (pairing.coachee == work.me) header.title = "Coached by " + work.person_name(pairing.coach, "your coach");
    else
        header.title = work.person_name(pairing.coach, "A coach") + " coaching " +
                       work.person_name(pairing.coachee, "a colleague");
    // The next meeting: the first one planned from today, else the date agreed at the last one held.
    std::optional<CalendarDate> planned, agreed, last_held;
    if (auto meetings = work.store.load_where(Kind::meeting, "pairing = ?1 AND deleted = 0", pairing.meta.id)) {
        for (const Record& record : meetings.value()) {
            const Meeting meeting = from_record<Meeting>(record);
            if (meeting.status == MeetingStatus::planned && !(meeting.held_on < work.today) &&
                (!planned || meeting.held_on < *planned))
                planned = meeting.held_on;
            if (meeting.status == MeetingStatus::held && (!last_held || !(meeting.held_on < *last_held))) {
                last_held = meeting.held_on;
                agreed = meeting.next_on;
            }
        }
    }
    if (const auto next = planned ? planned : agreed) header.next_meeting = when_text(work.dates, *next);
    // The step: the latest set of those still planned or being practised.
    std::optional<ActionStep> current;
    if (auto steps = work.store.load_where(Kind::action_step, "pairing = ?1 AND deleted = 0", pairing.meta.id)) {
        for (const Record& record : steps.value()) {
            const ActionStep step = from_record<ActionStep>(record);
            if (step.status != StepStatus::planned && step.status != StepStatus::practising) continue;
            if (!current || current->set_on < step.set_on ||
                (current->set_on == step.set_on && current->meta.created_at_ms < step.meta.created_at_ms))
                current = step;
        }
    }
    if (current) {
        header.step = current->wording;
        header.success = current->success_criteria;
        if (current->check_back_on) header.check_back = when_text(work.dates, *current->check_back_on);
        header.step_meeting = current->meeting;
    }
    return header;
}

}  // namespace

void PairingList::select(const RecordId& pairing) {
    if (selected_ != pairing) check_in_advice_.reset();
    selected_ = pairing;
    creating_ = false;
}

bool PairingList::open(Workspace&, const RecordId& pairing) {
    select(pairing);
    return true;
}

void PairingList::show(Workspace& work, ui::ShellView& view) {
    // Going back from a meeting shows its pairing.
    if (view.screen == ui::Screen::meeting) selected_ = view.meeting.pairing;
    if (view.screen == screen) view.pairings = this->view(work);
}

void PairingList::apply(Workspace&, const ui::SelectPairing& chosen) {
    check_in_advice_.reset();
    select(chosen.id);
}

void PairingList::apply(Workspace& work, const ui::BeginNewPairing&) {
    creating_ = true;
    new_coach_ = work.me.is_nil() ? std::nullopt : std::optional<RecordId>(work.me);
    new_coachee_.reset();
    // The only person who could be the coachee is chosen already.
    const std::vector<Person> people = people_by_name(work);
    if (people.size() == 2 && !work.me.is_nil())
        for (const Person& person : people)
            if (person.meta.id != work.me) new_coachee_ = person.meta.id;
    starts_on_ = work.dates.words(work.today);
    problem_.clear();
}

void PairingList::apply(Workspace& work, const ui::EditNewPairing& edit) {
    const std::vector<Person> people = people_by_name(work);
    const auto pick = [&](int index) -> std::optional<RecordId> {
        if (index < 0 || static_cast<std::size_t>(index) >= people.size()) return std::nullopt;
        return people[static_cast<std::size_t>(index)].meta.id;
    };
    new_coach_ = pick(edit.coach);
    new_coachee_ = pick(edit.coachee);
    starts_on_ = kept_date_text(work.dates, edit.starts_on);
    problem_.clear();
}

void PairingList::apply(Workspace& work, const ui::CreatePairing&) {
    if (!work.context || work.me.is_nil()) return;
    if (!new_coach_ || !new_coachee_) {
        problem_ = "Choose the coach and the coachee.";
        return;
    }
    const auto starts_read = work.dates.read(starts_on_);
    if (!starts_read || !starts_read.value()) {
        problem_ = starts_read ? "Write the first day, for example 1 Sep." : date_problem_text(starts_read.error(), work.dates.order());
        return;
    }
    const std::optional<CalendarDate> starts_on = starts_read.value();
    Pairing pairing;
    pairing.coach = *new_coach_;
    pairing.coachee = *new_coachee_;
    pairing.starts_on = *starts_on;
    pairing.confidentiality = default_confidentiality;
    auto created = create(*work.context, pairing);
    if (!created) {
        problem_ = command_error_text(created.error());
        return;
    }
    select(created.value());
    new_coachee_.reset();
}

void PairingList::apply(Workspace& work, const ui::CreateSamplePairing&) {
    if (!work.context) return;
    auto sample = create_sample_pairing(work);
    if (!sample) work.navigator.notice(command_error_text(sample.error()), true);
    else work.navigator.show(Destination{ui::Screen::pairings, sample.value()});
}

void PairingList::apply(Workspace& work, const ui::RemoveSamplePairing& remove) {
    if (!work.context) return;
    if (auto removed = remove_sample_pairing(work, remove.pairing); !removed) {
        work.navigator.notice(command_error_text(removed.error()), true);
        return;
    }
    selected_.reset();
    work.navigator.notice("The sample pairing is removed.", false);
}

void PairingList::apply(Workspace& work, const ui::AnswerCheckIn& answer) {
    if (!work.context || work.me.is_nil()) return;
    PairingCheckIn check_in;
    check_in.pairing = answer.pairing;
    check_in.answered_on = work.today;
    check_in.answer = answer.answer;
    check_in.meta.visibility = Visibility::private_to_author;
    if (auto created = create(*work.context, check_in); !created) {
        work.navigator.notice(command_error_text(created.error()), true);
        return;
    }
    if (answer.answer == CheckInAnswer::not_really) check_in_advice_ = answer.pairing;
}

void PairingList::apply(Workspace&, const ui::PostponeCheckIn& postpone) { check_ins_postponed_.insert(postpone.pairing); }

ui::PairingsView PairingList::view(Workspace& work) const {
    ui::PairingsView view;
    view.needs_own_name = work.me.is_nil();
    view.creating = creating_;
    const std::vector<Person> people = people_by_name(work);
    std::map<RecordId, std::string> names;
    ui::NewPairingView& draft = view.new_pairing;
    draft.starts_on = starts_on_;
    draft.starts_on_calendar = date_calendar(work.dates, starts_on_);
    draft.problem = problem_;
    for (std::size_t i = 0; i < people.size(); ++i) {
        names[people[i].meta.id] = people[i].display_name;
        draft.people.push_back(people[i].display_name);
        if (new_coach_ && people[i].meta.id == *new_coach_) draft.coach = static_cast<int>(i);
        if (new_coachee_ && people[i].meta.id == *new_coachee_) draft.coachee = static_cast<int>(i);
    }
    auto all = work.store.load_all(Kind::pairing);
    if (!all) return view;
    std::optional<Record> selected;
    for (const Record& record : all.value()) {
        if (record.is_deleted()) continue;
        const Pairing pairing = from_record<Pairing>(record);
        view.rows.push_back({record.id, names[pairing.coach] + " coaching " + names[pairing.coachee],
                             pairing_detail(pairing, work.dates)});
        if (selected_ && record.id == *selected_) selected = record;
    }
    std::stable_sort(view.rows.begin(), view.rows.end(),
                     [](const ui::PairingRow& a, const ui::PairingRow& b) { return name_before(a.title, b.title); });
    if (selected) show_records(work, *selected, view);
    return view;
}

// The chosen pairing: what comes next, its form and everything recorded in it.
void PairingList::show_records(Workspace& work, const Record& record, ui::PairingsView& view) const {
    view.selected = record.id;
    view.header = header_of(work, from_record<Pairing>(record));
    view.form = work.form(record, pairing_form());
    view.sample = is_sample_pairing(work, record.id);
    auto timeline = work.queries.timeline(record.id);
    if (timeline) {
        view.meetings = meeting_rows(timeline.value(), work.dates);
        view.observations = visit_rows(timeline.value(), work.dates);
        view.check_in.asking = check_in_due(timeline.value().rbegin(), timeline.value().rend()) &&
                               !check_ins_postponed_.contains(record.id) && check_in_advice_ != record.id;
        if (check_in_advice_ == record.id) view.check_in.advice = not_working_advice;
    }
    if (auto reflections = work.queries.parts(store::Parts::reflections_of_pairing, record.id, work.me)) {
        for (const RecordId& id : reflections.value()) {
            auto reflection = load<Reflection>(work.store, id);
            if (!reflection) continue;
            const Reflection& shown = reflection.value();
            std::string title = (shown.meta.created_by == work.me ? "Your reflection on " : "Reflection on ") +
                                work.dates.words(shown.written_on);
            if (shown.meta.visibility == Visibility::private_to_author)
                title += symbols::separator + std::string("private to you");
            view.reflections.push_back({id, std::move(title), first_words(shown.body)});
        }
    }
    if (auto used = work.queries.hours_used(record.id, work.today)) {
        const store::HoursUsed& hours = used.value();
        if (timeline) view.timeline = timeline_chart(work, timeline.value(), hours);
        ui::AllowanceView allowance;
        allowance.used_fraction = hours.allowance_minutes > 0 ? static_cast<float>(hours.used_minutes()) /
                                                                    static_cast<float>(hours.allowance_minutes)
                                                              : 0.0f;
        allowance.summary = duration_text(hours.used_minutes()) + " of " + duration_text(hours.allowance_minutes) +
                            " used this year, since " + work.dates.words(hours.period_start) +
                            ". Spend them as it suits you both.";
        view.allowance = allowance;
    }
}

}  // namespace tandem::app
