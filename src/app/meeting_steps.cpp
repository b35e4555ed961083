#include "app/meeting_steps.hpp"

#include "app/command_error_text.hpp"
#include "core/edit_rights.hpp"

#include <algorithm>

namespace tandem::app {

namespace {

constexpr const char* status_words[] = {"Planned", "Practising", "Embedded", "Dropped"};

const char* status_word(StepStatus status) { return status_words[static_cast<std::size_t>(status)]; }

// ASCII letters in lower case; other bytes as they are.
std::string lower_case(std::string text) {
    for (char& c : text)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return text;
}

// The words of what was typed, in lower case.
std::vector<std::string> words_of(const std::string& typed) {
    std::vector<std::string> words;
    std::string word;
    for (const char c : lower_case(typed) + " ") {
        if (c == ' ' || c == ',' || c == '\t') {
            if (!word.empty()) words.push_back(std::move(word));
            word.clear();
        } else {
            word += c;
        }
    }
    return words;
}

// Steps are checked on two weeks after they are set, unless the pair agreed
// when to meet next.
constexpr int default_check_back_days = 14;

}  // namespace

ui::ActionStepsView MeetingSteps::view(Workspace& work, const Meeting& meeting) {
    ui::ActionStepsView view;
    if (auto ids = work.queries.parts(store::Parts::steps_of_meeting, meeting.meta.id, work.me)) {
        for (const RecordId& id : ids.value()) {
            auto record = load_record(work.store, Kind::action_step, id);
            if (!record) continue;
            const ActionStep step = from_record<ActionStep>(record.value());
            ui::ActionStepView shown;
            shown.form = work.form(record.value(), action_step_form());
            shown.can_delete = may_delete(record.value(), work.me);
            shown.status = step.status;
            shown.history.push_back("Set on " + work.dates.words(step.set_on));
            if (auto changes = work.queries.parts(store::Parts::history_of_step, id, work.me)) {
                for (const RecordId& change_id : changes.value()) {
                    if (auto change = load<StepStatusChange>(work.store, change_id))
                        shown.history.push_back(std::string(status_word(change.value().status)) + " on " +
                                                work.dates.words(change.value().changed_on));
                }
            }
            if (auto problem = status_problems_.find(id); problem != status_problems_.end()) shown.problem = problem->second;
            view.steps.push_back(std::move(shown));
        }
    }
    read_library(work);
    view.library_filter = library_filter_;
    const std::vector<std::string> words = words_of(library_filter_);
    for (const Offered& entry : library_) {
        const bool matches = std::all_of(words.begin(), words.end(), [&](const std::string& word) {
            return entry.folded.find(word) != std::string::npos;
        });
        if (!matches) continue;
        if (view.library.empty() || view.library.back().area != entry.area) view.library.push_back({entry.area, {}});
        view.library.back().steps.push_back({entry.id, entry.title, entry.wording});
    }
    view.new_wording = new_wording_;
    view.problem = problem_;
    return view;
}

void MeetingSteps::read_library(Workspace& work) {
    if (library_read_at_ == work.store.saves_of(Kind::library_entry)) return;
    auto entries = work.store.load_all(Kind::library_entry);
    if (!entries) return;
    library_.clear();
    for (const Record& record : entries.value()) {
        if (record.is_deleted()) continue;
        const LibraryEntry entry = from_record<LibraryEntry>(record);
        Offered offered{record.id, std::string(library_area_name(entry.area)), entry.title, entry.wording, {}};
        offered.folded = lower_case(offered.area + " " + offered.title + " " + offered.wording);
        library_.push_back(std::move(offered));
    }
    // By area, then as the library lists them.
    std::stable_sort(library_.begin(), library_.end(),
                     [](const Offered& a, const Offered& b) { return a.area < b.area; });
    library_read_at_ = work.store.saves_of(Kind::library_entry);
}

void MeetingSteps::find_in_library(std::string text) {
    library_filter_ = std::move(text);
    problem_.clear();
}

void MeetingSteps::edit_new(std::string text) {
    new_wording_ = std::move(text);
    problem_.clear();
}

void MeetingSteps::add(Workspace& work, const Meeting& meeting, const std::optional<RecordId>& library_entry) {
    const bool from_library = library_entry.has_value();
    if (!work.context) return;
    ActionStep step;
    step.pairing = meeting.pairing;
    step.meeting = meeting.meta.id;
    step.set_on = meeting.held_on;
    step.check_back_on = meeting.next_on.value_or(meeting.held_on.plus_days(default_check_back_days));
    if (from_library) {
        auto entry = load<LibraryEntry>(work.store, *library_entry);
        if (!entry) {
            problem_ = command_error_text(entry.error());
            return;
        }
        if (entry.value().meta.deleted) return;  // gone from the library since it was offered
        step.library_entry = entry.value().meta.id;
        step.wording = entry.value().wording;
        step.success_criteria = entry.value().success_criteria;
        step.practice_task = entry.value().practice_task;
    } else {
        step.wording = new_wording_;
    }
    if (auto created = create(*work.context, step); !created) {
        problem_ = command_error_text(created.error());
        return;
    }
    problem_.clear();
    if (from_library) library_filter_.clear();
    else new_wording_.clear();
}

void MeetingSteps::set_status(Workspace& work, const ui::SetStepStatus& change) {
    if (!work.context) return;
    auto changed = set_step_status(*work.context, change.step, change.status, work.today);
    if (!changed) status_problems_[change.step] = command_error_text(changed.error());
    else status_problems_.erase(change.step);
}

void MeetingSteps::reset() {
    library_filter_.clear();
    new_wording_.clear();
    problem_.clear();
    status_problems_.clear();
}

}  // namespace tandem::app
