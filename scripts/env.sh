# Shared environment for Tandem's scripts. Source it; it defines variables only.
# shellcheck shell=bash

TANDEM_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# Pinned third-party sources and their builds; never committed.
TANDEM_DEPS="$TANDEM_ROOT/.deps"
# Debian's emcc loads node modules (acorn) from here; a node that is not
# Debian's own does not look there by itself.
export NODE_PATH=/usr/share/nodejs
# Debian's Chromium, driven by playwright-core in the end-to-end tests.
export TANDEM_CHROMIUM=${TANDEM_CHROMIUM:-/usr/bin/chromium}

# Prints a progress line, so that a quiet run stays quiet.
tandem_say() { printf '%s\n' "$*" >&2; }

# Runs a command as root: directly when root, through sudo otherwise.
tandem_as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}
