// The site the browser benchmarks run on: the pages the bench-web preset
// builds into build/bench-web/bench/site, with wa-sqlite and the release
// app copied beside them (same origin, so the app opens the records a bench
// page stored), served on 127.0.0.1.
import { cpSync, existsSync } from "node:fs";
import { join } from "node:path";
import { root, serveFolder } from "../tests/e2e/browser.mjs";

const site = join(root, "build", "bench-web", "bench", "site");

// Copies what the pages need beside them and serves the folder; the caller
// awaits `url` and calls stop().
export function serveBenchSite() {
  if (!existsSync(join(site, "persistence_bench.js")))
    throw new Error(`${site} has no persistence_bench.js: run scripts/bench.sh, or build the bench-web preset`);
  const waSqlite = join(root, "node_modules", "wa-sqlite");
  for (const part of ["dist", "src"]) cpSync(join(waSqlite, part), join(site, "wa-sqlite", part), { recursive: true });
  const app = join(root, "build", "web-release", "site");
  if (!existsSync(join(app, "tandem.js"))) throw new Error(`${app} has no tandem.js: build the web-release preset`);
  for (const file of ["index.html", "tandem.js"]) cpSync(join(app, file), join(site, file));
  return serveFolder(site);
}

// Opens `url` in a new page of `context` and waits for the page's benchResult.
export async function run(context, url, timeout = 120_000) {
  const page = await context.newPage();
  const errors = [];
  // An error on the page ends the wait at once, rather than at the timeout.
  const failed = new Promise((resolve, reject) => page.on("pageerror", (error) => {
    errors.push(error.message);
    reject(new Error(`${url}: ${error.message}`));
  }));
  failed.catch(() => {});
  await page.goto(url);
  await Promise.race([page.waitForFunction(() => window.benchResult, null, { timeout, polling: 100 }), failed]);
  const result = await page.evaluate(() => window.benchResult);
  await page.close();
  if (result.error || errors.length) throw new Error(`${url}: ${result.error || errors.join("; ")}`);
  return result;
}

// run() in a context of its own, closed afterwards.
export async function fresh(browser, url, timeout) {
  const context = await browser.newContext();
  try {
    return await run(context, url, timeout);
  } finally {
    await context.close();
  }
}
