// The record model: spec tables, typed <-> generic conversion, validation,
// field merge and serialization. No store is involved.

#include <doctest/doctest.h>

#include <cereal/archives/portable_binary.hpp>

#include <map>
#include <set>
#include <sstream>
#include <type_traits>

#include "core/merge.hpp"
#include "core/record_binding.hpp"
#include "core/record_serialization.hpp"
#include "core/starter_library.hpp"
#include "core/validation.hpp"
#include "test_doubles.hpp"

using namespace tandem;

namespace {

// The FieldType a member type must have.
template <class M>
bool member_fits(FieldType type) {
    if constexpr (std::is_same_v<M, std::string>) return type == FieldType::text || type == FieldType::long_text;
    else if constexpr (std::is_same_v<M, std::int64_t>) return type == FieldType::integer;
    else if constexpr (std::is_same_v<M, bool>) return type == FieldType::flag;
    else if constexpr (std::is_enum_v<M>) return type == FieldType::choice;
    else if constexpr (std::is_same_v<M, CalendarDate> || std::is_same_v<M, std::optional<CalendarDate>>)
        return type == FieldType::date;
    else if constexpr (std::is_same_v<M, RecordId> || std::is_same_v<M, std::optional<RecordId>>)
        return type == FieldType::reference;
    else return false;
}

Record valid_record(Kind kind) {
    Record record = Record::blank(kind);
    record.id = RecordId::derived("test");
    for (const FieldSpec& field : kind_spec(kind).fields) {
        FieldValue& value = record.field(field.index).value;
        if (field.required() && field.is_text()) value = std::string("x");
        if (field.required() && field.shape.type == FieldType::date) value = std::int64_t{CalendarDate::from_ymd(2026, 9, 1).days};
        if (field.required() && field.shape.type == FieldType::reference)
            value = RecordId::derived("ref-" + std::string(field.name));
    }
    if (kind_spec(kind).always_private) record.visibility = Visibility::private_to_author;
    return record;
}

FieldState text_state(std::string text, Stamp stamp, Stamp base = {}) { return FieldState{std::move(text), stamp, base}; }

}  // namespace

TEST_CASE("every kind's spec numbers its fields 1..N and matches its struct") {
    std::size_t kinds = 0;
    for_each_record_type([&](auto tag) {
        using T = typename decltype(tag)::type;
        const KindSpec& spec = kind_spec(T::kind);
        CAPTURE(kind_name(T::kind));
        ++kinds;
        REQUIRE(spec.fields.size() + 1 == static_cast<std::size_t>(T::fields::end_));
        std::set<std::string_view> names;
        for (std::size_t i = 0; i < spec.fields.size(); ++i) {
            CHECK(spec.fields[i].index == i + 1);
            CHECK(names.insert(spec.fields[i].name).second);
            for (std::string_view reserved : {"id", "seq", "created_by", "created_at", "visibility", "deleted", "clocks"})
                CHECK(spec.fields[i].name != reserved);
        }
        T record;
        std::size_t visited = 0;
        T::visit(record, [&](FieldIndex index, auto& member) {
            using M = std::remove_cvref_t<decltype(member)>;
            CHECK(index == ++visited);
            CHECK(member_fits<M>(spec.field(index).shape.type));
        });
        CHECK(visited == spec.fields.size());
    });
    CHECK(kinds == all_kinds().size());
    CHECK(kinds == 20);
}

TEST_CASE("typed records convert to generic records and back unchanged") {
    Meeting meeting;
    meeting.meta.id = RecordId::derived("m");
    meeting.meta.created_by = RecordId::derived("p");
    meeting.meta.created_at_ms = 1234;
    meeting.pairing = RecordId::derived("pairing");
    meeting.held_on = CalendarDate::from_ymd(2026, 11, 20);
    meeting.stance = Stance::dialogical;
    meeting.grow_reality = "Cold call reaches six students; the rest wait.";
    meeting.next_on = CalendarDate::from_ymd(2026, 12, 4);
    const Record generic = to_record(meeting);
    CHECK(generic.kind == Kind::meeting);
    CHECK(std::get<std::string>(generic.field(Meeting::fields::grow_reality).value) == meeting.grow_reality);
    CHECK(std::holds_alternative<std::monostate>(generic.field(Meeting::fields::cycle).value));
    const Meeting back = from_record<Meeting>(generic);
    CHECK(back.grow_reality == meeting.grow_reality);
    CHECK(back.held_on == meeting.held_on);
    CHECK(back.next_on == meeting.next_on);
    CHECK(back.stance == Stance::dialogical);
    CHECK_FALSE(back.cycle.has_value());
    CHECK(back.meta.id == meeting.meta.id);
    CHECK(to_record(back) == generic);
}

TEST_CASE("blank records hold the typed defaults, never written") {
    const Record pairing = Record::blank(Kind::pairing);
    CHECK(std::get<std::int64_t>(pairing.field(Pairing::fields::allowance_minutes).value) == 12 * 60);
    CHECK(std::get<std::int64_t>(pairing.field(Pairing::fields::appraisal_goals_allowed).value) == 0);
    for (const FieldState& field : pairing.fields) CHECK(field.stamp.is_zero());
    CHECK_FALSE(pairing.is_deleted());
}

TEST_CASE("validation refuses each kind of bad value with a typed error") {
    const Record base = valid_record(Kind::reflection);
    REQUIRE_FALSE(check_record(base).has_value());
    const auto refuse = [&](FieldIndex field, FieldValue value) {
        Record record = base;
        record.field(field).value = std::move(value);
        const auto problem = check_record(record);
        REQUIRE(problem.has_value());
        CHECK(problem->field == field);
        return problem->code;
    };
    CHECK(refuse(Reflection::fields::body, std::string("  \n\t ")) == ErrorCode::required_missing);
    CHECK(refuse(Reflection::fields::body, std::string(text_limits::note + 1, 'a')) == ErrorCode::text_too_long);
    CHECK_FALSE(check_field_value(Kind::reflection, kind_spec(Kind::reflection).field(Reflection::fields::body),
                                  std::string(text_limits::note, 'a')));
    // The limit counts characters, not bytes: 250,000 "é" is 500,000 bytes and fine.
    std::string accents;
    for (int i = 0; i < text_limits::note; ++i) accents += "\xC3\xA9";
    CHECK_FALSE(check_field_value(Kind::reflection, kind_spec(Kind::reflection).field(Reflection::fields::body), accents));
    CHECK(refuse(Reflection::fields::body, std::string("bad \xC3 byte")) == ErrorCode::invalid_text);
    CHECK(refuse(Reflection::fields::body, std::string("bell \x07")) == ErrorCode::invalid_text);
    CHECK(refuse(Reflection::fields::prompt, std::string("two\nlines")) == ErrorCode::invalid_text);
    CHECK(refuse(Reflection::fields::written_on, std::int64_t{CalendarDate::from_ymd(1999, 12, 31).days}) ==
          ErrorCode::date_out_of_range);
    CHECK(refuse(Reflection::fields::written_on, std::int64_t{CalendarDate::from_ymd(2101, 1, 1).days}) ==
          ErrorCode::date_out_of_range);
    CHECK(refuse(Reflection::fields::written_on, std::monostate()) == ErrorCode::required_missing);
    CHECK(refuse(Reflection::fields::written_on, std::string("2026-01-01")) == ErrorCode::wrong_value_type);
    CHECK(refuse(Reflection::fields::meeting, RecordId{}) == ErrorCode::unknown_record);

    Record meeting = valid_record(Kind::meeting);
    meeting.field(Meeting::fields::duration_minutes).value = std::int64_t{601};
    CHECK(check_record(meeting)->code == ErrorCode::value_out_of_range);
    CHECK(check_record(meeting)->limit == 600);
    meeting = valid_record(Kind::meeting);
    meeting.field(Meeting::fields::stance).value = std::int64_t{9};
    CHECK(check_record(meeting)->code == ErrorCode::value_out_of_range);
}

TEST_CASE("validation refuses the cross-field rules") {
    Record pairing = valid_record(Kind::pairing);
    pairing.field(Pairing::fields::coachee).value = pairing.field(Pairing::fields::coach).value;
    CHECK(check_record(pairing)->code == ErrorCode::self_pairing);

    pairing = valid_record(Kind::pairing);
    pairing.field(Pairing::fields::second_coach).value = pairing.field(Pairing::fields::coachee).value;
    CHECK(check_record(pairing)->code == ErrorCode::self_pairing);

    pairing = valid_record(Kind::pairing);
    pairing.field(Pairing::fields::ends_on).value = std::int64_t{CalendarDate::from_ymd(2026, 8, 31).days};
    CHECK(check_record(pairing)->code == ErrorCode::ends_before_starts);

    Record note = valid_record(Kind::note);
    note.visibility = Visibility::private_to_author;
    CHECK_FALSE(check_record(note).has_value());
    note.field(Note::fields::addressed_to).value = RecordId::derived("the coach");
    CHECK(check_record(note)->code == ErrorCode::private_note_addressed);
    note.visibility = Visibility::shared;
    CHECK_FALSE(check_record(note).has_value());

    Record checkin = valid_record(Kind::pairing_checkin);
    checkin.visibility = Visibility::shared;
    CHECK(check_record(checkin)->code == ErrorCode::must_be_private);
}

TEST_CASE("line breaks are normalized to LF") {
    CHECK(normalize_line_breaks("a\r\nb\rc\n") == "a\nb\nc\n");
    CHECK(normalize_line_breaks("\r\r\n") == "\n\n");
}

TEST_CASE("merge keeps the later edit of each field, the site breaking ties") {
    const FieldState older = text_state("older", Stamp{100, 2});
    const FieldState newer = text_state("newer", Stamp{200, 1});
    CHECK(merge_field(older, newer) == newer);
    CHECK(merge_field(newer, older) == newer);
    const FieldState tie_low = text_state("low site", Stamp{300, 1});
    const FieldState tie_high = text_state("high site", Stamp{300, 2});
    CHECK(merge_field(tie_low, tie_high) == tie_high);
    CHECK(merge_field(tie_high, tie_low) == tie_high);
}

TEST_CASE("field merge is commutative, associative and idempotent") {
    tandem::testing::SeededRandom random(99);
    auto& engine = random.engine();
    const auto any_state = [&] {
        const std::uint64_t hlc = engine() % 4;
        const SiteId site = 1 + engine() % 3;
        FieldState state;
        state.stamp = Stamp{hlc, site};
        state.base = Stamp{engine() % 2, engine() % 2};
        state.value = std::string(1, static_cast<char>('a' + engine() % 3));
        return state;
    };
    for (int i = 0; i < 2000; ++i) {
        const FieldState a = any_state(), b = any_state(), c = any_state();
        CHECK(merge_field(a, b) == merge_field(b, a));
        CHECK(merge_field(merge_field(a, b), c) == merge_field(a, merge_field(b, c)));
        CHECK(merge_field(a, a) == a);
    }
}

TEST_CASE("a tombstone hides older edits; a later edit brings the record back") {
    Record local = valid_record(Kind::note);
    for (FieldState& field : local.fields) field.stamp = Stamp{10, 1};
    Record deleted = local;
    deleted.field(tombstone_field) = FieldState{std::int64_t{1}, Stamp{20, 1}, {}};
    CHECK(deleted.is_deleted());

    // An edit stamped before the delete stays hidden under the tombstone.
    Record early_edit = local;
    early_edit.field(Note::fields::body) = text_state("written before the delete", Stamp{15, 2}, Stamp{10, 1});
    const RecordMerge hidden = merge_records(deleted, early_edit);
    CHECK(hidden.merged.is_deleted());
    CHECK(std::get<std::string>(hidden.merged.field(Note::fields::body).value) == "written before the delete");
    CHECK(merge_records(early_edit, deleted).merged == hidden.merged);

    // An edit stamped after the delete revives the record, so it is not lost unseen.
    Record late_edit = local;
    late_edit.field(Note::fields::body) = text_state("written after the delete", Stamp{30, 2}, Stamp{10, 1});
    const RecordMerge revived = merge_records(deleted, late_edit);
    CHECK_FALSE(revived.merged.is_deleted());
    CHECK(revived.revived);
    CHECK(merge_records(late_edit, deleted).merged == revived.merged);
}

TEST_CASE("a concurrent text edit that loses is reported; a later one is not") {
    Record original = valid_record(Kind::note);
    for (FieldState& field : original.fields) field.stamp = Stamp{10, 1};
    Record mine = original, theirs = original;
    mine.field(Note::fields::body) = text_state("my version", Stamp{20, 1}, Stamp{10, 1});
    theirs.field(Note::fields::body) = text_state("their version", Stamp{25, 2}, Stamp{10, 1});

    const RecordMerge merge = merge_records(mine, theirs);
    CHECK(std::get<std::string>(merge.merged.field(Note::fields::body).value) == "their version");
    REQUIRE(merge.conflicts.size() == 1);
    CHECK(merge.conflicts[0].losing_text == "my version");
    CHECK(merge.conflicts[0].field == Note::fields::body);
    CHECK(merge.conflicts[0].losing == Stamp{20, 1});
    CHECK(merge.conflicts[0].winning == Stamp{25, 2});
    const RecordMerge reverse = merge_records(theirs, mine);
    REQUIRE(reverse.conflicts.size() == 1);
    CHECK(reverse.conflicts[0].losing_text == "my version");

    // Their edit made after seeing mine (base = my stamp) is a plain successor.
    Record successor = mine;
    successor.field(Note::fields::body) = text_state("built on yours", Stamp{30, 2}, Stamp{20, 1});
    CHECK(merge_records(mine, successor).conflicts.empty());
    CHECK(merge_records(successor, mine).conflicts.empty());
}

TEST_CASE("records survive a cereal portable binary round trip") {
    Record record = valid_record(Kind::action_step);
    record.created_by = RecordId::derived("author");
    record.created_at_ms = 1'795'338'000'123;
    record.field(ActionStep::fields::wording) = text_state("Wait three seconds after every question.", Stamp{77, 5}, Stamp{70, 4});
    record.field(ActionStep::fields::status) = FieldState{std::int64_t{1}, Stamp{78, 5}, {}};
    std::stringstream bytes;
    {
        cereal::PortableBinaryOutputArchive out(bytes);
        out(record);
    }
    Record back;
    {
        cereal::PortableBinaryInputArchive in(bytes);
        in(back);
    }
    CHECK(back == record);
}

TEST_CASE("every typed record survives a cereal round trip") {
    for_each_record_type([&](auto tag) {
        using T = typename decltype(tag)::type;
        T typed = from_record<T>(valid_record(T::kind));
        typed.meta.created_at_ms = 42;
        std::stringstream bytes;
        {
            cereal::PortableBinaryOutputArchive out(bytes);
            out(typed);
        }
        T back;
        {
            cereal::PortableBinaryInputArchive in(bytes);
            in(back);
        }
        CAPTURE(kind_name(T::kind));
        CHECK(to_record(back) == to_record(typed));
        CHECK(back.meta.created_at_ms == 42);
    });
}

TEST_CASE("a serialized text declaring more bytes than any field holds is refused before memory is set aside") {
    for (const std::uint64_t declared : {max_serialized_text_bytes + 1, std::uint64_t{1} << 40, ~std::uint64_t{0}}) {
        std::stringstream bytes;
        {
            cereal::PortableBinaryOutputArchive out(bytes);
            // As cereal writes a FieldState: its class version, the value's type index, the text's size.
            out(std::uint32_t{1}, std::int32_t{2}, cereal::make_size_tag(static_cast<cereal::size_type>(declared)));
        }
        FieldState field;
        CHECK_THROWS_WITH_AS(([&] {
                                 cereal::PortableBinaryInputArchive in(bytes);
                                 in(field);
                             }()),
                             "text too long", cereal::Exception);
    }
    // The longest text a field can hold still reads back.
    FieldState longest{std::string(static_cast<std::size_t>(max_serialized_text_bytes), 'x'), Stamp{1, 1}, {}};
    std::stringstream bytes;
    {
        cereal::PortableBinaryOutputArchive out(bytes);
        out(longest);
    }
    FieldState back;
    cereal::PortableBinaryInputArchive in(bytes);
    in(back);
    CHECK(back == longest);
}

TEST_CASE("damaged serialized records are refused, not trusted") {
    const Record record = valid_record(Kind::tally);
    std::stringstream bytes;
    {
        cereal::PortableBinaryOutputArchive out(bytes);
        out(record);
    }
    const std::string good = bytes.str();
    // Truncated at every length: always an exception, never a crash.
    for (std::size_t length = 0; length < good.size(); ++length) {
        std::stringstream cut(good.substr(0, length));
        Record back;
        CHECK_THROWS_AS(([&] {
                            cereal::PortableBinaryInputArchive in(cut);
                            in(back);
                        }()),
                        cereal::Exception);
    }
    // An unknown kind number.
    std::string unknown_kind = good;
    unknown_kind[1 + 4] = 99;  // after the endianness byte and the class version
    std::stringstream wrong(unknown_kind);
    Record back;
    CHECK_THROWS_AS(([&] {
                        cereal::PortableBinaryInputArchive in(wrong);
                        in(back);
                    }()),
                    cereal::Exception);
}

TEST_CASE("the starter library has at least 40 valid entries across every area") {
    const auto library = starter_library();
    CHECK(library.size() >= 40);
    std::set<std::string_view> keys;
    std::map<LibraryArea, int> per_area;
    for (const StarterEntry& entry : library) {
        CAPTURE(entry.key);
        CHECK(keys.insert(entry.key).second);
        ++per_area[entry.area];
        const LibraryEntry typed = library_entry_of(entry);
        CHECK_FALSE(check_record(to_record(typed)).has_value());
        CHECK_FALSE(entry.success_criteria.empty());
        CHECK_FALSE(entry.practice_task.empty());
    }
    for (std::int64_t area = ChoiceRange<LibraryArea>::min; area <= ChoiceRange<LibraryArea>::max; ++area) {
        CAPTURE(area);
        CHECK(per_area[static_cast<LibraryArea>(area)] >= 5);
        CHECK_FALSE(library_area_name(static_cast<LibraryArea>(area)).empty());
    }
}
