#pragma once
// Workspace: what a screen's part works on while the records are open, lent
// by OpenRecords for a single call (it borrows everything and is never
// kept); and Navigator, what a part may ask beyond its own screen.

#include <cstdint>
#include <optional>
#include <string>

#include "app/host_request.hpp"
#include "app/record_forms.hpp"
#include "core/calendar_date.hpp"
#include "core/date_reading.hpp"
#include "core/random_source.hpp"
#include "core/record_commands.hpp"
#include "crypto/identity.hpp"
#include "store/coaching_queries.hpp"
#include "store/sqlite_record_store.hpp"
#include "ui/screen.hpp"

namespace tandem::app {

// Where a record is shown: a screen, and the record it opens there.
struct Destination {
    ui::Screen screen;
    RecordId record;
};

// What a part may ask of the rest of the app during a command. OpenRecords
// does what is about records; App the rest, once the command is done.
class Navigator {
public:
    // Opens `destination`'s record on its screen, for when that screen is shown.
    virtual void select(const Destination& destination) = 0;
    // Opens `destination`'s record on its screen, and shows that screen.
    virtual void show(const Destination& destination) = 0;
    // Shows `screen` as it stands.
    virtual void go_to(ui::Screen screen) = 0;
    // Tells the user something at the top of the screen (`problem`: in the warning colour).
    virtual void notice(std::string text, bool problem) = 0;
    // Asks something of the platform (a download, a key to derive).
    virtual void request(HostRequest request) = 0;
    // The profile's own person is now `person` (its first name typed, or a
    // first bundle naming the user).
    virtual void became(const RecordId& person) = 0;

protected:
    ~Navigator() = default;
};

struct Workspace {
    store::SqliteRecordStore& store;
    store::CoachingQueries& queries;
    RecordForms& forms;
    Navigator& navigator;
    std::optional<CommandContext> context;  // empty while nothing may be changed here
    RecordId me;                            // the own person; nil before there is one
    const crypto::Identity* identity;       // the profile's keys; null when they could not be read
    RandomSource& random;
    CalendarDate today;                     // on this device's calendar
    std::int64_t now_ms;                    // this device's clock
    std::int64_t second_of_day;             // 0..86399, local time
    DateReader dates;                       // dates as this device's user writes and reads them
    bool edit_waiting = false;              // a long text typed waits for a pause to be stored
    bool read_only() const { return !context.has_value(); }
    // The form of `record` with the fields of `definitions`, as RecordForms builds it for this moment.
    ui::RecordForm form(const Record& record, std::span<const FormFieldDefinition> definitions) const {
        return forms.build(record, definitions, read_only(), dates, me);
    }
    // The name of `person`, or `otherwise` when there is none to show.
    std::string person_name(const RecordId& person, std::string otherwise) const {
        auto found = load<Person>(store, person);
        return found && !found.value().display_name.empty() ? found.value().display_name : otherwise;
    }
};

}  // namespace tandem::app
