#!/usr/bin/env bash
# Sets up if needed, checks the sources' text and the renderer's shaders,
# builds natively and for the web, and runs the three test levels:
#   a) native: the doctest suites natively (with AddressSanitizer and UBSan) via ctest;
#   b) wasm:   the same suites compiled to wasm, run under Node via ctest;
#   c) e2e:    the end-to-end tests: playwright-core driving headless Chromium
#              against the release site served by scripts/run.sh.
# Usage: scripts/test.sh [all|native|wasm|e2e] [FILTER]
#   LEVEL   one level (with what it needs built), or all of them (the default,
#           and what CI runs; only `all` checks that native and wasm ran the
#           same number of test cases).
#   FILTER  runs only the test cases whose name contains it: doctest's
#           -tc='*FILTER*' for a) and b), node --test's --test-name-pattern for c).
# Ends with one line "N passed, N failed" over the levels run, counted in
# test cases, and exits non-zero on any failure. Logs land in build/test-logs/.
# TANDEM_NATIVE_PRESET=native runs level a) without sanitizers.
set -uo pipefail
source "$(dirname "$0")/env.sh"
cd "$TANDEM_ROOT"

level=${1:-all}
filter=${2:-}
case "$level" in
  all | native | wasm | e2e) ;;
  *) echo "usage: scripts/test.sh [all|native|wasm|e2e] [FILTER]" >&2; exit 2 ;;
esac
native_preset=${TANDEM_NATIVE_PRESET:-native-asan}
logs="$TANDEM_ROOT/build/test-logs"
passed=0
failed=0
problems=()

"$TANDEM_ROOT/scripts/setup.sh" || { echo "setup failed"; echo "0 passed, 1 failed"; exit 1; }
mkdir -p "$logs"

# Configures and builds one preset; on failure records it and shows the log.
build() {
  local preset=$1
  tandem_say "== build $preset"
  if { cmake --preset "$preset" && cmake --build --preset "$preset"; } >"$logs/build-$preset.log" 2>&1; then
    return 0
  fi
  tail -n 60 "$logs/build-$preset.log"
  problems+=("build of $preset failed (build/test-logs/build-$preset.log)")
  failed=$((failed + 1))
  return 1
}

level_total=-1
# Runs each doctest executable of ctest preset $1 with doctest's filter, in
# ctest's own words ("N: " before each line of test N, and its closing
# count), so that run_ctest reads both alike.
run_filtered() {
  local commands status=0 n=0 failed_executables=0
  commands=$(ctest --preset "$1" --show-only=json-v1 | node -e '
    const tests = JSON.parse(require("fs").readFileSync(0)).tests;
    for (const t of tests) {
      const dir = (t.properties || []).find((p) => p.name === "WORKING_DIRECTORY");
      process.stdout.write([t.name, dir ? dir.value : ".", ...t.command].join("\t") + "\n");
    }') || return 1
  while IFS=$'\t' read -r name dir program args; do
    n=$((n + 1))
    # shellcheck disable=SC2086 # ctest's arguments here are words without spaces
    (cd "$dir" && "$program" $args "-tc=*${filter}*") 2>&1 | sed "s/^/$n: /"
    if [ "${PIPESTATUS[0]}" -ne 0 ]; then
      echo "Test #$n: $name ***Failed"
      failed_executables=$((failed_executables + 1))
      status=1
    else
      echo "Test #$n: $name Passed"
    fi
  done <<<"$commands"
  echo "$(( (n - failed_executables) * 100 / (n > 0 ? n : 1) ))% tests passed, $failed_executables tests failed out of $n"
  return $status
}

# Runs one ctest preset and adds its doctest test-case counts. An executable
# that ends without doctest's summary (a crash, a sanitizer report) counts as
# one failure. Sets level_total to the test cases doctest ran.
run_ctest() {
  local preset=$1 log="$logs/ctest-$1.log"
  tandem_say "== doctest suites ($preset)${filter:+, test cases matching \"$filter\"}"
  local ctest_status
  if [ -z "$filter" ]; then
    ctest --preset "$preset" -V >"$log" 2>&1
    ctest_status=$?
  else
    run_filtered "$preset" >"$log" 2>&1
    ctest_status=$?
  fi
  grep -E '(Test +#[0-9]+: .*(Passed|Failed|\*\*\*)|tests passed)' "$log" >&2
  local counts
  counts=$(sed 's/\x1b\[[0-9;]*m//g' "$log" | awk '
    # -V prefixes each line of test N with "N: "; the same output repeated
    # unprefixed for a failed test (outputOnFailure) must not count twice.
    /^[0-9]+: \[doctest\] test cases:/ {
      summaries++
      for (i = 1; i <= NF; i++) {
        if ($i == "passed") p += $(i - 1)
        if ($i == "failed") f += $(i - 1)
      }
    }
    /tests passed, [0-9]+ tests? failed out of [0-9]+/ { executables = $NF }
    END { print p + 0, f + 0, summaries + 0, executables + 0 }')
  local p f summaries executables
  read -r p f summaries executables <<<"$counts"
  level_total=$((p + f))
  if [ "$executables" -eq 0 ]; then
    problems+=("ctest $preset ran no test executable (build/test-logs/ctest-$preset.log)")
    f=$((f + 1))
  elif [ "$summaries" -lt "$executables" ]; then
    problems+=("$((executables - summaries)) $preset test executable(s) ended without a doctest summary (build/test-logs/ctest-$preset.log)")
    f=$((f + executables - summaries))
  elif [ "$ctest_status" -ne 0 ] && [ "$f" -eq 0 ]; then
    # e.g. LeakSanitizer reports after doctest's summary and fails the exit code
    problems+=("ctest $preset failed after every test case passed (build/test-logs/ctest-$preset.log)")
    f=1
  fi
  [ "$f" -gt 0 ] && grep -E -B2 -A8 'ERROR|FAILED|Sanitizer|runtime error|Aborted' "$log" | head -n 80 >&2
  passed=$((passed + p))
  failed=$((failed + f))
}

wants() { [ "$level" = all ] || [ "$level" = "$1" ]; }

if wants native; then
  tandem_say "== the sources' text and layers (scripts/check_sources.mjs)"
  if node scripts/check_sources.mjs >"$logs/sources-check.log" 2>&1; then
    passed=$((passed + 1))
  else
    cat "$logs/sources-check.log" >&2
    problems+=("a source breaks a text or layer rule (build/test-logs/sources-check.log)")
    failed=$((failed + 1))
  fi
  tandem_say "== shaders (glslangValidator)"
  for shader in shaders/*.vert shaders/*.frag; do
    if glslangValidator "$shader" >"$logs/shader-$(basename "$shader").log" 2>&1; then
      passed=$((passed + 1))
    else
      cat "$logs/shader-$(basename "$shader").log" >&2
      problems+=("$shader does not compile as GLSL ES 3.00")
      failed=$((failed + 1))
    fi
  done
fi

native_total=-1
web_total=-1
web_built=0
if wants native && build "$native_preset"; then run_ctest "$native_preset"; native_total=$level_total; fi
# The e2e tests read saved files with a tool of the web build.
if wants wasm || wants e2e; then build web && web_built=1; fi
if wants wasm && [ "$web_built" = 1 ]; then run_ctest web; web_total=$level_total; fi

if [ "$level" = all ] && [ "$native_total" -ge 0 ] && [ "$web_total" -ge 0 ] && [ "$native_total" != "$web_total" ]; then
  problems+=("the wasm run executed $web_total test cases but the native run $native_total")
  failed=$((failed + 1))
fi

if wants e2e && [ "$web_built" = 1 ] && build web-release; then
  tandem_say "== end-to-end tests (Chromium)${filter:+, tests matching \"$filter\"}"
  rm -f "$logs/e2e.tap"
  name_filter=()
  [ -n "$filter" ] && name_filter=(--test-name-pattern="$filter")
  node --test "${name_filter[@]}" \
    --test-reporter=spec --test-reporter-destination=stdout \
    --test-reporter=tap --test-reporter-destination="$logs/e2e.tap" \
    tests/e2e/ 2>&1 | tee "$logs/e2e.log" >&2
  node_status=${PIPESTATUS[0]}
  e2e_pass=$(awk '/^# pass /{print $3}' "$logs/e2e.tap" 2>/dev/null)
  # cancelled tests (timeouts, a hook that failed) are failures too
  e2e_fail=$(awk '/^# (fail|cancelled) /{n += $3} END {print n + 0}' "$logs/e2e.tap" 2>/dev/null)
  if [ -z "$e2e_pass" ] || [ $((e2e_pass + e2e_fail)) -eq 0 ]; then
    problems+=("the end-to-end run reported no tests (build/test-logs/e2e.log)")
    e2e_pass=0
    e2e_fail=1
  elif [ "$node_status" -ne 0 ] && [ "$e2e_fail" -eq 0 ]; then
    problems+=("the end-to-end run failed outside any test (build/test-logs/e2e.log)")
    e2e_fail=1
  fi
  passed=$((passed + e2e_pass))
  failed=$((failed + e2e_fail))
  tandem_say "e2e: $e2e_pass passed, $e2e_fail failed; screenshots in build/e2e/screenshots/"
fi

[ "$native_total" -ge 0 ] && tandem_say "native test cases: $native_total"
[ "$web_total" -ge 0 ] && tandem_say "wasm test cases: $web_total"
for problem in "${problems[@]}"; do tandem_say "problem: $problem"; done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
