#include "store/schema_migrations.hpp"

#include <sqlite3.h>

#include <string>

namespace tandem::store {

namespace {

struct Migration {
    int version;
    std::string_view sql;
};

// Version 1: a table per kind of record (see core/records.hpp), each with the
// metadata every record carries, and the device's own tables.
constexpr std::string_view version_1_records = R"sql(
CREATE TABLE person (
    seq INTEGER PRIMARY KEY,
    id BLOB NOT NULL UNIQUE CHECK (length(id) = 16),
    created_by BLOB REFERENCES person (id) DEFERRABLE INITIALLY DEFERRED,
    created_at INTEGER NOT NULL,
    visibility INTEGER NOT NULL CHECK (visibility IN (0, 1)),
    deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    clocks BLOB NOT NULL,
    display_name TEXT NOT NULL DEFAULT '',
    roles INTEGER NOT NULL DEFAULT 0,
    subject TEXT NOT NULL DEFAULT '',
    phase INTEGER NOT NULL DEFAULT 0,
    career_stage INTEGER NOT NULL DEFAULT 0,
    sharing_code TEXT NOT NULL DEFAULT ''
);
CREATE TABLE priority (
    seq INTEGER PRIMARY KEY,
    id BLOB NOT NULL UNIQUE CHECK (length(id) = 16),
    created_by BLOB REFERENCES person (id) DEFERRABLE INITIALLY DEFERRED,
    created_at INTEGER NOT NULL,
    visibility INTEGER NOT NULL CHECK (visibility IN (0, 1)),
    deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    clocks BLOB NOT NULL,
    title TEXT NOT NULL DEFAULT '',
    description TEXT NOT NULL DEFAULT '',
    level INTEGER NOT NULL DEFAULT 0,
    starts_on TEXT,
    ends_on TEXT
);
CREATE TABLE library_entry (
    seq INTEGER PRIMARY KEY,
    id BLOB NOT NULL UNIQUE CHECK (length(id) = 16),
    created_by BLOB REFERENCES person (id) DEFERRABLE INITIALLY DEFERRED,
    created_at INTEGER NOT NULL,
    visibility INTEGER NOT NULL CHECK (visibility IN (0, 1)),
    deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    clocks BLOB NOT NULL,
    area INTEGER NOT NULL DEFAULT 0,
    title TEXT NOT NULL DEFAULT '',
    wording TEXT NOT NULL DEFAULT '',
    success_criteria TEXT NOT NULL DEFAULT '',
    practice_task TEXT NOT NULL DEFAULT ''
);
CREATE TABLE pairing (
    seq INTEGER PRIMARY KEY,
    id BLOB NOT NULL UNIQUE CHECK (length(id) = 16),
    created_by BLOB REFERENCES person (id) DEFERRABLE INITIALLY DEFERRED,
    created_at INTEGER NOT NULL,
    visibility INTEGER NOT NULL CHECK (visibility IN (0, 1)),
    deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    clocks BLOB NOT NULL,
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
    seq INTEGER PRIMARY KEY,
    id BLOB NOT NULL UNIQUE CHECK (length(id) = 16),
    created_by BLOB REFERENCES person (id) DEFERRABLE INITIALLY DEFERRED,
    created_at INTEGER NOT NULL,
    visibility INTEGER NOT NULL CHECK (visibility IN (0, 1)),
    deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    clocks BLOB NOT NULL,
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
    seq INTEGER PRIMARY KEY,
    id BLOB NOT NULL UNIQUE CHECK (length(id) = 16),
    created_by BLOB REFERENCES person (id) DEFERRABLE INITIALLY DEFERRED,
    created_at INTEGER NOT NULL,
    visibility INTEGER NOT NULL CHECK (visibility IN (0, 1)),
    deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    clocks BLOB NOT NULL,
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
    seq INTEGER PRIMARY KEY,
    id BLOB NOT NULL UNIQUE CHECK (length(id) = 16),
    created_by BLOB REFERENCES person (id) DEFERRABLE INITIALLY DEFERRED,
    created_at INTEGER NOT NULL,
    visibility INTEGER NOT NULL CHECK (visibility IN (0, 1)),
    deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    clocks BLOB NOT NULL,
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
    seq INTEGER PRIMARY KEY,
    id BLOB NOT NULL UNIQUE CHECK (length(id) = 16),
    created_by BLOB REFERENCES person (id) DEFERRABLE INITIALLY DEFERRED,
    created_at INTEGER NOT NULL,
    visibility INTEGER NOT NULL CHECK (visibility IN (0, 1)),
    deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    clocks BLOB NOT NULL,
    pairing BLOB REFERENCES pairing (id) DEFERRABLE INITIALLY DEFERRED,
    meeting BLOB REFERENCES meeting (id) DEFERRABLE INITIALLY DEFERRED,
    addressed_to BLOB REFERENCES person (id) DEFERRABLE INITIALLY DEFERRED,
    body TEXT NOT NULL DEFAULT ''
);
CREATE TABLE observation (
    seq INTEGER PRIMARY KEY,
    id BLOB NOT NULL UNIQUE CHECK (length(id) = 16),
    created_by BLOB REFERENCES person (id) DEFERRABLE INITIALLY DEFERRED,
    created_at INTEGER NOT NULL,
    visibility INTEGER NOT NULL CHECK (visibility IN (0, 1)),
    deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    clocks BLOB NOT NULL,
    pairing BLOB REFERENCES pairing (id) DEFERRABLE INITIALLY DEFERRED,
    observed_on TEXT,
    class_name TEXT NOT NULL DEFAULT '',
    duration_minutes INTEGER NOT NULL DEFAULT 0,
    focus TEXT NOT NULL DEFAULT '',
    praise TEXT NOT NULL DEFAULT ''
);
CREATE TABLE observation_note (
    seq INTEGER PRIMARY KEY,
    id BLOB NOT NULL UNIQUE CHECK (length(id) = 16),
    created_by BLOB REFERENCES person (id) DEFERRABLE INITIALLY DEFERRED,
    created_at INTEGER NOT NULL,
    visibility INTEGER NOT NULL CHECK (visibility IN (0, 1)),
    deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    clocks BLOB NOT NULL,
    observation BLOB REFERENCES observation (id) DEFERRABLE INITIALLY DEFERRED,
    second_of_day INTEGER NOT NULL DEFAULT 0,
    body TEXT NOT NULL DEFAULT ''
);
CREATE TABLE tally (
    seq INTEGER PRIMARY KEY,
    id BLOB NOT NULL UNIQUE CHECK (length(id) = 16),
    created_by BLOB REFERENCES person (id) DEFERRABLE INITIALLY DEFERRED,
    created_at INTEGER NOT NULL,
    visibility INTEGER NOT NULL CHECK (visibility IN (0, 1)),
    deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    clocks BLOB NOT NULL,
    observation BLOB REFERENCES observation (id) DEFERRABLE INITIALLY DEFERRED,
    label TEXT NOT NULL DEFAULT '',
    total INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE action_step (
    seq INTEGER PRIMARY KEY,
    id BLOB NOT NULL UNIQUE CHECK (length(id) = 16),
    created_by BLOB REFERENCES person (id) DEFERRABLE INITIALLY DEFERRED,
    created_at INTEGER NOT NULL,
    visibility INTEGER NOT NULL CHECK (visibility IN (0, 1)),
    deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    clocks BLOB NOT NULL,
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
    seq INTEGER PRIMARY KEY,
    id BLOB NOT NULL UNIQUE CHECK (length(id) = 16),
    created_by BLOB REFERENCES person (id) DEFERRABLE INITIALLY DEFERRED,
    created_at INTEGER NOT NULL,
    visibility INTEGER NOT NULL CHECK (visibility IN (0, 1)),
    deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    clocks BLOB NOT NULL,
    step BLOB REFERENCES action_step (id) DEFERRABLE INITIALLY DEFERRED,
    status INTEGER NOT NULL DEFAULT 0,
    changed_on TEXT,
    comment TEXT NOT NULL DEFAULT ''
);
CREATE TABLE practice (
    seq INTEGER PRIMARY KEY,
    id BLOB NOT NULL UNIQUE CHECK (length(id) = 16),
    created_by BLOB REFERENCES person (id) DEFERRABLE INITIALLY DEFERRED,
    created_at INTEGER NOT NULL,
    visibility INTEGER NOT NULL CHECK (visibility IN (0, 1)),
    deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    clocks BLOB NOT NULL,
    pairing BLOB REFERENCES pairing (id) DEFERRABLE INITIALLY DEFERRED,
    step BLOB REFERENCES action_step (id) DEFERRABLE INITIALLY DEFERRED,
    meeting BLOB REFERENCES meeting (id) DEFERRABLE INITIALLY DEFERRED,
    practised_on TEXT,
    script TEXT NOT NULL DEFAULT ''
);
CREATE TABLE practice_round (
    seq INTEGER PRIMARY KEY,
    id BLOB NOT NULL UNIQUE CHECK (length(id) = 16),
    created_by BLOB REFERENCES person (id) DEFERRABLE INITIALLY DEFERRED,
    created_at INTEGER NOT NULL,
    visibility INTEGER NOT NULL CHECK (visibility IN (0, 1)),
    deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    clocks BLOB NOT NULL,
    practice BLOB REFERENCES practice (id) DEFERRABLE INITIALLY DEFERRED,
    round_number INTEGER NOT NULL DEFAULT 0,
    feedback TEXT NOT NULL DEFAULT ''
);
CREATE TABLE reflection (
    seq INTEGER PRIMARY KEY,
    id BLOB NOT NULL UNIQUE CHECK (length(id) = 16),
    created_by BLOB REFERENCES person (id) DEFERRABLE INITIALLY DEFERRED,
    created_at INTEGER NOT NULL,
    visibility INTEGER NOT NULL CHECK (visibility IN (0, 1)),
    deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    clocks BLOB NOT NULL,
    pairing BLOB REFERENCES pairing (id) DEFERRABLE INITIALLY DEFERRED,
    meeting BLOB REFERENCES meeting (id) DEFERRABLE INITIALLY DEFERRED,
    written_on TEXT,
    prompt TEXT NOT NULL DEFAULT '',
    body TEXT NOT NULL DEFAULT ''
);
CREATE TABLE evidence (
    seq INTEGER PRIMARY KEY,
    id BLOB NOT NULL UNIQUE CHECK (length(id) = 16),
    created_by BLOB REFERENCES person (id) DEFERRABLE INITIALLY DEFERRED,
    created_at INTEGER NOT NULL,
    visibility INTEGER NOT NULL CHECK (visibility IN (0, 1)),
    deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    clocks BLOB NOT NULL,
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
    seq INTEGER PRIMARY KEY,
    id BLOB NOT NULL UNIQUE CHECK (length(id) = 16),
    created_by BLOB REFERENCES person (id) DEFERRABLE INITIALLY DEFERRED,
    created_at INTEGER NOT NULL,
    visibility INTEGER NOT NULL CHECK (visibility IN (0, 1)),
    deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    clocks BLOB NOT NULL,
    pairing BLOB REFERENCES pairing (id) DEFERRABLE INITIALLY DEFERRED,
    logged_on TEXT,
    minutes INTEGER NOT NULL DEFAULT 0,
    category INTEGER NOT NULL DEFAULT 0,
    comment TEXT NOT NULL DEFAULT ''
);
CREATE TABLE training_record (
    seq INTEGER PRIMARY KEY,
    id BLOB NOT NULL UNIQUE CHECK (length(id) = 16),
    created_by BLOB REFERENCES person (id) DEFERRABLE INITIALLY DEFERRED,
    created_at INTEGER NOT NULL,
    visibility INTEGER NOT NULL CHECK (visibility IN (0, 1)),
    deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    clocks BLOB NOT NULL,
    person BLOB REFERENCES person (id) DEFERRABLE INITIALLY DEFERRED,
    training_kind INTEGER NOT NULL DEFAULT 0,
    completed_on TEXT,
    minutes INTEGER NOT NULL DEFAULT 0,
    title TEXT NOT NULL DEFAULT '',
    notes TEXT NOT NULL DEFAULT ''
);
CREATE TABLE pairing_checkin (
    seq INTEGER PRIMARY KEY,
    id BLOB NOT NULL UNIQUE CHECK (length(id) = 16),
    created_by BLOB REFERENCES person (id) DEFERRABLE INITIALLY DEFERRED,
    created_at INTEGER NOT NULL,
    visibility INTEGER NOT NULL CHECK (visibility IN (0, 1)),
    deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    clocks BLOB NOT NULL,
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

// Version 2: the full-text search index over every searchable field, kept in
// step by triggers; existing records are indexed as the index is created.
// The index holds no copy of the text: its content is a view over the record
// tables, through search_map, which names each document's table and row.
constexpr std::string_view version_2_search = R"sql(
-- Which record each indexed document is: doc numbers grow with every
-- (re)indexing, so higher numbers are more recently written.
CREATE TABLE search_map (
    doc INTEGER PRIMARY KEY,
    kind INTEGER NOT NULL,
    seq INTEGER NOT NULL,
    UNIQUE (kind, seq)
);

-- The text of each document, read from the records themselves (no copy).
CREATE VIEW search_content (doc, body) AS
    SELECT m.doc, t.display_name || char(10) || t.subject FROM search_map m JOIN person t ON t.seq = m.seq WHERE m.kind = 1
    UNION ALL
    SELECT m.doc, t.title || char(10) || t.description FROM search_map m JOIN priority t ON t.seq = m.seq WHERE m.kind = 2
    UNION ALL
    SELECT m.doc, t.title || char(10) || t.wording || char(10) || t.success_criteria || char(10) || t.practice_task FROM search_map m JOIN library_entry t ON t.seq = m.seq WHERE m.kind = 3
    UNION ALL
    SELECT m.doc, t.agreement_shared || char(10) || t.confidentiality FROM search_map m JOIN pairing t ON t.seq = m.seq WHERE m.kind = 4
    UNION ALL
    SELECT m.doc, t.focus || char(10) || t.outcome || char(10) || t.closing_reflection FROM search_map m JOIN cycle t ON t.seq = m.seq WHERE m.kind = 5
    UNION ALL
    SELECT m.doc, t.statement || char(10) || t.measure || char(10) || t.baseline || char(10) || t.target FROM search_map m JOIN goal t ON t.seq = m.seq WHERE m.kind = 6
    UNION ALL
    SELECT m.doc, t.shared_notes || char(10) || t.grow_goal || char(10) || t.grow_reality || char(10) || t.grow_options || char(10) || t.grow_will || char(10) || t.basic_background || char(10) || t.basic_aim || char(10) || t.basic_strategy || char(10) || t.basic_implementation || char(10) || t.basic_commitment || char(10) || t.impact_reality || char(10) || t.impact_goal || char(10) || t.impact_strategy_checklist || char(10) || t.impact_modelling || char(10) || t.impact_progress || char(10) || t.impact_next_actions || char(10) || t.step_praise || char(10) || t.step_probe || char(10) || t.step_see_it || char(10) || t.step_name_it || char(10) || t.step_do_it FROM search_map m JOIN meeting t ON t.seq = m.seq WHERE m.kind = 7
    UNION ALL
    SELECT m.doc, t.body FROM search_map m JOIN note t ON t.seq = m.seq WHERE m.kind = 8
    UNION ALL
    SELECT m.doc, t.class_name || char(10) || t.focus || char(10) || t.praise FROM search_map m JOIN observation t ON t.seq = m.seq WHERE m.kind = 9
    UNION ALL
    SELECT m.doc, t.body FROM search_map m JOIN observation_note t ON t.seq = m.seq WHERE m.kind = 10
    UNION ALL
    SELECT m.doc, t.label FROM search_map m JOIN tally t ON t.seq = m.seq WHERE m.kind = 11
    UNION ALL
    SELECT m.doc, t.wording || char(10) || t.success_criteria || char(10) || t.exemplar || char(10) || t.practice_task FROM search_map m JOIN action_step t ON t.seq = m.seq WHERE m.kind = 12
    UNION ALL
    SELECT m.doc, t.comment FROM search_map m JOIN step_status_change t ON t.seq = m.seq WHERE m.kind = 13
    UNION ALL
    SELECT m.doc, t.script FROM search_map m JOIN practice t ON t.seq = m.seq WHERE m.kind = 14
    UNION ALL
    SELECT m.doc, t.feedback FROM search_map m JOIN practice_round t ON t.seq = m.seq WHERE m.kind = 15
    UNION ALL
    SELECT m.doc, t.prompt || char(10) || t.body FROM search_map m JOIN reflection t ON t.seq = m.seq WHERE m.kind = 16
    UNION ALL
    SELECT m.doc, t.description FROM search_map m JOIN evidence t ON t.seq = m.seq WHERE m.kind = 17
    UNION ALL
    SELECT m.doc, t.comment FROM search_map m JOIN time_log t ON t.seq = m.seq WHERE m.kind = 18
    UNION ALL
    SELECT m.doc, t.title || char(10) || t.notes FROM search_map m JOIN training_record t ON t.seq = m.seq WHERE m.kind = 19
    UNION ALL
    SELECT m.doc, t.comment FROM search_map m JOIN pairing_checkin t ON t.seq = m.seq WHERE m.kind = 20;

CREATE VIRTUAL TABLE search_index USING fts5 (
    body, content = 'search_content', content_rowid = 'doc', tokenize = 'tandem_fold'
);

CREATE TRIGGER person_search_insert AFTER INSERT ON person WHEN new.deleted = 0 BEGIN
    INSERT INTO search_map (kind, seq) VALUES (1, new.seq);
    INSERT INTO search_index (rowid, body) VALUES (last_insert_rowid(), new.display_name || char(10) || new.subject);
END;
CREATE TRIGGER person_search_update AFTER UPDATE ON person
WHEN old.deleted <> new.deleted OR (old.display_name || char(10) || old.subject) IS NOT (new.display_name || char(10) || new.subject) BEGIN
    INSERT INTO search_index (search_index, rowid, body)
        SELECT 'delete', doc, old.display_name || char(10) || old.subject FROM search_map WHERE kind = 1 AND seq = old.seq;
    DELETE FROM search_map WHERE kind = 1 AND seq = old.seq;
    INSERT INTO search_map (kind, seq) SELECT 1, new.seq WHERE new.deleted = 0;
    INSERT INTO search_index (rowid, body) SELECT last_insert_rowid(), new.display_name || char(10) || new.subject WHERE new.deleted = 0;
END;
CREATE TRIGGER person_search_delete AFTER DELETE ON person BEGIN
    INSERT INTO search_index (search_index, rowid, body)
        SELECT 'delete', doc, old.display_name || char(10) || old.subject FROM search_map WHERE kind = 1 AND seq = old.seq;
    DELETE FROM search_map WHERE kind = 1 AND seq = old.seq;
END;
CREATE TRIGGER priority_search_insert AFTER INSERT ON priority WHEN new.deleted = 0 BEGIN
    INSERT INTO search_map (kind, seq) VALUES (2, new.seq);
    INSERT INTO search_index (rowid, body) VALUES (last_insert_rowid(), new.title || char(10) || new.description);
END;
CREATE TRIGGER priority_search_update AFTER UPDATE ON priority
WHEN old.deleted <> new.deleted OR (old.title || char(10) || old.description) IS NOT (new.title || char(10) || new.description) BEGIN
    INSERT INTO search_index (search_index, rowid, body)
        SELECT 'delete', doc, old.title || char(10) || old.description FROM search_map WHERE kind = 2 AND seq = old.seq;
    DELETE FROM search_map WHERE kind = 2 AND seq = old.seq;
    INSERT INTO search_map (kind, seq) SELECT 2, new.seq WHERE new.deleted = 0;
    INSERT INTO search_index (rowid, body) SELECT last_insert_rowid(), new.title || char(10) || new.description WHERE new.deleted = 0;
END;
CREATE TRIGGER priority_search_delete AFTER DELETE ON priority BEGIN
    INSERT INTO search_index (search_index, rowid, body)
        SELECT 'delete', doc, old.title || char(10) || old.description FROM search_map WHERE kind = 2 AND seq = old.seq;
    DELETE FROM search_map WHERE kind = 2 AND seq = old.seq;
END;
CREATE TRIGGER library_entry_search_insert AFTER INSERT ON library_entry WHEN new.deleted = 0 BEGIN
    INSERT INTO search_map (kind, seq) VALUES (3, new.seq);
    INSERT INTO search_index (rowid, body) VALUES (last_insert_rowid(), new.title || char(10) || new.wording || char(10) || new.success_criteria || char(10) || new.practice_task);
END;
CREATE TRIGGER library_entry_search_update AFTER UPDATE ON library_entry
WHEN old.deleted <> new.deleted OR (old.title || char(10) || old.wording || char(10) || old.success_criteria || char(10) || old.practice_task) IS NOT (new.title || char(10) || new.wording || char(10) || new.success_criteria || char(10) || new.practice_task) BEGIN
    INSERT INTO search_index (search_index, rowid, body)
        SELECT 'delete', doc, old.title || char(10) || old.wording || char(10) || old.success_criteria || char(10) || old.practice_task FROM search_map WHERE kind = 3 AND seq = old.seq;
    DELETE FROM search_map WHERE kind = 3 AND seq = old.seq;
    INSERT INTO search_map (kind, seq) SELECT 3, new.seq WHERE new.deleted = 0;
    INSERT INTO search_index (rowid, body) SELECT last_insert_rowid(), new.title || char(10) || new.wording || char(10) || new.success_criteria || char(10) || new.practice_task WHERE new.deleted = 0;
END;
CREATE TRIGGER library_entry_search_delete AFTER DELETE ON library_entry BEGIN
    INSERT INTO search_index (search_index, rowid, body)
        SELECT 'delete', doc, old.title || char(10) || old.wording || char(10) || old.success_criteria || char(10) || old.practice_task FROM search_map WHERE kind = 3 AND seq = old.seq;
    DELETE FROM search_map WHERE kind = 3 AND seq = old.seq;
END;
CREATE TRIGGER pairing_search_insert AFTER INSERT ON pairing WHEN new.deleted = 0 BEGIN
    INSERT INTO search_map (kind, seq) VALUES (4, new.seq);
    INSERT INTO search_index (rowid, body) VALUES (last_insert_rowid(), new.agreement_shared || char(10) || new.confidentiality);
END;
CREATE TRIGGER pairing_search_update AFTER UPDATE ON pairing
WHEN old.deleted <> new.deleted OR (old.agreement_shared || char(10) || old.confidentiality) IS NOT (new.agreement_shared || char(10) || new.confidentiality) BEGIN
    INSERT INTO search_index (search_index, rowid, body)
        SELECT 'delete', doc, old.agreement_shared || char(10) || old.confidentiality FROM search_map WHERE kind = 4 AND seq = old.seq;
    DELETE FROM search_map WHERE kind = 4 AND seq = old.seq;
    INSERT INTO search_map (kind, seq) SELECT 4, new.seq WHERE new.deleted = 0;
    INSERT INTO search_index (rowid, body) SELECT last_insert_rowid(), new.agreement_shared || char(10) || new.confidentiality WHERE new.deleted = 0;
END;
CREATE TRIGGER pairing_search_delete AFTER DELETE ON pairing BEGIN
    INSERT INTO search_index (search_index, rowid, body)
        SELECT 'delete', doc, old.agreement_shared || char(10) || old.confidentiality FROM search_map WHERE kind = 4 AND seq = old.seq;
    DELETE FROM search_map WHERE kind = 4 AND seq = old.seq;
END;
CREATE TRIGGER cycle_search_insert AFTER INSERT ON cycle WHEN new.deleted = 0 BEGIN
    INSERT INTO search_map (kind, seq) VALUES (5, new.seq);
    INSERT INTO search_index (rowid, body) VALUES (last_insert_rowid(), new.focus || char(10) || new.outcome || char(10) || new.closing_reflection);
END;
CREATE TRIGGER cycle_search_update AFTER UPDATE ON cycle
WHEN old.deleted <> new.deleted OR (old.focus || char(10) || old.outcome || char(10) || old.closing_reflection) IS NOT (new.focus || char(10) || new.outcome || char(10) || new.closing_reflection) BEGIN
    INSERT INTO search_index (search_index, rowid, body)
        SELECT 'delete', doc, old.focus || char(10) || old.outcome || char(10) || old.closing_reflection FROM search_map WHERE kind = 5 AND seq = old.seq;
    DELETE FROM search_map WHERE kind = 5 AND seq = old.seq;
    INSERT INTO search_map (kind, seq) SELECT 5, new.seq WHERE new.deleted = 0;
    INSERT INTO search_index (rowid, body) SELECT last_insert_rowid(), new.focus || char(10) || new.outcome || char(10) || new.closing_reflection WHERE new.deleted = 0;
END;
CREATE TRIGGER cycle_search_delete AFTER DELETE ON cycle BEGIN
    INSERT INTO search_index (search_index, rowid, body)
        SELECT 'delete', doc, old.focus || char(10) || old.outcome || char(10) || old.closing_reflection FROM search_map WHERE kind = 5 AND seq = old.seq;
    DELETE FROM search_map WHERE kind = 5 AND seq = old.seq;
END;
CREATE TRIGGER goal_search_insert AFTER INSERT ON goal WHEN new.deleted = 0 BEGIN
    INSERT INTO search_map (kind, seq) VALUES (6, new.seq);
    INSERT INTO search_index (rowid, body) VALUES (last_insert_rowid(), new.statement || char(10) || new.measure || char(10) || new.baseline || char(10) || new.target);
END;
CREATE TRIGGER goal_search_update AFTER UPDATE ON goal
WHEN old.deleted <> new.deleted OR (old.statement || char(10) || old.measure || char(10) || old.baseline || char(10) || old.target) IS NOT (new.statement || char(10) || new.measure || char(10) || new.baseline || char(10) || new.target) BEGIN
    INSERT INTO search_index (search_index, rowid, body)
        SELECT 'delete', doc, old.statement || char(10) || old.measure || char(10) || old.baseline || char(10) || old.target FROM search_map WHERE kind = 6 AND seq = old.seq;
    DELETE FROM search_map WHERE kind = 6 AND seq = old.seq;
    INSERT INTO search_map (kind, seq) SELECT 6, new.seq WHERE new.deleted = 0;
    INSERT INTO search_index (rowid, body) SELECT last_insert_rowid(), new.statement || char(10) || new.measure || char(10) || new.baseline || char(10) || new.target WHERE new.deleted = 0;
END;
CREATE TRIGGER goal_search_delete AFTER DELETE ON goal BEGIN
    INSERT INTO search_index (search_index, rowid, body)
        SELECT 'delete', doc, old.statement || char(10) || old.measure || char(10) || old.baseline || char(10) || old.target FROM search_map WHERE kind = 6 AND seq = old.seq;
    DELETE FROM search_map WHERE kind = 6 AND seq = old.seq;
END;
CREATE TRIGGER meeting_search_insert AFTER INSERT ON meeting WHEN new.deleted = 0 BEGIN
    INSERT INTO search_map (kind, seq) VALUES (7, new.seq);
    INSERT INTO search_index (rowid, body) VALUES (last_insert_rowid(), new.shared_notes || char(10) || new.grow_goal || char(10) || new.grow_reality || char(10) || new.grow_options || char(10) || new.grow_will || char(10) || new.basic_background || char(10) || new.basic_aim || char(10) || new.basic_strategy || char(10) || new.basic_implementation || char(10) || new.basic_commitment || char(10) || new.impact_reality || char(10) || new.impact_goal || char(10) || new.impact_strategy_checklist || char(10) || new.impact_modelling || char(10) || new.impact_progress || char(10) || new.impact_next_actions || char(10) || new.step_praise || char(10) || new.step_probe || char(10) || new.step_see_it || char(10) || new.step_name_it || char(10) || new.step_do_it);
END;
CREATE TRIGGER meeting_search_update AFTER UPDATE ON meeting
WHEN old.deleted <> new.deleted OR (old.shared_notes || char(10) || old.grow_goal || char(10) || old.grow_reality || char(10) || old.grow_options || char(10) || old.grow_will || char(10) || old.basic_background || char(10) || old.basic_aim || char(10) || old.basic_strategy || char(10) || old.basic_implementation || char(10) || old.basic_commitment || char(10) || old.impact_reality || char(10) || old.impact_goal || char(10) || old.impact_strategy_checklist || char(10) || old.impact_modelling || char(10) || old.impact_progress || char(10) || old.impact_next_actions || char(10) || old.step_praise || char(10) || old.step_probe || char(10) || old.step_see_it || char(10) || old.step_name_it || char(10) || old.step_do_it) IS NOT (new.shared_notes || char(10) || new.grow_goal || char(10) || new.grow_reality || char(10) || new.grow_options || char(10) || new.grow_will || char(10) || new.basic_background || char(10) || new.basic_aim || char(10) || new.basic_strategy || char(10) || new.basic_implementation || char(10) || new.basic_commitment || char(10) || new.impact_reality || char(10) || new.impact_goal || char(10) || new.impact_strategy_checklist || char(10) || new.impact_modelling || char(10) || new.impact_progress || char(10) || new.impact_next_actions || char(10) || new.step_praise || char(10) || new.step_probe || char(10) || new.step_see_it || char(10) || new.step_name_it || char(10) || new.step_do_it) BEGIN
    INSERT INTO search_index (search_index, rowid, body)
        SELECT 'delete', doc, old.shared_notes || char(10) || old.grow_goal || char(10) || old.grow_reality || char(10) || old.grow_options || char(10) || old.grow_will || char(10) || old.basic_background || char(10) || old.basic_aim || char(10) || old.basic_strategy || char(10) || old.basic_implementation || char(10) || old.basic_commitment || char(10) || old.impact_reality || char(10) || old.impact_goal || char(10) || old.impact_strategy_checklist || char(10) || old.impact_modelling || char(10) || old.impact_progress || char(10) || old.impact_next_actions || char(10) || old.step_praise || char(10) || old.step_probe || char(10) || old.step_see_it || char(10) || old.step_name_it || char(10) || old.step_do_it FROM search_map WHERE kind = 7 AND seq = old.seq;
    DELETE FROM search_map WHERE kind = 7 AND seq = old.seq;
    INSERT INTO search_map (kind, seq) SELECT 7, new.seq WHERE new.deleted = 0;
    INSERT INTO search_index (rowid, body) SELECT last_insert_rowid(), new.shared_notes || char(10) || new.grow_goal || char(10) || new.grow_reality || char(10) || new.grow_options || char(10) || new.grow_will || char(10) || new.basic_background || char(10) || new.basic_aim || char(10) || new.basic_strategy || char(10) || new.basic_implementation || char(10) || new.basic_commitment || char(10) || new.impact_reality || char(10) || new.impact_goal || char(10) || new.impact_strategy_checklist || char(10) || new.impact_modelling || char(10) || new.impact_progress || char(10) || new.impact_next_actions || char(10) || new.step_praise || char(10) || new.step_probe || char(10) || new.step_see_it || char(10) || new.step_name_it || char(10) || new.step_do_it WHERE new.deleted = 0;
END;
CREATE TRIGGER meeting_search_delete AFTER DELETE ON meeting BEGIN
    INSERT INTO search_index (search_index, rowid, body)
        SELECT 'delete', doc, old.shared_notes || char(10) || old.grow_goal || char(10) || old.grow_reality || char(10) || old.grow_options || char(10) || old.grow_will || char(10) || old.basic_background || char(10) || old.basic_aim || char(10) || old.basic_strategy || char(10) || old.basic_implementation || char(10) || old.basic_commitment || char(10) || old.impact_reality || char(10) || old.impact_goal || char(10) || old.impact_strategy_checklist || char(10) || old.impact_modelling || char(10) || old.impact_progress || char(10) || old.impact_next_actions || char(10) || old.step_praise || char(10) || old.step_probe || char(10) || old.step_see_it || char(10) || old.step_name_it || char(10) || old.step_do_it FROM search_map WHERE kind = 7 AND seq = old.seq;
    DELETE FROM search_map WHERE kind = 7 AND seq = old.seq;
END;
CREATE TRIGGER note_search_insert AFTER INSERT ON note WHEN new.deleted = 0 BEGIN
    INSERT INTO search_map (kind, seq) VALUES (8, new.seq);
    INSERT INTO search_index (rowid, body) VALUES (last_insert_rowid(), new.body);
END;
CREATE TRIGGER note_search_update AFTER UPDATE ON note
WHEN old.deleted <> new.deleted OR (old.body) IS NOT (new.body) BEGIN
    INSERT INTO search_index (search_index, rowid, body)
        SELECT 'delete', doc, old.body FROM search_map WHERE kind = 8 AND seq = old.seq;
    DELETE FROM search_map WHERE kind = 8 AND seq = old.seq;
    INSERT INTO search_map (kind, seq) SELECT 8, new.seq WHERE new.deleted = 0;
    INSERT INTO search_index (rowid, body) SELECT last_insert_rowid(), new.body WHERE new.deleted = 0;
END;
CREATE TRIGGER note_search_delete AFTER DELETE ON note BEGIN
    INSERT INTO search_index (search_index, rowid, body)
        SELECT 'delete', doc, old.body FROM search_map WHERE kind = 8 AND seq = old.seq;
    DELETE FROM search_map WHERE kind = 8 AND seq = old.seq;
END;
CREATE TRIGGER observation_search_insert AFTER INSERT ON observation WHEN new.deleted = 0 BEGIN
    INSERT INTO search_map (kind, seq) VALUES (9, new.seq);
    INSERT INTO search_index (rowid, body) VALUES (last_insert_rowid(), new.class_name || char(10) || new.focus || char(10) || new.praise);
END;
CREATE TRIGGER observation_search_update AFTER UPDATE ON observation
WHEN old.deleted <> new.deleted OR (old.class_name || char(10) || old.focus || char(10) || old.praise) IS NOT (new.class_name || char(10) || new.focus || char(10) || new.praise) BEGIN
    INSERT INTO search_index (search_index, rowid, body)
        SELECT 'delete', doc, old.class_name || char(10) || old.focus || char(10) || old.praise FROM search_map WHERE kind = 9 AND seq = old.seq;
    DELETE FROM search_map WHERE kind = 9 AND seq = old.seq;
    INSERT INTO search_map (kind, seq) SELECT 9, new.seq WHERE new.deleted = 0;
    INSERT INTO search_index (rowid, body) SELECT last_insert_rowid(), new.class_name || char(10) || new.focus || char(10) || new.praise WHERE new.deleted = 0;
END;
CREATE TRIGGER observation_search_delete AFTER DELETE ON observation BEGIN
    INSERT INTO search_index (search_index, rowid, body)
        SELECT 'delete', doc, old.class_name || char(10) || old.focus || char(10) || old.praise FROM search_map WHERE kind = 9 AND seq = old.seq;
    DELETE FROM search_map WHERE kind = 9 AND seq = old.seq;
END;
CREATE TRIGGER observation_note_search_insert AFTER INSERT ON observation_note WHEN new.deleted = 0 BEGIN
    INSERT INTO search_map (kind, seq) VALUES (10, new.seq);
    INSERT INTO search_index (rowid, body) VALUES (last_insert_rowid(), new.body);
END;
CREATE TRIGGER observation_note_search_update AFTER UPDATE ON observation_note
WHEN old.deleted <> new.deleted OR (old.body) IS NOT (new.body) BEGIN
    INSERT INTO search_index (search_index, rowid, body)
        SELECT 'delete', doc, old.body FROM search_map WHERE kind = 10 AND seq = old.seq;
    DELETE FROM search_map WHERE kind = 10 AND seq = old.seq;
    INSERT INTO search_map (kind, seq) SELECT 10, new.seq WHERE new.deleted = 0;
    INSERT INTO search_index (rowid, body) SELECT last_insert_rowid(), new.body WHERE new.deleted = 0;
END;
CREATE TRIGGER observation_note_search_delete AFTER DELETE ON observation_note BEGIN
    INSERT INTO search_index (search_index, rowid, body)
        SELECT 'delete', doc, old.body FROM search_map WHERE kind = 10 AND seq = old.seq;
    DELETE FROM search_map WHERE kind = 10 AND seq = old.seq;
END;
CREATE TRIGGER tally_search_insert AFTER INSERT ON tally WHEN new.deleted = 0 BEGIN
    INSERT INTO search_map (kind, seq) VALUES (11, new.seq);
    INSERT INTO search_index (rowid, body) VALUES (last_insert_rowid(), new.label);
END;
CREATE TRIGGER tally_search_update AFTER UPDATE ON tally
WHEN old.deleted <> new.deleted OR (old.label) IS NOT (new.label) BEGIN
    INSERT INTO search_index (search_index, rowid, body)
        SELECT 'delete', doc, old.label FROM search_map WHERE kind = 11 AND seq = old.seq;
    DELETE FROM search_map WHERE kind = 11 AND seq = old.seq;
    INSERT INTO search_map (kind, seq) SELECT 11, new.seq WHERE new.deleted = 0;
    INSERT INTO search_index (rowid, body) SELECT last_insert_rowid(), new.label WHERE new.deleted = 0;
END;
CREATE TRIGGER tally_search_delete AFTER DELETE ON tally BEGIN
    INSERT INTO search_index (search_index, rowid, body)
        SELECT 'delete', doc, old.label FROM search_map WHERE kind = 11 AND seq = old.seq;
    DELETE FROM search_map WHERE kind = 11 AND seq = old.seq;
END;
CREATE TRIGGER action_step_search_insert AFTER INSERT ON action_step WHEN new.deleted = 0 BEGIN
    INSERT INTO search_map (kind, seq) VALUES (12, new.seq);
    INSERT INTO search_index (rowid, body) VALUES (last_insert_rowid(), new.wording || char(10) || new.success_criteria || char(10) || new.exemplar || char(10) || new.practice_task);
END;
CREATE TRIGGER action_step_search_update AFTER UPDATE ON action_step
WHEN old.deleted <> new.deleted OR (old.wording || char(10) || old.success_criteria || char(10) || old.exemplar || char(10) || old.practice_task) IS NOT (new.wording || char(10) || new.success_criteria || char(10) || new.exemplar || char(10) || new.practice_task) BEGIN
    INSERT INTO search_index (search_index, rowid, body)
        SELECT 'delete', doc, old.wording || char(10) || old.success_criteria || char(10) || old.exemplar || char(10) || old.practice_task FROM search_map WHERE kind = 12 AND seq = old.seq;
    DELETE FROM search_map WHERE kind = 12 AND seq = old.seq;
    INSERT INTO search_map (kind, seq) SELECT 12, new.seq WHERE new.deleted = 0;
    INSERT INTO search_index (rowid, body) SELECT last_insert_rowid(), new.wording || char(10) || new.success_criteria || char(10) || new.exemplar || char(10) || new.practice_task WHERE new.deleted = 0;
END;
CREATE TRIGGER action_step_search_delete AFTER DELETE ON action_step BEGIN
    INSERT INTO search_index (search_index, rowid, body)
        SELECT 'delete', doc, old.wording || char(10) || old.success_criteria || char(10) || old.exemplar || char(10) || old.practice_task FROM search_map WHERE kind = 12 AND seq = old.seq;
    DELETE FROM search_map WHERE kind = 12 AND seq = old.seq;
END;
CREATE TRIGGER step_status_change_search_insert AFTER INSERT ON step_status_change WHEN new.deleted = 0 BEGIN
    INSERT INTO search_map (kind, seq) VALUES (13, new.seq);
    INSERT INTO search_index (rowid, body) VALUES (last_insert_rowid(), new.comment);
END;
CREATE TRIGGER step_status_change_search_update AFTER UPDATE ON step_status_change
WHEN old.deleted <> new.deleted OR (old.comment) IS NOT (new.comment) BEGIN
    INSERT INTO search_index (search_index, rowid, body)
        SELECT 'delete', doc, old.comment FROM search_map WHERE kind = 13 AND seq = old.seq;
    DELETE FROM search_map WHERE kind = 13 AND seq = old.seq;
    INSERT INTO search_map (kind, seq) SELECT 13, new.seq WHERE new.deleted = 0;
    INSERT INTO search_index (rowid, body) SELECT last_insert_rowid(), new.comment WHERE new.deleted = 0;
END;
CREATE TRIGGER step_status_change_search_delete AFTER DELETE ON step_status_change BEGIN
    INSERT INTO search_index (search_index, rowid, body)
        SELECT 'delete', doc, old.comment FROM search_map WHERE kind = 13 AND seq = old.seq;
    DELETE FROM search_map WHERE kind = 13 AND seq = old.seq;
END;
CREATE TRIGGER practice_search_insert AFTER INSERT ON practice WHEN new.deleted = 0 BEGIN
    INSERT INTO search_map (kind, seq) VALUES (14, new.seq);
    INSERT INTO search_index (rowid, body) VALUES (last_insert_rowid(), new.script);
END;
CREATE TRIGGER practice_search_update AFTER UPDATE ON practice
WHEN old.deleted <> new.deleted OR (old.script) IS NOT (new.script) BEGIN
    INSERT INTO search_index (search_index, rowid, body)
        SELECT 'delete', doc, old.script FROM search_map WHERE kind = 14 AND seq = old.seq;
    DELETE FROM search_map WHERE kind = 14 AND seq = old.seq;
    INSERT INTO search_map (kind, seq) SELECT 14, new.seq WHERE new.deleted = 0;
    INSERT INTO search_index (rowid, body) SELECT last_insert_rowid(), new.script WHERE new.deleted = 0;
END;
CREATE TRIGGER practice_search_delete AFTER DELETE ON practice BEGIN
    INSERT INTO search_index (search_index, rowid, body)
        SELECT 'delete', doc, old.script FROM search_map WHERE kind = 14 AND seq = old.seq;
    DELETE FROM search_map WHERE kind = 14 AND seq = old.seq;
END;
CREATE TRIGGER practice_round_search_insert AFTER INSERT ON practice_round WHEN new.deleted = 0 BEGIN
    INSERT INTO search_map (kind, seq) VALUES (15, new.seq);
    INSERT INTO search_index (rowid, body) VALUES (last_insert_rowid(), new.feedback);
END;
CREATE TRIGGER practice_round_search_update AFTER UPDATE ON practice_round
WHEN old.deleted <> new.deleted OR (old.feedback) IS NOT (new.feedback) BEGIN
    INSERT INTO search_index (search_index, rowid, body)
        SELECT 'delete', doc, old.feedback FROM search_map WHERE kind = 15 AND seq = old.seq;
    DELETE FROM search_map WHERE kind = 15 AND seq = old.seq;
    INSERT INTO search_map (kind, seq) SELECT 15, new.seq WHERE new.deleted = 0;
    INSERT INTO search_index (rowid, body) SELECT last_insert_rowid(), new.feedback WHERE new.deleted = 0;
END;
CREATE TRIGGER practice_round_search_delete AFTER DELETE ON practice_round BEGIN
    INSERT INTO search_index (search_index, rowid, body)
        SELECT 'delete', doc, old.feedback FROM search_map WHERE kind = 15 AND seq = old.seq;
    DELETE FROM search_map WHERE kind = 15 AND seq = old.seq;
END;
CREATE TRIGGER reflection_search_insert AFTER INSERT ON reflection WHEN new.deleted = 0 BEGIN
    INSERT INTO search_map (kind, seq) VALUES (16, new.seq);
    INSERT INTO search_index (rowid, body) VALUES (last_insert_rowid(), new.prompt || char(10) || new.body);
END;
CREATE TRIGGER reflection_search_update AFTER UPDATE ON reflection
WHEN old.deleted <> new.deleted OR (old.prompt || char(10) || old.body) IS NOT (new.prompt || char(10) || new.body) BEGIN
    INSERT INTO search_index (search_index, rowid, body)
        SELECT 'delete', doc, old.prompt || char(10) || old.body FROM search_map WHERE kind = 16 AND seq = old.seq;
    DELETE FROM search_map WHERE kind = 16 AND seq = old.seq;
    INSERT INTO search_map (kind, seq) SELECT 16, new.seq WHERE new.deleted = 0;
    INSERT INTO search_index (rowid, body) SELECT last_insert_rowid(), new.prompt || char(10) || new.body WHERE new.deleted = 0;
END;
CREATE TRIGGER reflection_search_delete AFTER DELETE ON reflection BEGIN
    INSERT INTO search_index (search_index, rowid, body)
        SELECT 'delete', doc, old.prompt || char(10) || old.body FROM search_map WHERE kind = 16 AND seq = old.seq;
    DELETE FROM search_map WHERE kind = 16 AND seq = old.seq;
END;
CREATE TRIGGER evidence_search_insert AFTER INSERT ON evidence WHEN new.deleted = 0 BEGIN
    INSERT INTO search_map (kind, seq) VALUES (17, new.seq);
    INSERT INTO search_index (rowid, body) VALUES (last_insert_rowid(), new.description);
END;
CREATE TRIGGER evidence_search_update AFTER UPDATE ON evidence
WHEN old.deleted <> new.deleted OR (old.description) IS NOT (new.description) BEGIN
    INSERT INTO search_index (search_index, rowid, body)
        SELECT 'delete', doc, old.description FROM search_map WHERE kind = 17 AND seq = old.seq;
    DELETE FROM search_map WHERE kind = 17 AND seq = old.seq;
    INSERT INTO search_map (kind, seq) SELECT 17, new.seq WHERE new.deleted = 0;
    INSERT INTO search_index (rowid, body) SELECT last_insert_rowid(), new.description WHERE new.deleted = 0;
END;
CREATE TRIGGER evidence_search_delete AFTER DELETE ON evidence BEGIN
    INSERT INTO search_index (search_index, rowid, body)
        SELECT 'delete', doc, old.description FROM search_map WHERE kind = 17 AND seq = old.seq;
    DELETE FROM search_map WHERE kind = 17 AND seq = old.seq;
END;
CREATE TRIGGER time_log_search_insert AFTER INSERT ON time_log WHEN new.deleted = 0 BEGIN
    INSERT INTO search_map (kind, seq) VALUES (18, new.seq);
    INSERT INTO search_index (rowid, body) VALUES (last_insert_rowid(), new.comment);
END;
CREATE TRIGGER time_log_search_update AFTER UPDATE ON time_log
WHEN old.deleted <> new.deleted OR (old.comment) IS NOT (new.comment) BEGIN
    INSERT INTO search_index (search_index, rowid, body)
        SELECT 'delete', doc, old.comment FROM search_map WHERE kind = 18 AND seq = old.seq;
    DELETE FROM search_map WHERE kind = 18 AND seq = old.seq;
    INSERT INTO search_map (kind, seq) SELECT 18, new.seq WHERE new.deleted = 0;
    INSERT INTO search_index (rowid, body) SELECT last_insert_rowid(), new.comment WHERE new.deleted = 0;
END;
CREATE TRIGGER time_log_search_delete AFTER DELETE ON time_log BEGIN
    INSERT INTO search_index (search_index, rowid, body)
        SELECT 'delete', doc, old.comment FROM search_map WHERE kind = 18 AND seq = old.seq;
    DELETE FROM search_map WHERE kind = 18 AND seq = old.seq;
END;
CREATE TRIGGER training_record_search_insert AFTER INSERT ON training_record WHEN new.deleted = 0 BEGIN
    INSERT INTO search_map (kind, seq) VALUES (19, new.seq);
    INSERT INTO search_index (rowid, body) VALUES (last_insert_rowid(), new.title || char(10) || new.notes);
END;
CREATE TRIGGER training_record_search_update AFTER UPDATE ON training_record
WHEN old.deleted <> new.deleted OR (old.title || char(10) || old.notes) IS NOT (new.title || char(10) || new.notes) BEGIN
    INSERT INTO search_index (search_index, rowid, body)
        SELECT 'delete', doc, old.title || char(10) || old.notes FROM search_map WHERE kind = 19 AND seq = old.seq;
    DELETE FROM search_map WHERE kind = 19 AND seq = old.seq;
    INSERT INTO search_map (kind, seq) SELECT 19, new.seq WHERE new.deleted = 0;
    INSERT INTO search_index (rowid, body) SELECT last_insert_rowid(), new.title || char(10) || new.notes WHERE new.deleted = 0;
END;
CREATE TRIGGER training_record_search_delete AFTER DELETE ON training_record BEGIN
    INSERT INTO search_index (search_index, rowid, body)
        SELECT 'delete', doc, old.title || char(10) || old.notes FROM search_map WHERE kind = 19 AND seq = old.seq;
    DELETE FROM search_map WHERE kind = 19 AND seq = old.seq;
END;
CREATE TRIGGER pairing_checkin_search_insert AFTER INSERT ON pairing_checkin WHEN new.deleted = 0 BEGIN
    INSERT INTO search_map (kind, seq) VALUES (20, new.seq);
    INSERT INTO search_index (rowid, body) VALUES (last_insert_rowid(), new.comment);
END;
CREATE TRIGGER pairing_checkin_search_update AFTER UPDATE ON pairing_checkin
WHEN old.deleted <> new.deleted OR (old.comment) IS NOT (new.comment) BEGIN
    INSERT INTO search_index (search_index, rowid, body)
        SELECT 'delete', doc, old.comment FROM search_map WHERE kind = 20 AND seq = old.seq;
    DELETE FROM search_map WHERE kind = 20 AND seq = old.seq;
    INSERT INTO search_map (kind, seq) SELECT 20, new.seq WHERE new.deleted = 0;
    INSERT INTO search_index (rowid, body) SELECT last_insert_rowid(), new.comment WHERE new.deleted = 0;
END;
CREATE TRIGGER pairing_checkin_search_delete AFTER DELETE ON pairing_checkin BEGIN
    INSERT INTO search_index (search_index, rowid, body)
        SELECT 'delete', doc, old.comment FROM search_map WHERE kind = 20 AND seq = old.seq;
    DELETE FROM search_map WHERE kind = 20 AND seq = old.seq;
END;

-- Records written before this version.
INSERT INTO search_map (kind, seq) SELECT 1, seq FROM person WHERE deleted = 0 ORDER BY seq;
INSERT INTO search_map (kind, seq) SELECT 2, seq FROM priority WHERE deleted = 0 ORDER BY seq;
INSERT INTO search_map (kind, seq) SELECT 3, seq FROM library_entry WHERE deleted = 0 ORDER BY seq;
INSERT INTO search_map (kind, seq) SELECT 4, seq FROM pairing WHERE deleted = 0 ORDER BY seq;
INSERT INTO search_map (kind, seq) SELECT 5, seq FROM cycle WHERE deleted = 0 ORDER BY seq;
INSERT INTO search_map (kind, seq) SELECT 6, seq FROM goal WHERE deleted = 0 ORDER BY seq;
INSERT INTO search_map (kind, seq) SELECT 7, seq FROM meeting WHERE deleted = 0 ORDER BY seq;
INSERT INTO search_map (kind, seq) SELECT 8, seq FROM note WHERE deleted = 0 ORDER BY seq;
INSERT INTO search_map (kind, seq) SELECT 9, seq FROM observation WHERE deleted = 0 ORDER BY seq;
INSERT INTO search_map (kind, seq) SELECT 10, seq FROM observation_note WHERE deleted = 0 ORDER BY seq;
INSERT INTO search_map (kind, seq) SELECT 11, seq FROM tally WHERE deleted = 0 ORDER BY seq;
INSERT INTO search_map (kind, seq) SELECT 12, seq FROM action_step WHERE deleted = 0 ORDER BY seq;
INSERT INTO search_map (kind, seq) SELECT 13, seq FROM step_status_change WHERE deleted = 0 ORDER BY seq;
INSERT INTO search_map (kind, seq) SELECT 14, seq FROM practice WHERE deleted = 0 ORDER BY seq;
INSERT INTO search_map (kind, seq) SELECT 15, seq FROM practice_round WHERE deleted = 0 ORDER BY seq;
INSERT INTO search_map (kind, seq) SELECT 16, seq FROM reflection WHERE deleted = 0 ORDER BY seq;
INSERT INTO search_map (kind, seq) SELECT 17, seq FROM evidence WHERE deleted = 0 ORDER BY seq;
INSERT INTO search_map (kind, seq) SELECT 18, seq FROM time_log WHERE deleted = 0 ORDER BY seq;
INSERT INTO search_map (kind, seq) SELECT 19, seq FROM training_record WHERE deleted = 0 ORDER BY seq;
INSERT INTO search_map (kind, seq) SELECT 20, seq FROM pairing_checkin WHERE deleted = 0 ORDER BY seq;
INSERT INTO search_index (search_index) VALUES ('rebuild');
)sql";

constexpr Migration migrations[] = {
    {1, version_1_records},
    {2, version_2_search},
};

}  // namespace

int current_schema_version() { return migrations[std::size(migrations) - 1].version; }

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
        auto applied = db.execute(migration.sql);
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
