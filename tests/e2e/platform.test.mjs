// The web platform layer in headless Chromium: render on demand, crisp text
// at every pixel ratio, zoom and resize, keyboard shortcuts, preferences kept
// between visits, files in and out, and a lost WebGL context. Input goes
// through Playwright's real mouse and keyboard at items() coordinates.
import { test } from "node:test";
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { useAppServer, openApp, hook, item, click, settle, waitForState, screenshot, screenshotDir } from "./browser.mjs";

const app = useAppServer();

test("no frames are drawn while idle, and a mouse move draws one", async () => {
  const { context, page, errors } = await openApp(app);
  // The new profile's first save lands first: the status line then changes, as it should.
  await waitForState(page, (s) => s.saveStatus === "saved");
  await page.mouse.move(600, 400);
  const before = await settle(page);
  await page.waitForTimeout(5000);
  assert.equal(await hook(page, "frames"), before, "frames drawn over 5 s of idleness");
  const tab = await item(page, "People");
  await page.mouse.move(tab.x + 10, tab.y + 10);
  await page.waitForFunction((n) => window.tandem.test.frames() > n, before);
  assert.deepEqual(errors, []);
  await context.close();
});

// Sharpness of the text in a screenshot: the mean absolute difference between
// horizontally neighbouring pixels inside `rect` (CSS pixels), for the image
// itself and for the same image halved and stretched back (a blurred copy).
async function sharpness(page, png, rect) {
  return page.evaluate(async ({ data, rect }) => {
    const image = await createImageBitmap(new Blob([Uint8Array.from(atob(data), (c) => c.charCodeAt(0))]));
    const ratio = window.devicePixelRatio;
    const [x, y, w, h] = [rect.x, rect.y, rect.w, rect.h].map((v) => Math.round(v * ratio));
    const measure = (source, sw, sh) => {
      const canvas = new OffscreenCanvas(w, h);
      const g = canvas.getContext("2d");
      g.imageSmoothingEnabled = true;
      g.drawImage(source, 0, 0, sw, sh, 0, 0, w, h);
      const pixels = g.getImageData(0, 0, w, h).data;
      let sum = 0;
      for (let row = 0; row < h; row++)
        for (let col = 1; col < w; col++) {
          const i = (row * w + col) * 4;
          sum += Math.abs(pixels[i] - pixels[i - 4]);
        }
      return sum / (w * h);
    };
    const crop = new OffscreenCanvas(w, h);
    crop.getContext("2d").drawImage(image, x, y, w, h, 0, 0, w, h);
    const half = new OffscreenCanvas(Math.ceil(w / 2), Math.ceil(h / 2));
    const hg = half.getContext("2d");
    hg.imageSmoothingEnabled = true;
    hg.drawImage(crop, 0, 0, half.width, half.height);
    return { own: measure(crop, w, h), blurred: measure(half, half.width, half.height) };
  }, { data: png.toString("base64"), rect });
}

for (const deviceScaleFactor of [1, 2]) {
  test(`text is rasterised for a pixel ratio of ${deviceScaleFactor}, not stretched`, async () => {
    const { context, page, errors } = await openApp(app, { deviceScaleFactor });
    const state = await waitForState(page, (s) => s.pixelRatio === deviceScaleFactor);
    assert.equal(state.fontPixels, 17 * deviceScaleFactor);
    assert.equal(await page.evaluate(() => document.getElementById("canvas").width), 1366 * deviceScaleFactor);
    await settle(page);
    const png = await page.screenshot({ path: (await screenshot(page, `sidebar-dpr${deviceScaleFactor}`)) });
    const tabs = (await hook(page, "items")).filter((i) => i.role === "tab");
    const first = tabs[0], last = tabs[tabs.length - 1];
    const { own, blurred } = await sharpness(page, png, { x: first.x, y: first.y, w: first.w, h: last.y + last.h - first.y });
    assert.ok(own > blurred * 1.25, `text edges are soft: ${own.toFixed(2)} vs ${blurred.toFixed(2)} when blurred`);
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test("browser zoom and a window resize keep the layout usable and the text crisp", async () => {
  const { context, page } = await openApp(app, { width: 1024, height: 768 });
  const session = await context.newCDPSession(page);
  // What zooming to 150 % does to a 1024 x 768 window: two thirds of the CSS
  // pixels, each 1.5 device pixels wide.
  await session.send("Emulation.setDeviceMetricsOverride", { width: 683, height: 512, deviceScaleFactor: 1.5, mobile: false });
  const state = await waitForState(page, (s) => s.pixelRatio === 1.5);
  assert.equal(state.fontPixels, 25.5);
  await settle(page);
  // Through the same session: page.screenshot() would undo the override.
  const { data } = await session.send("Page.captureScreenshot", { format: "png" });
  mkdirSync(screenshotDir, { recursive: true });
  writeFileSync(join(screenshotDir, "zoom-150.png"), Buffer.from(data, "base64"));
  // Eleven entries do not fit 512 CSS pixels: the sidebar scrolls to the last.
  await page.mouse.move(100, 300);
  await page.mouse.wheel(0, 400);
  await page.waitForFunction(() => {
    const tab = window.tandem.test.items().find((i) => i.label === "Settings");
    return tab && tab.h >= 32 && tab.y + tab.h <= 512;
  });
  for (const tab of (await hook(page, "items")).filter((i) => i.role === "tab" && i.y >= 0 && i.y + i.h <= 512))
    assert.ok(tab.h >= 32 && tab.w >= 100, `${tab.label} is a large enough target`);
  await session.send("Emulation.clearDeviceMetricsOverride");
  await page.setViewportSize({ width: 1366, height: 768 });
  await waitForState(page, (s) => s.pixelRatio === 1);
  await click(page, "Settings");
  await waitForState(page, (s) => s.screen === "settings");
  await context.close();
});

test("Ctrl + and Ctrl - change the text size, Settings changes the theme, and both are kept", async () => {
  const { context, page, errors } = await openApp(app);
  await click(page, "Settings");
  await waitForState(page, (s) => s.screen === "settings");
  await page.keyboard.press("Control+=");
  await waitForState(page, (s) => s.textSize === 110 && Math.abs(s.fontPixels - 18.7) < 0.01);
  await page.keyboard.press("Control+-");
  await page.keyboard.press("Control+-");
  await waitForState(page, (s) => s.textSize === 90);
  await page.keyboard.press("Control+0");
  await waitForState(page, (s) => s.textSize === 100);
  await click(page, "Larger");
  await waitForState(page, (s) => s.textSize === 110);
  await settle(page);
  await click(page, "Dark");
  await waitForState(page, (s) => s.theme === "dark");
  await settle(page);
  await screenshot(page, "settings-dark");

  await page.reload();
  await page.evaluate(() => window.tandem.test.ready);
  const kept = await waitForState(page, (s) => s.screen === "settings");
  assert.equal(kept.theme, "dark");
  assert.equal(kept.textSize, 110);
  assert.deepEqual(errors, []);
  await context.close();
});

test("the sidebar can be widened by dragging its edge, and keeps its width", async () => {
  const { context, page } = await openApp(app);
  const edge = await item(page, "Sidebar width");
  await page.mouse.move(edge.x + edge.w / 2, 400);
  await page.mouse.down();
  await page.mouse.move(edge.x + 60, 400, { steps: 5 });
  await page.mouse.up();
  const state = await waitForState(page, (s) => s.sidebarWidth > 280);
  await page.reload();
  await page.evaluate(() => window.tandem.test.ready);
  await waitForState(page, (s) => s.sidebarWidth === state.sidebarWidth);
  await context.close();
});

test("a file opened through the picker reaches the app whole and downloads back byte for byte", async () => {
  const { context, page, errors } = await openApp(app);
  await click(page, "Pairings");
  await waitForState(page, (s) => s.screen === "pairings");
  const bytes = randomBytes(300_000);
  const chooser = page.waitForEvent("filechooser");
  await click(page, "Open a file\u2026");
  await (await chooser).setFiles({ name: "from-sam.tandem", mimeType: "application/octet-stream", buffer: bytes });
  await waitForState(page, (s) => s.share?.fileName === "from-sam.tandem" && s.share.title === "This is not a Tandem file");
  await settle(page);
  await screenshot(page, "file-opened");

  const download = page.waitForEvent("download");
  await hook(page, "saveOpenedFile");
  const saved = await download;
  assert.equal(saved.suggestedFilename(), "from-sam.tandem");
  assert.ok(readFileSync(await saved.path()).equals(bytes), "the downloaded bytes differ from the opened ones");

  assert.deepEqual(errors, []);
  await context.close();
});

test("a file dropped on the page is opened, and one over the limit is refused with its size", async () => {
  const { context, page, errors } = await openApp(app);
  const drop = (name, size) => page.evaluate(({ name, size }) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([new Uint8Array(size).fill(7)], name));
    const canvas = document.getElementById("canvas");
    for (const type of ["dragenter", "dragover", "drop"])
      canvas.dispatchEvent(new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }));
  }, { name, size });
  await drop("notes.txt", 1000);
  await waitForState(page, (s) => s.share?.fileName === "notes.txt" && s.share.title === "This is not a Tandem file");
  await drop("huge.tandem", 65 * 1024 * 1024);
  const state = await waitForState(page, (s) => s.notice.includes("huge.tandem"));
  assert.match(state.notice, /is 65 MB\. Tandem opens files of up to 64 MB/);
  assert.deepEqual(errors, []);
  await context.close();
});

test("the app keeps working after its WebGL context is lost and restored", async () => {
  const { context, page, errors } = await openApp(app);
  await settle(page);
  await page.evaluate(() => {
    const gl = document.getElementById("canvas").getContext("webgl2");
    window.loseContext = gl.getExtension("WEBGL_lose_context");
    window.loseContext.loseContext();
  });
  await waitForState(page, (s) => s.contextLost);
  await page.evaluate(() => window.loseContext.restoreContext());
  await waitForState(page, (s) => !s.contextLost);
  await click(page, "Pairings");
  await waitForState(page, (s) => s.screen === "pairings");
  await settle(page);
  const png = await screenshot(page, "after-context-restore");
  // The sidebar is drawn again: its selected entry's colour is on screen.
  const target = await item(page, "Pairings");
  const pixel = await page.evaluate(async ({ data, x, y }) => {
    const image = await createImageBitmap(new Blob([Uint8Array.from(atob(data), (c) => c.charCodeAt(0))]));
    const canvas = new OffscreenCanvas(image.width, image.height);
    const g = canvas.getContext("2d");
    g.drawImage(image, 0, 0);
    return Array.from(g.getImageData(x, y, 1, 1).data);
  }, { data: readFileSync(png).toString("base64"), x: Math.round(target.x + target.w - 8), y: Math.round(target.y + target.h / 2) });
  assert.deepEqual(pixel.slice(0, 3), [0xd5, 0xe6, 0xe2]);
  assert.deepEqual(errors, []);
  await context.close();
});
