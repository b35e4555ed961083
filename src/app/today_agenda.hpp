#pragma once
// TodayAgenda: Today's agenda from the store's query, in the words of the
// Today screen, and where each line leads. The wording is gentle: time is
// flexible, so nothing is called late or missed.

#include <cstdint>
#include <optional>
#include <vector>

#include "app/command_routing.hpp"
#include "app/record_finder.hpp"
#include "app/workspace.hpp"
#include "store/coaching_queries.hpp"
#include "ui/command.hpp"
#include "ui/shell.hpp"
#include "ui/today_screen.hpp"

namespace tandem::app {

class TodayAgenda {
public:
    using Commands = CommandList<ui::OpenAgendaItem>;

    // Today while it is shown: the agenda read for today, kept for the lines' destinations.
    void show(Workspace& work, ui::ShellView& view);
    // Reads the agenda for today and keeps it for the lines' destinations.
    ui::TodayView view(Workspace& work, bool has_pairings);
    // Opens where line `index` of the last view leads.
    void apply(Workspace& work, const ui::OpenAgendaItem& open);

private:
    // Where line `index` of the last view leads; nullopt if out of range.
    std::optional<Destination> destination_of(Workspace& work, int index) const;

    std::vector<store::AgendaItem> items_;
    // The last view and what it was read from: read again only once a record
    // was saved, the day changed, or the profile did.
    struct Key {
        std::uint64_t saves = 0;
        CalendarDate today;
        bool has_pairings = false;
        RecordId me;
        bool operator==(const Key&) const = default;
    };
    std::optional<Key> key_;
    ui::TodayView cached_;
};

// "Tuesday 1 December 2026".
std::string long_date_text(CalendarDate date);

}  // namespace tandem::app
