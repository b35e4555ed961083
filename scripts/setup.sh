#!/usr/bin/env bash
# Installs everything Tandem needs to build, run and test, on Debian 12.
# Idempotent: when nothing is left to do it prints nothing and returns at once.
# Safe as root; uses sudo only when not root.
set -euo pipefail
source "$(dirname "$0")/env.sh"

APT_PACKAGES=(
  emscripten cmake ninja-build g++ make
  libcereal-dev doctest-dev
  tcl                                  # builds the SQLite amalgamation
  autoconf automake libtool            # libsodium's autogen.sh
  curl ca-certificates xz-utils patch  # source fetch and unpack
  chromium                             # end-to-end tests
  glslang-tools                        # shader validation
  fonts-inter                          # the UI font
)

missing_packages() {
  local p
  for p in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || echo "$p"
  done
  command -v node >/dev/null || echo nodejs
  command -v npm >/dev/null || echo npm
}

install_packages() {
  local missing
  mapfile -t missing < <(missing_packages)
  [ ${#missing[@]} -eq 0 ] && return
  tandem_say "setup: installing ${missing[*]}"
  tandem_as_root apt-get update -q >/dev/null
  tandem_as_root env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null
}

# npm ci runs again only when package-lock.json changes.
install_node_modules() {
  local want have=""
  want=$(sha256sum "$TANDEM_ROOT/package-lock.json" | cut -d' ' -f1)
  [ -f "$TANDEM_ROOT/node_modules/.tandem-lock" ] && have=$(cat "$TANDEM_ROOT/node_modules/.tandem-lock")
  [ "$want" = "$have" ] && return
  tandem_say "setup: npm ci"
  (cd "$TANDEM_ROOT" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
  echo "$want" > "$TANDEM_ROOT/node_modules/.tandem-lock"
}

install_packages
install_node_modules
"$TANDEM_ROOT/scripts/fetch_third_party.sh"
"$TANDEM_ROOT/scripts/build_third_party.sh"
