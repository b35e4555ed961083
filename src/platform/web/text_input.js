// The <textarea> that receives typed text. While an ImGui text field is
// active it is hidden at the caret: the browser then handles keyboard
// layouts, dead keys, IME composition and on-screen keyboards, and the C++
// side (text_input_bridge.cpp) gets the finished text; while an IME composes,
// the textarea shows the composition itself. While a paragraph is edited
// (ui/paragraph_editing.hpp) it is shown over the paragraph's field holding
// the whole text, which the browser wraps and edits, and sends it all back
// after every change.
mergeInto(LibraryManager.library, {
  tandem_text_input_install__deps: ["$FS"],
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
    var paragraph = 0;  // the id of the paragraph edited, 0 when none
    Module.tandemParagraph = function () { return paragraph; };
    // The paragraph is written in the app's own font, at ImGui's size: ImGui
    // sizes a font by its height from descender to ascender, CSS by its em.
    Module.tandemParagraphEmPerHeight = 0.83;
    try {
      var bytes = FS.readFile("/fonts/Inter-Regular.otf");
      var view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      var tables = {};
      for (var t = 0, count = view.getUint16(4); t < count && 12 + 16 * t + 16 <= bytes.length; t++) {
        var at = 12 + 16 * t;
        tables[String.fromCharCode(bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3])] = view.getUint32(at + 8);
      }
      if (tables.head !== undefined && tables.hhea !== undefined) {
        var unitsPerEm = view.getUint16(tables.head + 18);
        var height = view.getInt16(tables.hhea + 4) - view.getInt16(tables.hhea + 6);
        if (unitsPerEm > 0 && height > 0) Module.tandemParagraphEmPerHeight = unitsPerEm / height;
      }
      var face = new FontFace("Tandem Inter", bytes);
      document.fonts.add(face);
      face.load();
    } catch (e) { /* the browser's sans-serif is used */ }

    function sendParagraph() {
      var size = lengthBytesUTF8(field.value) + 1;
      var pointer = _malloc(size);
      stringToUTF8(field.value, pointer, size);
      _tandem_paragraph_typed(paragraph, pointer);
      _free(pointer);
    }
    // A paragraph is spell-checked and corrected like any page's text, unless
    // it is private: some browsers send what they check to a server.
    Module.tandemParagraphMode = function (id, privateText) {
      var checked = id && !privateText;
      field.setAttribute("spellcheck", checked ? "true" : "false");
      field.setAttribute("autocorrect", checked ? "on" : "off");
      field.setAttribute("autocomplete", "off");
      if (id === paragraph) return;
      paragraph = id;
      field.value = "";
      field.className = id ? "paragraph" : "idle";
      field.setAttribute("rows", id ? "2" : "1");
      field.setAttribute("autocapitalize", id ? "sentences" : "off");
      if (!id) field.removeAttribute("style");
    };
    // The wheel scrolls the paragraph while it can scroll that way, and the
    // page beyond that, as it would over any other part of the page.
    field.addEventListener("wheel", function (event) {
      if (!paragraph) return;
      var down = event.deltaY > 0;
      var room = down ? field.scrollHeight - field.clientHeight - field.scrollTop : field.scrollTop;
      if (event.deltaY !== 0 && room > 0) return;
      event.preventDefault();
      Module.canvas.dispatchEvent(new WheelEvent("wheel", event));
    }, { passive: false });
    field.addEventListener("keydown", function (event) {
      if (!paragraph || event.isComposing) return;
      if (event.key === "Escape" || event.key === "Tab") {
        // The text area stops being the paragraph at once, so what is typed
        // next goes to the field the keyboard moves to; Tab and Shift+Tab
        // then reach the app, which moves it.
        var left = paragraph;
        Module.tandemParagraphMode(0);
        _tandem_paragraph_closed(left);
        if (event.key === "Escape") {  // leaves the paragraph, nothing more
          event.preventDefault();
          event.stopPropagation();
        }
      }
    });

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
      if (!paragraph) field.className = "composing";
    });
    field.addEventListener("compositionend", function () {
      composing = false;
      if (paragraph) return sendParagraph();
      field.className = "idle";
      flush();
    });
    field.addEventListener("input", function (event) {
      if (composing || event.isComposing) return;
      if (paragraph) return sendParagraph();
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
    Module.tandemParagraphMode(0);
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

  // Shows the textarea over paragraph `id`'s field: its frame (x, y, w, h)
  // and the part of the page it may cover (clip), in CSS pixels; with
  // `text` (a UTF-8 pointer, or 0 to keep what it holds), its caret at the
  // UTF-8 byte `caretByte`. fontPx is ImGui's font size. Colours are CSS
  // colour strings (pointers): the text's, the caret's and the selection's. privateText (1)
  // turns spell-checking and correction off.
  tandem_text_input_paragraph: function (id, x, y, w, h, clipX0, clipY0, clipX1, clipY1, padX, padY, fontPx,
                                         lineHeight, color, accent, selection, text, caretByte, privateText) {
    var field = Module.tandemTextField;
    Module.tandemParagraphMode(id, privateText);
    var style = field.style;
    style.left = x + "px";
    style.top = y + "px";
    style.width = w + "px";
    style.height = h + "px";
    style.padding = padY + "px " + padX + "px";
    style.fontSize = fontPx * Module.tandemParagraphEmPerHeight + "px";
    style.lineHeight = lineHeight + "px";
    style.color = UTF8ToString(color);
    style.caretColor = UTF8ToString(accent);
    style.setProperty("--tandem-selection", UTF8ToString(selection));
    var top = Math.max(0, clipY0 - y), left = Math.max(0, clipX0 - x);
    var bottom = Math.max(0, y + h - clipY1), right = Math.max(0, x + w - clipX1);
    style.clipPath = "inset(" + top + "px " + right + "px " + bottom + "px " + left + "px)";
    if (text) {
      var value = UTF8ToString(text);
      field.value = value;
      // The caret's UTF-16 offset from its UTF-8 one.
      var caret = UTF8ToString(text, caretByte).length;
      field.setSelectionRange(caret, caret);
      field.scrollTop = caret === value.length ? field.scrollHeight : 0;
    }
    if (document.activeElement !== field) field.focus({ preventScroll: true });
  },

  tandem_text_input_focused: function () {
    return document.activeElement === Module.tandemTextField ? 1 : 0;
  },

  tandem_text_input_paragraph_focused: function () {
    return document.activeElement === Module.tandemTextField && Module.tandemParagraph() ? 1 : 0;
  },
});
