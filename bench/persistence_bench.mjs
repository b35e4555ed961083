// persistence_bench.mjs: the records' persistence in headless Chromium, from
// one run of the pages that the bench-web preset builds into
// build/bench-web/bench/site (scripts/bench.sh builds them first):
//   - commit→durable latency over 500 single-row commits on Tandem's
//     IndexedDB PageStore with its pages in the clear and encrypted in a
//     vault, and the same commits on wa-sqlite's IDBBatchAtomicVFS (strict
//     durability), alternating in one browser, with the ratios of the
//     medians and 95th percentiles; then Tandem's own edits;
//   - the large school written once in the clear and once in a vault, then
//     opened from IndexedDB ten times each, alternating, step by step;
//   - the app's own unlock of that vault: from the Enter that sends the
//     passphrase to the first frame that shows the records, with Enter
//     pressed at once and after a person's pace of typing.
// Prints one "figure" line per measure.
import { launchBrowser, click, currentFrame, waitForState } from "../tests/e2e/browser.mjs";
import { serveBenchSite, run, fresh } from "./bench_site.mjs";
import { figure, percentile } from "./figures.mjs";

const opens = 10;
const benchPassphrase = "bench school lantern orbit";

const ratio = (name, a, b) =>
  console.log(`figure ${name.padEnd(28)} p50 ${(percentile(a, 50) / percentile(b, 50)).toFixed(2)} p95 ${(percentile(a, 95) / percentile(b, 95)).toFixed(2)}`);

async function commits(browser, base) {
  const sides = { tandem: { rows: [], edits: [], inMemory: [] }, vault: { rows: [], edits: [], inMemory: [] } };
  const wa = [];
  for (const side of ["tandem", "vault", "wa-sqlite", "wa-sqlite", "vault", "tandem"]) {
    if (side === "wa-sqlite") {
      wa.push(...(await fresh(browser, `${base}wa_sqlite_bench.html`)).rows.durable);
      continue;
    }
    const result = await fresh(browser, `${base}persistence_bench.html#commits${side === "vault" ? "-vault" : ""}`);
    sides[side].rows.push(...result.rows.durable);
    sides[side].inMemory.push(...result.rows.inMemory);
    sides[side].edits.push(...result.edits.durable);
  }
  for (const side of ["tandem", "vault"]) {
    figure(`commit_durable_${side}`, sides[side].rows);
    figure(`commit_in_memory_${side}`, sides[side].inMemory);
  }
  figure("commit_durable_wa_sqlite", wa);
  ratio("commit_ratio_tandem_wa", sides.tandem.rows, wa);
  ratio("commit_ratio_vault_clear", sides.vault.rows, sides.tandem.rows);
  figure("edit_durable_tandem", sides.tandem.edits);
  figure("edit_durable_vault", sides.vault.edits);
  ratio("edit_ratio_vault_clear", sides.vault.edits, sides.tandem.edits);
}

// The app on the vault #generate-vault wrote (same origin): the profile
// chosen, the passphrase typed, then the time from its Enter until the
// first frame drawn with the records open.
async function appUnlock(context, base, { pause }) {
  const page = await context.newPage();
  await page.goto(`${base}index.html?test=1`);
  await page.waitForFunction(() => window.tandem?.test?.state().vault === "choosing", null, { timeout: 60_000 });
  await currentFrame(page);
  await click(page, "Large school");
  await waitForState(page, (s) => s.vault === "unlocking");
  await currentFrame(page);
  await click(page, "Passphrase");
  await page.keyboard.type(benchPassphrase);
  // A person types a passphrase in a few seconds, while the records are read.
  if (pause) await page.waitForTimeout(pause);
  await page.evaluate(() => {
    window.benchEnter = null;
    addEventListener("keydown", (e) => { if (e.key === "Enter") window.benchEnter = e.timeStamp; }, { capture: true, once: true });
  });
  await page.keyboard.press("Enter");
  const ms = await page.waitForFunction(() => {
    const state = window.tandem.test.state();
    return state.vault === "open" && state.saveStatus === "saved" && window.benchEnter !== null &&
      performance.now() - window.benchEnter;
  }, null, { timeout: 60_000, polling: "raf" }).then((handle) => handle.jsonValue());
  await page.close();
  return ms;
}

async function main() {
  const server = serveBenchSite();
  const base = await server.url;
  const browser = await launchBrowser();
  try {
    await commits(browser, base);
    const context = await browser.newContext();
    try {
      for (const side of ["", "-vault"]) {
        const generated = await run(context, `${base}persistence_bench.html#generate${side}`, 600_000);
        console.log(`school${side}: ${generated.records} records, ${(generated.bytes / 1048576).toFixed(1)} MB, ` +
                    `generated in ${(generated.generateMs / 1000).toFixed(1)} s, stored in ${(generated.storeMs / 1000).toFixed(1)} s`);
      }
      const loads = { clear: [], vault: [] };
      for (let i = 0; i < opens; ++i)
        for (const side of i % 2 ? ["vault", "clear"] : ["clear", "vault"])
          loads[side].push(await run(context, `${base}persistence_bench.html?load=${i}#open${side === "vault" ? "-vault" : ""}`));
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
        open_records_from_main: (l) => l.loadedMs + l.kdfMs + l.pagesMs + l.storeMs - l.mainMs,
        open_agenda_from_navigation: (l) => l.mainMs + l.totalMs,
      };
      for (const [name, value] of Object.entries(steps)) {
        figure(name, loads.clear.map(value));
        figure(`${name}_vault`, loads.vault.map(value));
      }
      ratio("open_pages_ratio_vault_clear", loads.vault.map(steps.open_pages_checked),
            loads.clear.map(steps.open_pages_checked));
      figure("unlock_passphrase_key", loads.vault.map((l) => l.kdfMs));
      figure("unlock_key_pages_store_agenda", loads.vault.map((l) => l.kdfMs + l.pagesMs + l.storeMs + l.agendaMs));

      // Enter pressed as soon as the passphrase is typed (the records may
      // still be being read), and after a person's pace of typing.
      const unlocks = { atOnce: [], typed: [] };
      for (let i = 0; i < opens; ++i) {
        unlocks.atOnce.push(await appUnlock(context, base, { pause: 0 }));
        unlocks.typed.push(await appUnlock(context, base, { pause: 3000 }));
      }
      figure("app_unlock_enter_at_once", unlocks.atOnce);
      figure("app_unlock_enter_after_3s", unlocks.typed);
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
