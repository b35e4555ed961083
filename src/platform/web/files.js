// Files in and out of the page: a download for saving, and for opening a
// real <input type=file> or a file dropped anywhere on the page. Opened
// bytes go to file_transfer.cpp; a file over the size limit is refused
// before it is read.
mergeInto(LibraryManager.library, {
  tandem_files_install: function (limit) {
    var picker = document.createElement("input");
    picker.type = "file";
    picker.id = "tandem-file-picker";
    picker.hidden = true;
    document.body.appendChild(picker);

    function withString(text, use) {
      var size = lengthBytesUTF8(text) + 1;
      var pointer = _malloc(size);
      stringToUTF8(text, pointer, size);
      try { use(pointer); } finally { _free(pointer); }
    }
    function open(file) {
      if (!file) return;
      if (file.size > limit) {
        withString(file.name, function (name) { _tandem_file_refused(name, file.size); });
        return;
      }
      file.arrayBuffer().then(function (buffer) {
        var bytes = new Uint8Array(buffer);
        var data = _malloc(Math.max(bytes.length, 1));
        HEAPU8.set(bytes, data);
        withString(file.name, function (name) { _tandem_file_opened(name, data, bytes.length); });
        _free(data);
      }, function () {
        withString(file.name, function (name) { _tandem_file_unreadable(name); });
      });
    }
    picker.addEventListener("change", function () {
      open(picker.files && picker.files[0]);
      picker.value = "";
    });

    var depth = 0;
    function carriesFiles(event) {
      return event.dataTransfer && Array.prototype.indexOf.call(event.dataTransfer.types, "Files") >= 0;
    }
    window.addEventListener("dragenter", function (event) {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      if (depth++ === 0) _tandem_file_drag(1);
    });
    window.addEventListener("dragleave", function (event) {
      if (!carriesFiles(event)) return;
      if (--depth <= 0) { depth = 0; _tandem_file_drag(0); }
    });
    window.addEventListener("dragover", function (event) {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = "copy";
    });
    window.addEventListener("drop", function (event) {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      depth = 0;
      _tandem_file_drag(0);
      open(event.dataTransfer.files[0]);
    });
    Module.tandemFilePicker = picker;
  },

  tandem_files_choose: function (accept) {
    var picker = Module.tandemFilePicker;
    picker.accept = UTF8ToString(accept);
    picker.click();
  },

  tandem_files_save: function (name, data, size, type) {
    var blob = new Blob([HEAPU8.slice(data, data + size)], { type: UTF8ToString(type) });
    var url = URL.createObjectURL(blob);
    var link = document.createElement("a");
    link.href = url;
    link.download = UTF8ToString(name);
    link.hidden = true;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 60000);
  },
});
