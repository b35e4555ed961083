// The canvas's size in CSS and device pixels, reported to the C++ side
// (browser_canvas.cpp) whenever the layout, the browser zoom or the screen's
// pixel ratio changes, and the mouse cursor it shows.
mergeInto(LibraryManager.library, {
  tandem_canvas_observe: function () {
    var canvas = Module.canvas;
    var last = null;
    function report(cssW, cssH, deviceW, deviceH) {
      var ratio = window.devicePixelRatio || 1;
      var key = [cssW, cssH, deviceW, deviceH, ratio].join(" ");
      if (key === last) return;
      last = key;
      _tandem_canvas_resized(cssW, cssH, deviceW, deviceH, ratio);
    }
    function measure() {
      var rect = canvas.getBoundingClientRect();
      var ratio = window.devicePixelRatio || 1;
      report(rect.width, rect.height, Math.round(rect.width * ratio), Math.round(rect.height * ratio));
    }
    if (typeof ResizeObserver === "function") {
      var observer = new ResizeObserver(function (entries) {
        var entry = entries[entries.length - 1];
        // The exact device-pixel size where the browser reports one that
        // agrees with the pixel ratio (emulated ratios may not be applied to it).
        var box = entry.devicePixelContentBoxSize && entry.devicePixelContentBoxSize[0];
        var ratio = window.devicePixelRatio || 1;
        var width = entry.contentRect.width, height = entry.contentRect.height;
        if (!box || Math.abs(box.inlineSize - width * ratio) > 1 || Math.abs(box.blockSize - height * ratio) > 1)
          return measure();
        report(width, height, box.inlineSize, box.blockSize);
      });
      try {
        observer.observe(canvas, { box: "device-pixel-content-box" });
      } catch (e) {
        observer.observe(canvas);
      }
    }
    window.addEventListener("resize", measure);
    // A new pixel ratio without a new size: the window moved to another screen.
    (function watchRatio() {
      var query = window.matchMedia("(resolution: " + (window.devicePixelRatio || 1) + "dppx)");
      query.addEventListener("change", function changed() {
        query.removeEventListener("change", changed);
        measure();
        watchRatio();
      });
    })();
    measure();
  },

  tandem_canvas_set_cursor: function (name) {
    Module.canvas.style.cursor = UTF8ToString(name);
  },
});
