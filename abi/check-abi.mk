# SPDX-License-Identifier: LGPL-2.1-or-later
#
# ABI baselines checked with libabigail.
#
#   make check-abi   compares the built libraries with their baselines,
#                    abi/libterrind-1.abi and abi/libterrind-lua-1.abi, and
#                    fails on ANY difference except added symbols (abidiff
#                    exit bits: 4 = change, 8 = incompatible change).
#   make abi-dump    rewrites the baselines. Only at a release, after NEWS
#                    says what changed; a removed or changed symbol needs a
#                    new soname, not a new baseline.

ABI_BASELINE = $(top_srcdir)/abi/libterrind-1.abi
ABI_SUPPRESSIONS = $(top_srcdir)/abi/terrind.abignore
ABI_SHARED_OBJECT = $(top_builddir)/lib/.libs/libterrind.so
ABI_HEADER_FLAGS = --headers-dir $(top_srcdir)/include \
	--header-file $(top_builddir)/include/terrind-version.h

# libterrind-lua: its one public header, terrind-lua.h (not the *-private.h
# beside it), with libterrind's headers for the types it uses.
LUA_ABI_BASELINE = $(top_srcdir)/abi/libterrind-lua-1.abi
LUA_ABI_SHARED_OBJECT = $(top_builddir)/bindings/lua/.libs/libterrind-lua.so
LUA_ABI_HEADER_FLAGS = --header-file $(top_srcdir)/bindings/lua/terrind-lua.h \
	--headers-dir $(top_srcdir)/include \
	--header-file $(top_builddir)/include/terrind-version.h

# $(call abi_dump,BASELINE,SHARED_OBJECT,HEADER_FLAGS)
abi_dump = $(ABIDW) --no-corpus-path --type-id-style hash --drop-private-types \
	$(3) --out-file $(1) $(2)

# $(call abi_compare,BASELINE,SHARED_OBJECT,HEADER_FLAGS): the same header
# flags as the dump, numbered for the second file.
abi_compare = \
	if ! readelf -S $(2) | grep -q '\.debug_info'; then \
	  echo "check-abi: $(2) has no debug info (build with -g): cannot compare layouts"; \
	  exit 1; \
	fi; \
	echo "  ABIDIFF  $(1)"; \
	$(ABIDIFF) --drop-private-types --no-added-syms \
	  $(subst --header-file ,--header-file2 ,$(subst --headers-dir ,--headers-dir2 ,$(3))) \
	  --suppressions $(ABI_SUPPRESSIONS) \
	  $(1) $(2); status=$$?; \
	if test $$status -ne 0; then \
	  echo "check-abi: the ABI of $(2) differs from the baseline (abidiff exit $$status)"; \
	  exit 1; \
	fi; \
	echo "check-abi: $(2): no change from the baseline"

abi-dump: all
	$(AM_V_GEN)$(call abi_dump,$(ABI_BASELINE),$(ABI_SHARED_OBJECT),$(ABI_HEADER_FLAGS))
if ENABLE_LUA
	$(AM_V_GEN)$(call abi_dump,$(LUA_ABI_BASELINE),$(LUA_ABI_SHARED_OBJECT),$(LUA_ABI_HEADER_FLAGS))
endif

check-abi: all
if HAVE_ABIGAIL
	@$(call abi_compare,$(ABI_BASELINE),$(ABI_SHARED_OBJECT),$(ABI_HEADER_FLAGS))
if ENABLE_LUA
	@$(call abi_compare,$(LUA_ABI_BASELINE),$(LUA_ABI_SHARED_OBJECT),$(LUA_ABI_HEADER_FLAGS))
else
	@echo "check-abi: libterrind-lua is not built (no Lua 5.4): its ABI is not compared"
endif
else
	@echo "check-abi: abidiff not found (install abigail-tools)"; exit 1
endif

.PHONY: abi-dump check-abi
