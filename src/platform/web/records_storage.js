// The records' storage in the browser. Each profile has its own IndexedDB
// database, "tandem-profile-<id>", with two object stores: "pages" (page
// number -> {generation, bytes}) and "meta" ("commit" -> {generation,
// pageCount, pageSize, seal}; "vault" -> the vault's header; "profile" ->
// {name, colour}, all the profile picker shows). The database from before
// profiles, "tandem", is read once to move its records into a profile. A Web
// Lock per database lets one tab at a time write it; and the storage
// estimate. The C++ halves are records_storage.cpp and
// indexed_db_page_store.cpp.
// Listing the profiles begins as soon as this script runs, while the module
// compiles; what it finds reaches the module once it has called
// tandem_records_start(). A profile's database is read when the module asks
// (tandem_records_open), while its passphrase is typed.
mergeInto(LibraryManager.library, {
  $tandemRecords__postset: "tandemRecords.begin();",
  $tandemRecords: {
    oldName: "tandem",
    profilePrefix: "tandem-profile-",
    knownKey: "tandem-profile-ids",  // localStorage: ids of the profiles made here (no content)
    name: null,         // the database open, or being opened
    lockName: null,
    channelName: null,
    db: null,
    loaded: null,       // {commit, vault, pages: [{number, generation, bytes}]} until the module takes it
    firstMeta: null,    // {vault, profile}: written with the next batch, for a new profile
    releaseLock: null,  // resolves the held lock's promise
    channel: null,
    started: false,     // tandem_records_start() was called: events may reach the module
    queued: [],         // events that came before that
    underWay: false,    // the profiles are listed, or it is known they cannot be
    onUnderWay: null,   // set by tandem_records_when_reading()

    // begin() has got as far as it can without the module's help.
    settle: function () {
      var R = tandemRecords;
      R.underWay = true;
      if (R.onUnderWay) R.onUnderWay();
    },

    // Runs `event` (a call into the module) now, or once the module has started.
    deliver: function (event) {
      if (tandemRecords.started) event();
      else tandemRecords.queued.push(event);
    },

    // Calls the module's `name` with `texts` as UTF-8 strings, then `numbers`.
    call: function (name, texts, numbers) {
      var pointers = texts.map(function (text) {
        var size = lengthBytesUTF8(text) + 1;
        var pointer = _malloc(size);
        stringToUTF8(text, pointer, size);
        return pointer;
      });
      try { Module["_" + name].apply(null, pointers.concat(numbers || [])); } finally { pointers.forEach(_free); }
    },

    say: function (name, text) {
      if (name === "tandem_records_unavailable") console.warn("Tandem keeps nothing in this browser: " + text);
      tandemRecords.deliver(function () { tandemRecords.call(name, [text]); });
    },

    knownIds: function () {
      try {
        var ids = JSON.parse(localStorage.getItem(tandemRecords.knownKey) || "[]");
        return Array.isArray(ids) ? ids.filter(function (id) { return /^[0-9a-f]{32}$/.test(id); }) : [];
      } catch (e) { return []; }
    },

    setKnown: function (id, known) {
      var ids = tandemRecords.knownIds().filter(function (other) { return other !== id; });
      if (known) ids.push(id);
      try { localStorage.setItem(tandemRecords.knownKey, JSON.stringify(ids)); } catch (e) {}
    },

    // Opens database `name` only if it exists: resolves with it, or null.
    openExisting: function (name) {
      return new Promise(function (resolve) {
        var created = false, request;
        try { request = indexedDB.open(name); } catch (e) { resolve(null); return; }
        request.onupgradeneeded = function () { created = true; request.transaction.abort(); };
        request.onsuccess = function () { resolve(request.result); };
        request.onerror = function (event) { if (created) event.preventDefault(); resolve(null); };
        request.onblocked = function () { resolve(null); };
      });
    },

    // Reads from `db` the meta values `keys`, resolving with them by key; closes it.
    readMeta: function (db, keys) {
      return new Promise(function (resolve) {
        var out = {};
        if (!db.objectStoreNames.contains("meta")) { db.close(); resolve(out); return; }
        var tx = db.transaction(["meta"], "readonly");
        keys.forEach(function (key) {
          tx.objectStore("meta").get(key).onsuccess = function (e) { out[key] = e.target.result; };
        });
        tx.oncomplete = function () { db.close(); resolve(out); };
        tx.onabort = function () { db.close(); resolve(out); };
      });
    },

    // Lists the profiles (id, name, colour) and whether records from before
    // profiles are kept, and tells the module.
    begin: function () {
      var R = tandemRecords;
      if (typeof indexedDB === "undefined" || !indexedDB) {
        R.say("tandem_records_unavailable", "this browser has no IndexedDB");
        R.settle();
        return;
      }
      var listed = indexedDB.databases ? indexedDB.databases().then(function (all) {
        return all.map(function (d) { return d.name; });
      }, function () { return null; }) : Promise.resolve(null);
      listed.then(function (names) {
        var ids = R.knownIds();
        (names || []).forEach(function (name) {
          var id = name.slice(R.profilePrefix.length);
          if (name.indexOf(R.profilePrefix) === 0 && /^[0-9a-f]{32}$/.test(id) && ids.indexOf(id) < 0) ids.push(id);
        });
        var old = names && names.indexOf(R.oldName) < 0 ? Promise.resolve(false) :
          R.openExisting(R.oldName).then(function (db) {
            return db ? R.readMeta(db, ["commit"]).then(function (meta) { return !!meta.commit; }) : false;
          });
        var profiles = ids.map(function (id) {
          return R.openExisting(R.profilePrefix + id).then(function (db) {
            if (!db) { R.setKnown(id, false); return null; }
            return R.readMeta(db, ["profile", "vault", "commit"]).then(function (meta) {
              var p = meta.profile;
              if (!p || typeof p.name !== "string" || !(meta.vault instanceof ArrayBuffer) || !meta.commit) return null;
              return { id: id, name: p.name.slice(0, 200), colour: typeof p.colour === "number" ? p.colour : 0 };
            });
          });
        });
        return Promise.all([old, Promise.all(profiles)]);
      }).then(function (found) {
        var profiles = found[1].filter(function (p) { return p; });
        R.deliver(function () {
          profiles.forEach(function (p) { R.call("tandem_profile_found", [p.id, p.name], [p.colour]); });
          _tandem_profiles_listed(found[0] ? 1 : 0);
        });
        R.settle();
      }, function (e) {
        R.say("tandem_records_unavailable", String(e && e.message || e));
        R.settle();
      });
    },

    // Tries for database `name`'s lock and, if this tab gets it, reads it.
    open: function (name) {
      var R = tandemRecords;
      // One database at a time: the one held before (the records moving
      // into a new profile) is closed and its lock let go.
      if (R.db) { R.db.close(); R.db = null; }
      if (R.releaseLock) { var release = R.releaseLock; R.releaseLock = null; release(); }
      if (R.channel) { R.channel.close(); R.channel = null; }
      R.loaded = null;
      R.name = name;
      R.lockName = name === R.oldName ? "tandem-records" : "tandem-records:" + name;
      R.channelName = R.lockName;
      R.listen();
      if (!navigator.locks) { R.openAndLoad(); return; }
      try {
        navigator.locks.request(R.lockName, { ifAvailable: true }, function (lock) {
          if (!lock) {
            R.deliver(function () { _tandem_records_elsewhere(); });
            return;
          }
          return R.hold(lock);
        }).catch(R.lost);
      } catch (e) {
        R.openAndLoad();  // no locks here (an opaque origin): one tab is assumed
      }
    },

    // Opens the database and reads everything in one readonly transaction.
    openAndLoad: function () {
      var R = tandemRecords;
      var request;
      try {
        request = indexedDB.open(R.name, 1);
      } catch (e) {
        R.say("tandem_records_unavailable", String(e && e.message || e));
        return;
      }
      request.onupgradeneeded = function (event) {
        // Chromium deletes a database it finds damaged and says so here.
        if (event.dataLoss && event.dataLoss !== "none") {
          Module.tandemRecordsDataLoss = event.dataLoss + (event.dataLossMessage ? ": " + event.dataLossMessage : "");
          console.warn("The browser lost the records it kept for Tandem (" + Module.tandemRecordsDataLoss + ")");
        }
        var db = request.result;
        if (!db.objectStoreNames.contains("pages")) db.createObjectStore("pages");
        if (!db.objectStoreNames.contains("meta")) db.createObjectStore("meta");
      };
      request.onerror = function () {
        R.say("tandem_records_unavailable", String(request.error && request.error.message || "IndexedDB refused"));
      };
      request.onsuccess = function () {
        performance.mark("tandem-records-opened");  // for the persistence benchmark's breakdown
        var db = request.result;
        db.onversionchange = function () { db.close(); if (R.db === db) R.db = null; };
        R.db = db;
        R.load();
      };
    },

    // Reads everything the open database holds, then reports ready.
    load: function () {
      var R = tandemRecords;
      var tx = R.db.transaction(["pages", "meta"], "readonly");
      var commit, vault, keys, values;
      tx.objectStore("meta").get("commit").onsuccess = function (e) { commit = e.target.result; };
      tx.objectStore("meta").get("vault").onsuccess = function (e) { vault = e.target.result; };
      tx.objectStore("pages").getAllKeys().onsuccess = function (e) { keys = e.target.result; };
      tx.objectStore("pages").getAll().onsuccess = function (e) { values = e.target.result; };
      tx.oncomplete = function () {
        performance.mark("tandem-records-read");
        var pages = [];
        for (var i = 0; i < keys.length; i++) {
          var value = values[i];
          var ok = typeof keys[i] === "number" && value && typeof value.generation === "number" &&
                   value.bytes instanceof ArrayBuffer;
          pages.push(ok ? { number: keys[i], generation: value.generation, bytes: new Uint8Array(value.bytes) }
                        : { number: typeof keys[i] === "number" ? keys[i] : 0, generation: 0, bytes: new Uint8Array(0) });
        }
        R.loaded = { commit: commit, vault: vault, pages: pages };
        R.deliver(function () { _tandem_records_ready(); });
      };
      tx.onabort = function () {
        R.say("tandem_records_unavailable", String(tx.error && tx.error.message || "reading failed"));
      };
    },

    // Holds the lock until releaseLock() is called; a lock taken from us
    // (steal) rejects the promise with AbortError.
    hold: function (lock) {
      var R = tandemRecords;
      return new Promise(function (resolve) {
        R.releaseLock = resolve;
        R.openAndLoad();
      });
    },

    // Deletes database `name`, closing it here first if it is open; `done(ok)`.
    deleteDatabase: function (name, done) {
      var R = tandemRecords;
      if (R.name === name && R.db) { R.db.close(); R.db = null; }
      var request;
      try { request = indexedDB.deleteDatabase(name); } catch (e) { done(false); return; }
      request.onsuccess = function () { done(true); };
      request.onerror = function () { done(false); };
    },

    listen: function () {
      var R = tandemRecords;
      if (R.channel || typeof BroadcastChannel === "undefined") return;
      R.channel = new BroadcastChannel(R.channelName);
      R.channel.onmessage = function (event) {
        if (event.data === "handover" && R.releaseLock) R.deliver(function () { _tandem_records_release_requested(); });
      };
    },

    lost: function (error) {
      var R = tandemRecords;
      if (error && error.name === "AbortError" && R.releaseLock) {
        R.releaseLock = null;
        if (R.db) { R.db.close(); R.db = null; }
        R.deliver(function () { _tandem_records_taken_over(); });
      }
    }
  },

  // Calls tandem_records_reading() once begin() has settled, or after maxMs.
  tandem_records_when_reading__deps: ["$tandemRecords"],
  tandem_records_when_reading: function (maxMs) {
    var R = tandemRecords;
    var timer, gone = false;
    var go = function () {
      if (gone) return;
      gone = true;
      R.onUnderWay = null;
      clearTimeout(timer);
      _tandem_records_reading();
    };
    timer = setTimeout(go, maxMs);
    R.onUnderWay = function () { setTimeout(go, 0); };
    if (R.underWay) R.onUnderWay();
  },

  // The module is ready for what begin() found: delivered from the event
  // loop, never inside the caller.
  tandem_records_start__deps: ["$tandemRecords"],
  tandem_records_start: function () {
    var R = tandemRecords;
    setTimeout(function () {
      R.started = true;
      var queued = R.queued;
      R.queued = [];
      queued.forEach(function (event) { event(); });
    }, 0);
  },

  // "Use here": asks the holder to let go, waits for it, and takes the lock
  // by force if it has not let go within a few seconds (a frozen tab).
  tandem_records_take_over__deps: ["$tandemRecords"],
  tandem_records_take_over: function () {
    var R = tandemRecords;
    R.listen();
    if (!navigator.locks) { R.openAndLoad(); return; }
    var controller = new AbortController();
    var granted = false;
    var timer = setTimeout(function () {
      if (granted) return;
      controller.abort();
      navigator.locks.request(R.lockName, { steal: true }, function (lock) {
        granted = true;
        return R.hold(lock);
      }).catch(R.lost);
    }, 4000);
    navigator.locks.request(R.lockName, { signal: controller.signal }, function (lock) {
      granted = true;
      clearTimeout(timer);
      return R.hold(lock);
    }).catch(function (error) {
      if (error && error.name === "AbortError" && !granted) return;  // our own abort before the steal
      R.lost(error);
    });
    if (R.channel) R.channel.postMessage("handover");
  },

  // Lets another tab have the records: called once the last save landed.
  tandem_records_release__deps: ["$tandemRecords"],
  tandem_records_release: function () {
    var R = tandemRecords;
    var release = R.releaseLock;
    R.releaseLock = null;
    if (R.db) { R.db.close(); R.db = null; }
    if (release) release();
  },

  // Asks for persistent storage (once, on the first save), then reports.
  tandem_records_persist__deps: ["$tandemRecords", "tandem_records_estimate"],
  tandem_records_persist: function () {
    if (!navigator.storage || !navigator.storage.persist) return;
    navigator.storage.persisted().then(function (already) {
      return already || navigator.storage.persist();
    }).then(function () { _tandem_records_estimate(); }, function () {});
  },

  // Reports persistence and usage to tandem_records_estimated(); -1 = unknown.
  tandem_records_estimate: function () {
    if (!navigator.storage || !navigator.storage.estimate) return;
    var persisted = navigator.storage.persisted ? navigator.storage.persisted() : Promise.resolve(null);
    Promise.all([persisted, navigator.storage.estimate()]).then(function (answers) {
      var estimate = answers[1] || {};
      _tandem_records_estimated(answers[0] === null ? -1 : (answers[0] ? 1 : 0),
                                typeof estimate.usage === "number" ? estimate.usage : -1,
                                typeof estimate.quota === "number" ? estimate.quota : -1);
    }, function () {});
  },

  // Tries for database `name`'s lock (a UTF-8 pointer) and reads it if this
  // tab gets it: tandem_records_ready, or tandem_records_elsewhere.
  tandem_records_open__deps: ["$tandemRecords"],
  tandem_records_open: function (name) {
    tandemRecords.open(UTF8ToString(name));
  },

  // Reads the open database again (to check what was just written), then
  // reports ready.
  tandem_records_reload__deps: ["$tandemRecords"],
  tandem_records_reload: function () {
    var R = tandemRecords;
    if (R.db) R.load();
    else R.say("tandem_records_unavailable", "the database is closed");
  },

  // A new profile's vault header (`size` bytes at `header`), name (UTF-8)
  // and colour, to be written with its first batch.
  tandem_records_first_meta__deps: ["$tandemRecords"],
  tandem_records_first_meta: function (header, size, name, colour) {
    tandemRecords.firstMeta = {
      vault: HEAPU8.slice(header, header + size).buffer,
      profile: { name: UTF8ToString(name), colour: colour }
    };
  },

  // Replaces the vault header (a new passphrase): answers
  // tandem_records_header_written(1) once it is durable, (0) if it failed.
  tandem_records_put_header__deps: ["$tandemRecords"],
  tandem_records_put_header: function (header, size) {
    var R = tandemRecords;
    var bytes = HEAPU8.slice(header, header + size).buffer;
    var done = function (ok) { R.deliver(function () { _tandem_records_header_written(ok); }); };
    if (!R.db) { setTimeout(function () { done(0); }, 0); return; }
    try {
      var tx = R.db.transaction(["meta"], "readwrite", { durability: "strict" });
      tx.objectStore("meta").put(bytes, "vault");
      tx.oncomplete = function () { done(1); };
      tx.onabort = function () { done(0); };
    } catch (e) {
      setTimeout(function () { done(0); }, 0);
    }
  },

  // Deletes profile `id`'s database (a UTF-8 pointer) with everything in it;
  // answers tandem_profile_deleted(1) or (0).
  tandem_profiles_delete__deps: ["$tandemRecords"],
  tandem_profiles_delete: function (id) {
    var R = tandemRecords;
    var name = R.profilePrefix + UTF8ToString(id);
    tandemRecords.deleteDatabase(name, function (ok) {
      if (ok) R.setKnown(name.slice(R.profilePrefix.length), false);
      R.deliver(function () { _tandem_profile_deleted(ok ? 1 : 0); });
    });
  },

  // Deletes the database from before profiles, once its records are in one.
  tandem_records_delete_old__deps: ["$tandemRecords"],
  tandem_records_delete_old: function () {
    tandemRecords.deleteDatabase(tandemRecords.oldName, function () {});
  },

  // --- The PageStore (indexed_db_page_store.cpp) ---

  // The loaded commit record into out[0..3] (generation, page count, page
  // size, the seal's length, 0 without one; -1 where a value is missing or
  // not of its kind): 1 if there is one, 0 if not, -1 if nothing was loaded.
  // The seal's bytes come from tandem_records_copy_commit_seal.
  tandem_records_loaded_commit__deps: ["$tandemRecords"],
  tandem_records_loaded_commit: function (out) {
    var loaded = tandemRecords.loaded;
    if (!loaded) return -1;
    var c = loaded.commit;
    if (!c) return 0;
    function number(value) { return typeof value === "number" ? value : -1; }
    HEAPF64[(out >> 3)] = number(c.generation);
    HEAPF64[(out >> 3) + 1] = number(c.pageCount);
    HEAPF64[(out >> 3) + 2] = number(c.pageSize);
    HEAPF64[(out >> 3) + 3] = c.seal === undefined ? 0 : c.seal instanceof ArrayBuffer ? c.seal.byteLength : -1;
    return 1;
  },

  tandem_records_copy_commit_seal__deps: ["$tandemRecords"],
  tandem_records_copy_commit_seal: function (destination) {
    HEAPU8.set(new Uint8Array(tandemRecords.loaded.commit.seal), destination);
  },

  // The loaded vault header's length: -1 when there is none, -2 when what
  // is stored there is not bytes.
  tandem_records_loaded_header__deps: ["$tandemRecords"],
  tandem_records_loaded_header: function () {
    var loaded = tandemRecords.loaded;
    if (!loaded || loaded.vault === undefined) return -1;
    return loaded.vault instanceof ArrayBuffer ? loaded.vault.byteLength : -2;
  },

  tandem_records_copy_header__deps: ["$tandemRecords"],
  tandem_records_copy_header: function (destination) {
    HEAPU8.set(new Uint8Array(tandemRecords.loaded.vault), destination);
  },

  tandem_records_loaded_count__deps: ["$tandemRecords"],
  tandem_records_loaded_count: function () {
    return tandemRecords.loaded ? tandemRecords.loaded.pages.length : 0;
  },

  // Page `index` of those loaded: number and generation into out[0..1];
  // returns its length.
  tandem_records_loaded_page__deps: ["$tandemRecords"],
  tandem_records_loaded_page: function (index, out) {
    var page = tandemRecords.loaded.pages[index];
    HEAPF64[(out >> 3)] = page.number;
    HEAPF64[(out >> 3) + 1] = page.generation;
    return page.bytes.length;
  },

  tandem_records_copy_page__deps: ["$tandemRecords"],
  tandem_records_copy_page: function (index, destination) {
    HEAPU8.set(tandemRecords.loaded.pages[index].bytes, destination);
  },

  // Writes one batch as one readwrite transaction with strict durability;
  // answers tandem_records_written(id, code, message). Codes: 0 written,
  // 1 quota exceeded, 2 unavailable, 3 aborted, 4 out of order.
  // `seal` points to the commit record's seal of `sealSize` bytes (none
  // when 0); `pages` holds `count` triples of u32: number, pointer, length.
  tandem_records_write__deps: ["$tandemRecords"],
  tandem_records_write: function (id, base, full, generation, pageCount, pageSize, seal, sealSize, pages, count) {
    var R = tandemRecords;
    function answer(code, text) {
      var size = lengthBytesUTF8(text) + 1;
      var pointer = _malloc(size);
      stringToUTF8(text, pointer, size);
      try { _tandem_records_written(id, code, pointer); } finally { _free(pointer); }
    }
    var copies = [];
    for (var i = 0; i < count; i++) {
      var at = (pages >> 2) + 3 * i;
      var pointer = HEAPU32[at + 1];
      copies.push([HEAPU32[at], HEAPU8.slice(pointer, pointer + HEAPU32[at + 2]).buffer]);
    }
    var sealCopy = sealSize > 0 ? HEAPU8.slice(seal, seal + sealSize).buffer : null;
    var faults = Module.tandemRecordsFaults;  // set only by the test hook (?test=1)
    if (faults && faults.quota > 0) {
      faults.quota--;
      setTimeout(function () { answer(1, "QuotaExceededError (test fault)"); }, 0);
      return;
    }
    if (faults && faults.abort > 0) {
      faults.abort--;
      setTimeout(function () { answer(3, "AbortError (test fault)"); }, 0);
      return;
    }
    if (!R.db) { setTimeout(function () { answer(2, "the database is closed"); }, 0); return; }
    var tx;
    try {
      tx = R.db.transaction(["pages", "meta"], "readwrite", { durability: "strict" });
    } catch (e) {
      setTimeout(function () { answer(2, String(e && e.message || e)); }, 0);
      return;
    }
    var refused = null;
    var meta = tx.objectStore("meta");
    var store = tx.objectStore("pages");
    meta.get("commit").onsuccess = function (event) {
      var stored = event.target.result ? event.target.result.generation : 0;
      // Never over a newer save, full batches included: generations only grow.
      if ((!full && stored !== base) || !(generation > stored)) {
        refused = "the stored generation is " + stored + ", the batch's base " + base + " and its generation " + generation;
        tx.abort();
      }
    };
    if (full) store.clear();
    for (var j = 0; j < copies.length; j++) store.put({ generation: generation, bytes: copies[j][1] }, copies[j][0]);
    store.delete(IDBKeyRange.lowerBound(pageCount, true));
    var commit = { generation: generation, pageCount: pageCount, pageSize: pageSize };
    if (sealCopy) commit.seal = sealCopy;
    meta.put(commit, "commit");
    // A new profile's header and name land with its first pages, or not at all.
    var first = R.firstMeta;
    if (first) {
      meta.put(first.vault, "vault");
      meta.put(first.profile, "profile");
    }
    tx.oncomplete = function () {
      R.loaded = null;  // what was read is out of date now, and need not stay in memory
      if (first && R.firstMeta === first) {
        R.firstMeta = null;
        R.setKnown(R.name.slice(R.profilePrefix.length), true);
      }
      answer(0, "");
    };
    tx.onabort = function () {
      if (refused) { answer(4, refused); return; }
      var error = tx.error;
      var quota = error && error.name === "QuotaExceededError";
      answer(quota ? 1 : 3, String(error && (error.name + ": " + error.message) || "the transaction was aborted"));
    };
  }
});
