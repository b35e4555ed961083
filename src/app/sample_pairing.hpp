#pragma once
// The sample pairing a new user can try Tandem with: a made-up colleague
// whose name says "(sample)", coached by the user, with a meeting, a step
// being practised, a lesson visit and a reflection. It is removed in one
// go (soft-deleted, as everything is). This device notes which pairing is
// its sample in its own state, never in a record: no name, and nothing a
// partner's file brings, can make a real pairing look like the sample.

#include <string_view>

#include "app/workspace.hpp"
#include "core/command_error.hpp"
#include "core/records.hpp"

namespace tandem::app {

// Creates the sample pairing with the user as coach; returns the pairing.
// Needs the own person (work.me) and edits allowed.
Result<RecordId, CommandError> create_sample_pairing(Workspace& work);

// Where this device notes its sample pairing's id.
inline constexpr std::string_view sample_state_key = "sample.pairing";

// Whether `pairing` is the sample this device made (and has not removed).
bool is_sample_pairing(Workspace& work, const RecordId& pairing);

// Deletes the sample pairing, everything recorded in it, and its made-up
// colleague, then forgets it. Refused (unknown_record) for a pairing that is
// not this device's sample. Pressed again after a storage failure, it goes
// on where it stopped.
Result<void, CommandError> remove_sample_pairing(Workspace& work, const RecordId& pairing);

}  // namespace tandem::app
