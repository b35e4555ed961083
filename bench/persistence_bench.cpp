// persistence_bench: the records' persistence measured in the browser, on the
// real IndexedDB PageStore. The page bench/persistence_bench.html runs one
// mode, named by its URL's hash, on pages in the clear or, with "-vault"
// after the mode's name, encrypted in a profile's vault as the app keeps
// them; bench/persistence_bench.mjs drives it:
//   #commits   500 single-row commits (one INSERT, its own transaction), each
//              timed from the statement's start to IndexedDB's complete event
//              for its batch; then 500 of Tandem's own edits (a profile
//              field changed through the core's command, as one keystroke is).
//   #generate  writes the large school (bench/school_generator) and waits
//              until IndexedDB holds it.
//   #open      opens what #generate stored: IndexedDB read, pages checked,
//              record store opened, today's agenda queried. In the vault,
//              the passphrase's key (Argon2id at the app's cost) comes
//              first, as an unlock does once the records are read.
// The vault of #generate-vault is a profile the app lists ("Large school",
// bench_passphrase), so the app's own unlock can be timed on it.
// Each mode ends by handing a JSON object to window.benchDone.

#include <emscripten.h>

#include <cstdio>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/vault_page_codec.hpp"
#include "core/hybrid_clock.hpp"
#include "core/record_commands.hpp"
#include "crypto/passphrase_key.hpp"
#include "crypto/sodium_runtime.hpp"
#include "crypto/vault_header.hpp"
#include "crypto/sodium_random_source.hpp"
#include "platform/web/indexed_db_page_store.hpp"
#include "platform/web/records_storage.hpp"
#include "school_generator.hpp"
#include "store/coaching_queries.hpp"
#include "store/paged_database.hpp"

using namespace tandem;

namespace {

// clang-format off
EM_JS(void, bench_done, (const char* json), {
    window.benchDone(JSON.parse(UTF8ToString(json)));
});
EM_JS(int, bench_mode_length, (), { return lengthBytesUTF8(location.hash.slice(1)); });
EM_JS(void, bench_mode, (char* out, int size), { stringToUTF8(location.hash.slice(1), out, size); });
// clang-format on

constexpr int commits = 500;
constexpr const char* bench_passphrase = "bench school lantern orbit";
// The profile the vault modes keep the records in (a profile id is 32 hex digits).
constexpr const char* vault_database = "tandem-profile-0000000000000000000000000000beef";
constexpr const char* plain_database = "tandem-bench-plain";

void finish(const std::string& json) { bench_done(json.c_str()); }

[[noreturn]] void die(const std::string& what) {
    finish("{\"error\":\"" + what + "\"}");
    std::fprintf(stderr, "persistence_bench: %s\n", what.c_str());
    emscripten_force_exit(1);
    __builtin_unreachable();
}

std::string describe(const CommandError& error) { return std::string(error_code_name(error.code)) + " " + error.detail; }
std::string describe(crypto::BundleError error) { return std::string(crypto::bundle_error_name(error)); }
std::string describe(const crypto::VaultError& error) { return std::string(crypto::vault_failure_name(error.failure)); }
template <class E>
std::string describe(const E& error) {
    return error.message;
}

template <class T, class E>
T must(Result<T, E> result, const char* what) {
    if (!result) die(std::string(what) + ": " + describe(result.error()));
    return std::move(result).value();
}
template <class E>
void must(Result<void, E> result, const char* what) {
    if (!result) die(std::string(what) + ": " + describe(result.error()));
}

std::string json_array(const std::vector<double>& values) {
    std::string out = "[";
    char number[32];
    for (double value : values) {
        std::snprintf(number, sizeof number, "%s%.3f", out.size() > 1 ? "," : "", value);
        out += number;
    }
    return out + "]";
}

// What one mode holds while the browser's event loop runs it.
struct Bench {
    std::string mode;
    bool vault = false;  // the pages are encrypted in a profile's vault
    double started_ms = 0;
    double loaded_ms = 0;  // the storage reported the records read
    double kdf_ms = 0;     // the vault's passphrase key took this long
    std::unique_ptr<platform::IndexedDbPageStore> pages;
    std::unique_ptr<platform::RecordsStorage> storage;
    store::IdentityPageCodec plain;
    std::unique_ptr<app::VaultPageCodec> vault_codec;
    store::PageCodec& codec() { return vault_codec ? static_cast<store::PageCodec&>(*vault_codec) : plain; }
    std::unique_ptr<store::PagedDatabase> database;
    std::unique_ptr<store::SqliteRecordStore> records;
    // Runs once the store holds every commit made so far.
    std::function<void()> when_saved;
    // The commit loop's state.
    int done = 0;
    double commit_started_ms = 0;
    double committed_ms = 0;
    std::vector<double> in_memory, durable;
    // For Tandem's own edits.
    SystemWallClock wall;
    std::optional<crypto::SodiumRandomSource> random;
    std::optional<HybridClock> clock;
    RecordId person;
};

Bench* run = nullptr;  // the one of this page

// Later, from the event loop, not inside the write's own callback.
void soon(std::function<void()> step) {
    auto* owned = new std::function<void()>(std::move(step));
    emscripten_async_call(
        [](void* raw) {
            std::unique_ptr<std::function<void()>> step(static_cast<std::function<void()>*>(raw));
            (*step)();
        },
        owned, 0);
}

void on_progress() {
    const store::SaveProgress& progress = run->database->progress();
    if (progress.last_failure) die("a write failed: " + progress.last_failure->message);
    if (!progress.saved() || !run->when_saved) return;
    soon(std::exchange(run->when_saved, {}));
}

// Runs `commit` `commits` times, one after another's batch is durable,
// then `then` with the in-memory and durable times of each.
void time_commits(std::function<void(int)> commit, std::function<void()> then) {
    run->done = 0;
    run->in_memory.clear();
    run->durable.clear();
    auto step = std::make_shared<std::function<void()>>();
    *step = [commit, then, step] {
        if (run->done > 0) {
            run->durable.push_back(emscripten_get_now() - run->commit_started_ms);
            run->in_memory.push_back(run->committed_ms - run->commit_started_ms);
        }
        if (run->done == commits) {
            then();
            return;
        }
        run->commit_started_ms = emscripten_get_now();
        commit(run->done++);
        run->committed_ms = emscripten_get_now();
        run->when_saved = *step;
        on_progress();
    };
    (*step)();
}

void run_commits() {
    store::Database& db = run->database->database();
    must(db.execute("CREATE TABLE bench(id INTEGER PRIMARY KEY, body TEXT NOT NULL);"), "create");
    const std::string insert =
        "INSERT INTO bench(body) VALUES('Asked three cold-call questions before the starter; two were answered "
        "in full sentences, one pupil needed the sentence stem. Wait time about four seconds.');";
    run->when_saved = [insert] {
        time_commits([insert](int) { must(run->database->database().execute(insert), "insert"); }, [] {
            const std::string rows = "\"rows\":{\"inMemory\":" + json_array(run->in_memory) +
                                     ",\"durable\":" + json_array(run->durable) + "}";
            // Tandem's own edits: the record store over the same database.
            run->records = must(store::SqliteRecordStore::attach(run->database->database()), "record store");
            run->random = crypto::SodiumRandomSource::create();
            if (!run->random) die("no random source");
            const SiteId site = must(run->records->site_id(*run->random), "site");
            run->clock.emplace(site, run->wall, must(run->records->load_clock(), "clock"));
            CommandContext context{*run->records, *run->clock, *run->random, RecordId{}};
            Person draft;
            draft.display_name = "Ana";
            run->person = must(create_own_person(context, draft), "person");
            run->when_saved = [rows] {
                time_commits(
                    [](int i) {
                        CommandContext context{*run->records, *run->clock, *run->random, run->person};
                        std::string name = "Ana Kowalska-Nowak";
                        name.resize(4 + static_cast<std::size_t>(i) % 14);
                        must(update_field(context, Kind::person, run->person, Person::fields::display_name, name),
                             "edit");
                    },
                    [rows] {
                        finish("{" + rows + ",\"edits\":{\"inMemory\":" + json_array(run->in_memory) +
                               ",\"durable\":" + json_array(run->durable) + "}}");
                    });
            };
            on_progress();
        });
    };
    on_progress();
}

void run_generate() {
    const double started = emscripten_get_now();
    run->records = must(store::SqliteRecordStore::attach(run->database->database()), "record store");
    const bench::School school = must(bench::generate_school(*run->records, bench::SchoolSize{}, 2026), "generate");
    const double generated = emscripten_get_now();
    const std::uint64_t bytes = run->database->database().image().size();
    run->when_saved = [started, generated, bytes, records = school.records] {
        char json[256];
        std::snprintf(json, sizeof json,
                      "{\"records\":%zu,\"bytes\":%llu,\"generateMs\":%.1f,\"storeMs\":%.1f}", records,
                      static_cast<unsigned long long>(bytes), generated - started, emscripten_get_now() - generated);
        finish(json);
    };
    on_progress();
}

void run_open(double opened_ms) {
    run->records = must(store::SqliteRecordStore::attach(run->database->database()), "record store");
    auto queries = must(store::CoachingQueries::prepare(run->database->database()), "queries");
    const double store_ms = emscripten_get_now();
    const auto agenda = must(queries.agenda(CalendarDate::from_ymd(2026, 11, 22)), "agenda");
    const double agenda_ms = emscripten_get_now();
    char json[360];
    std::snprintf(json, sizeof json,
                  "{\"bytes\":%zu,\"agendaItems\":%zu,\"mainMs\":%.1f,\"loadedMs\":%.1f,\"kdfMs\":%.1f,"
                  "\"pagesMs\":%.1f,\"storeMs\":%.1f,\"agendaMs\":%.1f,\"totalMs\":%.1f}",
                  run->database->database().image().size(), agenda.size(), run->started_ms, run->loaded_ms,
                  run->kdf_ms, opened_ms - run->loaded_ms - run->kdf_ms, store_ms - opened_ms, agenda_ms - store_ms,
                  agenda_ms - run->started_ms);
    finish(json);
}

crypto::SecretKey passphrase_key(const crypto::PassphraseSalt& salt, crypto::KdfParams kdf) {
    return must(crypto::derive_passphrase_key(bench_passphrase, salt, kdf), "passphrase key");
}

// The vault's codec: a new vault for a mode that writes (a profile's header,
// name and colour go with the first batch), the stored one's for #open.
void open_vault() {
    if (run->mode == "open") {
        const auto stored = must(run->pages->loaded_header(), "header");
        if (!stored) die("no vault header: run #generate-vault first");
        const crypto::VaultHeader header = must(crypto::VaultHeader::decode(*stored), "header");
        const double started = emscripten_get_now();
        const crypto::SecretKey key = passphrase_key(header.salt, header.kdf);
        run->vault_codec = std::make_unique<app::VaultPageCodec>(must(open_with_passphrase(header, key), "unlock"),
                                                                 header.id);
        run->kdf_ms = emscripten_get_now() - started;
        return;
    }
    // Commits need no slow key: they time the pages, not the lock.
    const crypto::KdfParams kdf = run->mode == "generate" ? crypto::default_kdf_params : crypto::KdfParams{1, 8192};
    const crypto::PassphraseSalt salt = crypto::new_passphrase_salt();
    const crypto::NewVault made = crypto::create_vault(passphrase_key(salt, kdf), kdf, salt);
    run->pages->set_first_meta(made.header.encode(), "Large school", 3);
    run->vault_codec = std::make_unique<app::VaultPageCodec>(made.master_key, made.header.id);
}

void records_ready() {
    run->loaded_ms = emscripten_get_now();
    if (run->vault) open_vault();
    run->database = must(store::PagedDatabase::open(*run->pages, run->codec()), "open");
    const double opened_ms = emscripten_get_now();
    run->database->on_progress(on_progress);
    if (run->mode == "commits") run_commits();
    else if (run->mode == "generate") run_generate();
    else if (run->mode == "open") run_open(opened_ms);
    else die("unknown mode " + run->mode);
}

}  // namespace

int main() {
    run = new Bench;
    run->started_ms = emscripten_get_now();
    if (!crypto::initialize_sodium().ok()) die("libsodium");
    std::string mode(static_cast<std::size_t>(bench_mode_length()) + 1, '\0');
    bench_mode(mode.data(), static_cast<int>(mode.size()));
    mode.resize(mode.size() - 1);
    const std::string vault_suffix = "-vault";
    run->vault = mode.ends_with(vault_suffix);
    run->mode = run->vault ? mode.substr(0, mode.size() - vault_suffix.size()) : mode;
    run->pages = std::make_unique<platform::IndexedDbPageStore>(nullptr);
    platform::RecordsStorage::Events events;
    events.profiles_listed = [](bool) { run->storage->open(run->vault ? vault_database : plain_database); };
    events.ready = records_ready;
    events.unavailable = [](std::string why) { die("IndexedDB is unavailable: " + why); };
    events.elsewhere = [] { die("the records are open in another tab"); };
    run->storage = std::make_unique<platform::RecordsStorage>(std::move(events));
    run->storage->start();
    return 0;
}
