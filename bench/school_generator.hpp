#pragma once
// SchoolGenerator: a large school's coaching records, deterministic for a
// seed, written straight into a store in one transaction (the bench measures
// queries, not typing). Texts mix English with French, German, Polish and
// Spanish words so the search index sees accents.

#include <cstdint>
#include <vector>

#include "core/record_id.hpp"
#include "store/sqlite_record_store.hpp"

namespace tandem::bench {

struct SchoolSize {
    int people = 500;
    int pairings = 200;
    int meetings = 10'000;
    int notes = 100'000;
};

struct School {
    std::vector<RecordId> people;
    std::vector<RecordId> pairings;
    std::size_t records = 0;  // everything written, all kinds
};

// Writes the school into store; returns its ids. Fails only if the store does.
Result<School, StorageError> generate_school(store::SqliteRecordStore& store, const SchoolSize& size, std::uint64_t seed);

}  // namespace tandem::bench
