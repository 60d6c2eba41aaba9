# SPDX-License-Identifier: LGPL-2.1-or-later
#
# XML import and export: the fixture corpus (data/valid, data/invalid with
# its EXPECTED list), limits and hostile streams, round trips, atomic save
# under injected faults, agreement with the XSD, and a strace check that an
# import opens no file but its own.

xml_test_programs = \
	test-xml-fixtures \
	test-xml-limits \
	test-xml-problems \
	test-xml-roundtrip \
	test-xml-save \
	test-xml-schema

check_PROGRAMS += $(xml_test_programs) test-xml-strace-helper
TESTS += $(xml_test_programs) test-xml-strace.sh
EXTRA_DIST += test-xml-strace.sh data/valid data/invalid
noinst_HEADERS += test-xml-common.h

test_xml_fixtures_SOURCES = test-xml-fixtures.c terrind-test-util.c
test_xml_limits_SOURCES = test-xml-limits.c terrind-test-util.c
test_xml_problems_SOURCES = test-xml-problems.c terrind-test-util.c
test_xml_roundtrip_SOURCES = test-xml-roundtrip.c terrind-test-util.c
test_xml_save_SOURCES = test-xml-save.c terrind-test-util.c
test_xml_save_LDADD = $(LDADD) -ldl
test_xml_schema_SOURCES = test-xml-schema.c terrind-test-util.c
test_xml_schema_CFLAGS = $(AM_CFLAGS) $(LIBXML_CFLAGS)
test_xml_schema_LDADD = $(LDADD) $(LIBXML_LIBS)
test_xml_strace_helper_SOURCES = test-xml-strace-helper.c
