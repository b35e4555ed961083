#include "ui/observation_screen.hpp"

#include <imgui.h>

#include <algorithm>

#include "core/text_symbols.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace tandem::ui {

namespace {

void draw_capture(const ObservationView& view, bool read_only, std::vector<Command>& commands) {
    const float width = std::min(px(640), ImGui::GetContentRegionAvail().x);
    if (!view.own) {
        ImGui::TextUnformatted("Notes");
        ImGui::Dummy(ImVec2(0, px(4)));
        if (view.notes.empty()) field_help("No notes were written in this visit.");
        for (const RecordForm& note : view.notes) {
            draw_form(note, commands);
            ImGui::Dummy(ImVec2(0, px(4)));
        }
        return;
    }
    ImGui::BeginDisabled(read_only);
    bool entered = false;
    if (auto text = text_field(observation_note_label, view.new_note, view.note_problem,
                               "For example: T asks a question, waits, 6 hands up", &entered))
        commands.push_back(EditNewObservationNote{std::move(*text)});
    const bool blank = view.new_note.find_first_not_of(" \t") == std::string::npos;
    if (entered && !blank) commands.push_back(AddObservationNote{view.id});
    ImGui::Dummy(ImVec2(0, px(4)));
    ImGui::BeginDisabled(blank);
    if (large_button("Add note with the time", width)) commands.push_back(AddObservationNote{view.id});
    ImGui::EndDisabled();
    ImGui::EndDisabled();
    field_help("Enter adds it too, and Ctrl+J comes back here. Write what happened, not what you think of it.");
    ImGui::Dummy(ImVec2(0, px(12)));
    if (view.notes.empty()) field_help("No notes yet. Each note gets the time it was added.");
    // The latest note first: it is the one the observer is checking.
    for (auto note = view.notes.rbegin(); note != view.notes.rend(); ++note) {
        RecordForm form = *note;
        form.read_only = form.read_only || read_only;
        draw_form(form, commands);
        ImGui::Dummy(ImVec2(0, px(4)));
    }
}

// Someone else's tallies, to read.
void draw_tally_totals(const ObservationView& view) {
    ImGui::TextUnformatted("Tallies");
    ImGui::Dummy(ImVec2(0, px(4)));
    if (view.tallies.empty()) field_help("Nothing was counted in this visit.");
    for (const TallyView& tally : view.tallies) read_only_field(tally.label.c_str(), std::to_string(tally.total));
}

void draw_tallies(const ObservationView& view, bool read_only, std::vector<Command>& commands) {
    if (!view.own) {
        draw_tally_totals(view);
        return;
    }
    ImGui::TextUnformatted("Tallies");
    field_help("Tap to count one more.");
    ImGui::Dummy(ImVec2(0, px(4)));
    const float width = ImGui::GetContentRegionAvail().x;
    const float minus = px(64);
    ImGui::BeginDisabled(read_only);
    for (const TallyView& tally : view.tallies) {
        const std::string id = tally.id.hex();
        if (tally_button(id.c_str(), tally.label, tally.total, width - minus - px(8)))
            commands.push_back(CountTally{tally.id, 1});
        ImGui::SameLine(0, px(8));
        ImGui::PushID(id.c_str());
        ImGui::BeginDisabled(tally.total == 0);
        // U+2212 MINUS SIGN, read as "one fewer".
        if (ImGui::Button((std::string(symbols::minus) + "##fewer").c_str(), ImVec2(minus, px(64)))) commands.push_back(CountTally{tally.id, -1});
        ImGui::EndDisabled();
        ImGui::PopID();
        ImGui::Dummy(ImVec2(0, px(4)));
    }
    bool entered = false;
    if (auto text = text_field("Count something new", view.new_tally, view.tally_problem,
                               "For example: cold calls", &entered))
        commands.push_back(EditNewTally{std::move(*text)});
    const bool blank = view.new_tally.find_first_not_of(" \t") == std::string::npos;
    if (entered && !blank) commands.push_back(AddTally{view.id});
    ImGui::BeginDisabled(blank);
    if (action_button("Add tally")) commands.push_back(AddTally{view.id});
    ImGui::EndDisabled();
    ImGui::EndDisabled();
}

}  // namespace

void draw_observation(const ObservationView& view, bool read_only, std::vector<Command>& commands) {
    // Everything scrolls, the buttons and title too: during a lesson the
    // notes get the height, not a fixed header.
    ImGui::BeginChild("observation", ImVec2(0, ImGui::GetContentRegionAvail().y), false);
    if (action_button("Back to the pairing")) commands.push_back(NavigateTo{Screen::pairings});
    if (view.own) {
        ImGui::SameLine(0, px(8));
        ImGui::BeginDisabled(read_only);
        if (action_button("Delete visit")) commands.push_back(DeleteRecord{Kind::observation, view.id});
        ImGui::EndDisabled();
    }
    ImGui::Dummy(ImVec2(0, px(8)));
    ImGui::TextUnformatted(view.title.c_str());
    ImGui::Dummy(ImVec2(0, px(8)));
    RecordForm details = view.details;
    details.read_only = details.read_only || read_only;
    draw_form(details, commands);
    ImGui::Dummy(ImVec2(0, px(16)));
    // Notes on the left, tallies on the right; one under the other when narrow.
    const bool side_by_side = ImGui::GetContentRegionAvail().x >= px(640);
    if (side_by_side && ImGui::BeginTable("capture", 2, ImGuiTableFlags_SizingStretchProp)) {
        ImGui::TableSetupColumn("notes", ImGuiTableColumnFlags_WidthStretch, 1.7f);
        ImGui::TableSetupColumn("tallies", ImGuiTableColumnFlags_WidthStretch, 1.0f);
        ImGui::TableNextColumn();
        draw_capture(view, read_only, commands);
        ImGui::TableNextColumn();
        ImGui::Indent(px(24));
        draw_tallies(view, read_only, commands);
        ImGui::Unindent(px(24));
        ImGui::EndTable();
    } else {
        draw_capture(view, read_only, commands);
        ImGui::Dummy(ImVec2(0, px(16)));
        draw_tallies(view, read_only, commands);
    }
    ImGui::Dummy(ImVec2(0, px(16)));
    RecordForm praise = view.praise;
    praise.read_only = praise.read_only || read_only;
    draw_form(praise, commands);
    ImGui::Dummy(ImVec2(0, px(20)));
    ImGui::EndChild();
}

}  // namespace tandem::ui
