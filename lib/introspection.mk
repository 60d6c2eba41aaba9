# SPDX-License-Identifier: LGPL-2.1-or-later
#
# GObject Introspection data: Terrind-1.gir, scanned from the public
# headers and the doc comments of the library's sources, and its compiled
# Terrind-1.typelib. Included by lib/Makefile.am.
#
# The scanner's warnings are errors (see below): a missing annotation, a
# doc comment for a parameter that does not exist or a symbol the scanner
# cannot place fails the build instead of writing a GIR that bindings
# misread.

if ENABLE_INTROSPECTION

# The scanner's warnings fail the build, but one: terrind_registry_list()
# returns entities of whichever kind it is given, so its elements can only
# be gpointer, which the scanner always reports (and marks the function
# not introspectable: bindings use the typed listings). --warn-error
# cannot spare one warning, so the rule reads them itself.
gir_allowed_warnings = \
	-e 'terrind_registry_list: return value: Missing (element-type) annotation'

gir_headers = $(sort $(wildcard $(top_srcdir)/include/terrind*.h)) \
	$(top_builddir)/include/terrind-version.h
# The sources whose doc comments document the public API.
gir_sources = $(addprefix $(srcdir)/,$(filter %.c,$(core_sources) $(xml_sources) $(csv_sources))) \
	$(srcdir)/terrind-gtype.c \
	terrind-enum-types.c

# The scanner builds and runs a small program linked with the library to
# read its GTypes; it is built as the library is (the configure script
# leaves introspection out of sanitizer builds).
Terrind-1.gir: libterrind.la $(gir_headers) $(gir_sources)
	$(AM_V_GEN)CC="$(CC)" CFLAGS="$(CFLAGS)" LDFLAGS="$(LDFLAGS)" \
	$(G_IR_SCANNER) --quiet --warn-all \
	  --namespace=Terrind --nsversion=1 \
	  --identifier-prefix=Terrind --symbol-prefix=terrind \
	  --c-include=terrind.h --pkg-export=libterrind \
	  --include=GLib-2.0 --include=GObject-2.0 --include=Gio-2.0 \
	  --pkg=glib-2.0 --pkg=gobject-2.0 --pkg=gio-2.0 \
	  --libtool="$(LIBTOOL)" --library=libterrind.la \
	  -I$(top_srcdir)/include -I$(top_builddir)/include -D__TERRIND_INSIDE__= \
	  --output=$@.tmp $(gir_headers) $(gir_sources) 2>$@.log; \
	status=$$?; cat $@.log >&2; \
	if test $$status -ne 0; then rm -f $@.tmp $@.log; exit 1; fi; \
	if grep -i 'warning' $@.log | grep -v -F $(gir_allowed_warnings) >/dev/null; then \
	  echo "$@: the scanner warned (above): fix the doc comments" >&2; \
	  rm -f $@.tmp $@.log; exit 1; \
	fi; \
	rm -f $@.log; mv $@.tmp $@

Terrind-1.typelib: Terrind-1.gir
	$(AM_V_GEN)$(G_IR_COMPILER) --output=$@ $<

gir_DATA = Terrind-1.gir
typelib_DATA = Terrind-1.typelib
CLEANFILES += Terrind-1.gir Terrind-1.typelib Terrind-1.gir.tmp Terrind-1.gir.log

endif
