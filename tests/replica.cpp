#include "replica.hpp"

#include <cereal/archives/portable_binary.hpp>

#include <sstream>

#include "core/record_serialization.hpp"

namespace tandem::testing {

std::vector<std::uint8_t> fresh_database_image() {
    auto db = store::Database::open_in_memory();
    REQUIRE(db.ok());
    auto opened = store::SqliteRecordStore::open(std::move(db).value());
    REQUIRE(opened.ok());
    return opened.value()->database().image();
}

std::vector<Record> all_records(Replica& replica, bool include_private) {
    std::vector<Record> records;
    for (const Kind kind : all_kinds()) {
        auto loaded = replica.store->load_all(kind);
        REQUIRE(loaded.ok());
        for (Record& record : loaded.value()) {
            if (record.created_by.is_nil()) continue;  // Tandem's own starter entries
            if (!include_private && record.visibility != Visibility::shared) continue;
            records.push_back(std::move(record));
        }
    }
    return records;
}

std::vector<Record> shared_records(Replica& replica) {
    std::vector<Record> records = all_records(replica, false);
    for (Record& record : records)
        if (record.is_deleted()) record = bare_tombstone(record);  // as a bundle carries it
    std::stringstream bytes;
    {
        cereal::PortableBinaryOutputArchive out(bytes);
        out(records.size());
        for (const Record& record : records) out(record);
    }
    std::vector<Record> received;
    cereal::PortableBinaryInputArchive in(bytes);
    std::size_t count = 0;
    in(count);
    received.resize(count);
    for (Record& record : received) in(record);
    return received;
}

MergeReport send(Replica& from, Replica& to) {
    const std::vector<Record> records = shared_records(from);
    auto context = to.context();
    auto report = apply_remote(context, records);
    REQUIRE_MESSAGE(report.ok(), (report.ok() ? std::string() : report.error().detail));
    return report.value();
}

CoachingGraph build_graph(Replica& replica) {
    CoachingGraph g;
    g.me = replica.become("Sam Patel");
    Person partner;
    partner.display_name = "Zoë Łukasik";
    partner.subject = "Français";
    partner.career_stage = CareerStage::early_career;
    g.partner = replica.add(partner);

    Priority priority;
    priority.title = "Retrieval practice in every lesson";
    g.priority = replica.add(priority);

    LibraryEntry own_entry;
    own_entry.area = LibraryArea::questioning;
    own_entry.title = "Say the question, then the name";
    own_entry.wording = "Ask the whole class first, pause, then name who answers.";
    g.library_entry = replica.add(own_entry);

    Pairing pairing;
    pairing.coach = g.me;
    pairing.coachee = g.partner;
    pairing.starts_on = CalendarDate::from_ymd(2026, 9, 1);
    pairing.cadence = Cadence::fortnightly;
    pairing.model = CoachingModel::action_step;
    pairing.agreement_shared = "Notes and steps are shared between us; nothing goes to leaders.";
    g.pairing = replica.add(pairing);

    Cycle cycle;
    cycle.pairing = g.pairing;
    cycle.focus = "Questioning that includes every student";
    cycle.priority = g.priority;
    cycle.starts_on = CalendarDate::from_ymd(2026, 9, 15);
    g.cycle = replica.add(cycle);

    Goal goal;
    goal.cycle = g.cycle;
    goal.statement = "Every student answers at least one question each lesson";
    goal.peers_powerful = goal.peers_student_focused = true;
    goal.measure = "Tally of students answering";
    goal.baseline = "11 of 28";
    goal.target = "28 of 28";
    g.goal = replica.add(goal);

    Meeting meeting;
    meeting.pairing = g.pairing;
    meeting.cycle = g.cycle;
    meeting.held_on = CalendarDate::from_ymd(2026, 11, 10);
    meeting.status = MeetingStatus::held;
    meeting.stance = Stance::dialogical;
    meeting.step_praise = "Clear routine for handing out books.";
    meeting.step_name_it = "Cold call after think time";
    meeting.next_on = CalendarDate::from_ymd(2026, 11, 24);
    g.meeting = replica.add(meeting);

    Note note;
    note.pairing = g.pairing;
    note.meeting = g.meeting;
    note.body = "Agreed to try cold call with the élève names on lolly sticks.";
    g.note = replica.add(note);
    Note private_note = note;
    private_note.body = "Ask how the move to the new building is going.";
    private_note.meta.visibility = Visibility::private_to_author;
    g.private_note = replica.add(private_note);

    Observation observation;
    observation.pairing = g.pairing;
    observation.observed_on = CalendarDate::from_ymd(2026, 11, 17);
    observation.class_name = "9X2";
    observation.focus = "Cold call";
    observation.duration_minutes = 25;
    g.observation = replica.add(observation);
    ObservationNote observation_note;
    observation_note.observation = g.observation;
    observation_note.second_of_day = 9 * 3600 + 14 * 60;
    observation_note.body = "T asks 3 cold-call questions, 2 answered";
    g.observation_note = replica.add(observation_note);
    Tally tally;
    tally.observation = g.observation;
    tally.label = "Students answering";
    tally.total = 7;
    g.tally = replica.add(tally);

    ActionStep step;
    step.pairing = g.pairing;
    step.meeting = g.meeting;
    step.priority = g.priority;
    step.wording = "Pause three seconds after each question before naming a student";
    step.set_on = CalendarDate::from_ymd(2026, 11, 10);
    step.check_back_on = CalendarDate::from_ymd(2026, 11, 24);
    g.step = replica.add(step);

    Practice practice;
    practice.pairing = g.pairing;
    practice.step = g.step;
    practice.practised_on = CalendarDate::from_ymd(2026, 11, 10);
    practice.script = "Question, pause, name, praise the attempt";
    g.practice = replica.add(practice);
    PracticeRound round;
    round.practice = g.practice;
    round.feedback = "Pause was two seconds; slow the count";
    g.practice_round = replica.add(round);

    Reflection reflection;
    reflection.pairing = g.pairing;
    reflection.written_on = CalendarDate::from_ymd(2026, 11, 18);
    reflection.prompt = "What surprised you?";
    reflection.body = "Quieter students answered when they had time to think.";
    g.reflection = replica.add(reflection);

    Evidence evidence;
    evidence.pairing = g.pairing;
    evidence.step = g.step;
    evidence.collected_on = CalendarDate::from_ymd(2026, 11, 17);
    evidence.evidence_kind = EvidenceKind::tally_after;
    evidence.description = "Students answering, before and after";
    evidence.tally_value = 19;
    evidence.tally_out_of = 28;
    g.evidence = replica.add(evidence);

    TimeLog log;
    log.pairing = g.pairing;
    log.logged_on = CalendarDate::from_ymd(2026, 11, 9);
    log.minutes = 20;
    log.category = TimeCategory::preparation;
    log.comment = "Watched the lesson video";
    g.time_log = replica.add(log);

    TrainingRecord training;
    training.person = g.me;
    training.training_kind = TrainingKind::refresher;
    training.completed_on = CalendarDate::from_ymd(2026, 10, 5);
    training.title = "Coaching refresher: stances";
    g.training = replica.add(training);

    PairingCheckIn checkin;
    checkin.pairing = g.pairing;
    checkin.answered_on = CalendarDate::from_ymd(2026, 11, 18);
    checkin.answer = CheckInAnswer::mostly;
    checkin.comment = "Useful, but meetings run over.";
    g.checkin = replica.add(checkin);

    auto ctx = replica.context();
    REQUIRE(set_step_status(ctx, g.step, StepStatus::practising, CalendarDate::from_ymd(2026, 11, 12),
                            "Tried it in period 2").ok());
    auto changes = replica.store->load_all(Kind::step_status_change);
    REQUIRE(changes.ok());
    REQUIRE(changes.value().size() == 1);
    g.status_change = changes.value()[0].id;

    g.by_kind = {{Kind::person, g.partner},          {Kind::priority, g.priority},
                 {Kind::pairing, g.pairing},         {Kind::cycle, g.cycle},
                 {Kind::goal, g.goal},               {Kind::meeting, g.meeting},
                 {Kind::note, g.note},               {Kind::observation, g.observation},
                 {Kind::observation_note, g.observation_note}, {Kind::tally, g.tally},
                 {Kind::action_step, g.step},        {Kind::practice, g.practice},
                 {Kind::practice_round, g.practice_round}, {Kind::reflection, g.reflection},
                 {Kind::evidence, g.evidence},       {Kind::time_log, g.time_log},
                 {Kind::training_record, g.training}, {Kind::pairing_checkin, g.checkin},
                 {Kind::library_entry, g.library_entry}, {Kind::step_status_change, g.status_change}};
    return g;
}

}  // namespace tandem::testing
