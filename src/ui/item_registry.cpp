#include "ui/item_registry.hpp"

#include <cassert>
#include <cstring>

#include "core/json_writer.hpp"

namespace tandem::ui {

const char* role_name(Role role) {
    switch (role) {
    case Role::button: return "button";
    case Role::input: return "input";
    case Role::checkbox: return "checkbox";
    case Role::radio: return "radio";
    case Role::combo: return "combo";
    case Role::tab: return "tab";
    case Role::menu: return "menu";
    case Role::list_item: return "list-item";
    case Role::link: return "link";
    case Role::slider: return "slider";
    case Role::label: return "label";
    }
    assert(false && "every Role has a name");
    return "button";
}

ItemRegistry::~ItemRegistry() { detach(); }

void ItemRegistry::attach(ImGuiContext& context) {
    detach();
    context_ = &context;
    context.TestEngine = static_cast<TestEngineSink*>(this);
    context.TestEngineHookItems = true;
}

void ItemRegistry::detach() {
    if (context_ == nullptr) return;
    if (context_->TestEngine == static_cast<TestEngineSink*>(this)) {
        context_->TestEngine = nullptr;
        context_->TestEngineHookItems = false;
    }
    context_ = nullptr;
}

ItemRegistry* ItemRegistry::current() {
    ImGuiContext* context = ImGui::GetCurrentContext();
    if (context == nullptr || context->TestEngine == nullptr) return nullptr;
    // Only ItemRegistry installs itself as the sink.
    return static_cast<ItemRegistry*>(static_cast<TestEngineSink*>(context->TestEngine));
}

void ItemRegistry::begin_frame() { drawing_.clear(); }

void ItemRegistry::end_frame() {
    published_.swap(drawing_);
    drawing_.clear();
    if (context_ != nullptr) {
        display_w_ = context_->IO.DisplaySize.x;
        display_h_ = context_->IO.DisplaySize.y;
        keyboard_ = context_->ActiveId;
    }
}

const ItemRecord* ItemRegistry::keyboard() const {
    for (const ItemRecord& item : published_)
        if (item.id == keyboard_ && item.role == Role::input) return &item;
    return nullptr;
}

void ItemRegistry::on_item_info(ImGuiContext& context, ImGuiID id, const char* label, ImGuiItemStatusFlags flags) {
    if (id == 0 || context.CurrentWindow == nullptr) return;
    ImRect visible = context.LastItemData.Rect;
    visible.ClipWithFull(context.CurrentWindow->ClipRect);
    if (visible.GetWidth() <= 0 || visible.GetHeight() <= 0) return;

    ItemRecord record;
    record.id = id;
    if (label != nullptr) record.label.assign(label, ImGui::FindRenderedTextEnd(label));
    record.x = visible.Min.x;
    record.y = visible.Min.y;
    record.w = visible.GetWidth();
    record.h = visible.GetHeight();
    record.enabled = (context.LastItemData.InFlags & ImGuiItemFlags_Disabled) == 0;
    if (flags & ImGuiItemStatusFlags_Checkable) {
        record.role = Role::checkbox;
        record.value = (flags & ImGuiItemStatusFlags_Checked) != 0;
    } else if (flags & ImGuiItemStatusFlags_Openable) {
        record.role = Role::menu;
        record.value = (flags & ImGuiItemStatusFlags_Opened) != 0;
    } else if (context.LastItemData.InFlags & ImGuiItemFlags_Inputable) {
        record.role = Role::input;
    }
    drawing_.push_back(std::move(record));
}

void ItemRegistry::describe_last_item(Role role, ItemValue value) {
    if (context_ == nullptr || drawing_.empty()) return;
    ItemRecord& last = drawing_.back();
    if (last.id != context_->LastItemData.ID) return;
    last.role = role;
    last.value = std::move(value);
}

void ItemRegistry::label_last_item(const char* label) {
    if (context_ == nullptr || drawing_.empty() || drawing_.back().id != context_->LastItemData.ID) return;
    drawing_.back().label = label;
}

void ItemRegistry::announce_last_item(const char* label) {
    if (context_ != nullptr) on_item_info(*context_, context_->LastItemData.ID, label, 0);
}

void ItemRegistry::announce_last_text(const char* label, ItemValue value) {
    if (context_ == nullptr) return;
    const std::size_t before = drawing_.size();
    on_item_info(*context_, ImGui::GetID(label), label, 0);
    if (drawing_.size() == before) return;
    drawing_.back().role = Role::label;
    drawing_.back().value = std::move(value);
}

std::string ItemRegistry::last_frame_json() const {
    JsonWriter json;
    json.begin_object();
    json.key("display").begin_array().number(display_w_).number(display_h_).end_array();
    json.key("keyboard");
    if (const ItemRecord* field = keyboard()) json.string(field->label);
    else json.null();
    json.key("items").begin_array();
    for (const ItemRecord& item : published_) {
        json.begin_object();
        json.key("label").string(item.label);
        json.key("role").string(role_name(item.role));
        json.key("x").number(item.x);
        json.key("y").number(item.y);
        json.key("w").number(item.w);
        json.key("h").number(item.h);
        json.key("enabled").boolean(item.enabled);
        json.key("value");
        if (const bool* state = std::get_if<bool>(&item.value)) json.boolean(*state);
        else if (const std::string* text = std::get_if<std::string>(&item.value)) json.string(*text);
        else json.null();
        json.end_object();
    }
    json.end_array();
    json.end_object();
    return json.text();
}

}  // namespace tandem::ui
