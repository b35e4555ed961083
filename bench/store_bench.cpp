// store_bench: the store's figures on a large school (500 people, 200
// pairings, 10,000 meetings, 100,000 notes): database size, open time, and
// the agenda, timeline, hours and search query times as p50/p95. Prints one
// "figure" line per measurement for scripts/bench.sh to compare.

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <string>
#include <vector>

#include "school_generator.hpp"
#include "store/coaching_queries.hpp"
#include "store/record_search.hpp"

using namespace tandem;
using Clock = std::chrono::steady_clock;

namespace {

double elapsed_ms(Clock::time_point since) {
    return std::chrono::duration<double, std::milli>(Clock::now() - since).count();
}

double percentile(std::vector<double> samples, double p) {
    std::sort(samples.begin(), samples.end());
    const auto index = static_cast<std::size_t>(p * static_cast<double>(samples.size() - 1) + 0.5);
    return samples[index];
}

void figure(const char* name, const std::vector<double>& samples) {
    std::printf("figure %-18s p50 %9.3f ms  p95 %9.3f ms  (n=%zu)\n", name, percentile(samples, 0.5),
                percentile(samples, 0.95), samples.size());
}

[[noreturn]] void die(const std::string& what) {
    std::fprintf(stderr, "store_bench: %s\n", what.c_str());
    std::exit(1);
}

template <class T>
T must(Result<T, StorageError> result, const char* what) {
    if (!result) die(std::string(what) + ": " + result.error().message);
    return std::move(result).value();
}

}  // namespace

int main() {
    const bench::SchoolSize size;
    auto store = must(store::SqliteRecordStore::open(must(store::Database::open_in_memory(), "open")), "store");
    const auto started = Clock::now();
    const bench::School school = must(bench::generate_school(*store, size, 2026), "generate");
    std::printf("school: %d people, %d pairings, %d meetings, %d notes; %zu records written in %.1f s\n", size.people,
                size.pairings, size.meetings, size.notes, school.records, elapsed_ms(started) / 1000);

    const std::vector<std::uint8_t> image = store->database().image();
    store.reset();
    std::printf("figure %-18s %9.1f MB\n", "database_size", static_cast<double>(image.size()) / (1024.0 * 1024.0));

    // Open: the image into memory, the schema checked, the queries prepared.
    std::vector<double> open_samples;
    for (int i = 0; i < 5; ++i) {
        const auto t = Clock::now();
        auto opened = must(store::SqliteRecordStore::open(must(store::Database::open_image(image), "image")), "reopen");
        auto queries = must(store::CoachingQueries::prepare(opened->database()), "queries");
        auto search = must(store::RecordSearch::prepare(opened->database()), "search");
        open_samples.push_back(elapsed_ms(t));
        if (i < 4) continue;
        store = std::move(opened);
    }
    figure("open", open_samples);

    auto queries = must(store::CoachingQueries::prepare(store->database()), "queries");
    auto search = must(store::RecordSearch::prepare(store->database()), "search");
    const CalendarDate today = CalendarDate::from_ymd(2026, 11, 22);

    const auto time_each = [](int count, const std::function<void(int)>& run) {
        std::vector<double> samples;
        for (int i = 0; i < count; ++i) {
            const auto t = Clock::now();
            run(i);
            samples.push_back(elapsed_ms(t));
        }
        return samples;
    };

    std::size_t agenda_items = 0;
    figure("agenda", time_each(30, [&](int) { agenda_items = must(queries.agenda(today), "agenda").size(); }));
    std::size_t timeline_entries = 0;
    figure("timeline", time_each(200, [&](int i) {
               timeline_entries += must(queries.timeline(school.pairings[static_cast<std::size_t>(i) % school.pairings.size()]), "timeline").size();
           }));
    figure("hours_used", time_each(200, [&](int i) {
               (void)must(queries.hours_used(school.pairings[static_cast<std::size_t>(i) % school.pairings.size()], today), "hours");
           }));

    // Search: what coaches type, from rare names to the commonest words, whole and partial.
    const std::vector<std::string> typed = {"students", "question", "cold call", "wait time", "ret", "whi",
                                            "eleve",    "lodz",     "strasse",   "Łukasik",   "photosynthesis",
                                            "feedback hinge", "mañana", "misconc", "zazolc gesla", "th"};
    std::size_t hits = 0;
    std::vector<double> all;
    for (const std::string& query : typed) {
        std::size_t found = 0;
        std::vector<double> samples = time_each(20, [&](int) { found = must(search.search(query), "search").size(); });
        std::string label = "\"" + query + "\"";
        const auto letters = std::count_if(label.begin(), label.end(), [](char c) { return (c & 0xC0) != 0x80; });
        label.append(static_cast<std::size_t>(std::max<std::ptrdiff_t>(0, 16 - letters)), ' ');
        std::printf("  search %s p50 %8.3f ms  (%zu hits)\n", label.c_str(), percentile(samples, 0.5), found);
        hits += found;
        all.insert(all.end(), samples.begin(), samples.end());
    }
    figure("search", all);
    std::printf("(agenda items: %zu, timeline entries: %zu, search hits: %zu)\n", agenda_items, timeline_entries, hits);
    return 0;
}
