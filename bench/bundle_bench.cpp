// bundle_bench: a pairing-year (40 meetings, 200 notes, 30 action steps)
// sent and taken in as a bundle, and the passphrase key's cost. Prints one
// "figure" line per measure: export (the pairing's share read, encoded,
// sealed to a key and signed), import into a device that has none of it and
// into one that has it all (inspect, open, verify, preview and merge), the
// bundle's size, the memory decoding takes (of that bundle, and of one made
// of the smallest records a hostile writer can encode), and Argon2id with the
// parameters Tandem writes. Built natively, as wasm for Node, and for the
// browser (bench/bundle_bench.mjs).

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <new>
#include <string>
#include <vector>

#ifdef __EMSCRIPTEN__
#include <emscripten.h>
#endif

#include "core/partner_authority.hpp"
#include "crypto/bundle_reader.hpp"
#include "crypto/bundle_writer.hpp"
#include "crypto/passphrase_key.hpp"
#include "crypto/sodium_random_source.hpp"
#include "store/pairing_share.hpp"

using namespace tandem;
using Clock = std::chrono::steady_clock;

// [SECTION] Every allocation counted, to measure what decoding takes.
namespace {
std::size_t live_bytes = 0, peak_bytes = 0;
constexpr std::size_t size_prefix = 16;  // keeps malloc's alignment
}  // namespace

void* operator new(std::size_t size) {
    auto* block = static_cast<unsigned char*>(std::malloc(size + size_prefix));
    if (block == nullptr) throw std::bad_alloc();
    *reinterpret_cast<std::size_t*>(block) = size;
    live_bytes += size;
    peak_bytes = std::max(peak_bytes, live_bytes);
    return block + size_prefix;
}
void* operator new[](std::size_t size) { return operator new(size); }
void operator delete(void* pointer) noexcept {
    if (pointer == nullptr) return;
    auto* block = static_cast<unsigned char*>(pointer) - size_prefix;
    live_bytes -= *reinterpret_cast<std::size_t*>(block);
    std::free(block);
}
void operator delete[](void* pointer) noexcept { operator delete(pointer); }
void operator delete(void* pointer, std::size_t) noexcept { operator delete(pointer); }
void operator delete[](void* pointer, std::size_t) noexcept { operator delete(pointer); }

namespace {

constexpr int runs = 15;
constexpr int kdf_runs = 5;

double elapsed_ms(Clock::time_point since) {
    return std::chrono::duration<double, std::milli>(Clock::now() - since).count();
}

double percentile(std::vector<double> samples, double p) {
    std::sort(samples.begin(), samples.end());
    return samples[static_cast<std::size_t>(p * static_cast<double>(samples.size() - 1) + 0.5)];
}

void figure(const char* name, const std::vector<double>& samples) {
    std::printf("figure %-22s p50 %9.3f ms  p95 %9.3f ms  (n=%zu)\n", name, percentile(samples, 0.5),
                percentile(samples, 0.95), samples.size());
}

[[noreturn]] void die(const std::string& what) {
    std::fprintf(stderr, "bundle_bench: %s\n", what.c_str());
    std::exit(1);
}

template <class T, class E>
T must(Result<T, E> result, const char* what) {
    if (!result) die(what);
    return std::move(result).value();
}

// One device: a store in memory with its clock.
struct Device {
    std::unique_ptr<store::SqliteRecordStore> store;
    SystemWallClock wall;
    crypto::SodiumRandomSource random = *crypto::SodiumRandomSource::create();
    std::unique_ptr<HybridClock> clock;
    RecordId me;
    explicit Device(std::span<const std::uint8_t> image = {}) {
        auto db = image.empty() ? store::Database::open_in_memory() : store::Database::open_image(image);
        store = must(store::SqliteRecordStore::open(must(std::move(db), "database")), "store");
        clock = std::make_unique<HybridClock>(must(store->site_id(random), "site"), wall, 0);
    }
    CommandContext context() { return CommandContext{*store, *clock, random, me}; }
    template <class T>
    RecordId add(const T& draft) {
        auto ctx = context();
        return must(create(ctx, draft), "create");
    }
};

std::string words(int count, int seed) {
    static const char* vocabulary[] = {"the", "class", "settled", "quickly", "after", "entry", "routine", "students",
                                       "answered", "wait", "time", "questions", "modelled", "practice", "next"};
    std::string text;
    for (int i = 0; i < count; ++i) {
        if (!text.empty()) text += ' ';
        text += vocabulary[static_cast<std::size_t>(seed * 7 + i * 3) % std::size(vocabulary)];
    }
    return text;
}

}  // namespace

int main() {
    if (!crypto::initialize_sodium().ok()) die("libsodium");
    // A migrated database with the starter library and no device id yet: each device makes its own.
    const std::vector<std::uint8_t> empty_image =
        must(store::SqliteRecordStore::open(must(store::Database::open_in_memory(), "database")), "store")
            ->database()
            .image();

    // The coach's device: a pairing-year.
    Device coach(empty_image);
    Person alex;
    alex.display_name = "Alex Kim";
    {
        auto ctx = coach.context();
        coach.me = must(create_own_person(ctx, alex), "own person");
    }
    Person sam;
    sam.display_name = "Sam Patel";
    const RecordId coachee = coach.add(sam);
    Pairing pairing;
    pairing.coach = coach.me;
    pairing.coachee = coachee;
    pairing.starts_on = CalendarDate::from_ymd(2025, 9, 1);
    const RecordId pairing_id = coach.add(pairing);
    std::vector<RecordId> meetings;
    for (int i = 0; i < 40; ++i) {
        Meeting meeting;
        meeting.pairing = pairing_id;
        meeting.held_on = CalendarDate::from_ymd(2025, 9, 1).plus_days(i * 7);
        meeting.grow_goal = words(20, i);
        meeting.grow_reality = words(60, i + 1);
        meeting.grow_options = words(40, i + 2);
        meeting.grow_will = words(20, i + 3);
        meeting.shared_notes = words(80, i + 4);
        meetings.push_back(coach.add(meeting));
    }
    for (int i = 0; i < 200; ++i) {
        Note note;
        note.pairing = pairing_id;
        note.meeting = meetings[static_cast<std::size_t>(i % 40)];
        note.body = words(50, i);
        coach.add(note);
    }
    for (int i = 0; i < 30; ++i) {
        ActionStep step;
        step.pairing = pairing_id;
        step.meeting = meetings[static_cast<std::size_t>(i)];
        step.wording = words(15, i);
        step.success_criteria = words(20, i + 5);
        step.set_on = CalendarDate::from_ymd(2025, 9, 1).plus_days(i * 7);
        coach.add(step);
    }
    const crypto::Identity sender = crypto::Identity::generate();
    const crypto::Identity recipient = crypto::Identity::generate();

    std::vector<double> export_ms, import_new_ms, import_again_ms;
    std::vector<std::uint8_t> bundle;
    std::size_t records = 0;
    for (int run = 0; run < runs; ++run) {
        const auto started = Clock::now();
        crypto::BundleContent content;
        content.bundle_id = RecordId::random(coach.random);
        content.pairing = pairing_id;
        content.records = must(store::load_pairing_share(*coach.store, pairing_id), "share");
        const crypto::SecretKey key = crypto::new_file_key();
        const crypto::Stanza stanza = crypto::x25519_stanza(key, recipient.public_keys().box);
        bundle = must(crypto::write_bundle(content, sender, std::span(&stanza, 1), key), "write");
        export_ms.push_back(elapsed_ms(started));
        records = content.records.size();

        Device fresh(empty_image);
        for (auto* times : {&import_new_ms, &import_again_ms}) {
            const auto taken = Clock::now();
            const auto header = must(crypto::inspect_bundle(bundle), "inspect");
            const auto opened = must(crypto::open_bundle(bundle, header, recipient), "open");
            auto ctx = fresh.context();
            const PartnerScope scope{pairing_id, coach.me};
            const auto preview = must(take_in_from_partner(ctx, scope, opened.content.records, MergeMode::preview), "preview");
            const auto merged = must(take_in_from_partner(ctx, scope, opened.content.records), "merge");
            if (merged.merge.inserted != preview.merge.inserted) die("the preview and the merge disagree");
            if (!merged.refused.empty())
                die("an honest bundle had records left out: " + std::string(refusal_name(merged.refused[0].reason)));
            times->push_back(elapsed_ms(taken));
        }
    }
    std::printf("pairing-year: %zu records, bundle %.1f KB\n", records, static_cast<double>(bundle.size()) / 1024.0);
    figure("export", export_ms);
    figure("import_into_empty", import_new_ms);
    figure("import_again", import_again_ms);

    // Memory to decode: the pairing-year, then the same number of bytes of
    // the smallest records a writer can encode (one field each), which a
    // reader without a budget would blow up into every field of their kind.
    const auto measure_decode = [&](const char* name, const crypto::VerifiedBundle& verified) {
        const std::size_t before = live_bytes;
        peak_bytes = live_bytes;
        const auto decoded = crypto::decode_bundle(verified);
        const double taken = static_cast<double>(peak_bytes - before);
        std::printf("figure %-22s %6.2f bytes per content byte (content %.0f KB, peak %.0f KB, %s)\n", name,
                    taken / static_cast<double>(verified.content.size()),
                    static_cast<double>(verified.content.size()) / 1024.0, taken / 1024.0,
                    decoded ? "decoded" : "refused: over the budget");
    };
    const auto header = must(crypto::inspect_bundle(bundle), "inspect");
    const crypto::VerifiedBundle honest = must(crypto::verify_bundle(bundle, header, recipient), "verify");
    measure_decode("decode_memory", honest);
    crypto::BundleContent padded;
    padded.pairing = pairing_id;
    while (crypto::encode_bundle_content(padded).size() < honest.content.size()) {
        for (int i = 0; i < 1000; ++i) {
            Record smallest;
            smallest.kind = Kind::meeting;
            smallest.id = RecordId::random(coach.random);
            smallest.fields.resize(1);
            padded.records.push_back(std::move(smallest));
        }
    }
    measure_decode("decode_memory_hostile", crypto::VerifiedBundle{sender.public_keys(), crypto::encode_bundle_content(padded)});

    std::vector<double> kdf_ms;
    const auto salt = crypto::new_passphrase_salt();
    for (int run = 0; run < kdf_runs; ++run) {
        const auto started = Clock::now();
        must(crypto::derive_passphrase_key("maple harbour seven lanterns", salt, crypto::default_kdf_params), "kdf");
        kdf_ms.push_back(elapsed_ms(started));
    }
    std::printf("kdf: Argon2id opslimit %u, memlimit %u MiB\n", crypto::default_kdf_params.opslimit,
                crypto::default_kdf_params.memlimit / (1024 * 1024));
    figure("kdf", kdf_ms);
#ifdef __EMSCRIPTEN__
    EM_ASM({ if (typeof window !== "undefined") window.benchResult = { lines: window.benchLines || [] }; });
#endif
    return 0;
}
