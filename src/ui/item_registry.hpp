#pragma once
// ItemRegistry: the interactive widgets drawn in the last complete frame, with
// their visible label, role, rectangle, enabled state and value. It backs the
// test hook's items(). Attach it to an ImGui context; widgets drawn through
// ui/widgets.hpp declare their role and value, others get a role inferred
// from ImGui's status flags.

#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "ui/test_engine_sink.hpp"

namespace tandem::ui {

enum class Role { button, input, checkbox, radio, combo, tab, menu, list_item, link, slider, label };

// The role's name in items(): "button", "list-item", ...
const char* role_name(Role role);

// A widget's current value: none, a state (checked, selected) or a text.
using ItemValue = std::variant<std::monostate, bool, std::string>;

// One widget as drawn. The rectangle is the visible part, in ImGui display
// coordinates (top-left origin).
struct ItemRecord {
    ImGuiID id = 0;
    std::string label;
    Role role = Role::button;
    float x = 0, y = 0, w = 0, h = 0;
    bool enabled = true;
    ItemValue value;
};

class ItemRegistry final : public TestEngineSink {
public:
    ItemRegistry() = default;
    ItemRegistry(const ItemRegistry&) = delete;
    ItemRegistry& operator=(const ItemRegistry&) = delete;
    ~ItemRegistry();

    // Starts receiving the hooks of `context`, which must outlive the
    // attachment. Detaches from any previous context.
    void attach(ImGuiContext& context);
    void detach();

    // The registry attached to ImGui's current context, or nullptr.
    static ItemRegistry* current();

    // Frame boundaries: call begin_frame() after ImGui::NewFrame() and
    // end_frame() after ImGui::Render(); end_frame() publishes the frame.
    void begin_frame();
    void end_frame();

    // Declares the role and value of the widget just drawn (ImGui's last
    // item). Does nothing if that widget was not visible.
    void describe_last_item(Role role, ItemValue value = {});

    // Gives the widget just drawn the visible `label` shown beside it, for
    // widgets whose ImGui label is hidden ("##..."). Does nothing if that
    // widget was not visible.
    void label_last_item(const char* label);

    // Records ImGui's last item under `label`: for widgets that ImGui does
    // not report itself, such as invisible buttons. Follow with describe_last_item().
    void announce_last_item(const char* label);

    // Records the text just drawn (ImGui's last item, which has no id) under
    // `label` with role "label" and `value`: for marks a test must find,
    // such as the one on what is private, and text shown to read only.
    // Does nothing if the text was not visible.
    void announce_last_text(const char* label, ItemValue value = {});

    // The widgets of the last complete frame, in drawing order.
    const std::vector<ItemRecord>& last_frame() const { return published_; }

    // The text field that had the keyboard at the end of the last frame
    // (ImGui's active item, when it is an input), or nullptr.
    const ItemRecord* keyboard() const;

    // last_frame() as JSON: {"display":[w,h],"keyboard":label or null,
    // "items":[{label, role, x, y, w, h, enabled, value}]}.
    std::string last_frame_json() const;

    void on_item_info(ImGuiContext& context, ImGuiID id, const char* label, ImGuiItemStatusFlags flags) override;

private:
    ImGuiContext* context_ = nullptr;
    std::vector<ItemRecord> drawing_;
    std::vector<ItemRecord> published_;
    float display_w_ = 0, display_h_ = 0;
    ImGuiID keyboard_ = 0;  // ImGui's active item at the end of the published frame
};

}  // namespace tandem::ui
