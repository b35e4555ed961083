// A profile's fingerprint: shown in Settings, for an optional check with a
// partner, and the same after a reload (the profile keeps its keys). No
// sharing code is shown: there is nowhere to paste one.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useAppServer, openApp, openTandem, click, scrollTo, waitForState, settle, screenshot, item } from "./browser.mjs";

const app = useAppServer();

async function fingerprint(page) {
  await click(page, "Settings");
  await waitForState(page, (s) => s.screen === "settings");
  await scrollTo(page, "Your fingerprint");
  return (await item(page, "Your fingerprint")).value;
}

test("Settings shows the profile's fingerprint, and no sharing code, and it stays the profile's", async () => {
  const { context, page, errors } = await openApp(app);
  const shown = await fingerprint(page);
  assert.match(shown, /^\d{5}( \d{5}){5}$/);
  const items = await page.evaluate(() => window.tandem.test.items());
  assert.ok(!items.some((i) => /sharing code/i.test(i.label)), "a sharing code is still offered");
  await settle(page);
  await screenshot(page, "settings-sharing");

  await page.reload();
  await openTandem(page);
  await waitForState(page, (s) => s.screen === "settings");
  assert.equal(await fingerprint(page), shown);
  assert.deepEqual(errors, []);
  await context.close();
});

test("another profile has another fingerprint", async () => {
  const first = await openApp(app);
  const second = await openApp(app);
  assert.notEqual(await fingerprint(first.page), await fingerprint(second.page));
  await first.context.close();
  await second.context.close();
});
