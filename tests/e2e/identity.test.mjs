// A profile's sharing code: shown in Settings, copied with one click, and
// the same after a reload (the profile keeps its keys).
import { test } from "node:test";
import assert from "node:assert/strict";
import { useAppServer, openApp, openTandem, click, scrollTo, waitForState, settle, screenshot } from "./browser.mjs";

const app = useAppServer();

async function copiedCode(page) {
  await page.evaluate(() => navigator.clipboard.writeText(""));
  await scrollTo(page, "Copy sharing code");
  await click(page, "Copy sharing code");
  await page.waitForFunction(async () => (await navigator.clipboard.readText()).startsWith("TDM1-"));
  return page.evaluate(() => navigator.clipboard.readText());
}

test("Settings shows the sharing code, Copy puts it on the clipboard, and it stays the profile's", async () => {
  const { context, page, errors } = await openApp(app, { permissions: ["clipboard-read", "clipboard-write"] });
  await click(page, "Settings");
  await waitForState(page, (s) => s.screen === "settings");
  const code = await copiedCode(page);
  assert.match(code, /^TDM1(-[0-9A-HJKMNP-TV-Z]{4}){28}$/);
  await settle(page);
  await screenshot(page, "settings-sharing");

  await page.reload();
  await openTandem(page);
  await waitForState(page, (s) => s.screen === "settings");
  assert.equal(await copiedCode(page), code);
  assert.deepEqual(errors, []);
  await context.close();
});

test("another profile has another sharing code", async () => {
  const first = await openApp(app, { permissions: ["clipboard-read", "clipboard-write"] });
  const second = await openApp(app, { permissions: ["clipboard-read", "clipboard-write"] });
  const codes = [];
  for (const { page } of [first, second]) {
    await click(page, "Settings");
    await waitForState(page, (s) => s.screen === "settings");
    codes.push(await copiedCode(page));
  }
  assert.notEqual(codes[0], codes[1]);
  await first.context.close();
  await second.context.close();
});
