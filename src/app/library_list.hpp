#pragma once
// LibraryList: the Library screen. Every entry that is not deleted, by area
// in the library's order, and the chosen one in full.

#include <optional>

#include "app/command_routing.hpp"
#include "app/workspace.hpp"
#include "ui/command.hpp"
#include "ui/library_screen.hpp"
#include "ui/shell.hpp"

namespace tandem::app {

class LibraryList {
public:
    using Commands = CommandList<ui::SelectLibraryEntry>;

    void apply(Workspace& work, const ui::SelectLibraryEntry& select);
    static constexpr ui::Screen screen = ui::Screen::library;
    // Shows `entry` (a search result).
    bool open(Workspace&, const RecordId& entry) {
        selected_ = entry;
        return true;
    }
    // Library, while it is shown.
    void show(Workspace& work, ui::ShellView& view) const;

    ui::LibraryView view(Workspace& work) const;

private:
    std::optional<RecordId> selected_;
};

}  // namespace tandem::app
