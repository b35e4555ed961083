#include "ui/paragraph_editing.hpp"

#include <utility>

namespace tandem::ui {

namespace {

struct ParagraphState {
    bool available = false;
    std::uint32_t edited = 0;  // the field being edited; 0 for none
    std::optional<std::string> delivered;
    std::optional<ParagraphRequest> request;
};
ParagraphState state;

}  // namespace

void use_platform_paragraphs(bool available) {
    state = ParagraphState{};
    state.available = available;
}

bool platform_paragraphs() { return state.available; }

void deliver_paragraph_text(std::uint32_t id, std::string text) {
    if (id != 0 && id == state.edited) state.delivered = std::move(text);
}

void close_paragraph(std::uint32_t id) {
    if (id != 0 && id == state.edited) state.edited = 0;
}

std::optional<ParagraphRequest> take_paragraph_request() {
    std::optional<ParagraphRequest> request = std::exchange(state.request, std::nullopt);
    if (!request) {
        state.edited = 0;
        state.delivered.reset();
    }
    return request;
}

bool paragraph_edited(std::uint32_t id) { return id != 0 && id == state.edited; }

bool open_paragraph(std::uint32_t id) {
    if (state.edited == id) return false;
    state.edited = id;
    state.delivered.reset();
    return true;
}

void end_paragraph(std::uint32_t id) {
    if (state.edited == id) state.edited = 0;
}

std::optional<std::string> take_paragraph_text(std::uint32_t id) {
    if (id != state.edited) return std::nullopt;
    return std::exchange(state.delivered, std::nullopt);
}

void request_paragraph(ParagraphRequest request) {
    if (request.id != state.edited) return;
    state.request = std::move(request);
}

}  // namespace tandem::ui
