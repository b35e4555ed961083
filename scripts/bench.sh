#!/usr/bin/env bash
# Builds the benchmark programs natively and as wasm, runs each once on the
# same generated school (500 people, 200 pairings, 10,000 meetings, 100,000
# notes) and prints their figures side by side with the wasm/native ratio;
# then times the web app itself in headless Chromium (bench/app_bench.mjs),
# and the records' persistence there: commits until durable beside wa-sqlite,
# and opening the large school from IndexedDB (bench/persistence_bench.mjs);
# a pairing-year's bundle sent and taken in, and the passphrase lock's cost
# (bench/bundle_bench.cpp, natively, under Node and in Chromium);
# last, the coaching screens on that school (bench/workflow_bench.mjs).
# The wasm build runs under Node, the engine of Chromium. Figures are
# medians and 95th percentiles of one run; the machine is shared, so compare
# ratios rather than absolute times. Logs land in build/bench-logs/.
set -euo pipefail
source "$(dirname "$0")/env.sh"

"$TANDEM_ROOT/scripts/setup.sh"
cd "$TANDEM_ROOT"
logs="$TANDEM_ROOT/build/bench-logs"
mkdir -p "$logs"

for preset in bench-native bench-web web-release; do
  tandem_say "== build $preset"
  if ! { cmake --preset "$preset" && cmake --build --preset "$preset"; } >"$logs/build-$preset.log" 2>&1; then
    tail -n 40 "$logs/build-$preset.log" >&2
    tandem_say "bench.sh: the $preset build failed (build/bench-logs/build-$preset.log)"
    exit 1
  fi
done

tandem_say "== native"
build/bench-native/bench/store_bench | tee "$logs/native.txt"
tandem_say "== wasm (node $(node --version))"
node build/bench-web/bench/store_bench.js | tee "$logs/wasm.txt"

echo
echo "store figures: native, wasm, and wasm/native"
awk '
  # "figure NAME p50 X ms p95 Y ms (n=N)" or "figure NAME SIZE MB";
  # "  search "QUERY" p50 X ms (N hits)" for each query typed.
  function take(side) {
    if ($1 == "figure" && $3 == "p50") { key = $2; p50[side, key] = $4; p95[side, key] = $7 }
    else if ($1 == "figure") { key = $2; p50[side, key] = $3; unit[key] = $4 }
    else if ($1 == "search") {
      key = $0; sub(/^ *search /, "", key); sub(/ +p50 .*/, "", key); key = "search " key
      p50[side, key] = $0; sub(/.* p50 +/, "", p50[side, key]); sub(/ .*/, "", p50[side, key])
    } else return
    if (!(key in seen)) { seen[key] = 1; order[++n] = key }
  }
  FNR == NR { take("native"); next }
  { take("wasm") }
  function ratio(a, b) { return (a > 0) ? sprintf("%.2f", b / a) : "-" }
  END {
    printf "%-26s %12s %12s %12s %12s %8s %8s\n", "", "native p50", "native p95", "wasm p50", "wasm p95", "x p50", "x p95"
    for (i = 1; i <= n; i++) {
      k = order[i]
      if (k in unit) {
        printf "%-26s %12s %12s %12s %12s %8s\n", k " (" unit[k] ")", p50["native", k], "", p50["wasm", k], "", ratio(p50["native", k], p50["wasm", k])
      } else if (("native", k) in p95) {
        printf "%-26s %12s %12s %12s %12s %8s %8s\n", k " (ms)", p50["native", k], p95["native", k], p50["wasm", k], p95["wasm", k],
          ratio(p50["native", k], p50["wasm", k]), ratio(p95["native", k], p95["wasm", k])
      } else {
        label = "  " k; tail = label
        # printf pads by bytes; widen by the UTF-8 continuation bytes so columns line up
        extra = gsub(/[\200-\277]/, "", tail)
        printf "%-" (26 + extra) "s %12s %12s %12s %12s %8s\n", label, p50["native", k], "", p50["wasm", k], "", ratio(p50["native", k], p50["wasm", k])
      }
    }
  }' "$logs/native.txt" "$logs/wasm.txt"

echo
tandem_say "== bundles: a pairing-year sent and taken in, and the passphrase lock"
tandem_say "-- native"
build/bench-native/bench/bundle_bench | tee "$logs/bundle-native.txt"
tandem_say "-- wasm (node)"
node build/bench-web/bench/bundle_bench.js | tee "$logs/bundle-wasm.txt"
tandem_say "-- headless Chromium"
node bench/bundle_bench.mjs | tee "$logs/bundle-browser.txt"

echo
tandem_say "== the web app in headless Chromium"
node bench/app_bench.mjs | tee "$logs/app.txt"

echo
tandem_say "== the records' persistence in headless Chromium"
node bench/persistence_bench.mjs | tee "$logs/persistence.txt"

echo
tandem_say "== the coaching screens on the large school in headless Chromium"
node bench/workflow_bench.mjs | tee "$logs/workflow.txt"
