# SPDX-License-Identifier: LGPL-2.1-or-later
#
# CSV import and export: every dialect and refusal, every bad row reported,
# limits, the round trip of every kind, a scaling case, and the tool's
# import command.

csv_test_programs = \
	test-csv-import \
	test-csv-roundtrip \
	test-tool-import

check_PROGRAMS += $(csv_test_programs)
TESTS += $(csv_test_programs)
EXTRA_DIST += data/csv

test_csv_import_SOURCES = test-csv-import.c
test_csv_roundtrip_SOURCES = test-csv-roundtrip.c
test_tool_import_SOURCES = test-tool-import.c test-tool-common.h
test_tool_import_CPPFLAGS = $(tool_cppflags)
test_tool_import_LDADD = $(tool_ldadd)
