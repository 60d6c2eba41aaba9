#!/bin/sh
# bench-validate.sh: "terrind validate FILE" against "xmllint --stream --noout FILE"
#
# Copyright (C) 2026 The libterrind authors
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# Usage: bench-validate.sh [-n PAIRS] [-t TERRIND] FILE
#
# The import measured the way the performance notes quote it: whole
# processes, each run of "terrind validate" paired with a bare
# "xmllint --stream --noout" pass over the same file, in alternation, so
# that a noisy machine weighs on both alike. Prints every pair, then the
# median ratio of the pairs, in elapsed time and in CPU time (user +
# system, which other processes on a shared machine disturb less), and
# the median peak RSS of terrind as a ratio to the file size. A measurement, not a test: nothing fails when slow.
#
# TERRIND defaults to ../../tools/terrind from this script's build
# directory (a libtool wrapper, which execs the real program: the time and
# the peak memory are the program's own).

set -eu

pairs=5
terrind=
while getopts n:t: option; do
  case $option in
    n) pairs=$OPTARG ;;
    t) terrind=$OPTARG ;;
    *) echo "usage: $0 [-n PAIRS] [-t TERRIND] FILE" >&2; exit 2 ;;
  esac
done
shift $((OPTIND - 1))
[ $# -eq 1 ] || { echo "usage: $0 [-n PAIRS] [-t TERRIND] FILE" >&2; exit 2; }
file=$1
[ -n "$terrind" ] || terrind=./../../tools/terrind
for tool in /usr/bin/time xmllint "$terrind"; do
  command -v "$tool" >/dev/null 2>&1 || { echo "$0: $tool not found" >&2; exit 1; }
done

size=$(wc -c < "$file")
out=$(mktemp)
trap 'rm -f "$out"' EXIT

# One run: prints "ELAPSED PEAK_KIB CPU" (seconds, KiB, seconds).
measure () {
  /usr/bin/time -o "$out" -f '%e %M %U %S' "$@" >/dev/null 2>&1 || {
    echo "$0: failed: $*" >&2; exit 1; }
  awk '{ printf "%s %s %.2f\n", $1, $2, $3 + $4 }' "$out"
}

# Warm the page cache so that neither side pays for the first read.
cat "$file" >/dev/null

results=
i=0
while [ "$i" -lt "$pairs" ]; do
  t=$(measure "$terrind" validate "$file")
  x=$(measure xmllint --stream --noout "$file")
  echo "pair $((i + 1)): terrind validate $t   xmllint --stream $x   (elapsed s, peak KiB, CPU s)"
  results="$results$t $x
"
  i=$((i + 1))
done

printf '%s' "$results" | awk -v size="$size" '
  function median(a, n,   i, j, t) {
    for (i = 2; i <= n; i++)
      for (j = i; j > 1 && a[j - 1] > a[j]; j--) { t = a[j]; a[j] = a[j - 1]; a[j - 1] = t }
    return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
  }
  { n++; ratio[n] = $1 / $4; cpu[n] = $3 / $6; peak[n] = $2 * 1024 / size; tt[n] = $1; tx[n] = $4 }
  END {
    printf "file %.1f MiB, %d pairs (medians)\n", size / 1048576, n
    printf "  terrind validate %.2f s, xmllint --stream %.2f s\n", median(tt, n), median(tx, n)
    printf "  import: %.2fx xmllint --stream (median of the pair ratios)\n", median(ratio, n)
    printf "  import in CPU time: %.2fx xmllint --stream\n", median(cpu, n)
    printf "  peak RSS: %.2fx the file\n", median(peak, n)
  }'
