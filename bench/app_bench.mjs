// app_bench: the web app's own figures in headless Chromium, from one run:
//   - time to first frame: navigation start to the first frame drawn, over
//     fresh page loads (a new browser context each, so nothing is cached in
//     memory; the HTTP cache is cold too);
//   - CPU time per frame (the wasm side of drawing one frame: input, UI,
//     ImGui, WebGL submission) on the heaviest screen, while the pointer
//     moves over it and while typing into one of its fields;
//   - frames drawn over 10 s of idleness.
// Prints one "figure" line per measure. Run by scripts/bench.sh; started on
// its own it serves the release site through scripts/run.sh.
import { startRunScript, launchBrowser, hook, click, settle } from "../tests/e2e/browser.mjs";
import { figure } from "./figures.mjs";
import { frameTimesDuring, sweepPointer } from "./frame_times.mjs";

const loads = 10;
const heaviest = "Settings";  // the screen with the most widgets until records are shown

async function newPage(browser, url, deviceScaleFactor = 1) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, deviceScaleFactor });
  const page = await context.newPage();
  await page.goto(url);
  return { context, page };
}

// Milliseconds from navigation start to the first frame, over fresh loads.
async function timeToFirstFrame(browser, url) {
  const times = [];
  for (let i = 0; i < loads; ++i) {
    const { context, page } = await newPage(browser, url);
    times.push(await page.evaluate(() => window.tandem.test.ready.then(() => performance.now())));
    await context.close();
  }
  return times;
}

async function typing(page) {
  await click(page, "Your name");
  await page.keyboard.type("Élève naïve — Łódź, Year 4 and Year 5, secondary science", { delay: 5 });
}

async function main() {
  const server = startRunScript();
  const base = await server.url;
  const browser = await launchBrowser();
  try {
    const url = `${base}?test=1`;
    figure("time_to_first_frame", await timeToFirstFrame(browser, url));

    for (const scale of [1, 2]) {
      const { context, page } = await newPage(browser, url, scale);
      await page.evaluate(() => window.tandem.test.ready);
      await click(page, heaviest);
      figure(`frame_cpu_pointer_dpr${scale}`, await frameTimesDuring(page, () => sweepPointer(page)));
      figure(`frame_cpu_typing_dpr${scale}`, await frameTimesDuring(page, () => typing(page)));
      await context.close();
    }

    const { context, page } = await newPage(browser, url);
    await page.evaluate(() => window.tandem.test.ready);
    await click(page, heaviest);
    await page.mouse.move(900, 650);
    const before = await settle(page);
    await page.waitForTimeout(10_000);
    const idle = (await hook(page, "frames")) - before;
    console.log(`figure ${"frames_idle_10s".padEnd(28)} ${idle} frames`);
    await context.close();
  } finally {
    await browser.close();
    await server.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
