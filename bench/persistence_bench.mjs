// persistence_bench.mjs: the records' persistence in headless Chromium, from
// one run of the pages that the bench-web preset builds into
// build/bench-web/bench/site (scripts/bench.sh builds them first):
//   - commit→durable latency over 500 single-row commits on Tandem's
//     IndexedDB PageStore, and the same commits on wa-sqlite's
//     IDBBatchAtomicVFS (strict durability), alternating A B B A in one
//     browser, with the ratio of the medians; then Tandem's own edits;
//   - the large school written once, then opened from IndexedDB ten times,
//     by the bench's page step by step and by the app itself.
// Prints one "figure" line per measure.
import { launchBrowser } from "../tests/e2e/browser.mjs";
import { serveBenchSite, run, fresh } from "./bench_site.mjs";
import { figure, percentile } from "./figures.mjs";

const opens = 10;

async function main() {
  const server = serveBenchSite();
  const base = await server.url;
  const browser = await launchBrowser();
  try {
    const tandem = { rows: [], edits: [], inMemory: [] };
    const wa = [];
    for (const side of ["tandem", "wa-sqlite", "wa-sqlite", "tandem"]) {
      if (side === "tandem") {
        const result = await fresh(browser, `${base}persistence_bench.html#commits`);
        tandem.rows.push(...result.rows.durable);
        tandem.inMemory.push(...result.rows.inMemory);
        tandem.edits.push(...result.edits.durable);
      } else {
        wa.push(...(await fresh(browser, `${base}wa_sqlite_bench.html`)).rows.durable);
      }
    }
    figure("commit_durable_tandem", tandem.rows);
    figure("commit_in_memory_tandem", tandem.inMemory);
    figure("commit_durable_wa_sqlite", wa);
    console.log(`figure ${"commit_ratio_tandem_wa".padEnd(28)} p50 ${(percentile(tandem.rows, 50) / percentile(wa, 50)).toFixed(2)} p95 ${(percentile(tandem.rows, 95) / percentile(wa, 95)).toFixed(2)}`);
    figure("edit_durable_tandem", tandem.edits);

    const context = await browser.newContext();
    try {
      const generated = await run(context, `${base}persistence_bench.html#generate`, 600_000);
      console.log(`school: ${generated.records} records, ${(generated.bytes / 1048576).toFixed(1)} MB, ` +
                  `generated in ${(generated.generateMs / 1000).toFixed(1)} s, stored in ${(generated.storeMs / 1000).toFixed(1)} s`);
      const loads = [];
      for (let i = 0; i < opens; ++i) loads.push(await run(context, `${base}persistence_bench.html?load=${i}#open`));
      // Each step's share, then the totals: until the records are open
      // (the app can show them), and until the first agenda is ready.
      const steps = {
        open_script_until_main: (l) => l.mainMs,
        open_indexeddb_opened_at: (l) => l.idbOpenedMs,
        open_indexeddb_read: (l) => l.idbReadMs - l.idbOpenedMs,
        open_pages_into_wasm: (l) => l.loadedMs - l.idbReadMs,
        open_pages_checked: (l) => l.pagesMs,
        open_record_store: (l) => l.storeMs,
        open_first_agenda: (l) => l.agendaMs,
        open_records_from_main: (l) => l.loadedMs + l.pagesMs + l.storeMs - l.mainMs,
        open_records_from_navigation: (l) => l.loadedMs + l.pagesMs + l.storeMs,
        open_agenda_from_navigation: (l) => l.mainMs + l.totalMs,
      };
      for (const [name, value] of Object.entries(steps)) figure(name, loads.map(value));

      // The app itself on the same records (same origin): from navigation
      // until it reports them open and saved, polled every 10 ms.
      const appLoads = [];
      for (let i = 0; i < opens; ++i) {
        const page = await context.newPage();
        await page.goto(`${base}index.html?test=1`);
        appLoads.push(await page.waitForFunction(() => {
          const state = window.tandem?.test?.state();
          return state && state.saveStatus === "saved" && performance.now();
        }, null, { timeout: 60_000, polling: 10 }).then((handle) => handle.jsonValue()));
        await page.close();
      }
      figure("app_records_open_from_navigation", appLoads);
    } finally {
      await context.close();
    }
  } finally {
    await browser.close();
    await server.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
