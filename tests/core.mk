# SPDX-License-Identifier: LGPL-2.1-or-later
#
# The core model: one Check suite per public module, plus scripts that
# guard the ABI (exported symbols against the version script), the header
# discipline (only <terrind.h> may be included) and the rule that tests
# assert behaviour, never elapsed time.

core_test_programs = \
	test-version \
	test-error \
	test-phase \
	test-region \
	test-territory \
	test-operator \
	test-commitment \
	test-convention \
	test-referent \
	test-records \
	test-evaluation \
	test-model \
	test-registry-add \
	test-registry-remove \
	test-registry-query \
	test-changeset \
	test-text-safety \
	test-scaling

core_test_scripts = \
	test-symbols.sh \
	test-headers.sh \
	test-no-timing.sh

check_PROGRAMS += $(core_test_programs)
TESTS += $(core_test_programs) $(core_test_scripts)
EXTRA_DIST += $(core_test_scripts)
noinst_HEADERS += terrind-test-util.h terrind-test-siren.h

# Sample values, snapshots and the shared fixture.
core_test_util = terrind-test-util.c

test_version_SOURCES = test-version.c
test_error_SOURCES = test-error.c
test_phase_SOURCES = test-phase.c $(core_test_util)
test_region_SOURCES = test-region.c $(core_test_util)
test_territory_SOURCES = test-territory.c $(core_test_util)
test_operator_SOURCES = test-operator.c $(core_test_util)
test_commitment_SOURCES = test-commitment.c $(core_test_util)
test_convention_SOURCES = test-convention.c $(core_test_util)
test_referent_SOURCES = test-referent.c $(core_test_util)
test_records_SOURCES = test-records.c $(core_test_util)
test_evaluation_SOURCES = test-evaluation.c $(core_test_util)
test_model_SOURCES = test-model.c $(core_test_util)
test_registry_add_SOURCES = test-registry-add.c $(core_test_util)
test_text_safety_SOURCES = test-text-safety.c $(core_test_util)
test_registry_remove_SOURCES = test-registry-remove.c $(core_test_util)
test_registry_query_SOURCES = test-registry-query.c $(core_test_util)
test_changeset_SOURCES = test-changeset.c $(core_test_util)
test_scaling_SOURCES = test-scaling.c $(core_test_util)

# What the scripts need to find the built library and compile the headers.
AM_TESTS_ENVIRONMENT += \
	TERRIND_TOP_BUILDDIR=$(abs_top_builddir); export TERRIND_TOP_BUILDDIR; \
	CC='$(CC)'; export CC; \
	TERRIND_TEST_GLIB_CFLAGS='$(GLIB_CFLAGS)'; export TERRIND_TEST_GLIB_CFLAGS;
