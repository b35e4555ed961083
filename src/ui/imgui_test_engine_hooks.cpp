// Dear ImGui's test-engine hooks (IMGUI_ENABLE_TEST_ENGINE), compiled into the
// imgui target so that ImGui never depends on Tandem's libraries. ItemInfo
// forwards to the TestEngineSink in ImGuiContext::TestEngine, if any; the
// other hooks must exist but have nothing to do.

#include "ui/test_engine_sink.hpp"

namespace {
tandem::ui::TestEngineSink* sink_of(ImGuiContext* context) {
    return context ? static_cast<tandem::ui::TestEngineSink*>(context->TestEngine) : nullptr;
}
}  // namespace

// Called for every item laid out, clipped or not. Items are recorded from
// ItemInfo instead, which ImGui calls only for widgets that passed clipping,
// once their rectangle and flags are final.
void ImGuiTestEngineHook_ItemAdd(ImGuiContext*, const ImRect&, ImGuiID) {}

void ImGuiTestEngineHook_ItemInfo(ImGuiContext* context, ImGuiID id, const char* label, ImGuiItemStatusFlags flags) {
    if (auto* sink = sink_of(context)) sink->on_item_info(*context, id, label, flags);
}

void ImGuiTestEngineHook_Log(ImGuiContext*, const char*, ...) {}

const char* ImGuiTestEngine_FindItemDebugLabel(ImGuiContext*, ImGuiID) { return nullptr; }
