#include "school_generator.hpp"

#include <random>
#include <string>

#include "core/record_binding.hpp"

namespace tandem::bench {

namespace {

constexpr const char* vocabulary[] = {
    "students", "question", "answer", "think", "pair", "share", "cold", "call", "wait", "time", "routine", "entry",
    "exit", "model", "worked", "example", "retrieval", "quiz", "starter", "hinge", "misconception", "feedback",
    "whiteboards", "explain", "vocabulary", "scaffold", "practice", "rehearse", "script", "praise", "narrate",
    "transition", "seating", "plan", "lesson", "group", "reading", "writing", "fractions", "photosynthesis",
    "equations", "essay", "paragraph", "evidence", "tally", "observe", "noticed", "improved", "confident",
    "élève", "réponse", "naïve", "Straße", "Schüler", "Übung", "Łódź", "łatwe", "pytanie", "niño", "mañana",
    "año", "café", "résumé", "coöperate", "façade", "Ærø", "œuvre", "garçon", "über", "zażółć", "gęślą", "jaźń"};
constexpr const char* first_names[] = {"Sam", "Alex", "Priya", "Tomasz", "Zoë", "Hannah", "Oluwaseun", "Chloé",
                                       "Mohammed", "Aoife", "Jürgen", "Łucja", "Carmen", "Ravi", "Grace", "Ben"};
constexpr const char* last_names[] = {"Patel", "Kim", "Nowak", "Okafor", "Müller", "O'Brien", "García", "Dubois",
                                      "Smith", "Khan", "Łukasik", "Jones", "Rossi", "Novák", "Evans", "Ahmed"};

class Generator final : public RandomSource {
public:
    explicit Generator(std::uint64_t seed) : engine_(seed) {}
    void fill(std::span<std::uint8_t> out) override {
        for (std::uint8_t& byte : out) byte = static_cast<std::uint8_t>(engine_());
    }
    std::size_t below(std::size_t bound) { return static_cast<std::size_t>(engine_() % bound); }
    std::string words(std::size_t count) {
        std::string text;
        for (std::size_t i = 0; i < count; ++i) {
            if (i) text += ' ';
            text += vocabulary[below(std::size(vocabulary))];
        }
        return text;
    }

private:
    std::mt19937_64 engine_;
};

}  // namespace

Result<School, StorageError> generate_school(store::SqliteRecordStore& store, const SchoolSize& size,
                                             std::uint64_t seed) {
    Generator random(seed);
    School school;
    const Stamp stamp{hlc_pack(1'795'338'000'000, 0), 1};
    const CalendarDate year_start = CalendarDate::from_ymd(2025, 9, 1);
    auto write = [&](auto typed) -> Result<RecordId, StorageError> {
        typed.meta.id = RecordId::random(random);
        typed.meta.created_by = school.people.empty() ? typed.meta.id : school.people[random.below(school.people.size())];
        typed.meta.created_at_ms = 1'795'338'000'000;
        Record record = to_record(typed);
        for (FieldState& field : record.fields) field.stamp = stamp;
        if (auto saved = store.save(record); !saved) return fail(saved.error());
        ++school.records;
        return record.id;
    };

    if (auto begun = store.begin(); !begun) return fail(begun.error());
    for (int i = 0; i < size.people; ++i) {
        Person person;
        // one draw per statement: the order operands are evaluated in differs between compilers
        person.display_name = first_names[random.below(std::size(first_names))];
        person.display_name += std::string(" ") + last_names[random.below(std::size(last_names))];
        person.subject = random.words(1);
        auto id = write(person);
        if (!id) return fail(id.error());
        school.people.push_back(id.value());
    }
    for (int i = 0; i < size.pairings; ++i) {
        Pairing pairing;
        pairing.coach = school.people[random.below(school.people.size() / 4)];  // a quarter of staff coach
        do {
            pairing.coachee = school.people[random.below(school.people.size())];
        } while (pairing.coachee == pairing.coach);
        pairing.starts_on = year_start.plus_days(static_cast<std::int32_t>(random.below(60)));
        pairing.cadence = static_cast<Cadence>(random.below(4));
        pairing.agreement_shared = random.words(20);
        auto id = write(pairing);
        if (!id) return fail(id.error());
        school.pairings.push_back(id.value());
    }
    const int meetings_per_pairing = size.meetings / size.pairings;
    const int notes_per_meeting = size.notes / size.meetings;
    for (const RecordId& pairing : school.pairings) {
        for (int m = 0; m < meetings_per_pairing; ++m) {
            Meeting meeting;
            meeting.pairing = pairing;
            meeting.held_on = year_start.plus_days(static_cast<std::int32_t>(m * 365 / meetings_per_pairing));
            meeting.status = meeting.held_on < CalendarDate::from_ymd(2026, 11, 22) ? MeetingStatus::held
                                                                                    : MeetingStatus::planned;
            meeting.stance = static_cast<Stance>(random.below(4));
            meeting.model = CoachingModel::action_step;
            meeting.shared_notes = random.words(40);
            meeting.step_praise = random.words(12);
            meeting.step_name_it = random.words(8);
            meeting.next_on = meeting.held_on.plus_days(14);
            auto meeting_id = write(meeting);
            if (!meeting_id) return fail(meeting_id.error());
            for (int n = 0; n < notes_per_meeting; ++n) {
                Note note;
                note.pairing = pairing;
                note.meeting = meeting_id.value();
                note.body = random.words(15 + random.below(30));
                if (random.below(5) == 0) note.meta.visibility = Visibility::private_to_author;
                if (auto id = write(note); !id) return fail(id.error());
            }
            if (m % 2 == 0) {
                ActionStep step;
                step.pairing = pairing;
                step.meeting = meeting_id.value();
                step.wording = random.words(12);
                step.set_on = meeting.held_on;
                step.check_back_on = meeting.held_on.plus_days(14);
                step.status = static_cast<StepStatus>(random.below(4));
                if (auto id = write(step); !id) return fail(id.error());
            }
        }
        for (int t = 0; t < 10; ++t) {
            TimeLog log;
            log.pairing = pairing;
            log.logged_on = year_start.plus_days(static_cast<std::int32_t>(random.below(400)));
            log.minutes = static_cast<std::int64_t>(10 + random.below(50));
            if (auto id = write(log); !id) return fail(id.error());
        }
    }
    if (auto done = store.commit(); !done) return fail(done.error());
    return school;
}

}  // namespace tandem::bench
