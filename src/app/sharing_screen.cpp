#include "app/sharing_screen.hpp"

#include <algorithm>

#include "core/record_binding.hpp"

namespace tandem::app {

void SharingScreen::handle(Workspace& work, const crypto::Identity&, const ui::BeginExport& begin) {
    exchange_.begin_export(work, begin.pairing);
    work.navigator.go_to(ui::Screen::share);
}

void SharingScreen::handle(Workspace& work, const crypto::Identity&, const ui::EditExport& edit) {
    exchange_.edit_export(work, edit);
}

void SharingScreen::handle(Workspace& work, const crypto::Identity&, const ui::SuggestPassphrase&) {
    exchange_.suggest_passphrase(work.random);
}

void SharingScreen::handle(Workspace& work, const crypto::Identity& me, const ui::WriteExport&) {
    sent(work, exchange_.write_export(work, me, work.now_ms));
}

void SharingScreen::handle(Workspace&, const crypto::Identity&, const ui::EditImportPassphrase& typed) {
    exchange_.edit_import_passphrase(typed.passphrase);
}

void SharingScreen::handle(Workspace& work, const crypto::Identity&, const ui::OpenWithPassphrase&) {
    if (auto job = exchange_.open_with_passphrase(work.now_ms)) sent(work, std::move(*job));
}

void SharingScreen::handle(Workspace& work, const crypto::Identity& me, const ui::TrustSender&) {
    exchange_.trust_sender(work, me, work.now_ms);
}

void SharingScreen::handle(Workspace& work, const crypto::Identity&, const ui::ConfirmLink&) {
    exchange_.confirm_link(work);
}

void SharingScreen::handle(Workspace& work, const crypto::Identity&, const ui::ApplyImport&) {
    if (auto becomes_me = exchange_.apply_import(work)) work.navigator.became(*becomes_me);
    if (exchange_.pairing_taken_in()) work.navigator.select(Destination{ui::Screen::pairings, *exchange_.pairing_taken_in()});
}

void SharingScreen::handle(Workspace&, const crypto::Identity&, const ui::CancelImport&) { exchange_.cancel_import(); }

void SharingScreen::handle(Workspace& work, const crypto::Identity&, const ui::RevokePartner& revoke) {
    if (exchange_.revoke(work, revoke.person)) work.navigator.notice("Their keys are no longer trusted.", false);
}

void SharingScreen::handle(Workspace& work, const crypto::Identity&, const ui::ReverifyPartner& again) {
    if (exchange_.reverify(work, again.person, work.now_ms))
        work.navigator.notice("Their keys are trusted, checked today.", false);
}

void SharingScreen::handle(Workspace&, const crypto::Identity&, const ui::AskToTrustAgain& ask) {
    exchange_.ask_to_trust_again(ask.person);
}

void SharingScreen::sent(Workspace& work, ExportStep step) {
    if (auto* job = std::get_if<KeyJob>(&step)) work.navigator.request(DerivePassphraseKey{std::move(*job)});
    if (auto* file = std::get_if<WrittenBundle>(&step))
        work.navigator.request(DownloadFile{std::move(file->name), std::move(file->bytes), "application/octet-stream"});
}

void SharingScreen::receive(Workspace& work, std::string_view name, std::span<const std::uint8_t> bytes) {
    if (!work.identity) return;
    exchange_.receive(work, *work.identity, name, bytes);
    work.navigator.go_to(ui::Screen::share);
}

void SharingScreen::key_derived(Workspace& work, std::uint64_t id, std::optional<std::array<std::uint8_t, 32>> key) {
    if (!work.identity) return;
    Result<crypto::SecretKey, crypto::BundleError> derived = fail(crypto::BundleError::out_of_memory);
    if (key) {
        crypto::SecretKey secret;
        std::copy(key->begin(), key->end(), secret.bytes().begin());
        std::fill(key->begin(), key->end(), std::uint8_t{0});
        derived = std::move(secret);
    }
    sent(work, exchange_.key_derived(work, *work.identity, id, std::move(derived), work.now_ms));
}

void SharingScreen::progress(std::int64_t now_ms, ui::ShareView& share) const {
    std::vector<ui::ConflictView> conflicts = std::move(share.conflicts);  // ConflictChoices'
    share = exchange_.view(now_ms);
    share.conflicts = std::move(conflicts);
}

void SharingScreen::show(Workspace& work, ui::ShellView& view) const {
    if (view.screen == ui::Screen::share) {
        view.share = exchange_.view(work.now_ms);
        ui::ExportView& send = view.share.send;
        send.since_calendar = date_calendar(work.dates, send.since, DateLean::past);
        send.until_calendar = date_calendar(work.dates, send.until, DateLean::past);
    }
    view.profile.partners = partners(work);
}

std::vector<ui::PartnerKeyView> SharingScreen::partners(Workspace& work) const {
    std::vector<ui::PartnerKeyView> partners;
    for (const crypto::TrustedPartner& partner : exchange_.trusted().all()) {
        ui::PartnerKeyView shown;
        shown.person = partner.person;
        auto person = load<Person>(work.store, partner.person);
        shown.name = person ? person.value().display_name : "Someone no longer in your records";
        shown.fingerprint = crypto::fingerprint(partner.keys);
        shown.revoked = partner.revoked;
        const crypto::TrustedPartner* now_trusted = exchange_.trusted().find_by_person(partner.person);
        shown.can_trust_again = partner.revoked && now_trusted && now_trusted->revoked;
        shown.comparing = shown.can_trust_again && exchange_.trusting_again() == partner.person;
        const std::string day = work.dates.words(CalendarDate::from_unix_ms(partner.verified_at_ms));
        shown.state = partner.revoked ? "Revoked: files signed with these keys are refused"
                      : partner.checked == crypto::TrustedPartner::Checked::passphrase
                          ? "Checked by the passphrase on " + day
                          : "Fingerprints compared on " + day;
        partners.push_back(std::move(shown));
    }
    return partners;
}

}  // namespace tandem::app
