// Pairings, through the real UI: a pairing started from the people added,
// the user as coach by default, its cadence and allowance changed, and the
// agreement kept after a reload.
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  useAppServer, openApp, openTandem, click, item, settle, scrollTo, waitForState, waitForWidget as waitForItem, addPeople,
  screenshot, startGrowPairing,
} from "./browser.mjs";

const app = useAppServer();

test("a pairing is started, its cadence and allowance changed, and it is kept", async () => {
  const { context, page, errors } = await openApp(app);
  await addPeople(page, "Ana Kowalska", ["Sam Patel"]);
  await click(page, "Pairings");
  await waitForState(page, (s) => s.screen === "pairings");
  // Under heavy load this click has, rarely, not opened the form (seen once
  // in CI, not yet explained): say so and click once more rather than hide it.
  await click(page, "New pairing");
  const form = `window.tandem.test.items().some((i) => i.label === "Coachee")`;
  if (!(await page.waitForFunction(form, null, { timeout: 5000 }).then(() => true, () => false))) {
    console.log("pairings test: the click on New pairing did not open the form; clicking again");
    await click(page, "New pairing");
    await page.waitForFunction(form);
  }
  assert.equal((await item(page, "Coach")).value, "Ana Kowalska", "the user is the coach at first");
  await click(page, "Coachee");
  await click(page, "Sam Patel");
  await waitForItem(page, `(i) => i.label === "Coachee" && i.value === "Sam Patel"`);
  await click(page, "Starts on");
  await page.keyboard.press("Control+A");
  await page.keyboard.type("2026-09-01");
  await click(page, "Start pairing");
  await waitForItem(page, `(i) => i.role === "list-item" && i.label === "Ana Kowalska coaching Sam Patel" && i.value === true`);

  await scrollTo(page, "How often you meet");
  await click(page, "How often you meet");
  await click(page, "Weekly");
  await waitForItem(page, `(i) => i.label === "How often you meet" && i.value === "Weekly"`);
  await scrollTo(page, "Time allowance (hours a year)");
  await click(page, "Time allowance (hours a year)");
  await page.keyboard.press("Control+A");
  await page.keyboard.type("10");
  await waitForItem(page, `(i) => i.label === "Time allowance (hours a year)" && i.value === "10"`);
  await settle(page);
  await screenshot(page, "pairing");
  await scrollTo(page, "The coachee may bring appraisal targets");
  assert.equal((await item(page, "The coachee may bring appraisal targets")).value, false);

  await page.reload();
  await openTandem(page);
  await waitForState(page, (s) => s.saveStatus === "saved" && s.screen === "pairings");
  await click(page, "Ana Kowalska coaching Sam Patel");
  await scrollTo(page, "Time allowance (hours a year)");
  assert.equal((await item(page, "How often you meet")).value, "Weekly");
  assert.equal((await item(page, "Time allowance (hours a year)")).value, "10");
  await scrollTo(page, "Confidentiality");
  assert.match((await item(page, "Confidentiality")).value, /stays between the two of us/);
  assert.equal(await page.evaluate(() => window.tandem.test.integrityCheck()), "ok");
  assert.deepEqual(errors, []);
  await context.close();
});

test("what comes next: the pairing's header and Today's Coming up, after a meeting with a step", async () => {
  const { context, page, errors } = await openApp(app);
  await startGrowPairing(page);
  await scrollTo(page, "Next meeting");
  assert.equal((await item(page, "Next meeting")).value, "", "no meeting agreed before the first one");
  assert.equal((await item(page, "The step now")).value, "");

  // A meeting held today: the next one is proposed from the fortnightly cadence; a step from the library.
  await scrollTo(page, "Record a meeting");
  await click(page, "Record a meeting");
  await waitForState(page, (s) => s.screen === "meeting");
  await scrollTo(page, "Goal");
  await click(page, "Goal");
  await page.keyboard.type("Calmer starts");
  await scrollTo(page, "Find a step in the library");
  await click(page, "Find a step in the library");
  await page.keyboard.type("wait time");
  await waitForItem(page, `(i) => i.role === "list-item" && i.label.startsWith("Give thinking time")`);
  const entry = (await page.evaluate(() => window.tandem.test.items()))
    .find((i) => i.role === "list-item" && i.label.startsWith("Give thinking time"));
  await page.mouse.click(entry.x + entry.w / 2, entry.y + entry.h / 2);
  await waitForState(page, (s) => s.counts.actionSteps === 1);
  await scrollTo(page, "The step");
  const step = (await item(page, "The step")).value;
  await scrollTo(page, "Back to the pairing");
  await click(page, "Back to the pairing");
  await waitForState(page, (s) => s.screen === "pairings");

  await waitForItem(page, `(i) => i.label === "Next meeting" && /, in 2 weeks$/.test(i.value)`);
  const next = await item(page, "Next meeting");
  assert.ok(next.y >= 0 && next.y < 300, "the next meeting is at the top of the pairing");
  assert.equal((await item(page, "The step now")).value, step);
  await settle(page);
  await screenshot(page, "pairing-whats-next");

  await click(page, "Today");
  await waitForState(page, (s) => s.screen === "today");
  // Nothing this week, but the meeting agreed for a fortnight ahead is there, with when it falls.
  await waitForItem(page, `(i) => i.role === "list-item" && i.label.startsWith("Meeting with Sam Patel")`);
  await settle(page);
  await screenshot(page, "today-coming-up");
  assert.deepEqual(errors, []);
  await context.close();
});

test("at 1024 x 768 with text at 150 %, a pairing takes the whole width, with a way back to the list", async () => {
  const { context, page, errors } = await openApp(app, { width: 1024, height: 768 });
  await startGrowPairing(page);
  while ((await waitForState(page, () => true)).textSize < 150) await page.keyboard.press("Control+Equal");
  await waitForState(page, (s) => s.textSize === 150);
  await click(page, "Pairings");
  // The pairing chosen fills the pane: its header is not squeezed beside the list.
  const heading = await item(page, "All pairings");
  const record = await item(page, "Record a meeting");
  assert.ok(record.x < heading.x + 40, `Record a meeting is at x ${record.x}, beside the list`);
  assert.ok(!(await page.evaluate(() => window.tandem.test.items())).some((i) => i.role === "list-item" &&
    i.label === "Ana Kowalska coaching Sam Patel"), "the list is drawn beside the pairing");
  await settle(page);
  await screenshot(page, "pairing-narrow-150");
  await click(page, "All pairings");
  await waitForItem(page, `(i) => i.role === "list-item" && i.label === "Ana Kowalska coaching Sam Patel"`);
  await click(page, "Ana Kowalska coaching Sam Patel");
  await waitForItem(page, `(i) => i.label === "All pairings"`);
  assert.deepEqual(errors, []);
  await context.close();
});
