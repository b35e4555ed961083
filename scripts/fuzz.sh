#!/usr/bin/env bash
# Fuzzes the bundle reader with libFuzzer (tests/fuzz/bundle_fuzz.cpp) for
# MINUTES minutes (default 10), starting from the frozen test vectors, with
# AddressSanitizer and UBSan and leak checks on. Not part of CI. Prints the
# runs, the coverage reached and the corpus size; exits non-zero on a crash,
# a leak or a sanitizer report, leaving the input that caused it in
# build/fuzz-artifacts/.
#
#   scripts/fuzz.sh [MINUTES]
set -euo pipefail
source "$(dirname "$0")/env.sh"
minutes="${1:-10}"

"$TANDEM_ROOT/scripts/setup.sh"
# Debian's clang and its libFuzzer runtime, needed only here.
for package in clang-14 libclang-rt-14-dev; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed'; then
    tandem_say "fuzz: installing $package"
    tandem_as_root apt-get update -q >/dev/null
    tandem_as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$package" >/dev/null
  fi
done

cd "$TANDEM_ROOT"
logs="$TANDEM_ROOT/build/fuzz-logs"
mkdir -p "$logs" build/fuzz-corpus build/fuzz-artifacts
cmake --preset fuzz >"$logs/configure.log" 2>&1 && cmake --build --preset fuzz >"$logs/build.log" 2>&1 || {
  tail -n 40 "$logs/build.log" >&2; exit 1; }

# Seeds: every vector as a whole bundle (mode byte 0).
for vector in tests/vectors/bundles/*.tandem; do
  { printf '\0'; cat "$vector"; } > "build/fuzz-corpus/seed-$(basename "$vector")"
done

tandem_say "fuzz: bundle reader for $minutes min"
status=0
ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=0 \
  build/fuzz/tests/bundle_fuzz build/fuzz-corpus \
    -max_total_time=$((minutes * 60)) -max_len=200000 -rss_limit_mb=4096 -timeout=10 -print_final_stats=1 \
    -artifact_prefix=build/fuzz-artifacts/ >"$logs/run.log" 2>&1 || status=$?
grep -E "^(stat::number_of_executed_units|stat::peak_rss_mb)|#[0-9]+ +DONE|ERROR|SUMMARY" "$logs/run.log" | tail -n 8
echo "corpus: $(ls build/fuzz-corpus | wc -l) inputs; log: build/fuzz-logs/run.log"
if [ "$status" -ne 0 ]; then
  tandem_say "fuzz: FAILED (exit $status); inputs in build/fuzz-artifacts/"
  exit "$status"
fi
tandem_say "fuzz: no crash, leak or sanitizer report in $minutes min"
