// Text input in headless Chromium: typing in any language, an IME
// composition, dead keys, editing keys, copy and paste between fields and
// with the system clipboard, and a tap on a touch screen. The fields are the
// profile's, in Settings; what they show comes from items(), what was kept
// from state().profile.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useAppServer, openApp, item, click, settle, waitForState, screenshot } from "./browser.mjs";

const app = useAppServer();

// Opens Settings and clicks into the field labelled `label`.
async function openSettings(options) {
  const opened = await openApp(app, options);
  await click(opened.page, "Settings");
  await waitForState(opened.page, (s) => s.screen === "settings");
  return opened;
}

const fieldValue = async (page, label) => (await item(page, label)).value;
const textInputFocused = (page) => page.evaluate(() => document.activeElement?.id === "tandem-text-input");
const shortcut = (letter) => `${process.platform === "darwin" ? "Meta" : "Control"}+${letter}`;

test("typing through the keyboard lands exactly, with editing keys", async () => {
  const { context, page, errors } = await openSettings();
  await click(page, "Your name");
  await page.waitForFunction(() => document.activeElement?.id === "tandem-text-input");
  const text = "Élève naïve — Łódź";
  await page.keyboard.type(`${text}xy`);
  await page.keyboard.press("Backspace");
  await page.keyboard.press("Backspace");
  await waitForState(page, (s) => s.profile.name === text);
  assert.equal(await fieldValue(page, "Your name"), text);

  // Home, then Shift+End selects the line; typing replaces the selection.
  await page.keyboard.press("Home");
  await page.keyboard.press("Shift+End");
  await page.keyboard.type("Zoë Ångström");
  await waitForState(page, (s) => s.profile.name === "Zoë Ångström");

  // An emptied name is refused with the reason beside it, and the name
  // kept before stays; the field keeps what was typed (nothing).
  await page.keyboard.press(shortcut("A"));
  await page.keyboard.press("Delete");
  await page.waitForFunction(() => window.tandem.test.items().some((i) => i.label === "Your name" && i.value === ""));
  assert.equal((await waitForState(page, (s) => s.profile.name !== "")).profile.name, "Zoë Ångström");
  await screenshot(page, "text-refused");
  await page.keyboard.type("Zoë Ångström");
  await waitForState(page, (s) => s.profile.name === "Zoë Ångström");

  // Tab moves to the next field; what was kept stays.
  await page.keyboard.press("Tab");
  await page.keyboard.type("Year 4");
  await waitForState(page, (s) => s.profile.subject === "Year 4" && s.profile.name === "Zoë Ångström");
  await screenshot(page, "text-typed");

  // Escape leaves the field, and the keyboard goes back to the page.
  await page.keyboard.press("Escape");
  await page.waitForFunction(() => document.activeElement?.id !== "tandem-text-input");
  assert.deepEqual(errors, []);
  await context.close();
});

test("the hidden text field has autocorrect, capitalisation and spell checking off", async () => {
  const { context, page } = await openSettings();
  const attributes = await page.evaluate(() => {
    const field = document.getElementById("tandem-text-input");
    return ["autocomplete", "autocorrect", "autocapitalize", "spellcheck"].map((name) => field.getAttribute(name));
  });
  assert.deepEqual(attributes, ["off", "off", "off", "false"]);
  await context.close();
});

test("an IME composition shows while composing and lands when committed", async () => {
  const { context, page, errors } = await openSettings();
  const cdp = await context.newCDPSession(page);
  await click(page, "Your name");
  await page.keyboard.type("Ana ");
  await waitForState(page, (s) => s.profile.name === "Ana ");

  await cdp.send("Input.imeSetComposition", { text: "にほんご", selectionStart: 4, selectionEnd: 4 });
  const composing = await page.evaluate(() => {
    const field = document.getElementById("tandem-text-input");
    return { className: field.className, value: field.value, visible: getComputedStyle(field).opacity };
  });
  assert.deepEqual(composing, { className: "composing", value: "にほんご", visible: "1" });
  // Nothing reaches the record until the composition is committed.
  assert.equal(await fieldValue(page, "Your name"), "Ana ");
  await screenshot(page, "text-ime-composing");

  await cdp.send("Input.insertText", { text: "日本語" });
  await waitForState(page, (s) => s.profile.name === "Ana 日本語");
  assert.equal(await fieldValue(page, "Your name"), "Ana 日本語");
  assert.equal(await page.evaluate(() => document.getElementById("tandem-text-input").className), "idle");

  // A dead key (as on a French or Polish keyboard) composes too: the accent
  // waits, and the letter it makes lands once.
  await cdp.send("Input.dispatchKeyEvent", { type: "rawKeyDown", key: "Dead", code: "BracketLeft", windowsVirtualKeyCode: 219 });
  await cdp.send("Input.imeSetComposition", { text: "^", selectionStart: 1, selectionEnd: 1 });
  await cdp.send("Input.dispatchKeyEvent", { type: "keyUp", key: "Dead", code: "BracketLeft", windowsVirtualKeyCode: 219 });
  await cdp.send("Input.insertText", { text: "ê" });
  await waitForState(page, (s) => s.profile.name === "Ana 日本語ê");
  assert.deepEqual(errors, []);
  await context.close();
});

test("copy and paste between two fields, and with the system clipboard", async () => {
  const { context, page, errors } = await openSettings({ permissions: ["clipboard-read", "clipboard-write"] });
  await click(page, "Your name");
  await page.keyboard.type("Łucja Nowak");
  await waitForState(page, (s) => s.profile.name === "Łucja Nowak");

  // Select all and copy in one field, paste into the other.
  await page.keyboard.press(shortcut("A"));
  await page.keyboard.press(shortcut("C"));
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), "Łucja Nowak");
  await click(page, "What you teach");
  await page.keyboard.press(shortcut("V"));
  await waitForState(page, (s) => s.profile.subject === "Łucja Nowak");

  // Cut empties the field and fills the clipboard.
  await page.keyboard.press(shortcut("A"));
  await page.keyboard.press(shortcut("X"));
  await waitForState(page, (s) => s.profile.subject === "");
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), "Łucja Nowak");

  // Text another application put on the clipboard pastes in.
  await page.evaluate(() => navigator.clipboard.writeText("Primary — Year 2 (ages 6–7)"));
  await page.keyboard.press(shortcut("V"));
  await waitForState(page, (s) => s.profile.subject === "Primary — Year 2 (ages 6–7)");
  assert.equal(await fieldValue(page, "What you teach"), "Primary — Year 2 (ages 6–7)");
  assert.deepEqual(errors, []);
  await context.close();
});

test("a tap on a touch screen puts the keyboard in a field, and text from an on-screen keyboard lands", async () => {
  const { context, page, errors } = await openSettings({ hasTouch: true, width: 1024, height: 768 });
  const field = await item(page, "Your name");
  await page.touchscreen.tap(field.x + field.w / 2, field.y + field.h / 2);
  await page.waitForFunction(() => document.activeElement?.id === "tandem-text-input");
  assert.ok(await textInputFocused(page));
  // On-screen keyboards insert text without key events.
  await page.keyboard.insertText("Ma");
  await page.keyboard.insertText("ría");
  await waitForState(page, (s) => s.profile.name === "María");
  await settle(page);
  assert.deepEqual(errors, []);
  await context.close();
});
