// Dates as people write them: each form typed into a real date field is
// stored and shown as "Mon 21 Dec"; the calendar beside the field picks a
// day; a date that cannot be read is named and never shown as saved; the
// locale decides whether 12/21 is a day or a month; and Escape closes a
// drop-down without changing it.
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  useAppServer, openApp, click, waitForState, waitForWidget, itemNow, currentFrame, scrollTo, startGrowPairing,
  screenshot,
} from "./browser.mjs";

const app = useAppServer();

const days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
// "Mon 21 Dec", optionally followed by its year (shown when it is far from today).
const shown = (date) => new RegExp(`^${days[date.getDay()]} ${date.getDate()} ${months[date.getMonth()]}( ${date.getFullYear()})?$`);

// Replaces the text of the date field `label` with `typed`, then leaves it with Tab.
async function typeDate(page, label, typed) {
  await click(page, label);
  await page.keyboard.press("Control+A");
  await page.keyboard.type(typed);
  await page.keyboard.press("Tab");
  await currentFrame(page);
}

async function openNewMeeting(page) {
  await startGrowPairing(page);
  await click(page, "Record a meeting");
  await waitForState(page, (s) => s.screen === "meeting");
  await currentFrame(page);
}

test("dates typed as people write them are stored and shown as Mon 21 Dec; a refused one is named", async () => {
  const { context, page, errors } = await openApp(app, { locale: "en-GB" });
  await openNewMeeting(page);

  // A new meeting proposes the next one from the pairing's fortnightly rhythm.
  const today = new Date();
  const inTwoWeeks = new Date(today.getFullYear(), today.getMonth(), today.getDate() + 14);
  assert.match((await itemNow(page, "Next meeting")).value, shown(inTwoWeeks));

  const nextTuesday = new Date(today.getFullYear(), today.getMonth(), today.getDate() + ((2 - today.getDay() + 7) % 7 || 7));
  const forms = [
    ["21/12/2026", new Date(2026, 11, 21)],
    ["2026-12-22", new Date(2026, 11, 22)],
    ["23 Dec 2026", new Date(2026, 11, 23)],
    ["December 24, 2026", new Date(2026, 11, 24)],
    ["today", today],
    ["next Tuesday", nextTuesday],
  ];
  for (const [typed, date] of forms) {
    await typeDate(page, "Next meeting", typed);
    const field = await itemNow(page, "Next meeting");
    assert.match(field.value, shown(date), `"${typed}" is shown as a day`);
    await waitForState(page, (s) => s.saveStatus === "saved" && s.statusLine.length === 1);
  }

  // 30 February: the reason is under the field and on the status line, and
  // the status line never says everything is saved.
  await typeDate(page, "Next meeting", "30/2/2027");
  assert.equal((await itemNow(page, "Next meeting")).value, "30/2/2027");
  await waitForWidget(page, `(i) => i.label === "Next meeting" && i.value === "30/2/2027"`);
  const state = await page.evaluate(() => window.tandem.test.state());
  assert.deepEqual(state.statusLine, ["Not saved: Next meeting: February 2027 has 28 days.", "Everything else is saved"]);
  await screenshot(page, "date-refused");

  // The calendar beside the field picks a day; it opens on the month shown.
  await typeDate(page, "Next meeting", "21/12/2026");
  await click(page, "Calendar for Next meeting");
  await waitForWidget(page, `(i) => i.label === "Mon 28 Dec 2026"`);
  await screenshot(page, "date-calendar");
  await click(page, "Mon 28 Dec 2026");
  await waitForWidget(page, `(i) => i.label === "Next meeting" && /^Mon 28 Dec/.test(i.value)`);
  const frame = await currentFrame(page);
  assert.ok(!frame.items.some((i) => i.label === "Mon 28 Dec 2026"), "the calendar closed");
  await waitForState(page, (s) => s.saveStatus === "saved" && s.statusLine.length === 1);

  // Escape closes the calendar without choosing.
  await click(page, "Calendar for Next meeting");
  await click(page, "Next month");
  await waitForWidget(page, `(i) => i.label === "Fri 1 Jan 2027"`);
  await page.keyboard.press("Escape");
  await currentFrame(page);
  assert.ok(!(await currentFrame(page)).items.some((i) => i.label === "Fri 1 Jan 2027"), "Escape closed the calendar");
  assert.match((await itemNow(page, "Next meeting")).value, /^Mon 28 Dec/);

  assert.deepEqual(errors, []);
  await context.close();
});

test("in a month-first locale 12/21/2026 is 21 December", async () => {
  const { context, page, errors } = await openApp(app, { locale: "en-US" });
  await openNewMeeting(page);
  await typeDate(page, "Next meeting", "12/21/2026");
  assert.match((await itemNow(page, "Next meeting")).value, shown(new Date(2026, 11, 21)));
  await typeDate(page, "Next meeting", "21/12/2026");
  assert.equal((await itemNow(page, "Next meeting")).value, "21/12/2026");
  const state = await page.evaluate(() => window.tandem.test.state());
  assert.match(state.statusLine[0], /^Not saved: Next meeting: There is no such month\. Write the month, then the day/);
  assert.deepEqual(errors, []);
  await context.close();
});

test("Escape closes an open drop-down and changes nothing", async () => {
  const { context, page, errors } = await openApp(app);
  await openNewMeeting(page);
  const before = (await itemNow(page, "Kind of meeting")).value;
  const combo = await itemNow(page, "Kind of meeting");
  await click(page, "Kind of meeting");
  await waitForWidget(page, `(i) => i.role === "list-item" && i.label === "Modelling"`);
  const option = await itemNow(page, "Modelling");
  // The list starts with its first option, right under the field: no empty row.
  const first = await itemNow(page, "Planning");
  assert.ok(first.y - (combo.y + combo.h) < 12, `the first option is ${first.y - (combo.y + combo.h)} px below the field`);
  await page.keyboard.press("Escape");
  await waitForWidget(page, `(i) => i.label === "Kind of meeting"`);
  let frame = await currentFrame(page);
  assert.ok(!frame.items.some((i) => i.role === "list-item" && i.label === "Modelling"), "the list closed");
  // A click where an option was shown now picks nothing.
  await page.mouse.click(option.x + option.w / 2, option.y + option.h / 2);
  frame = await currentFrame(page);
  assert.equal(frame.items.find((i) => i.label === "Kind of meeting").value, before);
  await scrollTo(page, "Kind of meeting");
  assert.equal((await itemNow(page, "Kind of meeting")).value, before);
  assert.deepEqual(errors, []);
  await context.close();
});

test("a new pairing's first day and a file's date range have the calendar too", async () => {
  const { context, page, errors } = await openApp(app, { locale: "en-GB" });
  await startGrowPairing(page);
  await scrollTo(page, "New pairing");
  await click(page, "New pairing");
  await waitForWidget(page, `(i) => i.label === "Starts on"`);
  await typeDate(page, "Starts on", "1/9/2026");
  await click(page, "Calendar for Starts on");
  await click(page, "Tue 15 Sep 2026");
  await waitForWidget(page, `(i) => i.label === "Starts on" && /^Tue 15 Sep/.test(i.value)`);

  await click(page, "Ana Kowalska coaching Sam Patel");
  await scrollTo(page, "Send to your partner\u2026");
  await click(page, "Send to your partner\u2026");
  await waitForState(page, (s) => s.screen === "share");
  await click(page, "What changed between two dates");
  await waitForWidget(page, `(i) => i.label === "Changed since"`);
  await typeDate(page, "Changed since", "2/11/2026");
  await click(page, "Calendar for Changed since");
  await click(page, "Thu 5 Nov 2026");
  await waitForWidget(page, `(i) => i.label === "Changed since" && /^Thu 5 Nov/.test(i.value)`);
  assert.deepEqual(errors, []);
  await context.close();
});
