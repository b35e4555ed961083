// Two profiles in two browser contexts exchange bundles through the real
// download and the real file input: the coach sends a pairing locked with a
// passphrase, the coachee opens it with that passphrase alone, says who they
// are, takes the records in and sees the coach's words in the meeting; their
// answer proves to the coach that they had the passphrase.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  useAppServer, openApp, addPeople, click, item, scrollTo, settle, waitForState, waitForWidget, startGrowPairing,
  screenshot,
} from "./browser.mjs";

const app = useAppServer();
const passphrase = "maple harbour seven lanterns";

async function typeInto(page, label, text) {
  await scrollTo(page, label);
  await click(page, label);
  await page.keyboard.type(text);
  await waitForWidget(page, `(i) => i.label === ${JSON.stringify(label)} && i.value === ${JSON.stringify(text)}`);
}

// The coach's side of sending: Send to your partner, a passphrase (the
// screen then saved as `shot`, if given), Save the file.
async function sendLocked(page, shot) {
  await click(page, "Pairings");
  await waitForState(page, (s) => s.screen === "pairings");
  await scrollTo(page, "Send to your partner\u2026");
  await click(page, "Send to your partner\u2026");
  await waitForState(page, (s) => s.screen === "share" && !s.share.importing);
  await typeInto(page, "Passphrase", passphrase);
  if (shot) {
    await settle(page);
    await screenshot(page, shot);
  }
  const downloaded = page.waitForEvent("download");
  await click(page, "Save the file");
  const download = await downloaded;
  return { name: download.suggestedFilename(), bytes: readFileSync(await download.path()) };
}

// The coachee's side: Open a file, the passphrase, and the stage it reaches.
async function openLocked(page, file, typed = passphrase) {
  await click(page, "Pairings");
  await waitForState(page, (s) => s.screen === "pairings");
  const chooser = page.waitForEvent("filechooser");
  await click(page, "Open a file\u2026");
  await (await chooser).setFiles({ name: file.name, mimeType: "application/octet-stream", buffer: file.bytes });
  await waitForState(page, (s) => s.share?.stage === "passphrase");
  await typeInto(page, "Passphrase", typed);
  await click(page, "Open");
  return waitForState(page, (s) => (s.share.stage !== "passphrase" || s.share.text !== "") && s.share.stage !== "working",
                      30_000);
}

// Takes in the file previewed: Yes, that is me (when asked), then Take these records in.
async function takeIn(page) {
  if ((await page.evaluate(() => window.tandem.test.state())).share.asksWhoYouAre) {
    await scrollTo(page, "Yes, that is me");
    await click(page, "Yes, that is me");
  }
  await waitForWidget(page, `(i) => i.label === "Take these records in" && i.enabled`);
  await scrollTo(page, "Take these records in");
  await click(page, "Take these records in");
  return waitForState(page, (s) => s.share.stage === "done");
}

test("a bundle goes from coach to coachee through a real download and file input, and the coachee sees the coach's words", async () => {
  const coach = await openApp(app, { acceptDownloads: true });
  const coachee = await openApp(app);

  // The coach records a meeting and sends the pairing, locked with a passphrase.
  await startGrowPairing(coach.page);
  await click(coach.page, "Record a meeting");
  await waitForState(coach.page, (s) => s.screen === "meeting");
  await typeInto(coach.page, "Goal", "Smoother starts to lessons");
  await scrollTo(coach.page, "Back to the pairing");
  await click(coach.page, "Back to the pairing");
  const { name, bytes } = await sendLocked(coach.page, "exchange-send");
  // The name says when, never who.
  assert.match(name, /^tandem-\d{4}-\d\d-\d\d\.tandem$/);
  assert.deepEqual([...bytes.subarray(0, 8)], [0x89, 0x54, 0x41, 0x4e, 0x44, 0x45, 0x4d, 0x0a]);
  await waitForState(coach.page, (s) => s.share.written.startsWith("Saved "));

  // The coachee, a new profile, opens it with the file picker.
  await addPeople(coachee.page, "Sam");
  await click(coachee.page, "Pairings");
  await waitForState(coachee.page, (s) => s.screen === "pairings");
  const chooser = coachee.page.waitForEvent("filechooser");
  await click(coachee.page, "Open a file\u2026");
  await (await chooser).setFiles({ name, mimeType: "application/octet-stream", buffer: bytes });
  await waitForState(coachee.page, (s) => s.share?.stage === "passphrase");
  await typeInto(coachee.page, "Passphrase", passphrase);
  await click(coachee.page, "Open");
  // The key is made in a worker (over half a second): the page keeps drawing
  // its progress bar meanwhile, frame after frame.
  const framesWhileWorking = await coachee.page.evaluate(async () => {
    const test = window.tandem.test;
    const deadline = Date.now() + 60_000;
    const waitWhile = async (stage, then) => {
      while (test.state().share.stage === stage) {
        if (Date.now() > deadline) throw new Error(`the file was still at the ${stage} stage after 60 s`);
        then();
        await new Promise((r) => setTimeout(r, 5));
      }
    };
    await waitWhile("passphrase", () => {});
    const first = test.frames();
    let last = first;
    await waitWhile("working", () => { last = test.frames(); });
    return last - first;
  });
  assert.ok(framesWhileWorking >= 3, `only ${framesWhileWorking} frames were drawn while the key was made`);
  // The passphrase alone vouches for the coach's keys: no fingerprint to compare.
  const preview = await waitForState(coachee.page, (s) => s.share.stage === "preview", 30_000);
  assert.equal(preview.share.title, "From Ana Kowalska");
  assert.match(preview.share.trustNote, /^It opened with the passphrase you agreed/);
  assert.equal(preview.share.summary, "New: 1 meeting, the pairing and 2 people.");
  assert.deepEqual(preview.share.leftOut, []);
  await settle(coachee.page);
  await screenshot(coachee.page, "exchange-preview");
  await scrollTo(coachee.page, "Yes, that is me");
  await click(coachee.page, "Yes, that is me");
  // Enabled once the frame after both answers is drawn.
  await waitForWidget(coachee.page, `(i) => i.label === "Take these records in" && i.enabled`);
  await scrollTo(coachee.page, "Take these records in");
  await click(coachee.page, "Take these records in");
  const done = await waitForState(coachee.page, (s) => s.share.stage === "done");
  assert.equal(done.share.title, "Taken in from Ana Kowalska");
  assert.equal(done.counts.meetings, 1);
  assert.equal(done.profile.name, "Sam Patel");
  await settle(coachee.page);
  await screenshot(coachee.page, "exchange-done");

  // The coach's words, in the coachee's copy of the meeting.
  await click(coachee.page, "Back to the pairing");
  await waitForState(coachee.page, (s) => s.screen === "pairings");
  const row = (await (async () => {
    await waitForWidget(coachee.page, `(i) => i.role === "list-item" && i.label === "Ana Kowalska coaching Sam Patel"`);
    return item(coachee.page, "Ana Kowalska coaching Sam Patel");
  })());
  await coachee.page.mouse.click(row.x + row.w / 2, row.y + row.h / 2);
  await waitForWidget(coachee.page, `(i) => i.role === "list-item" && i.label.startsWith("Meeting")`);
  const meeting = (await coachee.page.evaluate(() => window.tandem.test.items()))
    .find((i) => i.role === "list-item" && i.label.startsWith("Meeting"));
  await coachee.page.mouse.click(meeting.x + meeting.w / 2, meeting.y + meeting.h / 2);
  await waitForState(coachee.page, (s) => s.screen === "meeting");
  // Sam's screen, not the coach's: no stance, no Delete for the coach's meeting.
  await waitForWidget(coachee.page, `(i) => i.label === "Kind of meeting"`);
  const onScreen = await coachee.page.evaluate(() => window.tandem.test.items());
  assert.ok(onScreen.some((i) => i.label === "Back to the pairing"));
  assert.ok(!onScreen.some((i) => i.label === "Your stance"), "the coachee is shown the coach's stance");
  assert.ok(!onScreen.some((i) => i.label === "Delete meeting"), "the coachee can delete the coach's meeting");
  // The coach's words, to read; the shared notes, written by both.
  await scrollTo(coachee.page, "Goal");
  const goal = await item(coachee.page, "Goal");
  assert.equal(goal.value, "Smoother starts to lessons");
  assert.equal(goal.role, "label");
  await typeInto(coachee.page, "Shared notes", "I will try it on Monday");
  await settle(coachee.page);
  await screenshot(coachee.page, "exchange-coachee-meeting");

  // Sam answers, sealed to Ana's key: no passphrase to choose.
  await scrollTo(coachee.page, "Back to the pairing");
  await click(coachee.page, "Back to the pairing");
  await waitForState(coachee.page, (s) => s.screen === "pairings");
  const answered = coachee.page.waitForEvent("download");
  await scrollTo(coachee.page, "Send to your partner\u2026");
  await click(coachee.page, "Send to your partner\u2026");
  await waitForState(coachee.page, (s) => s.screen === "share" && !s.share.importing);
  assert.ok(!(await coachee.page.evaluate(() => window.tandem.test.items())).some((i) => i.label === "Passphrase"),
            "the answer asks for a passphrase");
  await click(coachee.page, "Save the file");
  const answer = await answered;
  const reply = { name: answer.suggestedFilename(), bytes: readFileSync(await answer.path()) };

  // Ana opens it: the answer proves Sam had the passphrase, so no fingerprint, no passphrase.
  await click(coach.page, "Pairings");
  await waitForState(coach.page, (s) => s.screen === "pairings");
  const coachChooser = coach.page.waitForEvent("filechooser");
  await scrollTo(coach.page, "Open a file\u2026");
  await click(coach.page, "Open a file\u2026");
  await (await coachChooser).setFiles({ name: reply.name, mimeType: "application/octet-stream", buffer: reply.bytes });
  const fromSam = await waitForState(coach.page, (s) => s.share?.stage === "preview" || s.share?.stage === "refused" ||
                                                         s.share?.stage === "verify");
  assert.equal(fromSam.share.stage, "preview");
  assert.equal(fromSam.share.title, "From Sam Patel");
  assert.match(fromSam.share.trustNote, /^Sam Patel answered with the passphrase you gave them/);
  assert.match(fromSam.share.summary, /^Changed: 1 meeting\b/);
  await settle(coach.page);
  await screenshot(coach.page, "exchange-answer");
  await takeIn(coach.page);

  assert.deepEqual(coach.errors, []);
  assert.deepEqual(coachee.errors, []);
  await coach.context.close();
  await coachee.context.close();
});

// The project's own reader, built for Node with the wasm tests.
const bundleContents = new URL("../../build/web/tests/bundle_contents.js", import.meta.url).pathname;

test("a shared meeting written and deleted before sending leaves no trace of its words in the file saved", async () => {
  const coach = await openApp(app, { acceptDownloads: true });
  await startGrowPairing(coach.page);
  await click(coach.page, "Record a meeting");
  await waitForState(coach.page, (s) => s.screen === "meeting");
  const words = "Sam cried in the staff room";
  await typeInto(coach.page, "Shared notes", words);
  await waitForState(coach.page, (s) => s.saveStatus === "saved");
  await scrollTo(coach.page, "Delete meeting", { delta: -240 });
  await click(coach.page, "Delete meeting");
  await waitForState(coach.page, (s) => s.screen === "pairings" && s.counts.meetings === 0);
  const { bytes } = await sendLocked(coach.page);

  const folder = mkdtempSync(join(tmpdir(), "tandem-bundle-"));
  try {
    const file = join(folder, "sent.tandem");
    writeFileSync(file, bytes);
    const printed = execFileSync("node", [bundleContents, file, passphrase], { encoding: "utf8" });
    const records = printed.split("\n").filter((line) => line.startsWith("record "));
    const meetings = records.filter((line) => line.startsWith("record meeting "));
    assert.equal(meetings.length, 1, printed);
    assert.match(meetings[0], / deleted bare$/);
    const content = Buffer.from(printed.split("\n").find((line) => line.startsWith("content ")).slice(8), "hex");
    assert.ok(content.length > 100, "the content was read");
    assert.ok(!content.includes(Buffer.from(words)), "the deleted meeting's words are in the file");
    assert.ok(!content.includes(Buffer.from("staff room")), "part of the deleted meeting's words is in the file");
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
  assert.deepEqual(coach.errors, []);
  await coach.context.close();
});

test("a change the coach made to the coachee's own details is left out, and the preview says so", async () => {
  const coach = await openApp(app, { acceptDownloads: true });
  const coachee = await openApp(app);
  await startGrowPairing(coach.page);
  await addPeople(coachee.page, "Sam");
  assert.equal((await openLocked(coachee.page, await sendLocked(coach.page))).share.stage, "preview");
  const first = await takeIn(coachee.page);
  assert.equal(first.profile.name, "Sam Patel");

  // The coach changes Sam's name, which only Sam changes, and Sam's subject, which a partner may.
  await click(coach.page, "People");
  await click(coach.page, "Sam Patel");
  await typeInto(coach.page, "Subject or year group", "Geography");
  await scrollTo(coach.page, "Name");
  await click(coach.page, "Name");
  await coach.page.keyboard.press("End");
  await coach.page.keyboard.type("son");
  await waitForWidget(coach.page, `(i) => i.label === "Name" && i.value === "Sam Patelson"`);
  const second = await openLocked(coachee.page, await sendLocked(coach.page));
  assert.equal(second.share.stage, "preview");  // keys checked at first contact: read at once
  assert.deepEqual(second.share.leftOut, ["1 change to your own name and details: only you change them"]);
  await settle(coachee.page);
  await screenshot(coachee.page, "exchange-left-out");
  await scrollTo(coachee.page, "Take these records in");
  await click(coachee.page, "Take these records in");
  await waitForState(coachee.page, (s) => s.share.stage === "done");
  // Stopping trusting the coach, then trusting them again, which asks for the comparison first.
  await click(coachee.page, "Settings");
  await waitForState(coachee.page, (s) => s.screen === "settings");
  await scrollTo(coachee.page, "Stop trusting Ana Kowalska");
  await click(coachee.page, "Stop trusting Ana Kowalska");
  await scrollTo(coachee.page, "Trust Ana Kowalska again\u2026");
  await click(coachee.page, "Trust Ana Kowalska again\u2026");
  await scrollTo(coachee.page, "The fingerprints match");
  await settle(coachee.page);
  await screenshot(coachee.page, "exchange-trust-again");
  await click(coachee.page, "The fingerprints match");
  await scrollTo(coachee.page, "Stop trusting Ana Kowalska");
  await scrollTo(coachee.page, "Download a copy");
  await settle(coachee.page);
  await screenshot(coachee.page, "exchange-settings-after");
  assert.deepEqual(coach.errors, []);
  assert.deepEqual(coachee.errors, []);
  await coach.context.close();
  await coachee.context.close();
});

test("a wrong passphrase opens nothing and takes nothing in; the right one then does", async () => {
  const coach = await openApp(app, { acceptDownloads: true });
  const coachee = await openApp(app);
  await startGrowPairing(coach.page);
  await addPeople(coachee.page, "Sam");
  const file = await sendLocked(coach.page);
  const wrong = await openLocked(coachee.page, file, "maple harbour seven lantern");
  assert.equal(wrong.share.stage, "passphrase");
  assert.match(wrong.share.text, /^That is not the passphrase/);
  assert.equal(wrong.share.summary, "");
  assert.equal(wrong.counts.pairings, 0);
  await settle(coachee.page);
  await screenshot(coachee.page, "exchange-wrong-passphrase");
  // The right one, typed over the wrong one.
  await click(coachee.page, "Passphrase");
  await coachee.page.keyboard.press("Control+A");
  await coachee.page.keyboard.type(passphrase);
  await waitForWidget(coachee.page, `(i) => i.label === "Passphrase" && i.value === ${JSON.stringify(passphrase)}`);
  await click(coachee.page, "Open");
  await waitForState(coachee.page, (s) => s.share.stage === "preview", 30_000);
  const done = await takeIn(coachee.page);
  assert.equal(done.counts.pairings, 1);
  assert.deepEqual(coach.errors, []);
  assert.deepEqual(coachee.errors, []);
  await coach.context.close();
  await coachee.context.close();
});
