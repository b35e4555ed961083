#pragma once
// The browser test hook, present only when the page URL has ?test=1:
// window.tandem.test with ready, items(), state(), frames(), frameTimes(),
// saveOpenedFile(), saveRecordsImage(), deviceOnlyValues(), advanceClock(),
// integrityCheck() and storageFaults(). The JS half is
// web/test_hook.js; this half answers it from the app's last frame.

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace tandem::ui {
class ItemRegistry;
}

namespace tandem::app {

class App;

// True when the page was opened with ?test=1 (web/test_hook.js then set up its half).
bool test_mode_requested();

// Makes the hook answer from these objects, which must outlive the page.
// `platform_state` returns further members for state(), as JSON without
// braces; `settled` says whether the last frame shows everything there is to
// show (no input, command or change waits for another frame).
void install_test_hook(const ui::ItemRegistry& registry, App& app, const std::uint64_t& frames,
                       std::string (*platform_state)(), bool (*settled)());

// Tells the JS half that a frame has been drawn (resolves `ready` the first
// time), and keeps the CPU time it took for frameTimes().
void notify_frame_drawn(double cpu_ms);

// Keeps a copy of the last file the user opened, for saveOpenedFile(), which
// downloads it again so tests can check both directions byte for byte.
void remember_opened_file(std::string_view name, std::span<const std::uint8_t> bytes);

}  // namespace tandem::app
