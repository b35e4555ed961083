#pragma once
// BrowserCanvas: the page's <canvas id="canvas">, its WebGL2 context and its
// size. The drawing buffer always has the canvas's size in device pixels, so
// nothing is ever upscaled; ImGui's display pixels are those device pixels.

#include <emscripten/html5_webgl.h>

#include <functional>

namespace tandem::platform {

struct CanvasSize {
    double css_w = 0, css_h = 0;     // CSS pixels
    int device_w = 0, device_h = 0;  // drawing-buffer pixels
    // window.devicePixelRatio: the browser zoom times the screen's ratio. The
    // UI is drawn at this scale.
    double pixel_ratio = 1.0;
    // Drawing-buffer pixels per CSS pixel, for placing input: the pixel ratio
    // after the buffer's size was rounded to whole pixels.
    double css_to_device() const { return css_w > 0 ? static_cast<double>(device_w) / css_w : pixel_ratio; }
    bool operator==(const CanvasSize&) const = default;
};

class BrowserCanvas {
public:
    // Creates the WebGL2 context (opaque, no antialiasing, low power) and
    // makes it current. Returns false if the browser has no WebGL2.
    bool create_context();

    // Starts reporting size changes to `on_resize` (also once at once).
    // `on_lost` and `on_restored` follow the WebGL context; after a restore
    // every GL object must be made again.
    void observe(std::function<void()> on_resize, std::function<void()> on_lost, std::function<void()> on_restored);

    const CanvasSize& size() const { return size_; }
    bool context_lost() const { return lost_; }

    // Shows one of ImGui's mouse cursors over the canvas.
    void set_cursor(int imgui_cursor);

    // The canvas observed (there is one page, so one canvas); for the callbacks.
    static BrowserCanvas* observed();

    void resized(const CanvasSize& size);
    void lost();
    void restored();

private:
    EMSCRIPTEN_WEBGL_CONTEXT_HANDLE context_ = 0;
    CanvasSize size_;
    bool lost_ = false;
    int cursor_ = -2;
    std::function<void()> on_resize_, on_lost_, on_restored_;
};

}  // namespace tandem::platform
