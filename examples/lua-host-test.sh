#!/bin/sh
# lua-host-test.sh: runs lua-host on the example plugins and on the broken
# plugins of the Lua suite, and checks what it prints.
#
# Copyright (C) 2026 The libterrind authors
# SPDX-License-Identifier: LGPL-2.1-or-later

set -u

srcdir=${srcdir:-.}
luatests="$srcdir/../bindings/lua/tests"
out=lua-host-test.out
err=lua-host-test.err
failures=0

fail () {
  echo "FAIL: $*"
  failures=$((failures + 1))
}

expect () {  # expect FILE FIXED-STRING: the text must appear in FILE
  grep -F -q -- "$2" "$1" || fail "missing from $1: $2"
}

reject () {  # reject FILE FIXED-STRING: the text must not appear in FILE
  if grep -F -q -- "$2" "$1"; then fail "unexpected in $1: $2"; fi
}

run () {  # run EXPECTED-STATUS ARGS...
  expected=$1
  shift
  ./lua-host "$@" >"$out" 2>"$err"
  status=$?
  echo "--- lua-host $* (exit $status)"
  cat "$out" "$err"
  [ "$status" -eq "$expected" ] || fail "lua-host $* exited $status, expected $expected"
}

# 1. The example plugins on the embedded default dataset.
run 0 "$srcdir/plugins"
expect "$out" "== referent-email-domain: referents' e-mail addresses belong to their operator's domain"
expect "$out" "[referent-email-domain] check: 0 findings"
expect "$out" "== business-france-coverage: territories per region without a Business France referent"
expect "$out" "Total: 149 of 149 territories without a Business France referent."
expect "$out" "lua-host: 2 plugins run, 0 skipped"

# 2. The same plugins on a registry that has referents.
run 0 --data "$luatests/data/host-referents.xml" "$srcdir/plugins"
expect "$out" "[referent-email-domain] check: 2 findings"
expect "$out" "referent-email-domain: ref-bf-5301: Luc Morel (ti-5301) has the address luc.morel@gmail.com"
expect "$out" "referent-email-domain: ref-cci-8402: no known mail domain for operator cci"
reject "$out" "ref-bf-8401"
reject "$out" "ref-pe-8401"
reject "$out" "ref-pe-8402"
expect "$out" "Auvergne-Rhône-Alpes (84): 1 of 2: ti-8402"
expect "$out" "Total: 1 of 3 territories without a Business France referent."

# 3. Broken plugins: each is reported and skipped, the last one still runs.
run 1 --budget 2000000 --memory-mb 64 "$luatests/plugins-broken"
expect "$err" "plugin a-syntax-error.lua: cannot load:"
expect "$err" "plugin b-runtime-error.lua: check failed:"
expect "$err" "attempt to index a nil value"
expect "$err" "plugin c-infinite-loop.lua: check failed:"
expect "$err" "plugin d-catches-budget.lua: report failed:"
expect "$err" "instruction budget exceeded"
expect "$err" "plugin e-memory-bomb.lua: report failed: not enough memory"
expect "$err" "plugin f-not-a-table.lua: the chunk must return a table, not a number"
expect "$err" "plugin g-bad-findings.lua: check must return a list of findings"
expect "$err" "plugin h-terrind-error.lua: check failed:"
expect "$err" "region code"
expect "$err" "plugin i-closes-registry.lua: report failed:"
expect "$err" "attempt to use a closed terrind Registry"
expect "$err" "plugin j-hostile-metatable.lua: has neither a check nor a report function"
reject "$err" "looked up through __index"
expect "$out" "still running: 149 territories, 4 operators"
expect "$out" "lua-host: 1 plugin run, 10 skipped"

# 4. The host's own errors.
run 2 "$srcdir/no-such-directory"
run 2 --data "$srcdir/no-such-file.xml" "$srcdir/plugins"
expect "$err" "cannot load the registry"

rm -f "$out" "$err"
[ "$failures" -eq 0 ] || exit 1
exit 0
