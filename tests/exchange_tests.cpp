// Bundles between two profiles through the app: sending, taking in with its
// preview, first contact by passphrase, trust, and every refusal a user sees.

#include <doctest/doctest.h>

#include <algorithm>
#include <set>

#include "app_devices.hpp"
#include "crypto/bundle_reader.hpp"
#include "crypto/bundle_writer.hpp"
#include "crypto/invitation.hpp"

using namespace tandem;
using namespace tandem::app;
using namespace tandem::testing;

TEST_CASE("coach to coachee to coach: first contact by passphrase, then by key, and the two copies converge") {
    Coach alex;
    edit_pairing_text(alex.app, alex.pairing, Pairing::fields::agreement_shared, "We share meeting notes and steps.");
    alex.app.dispatch(ui::NewMeeting{alex.pairing});
    const RecordId meeting = alex.app.shell_view().meeting.id;
    alex.app.dispatch(ui::EditField{Kind::meeting, meeting, Meeting::fields::grow_goal, "Calmer starts to lessons", {}});

    // Alex's first bundle: Tandem knows no key for Sam, so a passphrase it is.
    alex.app.dispatch(ui::BeginExport{alex.pairing});
    CHECK(alex.app.screen() == ui::Screen::share);
    CHECK_FALSE(alex.sending().partner_key);
    CHECK(alex.sending().partner_name == "Sam Patel");
    CHECK(alex.sending().pairing_title == "Alex Kim coaching Sam Patel");
    alex.app.dispatch(ui::EditExport{1, "too short", 0, "", ""});
    alex.app.dispatch(ui::WriteExport{});
    CHECK_FALSE(alex.sending().passphrase_problem.empty());
    CHECK(alex.serve().empty());
    alex.app.dispatch(ui::EditExport{1, passphrase, 0, "", ""});
    alex.app.dispatch(ui::WriteExport{});
    CHECK(alex.sending().working);
    const std::vector<std::uint8_t> first = alex.serve();
    REQUIRE_FALSE(first.empty());
    CHECK_FALSE(alex.sending().working);
    CHECK(alex.downloaded_name.rfind("tandem-20", 0) == 0);  // when, never who
    CHECK(alex.downloaded_name.ends_with(".tandem"));

    // Sam, a new profile, opens it: a wrong passphrase first.
    Device sam("Sam");
    sam.app.file_opened("tandem-2026-12-07.tandem", first);
    CHECK(sam.app.screen() == ui::Screen::share);
    REQUIRE(sam.receiving().stage == Stage::passphrase);
    sam.app.dispatch(ui::EditImportPassphrase{"maple harbour seven lantern"});
    sam.app.dispatch(ui::OpenWithPassphrase{});
    sam.serve();
    REQUIRE(sam.receiving().stage == Stage::passphrase);
    CHECK(sam.receiving().text.find("not the passphrase") != std::string::npos);
    sam.app.dispatch(ui::EditImportPassphrase{passphrase});
    sam.app.dispatch(ui::OpenWithPassphrase{});
    sam.serve();
    // The passphrase vouches for the keys that signed the file: no fingerprints to read aloud, though
    // they are there for whoever wants to compare them.
    REQUIRE(sam.receiving().stage == Stage::preview);
    CHECK(sam.receiving().title == "From Alex Kim");
    CHECK(sam.receiving().trust_note.find("opened with the passphrase you agreed") != std::string::npos);
    CHECK(sam.receiving().fingerprint == crypto::fingerprint(*alex.app.public_keys()));
    CHECK(sam.receiving().link_question.find("Sam Patel") != std::string::npos);
    CHECK(sam.receiving().summary == "New: 1 meeting, the pairing and 2 people.");
    CHECK(sam.receiving().left_out.empty());
    CHECK_FALSE(sam.receiving().can_apply);  // not until Sam says who they are
    sam.app.dispatch(ui::ConfirmLink{});
    REQUIRE(sam.receiving().can_apply);
    sam.app.dispatch(ui::ApplyImport{});
    REQUIRE(sam.receiving().stage == Stage::done);
    CHECK(sam.receiving().title == "Taken in from Alex Kim");
    // Sam is now the pairing's coachee, by the name Alex gave.
    CHECK(sam.app.shell_view().profile.name.text == "Sam Patel");
    // Sam's copy of Sam now carries Sam's sharing code, which Alex learns from Sam's reply.

    // Both edit; Sam answers with Alex's key, which Sam now trusts, and the answer proves Sam had the passphrase.
    edit_pairing_text(sam.app, alex.pairing, Pairing::fields::confidentiality, "Nothing leaves the two of us.");
    edit_pairing_text(alex.app, alex.pairing, Pairing::fields::agreement_shared, "Notes, steps and the timeline.");
    sam.app.dispatch(ui::BeginExport{alex.pairing});
    CHECK(sam.sending().partner_key);
    CHECK(sam.sending().recipient == 0);
    const std::vector<std::uint8_t> reply = sam.send(alex.pairing);
    REQUIRE_FALSE(reply.empty());
    auto reply_header = crypto::inspect_bundle(reply);
    REQUIRE(reply_header.ok());
    CHECK(reply_header.value().answer.has_value());
    CHECK(reply_header.value().minor == crypto::answer_minor_version);

    alex.app.file_opened("reply.tandem", reply);
    REQUIRE(alex.receiving().stage == Stage::preview);
    CHECK(alex.receiving().title == "From Sam Patel");
    CHECK(alex.receiving().trust_note.find("answered with the passphrase you gave them") != std::string::npos);
    CHECK(alex.receiving().link_question.empty());
    alex.app.dispatch(ui::ApplyImport{});
    REQUIRE(alex.receiving().stage == Stage::done);
    CHECK(pairing_text(alex, alex.pairing, Pairing::fields::confidentiality) == "Nothing leaves the two of us.");
    CHECK(pairing_text(alex, alex.pairing, Pairing::fields::agreement_shared) == "Notes, steps and the timeline.");

    alex.app.dispatch(ui::NavigateTo{ui::Screen::settings});
    REQUIRE(alex.app.shell_view().profile.partners.size() == 1);
    CHECK(alex.app.shell_view().profile.partners[0].state.rfind("Checked by the passphrase on ", 0) == 0);
    // Sam has Tandem now: Sam's name is Sam's to change, and Alex's People form shows it to read.
    const RecordId sam_here = alex.app.shell_view().profile.partners[0].person;
    alex.app.dispatch(ui::NavigateTo{ui::Screen::people});
    alex.app.dispatch(ui::SelectPerson{sam_here});
    const auto& fields = alex.app.shell_view().people.form.fields;
    const auto name_field = std::find_if(fields.begin(), fields.end(), [](const ui::FormField& field) {
        return field.field == Person::fields::display_name;
    });
    REQUIRE(name_field != fields.end());
    CHECK(name_field->read_only);
    const auto subject_field = std::find_if(fields.begin(), fields.end(), [](const ui::FormField& field) {
        return field.field == Person::fields::subject;
    });
    REQUIRE(subject_field != fields.end());
    CHECK_FALSE(subject_field->read_only);

    // Alex's next bundle is sealed to Sam's key, and brings Sam level; Sam then knows Alex trusts
    // Sam's key, and answers no more.
    sam.take_in(alex.send(alex.pairing));
    CHECK(alex.sending().partner_key);
    CHECK(sam.share(alex.pairing) == alex.share(alex.pairing));
    CHECK_FALSE(crypto::inspect_bundle(sam.send(alex.pairing)).value().answer.has_value());

    // The same bundle again changes nothing; an old one overwrites nothing.
    sam.app.file_opened("again.tandem", reply);
    CHECK(sam.receiving().stage == Stage::refused);  // Sam's own bundle: sealed to Alex, not to Sam
    alex.app.file_opened("again.tandem", reply);
    REQUIRE(alex.receiving().stage == Stage::preview);
    CHECK(alex.receiving().summary == "Nothing new: you have everything in this file already.");
    sam.app.file_opened("old.tandem", first);
    sam.app.dispatch(ui::EditImportPassphrase{passphrase});
    sam.app.dispatch(ui::OpenWithPassphrase{});
    sam.serve();
    REQUIRE(sam.receiving().stage == Stage::preview);
    CHECK(sam.receiving().summary == "Nothing new: you have everything in this file already.");
    CHECK(pairing_text(sam, alex.pairing, Pairing::fields::agreement_shared) == "Notes, steps and the timeline.");
}

TEST_CASE("the same text changed on both sides at once is kept, and counted as a conflict") {
    Coach alex;
    Device sam("Sam");
    sam.take_in(alex.send(alex.pairing));
    alex.take_in(sam.send(alex.pairing));
    edit_pairing_text(alex.app, alex.pairing, Pairing::fields::agreement_shared, "Alex's wording");
    edit_pairing_text(sam.app, alex.pairing, Pairing::fields::agreement_shared, "Sam's wording");
    const std::vector<std::uint8_t> from_sam = sam.send(alex.pairing);
    alex.app.file_opened("from-sam.tandem", from_sam);
    REQUIRE(alex.receiving().stage == Stage::preview);
    // Sam's edit wins unless both fell in one millisecond and Alex's site is the greater: a conflict either way.
    CHECK(alex.receiving().summary.ends_with("1 text written on both sides at once: both versions are kept."));
    CHECK(alex.receiving().left_out.empty());
    alex.app.dispatch(ui::ApplyImport{});
    CHECK(alex.receiving().text.find("both versions are shown below") != std::string::npos);
    sam.take_in(alex.send(alex.pairing));
    CHECK(sam.share(alex.pairing) == alex.share(alex.pairing));
}

TEST_CASE("refusals a person sees: damaged, cut short, for someone else, revoked, not their pairing") {
    Coach alex;
    Device sam("Sam");
    const std::vector<std::uint8_t> first = alex.send(alex.pairing);
    sam.take_in(first);
    alex.take_in(sam.send(alex.pairing));
    const std::vector<std::uint8_t> sealed_to_sam = alex.send(alex.pairing);
    REQUIRE(alex.sending().recipient == 0);

    std::vector<std::uint8_t> cut(sealed_to_sam.begin(), sealed_to_sam.end() - 10);
    sam.app.file_opened("cut.tandem", cut);
    CHECK(sam.receiving().title == "The file is incomplete");
    std::vector<std::uint8_t> changed = sealed_to_sam;
    changed[changed.size() / 2] ^= 0x20;
    sam.app.file_opened("changed.tandem", changed);
    CHECK(sam.receiving().title == "Part of the file was changed");
    std::vector<std::uint8_t> longer = sealed_to_sam;
    longer.push_back(0);
    sam.app.file_opened("longer.tandem", longer);
    CHECK(sam.receiving().title == "Something was added to the file");

    Device priya("Priya Shah");
    priya.app.file_opened("not-mine.tandem", sealed_to_sam);
    CHECK(priya.receiving().stage == Stage::refused);
    CHECK(priya.receiving().title == "Wrong passphrase, or not for you");

    // Priya has pairings of her own: a file about Alex and Sam is not hers, passphrase or not.
    priya.app.dispatch(ui::NavigateTo{ui::Screen::people});
    priya.app.dispatch(ui::EditNewPersonName{"Jo Reed"});
    priya.app.dispatch(ui::AddPerson{});
    priya.app.dispatch(ui::BeginNewPairing{});
    priya.app.dispatch(ui::EditNewPairing{1, 0, "2026-09-01"});
    priya.app.dispatch(ui::CreatePairing{});
    priya.app.file_opened("theirs.tandem", first);
    priya.app.dispatch(ui::EditImportPassphrase{passphrase});
    priya.app.dispatch(ui::OpenWithPassphrase{});
    priya.serve();
    CHECK(priya.receiving().title == "Not a pairing of yours");
    priya.app.dispatch(ui::NavigateTo{ui::Screen::settings});
    CHECK(priya.app.shell_view().profile.partners.empty());  // a refused file's signer is not trusted

    // Sam stops trusting Alex's keys: Alex's files are refused from then on.
    sam.app.dispatch(ui::NavigateTo{ui::Screen::settings});
    REQUIRE(sam.app.shell_view().profile.partners.size() == 1);
    CHECK(sam.app.shell_view().profile.partners[0].name == "Alex Kim");
    CHECK(sam.app.shell_view().profile.partners[0].state.rfind("Checked by the passphrase on ", 0) == 0);
    sam.app.dispatch(ui::RevokePartner{sam.app.shell_view().profile.partners[0].person});
    CHECK(sam.app.shell_view().profile.partners[0].revoked);
    sam.app.file_opened("after.tandem", sealed_to_sam);
    CHECK(sam.receiving().title == "You stopped trusting these keys");
    // Trusting them again takes a new comparison of the fingerprint.
    sam.app.dispatch(ui::NavigateTo{ui::Screen::settings});
    const RecordId alex_here = sam.app.shell_view().profile.partners[0].person;
    sam.app.dispatch(ui::ReverifyPartner{alex_here});
    CHECK(sam.app.shell_view().profile.partners[0].revoked);
    CHECK(sam.app.shell_view().profile.partners[0].can_trust_again);
    sam.app.dispatch(ui::AskToTrustAgain{alex_here});
    CHECK(sam.app.shell_view().profile.partners[0].comparing);
    sam.app.dispatch(ui::ReverifyPartner{alex_here});
    CHECK_FALSE(sam.app.shell_view().profile.partners[0].revoked);
    sam.app.file_opened("again.tandem", sealed_to_sam);
    REQUIRE(sam.receiving().stage == Stage::preview);
}

TEST_CASE("a text written on both sides at once is shown with its other version, to keep, replace or combine") {
    Coach alex;
    Device sam("Sam");
    sam.take_in(alex.send(alex.pairing));
    alex.take_in(sam.send(alex.pairing));
    const auto both_edit = [&](const char* at_alex, const char* at_sam) {
        edit_pairing_text(alex.app, alex.pairing, Pairing::fields::agreement_shared, at_alex);
        edit_pairing_text(sam.app, alex.pairing, Pairing::fields::agreement_shared, at_sam);
        alex.take_in(sam.send(alex.pairing));
        REQUIRE(alex.app.shell_view().share.conflicts.size() == 1);
        return alex.app.shell_view().share.conflicts[0];
    };

    const ui::ConflictView first = both_edit("Alex's wording", "Sam's wording");
    CHECK(first.where == "Pairing: What you share");
    // The later edit is the one kept (in one millisecond, the greater site's); the other is shown beside it.
    CHECK(std::set<std::string>{first.shown, first.other} == std::set<std::string>{"Alex's wording", "Sam's wording"});
    alex.app.dispatch(ui::ResolveConflict{first.conflict, ui::ConflictChoice::keep_both});
    CHECK(alex.app.shell_view().share.conflicts.empty());
    CHECK(pairing_text(alex, alex.pairing, Pairing::fields::agreement_shared) == first.shown + "\n\n" + first.other);

    const ui::ConflictView second = both_edit("Alex again", "Sam again");
    alex.app.dispatch(ui::ResolveConflict{second.conflict, ui::ConflictChoice::use_other});
    // Which of two edits in the same millisecond is kept is the site's to break: either way the other replaces it.
    CHECK(pairing_text(alex, alex.pairing, Pairing::fields::agreement_shared) == second.other);
    // The choice travels to the partner as an ordinary edit, with no new conflict.
    sam.app.file_opened("choice.tandem", alex.send(alex.pairing));
    REQUIRE(sam.receiving().stage == Stage::preview);
    CHECK(sam.receiving().summary == "Changed: the pairing.");

    const ui::ConflictView third = both_edit("Alex's last", "Sam's last");
    alex.app.dispatch(ui::ResolveConflict{third.conflict, ui::ConflictChoice::keep_shown});
    CHECK(alex.app.shell_view().share.conflicts.empty());
    CHECK(pairing_text(alex, alex.pairing, Pairing::fields::agreement_shared) == third.shown);
}

TEST_CASE("sending only what changed since a date: the date is checked before anything is written") {
    Coach alex;
    alex.app.dispatch(ui::BeginExport{alex.pairing});
    alex.app.dispatch(ui::EditExport{1, passphrase, 1, "", ""});
    CHECK(alex.sending().since_problem.empty());  // nothing typed yet: no complaint
    alex.app.dispatch(ui::EditExport{1, passphrase, 1, "last week", ""});
    CHECK_FALSE(alex.sending().since_problem.empty());
    alex.app.dispatch(ui::WriteExport{});
    CHECK_FALSE(alex.sending().working);  // no key made for a file that cannot be written
    CHECK(alex.serve().empty());
    alex.app.dispatch(ui::EditExport{1, passphrase, 1, "2000-01-01", "1999-12-31"});
    CHECK_FALSE(alex.sending().until_problem.empty());
    alex.app.dispatch(ui::EditExport{1, passphrase, 1, "2000-01-01", "2000-12-31"});
    CHECK(alex.sending().until_problem.empty());
    // Nothing was edited in 2000: the pairing and its people only.
    CHECK(alex.sending().contents == "The pairing and who is in it; nothing written in it yet.");
    alex.app.dispatch(ui::EditExport{1, passphrase, 1, "2000-01-01", ""});
    CHECK(alex.sending().since_problem.empty());
    CHECK(alex.sending().contents == "The pairing and who is in it; nothing written in it yet.");
    alex.app.dispatch(ui::WriteExport{});
    CHECK_FALSE(alex.serve().empty());
}

TEST_CASE("a shared meeting written and deleted before sending travels as a bare tombstone, without its words") {
    Coach alex;
    Device sam("Sam");
    sam.take_in(alex.send(alex.pairing));
    alex.take_in(sam.send(alex.pairing));
    alex.app.dispatch(ui::NewMeeting{alex.pairing});
    const RecordId meeting = alex.app.shell_view().meeting.id;
    alex.app.dispatch(ui::EditField{Kind::meeting, meeting, Meeting::fields::shared_notes, "Words typed in haste", {}});
    alex.app.dispatch(ui::DeleteRecord{Kind::meeting, meeting});

    const std::vector<std::uint8_t> file = alex.send(alex.pairing);
    RecordsCopy sams = sam.records();
    const auto keys = crypto::Identity::from_secrets(*sams.records->local_bytes("identity.box_secret").value(),
                                                     *sams.records->local_bytes("identity.sign_secret").value());
    const auto verified = crypto::verify_bundle(file, crypto::inspect_bundle(file).value(), keys.value());
    REQUIRE(verified.ok());
    const std::string content(verified.value().content.begin(), verified.value().content.end());
    CHECK(content.find("Words typed in haste") == std::string::npos);
    const auto opened = crypto::decode_bundle(verified.value()).value();
    const auto sent = std::find_if(opened.content.records.begin(), opened.content.records.end(),
                                   [&](const Record& record) { return record.id == meeting; });
    REQUIRE(sent != opened.content.records.end());
    CHECK(is_bare_tombstone(*sent));

    // Sam learns it was deleted, and has nothing of it to bring back.
    sam.take_in(file);
    RecordsCopy after = sam.records();
    const auto held = after.records->load(Kind::meeting, meeting).value();
    REQUIRE(held.has_value());
    CHECK(held->is_deleted());
    CHECK(is_bare_tombstone(*held));
}

TEST_CASE("a downloaded copy of the records carries no secret key and no trust list") {
    Coach alex;
    Device sam("Sam");
    sam.take_in(alex.send(alex.pairing));
    RecordsCopy held = sam.records();
    const auto box = held.records->local_bytes("identity.box_secret").value();
    const auto sign = held.records->local_bytes("identity.sign_secret").value();
    REQUIRE(box.has_value());
    REQUIRE(sign.has_value());
    REQUIRE(held.records->local_bytes(BundleExchange::trust_state_key).value().has_value());
    const std::vector<std::uint8_t> whole = held.records->database().image();
    REQUIRE(std::search(whole.begin(), whole.end(), box->begin(), box->end()) != whole.end());  // what a raw copy held

    sam.app.dispatch(ui::ExportRecords{});
    sam.serve();
    REQUIRE(sam.downloaded.size() > 4096);
    const auto holds = [&](const std::vector<std::uint8_t>& secret) {
        return std::search(sam.downloaded.begin(), sam.downloaded.end(), secret.begin(), secret.end()) !=
               sam.downloaded.end();
    };
    CHECK_FALSE(holds(*box));
    CHECK_FALSE(holds(*sign));
    CHECK_FALSE(holds(std::vector<std::uint8_t>(sign->begin(), sign->begin() + 32)));  // the seed half alone

    // It opens with SQLite and holds the records.
    auto copy = store::Database::open_image(sam.downloaded);
    REQUIRE(copy.ok());
    auto records = store::SqliteRecordStore::open(std::move(copy).value());
    REQUIRE(records.ok());
    CHECK(records.value()->load(Kind::pairing, alex.pairing).value().has_value());
    CHECK_FALSE(records.value()->local_bytes("identity.box_secret").value().has_value());
    CHECK_FALSE(records.value()->local_bytes(BundleExchange::trust_state_key).value().has_value());
}

TEST_CASE("a shared reflection deleted on one side is deleted on the other: its bare tombstone says which pairing it was of") {
    Coach alex;
    Device sam("Sam");
    sam.take_in(alex.send(alex.pairing));
    alex.take_in(sam.send(alex.pairing));
    sam.app.dispatch(ui::NewReflection{alex.pairing});
    sam.app.dispatch(ui::EditReflection{0, false, "What went well today"});
    const RecordId reflection = sam.app.shell_view().reflection.id;
    REQUIRE_FALSE(reflection.is_nil());
    alex.take_in(sam.send(alex.pairing));
    sam.app.dispatch(ui::DeleteRecord{Kind::reflection, reflection});
    alex.take_in(sam.send(alex.pairing));  // requires nothing left out
    RecordsCopy here = alex.records();
    const auto held = here.records->load(Kind::reflection, reflection).value();
    REQUIRE(held.has_value());
    CHECK(held->is_deleted());
}

TEST_CASE("a coachee who starts coaching someone new sends a file the new coachee takes in whole") {
    Coach alex;
    Device sam("Sam");
    sam.take_in(alex.send(alex.pairing));  // Sam is now Sam Patel, a person Alex's Tandem wrote
    sam.app.dispatch(ui::NavigateTo{ui::Screen::people});
    sam.app.dispatch(ui::EditNewPersonName{"Jo Reed"});
    sam.app.dispatch(ui::AddPerson{});
    sam.app.dispatch(ui::NavigateTo{ui::Screen::pairings});
    sam.app.dispatch(ui::BeginNewPairing{});
    sam.app.dispatch(ui::EditNewPairing{2, 1, "2026-10-01"});  // Sam Patel coaching Jo Reed (Alex Kim, Jo Reed, Sam Patel)
    sam.app.dispatch(ui::CreatePairing{});
    const RecordId with_jo = *sam.app.shell_view().pairings.selected;
    REQUIRE(with_jo != alex.pairing);
    Device jo("Jo");
    jo.take_in(sam.send(with_jo));  // requires nothing left out
    CHECK(jo.app.shell_view().profile.name.text == "Jo Reed");
}

TEST_CASE("the coachee reads what the coach wrote, writes what the pair writes together, and deletes only their own") {
    Coach alex;
    alex.app.dispatch(ui::NewMeeting{alex.pairing});
    const RecordId meeting = alex.app.shell_view().meeting.id;
    alex.app.dispatch(ui::EditField{Kind::meeting, meeting, Meeting::fields::grow_goal, "Calmer starts", {}});
    alex.app.dispatch(ui::NewObservation{alex.pairing});
    const RecordId visit = alex.app.shell_view().observation.id;
    alex.app.dispatch(ui::EditNewTally{"Cold calls"});
    alex.app.dispatch(ui::AddTally{visit});
    REQUIRE(alex.app.shell_view().observation.tallies.size() == 1);
    const RecordId tally = alex.app.shell_view().observation.tallies[0].id;
    alex.app.dispatch(ui::CountTally{tally, 1});
    Device sam("Sam");
    sam.take_in(alex.send(alex.pairing));

    // The coach's own view: the stance with its prompt, everything to write, Delete.
    alex.app.dispatch(ui::OpenMeeting{meeting});
    const ui::MeetingView& coach_view = alex.app.shell_view().meeting;
    CHECK(coach_view.can_delete);
    CHECK_FALSE(coach_view.stance_prompt.empty());
    const auto stance = [](const ui::MeetingView& view) {
        return std::any_of(view.details.fields.begin(), view.details.fields.end(),
                           [](const ui::FormField& field) { return field.field == Meeting::fields::stance; });
    };
    CHECK(stance(coach_view));

    // Sam's: no stance and no advice about Sam; the coach's words to read, the shared notes to write.
    sam.app.dispatch(ui::OpenMeeting{meeting});
    REQUIRE(sam.app.screen() == ui::Screen::meeting);
    const ui::MeetingView& view = sam.app.shell_view().meeting;
    CHECK_FALSE(stance(view));
    CHECK(view.stance_prompt.empty());
    CHECK(view.stage_hint.empty());
    CHECK_FALSE(view.can_delete);
    for (const ui::FormField& field : view.conversation.fields)
        CHECK_MESSAGE(field.read_only == (field.field != Meeting::fields::shared_notes), field.label);
    sam.app.dispatch(ui::EditField{Kind::meeting, meeting, Meeting::fields::shared_notes, "I'll try it on Monday", {}});
    sam.app.dispatch(ui::EditField{Kind::meeting, meeting, Meeting::fields::grow_goal, "Changed by Sam", {}});
    sam.app.dispatch(ui::DeleteRecord{Kind::meeting, meeting});
    RecordsCopy sams = sam.records();
    const Meeting kept = load<Meeting>(*sams.records, meeting).value();
    CHECK(kept.shared_notes == "I'll try it on Monday");
    CHECK(kept.grow_goal == "Calmer starts");
    CHECK_FALSE(kept.meta.deleted);

    // The coach's visit: named for Sam, to read, its tally not Sam's to count.
    sam.app.dispatch(ui::OpenObservation{visit});
    REQUIRE(sam.app.screen() == ui::Screen::observation);
    const ui::ObservationView& visit_view = sam.app.shell_view().observation;
    CHECK(visit_view.title == "Your lesson, visited by Alex Kim");
    CHECK_FALSE(visit_view.own);
    sam.app.dispatch(ui::CountTally{tally, 5});
    RecordsCopy after = sam.records();
    CHECK(load<Tally>(*after.records, tally).value().total == 1);
}

TEST_CASE("a shared reflection may become private until it is first in a file for the partner") {
    Coach alex;
    alex.app.dispatch(ui::NewReflection{alex.pairing});
    alex.app.dispatch(ui::EditReflection{0, false, "They answered more when I waited."});
    const RecordId sent = alex.app.shell_view().reflection.id;
    const auto visibility = [&](const RecordId& id) {
        RecordsCopy here = alex.records();
        return load_record(*here.records, Kind::reflection, id).value().visibility;
    };
    CHECK(alex.app.shell_view().reflection.partner == "Sam Patel");
    CHECK_FALSE(alex.app.shell_view().reflection.privacy_fixed);
    alex.app.dispatch(ui::EditReflection{0, true, "They answered more when I waited."});
    CHECK(visibility(sent) == Visibility::private_to_author);
    alex.app.dispatch(ui::EditReflection{0, false, "They answered more when I waited."});
    CHECK(visibility(sent) == Visibility::shared);

    Device sam("Sam");
    sam.take_in(alex.send(alex.pairing));
    alex.app.dispatch(ui::OpenReflection{sent});
    CHECK(alex.app.shell_view().reflection.privacy_fixed);
    alex.app.dispatch(ui::EditReflection{0, true, "They answered more when I waited."});
    CHECK(visibility(sent) == Visibility::shared);
    CHECK_FALSE(alex.app.shell_view().reflection.private_to_me);
    CHECK(alex.app.shell_view().reflection.problem.find("stays shared") != std::string::npos);

    // One written after the file: still the writer's to make private, and then it never travels.
    alex.app.dispatch(ui::NewReflection{alex.pairing});
    alex.app.dispatch(ui::EditReflection{0, false, "Next time: wait longer."});
    const RecordId later = alex.app.shell_view().reflection.id;
    CHECK_FALSE(alex.app.shell_view().reflection.privacy_fixed);
    alex.app.dispatch(ui::EditReflection{0, true, "Next time: wait longer."});
    CHECK(visibility(later) == Visibility::private_to_author);
    sam.take_in(alex.send(alex.pairing));
    RecordsCopy sams = sam.records();
    CHECK(sams.records->load(Kind::reflection, sent).value().has_value());
    CHECK_FALSE(sams.records->load(Kind::reflection, later).value().has_value());
}

TEST_CASE("an answer vouches only for whoever had the passphrase, only about the pairing invited to, and only once") {
    Coach alex;
    alex.app.dispatch(ui::NavigateTo{ui::Screen::people});
    alex.app.dispatch(ui::EditNewPersonName{"Jo Reed"});
    alex.app.dispatch(ui::AddPerson{});
    alex.app.dispatch(ui::NavigateTo{ui::Screen::pairings});
    alex.app.dispatch(ui::BeginNewPairing{});
    alex.app.dispatch(ui::EditNewPairing{0, 1, "2026-09-01"});  // Alex Kim, Jo Reed, Sam Patel in name order
    alex.app.dispatch(ui::CreatePairing{});
    const RecordId with_jo = *alex.app.shell_view().pairings.selected;
    REQUIRE(with_jo != alex.pairing);
    const std::vector<std::uint8_t> to_sam = alex.send(alex.pairing);
    (void)alex.send(with_jo);

    // The invitation keys Alex keeps: what someone who learnt a passphrase could derive.
    RecordsCopy copy = alex.records();
    auto kept = copy.records->local_bytes(BundleExchange::invitation_state_key);
    REQUIRE(kept.ok());
    REQUIRE(kept.value().has_value());
    auto book = crypto::InvitationBook::decode(*kept.value());
    REQUIRE(book.ok());
    REQUIRE(book.value().all().size() == 2);
    const auto key_for = [&](const RecordId& pairing) -> const crypto::SecretKey& {
        for (const crypto::Invitation& invitation : book.value().all())
            if (invitation.pairing == pairing) return invitation.key;
        FAIL("no invitation for the pairing");
        return book.value().all().front().key;
    };
    const Record pairing_record = copy.records->load(Kind::pairing, alex.pairing).value().value();

    // Mallory's file about Alex and Sam's pairing, answering with `key`.
    const crypto::Identity mallory = crypto::Identity::generate();
    const auto answer_with = [&](const crypto::SecretKey& key) {
        crypto::BundleContent content;
        content.pairing = alex.pairing;
        content.records = {pairing_record};
        const crypto::SecretKey file_key = crypto::new_file_key();
        const std::vector<crypto::Stanza> stanzas{
            crypto::x25519_stanza(file_key, alex.app.public_keys()->box),
            crypto::invitation_answer(key, *alex.app.public_keys(), mallory.public_keys())};
        return crypto::write_bundle(content, mallory, stanzas, file_key).value();
    };

    // Not knowing any passphrase: an answer that answers nothing, so the fingerprint, and nothing read.
    alex.app.file_opened("forged.tandem", answer_with(crypto::invitation_key(crypto::new_file_key())));
    REQUIRE(alex.receiving().stage == Stage::verify);
    CHECK(alex.receiving().summary.empty());
    alex.app.dispatch(ui::CancelImport{});
    // Knowing Jo's passphrase: an answer about Jo's pairing vouches for nothing about Sam's.
    alex.app.file_opened("jo.tandem", answer_with(key_for(with_jo)));
    CHECK(alex.receiving().stage == Stage::refused);
    CHECK(alex.receiving().title == "Not the pairing you invited them to");
    alex.app.dispatch(ui::NavigateTo{ui::Screen::settings});
    CHECK(alex.app.shell_view().profile.partners.empty());

    // Sam answers first: Sam's keys are trusted, and the invitation is used up.
    Device sam("Sam");
    sam.take_in(to_sam);
    alex.app.file_opened("sam.tandem", sam.send(alex.pairing));
    REQUIRE(alex.receiving().stage == Stage::preview);
    CHECK(alex.receiving().title == "From Sam Patel");
    alex.app.dispatch(ui::ApplyImport{});
    REQUIRE(alex.receiving().stage == Stage::done);
    alex.app.file_opened("late.tandem", answer_with(key_for(alex.pairing)));
    CHECK(alex.receiving().stage == Stage::verify);
    alex.app.dispatch(ui::NavigateTo{ui::Screen::settings});
    REQUIRE(alex.app.shell_view().profile.partners.size() == 1);
    CHECK(alex.app.shell_view().profile.partners[0].name == "Sam Patel");
}

TEST_CASE("a suggested passphrase is five everyday words, different each time") {
    Coach alex;
    alex.app.dispatch(ui::BeginExport{alex.pairing});
    std::set<std::string> suggested;
    for (int i = 0; i < 20; ++i) {
        alex.app.dispatch(ui::SuggestPassphrase{});
        const std::string words = alex.sending().passphrase;
        CHECK(std::count(words.begin(), words.end(), ' ') == 4);
        CHECK(std::all_of(words.begin(), words.end(), [](char c) { return c == ' ' || (c >= 'a' && c <= 'z'); }));
        suggested.insert(words);
    }
    CHECK(suggested.size() == 20);
}

TEST_CASE("the preview says what a file brings in the things teachers write: new, changed, deleted") {
    Coach alex;
    Device sam("Sam");
    alex.app.dispatch(ui::NewMeeting{alex.pairing});
    const RecordId first = alex.app.shell_view().meeting.id;
    alex.app.dispatch(ui::EditField{Kind::meeting, first, Meeting::fields::grow_goal, "Calmer starts to lessons", {}});
    sam.take_in(alex.send(alex.pairing));
    alex.take_in(sam.send(alex.pairing));

    alex.app.dispatch(ui::NewMeeting{alex.pairing});
    const RecordId second = alex.app.shell_view().meeting.id;
    alex.app.dispatch(ui::EditField{Kind::meeting, second, Meeting::fields::grow_goal, "Cold call after think time", {}});
    alex.app.dispatch(ui::DeleteRecord{Kind::meeting, first});
    edit_pairing_text(alex.app, alex.pairing, Pairing::fields::agreement_shared, "Notes and steps.");
    sam.app.file_opened("next.tandem", alex.send(alex.pairing));
    REQUIRE(sam.receiving().stage == Stage::preview);
    CHECK(sam.receiving().summary == "New: 1 meeting. Changed: the pairing. Deleted by your partner: 1 meeting.");
}

TEST_CASE("a passphrase never replaces keys already trusted, and trusts nothing until the records are taken in") {
    Coach alex;
    Device sam("Sam");
    const std::vector<std::uint8_t> first = alex.send(alex.pairing);
    const auto open_with_passphrase = [&](const std::vector<std::uint8_t>& bytes) {
        sam.app.file_opened("locked.tandem", bytes);
        REQUIRE(sam.receiving().stage == Stage::passphrase);
        sam.app.dispatch(ui::EditImportPassphrase{passphrase});
        sam.app.dispatch(ui::OpenWithPassphrase{});
        sam.serve();
    };
    // Not now: the passphrase vouched for Alex's keys, but nothing is kept.
    open_with_passphrase(first);
    REQUIRE(sam.receiving().stage == Stage::preview);
    sam.app.dispatch(ui::CancelImport{});
    sam.app.dispatch(ui::NavigateTo{ui::Screen::settings});
    CHECK(sam.app.shell_view().profile.partners.empty());

    sam.take_in(first);
    alex.take_in(sam.send(alex.pairing));

    // Mallory learnt a passphrase Sam will type, and sends a file about the pairing, signed with her keys.
    RecordsCopy copy = sam.records();
    const Record pairing_record = copy.records->load(Kind::pairing, alex.pairing).value().value();
    const crypto::Identity mallory = crypto::Identity::generate();
    crypto::BundleContent content;
    content.pairing = alex.pairing;
    content.records = {pairing_record};
    const crypto::SecretKey file_key = crypto::new_file_key();
    const auto salt = crypto::new_passphrase_salt();
    const crypto::KdfParams cheap{1, 8 * 1024};
    const crypto::Stanza locked =
        crypto::passphrase_stanza(file_key, crypto::derive_passphrase_key(passphrase, salt, cheap).value(), salt, cheap);
    open_with_passphrase(crypto::write_bundle(content, mallory, std::span(&locked, 1), file_key).value());
    // Alex's keys are on record: the passphrase does not replace them; the fingerprint decides.
    REQUIRE(sam.receiving().stage == Stage::verify);
    CHECK(sam.receiving().text.find("you trust other keys for Alex Kim") != std::string::npos);
    CHECK(sam.receiving().fingerprint == crypto::fingerprint(mallory.public_keys()));
    CHECK(sam.receiving().summary.empty());
    sam.app.dispatch(ui::CancelImport{});
    sam.app.dispatch(ui::BeginExport{alex.pairing});
    CHECK(sam.sending().partner_fingerprint == crypto::fingerprint(*alex.app.public_keys()));
}
