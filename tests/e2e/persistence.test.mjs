// The records kept in IndexedDB: an edit is there after a reload; a second
// tab is kept from writing until it takes over, and the first then turns
// read-only; a full disk shows a banner and the edit lands once there is
// room; a browser that keeps nothing says so and still offers a copy.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import {
  useAppServer, openApp, openTandem, click, waitForState, screenshot, profileDatabase, testProfile, unlockProfile,
} from "./browser.mjs";

const app = useAppServer();

async function typeName(page, text) {
  await page.bringToFront();  // a page in the background gets no frames
  if ((await hookState(page)).screen !== "settings") {
    await click(page, "Settings");
    await waitForState(page, (s) => s.screen === "settings");
  }
  await click(page, "Your name");
  await page.waitForFunction(() => document.activeElement?.id === "tandem-text-input");
  await page.keyboard.press("Control+A");
  await page.keyboard.type(text);
  await page.keyboard.press("Tab");  // Escape would put back what the field held before
}

const hookState = (page) => page.evaluate(() => window.tandem.test.state());
// Waits until the last frame has (or, with present false, lacks) an item labelled `label`.
const waitForItem = (page, label, present = true) =>
  page.waitForFunction(([l, p]) => window.tandem.test.items().some((i) => i.label === l) === p, [label, present]);

test("an edit is there after a reload, and the status line says when it was saved", async () => {
  const { context, page, errors } = await openApp(app);
  await typeName(page, "Ana Kowalska");
  const saved = await waitForState(page, (s) => s.profile.name === "Ana Kowalska" && s.saveStatus === "saved");
  assert.equal(saved.lastSavedSeq, saved.lastCommitSeq);
  assert.ok(saved.lastSavedSeq > 4);
  await screenshot(page, "persistence-saved");

  await page.reload();
  await openTandem(page);
  const reloaded = await waitForState(page, (s) => s.saveStatus === "saved");
  assert.equal(reloaded.profile.name, "Ana Kowalska");
  await page.waitForFunction(() =>
    window.tandem.test.items().some((i) => i.label === "Your name" && i.value === "Ana Kowalska"));
  assert.equal(await page.evaluate(() => window.tandem.test.integrityCheck()), "ok");
  assert.deepEqual(errors, []);
  await context.close();
});

test("a second tab is kept from writing until it takes over, and the first turns read-only", async () => {
  const { context, page: first, errors } = await openApp(app);
  await typeName(first, "Sam Patel");
  await waitForState(first, (s) => s.profile.name === "Sam Patel" && s.saveStatus === "saved");

  const second = await context.newPage();
  second.on("pageerror", (error) => errors.push(error.message));
  await second.goto(`${app.url}?test=1&kdf=fast`);
  await second.waitForFunction(() => window.tandem?.test?.state().vault === "choosing");
  await click(second, testProfile.name);
  await second.waitForFunction(() => window.tandem.test.items().some((i) => i.label === "Passphrase"));
  await screenshot(second, "persistence-elsewhere");
  assert.equal((await hookState(first)).saveStatus, "saved", "the first tab goes on until the second is unlocked");

  await unlockProfile(second);
  const taken = await waitForState(second, (s) => s.saveStatus === "saved");
  assert.equal(taken.profile.name, "Sam Patel");
  await waitForState(first, (s) => s.saveStatus === "read-only");
  await first.bringToFront();
  await waitForItem(first, "Use here");
  await screenshot(first, "persistence-read-only");
  assert.equal(await second.evaluate(() => window.tandem.test.integrityCheck()), "ok");

  await typeName(second, "Sam Patel-Jones");
  await waitForState(second, (s) => s.profile.name === "Sam Patel-Jones" && s.saveStatus === "saved");
  await second.reload();
  await openTandem(second);
  const after = await waitForState(second, (s) => s.saveStatus === "saved");
  assert.equal(after.profile.name, "Sam Patel-Jones");
  assert.equal(await second.evaluate(() => window.tandem.test.integrityCheck()), "ok");
  assert.deepEqual(errors, []);
  await context.close();
});

test("a full disk: the banner shows, the edit stays, and it lands once there is room", async () => {
  const { context, page, errors } = await openApp(app);
  await page.evaluate(() => window.tandem.test.storageFaults({ quota: 3 }));
  await typeName(page, "Jo");
  const full = await waitForState(page, (s) => s.saveStatus === "failed");
  assert.equal(full.profile.name, "Jo");
  assert.ok(full.lastSavedSeq < full.lastCommitSeq);
  await waitForItem(page, "Try again");
  await waitForItem(page, "Download a copy");
  await screenshot(page, "persistence-storage-full");

  // The retries (after 0.5, 1 and 2 s) meet the fault until it runs out.
  const saved = await waitForState(page, (s) => s.saveStatus === "saved", 20_000);
  assert.equal(saved.lastSavedSeq, saved.lastCommitSeq);
  await waitForItem(page, "Try again", false);
  await page.reload();
  await openTandem(page);
  assert.equal((await waitForState(page, (s) => s.saveStatus === "saved")).profile.name, "Jo");
  assert.deepEqual(errors, []);
  await context.close();
});

// As some private windows do: IndexedDB is there, but opening a database fails.
function refuseIndexedDb() {
  IDBFactory.prototype.open = function () {
    const request = {};
    setTimeout(() => {
      request.error = new DOMException("The user denied permission to access the database.", "InvalidStateError");
      if (request.onerror) request.onerror({ target: request });
    }, 0);
    return request;
  };
}

test("a browser that keeps nothing: the banner says so, edits last the visit, and a copy downloads", async () => {
  const { context, page, errors } = await openApp(app, { init: refuseIndexedDb });
  await waitForState(page, (s) => s.saveStatus === "memory");
  await waitForItem(page, "Download a copy");
  await typeName(page, "Ana Kowalska");
  const typed = await waitForState(page, (s) => s.profile.name === "Ana Kowalska");
  assert.equal(typed.saveStatus, "memory");
  await screenshot(page, "persistence-memory-only");

  const [download] = await Promise.all([page.waitForEvent("download"), click(page, "Download a copy")]);
  assert.match(download.suggestedFilename(), /^tandem-records-\d{4}-\d{2}-\d{2}\.sqlite$/);
  const bytes = await readFile(await download.path());
  assert.equal(bytes.subarray(0, 16).toString("latin1"), "SQLite format 3\0");
  assert.ok(bytes.includes(Buffer.from("Ana Kowalska")), "the copy holds the name typed");

  await page.reload();
  await openTandem(page);
  const reloaded = await waitForState(page, (s) => s.saveStatus === "memory");
  assert.equal(reloaded.profile.name, "");
  assert.deepEqual(errors, []);
  await context.close();
});

// Changes the stored records from outside the app, as damage on disk would.
// `damage` runs in the page with the open IndexedDB database; resolves with what it returns.
const damageStore = async (page, damage) => page.evaluate(async ([source, name]) => {
  const db = await new Promise((resolve, reject) => {
    const request = indexedDB.open(name, 1);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const tx = db.transaction(["pages", "meta"], "readwrite");
  const result = await new Function("tx", `return (${source})(tx);`)(tx);
  await new Promise((resolve, reject) => { tx.oncomplete = resolve; tx.onabort = () => reject(tx.error); });
  db.close();
  return result;
}, [damage.toString(), await profileDatabase(page)]);

// The number of pages stored (for damageStore).
const pageCount = (tx) => new Promise((resolve) => { tx.objectStore("pages").count().onsuccess = (e) => resolve(e.target.result); });

test("damaged records: a missing page is named, nothing stored is changed, and what can be read downloads", async () => {
  const { context, page, errors } = await openApp(app);
  await typeName(page, "Ana Kowalska");
  await waitForState(page, (s) => s.profile.name === "Ana Kowalska" && s.saveStatus === "saved");
  const before = await damageStore(page, (tx) => {
    tx.objectStore("pages").delete(2);
    return new Promise((resolve) => { tx.objectStore("pages").count().onsuccess = (e) => resolve(e.target.result); });
  });
  assert.ok(before > 2);

  await page.reload();
  await openTandem(page);
  const damaged = await waitForState(page, (s) => s.saveStatus === "damaged");
  assert.equal(damaged.profile.name, "");
  await waitForItem(page, "Download what can be read");
  await screenshot(page, "persistence-damaged");

  const [download] = await Promise.all([page.waitForEvent("download"), click(page, "Download what can be read")]);
  assert.match(download.suggestedFilename(), /^tandem-readable-records-\d{4}-\d{2}-\d{2}\.sqlite$/);
  const bytes = await readFile(await download.path());
  assert.equal(bytes.subarray(0, 16).toString("latin1"), "SQLite format 3\0");
  assert.ok(bytes.subarray(4096, 8192).every((byte) => byte === 0), "the missing page is left as zeros");
  assert.equal(await damageStore(page, pageCount), before, "the app changed nothing it keeps");
  assert.deepEqual(errors, []);
  await context.close();
});

test("a save never writes over a newer one stored meanwhile, not even with every page", async () => {
  const { context, page, errors } = await openApp(app);
  await typeName(page, "Ana Kowalska");
  await waitForState(page, (s) => s.profile.name === "Ana Kowalska" && s.saveStatus === "saved");
  // As if another writer had saved far ahead of this tab.
  const newer = await damageStore(page, (tx) => new Promise((resolve) => {
    const meta = tx.objectStore("meta");
    meta.get("commit").onsuccess = (event) => {
      const commit = event.target.result;
      commit.generation += 1000;
      meta.put(commit, "commit");
      resolve(commit.generation);
    };
  }));
  const storedPages = (tx) => new Promise((resolve) => {
    tx.objectStore("pages").getAll().onsuccess = (e) => resolve(JSON.stringify(e.target.result.map((p) => p.generation)));
  });
  const pagesBefore = await damageStore(page, storedPages);

  await typeName(page, "Ana Kowalska-Reyes");
  // Its pages go on the wrong base and are refused; then every page, as a
  // generation not above the stored one, and refused again.
  await waitForState(page, (s) => s.saveStatus === "failed" && s.profile.name === "Ana Kowalska-Reyes");
  await new Promise((resolve) => setTimeout(resolve, 2500));  // the retries meet the same refusal
  assert.equal((await page.evaluate(() => window.tandem.test.state())).saveStatus, "failed");
  const generation = (tx) => new Promise((resolve) => {
    tx.objectStore("meta").get("commit").onsuccess = (e) => resolve(e.target.result.generation);
  });
  assert.equal(await damageStore(page, generation), newer, "the newer save's record stands");
  assert.equal(await damageStore(page, storedPages), pagesBefore, "no page was written over it");
  assert.deepEqual(errors, []);
  await context.close();
});

test("damaged records: a stored value that is not a page is refused without a crash", async () => {
  const { context, page, errors } = await openApp(app);
  await typeName(page, "Sam Patel");
  await waitForState(page, (s) => s.profile.name === "Sam Patel" && s.saveStatus === "saved");
  await damageStore(page, (tx) => { tx.objectStore("pages").put({ generation: "x", bytes: "not a page" }, 3); });
  await page.reload();
  await openTandem(page);
  await waitForState(page, (s) => s.saveStatus === "damaged");
  await waitForItem(page, "Download what can be read");
  assert.deepEqual(errors, []);
  await context.close();
});
