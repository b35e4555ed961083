// The hidden <textarea> that receives typed text while an ImGui text field is
// active: the browser then handles keyboard layouts, dead keys, IME
// composition and on-screen keyboards, and the C++ side (text_input_bridge.cpp)
// gets the finished text. While an IME composes, the textarea shows the
// composition itself, at the caret.
mergeInto(LibraryManager.library, {
  tandem_text_input_install: function () {
    var field = document.createElement("textarea");
    field.id = "tandem-text-input";
    field.setAttribute("aria-label", "Text input");
    field.setAttribute("autocomplete", "off");
    field.setAttribute("autocorrect", "off");
    field.setAttribute("autocapitalize", "off");
    field.setAttribute("spellcheck", "false");
    field.setAttribute("rows", "1");
    field.className = "idle";
    document.body.appendChild(field);
    var composing = false;

    function send(text) {
      if (!text) return;
      var size = lengthBytesUTF8(text) + 1;
      var pointer = _malloc(size);
      stringToUTF8(text, pointer, size);
      _tandem_text_typed(pointer);
      _free(pointer);
    }
    function flush() {
      var text = field.value;
      field.value = "";
      send(text);
    }
    field.addEventListener("compositionstart", function () {
      composing = true;
      field.className = "composing";
    });
    field.addEventListener("compositionend", function () {
      composing = false;
      field.className = "idle";
      flush();
    });
    field.addEventListener("input", function (event) {
      if (composing || event.isComposing) return;
      if (event.inputType === "deleteContentBackward" && !field.value) return _tandem_text_key(0);
      if (event.inputType === "insertLineBreak" && !field.value) return _tandem_text_key(1);
      flush();
    });
    Module.tandemTextField = field;
  },

  // Places the textarea's caret at (x, y) CSS pixels, line_height tall, and
  // gives it the keyboard; or, with active 0, hands the keyboard back to the canvas.
  tandem_text_input_place: function (active, x, y, lineHeight, fontPx) {
    var field = Module.tandemTextField;
    if (!active) {
      if (document.activeElement === field) {
        field.blur();
        Module.canvas.focus({ preventScroll: true });
      }
      return;
    }
    var style = field.style;
    style.left = x + "px";
    style.top = y + "px";
    style.height = lineHeight + "px";
    style.fontSize = Math.max(fontPx, 16) + "px";
    style.lineHeight = lineHeight + "px";
    if (document.activeElement !== field) field.focus({ preventScroll: true });
  },

  tandem_text_input_focused: function () {
    return document.activeElement === Module.tandemTextField ? 1 : 0;
  },
});
