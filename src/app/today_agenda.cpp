#include "app/today_agenda.hpp"

#include <array>

#include "core/records.hpp"

namespace tandem::app {

namespace {

using Type = store::AgendaItem::Type;

// The partner's name in an agenda line: whoever of the two is not the user.
std::string partner_name(const store::AgendaItem& item, Workspace& work) {
    if (auto pairing = load<Pairing>(work.store, item.pairing))
        return pairing.value().coachee == work.me ? item.coach_name : item.coachee_name;
    return item.coachee_name;
}

ui::AgendaRow row_of(const store::AgendaItem& item, Workspace& work) {
    const std::string partner = partner_name(item, work);
    const std::string on = work.dates.words(item.date);
    switch (item.type) {
        case Type::meeting_planned:
            if (item.date < work.today)
                return {"Meeting with " + partner, "Planned for " + on + ": write it up when you are ready"};
            return {"Meeting with " + partner, item.date == work.today ? "Planned for today" : "Planned for " + on};
        case Type::meeting_due:
            return {"Time to meet " + partner, "You agreed to meet again on " + on};
        case Type::check_back_due:
            return {"Check back with " + partner, (item.date == work.today ? "Today: " : "By " + on + ": ") + item.summary};
        case Type::step_overdue:
            return {"Check back with " + partner, "Since " + on + ": " + item.summary};
        case Type::pairing_quiet:
            return {"Catch up with " + partner,
                    "Your last meeting was on " + on + ". A short conversation may help, when it suits you both."};
    }
    return {partner, on};
}

// A line of what is coming up later: what, with whom, and when.
ui::AgendaRow coming_up_row(const store::AgendaItem& item, Workspace& work) {
    const std::string partner = partner_name(item, work);
    const std::string when = work.dates.words(item.date) + ", " + work.dates.distance(item.date);
    switch (item.type) {
        case Type::meeting_planned:
        case Type::meeting_due: return {"Meeting with " + partner, when};
        case Type::check_back_due:
        case Type::step_overdue: return {"Check back with " + partner, when + ": " + item.summary};
        case Type::pairing_quiet: break;
    }
    return {partner, when};
}

// How far ahead Today looks: a week for what needs the user, four for what is coming up.
constexpr int needs_you_days = 7;
constexpr int coming_up_days = 28;

}  // namespace

std::string long_date_text(CalendarDate date) {
    constexpr std::array<const char*, 7> weekdays = {"Thursday", "Friday", "Saturday", "Sunday",
                                                     "Monday",   "Tuesday", "Wednesday"};  // 1970-01-01 was a Thursday
    constexpr std::array<const char*, 12> months = {"January", "February", "March",     "April",   "May",      "June",
                                                    "July",    "August",   "September", "October", "November", "December"};
    const int weekday = ((date.days % 7) + 7) % 7;
    return std::string(weekdays[static_cast<std::size_t>(weekday)]) + " " + std::to_string(date.day()) + " " +
           months[date.month() - 1] + " " + std::to_string(date.year());
}

void TodayAgenda::show(Workspace& work, ui::ShellView& view) {
    if (view.screen != ui::Screen::today) return;
    auto counts = work.queries.counts();
    view.today = this->view(work, counts && counts.value().pairings > 0);
}

ui::TodayView TodayAgenda::view(Workspace& work, bool has_pairings) {
    const Key key{work.store.saves(), work.today, has_pairings, work.me};
    if (key_ == key) return cached_;
    ui::TodayView view;
    view.date = long_date_text(work.today);
    view.needs_own_name = work.me.is_nil();
    view.has_pairings = has_pairings;
    items_.clear();
    if (auto agenda = work.queries.agenda(work.today, coming_up_days)) items_ = std::move(agenda).value();
    const CalendarDate soon = work.today.plus_days(needs_you_days);
    struct Part {
        const char* heading;
        std::array<Type, 2> types;
    };
    constexpr Part parts[] = {
        {"Meetings", {Type::meeting_planned, Type::meeting_due}},
        {"Steps to check back on", {Type::check_back_due, Type::step_overdue}},
        {"Pairings that have gone quiet", {Type::pairing_quiet, Type::pairing_quiet}},
    };
    for (const Part& part : parts) {
        ui::AgendaSection section;
        section.heading = part.heading;
        for (std::size_t i = 0; i < items_.size(); ++i) {
            if (items_[i].type != part.types[0] && items_[i].type != part.types[1]) continue;
            if (soon < items_[i].date) continue;
            section.rows.push_back(row_of(items_[i], work));
            section.indexes.push_back(static_cast<int>(i));
        }
        if (!section.rows.empty()) view.sections.push_back(std::move(section));
    }
    for (std::size_t i = 0; i < items_.size(); ++i) {
        if (!(soon < items_[i].date)) continue;
        view.coming_up.rows.push_back(coming_up_row(items_[i], work));
        view.coming_up.indexes.push_back(static_cast<int>(i));
    }
    view.coming_up.heading = "Coming up";
    key_ = key;
    cached_ = view;
    return view;
}

void TodayAgenda::apply(Workspace& work, const ui::OpenAgendaItem& open) {
    if (auto destination = destination_of(work, open.index)) work.navigator.show(*destination);
}

std::optional<Destination> TodayAgenda::destination_of(Workspace& work, int index) const {
    if (index < 0 || static_cast<std::size_t>(index) >= items_.size()) return std::nullopt;
    const store::AgendaItem& item = items_[static_cast<std::size_t>(index)];
    switch (item.type) {
        case Type::meeting_planned: return where_shown(work, Kind::meeting, item.record);
        case Type::check_back_due:
        case Type::step_overdue: return where_shown(work, Kind::action_step, item.record);
        case Type::meeting_due:
        case Type::pairing_quiet: break;
    }
    return where_shown(work, Kind::pairing, item.pairing);
}

}  // namespace tandem::app
