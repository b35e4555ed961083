#include "ui/library_screen.hpp"

#include <imgui.h>

#include <algorithm>

#include "core/text_symbols.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace tandem::ui {

namespace {

void paragraph(const char* label, const std::string& text) {
    if (text.empty()) return;
    ImGui::TextUnformatted(label);
    ImGui::PushStyleColor(ImGuiCol_Text, palette_colors().muted_text);
    ImGui::TextWrapped("%s", text.c_str());
    ImGui::PopStyleColor();
    ImGui::Dummy(ImVec2(0, px(12)));
}

}  // namespace

void draw_library(const LibraryView& view, std::vector<Command>& commands) {
    const float list_width = std::min(px(380), ImGui::GetContentRegionAvail().x * 0.45f);
    const float height = ImGui::GetContentRegionAvail().y;
    ImGui::BeginChild("library", ImVec2(list_width, height), false);
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(view.rows.size()), list_row_height() + ImGui::GetStyle().ItemSpacing.y);
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const LibraryRow& row = view.rows[static_cast<std::size_t>(i)];
            const bool selected = view.selected && *view.selected == row.id;
            if (list_row(row.id.hex().c_str(), row.title, row.area, selected)) commands.push_back(SelectLibraryEntry{row.id});
        }
    }
    ImGui::EndChild();
    ImGui::SameLine(0, px(32));
    ImGui::BeginChild("entry", ImVec2(0, height), false);
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + std::min(px(560), ImGui::GetContentRegionAvail().x));
    if (view.entry) {
        ImGui::TextUnformatted(view.entry->title.c_str());
        field_help(view.entry->area);
        ImGui::Dummy(ImVec2(0, px(12)));
        paragraph("The step", view.entry->wording);
        paragraph("Success looks like", view.entry->success_criteria);
        paragraph("Practice", view.entry->practice_task);
        field_help(std::string("To set this step, open a meeting and choose it under ") + symbols::left_quote + "From the library" + symbols::right_quote + ".");
    } else {
        field_help("Choose a step to read it in full. Each is small enough to practise before you next meet.");
    }
    ImGui::PopTextWrapPos();
    ImGui::EndChild();
}

}  // namespace tandem::ui
