// Index of this file:
// [SECTION] Version 1: a table per record kind
// [SECTION] Version 2: the search index
// [SECTION] Migrating

#include "store/schema_migrations.hpp"

#include <sqlite3.h>

#include <string>
#include <string_view>

namespace tandem::store {

// [SECTION] Version 1: a table per record kind

namespace {

struct Migration {
    int version;
    std::string (*sql)();
};

// Version 1: a table per kind of record (see core/records.hpp), each with the
// metadata every record carries (written as @record_metadata below), and the
// device's own tables.
constexpr std::string_view version_1_record_metadata = R"sql(seq INTEGER PRIMARY KEY,
    id BLOB NOT NULL UNIQUE CHECK (length(id) = 16),
    created_by BLOB REFERENCES person (id) DEFERRABLE INITIALLY DEFERRED,
    created_at INTEGER NOT NULL,
    visibility INTEGER NOT NULL CHECK (visibility IN (0, 1)),
    deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    clocks BLOB NOT NULL,)sql";
constexpr std::string_view version_1_sql = R"sql(
CREATE TABLE person (
    @record_metadata
    display_name TEXT NOT NULL DEFAULT '',
    roles INTEGER NOT NULL DEFAULT 0,
    subject TEXT NOT NULL DEFAULT '',
    phase INTEGER NOT NULL DEFAULT 0,
    career_stage INTEGER NOT NULL DEFAULT 0,
    sharing_code TEXT NOT NULL DEFAULT ''
);
CREATE TABLE priority (
    @record_metadata
    title TEXT NOT NULL DEFAULT '',
    description TEXT NOT NULL DEFAULT '',
    level INTEGER NOT NULL DEFAULT 0,
    starts_on TEXT,
    ends_on TEXT
);
CREATE TABLE library_entry (
    @record_metadata
    area INTEGER NOT NULL DEFAULT 0,
    title TEXT NOT NULL DEFAULT '',
    wording TEXT NOT NULL DEFAULT '',
    success_criteria TEXT NOT NULL DEFAULT '',
    practice_task TEXT NOT NULL DEFAULT ''
);
CREATE TABLE pairing (
    @record_metadata
    coach BLOB REFERENCES person (id) DEFERRABLE INITIALLY DEFERRED,
    coachee BLOB REFERENCES person (id) DEFERRABLE INITIALLY DEFERRED,
    second_coach BLOB REFERENCES person (id) DEFERRABLE INITIALLY DEFERRED,
    starts_on TEXT,
    ends_on TEXT,
    cadence INTEGER NOT NULL DEFAULT 0,
    model INTEGER NOT NULL DEFAULT 0,
    status INTEGER NOT NULL DEFAULT 0,
    agreement_shared TEXT NOT NULL DEFAULT '',
    confidentiality TEXT NOT NULL DEFAULT '',
    appraisal_goals_allowed INTEGER NOT NULL DEFAULT 0,
    allowance_minutes INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE cycle (
    @record_metadata
    pairing BLOB REFERENCES pairing (id) DEFERRABLE INITIALLY DEFERRED,
    model INTEGER NOT NULL DEFAULT 0,
    phase INTEGER NOT NULL DEFAULT 0,
    focus TEXT NOT NULL DEFAULT '',
    priority BLOB REFERENCES priority (id) DEFERRABLE INITIALLY DEFERRED,
    starts_on TEXT,
    ends_on TEXT,
    outcome TEXT NOT NULL DEFAULT '',
    closing_reflection TEXT NOT NULL DEFAULT ''
);
CREATE TABLE goal (
    @record_metadata
    cycle BLOB REFERENCES cycle (id) DEFERRABLE INITIALLY DEFERRED,
    statement TEXT NOT NULL DEFAULT '',
    goal_type INTEGER NOT NULL DEFAULT 0,
    peers_powerful INTEGER NOT NULL DEFAULT 0,
    peers_easy INTEGER NOT NULL DEFAULT 0,
    peers_emotional INTEGER NOT NULL DEFAULT 0,
    peers_reachable INTEGER NOT NULL DEFAULT 0,
    peers_student_focused INTEGER NOT NULL DEFAULT 0,
    measure TEXT NOT NULL DEFAULT '',
    baseline TEXT NOT NULL DEFAULT '',
    target TEXT NOT NULL DEFAULT ''
);
CREATE TABLE meeting (
    @record_metadata
    pairing BLOB REFERENCES pairing (id) DEFERRABLE INITIALLY DEFERRED,
    cycle BLOB REFERENCES cycle (id) DEFERRABLE INITIALLY DEFERRED,
    held_on TEXT,
    duration_minutes INTEGER NOT NULL DEFAULT 0,
    status INTEGER NOT NULL DEFAULT 0,
    meeting_kind INTEGER NOT NULL DEFAULT 0,
    stance INTEGER NOT NULL DEFAULT 0,
    model INTEGER NOT NULL DEFAULT 0,
    shared_notes TEXT NOT NULL DEFAULT '',
    grow_goal TEXT NOT NULL DEFAULT '',
    grow_reality TEXT NOT NULL DEFAULT '',
    grow_options TEXT NOT NULL DEFAULT '',
    grow_will TEXT NOT NULL DEFAULT '',
    basic_background TEXT NOT NULL DEFAULT '',
    basic_aim TEXT NOT NULL DEFAULT '',
    basic_strategy TEXT NOT NULL DEFAULT '',
    basic_implementation TEXT NOT NULL DEFAULT '',
    basic_commitment TEXT NOT NULL DEFAULT '',
    impact_reality TEXT NOT NULL DEFAULT '',
    impact_goal TEXT NOT NULL DEFAULT '',
    impact_strategy_checklist TEXT NOT NULL DEFAULT '',
    impact_modelling TEXT NOT NULL DEFAULT '',
    impact_progress TEXT NOT NULL DEFAULT '',
    impact_next_actions TEXT NOT NULL DEFAULT '',
    step_praise TEXT NOT NULL DEFAULT '',
    step_probe TEXT NOT NULL DEFAULT '',
    step_see_it TEXT NOT NULL DEFAULT '',
    step_name_it TEXT NOT NULL DEFAULT '',
    step_do_it TEXT NOT NULL DEFAULT '',
    next_on TEXT
);
CREATE TABLE note (
    @record_metadata
    pairing BLOB REFERENCES pairing (id) DEFERRABLE INITIALLY DEFERRED,
    meeting BLOB REFERENCES meeting (id) DEFERRABLE INITIALLY DEFERRED,
    addressed_to BLOB REFERENCES person (id) DEFERRABLE INITIALLY DEFERRED,
    body TEXT NOT NULL DEFAULT ''
);
CREATE TABLE observation (
    @record_metadata
    pairing BLOB REFERENCES pairing (id) DEFERRABLE INITIALLY DEFERRED,
    observed_on TEXT,
    class_name TEXT NOT NULL DEFAULT '',
    duration_minutes INTEGER NOT NULL DEFAULT 0,
    focus TEXT NOT NULL DEFAULT '',
    praise TEXT NOT NULL DEFAULT ''
);
CREATE TABLE observation_note (
    @record_metadata
    observation BLOB REFERENCES observation (id) DEFERRABLE INITIALLY DEFERRED,
    second_of_day INTEGER NOT NULL DEFAULT 0,
    body TEXT NOT NULL DEFAULT ''
);
CREATE TABLE tally (
    @record_metadata
    observation BLOB REFERENCES observation (id) DEFERRABLE INITIALLY DEFERRED,
    label TEXT NOT NULL DEFAULT '',
    total INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE action_step (
    @record_metadata
    pairing BLOB REFERENCES pairing (id) DEFERRABLE INITIALLY DEFERRED,
    cycle BLOB REFERENCES cycle (id) DEFERRABLE INITIALLY DEFERRED,
    meeting BLOB REFERENCES meeting (id) DEFERRABLE INITIALLY DEFERRED,
    library_entry BLOB REFERENCES library_entry (id) DEFERRABLE INITIALLY DEFERRED,
    priority BLOB REFERENCES priority (id) DEFERRABLE INITIALLY DEFERRED,
    wording TEXT NOT NULL DEFAULT '',
    success_criteria TEXT NOT NULL DEFAULT '',
    exemplar TEXT NOT NULL DEFAULT '',
    practice_task TEXT NOT NULL DEFAULT '',
    set_on TEXT,
    check_back_on TEXT,
    status INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE step_status_change (
    @record_metadata
    step BLOB REFERENCES action_step (id) DEFERRABLE INITIALLY DEFERRED,
    status INTEGER NOT NULL DEFAULT 0,
    changed_on TEXT,
    comment TEXT NOT NULL DEFAULT ''
);
CREATE TABLE practice (
    @record_metadata
    pairing BLOB REFERENCES pairing (id) DEFERRABLE INITIALLY DEFERRED,
    step BLOB REFERENCES action_step (id) DEFERRABLE INITIALLY DEFERRED,
    meeting BLOB REFERENCES meeting (id) DEFERRABLE INITIALLY DEFERRED,
    practised_on TEXT,
    script TEXT NOT NULL DEFAULT ''
);
CREATE TABLE practice_round (
    @record_metadata
    practice BLOB REFERENCES practice (id) DEFERRABLE INITIALLY DEFERRED,
    round_number INTEGER NOT NULL DEFAULT 0,
    feedback TEXT NOT NULL DEFAULT ''
);
CREATE TABLE reflection (
    @record_metadata
    pairing BLOB REFERENCES pairing (id) DEFERRABLE INITIALLY DEFERRED,
    meeting BLOB REFERENCES meeting (id) DEFERRABLE INITIALLY DEFERRED,
    written_on TEXT,
    prompt TEXT NOT NULL DEFAULT '',
    body TEXT NOT NULL DEFAULT ''
);
CREATE TABLE evidence (
    @record_metadata
    pairing BLOB REFERENCES pairing (id) DEFERRABLE INITIALLY DEFERRED,
    cycle BLOB REFERENCES cycle (id) DEFERRABLE INITIALLY DEFERRED,
    step BLOB REFERENCES action_step (id) DEFERRABLE INITIALLY DEFERRED,
    collected_on TEXT,
    evidence_kind INTEGER NOT NULL DEFAULT 0,
    description TEXT NOT NULL DEFAULT '',
    tally_value INTEGER NOT NULL DEFAULT 0,
    tally_out_of INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE time_log (
    @record_metadata
    pairing BLOB REFERENCES pairing (id) DEFERRABLE INITIALLY DEFERRED,
    logged_on TEXT,
    minutes INTEGER NOT NULL DEFAULT 0,
    category INTEGER NOT NULL DEFAULT 0,
    comment TEXT NOT NULL DEFAULT ''
);
CREATE TABLE training_record (
    @record_metadata
    person BLOB REFERENCES person (id) DEFERRABLE INITIALLY DEFERRED,
    training_kind INTEGER NOT NULL DEFAULT 0,
    completed_on TEXT,
    minutes INTEGER NOT NULL DEFAULT 0,
    title TEXT NOT NULL DEFAULT '',
    notes TEXT NOT NULL DEFAULT ''
);
CREATE TABLE pairing_checkin (
    @record_metadata
    pairing BLOB REFERENCES pairing (id) DEFERRABLE INITIALLY DEFERRED,
    answered_on TEXT,
    answer INTEGER NOT NULL DEFAULT 0,
    comment TEXT NOT NULL DEFAULT ''
);

CREATE INDEX cycle_by_pairing ON cycle (pairing);
CREATE INDEX goal_by_cycle ON goal (cycle);
CREATE INDEX meeting_by_pairing ON meeting (pairing, held_on);
CREATE INDEX note_by_pairing ON note (pairing);
CREATE INDEX note_by_meeting ON note (meeting);
CREATE INDEX observation_by_pairing ON observation (pairing, observed_on);
CREATE INDEX observation_note_by_observation ON observation_note (observation);
CREATE INDEX tally_by_observation ON tally (observation);
CREATE INDEX action_step_by_pairing ON action_step (pairing);
CREATE INDEX action_step_by_check_back ON action_step (status, check_back_on);
CREATE INDEX step_status_change_by_step ON step_status_change (step);
CREATE INDEX practice_by_pairing ON practice (pairing);
CREATE INDEX practice_round_by_practice ON practice_round (practice);
CREATE INDEX reflection_by_pairing ON reflection (pairing);
CREATE INDEX evidence_by_pairing ON evidence (pairing);
CREATE INDEX time_log_by_pairing ON time_log (pairing, logged_on);
CREATE INDEX training_record_by_person ON training_record (person);
CREATE INDEX pairing_checkin_by_pairing ON pairing_checkin (pairing);

-- This device's own state: its site id, the clock's last reading.
CREATE TABLE local_state (
    key TEXT PRIMARY KEY,
    value ANY
) WITHOUT ROWID;

-- Texts that lost to a concurrent edit during a merge, kept to be shown.
CREATE TABLE field_conflict (
    seq INTEGER PRIMARY KEY,
    kind INTEGER NOT NULL,
    record_id BLOB NOT NULL,
    field INTEGER NOT NULL,
    losing_text TEXT NOT NULL,
    losing_hlc INTEGER NOT NULL,
    losing_site INTEGER NOT NULL,
    winning_hlc INTEGER NOT NULL,
    winning_site INTEGER NOT NULL,
    kept_at INTEGER NOT NULL,
    resolved INTEGER NOT NULL DEFAULT 0,
    UNIQUE (record_id, field, losing_hlc, losing_site)
);
)sql";

std::string version_1_records() {
    constexpr std::string_view placeholder = "@record_metadata";
    std::string sql(version_1_sql);
    for (std::size_t at = sql.find(placeholder); at != std::string::npos; at = sql.find(placeholder, at))
        sql.replace(at, placeholder.size(), version_1_record_metadata);
    return sql;
}

// Version 2: the full-text search index over every searchable field, kept in
// step by triggers; existing records are indexed as the index is created.
// The index holds no copy of the text: its content is a view over the record
// tables, through search_map, which names each document's table and row.
// Document numbers grow with every (re)indexing, so higher is more recent.

// [SECTION] Version 2: the search index

// What version 2 indexes: each kind's number, table and searchable columns
// as they were at version 2. Frozen: indexing more is a new migration.
struct SearchSource {
    int kind;
    std::string_view table;
    std::string_view columns;  // separated by single spaces
};
constexpr SearchSource version_2_sources[] = {
    {1, "person", "display_name subject"},
    {2, "priority", "title description"},
    {3, "library_entry", "title wording success_criteria practice_task"},
    {4, "pairing", "agreement_shared confidentiality"},
    {5, "cycle", "focus outcome closing_reflection"},
    {6, "goal", "statement measure baseline target"},
    {7, "meeting",
     "shared_notes grow_goal grow_reality grow_options grow_will basic_background basic_aim basic_strategy "
     "basic_implementation basic_commitment impact_reality impact_goal impact_strategy_checklist impact_modelling "
     "impact_progress impact_next_actions step_praise step_probe step_see_it step_name_it step_do_it"},
    {8, "note", "body"},
    {9, "observation", "class_name focus praise"},
    {10, "observation_note", "body"},
    {11, "tally", "label"},
    {12, "action_step", "wording success_criteria exemplar practice_task"},
    {13, "step_status_change", "comment"},
    {14, "practice", "script"},
    {15, "practice_round", "feedback"},
    {16, "reflection", "prompt body"},
    {17, "evidence", "description"},
    {18, "time_log", "comment"},
    {19, "training_record", "title notes"},
    {20, "pairing_checkin", "comment"},
};

// The indexed text of a row: its columns, one per line, read through `row`
// ("new", "old" or a table alias).
std::string search_body(const SearchSource& source, std::string_view row) {
    std::string body;
    std::string_view columns = source.columns;
    while (!columns.empty()) {
        const std::size_t space = columns.find(' ');
        if (!body.empty()) body += " || char(10) || ";
        body.append(row).append(".").append(columns.substr(0, space));
        columns = space == std::string_view::npos ? std::string_view{} : columns.substr(space + 1);
    }
    return body;
}

std::string version_2_search() {
    std::string sql = R"sql(
CREATE TABLE search_map (
    doc INTEGER PRIMARY KEY,
    kind INTEGER NOT NULL,
    seq INTEGER NOT NULL,
    UNIQUE (kind, seq)
);
)sql";
    std::string view = "CREATE VIEW search_content (doc, body) AS\n";
    std::string triggers;
    std::string backfill;
    for (const SearchSource& source : version_2_sources) {
        const std::string table(source.table);
        const std::string kind = std::to_string(source.kind);
        const std::string new_body = search_body(source, "new");
        const std::string old_body = search_body(source, "old");
        const std::string forget =  // removes the row's document: FTS5 needs the text it indexed
            "    INSERT INTO search_index (search_index, rowid, body)\n        SELECT 'delete', doc, " + old_body +
            " FROM search_map WHERE kind = " + kind + " AND seq = old.seq;\n    DELETE FROM search_map WHERE kind = " +
            kind + " AND seq = old.seq;\n";
        if (source.kind != version_2_sources[0].kind) view += "    UNION ALL\n";
        view += "    SELECT m.doc, " + search_body(source, "t") + " FROM search_map m JOIN " + table +
                " t ON t.seq = m.seq WHERE m.kind = " + kind + "\n";
        triggers += "CREATE TRIGGER " + table + "_search_insert AFTER INSERT ON " + table +
                    " WHEN new.deleted = 0 BEGIN\n    INSERT INTO search_map (kind, seq) VALUES (" + kind +
                    ", new.seq);\n    INSERT INTO search_index (rowid, body) VALUES (last_insert_rowid(), " + new_body +
                    ");\nEND;\n";
        triggers += "CREATE TRIGGER " + table + "_search_update AFTER UPDATE ON " + table +
                    "\nWHEN old.deleted <> new.deleted OR (" + old_body + ") IS NOT (" + new_body + ") BEGIN\n" + forget +
                    "    INSERT INTO search_map (kind, seq) SELECT " + kind +
                    ", new.seq WHERE new.deleted = 0;\n    INSERT INTO search_index (rowid, body) SELECT last_insert_rowid(), " +
                    new_body + " WHERE new.deleted = 0;\nEND;\n";
        triggers += "CREATE TRIGGER " + table + "_search_delete AFTER DELETE ON " + table + " BEGIN\n" + forget + "END;\n";
        backfill += "INSERT INTO search_map (kind, seq) SELECT " + kind + ", seq FROM " + table +
                    " WHERE deleted = 0 ORDER BY seq;\n";
    }
    sql += view + ";\n";
    sql += R"sql(
CREATE VIRTUAL TABLE search_index USING fts5 (
    body, content = 'search_content', content_rowid = 'doc', tokenize = 'tandem_fold'
);
)sql";
    sql += triggers;
    sql += backfill;  // records written before this version
    sql += "INSERT INTO search_index (search_index) VALUES ('rebuild');\n";
    return sql;
}

constexpr Migration migrations[] = {
    {1, version_1_records},
    {2, version_2_search},
};

}  // namespace

int current_schema_version() { return migrations[std::size(migrations) - 1].version; }

// [SECTION] Migrating

Result<int, StoreError> schema_version(Database& db) {
    auto statement = db.prepare("PRAGMA user_version");
    if (!statement) return fail(statement.error());
    auto row = statement.value().step();
    if (!row) return fail(row.error());
    return static_cast<int>(statement.value().integer(0));
}

Result<void, StoreError> migrate(Database& db, int target) {
    auto version = schema_version(db);
    if (!version) return fail(version.error());
    if (version.value() > current_schema_version())
        return fail(StoreError{SQLITE_CANTOPEN, "this database was written by a newer version of Tandem (schema " +
                                                    std::to_string(version.value()) + ")"});
    for (const Migration& migration : migrations) {
        if (migration.version <= version.value() || migration.version > target) continue;
        if (auto begun = db.execute("BEGIN IMMEDIATE"); !begun) return begun;
        const std::string bump = "PRAGMA user_version = " + std::to_string(migration.version);
        auto applied = db.execute(migration.sql());
        if (applied) applied = db.execute(bump);
        if (applied) {
            auto orphans = db.query_column("PRAGMA foreign_key_check");
            if (!orphans) applied = fail(orphans.error());
            else if (!orphans.value().empty())
                applied = fail(StoreError{SQLITE_CONSTRAINT, "migration " + std::to_string(migration.version) +
                                                                 " left references to missing records"});
        }
        if (applied) applied = db.execute("COMMIT");
        if (!applied) {
            (void)db.execute("ROLLBACK");
            return applied;
        }
    }
    return {};
}

}  // namespace tandem::store
