#pragma once
// The browser test hook, present only when the page URL has ?test=1:
// window.tandem.test with ready, items(), state() and frames(). The JS half is
// web/test_hook.js; this half answers it from the app's last frame.

#include <cstdint>

namespace tandem::ui {
class ItemRegistry;
}

namespace tandem::app {

class App;

// True when the page was opened with ?test=1 (web/test_hook.js then set up its half).
bool test_mode_requested();

// Makes the hook answer from these objects, which must outlive the page.
void install_test_hook(const ui::ItemRegistry& registry, const App& app, const std::uint64_t& frames);

// Tells the JS half that a frame has been drawn (resolves `ready` the first time).
void notify_frame_drawn();

}  // namespace tandem::app
