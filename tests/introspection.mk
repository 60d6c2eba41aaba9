# SPDX-License-Identifier: LGPL-2.1-or-later
#
# GObject Introspection: the typelib loaded through PyGObject, from the
# build tree ("make check") and from the installed tree ("make
# installcheck", which distcheck runs). Included by tests/Makefile.am.

EXTRA_DIST += test-introspection.py

TEST_EXTENSIONS = .py
PY_LOG_DRIVER = $(LOG_DRIVER)

if ENABLE_INTROSPECTION
if HAVE_GI_PYTHON

TESTS += test-introspection.py
PY_LOG_COMPILER = env \
	GI_TYPELIB_PATH=$(abs_top_builddir)/lib \
	LD_LIBRARY_PATH=$(abs_top_builddir)/lib/.libs \
	$(GI_PYTHON)

# After "make install": the installed typelib and library, nothing of the
# build tree.
installcheck-local:
	env GI_TYPELIB_PATH=$(DESTDIR)$(typelibdir) LD_LIBRARY_PATH=$(DESTDIR)$(libdir) \
	  $(GI_PYTHON) $(srcdir)/test-introspection.py

endif
endif
