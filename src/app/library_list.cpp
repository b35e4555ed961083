#include "app/library_list.hpp"

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "core/record_binding.hpp"
#include "core/starter_library.hpp"

namespace tandem::app {

void LibraryList::apply(Workspace&, const ui::SelectLibraryEntry& select) { selected_ = select.id; }

void LibraryList::show(Workspace& work, ui::ShellView& view) const {
    if (view.screen == screen) view.library = this->view(work);
}

ui::LibraryView LibraryList::view(Workspace& work) const {
    ui::LibraryView library;
    library.selected = selected_;
    auto all = work.store.load_all(Kind::library_entry);
    if (!all) return library;
    std::vector<std::pair<LibraryArea, ui::LibraryRow>> rows;
    for (const Record& record : all.value()) {
        if (record.is_deleted()) continue;
        const LibraryEntry entry = from_record<LibraryEntry>(record);
        const std::string area(library_area_name(entry.area));
        rows.push_back({entry.area, {record.id, entry.title, area}});
        if (selected_ && record.id == *selected_)
            library.entry = ui::LibraryEntryView{entry.title, area, entry.wording, entry.success_criteria,
                                                 entry.practice_task};
    }
    // By area, keeping the library's order within each.
    std::stable_sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    for (auto& row : rows) library.rows.push_back(std::move(row.second));
    return library;
}

}  // namespace tandem::app
