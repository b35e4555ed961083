// The app in headless Chromium, served by scripts/run.sh, driven only by
// real mouse input at the coordinates the test hook reports.
import { test } from "node:test";
import assert from "node:assert/strict";
import { pathToFileURL } from "node:url";
import { join } from "node:path";
import { launchBrowser, openPage, openTandem, useAppServer, waitForState, screenshot, siteDir } from "./browser.mjs";

const app = useAppServer();

const center = (item) => ({ x: item.x + item.w / 2, y: item.y + item.h / 2 });

test("the page opens with the sidebar, and a click on a sidebar entry changes the screen", async () => {
  const { page, errors } = await openPage(app.browser, `${app.url}?test=1&kdf=fast`);
  await page.evaluate(() => window.tandem.test.ready);
  assert.equal(await page.title(), "Tandem");
  await openTandem(page);

  const state = await waitForState(page, (s) => s.saveStatus === "saved");
  assert.equal(state.screen, "today");
  assert.equal(state.sqliteVersion, "3.40.1");
  assert.equal(state.cryptoSelfTest, "passed");

  const items = await page.evaluate(() => window.tandem.test.items());
  const tabs = items.filter((i) => i.role === "tab");
  assert.deepEqual(tabs.map((t) => t.label), ["Today", "People", "Pairings", "Library", "Search", "Settings"]);
  assert.equal(tabs.find((t) => t.value === true).label, "Today");
  for (const tab of tabs) {
    assert.ok(tab.enabled);
    assert.ok(tab.x >= 0 && tab.y >= 0 && tab.x + tab.w <= 1366 && tab.y + tab.h <= 768, `${tab.label} is on screen`);
  }
  await screenshot(page, "today");

  const people = tabs.find((t) => t.label === "People");
  await page.mouse.click(center(people).x, center(people).y);
  await waitForState(page, (s) => s.screen === "people");
  // The click is handled inside a frame whose sidebar was already drawn, so
  // the selected tab shows in the frame after it.
  await page.waitForFunction(() =>
    window.tandem.test.items().find((i) => i.role === "tab" && i.value === true)?.label === "People");
  const after = await page.evaluate(() => window.tandem.test.items());
  await screenshot(page, "people");

  const framesBefore = await page.evaluate(() => window.tandem.test.frames());
  const library = after.find((i) => i.label === "Library");
  await page.mouse.click(center(library).x, center(library).y);
  await waitForState(page, (s) => s.screen === "library");
  assert.ok((await page.evaluate(() => window.tandem.test.frames())) > framesBefore);
  assert.deepEqual(errors, []);
  await page.close();
});

test("the hook follows the canvas when the window is resized", async () => {
  const { page } = await openPage(app.browser, `${app.url}?test=1&kdf=fast`, { width: 1024, height: 640 });
  await openTandem(page);
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.waitForFunction(() => {
    const items = window.tandem.test.items();
    return items.length > 0 && document.getElementById("canvas").width === 1280;
  });
  const settings = (await page.evaluate(() => window.tandem.test.items())).find((i) => i.label === "Settings");
  await page.mouse.click(center(settings).x, center(settings).y);
  await waitForState(page, (s) => s.screen === "settings");
  await page.close();
});

test("without ?test=1 the page has no test hook", async () => {
  const { page, errors } = await openPage(app.browser, app.url);
  await page.waitForFunction(() => !document.getElementById("message"));
  assert.equal(await page.evaluate(() => typeof window.tandem), "undefined");
  assert.deepEqual(errors, []);
  await page.close();
});

test("the site also works opened straight from the file system", async () => {
  const url = `${pathToFileURL(join(siteDir, "index.html")).href}?test=1&kdf=fast`;
  const { page, errors } = await openPage(app.browser, url);
  await openTandem(page);
  assert.equal((await page.evaluate(() => window.tandem.test.state())).screen, "today");
  assert.deepEqual(errors, []);
  await page.close();
});

test("a browser without WebGL2 gets an explanation instead of a blank page", async () => {
  const noWebGL = await launchBrowser(["--disable-3d-apis"]);
  try {
    const page = await noWebGL.newPage({ viewport: { width: 1366, height: 768 } });
    await page.goto(app.url);
    await page.waitForFunction(() => /could not start/.test(document.getElementById("message")?.textContent || ""));
    assert.match(await page.textContent("#message"), /up-to-date Chrome, Edge, Firefox or Safari/);
    await screenshot(page, "no-webgl2");
  } finally {
    await noWebGL.close();
  }
});
