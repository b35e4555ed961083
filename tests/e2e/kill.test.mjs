// The kill test: Chromium is killed with SIGKILL (its whole process group, as
// a closed lid or a crash would end it) at random moments while the name in
// Settings is being typed, one keystroke per commit, or after Lock was
// pressed, then started again on the same profile folder; the records are
// kept encrypted, as always. Every round, the records must open, pass
// `PRAGMA integrity_check`, and hold every edit up to the highest
// lastSavedSeq the test saw before the kill. The seed is printed, and
// TANDEM_KILL_SEED=<seed> replays a run; TANDEM_KILL_ROUNDS sets the rounds.
// Kills are timed, so a seed does not fix their moments: what a failing
// round found on disk is therefore kept (the profile's IndexedDB folder as the
// kill left it, the rounds' log and Chromium's output) in
// build/e2e/kill-failure, and TANDEM_KILL_REPLAY=<that folder> opens it again.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { root, startRunScript, chromiumArgs, openTandem, click, waitForState, screenshot } from "./browser.mjs";

const rounds = Number(process.env.TANDEM_KILL_ROUNDS || 24);
const seed = Number(process.env.TANDEM_KILL_SEED || Date.now() % 1_000_000);

// A small seeded generator (mulberry32), so that a failing run can be replayed.
function random(state) {
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

let server;
let url;
let profileDir;
before(async () => {
  server = startRunScript();
  url = await server.url;
  profileDir = mkdtempSync(join(tmpdir(), "tandem-kill-"));
});
after(async () => {
  await server?.stop();
  if (profileDir) {
    rmSync(profileDir, { recursive: true, force: true });
    rmSync(`${profileDir}-snapshot`, { recursive: true, force: true });
  }
});

const failureDir = join(root, "build", "e2e", "kill-failure");
const indexedDbDir = () => join(profileDir, "Default", "IndexedDB");

// The files under `dir` with their sizes, one per line.
function listing(dir, prefix = "") {
  if (!existsSync(dir)) return `${prefix}(none)\n`;
  let text = "";
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    const info = statSync(path);
    text += info.isDirectory() ? listing(path, `${prefix}${name}/`) : `${prefix}${name} ${info.size}\n`;
  }
  return text;
}

// Whether a process of group `group` is still running (Linux): one that has
// ended but is not yet reaped (a zombie) holds nothing any more.
function groupRunning(group) {
  for (const pid of readdirSync("/proc")) {
    if (!/^\d+$/.test(pid)) continue;
    let stat;
    try { stat = readFileSync(`/proc/${pid}/stat`, "utf8"); } catch { continue; }
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");  // state, ppid, pgrp, ...
    if (Number(fields[2]) === group && fields[0] !== "Z" && fields[0] !== "X") return true;
  }
  return false;
}

// Starts Chromium on the profile folder in a process group of its own and
// connects to it; resolves {browser, kill, output}.
async function startChromium() {
  const child = spawn(process.env.TANDEM_CHROMIUM || "/usr/bin/chromium", [
    ...chromiumArgs, "--headless", "--no-sandbox", `--user-data-dir=${profileDir}`,
    "--remote-debugging-port=0", "--window-size=1366,768", "about:blank",
  ], { stdio: ["ignore", "ignore", "pipe"], detached: true });
  const exited = new Promise((resolve) => child.once("exit", resolve));
  let output = "";
  child.stderr.on("data", (chunk) => { output = (output + chunk).slice(-20_000); });
  const endpoint = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Chromium gave no DevTools address:\n${output}`)), 30_000);
    child.stderr.on("data", () => {
      const match = output.match(/DevTools listening on (ws:\/\/\S+)/);
      if (match) { clearTimeout(timer); resolve(match[1]); }
    });
    child.once("exit", (code) => { clearTimeout(timer); reject(new Error(`Chromium exited (${code}):\n${output}`)); });
  });
  const browser = await chromium.connectOverCDP(endpoint);
  // A restart after a crash comes once every process of the browser has ended.
  const kill = async () => {
    try { process.kill(-child.pid, "SIGKILL"); } catch { /* already gone */ }
    await exited;
    for (let waited = 0; waited < 10_000 && groupRunning(child.pid); waited += 20)
      await new Promise((resolve) => setTimeout(resolve, 20));
  };
  return { browser, kill, output: () => output };
}

// `promise`, or `otherwise` after `ms`: a call into a page that is being
// reloaded while its browser is killed may never answer.
const within = (promise, ms, otherwise) => Promise.race([
  promise.catch(() => otherwise),
  new Promise((resolve) => setTimeout(() => resolve(otherwise), ms)),
]);

// Presses Lock and watches the page until `dead()`: true once the lock got
// as far as the list of profiles (so everything before it was saved).
async function lockUntilKilled(page, dead) {
  if (await within(click(page, "Lock").then(() => true), 5_000, false) === false) return false;
  while (!dead()) {
    const state = page.evaluate(() => window.tandem?.test?.state().vault === "choosing");
    if (await within(state, 500, false)) return true;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return false;
}

async function openRecords(browser) {
  const context = browser.contexts()[0];
  const page = context.pages()[0] || await context.newPage();
  await page.setViewportSize({ width: 1366, height: 768 });
  await openTandem(page, url);
  return page;
}

// A round that never ends fails the test rather than holding the whole run.
test(`${rounds} kills at random moments lose no saved edit and corrupt nothing (seed ${seed})`,
     { timeout: (2 + rounds) * 30_000 }, async () => {
  const next = random(seed);
  let expected = "";  // the name that must be there: the highest saved edit so far
  let history = [""];  // every name the field went through since `expected`, in order
  let lastCommitted = "";  // the newest name seen committed in memory before the kill
  const counts = { whileOpening: 0, whileTyping: 0, whileLocking: 0, locksDone: 0, unsavedLost: 0 };
  const log = [];
  let lastOutput = "";
  const snapshotDir = `${profileDir}-snapshot`;
  // Keeps what this round found on disk, and says where.
  const keepFailure = (round, found) => {
    rmSync(failureDir, { recursive: true, force: true });
    mkdirSync(failureDir, { recursive: true });
    if (existsSync(snapshotDir)) cpSync(snapshotDir, join(failureDir, "IndexedDB"), { recursive: true });
    writeFileSync(join(failureDir, "report.txt"),
      `seed ${seed}, round ${round}\nopened: ${JSON.stringify(found)}\n\n${log.join("\n")}\n\n` +
      `IndexedDB as the kill left it:\n${listing(snapshotDir)}\nIndexedDB now:\n${listing(indexedDbDir())}\n` +
      `Chromium before the kill:\n${lastOutput}\n`);
    // What tells a lost save from a lost database, in the test's own output.
    return `${failureDir}\nopened: ${JSON.stringify(found)}\nthe last rounds:\n${log.slice(-3).join("\n")}\n` +
           `IndexedDB as the kill left it:\n${listing(snapshotDir)}IndexedDB now:\n${listing(indexedDbDir())}`;
  };
  for (let round = 0; round <= rounds; ++round) {
    rmSync(snapshotDir, { recursive: true, force: true });
    if (existsSync(indexedDbDir())) cpSync(indexedDbDir(), snapshotDir, { recursive: true });
    const { browser, kill, output } = await startChromium();
    try {
      const context = `round ${round} (seed ${seed})`;
      if (round > 0 && round < rounds && next() < 0.2) {
        // Killed while the page is still opening and reading the records.
        const page = browser.contexts()[0].pages()[0] || await browser.contexts()[0].newPage();
        page.goto(`${url}?test=1`).catch(() => {});
        await new Promise((resolve) => setTimeout(resolve, 100 + next() * 1500));
        await kill();
        counts.whileOpening++;
        log.push(`round ${round}: killed while opening`);
        continue;
      }
      const page = await openRecords(browser);
      const opened = await waitForState(page, (s) => s.saveStatus === "saved", 30_000);
      const integrity = await page.evaluate(() => window.tandem.test.integrityCheck());
      if (integrity !== "ok") assert.fail(`${context}: integrity "${integrity}"; kept in ${keepFailure(round, opened)}`);
      // What was saved must be there; what came after it may be, in order.
      const at = history.lastIndexOf(opened.profile.name);
      if (!(at >= 0 && at >= history.indexOf(expected))) {
        opened.storageDataLoss = await page.evaluate(() => window.tandem.test.storageDataLoss());
        assert.fail(`${context}: found "${opened.profile.name}", expected "${expected}" or a later edit; ` +
                    `what was found is kept in ${keepFailure(round, opened)}`);
      }
      if (at < history.lastIndexOf(lastCommitted)) counts.unsavedLost++;
      if (round === rounds) {
        await screenshot(page, "kill-last-round");
        break;
      }
      expected = opened.profile.name;
      lastCommitted = expected;
      history = [expected];

      if (opened.screen !== "settings") {
        await click(page, "Settings");
        await waitForState(page, (s) => s.screen === "settings");
      }
      await click(page, "Your name");
      await page.waitForFunction(() => document.activeElement?.id === "tandem-text-input");
      await page.keyboard.press("Control+A");

      // Types until killed; each keystroke is one edit, and each poll of
      // state() pairs a commit's sequence number with the name it stored.
      const typed = `Round ${round} ${"abcdefghijklmnopqrstuvwxyz".repeat(2)}`;
      const killAfter = 150 + next() * 2500;
      const started = Date.now();
      const names = new Map();
      let savedSeq = 0;
      let dead = false;
      const killed = new Promise((resolve) => setTimeout(resolve, killAfter)).then(kill).then(() => { dead = true; });
      // A quarter of the rounds press Lock part way: a kill may then cut the
      // lock short, and a lock that got as far as the list of profiles has
      // saved every edit made before it.
      const lockAfterKeys = next() < 0.25 ? 1 + Math.floor(next() * 6) : -1;
      let lockedFully = false;
      for (let i = 0; i < typed.length && !dead && Date.now() - started < killAfter; ++i) {
        if (i === lockAfterKeys) {
          lockedFully = await lockUntilKilled(page, () => dead);
          break;
        }
        // A keystroke may reach the page even when the kill cuts off its
        // answer, so the name it makes counts from the moment it is sent.
        history.push(typed.slice(0, i + 1));
        try {
          await page.keyboard.type(typed[i]);
          // An answer that arrives was given before the kill, so it is certain.
          const state = await page.evaluate(() => window.tandem.test.state());
          names.set(state.lastCommitSeq, state.profile.name);
          lastCommitted = state.profile.name;
          savedSeq = Math.max(savedSeq, state.lastSavedSeq);
        } catch {
          break;  // the browser is gone
        }
      }
      await killed;
      if (lockedFully) counts.locksDone++;
      if (lockAfterKeys >= 0 && history.length - 1 >= lockAfterKeys) counts.whileLocking++;
      else counts.whileTyping++;
      // The newest name known to belong to a saved commit.
      const known = [...names.keys()].filter((seq) => seq <= savedSeq);
      if (known.length > 0) expected = names.get(Math.max(...known));
      if (lockedFully) {
        expected = lastCommitted;
        history = [expected];
      }
      log.push(`round ${round}: opened ${JSON.stringify(opened)}; killed after ${killAfter.toFixed(0)} ms, ` +
               `${history.length - 1} keys sent, saved seq ${savedSeq}, commits ${JSON.stringify([...names])}, ` +
               `${lockAfterKeys >= 0 ? `Lock after ${lockAfterKeys} keys${lockedFully ? ", done" : ""}, ` : ""}` +
               `expecting "${expected}"`);
    } finally {
      lastOutput = output();
      await kill();
      await within(browser.close(), 5_000, undefined);
    }
  }
  console.log(`kill test: ${counts.whileTyping} kills while typing (${counts.unsavedLost} took edits not yet ` +
              `saved, as they may), ${counts.whileLocking} after Lock (${counts.locksDone} once it was done), ` +
              `${counts.whileOpening} while opening; seed ${seed}`);
});
