// Paragraphs are edited in the browser's own text area laid over the field
// (ui/paragraph_editing.hpp): words wrap, a click puts the caret where it
// was, the real clipboard pastes, the wheel still scrolls the page, Escape
// leaves, and a 20,000-word note is kept whole.
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  useAppServer, openApp, openTandem, click, item, hook, waitForState, waitForWidget, scrollTo, settle, screenshot,
  startGrowPairing,
} from "./browser.mjs";

const app = useAppServer();

const sentence = "Students settled faster once the task was on the board before they arrived. ";
const activeIsParagraph = (page) =>
  page.evaluate(() => document.activeElement?.id === "tandem-text-input" &&
                      document.activeElement.classList.contains("paragraph"));

// Once everything is saved, after a reload (which opens on Pairings): the
// pairing's meeting again.
async function reopenMeeting(page) {
  await waitForState(page, (s) => s.saveStatus === "saved");
  await page.reload();
  await openTandem(page);
  await click(page, "Ana Kowalska coaching Sam Patel");
  await waitForWidget(page, `(i) => i.role === "list-item" && i.label.startsWith("Meeting on ")`);
  const meeting = (await hook(page, "items")).find((i) => i.role === "list-item" && i.label.startsWith("Meeting on "));
  await page.mouse.click(meeting.x + meeting.w / 2, meeting.y + meeting.h / 2);
  await waitForState(page, (s) => s.screen === "meeting");
}

// Waits for the field labelled `label` to hold `value` in the frame drawn.
const fieldHolds = (page, label, value) =>
  waitForWidget(page, `(i) => i.label === ${JSON.stringify(label)} && i.value === ${JSON.stringify(value)}`);

test("a paragraph wraps, is edited where it was clicked, pastes, scrolls and leaves with Escape", async () => {
  const { context, page, errors } = await openApp(app, { permissions: ["clipboard-read", "clipboard-write"] });
  await startGrowPairing(page);
  await click(page, "Record a meeting");
  await waitForState(page, (s) => s.screen === "meeting");
  await scrollTo(page, "Goal");
  const empty = await item(page, "Goal");

  // Eight sentences without a line break wrap onto more lines than the field
  // had, both while edited (the browser's text area) and after.
  await click(page, "Goal");
  await page.waitForFunction(() => document.activeElement?.id === "tandem-text-input");
  assert.ok(await activeIsParagraph(page), "the paragraph is edited in the browser's text area");
  const long = sentence.repeat(8).trim();
  await page.keyboard.type(long);
  await fieldHolds(page, "Goal", long);
  const overflow = await page.evaluate(() => {
    const area = document.activeElement;
    return { wide: area.scrollWidth - area.clientWidth, tall: area.scrollHeight - area.clientHeight };
  });
  assert.ok(overflow.wide <= 0, "the text area wraps instead of scrolling sideways");
  await settle(page);
  await screenshot(page, "paragraph-editing");
  await page.keyboard.press("Escape");
  await page.waitForFunction(() => document.activeElement?.id !== "tandem-text-input");
  await settle(page);
  const wrapped = await item(page, "Goal");
  assert.ok(wrapped.h > empty.h, `the field grew to show the wrapped text (${empty.h} to ${wrapped.h})`);
  assert.equal(wrapped.value, long);

  // A click on the start of the second line puts the caret there.
  await page.mouse.click(wrapped.x + 11, wrapped.y + 8 + 17 + 8);
  await page.waitForFunction(() => document.activeElement?.id === "tandem-text-input");
  const caret = await page.evaluate(() => document.activeElement.selectionStart);
  assert.ok(caret > 20 && caret < long.length - 20, `the caret is where the click was (${caret} of ${long.length})`);
  await page.keyboard.type("X");
  const inserted = long.slice(0, caret) + "X" + long.slice(caret);
  await fieldHolds(page, "Goal", inserted);

  // Selecting all and pasting through the real clipboard replaces the text.
  await page.evaluate(() => navigator.clipboard.writeText("Calm, purposeful starts.\nEvery lesson."));
  await page.keyboard.press("Control+A");
  await page.keyboard.press("Control+V");
  await fieldHolds(page, "Goal", "Calm, purposeful starts.\nEvery lesson.");

  // The wheel over the edited paragraph still scrolls the page.
  const before = await item(page, "Goal");
  await page.mouse.move(before.x + before.w / 2, before.y + before.h / 2);
  await page.mouse.wheel(0, 240);
  await page.waitForFunction((y) => window.tandem.test.items().find((i) => i.label === "Goal").y < y, before.y);
  const moved = await item(page, "Goal");
  const area = await page.evaluate(() => document.activeElement.getBoundingClientRect().bottom);
  assert.ok(Math.abs(area - (moved.y + moved.h)) <= 1, `the text area follows its field (${area}, ${moved.y + moved.h})`);

  // A click elsewhere leaves the paragraph; what was typed is kept.
  await page.keyboard.press("Escape");
  await scrollTo(page, "Reality");
  await click(page, "Reality");
  await page.keyboard.type("Late starts on Mondays.");
  await fieldHolds(page, "Reality", "Late starts on Mondays.");
  await page.mouse.click(1250, 400);  // the empty page beside the fields
  await page.waitForFunction(() => document.activeElement?.id !== "tandem-text-input" ||
                                   !document.activeElement.classList.contains("paragraph"));
  await reopenMeeting(page);
  await scrollTo(page, "Goal");
  assert.equal((await item(page, "Goal")).value, "Calm, purposeful starts.\nEvery lesson.");
  assert.equal((await scrollTo(page, "Reality")).value, "Late starts on Mondays.");
  assert.deepEqual(errors, []);
  await context.close();
});

test("a 20,000-word note is pasted, typed into at its end, and kept whole", async () => {
  const { context, page, errors } = await openApp(app, { permissions: ["clipboard-read", "clipboard-write"] });
  await startGrowPairing(page);
  await click(page, "Record a meeting");
  await waitForState(page, (s) => s.screen === "meeting");
  const words = [];
  for (let i = 0; words.length < 20_000; ++i) words.push(...sentence.trim().split(" "), `(${i})`);
  const note = words.slice(0, 20_000).join(" ");
  await scrollTo(page, "Shared notes");
  await click(page, "Shared notes");
  await page.waitForFunction(() => document.activeElement?.id === "tandem-text-input");
  await page.evaluate((text) => navigator.clipboard.writeText(text), note);
  await page.keyboard.press("Control+V");
  await fieldHolds(page, "Shared notes", note);
  await waitForState(page, (s) => s.saveStatus === "saved");

  await page.keyboard.press("Control+End");
  await page.keyboard.type(" The end.");
  await fieldHolds(page, "Shared notes", `${note} The end.`);
  await settle(page);
  await screenshot(page, "paragraph-long-note");
  await page.keyboard.press("Escape");
  await waitForState(page, (s) => s.saveStatus === "saved");

  await reopenMeeting(page);
  await scrollTo(page, "Shared notes");
  const kept = await item(page, "Shared notes");
  assert.equal(kept.value.split(" ").length, 20_002);
  assert.ok(kept.value.endsWith("The end."));
  assert.deepEqual(errors, []);
  await context.close();
});

test("a private note is never spell-checked or corrected by the browser; a shared paragraph is", async () => {
  const { context, page, errors } = await openApp(app);
  await startGrowPairing(page);
  await click(page, "Record a meeting");
  await waitForState(page, (s) => s.screen === "meeting");
  const checking = () => page.evaluate(() => {
    const area = document.getElementById("tandem-text-input");
    return { spellcheck: area.spellcheck, autocorrect: area.getAttribute("autocorrect"),
             autocomplete: area.getAttribute("autocomplete") };
  });
  await scrollTo(page, "Goal");
  await click(page, "Goal");
  await page.waitForFunction(() => document.activeElement?.classList.contains("paragraph"));
  assert.deepEqual(await checking(), { spellcheck: true, autocorrect: "on", autocomplete: "off" });
  await page.keyboard.press("Escape");
  await page.waitForFunction(() => !document.activeElement?.classList.contains("paragraph"));

  await scrollTo(page, "Private note");
  await click(page, "Private note");
  await page.waitForFunction(() => document.activeElement?.classList.contains("paragraph"));
  assert.deepEqual(await checking(), { spellcheck: false, autocorrect: "off", autocomplete: "off" });
  await page.keyboard.type("Only mine");
  await fieldHolds(page, "Private note", "Only mine");
  assert.deepEqual(await checking(), { spellcheck: false, autocorrect: "off", autocomplete: "off" });
  assert.deepEqual(errors, []);
  await context.close();
});
