#!/bin/sh
# test-no-timing.sh: no test measures time
#
# Copyright (C) 2026 The libterrind authors
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# A test that asserts an elapsed time fails under valgrind or on a busy
# machine although nothing is wrong (1.0.0's test-xml-limits did, for a new
# user running the README's test command). How fast something runs is for
# the benchmarks (tests/bench/) to report, as a ratio to a baseline run in
# the same process; a test asserts behaviour. This guards the rule over
# every test source: C, Python, Lua and shell, outside tests/bench/.
# A deadline that bounds a loop is not an assertion on time: mark such a
# line with "not-a-timing-assertion" and say why beside it.

set -u

srcdir=${TERRIND_TOP_SRCDIR:-$(cd "$(dirname "$0")/.." && pwd)}

echo "1..1"
found=$(
  find "$srcdir/tests" "$srcdir/bindings/python/tests" "$srcdir/bindings/lua/tests" \
       "$srcdir/examples" \
       -path "$srcdir/tests/bench" -prune -o -path "$srcdir/tests/fuzz" -prune -o \
       -type f \( -name '*.c' -o -name '*.h' -o -name '*.py' -o -name '*.lua' -o -name '*.sh' \) \
       ! -name 'test-no-timing.sh' -print 2>/dev/null |
    xargs grep -HnE 'g_get_monotonic_time|g_get_real_time|g_timer_|clock_gettime|time\.(monotonic|perf_counter|time|process_time)\(|os\.clock\(|os\.time\(|\$\(date|\bSECONDS\b' 2>/dev/null |
    grep -v 'not-a-timing-assertion'
)
if [ -n "$found" ]; then
  echo "not ok 1 - no test measures elapsed time (move timing to tests/bench/)"
  echo "$found" | sed "s|^$srcdir/|# |"
  exit 1
fi
echo "ok 1 - no test measures elapsed time"
