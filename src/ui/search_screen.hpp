#pragma once
// Search: one field that finds words in everything written, as it is typed,
// with each result's matching words highlighted; a result opens where it
// belongs (its meeting, lesson visit, reflection, person or pairing), on a
// click, or from the field with the arrows and Enter (Enter alone opens the
// best).

#include <string>
#include <vector>

#include "ui/command.hpp"
#include "ui/widgets.hpp"

namespace tandem::ui {

struct SearchResultRow {
    std::string title;               // "Meeting on 2026-11-24 · Sam Patel"
    std::string snippet;             // a few words around the match
    std::vector<TextRange> marked;   // the matched words in snippet
};

struct SearchView {
    std::string query;               // as typed
    std::vector<SearchResultRow> results;  // best first
    std::string summary;             // "3 results", or why there are none
};

// Draws the screen's body (under its heading); `just_opened` puts the
// keyboard in the search field.
void draw_search(const SearchView& view, bool just_opened, std::vector<Command>& commands);

}  // namespace tandem::ui
