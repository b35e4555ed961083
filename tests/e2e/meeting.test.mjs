// The meeting editor, through the real UI: a GROW meeting recorded from its
// pairing, a stance chosen, the model's fields and a private note typed, and
// all of it there after a reload, the private note still marked private.
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  useAppServer, openApp, openTandem, click, item, settle, scrollTo, waitForState, waitForWidget as waitForItem,
  startGrowPairing, screenshot,
} from "./browser.mjs";

const app = useAppServer();

test("a GROW meeting with a stance and a private note is recorded and kept", async () => {
  const { context, page, errors } = await openApp(app);
  await startGrowPairing(page);
  await click(page, "Record a meeting");
  const opened = await waitForState(page, (s) => s.screen === "meeting");
  assert.match(opened.recordId, /^[0-9a-f]{32}$/);
  await waitForItem(page, `(i) => i.label === "Model" && i.value === "GROW"`);
  await click(page, "Your stance");
  await click(page, "Dialogical");
  await waitForItem(page, `(i) => i.label === "Your stance" && i.value === "Dialogical"`);

  await scrollTo(page, "Goal");
  await click(page, "Goal");
  await page.keyboard.type("Calmer starts to lessons");
  await scrollTo(page, "Reality");
  await click(page, "Reality");
  await page.keyboard.type("Year 9 take 6 minutes to settle.");
  await scrollTo(page, "Will");
  await click(page, "Will");
  await page.keyboard.type("Entry routine on the board, from Monday.");
  await scrollTo(page, "Private note");
  await click(page, "Private note");
  await page.keyboard.type("I talked too much; ask more next time.");
  await waitForItem(page, `(i) => i.label === "Private note" && i.value === "I talked too much; ask more next time."`);
  await waitForState(page, (s) => s.saveStatus === "saved");
  await settle(page);
  await screenshot(page, "meeting-private-note");

  await page.reload();
  await openTandem(page);
  await waitForState(page, (s) => s.saveStatus === "saved" && s.screen === "pairings");
  await click(page, "Ana Kowalska coaching Sam Patel");
  await waitForItem(page, `(i) => i.role === "list-item" && i.label.startsWith("Meeting on ")`);
  const row = (await page.evaluate(() => window.tandem.test.items())).find((i) => i.label.startsWith("Meeting on "));
  await page.mouse.click(row.x + row.w / 2, row.y + row.h / 2);
  await waitForState(page, (s) => s.screen === "meeting" && s.recordId === opened.recordId);
  await waitForItem(page, `(i) => i.label === "Your stance" && i.value === "Dialogical"`);
  await scrollTo(page, "Goal");
  assert.equal((await item(page, "Goal")).value, "Calmer starts to lessons");
  await scrollTo(page, "Private note");
  assert.equal((await item(page, "Private note")).value, "I talked too much; ask more next time.");
  await settle(page);
  await screenshot(page, "meeting-reloaded");
  assert.deepEqual(errors, []);
  await context.close();
});

test("a meeting opened and left untouched leaves nothing behind and uses no time", async () => {
  const { context, page, errors } = await openApp(app);
  await startGrowPairing(page);
  await click(page, "Record a meeting");
  await waitForState(page, (s) => s.screen === "meeting" && s.counts.meetings === 1);
  await click(page, "Back to the pairing");
  await waitForState(page, (s) => s.screen === "pairings" && s.counts.meetings === 0);
  await settle(page);
  const frame = await page.evaluate(() => window.tandem.test.items());
  assert.ok(!frame.some((i) => i.role === "list-item" && i.label.startsWith("Meeting on ")), "no meeting is listed");
  assert.ok(!frame.some((i) => i.label === "Undo"), "nothing is offered to undo: the user deleted nothing");
  assert.deepEqual(errors, []);
  await context.close();
});

test("a meeting with its goal, its will and a step from the library takes six clicks at most, and no scrolling", async () => {
  const { context, page, errors } = await openApp(app);
  await startGrowPairing(page);
  let clicks = 0;
  const press = async (label) => { clicks += 1; await click(page, label); };
  const typed = (label, text) => waitForItem(page, `(i) => i.label === ${JSON.stringify(label)} && i.value === ${JSON.stringify(text)}`);

  await press("Record a meeting");
  await waitForState(page, (s) => s.screen === "meeting");
  await settle(page);
  await press("Goal");
  await page.keyboard.type("Calmer starts");
  await typed("Goal", "Calmer starts");
  for (let i = 0; i < 3; ++i) await page.keyboard.press("Tab");  // Reality, Options, Will
  await page.keyboard.type("Greet at the door from Monday");
  await typed("Will", "Greet at the door from Monday");
  await page.keyboard.press("Tab");  // the shared notes
  await page.keyboard.press("Tab");  // finding a step in the library
  await page.keyboard.type("thinking time");
  await typed("Find a step in the library", "thinking time");
  await settle(page);
  await press("Give thinking time before taking an answer");
  await waitForState(page, (s) => s.counts.actionSteps === 1 && s.saveStatus === "saved");
  assert.ok(clicks <= 6, `${clicks} clicks`);
  assert.equal(clicks, 3);
  await screenshot(page, "meeting-in-few-clicks");
  assert.deepEqual(errors, []);
  await context.close();
});
