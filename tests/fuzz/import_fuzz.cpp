// libFuzzer target for taking in a partner's records (scripts/fuzz.sh): the
// input is a list of edits applied to what a hostile partner knows (their
// pairing's share and every id of the receiver's they might have seen); the
// result is signed by the trusted partner with the real writer, opened with
// the real reader and taken in through take_in_from_partner into a populated
// store. After every import it aborts unless: nothing outside the pairing
// changed, no starter entry or private record changed, the receiver's name,
// sharing code and existence did not change, no record's metadata or immutable field was rewritten, no
// conflict was kept on another pairing's record, and the profile still
// finds its own person.

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <memory>
#include <optional>
#include <set>

#include "core/partner_authority.hpp"
#include "core/records.hpp"
#include "core/record_binding.hpp"
#include "crypto/bundle_reader.hpp"
#include "crypto/bundle_writer.hpp"
#include "store/field_conflicts.hpp"
#include "store/pairing_share.hpp"
#include "store/sqlite_record_store.hpp"
#include "test_doubles.hpp"

using namespace tandem;
using namespace tandem::testing;

namespace {

// Aborts, naming the line, when an invariant does not hold.
#define require(holds) require_at(holds, __LINE__)
void require_at(bool holds, int line) {
    if (holds) return;
    std::fprintf(stderr, "import_fuzz: the invariant at line %d does not hold\n", line);
    std::abort();
}

template <class T>
T must(Result<T, CommandError> result) {
    require(result.ok());
    return std::move(result).value();
}

template <class T>
T must(Result<T, StorageError> result) {
    require(result.ok());
    return std::move(result).value();
}

std::optional<RecordId> reference_in(const Record& record, FieldIndex field) {
    const auto* id = std::get_if<RecordId>(&record.field(field).value);
    return id ? std::optional<RecordId>(*id) : std::nullopt;
}

// The pairing a record belongs to, worked out without the code under test.
std::optional<RecordId> pairing_of(store::SqliteRecordStore& records, const Record& record, int depth = 0) {
    if (record.kind == Kind::pairing) return record.id;
    for (const FieldSpec& field : kind_spec(record.kind).fields)
        if (field.shape.type == FieldType::reference && field.shape.target == Kind::pairing)
            return reference_in(record, field.index);
    for (const FieldSpec& field : kind_spec(record.kind).fields) {
        if (!field.is_anchor() || field.shape.target == Kind::person || depth > 2) continue;
        const auto parent_id = reference_in(record, field.index);
        if (!parent_id) return std::nullopt;
        auto parent = must(records.load(field.shape.target, *parent_id));
        return parent ? pairing_of(records, *parent, depth + 1) : std::nullopt;
    }
    return std::nullopt;
}

// The receiver's store seen through savepoints: the commands' transactions
// nest inside one the harness opens and rolls back after every input, so
// each input starts from the same records without opening them again.
class SavepointStore final : public RecordStore {
public:
    explicit SavepointStore(store::SqliteRecordStore& inner) : inner_(inner) {}
    Result<std::optional<Record>, StorageError> load(Kind kind, const RecordId& id) override { return inner_.load(kind, id); }
    Result<std::vector<std::pair<RecordId, Kind>>, StorageError> kinds_holding(std::span<const RecordId> ids) override {
        return inner_.kinds_holding(ids);
    }
    Result<void, StorageError> save(const Record& record) override { return inner_.save(record); }
    Result<bool, StorageError> keep_conflict(Kind kind, const RecordId& id, const TextConflict& conflict,
                                             std::int64_t kept_at_ms) override {
        return inner_.keep_conflict(kind, id, conflict, kept_at_ms);
    }
    Result<void, StorageError> save_clock(std::uint64_t last_hlc) override { return inner_.save_clock(last_hlc); }
    Result<void, StorageError> begin() override { return inner_.database().execute("SAVEPOINT take_in"); }
    Result<void, StorageError> commit() override { return inner_.database().execute("RELEASE take_in"); }
    void rollback() override { (void)inner_.database().execute("ROLLBACK TO take_in; RELEASE take_in"); }

private:
    store::SqliteRecordStore& inner_;
};

// The receiver's device, built once: Alex coaches Sam (the partner) and
// Priya, with a meeting in each pairing and a private note.
struct World {
    std::unique_ptr<store::SqliteRecordStore> store;
    SiteId site = 0;
    RecordId alex, sam, priya, with_sam, with_priya;
    std::vector<Record> known;  // what the partner may have seen or guessed: records to start edits from
    std::vector<RecordId> ids;  // every id in the receiver's store
    std::map<std::pair<Kind, RecordId>, Record> before;
    crypto::Identity partner = crypto::Identity::generate();
    crypto::Identity receiver = crypto::Identity::generate();
};

World build_world() {
    World world;
    auto store = must(store::SqliteRecordStore::open(store::Database::open_in_memory().value()));
    SeededRandom random(42);
    ManualWallClock wall(test_epoch_ms);
    world.site = must(store->site_id(random));
    HybridClock clock(world.site, wall);
    CommandContext context{*store, clock, random, RecordId{}};
    Person me;
    me.display_name = "Alex Kim";
    world.alex = must(create_own_person(context, me));
    context.actor = world.alex;
    Person sam;
    sam.display_name = "Sam Patel";
    world.sam = must(create(context, sam));
    Person priya;
    priya.display_name = "Priya Rao";
    world.priya = must(create(context, priya));
    for (const auto& [coachee, pairing] : {std::pair{world.sam, &world.with_sam}, std::pair{world.priya, &world.with_priya}}) {
        Pairing draft;
        draft.coach = world.alex;
        draft.coachee = coachee;
        draft.starts_on = CalendarDate::from_ymd(2026, 9, 1);
        *pairing = must(create(context, draft));
        Meeting meeting;
        meeting.pairing = *pairing;
        meeting.held_on = CalendarDate::from_ymd(2026, 10, 1);
        meeting.shared_notes = "Notes of this pairing alone";
        const RecordId held = must(create(context, meeting));
        Note note;
        note.pairing = *pairing;
        note.meeting = held;
        note.body = "Mine alone";
        note.meta.visibility = Visibility::private_to_author;
        (void)must(create(context, note));
        ActionStep step;
        step.pairing = *pairing;
        step.meeting = held;
        step.wording = "Pause after each question";
        step.set_on = CalendarDate::from_ymd(2026, 10, 1);
        (void)must(create(context, step));
    }
    world.known = must(store::load_pairing_share(*store, world.with_sam));
    for (const Kind kind : all_kinds()) {
        for (Record& record : must(store->load_all(kind))) {
            world.ids.push_back(record.id);
            world.before.emplace(std::pair{record.kind, record.id}, record);
            if (record.kind == Kind::library_entry && world.known.size() > 64) continue;  // a few starters suffice
            world.known.push_back(std::move(record));
        }
    }
    world.store = std::move(store);
    return world;
}

World& world() {
    static std::optional<World> built;
    if (!built) {
        require(crypto::initialize_sodium().ok());
        built.emplace(build_world());
    }
    return *built;
}

// Reads the fuzzer's bytes front to back; zeros once they run out.
class Bytes {
public:
    explicit Bytes(std::span<const std::uint8_t> data) : data_(data) {}
    bool empty() const { return at_ >= data_.size(); }
    std::uint8_t byte() { return at_ < data_.size() ? data_[at_++] : 0; }
    std::uint32_t number() { return static_cast<std::uint32_t>(byte()) | static_cast<std::uint32_t>(byte()) << 8; }

private:
    std::span<const std::uint8_t> data_;
    std::size_t at_ = 0;
};

const char* const texts[] = {"", "Mallory", "Sam wrote this", "x", "Notes of this pairing alone", "\n\n"};

// Applies one edit, chosen by the bytes, to `records`.
void edit(std::vector<Record>& records, Bytes& in, const World& world) {
    const std::uint8_t op = in.byte();
    if (op % 8 == 0 || records.empty()) {  // a record the partner knows, added again
        records.push_back(world.known[in.number() % world.known.size()]);
        return;
    }
    Record& record = records[in.number() % records.size()];
    const std::int64_t now = test_epoch_ms;
    const SiteId sites[] = {0x51, world.site, 0, 0x52};
    const Stamp stamp{hlc_pack(now + static_cast<std::int64_t>(in.number()) * 1000 - 30'000'000, in.byte()),
                      sites[in.byte() % 4]};
    switch (op % 8) {
        case 1:
        case 2: {  // a field: value and stamp
            FieldState& field = record.fields[in.byte() % record.fields.size()];
            switch (in.byte() % 5) {
                case 0: field.value = std::monostate{}; break;
                case 1: field.value = static_cast<std::int64_t>(in.number()) - 100; break;
                case 2: field.value = std::string(texts[in.byte() % std::size(texts)]); break;
                default: field.value = world.ids[in.number() % world.ids.size()]; break;
            }
            field.stamp = stamp;
            if (in.byte() % 2) field.base = Stamp{stamp.hlc - 1, sites[in.byte() % 4]};
            break;
        }
        case 3: record.fields[0] = FieldState{std::int64_t{in.byte() % 2}, stamp, {}}; break;
        case 4: record.created_by = in.byte() % 3 ? world.ids[in.number() % world.ids.size()] : RecordId{}; break;
        case 5: record.created_at_ms += static_cast<std::int64_t>(in.number()) - 32'768; break;
        case 6: record.visibility = in.byte() % 2 ? Visibility::shared : Visibility::private_to_author; break;
        case 7: {  // another id, or another kind with the same id
            if (in.byte() % 2) {
                record.id = world.ids[in.number() % world.ids.size()];
            } else {
                const auto kind = kind_from_number(1 + in.byte() % static_cast<int>(all_kinds().size()));
                Record other = Record::blank(*kind);
                other.id = record.id;
                other.created_by = record.created_by;
                other.created_at_ms = record.created_at_ms;
                for (FieldState& field : other.fields) field.stamp = stamp;
                record = std::move(other);
            }
            break;
        }
    }
}

void check_after(store::SqliteRecordStore& store, const World& world) {
    for (const auto& [key, was] : world.before) {
        auto is = must(store.load(key.first, key.second));
        require(is.has_value());
        const bool in_pairing = pairing_of(store, was) == world.with_sam;
        if (was.id == world.alex) {  // the receiver: their name, sharing code and existence are theirs
            for (const FieldIndex field : {FieldIndex{tombstone_field}, FieldIndex{Person::fields::display_name},
                                           FieldIndex{Person::fields::sharing_code}})
                require(is->field(field) == was.field(field));
        }
        const bool fixed = was.id == world.priya || was.created_by.is_nil() ||
                           was.visibility != Visibility::shared ||
                           (!in_pairing && was.kind != Kind::person && was.kind != Kind::library_entry &&
                            was.kind != Kind::priority);
        if (fixed) {
            require(*is == was);
            continue;
        }
        require(is->created_by == was.created_by && is->created_at_ms == was.created_at_ms &&
                is->visibility == was.visibility);
        for (const FieldSpec& field : kind_spec(was.kind).fields)
            if (field.immutable()) require(is->field(field.index) == was.field(field.index));
    }
    // Whatever is new belongs to the pairing, or is a person or entry it may bring.
    for (const Kind kind : all_kinds()) {
        for (const Record& record : must(store.load_all(kind))) {
            if (world.before.contains(std::pair{record.kind, record.id})) continue;
            require(record.visibility == Visibility::shared);
            require(kind == Kind::person || kind == Kind::library_entry || kind == Kind::priority ||
                    pairing_of(store, record) == world.with_sam);
            require(!record.created_by.is_nil());
        }
    }
    // Conflicts are kept only on records the file may change: the pairing's, or its members'.
    for (const store::FieldConflict& conflict : store::open_conflicts(store.database()).value()) {
        auto record = must(store.load(conflict.kind, conflict.record));
        require(record.has_value());
        const bool identity = conflict.field == Person::fields::display_name || conflict.field == Person::fields::sharing_code;
        require(pairing_of(store, *record) == world.with_sam || record->id == world.sam ||
                (record->id == world.alex && !identity));
    }
    require(find_own_person(must(store.load_all(Kind::person)), world.site) == world.alex);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    World& w = world();
    Bytes in(std::span(data, size));
    std::vector<Record> records = w.known;
    records.resize(std::min<std::size_t>(records.size(), 4 + in.byte() % 24));  // the share first, then the rest
    for (int edits = 0; edits < 64 && !in.empty(); ++edits) edit(records, in, w);

    // Signed by the trusted partner and sealed to the receiver, as a real file.
    crypto::BundleContent content;
    content.pairing = w.with_sam;
    content.records = std::move(records);
    const crypto::SecretKey key = crypto::new_file_key();
    const crypto::Stanza stanza = crypto::x25519_stanza(key, w.receiver.public_keys().box);
    auto bundle = crypto::write_bundle(content, w.partner, std::span(&stanza, 1), key);
    require(bundle.ok());
    auto header = crypto::inspect_bundle(bundle.value());
    require(header.ok());
    auto opened = crypto::open_bundle(bundle.value(), header.value(), w.receiver);
    if (!opened) return 0;  // content the reader refuses (over its memory budget, say)
    require(opened.value().sender == w.partner.public_keys());

    store::SqliteRecordStore& store = *w.store;
    require(store.database().execute("BEGIN").ok());
    SavepointStore nested(store);
    SeededRandom random(7);
    ManualWallClock wall(test_epoch_ms + 60'000);
    HybridClock clock(w.site, wall, must(store.load_clock()));
    CommandContext context{nested, clock, random, w.alex};
    // Refused as a whole only when the store is (then nothing changed): the invariants hold either way.
    (void)take_in_from_partner(context, PartnerScope{w.with_sam, w.sam}, opened.value().content.records);
    check_after(store, w);
    require(store.database().execute("ROLLBACK").ok());
    return 0;
}
