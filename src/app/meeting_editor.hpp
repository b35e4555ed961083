#pragma once
// MeetingEditor: the meeting open in the editor. Records a new meeting of a
// pairing, opens stored ones, keeps the user's private note on it (a Note
// record of theirs alone: made with the first words typed, changed as they
// are typed, deleted when emptied), and holds its action steps
// (MeetingSteps). The goals panel of an Impact Cycle is GoalsAndPractice's.

#include <cstdint>
#include <optional>
#include <string>

#include "app/command_routing.hpp"
#include "app/meeting_steps.hpp"
#include "app/workspace.hpp"
#include "ui/command.hpp"
#include "ui/meeting_screen.hpp"
#include "ui/shell.hpp"

namespace tandem::app {

class MeetingEditor {
public:
    using Commands = CommandList<ui::NewMeeting, ui::OpenMeeting, ui::EditPrivateNote, ui::FindLibraryStep,
                                 ui::EditNewStep, ui::AddActionStep, ui::SetStepStatus>;

    // Records a meeting held today, in the pairing's model, with the next
    // meeting proposed from its rhythm, and opens it.
    void apply(Workspace& work, const ui::NewMeeting& start);
    void apply(Workspace& work, const ui::OpenMeeting& open_it);
    void apply(Workspace& work, const ui::EditPrivateNote& edit);
    void apply(Workspace& work, const ui::FindLibraryStep& find);
    void apply(Workspace& work, const ui::EditNewStep& typed);
    void apply(Workspace& work, const ui::AddActionStep& add);
    void apply(Workspace& work, const ui::SetStepStatus& change);

    static constexpr ui::Screen screen = ui::Screen::meeting;
    // Opens meeting `id` (a search result, an agenda line).
    bool open(Workspace& work, const RecordId& id);
    // The meeting open, if one is.
    const std::optional<RecordId>& shown() const { return open_; }
    // The meeting while it is shown, without its goals panel; back to
    // Pairings when it is gone.
    void show(Workspace& work, ui::ShellView& view);
    // When `screen` is not the meeting's, or another meeting is open: a
    // meeting recorded here and left without a change (nothing typed, no
    // step, no note) is deleted, so an abandoned "Record a meeting" leaves
    // nothing behind (and adds no time to the allowance).
    void left_unless(Workspace& work, ui::Screen screen);

    // The meeting as the editor shows it, without its goals panel; nullopt
    // when none is open or it is gone.
    std::optional<ui::MeetingView> view(Workspace& work);

private:
    // The open meeting, if it is still there.
    std::optional<Meeting> meeting(Workspace& work) const;
    // The user's private note on `meeting`, if they wrote one.
    std::optional<Note> private_note(Workspace& work, const RecordId& meeting) const;

    // A meeting NewMeeting recorded, and the store's save count just after:
    // while the count is the same, nothing has been changed since.
    struct Untouched {
        RecordId id;
        std::uint64_t saves = 0;
    };
    std::optional<Untouched> untouched_;
    std::optional<RecordId> open_;
    MeetingSteps steps_;
    std::optional<std::string> typed_note_;  // the private note as typed since the meeting was opened
    std::string note_problem_;
};

}  // namespace tandem::app
