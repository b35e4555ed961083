#pragma once
// Who may change what (docs/decisions.md, "Who may change what"). A record
// is its author's: only they change its fields, delete or restore it, and
// add parts to it (an observation's notes and tallies). The pair writes
// together:
//   - a pairing, all but who the second coach is and the coach's time
//     allowance (its dates, cadence, model, status and agreement);
//   - a meeting's shared notes;
//   - a cycle and its goals (every field, and adding goals);
//   - an action step's status and check-back date, and its history;
//   - the rounds of a practice.
// People follow their own rule: once someone has Tandem (their person
// carries a sharing code), their name, sharing code and existence are
// theirs alone; before, whoever added them may name them. The rest of a
// person (subject, roles, career stage) anyone fills in. Tandem's own
// library entries nobody changes. The same rule decides what the screens offer, what
// the commands accept (record_commands.hpp) and what a partner's file may
// change on the receiver's records (partner_authority.hpp), so a file can
// never do what the screen does not allow.

#include "core/record.hpp"

namespace tandem {

// Whether any member of a pairing may change `field` of records of `kind`
// (tombstone_field: delete or restore; never written together).
bool written_together(Kind kind, FieldIndex field);

// Whether any member may add parts to a record of `kind` (a cycle's goals,
// a step's history, a practice's rounds); otherwise only its author may.
bool parts_written_together(Kind kind);

// Whether `actor` may change `field` of `record` (tombstone_field: delete or
// restore it). A record written by nobody (Tandem's own) changes for no one.
bool may_change_field(const Record& record, FieldIndex field, const RecordId& actor);

// Whether `actor` may delete or restore `record`: only its author.
bool may_delete(const Record& record, const RecordId& actor);

// Whether `actor` may add a part to `parent` (a tally to an observation).
bool may_add_part(const Record& parent, const RecordId& actor);

}  // namespace tandem
