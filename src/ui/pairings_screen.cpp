#include "ui/pairings_screen.hpp"

#include <imgui.h>

#include <algorithm>

#include "core/text_symbols.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace tandem::ui {

namespace {

void draw_new_pairing(const NewPairingView& view, std::vector<Command>& commands) {
    ImGui::TextUnformatted("New pairing");
    ImGui::Dummy(ImVec2(0, px(4)));
    EditNewPairing edit{view.coach, view.coachee, view.starts_on};
    bool changed = false;
    if (auto chosen = choice_list("Coach", view.people, view.coach)) {
        edit.coach = *chosen;
        changed = true;
    }
    ImGui::Dummy(ImVec2(0, px(8)));
    if (auto chosen = choice_list("Coachee", view.people, view.coachee)) {
        edit.coachee = *chosen;
        changed = true;
    }
    ImGui::Dummy(ImVec2(0, px(8)));
    if (auto text = date_field("Starts on", view.starts_on, {}, "For example 1 Sep, or today", view.starts_on_calendar)) {
        edit.starts_on = std::move(*text);
        changed = true;
    }
    if (changed) commands.push_back(std::move(edit));
    ImGui::Dummy(ImVec2(0, px(8)));
    field_help("Anyone can coach and anyone can be coached, whatever their role in school.");
    field_problem(view.problem);
    ImGui::Dummy(ImVec2(0, px(4)));
    ImGui::BeginDisabled(view.coach < 0 || view.coachee < 0);
    if (action_button("Start pairing")) commands.push_back(CreatePairing{});
    ImGui::EndDisabled();
}

void draw_allowance(const AllowanceView& allowance) {
    ImGui::TextUnformatted("Time this year");
    const Palette& palette = palette_colors();
    const float width = std::min(px(420), ImGui::GetContentRegionAvail().x);
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const float height = px(12);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(at, ImVec2(at.x + width, at.y + height), ImGui::GetColorU32(palette.frame), height * 0.5f);
    const float filled = width * std::clamp(allowance.used_fraction, 0.0f, 1.0f);
    if (filled > 0)
        draw->AddRectFilled(at, ImVec2(at.x + std::max(filled, height), at.y + height),
                            ImGui::GetColorU32(palette.accent_text), height * 0.5f);
    ImGui::Dummy(ImVec2(width, height + px(4)));
    field_help(allowance.summary);
    ImGui::Dummy(ImVec2(0, px(16)));
}

// The check-in, in a tinted panel: only its author ever sees the answer.
void draw_check_in(const CheckInView& check_in, const RecordId& pairing, std::vector<Command>& commands) {
    if (!check_in.asking && check_in.advice.empty()) return;
    begin_tinted_panel(px(640), px(14));
    if (check_in.asking) {
        ImGui::TextUnformatted("Is this partnership working for you?");
        field_help("Only you see your answer. It is kept on this computer and never shared.");
        ImGui::Dummy(ImVec2(0, px(4)));
        constexpr std::pair<const char*, CheckInAnswer> answers[] = {
            {"Yes", CheckInAnswer::yes}, {"Mostly", CheckInAnswer::mostly}, {"Not really", CheckInAnswer::not_really}};
        for (const auto& [label, answer] : answers) {
            if (action_button(label)) commands.push_back(AnswerCheckIn{pairing, answer});
            ImGui::SameLine(0, px(8));
        }
        ImGui::SameLine(0, px(16));
        if (action_button("Not now")) commands.push_back(PostponeCheckIn{pairing});
    } else {
        ImGui::TextUnformatted("Thank you for saying so.");
        field_help(check_in.advice);
    }
    end_tinted_panel();
    ImGui::Dummy(ImVec2(0, px(12)));
}

void draw_receive(std::vector<Command>& commands) {
    ImGui::Dummy(ImVec2(0, px(20)));
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted("Receive records from your partner");
    ImGui::PopTextWrapPos();
    field_help("Open a file your coaching partner sent you, or drop it anywhere on this page.");
    ImGui::Dummy(ImVec2(0, px(4)));
    const std::string open_a_file = std::string("Open a file") + symbols::ellipsis;
    if (action_button(open_a_file.c_str())) commands.push_back(ChooseFileToOpen{});
}

// What comes next: the next meeting, and the step being worked on.
void draw_header(const PairingHeader& header, std::vector<Command>& commands) {
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(header.title.c_str());
    ImGui::PopTextWrapPos();
    ImGui::Dummy(ImVec2(0, px(6)));
    begin_tinted_panel(px(720), px(12), PanelTint::neutral);
    const bool side_by_side = ImGui::GetContentRegionAvail().x >= px(520);
    if (side_by_side && ImGui::BeginTable("next", 2, ImGuiTableFlags_SizingStretchSame)) {
        ImGui::TableNextColumn();
        read_only_field("Next meeting", header.next_meeting, "Not agreed yet");
        ImGui::TableNextColumn();
        read_only_field("Check back on the step", header.check_back, header.step.empty() ? "No step yet" : "Not set");
        ImGui::EndTable();
    } else {
        read_only_field("Next meeting", header.next_meeting, "Not agreed yet");
        read_only_field("Check back on the step", header.check_back, header.step.empty() ? "No step yet" : "Not set");
    }
    ImGui::Dummy(ImVec2(0, px(6)));
    read_only_field("The step now", header.step, "None yet: agree one small step when you next meet");
    if (!header.success.empty()) {
        ImGui::Dummy(ImVec2(0, px(6)));
        read_only_field("Success looks like", header.success);
    }
    if (header.step_meeting) {
        ImGui::Dummy(ImVec2(0, px(6)));
        if (action_button("Open the meeting that set it")) commands.push_back(OpenMeeting{*header.step_meeting});
    }
    end_tinted_panel();
    ImGui::Dummy(ImVec2(0, px(12)));
}

// The pairing chosen: the check-in, what comes next, what to do, its
// records, goals, year, and then its agreement.
void draw_selected(const PairingsView& view, const RecordId& pairing, bool read_only, std::vector<Command>& commands) {
    draw_header(view.header, commands);
    ImGui::BeginDisabled(read_only);
    if (action_button("Record a meeting")) commands.push_back(NewMeeting{pairing});
    same_line_if_fits("Visit a lesson");
    if (action_button("Visit a lesson")) commands.push_back(NewObservation{pairing});
    same_line_if_fits("Write a reflection");
    if (action_button("Write a reflection")) commands.push_back(NewReflection{pairing});
    ImGui::EndDisabled();
    const std::string send = std::string("Send to your partner") + symbols::ellipsis;
    same_line_if_fits(send.c_str());
    if (!view.sample && action_button(send.c_str())) commands.push_back(BeginExport{pairing});
    ImGui::Dummy(ImVec2(0, px(16)));
    ImGui::BeginDisabled(read_only);
    draw_check_in(view.check_in, pairing, commands);
    ImGui::EndDisabled();
    if (view.sample) {
        ImGui::TextColored(palette_colors().warning_text, "A sample pairing: nothing in it is real.");
        ImGui::BeginDisabled(read_only);
        if (action_button("Remove the sample")) commands.push_back(RemoveSamplePairing{pairing});
        ImGui::EndDisabled();
        ImGui::Dummy(ImVec2(0, px(12)));
    }
    if (view.allowance) draw_allowance(*view.allowance);
    ImGui::Dummy(ImVec2(0, px(8)));
    for (const PairingRow& meeting : view.meetings)
        if (list_row(meeting.id.hex().c_str(), meeting.title, meeting.detail, false))
            commands.push_back(OpenMeeting{meeting.id});
    for (const PairingRow& visit : view.observations)
        if (list_row(visit.id.hex().c_str(), visit.title, visit.detail, false))
            commands.push_back(OpenObservation{visit.id});
    for (const PairingRow& reflection : view.reflections)
        if (list_row(reflection.id.hex().c_str(), reflection.title, reflection.detail, false))
            commands.push_back(OpenReflection{reflection.id});
    ImGui::Dummy(ImVec2(0, px(16)));
    draw_goals(view.goals, pairing, read_only, commands);
    if (view.timeline) {
        ImGui::Dummy(ImVec2(0, px(16)));
        ImGui::TextUnformatted("This allowance year");
        ImGui::Dummy(ImVec2(0, px(4)));
        draw_timeline_chart(*view.timeline);
    }
    ImGui::Dummy(ImVec2(0, px(20)));
    ImGui::TextUnformatted("Agreement and time");
    field_help("What you agreed when you started, and how often you meet. You can both change it.");
    ImGui::Dummy(ImVec2(0, px(4)));
    draw_form(view.form, commands);
}

}  // namespace

void draw_pairings(const PairingsView& view, bool read_only, std::vector<Command>& commands) {
    if (view.needs_own_name) {
        ImGui::Dummy(ImVec2(0, px(12)));
        field_help("First, tell Tandem your own name: everything you add carries it, so your coaching partner "
                   "knows who wrote what.");
        ImGui::Dummy(ImVec2(0, px(4)));
        if (action_button("Add your name in Settings")) {
            commands.push_back(NavigateTo{Screen::settings});
            focus_field("Your name");
        }
        draw_receive(commands);
        return;
    }
    const float height = ImGui::GetContentRegionAvail().y;
    const bool showing_one = view.creating || (!view.form.fields.empty() && view.selected);
    const auto draw_pairing_pane = [&] {
        ImGui::BeginChild("pairing", ImVec2(0, ImGui::GetContentRegionAvail().y), false);
        if (view.creating) {
            ImGui::BeginDisabled(read_only);
            draw_new_pairing(view.new_pairing, commands);
            ImGui::EndDisabled();
        } else if (showing_one) {
            draw_selected(view, *view.selected, read_only, commands);
        } else {
            field_help("Choose a pairing in the list to see its agreement and time.");
        }
        ImGui::EndChild();
    };
    // Too narrow for two columns (a small screen, large text): one pane at a
    // time, the pairing with a way back to the list.
    if (ImGui::GetContentRegionAvail().x < px(680) && showing_one) {
        if (action_button("All pairings")) commands.push_back(SelectPairing{RecordId{}});
        ImGui::Dummy(ImVec2(0, px(8)));
        draw_pairing_pane();
        return;
    }
    // No pairing yet, or too narrow: the list's column is the whole screen,
    // its words not squeezed beside an empty pane.
    const bool two_panes = ImGui::GetContentRegionAvail().x >= px(680) && (!view.rows.empty() || view.creating);
    const float list_width = two_panes ? std::min(px(380), ImGui::GetContentRegionAvail().x * 0.45f)
                                       : std::min(px(640), ImGui::GetContentRegionAvail().x);
    ImGui::BeginChild("pairings", ImVec2(list_width, height), false);
    ImGui::BeginDisabled(read_only);
    if (action_button("New pairing")) commands.push_back(BeginNewPairing{});
    ImGui::EndDisabled();
    ImGui::Dummy(ImVec2(0, px(12)));
    if (view.rows.empty()) {
        field_help("No pairings yet. Start one for each coaching partnership you are part of, as coach or as "
                   "coachee. Or try Tandem first with a made-up pairing, which you can remove in one click.");
        ImGui::Dummy(ImVec2(0, px(4)));
        ImGui::BeginDisabled(read_only);
        if (action_button("Try a sample pairing")) commands.push_back(CreateSamplePairing{});
        ImGui::EndDisabled();
    }
    for (const PairingRow& row : view.rows) {
        const bool selected = !view.creating && view.selected && *view.selected == row.id;
        if (list_row(row.id.hex().c_str(), row.title, row.detail, selected)) commands.push_back(SelectPairing{row.id});
    }
    draw_receive(commands);
    ImGui::EndChild();
    if (!two_panes) return;

    ImGui::SameLine(0, px(32));
    draw_pairing_pane();
}

}  // namespace tandem::ui
