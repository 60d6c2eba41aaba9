#!/bin/sh
# test-headers.sh: applications include <terrind.h> and nothing else
#
# Copyright (C) 2026 The libterrind authors
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# Checks that:
#   - including any other public header directly fails with the #error;
#   - <terrind.h> alone compiles cleanly with strict warnings as errors, as
#     C and, when a C++ compiler is there, as C++;
#   - the umbrella does not leak its "inside" macro;
#   - each header compiles on its own inside the umbrella's guard, so none
#     relies on the order the umbrella includes them in.
# Speaks TAP and exits non-zero on any failure.

set -u

srcdir=${TERRIND_TOP_SRCDIR:-$(cd "$(dirname "$0")/.." && pwd)}
builddir=${TERRIND_TOP_BUILDDIR:-..}
cc=${CC:-cc}
cxx=${CXX:-c++}
glib_cflags=${TERRIND_TEST_GLIB_CFLAGS:-$(pkg-config --cflags glib-2.0 gio-2.0)}
includes="-I$srcdir/include -I$builddir/include"
strict="-Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
 -Wredundant-decls -Wundef -Wdeclaration-after-statement"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/terrind-headers.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT

headers=$(cd "$srcdir/include" && ls terrind-*.h; cd "$srcdir/include" &&
          ls terrind-*.h.in 2>/dev/null | sed 's/\.in$//')
headers=$(echo "$headers" | LC_ALL=C sort -u)
count=$(echo "$headers" | wc -l)
echo "1..$((count * 2 + 4))"

failed=0
n=0
ok () {
  n=$((n + 1))
  echo "ok $n - $1"
}
not_ok () {
  n=$((n + 1))
  echo "not ok $n - $1"
  sed 's/^/# /' "$tmp/log"
  failed=1
}

# compile COMPILER FILE EXTRA-FLAGS... (a real compilation, not
# -fsyntax-only: some warnings, such as unused static variables, are only
# reported when code is generated)
compile () {
  compiler=$1
  shift
  # shellcheck disable=SC2086
  $compiler -c -o "$tmp/out.o" $includes $glib_cflags "$@" >"$tmp/log" 2>&1
}

for h in $headers; do
  printf '#include <%s>\n' "$h" >"$tmp/direct.c"
  if compile "$cc" "$tmp/direct.c"; then
    echo "(compiled without error)" >"$tmp/log"
    not_ok "including <$h> directly is refused"
  elif grep -q 'Only <terrind.h> can be included directly' "$tmp/log"; then
    ok "including <$h> directly is refused"
  else
    not_ok "including <$h> directly is refused (with the #error)"
  fi

  printf '#define __TERRIND_INSIDE__\n#include <%s>\n' "$h" >"$tmp/alone.c"
  # shellcheck disable=SC2086
  if compile "$cc" "$tmp/alone.c" $strict; then
    ok "<$h> is self-contained"
  else
    not_ok "<$h> is self-contained"
  fi
done

cat >"$tmp/umbrella.c" <<'EOT'
#include <terrind.h>

#ifdef __TERRIND_INSIDE__
#error "<terrind.h> leaks __TERRIND_INSIDE__"
#endif

int main (void);

int
main (void)
{
  g_autoptr(TerrindRegistry) registry = terrind_registry_new ();

  return terrind_registry_get_n_regions (registry) == 0 &&
         TERRIND_CHECK_VERSION (TERRIND_MAJOR_VERSION, 0, 0) ? 0 : 1;
}
EOT

# shellcheck disable=SC2086
if compile "$cc" "$tmp/umbrella.c" -std=gnu99 $strict; then
  ok "<terrind.h> compiles alone as C99 with warnings as errors"
else
  not_ok "<terrind.h> compiles alone as C99 with warnings as errors"
fi
# shellcheck disable=SC2086
if compile "$cc" "$tmp/umbrella.c" -std=gnu11 $strict; then
  ok "<terrind.h> compiles alone as C11 with warnings as errors"
else
  not_ok "<terrind.h> compiles alone as C11 with warnings as errors"
fi

printf '#include <terrind.h>\n#include <terrind.h>\n' >"$tmp/twice.c"
if compile "$cc" "$tmp/twice.c" -Wall -Werror; then
  ok "<terrind.h> can be included twice"
else
  not_ok "<terrind.h> can be included twice"
fi

if command -v "$cxx" >/dev/null 2>&1; then
  cp "$tmp/umbrella.c" "$tmp/umbrella.cpp"
  if compile "$cxx" "$tmp/umbrella.cpp" -Wall -Wextra -Werror; then
    ok "<terrind.h> compiles as C++"
  else
    not_ok "<terrind.h> compiles as C++"
  fi
else
  n=$((n + 1))
  echo "ok $n - <terrind.h> compiles as C++ # SKIP no C++ compiler"
fi

exit $failed
