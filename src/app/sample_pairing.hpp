#pragma once
// The sample pairing a new user can try Tandem with: a made-up colleague
// whose name says "(sample)", coached by the user, with a meeting, a step
// being practised, a lesson visit and a reflection. It is removed in one
// go (soft-deleted, as everything is), and is recognised by its coachee's
// name, so renaming the colleague makes it an ordinary pairing.

#include "app/workspace.hpp"
#include "core/command_error.hpp"
#include "core/records.hpp"

namespace tandem::app {

// Creates the sample pairing with the user as coach; returns the pairing.
// Needs the own person (work.me) and edits allowed.
Result<RecordId, CommandError> create_sample_pairing(Workspace& work);

// Whether `pairing` is the sample one (its coachee's name ends " (sample)").
bool is_sample_pairing(Workspace& work, const Pairing& pairing);

// Deletes the sample pairing, everything recorded in it, and its made-up
// colleague. Refused (unknown_record) for a pairing that is not a sample.
Result<void, CommandError> remove_sample_pairing(Workspace& work, const RecordId& pairing);

}  // namespace tandem::app
