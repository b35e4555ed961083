#include "app/goals_and_practice.hpp"

#include "app/command_error_text.hpp"
#include "core/records.hpp"

namespace tandem::app {

namespace {

// The pairing's latest coaching cycle that is not deleted, if any.
std::optional<RecordId> latest_cycle(Workspace& work, const RecordId& pairing) {
    auto timeline = work.queries.timeline(pairing);
    if (!timeline) return std::nullopt;
    std::optional<RecordId> cycle;
    for (const store::TimelineEntry& entry : timeline.value())
        if (entry.kind == Kind::cycle) cycle = entry.id;
    return cycle;
}

}  // namespace

void GoalsAndPractice::show(Workspace& work, ui::ShellView& view) {
    if (view.screen == ui::Screen::pairings && view.pairings.selected)
        view.pairings.goals = this->view(work, *view.pairings.selected);
    if (view.screen == ui::Screen::meeting && view.meeting.shows_goals)
        view.meeting.goals = this->view(work, view.meeting.pairing);
}

ui::GoalsView GoalsAndPractice::view(Workspace& work, const RecordId& pairing) {
    if (shown_ != pairing) *this = {};  // what was typed belongs to another pairing
    shown_ = pairing;
    ui::GoalsView view;
    if (auto cycle = latest_cycle(work, pairing)) {
        if (auto goals = work.queries.parts(store::Parts::goals_of_cycle, *cycle, work.me)) {
            for (const RecordId& id : goals.value()) {
                auto goal = load_record(work.store, Kind::goal, id);
                if (!goal) continue;
                view.goals.push_back({work.form(goal.value(), goal_form()),
                                      work.form(goal.value(), goal_peers_form())});
            }
        }
    }
    if (auto log = work.queries.parts(store::Parts::practice_of_pairing, pairing, work.me)) {
        for (const RecordId& id : log.value()) {
            if (auto entry = load_record(work.store, Kind::practice, id))
                view.practice.push_back(work.form(entry.value(), practice_form()));
        }
    }
    view.new_goal = new_goal_;
    view.goal_problem = goal_problem_;
    view.new_practice = new_practice_;
    view.practice_problem = practice_problem_;
    return view;
}

void GoalsAndPractice::apply(Workspace&, const ui::EditNewGoal& typed) {
    new_goal_ = typed.text;
    goal_problem_.clear();
}

void GoalsAndPractice::apply(Workspace&, const ui::EditNewPractice& typed) {
    new_practice_ = typed.text;
    practice_problem_.clear();
}

void GoalsAndPractice::apply(Workspace& work, const ui::AddGoal& add) {
    const RecordId& pairing = add.pairing;
    if (!work.context) return;
    std::optional<RecordId> cycle = latest_cycle(work, pairing);
    if (!cycle) {
        auto shown = load<Pairing>(work.store, pairing);
        if (!shown) {
            goal_problem_ = command_error_text(shown.error());
            return;
        }
        Cycle draft;
        draft.pairing = pairing;
        draft.model = shown.value().model;
        draft.starts_on = work.today;
        auto started = create(*work.context, draft);
        if (!started) {
            goal_problem_ = command_error_text(started.error());
            return;
        }
        cycle = started.value();
    }
    Goal goal;
    goal.cycle = *cycle;
    goal.statement = new_goal_;
    if (auto created = create(*work.context, goal); !created) {
        goal_problem_ = command_error_text(created.error());
        return;
    }
    new_goal_.clear();
    goal_problem_.clear();
}

void GoalsAndPractice::apply(Workspace& work, const ui::AddPractice& add) {
    const RecordId& pairing = add.pairing;
    if (!work.context) return;
    Practice entry;
    entry.pairing = pairing;
    entry.practised_on = work.today;
    entry.script = new_practice_;
    if (auto created = create(*work.context, entry); !created) {
        practice_problem_ = command_error_text(created.error());
        return;
    }
    new_practice_.clear();
    practice_problem_.clear();
}

}  // namespace tandem::app
