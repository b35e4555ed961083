// Index of this file:
// [SECTION] Authority: the verdict on one record
// [SECTION] Refusal names
// [SECTION] Authorising a file's records, and taking them in

#include "core/partner_authority.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include "core/edit_rights.hpp"
#include "core/merge.hpp"
#include "core/record_placement.hpp"
#include "core/records.hpp"
#include "core/validation.hpp"

namespace tandem {

namespace {

CommandError storage_error(Kind kind, const StorageError& error) {
    return CommandError{ErrorCode::storage_failed, kind, 0, 0, error.message};
}

// What the authority makes of one record.
struct Verdict {
    std::optional<Refusal> refusal;
    bool changes = false;  // taken in and would change something here; such a record vouches for its parts
    bool passed_over = false;  // one of Tandem's own entries here: neither merged nor refused
};

Verdict refused(Refusal reason) { return Verdict{reason, false}; }

// [SECTION] Authority: the verdict on one record

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
        if (local_pairing_)
            for (const RecordId& member : pairing_members(*local_pairing_)) local_members_.insert(member);

        // The bundle's own copy of the pairing, checked before the people it
        // names are: who the members are decides which people may change.
        const auto in_bundle = std::find_if(records.begin(), records.end(), [&](const Record& record) {
            return record.kind == Kind::pairing && record.id == scope_.pairing;
        });
        std::set<RecordId> people_in_file;
        for (const Record& record : records)
            if (record.kind == Kind::person) people_in_file.insert(record.id);
        members_ = local_members_;
        if (in_bundle != records.end()) {
            auto verdict = decide(*in_bundle, false);
            if (!verdict) return fail(verdict.error());
            if (!verdict.value().refusal && verdict.value().changes) {
                // The members the pairing will name once merged, when the
                // file carries them; people this device knows count only
                // when its own copy names them (check_pairing).
                Record remote = *in_bundle;
                clamp_future_stamps(remote, now_);
                const Record named = local_pairing_ ? merge_records(*local_pairing_, remote).merged : remote;
                for (const RecordId& member : pairing_members(named))
                    if (people_in_file.contains(member) || local_members_.contains(member)) members_.insert(member);
            }
        }
        // A person travels with whoever wrote their record (a coachee's
        // person is often their first coach's record): those authors may
        // come in too, new here, but change nothing here.
        people_allowed_ = members_;
        for (bool grew = true; grew;) {
            grew = false;
            for (const Record& record : records)
                if (record.kind == Kind::person && people_allowed_.contains(record.id) && !record.created_by.is_nil() &&
                    people_in_file.contains(record.created_by) && people_allowed_.insert(record.created_by).second)
                    grew = true;
        }
        return {};
    }

    // What to make of `remote_copy`.
    Result<Verdict, CommandError> decide(const Record& remote_copy, bool with_references = true) {
        if (remote_copy.visibility != Visibility::shared) return refused(Refusal::private_record);
        if (check_record(remote_copy, false)) return refused(Refusal::invalid);
        Record remote = remote_copy;
        clamp_future_stamps(remote, now_);

        auto loaded = context_.store.load(remote.kind, remote.id);
        if (!loaded) return fail(storage_error(remote.kind, loaded.error()));
        const std::optional<Record>& local = loaded.value();
        if (local && local->visibility != Visibility::shared) return refused(Refusal::private_record);
        // Tandem's own entries here stay as this version ships them, whatever
        // another version's copy says.
        if (local && local->created_by.is_nil()) return Verdict{std::nullopt, false, true};
        // A record whose merge changes nothing here is taken in as it is
        // (Tandem's starter entries travel in every file that refers to
        // them), but vouches for nothing: its parts are judged by the copy
        // this device holds.
        if (local) {
            const RecordMerge merge = merge_records(*local, remote);
            if (!merge.changed && merge.conflicts.empty()) return Verdict{};
        }
        if (auto reason = check_identity(remote, local)) return refused(*reason);
        auto belongs = check_belonging(remote, local);
        if (!belongs) return fail(belongs.error());
        if (belongs.value()) return refused(*belongs.value());
        if (auto reason = check_stamps(remote, local)) return refused(*reason);
        if (!local && !authored_by_member(remote)) return refused(Refusal::not_by_member);
        auto receivers = check_receivers_record(remote, local);
        if (!receivers) return fail(receivers.error());
        if (receivers.value()) return refused(*receivers.value());
        if (with_references) {
            auto reference = check_references(remote);
            if (!reference) return fail(reference.error());
            if (reference.value()) return refused(*reference.value());
        }
        return Verdict{std::nullopt, true};
    }

    void vouch_for(const Record& record) { vouched_.emplace(record.id, record.kind); }

private:
    // A record new here must be written by a member; a pairing new here, by
    // one of the people it names; a person new here may have been written
    // by anyone (their record is history), if the pairing brings them.
    bool authored_by_member(const Record& remote) const {
        if (remote.kind == Kind::person) return people_allowed_.contains(remote.id);
        if (remote.kind != Kind::pairing) return members_.contains(remote.created_by);
        const std::vector<RecordId> named = pairing_members(remote);
        return std::find(named.begin(), named.end(), remote.created_by) != named.end();
    }

    // The metadata and immutable fields of a record known here never change.
    std::optional<Refusal> check_identity(const Record& remote, const std::optional<Record>& local) {
        if (!local) {
            // A record new here was written whole: its immutable fields carry
            // the stamp of their writing (a bare tombstone, its anchors').
            const bool bare = is_bare_tombstone(remote);
            for (const FieldSpec& field : kind_spec(remote.kind).fields) {
                if (!field.immutable() || (bare && !field.is_anchor())) continue;
                const FieldState& state = remote.field(field.index);
                if (state.stamp.is_zero() && !(bare && std::holds_alternative<std::monostate>(state.value)))
                    return Refusal::invalid;
            }
            return std::nullopt;
        }
        if (remote.created_by != local->created_by || remote.created_at_ms != local->created_at_ms ||
            remote.visibility != local->visibility)
            return Refusal::metadata_changed;
        for (const FieldSpec& field : kind_spec(remote.kind).fields) {
            if (!field.immutable()) continue;
            const FieldState& there = remote.field(field.index);
            const FieldState& here = local->field(field.index);
            // A field not sent (zero stamp) loses anyway; one this device
            // holds only as a bare tombstone's default is learnt.
            if (there.stamp.is_zero() || there == here) continue;
            if (here.stamp.is_zero() && !field.is_anchor() && is_bare_tombstone(*local)) continue;
            const bool moves = field.is_anchor() && field.shape.target != Kind::person;
            return moves ? Refusal::moved_pairing : Refusal::immutable_changed;
        }
        return std::nullopt;
    }

    Result<std::optional<Refusal>, CommandError> check_belonging(const Record& remote, const std::optional<Record>& local) {
        if (!local && held_.contains(remote.id)) return std::optional(Refusal::metadata_changed);  // another kind's id
        switch (remote.kind) {
            case Kind::person: return check_person(remote, local);
            case Kind::library_entry:
            case Kind::priority:
                if (remote.created_by.is_nil())
                    return std::optional(remote.kind == Kind::library_entry ? Refusal::starter_entry : Refusal::not_by_member);
                return members_.contains(remote.created_by) ? std::optional<Refusal>() : std::optional(Refusal::not_by_member);
            case Kind::pairing:
                if (remote.id != scope_.pairing) return std::optional(Refusal::other_pairing);
                return check_pairing(remote, local);
            default: break;
        }
        if (const auto field = pairing_field(remote.kind)) {
            // A deleted record of a kind whose pairing may be unset carries
            // none; the copy here says which pairing it is of.
            const FieldIndex pairing = *field;
            const Record& placed = local && remote.field(pairing).stamp.is_zero() ? *local : remote;
            return placed.reference(pairing) == scope_.pairing ? std::optional<Refusal>()
                                                                   : std::optional(Refusal::other_pairing);
        }
        if (const auto field = parent_field(remote.kind)) {
            const auto parent = remote.reference(*field);
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

    // Whether merging `remote` would replace this device's `field` of
    // `local`, or keep its text as a concurrent version to choose from.
    static bool would_touch(const Record& local, const Record& remote, FieldIndex field) {
        const FieldState& kept = local.field(field);
        const FieldState& other = remote.field(field);
        if (other == kept) return false;
        if (&merge_field(kept, other) != &kept) return true;
        return field != tombstone_field && kind_spec(local.kind).field(field).is_text() &&
               is_concurrent_text_edit(kept, other);
    }

    // What the receiver wrote changes only as edit_rights.hpp lets anyone
    // else change it, and nobody else writes in their name.
    Result<std::optional<Refusal>, CommandError> check_receivers_record(const Record& remote,
                                                                       const std::optional<Record>& local) {
        if (remote.kind == Kind::person) return std::optional<Refusal>();  // check_person
        if (local) {
            if (!is_receiver(local->created_by)) return std::optional<Refusal>();
            for (std::size_t i = 0; i < remote.fields.size(); ++i) {
                const auto field = static_cast<FieldIndex>(i);
                if (would_touch(*local, remote, field) && !may_change_field(*local, field, scope_.sender))
                    return std::optional(Refusal::receivers_record);
            }
            // A later edit of a field written together would bring back what
            // the receiver deleted: restoring is theirs alone.
            Record clamped = remote;
            clamp_future_stamps(clamped, now_);
            if (local->is_deleted() && !merge_records(*local, clamped).merged.is_deleted())
                return std::optional(Refusal::receivers_record);
            return std::optional<Refusal>();
        }
        if (is_receiver(remote.created_by)) return std::optional(Refusal::receivers_record);
        const auto field = parent_field(remote.kind);
        const auto parent_id = field ? remote.reference(*field) : std::nullopt;
        if (!parent_id) return std::optional<Refusal>();
        const Kind parent_kind = kind_spec(remote.kind).field(*field).shape.target;
        auto parent = context_.store.load(parent_kind, *parent_id);
        if (!parent) return fail(storage_error(parent_kind, parent.error()));
        if (parent.value() && is_receiver(parent.value()->created_by) &&
            !may_add_part(*parent.value(), remote.created_by))
            return std::optional(Refusal::receivers_record);
        return std::optional<Refusal>();
    }

    // Whether `person` is the receiver, or the person they are to become.
    bool is_receiver(const RecordId& person) const {
        return person == context_.actor || (!scope_.becoming.is_nil() && person == scope_.becoming);
    }

    // People change only as the pairing allows; the receiver's name, sharing
    // code and existence are their own.
    std::optional<Refusal> check_person(const Record& remote, const std::optional<Record>& local) const {
        if (remote.id == context_.actor) {
            if (!local) return Refusal::own_person;
            for (const FieldIndex field : {FieldIndex{tombstone_field}, FieldIndex{Person::fields::display_name},
                                           FieldIndex{Person::fields::sharing_code}})
                if (would_touch(*local, remote, field)) return Refusal::own_person;
            return std::nullopt;
        }
        if (!local) return people_allowed_.contains(remote.id) ? std::nullopt : std::optional(Refusal::person_not_named);
        // People this device knows change only when its own pairing names
        // them (for a pairing new here, only the sender).
        const bool named = local_pairing_ ? local_members_.contains(remote.id) : remote.id == scope_.sender;
        if (!named) return Refusal::person_not_named;
        // A sharing code is who someone is: only its owner sends a new one.
        if (remote.id != scope_.sender && would_touch(*local, remote, Person::fields::sharing_code))
            return Refusal::sharing_code_of_other;
        return std::nullopt;
    }

    // The pairing's people (a second coach may change; a pairing may be new
    // here) are the people this device's copy names, the sender, the
    // receiver, or people new here: never someone this device knows from
    // elsewhere, who would then be the file's to change.
    Result<std::optional<Refusal>, CommandError> check_pairing(const Record& remote, const std::optional<Record>& local) {
        const Record named = local ? merge_records(*local, remote).merged : remote;
        for (const RecordId& member : pairing_members(named)) {
            if (local_members_.contains(member) || member == scope_.sender || member == context_.actor) continue;
            auto known = context_.store.kinds_holding(std::span(&member, 1));
            if (!known) return fail(storage_error(Kind::person, known.error()));
            if (!known.value().empty()) return std::optional(Refusal::names_outsider);
        }
        return std::optional<Refusal>();
    }

    // No field may carry this device's site unless it is exactly what this
    // device holds, or older: this device would have it.
    std::optional<Refusal> check_stamps(const Record& remote, const std::optional<Record>& local) const {
        const SiteId mine = context_.clock.site();
        for (std::size_t i = 0; i < remote.fields.size(); ++i) {
            const FieldState& there = remote.fields[i];
            if (there.stamp.is_zero() || there.stamp.site != mine) continue;
            if (!local) return Refusal::claims_this_device;
            const FieldState& here = local->fields[i];
            if (there.stamp > here.stamp || (there.stamp == here.stamp && there != here))
                return Refusal::claims_this_device;
        }
        return std::nullopt;
    }

    Result<std::optional<Refusal>, CommandError> check_references(const Record& remote) {
        // A profile's own person wrote itself.
        const bool self_written = remote.kind == Kind::person && remote.created_by == remote.id;
        if (!remote.created_by.is_nil() && !self_written) {
            auto found = in_this_pairing(Kind::person, remote.created_by);
            if (!found) return fail(found.error());
            if (found.value() == Place::nowhere) return std::optional(Refusal::missing_reference);
        }
        for (const FieldSpec& field : kind_spec(remote.kind).fields) {
            if (field.shape.type != FieldType::reference) continue;
            const auto target = remote.reference(field.index);
            if (!target) continue;
            auto found = in_this_pairing(field.shape.target, *target);
            if (!found) return fail(found.error());
            if (found.value() == Place::nowhere) return std::optional(Refusal::missing_reference);
            if (found.value() == Place::elsewhere) return std::optional(Refusal::refers_elsewhere);
            // The people a record names are the pairing's: a file never
            // points at someone else (it would then travel in the next one).
            if (field.shape.target == Kind::person && !members_.contains(*target))
                return std::optional(Refusal::names_outsider);
        }
        return std::optional<Refusal>();
    }

    enum class Place : std::uint8_t { here, elsewhere, nowhere };

    // Where the record of `kind` with this id is: taken in from this bundle
    // or on this device within the pairing (for people, anywhere; for library
    // entries and priorities, Tandem's own or a member's), elsewhere, or nowhere.
    Result<Place, CommandError> in_this_pairing(Kind kind, const RecordId& id) {
        if (const auto taken = vouched_.find(id); taken != vouched_.end() && taken->second == kind) return Place::here;
        auto loaded = context_.store.load(kind, id);
        if (!loaded) return fail(storage_error(kind, loaded.error()));
        if (!loaded.value()) return Place::nowhere;
        const Record& record = *loaded.value();
        if (record.visibility != Visibility::shared) return Place::elsewhere;
        if (kind == Kind::library_entry || kind == Kind::priority)
            return record.created_by.is_nil() || members_.contains(record.created_by) ? Place::here : Place::elsewhere;
        if (!pairing_bound(kind)) return Place::here;
        if (kind == Kind::pairing) return id == scope_.pairing ? Place::here : Place::elsewhere;
        if (const auto field = pairing_field(kind))
            return record.reference(*field) == scope_.pairing ? Place::here : Place::elsewhere;
        const auto field = parent_field(kind);
        const auto parent = field ? record.reference(*field) : std::nullopt;
        if (!parent) return Place::elsewhere;
        auto up = in_this_pairing(kind_spec(kind).field(*field).shape.target, *parent);
        if (!up) return up;
        return up.value() == Place::here ? Place::here : Place::elsewhere;
    }

    CommandContext& context_;
    const PartnerScope& scope_;
    const std::int64_t now_;
    std::optional<Record> local_pairing_;
    std::set<RecordId> members_;         // who may author records new here
    std::set<RecordId> local_members_;   // the members as this device's pairing names them
    std::set<RecordId> people_allowed_;  // members, and the people who wrote their records, in the file
    std::map<RecordId, Kind> vouched_;   // records of the bundle taken in that change something
    std::multimap<RecordId, Kind> held_; // the file's ids this device holds, by kind
};

}  // namespace

// [SECTION] Refusal names

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
        case Refusal::names_outsider: return "names_outsider";
        case Refusal::sharing_code_of_other: return "sharing_code_of_other";
        case Refusal::receivers_record: return "receivers_record";
    }
    return "";
}

// [SECTION] Authorising a file's records, and taking them in

Result<AuthorisedRecords, CommandError> authorise_partner_records(CommandContext& context, const PartnerScope& scope,
                                                                  std::span<const Record> records) {
    // Parents first: a record's references point at kinds before its own.
    std::vector<const Record*> order;
    order.reserve(records.size());
    for (const Record& record : records) order.push_back(&record);
    std::stable_sort(order.begin(), order.end(), [](const Record* a, const Record* b) { return a->kind < b->kind; });
    Authority authority(context, scope);
    if (auto prepared = authority.prepare(records); !prepared) return fail(prepared.error());

    AuthorisedRecords outcome;
    outcome.kept.reserve(records.size());
    std::set<RecordId> seen;
    std::vector<const Record*> waiting;  // refused for a reference not taken in yet
    const auto take = [&](const Record* record, const Verdict& verdict) {
        if (verdict.changes) authority.vouch_for(*record);
        outcome.kept.push_back(record);
    };
    for (const Record* record : order) {
        if (!seen.insert(record->id).second) {  // an id twice: a writer's fault, never merged
            outcome.refused.push_back(RefusedRecord{record->kind, record->id, Refusal::invalid});
            continue;
        }
        auto verdict = authority.decide(*record);
        if (!verdict) return fail(verdict.error());
        if (verdict.value().passed_over) continue;
        if (verdict.value().refusal == Refusal::missing_reference) waiting.push_back(record);
        else if (verdict.value().refusal) outcome.refused.push_back(RefusedRecord{record->kind, record->id, *verdict.value().refusal});
        else take(record, verdict.value());
    }
    // References within one kind (a person written by another person) may
    // point forward: decide those again until nothing more can be taken in.
    for (bool progress = true; progress && !waiting.empty();) {
        progress = false;
        for (auto record = waiting.begin(); record != waiting.end();) {
            auto verdict = authority.decide(**record);
            if (!verdict) return fail(verdict.error());
            if (verdict.value().refusal) {
                ++record;
                continue;
            }
            take(*record, verdict.value());
            record = waiting.erase(record);
            progress = true;
        }
    }
    for (const Record* record : waiting)
        outcome.refused.push_back(RefusedRecord{record->kind, record->id, Refusal::missing_reference});
    return outcome;
}

Result<PartnerImport, CommandError> take_in_from_partner(CommandContext& context, const PartnerScope& scope,
                                                         std::span<const Record> records, MergeMode mode) {
    auto authorised = authorise_partner_records(context, scope, records);
    if (!authorised) return fail(authorised.error());
    auto merged = apply_remote(context, authorised.value().kept, mode);
    if (!merged) return fail(merged.error());
    return PartnerImport{merged.value(), std::move(authorised.value().refused)};
}

}  // namespace tandem
