// The coaching workflow end to end, through the real UI with real clicks and
// typing: two people and a pairing; a GROW meeting with a private note; an
// action step from the library; a lesson visit with three timestamped notes
// and a tally; a reflection; search finding a word from each; and after a
// reload, all of it there with the private note still marked private.
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  useAppServer, openApp, openTandem, click, item, hook, settle, scrollTo, waitForState, waitForWidget,
  startGrowPairing, screenshot,
} from "./browser.mjs";

const app = useAppServer();

const listItem = (label) => `(i) => i.role === "list-item" && i.label.startsWith(${JSON.stringify(label)})`;

async function clickListItem(page, prefix) {
  await scrollTo(page, (i) => i.role === "list-item" && i.label.startsWith(prefix));
  const row = (await hook(page, "items")).find((i) => i.role === "list-item" && i.label.startsWith(prefix));
  await page.mouse.click(row.x + row.w / 2, row.y + row.h / 2);
}

async function typeInto(page, label, text) {
  await scrollTo(page, label);
  await click(page, label);
  await page.keyboard.type(text);
  await waitForWidget(page, `(i) => i.label === ${JSON.stringify(label)} && i.value === ${JSON.stringify(text)}`);
}

// Replaces the search text with `word` and waits for a result titled `title`.
async function searchFor(page, word, title) {
  await page.keyboard.press("Control+A");
  await page.keyboard.type(word);
  await waitForWidget(page, listItem(`${title} \u00b7 Sam Patel`));
}

// Each of `notes` is shown under a time of day, scrolling to it.
async function assertNotes(page, notes) {
  for (const note of notes) {
    const shown = await scrollTo(page, (i) => i.role === "input" && i.value === note);
    assert.match(shown.label, /^\d+ min in \u00b7 \d\d:\d\d$/);
  }
}

async function backToPairing(page) {
  await scrollTo(page, "Back to the pairing");
  await click(page, "Back to the pairing");
  await waitForState(page, (s) => s.screen === "pairings");
}

test("a coaching cycle is recorded through the real UI, found by search, and kept", async () => {
  const { context, page, errors } = await openApp(app);
  await startGrowPairing(page);

  // A GROW meeting with a private note.
  await click(page, "Record a meeting");
  const meeting = await waitForState(page, (s) => s.screen === "meeting");
  await typeInto(page, "Goal", "Smoother starts to lessons");
  await typeInto(page, "Will", "Entry routine from Monday");
  await typeInto(page, "Private note", "I rushed the options; slow down");

  // An action step from the library: a word typed narrows it, a click sets it.
  await typeInto(page, "Find a step in the library", "wait time");
  await clickListItem(page, "Give thinking time");
  await waitForState(page, (s) => s.counts.actionSteps === 1);
  await scrollTo(page, "The step");
  const step = await item(page, "The step");
  assert.ok(step.value.length > 10, "the library's wording is copied into the step");
  await settle(page);
  await screenshot(page, "workflow-meeting-step");
  await backToPairing(page);

  // A lesson visit: three timestamped notes (Enter keeps the field) and a tally.
  await click(page, "Visit a lesson");
  await waitForState(page, (s) => s.screen === "observation");
  await typeInto(page, "Focus of the visit", "Wait time");
  await click(page, "What you see or hear");
  const notes = ["T asks, waits three seconds", "Six hands up", "Cold call answered fully"];
  for (const note of notes) {
    await page.keyboard.type(note);
    await page.keyboard.press("Enter");
    await waitForWidget(page, `(i) => i.role === "input" && i.value === ${JSON.stringify(note)} && /^\\d+ min in \\u00b7 \\d\\d:\\d\\d$/.test(i.label)`);
  }
  await click(page, "Count something new");
  await page.keyboard.type("Cold calls");
  await page.keyboard.press("Enter");
  await click(page, "Cold calls");
  await waitForWidget(page, `(i) => i.label === "Cold calls" && i.value === "1"`);
  await click(page, "Cold calls");
  await waitForWidget(page, `(i) => i.label === "Cold calls" && i.value === "2"`);
  await settle(page);
  await screenshot(page, "workflow-observation");
  await assertNotes(page, notes);
  await backToPairing(page);

  // A reflection.
  await click(page, "Write a reflection");
  await waitForState(page, (s) => s.screen === "reflection");
  await typeInto(page, "Your reflection", "Quieter students answered when given time");
  await waitForState(page, (s) => s.screen === "reflection" && /^[0-9a-f]{32}$/.test(s.recordId ?? ""));
  // Written, not sent yet: who reads it can still change, either way.
  await click(page, "Only for me");
  await waitForWidget(page, `(i) => i.role === "label" && i.label === "Private to you"`);
  await settle(page);
  await screenshot(page, "workflow-reflection-private");
  await click(page, "Shared with Sam Patel");
  await waitForWidget(page, `(i) => i.label === "Shared with Sam Patel" && i.value === true`);
  await settle(page);
  await screenshot(page, "workflow-reflection");

  // Search finds a word from each, opened with Ctrl+K and left with Esc.
  await page.keyboard.press("Control+K");
  await waitForState(page, (s) => s.screen === "search");
  await waitForWidget(page, `(i) => i.label === "Search for"`);
  const stepWord = step.value.split(/[^A-Za-z]+/).find((w) => w.length >= 7);
  for (const [word, title] of [["smoother", "Meeting"], ["slow", "Your private note"], [stepWord, "Action step"],
    ["hands", "Lesson visit note"], ["quieter", "Reflection"]]) {
    await searchFor(page, word, title);
  }
  await settle(page);
  await screenshot(page, "workflow-search");
  await page.keyboard.press("Escape");
  await waitForState(page, (s) => s.screen === "reflection");

  await waitForState(page, (s) => s.saveStatus === "saved");
  const before = await hook(page, "state");
  assert.deepEqual(before.counts, { people: 2, pairings: 1, meetings: 1, actionSteps: 1, notes: 1 });

  // After a reload everything is there, and the private note is marked private.
  await page.reload();
  await openTandem(page);
  const after = await waitForState(page, (s) => s.saveStatus === "saved");
  assert.deepEqual(after.counts, before.counts);
  await click(page, "Ana Kowalska coaching Sam Patel");
  await clickListItem(page, "Meeting on ");
  await waitForState(page, (s) => s.screen === "meeting" && s.recordId === meeting.recordId);
  await scrollTo(page, "The step");
  assert.equal((await item(page, "The step")).value, step.value);
  await scrollTo(page, "Private note");
  const privateNote = await item(page, "Private note");
  assert.equal(privateNote.value, "I rushed the options; slow down");
  const mark = (await hook(page, "items")).find((i) => i.role === "label" && i.label === "Private to you");
  assert.ok(mark && mark.y < privateNote.y && privateNote.y - mark.y < 120, "the private note is marked private");
  await backToPairing(page);
  await clickListItem(page, "Lesson visit on ");
  await waitForWidget(page, `(i) => i.label === "Cold calls" && i.value === "2"`);
  await assertNotes(page, notes);
  await backToPairing(page);
  await clickListItem(page, "Your reflection on ");
  await waitForWidget(page, `(i) => i.label === "Your reflection" && i.value === "Quieter students answered when given time"`);
  await page.keyboard.press("Control+K");
  await waitForWidget(page, `(i) => i.label === "Search for"`);
  await searchFor(page, "slow", "Your private note");
  // The keyboard alone opens a result: Down to it, then Enter.
  await page.keyboard.press("ArrowDown");
  await waitForWidget(page, `(i) => i.role === "list-item" && i.label.startsWith("Your private note") && i.value === true`);
  await page.keyboard.press("Enter");
  await waitForState(page, (s) => s.screen === "meeting" && s.recordId === meeting.recordId);
  assert.deepEqual(errors, []);
  await context.close();
});
