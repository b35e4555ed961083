#pragma once
// BrowserKeyboard: what to do with a browser KeyboardEvent. Text comes from
// `key` (so every layout, AltGr and dead key types what its user expects) and
// is left to the focused <textarea>; other keys become Key presses.
// Shortcut letters follow `key` when it is a Latin letter (Ctrl+Z undoes on
// AZERTY and QWERTZ alike) and `code` otherwise (Ctrl+Я is Ctrl+Z on a
// Russian layout).

#include <array>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "platform/key.hpp"

namespace tandem::platform {

// The parts of a KeyboardEvent that matter here.
struct KeyboardEventInfo {
    std::string_view key;   // KeyboardEvent.key: "a", "é", "Enter", "Dead", "Process"
    std::string_view code;  // KeyboardEvent.code: "KeyA", "Enter", "Numpad0"
    bool ctrl = false, shift = false, alt = false, meta = false;
    bool composing = false;  // isComposing, or keyCode 229
};

struct KeyDecision {
    enum class Kind {
        ignore,     // nothing for ImGui: modifiers alone, IME and dead keys
        text,       // printable: typed into the focused <textarea>
        key,        // a Key press
        clipboard,  // Ctrl/Cmd+C, X or V: the browser's copy, cut or paste event follows
    };
    Kind kind = Kind::ignore;
    Key key = Key::none;
    bool prevent_default = false;  // stop the browser acting on it too
    bool repeat = false;           // `key` is held already: the browser's auto-repeat pressed it again
    Key released = Key::none;      // another key this position held (the modifiers changed), to release first
};

// While the browser's own text area edits a paragraph it keeps every key
// that edits text, and the browser acts on it; only the app's shortcuts
// (Ctrl or Cmd with a letter, a digit, + or -, other than the text area's
// own Ctrl+A, Z and Y) still reach the app.
bool reaches_app_over_paragraph(const KeyboardEventInfo& event, const KeyDecision& decision);

class BrowserKeyboard {
public:
    // Decides on a keydown and remembers which key it pressed, by `code`.
    KeyDecision key_down(const KeyboardEventInfo& event);

    // The key a keyup of `code` releases, if its keydown pressed one.
    Key key_up(std::string_view code);

    // Forgets every pressed key (the page lost focus).
    void release_all() { pressed_.clear(); }

private:
    std::vector<std::pair<std::string, Key>> pressed_;
};

}  // namespace tandem::platform
