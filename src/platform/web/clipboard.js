// Copy, cut and paste between ImGui text fields and the operating system.
// The browser's own copy/cut/paste events carry the clipboard both ways
// without any permission prompt; clipboard.cpp runs the ImGui shortcut
// inside the event. Copies the app starts itself go through
// navigator.clipboard, which needs a recent user gesture.
mergeInto(LibraryManager.library, {
  tandem_clipboard_install: function () {
    // A paragraph's own text area (text_input.js) copies and pastes by itself.
    function ours(event) {
      var target = event.target;
      if (target === Module.tandemTextField && Module.tandemParagraph && Module.tandemParagraph()) return false;
      return target === Module.canvas || target === Module.tandemTextField || target === document.body ||
        target === document.documentElement || target === document;
    }
    function copy(event, cut) {
      if (!ours(event) || !event.clipboardData) return;
      var pointer = _tandem_clipboard_copy(cut ? 1 : 0);
      event.preventDefault();
      if (pointer) event.clipboardData.setData("text/plain", UTF8ToString(pointer));
    }
    document.addEventListener("copy", function (event) { copy(event, false); });
    document.addEventListener("cut", function (event) { copy(event, true); });
    document.addEventListener("paste", function (event) {
      if (!ours(event) || !event.clipboardData) return;
      event.preventDefault();
      var text = event.clipboardData.getData("text/plain");
      var size = lengthBytesUTF8(text) + 1;
      var pointer = _malloc(size);
      stringToUTF8(text, pointer, size);
      _tandem_clipboard_paste(pointer);
      _free(pointer);
    });
  },

  tandem_clipboard_write: function (text) {
    var value = UTF8ToString(text);
    if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(value).catch(function () {});
  },
});
