// No keystroke is lost: Tab and Shift+Tab walk the meeting form's text
// fields in reading order, paragraphs included, typing at once after each
// Tab; the note shortcut (Ctrl+J) scrolls to the shared notes and the keys
// go there; a key held is pressed once, however slow the frames.
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  useAppServer, openApp, click, waitForState, waitForWidget, itemNow, currentFrame, scrollTo, startGrowPairing,
} from "./browser.mjs";

const app = useAppServer();

// Waits for the field labelled `label` to hold `value` in the frame drawn.
const fieldHolds = (page, label, value) =>
  waitForWidget(page, `(i) => i.label === ${JSON.stringify(label)} && i.value === ${JSON.stringify(value)}`);

// The label of the text field that has the keyboard, once the app has settled.
async function focusedField(page) {
  return page.evaluate(() => window.tandem.test.items().keyboard);
}

// A new meeting of a GROW pairing, its length typed over with `length`.
async function meetingOfLength(page, length) {
  await startGrowPairing(page);
  await click(page, "Record a meeting");
  await waitForState(page, (s) => s.screen === "meeting");
  await currentFrame(page);
  await click(page, "Length (minutes)");
  await page.keyboard.press("Control+A");
  await page.keyboard.type(length);
  await fieldHolds(page, "Length (minutes)", length);
}

test("Tab and Shift+Tab walk the meeting form in reading order and lose no character", async () => {
  const { context, page, errors } = await openApp(app);
  await meetingOfLength(page, "45");

  // Each Tab is followed at once by typing, as a quick typist does: the
  // drop-downs between are passed over, the paragraphs are not.
  const walk = [
    ["Next meeting", "2026-12-21"],
    ["Goal", "Calm starts"],
    ["Reality", "Six minutes to settle"],
    ["Options", "Task on the board"],
    ["Will", "Try it on Monday"],
  ];
  for (const [label, text] of walk) {
    await page.keyboard.press("Tab");
    await page.keyboard.type(text);
    await fieldHolds(page, label, text);
    await currentFrame(page);
    assert.equal(await focusedField(page), label, `Tab went to ${label}`);
  }

  // Shift+Tab goes back a field, and what is typed is added at its end.
  await page.keyboard.press("Shift+Tab");
  await page.keyboard.type(", every lesson");
  await fieldHolds(page, "Options", "Task on the board, every lesson");
  await page.keyboard.press("Shift+Tab");
  await page.keyboard.press("Shift+Tab");
  await page.keyboard.type(" at first");
  await fieldHolds(page, "Goal", "Calm starts at first");
  for (const [label, text] of [["Reality", "Six minutes to settle"], ["Will", "Try it on Monday"],
                               ["Length (minutes)", "45"]])
    assert.equal((await scrollTo(page, label)).value, text, `${label} kept what was typed`);
  // The date typed, stored and shown as people read dates.
  assert.match((await scrollTo(page, "Next meeting")).value, /^Mon 21 Dec( 2026)?$/);

  await waitForState(page, (s) => s.saveStatus === "saved");
  assert.deepEqual(errors, []);
  await context.close();
});

test("a key held while the computer is slow acts once, and the browser's own repeat acts again", async () => {
  const { context, page, errors } = await openApp(app);
  await meetingOfLength(page, "456");

  // A second keydown of a key still down is the browser repeating it.
  await page.keyboard.down("Backspace");
  await page.keyboard.down("Backspace");
  await page.keyboard.up("Backspace");
  await fieldHolds(page, "Length (minutes)", "4");

  // Tab stays down while a frame is drawn half a second later, as when the
  // laptop stalls between the key's press and release: still one Tab.
  await page.keyboard.down("Tab");
  await new Promise((resolve) => setTimeout(resolve, 500));
  await page.mouse.move(5, 5);
  await currentFrame(page);
  await page.keyboard.up("Tab");
  await currentFrame(page);
  assert.equal(await focusedField(page), "Next meeting");
  assert.deepEqual(errors, []);
  await context.close();
});

test("Ctrl+J goes to the meeting's shared notes, scrolled into view, and the keys go there", async () => {
  const { context, page, errors } = await openApp(app);
  await startGrowPairing(page);
  await click(page, "Record a meeting");
  await waitForState(page, (s) => s.screen === "meeting");
  await click(page, "Goal");
  await page.keyboard.type("Calm");
  await fieldHolds(page, "Goal", "Calm");

  await page.keyboard.press("Control+J");
  await page.keyboard.type("Agreed to try the board task.");
  await fieldHolds(page, "Shared notes", "Agreed to try the board task.");
  await currentFrame(page);
  assert.equal(await focusedField(page), "Shared notes");
  const notes = await itemNow(page, "Shared notes");
  const height = page.viewportSize().height;
  assert.ok(notes.y >= 0 && notes.y + notes.h <= height, `the shared notes are in view (${notes.y}, ${notes.h})`);
  assert.equal((await scrollTo(page, "Goal")).value, "Calm", "the field left keeps its text");

  await waitForState(page, (s) => s.saveStatus === "saved");
  assert.deepEqual(errors, []);
  await context.close();
});
