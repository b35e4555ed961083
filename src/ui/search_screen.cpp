#include "ui/search_screen.hpp"

#include <imgui.h>

#include <algorithm>
#include <string>

#include "ui/key_codes.hpp"
#include "ui/theme.hpp"

namespace tandem::ui {

void draw_search(const SearchView& view, bool just_opened, std::vector<Command>& commands) {
    if (just_opened) ImGui::SetKeyboardFocusHere();
    bool entered = false;
    if (auto text = text_field("Search for", view.query, {}, "A word or two from a meeting, note, step or reflection",
                               &entered))
        commands.push_back(EditSearch{std::move(*text)});
    const bool typing = ImGui::IsItemActive();
    field_help(view.summary);
    ImGui::Dummy(ImVec2(0, px(8)));

    // The result the arrows have reached: the screen's own state, as a
    // list's scroll is, forgotten when the results change.
    ImGuiStorage* storage = ImGui::GetStateStorage();
    const ImGuiID highlight_key = ImGui::GetID("highlighted result");
    const ImGuiID results_key = ImGui::GetID("results shown");
    const int count = static_cast<int>(view.results.size());
    const std::string shown = view.query + '\n' + std::to_string(count) + '\n' + (count > 0 ? view.results[0].title : "");
    const int results_id = static_cast<int>(ImGui::GetID(shown.c_str()));
    if (storage->GetInt(results_key, 0) != results_id) {
        storage->SetInt(results_key, results_id);
        storage->SetInt(highlight_key, -1);
    }
    int highlighted = storage->GetInt(highlight_key, -1);
    bool moved = false;
    if (typing && count > 0) {
        if (ImGui::IsKeyPressed(key_index(Key::down))) {
            highlighted = std::min(highlighted + 1, count - 1);
            moved = true;
        }
        if (ImGui::IsKeyPressed(key_index(Key::up))) {
            highlighted = std::max(highlighted - 1, 0);
            moved = true;
        }
        storage->SetInt(highlight_key, highlighted);
    }
    // Enter opens the result reached, or the best one.
    if (entered && count > 0) commands.push_back(OpenSearchResult{std::max(highlighted, 0)});

    ImGui::BeginChild("results", ImVec2(std::min(px(880), ImGui::GetContentRegionAvail().x), 0), false);
    ImGuiListClipper clipper;
    clipper.Begin(count, list_row_height() + ImGui::GetStyle().ItemSpacing.y);
    if (moved) clipper.ForceDisplayRangeByIndices(highlighted, highlighted + 1);
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const SearchResultRow& row = view.results[static_cast<std::size_t>(i)];
            if (list_row(std::to_string(i).c_str(), row.title, row.snippet, row.marked, i == highlighted))
                commands.push_back(OpenSearchResult{i});
            if (moved && i == highlighted) ImGui::SetScrollHereY(0.5f);
        }
    }
    ImGui::EndChild();
}

}  // namespace tandem::ui
