// Index of this file:
// [SECTION] Helpers: roles, focus, the cursor
// [SECTION] Navigation and buttons
// [SECTION] Text fields
// [SECTION] Paragraphs: wrapped text the platform edits
// [SECTION] Text areas, check boxes and choice lists
// [SECTION] Help, problems and list rows
// [SECTION] Choice buttons, tinted panels and the private mark

#include "ui/widgets.hpp"

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstring>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/text_symbols.hpp"
#include "core/utf8.hpp"
#include "ui/date_picker.hpp"
#include "ui/item_registry.hpp"
#include "ui/key_codes.hpp"
#include "ui/paragraph_editing.hpp"
#include "ui/theme.hpp"

namespace tandem::ui {

// [SECTION] Helpers: roles, focus, the cursor

namespace {

constexpr float target_height = 36.0f;
constexpr float large_height = 64.0f;

void describe(Role role, ItemValue value = {}) {
    if (ItemRegistry* registry = ItemRegistry::current()) registry->describe_last_item(role, std::move(value));
}

// ImGui's resize callback for a std::string buffer: ImGui asks for more room
// as the user types, and reads the string's data from then on.
int grow_string(ImGuiInputTextCallbackData* data) {
    if (data->EventFlag == ImGuiInputTextFlags_CallbackResize) {
        auto* text = static_cast<std::string*>(data->UserData);
        text->resize(static_cast<std::size_t>(data->BufTextLen));
        data->Buf = text->data();
    }
    return 0;
}

// The label of the field focus_field() asked for (empty when none), and
// the frame it was asked in.
struct FocusRequest {
    std::string label;
    int frame = 0;
};
FocusRequest focus_wanted;

// Before a text field: takes the keyboard if focus_field() asked for it.
void take_focus_if_wanted(const char* label) {
    if (focus_wanted.label.empty() || focus_wanted.label != label) return;
    ImGui::SetKeyboardFocusHere();
    focus_wanted.label.clear();
}

// Characters typed while the keyboard moves on to a field (Tab, a
// shortcut): ImGui 1.86 discards those that arrive in the frame its text
// field is activated by navigation, so they are kept here and given to the
// field in the next frame, when it has the keyboard.
struct CarriedCharacters {
    ImVector<ImWchar> characters;
    int frame = -1;
};
CarriedCharacters carried;

// Before ImGui's text field `id`: keeps or gives back the characters above.
void carry_typed_characters(ImGuiID id) {
    ImGuiContext& context = *ImGui::GetCurrentContext();
    ImVector<ImWchar>& queued = context.IO.InputQueueCharacters;
    if (context.NavActivateInputId == id && context.ActiveId != id) {
        for (const ImWchar c : queued) carried.characters.push_back(c);
        carried.frame = ImGui::GetFrameCount();
        queued.resize(0);
        return;
    }
    if (carried.characters.empty() || context.ActiveId != id) return;
    if (carried.frame + 1 == ImGui::GetFrameCount()) {
        for (const ImWchar c : queued) carried.characters.push_back(c);
        queued.swap(carried.characters);
    }
    carried.characters.resize(0);
}

// `text` as it fits in `width` in the current font: whole, or cut at a
// character and ended with an ellipsis; `kept` bytes of it are shown.
struct FittedText {
    std::string text;
    std::size_t kept = 0;
};
FittedText fit_to_width(std::string_view text, float width) {
    const char* begin = text.data();
    const char* end = begin + text.size();
    if (ImGui::CalcTextSize(begin, end).x <= width) return {std::string(text), text.size()};
    const float room = width - ImGui::CalcTextSize(symbols::ellipsis).x;
    ImFont* font = ImGui::GetFont();
    const float scale = ImGui::GetFontSize() / font->FontSize;
    float used = 0;
    const char* at = begin;
    while (at < end) {
        unsigned int c = 0;
        const int length = std::max(ImTextCharFromUtf8(&c, at, end), 1);
        const float advance = font->GetCharAdvance(static_cast<ImWchar>(c)) * scale;
        if (used + advance > room) break;
        used += advance;
        at += length;
    }
    while (at > begin && at[-1] == ' ') --at;
    return {std::string(begin, at) + symbols::ellipsis, static_cast<std::size_t>(at - begin)};
}

void hand_cursor_on_hover() {
    if (ImGui::IsItemHovered()) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
}

// After a text field: its accent outline while it has the keyboard (in the
// warning colour while it has a problem), and its label and value for the
// test hook.
void mark_text_item(const char* label, const std::string& shown, bool has_problem = false) {
    const Palette& palette = palette_colors();
    if (ImGui::IsItemActive()) {
        const float thickness = std::max(1.0f, std::floor(px(2)));
        ImGui::GetWindowDrawList()->AddRect(ImGui::GetItemRectMin(), ImGui::GetItemRectMax(),
                                            ImGui::GetColorU32(has_problem ? palette.warning_text : palette.accent_text),
                                            ImGui::GetStyle().FrameRounding, 0, thickness);
    }
    if (ItemRegistry* registry = ItemRegistry::current()) registry->label_last_item(label);
    describe(Role::input, shown);
    if (ImGui::IsItemHovered()) ImGui::SetMouseCursor(ImGuiMouseCursor_TextInput);
}

}  // namespace

// [SECTION] Navigation and buttons

namespace {

// A full-width sidebar entry, its shortcut muted at its right.
bool sidebar_entry(const char* label, bool selected, const char* shortcut) {
    const Palette& palette = palette_colors();
    ImGui::PushStyleVar(ImGuiStyleVar_ButtonTextAlign, ImVec2(0.0f, 0.5f));
    ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, 0.0f);
    ImGui::PushStyleColor(ImGuiCol_Button, selected ? palette.nav_selected : palette.transparent);
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, selected ? palette.nav_selected : palette.nav_hovered);
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, palette.nav_selected);
    ImGui::PushStyleColor(ImGuiCol_Text, selected ? palette.accent_text : palette.text);
    const bool clicked = ImGui::Button(label, ImVec2(-1.0f, metrics().nav_item_height));
    ImGui::PopStyleColor(4);
    ImGui::PopStyleVar(2);
    hand_cursor_on_hover();
    if (shortcut && *shortcut) {
        const ImVec2 max = ImGui::GetItemRectMax(), min = ImGui::GetItemRectMin();
        const ImVec2 size = ImGui::CalcTextSize(shortcut);
        const float label_end = min.x + ImGui::GetStyle().FramePadding.x + ImGui::CalcTextSize(label).x;
        const float at = max.x - size.x - px(10);
        if (at > label_end + px(8))
            ImGui::GetWindowDrawList()->AddText(ImVec2(at, (min.y + max.y - size.y) * 0.5f),
                                                ImGui::GetColorU32(palette.muted_text), shortcut);
    }
    return clicked;
}

}  // namespace

bool nav_item(const char* label, bool selected, const char* shortcut) {
    const bool clicked = sidebar_entry(label, selected, shortcut);
    describe(Role::tab, selected);
    return clicked;
}

bool sidebar_action(const char* label) {
    const bool clicked = sidebar_entry(label, false, "");
    describe(Role::button);
    return clicked;
}

void section_title(const char* title) {
    ImGui::Dummy(ImVec2(0, px(20)));
    ImGui::PushStyleColor(ImGuiCol_Text, palette_colors().accent_text);
    ImGui::TextUnformatted(title);
    ImGui::PopStyleColor();
    ImGui::Dummy(ImVec2(0, px(2)));
}

void muted_wrapped(const char* text) {
    ImGui::PushStyleColor(ImGuiCol_Text, palette_colors().muted_text);
    ImGui::TextWrapped("%s", text);
    ImGui::PopStyleColor();
}

bool action_button(const char* label) {
    const bool clicked = ImGui::Button(label, ImVec2(0.0f, px(target_height)));
    hand_cursor_on_hover();
    describe(Role::button);
    return clicked;
}

void focus_field(const char* label) { focus_wanted = FocusRequest{label, ImGui::GetFrameCount()}; }

void drop_focus_request() {
    if (focus_wanted.frame < ImGui::GetFrameCount()) focus_wanted.label.clear();
}

void same_line_if_fits(const char* next_label) {
    const ImGuiStyle& style = ImGui::GetStyle();
    const float gap = px(8);
    const float width = ImGui::CalcTextSize(next_label, nullptr, true).x + style.FramePadding.x * 2;
    const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
    if (ImGui::GetItemRectMax().x + gap + width <= right) ImGui::SameLine(0, gap);
}

bool large_button(const char* label, float width) {
    ImGui::PushStyleColor(ImGuiCol_Button, palette_colors().nav_selected);
    ImGui::PushStyleColor(ImGuiCol_Text, palette_colors().accent_text);
    const bool clicked = ImGui::Button(label, ImVec2(width, px(large_height)));
    ImGui::PopStyleColor(2);
    hand_cursor_on_hover();
    describe(Role::button);
    return clicked;
}

bool tally_button(const char* id, const std::string& label, std::int64_t total, float width) {
    const Palette& palette = palette_colors();
    ImGui::PushID(id);
    const bool clicked = ImGui::Button("##tally", ImVec2(width, px(large_height)));
    const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
    const std::string count = std::to_string(total);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const float middle = (min.y + max.y - ImGui::GetFontSize()) * 0.5f;
    const float count_width = ImGui::CalcTextSize(count.c_str()).x;
    const std::string shown = fit_to_width(label, max.x - count_width - px(28) - (min.x + px(16))).text;
    draw->AddText(ImVec2(min.x + px(16), middle), ImGui::GetColorU32(palette.text), shown.c_str());
    draw->AddText(ImVec2(max.x - count_width - px(16), middle), ImGui::GetColorU32(palette.accent_text), count.c_str());
    hand_cursor_on_hover();
    if (ItemRegistry* registry = ItemRegistry::current()) registry->label_last_item(label.c_str());
    describe(Role::button, count);
    ImGui::PopID();
    return clicked;
}

// [SECTION] Text fields

namespace {

// A one-line field as text_field() draws it, `width` wide at most with
// `beside` (if any), a square button's width, drawn on its line after it.
std::optional<std::string> one_line_field(const char* label, const std::string& text, const std::string& problem,
                                          const char* hint, bool* entered, float width,
                                          const std::function<void()>& beside, bool secret = false) {
    const Palette& palette = palette_colors();
    ImGui::TextUnformatted(label);
    ImGui::PushID(label);
    // While the field has the keyboard ImGui edits its own copy and writes
    // it back here; this copy carries the caller's text into the frame, or
    // while the field is edited, the text as typed: the caller may show it
    // stored differently ("21/12" as "Mon 21 Dec"), which ImGui would
    // otherwise take for an edit every frame.
    const ImGuiID id = ImGui::GetID("##field");
    const ImGuiInputTextState* typing = ImGui::GetActiveID() == id ? ImGui::GetInputTextState(id) : nullptr;
    std::string edited = typing && typing->TextAIsValid ? std::string(typing->TextA.Data) : text;
    const float padding_y = std::max(ImGui::GetStyle().FramePadding.y, (px(target_height) - ImGui::GetFontSize()) * 0.5f);
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(px(10), padding_y));
    if (!problem.empty()) ImGui::PushStyleColor(ImGuiCol_Border, palette.warning_text);
    // What is drawn beside the field (a square button) keeps its room on the line.
    const float beside_room = beside ? px(target_height) + px(6) : 0.0f;
    ImGui::SetNextItemWidth(std::min(width, ImGui::GetContentRegionAvail().x) - beside_room);
    ImGuiInputTextFlags flags = ImGuiInputTextFlags_CallbackResize;
    if (entered) flags |= ImGuiInputTextFlags_EnterReturnsTrue;
    if (secret) flags |= ImGuiInputTextFlags_Password;
    take_focus_if_wanted(label);
    carry_typed_characters(id);
    const bool answer = ImGui::InputTextWithHint("##field", hint, edited.data(), edited.capacity() + 1, flags,
                                                 grow_string, &edited);
    // With EnterReturnsTrue, ImGui answers only for Enter; the text still changes as typed.
    const bool changed = entered ? edited != text : answer && edited != text;
    if (entered) *entered = answer;
    // Enter adds what was typed; the field keeps the keyboard for the next one.
    if (entered && answer) ImGui::SetKeyboardFocusHere(-1);
    if (!problem.empty()) ImGui::PopStyleColor();
    ImGui::PopStyleVar();
    ImGui::PopID();
    mark_text_item(label, secret ? std::string(utf8_code_points(edited).value_or(edited.size()), '*') : edited, !problem.empty());
    if (beside) {
        ImGui::SameLine(0, px(6));
        beside();
    }
    field_problem(problem);
    if (!changed) return std::nullopt;
    return edited;
}

}  // namespace

std::optional<std::string> text_field(const char* label, const std::string& text, const std::string& problem,
                                      const char* hint, bool* entered) {
    return one_line_field(label, text, problem, hint, entered, px(420), {});
}

std::optional<std::string> secret_field(const char* label, const std::string& text, const std::string& problem,
                                        const char* hint, bool* entered) {
    return one_line_field(label, text, problem, hint, entered, px(420), {}, true);
}

void wrapped_text(const std::string& text) {
    if (text.empty()) return;
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + std::min(px(640), ImGui::GetContentRegionAvail().x));
    ImGui::TextUnformatted(text.c_str());
    ImGui::PopTextWrapPos();
}

void progress_bar(float fraction, const std::string& caption) {
    const Palette& palette = palette_colors();
    const float width = std::min(px(420), ImGui::GetContentRegionAvail().x);
    const float height = px(12);
    const ImVec2 at = ImGui::GetCursorScreenPos();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(at, ImVec2(at.x + width, at.y + height), ImGui::GetColorU32(palette.frame), height * 0.5f);
    const float filled = width * std::clamp(fraction, 0.0f, 1.0f);
    draw->AddRectFilled(at, ImVec2(at.x + std::max(filled, height), at.y + height),
                        ImGui::GetColorU32(palette.accent_text), height * 0.5f);
    ImGui::Dummy(ImVec2(width, height + px(4)));
    field_help(caption);
}

std::optional<std::string> date_field(const char* label, const std::string& text, const std::string& problem,
                                      const char* hint, const DateFieldCalendar& calendar) {
    std::optional<CalendarDate> picked;
    auto typed = one_line_field(label, text, problem, hint, nullptr, px(420), [&] {
        picked = calendar_button(label, calendar.selected, calendar.today, calendar.first_weekday);
    });
    if (picked) return picked->iso();
    return typed;
}

// [SECTION] Paragraphs: wrapped text the platform edits

namespace {

// A line of wrapped text: [begin, end) of the text.
struct WrappedLine {
    const char* begin;
    const char* end;
};

// The first `max_lines` lines of `text` wrapped at `width` in the current
// font, as ImGui wraps: at spaces where it can, within a word where it must,
// with the blanks after a wrap dropped. `more` says whether text is left.
std::vector<WrappedLine> wrap_lines(const std::string& text, float width, std::size_t max_lines, bool& more) {
    std::vector<WrappedLine> lines;
    ImFont* font = ImGui::GetFont();
    const float scale = ImGui::GetFontSize() / font->FontSize;
    const char* at = text.data();
    const char* end = text.data() + text.size();
    while (at < end && lines.size() < max_lines) {
        const char* line_end = static_cast<const char*>(std::memchr(at, '\n', static_cast<std::size_t>(end - at)));
        if (line_end == nullptr) line_end = end;
        const char* wrap = font->CalcWordWrapPositionA(scale, at, line_end, width);
        if (wrap <= at) {  // one glyph wider than the field
            const std::string_view rest(at, static_cast<std::size_t>(line_end - at));
            wrap = at + std::max<std::size_t>(1, utf8_sequence_length(rest, 0));
        }
        if (wrap > line_end) wrap = line_end;
        lines.push_back({at, wrap});
        at = wrap;
        if (at == line_end) {
            if (at < end) ++at;  // past the newline
            if (at == end && line_end < end) lines.push_back({at, at});  // a last, empty line
        } else {
            while (at < line_end && (*at == ' ' || *at == '\t')) ++at;
        }
    }
    more = at < end;
    return lines;
}

// The byte offset in `text` nearest `point`, over `lines` drawn from
// `origin`; the end of the text below them.
std::size_t caret_at(const std::vector<WrappedLine>& lines, const std::string& text, ImVec2 origin, float line_height,
                     ImVec2 point) {
    const float row = std::floor((point.y - origin.y) / line_height);
    if (lines.empty() || row >= static_cast<float>(lines.size())) return text.size();
    const WrappedLine& line = lines[static_cast<std::size_t>(std::max(row, 0.0f))];
    ImFont* font = ImGui::GetFont();
    const float scale = ImGui::GetFontSize() / font->FontSize;
    float x = origin.x;
    for (const char* at = line.begin; at < line.end;) {
        unsigned int c = 0;
        const int length = ImTextCharFromUtf8(&c, at, line.end);
        const float advance = font->GetCharAdvance(static_cast<ImWchar>(c)) * scale;
        if (x + advance * 0.5f > point.x) return static_cast<std::size_t>(at - text.data());
        x += advance;
        at += std::max(length, 1);
    }
    return static_cast<std::size_t>(line.end - text.data());
}

// Inserts into `text` at `caret` the characters ImGui holds for a text
// field (typed before the platform's text area had the keyboard), and
// moves the caret past them. Returns whether there were any.
bool take_typed_characters(std::string& text, std::size_t& caret) {
    ImVector<ImWchar>& queued = ImGui::GetIO().InputQueueCharacters;
    if (queued.empty()) return false;
    std::string typed;
    for (const ImWchar c : queued) {
        if (c < 0x20 && c != '\n' && c != '\t') continue;
        char bytes[5] = {};
        ImTextCharToUtf8(bytes, c);
        typed += bytes;
    }
    queued.resize(0);
    caret = std::min(caret, text.size());
    text.insert(caret, typed);
    caret += typed.size();
    return !typed.empty();
}

// Where the platform's text area goes over paragraph `id`'s `frame`, and how it looks.
ParagraphRequest paragraph_request(ImGuiID id, const ImRect& frame, ImVec2 padding, bool private_text) {
    const Palette& palette = palette_colors();
    ParagraphRequest request;
    request.id = id;
    request.x = frame.Min.x;
    request.y = frame.Min.y;
    request.w = frame.GetWidth();
    request.h = frame.GetHeight();
    const ImRect clip = ImGui::GetCurrentWindow()->ClipRect;
    request.clip_x0 = clip.Min.x;
    request.clip_y0 = clip.Min.y;
    request.clip_x1 = clip.Max.x;
    request.clip_y1 = clip.Max.y;
    request.padding_x = padding.x;
    request.padding_y = padding.y;
    request.font_size = ImGui::GetFontSize();
    request.line_height = ImGui::GetFontSize();
    request.text_color = ImGui::GetColorU32(palette.text);
    request.accent_color = ImGui::GetColorU32(palette.accent_text);
    request.private_text = private_text;
    return request;
}

// A paragraph not being edited: its `lines` inside `frame`, the `hint` when
// it is empty (null: none), and "click to read on" when `more` is cut.
void draw_paragraph(const ImRect& frame, ImVec2 padding, std::span<const WrappedLine> lines, const char* hint,
                    bool more) {
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->PushClipRect(frame.Min, frame.Max, true);
    ImVec2 line_at(frame.Min.x + padding.x, frame.Min.y + padding.y);
    if (hint && *hint) draw->AddText(line_at, ImGui::GetColorU32(ImGuiCol_TextDisabled), hint);
    const ImU32 ink = ImGui::GetColorU32(ImGuiCol_Text);
    for (const WrappedLine& line : lines) {
        draw->AddText(ImGui::GetFont(), ImGui::GetFontSize(), line_at, ink, line.begin, line.end);
        line_at.y += ImGui::GetFontSize();
    }
    const std::string read_on = std::string(symbols::ellipsis) + " (click to read on)";
    if (more) draw->AddText(line_at, ImGui::GetColorU32(palette_colors().muted_text), read_on.c_str());
    draw->PopClipRect();
}

// ImGui's side of editing paragraph `id`: while the platform's text area
// has the keyboard, the paragraph is ImGui's active and focused item, so
// Tab and Shift+Tab move on from it and no other field thinks it has the
// keyboard. Another item taking it (a click, Tab from the text area) ends
// the editing; the end of the editing lets it go. `opened`: the editing
// began this frame, and takes the keyboard from whichever field had it.
void hold_keyboard_while_edited(ImGuiID id, bool opened) {
    ImGuiContext& context = *ImGui::GetCurrentContext();
    if (!paragraph_edited(id)) {
        if (context.ActiveId == id) ImGui::ClearActiveID();
        return;
    }
    if (!opened && context.ActiveId != 0 && context.ActiveId != id) {
        end_paragraph(id);
        return;
    }
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    if (context.ActiveId != id) {
        ImGui::SetActiveID(id, window);
        ImGui::SetFocusID(id, window);
        ImGui::FocusWindow(window);
    }
    ImGui::KeepAliveID(id);
    context.ActiveIdAllowOverlap = true;  // the rest of the page stays hoverable and clickable
}

// A paragraph field when the platform edits paragraphs (ui/paragraph_editing.hpp):
// draws the wrapped text, and while it is edited asks for the platform's
// text area over it and takes what that sends back.
std::optional<std::string> platform_paragraph(const char* label, const std::string& text, const std::string& problem,
                                              const char* hint, int lines, bool private_text) {
    const Palette& palette = palette_colors();
    ImGui::TextUnformatted(label);
    ImGui::PushID(label);
    const ImGuiID id = ImGui::GetID("##field");
    const ImVec2 padding(px(10), px(8));
    const float width = std::min(px(640), ImGui::GetContentRegionAvail().x);
    const float line_height = ImGui::GetFontSize();
    // Shown in full up to a few lines more than asked for; beyond, the rest
    // is read and edited in the platform's text area, which scrolls.
    const std::size_t most_lines = static_cast<std::size_t>(std::max(lines, 2) + 8);

    std::optional<std::string> changed;
    if (paragraph_edited(id)) changed = take_paragraph_text(id);
    std::string shown = changed ? *changed : text;
    bool more = false;
    const std::vector<WrappedLine> wrapped = wrap_lines(shown, width - padding.x * 2, most_lines, more);
    const std::size_t rows = std::clamp<std::size_t>(wrapped.size() + (more ? 1 : 0), static_cast<std::size_t>(std::max(lines, 2)),
                                                     most_lines);
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const ImRect frame(at, ImVec2(at.x + width, at.y + line_height * static_cast<float>(rows) + padding.y * 2));
    ImGui::ItemSize(frame);
    take_focus_if_wanted(label);
    // A tab stop, like ImGui's own text fields, so Tab and Shift+Tab reach it.
    const bool visible = ImGui::ItemAdd(frame, id, nullptr, ImGuiItemFlags_Inputable);
    const bool enabled = (ImGui::GetItemFlags() & ImGuiItemFlags_Disabled) == 0;
    bool hovered = false, held = false;
    // While edited, the platform's text area lies over the field and takes its clicks.
    const bool pressed = visible && enabled && !paragraph_edited(id) &&
                         ImGui::ButtonBehavior(frame, id, &hovered, &held, ImGuiButtonFlags_PressedOnClick);
    if (paragraph_edited(id)) hovered = ImGui::IsMouseHoveringRect(frame.Min, frame.Max);
    const ImGuiContext& context = *ImGui::GetCurrentContext();
    const bool tabbed_in = enabled && (context.NavActivateInputId == id || context.NavActivateId == id);
    // Editing begins with the caret where the click was, or at the end.
    bool replace = false;
    std::size_t caret = shown.size();
    if ((pressed || tabbed_in) && open_paragraph(id)) {
        replace = true;
        if (pressed) caret = caret_at(wrapped, shown, ImVec2(frame.Min.x + padding.x, frame.Min.y + padding.y),
                                      line_height, ImGui::GetIO().MousePos);
    }
    // A click anywhere else, or another field taking the keyboard, ends the editing.
    if (paragraph_edited(id) && ImGui::IsMouseClicked(ImGuiMouseButton_Left) && !hovered) end_paragraph(id);
    hold_keyboard_while_edited(id, replace);
    const bool editing = paragraph_edited(id);

    const float rounding = ImGui::GetStyle().FrameRounding;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(frame.Min, frame.Max, ImGui::GetColorU32(ImGuiCol_FrameBg), rounding);
    const float thickness = std::max(1.0f, std::floor(px(editing ? 2 : 1)));
    const ImU32 border = !problem.empty() ? ImGui::GetColorU32(palette.warning_text)
                         : editing        ? ImGui::GetColorU32(palette.accent_text)
                                          : ImGui::GetColorU32(ImGuiCol_Border);
    draw->AddRect(frame.Min, frame.Max, border, rounding, 0, thickness);
    if (editing) {
        // Typed before the platform's text area had the keyboard: added here
        // (the wrapped lines, which point into the text, are not used again).
        if (take_typed_characters(shown, caret)) {
            changed = shown;
            replace = true;
        }
        ParagraphRequest request = paragraph_request(id, frame, padding, private_text);
        if (replace) request.text = shown;  // only then does the platform take it
        request.replace = replace;
        request.caret = caret;
        request_paragraph(std::move(request));
    } else if (visible) {
        // The platform's text area shows the text while it is edited.
        const std::size_t drawn = std::min(more ? rows - 1 : wrapped.size(), wrapped.size());
        draw_paragraph(frame, padding, std::span(wrapped).first(drawn), shown.empty() ? hint : nullptr, more);
    }
    if (visible) {
        if (ItemRegistry* registry = ItemRegistry::current()) registry->announce_last_item(label);
        describe(Role::input, shown);
        if (hovered && enabled) ImGui::SetMouseCursor(ImGuiMouseCursor_TextInput);
    }
    ImGui::PopID();
    field_problem(problem);
    return changed;
}

}  // namespace

// [SECTION] Text areas, check boxes and choice lists

std::optional<std::string> text_area(const char* label, const std::string& text, const std::string& problem,
                                     const char* hint, int lines, bool private_text) {
    if (platform_paragraphs()) return platform_paragraph(label, text, problem, hint, lines, private_text);
    const Palette& palette = palette_colors();
    ImGui::TextUnformatted(label);
    ImGui::PushID(label);
    std::string edited = text;
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(px(10), px(8)));
    if (!problem.empty()) ImGui::PushStyleColor(ImGuiCol_Border, palette.warning_text);
    const float width = std::min(px(640), ImGui::GetContentRegionAvail().x);
    const float height = ImGui::GetTextLineHeightWithSpacing() * static_cast<float>(std::max(lines, 2)) + px(16);
    take_focus_if_wanted(label);
    const bool changed =
        ImGui::InputTextMultiline("##field", edited.data(), edited.capacity() + 1, ImVec2(width, height),
                                  ImGuiInputTextFlags_CallbackResize, grow_string, &edited);
    if (edited.empty() && !ImGui::IsItemActive() && hint && *hint) {
        // ImGui 1.86 has no hint for multi-line fields: draw it in the empty field.
        const ImVec2 at(ImGui::GetItemRectMin().x + px(10), ImGui::GetItemRectMin().y + px(8));
        ImGui::GetWindowDrawList()->AddText(at, ImGui::GetColorU32(ImGuiCol_TextDisabled), hint);
    }
    if (!problem.empty()) ImGui::PopStyleColor();
    ImGui::PopStyleVar();
    ImGui::PopID();
    mark_text_item(label, edited, !problem.empty());
    field_problem(problem);
    if (!changed) return std::nullopt;
    return edited;
}

std::optional<bool> check_box(const char* label, bool checked) {
    bool state = checked;
    const float padding_y = std::max(ImGui::GetStyle().FramePadding.y, (px(target_height) - ImGui::GetFontSize()) * 0.5f);
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(padding_y, padding_y));
    const bool toggled = ImGui::Checkbox(label, &state);
    ImGui::PopStyleVar();
    hand_cursor_on_hover();
    describe(Role::checkbox, state);
    if (!toggled) return std::nullopt;
    return state;
}

std::optional<int> choice_list(const char* label, std::span<const std::string> options, int selected) {
    ImGui::TextUnformatted(label);
    ImGui::PushID(label);
    const bool valid = selected >= 0 && static_cast<std::size_t>(selected) < options.size();
    const std::string shown = valid ? options[static_cast<std::size_t>(selected)] : std::string();
    const float padding_y = std::max(ImGui::GetStyle().FramePadding.y, (px(target_height) - ImGui::GetFontSize()) * 0.5f);
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(px(10), padding_y));
    ImGui::SetNextItemWidth(std::min(px(420), ImGui::GetContentRegionAvail().x));
    std::optional<int> chosen;
    // The list's own padding: the screen's wide window padding would leave an
    // empty band above the first option and below the last.
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(px(4), px(4)));
    const bool open = ImGui::BeginCombo("##choice", shown.c_str(), ImGuiComboFlags_HeightLarge);
    ImGui::PopStyleVar();
    // ImGui reports no combo to the test engine; while it is open, its list
    // is the last item, and the entries are reported instead.
    if (!open) {
        if (ItemRegistry* registry = ItemRegistry::current()) registry->announce_last_item(label);
        describe(Role::combo, shown);
        hand_cursor_on_hover();
    }
    if (open) {
        // Escape closes the list without choosing, as a click outside it does.
        if (ImGui::IsKeyPressed(key_index(Key::escape), false)) ImGui::CloseCurrentPopup();
        for (std::size_t i = 0; i < options.size(); ++i) {
            ImGui::PushID(static_cast<int>(i));
            const bool is_selected = static_cast<int>(i) == selected;
            ImGui::PushStyleVar(ImGuiStyleVar_SelectableTextAlign, ImVec2(0.0f, 0.5f));
            const bool picked = ImGui::Selectable(options[i].c_str(), is_selected, 0, ImVec2(0, px(target_height)));
            ImGui::PopStyleVar();
            if (picked)
                chosen = static_cast<int>(i);
            if (ItemRegistry* registry = ItemRegistry::current()) registry->label_last_item(options[i].c_str());
            describe(Role::list_item, is_selected);
            if (is_selected) ImGui::SetItemDefaultFocus();
            ImGui::PopID();
        }
        ImGui::EndCombo();
    }
    ImGui::PopStyleVar();
    ImGui::PopID();
    return chosen;
}

// [SECTION] Help, problems and list rows

void field_problem(const std::string& problem) {
    if (problem.empty()) return;
    ImGui::PushStyleColor(ImGuiCol_Text, palette_colors().warning_text);
    ImGui::TextWrapped("%s", problem.c_str());
    ImGui::PopStyleColor();
}

void read_only_field(const char* label, const std::string& text, const char* empty) {
    const Palette& palette = palette_colors();
    ImGui::PushStyleColor(ImGuiCol_Text, palette.muted_text);
    ImGui::TextUnformatted(label);
    ImGui::PopStyleColor();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + std::min(px(640), ImGui::GetContentRegionAvail().x));
    if (text.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, palette.muted_text);
        ImGui::TextUnformatted(empty);
        ImGui::PopStyleColor();
    } else {
        ImGui::TextUnformatted(text.c_str());
    }
    ImGui::PopTextWrapPos();
    if (ItemRegistry* registry = ItemRegistry::current()) registry->announce_last_text(label, text);
}

void field_help(const std::string& text) {
    if (text.empty()) return;
    ImGui::PushStyleColor(ImGuiCol_Text, palette_colors().muted_text);
    ImGui::TextWrapped("%s", text.c_str());
    ImGui::PopStyleColor();
}

float list_row_height() { return std::max(px(target_height), ImGui::GetTextLineHeight() * 2 + px(16)); }

bool list_row(const char* id, const std::string& title, const std::string& detail, bool selected) {
    return list_row(id, title, detail, {}, selected);
}

bool list_row(const char* id, const std::string& title, const std::string& detail, std::span<const TextRange> marked,
              bool selected) {
    const Palette& palette = palette_colors();
    const float line = ImGui::GetTextLineHeight();
    const float height = list_row_height();
    const ImVec2 start = ImGui::GetCursorScreenPos();
    ImGui::PushID(id);
    ImGui::PushStyleColor(ImGuiCol_Header, palette.nav_selected);
    ImGui::PushStyleColor(ImGuiCol_HeaderHovered, palette.nav_hovered);
    ImGui::PushStyleColor(ImGuiCol_HeaderActive, palette.nav_selected);
    const bool clicked = ImGui::Selectable("##row", selected, 0, ImVec2(0, height));
    ImGui::PopStyleColor(3);
    if (ItemRegistry* registry = ItemRegistry::current()) registry->label_last_item(title.c_str());
    describe(Role::list_item, selected);
    hand_cursor_on_hover();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 row_max = ImGui::GetItemRectMax();
    draw->PushClipRect(start, ImVec2(row_max.x - px(8), row_max.y), true);
    const float top = start.y + (height - (detail.empty() ? line : line * 2 + px(2))) * 0.5f;
    const float left = start.x + px(12);
    const float room = row_max.x - px(8) - left;
    const std::string shown_title = fit_to_width(title, room).text;
    draw->AddText(ImVec2(left, top), ImGui::GetColorU32(selected ? palette.accent_text : palette.text),
                  shown_title.c_str());
    // Marks are cut where the text is; marks past it are left out.
    const FittedText fitted = fit_to_width(detail, room);
    const std::string& shown_detail = fitted.text;
    const std::size_t kept = fitted.kept;
    if (!shown_detail.empty()) {
        const float detail_top = top + line + px(2);
        // Marked words get a tint behind them and the text colour over it.
        for (const TextRange& range : marked) {
            const std::size_t end = std::min(range.end, kept);
            if (range.begin >= end) continue;
            const char* text = shown_detail.c_str();
            const float from = ImGui::CalcTextSize(text, text + range.begin).x;
            const float to = ImGui::CalcTextSize(text, text + end).x;
            draw->AddRectFilled(ImVec2(left + from - px(1), detail_top), ImVec2(left + to + px(1), detail_top + line),
                                ImGui::GetColorU32(palette.notice), px(3));
        }
        draw->AddText(ImVec2(left, detail_top), ImGui::GetColorU32(palette.muted_text), shown_detail.c_str());
        for (const TextRange& range : marked) {
            const std::size_t end = std::min(range.end, kept);
            if (range.begin >= end) continue;
            const char* text = shown_detail.c_str();
            const float from = ImGui::CalcTextSize(text, text + range.begin).x;
            draw->AddText(ImVec2(left + from, detail_top), ImGui::GetColorU32(palette.text), text + range.begin,
                          text + end);
        }
    }
    draw->PopClipRect();
    ImGui::PopID();
    return clicked;
}

// [SECTION] Choice buttons, tinted panels and the private mark

bool choice_button(const char* label, bool selected) {
    const Palette& palette = palette_colors();
    ImGui::PushStyleColor(ImGuiCol_Button, selected ? palette.nav_selected : palette.button);
    ImGui::PushStyleColor(ImGuiCol_Text, selected ? palette.accent_text : palette.text);
    const bool clicked = ImGui::Button(label, ImVec2(0.0f, px(target_height)));
    ImGui::PopStyleColor(2);
    hand_cursor_on_hover();
    describe(Role::radio, selected);
    return clicked;
}

namespace {

// The open tinted panel: where it began, and its size.
struct TintedPanel {
    bool open = false;
    ImVec2 top_left;
    float width = 0;
    float padding = 0;
    PanelTint tint = PanelTint::private_text;
};
TintedPanel tinted_panel;

}  // namespace

void begin_tinted_panel(float max_width, float padding, PanelTint tint) {
    IM_ASSERT(!tinted_panel.open && "tinted panels do not nest");
    const float width = std::min(max_width, ImGui::GetContentRegionAvail().x);
    tinted_panel = TintedPanel{true, ImGui::GetCursorScreenPos(), width, padding, tint};
    // The tint goes behind the contents once their height is known.
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->ChannelsSplit(2);
    draw->ChannelsSetCurrent(1);
    ImGui::SetCursorScreenPos(ImVec2(tinted_panel.top_left.x + padding, tinted_panel.top_left.y + padding));
    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width - padding * 2);
}

void end_tinted_panel() {
    IM_ASSERT(tinted_panel.open && "end_tinted_panel() without begin_tinted_panel()");
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
    const TintedPanel panel = std::exchange(tinted_panel, TintedPanel{});
    const float bottom = ImGui::GetItemRectMax().y + panel.padding;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->ChannelsSetCurrent(0);
    draw->AddRectFilled(panel.top_left, ImVec2(panel.top_left.x + panel.width, bottom),
                        ImGui::GetColorU32(panel.tint == PanelTint::private_text ? palette_colors().notice
                                                                                  : palette_colors().sidebar),
                        px(6));
    draw->ChannelsMerge();
    ImGui::SetCursorScreenPos(ImVec2(panel.top_left.x, bottom));
    ImGui::Dummy(ImVec2(panel.width, 0));
}

void private_mark(const std::string& explanation) {
    const Palette& palette = palette_colors();
    // A padlock drawn from shapes: the fonts have no emoji.
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const float size = ImGui::GetTextLineHeight();
    const ImU32 ink = ImGui::GetColorU32(palette.warning_text);
    draw->AddRect(ImVec2(at.x + size * 0.25f, at.y + size * 0.05f), ImVec2(at.x + size * 0.75f, at.y + size * 0.6f),
                  ink, size * 0.25f, 0, std::max(1.0f, px(2)));
    draw->AddRectFilled(ImVec2(at.x + size * 0.12f, at.y + size * 0.45f), ImVec2(at.x + size * 0.88f, at.y + size),
                        ink, px(2));
    ImGui::Dummy(ImVec2(size, size));
    ImGui::SameLine(0, px(8));
    ImGui::TextColored(palette.warning_text, "Private to you");
    if (ItemRegistry* registry = ItemRegistry::current()) registry->announce_last_text("Private to you");
    field_help(explanation);
}

}  // namespace tandem::ui
