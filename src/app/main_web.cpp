// Tandem's entry point in the browser: wires the web platform (canvas,
// WebGL2 renderer, input, text field, clipboard, files) to Dear ImGui, the UI
// and the app, and draws frames only when something changed.

// Index of this file:
// [SECTION] Calls into the page
// [SECTION] The host: what lives as long as the page
// [SECTION] The look, preferences and host requests
// [SECTION] The records' storage: releasing, retrying
// [SECTION] Drawing a frame
// [SECTION] Scheduling frames
// [SECTION] Files and the test hook
// [SECTION] Starting

#include <emscripten.h>
#include <emscripten/html5.h>
#include <imgui.h>
#include <imgui_internal.h>

#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include "app/app.hpp"
#include "app/test_hook.hpp"
#include "platform/frame_pacer.hpp"
#include "platform/input_queue.hpp"
#include "platform/web/browser_canvas.hpp"
#include "platform/web/clipboard.hpp"
#include "platform/web/file_transfer.hpp"
#include "platform/web/indexed_db_page_store.hpp"
#include "platform/web/passphrase_keys.hpp"
#include "platform/web/records_storage.hpp"
#include "platform/web/local_storage.hpp"
#include "platform/web/text_input_bridge.hpp"
#include "platform/web/web_input.hpp"
#include "platform/web/webgl_renderer.hpp"
#include "ui/item_registry.hpp"
#include "ui/key_codes.hpp"
#include "ui/paragraph_editing.hpp"
#include "ui/preferences.hpp"
#include "ui/shell.hpp"
#include "ui/theme.hpp"

// [SECTION] Calls into the page

namespace {

using namespace tandem;

// clang-format off
// The page's status message (web/index.html): replaced by the app once it
// draws, or kept with an explanation when it cannot start.
EM_JS(void, tandem_page_started, (), {
    var message = document.getElementById("message");
    if (message) message.remove();
});
EM_JS(void, tandem_page_failed, (const char* text), {
    var message = document.getElementById("message");
    if (message) message.textContent = UTF8ToString(text);
});
EM_JS(int, tandem_is_mac, (), {
    return /Mac|iPhone|iPad/.test(navigator.platform || "") ? 1 : 0;
});
// Whether the browser's locale writes the month before the day in figures
// (12/21/2026), from how it formats a known date.
EM_JS(int, tandem_month_before_day, (), {
    try {
        var parts = new Intl.DateTimeFormat(undefined, { year: "numeric", month: "numeric", day: "numeric" })
                        .formatToParts(new Date(2026, 11, 21));
        var order = parts.map(function (p) { return p.type; });
        return order.indexOf("month") >= 0 && order.indexOf("month") < order.indexOf("day") ? 1 : 0;
    } catch (e) {
        return 0;
    }
});
// The day the browser locale's weeks start on: 0 Monday to 6 Sunday (the
// locale's week information where the browser has it; else Sunday for
// locales that write the month first, Monday for the others).
EM_JS(int, tandem_first_weekday, (int month_first), {
    try {
        var locale = new Intl.Locale(navigator.language || "en-GB");
        var info = locale.getWeekInfo ? locale.getWeekInfo() : locale.weekInfo;
        if (info && info.firstDay >= 1 && info.firstDay <= 7) return info.firstDay - 1;
    } catch (e) {}
    return month_first ? 6 : 0;
});
// Saves are flushed when the page is hidden or left: the last chance to write.
// Starts the page afresh: the lock.
EM_JS(void, tandem_reload_page, (), { location.reload(); });

// Whether the test hook asks for new vaults to be made with Argon2id's least
// work (?test=1&kdf=fast), so that tests which are not about the vault do
// not wait for its key.
EM_JS(int, tandem_fast_kdf_requested, (), {
  return new URLSearchParams(location.search).get("kdf") === "fast" ? 1 : 0;
});

EM_JS(void, tandem_watch_page_hide, (), {
    document.addEventListener("visibilitychange", function () {
        if (document.visibilityState === "hidden") _tandem_page_hidden();
        else _tandem_page_shown();
    });
    window.addEventListener("pagehide", function () { _tandem_page_hidden(); });
    window.addEventListener("pageshow", function () { _tandem_page_shown(); });
});
// clang-format on

// Embedded into the module at link time (see src/CMakeLists.txt).
constexpr const char* body_font_path = "/fonts/Inter-Regular.otf";
constexpr const char* heading_font_path = "/fonts/Inter-SemiBold.otf";
constexpr const char* preferences_key = "tandem.preferences";
// The caret blinks for this long after the last input, then stays lit.
constexpr double caret_blink_ms = 8000.0;
// Frames drawn inside one event at most, to apply its input.
constexpr int max_frames_per_event = 8;
// The longest the start-up waits for IndexedDB to begin reading the records.
constexpr int max_start_wait_ms = 50;
// A tab asked for its records lets go once all is saved, or after this long.
constexpr double release_wait_ms = 3000.0;

// [SECTION] The host: what lives as long as the page

// The device's clock, which the test hook can move forward (advanceClock()).
class PageClock final : public WallClock {
public:
    std::int64_t now_ms() override { return system_.now_ms() + shift_ms_; }
    void advance(std::int64_t ms) { shift_ms_ += std::max<std::int64_t>(ms, 0); }

private:
    SystemWallClock system_;
    std::int64_t shift_ms_ = 0;
};

struct Host {
    PageClock clock;
    platform::BrowserCanvas canvas;
    platform::WebGlRenderer renderer;
    platform::InputQueue queue;
    platform::FramePacer pacer;
    app::App app{clock};
    ui::ItemRegistry registry;
    ui::Fonts fonts;
    std::vector<ui::Command> commands;
    std::unique_ptr<platform::WebInput> input;
    std::unique_ptr<platform::TextInputBridge> text_input;
    std::unique_ptr<platform::Clipboard> clipboard;
    std::unique_ptr<platform::FileTransfer> files;
    std::unique_ptr<platform::PassphraseKeys> passphrase_keys;
    std::unique_ptr<platform::IndexedDbPageStore> pages;
    std::unique_ptr<platform::RecordsStorage> storage;
    long retry_timer = 0;
    long idle_lock_timer = 0;
    std::optional<double> release_by_ms;  // set while another tab waits for the records

    bool test_mode = false;
    std::uint64_t frames = 0;
    double last_frame_ms = 0;
    double last_input_ms = 0;
    bool animation_frame_requested = false;
    long deadline_timer = 0;
    double deadline_timer_at = 0;

    // What the fonts and style were built for; rebuilt when either changes.
    float built_scale = 0;
    ui::Theme built_theme = ui::Theme::light;
    ui::Preferences saved_preferences;
};

Host* host = nullptr;

// [SECTION] The look, preferences and host requests

float ui_scale() {
    return static_cast<float>(host->canvas.size().pixel_ratio * host->app.preferences().text_size_percent / 100.0);
}

// Rebuilds the style and the font atlas for the current scale and theme.
void build_look() {
    const float scale = ui_scale();
    const ui::Theme theme = host->app.preferences().theme;
    if (scale == host->built_scale && theme == host->built_theme) return;
    ImGuiIO& io = ImGui::GetIO();
    ui::apply_theme(ImGui::GetStyle(), theme, scale);
    if (scale != host->built_scale) {
        host->fonts = ui::load_fonts(io, body_font_path, heading_font_path);
        io.Fonts->Build();
        if (host->renderer.ready()) host->renderer.upload_font_atlas(*io.Fonts);
    }
    host->built_scale = scale;
    host->built_theme = theme;
    host->input->set_wheel_step(5.0f * ui::metrics().body_font_size);
}

void save_preferences_if_changed() {
    if (host->app.preferences() == host->saved_preferences) return;
    host->saved_preferences = host->app.preferences();
    platform::write_local_setting(preferences_key, ui::format_preferences(host->saved_preferences));
}

void lock_when_saved();

// What the profile screens ask of the browser.
void run_vault_request(const app::HostRequest& request) {
    if (const auto* open = std::get_if<app::OpenProfileRecords>(&request)) {
        host->storage->open(open->database);
    } else if (const auto* create = std::get_if<app::CreateProfileRecords>(&request)) {
        host->pages->set_first_meta(create->header, create->name, create->colour);
        host->storage->open(create->database);
    } else if (std::holds_alternative<app::ReloadRecords>(request)) {
        host->storage->reload();
    } else if (const auto* header = std::get_if<app::WriteVaultHeader>(&request)) {
        host->pages->put_header(header->header);
    } else if (std::holds_alternative<app::DeleteOldRecords>(request)) {
        host->storage->delete_old_records();
    } else if (std::holds_alternative<app::LockPage>(request)) {
        lock_when_saved();
    } else if (const auto* remove = std::get_if<app::DeleteProfileRecords>(&request)) {
        host->storage->delete_profile(remove->id);
    }
}

void run_host_requests() {
    for (app::HostRequest& request : host->app.take_host_requests()) {
        if (const auto* picker = std::get_if<app::OpenFilePicker>(&request)) {
            host->files->choose(picker->accept);
        } else if (const auto* download = std::get_if<app::DownloadFile>(&request)) {
            platform::FileTransfer::save(download->name, download->bytes, download->mime_type);
        } else if (std::holds_alternative<app::TakeOverRecords>(request)) {
            host->storage->take_over();
        } else if (std::holds_alternative<app::RequestPersistentStorage>(request)) {
            host->storage->persist();
        } else if (std::holds_alternative<app::RefreshStorageEstimate>(request)) {
            host->storage->estimate();
        } else if (const auto* derive = std::get_if<app::DerivePassphraseKey>(&request)) {
            const app::KeyJob& job = derive->job;
            host->passphrase_keys->start(job.id, job.passphrase, job.salt, job.params.opslimit, job.params.memlimit);
        } else {
            run_vault_request(request);
        }
    }
}

void wake(platform::WebInput::Urgency urgency);

// [SECTION] The records' storage: releasing, retrying

// Lets the tab that asked have the records once everything here is saved,
// or once it has waited long enough (a full disk must not hold it up).
void release_if_ready() {
    if (!host->release_by_ms) return;
    if (!host->app.all_saved() && emscripten_get_now() < *host->release_by_ms) {
        emscripten_set_timeout([](void*) { release_if_ready(); }, 250, nullptr);
        return;
    }
    host->release_by_ms.reset();
    host->storage->release();
}

// Retries a failed save after the app's wait, once at a time.
void schedule_retry() {
    if (host->retry_timer != 0) return;
    const std::optional<int> wait = host->app.retry_delay_ms();
    if (!wait) return;
    host->retry_timer = emscripten_set_timeout(
        [](void*) {
            host->retry_timer = 0;
            host->app.retry_saving();
            run_host_requests();
            wake(platform::WebInput::Urgency::soon);
        },
        *wait, nullptr);
}

// Locks the open profile once it has gone unused for its lock time; until
// then keeps one timer for the moment it may be due. A timer of a hidden or
// frozen tab may fire late or never: showing the page again checks too.
void lock_if_idle() {
    if (host->app.lock_if_idle()) {
        run_host_requests();
        return;
    }
    const std::optional<std::int64_t> wait = host->app.idle_lock_wait_ms();
    if (host->idle_lock_timer != 0 || !wait) return;
    host->idle_lock_timer = emscripten_set_timeout(
        [](void*) {
            host->idle_lock_timer = 0;
            lock_if_idle();
        },
        static_cast<double>(*wait) + 50.0, nullptr);
}

// Locks once the last save has landed (a full disk holds the lock back:
// the status says so, and the lock follows once there is room): starting
// the page afresh is the one wipe that reaches all it held.
void lock_when_saved() {
    if (!host->app.all_saved()) {
        host->app.flush_saves();
        emscripten_set_timeout([](void*) { lock_when_saved(); }, 100, nullptr);
        return;
    }
    host->app.wipe_for_lock();
    tandem_reload_page();
}

// After anything that changed the records' state from outside a frame.
void records_changed() {
    run_host_requests();
    lock_if_idle();
    schedule_retry();
    release_if_ready();
    wake(platform::WebInput::Urgency::soon);
}

// [SECTION] Drawing a frame

// Keeps the hidden text field at the active ImGui field's caret, or over
// the paragraph edited.
void follow_text_field() {
    const ImGuiIO& io = ImGui::GetIO();
    const ImGuiContext& g = *ImGui::GetCurrentContext();
    const double ratio = host->canvas.size().css_to_device();
    if (const std::optional<ui::ParagraphRequest> paragraph = ui::take_paragraph_request()) {
        host->text_input->edit_paragraph(*paragraph, 1.0 / ratio);
        return;
    }
    const auto css = [ratio](float display) { return static_cast<float>(display / ratio); };
    host->text_input->follow(io.WantTextInput, css(g.PlatformImePos.x), css(g.PlatformImePos.y),
                             css(ImGui::GetTextLineHeight()), css(ui::metrics().body_font_size));
}

// When the caret of the active text field next blinks on or off, if it blinks.
std::optional<double> next_caret_change(double now_ms) {
    const ImGuiContext& g = *ImGui::GetCurrentContext();
    if (!g.IO.WantTextInput || !g.IO.ConfigInputTextCursorBlink || g.InputTextState.ID == 0) return std::nullopt;
    // ImGui shows the caret for the first 0.8 s of every 1.2 s.
    const double phase = std::fmod(static_cast<double>(g.InputTextState.CursorAnim), 1.2);
    const double wait_s = phase < 0.8 ? 0.8 - phase : 1.2 - phase;
    return now_ms + wait_s * 1000.0 + 1.0;
}

// Draws one frame: applies a frame's worth of input, draws the UI, renders
// and dispatches the UI's commands. Returns whether it applied input or
// dispatched commands.
bool draw_frame() {
    const double now = emscripten_get_now();
    ImGuiIO& io = ImGui::GetIO();
    const platform::CanvasSize& size = host->canvas.size();
    io.DisplaySize = ImVec2(static_cast<float>(size.device_w), static_cast<float>(size.device_h));
    io.DisplayFramebufferScale = ImVec2(1.0f, 1.0f);
    io.DeltaTime = host->last_frame_ms > 0 ? static_cast<float>(std::max(now - host->last_frame_ms, 0.1) / 1000.0)
                                           : 1.0f / 60.0f;
    host->last_frame_ms = now;

    lock_if_idle();  // before the input: whoever comes back to an idle laptop finds it locked
    const bool had_input = host->queue.apply_frame(io) > 0;
    if (had_input) {
        host->last_input_ms = now;
        host->app.user_active();
    }
    io.ConfigInputTextCursorBlink = now - host->last_input_ms < caret_blink_ms;
    build_look();

    host->app.run_due_work();
    ImGui::NewFrame();
    if (host->test_mode) host->registry.begin_frame();
    ui::draw_shell(host->app.shell_view(), host->fonts, host->commands);
    ImGui::Render();
    if (!host->canvas.context_lost())
        host->renderer.render(*ImGui::GetDrawData(), size.device_w, size.device_h, ui::palette_colors().background);
    if (host->test_mode) host->registry.end_frame();

    const bool dispatched = !host->commands.empty();
    for (const ui::Command& command : host->commands) host->app.dispatch(command);
    host->commands.clear();
    run_host_requests();
    save_preferences_if_changed();
    follow_text_field();
    host->canvas.set_cursor(ImGui::GetMouseCursor());

    host->pacer.frame_drawn(now, platform::picture_hash(*ImGui::GetDrawData()), had_input || dispatched);
    if (auto caret = next_caret_change(now)) host->pacer.request_at(*caret);
    if (auto wait = host->app.work_delay_ms()) host->pacer.request_at(now + *wait);
    if (io.WantTextInput && io.ConfigInputTextCursorBlink) host->pacer.request_at(host->last_input_ms + caret_blink_ms);
    if (++host->frames == 1) tandem_page_started();
    if (host->test_mode) app::notify_frame_drawn(emscripten_get_now() - now);
    return had_input || dispatched;
}

void schedule();

// [SECTION] Scheduling frames

EM_BOOL on_animation_frame(double, void*) {
    host->animation_frame_requested = false;
    if (host->pacer.due(emscripten_get_now())) draw_frame();
    schedule();
    return EM_FALSE;
}

void on_deadline(void*) {
    host->deadline_timer = 0;
    host->pacer.due(emscripten_get_now());
    schedule();
}

// Asks the browser for the next frame if one is wanted now, or for a timer
// at the pacer's deadline; asks for nothing while idle.
void schedule() {
    if (host->pacer.wants_frame_now() || !host->queue.empty()) {
        host->pacer.request();
        if (!host->animation_frame_requested) {
            host->animation_frame_requested = true;
            emscripten_request_animation_frame(on_animation_frame, nullptr);
        }
        return;
    }
    const std::optional<double> deadline = host->pacer.deadline();
    if (!deadline) return;
    if (host->deadline_timer != 0 && host->deadline_timer_at == *deadline) return;
    if (host->deadline_timer != 0) emscripten_clear_timeout(host->deadline_timer);
    host->deadline_timer_at = *deadline;
    host->deadline_timer =
        emscripten_set_timeout(on_deadline, std::max(0.0, *deadline - emscripten_get_now()), nullptr);
}

// Draws frames at once until the waiting input is applied (bounded).
void draw_now() {
    for (int i = 0; i < max_frames_per_event && !host->queue.empty(); ++i) draw_frame();
    host->pacer.request();
    schedule();
}

void wake(platform::WebInput::Urgency urgency) {
    if (urgency == platform::WebInput::Urgency::now) {
        draw_now();
        return;
    }
    host->pacer.request();
    schedule();
}

// [SECTION] Files and the test hook

void on_file(platform::OpenedFile file) {
    switch (file.outcome) {
        case platform::OpenedFile::Outcome::opened: host->app.file_opened(file.name, file.bytes); break;
        case platform::OpenedFile::Outcome::too_large: host->app.file_too_large(file.name, file.size); break;
        case platform::OpenedFile::Outcome::unreadable: host->app.file_unreadable(file.name); break;
    }
    if (host->test_mode) app::remember_opened_file(file.name, file.bytes);
    wake(platform::WebInput::Urgency::soon);
}

// The test hook's extra state: what the platform knows.
std::string platform_state_json() {
    const platform::CanvasSize& size = host->canvas.size();
    const ImFont* font = host->fonts.body;
    return "\"pixelRatio\":" + std::to_string(size.pixel_ratio) +
           ",\"fontPixels\":" + std::to_string(font ? font->FontSize : 0.0f) +
           ",\"contextLost\":" + (host->canvas.context_lost() ? "true" : "false");
}

}  // namespace

// [SECTION] Starting

// Called by the page when it is hidden or left.
extern "C" EMSCRIPTEN_KEEPALIVE void tandem_page_hidden() {
    if (host) host->app.flush_saves();
}

// Called by the page when it is shown again (its timers may not have run).
extern "C" EMSCRIPTEN_KEEPALIVE void tandem_page_shown() {
    if (!host) return;
    lock_if_idle();
    wake(platform::WebInput::Urgency::soon);
}

// The test hook's advanceClock(ms): the app's clock moves on by `ms`, as if
// that long had passed without use.
extern "C" EMSCRIPTEN_KEEPALIVE void tandem_test_advance_clock(double ms) {
    if (!host || !host->test_mode) return;
    host->clock.advance(static_cast<std::int64_t>(ms));
    lock_if_idle();
    wake(platform::WebInput::Urgency::soon);
}

namespace {

// Dear ImGui's context, set up for Tandem's platform and renderer.
ImGuiIO& create_imgui() {
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // the layout is the app's, kept in its preferences
    io.BackendPlatformName = "tandem_web";
    io.BackendRendererName = "tandem_webgl2";
    io.BackendFlags |= ImGuiBackendFlags_HasMouseCursors;
    io.ConfigMacOSXBehaviors = tandem_is_mac() != 0;
    io.ConfigWindowsMoveFromTitleBarOnly = true;
    ui::map_imgui_keys(io);
    platform::InputQueue::leave_key_repeat_to_platform(io);
    return io;
}

// What the app does when the browser's storage says where the records stand.
platform::RecordsStorage::Events storage_events() {
    platform::RecordsStorage::Events events;
    events.profile_found = [](std::string id, std::string name, int colour) {
        host->app.profile_found(std::move(id), std::move(name), colour);
    };
    events.profiles_listed = [](bool old_records) {
        host->app.profiles_listed(old_records);
        records_changed();
    };
    events.ready = [] {
        auto header = host->pages->loaded_header();
        host->app.records_loaded(*host->pages, header ? std::move(header).value() : std::nullopt, !header);
        records_changed();
    };
    events.header_written = [](bool ok) {
        host->app.vault_header_written(ok);
        records_changed();
    };
    // Deleted or not, the page starts afresh on the list of profiles, which
    // shows whether it is still there.
    events.profile_deleted = [](bool) { tandem_reload_page(); };
    events.unavailable = [](std::string) {
        host->app.open_records_in_memory();
        records_changed();
    };
    events.elsewhere = [] {
        host->app.records_elsewhere();
        records_changed();
    };
    events.release_requested = [] {
        host->app.records_taken_over();
        host->release_by_ms = emscripten_get_now() + release_wait_ms;
        records_changed();
    };
    events.taken_over = [] {
        host->app.records_taken_over();
        records_changed();
    };
    events.estimated = [](platform::StorageFacts facts) {
        host->app.storage_estimate(app::StorageEstimate{facts.persistent, facts.usage_bytes, facts.quota_bytes});
        records_changed();
    };
    return events;
}

// Everything but the records: the canvas, ImGui, input, the look. Runs once
// IndexedDB is reading the records, so that the two overlap.
void start_app() {
    constexpr const char* cannot_draw =
        "Tandem could not start: this browser cannot draw with WebGL2. "
        "Please use an up-to-date Chrome, Edge, Firefox or Safari.";
    if (!host->canvas.create_context()) {
        tandem_page_failed(cannot_draw);
        return;
    }

    ImGuiIO& io = create_imgui();

    host->app.restore_preferences(ui::parse_preferences(platform::read_local_setting(preferences_key, 4096)));
    const int month_first = tandem_month_before_day();
    host->app.set_calendar(month_first ? DayOrder::month_day : DayOrder::day_month,
                           static_cast<unsigned>(tandem_first_weekday(month_first)));
    host->saved_preferences = host->app.preferences();
    host->input = std::make_unique<platform::WebInput>(
        host->canvas, host->queue, [] { return host->text_input->focused(); },
        [] { return host->text_input->paragraph_focused(); });
    host->text_input = std::make_unique<platform::TextInputBridge>(
        host->queue, platform::ParagraphSink{ui::deliver_paragraph_text, ui::close_paragraph}, [] { draw_now(); });
    ui::use_platform_paragraphs(true);
    host->clipboard = std::make_unique<platform::Clipboard>(io, host->queue, [] { draw_now(); }, io.ConfigMacOSXBehaviors);
    host->files = std::make_unique<platform::FileTransfer>(
        app::max_open_file_bytes, on_file, [](bool over) {
            host->app.file_over_page(over);
            wake(platform::WebInput::Urgency::soon);
        });

    host->passphrase_keys = std::make_unique<platform::PassphraseKeys>(
        [](std::uint64_t id, std::optional<std::array<std::uint8_t, 32>> key) {
            host->app.passphrase_key_derived(id, key);
            run_host_requests();  // a finished bundle downloads at once
            wake(platform::WebInput::Urgency::soon);
        });
    host->pages = std::make_unique<platform::IndexedDbPageStore>([] { records_changed(); });
    host->storage = std::make_unique<platform::RecordsStorage>(storage_events());
    tandem_watch_page_hide();

    host->test_mode = app::test_mode_requested();
    if (host->test_mode && tandem_fast_kdf_requested()) host->app.set_new_vault_kdf(crypto::KdfParams{1, 8192});
    if (host->test_mode) {
        host->registry.attach(*ImGui::GetCurrentContext());
        app::install_test_hook(host->registry, host->app, host->frames, platform_state_json, [] {
            return !host->pacer.wants_frame_now() && host->queue.empty() && !host->app.work_delay_ms();
        });
    }
    if (!host->renderer.create()) {
        tandem_page_failed(cannot_draw);
        return;
    }
    host->canvas.observe(
        [] {
            host->pacer.request();
            schedule();
        },
        [] { host->renderer.abandon(); },
        [] {
            if (host->renderer.create()) host->renderer.upload_font_atlas(*ImGui::GetIO().Fonts);
            host->pacer.request();
            schedule();
        });
    host->input->install(wake);
    build_look();
    host->storage->start();
    schedule();
}

}  // namespace

int main() {
    host = new Host();  // lives as long as the page
    // Reading the records began when the page's script ran; it needs a few
    // turns of the event loop before IndexedDB works on it alone.
    platform::RecordsStorage::when_reading(start_app, max_start_wait_ms);
    return 0;  // the runtime lives on; frames come from browser events
}
