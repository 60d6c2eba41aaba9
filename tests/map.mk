# SPDX-License-Identifier: LGPL-2.1-or-later
#
# terrind map and terrind report: the C suites read the SVG and HTML back
# with libxml2; the browser test loads the report in headless Chromium and
# skips where there is none.

map_tests = \
	test-tool-map \
	test-tool-report

check_PROGRAMS += $(map_tests)
TESTS += $(map_tests) test-report-browser.sh
EXTRA_DIST += test-report-browser.sh

map_cflags = $(AM_CFLAGS) $(LIBXML_CFLAGS)
map_ldadd = $(tool_ldadd) $(LIBXML_LIBS)

test_tool_map_SOURCES = test-tool-map.c test-tool-map-common.h test-tool-common.h
test_tool_map_CPPFLAGS = $(tool_cppflags)
test_tool_map_CFLAGS = $(map_cflags)
test_tool_map_LDADD = $(map_ldadd)

test_tool_report_SOURCES = test-tool-report.c test-tool-map-common.h test-tool-common.h
test_tool_report_CPPFLAGS = $(tool_cppflags)
test_tool_report_CFLAGS = $(map_cflags)
test_tool_report_LDADD = $(map_ldadd)
