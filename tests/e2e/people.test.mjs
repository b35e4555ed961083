// People, through the real UI: the user's own name first, then colleagues
// added by typing, their roles ticked, a career stage chosen from a list,
// and everything still there after a reload.
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  useAppServer, openApp, openTandem, click, item, settle, waitForState, waitForWidget as waitForItem, addPeople,
  screenshot,
} from "./browser.mjs";

const app = useAppServer();

const items = (page) => page.evaluate(() => window.tandem.test.items());
const rows = async (page) => (await items(page)).filter((i) => i.role === "list-item").map((i) => i.label);

test("people are added by name, given roles and a career stage, and kept", async () => {
  const { context, page, errors } = await openApp(app);
  await click(page, "People");
  await waitForState(page, (s) => s.screen === "people");
  await click(page, "Add your name in Settings");
  await waitForState(page, (s) => s.screen === "settings");
  await click(page, "Your name");
  await page.keyboard.type("Ana Kowalska");
  await waitForState(page, (s) => s.profile.name === "Ana Kowalska");

  await click(page, "People");
  await waitForState(page, (s) => s.screen === "people");
  for (const name of ["Tomasz Nowak", "Sam Patel"]) {
    await click(page, "New person");
    await page.keyboard.type(name);
    await page.keyboard.press("Enter");
    await waitForItem(page, `(i) => i.role === "list-item" && i.label === ${JSON.stringify(name)} && i.value === true`);
  }
  assert.deepEqual(await rows(page), ["Ana Kowalska", "Sam Patel", "Tomasz Nowak"]);
  assert.equal((await item(page, "New person")).value, "");

  // Sam is shown: tick Coachee, type a subject, choose a career stage.
  assert.equal((await item(page, "Name")).value, "Sam Patel");
  await click(page, "Coachee");
  await waitForItem(page, `(i) => i.label === "Coachee" && i.value === true`);
  await click(page, "Subject or year group");
  await page.keyboard.type("Year 4");
  await click(page, "Career stage");
  await click(page, "Early career");
  await waitForItem(page, `(i) => i.label === "Career stage" && i.value === "Early career"`);
  await settle(page);
  await screenshot(page, "people-edited");

  await page.reload();
  await openTandem(page);
  await waitForState(page, (s) => s.saveStatus === "saved" && s.screen === "people");
  await click(page, "Sam Patel");
  await waitForItem(page, `(i) => i.label === "Name" && i.value === "Sam Patel"`);
  assert.equal((await item(page, "Subject or year group")).value, "Year 4");
  assert.equal((await item(page, "Coachee")).value, true);
  assert.equal((await item(page, "Coach")).value, false);
  assert.equal((await item(page, "Career stage")).value, "Early career");
  assert.equal(await page.evaluate(() => window.tandem.test.integrityCheck()), "ok");
  assert.deepEqual(errors, []);
  await context.close();
});

test("a name too long is refused beside the field, and what was typed stays in it", async () => {
  const { context, page, errors } = await openApp(app);
  await addPeople(page, "Ana", ["Sam"]);
  await waitForItem(page, `(i) => i.label === "Name" && i.value === "Sam"`);
  await click(page, "Name");
  await page.keyboard.press("End");
  const extra = " " + "x".repeat(110);
  await page.keyboard.type(extra);
  await waitForItem(page, `(i) => i.label === "Name" && i.value === ${JSON.stringify("Sam" + extra)}`);
  await settle(page);
  await screenshot(page, "people-refused");
  // Every keystroke up to the limit was kept; the list shows that name.
  assert.ok((await rows(page)).includes(("Sam" + extra).slice(0, 100)));
  assert.deepEqual(errors, []);
  await context.close();
});
