/* terrind-test-util.h: sample values and snapshots for the core suites
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "terrind-test.h"

G_BEGIN_DECLS

/* Values every validator must refuse or accept. Each list ends with NULL.
 * The over-long id (129 characters) is not in the list: tests build it with
 * g_strnfill() so the list stays readable. */
extern const char *const terrind_test_bad_ids[];
extern const char *const terrind_test_good_ids[];
extern const char *const terrind_test_bad_names[];
extern const char *const terrind_test_good_names[];
extern const char *const terrind_test_bad_dates[];
extern const char *const terrind_test_good_dates[];
extern const char *const terrind_test_bad_sirens[];
extern const char *const terrind_test_good_sirens[];
extern const char *const terrind_test_bad_emails[];
extern const char *const terrind_test_good_emails[];
extern const char *const terrind_test_bad_phones[];
extern const char *const terrind_test_good_phones[];
extern const char *const terrind_test_bad_departments[];
extern const char *const terrind_test_good_departments[];

/* One line per field, through the public getters only: two dumps are equal
 * exactly when everything a caller can observe is equal. */
char *terrind_test_dump_region     (const TerrindRegion     *region);
char *terrind_test_dump_territory  (const TerrindTerritory  *territory);
char *terrind_test_dump_operator   (const TerrindOperator   *op);
char *terrind_test_dump_commitment (const TerrindCommitment *commitment);
char *terrind_test_dump_convention (const TerrindConvention *convention);
char *terrind_test_dump_referent   (const TerrindReferent   *referent);

/* Everything observable in @registry: counts, listings, each entity, every
 * lookup and query answered for every id it holds. It also records any
 * lookup that disagrees with the listings, so a stale index shows up as a
 * difference between two snapshots. */
char *terrind_test_dump_registry   (TerrindRegistry *registry);

/* "a,b,c" from a listing, or "(null)" when @array is NULL. @array is
 * released. */
char *terrind_test_region_codes    (GPtrArray *array);
char *terrind_test_territory_ids   (GPtrArray *array);
char *terrind_test_operator_ids    (GPtrArray *array);
char *terrind_test_convention_ids  (GPtrArray *array);
char *terrind_test_referent_ids    (GPtrArray *array);

/* Constructors for tests that need a valid entity and are not about its
 * constructor: they fail the test if the library refuses. */
TerrindRegion     *terrind_test_region     (const char *code);
TerrindTerritory  *terrind_test_territory  (const char *id,
                                            const char *region_code);
TerrindOperator   *terrind_test_operator   (const char *id);
TerrindCommitment *terrind_test_commitment (const char *id);
TerrindConvention *terrind_test_convention (const char *id,
                                            const char *operator_id);
TerrindReferent   *terrind_test_referent   (const char *id,
                                            const char *operator_id,
                                            const char *territory_id);

/* The usual fixture: regions "84" and "93"; operators "bpifrance" and
 * "business-france"; territories "ti-a" (84, member 200000172) and "ti-b"
 * (93, member 217400563); convention "conv-bpi" of bpifrance with commitment
 * "bpi-access"; referent "ref-1" for (bpifrance, ti-a). */
TerrindRegistry *terrind_test_fixture_registry (void);

G_END_DECLS

/* Asserts that @registry still reads exactly like @snapshot (a string from
 * terrind_test_dump_registry()). */
#define terrind_assert_registry_unchanged(registry, snapshot)                  \
  G_STMT_START {                                                               \
    g_autofree char *terrind_now_ = terrind_test_dump_registry (registry);     \
    ck_assert_str_eq (terrind_now_, (snapshot));                               \
  } G_STMT_END
