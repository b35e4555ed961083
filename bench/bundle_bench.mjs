// bundle_bench.mjs: bench/bundle_bench.cpp in headless Chromium (the page the
// bench-web preset builds into build/bench-web/bench/site), printing its
// figures: a pairing-year's export and import, and the passphrase key's cost.
import { launchBrowser } from "../tests/e2e/browser.mjs";
import { serveBenchSite, fresh } from "./bench_site.mjs";

async function main() {
  const server = serveBenchSite();
  const base = await server.url;
  const browser = await launchBrowser();
  try {
    const result = await fresh(browser, `${base}bundle_bench.html`, 300_000);
    for (const line of result.lines) console.log(line);
  } finally {
    await browser.close();
    server.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
