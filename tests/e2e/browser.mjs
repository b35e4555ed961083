// Shared set-up for the end-to-end tests: Debian's Chromium driven headless
// by playwright-core, and the static site served on loopback by the real
// scripts/run.sh.
import { spawn } from "node:child_process";
import { mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { before, after } from "node:test";
import { chromium } from "playwright-core";

export const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const screenshotDir = join(root, "build", "e2e", "screenshots");
export const siteDir = join(root, "build", "web-release", "site");

// Chromium's switches for a machine with no network and no GPU: nothing
// that phones home, and WebGL2 through SwiftShader.
export const chromiumArgs = [
  "--disable-background-networking", "--disable-component-update", "--disable-sync",
  "--disable-quic", "--no-first-run", "--disable-gpu",
  "--use-angle=swiftshader", "--enable-unsafe-swiftshader",
];

// Chromium headless as root (no sandbox), with chromiumArgs.
// extraArgs: further Chromium switches for one test.
export async function launchBrowser(extraArgs = []) {
  return chromium.launch({
    executablePath: process.env.TANDEM_CHROMIUM || "/usr/bin/chromium",
    headless: true,
    chromiumSandbox: false,
    args: [...chromiumArgs, ...extraArgs],
  });
}

// A page at a teacher's laptop size, failing the test on any page error.
export async function openPage(browser, url, viewport = { width: 1366, height: 768 }) {
  const page = await browser.newPage({ viewport });
  const errors = [];
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("console", (message) => { if (message.type() === "error") errors.push(message.text()); });
  await page.goto(url);
  return { page, errors };
}

// Starts scripts/run.sh on a free port and resolves with its URL once it
// prints it. stop() ends the server.
export function startRunScript() {
  return startServer(join(root, "scripts", "run.sh"), ["--port", "0"]);
}

// Serves the folder `dir` (scripts/serve.mjs) on a free port, as startRunScript does.
export function serveFolder(dir) {
  return startServer(process.execPath, [join(root, "scripts", "serve.mjs"), "--root", dir, "--port", "0"]);
}

function startServer(command, args) {
  const child = spawn(command, args, {
    cwd: root, stdio: ["ignore", "pipe", "pipe"], detached: true,
  });
  let output = "";
  const url = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server printed no URL:\n${output}`)), 300_000);
    const onData = (chunk) => {
      output += chunk;
      const match = output.match(/^(http:\/\/127\.0\.0\.1:\d+\/)$/m);
      if (match) { clearTimeout(timer); resolve(match[1]); }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.on("exit", (code) => { clearTimeout(timer); reject(new Error(`the server exited (${code}):\n${output}`)); });
  });
  const stop = () => new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once("exit", resolve);
    process.kill(-child.pid, "SIGTERM");
  });
  return { url, stop, output: () => output };
}

// Waits until the hook's state() satisfies `predicate`, or fails after
// `timeout` ms with `what` it waited for and the last state.
export async function waitForState(page, predicate, timeout = 10_000, what = String(predicate)) {
  const deadline = Date.now() + timeout;
  let state;
  while (Date.now() < deadline) {
    state = await page.evaluate(() => window.tandem.test.state());
    if (predicate(state)) return state;
    await page.waitForTimeout(50);
  }
  throw new Error(`waited ${timeout} ms for ${what}; last state: ${JSON.stringify(state)}`);
}

export async function screenshot(page, name) {
  mkdirSync(screenshotDir, { recursive: true });
  const path = join(screenshotDir, `${name}.png`);
  await page.screenshot({ path });
  return path;
}

// For a test file that drives the app: starts scripts/run.sh and Chromium
// before its tests and stops both after them. The returned object's `url`
// and `browser` are set once the tests run.
export function useAppServer() {
  const shared = { url: null, browser: null };
  let server;
  before(async () => {
    server = startRunScript();
    shared.url = await server.url;
    shared.browser = await launchBrowser();
  });
  after(async () => {
    await shared.browser?.close();
    await server?.stop();
  });
  return shared;
}

// A fresh browser context (own storage) with one page on the app in test
// mode, ready to draw, its profile made (`kdf`: as openTandem()). `init`
// runs in the page before the app's scripts;
// `contextOptions` go to newContext() (permissions, touch); `errors`
// collects the page's uncaught errors.
export async function openApp(app, { width = 1366, height = 768, deviceScaleFactor = 1, init, kdf = "fast",
                                     ...contextOptions } = {}) {
  const context = await app.browser.newContext({
    viewport: { width, height }, deviceScaleFactor, acceptDownloads: true, ...contextOptions,
  });
  if (init) await context.addInitScript(init);
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (error) => errors.push(error.message));
  await openTandem(page, app.url, { kdf });
  return { context, page, errors };
}

// The profile the tests make and unlock, unless a test says otherwise.
export const testProfile = { name: "Ana Kowalska", passphrase: "maple orbit candle yonder" };

// Loads the app in test mode into `page` (or reloads it), goes through the
// profile screens as a teacher would (making the profile on a first visit,
// unlocking it on a later one) and waits until its records are open, or
// until it says why they are not. `kdf: "fast"` (the default) makes new
// profiles with Argon2id's least work: tests not about the vault need not
// wait for its key.
export async function openTandem(page, app_url, { kdf = "fast", profile = testProfile } = {}) {
  if (app_url) await page.goto(`${app_url}?test=1${kdf === "fast" ? "&kdf=fast" : ""}`);
  const step = (what, wait) => wait.catch((error) => { throw new Error(`Tandem never ${what} (${error.message})`); });
  await step("set up its test hook", page.waitForFunction(() => window.tandem?.test, null, { timeout: 30_000 }));
  await step("drew its first frame", page.waitForFunction(() => window.tandem.test.frames() > 0, null, { timeout: 30_000 }));
  await step("listed its profiles", page.waitForFunction(() => window.tandem.test.state().vault !== "listing",
    null, { timeout: 30_000 }));
  const stage = (await page.evaluate(() => window.tandem.test.state())).vault;
  if (stage === "creating") await makeProfile(page, profile);
  else if (stage === "choosing" || stage === "unlocking") await unlockProfile(page, profile);
  await step("opened its records", page.waitForFunction(() => window.tandem.test.state().saveStatus !== "opening",
    null, { timeout: 30_000 }));
}

// Clicks `label` and types `text` into it.
export async function fill(page, label, text) {
  await click(page, label);
  await page.keyboard.type(text);
}

// Makes `profile` on the new-profile screen, through its recovery code.
export async function makeProfile(page, profile = testProfile) {
  await waitForState(page, (s) => s.vault === "creating");
  await currentFrame(page);
  await fill(page, "Your name", profile.name);
  await fill(page, "Passphrase", profile.passphrase);
  await fill(page, "The same passphrase again", profile.passphrase);
  await click(page, "Create the profile");
  await waitForState(page, (s) => s.vault === "recovery-code", 30_000);
  await currentFrame(page);
  await click(page, "I have kept my recovery code somewhere safe");
  await waitForWidget(page, `(i) => i.label === "Continue" && i.enabled`);
  await click(page, "Continue");
  await waitForState(page, (s) => s.vault === "open", 30_000);  // open, or kept in memory where nothing is kept
}

// Chooses `profile` from the list (if the list shows) and unlocks it.
export async function unlockProfile(page, profile = testProfile) {
  await currentFrame(page);
  if ((await page.evaluate(() => window.tandem.test.state())).vault === "choosing") {
    await click(page, profile.name);
    await waitForState(page, (s) => s.vault === "unlocking");
    await currentFrame(page);
  }
  await fill(page, "Passphrase", profile.passphrase);
  await page.keyboard.press("Enter");
  await waitForState(page, (s) => s.vault === "open", 30_000);
}

// The name of the IndexedDB database of the profile open in `page`.
export const profileDatabase = (page) => page.evaluate(async () =>
  (await indexedDB.databases()).map((d) => d.name).find((n) => n.startsWith("tandem-profile-")));

// Calls the test hook's function `name` without arguments.
export const hook = (page, name) => page.evaluate((n) => window.tandem.test[n](), name);

// The app's current frame: once it has drawn everything it has to show (no
// input, command, change or put-off work waits for a frame), that frame's
// number and widgets. Fails after `timeout` ms if the app never settles.
export async function currentFrame(page, timeout = 10_000) {
  const handle = await page.waitForFunction(() => {
    const items = window.tandem.test.items();
    return items.settled ? { frame: items.frame, items: [...items] } : null;
  }, null, { timeout, polling: "raf" }).catch((error) => {
    throw new Error(`the app was still drawing after ${timeout} ms (${error.message})`);
  });
  return handle.jsonValue();
}

// The widget labelled `label` in the current frame; fails at once if that
// frame has none, naming the widgets it has.
export async function itemNow(page, label) {
  const { frame, items } = await currentFrame(page);
  const found = items.find((i) => i.label === label);
  if (!found) {
    const labels = items.map((i) => i.label).filter((l) => l).join(", ");
    throw new Error(`frame ${frame} has no widget labelled "${label}"; it has: ${labels}`);
  }
  return found;
}

// The widget labelled `label`, once a frame draws it (after something the
// app does on its own: records opening, a file taken in); fails after 10 s.
export async function item(page, label) {
  const found = await page.waitForFunction((l) => window.tandem.test.items().find((i) => i.label === l), label,
    { timeout: 10_000 }).catch(() => { throw new Error(`no widget labelled "${label}" was drawn within 10 s`); });
  return found.jsonValue();
}

// Clicks the middle of the widget labelled `label` in the current frame with
// the real mouse; fails if the current frame has no such widget.
export async function click(page, label) {
  const target = await itemNow(page, label);
  await page.mouse.click(target.x + target.w / 2, target.y + target.h / 2);
}

// Waits until a widget of the last frame satisfies `predicate`, JavaScript
// source of a function of one item, e.g. `(i) => i.label === "Name"`; fails
// after `timeout` ms naming the predicate.
export const waitForWidget = (page, predicate, timeout = 10_000) =>
  page.waitForFunction(`window.tandem.test.items().some(${predicate})`, null, { timeout }).catch(() => {
    throw new Error(`no widget matched ${predicate} within ${timeout} ms`);
  });

// Types the user's own name in Settings, then adds each of `names` on People
// (typed, then Enter), ending on People.
export async function addPeople(page, ownName, names = []) {
  await click(page, "Settings");
  await click(page, "Your name");
  await page.keyboard.press("Control+A");  // the name given to the profile is there already
  await page.keyboard.type(ownName);
  await waitForState(page, (s) => s.profile.name === ownName);
  await click(page, "People");
  for (const name of names) {
    await click(page, "New person");
    await page.keyboard.type(name);
    await page.keyboard.press("Enter");
    await waitForWidget(page, `(i) => i.role === "list-item" && i.label === ${JSON.stringify(name)} && i.value === true`);
  }
}

// Ana Kowalska (the user) and Sam Patel on People, then Ana coaching Sam in
// a GROW pairing, started on Pairings and shown there, scrolled to its top.
export async function startGrowPairing(page) {
  await addPeople(page, "Ana Kowalska", ["Sam Patel"]);
  await click(page, "Pairings");
  await click(page, "New pairing");
  await click(page, "Coachee");
  await click(page, "Sam Patel");
  await click(page, "Start pairing");
  await waitForWidget(page, `(i) => i.label === "Record a meeting"`);
  await scrollTo(page, "Usual model");
  await click(page, "Usual model");
  await click(page, "GROW");
  await waitForWidget(page, `(i) => i.label === "Usual model" && i.value === "GROW"`);
  await scrollTo(page, "Record a meeting");
}

// Scrolls with the mouse wheel over (x, y) until the widget labelled `label`
// (or, for a function, the first widget it accepts) is drawn fully inside
// the viewport; fails after 60 turns of the wheel.
export async function scrollTo(page, label, { x = 900, y = 400, delta = 240 } = {}) {
  const matches = typeof label === "function" ? label : (i) => i.label === label;
  // Not drawn at all, it may be above or below: the wheel goes down until
  // nothing moves any more, then up.
  let direction = 1;
  let { items } = await currentFrame(page);
  for (let turn = 0; turn < 60; ++turn) {
    const found = items.find(matches);
    const height = page.viewportSize().height;
    if (found && found.y >= 0 && found.y + found.h <= height - 40) return found;
    if (found) direction = found.y < 0 ? -1 : 1;
    await page.mouse.move(x, y);
    await page.mouse.wheel(0, direction * delta);
    const after = (await currentFrame(page)).items;
    // Only where the widgets are tells a scroll: a value that changes by
    // itself (a time shown, a save's status) must not look like one.
    const places = (list) => JSON.stringify(list.map((i) => [i.label, Math.round(i.y)]));
    const moved = places(after) !== places(items);
    if (!found && !moved) direction = -direction;
    items = after;
  }
  throw new Error(`${typeof label === "function" ? "the widget sought" : label} never scrolled into view`);
}

// Waits until the app has drawn everything it has to show, and returns the
// number of frames drawn so far.
export async function settle(page) {
  return (await currentFrame(page)).frame;
}
