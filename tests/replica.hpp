#pragma once
// A Replica: one device's store plus everything its commands need, for tests
// that edit, exchange and compare records.

#include <doctest/doctest.h>

#include <memory>
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

    explicit Replica(std::uint64_t seed, SiteId site = 0) : random(seed) {
        auto db = store::Database::open_in_memory();
        REQUIRE(db.ok());
        auto opened = store::SqliteRecordStore::open(std::move(db).value());
        REQUIRE_MESSAGE(opened.ok(), (opened.ok() ? "" : opened.error().message));
        store = std::move(opened).value();
        auto own_site = store->site_id(random);
        REQUIRE(own_site.ok());
        clock = std::make_unique<HybridClock>(site != 0 ? site : own_site.value(), wall);
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

}  // namespace tandem::testing
