#include "app/observation_capture.hpp"

#include <algorithm>
#include <cstdio>

#include "app/command_error_text.hpp"
#include "core/edit_rights.hpp"
#include "core/text_symbols.hpp"
#include "core/utf8.hpp"

namespace tandem::app {

std::string time_of_day_text(std::int64_t second_of_day) {
    const std::int64_t minutes = (second_of_day / 60) % (24 * 60);
    char text[8];
    std::snprintf(text, sizeof text, "%02d:%02d", static_cast<int>(minutes / 60), static_cast<int>(minutes % 60));
    return text;
}

std::string note_time_text(std::int64_t second_of_day, std::int64_t first_second) {
    const std::int64_t minutes = std::max<std::int64_t>(0, second_of_day - first_second) / 60;
    return std::to_string(minutes) + " min in" + symbols::separator + time_of_day_text(second_of_day);
}

void ObservationCapture::apply(Workspace& work, const ui::NewObservation& start) {
    if (!work.context) return;
    Observation draft;
    draft.pairing = start.pairing;
    draft.observed_on = work.today;
    auto created = create(*work.context, draft);
    if (!created) {
        work.navigator.notice(command_error_text(created.error()), true);
        return;
    }
    work.navigator.show(Destination{ui::Screen::observation, created.value()});
}

void ObservationCapture::apply(Workspace& work, const ui::OpenObservation& open_it) {
    work.navigator.show(Destination{ui::Screen::observation, open_it.id});
}

void ObservationCapture::show(Workspace& work, ui::ShellView& view) {
    if (view.screen != screen) return;
    if (auto observation = this->view(work)) view.observation = std::move(*observation);
    else view.screen = ui::Screen::pairings;
}

bool ObservationCapture::open(Workspace&, const RecordId& observation) {
    if (shown_ != observation) {
        new_note_.clear();
        new_tally_.clear();
    }
    shown_ = observation;
    note_problem_.clear();
    tally_problem_.clear();
    return true;
}

std::optional<ui::ObservationView> ObservationCapture::view(Workspace& work) {
    if (!shown_) return std::nullopt;
    auto record = load_record(work.store, Kind::observation, *shown_);
    if (!record || record.value().is_deleted()) {
        shown_.reset();
        return std::nullopt;
    }
    const Observation observation = from_record<Observation>(record.value());
    ui::ObservationView view;
    view.id = observation.meta.id;
    view.title = "Lesson visit";
    if (auto pairing = load<Pairing>(work.store, observation.pairing)) {
        // Named from where the user stands: the coachee's own lesson, or the one the coach visits.
        const bool mine = pairing.value().coachee == work.me;
        const RecordId other = mine ? pairing.value().coach : pairing.value().coachee;
        if (auto person = load<Person>(work.store, other))
            view.title = mine ? "Your lesson, visited by " + person.value().display_name
                              : "Lesson visit: " + person.value().display_name;
    }
    view.own = may_add_part(record.value(), work.me);
    view.details = work.form(record.value(), observation_details_form());
    view.details.columns = 2;
    view.praise = work.form(record.value(), observation_praise_form());
    if (auto notes = work.queries.parts(store::Parts::notes_of_observation, view.id, work.me)) {
        std::optional<std::int64_t> first_second;  // the first note's: the notes are in time order
        for (const RecordId& id : notes.value()) {
            auto note = load_record(work.store, Kind::observation_note, id);
            if (!note) continue;
            const ObservationNote shown = from_record<ObservationNote>(note.value());
            if (!first_second) first_second = shown.second_of_day;
            ui::RecordForm form = work.form(note.value(), observation_note_form());
            ui::FormField& field = form.fields.at(0);
            field.label = note_time_text(shown.second_of_day, *first_second);
            // Tall enough for the whole note, so that nothing written is hidden.
            const std::size_t characters = utf8_code_points(shown.body).value_or(shown.body.size());
            field.lines = static_cast<int>(std::clamp<std::size_t>(characters / 64 + 1, 1, 8));
            view.notes.push_back(std::move(form));
        }
    }
    if (auto tallies = work.queries.parts(store::Parts::tallies_of_observation, view.id, work.me)) {
        for (const RecordId& id : tallies.value()) {
            if (auto tally = load<Tally>(work.store, id))
                view.tallies.push_back({id, tally.value().label, tally.value().total});
        }
    }
    view.new_note = new_note_;
    view.note_problem = note_problem_;
    view.new_tally = new_tally_;
    view.tally_problem = tally_problem_;
    return view;
}

void ObservationCapture::apply(Workspace&, const ui::EditNewObservationNote& typed) {
    new_note_ = typed.text;
    note_problem_.clear();
}

void ObservationCapture::apply(Workspace& work, const ui::AddObservationNote& add) {
    if (!work.context || add.observation != shown_) return;
    ObservationNote draft;
    draft.observation = add.observation;
    draft.second_of_day = work.second_of_day;
    draft.body = new_note_;
    if (auto created = create(*work.context, draft); !created) {
        note_problem_ = command_error_text(created.error());
        return;
    }
    new_note_.clear();
    note_problem_.clear();
}

void ObservationCapture::apply(Workspace&, const ui::EditNewTally& typed) {
    new_tally_ = typed.text;
    tally_problem_.clear();
}

void ObservationCapture::apply(Workspace& work, const ui::AddTally& add) {
    if (!work.context || add.observation != shown_) return;
    Tally draft;
    draft.observation = add.observation;
    draft.label = new_tally_;
    if (auto created = create(*work.context, draft); !created) {
        tally_problem_ = command_error_text(created.error());
        return;
    }
    new_tally_.clear();
    tally_problem_.clear();
}

void ObservationCapture::apply(Workspace& work, const ui::CountTally& tap) {
    if (!work.context) return;
    auto tally = load<Tally>(work.store, tap.tally);
    if (!tally) return;
    const std::int64_t total = std::max<std::int64_t>(0, tally.value().total + tap.delta);
    if (auto updated = update_field(*work.context, Kind::tally, tap.tally, Tally::fields::total, total); !updated)
        tally_problem_ = command_error_text(updated.error());
}

}  // namespace tandem::app
