// Index of this file:
// [SECTION] Sending
// [SECTION] Taking in
// [SECTION] Both

#include "app/bundle_exchange.hpp"

#include <algorithm>

#include "core/record_binding.hpp"
#include "crypto/bundle_writer.hpp"
#include "crypto/invitation.hpp"
#include "crypto/passphrase_key.hpp"
#include "crypto/sodium_random_source.hpp"
#include "app/bundle_exchange_text.hpp"
#include "app/command_error_text.hpp"
#include "app/pairing_sent.hpp"
#include "store/pairing_share.hpp"

namespace tandem::app {

namespace {

using crypto::BundleError;
using Stage = ui::ImportView::Stage;

constexpr std::size_t min_passphrase_chars = 10;

}  // namespace

BundleExchange::BundleExchange(store::SqliteRecordStore& store) {
    auto stored = store.local_bytes(trust_state_key);
    if (!stored) {
        problem_ = "The partners you trust could not be read: " + stored.error().message;
        return;
    }
    if (!stored.value()) return;
    auto decoded = crypto::TrustedPartners::decode(*stored.value());
    if (!decoded) {
        problem_ = "The partners you trust could not be read: " + decoded.error() + ".";
        return;
    }
    trusted_ = std::move(decoded).value();
    auto invitations = store.local_bytes(invitation_state_key);
    if (!invitations || !invitations.value()) return;
    auto book = crypto::InvitationBook::decode(*invitations.value());
    if (!book) {
        problem_ = "The passphrases you gave could not be read: " + book.error() + ".";
        return;
    }
    invitations_ = std::move(book).value();
}

void BundleExchange::save_trust(Workspace& work) {
    const auto bytes = trusted_.encode();
    if (auto saved = work.store.set_local_bytes(trust_state_key, bytes); !saved)
        problem_ = "Who you trust could not be saved: " + saved.error().message;
}

void BundleExchange::save_invitations(Workspace& work) {
    invitations_.expire(work.now_ms);
    const auto bytes = invitations_.encode();
    if (auto saved = work.store.set_local_bytes(invitation_state_key, bytes); !saved)
        problem_ = "The passphrases you gave could not be saved: " + saved.error().message;
}

// [SECTION] Sending

void BundleExchange::begin_export(Workspace& work, const RecordId& pairing) {
    view_.importing = false;
    view_.send = {};
    view_.send.pairing = pairing;
    partner_.reset();
    partner_keys_.reset();
    auto record = work.store.load(Kind::pairing, pairing);
    if (!record || !record.value()) {
        view_.send.problem = "This pairing is no longer there.";
        return;
    }
    view_.send.pairing_title = pairing_title(work, *record.value());
    for (const RecordId& member : pairing_members(*record.value()))
        if (member != work.me && !partner_) partner_ = member;
    view_.send.partner_name = partner_ ? name_of(work, *partner_) : "your partner";
    if (partner_) {
        const crypto::TrustedPartner* trusted = trusted_.find_by_person(*partner_);
        if (trusted && !trusted->revoked) {
            partner_keys_ = trusted->keys;
            view_.send.partner_key = true;
            view_.send.partner_fingerprint = crypto::fingerprint(trusted->keys);
        }
    }
    view_.send.recipient = view_.send.partner_key ? 0 : 1;
    refresh_contents(work);
}

void BundleExchange::edit_export(Workspace& work, const ui::EditExport& edit) {
    ui::ExportView& send = view_.send;
    send.recipient = send.partner_key ? std::clamp(edit.recipient, 0, 1) : 1;
    if (edit.passphrase != send.passphrase) send.passphrase_problem.clear();
    send.passphrase = edit.passphrase;
    const std::string since = kept_date_text(work.dates, edit.since, DateLean::past);
    const std::string until = kept_date_text(work.dates, edit.until, DateLean::past);
    const bool range_changed = edit.range != send.range || since != send.since || until != send.until;
    send.range = std::clamp(edit.range, 0, 1);
    send.since = since;
    send.until = until;
    send.written.clear();
    send.problem.clear();
    if (range_changed) refresh_contents(work);
}

void BundleExchange::suggest_passphrase(RandomSource& random) {
    view_.send.passphrase = suggested_passphrase(random);
    view_.send.passphrase_problem.clear();
    view_.send.written.clear();
}

std::optional<store::ShareRange> BundleExchange::chosen_range(const DateReader& dates, bool quiet_when_empty) {
    ui::ExportView& send = view_.send;
    send.since_problem.clear();
    send.until_problem.clear();
    store::ShareRange range;
    if (send.range != 1) return range;
    const auto since_read = dates.read(send.since, DateLean::past);
    if (!since_read || !since_read.value()) {
        if (!since_read) send.since_problem = date_problem_text(since_read.error(), dates.order());
        else if (!quiet_when_empty) send.since_problem = "Write the first day, for example 1 Nov.";
        return std::nullopt;
    }
    const CalendarDate since = *since_read.value();
    range.edited_from_ms = static_cast<std::int64_t>(since.days) * 86'400'000;
    const auto until_read = dates.read(send.until, DateLean::past);
    if (!until_read) {
        send.until_problem = date_problem_text(until_read.error(), dates.order());
        return std::nullopt;
    }
    if (const std::optional<CalendarDate> until = until_read.value()) {
        if (until->days < since.days) {
            send.until_problem = "This is before the first day.";
            return std::nullopt;
        }
        range.edited_until_ms = static_cast<std::int64_t>(until->days + 1) * 86'400'000 - 1;
    }
    return range;
}

void BundleExchange::refresh_contents(Workspace& work) {
    ui::ExportView& send = view_.send;
    const auto range = chosen_range(work.dates, true);
    if (!range) {
        send.contents.clear();
        return;
    }
    auto share = store::load_pairing_share(work.store, send.pairing, *range);
    if (!share) {
        send.problem = "The pairing's records could not be read: " + share.error().message;
        return;
    }
    send.contents = share_contents(share.value());
}

ExportStep BundleExchange::write_export(Workspace& work, const crypto::Identity& me, std::int64_t now_ms) {
    ui::ExportView& send = view_.send;
    send.written.clear();
    send.problem.clear();
    if (job_ || !chosen_range(work.dates, false)) return std::monostate{};
    const crypto::SecretKey file_key = crypto::new_file_key();
    if (send.recipient == 0 && partner_keys_) {
        std::vector<crypto::Stanza> stanzas{crypto::x25519_stanza(file_key, partner_keys_->box)};
        // Until they seal a file to this profile's key, every file answers their invitation.
        if (const crypto::SecretKey* invitation = invitations_.answer_key(send.pairing, *partner_keys_, now_ms))
            stanzas.push_back(crypto::invitation_answer(*invitation, *partner_keys_, me.public_keys()));
        return finish_export(work, me, file_key, stanzas, now_ms);
    }
    std::size_t characters = 0;
    for (const char c : send.passphrase) characters += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    if (characters < min_passphrase_chars) {
        send.passphrase_problem =
            "Use at least 10 characters: five everyday words are easy to say and hard to guess.";
        return std::monostate{};
    }
    salt_ = crypto::new_passphrase_salt();
    job_ = Job{next_job_++, JobFor::sending, now_ms};
    send.working = true;
    return KeyJob{job_->id, send.passphrase, salt_, crypto::default_kdf_params};
}

ExportStep BundleExchange::finish_export(Workspace& work, const crypto::Identity& me,
                                         const crypto::SecretKey& file_key, std::span<const crypto::Stanza> stanzas,
                                         std::int64_t now_ms) {
    ui::ExportView& send = view_.send;
    const auto range = chosen_range(work.dates, false);
    if (!range) return std::monostate{};
    auto share = store::load_pairing_share(work.store, send.pairing, *range);
    if (!share || share.value().empty()) {
        send.problem = "The pairing's records could not be read.";
        return std::monostate{};
    }
    crypto::BundleContent content;
    if (auto random = crypto::SodiumRandomSource::create()) content.bundle_id = RecordId::random(*random);
    content.pairing = send.pairing;
    content.created_at_ms = now_ms;
    content.records = std::move(share).value();
    content.hlc_min = ~std::uint64_t{0};
    for (const Record& record : content.records) {
        for (const FieldState& field : record.fields) {
            if (field.stamp.hlc == 0) continue;
            content.hlc_min = std::min(content.hlc_min, field.stamp.hlc);
            content.hlc_max = std::max(content.hlc_max, field.stamp.hlc);
        }
    }
    if (content.hlc_max == 0) content.hlc_min = 0;
    auto written = crypto::write_bundle(content, me, stanzas, file_key);
    if (!written) {
        send.problem = "This pairing holds more than one file can carry (64 MB). Send what changed since a date instead.";
        return std::monostate{};
    }
    // From now on what the file holds may be with the partner.
    const std::uint64_t written_through = work.context ? work.context->clock.last() : content.hlc_max;
    if (!mark_pairing_sent(work.store, send.pairing, written_through)) {
        send.problem = "Tandem could not note that this file was written, so it was not saved. Try again.";
        return std::monostate{};
    }
    const bool invitation = stanzas.front().type == crypto::passphrase_stanza_type;
    if (invitation && !send.partner_key && partner_) {
        // Whoever answers it proves they were told the passphrase. (A
        // partner trusted already, on another computer, is checked by fingerprint.)
        invitations_.sent(send.pairing, *partner_, crypto::invitation_key(file_key), now_ms);
        save_invitations(work);
    }
    // The name says when, never who: files sit in Downloads folders and mail attachments.
    WrittenBundle bundle{"tandem-" + CalendarDate::from_unix_ms(now_ms).iso() + ".tandem", std::move(written).value()};
    send.written = "Saved " + bundle.name + ". Send it to " + send.partner_name +
                   " by email, a USB stick or a shared drive: " +
                   (invitation ? "tell them the passphrase in person or by phone, not in the same message. Their "
                                 "answer will prove they had it, so you need not compare fingerprints."
                               : "only their Tandem can open it.");
    return bundle;
}

// [SECTION] Taking in

void BundleExchange::refuse(BundleError error) {
    const FileRefusalText refusal = bundle_error_text(error);
    refuse(refusal.title, refusal.text);
}

void BundleExchange::refuse(std::string title, std::string text) {
    view_.receive.stage = Stage::refused;
    view_.receive.title = std::move(title);
    view_.receive.text = std::move(text);
    view_.receive.can_apply = false;
    received_.clear();
    header_.reset();
    bundle_.reset();
    invitation_key_.reset();
    awaiting_.reset();
    pending_trust_.reset();
}

void BundleExchange::receive(Workspace& work, const crypto::Identity& me, std::string_view name,
                             std::span<const std::uint8_t> bytes) {
    cancel_import();
    view_.importing = true;
    view_.receive.file_name = std::string(name);
    auto header = crypto::inspect_bundle(bytes);
    if (!header) return refuse(header.error());
    if (header.value().passphrase) {
        received_.assign(bytes.begin(), bytes.end());
        header_ = std::move(header).value();
        view_.receive.stage = Stage::passphrase;
        return;
    }
    auto verified = crypto::verify_bundle(bytes, header.value(), me);
    if (!verified) return refuse(verified.error());
    this->verified(work, me, std::move(verified).value(), header.value().answer);
}

void BundleExchange::edit_import_passphrase(std::string text) {
    view_.receive.passphrase = std::move(text);
    view_.receive.text.clear();
}

std::optional<KeyJob> BundleExchange::open_with_passphrase(std::int64_t now_ms) {
    if (view_.receive.stage != Stage::passphrase || !header_ || !header_->passphrase || job_) return std::nullopt;
    job_ = Job{next_job_++, JobFor::receiving, now_ms};
    view_.receive.stage = Stage::working;
    return KeyJob{job_->id, view_.receive.passphrase, header_->passphrase->salt, header_->passphrase->params};
}

void BundleExchange::verified(Workspace& work, const crypto::Identity& me, crypto::VerifiedBundle bundle,
                              const std::optional<Answer>& answer) {
    received_.clear();
    header_.reset();
    const auto decode_then_open = [&](const KeysCheck& check) {
        auto opened = crypto::decode_bundle(bundle);
        if (!opened) return refuse(opened.error());
        this->opened(work, me, std::move(opened).value(), check);
    };
    if (const crypto::TrustedPartner* trusted = trusted_.find_by_keys(bundle.sender)) {
        if (trusted->revoked)
            return refuse("You stopped trusting these keys",
                          "This file is signed with keys you revoked for " + name_of(work, trusted->person) +
                          ". Nothing was taken in. If they set Tandem up again, compare their new fingerprint with "
                          "them, then trust them again.");
        // Sealed to this profile's key: the sender trusts it, so their invitations need no answer any more.
        if (!bundle.invitation && invitations_.forget_received(bundle.sender)) save_invitations(work);
        return decode_then_open({});
    }
    const std::int64_t now = std::max<std::int64_t>(1, work.now_ms);
    // Opened with the passphrase the two agreed: whoever wrote it knew it.
    if (bundle.invitation) {
        invitation_key_ = std::move(*bundle.invitation);
        return decode_then_open({now, crypto::TrustedPartner::Checked::passphrase, std::nullopt, std::nullopt});
    }
    // An answer to an invitation of this profile's: its signer knew that passphrase.
    if (answer) {
        if (const crypto::Invitation* invitation = invitations_.answered(*answer, me.public_keys(), bundle.sender, now))
            return decode_then_open(
                {now, crypto::TrustedPartner::Checked::passphrase, invitation->pairing, invitation->invited});
    }
    // Keys not trusted yet: nothing in the file is decoded until the user
    // has compared the fingerprint.
    ui::ImportView& in = view_.receive;
    in.stage = Stage::verify;
    in.fingerprint = crypto::fingerprint(bundle.sender);
    in.title = "Check who sent this file";
    std::string known;
    if (auto people = work.store.load_all(Kind::person)) {
        for (const Record& person : people.value()) {
            auto code = crypto::parse_sharing_code(person.text(Person::fields::sharing_code));
            if (!person.is_deleted() && code && code.value() == bundle.sender)
                known = person.text(Person::fields::display_name);
        }
    }
    in.text = (known.empty() ? std::string("Tandem does not know who sent this file yet")
                             : "This file says it is from " + known + ", which you have not checked yet") +
              ", so it opens nothing in it until you have checked that it is from your partner.";
    verified_ = std::move(bundle);
}

namespace {

// Whose sharing code, among `members` here or else in `records`, is `keys`.
std::optional<RecordId> member_with_keys(Workspace& work, std::span<const RecordId> members,
                                         std::span<const Record> records, const crypto::PublicKeys& keys) {
    for (const RecordId& member : members) {
        std::string code;
        if (auto local = work.store.load(Kind::person, member); local && local.value())
            code = local.value()->text(Person::fields::sharing_code);
        for (const Record& record : records)
            if (code.empty() && record.kind == Kind::person && record.id == member)
                code = record.text(Person::fields::sharing_code);
        if (auto parsed = crypto::parse_sharing_code(code); parsed && parsed.value() == keys) return member;
    }
    return std::nullopt;
}

}  // namespace

void BundleExchange::opened(Workspace& work, const crypto::Identity& me, crypto::OpenedBundle bundle,
                            const KeysCheck& check) {
    const std::span<const Record> records = bundle.content.records;
    const auto pairing_in_bundle = std::find_if(records.begin(), records.end(), [&](const Record& record) {
        return record.kind == Kind::pairing && record.id == bundle.content.pairing;
    });
    if (pairing_in_bundle == records.end()) return refuse(BundleError::damaged_content);
    auto local_pairing = work.store.load(Kind::pairing, bundle.content.pairing);
    if (!local_pairing) return refuse("The records could not be read", local_pairing.error().message);
    auto pairings = work.store.load_all(Kind::pairing);
    if (!pairings) return refuse("The records could not be read", pairings.error().message);

    PartnerFileFacts facts;
    facts.pairing_known = local_pairing.value().has_value();
    facts.pairing = facts.pairing_known ? &*local_pairing.value() : &*pairing_in_bundle;
    facts.me = work.me;
    facts.profile_has_pairings = !pairings.value().empty();
    const crypto::TrustedPartner* trusted = trusted_.find_by_keys(bundle.sender);
    if (trusted && !trusted->revoked) facts.trusted_signer = trusted->person;
    facts.keys_checked = check.at_ms != 0;
    facts.answered_pairing = check.answered_pairing;
    facts.answered_person = check.answered_person;
    const std::vector<RecordId> members = pairing_members(*facts.pairing);
    facts.member_with_signer_keys = member_with_keys(work, members, records, bundle.sender);
    facts.member_with_my_keys = member_with_keys(work, members, records, me.public_keys());
    auto admitted = admit_partner_file(facts);
    if (!admitted) return refuse_admission(work, admitted.error(), *facts.pairing, records, trusted);
    const PartnerFileAdmission& admission = admitted.value();

    ui::ImportView& in = view_.receive;
    const bool vouched = facts.keys_checked && check.how == crypto::TrustedPartner::Checked::passphrase;
    // A passphrase never replaces keys on record for someone, revoked or
    // not: that takes comparing fingerprints, as a key change always does.
    if (vouched && trusted_.find_by_person(admission.sender))
        return ask_for_fingerprint(std::move(bundle), name_of(work, admission.sender, records));
    // Files about the pairing from someone trusted already: the invitations
    // sent for it need no answer any more.
    if (facts.trusted_signer && invitations_.forget_sent(bundle.content.pairing)) save_invitations(work);
    sender_ = admission.sender;
    link_ = admission.link;
    link_confirmed_ = false;
    in.keys_changed = in.revoked_before = false;
    if (!facts.trusted_signer) {
        if (const crypto::TrustedPartner* earlier = trusted_.find_by_person(*sender_)) {
            in.keys_changed = earlier->keys != bundle.sender;
            in.revoked_before = earlier->revoked;
        }
    }
    in.link_question = link_ ? link_question_text(work, *facts.pairing, *link_, *sender_, records) : "";
    pending_trust_.reset();
    if (admission.trust_sender && vouched) {
        pending_trust_ = PendingTrust{*sender_, bundle.sender, check.at_ms, bundle.content.pairing, check.answered_pairing,
                                      std::move(invitation_key_)};
    } else if (admission.trust_sender) {
        trusted_.trust(*sender_, bundle.sender, check.at_ms, check.how);
        save_trust(work);
    }
    invitation_key_.reset();
    in.stage = Stage::preview;
    const std::string sender_name = name_of(work, *sender_, records);
    in.title = "From " + sender_name;
    in.text = "The records of " + pairing_title(work, *facts.pairing, records) + ".";
    in.trust_note = admission.trust_sender && vouched ? trust_note_text(sender_name, check.answered_pairing.has_value())
                                                      : "";
    in.fingerprint = crypto::fingerprint(bundle.sender);
    bundle_ = std::move(bundle);
    preview(work);
}

void BundleExchange::ask_for_fingerprint(crypto::OpenedBundle bundle, const std::string& sender_name) {
    invitation_key_.reset();
    ui::ImportView& in = view_.receive;
    in.stage = Stage::verify;
    in.title = "Check who sent this file";
    in.fingerprint = crypto::fingerprint(bundle.sender);
    in.text = "This file came with a passphrase, but you trust other keys for " + sender_name +
              ", so Tandem takes nothing in from it until you have checked that it is from them.";
    awaiting_ = std::move(bundle);
}

void BundleExchange::refuse_admission(Workspace& work, AdmissionRefusal refusal, const Record& pairing,
                                      std::span<const Record> records, const crypto::TrustedPartner* signer) {
    if (refusal == AdmissionRefusal::sender_unknown) return refuse(BundleError::damaged_content);
    const FileRefusalText text = admission_refusal_text(refusal, pairing_title(work, pairing, records),
                                                        signer ? name_of(work, signer->person) : "someone");
    refuse(text.title, text.text);
}

void BundleExchange::show_import(const PartnerImport& outcome) {
    ui::ImportView& in = view_.receive;
    in.summary = merge_summary(outcome.merge);
    in.left_out_title.clear();
    in.left_out.clear();
    if (outcome.refused.empty()) return;
    std::array<std::size_t, refusal_reasons> counts{};
    for (const RefusedRecord& refused : outcome.refused) ++counts[static_cast<std::size_t>(refused.reason)];
    if (outcome.merge.inserted + outcome.merge.updated + outcome.merge.conflicts == 0)
        in.summary = "Nothing new that this file may bring in.";
    in.left_out_title = "Left out, because a partner's file may not change " +
                        std::string(outcome.refused.size() == 1 ? "it:" : "them:");
    for (std::size_t reason = 0; reason < counts.size(); ++reason)
        if (counts[reason]) in.left_out.push_back(refusal_text(static_cast<Refusal>(reason), counts[reason]));
}

void BundleExchange::preview(Workspace& work) {
    ui::ImportView& in = view_.receive;
    in.can_apply = false;
    if (!bundle_ || !sender_ || !work.context) return;
    const PartnerScope scope{bundle_->content.pairing, *sender_, link_.value_or(RecordId{})};
    auto outcome = take_in_from_partner(*work.context, scope, bundle_->content.records, MergeMode::preview);
    if (!outcome) {
        in.summary.clear();
        in.text = "These records could not be merged with yours: " + outcome.error().detail;
        return;
    }
    // The person this profile is to become must come in, alive (as the
    // merge will see it, stamps from the future clamped).
    if (link_) {
        const auto& records = bundle_->content.records;
        const std::int64_t now = work.context->clock.wall().now_ms();
        const bool carried = std::any_of(records.begin(), records.end(), [&](const Record& record) {
            if (record.kind != Kind::person || record.id != *link_) return false;
            Record as_merged = record;
            clamp_future_stamps(as_merged, now);
            return !as_merged.is_deleted();
        });
        const auto& refused = outcome.value().refused;
        const bool left_out = std::any_of(refused.begin(), refused.end(),
                                          [&](const RefusedRecord& record) { return record.id == *link_; });
        if (!carried || left_out)
            return refuse("Tandem cannot take this file in",
                          "It names you as someone it does not bring with it, so nothing was taken in. Ask your "
                          "partner to send it again.");
    }
    show_import(outcome.value());
    in.can_apply = !link_ || link_confirmed_;
}

void BundleExchange::trust_sender(Workspace& work, const crypto::Identity& me, std::int64_t now_ms) {
    if (view_.receive.stage != Stage::verify) return;
    if (awaiting_) {
        crypto::OpenedBundle bundle = std::move(*awaiting_);
        awaiting_.reset();
        return opened(work, me, std::move(bundle),
                      {std::max<std::int64_t>(1, now_ms), crypto::TrustedPartner::Checked::fingerprint, std::nullopt,
                       std::nullopt});
    }
    if (!verified_) return;
    const crypto::VerifiedBundle bundle = std::move(*verified_);
    verified_.reset();
    auto opened = crypto::decode_bundle(bundle);
    if (!opened) return refuse(opened.error());
    this->opened(work, me, std::move(opened).value(),
                 {std::max<std::int64_t>(1, now_ms), crypto::TrustedPartner::Checked::fingerprint, std::nullopt,
                  std::nullopt});
}

void BundleExchange::confirm_link(Workspace& work) {
    if (!bundle_ || !link_) return;
    link_confirmed_ = true;
    view_.receive.link_question.clear();
    preview(work);
}

std::optional<RecordId> BundleExchange::apply_import(Workspace& work) {
    ui::ImportView& in = view_.receive;
    if (!bundle_ || !sender_ || !in.can_apply || !work.context) return std::nullopt;
    const PartnerScope scope{bundle_->content.pairing, *sender_, link_.value_or(RecordId{})};
    auto outcome = take_in_from_partner(*work.context, scope, bundle_->content.records);
    if (!outcome) {
        in.text = "These records could not be merged with yours, so nothing changed: " + outcome.error().detail;
        bundle_.reset();
        in.can_apply = false;
        return std::nullopt;
    }
    if (pending_trust_) {
        PendingTrust& trust = *pending_trust_;
        trusted_.trust(trust.person, trust.keys, trust.at_ms, crypto::TrustedPartner::Checked::passphrase);
        save_trust(work);
        if (trust.answered_pairing) invitations_.forget_sent(*trust.answered_pairing);
        if (trust.invitation) invitations_.received(trust.pairing, trust.keys, std::move(*trust.invitation), trust.at_ms);
        save_invitations(work);
        pending_trust_.reset();
    }
    in.stage = Stage::done;
    in.title = "Taken in from " + name_of(work, *sender_);
    show_import(outcome.value());
    in.text = outcome.value().merge.conflicts
                  ? "You both changed some text at the same time: both versions are shown below, to keep one or both."
                  : "";
    in.can_apply = false;
    taken_in_ = bundle_->content.pairing;
    const std::optional<RecordId> becomes_me = link_;
    bundle_.reset();
    link_.reset();
    return becomes_me;
}

void BundleExchange::cancel_import() {
    if (job_ && job_->purpose == JobFor::receiving) job_.reset();
    view_.receive = {};
    received_.clear();
    header_.reset();
    verified_.reset();
    invitation_key_.reset();
    awaiting_.reset();
    pending_trust_.reset();
    bundle_.reset();
    sender_.reset();
    link_.reset();
    link_confirmed_ = false;
}

// [SECTION] Both

ExportStep BundleExchange::key_derived(Workspace& work, const crypto::Identity& me, std::uint64_t id,
                                       Result<crypto::SecretKey, BundleError> key, std::int64_t now_ms) {
    if (!job_ || job_->id != id) return std::monostate{};  // cancelled meanwhile
    const Job job = *job_;
    job_.reset();
    expected_job_ms_ = std::max<std::int64_t>(100, now_ms - job.started_ms);
    if (job.purpose == JobFor::sending) {
        view_.send.working = false;
        if (!key) {
            view_.send.problem = bundle_error_text(key.error()).text;
            return std::monostate{};
        }
        const crypto::SecretKey file_key = crypto::new_file_key();
        const crypto::Stanza stanza = crypto::passphrase_stanza(file_key, key.value(), salt_, crypto::default_kdf_params);
        return finish_export(work, me, file_key, std::span(&stanza, 1), now_ms);
    }
    if (!key) {
        refuse(key.error());
        return std::monostate{};
    }
    auto bundle = crypto::verify_bundle(received_, *header_, key.value());
    if (!bundle) {
        if (bundle.error() == BundleError::not_for_you) {
            view_.receive.stage = Stage::passphrase;  // type it again
            view_.receive.text = "That is not the passphrase this file was locked with. Check it with your partner: "
                                 "capitals and spaces count.";
            return std::monostate{};
        }
        refuse(bundle.error());
        return std::monostate{};
    }
    view_.receive.passphrase.clear();  // not kept longer than needed
    verified(work, me, std::move(bundle).value(), std::nullopt);
    return std::monostate{};
}

void BundleExchange::ask_to_trust_again(const RecordId& person) {
    if (person.is_nil()) trusting_again_.reset();
    else trusting_again_ = person;
}

bool BundleExchange::reverify(Workspace& work, const RecordId& person, std::int64_t now_ms) {
    const crypto::TrustedPartner* partner = trusted_.find_by_person(person);
    if (!partner) return false;
    // Revoked keys are trusted again only after a new comparison.
    if (partner->revoked && trusting_again_ != person) return false;
    trusting_again_.reset();
    trusted_.trust(person, crypto::PublicKeys(partner->keys), now_ms);
    save_trust(work);
    return true;
}

bool BundleExchange::revoke(Workspace& work, const RecordId& person) {
    if (!trusted_.revoke(person)) return false;
    save_trust(work);
    return true;
}

ui::ShareView BundleExchange::view(std::int64_t now_ms) const {
    ui::ShareView shown = view_;
    if (job_) {
        const auto elapsed = static_cast<float>(now_ms - job_->started_ms);
        const float fraction = std::min(0.95f, elapsed / static_cast<float>(expected_job_ms_));
        shown.send.progress = shown.receive.progress = fraction;
    }
    return shown;
}

}  // namespace tandem::app
