#!/usr/bin/env bash
# Sets up if needed, builds the web release and serves the static site on
# http://127.0.0.1:8080 (or --port N, or the PORT environment variable) until
# interrupted.
set -euo pipefail
source "$(dirname "$0")/env.sh"

port=${PORT:-8080}
while [ $# -gt 0 ]; do
  case "$1" in
    --port) port=${2:?--port needs a number}; shift 2 ;;
    --port=*) port=${1#--port=}; shift ;;
    -h|--help) echo "usage: scripts/run.sh [--port N]"; exit 0 ;;
    *) echo "run.sh: unknown option $1 (usage: scripts/run.sh [--port N])" >&2; exit 2 ;;
  esac
done

"$TANDEM_ROOT/scripts/setup.sh"
cd "$TANDEM_ROOT"
log="$TANDEM_ROOT/build/run-build.log"
mkdir -p "$TANDEM_ROOT/build"
tandem_say "Building Tandem…"
if ! { cmake --preset web-release && cmake --build --preset web-release; } >"$log" 2>&1; then
  cat "$log" >&2
  tandem_say "run.sh: the build failed (log above, also in $log)"
  exit 1
fi
exec node "$TANDEM_ROOT/scripts/serve.mjs" --root "$TANDEM_ROOT/build/web-release/site" --port "$port"
