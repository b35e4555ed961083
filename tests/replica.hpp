#pragma once
// A Replica: one device's store plus everything its commands need, for tests
// that edit, exchange and compare records.

#include <doctest/doctest.h>

#include <map>
#include <memory>
#include <vector>
#include <string>

#include "core/record_commands.hpp"
#include "store/sqlite_record_store.hpp"
#include "test_doubles.hpp"

namespace tandem::testing {

// One device: an in-memory store, a clock, and a profile person.
struct Replica {
    std::unique_ptr<store::SqliteRecordStore> store;
    ManualWallClock wall{test_epoch_ms};
    SeededRandom random;
    std::unique_ptr<HybridClock> clock;
    RecordId actor;

    // A new device; `image`, if given, is a database to start from (a fresh
    // one is migrated otherwise).
    explicit Replica(std::uint64_t seed, std::span<const std::uint8_t> image = {}) : random(seed) {
        auto db = image.empty() ? store::Database::open_in_memory() : store::Database::open_image(image);
        REQUIRE(db.ok());
        auto opened = store::SqliteRecordStore::open(std::move(db).value());
        REQUIRE_MESSAGE(opened.ok(), (opened.ok() ? "" : opened.error().message));
        store = std::move(opened).value();
        auto own_site = store->site_id(random);
        REQUIRE(own_site.ok());
        clock = std::make_unique<HybridClock>(own_site.value(), wall, store->load_clock().value());
    }

    CommandContext context() { return CommandContext{*store, *clock, random, actor}; }

    // Creates a typed record and returns its id; fails the test on an error.
    template <class T>
    RecordId add(const T& draft) {
        auto ctx = context();
        auto created = create(ctx, draft);
        REQUIRE_MESSAGE(created.ok(), (created.ok() ? std::string() : std::string(error_code_name(created.error().code)) +
                                                                          " " + created.error().detail));
        return created.value();
    }

    // Creates the profile person and makes them the actor.
    RecordId become(const std::string& name) {
        Person me;
        me.display_name = name;
        me.roles = person_roles::coach | person_roles::coachee;
        auto ctx = context();
        auto created = create_own_person(ctx, me);
        REQUIRE(created.ok());
        actor = created.value();
        return actor;
    }
};

// A migrated, empty database image with the starter library, to start
// replicas from quickly. It has no site id: each replica makes its own.
std::vector<std::uint8_t> fresh_database_image();

// Every shared record a replica would send its partner: what a bundle holds,
// passed through cereal as a bundle's payload will be.
std::vector<Record> shared_records(Replica& replica);
// Sends replica `from`'s shared records to `to`; returns the merge report.
MergeReport send(Replica& from, Replica& to);
// Every record of a replica, for comparing replicas (private ones only if asked).
std::vector<Record> all_records(Replica& replica, bool include_private);

// One of every kind, linked as in real use: `me` coaches `partner`.
struct CoachingGraph {
    RecordId me, partner, priority, pairing, cycle, goal, meeting, note, private_note, observation,
        observation_note, tally, step, practice, practice_round, reflection, evidence, time_log, training, checkin,
        library_entry, status_change;
    std::map<Kind, RecordId> by_kind;  // one record of each kind
};
CoachingGraph build_graph(Replica& replica);

}  // namespace tandem::testing
