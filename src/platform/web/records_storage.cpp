#include "platform/web/records_storage.hpp"

#include <emscripten.h>

#include <utility>

namespace tandem::platform {

namespace {

RecordsStorage* installed = nullptr;
void (*when_reading_then)() = nullptr;

extern "C" {
void tandem_records_when_reading(int max_wait_ms);
void tandem_records_start();
void tandem_records_take_over();
void tandem_records_release();
void tandem_records_persist();
void tandem_records_estimate();
void tandem_records_open(const char* name);
void tandem_records_reload();
void tandem_profiles_delete(const char* id);
void tandem_records_delete_old();
}

std::optional<std::uint64_t> known_bytes(double value) {
    if (!(value >= 0 && value < 1e18)) return std::nullopt;
    return static_cast<std::uint64_t>(value);
}

}  // namespace

void RecordsStorage::when_reading(void (*then)(), int max_wait_ms) {
    when_reading_then = then;
    tandem_records_when_reading(max_wait_ms);
}

RecordsStorage::RecordsStorage(Events events) : events_(std::move(events)) { installed = this; }

void RecordsStorage::start() { tandem_records_start(); }
void RecordsStorage::take_over() { tandem_records_take_over(); }
void RecordsStorage::release() { tandem_records_release(); }
void RecordsStorage::persist() { tandem_records_persist(); }
void RecordsStorage::estimate() { tandem_records_estimate(); }
void RecordsStorage::open(const std::string& name) { tandem_records_open(name.c_str()); }
void RecordsStorage::reload() { tandem_records_reload(); }
void RecordsStorage::delete_profile(const std::string& id) { tandem_profiles_delete(id.c_str()); }
void RecordsStorage::delete_old_records() { tandem_records_delete_old(); }

}  // namespace tandem::platform

using tandem::platform::installed;
using tandem::platform::when_reading_then;

// Called by records_storage.js.
extern "C" {
EMSCRIPTEN_KEEPALIVE void tandem_records_reading() {
    if (auto then = std::exchange(when_reading_then, nullptr)) then();
}
EMSCRIPTEN_KEEPALIVE void tandem_profile_found(const char* id, const char* name, int colour) {
    if (installed && installed->events().profile_found) installed->events().profile_found(id, name, colour);
}
EMSCRIPTEN_KEEPALIVE void tandem_profiles_listed(int old_records) {
    if (installed && installed->events().profiles_listed) installed->events().profiles_listed(old_records != 0);
}
EMSCRIPTEN_KEEPALIVE void tandem_records_header_written(int ok) {
    if (installed && installed->events().header_written) installed->events().header_written(ok != 0);
}
EMSCRIPTEN_KEEPALIVE void tandem_profile_deleted(int ok) {
    if (installed && installed->events().profile_deleted) installed->events().profile_deleted(ok != 0);
}
EMSCRIPTEN_KEEPALIVE void tandem_records_ready() {
    if (installed && installed->events().ready) installed->events().ready();
}
EMSCRIPTEN_KEEPALIVE void tandem_records_unavailable(const char* why) {
    if (installed && installed->events().unavailable) installed->events().unavailable(why);
}
EMSCRIPTEN_KEEPALIVE void tandem_records_elsewhere() {
    if (installed && installed->events().elsewhere) installed->events().elsewhere();
}
EMSCRIPTEN_KEEPALIVE void tandem_records_release_requested() {
    if (installed && installed->events().release_requested) installed->events().release_requested();
}
EMSCRIPTEN_KEEPALIVE void tandem_records_taken_over() {
    if (installed && installed->events().taken_over) installed->events().taken_over();
}
EMSCRIPTEN_KEEPALIVE void tandem_records_estimated(int persistent, double usage, double quota) {
    if (!installed || !installed->events().estimated) return;
    tandem::platform::StorageFacts facts;
    if (persistent >= 0) facts.persistent = persistent == 1;
    facts.usage_bytes = tandem::platform::known_bytes(usage);
    facts.quota_bytes = tandem::platform::known_bytes(quota);
    installed->events().estimated(facts);
}
}
