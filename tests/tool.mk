# SPDX-License-Identifier: LGPL-2.1-or-later
#
# The terrind tool, driven in-process through tools/libterrind-cli.la, and
# the facts of the embedded default dataset checked against its sources.

tool_tests = \
	test-tool-main \
	test-tool-validate \
	test-tool-list \
	test-tool-show \
	test-tool-coverage \
	test-tool-export \
	test-tool-diff \
	test-tool-stats \
	test-tool-phase \
	test-tool-scaling \
	test-tool-commitments \
	test-tool-formats \
	test-default-dataset

check_PROGRAMS += $(tool_tests)
TESTS += $(tool_tests)

tool_cppflags = $(AM_CPPFLAGS) -I$(top_srcdir)/tools $(JSON_GLIB_CFLAGS)
tool_ldadd = $(top_builddir)/tools/libterrind-cli.la $(JSON_GLIB_LIBS) $(LDADD)

test_tool_main_SOURCES = test-tool-main.c test-tool-common.h
test_tool_main_CPPFLAGS = $(tool_cppflags)
test_tool_main_LDADD = $(tool_ldadd)

test_tool_validate_SOURCES = test-tool-validate.c test-tool-common.h
test_tool_validate_CPPFLAGS = $(tool_cppflags)
test_tool_validate_LDADD = $(tool_ldadd)

test_tool_list_SOURCES = test-tool-list.c test-tool-common.h
test_tool_list_CPPFLAGS = $(tool_cppflags)
test_tool_list_LDADD = $(tool_ldadd)

test_tool_show_SOURCES = test-tool-show.c test-tool-common.h
test_tool_show_CPPFLAGS = $(tool_cppflags)
test_tool_show_LDADD = $(tool_ldadd)

test_tool_coverage_SOURCES = test-tool-coverage.c test-tool-common.h
test_tool_coverage_CPPFLAGS = $(tool_cppflags)
test_tool_coverage_LDADD = $(tool_ldadd)

test_tool_export_SOURCES = test-tool-export.c test-tool-common.h
test_tool_export_CPPFLAGS = $(tool_cppflags)
test_tool_export_LDADD = $(tool_ldadd)

test_tool_diff_SOURCES = test-tool-diff.c test-tool-common.h
test_tool_diff_CPPFLAGS = $(tool_cppflags)
test_tool_diff_LDADD = $(tool_ldadd)

test_tool_stats_SOURCES = test-tool-stats.c test-tool-common.h
test_tool_stats_CPPFLAGS = $(tool_cppflags)
test_tool_stats_LDADD = $(tool_ldadd)

test_tool_phase_SOURCES = test-tool-phase.c test-tool-common.h
test_tool_phase_CPPFLAGS = $(tool_cppflags)
test_tool_phase_LDADD = $(tool_ldadd)

test_tool_scaling_SOURCES = test-tool-scaling.c test-tool-common.h
test_tool_scaling_CPPFLAGS = $(tool_cppflags)
test_tool_scaling_LDADD = $(tool_ldadd)

test_tool_commitments_SOURCES = test-tool-commitments.c test-tool-common.h
test_tool_commitments_CPPFLAGS = $(tool_cppflags)
test_tool_commitments_LDADD = $(tool_ldadd)

test_tool_formats_SOURCES = test-tool-formats.c test-tool-common.h
test_tool_formats_CPPFLAGS = $(tool_cppflags)
test_tool_formats_LDADD = $(tool_ldadd)

test_default_dataset_SOURCES = test-default-dataset.c
test_default_dataset_LDADD = $(LDADD)

EXTRA_DIST += data/tool
