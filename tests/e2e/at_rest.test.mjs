// What a copied browser folder gives away. With marker words typed into a
// meeting's shared field and its private note, and the browser closed, no
// file of the browser's profile folder holds a marker, in UTF-8 or UTF-16,
// nor any value the records keep for this device only (the identity's
// secret keys). Two markers kept in the clear are found: the profile's
// display name, which the list of profiles shows before any unlock, and a
// page written in the clear as the records' pages are stored: the proof that
// the scan sees what is stored.
import { test } from "node:test";
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";
import {
  startRunScript, chromiumArgs, openTandem, click, scrollTo, waitForState, waitForWidget, startGrowPairing, testProfile,
} from "./browser.mjs";

// Every file under `dir`, with its path.
function* files(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    let info;
    try { info = statSync(path); } catch { continue; }  // a lock file gone meanwhile
    if (info.isDirectory()) yield* files(path);
    else if (info.isFile()) yield path;
  }
}

// The files under `dir` that hold any of `needles` (Buffers), by needle name.
function findIn(dir, needles) {
  const found = Object.fromEntries(Object.keys(needles).map((name) => [name, []]));
  for (const path of files(dir)) {
    const bytes = readFileSync(path);
    for (const [name, needle] of Object.entries(needles))
      if (bytes.indexOf(needle) >= 0) found[name].push(path.slice(dir.length + 1));
  }
  return found;
}

const asText = (text) => ({ utf8: Buffer.from(text, "utf8"), utf16: Buffer.from(text, "utf16le") });

test("nothing typed and no secret key is kept in the clear in the browser's folder", async () => {
  const server = startRunScript();
  const folder = mkdtempSync(join(tmpdir(), "tandem-at-rest-"));
  try {
    const url = await server.url;
    const context = await chromium.launchPersistentContext(folder, {
      executablePath: process.env.TANDEM_CHROMIUM || "/usr/bin/chromium",
      headless: true, chromiumSandbox: false, args: chromiumArgs, viewport: { width: 1366, height: 768 },
    });
    const page = context.pages()[0] ?? await context.newPage();
    const errors = [];
    page.on("pageerror", (error) => errors.push(error.message));
    const marker = (word) => `${word}${randomBytes(6).toString("hex")}`;
    const listed = marker("Listed");
    const shared = marker("Sharedmark");
    const secret = marker("Privatemark");
    await openTandem(page, url, { profile: { name: listed, passphrase: testProfile.passphrase } });
    await startGrowPairing(page);
    await click(page, "Record a meeting");
    await waitForState(page, (s) => s.screen === "meeting");
    await scrollTo(page, "Goal");
    await click(page, "Goal");
    await page.keyboard.type(`Calmer starts ${shared}`);
    await scrollTo(page, "Private note");
    await click(page, "Private note");
    await page.keyboard.type(`I talked too much ${secret}`);
    await waitForWidget(page, `(i) => i.label === "Private note" && i.value.endsWith(${JSON.stringify(secret)})`);
    await click(page, "Today");  // leaves the fields, as a teacher closing up would
    await waitForState(page, (s) => s.saveStatus === "saved" && s.screen === "today");
    // The control: a page in the clear, stored as the records' pages are
    // (a 4096-byte buffer in an IndexedDB value), holding a marker.
    const control = marker("Controlmark");
    await page.evaluate((text) => new Promise((resolve, reject) => {
      const request = indexedDB.open("scan-control", 1);
      request.onupgradeneeded = () => request.result.createObjectStore("pages");
      request.onsuccess = () => {
        const bytes = new TextEncoder().encode(`Calmer starts to lessons. ${text}. Entry routine on the board. `.repeat(60));
        const page = new Uint8Array(4096);
        page.set(bytes.subarray(0, 4096));
        const tx = request.result.transaction("pages", "readwrite");
        tx.objectStore("pages").put({ generation: 1, bytes: page.buffer }, 1);
        tx.oncomplete = () => { request.result.close(); resolve(); };
        tx.onabort = () => reject(tx.error);
      };
      request.onerror = () => reject(request.error);
    }), control);
    const keys = await page.evaluate(() => window.tandem.test.deviceOnlyValues());
    assert.ok(keys.length >= 2, "the identity's two secret keys are among them");
    assert.deepEqual(errors, []);
    await context.close();

    const needles = {};
    for (const [name, text] of [["listed", listed], ["control", control], ["shared", shared], ["private", secret]]) {
      const forms = asText(text);
      needles[`${name} (UTF-8)`] = forms.utf8;
      needles[`${name} (UTF-16)`] = forms.utf16;
    }
    keys.forEach((hex, n) => {
      needles[`device-only value ${n}`] = Buffer.from(hex, "hex");
      needles[`device-only value ${n} as hex`] = Buffer.from(hex, "utf8");
    });
    const found = findIn(folder, needles);
    for (const kept of ["listed", "control"])
      assert.ok(found[`${kept} (UTF-8)`].length + found[`${kept} (UTF-16)`].length > 0,
        `the ${kept} marker is found: the scan sees what is stored in the clear`);
    for (const [name, where] of Object.entries(found))
      if (!name.startsWith("listed") && !name.startsWith("control"))
        assert.deepEqual(where, [], `${name} is in the clear in these files`);
  } finally {
    await server.stop();
    rmSync(folder, { recursive: true, force: true });
  }
});
