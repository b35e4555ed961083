#include "app/test_hook.hpp"

#include <emscripten.h>

#include <cstdio>
#include <deque>
#include <string>
#include <vector>

#include "app/app.hpp"
#include "platform/web/file_transfer.hpp"
#include "ui/item_registry.hpp"

namespace tandem::app {

namespace {
const ui::ItemRegistry* hooked_registry = nullptr;
App* hooked_app = nullptr;
const std::uint64_t* hooked_frames = nullptr;
std::string (*hooked_platform_state)() = nullptr;
bool (*hooked_settled)() = nullptr;
// The CPU times of the latest frames, oldest first, at most max_frame_times.
constexpr std::size_t max_frame_times = 1000;
std::deque<double> frame_times;
std::string frame_times_reply;
std::string opened_name;
std::vector<std::uint8_t> opened_bytes;
// The returned C strings stay valid until the next call of the same function.
std::string items_reply;
std::string state_reply;
std::string integrity_reply;
std::string device_values_reply;
}  // namespace

// clang-format off
// web/test_hook.js defines Module.tandemFrameDrawn only for ?test=1.
EM_JS(int, tandem_test_hook_present, (), {
    return Module.tandemFrameDrawn ? 1 : 0;
});
EM_JS(void, tandem_frame_drawn_js, (), {
    Module.tandemFrameDrawn();
});
// clang-format on

bool test_mode_requested() { return tandem_test_hook_present() != 0; }

void install_test_hook(const ui::ItemRegistry& registry, App& app, const std::uint64_t& frames,
                       std::string (*platform_state)(), bool (*settled)()) {
    hooked_registry = &registry;
    hooked_app = &app;
    hooked_frames = &frames;
    hooked_platform_state = platform_state;
    hooked_settled = settled;
}

void notify_frame_drawn(double cpu_ms) {
    if (frame_times.size() == max_frame_times) frame_times.pop_front();
    frame_times.push_back(cpu_ms);
    tandem_frame_drawn_js();
}

void remember_opened_file(std::string_view name, std::span<const std::uint8_t> bytes) {
    opened_name = name;
    opened_bytes.assign(bytes.begin(), bytes.end());
}

}  // namespace tandem::app

using namespace tandem::app;

extern "C" {

// JSON of the last frame's widgets (ItemRegistry::last_frame_json()), with
// the number of the frame they are of and whether it is settled (the app has
// nothing more to draw: what it shows is current).
EMSCRIPTEN_KEEPALIVE const char* tandem_test_items() {
    const std::string widgets =
        hooked_registry ? hooked_registry->last_frame_json() : std::string(R"({"display":[0,0],"items":[]})");
    items_reply = "{\"frame\":" + std::to_string(hooked_frames ? *hooked_frames : 0) +
                  ",\"settled\":" + (hooked_settled && hooked_settled() ? "true" : "false") + "," + widgets.substr(1);
    return items_reply.c_str();
}

// JSON of App::test_state_json() with the platform's members added.
EMSCRIPTEN_KEEPALIVE const char* tandem_test_state() {
    state_reply = hooked_app ? hooked_app->test_state_json() : std::string("{}");
    if (hooked_platform_state && state_reply.size() > 2) {
        state_reply.pop_back();
        state_reply += "," + hooked_platform_state() + "}";
    }
    return state_reply.c_str();
}

// Frames drawn since load.
EMSCRIPTEN_KEEPALIVE double tandem_test_frames() {
    return hooked_frames ? static_cast<double>(*hooked_frames) : 0.0;
}

// JSON array of the CPU milliseconds of the latest frames (up to 1,000), oldest first.
EMSCRIPTEN_KEEPALIVE const char* tandem_test_frame_times() {
    frame_times_reply = "[";
    char number[32];
    for (double ms : frame_times) {
        std::snprintf(number, sizeof number, "%s%.3f", frame_times_reply.size() > 1 ? "," : "", ms);
        frame_times_reply += number;
    }
    frame_times_reply += "]";
    return frame_times_reply.c_str();
}

// PRAGMA integrity_check on the open records ("ok" when sound).
EMSCRIPTEN_KEEPALIVE const char* tandem_test_integrity_check() {
    integrity_reply = hooked_app ? hooked_app->integrity_check() : std::string();
    return integrity_reply.c_str();
}

// The values the open records keep for this device only, as a JSON array of hex strings.
EMSCRIPTEN_KEEPALIVE const char* tandem_test_device_only_values() {
    static constexpr char digits[] = "0123456789abcdef";
    device_values_reply = "[";
    if (hooked_app)
        for (const std::vector<std::uint8_t>& value : hooked_app->device_only_values()) {
            device_values_reply += device_values_reply.size() > 1 ? ",\"" : "\"";
            for (const std::uint8_t b : value) {
                device_values_reply.push_back(digits[b >> 4]);
                device_values_reply.push_back(digits[b & 15]);
            }
            device_values_reply += "\"";
        }
    device_values_reply += "]";
    return device_values_reply.c_str();
}

// Downloads the open records' database file in the clear (the records as
// the release before profiles kept them, for the migration test).
EMSCRIPTEN_KEEPALIVE void tandem_test_save_records_image() {
    if (hooked_app) tandem::platform::FileTransfer::save("records.sqlite", hooked_app->records_image(),
                                                         "application/vnd.sqlite3");
}

// Downloads the last opened file again, under its own name.
EMSCRIPTEN_KEEPALIVE void tandem_test_save_opened_file() {
    tandem::platform::FileTransfer::save(opened_name, opened_bytes, "application/octet-stream");
}

}
