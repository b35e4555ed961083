// Profiles and their vaults on a shared laptop, through the real UI: a
// profile made with its passphrase (Argon2id at its real cost) and its
// recovery code, locked and unlocked; a wrong passphrase; two profiles that
// each see only their own records; the recovery code; and the records from
// before profiles moving into the first one.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import {
  useAppServer, openApp, openTandem, click, currentFrame, waitForState, waitForWidget, screenshot, makeProfile,
  unlockProfile, testProfile, scrollTo, fill,
} from "./browser.mjs";

const app = useAppServer();

const hookState = (page) => page.evaluate(() => window.tandem.test.state());

async function setOwnName(page, name) {
  await click(page, "Settings");
  await click(page, "Your name");
  await page.keyboard.press("Control+A");
  await page.keyboard.type(name);
  await page.keyboard.press("Tab");
  await waitForState(page, (s) => s.profile.name === name && s.saveStatus === "saved");
}

// Presses Lock and waits for the page to start afresh on the list of profiles.
async function lock(page) {
  await click(page, "Lock");
  await page.waitForEvent("load");
  await page.waitForFunction(() => window.tandem?.test?.state().vault === "choosing", null, { timeout: 30_000 });
  await currentFrame(page);
}

// Chooses `name` on the list of profiles and sends `passphrase`, which is
// not its own: resolves once Tandem has refused it (Unlock waits).
async function refusedPassphrase(page, name, passphrase) {
  await click(page, name);
  await waitForState(page, (s) => s.vault === "unlocking");
  await currentFrame(page);
  await fill(page, "Passphrase", passphrase);
  await page.keyboard.press("Enter");
  await waitForWidget(page, `(i) => i.label === "Unlock" && !i.enabled`);
  await waitForState(page, (s) => s.vault === "unlocking", 30_000);
}

const ben = { name: "Ben Okafor", passphrase: "copper lantern orchard tide" };

// The test's own profile named Ana Kowalska, locked; then Ben's made beside it, and open.
async function twoProfiles(page) {
  await setOwnName(page, "Ana Kowalska");
  await lock(page);
  await click(page, "New profile");
  await makeProfile(page, ben);
}

test("a profile is made with its passphrase and recovery code, locks, and opens only with its passphrase", async () => {
  const { context, page, errors } = await openApp(app, { kdf: "real" });
  await setOwnName(page, "Ana Kowalska");
  await lock(page);
  const items = await page.evaluate(() => window.tandem.test.items());
  assert.ok(items.some((i) => i.label === "Ana Kowalska"), "the profile is listed by its name");
  assert.ok(!items.some((i) => i.label === "Today"), "nothing of the records shows while locked");
  await screenshot(page, "vault-locked");

  await refusedPassphrase(page, "Ana Kowalska", "maple orbit candle yonde");
  await currentFrame(page);
  await screenshot(page, "vault-wrong-passphrase");
  assert.equal((await hookState(page)).saveStatus, "opening", "nothing opened");

  await page.waitForTimeout(1200);  // the wait after a wrong passphrase
  await unlockProfile(page, testProfile);
  const opened = await waitForState(page, (s) => s.saveStatus === "saved");
  assert.equal(opened.profile.name, "Ana Kowalska");
  assert.deepEqual(errors, []);
  await context.close();
});

test("two profiles in one browser each see only their own records", async () => {
  const { context, page, errors } = await openApp(app);
  await twoProfiles(page);
  await waitForState(page, (s) => s.saveStatus === "saved");
  assert.equal((await hookState(page)).profile.name, "", "a new profile starts empty");
  await setOwnName(page, "Ben Okafor");
  await lock(page);
  await screenshot(page, "vault-two-profiles");

  await unlockProfile(page, testProfile);
  assert.equal((await waitForState(page, (s) => s.saveStatus === "saved")).profile.name, "Ana Kowalska");
  await lock(page);
  await unlockProfile(page, ben);
  assert.equal((await waitForState(page, (s) => s.saveStatus === "saved")).profile.name, "Ben Okafor");
  assert.deepEqual(errors, []);
  await context.close();
});

test("the recovery code opens a profile whose passphrase is forgotten, and sets a new one", async () => {
  const context = await app.browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (error) => errors.push(error.message));
  await page.goto(`${app.url}?test=1&kdf=fast`);
  await page.waitForFunction(() => window.tandem?.test?.state().vault === "creating", null, { timeout: 30_000 });
  // Made by hand, to read the recovery code off the screen.
  await currentFrame(page);
  for (const [label, text] of [["Your name", testProfile.name], ["Passphrase", testProfile.passphrase],
                               ["The same passphrase again", testProfile.passphrase]]) {
    await click(page, label);
    await page.keyboard.type(text);
  }
  await click(page, "Create the profile");
  await waitForState(page, (s) => s.vault === "recovery-code", 30_000);
  await currentFrame(page);
  await screenshot(page, "vault-recovery-code");
  const code = (await page.evaluate(() => window.tandem.test.items())).find((i) => i.label === "Recovery code").value;
  assert.match(code, /^([0-9A-Z*~$=]{5} ){7}[0-9A-Z*~$=]{5}$/);
  const [saved] = await Promise.all([page.waitForEvent("download"), click(page, "Save the code as a file")]);
  assert.ok((await readFile(await saved.path(), "utf8")).includes(code));
  await click(page, "I have kept my recovery code somewhere safe");
  await click(page, "Continue");
  await waitForState(page, (s) => s.vault === "open", 30_000);
  await setOwnName(page, "Ana Kowalska");
  await lock(page);

  await click(page, testProfile.name);
  await waitForState(page, (s) => s.vault === "unlocking");
  await currentFrame(page);
  await click(page, "Forgotten the passphrase? Use the recovery code");
  await waitForState(page, (s) => s.vault === "recovering");
  await currentFrame(page);
  const renewed = { name: testProfile.name, passphrase: "quiet meadow ferry anchor" };
  await click(page, "Recovery code");
  await page.keyboard.type(code.toLowerCase().replaceAll(" ", "-"));  // as people type it back
  await click(page, "New passphrase");
  await page.keyboard.type(renewed.passphrase);
  await click(page, "The same passphrase again");
  await page.keyboard.type(renewed.passphrase);
  await screenshot(page, "vault-recovering");
  await click(page, "Unlock with the recovery code");
  const opened = await waitForState(page, (s) => s.vault === "open" && s.saveStatus === "saved", 30_000);
  assert.equal(opened.profile.name, "Ana Kowalska");

  await lock(page);
  await unlockProfile(page, renewed);
  assert.equal((await waitForState(page, (s) => s.saveStatus === "saved")).profile.name, "Ana Kowalska");
  assert.deepEqual(errors, []);
  await context.close();
});

// Writes `file` (a database file as the release before profiles kept it) into
// the IndexedDB database "tandem" as that release stored it: one value per
// 4096-byte page and the commit record.
function keepAsBeforeProfiles(file) {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open("tandem", 1);
    request.onupgradeneeded = () => {
      request.result.createObjectStore("pages");
      request.result.createObjectStore("meta");
    };
    request.onerror = () => reject(request.error);
    request.onsuccess = () => {
      const db = request.result;
      const bytes = new Uint8Array(file);
      const pageSize = 4096;
      const tx = db.transaction(["pages", "meta"], "readwrite");
      for (let n = 1; n * pageSize <= bytes.length; ++n)
        tx.objectStore("pages").put({ generation: 1, bytes: bytes.slice((n - 1) * pageSize, n * pageSize).buffer }, n);
      tx.objectStore("meta").put({ generation: 1, pageCount: bytes.length / pageSize, pageSize }, "commit");
      tx.oncomplete = () => { db.close(); resolve(); };
      tx.onabort = () => reject(tx.error);
    };
  });
}

test("records kept before profiles move into the first profile, encrypted, and the old ones go", async () => {
  // A database file as this release writes it.
  const first = await openApp(app);
  await setOwnName(first.page, "Marker Kowalska");
  const [copy] = await Promise.all([first.page.waitForEvent("download"),
                                    first.page.evaluate(() => window.tandem.test.saveRecordsImage())]);
  const file = [...await readFile(await copy.path())];
  await first.context.close();

  const context = await app.browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (error) => errors.push(error.message));
  await page.goto(`${app.url}?test=1&kdf=fast`);
  await page.evaluate(keepAsBeforeProfiles, file);
  await page.reload();
  await page.waitForFunction(() => window.tandem?.test?.state().vault === "creating", null, { timeout: 30_000 });
  await currentFrame(page);
  assert.ok((await page.evaluate(() => window.tandem.test.items())).length > 0);
  await screenshot(page, "vault-moving-old-records");
  await openTandem(page, null);
  const moved = await waitForState(page, (s) => s.saveStatus === "saved" && s.profile.name === "Marker Kowalska", 30_000);
  assert.equal(moved.vault, "open");
  await page.waitForFunction(async () => !(await indexedDB.databases()).some((d) => d.name === "tandem"), null,
    { timeout: 10_000 });

  // The next start opens them with the passphrase alone.
  await page.reload();
  await openTandem(page, null);
  assert.equal((await waitForState(page, (s) => s.saveStatus === "saved")).profile.name, "Marker Kowalska");
  assert.deepEqual(errors, []);
  await context.close();
});

test("an unused profile locks by itself after the time chosen in Settings, keeping what was typed", async () => {
  const { context, page, errors } = await openApp(app);
  await click(page, "Settings");
  await scrollTo(page, "5 minutes");
  await click(page, "5 minutes");
  await screenshot(page, "settings-locking");
  await scrollTo(page, "Your name");
  await click(page, "Your name");
  await page.keyboard.type("Ana Kowalska");  // still in the field when the lock comes
  await waitForState(page, (s) => s.profile.name === "Ana Kowalska");

  await page.evaluate(() => window.tandem.test.advanceClock(4 * 60_000));
  await page.waitForTimeout(500);
  assert.equal((await hookState(page)).vault, "open", "four minutes unused: still open");

  const reloaded = page.waitForEvent("load");
  await page.evaluate(() => window.tandem.test.advanceClock(61_000));
  await reloaded;
  await page.waitForFunction(() => window.tandem?.test?.state().vault === "choosing", null, { timeout: 30_000 });
  const items = (await currentFrame(page)).items;
  assert.ok(!items.some((i) => i.label === "Today" || i.label === "Your name"), "nothing of the records shows");

  await unlockProfile(page, testProfile);
  assert.equal((await waitForState(page, (s) => s.saveStatus === "saved")).profile.name, "Ana Kowalska");
  await click(page, "Settings");
  await scrollTo(page, "5 minutes");
  const chosen = (await currentFrame(page)).items.find((i) => i.label === "5 minutes");
  assert.equal(chosen.value, true, "the lock time is kept");
  assert.deepEqual(errors, []);
  await context.close();
});

test("a new passphrase set in Settings opens the profile, and the old one no longer does", async () => {
  const { context, page, errors } = await openApp(app);
  await setOwnName(page, "Ana Kowalska");
  const renewed = { name: testProfile.name, passphrase: "harbour violet kettle drum" };
  await scrollTo(page, "The same new passphrase again");
  await fill(page, "Current passphrase", testProfile.passphrase);
  await fill(page, "New passphrase", renewed.passphrase);
  await fill(page, "The same new passphrase again", renewed.passphrase);
  await screenshot(page, "settings-passphrase");
  await click(page, "Change the passphrase");
  await waitForState(page, (s) => s.notice.startsWith("Your new passphrase is set"), 30_000);
  await lock(page);

  await refusedPassphrase(page, testProfile.name, testProfile.passphrase);
  await page.waitForTimeout(1200);  // the wait after a wrong passphrase
  await unlockProfile(page, renewed);
  assert.equal((await waitForState(page, (s) => s.saveStatus === "saved")).profile.name, "Ana Kowalska");
  assert.deepEqual(errors, []);
  await context.close();
});

test("a profile is deleted with all its records once its name is typed, and the others stay", async () => {
  const { context, page, errors } = await openApp(app);
  await twoProfiles(page);
  await setOwnName(page, "Ben Okafor");
  const databases = () => page.evaluate(async () =>
    (await indexedDB.databases()).map((d) => d.name).filter((n) => n.startsWith("tandem")).sort());
  assert.equal((await databases()).length, 2);

  await scrollTo(page, "Delete this profile and its records");
  const button = (await currentFrame(page)).items.find((i) => i.label === "Delete this profile and its records");
  assert.equal(button.enabled, false, "not before the name is typed");
  await fill(page, "The profile's name", "Ben Okafor");
  await waitForWidget(page, `(i) => i.label === "Delete this profile and its records" && i.enabled`);
  await screenshot(page, "settings-delete-profile");
  const reloaded = page.waitForEvent("load");
  await click(page, "Delete this profile and its records");
  await reloaded;
  await page.waitForFunction(() => window.tandem?.test?.state().vault === "choosing", null, { timeout: 30_000 });
  const items = (await currentFrame(page)).items;
  assert.ok(items.some((i) => i.label === "Ana Kowalska"));
  assert.ok(!items.some((i) => i.label === "Ben Okafor"), "the deleted profile is not listed");
  assert.equal((await databases()).length, 1);
  assert.equal(JSON.parse(await page.evaluate(() => localStorage.getItem("tandem-profile-ids"))).length, 1);

  await unlockProfile(page, testProfile);
  assert.equal((await waitForState(page, (s) => s.saveStatus === "saved")).profile.name, "Ana Kowalska");
  assert.deepEqual(errors, []);
  await context.close();
});
