#!/bin/sh
# test-xml-strace.sh: importing hostile documents opens no other file
#
# Copyright (C) 2026 The libterrind authors
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# Runs test-xml-strace-helper under strace on the fixtures that try to make
# the parser read something else (external entities, external DTD,
# parameter entities, compressed input) and checks, from the system calls,
# that the only file under the test data or /etc opened is the document
# itself. Speaks TAP; skips when strace is not installed (or cannot trace,
# as in some containers).

set -u

data=${TERRIND_TEST_DATA:?TERRIND_TEST_DATA is not set}
builddir=${TERRIND_TOP_BUILDDIR:-..}
helper=./test-xml-strace-helper
fixtures="doctype-external-entity.xml doctype-external-dtd.xml doctype-parameter-entity.xml
doctype-billion-laughs.xml gzip.xml.gz xz.xml.xz"

if ! command -v strace >/dev/null 2>&1; then
  echo "1..0 # SKIP strace is not installed"
  exit 0
fi
log=$(mktemp "${TMPDIR:-/tmp}/terrind-strace.XXXXXX")
trap 'rm -f "$log"' EXIT
if ! strace -f -o "$log" true >/dev/null 2>&1; then
  echo "1..0 # SKIP strace cannot trace here"
  exit 0
fi

set -- $fixtures
echo "1..$(( $# + 1 ))"
n=0
failed=0

# Every path an open-like call of the traced run named, one per line.
opened_paths () {
  sed -n 's/.*\(open\|openat\|openat2\|creat\|execve\)(\([^"]*\)"\([^"]*\)".*/\3/p' "$log"
}

run_traced () {
  "$builddir/libtool" --mode=execute \
    strace -f -qq -e trace=open,openat,openat2,creat -o "$log" "$helper" "$@" >/dev/null 2>&1
}

# The control: a valid document is opened, once; the trace works.
n=$((n + 1))
run_traced "$data/valid/canonical-full.xml"
count=$(opened_paths | grep -c "/canonical-full.xml\$")
if [ "$count" = 1 ]; then
  echo "ok $n - a valid document is opened once"
else
  echo "not ok $n - a valid document was opened $count times"
  failed=1
fi

for fixture in "$@"; do
  n=$((n + 1))
  path="$data/invalid/$fixture"
  run_traced "$path"
  # Anything under the data directory or /etc, or any DTD, other than the
  # document itself, is a file the document made us read.
  others=$(opened_paths | grep -v "^$path\$" | grep -E "^$data/|^/etc/(passwd|terrind)|\.dtd\$" || true)
  mine=$(opened_paths | grep -c "^$path\$")
  if [ -z "$others" ] && [ "$mine" = 1 ]; then
    echo "ok $n - $fixture opens nothing else"
  else
    echo "not ok $n - $fixture opened: $others (itself $mine times)"
    failed=1
  fi
done
exit $failed
