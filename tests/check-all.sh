#!/bin/sh
# check-all.sh: every test libterrind has, from a clean tree.
#
#   1. a warnings-as-errors build and "make check" (C, Python, Lua, examples);
#   2. the C, Python and Lua suites under valgrind;
#   3. the ABI compared with the baseline (abi/libterrind-1.abi);
#   4. an AddressSanitizer/UndefinedBehaviorSanitizer build and "make check"
#      (the Python and Lua suites run with the ASan runtime preloaded);
#   5. "make distcheck";
#   6. the usual in-tree build, "./configure && make && make check", in a
#      copy of the source tree (the source tree itself stays unconfigured,
#      as out-of-tree builds need).
#
# Build trees go to _build/ and _build-asan/ (override with BUILD_DIR and
# ASAN_BUILD_DIR); the in-tree copy goes to a temporary directory. The last line is "N passed, N failed": automake's test
# results summed over both trees, plus one result per extra gate, then
# ", N skipped".
#
# SPDX-License-Identifier: LGPL-2.1-or-later

set -u

top_srcdir=$(cd "$(dirname "$0")/.." && pwd)
build_dir=${BUILD_DIR:-$top_srcdir/_build}
asan_build_dir=${ASAN_BUILD_DIR:-$top_srcdir/_build-asan}
jobs=${JOBS:-2}
extra_passed=0
extra_failed=0

gate () {
  name=$1; shift
  echo "==> $name"
  if "$@"; then
    extra_passed=$((extra_passed + 1))
  else
    echo "==> FAILED: $name"
    extra_failed=$((extra_failed + 1))
  fi
}

configure_in () {
  dir=$1; shift
  mkdir -p "$dir" && cd "$dir" && "$top_srcdir/configure" --enable-werror "$@" >configure.log 2>&1 \
    || { cat "$dir/configure.log"; return 1; }
}

count_results () {
  # automake writes one ":test-result:" line per test into each .trs file
  find "$build_dir" "$asan_build_dir" -name '*.trs' -exec cat {} + 2>/dev/null \
    | awk -v what="$1" '$1 == ":test-result:" && $2 ~ what { n++ } END { print n + 0 }'
}

# The copy holds what a tarball or a clone holds: no build tree, no
# repository, nothing the source tree's own builds wrote.
in_tree_check () {
  copy=$(mktemp -d "${TMPDIR:-/tmp}/terrind-in-tree.XXXXXX") || return 1
  (cd "$top_srcdir" && tar --exclude='./_build*' --exclude=./.git -cf - .) | (cd "$copy" && tar xf -) \
    && (cd "$copy" && ./configure --enable-werror >configure.log 2>&1 && make -j"$jobs" >make.log 2>&1 \
          && make -j"$jobs" check >check.log 2>&1)
  status=$?
  if test $status -ne 0; then
    tail -n 40 "$copy"/*.log
    find "$copy" -name 'test-suite.log' -exec grep -E '^(FAIL|ERROR)' {} + | head -n 40
  fi
  rm -rf "$copy"
  return $status
}

cd "$top_srcdir" && autoreconf -fi >/dev/null || exit 2

gate "configure" configure_in "$build_dir" --enable-docs
gate "make check" make -C "$build_dir" -j"$jobs" check
gate "valgrind" make -C "$build_dir/tests" check-valgrind
gate "valgrind (Python)" make -C "$build_dir/bindings/python" check-valgrind-python
gate "valgrind (Lua)" make -C "$build_dir/bindings/lua" check-valgrind-lua
gate "ABI check" make -C "$build_dir" check-abi
gate "configure (sanitizers)" configure_in "$asan_build_dir" --enable-sanitizers
gate "make check (sanitizers)" make -C "$asan_build_dir" -j"$jobs" check
gate "make distcheck" make -C "$build_dir" -j"$jobs" distcheck
gate "in-tree build and make check" in_tree_check

passed=$(( $(count_results '^(PASS|XFAIL)$') + extra_passed ))
failed=$(( $(count_results '^(FAIL|XPASS|ERROR)$') + extra_failed ))
skipped=$(count_results '^SKIP$')
if test "$passed" -eq 0; then
  echo "no test ran"
  failed=$((failed + 1))
fi
echo "$passed passed, $failed failed, $skipped skipped"
test "$failed" -eq 0
