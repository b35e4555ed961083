// The platform's portable half: input trickling into ImGui, the browser
// keyboard rules, and render-on-demand pacing.
#include <doctest/doctest.h>

#include <imgui.h>

#include <string>

#include "platform/browser_keyboard.hpp"
#include "platform/frame_pacer.hpp"
#include "platform/input_queue.hpp"
#include "ui/key_codes.hpp"

using namespace tandem;
using namespace tandem::platform;
using ui::Key;

namespace {

// A headless ImGui context whose frames read the queue like the app's.
struct Imgui {
    ImGuiContext* context = ImGui::CreateContext();
    Imgui() {
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = ImVec2(800, 600);
        io.DeltaTime = 1.0f / 60.0f;
        ui::map_imgui_keys(io);
        unsigned char* pixels = nullptr;
        int w = 0, h = 0;
        io.Fonts->GetTexDataAsAlpha8(&pixels, &w, &h);
    }
    ~Imgui() { ImGui::DestroyContext(context); }
};

KeyboardEventInfo event(std::string_view key, std::string_view code) { return KeyboardEventInfo{key, code}; }
KeyboardEventInfo ctrl(std::string_view key, std::string_view code) {
    KeyboardEventInfo info{key, code};
    info.ctrl = true;
    return info;
}

}  // namespace

TEST_CASE("a press and release within one frame reach ImGui in two frames, so the click counts") {
    Imgui imgui;
    ImGuiIO& io = ImGui::GetIO();
    InputQueue queue;
    queue.push(PointerMove{100, 50});
    queue.push(PointerButton{0, true});
    queue.push(PointerButton{0, false});
    queue.push(PointerMove{300, 300});

    CHECK(queue.apply_frame(io) == 2);
    CHECK(io.MousePos.x == 100);
    CHECK(io.MouseDown[0]);
    CHECK(queue.apply_frame(io) == 1);
    CHECK_FALSE(io.MouseDown[0]);
    CHECK(io.MousePos.x == 100);  // the move after a button waits a frame
    CHECK(queue.apply_frame(io) == 1);
    CHECK(io.MousePos.x == 300);
    CHECK(queue.empty());
}

TEST_CASE("typed text before a key shares its frame; text after a key waits") {
    Imgui imgui;
    ImGuiIO& io = ImGui::GetIO();
    InputQueue queue;
    queue.push(TextInput{"a"});
    queue.push(KeyChange{Key::backspace, true});
    queue.push(KeyChange{Key::backspace, false});
    queue.push(TextInput{"b"});

    CHECK(queue.apply_frame(io) == 2);
    CHECK(io.InputQueueCharacters.Size == 1);
    CHECK(io.KeysDown[ui::key_index(Key::backspace)]);
    io.InputQueueCharacters.resize(0);
    CHECK(queue.apply_frame(io) == 1);  // the release; "b" must not come before it
    CHECK_FALSE(io.KeysDown[ui::key_index(Key::backspace)]);
    CHECK(io.InputQueueCharacters.Size == 0);
    CHECK(queue.apply_frame(io) == 1);
    REQUIRE(io.InputQueueCharacters.Size == 1);
    CHECK(io.InputQueueCharacters[0] == 'b');
}

TEST_CASE("modifiers are queued only when they change, and a shortcut sees them") {
    Imgui imgui;
    ImGuiIO& io = ImGui::GetIO();
    InputQueue queue;
    queue.set_modifiers({true, false, false, false});
    queue.set_modifiers({true, false, false, false});
    CHECK(queue.size() == 1);
    queue.push(KeyChange{ui::letter_key('Z'), true});
    queue.set_modifiers({});
    CHECK(queue.apply_frame(io) == 2);
    CHECK(io.KeyCtrl);
    CHECK(io.KeysDown['Z']);
    CHECK(queue.apply_frame(io) == 1);
    CHECK_FALSE(io.KeyCtrl);
}

TEST_CASE("losing focus releases every key and button") {
    Imgui imgui;
    ImGuiIO& io = ImGui::GetIO();
    InputQueue queue;
    queue.push(KeyChange{Key::enter, true});
    queue.push(PointerButton{0, true});
    queue.apply_frame(io);
    queue.push(FocusChange{false});
    queue.apply_frame(io);
    CHECK_FALSE(io.KeysDown[ui::key_index(Key::enter)]);
    CHECK_FALSE(io.MouseDown[0]);
}

TEST_CASE("a key held across a stalled frame is pressed once; the browser's own repeat presses it again") {
    Imgui imgui;
    ImGuiIO& io = ImGui::GetIO();
    InputQueue::leave_key_repeat_to_platform(io);
    const int tab = ui::key_index(Key::tab);
    InputQueue queue;
    const auto frame = [&](float seconds) {
        io.DeltaTime = seconds;
        queue.apply_frame(io);
        ImGui::NewFrame();
        const bool pressed = ImGui::IsKeyPressed(tab, true);
        ImGui::EndFrame();
        return pressed;
    };
    queue.push(KeyChange{Key::tab, true});
    CHECK(frame(1.0f / 60));
    CHECK_FALSE(frame(0.4f));  // the machine stalled with Tab still down: not a second Tab
    CHECK_FALSE(frame(2.0f));
    queue.push(KeyRepeat{Key::tab});
    queue.push(KeyRepeat{Key::tab});
    CHECK(frame(1.0f / 60));
    CHECK(frame(1.0f / 60));  // the second repeat waited for its own frame
    CHECK_FALSE(frame(1.0f / 60));
    queue.push(KeyChange{Key::tab, false});
    CHECK_FALSE(frame(1.0f / 60));
    CHECK_FALSE(io.KeysDown[tab]);
}

TEST_CASE("a keydown of a key already held is the browser's repeat; one that changed its key releases the old") {
    BrowserKeyboard keyboard;
    const KeyDecision first = keyboard.key_down(event("Tab", "Tab"));
    CHECK_FALSE(first.repeat);
    const KeyDecision again = keyboard.key_down(event("Tab", "Tab"));
    CHECK(again.kind == KeyDecision::Kind::key);
    CHECK(again.key == Key::tab);
    CHECK(again.repeat);
    CHECK(again.released == Key::none);
    CHECK(keyboard.key_up("Tab") == Key::tab);
    CHECK_FALSE(keyboard.key_down(event("Tab", "Tab")).repeat);

    CHECK(keyboard.key_down(ctrl("z", "KeyW")).key == ui::letter_key('Z'));
    const KeyDecision switched = keyboard.key_down(ctrl("\xd1\x8f", "KeyW"));  // the layout changed to Russian mid-press
    CHECK(switched.key == ui::letter_key('W'));
    CHECK_FALSE(switched.repeat);
    CHECK(switched.released == ui::letter_key('Z'));
    CHECK(keyboard.key_up("KeyW") == ui::letter_key('W'));
}

TEST_CASE("printable keys are text for the text field, in every layout") {
    BrowserKeyboard keyboard;
    CHECK(keyboard.key_down(event("a", "KeyA")).kind == KeyDecision::Kind::text);
    CHECK(keyboard.key_down(event("\xC3\xA9", "Digit2")).kind == KeyDecision::Kind::text);  // é on AZERTY
    CHECK(keyboard.key_down(event("\xC5\x82", "KeyL")).kind == KeyDecision::Kind::text);  // ł, Polish AltGr on Linux
    CHECK(keyboard.key_down(event(" ", "Space")).kind == KeyDecision::Kind::text);
    KeyboardEventInfo alt_graph = ctrl("@", "KeyQ");  // Windows reports AltGr as Ctrl+Alt
    alt_graph.alt = true;
    CHECK(keyboard.key_down(alt_graph).kind == KeyDecision::Kind::text);
}

TEST_CASE("dead keys and IME composition are left to the browser") {
    BrowserKeyboard keyboard;
    const KeyDecision dead = keyboard.key_down(event("Dead", "BracketLeft"));
    CHECK(dead.kind == KeyDecision::Kind::ignore);
    CHECK_FALSE(dead.prevent_default);
    KeyboardEventInfo composing = event("a", "KeyA");
    composing.composing = true;
    CHECK(keyboard.key_down(composing).kind == KeyDecision::Kind::ignore);
    CHECK(keyboard.key_down(event("Process", "KeyA")).kind == KeyDecision::Kind::ignore);
    CHECK(keyboard.key_down(event("Shift", "ShiftLeft")).kind == KeyDecision::Kind::ignore);
}

TEST_CASE("editing keys go by position and are kept from the browser") {
    BrowserKeyboard keyboard;
    const KeyDecision backspace = keyboard.key_down(event("Backspace", "Backspace"));
    CHECK(backspace.kind == KeyDecision::Kind::key);
    CHECK(backspace.key == Key::backspace);
    CHECK(backspace.prevent_default);
    CHECK(keyboard.key_down(event("Tab", "Tab")).key == Key::tab);
    CHECK(keyboard.key_down(event("Enter", "NumpadEnter")).key == Key::keypad_enter);
    const KeyDecision f5 = keyboard.key_down(event("F5", "F5"));
    CHECK(f5.key == ui::function_key(5));
    CHECK_FALSE(f5.prevent_default);  // reloading still works
}

TEST_CASE("shortcut letters follow the layout's letters, and the key position otherwise") {
    BrowserKeyboard keyboard;
    CHECK(keyboard.key_down(ctrl("z", "KeyW")).key == ui::letter_key('Z'));  // AZERTY
    CHECK(keyboard.key_down(ctrl("z", "KeyY")).key == ui::letter_key('Z'));  // QWERTZ
    CHECK(keyboard.key_down(ctrl("\xD1\x8F", "KeyZ")).key == ui::letter_key('Z'));  // Russian я
    CHECK(keyboard.key_down(ctrl("+", "Equal")).key == Key::plus);
    CHECK(keyboard.key_down(ctrl("=", "Equal")).key == Key::plus);
    CHECK(keyboard.key_down(ctrl("-", "Minus")).key == Key::minus);
    CHECK(keyboard.key_down(ctrl("0", "Digit0")).key == ui::digit_key(0));
    CHECK(keyboard.key_down(ctrl("k", "KeyK")).prevent_default);
    CHECK_FALSE(keyboard.key_down(ctrl("t", "KeyT")).prevent_default);  // the browser's new tab
}

TEST_CASE("copy, cut and paste are left to the browser's clipboard events") {
    BrowserKeyboard keyboard;
    for (const char* letter : {"c", "x", "v"}) {
        const KeyDecision decision = keyboard.key_down(ctrl(letter, "KeyC"));
        CHECK(decision.kind == KeyDecision::Kind::clipboard);
        CHECK_FALSE(decision.prevent_default);
    }
    KeyboardEventInfo mac = event("v", "KeyV");
    mac.meta = true;
    CHECK(keyboard.key_down(mac).kind == KeyDecision::Kind::clipboard);
}

TEST_CASE("over a paragraph the browser's text area keeps its editing keys, and the app still gets its shortcuts") {
    BrowserKeyboard keyboard;
    const auto reaches_app = [&](const KeyboardEventInfo& info) {
        return reaches_app_over_paragraph(info, keyboard.key_down(info));
    };
    for (const auto& [key, code] : {std::pair{"Backspace", "Backspace"}, {"Enter", "Enter"}, {"ArrowLeft", "ArrowLeft"},
                                    {"Escape", "Escape"}, {"Tab", "Tab"}, {"a", "KeyA"}})
        CHECK_FALSE(reaches_app(event(key, code)));
    for (const auto& [key, code] : {std::pair{"a", "KeyA"}, {"z", "KeyZ"}, {"y", "KeyY"}, {"c", "KeyC"}, {"v", "KeyV"},
                                    {"ArrowLeft", "ArrowLeft"}, {"Backspace", "Backspace"}})
        CHECK_FALSE(reaches_app(ctrl(key, code)));  // select all, undo, redo, clipboard, by word
    CHECK(reaches_app(ctrl("k", "KeyK")));
    CHECK(reaches_app(ctrl("j", "KeyJ")));
    CHECK(reaches_app(ctrl("+", "Equal")));
    CHECK(reaches_app(ctrl("0", "Digit0")));
    KeyboardEventInfo mac = event("k", "KeyK");
    mac.meta = true;
    CHECK(reaches_app(mac));
    KeyboardEventInfo alt_graph = ctrl("q", "KeyQ");  // @ on a German keyboard: typing
    alt_graph.alt = true;
    CHECK_FALSE(reaches_app(alt_graph));
}

TEST_CASE("a key is released by position even when the modifiers changed in between") {
    BrowserKeyboard keyboard;
    CHECK(keyboard.key_down(ctrl("z", "KeyW")).key == ui::letter_key('Z'));
    CHECK(keyboard.key_up("KeyW") == ui::letter_key('Z'));
    CHECK(keyboard.key_up("KeyW") == Key::none);
    CHECK(keyboard.key_up("KeyQ") == Key::none);
    keyboard.key_down(event("Enter", "Enter"));
    keyboard.release_all();
    CHECK(keyboard.key_up("Enter") == Key::none);
}

TEST_CASE("frames are drawn while the picture changes or input arrives, and then stop") {
    FramePacer pacer;
    CHECK(pacer.due(0));  // the first frame
    pacer.frame_drawn(0, 111, false);
    CHECK(pacer.due(16));  // the picture changed from nothing
    pacer.frame_drawn(16, 111, false);
    CHECK_FALSE(pacer.due(32));  // the same picture twice: idle
    CHECK_FALSE(pacer.due(100000));

    pacer.request();  // a mouse move
    CHECK(pacer.due(100016));
    pacer.frame_drawn(100016, 111, true);  // it applied input: one more frame shows its effect
    CHECK(pacer.due(100032));
    pacer.frame_drawn(100032, 111, false);
    CHECK_FALSE(pacer.wants_frame_now());
}

TEST_CASE("a deadline wakes the pacer once, and the earliest deadline wins") {
    FramePacer pacer;
    pacer.frame_drawn(0, 1, false);
    pacer.frame_drawn(16, 1, false);
    pacer.request_at(900);
    pacer.request_at(500);
    pacer.request_at(700);
    CHECK(pacer.deadline() == 500.0);
    CHECK_FALSE(pacer.due(499));
    CHECK(pacer.due(500));
    CHECK_FALSE(pacer.deadline().has_value());
    pacer.frame_drawn(501, 1, false);
    CHECK_FALSE(pacer.due(2000));
}

TEST_CASE("the picture hash tells different draw data apart and equal data alike") {
    Imgui imgui;
    auto picture = [](const char* text) {
        ImGui::NewFrame();
        ImGui::Begin("w");
        ImGui::TextUnformatted(text);
        ImGui::End();
        ImGui::Render();
        return picture_hash(*ImGui::GetDrawData());
    };
    for (int i = 0; i < 3; ++i) picture("hello");  // a new window takes frames to find its size
    const std::uint64_t first = picture("hello");
    CHECK(picture("hello") == first);
    CHECK(picture("hellp") != first);
}
