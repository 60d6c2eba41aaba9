#!/bin/sh
# test-symbols.sh: the exported ABI is exactly the version script
#
# Copyright (C) 2026 The libterrind authors
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# Checks, on the built shared library, that:
#   1. every exported symbol is listed in lib/libterrind.map;
#   2. every exported symbol starts with terrind_;
#   3. every exported symbol carries the version node the map gives it;
#   4. every symbol listed in the map is exported;
#   5. the functions declared in the public headers are the map's symbols.
# Speaks TAP, one line per check, and exits non-zero on any failure.

set -u

srcdir=${TERRIND_TOP_SRCDIR:-$(cd "$(dirname "$0")/.." && pwd)}
builddir=${TERRIND_TOP_BUILDDIR:-..}
map="$srcdir/lib/libterrind.map"
lib="$builddir/lib/.libs/libterrind.so"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/terrind-symbols.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT

echo "1..6"
failed=0
n=0

# report NAME FILE: "ok" when FILE is empty, else "not ok" with its lines
report () {
  n=$((n + 1))
  if [ -s "$2" ]; then
    echo "not ok $n - $1"
    sed 's/^/# /' "$2"
    failed=1
  else
    echo "ok $n - $1"
  fi
}

if [ ! -f "$map" ] || [ ! -f "$lib" ]; then
  echo "Bail out! missing $map or $lib (build the library first)"
  exit 99
fi

# The global names of the map, between "global:" and "local:".
sed -n '/global:/,/local:/p' "$map" |
  sed -n 's/^[[:space:]]*\([A-Za-z_][A-Za-z0-9_]*\);.*$/\1/p' | LC_ALL=C sort >"$tmp/map"
{
  uniq -d "$tmp/map" | sed 's/^/listed twice: /'
  [ -s "$tmp/map" ] || echo "no symbol found in $map"
} >"$tmp/dups"
report "the map lists each symbol once and is not empty" "$tmp/dups"
LC_ALL=C sort -u "$tmp/map" >"$tmp/map-set"

# Defined dynamic symbols, without the version nodes themselves (type A).
nm -D --defined-only "$lib" | awk '$2 != "A" { print $3 }' |
  sed 's/@.*$//' | LC_ALL=C sort -u >"$tmp/exported"

LC_ALL=C comm -23 "$tmp/exported" "$tmp/map-set" >"$tmp/unlisted"
report "every exported symbol is in the map" "$tmp/unlisted"

grep -v '^terrind_' "$tmp/exported" >"$tmp/unprefixed"
report "every exported symbol starts with terrind_" "$tmp/unprefixed"

# The node each symbol belongs to in the map, as NAME@@NODE lines.
awk '/^[A-Z0-9_.]+ *\{/ { node = $1 }
     /global:/ { on = 1; next } /local:/ { on = 0 }
     on && match($0, /[A-Za-z_][A-Za-z0-9_]*;/) { print substr($0, RSTART, RLENGTH - 1) "@@" node }' \
  "$map" | LC_ALL=C sort >"$tmp/map-versions"

# readelf prints NAME@@NODE for a defined, versioned symbol; the nodes
# themselves are ABS.
readelf --dyn-syms -W "$lib" |
  awk '$7 != "UND" && $7 != "ABS" && $8 != "" && $1 ~ /^[0-9]+:$/ && $4 != "SECTION" && $4 != "FILE" { print $8 }' |
  LC_ALL=C sort >"$tmp/versions"
LC_ALL=C comm -3 "$tmp/versions" "$tmp/map-versions" >"$tmp/unversioned"
report "every exported symbol has the version node of the map" "$tmp/unversioned"

LC_ALL=C comm -13 "$tmp/exported" "$tmp/map-set" >"$tmp/missing"
report "every symbol in the map is exported" "$tmp/missing"

# Function names declared in the public headers: "terrind_x (" outside
# comments, possibly across a line break. Macros that call a function
# (TERRIND_ERROR) name exported functions too, so need no special case.
for h in "$srcdir"/include/*.h "$srcdir"/include/*.h.in; do
  [ -f "$h" ] || continue
  sed -e 's,/\*.*\*/,,g' -e '/\/\*/,/\*\//d' "$h"
done | tr '\n' ' ' | grep -o 'terrind_[a-z0-9_]*[[:space:]]*(' | sed 's/[[:space:]]*($//' |
  LC_ALL=C sort -u >"$tmp/declared"
{
  LC_ALL=C comm -23 "$tmp/declared" "$tmp/map-set" | sed 's/^/declared but not in the map: /'
  LC_ALL=C comm -13 "$tmp/declared" "$tmp/map-set" | sed 's/^/in the map but not declared: /'
} >"$tmp/headers"
report "the public headers declare exactly the map's symbols" "$tmp/headers"

exit $failed
