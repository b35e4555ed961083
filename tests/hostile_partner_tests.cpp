// A hostile partner: bundles built with the real writer, signed by a partner
// the victim trusted at first contact, and taken in through the app as a
// user would. After each one, nothing outside the pairing, no starter entry,
// no private record and not the victim's own person has changed, no
// record's metadata was rewritten, and the preview named what was left out.

#include <doctest/doctest.h>

#include <algorithm>
#include <functional>
#include <limits>
#include <map>
#include <set>

#include "app_devices.hpp"
#include "core/partner_authority.hpp"
#include "crypto/bundle_reader.hpp"
#include "crypto/bundle_writer.hpp"
#include "store/field_conflicts.hpp"

using namespace tandem;
using namespace tandem::testing;

namespace {

constexpr SiteId mallory_site = 0x4D414C4C4F5259;

std::optional<RecordId> reference_in(const Record& record, FieldIndex field) {
    const auto* id = std::get_if<RecordId>(&record.field(field).value);
    return id ? std::optional<RecordId>(*id) : std::nullopt;
}

// The pairing a record belongs to, worked out here without the code under test.
std::optional<RecordId> pairing_of(store::SqliteRecordStore& records, const Record& record) {
    if (record.kind == Kind::pairing) return record.id;
    for (const FieldSpec& field : kind_spec(record.kind).fields) {
        if (field.shape.type != FieldType::reference) continue;
        if (field.shape.target == Kind::pairing) return reference_in(record, field.index);
    }
    for (const FieldSpec& field : kind_spec(record.kind).fields) {
        if (!field.is_anchor() || field.shape.target == Kind::person) continue;
        const auto parent_id = reference_in(record, field.index);
        if (!parent_id) return std::nullopt;
        auto parent = records.load(field.shape.target, *parent_id).value();
        return parent ? pairing_of(records, *parent) : std::nullopt;
    }
    return std::nullopt;
}

std::vector<Record> every_record(store::SqliteRecordStore& records) {
    std::vector<Record> all;
    for (const Kind kind : all_kinds())
        for (Record& record : records.load_all(kind).value()) all.push_back(std::move(record));
    return all;
}

// Alex coaches Sam (the attacker) and Priya. Alex trusted Sam's keys at
// first contact. Built once; each test starts from a copy of Alex's device.
struct School {
    Coach alex;
    Device sam{"Sam"};
    RecordId own, sam_here, priya, with_priya, own_meeting, priya_meeting, private_note;
    crypto::Identity sam_keys = crypto::Identity::generate();

    School() {
        alex.app.dispatch(ui::NavigateTo{ui::Screen::people});
        alex.app.dispatch(ui::EditNewPersonName{"Priya Rao"});
        alex.app.dispatch(ui::AddPerson{});
        alex.app.dispatch(ui::NavigateTo{ui::Screen::pairings});
        alex.app.dispatch(ui::BeginNewPairing{});
        alex.app.dispatch(ui::EditNewPairing{0, 1, "2026-09-01"});  // Alex Kim, Priya Rao in name order
        alex.app.dispatch(ui::CreatePairing{});
        with_priya = *alex.app.shell_view().pairings.selected;
        REQUIRE(with_priya != alex.pairing);
        alex.app.dispatch(ui::NewMeeting{with_priya});
        priya_meeting = alex.app.shell_view().meeting.id;
        alex.app.dispatch(ui::EditField{Kind::meeting, priya_meeting, Meeting::fields::shared_notes,
                                        "Priya is thinking of leaving at Easter.", {}});
        alex.app.dispatch(ui::NewMeeting{alex.pairing});
        own_meeting = alex.app.shell_view().meeting.id;
        alex.app.dispatch(ui::EditField{Kind::meeting, own_meeting, Meeting::fields::grow_goal, "Calmer starts", {}});
        alex.app.dispatch(ui::EditPrivateNote{own_meeting, "Sam seemed tired today."});

        sam.take_in(alex.send(alex.pairing));
        alex.take_in(sam.send(alex.pairing));
        RecordsCopy mine = sam.records();
        sam_keys = crypto::Identity::from_secrets(*mine.records->local_bytes("identity.box_secret").value(),
                                                  *mine.records->local_bytes("identity.sign_secret").value())
                       .value();
        RecordsCopy here = alex.records();
        for (const Record& person : here.records->load_all(Kind::person).value()) {
            const auto& name = std::get<std::string>(person.field(Person::fields::display_name).value);
            if (name == "Priya Rao") priya = person.id;
            if (name == "Alex Kim") own = person.id;
        }
        const auto pairing = here.records->load(Kind::pairing, alex.pairing).value();
        sam_here = *reference_in(*pairing, Pairing::fields::coachee);
        for (const Record& note : here.records->load_all(Kind::note).value())
            if (note.visibility == Visibility::private_to_author) private_note = note.id;
        REQUIRE_FALSE(priya.is_nil());
        REQUIRE_FALSE(own.is_nil());
        REQUIRE_FALSE(private_note.is_nil());
    }
};

School& school() {
    static School built;
    return built;
}

// One test's copy of Alex's device, and the attacker's means.
struct Victim {
    School& s = school();
    Device alex{s.alex};
    const RecordId priya = s.priya, with_priya = s.with_priya, own_meeting = s.own_meeting,
                   priya_meeting = s.priya_meeting, private_note = s.private_note, sam_here = s.sam_here;
    int bundles = 0;

    RecordId pairing() const { return s.alex.pairing; }

    // Whose profile Alex's app says this is, by the own person's name.
    RecordId own_person() {
        RecordsCopy here = alex.records();
        for (const Record& person : here.records->load_all(Kind::person).value())
            if (std::get<std::string>(person.field(Person::fields::display_name).value) == "Alex Kim" &&
                !person.is_deleted())
                return person.id;
        return {};
    }

    // A record as Alex holds it now.
    Record alex_has(Kind kind, const RecordId& id) {
        RecordsCopy here = alex.records();
        auto record = here.records->load(kind, id).value();
        REQUIRE(record.has_value());
        return *record;
    }

    // Sam's copy of the pairing, as an honest bundle would carry it.
    std::vector<Record> honest_share() { return s.sam.share(s.alex.pairing); }

    // A bundle about `about` (Alex and Sam's pairing if nil), signed by Sam, sealed to Alex.
    std::vector<std::uint8_t> bundle_of(std::vector<Record> records, RecordId about = {}) {
        crypto::BundleContent content;
        content.bundle_id = RecordId::derived("a hostile bundle " + std::to_string(++bundles));
        content.pairing = about.is_nil() ? s.alex.pairing : about;
        content.created_at_ms = SystemWallClock().now_ms();
        content.records = std::move(records);
        const crypto::SecretKey file_key = crypto::new_file_key();
        const crypto::Stanza stanza = crypto::x25519_stanza(file_key, alex.app.public_keys()->box);
        return crypto::write_bundle(content, s.sam_keys, std::span(&stanza, 1), file_key).value();
    }
};

// A stamp later than anything written so far, from Sam's device or any other.
Stamp later(SiteId site = mallory_site) {
    static std::uint16_t counter = 0;
    return Stamp{hlc_pack(SystemWallClock().now_ms() + 60'000, ++counter), site};
}

void write(Record& record, FieldIndex field, FieldValue value, SiteId site = mallory_site) {
    record.field(field).value = std::move(value);
    record.field(field).stamp = later(site);
}

// `record` as new, with this id and author, every field written at `stamp`.
Record stamped(Record record, const RecordId& id, const RecordId& author, Stamp stamp) {
    record.id = id;
    record.created_by = author;
    record.created_at_ms = SystemWallClock().now_ms();
    for (FieldState& field : record.fields) field.stamp = stamp;
    return record;
}

// What the victim holds, to compare after an attack.
struct Holdings {
    std::map<std::pair<Kind, RecordId>, Record> records;
    std::set<std::int64_t> conflicts_outside;  // kept conflicts of records outside the pairing
};

Holdings holdings(Victim& school) {
    RecordsCopy here = school.alex.records();
    Holdings held;
    for (Record& record : every_record(*here.records)) held.records.emplace(std::pair{record.kind, record.id}, record);
    for (const store::FieldConflict& conflict : store::open_conflicts(here.records->database()).value()) {
        auto record = here.records->load(conflict.kind, conflict.record).value();
        if (!record || pairing_of(*here.records, *record) != school.pairing()) held.conflicts_outside.insert(conflict.seq);
    }
    return held;
}

// Takes `bundle` in through Alex's app and checks the invariants. Returns
// the lines the preview showed for what was left out.
std::vector<std::string> attack(Victim& school, const std::vector<std::uint8_t>& bundle) {
    const Holdings before = holdings(school);
    const RecordId own = school.s.own;
    auto& alex = school.alex;
    alex.app.file_opened("from-sam.tandem", bundle);
    const ui::ImportView& in = alex.receiving();
    REQUIRE_MESSAGE(in.stage == Stage::preview, in.title << ": " << in.text);
    const std::vector<std::string> left_out = in.left_out;
    if (in.can_apply) alex.app.dispatch(ui::ApplyImport{});

    const Holdings after = holdings(school);
    RecordsCopy here = alex.records();
    for (const auto& entry : before.records) {
        const std::pair<Kind, RecordId> key = entry.first;  // not a binding: clang 14 cannot capture those
        const Record& was = entry.second;
        const auto now = after.records.find(key);
        REQUIRE_MESSAGE(now != after.records.end(), kind_name(key.first) << " " << key.second.hex() << " vanished");
        const Record& is = now->second;
        const bool in_pairing = pairing_of(*here.records, was) == school.pairing();
        const bool untouchable = !in_pairing && was.kind != Kind::person && was.kind != Kind::library_entry &&
                                 was.kind != Kind::priority;
        // Outside the pairing, Tandem's own entries, the own person, private
        // records, and people of other pairings: exactly as they were.
        if (untouchable || was.created_by.is_nil() || was.id == own || was.visibility != Visibility::shared ||
            was.id == school.priya) {
            CHECK_MESSAGE(is == was, kind_name(was.kind) << " " << was.id.hex() << " changed");
            continue;
        }
        CHECK(is.created_by == was.created_by);
        CHECK(is.created_at_ms == was.created_at_ms);
        CHECK(is.visibility == was.visibility);
        for (const FieldSpec& field : kind_spec(was.kind).fields)
            if (field.immutable()) CHECK(is.field(field.index) == was.field(field.index));
    }
    for (const std::int64_t conflict : after.conflicts_outside)
        CHECK_MESSAGE(before.conflicts_outside.contains(conflict), "a conflict was kept on a record outside the pairing");
    CHECK(school.own_person() == own);
    CHECK(alex.app.shell_view().profile.name.text == "Alex Kim");
    return left_out;
}

bool names(const std::vector<std::string>& lines, std::string_view words) {
    for (const std::string& line : lines)
        if (line.find(words) != std::string::npos) return true;
    return false;
}

Record find(std::vector<Record>& records, const RecordId& id) {
    for (const Record& record : records)
        if (record.id == id) return record;
    FAIL("not in the bundle");
    return {};
}

// A stranger's own person, at first contact.
const RecordId stranger = RecordId::derived("mallory person");

// First contact from the stranger: their own person, `linked` (the person the
// receiver is to become, written by them) and a pairing of the two, which
// `change` may edit, sealed to `vic`, opened, and the fingerprint said to
// match. Returns the pairing's id.
RecordId first_contact(Device& vic, const Record& linked, const std::function<void(Record&)>& change = {}) {
    const crypto::Identity mallory = crypto::Identity::generate();
    Person sender;
    sender.display_name = "Mal Lory";
    sender.sharing_code = crypto::sharing_code(mallory.public_keys());
    Pairing pairing;
    pairing.coach = stranger;
    pairing.coachee = linked.id;
    pairing.starts_on = CalendarDate::from_ymd(2026, 9, 1);
    crypto::BundleContent content;
    content.pairing = RecordId::derived("mallory pairing");
    Record written = stamped(to_record(pairing), content.pairing, stranger, later());
    if (change) change(written);
    content.records = {stamped(to_record(sender), stranger, stranger, later()), linked, written};
    const crypto::SecretKey file_key = crypto::new_file_key();
    const crypto::Stanza stanza = crypto::x25519_stanza(file_key, vic.app.public_keys()->box);
    vic.app.file_opened("first.tandem", crypto::write_bundle(content, mallory, std::span(&stanza, 1), file_key).value());
    REQUIRE(vic.receiving().stage == Stage::verify);
    vic.app.dispatch(ui::TrustSender{});
    return content.pairing;
}

// The person a stranger's first contact asks the receiver to become.
Record person_to_become(Stamp stamp = later()) {
    Person linked;
    linked.display_name = "Vic Jones";
    return stamped(to_record(linked), RecordId::derived("linked person"), stranger, stamp);
}

}  // namespace

TEST_CASE("a partner's file cannot change the receiver's own person") {
    Victim s;
    std::vector<Record> records = s.honest_share();
    for (Record& record : records)
        if (record.id == s.own_person()) write(record, Person::fields::display_name, std::string("Mallory"));
    CHECK(names(attack(s, s.bundle_of(records)), "your own name and details"));

    records = s.honest_share();
    for (Record& record : records)
        if (record.id == s.own_person()) write(record, tombstone_field, std::int64_t{1});
    CHECK(names(attack(s, s.bundle_of(records)), "your own name and details"));
}

TEST_CASE("a partner's file cannot change people of the receiver's other pairings") {
    Victim s;
    std::vector<Record> records = s.honest_share();
    Record priya = s.alex_has(Kind::person, s.priya);
    write(priya, Person::fields::display_name, std::string("Somebody else"));
    records.push_back(priya);
    CHECK(names(attack(s, s.bundle_of(records)), "someone this pairing does not name"));

    records = s.honest_share();
    write(priya, tombstone_field, std::int64_t{1});
    records.push_back(priya);
    CHECK(names(attack(s, s.bundle_of(records)), "someone this pairing does not name"));
}

TEST_CASE("a partner's file cannot rename or delete Tandem's starter entries") {
    Victim s;
    RecordsCopy here = s.alex.records();
    std::vector<Record> starters;
    for (Record& entry : here.records->load_all(Kind::library_entry).value())
        if (entry.created_by.is_nil()) starters.push_back(std::move(entry));
    REQUIRE(starters.size() >= 2);
    std::vector<Record> records = s.honest_share();
    write(starters[0], LibraryEntry::fields::title, std::string("Shout louder"));
    write(starters[1], tombstone_field, std::int64_t{1});
    records.push_back(starters[0]);
    records.push_back(starters[1]);
    // Passed over, as another version's copy of them would be: they stay as this Tandem ships them.
    CHECK(attack(s, s.bundle_of(records)).empty());

    // One this device does not have is not taken in as Tandem's own.
    Record made_up = starters[0];
    made_up.id = RecordId::derived("routines.made-up");
    records = s.honest_share();
    records.push_back(made_up);
    CHECK(names(attack(s, s.bundle_of(records)), "Tandem's own library"));
    RecordsCopy after = s.alex.records();
    CHECK_FALSE(after.records->load(Kind::library_entry, made_up.id).value().has_value());
}

TEST_CASE("a partner's file cannot re-author, re-date or re-home the receiver's records") {
    Victim s;
    std::vector<Record> records = s.honest_share();
    Record meeting = find(records, s.own_meeting);
    std::erase_if(records, [&](const Record& record) { return record.id == s.own_meeting; });
    Record reauthored = meeting;
    reauthored.created_by = *std::get_if<RecordId>(&s.alex_has(Kind::pairing, s.pairing()).field(Pairing::fields::coachee).value);
    reauthored.created_at_ms -= 86'400'000;
    write(reauthored, Meeting::fields::grow_goal, std::string("Sam wrote this, a day earlier"));
    records.push_back(reauthored);
    CHECK(names(attack(s, s.bundle_of(records)), "who wrote a record, when"));

    // A tombstone with no author could never be restored.
    records = s.honest_share();
    std::erase_if(records, [&](const Record& record) { return record.id == s.own_meeting; });
    Record orphaned = meeting;
    orphaned.created_by = RecordId{};
    write(orphaned, tombstone_field, std::int64_t{1});
    records.push_back(orphaned);
    CHECK(names(attack(s, s.bundle_of(records)), "who wrote a record, when"));

    // The pairing's coachee is fixed.
    records = s.honest_share();
    for (Record& record : records)
        if (record.kind == Kind::pairing) write(record, Pairing::fields::coachee, s.priya);
    records.push_back(s.alex_has(Kind::person, s.priya));
    CHECK(names(attack(s, s.bundle_of(records)), "fixed when a record was made"));
}

TEST_CASE("a record of another pairing cannot be moved in, pointed at, or given a conflict, and never leaves") {
    Victim s;
    std::vector<Record> records = s.honest_share();
    Record moved = s.alex_has(Kind::meeting, s.priya_meeting);
    moved.field(Meeting::fields::pairing).value = s.pairing();
    write(moved, Meeting::fields::grow_goal, std::string("now in Sam's pairing"));
    records.push_back(moved);
    CHECK(names(attack(s, s.bundle_of(records)), "move from another pairing"));

    // A step of this pairing pointing at the other pairing's meeting.
    records = s.honest_share();
    ActionStep step;
    step.pairing = s.pairing();
    step.meeting = s.priya_meeting;
    step.wording = "Pause after each question";
    step.set_on = CalendarDate::from_ymd(2026, 11, 10);
    Record pointing = to_record(step);
    pointing.id = RecordId::derived("pointing step");
    pointing.created_by = *std::get_if<RecordId>(&s.alex_has(Kind::pairing, s.pairing()).field(Pairing::fields::coachee).value);
    pointing.created_at_ms = SystemWallClock().now_ms();
    for (FieldState& field : pointing.fields) field.stamp = later();
    records.push_back(pointing);
    CHECK(names(attack(s, s.bundle_of(records)), "pointing to another pairing's records"));

    // A concurrent, losing edit of the other pairing's notes, kept as a conflict.
    records = s.honest_share();
    Record losing = s.alex_has(Kind::meeting, s.priya_meeting);
    FieldState& notes = losing.field(Meeting::fields::shared_notes);
    notes.value = std::string("Injected into Priya's history");
    notes.stamp = Stamp{notes.stamp.hlc - 1, mallory_site};
    records.push_back(losing);
    CHECK(names(attack(s, s.bundle_of(records)), "of another pairing"));

    // And Alex's next file to Sam carries nothing of Priya's pairing.
    const std::vector<std::uint8_t> next = s.alex.send(s.pairing());
    const auto header = crypto::inspect_bundle(next).value();
    const auto opened = crypto::open_bundle(next, header, s.s.sam_keys);
    REQUIRE(opened.ok());
    for (const Record& record : opened.value().content.records) {
        CHECK(record.id != s.priya_meeting);
        CHECK(record.id != s.with_priya);
        CHECK(record.id != s.priya);
    }
    const auto verified = crypto::verify_bundle(next, header, s.s.sam_keys).value();
    const std::string plain(verified.content.begin(), verified.content.end());
    CHECK(plain.find("leaving at Easter") == std::string::npos);
}

TEST_CASE("a partner's file cannot overwrite a private record, claim this device's edits, or smuggle a kind") {
    Victim s;
    // A private note of Alex's, known by id, sent as shared with new words.
    std::vector<Record> records = s.honest_share();
    Record overwritten = s.alex_has(Kind::note, s.private_note);
    overwritten.visibility = Visibility::shared;
    write(overwritten, Note::fields::body, std::string("Nothing to see here"));
    records.push_back(overwritten);
    CHECK(names(attack(s, s.bundle_of(records)), "private record"));

    records = s.honest_share();
    Record mine = s.alex_has(Kind::person, s.own_person());
    const SiteId alex_site = mine.field(tombstone_field).stamp.site;

    // An edit to Sam's person stamped as if Alex's device had made it.
    const RecordId coachee =
        *std::get_if<RecordId>(&s.alex_has(Kind::pairing, s.pairing()).field(Pairing::fields::coachee).value);
    for (Record& record : records)
        if (record.id == coachee) write(record, Person::fields::subject, std::string("Made on Alex's laptop"), alex_site);
    CHECK(names(attack(s, s.bundle_of(records)), "claiming to have been made on this computer"));

    // A record whose id is Priya's person's, sent as a meeting of this pairing.
    records = s.honest_share();
    Record impostor = s.alex_has(Kind::meeting, s.own_meeting);
    impostor.id = s.priya;
    for (FieldState& field : impostor.fields) field.stamp = later();
    records.push_back(impostor);
    CHECK(names(attack(s, s.bundle_of(records)), "who wrote a record, when, or who may see it"));

    // A meeting new here, written by someone outside the pairing.
    records = s.honest_share();
    Record outsider = s.alex_has(Kind::meeting, s.own_meeting);
    outsider.id = RecordId::derived("outsider meeting");
    outsider.created_by = s.priya;
    for (FieldState& field : outsider.fields) field.stamp = later();
    records.push_back(outsider);
    CHECK(names(attack(s, s.bundle_of(records)), "written by someone outside this pairing"));

    // A record that fails validation is named, not dropped without a word.
    records = s.honest_share();
    Record invalid = s.alex_has(Kind::meeting, s.own_meeting);
    invalid.id = RecordId::derived("invalid meeting");
    write(invalid, Meeting::fields::duration_minutes, std::int64_t{100'000});
    records.push_back(invalid);
    CHECK(names(attack(s, s.bundle_of(records)), "could not read as valid"));
}

TEST_CASE("a trusted partner cannot make another person the profile's own with a public sharing code") {
    Victim s;
    // A new pairing of Sam's with a person carrying Alex's (public) sharing code.
    std::vector<Record> records = s.honest_share();
    const RecordId coachee =
        *std::get_if<RecordId>(&s.alex_has(Kind::pairing, s.pairing()).field(Pairing::fields::coachee).value);
    Person lookalike;
    lookalike.display_name = "Alex Kim";
    lookalike.sharing_code = crypto::sharing_code(*s.alex.app.public_keys());
    Record person = to_record(lookalike);
    person.id = RecordId::derived("lookalike");
    person.created_by = coachee;
    Pairing pairing;
    pairing.coach = coachee;
    pairing.coachee = person.id;
    pairing.starts_on = CalendarDate::from_ymd(2026, 9, 1);
    Record new_pairing = to_record(pairing);
    new_pairing.id = RecordId::derived("new pairing");
    new_pairing.created_by = coachee;
    for (Record* record : {&person, &new_pairing}) {
        record->created_at_ms = SystemWallClock().now_ms();
        for (FieldState& field : record->fields) field.stamp = later();
        records.push_back(*record);
    }
    const RecordId own = s.own_person();
    s.alex.app.file_opened("new-pairing.tandem", s.bundle_of(records, new_pairing.id));
    CHECK(s.alex.receiving().stage == Stage::refused);
    CHECK(s.alex.receiving().title == "Not a pairing of yours");
    CHECK(s.own_person() == own);
    RecordsCopy here = s.alex.records();
    CHECK_FALSE(here.records->load(Kind::pairing, new_pairing.id).value().has_value());
}

TEST_CASE("a copy that changes nothing vouches for nothing: no part can be hung under, nor pointed at, another pairing") {
    Victim s;
    s.alex.app.dispatch(ui::NewObservation{s.with_priya});
    const RecordId priya_visit = s.alex.app.shell_view().observation.id;
    REQUIRE_FALSE(priya_visit.is_nil());
    // Only ids are known: bare copies that change nothing, claiming this pairing.
    const auto claimed = [&](Kind kind, const RecordId& id, FieldIndex pairing_field) {
        Record copy = Record::blank(kind);
        copy.id = id;
        copy.created_by = s.sam_here;
        copy.created_at_ms = std::numeric_limits<std::int64_t>::max();
        copy.field(tombstone_field).value = std::int64_t{1};
        copy.field(pairing_field).value = s.pairing();
        return copy;
    };
    Tally tally;
    tally.observation = priya_visit;
    tally.label = "Put into Priya's visit";
    ActionStep step;
    step.pairing = s.pairing();
    step.meeting = s.priya_meeting;
    step.wording = "Pause after each question";
    step.set_on = CalendarDate::from_ymd(2026, 11, 10);
    std::vector<Record> records = s.honest_share();
    records.push_back(claimed(Kind::observation, priya_visit, Observation::fields::pairing));
    records.push_back(claimed(Kind::meeting, s.priya_meeting, Meeting::fields::pairing));
    records.push_back(stamped(to_record(tally), RecordId::derived("hung under Priya's visit"), s.sam_here, later()));
    records.push_back(stamped(to_record(step), RecordId::derived("pointing at Priya's meeting"), s.sam_here, later()));
    const auto left_out = attack(s, s.bundle_of(records));
    CHECK(names(left_out, "of another pairing"));
    CHECK(names(left_out, "pointing to another pairing's records"));
    RecordsCopy here = s.alex.records();
    CHECK_FALSE(here.records->load(Kind::tally, RecordId::derived("hung under Priya's visit")).value().has_value());
    CHECK_FALSE(here.records->load(Kind::action_step, RecordId::derived("pointing at Priya's meeting")).value().has_value());
}

TEST_CASE("a copy of this device's own edit, with its stamp but other words, is refused") {
    Victim s;
    std::vector<Record> records = s.honest_share();
    const FieldState original = s.alex_has(Kind::meeting, s.own_meeting).field(Meeting::fields::grow_goal);
    for (Record& record : records) {
        if (record.id != s.own_meeting) continue;
        FieldState& goal = record.field(Meeting::fields::grow_goal);
        goal.value = std::string("Forged in Alex's name");
        goal.stamp = original.stamp;  // Alex's own device and time
        goal.base = Stamp{~std::uint64_t{0} >> 1, ~std::uint64_t{0}};
    }
    CHECK(names(attack(s, s.bundle_of(records)), "claiming to have been made on this computer"));
    CHECK(s.alex_has(Kind::meeting, s.own_meeting).field(Meeting::fields::grow_goal) == original);
}

TEST_CASE("a second coach cannot be someone this device knows from another pairing, nor a person the file does not bring") {
    Victim s;
    std::vector<Record> records = s.honest_share();
    for (Record& record : records)
        if (record.kind == Kind::pairing) write(record, Pairing::fields::second_coach, s.priya);
    CHECK(names(attack(s, s.bundle_of(records)), "naming someone outside this pairing"));

    // So Priya stays someone this pairing does not name.
    records = s.honest_share();
    Record priya = s.alex_has(Kind::person, s.priya);
    write(priya, Person::fields::display_name, std::string("Renamed by Sam"));
    records.push_back(priya);
    CHECK(names(attack(s, s.bundle_of(records)), "someone this pairing does not name"));

    // A second coach the file names but does not bring, with a record whose id is theirs.
    const RecordId ghost = RecordId::derived("ghost second coach");
    records = s.honest_share();
    for (Record& record : records)
        if (record.kind == Kind::pairing) write(record, Pairing::fields::second_coach, ghost);
    Meeting meeting;
    meeting.pairing = s.pairing();
    meeting.held_on = CalendarDate::from_ymd(2026, 10, 1);
    records.push_back(stamped(to_record(meeting), ghost, ghost, later()));
    const auto left_out = attack(s, s.bundle_of(records));
    // Alex wrote the pairing: who its second coach is, is Alex's alone to change.
    CHECK(names(left_out, "to what you wrote that only you can make"));
    CHECK(names(left_out, "written by someone outside this pairing"));
    CHECK(s.alex.receiving().stage == Stage::done);  // the rest was taken in: the store refused nothing
}

TEST_CASE("a note addressed to someone outside the pairing is refused, so that person never travels") {
    Victim s;
    Note note;
    note.pairing = s.pairing();
    note.addressed_to = s.priya;
    note.body = "For Priya";
    std::vector<Record> records = s.honest_share();
    records.push_back(stamped(to_record(note), RecordId::derived("addressed to Priya"), s.sam_here, later()));
    CHECK(names(attack(s, s.bundle_of(records)), "naming someone outside this pairing"));
    for (const Record& record : s.alex.share(s.pairing())) CHECK(record.id != s.priya);
}

TEST_CASE("a first contact whose person to become is deleted, or left out, is refused and the profile keeps its identity") {
    Device vic("Vic Jones");
    Record deleted = person_to_become();
    deleted.field(tombstone_field) = FieldState{std::int64_t{1}, later(), {}};
    REQUIRE(deleted.is_deleted());
    const RecordId pairing = first_contact(vic, deleted);
    CHECK(vic.receiving().stage == Stage::refused);
    CHECK(vic.receiving().title == "Tandem cannot take this file in");
    Device again(vic);  // the next start
    CHECK(again.app.shell_view().profile.name.text == "Vic Jones");
    RecordsCopy here = vic.records();
    CHECK_FALSE(here.records->load(Kind::pairing, pairing).value().has_value());
}

TEST_CASE("revocation sticks: new keys of a revoked partner are flagged, and the revoked ones stay refused") {
    Victim s;
    s.alex.app.dispatch(ui::NavigateTo{ui::Screen::settings});
    s.alex.app.dispatch(ui::RevokePartner{s.sam_here});
    const std::vector<std::uint8_t> with_old_keys = s.bundle_of(s.honest_share());

    // The same partner with new keys: compared first, then flagged in the preview.
    const crypto::Identity new_keys = crypto::Identity::generate();
    crypto::BundleContent content;
    content.pairing = s.pairing();
    content.records = s.honest_share();
    const crypto::SecretKey file_key = crypto::new_file_key();
    const crypto::Stanza stanza = crypto::x25519_stanza(file_key, s.alex.app.public_keys()->box);
    s.alex.app.file_opened("new-keys.tandem", crypto::write_bundle(content, new_keys, std::span(&stanza, 1), file_key).value());
    REQUIRE(s.alex.receiving().stage == Stage::verify);
    s.alex.app.dispatch(ui::TrustSender{});
    REQUIRE(s.alex.receiving().stage == Stage::preview);
    CHECK(s.alex.receiving().keys_changed);
    CHECK(s.alex.receiving().revoked_before);

    s.alex.app.file_opened("old-keys.tandem", with_old_keys);
    CHECK(s.alex.receiving().title == "You stopped trusting these keys");
    s.alex.app.dispatch(ui::NavigateTo{ui::Screen::settings});
    const auto& partners = s.alex.app.shell_view().profile.partners;
    REQUIRE(partners.size() == 2);  // the new keys, trusted; the old ones, still revoked
    CHECK(std::count_if(partners.begin(), partners.end(), [](const ui::PartnerKeyView& p) { return p.revoked; }) == 1);
    for (const ui::PartnerKeyView& partner : partners) CHECK_FALSE(partner.can_trust_again);
}

TEST_CASE("a pairing copy that loses the merge names nobody: its people are the pairing's as merged") {
    Victim s;
    std::vector<Record> records = s.honest_share();
    for (Record& record : records) {
        if (record.kind != Kind::pairing) continue;
        record.field(Pairing::fields::second_coach) = FieldState{s.priya, Stamp{1, mallory_site}, {}};  // loses
        write(record, Pairing::fields::agreement_shared, std::string("We share everything"));
    }
    records.push_back(s.alex_has(Kind::person, s.priya));
    Note note;
    note.pairing = s.pairing();
    note.addressed_to = s.priya;
    note.body = "For Priya";
    records.push_back(stamped(to_record(note), RecordId::derived("for Priya"), s.sam_here, later()));
    LibraryEntry entry;
    entry.title = "Priya's own step";
    entry.wording = "Written as if by Priya";
    records.push_back(stamped(to_record(entry), RecordId::derived("as if by Priya"), s.priya, later()));
    const auto left_out = attack(s, s.bundle_of(records));
    CHECK(names(left_out, "naming someone outside this pairing"));
    CHECK(names(left_out, "written by someone outside this pairing"));
    for (const Record& record : s.alex.share(s.pairing())) CHECK(record.id != s.priya);
}

TEST_CASE("a new record's fixed fields carry the stamp of their writing: a pairing with unwritten coach and coachee is refused") {
    Device vic("Vic Jones");
    const RecordId pairing = first_contact(vic, person_to_become(), [](Record& unwritten) {
        unwritten.field(Pairing::fields::coach).stamp = Stamp{};
        unwritten.field(Pairing::fields::coachee).stamp = Stamp{};  // "learnt" later, then changed at will
    });
    CHECK(vic.receiving().stage == Stage::refused);
    RecordsCopy here = vic.records();
    CHECK_FALSE(here.records->load(Kind::pairing, pairing).value().has_value());
}

TEST_CASE("the person to become is judged as the merge will see it: alive in the file but deleted once clamped is refused") {
    Device vic("Vic Jones");
    // Far in the future: clamped to the same reading, the tombstone's counter wins.
    const std::int64_t far = SystemWallClock().now_ms() + 10LL * 24 * 3600 * 1000;
    Record person = person_to_become(Stamp{hlc_pack(far + 1000, 0), mallory_site});
    person.field(tombstone_field) = FieldState{std::int64_t{1}, Stamp{hlc_pack(far, 0xFFFF), mallory_site}, {}};
    REQUIRE_FALSE(person.is_deleted());
    first_contact(vic, person);
    CHECK(vic.receiving().stage == Stage::refused);
    CHECK(vic.receiving().title == "Tandem cannot take this file in");
}

TEST_CASE("no other version of the receiver's name or sharing code is planted for them to choose") {
    Victim s;
    std::vector<Record> records = s.honest_share();
    for (Record& record : records) {
        if (record.id != s.s.own) continue;
        // Older than Alex's own, from elsewhere, written without seeing it: it loses, and would be kept.
        FieldState& code = record.field(Person::fields::sharing_code);
        code.value = crypto::sharing_code(s.s.sam_keys.public_keys());
        code.stamp = Stamp{code.stamp.hlc - 1, mallory_site};
        code.base = Stamp{};
    }
    CHECK(names(attack(s, s.bundle_of(records)), "your own name and details"));
    RecordsCopy here = s.alex.records();
    CHECK(store::open_conflicts(here.records->database()).value().empty());
}
