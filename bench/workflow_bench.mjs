// workflow_bench: the coaching screens on the large school (500 people, 200
// pairings, 10,000 meetings, 100,000 notes) in headless Chromium, from one
// run: the CPU time of each frame (input, UI, ImGui, WebGL submission)
//   - on Today, with the pointer swept over it;
//   - on People, its 500 rows scrolled with the wheel and swept, then while
//     a new person's name is typed;
//   - on a pairing with its timeline chart, scrolled and swept;
//   - on Search, while three common words are typed letter by letter (the
//     search itself runs once typing pauses; its frame is printed apart);
//   - in a meeting's shared notes holding 20,000 words, while typing at
//     their end (the paste's slowest frame is printed apart).
// The school is written by the persistence bench's page on the same origin,
// then the app opens it from IndexedDB. Prints one "figure" line per screen.
// Run by scripts/bench.sh after the bench-web and web-release builds.
import { launchBrowser, click, hook, scrollTo, waitForState, waitForWidget } from "../tests/e2e/browser.mjs";
import { serveBenchSite, run } from "./bench_site.mjs";
import { figure } from "./figures.mjs";
import { frameTimesDuring, sweepPointer } from "./frame_times.mjs";

const longNoteSentence = "The class settled quickly once the task was on the board before they came in";

async function wheel(page, x, y, turns, delta = 240) {
  await page.mouse.move(x, y);
  for (let turn = 0; turn < turns; ++turn) {
    await page.mouse.wheel(0, delta);
    await page.waitForTimeout(30);
  }
}

async function main() {
  const server = serveBenchSite();
  const base = await server.url;
  const browser = await launchBrowser();
  try {
    const context = await browser.newContext({
      viewport: { width: 1366, height: 768 }, permissions: ["clipboard-read", "clipboard-write"],
    });
    const generated = await run(context, `${base}persistence_bench.html#generate`, 600_000);
    console.log(`school: ${generated.records} records, ${(generated.bytes / 1048576).toFixed(1)} MB`);
    const page = await context.newPage();
    await page.goto(`${base}index.html?test=1`);
    await page.waitForFunction(() => window.tandem?.test?.state().saveStatus === "saved", null, { timeout: 120_000 });
    // The records were written elsewhere: this profile gives its name first.
    await click(page, "Settings");
    await click(page, "Your name");
    await page.keyboard.type("Bench Coach");
    await waitForState(page, (s) => s.profile.name === "Bench Coach");
    const counts = (await hook(page, "state")).counts;
    console.log(`opened: ${counts.people} people, ${counts.pairings} pairings, ${counts.meetings} meetings, ` +
                `${counts.notes} notes`);

    await click(page, "Today");
    figure("frame_cpu_today", await frameTimesDuring(page, () => sweepPointer(page)));

    await click(page, "People");
    await waitForWidget(page, `(i) => i.role === "list-item"`);
    figure("frame_cpu_people_500", await frameTimesDuring(page, async () => {
      await wheel(page, 400, 400, 40);
      await sweepPointer(page);
    }));
    await click(page, "New person");
    figure("frame_cpu_people_typing", await frameTimesDuring(page, async () => {
      await page.keyboard.type("Jordan Okafor", { delay: 40 });
    }));
    await page.keyboard.press("Escape");

    await click(page, "Pairings");
    await waitForWidget(page, `(i) => i.role === "list-item"`);
    const row = (await hook(page, "items")).find((i) => i.role === "list-item");
    await page.mouse.click(row.x + row.w / 2, row.y + row.h / 2);
    await waitForWidget(page, `(i) => i.label === "Record a meeting"`);
    figure("frame_cpu_pairing_timeline", await frameTimesDuring(page, async () => {
      await wheel(page, 1000, 400, 12);
      await sweepPointer(page);
    }));

    await click(page, "Search");
    await waitForWidget(page, `(i) => i.label === "Search for"`);
    await click(page, "Search for");
    const typed = await frameTimesDuring(page, async () => {
      await page.keyboard.type("students practice lesson", { delay: 40 });
    });
    figure("frame_cpu_search_typing", typed);
    // The search runs once typing pauses, in one frame: the slowest.
    const results = (await hook(page, "items")).filter((i) => i.role === "list-item").length;
    console.log(`search: ${results} results drawn; the slowest frame (the one that ran the search) ` +
                `${Math.max(...typed).toFixed(1)} ms`);

    // A 20,000-word note pasted into a new meeting, then typed at its end.
    await page.keyboard.press("Escape");
    await click(page, "Pairings");  // the pairing chosen before is still open
    await scrollTo(page, "Record a meeting");
    await click(page, "Record a meeting");
    await waitForState(page, (s) => s.screen === "meeting");
    await scrollTo(page, "Shared notes");
    await click(page, "Shared notes");
    await page.waitForFunction(() => document.activeElement?.id === "tandem-text-input");
    const words = [];
    while (words.length < 20_000) words.push(...longNoteSentence.split(" "));
    const note = words.slice(0, 20_000).join(" ");
    await page.evaluate((text) => navigator.clipboard.writeText(text), note);
    const pasted = await frameTimesDuring(page, () => page.keyboard.press("Control+V"));
    await waitForState(page, (s) => s.saveStatus === "saved", 60_000);
    console.log(`long note: ${note.length} characters pasted; the slowest frame ${Math.max(...pasted).toFixed(1)} ms`);
    const typing = await frameTimesDuring(page, async () => {
      await page.keyboard.type(" and then the bell rang", { delay: 40 });
    });
    figure("frame_cpu_long_note_typing", typing);
    // The note is stored once typing pauses, in one frame: the slowest.
    console.log(`long note: the slowest frame while typing (the one that stored it) ${Math.max(...typing).toFixed(1)} ms`);
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
