#include "app/meeting_editor.hpp"

#include "app/command_error_text.hpp"
#include "core/edit_rights.hpp"
#include "core/next_meeting.hpp"
#include "core/record_binding.hpp"
#include "core/text_symbols.hpp"

namespace tandem::app {

namespace {

// A prompt that suits each stance; none pushes towards another.
std::string stance_prompt(Stance stance) {
    using symbols::left_quote, symbols::right_quote;
    switch (stance) {
        case Stance::facilitative:
            return std::string("Ask, and hold your own ideas back: ") + left_quote + "What do you notice?" +
                   right_quote + ", " + left_quote + "What might you try?" + right_quote;
        case Stance::dialogical:
            return "Think it through together: offer your ideas as possibilities, and ask what your partner makes of "
                   "them.";
        case Stance::directive:
            return std::string("Share what you know plainly, model it, and check it lands: ") + left_quote +
                   "Shall we try it together?" + right_quote;
        case Stance::not_set: break;
    }
    return "Choose how you will coach in this meeting; you can change it at any moment.";
}

// A gentle hint from the coachee's career stage; never a push towards directive.
const char* stage_hint(CareerStage stage) {
    switch (stage) {
        case CareerStage::trainee:
        case CareerStage::early_career:
            return "Early in a career, seeing a step modelled often helps; questions that build their own judgement "
                   "matter just as much.";
        case CareerStage::establishing:
            return "Many teachers at this stage get most from thinking it through together.";
        case CareerStage::experienced:
            return "Experienced teachers often get most from questions that let them lead.";
        case CareerStage::not_set: break;
    }
    return "";
}

}  // namespace

bool MeetingEditor::open(Workspace&, const RecordId& id) {
    open_ = id;
    steps_.reset();
    typed_note_.reset();
    note_problem_.clear();
    return true;
}

void MeetingEditor::show(Workspace& work, ui::ShellView& view) {
    if (view.screen != screen) return;
    if (auto meeting = this->view(work)) view.meeting = std::move(*meeting);
    else view.screen = ui::Screen::pairings;
}

void MeetingEditor::apply(Workspace& work, const ui::NewMeeting& start) {
    if (!work.context || work.me.is_nil()) return;
    auto pairing = load<Pairing>(work.store, start.pairing);
    if (!pairing) return;
    Meeting meeting;
    meeting.pairing = start.pairing;
    meeting.held_on = work.today;
    meeting.status = MeetingStatus::held;
    meeting.model = pairing.value().model;
    meeting.next_on = proposed_next_meeting(work.today, pairing.value().cadence);
    auto created = create(*work.context, meeting);
    if (!created) {
        work.navigator.notice(command_error_text(created.error()), true);
        return;
    }
    untouched_ = Untouched{created.value(), work.store.saves()};
    work.navigator.show(Destination{ui::Screen::meeting, created.value()});
}

void MeetingEditor::left_unless(Workspace& work, ui::Screen shown_screen) {
    if (!untouched_ || (shown_screen == screen && open_ == untouched_->id)) return;
    if (work.edit_waiting) return;  // judged once what was typed is stored
    const Untouched left = *untouched_;
    untouched_.reset();
    const bool typed = work.forms.has_typed(left.id) || typed_note_ || !note_problem_.empty();
    if (!work.context || work.store.saves() != left.saves || typed) return;
    if (auto deleted = delete_record(*work.context, Kind::meeting, left.id); !deleted)
        work.navigator.notice(command_error_text(deleted.error()), true);
}

void MeetingEditor::apply(Workspace& work, const ui::OpenMeeting& open_it) {
    work.navigator.show(Destination{ui::Screen::meeting, open_it.id});
}

void MeetingEditor::apply(Workspace& work, const ui::EditPrivateNote& edit) {
    if (!work.context || work.me.is_nil()) return;
    if (open_ == edit.meeting) typed_note_ = edit.text;
    note_problem_.clear();
    const bool blank = edit.text.find_first_not_of(" \n\t") == std::string::npos;
    Result<void, CommandError> outcome;
    if (auto note = private_note(work, edit.meeting)) {
        outcome = blank ? delete_record(*work.context, Kind::note, note->meta.id)
                        : update_field(*work.context, Kind::note, note->meta.id, Note::fields::body, edit.text);
    } else if (!blank) {
        auto meeting = load<Meeting>(work.store, edit.meeting);
        if (!meeting) return;
        Note draft;
        draft.meta.visibility = Visibility::private_to_author;
        draft.pairing = meeting.value().pairing;
        draft.meeting = edit.meeting;
        draft.body = edit.text;
        if (auto created = create(*work.context, draft); !created) outcome = fail(created.error());
    }
    if (!outcome) note_problem_ = command_error_text(outcome.error());
}

void MeetingEditor::apply(Workspace&, const ui::FindLibraryStep& find) { steps_.find_in_library(find.text); }

void MeetingEditor::apply(Workspace&, const ui::EditNewStep& typed) { steps_.edit_new(typed.text); }

void MeetingEditor::apply(Workspace& work, const ui::AddActionStep& add) {
    const std::optional<Meeting> shown = meeting(work);
    if (shown && add.meeting == shown->meta.id) steps_.add(work, *shown, add.library_entry);
}

void MeetingEditor::apply(Workspace& work, const ui::SetStepStatus& change) {
    if (meeting(work)) steps_.set_status(work, change);
}

std::optional<Meeting> MeetingEditor::meeting(Workspace& work) const {
    if (!open_) return std::nullopt;
    auto meeting = load<Meeting>(work.store, *open_);
    if (!meeting || meeting.value().meta.deleted) return std::nullopt;
    return std::move(meeting).value();
}

std::optional<Note> MeetingEditor::private_note(Workspace& work, const RecordId& meeting) const {
    if (work.me.is_nil()) return std::nullopt;
    auto found = work.queries.private_note(meeting, work.me);
    if (!found || !found.value()) return std::nullopt;
    auto note = load<Note>(work.store, *found.value());
    if (!note) return std::nullopt;
    return std::move(note).value();
}

std::optional<ui::MeetingView> MeetingEditor::view(Workspace& work) {
    if (!open_) return std::nullopt;
    auto record = load_record(work.store, Kind::meeting, *open_);
    if (!record || record.value().is_deleted()) {
        open_.reset();
        return std::nullopt;
    }
    const Meeting meeting = from_record<Meeting>(record.value());
    ui::MeetingView view;
    std::string partner_name;
    CareerStage stage = CareerStage::not_set;
    bool coachee = false;  // the user is the one coached: the stance and its advice are the coach's
    if (auto pairing = load<Pairing>(work.store, meeting.pairing)) {
        coachee = pairing.value().coachee == work.me;
        const RecordId partner = coachee ? pairing.value().coach : pairing.value().coachee;
        if (auto person = load<Person>(work.store, partner)) partner_name = person.value().display_name;
        if (auto coached = load<Person>(work.store, pairing.value().coachee)) stage = coached.value().career_stage;
    }
    view.id = meeting.meta.id;
    view.title = partner_name.empty() ? "Meeting" : "Meeting with " + partner_name;
    view.details = work.form(record.value(), meeting_details_form());
    view.details.columns = 2;
    view.can_delete = may_delete(record.value(), work.me);
    if (meeting.meta.created_by != work.me) view.written_by = work.person_name(meeting.meta.created_by, "Your partner");
    if (coachee) {
        std::erase_if(view.details.fields, [](const ui::FormField& field) { return field.field == Meeting::fields::stance; });
    } else {
        view.stance_prompt = stance_prompt(meeting.stance);
        view.stage_hint = stage_hint(stage);
    }
    ui::RecordForm conversation = work.form(record.value(), meeting_model_form(meeting.model));
    const ui::RecordForm notes = work.form(record.value(), meeting_notes_form());
    conversation.fields.insert(conversation.fields.end(), notes.fields.begin(), notes.fields.end());
    view.conversation = std::move(conversation);
    // What is being typed stays as typed; a note opened afresh shows what is stored.
    if (typed_note_) {
        view.private_note = *typed_note_;
    } else {
        const std::optional<Note> note = private_note(work, meeting.meta.id);
        view.private_note = note ? note->body : std::string();
    }
    view.private_problem = note_problem_;
    view.pairing = meeting.pairing;
    view.shows_goals = meeting.model == CoachingModel::impact_cycle;
    view.steps = steps_.view(work, meeting);
    return view;
}

}  // namespace tandem::app
