#pragma once
// The use cases: every change to the coaching record goes through one of
// these commands. Each validates its input, stamps what it writes with the
// HLC, and runs as one store transaction. Bad input returns a CommandError;
// nothing throws and nothing is half-written.

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/command_error.hpp"
#include "core/hybrid_clock.hpp"
#include "core/random_source.hpp"
#include "core/record_binding.hpp"
#include "core/record_store.hpp"

namespace tandem {

// Who is editing, on which device. Borrows everything; all must outlive it.
struct CommandContext {
    RecordStore& store;
    HybridClock& clock;
    RandomSource& random;
    RecordId actor;  // the Person whose profile this is
};

// One field's new value.
struct FieldEdit {
    FieldIndex field = 0;
    FieldValue value;
};

// An edit for every field of `values`, in field order.
std::vector<FieldEdit> edits_for_all_fields(const Record& values);

// Creates a record of `kind` from its defaults plus `edits`. Kinds that are
// always private (check-ins) are made private whatever `visibility` says.
Result<RecordId, CommandError> create_record(CommandContext& context, Kind kind, std::span<const FieldEdit> edits,
                                             Visibility visibility = Visibility::shared);

// Creates a record from a typed draft: every field of the draft, and its
// meta.visibility. The draft's id and other meta are ignored.
template <class T>
Result<RecordId, CommandError> create(CommandContext& context, const T& draft) {
    return create_record(context, T::kind, edits_for_all_fields(to_record(draft)), draft.meta.visibility);
}

// Creates the person a profile belongs to, as their own author (no actor
// exists yet); the caller then uses the id as CommandContext::actor.
Result<RecordId, CommandError> create_own_person(CommandContext& context, const Person& draft);

// The profile's own person among `people`: the one that authored itself on
// `site` (this device). A partner's own person, received from them, was
// created on their site and is not it.
std::optional<RecordId> find_own_person(std::span<const Record> people, SiteId site);

// Sets one field. Refused for deleted records, immutable fields, and other
// people's private records. Setting the value it already has changes nothing.
Result<void, CommandError> update_field(CommandContext& context, Kind kind, const RecordId& id, FieldIndex field,
                                        FieldValue value);

// Moves an action step to `status` and adds the change to its history, in
// one transaction. A step already at `status` is left as it is.
Result<void, CommandError> set_step_status(CommandContext& context, const RecordId& step, StepStatus status,
                                           CalendarDate on, std::string comment = {});

// The stamp of a record's writing: the earliest of its fields' (every field
// is stamped when it is made, and edits only stamp later).
std::uint64_t written_at_hlc(const Record& record);

// Changes who may read a record its author wrote: private to them, or shared
// with the pairing. Refused (already_sent) when a shared record may have
// travelled: it was written at or before `sent_through_hlc`, the clock's
// reading when a file of its pairing was last written. Refused
// (visibility_fixed) for kinds that are always private or that other records
// point at. A record made shared is stamped afresh, as new, so that the next
// file (even one of what changed since a date) carries it.
Result<void, CommandError> change_visibility(CommandContext& context, Kind kind, const RecordId& id,
                                             Visibility visibility, std::uint64_t sent_through_hlc);

// Soft-deletes a record: hidden everywhere, restorable. Deleting a deleted
// record changes nothing.
Result<void, CommandError> delete_record(CommandContext& context, Kind kind, const RecordId& id);
// Undoes delete_record. Restoring a record that is not deleted changes
// nothing; one known here only as a bare tombstone is nothing_to_restore.
Result<void, CommandError> restore_record(CommandContext& context, Kind kind, const RecordId& id);

// The generic record of `kind` with this id; unknown_record if there is none.
Result<Record, CommandError> load_record(RecordStore& store, Kind kind, const RecordId& id);

// The typed record with this id; unknown_record if there is none.
template <class T>
Result<T, CommandError> load(RecordStore& store, const RecordId& id) {
    auto record = load_record(store, T::kind, id);
    if (!record) return fail(record.error());
    return from_record<T>(record.value());
}

// What apply_remote did (or, previewing, would do) with a batch of records
// from a partner.
struct MergeReport {
    std::size_t inserted = 0;         // records new to this device
    std::size_t updated = 0;          // records changed by the merge
    std::size_t unchanged = 0;        // records this device already had as merged
    std::size_t conflicts = 0;        // losing texts newly kept in the conflict history
    std::size_t revived = 0;          // deleted here, back because of a later edit there
    std::size_t clamped = 0;          // records with stamps over 24 h ahead, clamped
    std::size_t refused_private = 0;  // private records, which never cross to a partner
    std::size_t refused_invalid = 0;  // records that failed validation
    // By kind, indexed by the kind's number (record_kind.hpp): records new
    // here (not those that arrive deleted), records changed, and records the
    // merge deleted here.
    static constexpr std::size_t kind_slots = 32;
    std::array<std::size_t, kind_slots> inserted_of_kind{};
    std::array<std::size_t, kind_slots> updated_of_kind{};
    std::array<std::size_t, kind_slots> deleted_of_kind{};
};

enum class MergeMode : std::uint8_t {
    apply,    // commit the merge
    preview,  // merge exactly as apply would, report it, and roll it all back
};

// Merges records into the store, field by field, in one transaction (the
// order of `incoming` does not matter). It checks validity and privacy
// only: a partner's records come through take_in_from_partner
// (partner_authority.hpp), which first decides what they may change. Applying the same
// records again changes nothing; older copies never overwrite newer edits.
// Fails as a whole only when the store does (e.g. a reference to a record
// neither side has, caught by the store's foreign keys).
Result<MergeReport, CommandError> apply_remote(CommandContext& context, std::span<const Record> incoming,
                                               MergeMode mode = MergeMode::apply);
// The same over records kept elsewhere, which must outlive the call.
Result<MergeReport, CommandError> apply_remote(CommandContext& context, std::span<const Record* const> incoming,
                                               MergeMode mode = MergeMode::apply);

}  // namespace tandem
