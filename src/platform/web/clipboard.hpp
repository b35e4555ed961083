#pragma once
// Clipboard: ImGui's clipboard hooks over the browser's (clipboard.js).
// Ctrl/Cmd+C, X and V reach ImGui inside the browser's copy, cut and paste
// events, so text moves to and from other applications in every browser.

#include <string>

#include <imgui.h>

#include "platform/input_queue.hpp"

namespace tandem::platform {

class Clipboard {
public:
    // Installs the hooks on `io` and the event listeners. `run_frames` must
    // draw frames until `queue` is empty; both must outlive the clipboard.
    // `mac` selects Cmd rather than Ctrl for the shortcuts.
    Clipboard(ImGuiIO& io, InputQueue& queue, void (*run_frames)(), bool mac);

    // [Internal] from clipboard.js: runs the copy (or cut) shortcut and
    // returns the copied text, or nullptr if nothing was copied. Valid until
    // the next call.
    const char* copy_event(bool cut);
    // [Internal] from clipboard.js: runs the paste shortcut with `text`.
    void paste_event(const char* text);

    // [Internal] ImGui's hooks.
    const char* text() const { return text_.c_str(); }
    void set_text(const char* text);

private:
    void run_shortcut(char letter);

    InputQueue& queue_;
    void (*run_frames_)();
    bool mac_;
    std::string text_;
    bool in_copy_event_ = false;
    bool copied_ = false;
};

}  // namespace tandem::platform
