// Passphrase keys derived in a Web Worker, so that the page keeps drawing
// its progress bar meanwhile. The worker runs the small module built from
// kdf_entry.cpp, whose script the page carries as text
// (Module.tandemKdfWorkerSource) and starts from a Blob, which works from
// http(s) and from file:// alike. Where no worker can be started, the key is
// derived on the page itself (it then pauses for as long).
mergeInto(LibraryManager.library, {
  tandem_kdf_start__deps: ["$withKdfWorker"],
  tandem_kdf_start: function (id, passphrase, length, salt, opslimit, memlimit) {
    var request = {
      id: id,
      passphrase: HEAPU8.slice(passphrase, passphrase + length),
      salt: HEAPU8.slice(salt, salt + 16),
      opslimit: opslimit,
      memlimit: memlimit,
    };
    withKdfWorker(request, function (key) {
      if (!key) { _tandem_kdf_done(id, 0); return; }
      var pointer = _malloc(32);
      HEAPU8.set(key, pointer);
      _tandem_kdf_done(id, pointer);
      HEAPU8.fill(0, pointer, pointer + 32);
      _free(pointer);
      key.fill(0);
    });
  },

  // Starts the worker now, so that its module compiles while the passphrase
  // is typed rather than after.
  tandem_kdf_prepare__deps: ["$kdfWorker"],
  tandem_kdf_prepare: function () { kdfWorker(); },

  // The worker, started on first call; null where none can be started.
  $kdfWorker: function () {
    // What runs in the worker: the module, then this message handler.
    var handler =
      "var tandemKdf = TandemKdf();\n" +
      "self.onmessage = function (event) {\n" +
      "  var r = event.data;\n" +
      "  tandemKdf.then(function (m) {\n" +
      "    var p = m._malloc(r.passphrase.length + 1), s = m._malloc(16), k = m._malloc(32);\n" +
      "    m.HEAPU8.set(r.passphrase, p); m.HEAPU8.set(r.salt, s);\n" +
      "    var status = m._tandem_kdf_derive(p, r.passphrase.length, s, r.opslimit, r.memlimit, k);\n" +
      "    var key = status === 0 ? m.HEAPU8.slice(k, k + 32) : null;\n" +
      "    m.HEAPU8.fill(0, p, p + r.passphrase.length); m.HEAPU8.fill(0, k, k + 32);\n" +
      "    m._free(p); m._free(s); m._free(k);\n" +
      "    self.postMessage({ id: r.id, key: key });\n" +
      "  });\n" +
      "};\n";
    var worker = Module.tandemKdfWorker;
    if (worker === undefined) {
      try {
        var blob = new Blob([Module.tandemKdfWorkerSource, "\n", handler], { type: "text/javascript" });
        worker = new Worker(URL.createObjectURL(blob));
        worker.pending = {};
        worker.onmessage = function (event) {
          var callback = worker.pending[event.data.id];
          delete worker.pending[event.data.id];
          if (callback) callback(event.data.key);
        };
        worker.onerror = function () {
          // A worker that failed answers nothing more: whatever waited gets no key.
          Module.tandemKdfWorker = null;
          var pending = worker.pending;
          worker.pending = {};
          Object.keys(pending).forEach(function (id) { pending[id](null); });
        };
      } catch (e) {
        worker = null;
      }
      Module.tandemKdfWorker = worker;
    }
    return worker;
  },

  $withKdfWorker__deps: ["$kdfWorker"],
  $withKdfWorker: function (request, done) {
    var worker = kdfWorker();
    if (worker) {
      worker.pending[request.id] = done;
      worker.postMessage(request);
      return;
    }
    // No worker: derive here, after this frame is drawn.
    setTimeout(function () {
      var p = _malloc(request.passphrase.length + 1), s = _malloc(16), k = _malloc(32);
      HEAPU8.set(request.passphrase, p); HEAPU8.set(request.salt, s);
      var status = _tandem_kdf_derive(p, request.passphrase.length, s, request.opslimit, request.memlimit, k);
      var key = status === 0 ? HEAPU8.slice(k, k + 32) : null;
      HEAPU8.fill(0, p, p + request.passphrase.length); HEAPU8.fill(0, k, k + 32);
      _free(p); _free(s); _free(k);
      done(key);
    }, 0);
  },
});
