#pragma once
// The starter action-step library: Tandem's own bite-sized steps, shipped with
// the app and seeded into every database. Each entry is static, read-only data;
// users copy an entry to adapt it, or write their own.

#include <cstdint>
#include <span>
#include <string_view>

namespace tandem {

struct LibraryEntry;

// The area of teaching an action step belongs to.
enum class LibraryArea : std::uint8_t {
    routines_and_behaviour = 1,
    explaining_and_modelling = 2,
    questioning = 3,
    retrieval_practice = 4,
    checking_for_understanding = 5,
    feedback = 6,
    adaptive_teaching = 7,
};

// One starter entry. `key` is stable forever: the entry's record id is
// derived from it, so coach and coachee hold the same ids without exchanging
// them. The texts are plain UTF-8, within the library entry's field limits.
struct StarterEntry {
    std::string_view key;               // e.g. "routines.entry-routine"
    LibraryArea area;
    std::string_view title;             // a short name for lists, under 80 characters
    std::string_view wording;           // the step as said to the teacher
    std::string_view success_criteria;  // what an observer sees when it works
    std::string_view practice_task;     // what to rehearse in the meeting
};

// Every starter entry, in display order; the span views static storage.
std::span<const StarterEntry> starter_library();

// The entry as a library record, with its derived id (core/records.hpp).
LibraryEntry library_entry_of(const StarterEntry& entry);

// The English name of an area, e.g. "Checking for understanding".
std::string_view library_area_name(LibraryArea area);

}  // namespace tandem
