#pragma once
// Workspace: what the app's screen parts (steps, observations, search, ...)
// work on while the records are open. App lends one for a single call; it
// borrows everything and is never kept.

#include <optional>

#include "app/record_forms.hpp"
#include "core/calendar_date.hpp"
#include "core/record_commands.hpp"
#include "store/coaching_queries.hpp"
#include "store/sqlite_record_store.hpp"

namespace tandem::app {

struct Workspace {
    store::SqliteRecordStore& store;
    store::CoachingQueries& queries;
    RecordForms& forms;
    std::optional<CommandContext> context;  // empty while nothing may be changed here
    RecordId me;                            // the own person; nil before there is one
    CalendarDate today;                     // on this device's calendar
    bool read_only() const { return !context.has_value(); }
};

}  // namespace tandem::app
