#include "store/coaching_queries.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <string>

namespace tandem::store {

namespace {

constexpr const char* names =
    "(SELECT display_name FROM person WHERE id = p.coach), (SELECT display_name FROM person WHERE id = p.coachee)";

RecordId id_at(const Statement& row, int column) {
    RecordId id;
    const auto bytes = row.blob(column);
    if (bytes.size() == id.bytes.size()) std::copy(bytes.begin(), bytes.end(), id.bytes.begin());
    return id;
}

CalendarDate date_at(const Statement& row, int column) {
    return CalendarDate::parse(row.text(column)).value_or(CalendarDate{});
}

}  // namespace

Result<CoachingQueries, StoreError> CoachingQueries::prepare(Database& db) {
    CoachingQueries queries;
    const std::string with_names = names;
    const std::pair<Statement*, std::string> sql[] = {
        {&queries.planned_meetings_,
         "SELECT m.held_on, p.id, m.id, " + with_names + ", m.model FROM meeting m JOIN pairing p ON p.id = m.pairing "
         "WHERE m.deleted = 0 AND m.status = 0 AND p.deleted = 0 AND p.status = 0 AND m.held_on <= ?2 "
         "ORDER BY m.held_on"},
        {&queries.next_meetings_,
         "SELECT m.next_on, p.id, m.id, " + with_names + ", m.model FROM pairing p JOIN meeting m ON m.pairing = p.id "
         "WHERE p.deleted = 0 AND p.status = 0 AND m.deleted = 0 AND m.status = 1 "
         "AND m.next_on IS NOT NULL AND m.next_on <= ?2 "
         "AND m.held_on = (SELECT max(held_on) FROM meeting x WHERE x.pairing = p.id AND x.deleted = 0 AND x.status = 1) "
         "AND NOT EXISTS (SELECT 1 FROM meeting y WHERE y.pairing = p.id AND y.deleted = 0 AND y.status = 0 "
         "AND y.held_on >= m.held_on) GROUP BY p.id"},
        {&queries.steps_due_,
         "SELECT s.check_back_on, p.id, s.id, " + with_names + ", s.wording FROM action_step s "
         "JOIN pairing p ON p.id = s.pairing WHERE s.deleted = 0 AND p.deleted = 0 AND p.status = 0 "
         "AND s.status IN (0, 1) AND s.check_back_on IS NOT NULL AND s.check_back_on <= ?2 ORDER BY s.check_back_on"},
        {&queries.last_met_,
         "SELECT p.id, p.cadence, p.starts_on, (SELECT max(held_on) FROM meeting m WHERE m.pairing = p.id "
         "AND m.deleted = 0 AND m.status = 1 AND m.held_on <= ?1), EXISTS (SELECT 1 FROM meeting m "
         "WHERE m.pairing = p.id AND m.deleted = 0 AND m.status = 0 AND m.held_on >= ?1), " + with_names +
             " FROM pairing p WHERE p.deleted = 0 AND p.status = 0 AND p.starts_on <= ?1"},
        {&queries.timeline_,
         "SELECT held_on AS day, 7 AS kind, id, status, substr(coalesce(nullif(shared_notes, ''), nullif(grow_goal, ''), "
         "nullif(basic_aim, ''), nullif(impact_goal, ''), nullif(step_name_it, ''), ''), 1, 160) "
         "FROM meeting WHERE pairing = ?1 AND deleted = 0 "
         "UNION ALL SELECT starts_on, 5, id, phase, substr(focus, 1, 160) FROM cycle WHERE pairing = ?1 AND deleted = 0 "
         "UNION ALL SELECT observed_on, 9, id, -1, substr(focus, 1, 160) FROM observation "
         "WHERE pairing = ?1 AND deleted = 0 "
         "UNION ALL SELECT set_on, 12, id, status, substr(wording, 1, 160) FROM action_step "
         "WHERE pairing = ?1 AND deleted = 0 "
         "UNION ALL SELECT c.changed_on, 13, c.id, c.status, substr(s.wording, 1, 160) FROM step_status_change c "
         "JOIN action_step s ON s.id = c.step WHERE s.pairing = ?1 AND c.deleted = 0 AND s.deleted = 0 "
         "UNION ALL SELECT practised_on, 14, id, -1, substr(script, 1, 160) FROM practice "
         "WHERE pairing = ?1 AND deleted = 0 "
         "UNION ALL SELECT written_on, 16, id, -1, substr(CASE WHEN prompt <> '' THEN prompt ELSE body END, 1, 160) "
         "FROM reflection WHERE pairing = ?1 AND deleted = 0 "
         "UNION ALL SELECT collected_on, 17, id, -1, substr(description, 1, 160) FROM evidence "
         "WHERE pairing = ?1 AND deleted = 0 "
         "UNION ALL SELECT logged_on, 18, id, -1, substr(comment, 1, 160) FROM time_log "
         "WHERE pairing = ?1 AND deleted = 0 "
         "UNION ALL SELECT answered_on, 20, id, answer, '' FROM pairing_checkin WHERE pairing = ?1 AND deleted = 0 "
         "ORDER BY day, kind"},
        {&queries.pairing_period_, "SELECT starts_on, allowance_minutes FROM pairing WHERE id = ?1 AND deleted = 0"},
        {&queries.hours_,
         "SELECT (SELECT coalesce(sum(duration_minutes), 0) FROM meeting WHERE pairing = ?1 AND deleted = 0 "
         "AND status = 1 AND held_on BETWEEN ?2 AND ?3), "
         "(SELECT coalesce(sum(duration_minutes), 0) FROM observation WHERE pairing = ?1 AND deleted = 0 "
         "AND observed_on BETWEEN ?2 AND ?3), "
         "(SELECT coalesce(sum(minutes), 0) FROM time_log WHERE pairing = ?1 AND deleted = 0 "
         "AND logged_on BETWEEN ?2 AND ?3)"},
        {&queries.counts_,
         "SELECT (SELECT count(*) FROM person WHERE deleted = 0), (SELECT count(*) FROM pairing WHERE deleted = 0), "
         "(SELECT count(*) FROM meeting WHERE deleted = 0), (SELECT count(*) FROM action_step WHERE deleted = 0), "
         "(SELECT count(*) FROM note WHERE deleted = 0)"},
        {&queries.private_note_,
         "SELECT id FROM note WHERE meeting = ?1 AND created_by = ?2 AND visibility = 1 AND deleted = 0 "
         "ORDER BY seq LIMIT 1"},
    };
    if (auto prepared = db.prepare_all(sql); !prepared) return fail(prepared.error());
    // ?1 the parent, ?2 the reader.
    const auto readable = [](const char* table, const char* parent, const char* order) {
        return std::string("SELECT id FROM ") + table + " WHERE " + parent +
               " = ?1 AND deleted = 0 AND (visibility = 0 OR created_by = ?2) ORDER BY " + order;
    };
    const std::pair<Statement*, std::string> part_sql[] = {
        {&queries.parts_[static_cast<std::size_t>(Parts::steps_of_meeting)], readable("action_step", "meeting", "seq")},
        {&queries.parts_[static_cast<std::size_t>(Parts::history_of_step)],
         readable("step_status_change", "step", "changed_on, seq")},
        {&queries.parts_[static_cast<std::size_t>(Parts::notes_of_observation)],
         readable("observation_note", "observation", "second_of_day, seq")},
        {&queries.parts_[static_cast<std::size_t>(Parts::tallies_of_observation)],
         readable("tally", "observation", "seq")},
        {&queries.parts_[static_cast<std::size_t>(Parts::observations_of_pairing)],
         readable("observation", "pairing", "observed_on DESC, seq DESC")},
        {&queries.parts_[static_cast<std::size_t>(Parts::reflections_of_pairing)],
         readable("reflection", "pairing", "written_on DESC, seq DESC")},
        {&queries.parts_[static_cast<std::size_t>(Parts::practice_of_pairing)],
         readable("practice", "pairing", "practised_on DESC, seq DESC")},
        {&queries.parts_[static_cast<std::size_t>(Parts::goals_of_cycle)], readable("goal", "cycle", "seq")},
    };
    static_assert(std::size(part_sql) == std::tuple_size_v<decltype(queries.parts_)>);
    if (auto prepared = db.prepare_all(part_sql); !prepared) return fail(prepared.error());
    return queries;
}

Result<std::vector<AgendaItem>, StoreError> CoachingQueries::agenda(CalendarDate today, int horizon_days) {
    std::vector<AgendaItem> items;
    const std::string today_text = today.iso();
    const std::string until_text = today.plus_days(horizon_days).iso();
    const auto read = [&](AgendaItem::Type type) {
        return [&items, type](const Statement& row) {
            items.push_back(AgendaItem{type, date_at(row, 0), id_at(row, 1), id_at(row, 2), std::string(row.text(3)),
                                       std::string(row.text(4)), std::string(row.text(5))});
        };
    };
    planned_meetings_.bind_text(1, today_text).bind_text(2, until_text);
    if (auto done = planned_meetings_.each_row(read(AgendaItem::Type::meeting_planned)); !done) return fail(done.error());
    next_meetings_.bind_text(1, today_text).bind_text(2, until_text);
    if (auto done = next_meetings_.each_row(read(AgendaItem::Type::meeting_due)); !done) return fail(done.error());
    steps_due_.bind_text(1, today_text).bind_text(2, until_text);
    if (auto done = steps_due_.each_row([&](const Statement& row) {
            const CalendarDate due = date_at(row, 0);
            read(due < today ? AgendaItem::Type::step_overdue : AgendaItem::Type::check_back_due)(row);
        });
        !done)
        return fail(done.error());

    last_met_.bind_text(1, today_text);
    if (auto done = last_met_.each_row([&](const Statement& row) {
            const int gap = cadence_days(static_cast<Cadence>(row.integer(1)));
            const bool planned = row.integer(4) != 0;
            const CalendarDate last = row.is_null(3) ? date_at(row, 2) : date_at(row, 3);
            if (gap == 0 || planned || today.days - last.days <= gap) return;
            const RecordId pairing = id_at(row, 0);
            items.push_back(AgendaItem{AgendaItem::Type::pairing_quiet, last, pairing, pairing,
                                       std::string(row.text(5)), std::string(row.text(6)), {}});
        });
        !done)
        return fail(done.error());

    std::stable_sort(items.begin(), items.end(), [](const AgendaItem& a, const AgendaItem& b) { return a.date < b.date; });
    return items;
}

Result<std::vector<TimelineEntry>, StoreError> CoachingQueries::timeline(const RecordId& pairing) {
    std::vector<TimelineEntry> entries;
    timeline_.bind_blob(1, pairing.bytes);
    auto done = timeline_.each_row([&](const Statement& row) {
        entries.push_back(TimelineEntry{date_at(row, 0), static_cast<Kind>(row.integer(1)), id_at(row, 2),
                                        row.integer(3), std::string(row.text(4))});
    });
    if (!done) return fail(done.error());
    return entries;
}

Result<HoursUsed, StoreError> CoachingQueries::hours_used(const RecordId& pairing, CalendarDate today) {
    HoursUsed hours;
    bool found = false;
    pairing_period_.bind_blob(1, pairing.bytes);
    auto done = pairing_period_.each_row([&](const Statement& row) {
        const DatePeriod period = yearly_period_containing(date_at(row, 0), today);
        hours.period_start = period.first;
        hours.period_end = period.last;
        hours.allowance_minutes = row.integer(1);
        found = true;
    });
    if (!done) return fail(done.error());
    if (!found) return fail(StoreError{SQLITE_NOTFOUND, "no such pairing"});
    hours_.bind_blob(1, pairing.bytes).bind_text(2, hours.period_start.iso()).bind_text(3, hours.period_end.iso());
    done = hours_.each_row([&](const Statement& row) {
        hours.meeting_minutes = row.integer(0);
        hours.observation_minutes = row.integer(1);
        hours.logged_minutes = row.integer(2);
    });
    if (!done) return fail(done.error());
    return hours;
}

Result<RecordCounts, StoreError> CoachingQueries::counts() {
    RecordCounts counts;
    auto done = counts_.each_row([&](const Statement& row) {
        counts = RecordCounts{row.integer(0), row.integer(1), row.integer(2), row.integer(3), row.integer(4)};
    });
    if (!done) return fail(done.error());
    return counts;
}

Result<std::optional<RecordId>, StoreError> CoachingQueries::private_note(const RecordId& meeting,
                                                                         const RecordId& author) {
    std::optional<RecordId> found;
    private_note_.bind_blob(1, meeting.bytes).bind_blob(2, author.bytes);
    auto done = private_note_.each_row([&](const Statement& row) { found = id_at(row, 0); });
    if (!done) return fail(done.error());
    return found;
}

Result<std::vector<RecordId>, StoreError> CoachingQueries::parts(Parts which, const RecordId& parent,
                                                                const RecordId& reader) {
    Statement& statement = parts_.at(static_cast<std::size_t>(which));
    statement.bind_blob(1, parent.bytes).bind_blob(2, reader.bytes);
    std::vector<RecordId> ids;
    auto done = statement.each_row([&](const Statement& row) { ids.push_back(id_at(row, 0)); });
    if (!done) return fail(done.error());
    return ids;
}

}  // namespace tandem::store
