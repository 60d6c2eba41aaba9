#!/bin/sh
# bench-smoke.sh: the XML benchmark still runs, on a small registry
#
# Copyright (C) 2026 The libterrind authors
# SPDX-License-Identifier: LGPL-2.1-or-later

set -eu
out=$("${BENCH_XML:-./bench-xml}" --runs=1 1000)
echo "$out"
for figure in "baseline" "import" "first listing" "export to a stream" "export to memory" "lookups" \
              "evaluation" "import of the long list" "reading it by index" "export of it to a stream"; do
  echo "$out" | grep -q "^  $figure" || { echo "no $figure figure"; exit 1; }
done
