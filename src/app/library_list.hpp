#pragma once
// LibraryList: the Library screen. Every entry that is not deleted, by area
// in the library's order, and the chosen one in full.

#include <optional>

#include "app/command_routing.hpp"
#include "app/workspace.hpp"
#include "ui/command.hpp"
#include "ui/library_screen.hpp"

namespace tandem::app {

class LibraryList {
public:
    using Commands = CommandList<ui::SelectLibraryEntry>;

    void apply(Workspace& work, const ui::SelectLibraryEntry& select);
    // Shows `entry` (a search result).
    void open(const RecordId& entry) { selected_ = entry; }

    ui::LibraryView view(Workspace& work) const;

private:
    std::optional<RecordId> selected_;
};

}  // namespace tandem::app
