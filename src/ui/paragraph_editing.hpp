#pragma once
// Paragraph editing in the platform's own text area. Dear ImGui 1.86's
// multi-line field cannot wrap words, so where the platform has a text area
// of its own (the browser's <textarea>), a paragraph field (text_area() in
// ui/widgets.hpp) draws its wrapped text itself and, while the user edits it,
// asks the host to lay the platform's text area over it: the browser then
// wraps, selects, spell-checks and composes, and sends back the whole text
// after every change. Without one (native tests), ImGui's field is used.
//
// One paragraph at a time is edited. Its state lives here, between the
// widget, which draws a frame, and the host, which runs between frames.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include "platform/paragraph_request.hpp"

namespace tandem::ui {

using platform::ParagraphRequest;

// The host says whether the platform lays its own text area over paragraphs.
void use_platform_paragraphs(bool available);
bool platform_paragraphs();

// Between frames (host): the platform's text area for field `id` now holds
// `text`; the field takes it in the next frame. Text for a field no longer
// edited is dropped.
void deliver_paragraph_text(std::uint32_t id, std::string text);
// Between frames (host): the user left the text area of field `id` (Escape,
// Tab); it stops being edited.
void close_paragraph(std::uint32_t id);

// After a frame (host): the paragraph edited in it, if one was drawn; a
// paragraph that was not drawn stops being edited.
std::optional<ParagraphRequest> take_paragraph_request();

// [For text_area()] The field `id` is drawn this frame; returns whether it is
// being edited.
bool paragraph_edited(std::uint32_t id);
// [For text_area()] Starts editing field `id`; false if it was already.
bool open_paragraph(std::uint32_t id);
// [For text_area()] Stops editing field `id`.
void end_paragraph(std::uint32_t id);
// [For text_area()] What the platform delivered for field `id` since the last frame.
std::optional<std::string> take_paragraph_text(std::uint32_t id);
// [For text_area()] The edited field's request for this frame.
void request_paragraph(ParagraphRequest request);

}  // namespace tandem::ui
