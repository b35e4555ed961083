#pragma once
// BundleExchange: sending a pairing's records to the partner and taking in
// what they send (docs/bundle-format.md; docs/decisions.md, "Sharing").
//
// Sending seals the pairing's share to the partner's trusted key or locks it
// with a passphrase, which makes it an invitation (crypto/invitation.hpp).
// Taking in inspects the file, decrypts it and verifies the signature. A
// signer not trusted yet is trusted when the file opened with the passphrase
// or answers this profile's invitation; otherwise it is shown by fingerprint,
// and no record is decoded until the user has compared it. Then it decides who
// sent the file and whether this profile is part of the pairing, and
// previews the merge of what the sender may change (partner_authority.hpp);
// nothing changes until the user chooses to take the records in, which
// merges them in one transaction.
//
// Deriving a passphrase's key is slow by design, so it is handed to the host
// as a KeyJob and its result comes back through key_derived(). Trust is kept
// on this device alone (crypto::TrustedPartners, in the store's local state).

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "app/bundle_exchange_types.hpp"
#include "crypto/trusted_partners.hpp"
#include "app/workspace.hpp"
#include "core/partner_authority.hpp"
#include "core/partner_file_admission.hpp"
#include "core/random_source.hpp"
#include "crypto/bundle_format.hpp"
#include "crypto/bundle_reader.hpp"
#include "crypto/identity.hpp"
#include "crypto/invitation_book.hpp"
#include "crypto/secret_key.hpp"
#include "store/pairing_share.hpp"
#include "ui/share_screen.hpp"

namespace tandem::app {

class BundleExchange {
public:
    // Where the trusted partners are kept in the store's device state.
    static constexpr std::string_view trust_state_key = "partners.trusted";
    // Where the invitation keys are kept, beside them.
    static constexpr std::string_view invitation_state_key = "partners.invitations";

    // Reads the partners this profile trusts, and its invitations, from its
    // device state. A list that cannot be read is named in the problem and
    // treated as empty.
    explicit BundleExchange(store::SqliteRecordStore& store);
    const crypto::TrustedPartners& trusted() const { return trusted_; }
    // Why the trusted partners could not be read; empty when they could.
    const std::string& problem() const { return problem_; }

    // [SECTION] Sending
    // Starts sending pairing `pairing`: its partner, what it holds.
    void begin_export(Workspace& work, const RecordId& pairing);
    void edit_export(Workspace& work, const ui::EditExport& edit);
    // Five random everyday words in the passphrase field.
    void suggest_passphrase(RandomSource& random);
    // Writes the bundle: at once with the partner's key; with a passphrase,
    // once its key is derived (the KeyJob).
    ExportStep write_export(Workspace& work, const crypto::Identity& me, std::int64_t now_ms);

    // [SECTION] Taking in
    // A file opened or dropped: inspected, then opened with this profile's
    // key, or the passphrase asked for.
    void receive(Workspace& work, const crypto::Identity& me, std::string_view name,
                 std::span<const std::uint8_t> bytes);
    void edit_import_passphrase(std::string text);
    // The job that derives the typed passphrase's key for the file received.
    std::optional<KeyJob> open_with_passphrase(std::int64_t now_ms);
    // Trusts the sender's keys, after the user compared fingerprints (when
    // neither the passphrase nor an answer vouched for them), and only then
    // decodes the file's records and previews them.
    void trust_sender(Workspace& work, const crypto::Identity& me, std::int64_t now_ms);
    // The user confirmed being the person of the pairing the bundle names.
    void confirm_link(Workspace& work);
    // Merges the bundle's records. Returns the person this profile is in
    // the pairing when it must become the profile's own (first contact).
    std::optional<RecordId> apply_import(Workspace& work);
    void cancel_import();
    // The pairing whose records were taken in last, to show next.
    const std::optional<RecordId>& pairing_taken_in() const { return taken_in_; }

    // [SECTION] Both
    // A derived key for job `id` (or why it could not be derived); for
    // sending, the file it completes.
    ExportStep key_derived(Workspace& work, const crypto::Identity& me, std::uint64_t id,
                           Result<crypto::SecretKey, crypto::BundleError> key, std::int64_t now_ms);

    // Stops accepting `person`'s keys; false if none were trusted.
    bool revoke(Workspace& work, const RecordId& person);
    // Opens the fingerprint comparison before trusting `person`'s revoked
    // keys again (nil: closes it).
    void ask_to_trust_again(const RecordId& person);
    // Whose revoked keys are being compared before they are trusted again.
    const std::optional<RecordId>& trusting_again() const { return trusting_again_; }
    // Records that `person`'s fingerprint was compared again at `now_ms`:
    // their keys are checked again, or, if they were revoked, trusted again,
    // but only once the comparison was opened for them. False otherwise.
    bool reverify(Workspace& work, const RecordId& person, std::int64_t now_ms);

    // Whether a key is being derived.
    bool working() const { return job_.has_value(); }
    // The screen's view, with progress estimated at `now_ms`.
    ui::ShareView view(std::int64_t now_ms) const;

private:
    enum class JobFor : std::uint8_t { sending, receiving };
    using Answer = std::array<std::uint8_t, crypto::invitation_answer_bytes>;
    // How an untrusted signer's keys were checked just now; at_ms 0: they
    // were trusted before.
    struct KeysCheck {
        std::int64_t at_ms = 0;
        crypto::TrustedPartner::Checked how = crypto::TrustedPartner::Checked::fingerprint;
        std::optional<RecordId> answered_pairing;  // of the invitation the file answers
        std::optional<RecordId> answered_person;   // whom that invitation was for
    };
    // Keys the passphrase or an answer vouched for: trusted only once the
    // user takes the file's records in, so that Not now leaves nothing behind.
    struct PendingTrust {
        RecordId person;
        crypto::PublicKeys keys;
        std::int64_t at_ms = 0;
        RecordId pairing;
        std::optional<RecordId> answered_pairing;
        std::optional<crypto::SecretKey> invitation;  // opened with the passphrase: the key to answer with
    };
    struct Job {
        std::uint64_t id;
        JobFor purpose;
        std::int64_t started_ms;
    };
    // What the user chose to send, its dates read with `dates`; nullopt (the
    // date's problem shown, unless `quiet_when_empty` and none is typed yet)
    // when a date cannot be read.
    std::optional<store::ShareRange> chosen_range(const DateReader& dates, bool quiet_when_empty);
    void refresh_contents(Workspace& work);
    ExportStep finish_export(Workspace& work, const crypto::Identity& me, const crypto::SecretKey& file_key,
                             std::span<const crypto::Stanza> stanzas, std::int64_t now_ms);
    void refuse(crypto::BundleError error);
    void refuse(std::string title, std::string text);
    // A file whose signature verified (its header's answer stanza, if any,
    // beside it): decoded at once when its signer is trusted, or vouched for
    // by the passphrase or the answer; otherwise the fingerprint is asked for first.
    void verified(Workspace& work, const crypto::Identity& me, crypto::VerifiedBundle bundle,
                  const std::optional<Answer>& answer);
    // A file decoded: who sent it, who this profile is in its pairing, and
    // the preview. A sender whose keys were `check`ed just now is trusted.
    void opened(Workspace& work, const crypto::Identity& me, crypto::OpenedBundle bundle, const KeysCheck& check);
    // Says why a file was not taken in (`signer`: its trusted signer, if any).
    // A file the passphrase vouched for, from someone whose keys on record
    // differ: kept, decoded but not previewed, until the fingerprint is compared.
    void ask_for_fingerprint(crypto::OpenedBundle bundle, const std::string& sender_name);
    void refuse_admission(Workspace& work, AdmissionRefusal refusal, const Record& pairing,
                          std::span<const Record> records, const crypto::TrustedPartner* signer);
    void show_import(const PartnerImport& outcome);
    void preview(Workspace& work);
    void save_trust(Workspace& work);
    void save_invitations(Workspace& work);

    crypto::TrustedPartners trusted_;
    crypto::InvitationBook invitations_;
    std::string problem_;
    std::uint64_t next_job_ = 1;
    std::optional<Job> job_;
    std::int64_t expected_job_ms_ = 1000;  // the last derivation's time, for the progress bar

    ui::ShareView view_;
    // Sending
    std::optional<crypto::PublicKeys> partner_keys_;
    std::optional<RecordId> partner_;
    std::array<std::uint8_t, crypto::passphrase_salt_bytes> salt_{};
    // Taking in
    std::vector<std::uint8_t> received_;
    std::optional<crypto::BundleHeader> header_;
    std::optional<crypto::VerifiedBundle> verified_;  // waiting for the fingerprint
    std::optional<crypto::SecretKey> invitation_key_;  // of the invitation opened, until its sender is admitted
    std::optional<crypto::OpenedBundle> awaiting_;     // vouched for by a passphrase, but the fingerprint decides
    std::optional<PendingTrust> pending_trust_;
    std::optional<crypto::OpenedBundle> bundle_;
    std::optional<RecordId> sender_;      // who it is from, in this profile's records
    std::optional<RecordId> link_;        // the person this profile is in the pairing, to adopt
    bool link_confirmed_ = false;
    std::optional<RecordId> taken_in_;
    std::optional<RecordId> trusting_again_;
};

}  // namespace tandem::app
