#!/usr/bin/env bash
# Builds what the CMake targets need from the fetched Debian sources:
#  - the SQLite amalgamation (sqlite3.c, sqlite3.h), generated with tclsh;
#  - libsodium as a static library, natively and cross-built for wasm;
#  - a header folder holding only cereal and doctest, for both builds.
# Idempotent: each output carries a stamp of the sources it was built from.
set -euo pipefail
source "$(dirname "$0")/env.sh"

SOURCES="$TANDEM_DEPS/src"
BUILD="$TANDEM_DEPS/build"
jobs=$(nproc)

# Prints the stamp for an output: the fetched sources' stamp plus this script.
stamp_of() { cat "$SOURCES/.lock-sha256" "$0" | sha256sum | cut -d' ' -f1; }
up_to_date() { [ -f "$1/.stamp" ] && [ "$(cat "$1/.stamp")" = "$(stamp_of)" ]; }
mark_done() { stamp_of > "$1/.stamp"; }

build_sqlite() {
  local out="$TANDEM_DEPS/sqlite"
  up_to_date "$out" && return
  tandem_say "build: SQLite amalgamation"
  rm -rf "$BUILD/sqlite" "$out"
  mkdir -p "$BUILD/sqlite" "$out"
  (cd "$BUILD/sqlite" \
    && "$SOURCES/sqlite3/configure" --enable-fts5 >configure.log 2>&1 \
    && make sqlite3.c >make.log 2>&1) \
    || { tandem_say "build: SQLite amalgamation failed; see $BUILD/sqlite/*.log"; exit 1; }
  cp "$BUILD/sqlite/sqlite3.c" "$BUILD/sqlite/sqlite3.h" "$BUILD/sqlite/sqlite3ext.h" "$out/"
  mark_done "$out"
}

# autogen.sh would download config.guess and config.sub unless told not to;
# the ones automake installs know wasm32-unknown-emscripten.
prepare_sodium() {
  local tree="$BUILD/libsodium-src"
  up_to_date "$tree" && return
  tandem_say "build: libsodium autogen"
  rm -rf "$tree"
  cp -a "$SOURCES/libsodium" "$tree"
  (cd "$tree" && DO_NOT_UPDATE_CONFIG_SCRIPTS=1 ./autogen.sh >autogen.log 2>&1) \
    || { tandem_say "build: libsodium autogen failed; see $tree/autogen.log"; exit 1; }
  mark_done "$tree"
}

# $1: native or wasm. Installs into .deps/libsodium-$1/{include,lib}.
build_sodium() {
  local kind=$1 out="$TANDEM_DEPS/libsodium-$1" dir="$BUILD/libsodium-$1"
  up_to_date "$out" && return
  tandem_say "build: libsodium ($kind)"
  rm -rf "$dir" "$out"
  mkdir -p "$dir"
  local configure=("$BUILD/libsodium-src/configure" --prefix="$out" --disable-shared --enable-static
                   --disable-dependency-tracking)
  local make=(make -j"$jobs" install)
  if [ "$kind" = wasm ]; then
    configure=(emconfigure "${configure[@]}" --host=wasm32-unknown-emscripten
               --without-pthreads --disable-ssp --disable-asm --disable-pie CFLAGS=-O2)
    make=(emmake "${make[@]}")
  else
    configure+=(CFLAGS="-O2 -fPIC")
  fi
  (cd "$dir" && "${configure[@]}" >configure.log 2>&1 && "${make[@]}" >make.log 2>&1) \
    || { tandem_say "build: libsodium ($kind) failed; see $dir/*.log"; return 1; }
  mark_done "$out"
}

# The web build must not see /usr/include (glibc's headers would shadow
# Emscripten's), so the header-only libraries are staged on their own.
stage_header_libraries() {
  local dir="$TANDEM_DEPS/include"
  [ -L "$dir/cereal" ] && [ -L "$dir/doctest" ] && return
  mkdir -p "$dir"
  ln -sfn /usr/include/cereal "$dir/cereal"
  ln -sfn /usr/include/doctest "$dir/doctest"
}

stage_header_libraries
build_sqlite
prepare_sodium
build_sodium native &
native=$!
if ! build_sodium wasm; then
  kill "$native" 2>/dev/null
  wait "$native" 2>/dev/null
  exit 1
fi
wait "$native"
