#include "platform/browser_keyboard.hpp"

#include <algorithm>
#include <utility>

namespace tandem::platform {

namespace {


struct NamedKey {
    std::string_view code;
    Key key;
};

// Keys named by their position, whatever the layout.
constexpr std::array named_keys{
    NamedKey{"Tab", Key::tab},
    NamedKey{"ArrowLeft", Key::left},
    NamedKey{"ArrowRight", Key::right},
    NamedKey{"ArrowUp", Key::up},
    NamedKey{"ArrowDown", Key::down},
    NamedKey{"PageUp", Key::page_up},
    NamedKey{"PageDown", Key::page_down},
    NamedKey{"Home", Key::home},
    NamedKey{"End", Key::end},
    NamedKey{"Insert", Key::insert},
    NamedKey{"Delete", Key::del},
    NamedKey{"Backspace", Key::backspace},
    NamedKey{"Enter", Key::enter},
    NamedKey{"NumpadEnter", Key::keypad_enter},
    NamedKey{"Escape", Key::escape},
};

Key named_key(std::string_view code) {
    for (const NamedKey& named : named_keys)
        if (named.code == code) return named.key;
    if (code.size() >= 2 && code.size() <= 3 && code[0] == 'F') {
        int n = 0;
        for (char c : code.substr(1)) {
            if (c < '0' || c > '9') return Key::none;
            n = n * 10 + (c - '0');
        }
        if (n >= 1 && n <= 12) return function_key(n);
    }
    return Key::none;
}

// One Unicode scalar value: printable text rather than a key name like "Enter".
bool is_single_character(std::string_view key) {
    if (key.empty()) return false;
    const auto lead = static_cast<unsigned char>(key[0]);
    const std::size_t length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    return key.size() == length && (lead >= 0x20 && lead != 0x7F);
}

// The shortcut key of a Ctrl/Cmd combination: by `key` for Latin letters,
// digits and + -, else by `code`.
Key shortcut_key(const KeyboardEventInfo& event) {
    if (event.key.size() == 1) {
        const char c = event.key[0];
        if (c >= 'a' && c <= 'z') return letter_key(static_cast<char>(c - 'a' + 'A'));
        if (c >= 'A' && c <= 'Z') return letter_key(c);
        if (c >= '0' && c <= '9') return digit_key(c - '0');
        if (c == '+' || c == '=') return Key::plus;
        if (c == '-' || c == '_') return Key::minus;
    }
    const std::string_view code = event.code;
    if (code.size() == 4 && code.substr(0, 3) == "Key") return letter_key(code[3]);
    if (code.size() == 6 && code.substr(0, 5) == "Digit") return digit_key(code[5] - '0');
    if (code == "Equal" || code == "NumpadAdd") return Key::plus;
    if (code == "Minus" || code == "NumpadSubtract") return Key::minus;
    if (code == "Numpad0") return digit_key(0);
    return Key::none;
}

// Shortcuts Tandem claims from the browser: text editing (select all, undo,
// redo), text size, search and new note.
bool claimed_shortcut(Key key) {
    switch (key) {
        case Key::plus:
        case Key::minus:
            return true;
        default:
            return key == letter_key('A') || key == letter_key('Z') || key == letter_key('Y') ||
                   key == letter_key('K') || key == letter_key('J') || key == digit_key(0);
    }
}

}  // namespace

bool reaches_app_over_paragraph(const KeyboardEventInfo& event, const KeyDecision& decision) {
    if (decision.kind != KeyDecision::Kind::key) return false;
    const bool alt_graph = event.ctrl && event.alt && !event.meta;
    if (!(event.ctrl || event.meta) || alt_graph) return false;
    const Key key = decision.key;
    if (key == letter_key('A') || key == letter_key('Z') || key == letter_key('Y')) return false;
    const bool letter = key >= letter_key('A') && key <= letter_key('Z');
    const bool digit = key >= digit_key(0) && key <= digit_key(9);
    return letter || digit || key == Key::plus || key == Key::minus;
}

KeyDecision BrowserKeyboard::key_down(const KeyboardEventInfo& event) {
    KeyDecision decision;
    if (event.composing || event.key == "Dead" || event.key == "Process" || event.key == "Unidentified")
        return decision;

    // AltGr reports Ctrl+Alt on Windows: that is typing, not a shortcut.
    const bool alt_graph = event.ctrl && event.alt && !event.meta;
    const bool shortcut = (event.ctrl || event.meta) && !alt_graph;

    if (const Key named = named_key(event.code); named != Key::none) {
        decision.kind = KeyDecision::Kind::key;
        decision.key = named;
        // Function keys keep their browser meaning (reload, full screen) too.
        decision.prevent_default = !(named >= function_key(1) && named <= function_key(12));
    } else if (shortcut) {
        decision.key = shortcut_key(event);
        if (decision.key == letter_key('C') || decision.key == letter_key('X') ||
            decision.key == letter_key('V')) {
            decision.kind = KeyDecision::Kind::clipboard;
            decision.key = Key::none;
            return decision;
        }
        if (decision.key == Key::none) return decision;
        decision.kind = KeyDecision::Kind::key;
        decision.prevent_default = claimed_shortcut(decision.key);
    } else if (is_single_character(event.key)) {
        decision.kind = KeyDecision::Kind::text;
        return decision;
    } else {
        return decision;
    }

    auto known = std::find_if(pressed_.begin(), pressed_.end(), [&](const auto& p) { return p.first == event.code; });
    if (known == pressed_.end()) {
        pressed_.emplace_back(std::string(event.code), decision.key);
    } else if (known->second == decision.key) {
        decision.repeat = true;
    } else {
        decision.released = std::exchange(known->second, decision.key);
    }
    return decision;
}

Key BrowserKeyboard::key_up(std::string_view code) {
    auto known = std::find_if(pressed_.begin(), pressed_.end(), [&](const auto& p) { return p.first == code; });
    if (known == pressed_.end()) return Key::none;
    const Key key = known->second;
    pressed_.erase(known);
    return key;
}

}  // namespace tandem::platform
