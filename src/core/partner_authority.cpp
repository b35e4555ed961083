#include "core/partner_authority.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include "core/merge.hpp"
#include "core/records.hpp"
#include "core/validation.hpp"

namespace tandem {

namespace {

std::optional<RecordId> reference_in(const Record& record, FieldIndex field) {
    const auto* id = std::get_if<RecordId>(&record.field(field).value);
    return id ? std::optional<RecordId>(*id) : std::nullopt;
}

// The field that names a record's pairing (a meeting's `pairing`), if its kind has one.
std::optional<FieldIndex> pairing_field(Kind kind) {
    for (const FieldSpec& field : kind_spec(kind).fields)
        if (field.shape.type == FieldType::reference && field.shape.target == Kind::pairing) return field.index;
    return std::nullopt;
}

// The anchor a part hangs by when its kind names no pairing itself (a goal's
// cycle, a tally's observation).
std::optional<FieldIndex> parent_field(Kind kind) {
    if (pairing_field(kind)) return std::nullopt;
    for (const FieldSpec& field : kind_spec(kind).fields)
        if (field.is_anchor() && field.shape.target != Kind::person) return field.index;
    return std::nullopt;
}

// Records that exist only within a pairing: the pairing itself and every
// kind that names one or hangs off a record that does.
bool pairing_bound(Kind kind) { return kind == Kind::pairing || pairing_field(kind) || parent_field(kind); }

std::vector<RecordId> members_of(const Record& pairing) {
    std::vector<RecordId> members;
    for (const FieldIndex field : {Pairing::fields::coach, Pairing::fields::coachee, Pairing::fields::second_coach})
        if (auto id = reference_in(pairing, field)) members.push_back(*id);
    return members;
}

CommandError storage_error(Kind kind, const StorageError& error) {
    return CommandError{ErrorCode::storage_failed, kind, 0, 0, error.message};
}

// Decides, record by record in kind order (parents first), what a partner's
// bundle may change here.
class Authority {
public:
    Authority(CommandContext& context, const PartnerScope& scope)
        : context_(context), scope_(scope), now_(context.clock.wall().now_ms()) {}

    Result<void, CommandError> prepare(std::span<const Record> records) {
        // Every id of the file already here, and as what: an id is one
        // record's, of one kind.
        std::vector<RecordId> ids;
        ids.reserve(records.size());
        for (const Record& record : records) ids.push_back(record.id);
        auto held = context_.store.kinds_holding(ids);
        if (!held) return fail(storage_error(Kind::person, held.error()));
        for (const auto& [id, kind] : held.value()) held_.emplace(id, kind);
        auto local = context_.store.load(Kind::pairing, scope_.pairing);
        if (!local) return fail(storage_error(Kind::pairing, local.error()));
        local_pairing_ = std::move(local).value();
        const auto in_bundle = std::find_if(records.begin(), records.end(), [&](const Record& record) {
            return record.kind == Kind::pairing && record.id == scope_.pairing;
        });
        // The bundle's own copy of the pairing, checked before the people it
        // names are: who the members are decides which people may change.
        std::optional<Record> accepted_copy;
        if (in_bundle != records.end()) {
            auto reason = decide(*in_bundle, false);
            if (!reason) return fail(reason.error());
            if (!reason.value()) accepted_copy = *in_bundle;
        }
        if (local_pairing_) {
            for (const RecordId& member : members_of(*local_pairing_)) members_.insert(member);
            local_members_ = members_;
            // A second coach named since, whom this device does not know yet.
            if (accepted_copy)
                if (auto second = reference_in(*accepted_copy, Pairing::fields::second_coach)) {
                    auto known = context_.store.load(Kind::person, *second);
                    if (!known) return fail(storage_error(Kind::person, known.error()));
                    if (!known.value()) members_.insert(*second);
                }
        } else if (accepted_copy) {
            for (const RecordId& member : members_of(*accepted_copy)) members_.insert(member);
        }
        return {};
    }

    // Why `remote` may not be taken in, or nullopt when it may.
    Result<std::optional<Refusal>, CommandError> decide(const Record& remote_copy, bool with_references = true) {
        if (remote_copy.visibility != Visibility::shared) return std::optional(Refusal::private_record);
        if (check_record(remote_copy)) return std::optional(Refusal::invalid);
        Record remote = remote_copy;
        clamp_future_stamps(remote, now_);

        auto loaded = context_.store.load(remote.kind, remote.id);
        if (!loaded) return fail(storage_error(remote.kind, loaded.error()));
        const std::optional<Record>& local = loaded.value();
        if (local && local->visibility != Visibility::shared) return std::optional(Refusal::private_record);
        if (local) {
            const RecordMerge merge = merge_records(*local, remote);
            if (!merge.changed && merge.conflicts.empty()) return std::optional<Refusal>();  // changes nothing
        }
        if (auto reason = check_identity(remote, local)) return reason;
        auto belongs = check_belonging(remote, local);
        if (!belongs) return fail(belongs.error());
        if (belongs.value()) return belongs;
        if (auto reason = check_stamps(remote, local)) return reason;
        if (!local && !authored_by_member(remote)) return std::optional(Refusal::not_by_member);
        if (!with_references) return std::optional<Refusal>();
        return check_references(remote);
    }

    void accept(const Record& record) { accepted_.emplace(record.id, record.kind); }

private:
    // A record new here must be written by a member; a pairing new here, by
    // one of the people it names.
    bool authored_by_member(const Record& remote) const {
        if (remote.kind != Kind::pairing) return members_.contains(remote.created_by);
        const std::vector<RecordId> named = members_of(remote);
        return std::find(named.begin(), named.end(), remote.created_by) != named.end();
    }

    // The metadata and immutable fields of a record known here never change.
    std::optional<Refusal> check_identity(const Record& remote, const std::optional<Record>& local) {
        if (!local) return std::nullopt;
        if (remote.created_by != local->created_by || remote.created_at_ms != local->created_at_ms ||
            remote.visibility != local->visibility)
            return Refusal::metadata_changed;
        for (const FieldSpec& field : kind_spec(remote.kind).fields) {
            if (!field.immutable()) continue;
            const FieldState& there = remote.field(field.index);
            const FieldState& here = local->field(field.index);
            // A field not sent (zero stamp) loses anyway; one this device
            // holds only as a bare tombstone's default is learnt.
            if (there.stamp.is_zero() || here.stamp.is_zero() || there == here) continue;
            const bool moves = field.is_anchor() && field.shape.target != Kind::person;
            return moves ? Refusal::moved_pairing : Refusal::immutable_changed;
        }
        return std::nullopt;
    }

    Result<std::optional<Refusal>, CommandError> check_belonging(const Record& remote, const std::optional<Record>& local) {
        if (!local && held_.contains(remote.id)) return std::optional(Refusal::metadata_changed);  // another kind's id
        switch (remote.kind) {
            case Kind::person:
                if (remote.id == context_.actor) return std::optional(Refusal::own_person);
                if (local) {
                    // People this device knows change only when this device's
                    // pairing names them (or, for a pairing new here, the sender).
                    const bool named = local_pairing_ ? local_members_.contains(remote.id) : remote.id == scope_.sender;
                    return named ? std::optional<Refusal>() : std::optional(Refusal::person_not_named);
                }
                return members_.contains(remote.id) ? std::optional<Refusal>() : std::optional(Refusal::person_not_named);
            case Kind::library_entry:
            case Kind::priority:
                if (remote.created_by.is_nil())
                    return std::optional(remote.kind == Kind::library_entry ? Refusal::starter_entry : Refusal::not_by_member);
                return members_.contains(remote.created_by) ? std::optional<Refusal>() : std::optional(Refusal::not_by_member);
            case Kind::pairing:
                return remote.id == scope_.pairing ? std::optional<Refusal>() : std::optional(Refusal::other_pairing);
            default: break;
        }
        if (const auto field = pairing_field(remote.kind))
            return reference_in(remote, *field) == scope_.pairing ? std::optional<Refusal>()
                                                                  : std::optional(Refusal::other_pairing);
        if (const auto field = parent_field(remote.kind)) {
            const auto parent = reference_in(remote, *field);
            if (!parent) return std::optional(Refusal::other_pairing);
            auto inside = in_this_pairing(kind_spec(remote.kind).field(*field).shape.target, *parent);
            if (!inside) return fail(inside.error());
            switch (inside.value()) {
                case Place::here: return std::optional<Refusal>();
                case Place::elsewhere: return std::optional(Refusal::other_pairing);
                case Place::nowhere: return std::optional(Refusal::missing_reference);
            }
        }
        return std::optional(Refusal::other_pairing);  // a person's own records (training)
    }

    // No field may carry this device's site with a stamp newer than what
    // this device holds: this device would have it.
    std::optional<Refusal> check_stamps(const Record& remote, const std::optional<Record>& local) {
        const SiteId mine = context_.clock.site();
        for (std::size_t i = 0; i < remote.fields.size(); ++i) {
            const Stamp& stamp = remote.fields[i].stamp;
            if (stamp.is_zero() || stamp.site != mine) continue;
            if (!local || stamp > local->fields[i].stamp) return Refusal::claims_this_device;
        }
        return std::nullopt;
    }

    Result<std::optional<Refusal>, CommandError> check_references(const Record& remote) {
        if (!remote.created_by.is_nil() && remote.created_by != remote.id) {  // a profile's person wrote itself
            auto found = in_this_pairing(Kind::person, remote.created_by);
            if (!found) return fail(found.error());
            if (found.value() == Place::nowhere) return std::optional(Refusal::missing_reference);
        }
        for (const FieldSpec& field : kind_spec(remote.kind).fields) {
            if (field.shape.type != FieldType::reference) continue;
            const auto target = reference_in(remote, field.index);
            if (!target) continue;
            auto found = in_this_pairing(field.shape.target, *target);
            if (!found) return fail(found.error());
            if (found.value() == Place::nowhere) return std::optional(Refusal::missing_reference);
            if (found.value() == Place::elsewhere) return std::optional(Refusal::refers_elsewhere);
        }
        return std::optional<Refusal>();
    }

    enum class Place : std::uint8_t { here, elsewhere, nowhere };

    // Where the record of `kind` with this id is: taken in from this bundle
    // or on this device within the pairing (or, for kinds that belong to no
    // pairing, anywhere), elsewhere (another pairing's), or nowhere.
    Result<Place, CommandError> in_this_pairing(Kind kind, const RecordId& id) {
        if (const auto taken = accepted_.find(id); taken != accepted_.end() && taken->second == kind) return Place::here;
        auto loaded = context_.store.load(kind, id);
        if (!loaded) return fail(storage_error(kind, loaded.error()));
        if (!loaded.value()) return Place::nowhere;
        const Record& record = *loaded.value();
        if (!pairing_bound(kind)) return Place::here;
        if (kind == Kind::pairing) return id == scope_.pairing ? Place::here : Place::elsewhere;
        if (const auto field = pairing_field(kind))
            return reference_in(record, *field) == scope_.pairing ? Place::here : Place::elsewhere;
        const auto field = parent_field(kind);
        const auto parent = field ? reference_in(record, *field) : std::nullopt;
        if (!parent) return Place::elsewhere;
        auto up = in_this_pairing(kind_spec(kind).field(*field).shape.target, *parent);
        if (!up) return up;
        return up.value() == Place::here ? Place::here : Place::elsewhere;
    }

    CommandContext& context_;
    const PartnerScope& scope_;
    const std::int64_t now_;
    std::optional<Record> local_pairing_;
    std::set<RecordId> members_;        // who may author records new here
    std::set<RecordId> local_members_;  // the members as this device's pairing names them
    std::map<RecordId, Kind> accepted_; // records of the bundle taken in so far
    std::multimap<RecordId, Kind> held_; // the file's ids this device holds, by kind
};

}  // namespace

std::string_view refusal_name(Refusal reason) {
    switch (reason) {
        case Refusal::private_record: return "private_record";
        case Refusal::invalid: return "invalid";
        case Refusal::other_pairing: return "other_pairing";
        case Refusal::moved_pairing: return "moved_pairing";
        case Refusal::person_not_named: return "person_not_named";
        case Refusal::own_person: return "own_person";
        case Refusal::starter_entry: return "starter_entry";
        case Refusal::not_by_member: return "not_by_member";
        case Refusal::metadata_changed: return "metadata_changed";
        case Refusal::immutable_changed: return "immutable_changed";
        case Refusal::claims_this_device: return "claims_this_device";
        case Refusal::refers_elsewhere: return "refers_elsewhere";
        case Refusal::missing_reference: return "missing_reference";
    }
    return "";
}

Result<std::vector<RefusedRecord>, CommandError> authorise_partner_records(CommandContext& context,
                                                                           const PartnerScope& scope,
                                                                           std::vector<Record>& records) {
    // Parents first: a record's references point at kinds before its own.
    std::stable_sort(records.begin(), records.end(), [](const Record& a, const Record& b) { return a.kind < b.kind; });
    Authority authority(context, scope);
    if (auto prepared = authority.prepare(records); !prepared) return fail(prepared.error());
    std::vector<RefusedRecord> refused;
    std::set<RecordId> seen;
    std::vector<Record> kept, waiting;  // waiting: refused for a reference not taken in yet
    kept.reserve(records.size());
    for (Record& record : records) {
        std::optional<Refusal> reason;
        if (!seen.insert(record.id).second) {
            reason = Refusal::invalid;  // an id twice: a writer's fault, never merged
        } else {
            auto decided = authority.decide(record);
            if (!decided) return fail(decided.error());
            reason = decided.value();
        }
        if (reason == Refusal::missing_reference) {
            waiting.push_back(std::move(record));
        } else if (reason) {
            refused.push_back(RefusedRecord{record.kind, record.id, *reason});
        } else {
            authority.accept(record);
            kept.push_back(std::move(record));
        }
    }
    // References within one kind (a person written by another person) may
    // point forward: decide those again until nothing more can be taken in.
    for (bool progress = true; progress && !waiting.empty();) {
        progress = false;
        for (auto record = waiting.begin(); record != waiting.end();) {
            auto decided = authority.decide(*record);
            if (!decided) return fail(decided.error());
            if (decided.value()) {
                ++record;
                continue;
            }
            authority.accept(*record);
            kept.push_back(std::move(*record));
            record = waiting.erase(record);
            progress = true;
        }
    }
    for (const Record& record : waiting)
        refused.push_back(RefusedRecord{record.kind, record.id, Refusal::missing_reference});
    records = std::move(kept);
    return refused;
}

Result<PartnerImport, CommandError> take_in_from_partner(CommandContext& context, const PartnerScope& scope,
                                                         std::vector<Record> records, MergeMode mode) {
    PartnerImport outcome;
    auto refused = authorise_partner_records(context, scope, records);
    if (!refused) return fail(refused.error());
    outcome.refused = std::move(refused).value();
    auto merged = apply_remote(context, records, mode);
    if (!merged) return fail(merged.error());
    outcome.merge = merged.value();
    return outcome;
}

}  // namespace tandem
