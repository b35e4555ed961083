#!/usr/bin/env bash
# Fuzzes with libFuzzer, AddressSanitizer and UBSan, leak checks on, for
# MINUTES minutes per target (default 10). Not part of CI. The targets:
#   bundle: the bundle reader (tests/fuzz/bundle_fuzz.cpp), from the frozen
#           test vectors;
#   import: taking in a trusted partner's records (tests/fuzz/import_fuzz.cpp),
#           with the trust boundary's invariants checked after every import.
# Prints, per target, the runs, the peak memory and the corpus size; exits
# non-zero on a crash, a broken invariant, a leak or a sanitizer report,
# leaving the input that caused it in build/fuzz-artifacts/.
#
#   scripts/fuzz.sh [MINUTES] [bundle|import|all]
set -euo pipefail
source "$(dirname "$0")/env.sh"
minutes="${1:-10}"
which="${2:-all}"

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
mkdir -p "$logs" build/fuzz-artifacts
cmake --preset fuzz >"$logs/configure.log" 2>&1 && cmake --build --preset fuzz >"$logs/build.log" 2>&1 || {
  tail -n 40 "$logs/build.log" >&2; exit 1; }

# Seeds for the reader: every vector as a whole bundle (mode byte 0).
mkdir -p build/fuzz-corpus/bundle build/fuzz-corpus/import
for vector in tests/vectors/bundles/*.tandem; do
  { printf '\0'; cat "$vector"; } > "build/fuzz-corpus/bundle/seed-$(basename "$vector")"
done

# Runs target $1 on its corpus for $minutes minutes; returns its status. An
# input may take a minute before it counts as hung: the machine is shared.
fuzz_target() {
  local target=$1 status=0
  tandem_say "fuzz: $target for $minutes min"
  ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=0 \
    "build/fuzz/tests/${target}_fuzz" "build/fuzz-corpus/$target" \
      -max_total_time=$((minutes * 60)) -max_len=200000 -rss_limit_mb=4096 -timeout=60 -print_final_stats=1 \
      -artifact_prefix="build/fuzz-artifacts/$target-" >"$logs/$target.log" 2>&1 || status=$?
  grep -E "^(stat::number_of_executed_units|stat::peak_rss_mb)|#[0-9]+ +DONE|ERROR|SUMMARY" "$logs/$target.log" | tail -n 8
  echo "$target corpus: $(ls "build/fuzz-corpus/$target" | wc -l) inputs; log: build/fuzz-logs/$target.log"
  if [ "$status" -ne 0 ]; then
    tandem_say "fuzz: $target FAILED (exit $status); inputs in build/fuzz-artifacts/"
  else
    tandem_say "fuzz: $target: no crash, broken invariant, leak or sanitizer report in $minutes min"
  fi
  return "$status"
}

status=0
case "$which" in
  bundle | import) fuzz_target "$which" || status=$? ;;
  all) fuzz_target bundle || status=$?; fuzz_target import || status=$? ;;
  *) echo "usage: scripts/fuzz.sh [MINUTES] [bundle|import|all]" >&2; exit 2 ;;
esac
exit "$status"
