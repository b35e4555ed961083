#include "ui/search_screen.hpp"

#include <imgui.h>

#include <string>

#include "ui/theme.hpp"

namespace tandem::ui {

void draw_search(const SearchView& view, bool just_opened, std::vector<Command>& commands) {
    if (just_opened) ImGui::SetKeyboardFocusHere();
    if (auto text = text_field("Search for", view.query, {}, "A word or two from a meeting, note, step or reflection"))
        commands.push_back(EditSearch{std::move(*text)});
    field_help(view.summary);
    ImGui::Dummy(ImVec2(0, px(8)));
    ImGui::BeginChild("results", ImVec2(std::min(px(880), ImGui::GetContentRegionAvail().x), 0), false);
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(view.results.size()), list_row_height() + ImGui::GetStyle().ItemSpacing.y);
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const SearchResultRow& row = view.results[static_cast<std::size_t>(i)];
            if (list_row(std::to_string(i).c_str(), row.title, row.snippet, row.marked, false))
                commands.push_back(OpenSearchResult{i});
        }
    }
    ImGui::EndChild();
}

}  // namespace tandem::ui
