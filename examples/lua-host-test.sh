#!/bin/sh
# lua-host-test.sh: runs lua-host on the example plugins and on the broken
# plugins of the Lua suite, and checks what it prints.
#
# Copyright (C) 2026 The libterrind authors
# SPDX-License-Identifier: LGPL-2.1-or-later

set -u

# Under AddressSanitizer, an allocation refused by a plugin's memory limit
# must return NULL rather than abort the plugin's process.
ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}allocator_may_return_null=1"
export ASAN_OPTIONS

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

# 1. The example plugins on the embedded default dataset. It holds phases 1
#    (149 territories) and 2 (183): the coverage report counts the current
#    phase, registry:phase_on(), or the latest once the last has ended:
#    phase 2 either way, until the dataset defines a phase 3.
run 0 "$srcdir/plugins"
expect "$out" "== referent-email-domain: referents' e-mail addresses belong to their operator's domain"
expect "$out" "[referent-email-domain] check: 0 findings"
expect "$out" "== business-france-coverage: territories per region without a Business France referent"
expect "$out" "Territories of phase 2 (2023-2027) without a Business France referent, by region:"
expect "$out" "Auvergne-Rhône-Alpes (84): 24 of 24: p2-ti-8401 "
expect "$out" "Total: 183 of 183 territories of phase 2 (2023-2027) without a Business France referent."
reject "$out" " ti-8401"
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
reject "$out" "territories of phase"

# 2b. A registry of two phases, with a referent in phase 2: only phase 2's
#     territories are counted, phase 1's are left out.
run 0 --data "$luatests/data/host-phases.xml" "$srcdir/plugins"
expect "$out" "[referent-email-domain] check: 0 findings"
expect "$out" "Territories of phase 2 (2023-2027) without a Business France referent, by region:"
expect "$out" "Auvergne-Rhône-Alpes (84): 1 of 2: p2-ti-8402"
expect "$out" "Total: 1 of 2 territories of phase 2 (2023-2027) without a Business France referent."
reject "$out" "Bretagne"
reject "$out" " ti-8401"
reject "$out" " ti-5301"

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
expect "$out" "still running: 332 territories, 4 operators"
expect "$out" "lua-host: 1 plugin run, 10 skipped"

# 4. Hostile plugins: each is refused or stopped with a clear message, in
#    its own process, and the host goes on. The time limit is small enough
#    to keep this fast; nothing here depends on how long anything took.
hostile="$luatests/plugins-hostile"
run 1 --budget 1000000 --memory-mb 64 --time-limit 1500 "$hostile"
expect "$err" "plugin os-execute.lua: report failed:"
expect "$err" "attempt to call a nil value (field 'execute')"
expect "$err" "attempt to index a nil value (global 'io')"
expect "$err" "attempt to index a nil value (global 'package')"
expect "$err" "module 'socket.core' is not available to plugins"
expect "$err" "plugin debug-sethook.lua: report failed: instruction budget exceeded"
expect "$err" "attempt to index a nil value (global 'debug')"
expect "$err" "attempt to load a binary chunk (mode is 't')"
expect "$err" "attempt to call a nil value (field 'exit')"
expect "$err" "plugin gc-loop-during-run.lua: the plugin did not finish within its time limit"
expect "$err" "plugin pathological-find.lua: the plugin did not finish within its time limit"
expect "$err" "plugin huge-allocation.lua: report failed: not enough memory"
expect "$err" "plugin output-flood.lua: report failed:"
expect "$err" "save: a plugin may not read or write files"
expect "$err" "collectgarbage(\"stop\") is not available to plugins"
expect "$err" "plugin rename-all.lua: report failed:"
expect "$err" "the registry is read-only"
expect "$err" "plugin transaction-write.lua: report failed:"
reject "$out" "renamed through a transaction"
expect "$out" "left a finalizer behind"
expect "$out" "renamed 0, refused 332"
expect "$out" "0 of 332 territories renamed"
[ -e /tmp/terrind-plugin-was-here ] && fail "a plugin wrote /tmp/terrind-plugin-was-here"
# c-memory.lua is stopped by the memory limit, but how a process that ran
# out of memory reports it depends on the allocator in use: only the
# skipping is checked here (bindings/lua/tests/test-plugin.c checks more).
reject "$out" "kept 100000 registries"
# What a plugin prints, reports or finds reaches the terminal inert.
expect "$out" '\u{001B}[2J\u{001B}[Hcleared'
expect "$out" 'terminal-escapes: ti\u{000D}\u{001B}[1A: forged'
expect "$out" '\u{001B}]0;title\u{0007}report'
expect "$out" 'forged\u{000A}lua-host: 0 plugins skipped\u{009B}'
reject "$out" "$(printf '\033')"
reject "$out" "$(printf '\r')"
reject "$out" "$(printf '\302\233')"
reject "$err" "$(printf '\033')"
expect "$out" "lua-host: 4 plugins run, 17 skipped"

# 5. Writes granted: the host adopts each plugin's changes for the next.
writable=lua-host-test.writable
rm -rf "$writable"
mkdir "$writable"
cp "$hostile/rename-all-quietly.lua" "$hostile/z-names-intact.lua" "$writable/"
run 0 --writable "$writable"
expect "$out" "renamed 332, refused 0"
expect "$out" "332 of 332 territories renamed"
rm -rf "$writable"

# 6. The host's own errors.
run 2 "$srcdir/no-such-directory"
run 2 --data "$srcdir/no-such-file.xml" "$srcdir/plugins"
expect "$err" "cannot load the registry"

rm -f "$out" "$err"
[ "$failures" -eq 0 ] || exit 1
exit 0
