#pragma once
// TrustedPartners: whose keys this profile trusts, kept on this device only
// (never in a record, so never in a bundle: trust is each side's own
// decision). A partner is trusted once their fingerprint was compared in
// person, or their keys came with the passphrase of first contact
// (invitation.hpp); their keys can be verified again, or revoked, later.

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "core/record_id.hpp"
#include "core/result.hpp"
#include "crypto/identity.hpp"

namespace tandem::crypto {

struct TrustedPartner {
    // How the keys were last checked.
    enum class Checked : std::uint8_t {
        fingerprint = 0,  // the two compared fingerprints
        passphrase = 1,   // a file opened with the passphrase, or an answer to this profile's invitation
    };
    RecordId person;                  // who the keys belong to, in this profile's records
    PublicKeys keys;
    std::int64_t verified_at_ms = 0;  // when they were last checked
    bool revoked = false;             // no bundle signed with these keys is accepted
    Checked checked = Checked::fingerprint;

    bool operator==(const TrustedPartner&) const = default;
};

class TrustedPartners {
public:
    // The most partners kept: far more than anyone coaches.
    static constexpr std::size_t max_partners = 1000;

    // Reads what encode() wrote (or its first version); an error for anything else (the bytes come
    // from the browser's storage, so they are checked, not trusted).
    static Result<TrustedPartners, std::string> decode(std::span<const std::uint8_t> bytes);
    std::vector<std::uint8_t> encode() const;

    // The entry whose keys signed a bundle (revoked or not), if any.
    const TrustedPartner* find_by_keys(const PublicKeys& keys) const;
    // The entry for `person`: the keys trusted now, or else the last revoked ones; null if none.
    const TrustedPartner* find_by_person(const RecordId& person) const;
    // Trusts `keys` as `person`'s, checked at `now_ms` as `how` says:
    // replaces the keys trusted for the person now, and takes `keys` from
    // anyone else they were trusted for. Keys of the person's that were
    // revoked stay revoked.
    void trust(const RecordId& person, const PublicKeys& keys, std::int64_t now_ms,
               TrustedPartner::Checked how = TrustedPartner::Checked::fingerprint);
    // Stops accepting the keys trusted for `person` now. False if none were.
    bool revoke(const RecordId& person);

    const std::vector<TrustedPartner>& all() const { return partners_; }

private:
    std::vector<TrustedPartner> partners_;
};

}  // namespace tandem::crypto
