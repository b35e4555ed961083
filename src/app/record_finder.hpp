#pragma once
// RecordFinder: Search's query, its results with their titles, and where
// each result is shown: a note or step on its meeting, a lesson-visit note
// on its visit, a person on People, and so on.

#include <optional>
#include <string>
#include <vector>

#include "app/workspace.hpp"
#include "store/record_search.hpp"
#include "ui/screen.hpp"
#include "ui/search_screen.hpp"

namespace tandem::app {

// Where a record is shown: a screen, and the record it opens there.
struct Destination {
    ui::Screen screen;
    RecordId record;
};

// Where `kind` record `id` is shown; nullopt if it is not there any more.
std::optional<Destination> where_shown(Workspace& work, Kind kind, const RecordId& id);

class RecordFinder {
public:
    // Shows what the user typed at once; the results follow with search().
    // False when the text asks for the same search as before.
    bool type(std::string text);
    // Runs the query typed against `search`, keeping the results.
    void search(Workspace& work, store::RecordSearch& search);
    // The query and results as Search shows them.
    const ui::SearchView& view() const { return view_; }
    // Where result `index` is shown; nullopt for an index out of range.
    std::optional<Destination> destination(Workspace& work, int index) const;

private:
    ui::SearchView view_;
    std::vector<store::SearchHit> hits_;
};

}  // namespace tandem::app
