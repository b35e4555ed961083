#pragma once
// What a partner's file may change (docs/decisions.md, "What a partner's
// file may change"). A signature says who sent a bundle, not what it may
// touch: every record of a partner's bundle passes authorise_partner_records
// before it is previewed or merged, and each one left out is named with a
// typed reason. In short, a bundle about one pairing may change:
//   - that pairing and the records that hang off it (directly by their
//     `pairing`, or through their parent);
//   - the people the pairing names (coach, coachee, second coach), never
//     the receiver's own person, nor anyone's sharing code but the
//     sender's own;
//   - library entries and priorities written by a member of the pairing,
//     never Tandem's own starter entries;
// and it may never change what the receiver wrote beyond what the pair
// writes together (edit_rights.hpp), nor write in the receiver's name;
// and it may never change a record's kind, author, creation time,
// visibility or immutable fields, move a record between pairings, add a
// record written by someone outside the pairing, name someone this device
// knows from elsewhere, claim edits this device never made, or point a
// record at one of another pairing. A record whose merge would change
// nothing here is never refused, but vouches for nothing: what hangs under
// it or points at it is judged by the copy this device holds.

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "core/record_commands.hpp"

namespace tandem {

// Why a record of a partner's file was left out.
enum class Refusal : std::uint8_t {
    private_record,      // private, here or in the file: private records never cross
    invalid,             // fails validation (check_record), or appears twice in the file
    other_pairing,       // belongs to another pairing, to none, or to a person (training)
    moved_pairing,       // exists here under another pairing (or another parent)
    person_not_named,    // a person the pairing does not name
    own_person,          // the receiver's own person: only they change it
    starter_entry,       // one of Tandem's own library entries, which are read-only
    not_by_member,       // written by someone outside the pairing
    metadata_changed,    // would change its kind, author, creation time or visibility
    immutable_changed,   // would change a field fixed when it was created
    claims_this_device,  // carries an edit stamped by this device that this device never made
    refers_elsewhere,    // points to a record of another pairing, or a library entry of someone else's
    missing_reference,   // points to a record left out of the file and not on this device
    names_outsider,      // names someone the pairing does not (a second coach known here from elsewhere, a note's addressee)
    sharing_code_of_other,  // changes the sharing code of someone other than the sender
    receivers_record,    // changes what only the receiver may (edit_rights.hpp): a field of a record they
                         // wrote, its deletion or restoring, a part of it; or is a record new here in
                         // their name (or the name they are to take at first contact)
};
inline constexpr std::size_t refusal_reasons = 16;

// A stable name for the reason, e.g. "own_person", for logs, tests and the spec.
std::string_view refusal_name(Refusal reason);

// One record left out, and why.
struct RefusedRecord {
    Kind kind = Kind::person;
    RecordId id;
    Refusal reason = Refusal::invalid;
};

// What the bundle is about and who sent it, as this device knows them.
struct PartnerScope {
    RecordId pairing;  // the pairing the bundle names
    RecordId sender;   // the sender's person in this profile's records (or the bundle's)
    RecordId becoming{};  // at first contact, the person the receiver is to become (nil otherwise):
                          // nothing may come in written in that name either
};

// The records of a partner's bundle that may be taken in, and the others.
struct AuthorisedRecords {
    std::vector<const Record*> kept;     // into the span given, parents first
    std::vector<RefusedRecord> refused;  // in the order they were met
};

// Decides which of `records` (a partner's bundle) the partner may change
// here, given this device's store and the receiver (`context.actor`, whose
// own person is never changed). `records` must outlive the result. Reads
// only; fails only when the store does.
Result<AuthorisedRecords, CommandError> authorise_partner_records(CommandContext& context, const PartnerScope& scope,
                                                                  std::span<const Record> records);

// What taking in a partner's bundle did (or, previewing, would do).
struct PartnerImport {
    MergeReport merge;                  // of the records authorised
    std::vector<RefusedRecord> refused; // the records left out
};

// Authorises `records` (authorise_partner_records) and merges those kept
// (apply_remote), in `mode`. The one way a partner's records enter the store.
Result<PartnerImport, CommandError> take_in_from_partner(CommandContext& context, const PartnerScope& scope,
                                                         std::span<const Record> records,
                                                         MergeMode mode = MergeMode::apply);

}  // namespace tandem
