#include "core/record_commands.hpp"

#include <algorithm>

#include "core/edit_rights.hpp"
#include "core/record_placement.hpp"
#include "core/validation.hpp"

namespace tandem {

namespace {

CommandError storage_error(Kind kind, const StorageError& error) {
    return CommandError{ErrorCode::storage_failed, kind, 0, 0, error.message};
}

CommandError field_error(ErrorCode code, Kind kind, FieldIndex field = 0) { return CommandError{code, kind, field, 0, {}}; }

// Text as it is kept; other values unchanged.
FieldValue normalized(FieldValue value) {
    if (auto* text = std::get_if<std::string>(&value)) *text = normalize_line_breaks(std::move(*text));
    return value;
}

// A reference must name an existing record that is not deleted, and a
// shared record may not point at a private one (the partner would never get it).
std::optional<CommandError> check_reference(RecordStore& store, const Record& record, const FieldSpec& spec) {
    const auto* target_id = std::get_if<RecordId>(&record.field(spec.index).value);
    if (target_id == nullptr) return std::nullopt;
    auto target = store.load(spec.shape.target, *target_id);
    if (!target) return storage_error(record.kind, target.error());
    if (!target.value()) return field_error(ErrorCode::unknown_record, record.kind, spec.index);
    if (target.value()->is_deleted()) return field_error(ErrorCode::deleted_record, record.kind, spec.index);
    if (record.visibility == Visibility::shared && target.value()->visibility == Visibility::private_to_author)
        return field_error(ErrorCode::private_reference, record.kind, spec.index);
    return std::nullopt;
}

// Loads a record whose `field` the actor may change (edit_rights.hpp): it
// exists, it is not one Tandem ships, and it is theirs or the field is one
// the pair writes together.
Result<Record, CommandError> load_editable(CommandContext& context, Kind kind, const RecordId& id, FieldIndex field) {
    auto record = load_record(context.store, kind, id);
    if (!record) return record;
    if (record.value().created_by.is_nil()) return fail(field_error(ErrorCode::read_only, kind));
    if (!may_change_field(record.value(), field, context.actor)) return fail(field_error(ErrorCode::not_author, kind, field));
    return record;
}

// A part (a tally, a goal) may be added only where its parent allows the actor to.
std::optional<CommandError> check_part(CommandContext& context, const Record& record) {
    const auto field = parent_field(record.kind);
    if (!field) return std::nullopt;
    const auto parent_id = record.reference(*field);
    if (!parent_id) return std::nullopt;  // validation names the missing parent
    const Kind parent_kind = kind_spec(record.kind).field(*field).shape.target;
    auto parent = context.store.load(parent_kind, *parent_id);
    if (!parent) return storage_error(record.kind, parent.error());
    if (parent.value() && !may_add_part(*parent.value(), context.actor))
        return field_error(ErrorCode::not_author, record.kind, *field);
    return std::nullopt;
}

// Writes one record and the clock in one transaction.
Result<void, CommandError> save_one(CommandContext& context, const Record& record) {
    StoreTransaction transaction(context.store);
    if (auto begun = transaction.begin(); !begun) return fail(storage_error(record.kind, begun.error()));
    if (auto saved = context.store.save(record); !saved) return fail(storage_error(record.kind, saved.error()));
    if (auto clock = context.store.save_clock(context.clock.last()); !clock)
        return fail(storage_error(record.kind, clock.error()));
    if (auto done = transaction.commit(); !done) return fail(storage_error(record.kind, done.error()));
    return {};
}

// The record with `edit` applied and stamped, checked as a whole. Does not save.
Result<Record, CommandError> edited(CommandContext& context, Record record, FieldIndex field, FieldValue value) {
    const KindSpec& spec = kind_spec(record.kind);
    if (field < 1 || field > spec.fields.size()) return fail(field_error(ErrorCode::unknown_field, record.kind, field));
    const FieldSpec& field_spec = spec.field(field);
    if (auto problem = check_field_value(record.kind, field_spec, value)) return fail(*problem);
    FieldState& state = record.field(field);
    state.value = std::move(value);
    if (auto problem = check_record(record)) return fail(*problem);
    if (field_spec.shape.type == FieldType::reference)
        if (auto problem = check_reference(context.store, record, field_spec)) return fail(*problem);
    const Stamp previous = state.stamp;
    state.stamp = context.clock.tick();
    state.base = field_spec.is_text() ? previous : Stamp{};
    return record;
}

Result<void, CommandError> set_tombstone(CommandContext& context, Kind kind, const RecordId& id, bool deleted) {
    auto loaded = load_editable(context, kind, id, tombstone_field);
    if (!loaded) return fail(loaded.error());
    Record record = std::move(loaded).value();
    if (record.is_deleted() == deleted) return {};
    if (!deleted && is_bare_tombstone(record)) return fail(field_error(ErrorCode::nothing_to_restore, kind));
    FieldState& tombstone = record.field(tombstone_field);
    tombstone.value = std::int64_t{deleted ? 1 : 0};
    tombstone.stamp = context.clock.tick();
    return save_one(context, record);
}

}  // namespace

Result<Record, CommandError> load_record(RecordStore& store, Kind kind, const RecordId& id) {
    auto loaded = store.load(kind, id);
    if (!loaded) return fail(storage_error(kind, loaded.error()));
    if (!loaded.value()) return fail(field_error(ErrorCode::unknown_record, kind));
    return std::move(*loaded.value());
}

namespace {

Result<RecordId, CommandError> create_new(CommandContext& context, Kind kind, std::span<const FieldEdit> edits,
                                          Visibility visibility, bool self_authored) {
    const KindSpec& spec = kind_spec(kind);
    Record record = Record::blank(kind);
    record.id = RecordId::random(context.random);
    record.created_by = self_authored ? record.id : context.actor;
    record.created_at_ms = context.clock.wall().now_ms();
    record.visibility = spec.always_private ? Visibility::private_to_author : visibility;
    for (const FieldEdit& edit : edits) {
        if (edit.field < 1 || edit.field > spec.fields.size())
            return fail(field_error(ErrorCode::unknown_field, kind, edit.field));
        FieldValue value = normalized(edit.value);
        if (auto problem = check_field_value(kind, spec.field(edit.field), value, false)) return fail(*problem);
        record.field(edit.field).value = std::move(value);
    }
    if (auto problem = check_record(record)) return fail(*problem);
    for (const FieldSpec& field : spec.fields)
        if (field.shape.type == FieldType::reference)
            if (auto problem = check_reference(context.store, record, field)) return fail(*problem);
    if (auto problem = check_part(context, record)) return fail(*problem);

    const Stamp created = context.clock.tick();
    for (FieldState& state : record.fields) state.stamp = created;
    if (auto saved = save_one(context, record); !saved) return fail(saved.error());
    return record.id;
}

}  // namespace

Result<RecordId, CommandError> create_record(CommandContext& context, Kind kind, std::span<const FieldEdit> edits,
                                             Visibility visibility) {
    return create_new(context, kind, edits, visibility, false);
}

Result<RecordId, CommandError> create_own_person(CommandContext& context, const Person& draft) {
    return create_new(context, Kind::person, edits_for_all_fields(to_record(draft)), Visibility::shared, true);
}

std::optional<RecordId> find_own_person(std::span<const Record> people, SiteId site) {
    for (const Record& person : people) {
        // Creation stamps every field, the tombstone included, and only a
        // deletion stamps the tombstone again.
        if (person.kind == Kind::person && person.created_by == person.id && !person.is_deleted() &&
            person.field(0).stamp.site == site)
            return person.id;
    }
    return std::nullopt;
}

std::vector<FieldEdit> edits_for_all_fields(const Record& values) {
    std::vector<FieldEdit> edits;
    for (std::size_t i = 1; i < values.fields.size(); ++i)
        edits.push_back(FieldEdit{static_cast<FieldIndex>(i), values.fields[i].value});
    return edits;
}

Result<void, CommandError> update_field(CommandContext& context, Kind kind, const RecordId& id, FieldIndex field,
                                        FieldValue value) {
    if (field < 1 || field > kind_spec(kind).fields.size()) return fail(field_error(ErrorCode::unknown_field, kind, field));
    auto loaded = load_editable(context, kind, id, field);
    if (!loaded) return fail(loaded.error());
    const Record& current = loaded.value();
    if (current.is_deleted()) return fail(field_error(ErrorCode::deleted_record, kind));
    if (kind_spec(kind).field(field).immutable()) return fail(field_error(ErrorCode::immutable_field, kind, field));
    value = normalized(std::move(value));
    if (current.field(field).value == value) return {};
    auto changed = edited(context, current, field, std::move(value));
    if (!changed) return fail(changed.error());
    return save_one(context, changed.value());
}

Result<void, CommandError> set_step_status(CommandContext& context, const RecordId& step, StepStatus status,
                                           CalendarDate on, std::string comment) {
    constexpr Kind kind = Kind::action_step;
    auto loaded = load_editable(context, kind, step, ActionStep::fields::status);
    if (!loaded) return fail(loaded.error());
    if (loaded.value().is_deleted()) return fail(field_error(ErrorCode::deleted_record, kind));
    const FieldValue new_status = to_field_value(status);
    if (loaded.value().field(ActionStep::fields::status).value == new_status) return {};
    auto changed = edited(context, loaded.value(), ActionStep::fields::status, new_status);
    if (!changed) return fail(changed.error());

    StepStatusChange change;
    change.step = step;
    change.status = status;
    change.changed_on = on;
    change.comment = normalize_line_breaks(std::move(comment));
    change.meta.visibility = changed.value().visibility;
    Record history = to_record(change);
    history.id = RecordId::random(context.random);
    history.created_by = context.actor;
    history.created_at_ms = context.clock.wall().now_ms();
    if (auto problem = check_record(history)) return fail(*problem);
    const Stamp created = context.clock.tick();
    for (FieldState& state : history.fields) state.stamp = created;

    StoreTransaction transaction(context.store);
    if (auto begun = transaction.begin(); !begun) return fail(storage_error(kind, begun.error()));
    if (auto saved = context.store.save(changed.value()); !saved) return fail(storage_error(kind, saved.error()));
    if (auto saved = context.store.save(history); !saved) return fail(storage_error(kind, saved.error()));
    if (auto clock = context.store.save_clock(context.clock.last()); !clock) return fail(storage_error(kind, clock.error()));
    if (auto done = transaction.commit(); !done) return fail(storage_error(kind, done.error()));
    return {};
}

std::uint64_t written_at_hlc(const Record& record) {
    std::uint64_t earliest = 0;
    for (const FieldState& field : record.fields)
        if (field.stamp.hlc != 0 && (earliest == 0 || field.stamp.hlc < earliest)) earliest = field.stamp.hlc;
    return earliest;
}

namespace {

// Whether any kind has a reference to records of `kind`.
bool referred_to(Kind kind) {
    for (const Kind other : all_kinds())
        for (const FieldSpec& field : kind_spec(other).fields)
            if (field.shape.type == FieldType::reference && field.shape.target == kind) return true;
    return false;
}

}  // namespace

Result<void, CommandError> change_visibility(CommandContext& context, Kind kind, const RecordId& id,
                                             Visibility visibility, std::uint64_t sent_through_hlc) {
    if (kind_spec(kind).always_private || referred_to(kind)) return fail(field_error(ErrorCode::visibility_fixed, kind));
    auto loaded = load_record(context.store, kind, id);
    if (!loaded) return fail(loaded.error());
    Record record = std::move(loaded).value();
    if (record.created_by != context.actor) return fail(field_error(ErrorCode::not_author, kind));
    if (record.is_deleted()) return fail(field_error(ErrorCode::deleted_record, kind));
    if (record.visibility == visibility) return {};
    if (record.visibility == Visibility::shared && written_at_hlc(record) <= sent_through_hlc)
        return fail(field_error(ErrorCode::already_sent, kind));
    record.visibility = visibility;
    if (visibility == Visibility::shared)
        for (const FieldSpec& field : kind_spec(kind).fields)
            if (field.shape.type == FieldType::reference)
                if (auto problem = check_reference(context.store, record, field)) return fail(*problem);
    const Stamp now = context.clock.tick();
    for (FieldState& field : record.fields) {
        field.stamp = now;
        field.base = Stamp{};
    }
    return save_one(context, record);
}

Result<void, CommandError> delete_record(CommandContext& context, Kind kind, const RecordId& id) {
    return set_tombstone(context, kind, id, true);
}

Result<void, CommandError> restore_record(CommandContext& context, Kind kind, const RecordId& id) {
    return set_tombstone(context, kind, id, false);
}

Result<MergeReport, CommandError> apply_remote(CommandContext& context, std::span<const Record> incoming,
                                               MergeMode mode) {
    std::vector<const Record*> records;
    records.reserve(incoming.size());
    for (const Record& record : incoming) records.push_back(&record);
    return apply_remote(context, std::span<const Record* const>(records), mode);
}

Result<MergeReport, CommandError> apply_remote(CommandContext& context, std::span<const Record* const> incoming,
                                               MergeMode mode) {
    MergeReport report;
    const std::int64_t now = context.clock.wall().now_ms();
    // Parents first, so that each record's references are already in place.
    std::vector<const Record*> order(incoming.begin(), incoming.end());
    std::stable_sort(order.begin(), order.end(), [](const Record* a, const Record* b) { return a->kind < b->kind; });

    StoreTransaction transaction(context.store);
    if (auto begun = transaction.begin(); !begun) return fail(storage_error(Kind::person, begun.error()));
    for (const Record* remote_copy : order) {
        if (remote_copy->visibility != Visibility::shared) {
            ++report.refused_private;
            continue;
        }
        if (check_record(*remote_copy, false)) {
            ++report.refused_invalid;
            continue;
        }
        Record remote = *remote_copy;
        if (clamp_future_stamps(remote, now)) ++report.clamped;
        if (mode == MergeMode::apply) context.clock.observe(remote.latest_stamp().hlc);

        auto local = context.store.load(remote.kind, remote.id);
        if (!local) return fail(storage_error(remote.kind, local.error()));
        if (!local.value()) {
            if (auto saved = context.store.save(remote); !saved) return fail(storage_error(remote.kind, saved.error()));
            ++report.inserted;
            if (!remote.is_deleted()) ++report.inserted_of_kind[static_cast<std::size_t>(remote.kind)];
            continue;
        }
        if (local.value()->visibility != Visibility::shared) {
            ++report.refused_private;  // a private record here is never touched by a partner's copy
            continue;
        }
        RecordMerge merge = merge_records(*local.value(), remote);
        for (const TextConflict& conflict : merge.conflicts) {
            auto kept = context.store.keep_conflict(remote.kind, remote.id, conflict, now);
            if (!kept) return fail(storage_error(remote.kind, kept.error()));
            if (kept.value()) ++report.conflicts;
        }
        report.revived += merge.revived ? 1 : 0;
        if (!merge.changed) {
            ++report.unchanged;
            continue;
        }
        if (auto saved = context.store.save(merge.merged); !saved) return fail(storage_error(remote.kind, saved.error()));
        ++report.updated;
        const bool deleted_now = merge.merged.is_deleted() && !local.value()->is_deleted();
        ++(deleted_now ? report.deleted_of_kind : report.updated_of_kind)[static_cast<std::size_t>(remote.kind)];
    }
    if (mode == MergeMode::preview) return report;  // the transaction rolls back
    if (auto clock = context.store.save_clock(context.clock.last()); !clock) return fail(storage_error(Kind::person, clock.error()));
    if (auto done = transaction.commit(); !done) return fail(storage_error(Kind::person, done.error()));
    return report;
}

}  // namespace tandem
