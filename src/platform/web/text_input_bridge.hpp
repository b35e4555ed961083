#pragma once
// TextInputBridge: keeps the hidden <textarea> (text_input.js) under the
// caret of the active ImGui text field and focused while one is active, and
// turns what the browser types into it into InputQueue events; or, while a
// paragraph is edited, shows it over the paragraph and hands its text to
// whoever draws paragraphs (ParagraphSink).

#include <cstdint>
#include <string>

#include "platform/input_queue.hpp"
#include "platform/paragraph_request.hpp"

namespace tandem::platform {

// Where the text typed into a paragraph's text area goes, between frames.
struct ParagraphSink {
    void (*typed)(std::uint32_t id, std::string text);  // the text area of paragraph `id` now holds `text`
    void (*closed)(std::uint32_t id);                    // the user left it (Escape, Tab)
};

class TextInputBridge {
public:
    // Creates the textarea. Borrows `queue`, which must outlive the bridge;
    // `wake` is called after text arrives.
    TextInputBridge(InputQueue& queue, ParagraphSink paragraphs, void (*wake)());

    // After each frame: whether ImGui wants text, and the caret's top-left in
    // CSS pixels with the line height and font size.
    void follow(bool active, float caret_x, float caret_y, float line_height, float font_px);

    // After each frame in which a paragraph is edited, instead of follow():
    // lays the textarea over it. `css_per_display` converts display pixels.
    void edit_paragraph(const ParagraphRequest& request, double css_per_display);

    // Whether the textarea has the keyboard; and whether it has it for a paragraph.
    bool focused() const;
    bool paragraph_focused() const;

    // [Internal] from text_input.js.
    void typed(const char* utf8);
    void edit_key(int which);  // 0 Backspace, 1 Enter, from on-screen keyboards
    void paragraph_typed(std::uint32_t id, const char* utf8);
    void paragraph_closed(std::uint32_t id);

private:
    InputQueue& queue_;
    ParagraphSink paragraphs_;
    void (*wake_)();
};

}  // namespace tandem::platform
