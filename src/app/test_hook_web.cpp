#include "app/test_hook.hpp"

#include <emscripten.h>

#include <string>

#include "app/app.hpp"
#include "ui/item_registry.hpp"

namespace tandem::app {

namespace {
const ui::ItemRegistry* hooked_registry = nullptr;
const App* hooked_app = nullptr;
const std::uint64_t* hooked_frames = nullptr;
// The returned C strings stay valid until the next call of the same function.
std::string items_reply;
std::string state_reply;
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

void install_test_hook(const ui::ItemRegistry& registry, const App& app, const std::uint64_t& frames) {
    hooked_registry = &registry;
    hooked_app = &app;
    hooked_frames = &frames;
}

void notify_frame_drawn() { tandem_frame_drawn_js(); }

}  // namespace tandem::app

using namespace tandem::app;

extern "C" {

// JSON of the last frame's widgets; see ItemRegistry::last_frame_json().
EMSCRIPTEN_KEEPALIVE const char* tandem_test_items() {
    items_reply = hooked_registry ? hooked_registry->last_frame_json() : std::string(R"({"display":[0,0],"items":[]})");
    return items_reply.c_str();
}

// JSON of App::test_state_json().
EMSCRIPTEN_KEEPALIVE const char* tandem_test_state() {
    state_reply = hooked_app ? hooked_app->test_state_json() : std::string("{}");
    return state_reply.c_str();
}

// Frames drawn since load.
EMSCRIPTEN_KEEPALIVE double tandem_test_frames() {
    return hooked_frames ? static_cast<double>(*hooked_frames) : 0.0;
}

}
