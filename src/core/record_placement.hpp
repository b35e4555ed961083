#pragma once
// Where a record hangs: by the pairing it names (a meeting's `pairing`), or,
// for a part, by its parent (a tally's observation, a goal's cycle).

#include <optional>

#include "core/field_spec.hpp"
#include "core/record_kind.hpp"

namespace tandem {

// The field that names a record's pairing, if its kind has one.
std::optional<FieldIndex> pairing_field(Kind kind);

// The field that names a part's parent, for kinds that name no pairing
// themselves but hang off a record that does (goal, observation note, tally,
// step status change, practice round); nullopt for every other kind.
std::optional<FieldIndex> parent_field(Kind kind);

// Whether records of `kind` exist only within a pairing: the pairing itself,
// and every kind that names one or hangs off a record that does.
bool pairing_bound(Kind kind);

}  // namespace tandem
