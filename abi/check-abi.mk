# SPDX-License-Identifier: LGPL-2.1-or-later
#
# ABI baseline checked with libabigail.
#
#   make check-abi   compares the built library with abi/libterrind-1.abi and
#                    fails on ANY difference except added symbols (abidiff
#                    exit bits: 4 = change, 8 = incompatible change).
#   make abi-dump    rewrites the baseline. Only at a release, after NEWS says
#                    what changed; a removed or changed symbol needs a new
#                    soname, not a new baseline.

ABI_BASELINE = $(top_srcdir)/abi/libterrind-1.abi
ABI_SUPPRESSIONS = $(top_srcdir)/abi/terrind.abignore
ABI_SHARED_OBJECT = $(top_builddir)/lib/.libs/libterrind.so
ABI_HEADER_FLAGS = --headers-dir $(top_srcdir)/include \
	--header-file $(top_builddir)/include/terrind-version.h

abi-dump: all
	$(AM_V_GEN)$(ABIDW) --no-corpus-path --type-id-style hash --drop-private-types \
	  $(ABI_HEADER_FLAGS) --out-file $(ABI_BASELINE) $(ABI_SHARED_OBJECT)

check-abi: all
if HAVE_ABIGAIL
	@if ! readelf -S $(ABI_SHARED_OBJECT) | grep -q '\.debug_info'; then \
	  echo "check-abi: $(ABI_SHARED_OBJECT) has no debug info (build with -g): cannot compare layouts"; \
	  exit 1; \
	fi
	@echo "  ABIDIFF  $(ABI_BASELINE)"; \
	$(ABIDIFF) --drop-private-types --no-added-syms \
	  --headers-dir2 $(top_srcdir)/include \
	  --suppressions $(ABI_SUPPRESSIONS) \
	  $(ABI_BASELINE) $(ABI_SHARED_OBJECT); status=$$?; \
	if test $$status -ne 0; then \
	  echo "check-abi: the ABI differs from the baseline (abidiff exit $$status)"; \
	  exit 1; \
	fi; \
	echo "check-abi: no change from the baseline"
else
	@echo "check-abi: abidiff not found (install abigail-tools)"; exit 1
endif

.PHONY: abi-dump check-abi
