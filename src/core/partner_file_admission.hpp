#pragma once
// Who a partner's file is from, and who this profile is in its pairing: the
// decision taken before a file's records are previewed (docs/decisions.md,
// "Sharing"). The app gathers the facts (it can read keys and sharing
// codes), this decides, and the app puts the decision into words.
//   - A file is taken in only by a member of its pairing. A profile that is
//     in no pairing yet may become a member (first contact), and only of a
//     pairing it does not have, always asked: a profile with pairings is
//     nobody else.
//   - A file signed with trusted keys is from the person they belong to, who
//     must be a member. Keys checked just now (fingerprints compared, the
//     file opened with the passphrase, or answering this profile's
//     invitation) belong to the member whose sharing code they are, or else
//     to the member other than this profile (at first contact, whoever set
//     the pairing up). An answer vouches for its signer only as the person
//     invited, and only about the pairing they were invited to.
//   - At first contact, this profile is the member whose sharing code is its
//     own, or else the one member left besides the sender.

#include <cstdint>
#include <optional>

#include "core/record.hpp"
#include "core/result.hpp"

namespace tandem {

// What the app knows of a file that verified, and of this profile.
struct PartnerFileFacts {
    const Record* pairing = nullptr;  // this device's copy of the file's pairing, or the file's when new here
    bool pairing_known = false;       // this device has the pairing
    RecordId me;                      // this profile's own person; nil before there is one
    bool profile_has_pairings = false;
    // The person whose trusted (not revoked) keys signed the file, if any.
    std::optional<RecordId> trusted_signer;
    // Whether the signer's keys were checked just now: the user compared
    // fingerprints, the file opened with the passphrase, or it answers an
    // invitation of this profile's.
    bool keys_checked = false;
    // When it answers an invitation: the pairing that invitation was about,
    // and the person it was for.
    std::optional<RecordId> answered_pairing;
    std::optional<RecordId> answered_person;
    // The members whose sharing code (here, or else in the file) is the
    // signer's keys, and this profile's keys.
    std::optional<RecordId> member_with_signer_keys;
    std::optional<RecordId> member_with_my_keys;
};

// Why a partner's file is not taken in.
enum class AdmissionRefusal : std::uint8_t {
    not_yours,           // this profile is not in the pairing and cannot become part of it
    not_theirs,          // signed with the trusted keys of someone outside the pairing
    sender_unknown,      // no member can have sent it (or it claims to be from this profile)
    which_member_unknown,  // first contact, and it cannot be told which member this profile is
    answers_other_pairing,  // answers an invitation, but about another pairing or as someone else
};

// Who sent the file and, at first contact, whom this profile would become.
struct PartnerFileAdmission {
    RecordId sender;
    std::optional<RecordId> link;  // first contact: the member to ask the user about
    bool trust_sender = false;     // keys checked just now: trust them as the sender's
};

// Decides from `facts`; `facts.pairing` must be set.
Result<PartnerFileAdmission, AdmissionRefusal> admit_partner_file(const PartnerFileFacts& facts);

}  // namespace tandem
