#include "ui/meeting_screen.hpp"

#include <imgui.h>

#include <algorithm>

#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace tandem::ui {

namespace {

// The private note: a tinted panel with a lock and "Private to you", so it
// can never be mistaken for what is shared.
void draw_private_note(const MeetingView& view, std::vector<Command>& commands) {
    begin_tinted_panel(px(680), px(16));
    private_mark("Only you see this note. It is kept on this computer and never goes into what you share.");
    ImGui::Dummy(ImVec2(0, px(4)));
    if (auto text = text_area("Private note", view.private_note, view.private_problem,
                              "Your own thoughts: how it went, what you might try next time", 5, true))
        commands.push_back(EditPrivateNote{view.id, std::move(*text)});
    end_tinted_panel();
}

}  // namespace

void draw_meeting(const MeetingView& view, bool read_only, std::vector<Command>& commands) {
    // Everything scrolls, the buttons and title too: on a small screen or
    // with large text the meeting's fields get the height, not a fixed header.
    ImGui::BeginChild("meeting", ImVec2(0, ImGui::GetContentRegionAvail().y), false);
    if (action_button("Back to the pairing")) commands.push_back(NavigateTo{Screen::pairings});
    if (view.can_delete) {
        ImGui::SameLine(0, px(8));
        ImGui::BeginDisabled(read_only);
        if (action_button("Delete meeting")) commands.push_back(DeleteRecord{Kind::meeting, view.id});
        ImGui::EndDisabled();
    }
    ImGui::Dummy(ImVec2(0, px(8)));
    ImGui::TextUnformatted(view.title.c_str());
    if (!view.written_by.empty())
        field_help(view.written_by + " recorded this meeting. The shared notes and your private note are yours to add "
                                     "to; Ctrl+J takes you to the shared notes.");
    else
        field_help("Ctrl+J takes you to the shared notes.");
    ImGui::Dummy(ImVec2(0, px(8)));
    RecordForm details = view.details;
    details.read_only = details.read_only || read_only;
    draw_form(details, commands);
    ImGui::Dummy(ImVec2(0, px(4)));
    field_help(view.stance_prompt);
    field_help(view.stage_hint);
    ImGui::Dummy(ImVec2(0, px(16)));
    RecordForm conversation = view.conversation;
    conversation.read_only = conversation.read_only || read_only;
    draw_form(conversation, commands);
    ImGui::Dummy(ImVec2(0, px(20)));
    if (view.shows_goals) {
        draw_goal_list(view.goals, view.pairing, read_only, commands);
        ImGui::Dummy(ImVec2(0, px(20)));
    }
    draw_action_steps(view.steps, view.id, read_only, commands);
    ImGui::Dummy(ImVec2(0, px(20)));
    ImGui::BeginDisabled(read_only);
    draw_private_note(view, commands);
    ImGui::EndDisabled();
    ImGui::Dummy(ImVec2(0, px(20)));
    ImGui::EndChild();
}

}  // namespace tandem::ui
