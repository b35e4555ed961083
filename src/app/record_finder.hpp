#pragma once
// RecordFinder: Search's query, its results with their titles, and where
// each result is shown: a note or step on its meeting, a lesson-visit note
// on its visit, a person on People, and so on.

#include <optional>
#include <string>
#include <vector>

#include "app/command_routing.hpp"
#include "app/workspace.hpp"
#include "store/record_search.hpp"
#include "ui/command.hpp"
#include "ui/screen.hpp"
#include "ui/search_screen.hpp"
#include "ui/shell.hpp"

namespace tandem::app {

// Where `kind` record `id` is shown; nullopt if it is not there any more.
std::optional<Destination> where_shown(Workspace& work, Kind kind, const RecordId& id);

class RecordFinder {
public:
    using Commands = CommandList<ui::EditSearch, ui::OpenSearchResult>;

    // Searches `index`; with none (it could not be prepared), says so.
    explicit RecordFinder(std::optional<store::RecordSearch> index) : index_(std::move(index)) {}

    // Shows what the user typed at once; the results follow once typing
    // pauses (due_at()), so keystrokes stay quick.
    void apply(Workspace& work, const ui::EditSearch& typed);
    // Opens result `index` where it belongs.
    void apply(Workspace& work, const ui::OpenSearchResult& open);
    // When the search typed is due to run; nullopt when none waits.
    const std::optional<std::int64_t>& due_at() const { return due_at_ms_; }
    // Runs the search typed now, keeping the results.
    void run(Workspace& work);
    // The query and results, while Search is shown.
    void show(Workspace&, ui::ShellView& view) const {
        if (view.screen == ui::Screen::search) view.search = view_;
    }

private:
    std::optional<store::RecordSearch> index_;
    std::optional<std::int64_t> due_at_ms_;
    ui::SearchView view_;
    std::vector<store::SearchHit> hits_;
};

}  // namespace tandem::app
