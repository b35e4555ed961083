#pragma once
// PairingList: the Pairings screen. Lists the pairings, shows the chosen
// one (its form, meetings, lesson visits, reflections, allowance and year
// chart, and the private check-in when it is due), starts new pairings, and
// adds or removes the sample pairing. The goals panel is GoalsAndPractice's.

#include <optional>
#include <set>
#include <string>

#include "app/command_routing.hpp"
#include "app/workspace.hpp"
#include "ui/command.hpp"
#include "ui/pairings_screen.hpp"
#include "ui/shell.hpp"

namespace tandem::app {

class PairingList {
public:
    using Commands = CommandList<ui::SelectPairing, ui::BeginNewPairing, ui::EditNewPairing, ui::CreatePairing,
                                 ui::CreateSamplePairing, ui::RemoveSamplePairing, ui::AnswerCheckIn,
                                 ui::PostponeCheckIn>;

    void apply(Workspace& work, const ui::SelectPairing& select);
    // Shows the form for a new pairing, with the user as coach and today as its start.
    void apply(Workspace& work, const ui::BeginNewPairing& begin);
    void apply(Workspace& work, const ui::EditNewPairing& edit);
    // Starts the pairing chosen and shows it; a refusal is kept to show.
    void apply(Workspace& work, const ui::CreatePairing& create);
    void apply(Workspace& work, const ui::CreateSamplePairing& create);
    void apply(Workspace& work, const ui::RemoveSamplePairing& remove);
    // Keeps the user's private answer; an honest "not really" gets advice.
    void apply(Workspace& work, const ui::AnswerCheckIn& answer);
    // Not asked again on this pairing while the records stay open.
    void apply(Workspace& work, const ui::PostponeCheckIn& postpone);

    static constexpr ui::Screen screen = ui::Screen::pairings;
    // Shows `pairing` (a search result, one taken in).
    bool open(Workspace& work, const RecordId& pairing);
    // Pairings while it is shown, without its goals panel (GoalsAndPractice
    // adds it); while a meeting is shown, its pairing is the one to go back to.
    void show(Workspace& work, ui::ShellView& view);

    ui::PairingsView view(Workspace& work) const;

private:
    void select(const RecordId& pairing);
    void show_records(Workspace& work, const Record& pairing, ui::PairingsView& view) const;

    std::optional<RecordId> selected_;
    bool creating_ = false;
    // The new pairing's choices, as ids (the view shows them as indexes).
    std::optional<RecordId> new_coach_, new_coachee_;
    std::string starts_on_, problem_;
    std::set<RecordId> check_ins_postponed_;
    std::optional<RecordId> check_in_advice_;  // the pairing answered "not really" just now
};

}  // namespace tandem::app
