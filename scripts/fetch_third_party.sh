#!/usr/bin/env bash
# Fetches the pinned third-party sources listed in scripts/third_party.lock
# from Debian source packages, checks each file's SHA-256 against the lock,
# and unpacks each package with its Debian patches applied into
# .deps/src/<package>. Idempotent: does nothing while the stamp left by the
# last complete run matches the lock (delete .deps/src to unpack afresh).
set -euo pipefail
source "$(dirname "$0")/env.sh"

LOCK="$TANDEM_ROOT/scripts/third_party.lock"
DOWNLOADS="$TANDEM_DEPS/downloads"
SOURCES="$TANDEM_DEPS/src"
STAMP="$SOURCES/.lock-sha256"

lock_sha=$(cat "$LOCK" "$0" | sha256sum | cut -d' ' -f1)
if [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$lock_sha" ]; then
  exit 0
fi

# True when apt knows at least one active deb-src entry.
# (grep -q answers 0 on a match even when a glob named no file.)
has_deb_src() {
  grep -qsE '^[[:space:]]*deb-src[[:space:]]' /etc/apt/sources.list /etc/apt/sources.list.d/*.list && return 0
  grep -qsE '^[[:space:]]*Types:.*deb-src' /etc/apt/sources.list.d/*.sources
}

# Makes sure apt can name source files, once, and only when a download is due.
deb_src_checked=0
ensure_deb_src() {
  [ "$deb_src_checked" = 1 ] && return
  deb_src_checked=1
  has_deb_src || add_deb_src || true
}

# Adds deb-src entries mirroring the machine's own Debian deb entries, so that
# apt can name the source files of the pinned versions.
add_deb_src() {
  local list=/etc/apt/sources.list.d/tandem-deb-src.list
  local sources=/etc/apt/sources.list.d/tandem-deb-src.sources
  local one_line deb822
  one_line=$(grep -hsE '^[[:space:]]*deb[[:space:]]' /etc/apt/sources.list /etc/apt/sources.list.d/*.list \
    | grep -E '/debian|debian-archive' | sed -E 's/^[[:space:]]*deb[[:space:]]/deb-src /' || true)
  # deb822 stanzas: keep Debian's own (by keyring or URI), switch their type.
  deb822=$(awk '
    function flush() { if (s != "" && t ~ /(^| )deb( |$)/ && s ~ /(debian-archive-keyring|\/debian)/) printf "%s\n", s; s = ""; t = "" }
    /^[[:space:]]*$/ { flush(); next }
    /^[[:space:]]*#/ { next }
    /^Types:/ { t = $0; sub(/^Types:[[:space:]]*/, "", t); s = s "Types: deb-src\n"; next }
    { s = s $0 "\n" }
    END { flush() }' /etc/apt/sources.list.d/*.sources 2>/dev/null || true)
  if [ -z "$one_line$deb822" ]; then
    tandem_say "fetch: no Debian entry in the apt sources to derive a deb-src entry from"
    return 1
  fi
  tandem_say "fetch: adding deb-src entries for the machine's Debian mirror"
  [ -n "$one_line" ] && printf '%s\n' "$one_line" | tandem_as_root tee "$list" >/dev/null
  [ -n "$deb822" ] && printf '%s\n' "$deb822" | tandem_as_root tee "$sources" >/dev/null
  tandem_as_root apt-get update -q >/dev/null
}

# The first Debian mirror named in the apt sources, for the pool fallback.
debian_mirror() {
  { grep -hsE '^[[:space:]]*deb(-src)?[[:space:]]' /etc/apt/sources.list /etc/apt/sources.list.d/*.list \
      | sed -E 's/^[[:space:]]*deb(-src)?[[:space:]]+(\[[^]]*\][[:space:]]+)?([^[:space:]]+).*/\3/'
    grep -hsE '^URIs:' /etc/apt/sources.list.d/*.sources | awk '{print $2}'
  } | grep -E '/debian/?$' | head -1 | sed 's:/*$::'
}

# Prints the URL of one file of a source package version: the one apt's index
# names, else the mirror's pool path (for a version no longer in the index).
source_url() {
  local pkg=$1 ver=$2 file=$3 url prefix
  url=$(cd "$WORK" && apt-get source -qq --print-uris "$pkg=$ver" 2>/dev/null \
    | awk -v f="$file" '$2 == f { gsub("\047", "", $1); print $1 }' || true)
  if [ -z "$url" ]; then
    prefix=${pkg:0:1}
    [[ $pkg == lib* ]] && prefix=${pkg:0:4}
    url="$(debian_mirror)/pool/main/$prefix/$pkg/${file//+/%2b}"
  fi
  echo "$url"
}

fetch_file() {
  local pkg=$1 ver=$2 file=$3 sha=$4 dest="$DOWNLOADS/$3"
  if [ -f "$dest" ] && echo "$sha  $dest" | sha256sum -c --status; then return; fi
  local url
  ensure_deb_src
  url=$(source_url "$pkg" "$ver" "$file")
  tandem_say "fetch: $file"
  curl -fsSL --retry 3 -o "$dest.part" "$url"
  if ! echo "$sha  $dest.part" | sha256sum -c --status; then
    rm -f "$dest.part"
    tandem_say "fetch: $file does not match the SHA-256 in scripts/third_party.lock; refusing it"
    exit 1
  fi
  mv "$dest.part" "$dest"
}

# Unpacks the upstream tarball and the Debian tarball of one package and
# applies the Debian patch series (format 3.0 quilt).
unpack_package() {
  local pkg=$1 orig=$2 debian=$3 dir="$SOURCES/$1"
  rm -rf "$dir"
  mkdir -p "$dir"
  tar -xf "$DOWNLOADS/$orig" -C "$dir" --strip-components=1
  tar -xf "$DOWNLOADS/$debian" -C "$dir"
  if [ -f "$dir/debian/patches/series" ]; then
    local patch
    while read -r patch _; do
      case "$patch" in ''|'#'*) continue ;; esac
      patch -d "$dir" -p1 -s --no-backup-if-mismatch < "$dir/debian/patches/$patch"
    done < "$dir/debian/patches/series"
  fi
}

mkdir -p "$DOWNLOADS" "$SOURCES"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

declare -A orig_of debian_of
while read -r pkg ver file sha; do
  case "$pkg" in ''|'#'*) continue ;; esac
  fetch_file "$pkg" "$ver" "$file" "$sha"
  case "$file" in
    *.debian.tar.*) debian_of[$pkg]=$file ;;
    *.orig.tar.*) orig_of[$pkg]=$file ;;
  esac
done < "$LOCK"

for pkg in "${!orig_of[@]}"; do
  tandem_say "fetch: unpacking $pkg"
  unpack_package "$pkg" "${orig_of[$pkg]}" "${debian_of[$pkg]}"
done
echo "$lock_sha" > "$STAMP"
