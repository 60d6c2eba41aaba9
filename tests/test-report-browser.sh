#!/bin/sh
# test-report-browser.sh: a real browser shows terrind report's page whole
#
# Copyright (C) 2026 The libterrind authors
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# Loads the page in headless Chromium and checks, in the DOM the browser
# built, that every territory of the phase is drawn, that the page made no
# console message (it has no script, and its Content-Security-Policy
# forbids loading anything, so a message means something went wrong: a
# blocked fetch, a parse error), and that a screenshot can be taken.
# Console messages are read from Chromium's own log (--enable-logging=stderr
# prints each as a ":CONSOLE" line); a control page that breaks the policy
# first proves that this detection works with the Chromium at hand.
#
# Speaks TAP, like every suite here: where Chromium is absent (or cannot
# start, as in some containers) the plan is "1..0 # SKIP", which the TAP
# driver reports as a skip. Each run of the browser is bounded by timeout(1)
# so that a browser that hangs fails the test instead of blocking it; no
# time is measured. CHROMIUM may name the browser to use.

set -u

builddir=${TERRIND_TOP_BUILDDIR:?TERRIND_TOP_BUILDDIR is not set}
srcdir=${TERRIND_TOP_SRCDIR:?TERRIND_TOP_SRCDIR is not set}
terrind="$builddir/tools/terrind"
expected=183

browser=${CHROMIUM:-}
if [ -z "$browser" ]; then
  for name in chromium chromium-browser google-chrome; do
    if command -v "$name" >/dev/null 2>&1; then
      browser=$(command -v "$name")
      break
    fi
  done
fi
if [ -z "$browser" ]; then
  echo "1..0 # SKIP Chromium is not installed (set CHROMIUM to a Chromium or Chrome binary)"
  exit 0
fi
if ! command -v timeout >/dev/null 2>&1; then
  echo "1..0 # SKIP timeout(1) is not installed: the browser could not be bounded"
  exit 0
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/terrind-browser.XXXXXX")
trap 'rm -rf "$work"' EXIT
# Chromium writes under HOME and its profile; neither may be the user's.
HOME="$work/home"
export HOME
mkdir -p "$HOME"

runs=0
# chromium RUN-NAME ARGUMENT...: the browser, headless, with a fresh profile;
# its log goes to $work/RUN-NAME.log. A hung browser is killed after two
# minutes (and after ten more seconds, for good).
chromium () {
  name=$1
  shift
  runs=$((runs + 1))
  timeout -k 10 120 "$browser" --headless --disable-gpu --no-sandbox --no-first-run \
    --no-default-browser-check --disable-extensions --disable-sync --hide-scrollbars \
    --user-data-dir="$work/profile-$runs" --enable-logging=stderr --v=0 "$@" \
    2>"$work/$name.log"
}

console_messages () {
  grep ':CONSOLE' "$work/$1.log"
}

# The control page breaks its own policy: Chromium must say so.
cat >"$work/control.html" <<'HTML'
<!DOCTYPE html>
<html><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'">
</head><body><img src="http://example.invalid/blocked.png" alt=""><p id="control">control</p></body></html>
HTML
chromium control --dump-dom "file://$work/control.html" >"$work/control.dom"
if ! grep -q 'id="control"' "$work/control.dom"; then
  echo "1..0 # SKIP Chromium cannot run here (see its log: $(tail -n 1 "$work/control.log"))"
  exit 0
fi

echo "1..5"
failed=0
ok () {
  echo "ok $1 - $2"
}
not_ok () {
  echo "not ok $1 - $2"
  failed=1
}

if console_messages control >/dev/null; then
  ok 1 "Chromium reports a console message for a page that breaks its policy"
else
  not_ok 1 "Chromium printed no :CONSOLE line for the control page: the detection cannot work"
  sed 's/^/# /' "$work/control.log"
fi

TERRIND_GEOMETRY="$srcdir/data/geometry.json" "$builddir/libtool" --mode=execute \
  "$terrind" report --phase 2 --date 2026-03-01 -o "$work/report.html" 2>"$work/terrind.log"
status=$?
if [ "$status" = 0 ] && [ -s "$work/report.html" ]; then
  ok 2 "terrind report writes the page"
else
  not_ok 2 "terrind report exited with $status"
  sed 's/^/# /' "$work/terrind.log"
fi

chromium report --dump-dom "file://$work/report.html" >"$work/report.dom"
drawn=$(grep -o 'data-territory="[^"]*"' "$work/report.dom" | sort -u | wc -l)
tables=$(grep -o '<table class="coverage">\|<h2 id="commitments">' "$work/report.dom" | wc -l)
if [ "$drawn" -eq "$expected" ] && [ "$tables" -eq 2 ]; then
  ok 3 "the browser's DOM holds the $expected territories of phase 2, the coverage and the commitments"
else
  not_ok 3 "the browser's DOM holds $drawn territories (expected $expected) and $tables of the 2 sections"
fi

if console_messages report >/dev/null; then
  not_ok 4 "the page made console messages"
  console_messages report | sed 's/^/# /'
else
  ok 4 "the page makes no console message"
fi

chromium screenshot --window-size=1100,2000 --screenshot="$work/report.png" \
  "file://$work/report.html" >/dev/null
# A PNG starts with \211PNG.
if [ -s "$work/report.png" ] && head -c 4 "$work/report.png" | tail -c 3 | grep -q '^PNG$'; then
  ok 5 "a screenshot of the page is taken"
else
  not_ok 5 "no screenshot"
  tail -n 5 "$work/screenshot.log" | sed 's/^/# /'
fi

exit $failed
