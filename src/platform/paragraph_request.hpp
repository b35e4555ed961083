#pragma once
// ParagraphRequest: where the platform lays its own text area over a
// paragraph being edited, and how it looks (ui/paragraph_editing.hpp says
// when a paragraph asks for one).

#include <cstddef>
#include <cstdint>
#include <string>

namespace tandem::platform {

// The paragraph being edited this frame: where the platform's text area goes
// and how it looks, in display pixels.
struct ParagraphRequest {
    std::uint32_t id = 0;                     // which field; changes when another is edited
    float x = 0, y = 0, w = 0, h = 0;         // the field's frame
    float clip_x0 = 0, clip_y0 = 0, clip_x1 = 0, clip_y1 = 0;  // the part of the screen it may cover
    float padding_x = 0, padding_y = 0;       // between frame and text
    float font_size = 0, line_height = 0;
    std::uint32_t text_color = 0;             // ImGui's packed colour (ABGR)
    std::uint32_t accent_color = 0;           // the caret and the selection
    std::string text;                         // the field's text, with `replace` only
    // The platform's text area takes `text`, with its caret at byte `caret`:
    // when editing begins, and after text typed before the text area had the
    // keyboard was added here.
    bool replace = false;
    std::size_t caret = 0;
    // Private text (a private note or reflection): the platform must not
    // spell-check, correct or complete it, which some browsers do on a server.
    bool private_text = false;
};

}  // namespace tandem::platform
