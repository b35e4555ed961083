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
    const Palette& palette = palette_colors();
    const float width = std::min(px(680), ImGui::GetContentRegionAvail().x);
    const float padding = px(16);
    // The panel's tint is drawn behind its contents once their height is known.
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->ChannelsSplit(2);
    draw->ChannelsSetCurrent(1);
    const ImVec2 top_left = ImGui::GetCursorScreenPos();
    ImGui::SetCursorScreenPos(ImVec2(top_left.x + padding, top_left.y + padding));
    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width - padding * 2);
    // A padlock drawn from shapes: the fonts have no emoji.
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const float size = ImGui::GetTextLineHeight();
    const ImU32 ink = ImGui::GetColorU32(palette.warning_text);
    draw->AddRect(ImVec2(at.x + size * 0.25f, at.y + size * 0.05f), ImVec2(at.x + size * 0.75f, at.y + size * 0.6f),
                  ink, size * 0.25f, 0, std::max(1.0f, px(2)));
    draw->AddRectFilled(ImVec2(at.x + size * 0.12f, at.y + size * 0.45f), ImVec2(at.x + size * 0.88f, at.y + size),
                        ink, px(2));
    ImGui::Dummy(ImVec2(size, size));
    ImGui::SameLine(0, px(8));
    ImGui::TextColored(palette.warning_text, "Private to you");
    field_help("Only you see this note. It is kept on this computer and never goes into what you share.");
    ImGui::PopTextWrapPos();
    ImGui::Dummy(ImVec2(0, px(4)));
    if (auto text = text_area("Private note", view.private_note, view.private_problem,
                              "Your own thoughts: how it went, what you might try next time", 5))
        commands.push_back(EditPrivateNote{view.id, std::move(*text)});
    ImGui::EndGroup();
    const float bottom = ImGui::GetItemRectMax().y + padding;
    draw->ChannelsSetCurrent(0);
    draw->AddRectFilled(top_left, ImVec2(top_left.x + width, bottom), ImGui::GetColorU32(palette.notice), px(6));
    draw->ChannelsMerge();
    ImGui::SetCursorScreenPos(ImVec2(top_left.x, bottom));
    ImGui::Dummy(ImVec2(width, 0));
}

}  // namespace

void draw_meeting(const MeetingView& view, bool read_only, std::vector<Command>& commands) {
    if (action_button("Back to the pairing")) commands.push_back(NavigateTo{Screen::pairings});
    ImGui::SameLine(0, px(8));
    ImGui::BeginDisabled(read_only);
    if (action_button("Delete meeting")) commands.push_back(DeleteRecord{Kind::meeting, view.id});
    ImGui::EndDisabled();
    ImGui::Dummy(ImVec2(0, px(8)));
    ImGui::TextUnformatted(view.title.c_str());
    ImGui::Dummy(ImVec2(0, px(8)));
    ImGui::BeginChild("meeting", ImVec2(0, ImGui::GetContentRegionAvail().y), false);
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
