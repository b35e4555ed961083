#pragma once
// The receiver of Dear ImGui's test-engine hooks. While
// ImGuiContext::TestEngineHookItems is set, ImGui reports every visible
// widget it finishes through ImGuiTestEngineHook_ItemInfo (see
// imgui_test_engine_hooks.cpp), which forwards to the sink stored in
// ImGuiContext::TestEngine. Implemented by ItemRegistry.

#include <imgui.h>
#include <imgui_internal.h>

namespace tandem::ui {

class TestEngineSink {
public:
    // A visible widget finished: its label (may hold a "##" suffix) and status.
    virtual void on_item_info(ImGuiContext& context, ImGuiID id, const char* label, ImGuiItemStatusFlags flags) = 0;

protected:
    ~TestEngineSink() = default;
};

}  // namespace tandem::ui
