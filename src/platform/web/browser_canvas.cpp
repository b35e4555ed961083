#include "platform/web/browser_canvas.hpp"

#include <emscripten/html5.h>
#include <imgui.h>

namespace tandem::platform {

namespace {

BrowserCanvas* observed_canvas = nullptr;
constexpr const char* canvas_selector = "#canvas";

extern "C" {
void tandem_canvas_observe();
void tandem_canvas_set_cursor(const char* css_name);
}

EM_BOOL on_context_lost(int, const void*, void*) {
    if (observed_canvas) observed_canvas->lost();
    return EM_TRUE;  // preventDefault: the browser may then restore the context
}

EM_BOOL on_context_restored(int, const void*, void*) {
    if (observed_canvas) observed_canvas->restored();
    return EM_TRUE;
}

const char* css_cursor(int imgui_cursor) {
    switch (imgui_cursor) {
        case ImGuiMouseCursor_None: return "none";
        case ImGuiMouseCursor_TextInput: return "text";
        case ImGuiMouseCursor_ResizeAll: return "move";
        case ImGuiMouseCursor_ResizeNS: return "ns-resize";
        case ImGuiMouseCursor_ResizeEW: return "ew-resize";
        case ImGuiMouseCursor_ResizeNESW: return "nesw-resize";
        case ImGuiMouseCursor_ResizeNWSE: return "nwse-resize";
        case ImGuiMouseCursor_Hand: return "pointer";
        case ImGuiMouseCursor_NotAllowed: return "not-allowed";
        default: return "default";
    }
}

}  // namespace

bool BrowserCanvas::create_context() {
    EmscriptenWebGLContextAttributes attributes;
    emscripten_webgl_init_context_attributes(&attributes);
    attributes.majorVersion = 2;
    attributes.minorVersion = 0;
    attributes.alpha = EM_FALSE;
    attributes.depth = EM_FALSE;
    attributes.stencil = EM_FALSE;
    attributes.antialias = EM_FALSE;
    attributes.premultipliedAlpha = EM_TRUE;
    attributes.preserveDrawingBuffer = EM_FALSE;
    attributes.powerPreference = EM_WEBGL_POWER_PREFERENCE_LOW_POWER;
    context_ = emscripten_webgl_create_context(canvas_selector, &attributes);
    if (context_ <= 0) return false;
    return emscripten_webgl_make_context_current(context_) == EMSCRIPTEN_RESULT_SUCCESS;
}

void BrowserCanvas::observe(std::function<void()> on_resize, std::function<void()> on_lost,
                            std::function<void()> on_restored) {
    observed_canvas = this;
    on_resize_ = std::move(on_resize);
    on_lost_ = std::move(on_lost);
    on_restored_ = std::move(on_restored);
    emscripten_set_webglcontextlost_callback(canvas_selector, nullptr, EM_FALSE, on_context_lost);
    emscripten_set_webglcontextrestored_callback(canvas_selector, nullptr, EM_FALSE, on_context_restored);
    tandem_canvas_observe();
}

BrowserCanvas* BrowserCanvas::observed() { return observed_canvas; }

void BrowserCanvas::resized(const CanvasSize& size) {
    if (size.device_w <= 0 || size.device_h <= 0) return;
    if (size.device_w != size_.device_w || size.device_h != size_.device_h)
        emscripten_set_canvas_element_size(canvas_selector, size.device_w, size.device_h);
    size_ = size;
    if (on_resize_) on_resize_();
}

void BrowserCanvas::lost() {
    lost_ = true;
    if (on_lost_) on_lost_();
}

void BrowserCanvas::restored() {
    lost_ = false;
    emscripten_webgl_make_context_current(context_);
    if (on_restored_) on_restored_();
}

void BrowserCanvas::set_cursor(int imgui_cursor) {
    if (imgui_cursor == cursor_) return;
    cursor_ = imgui_cursor;
    tandem_canvas_set_cursor(css_cursor(imgui_cursor));
}

}  // namespace tandem::platform

// Called by browser_canvas.js.
extern "C" EMSCRIPTEN_KEEPALIVE void tandem_canvas_resized(double css_w, double css_h, int device_w, int device_h,
                                                           double pixel_ratio) {
    using namespace tandem::platform;
    if (BrowserCanvas* canvas = BrowserCanvas::observed())
        canvas->resized(CanvasSize{css_w, css_h, device_w, device_h, pixel_ratio > 0 ? pixel_ratio : 1.0});
}
