// Test hook (only with ?test=1): window.tandem.test = { ready, items(), state(), frames(), frameTimes(),
// saveOpenedFile(), saveRecordsImage(), deviceOnlyValues(), advanceClock(), integrityCheck(),
// storageFaults() }.
// Linked in with --pre-js, so `Module` is the app's module object.
// items() reports every interactive widget of the last frame in CSS pixels
// relative to the viewport, with the frame's number (items().frame) and
// whether it is settled (items().settled: the app has nothing more to draw,
// so the frame shows everything it knows) and the label of the text field
// that has the keyboard (items().keyboard); end-to-end tests act on those
// coordinates with real mouse and keyboard input only.
(function () {
  if (typeof window === "undefined" || new URLSearchParams(location.search).get("test") !== "1") return;
  var resolveReady;
  var ready = new Promise(function (resolve) { resolveReady = resolve; });
  var drawn = false;
  Module.tandemFrameDrawn = function () {
    if (!drawn) { drawn = true; resolveReady(); }
  };
  function callJson(name) {
    if (!drawn) return null;
    return JSON.parse(UTF8ToString(Module["_" + name]()));
  }
  window.tandem = window.tandem || {};
  window.tandem.test = {
    ready: ready,
    items: function () {
      var reply = callJson("tandem_test_items");
      if (!reply) return Object.assign([], { frame: 0, settled: false, keyboard: null });
      var rect = Module.canvas.getBoundingClientRect();
      var sx = reply.display[0] > 0 ? rect.width / reply.display[0] : 1;
      var sy = reply.display[1] > 0 ? rect.height / reply.display[1] : 1;
      var items = reply.items.map(function (i) {
        return { label: i.label, role: i.role, x: rect.left + i.x * sx, y: rect.top + i.y * sy,
                 w: i.w * sx, h: i.h * sy, enabled: i.enabled, value: i.value };
      });
      // The frame these widgets are of, and whether the app has nothing more
      // to draw (no input, command or change waits for a frame).
      items.frame = reply.frame;
      items.settled = reply.settled;
      // The label of the text field that has the keyboard, or null.
      items.keyboard = reply.keyboard;
      return items;
    },
    state: function () { return callJson("tandem_test_state") || {}; },
    frames: function () { return drawn ? Module._tandem_test_frames() : 0; },
    // The CPU time of each of the latest frames (up to 1,000), in ms, oldest first.
    frameTimes: function () { return callJson("tandem_test_frame_times") || []; },
    // Downloads the last file opened through the page again, unchanged.
    saveOpenedFile: function () { Module._tandem_test_save_opened_file(); },
    // The values the open records keep for this device only (the secret
    // keys among them), as hex strings.
    deviceOnlyValues: function () { return callJson("tandem_test_device_only_values") || []; },
    // Moves the app's clock on by `ms`, as if that long had passed without use.
    advanceClock: function (ms) { Module._tandem_test_advance_clock(ms); },
    // Downloads the open records' database file in the clear.
    saveRecordsImage: function () { Module._tandem_test_save_records_image(); },
    // What the browser said it lost of the stored records on opening them:
    // "none", or its dataLoss ("total") and message (Chromium only).
    storageDataLoss: function () { return Module.tandemRecordsDataLoss || "none"; },
    // PRAGMA integrity_check on the open records: "ok" when sound.
    integrityCheck: function () { return drawn ? UTF8ToString(Module._tandem_test_integrity_check()) : ""; },
    // The next writes to IndexedDB fail: {quota: n} as if the disk were full,
    // {abort: n} as aborted transactions.
    storageFaults: function (faults) { Module.tandemRecordsFaults = faults; }
  };
})();
