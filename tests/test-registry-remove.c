/* test-registry-remove.c: removing from a registry, with and without cascade
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <signal.h>

#include "terrind-test-util.h"

/* The fixture, plus a second referent of bpifrance (on ti-b), a referent of
 * business-france (on ti-a) and a convention of business-france, so that
 * cascades can be seen to remove exactly what they should. */
static TerrindRegistry *
rich_registry (void)
{
  TerrindRegistry *registry = terrind_test_fixture_registry ();
  g_autoptr(TerrindReferent) bpi_b = terrind_test_referent ("ref-2", "bpifrance", "ti-b");
  g_autoptr(TerrindReferent) bf_a = terrind_test_referent ("ref-3", "business-france", "ti-a");
  g_autoptr(TerrindConvention) conv_bf = terrind_test_convention ("conv-bf", "business-france");
  g_autoptr(TerrindCommitment) coach = terrind_test_commitment ("bf-coach");
  g_autoptr(GError) error = NULL;

  ck_assert (terrind_registry_add_referent (registry, bpi_b, &error));
  ck_assert (terrind_registry_add_referent (registry, bf_a, &error));
  ck_assert (terrind_convention_add_commitment (conv_bf, coach, &error));
  ck_assert (terrind_registry_add_convention (registry, conv_bf, &error));
  terrind_assert_no_error (error);
  return registry;
}

START_TEST (test_remove_unknown)
{
  g_autoptr(TerrindRegistry) registry = rich_registry ();
  g_autofree char *before = terrind_test_dump_registry (registry);
  g_autoptr(GError) error = NULL;

  ck_assert (!terrind_registry_remove_region (registry, "11", &error));
  terrind_assert_error (error, TERRIND_ERROR_NOT_FOUND);
  ck_assert (!terrind_registry_remove_territory (registry, "ti-z", TERRIND_REMOVE_NONE, &error));
  terrind_assert_error (error, TERRIND_ERROR_NOT_FOUND);
  ck_assert (!terrind_registry_remove_territory (registry, "ti-z", TERRIND_REMOVE_CASCADE, &error));
  terrind_assert_error (error, TERRIND_ERROR_NOT_FOUND);
  ck_assert (!terrind_registry_remove_operator (registry, "pole-emploi", TERRIND_REMOVE_NONE, &error));
  terrind_assert_error (error, TERRIND_ERROR_NOT_FOUND);
  ck_assert (!terrind_registry_remove_operator (registry, "pole-emploi", TERRIND_REMOVE_CASCADE, &error));
  terrind_assert_error (error, TERRIND_ERROR_NOT_FOUND);
  ck_assert (!terrind_registry_remove_convention (registry, "conv-pe", &error));
  terrind_assert_error (error, TERRIND_ERROR_NOT_FOUND);
  ck_assert (!terrind_registry_remove_referent (registry, "ref-99", &error));
  terrind_assert_error (error, TERRIND_ERROR_NOT_FOUND);
  /* A commitment id is not a convention id. */
  ck_assert (!terrind_registry_remove_convention (registry, "bpi-access", &error));
  terrind_assert_error (error, TERRIND_ERROR_NOT_FOUND);
  /* Ids of the wrong kind are not found either. */
  ck_assert (!terrind_registry_remove_referent (registry, "ti-a", &error));
  terrind_assert_error (error, TERRIND_ERROR_NOT_FOUND);
  terrind_assert_registry_unchanged (registry, before);

  /* Malformed ids name nothing. */
  ck_assert (!terrind_registry_remove_region (registry, "", &error));
  terrind_assert_error_either (error, TERRIND_ERROR_NOT_FOUND, TERRIND_ERROR_INVALID_VALUE);
  ck_assert (!terrind_registry_remove_referent (registry, "a b", &error));
  terrind_assert_error_either (error, TERRIND_ERROR_NOT_FOUND, TERRIND_ERROR_INVALID_VALUE);
  terrind_assert_registry_unchanged (registry, before);
}
END_TEST

START_TEST (test_remove_region)
{
  g_autoptr(TerrindRegistry) registry = rich_registry ();
  g_autoptr(TerrindRegion) unused = terrind_test_region ("11");
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *codes = NULL;

  ck_assert (terrind_registry_add_region (registry, unused, &error));
  before = terrind_test_dump_registry (registry);

  /* A territory still lies in it. */
  ck_assert (!terrind_registry_remove_region (registry, "84", &error));
  terrind_assert_error (error, TERRIND_ERROR_IN_USE);
  terrind_assert_registry_unchanged (registry, before);

  ck_assert (terrind_registry_remove_region (registry, "11", &error));
  terrind_assert_no_error (error);
  ck_assert_uint_eq (terrind_registry_get_n_regions (registry), 2);
  ck_assert_ptr_null (terrind_registry_get_region (registry, "11"));
  ck_assert_ptr_null (terrind_registry_list_territories_in_region (registry, "11"));
  codes = terrind_test_region_codes (terrind_registry_list_regions (registry));
  ck_assert_str_eq (codes, "84,93");
  /* The caller's reference is still good, and the region free again. */
  ck_assert_str_eq (terrind_region_get_code (unused), "11");
  ck_assert (terrind_registry_add_region (registry, unused, &error));
  terrind_assert_no_error (error);
  terrind_assert_registry_unchanged (registry, before);
}
END_TEST

START_TEST (test_remove_region_after_its_territories)
{
  g_autoptr(TerrindRegistry) registry = rich_registry ();
  g_autoptr(GError) error = NULL;

  ck_assert (terrind_registry_remove_territory (registry, "ti-a", TERRIND_REMOVE_CASCADE, &error));
  terrind_assert_no_error (error);
  ck_assert (terrind_registry_remove_region (registry, "84", &error));
  terrind_assert_no_error (error);
  ck_assert_uint_eq (terrind_registry_get_n_regions (registry), 1);
}
END_TEST

START_TEST (test_remove_territory_in_use)
{
  g_autoptr(TerrindRegistry) registry = rich_registry ();
  g_autofree char *before = terrind_test_dump_registry (registry);
  g_autoptr(GError) error = NULL;

  ck_assert (!terrind_registry_remove_territory (registry, "ti-a", TERRIND_REMOVE_NONE, &error));
  terrind_assert_error (error, TERRIND_ERROR_IN_USE);
  terrind_assert_registry_unchanged (registry, before);
}
END_TEST

START_TEST (test_remove_territory_unused)
{
  g_autoptr(TerrindRegistry) registry = terrind_test_fixture_registry ();
  g_autoptr(TerrindTerritory) removed = terrind_territory_ref (terrind_registry_get_territory (registry, "ti-b"));
  g_autoptr(GError) error = NULL;
  g_autofree char *ids = NULL;
  g_autofree char *in_region = NULL;

  ck_assert (terrind_registry_remove_territory (registry, "ti-b", TERRIND_REMOVE_NONE, &error));
  terrind_assert_no_error (error);
  ck_assert_uint_eq (terrind_registry_get_n_territories (registry), 1);
  ck_assert_ptr_null (terrind_registry_get_territory (registry, "ti-b"));
  ck_assert_ptr_null (terrind_registry_find_territory_by_member (registry, "217400563"));
  ck_assert_ptr_null (terrind_registry_list_referents_of_territory (registry, "ti-b"));
  ids = terrind_test_territory_ids (terrind_registry_list_territories (registry));
  ck_assert_str_eq (ids, "ti-a");
  in_region = terrind_test_territory_ids (terrind_registry_list_territories_in_region (registry, "93"));
  ck_assert_str_eq (in_region, "");
  /* The removed territory is intact for whoever still holds it. */
  ck_assert_str_eq (terrind_territory_get_member (removed, 0), "217400563");
}
END_TEST

START_TEST (test_remove_territory_cascade)
{
  g_autoptr(TerrindRegistry) registry = rich_registry ();
  g_autoptr(GError) error = NULL;
  g_autofree char *referents = NULL;
  g_autofree char *of_bpi = NULL;
  g_autofree char *without_bf = NULL;

  ck_assert (terrind_registry_remove_territory (registry, "ti-a", TERRIND_REMOVE_CASCADE, &error));
  terrind_assert_no_error (error);

  /* ti-a's referents (ref-1, ref-3) are gone; ref-2 on ti-b stays. */
  ck_assert_uint_eq (terrind_registry_get_n_territories (registry), 1);
  ck_assert_uint_eq (terrind_registry_get_n_referents (registry), 1);
  referents = terrind_test_referent_ids (terrind_registry_list_referents (registry));
  ck_assert_str_eq (referents, "ref-2");
  ck_assert_ptr_null (terrind_registry_get_referent (registry, "ref-1"));
  ck_assert_ptr_null (terrind_registry_get_referent (registry, "ref-3"));
  ck_assert_ptr_null (terrind_registry_get_referent_for (registry, "bpifrance", "ti-a"));
  of_bpi = terrind_test_referent_ids (terrind_registry_list_referents_of_operator (registry, "bpifrance"));
  ck_assert_str_eq (of_bpi, "ref-2");
  without_bf = terrind_test_territory_ids (terrind_registry_list_territories_without_referent (registry,
                                                                                               "business-france"));
  ck_assert_str_eq (without_bf, "ti-b");
  ck_assert_ptr_null (terrind_registry_find_territory_by_member (registry, "200000172"));
  /* Operators and conventions are untouched. */
  ck_assert_uint_eq (terrind_registry_get_n_operators (registry), 2);
  ck_assert_uint_eq (terrind_registry_get_n_conventions (registry), 2);
}
END_TEST

START_TEST (test_remove_operator_in_use)
{
  g_autoptr(TerrindRegistry) registry = rich_registry ();
  g_autoptr(TerrindOperator) pe = terrind_test_operator ("pole-emploi");
  g_autoptr(TerrindOperator) bdt = terrind_test_operator ("bdt");
  g_autoptr(TerrindConvention) conv_pe = terrind_test_convention ("conv-pe", "pole-emploi");
  g_autoptr(TerrindReferent) ref_bdt = terrind_test_referent ("ref-bdt", "bdt", "ti-b");
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;

  /* One operator referenced only by a convention, one only by a referent. */
  ck_assert (terrind_registry_add_operator (registry, pe, &error));
  ck_assert (terrind_registry_add_operator (registry, bdt, &error));
  ck_assert (terrind_registry_add_convention (registry, conv_pe, &error));
  ck_assert (terrind_registry_add_referent (registry, ref_bdt, &error));
  terrind_assert_no_error (error);
  before = terrind_test_dump_registry (registry);

  ck_assert (!terrind_registry_remove_operator (registry, "pole-emploi", TERRIND_REMOVE_NONE, &error));
  terrind_assert_error (error, TERRIND_ERROR_IN_USE);
  terrind_assert_registry_unchanged (registry, before);
  ck_assert (!terrind_registry_remove_operator (registry, "bdt", TERRIND_REMOVE_NONE, &error));
  terrind_assert_error (error, TERRIND_ERROR_IN_USE);
  terrind_assert_registry_unchanged (registry, before);
  ck_assert (!terrind_registry_remove_operator (registry, "bpifrance", TERRIND_REMOVE_NONE, &error));
  terrind_assert_error (error, TERRIND_ERROR_IN_USE);
  terrind_assert_registry_unchanged (registry, before);
}
END_TEST

START_TEST (test_remove_operator_unused)
{
  g_autoptr(TerrindRegistry) registry = rich_registry ();
  g_autoptr(TerrindOperator) pe = terrind_test_operator ("pole-emploi");
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;

  before = terrind_test_dump_registry (registry);
  ck_assert (terrind_registry_add_operator (registry, pe, &error));
  ck_assert (terrind_registry_remove_operator (registry, "pole-emploi", TERRIND_REMOVE_NONE, &error));
  terrind_assert_no_error (error);
  ck_assert_ptr_null (terrind_registry_get_operator (registry, "pole-emploi"));
  ck_assert_ptr_null (terrind_registry_list_conventions_of_operator (registry, "pole-emploi"));
  ck_assert_ptr_null (terrind_registry_list_territories_without_referent (registry, "pole-emploi"));
  terrind_assert_registry_unchanged (registry, before);
}
END_TEST

START_TEST (test_remove_operator_cascade)
{
  g_autoptr(TerrindRegistry) registry = rich_registry ();
  g_autoptr(TerrindConvention) conv_bpi =
    terrind_convention_ref (terrind_registry_get_convention (registry, "conv-bpi"));
  g_autoptr(GError) error = NULL;
  g_autofree char *referents = NULL;
  g_autofree char *conventions = NULL;

  ck_assert (terrind_registry_remove_operator (registry, "bpifrance", TERRIND_REMOVE_CASCADE, &error));
  terrind_assert_no_error (error);

  ck_assert_uint_eq (terrind_registry_get_n_operators (registry), 1);
  ck_assert_ptr_null (terrind_registry_get_operator (registry, "bpifrance"));
  /* Its convention, with its commitments, and its referents are gone. */
  ck_assert_uint_eq (terrind_registry_get_n_conventions (registry), 1);
  ck_assert_ptr_null (terrind_registry_get_convention (registry, "conv-bpi"));
  ck_assert_ptr_null (terrind_registry_get_commitment (registry, "bpi-access"));
  conventions = terrind_test_convention_ids (terrind_registry_list_conventions (registry));
  ck_assert_str_eq (conventions, "conv-bf");
  ck_assert_uint_eq (terrind_registry_get_n_referents (registry), 1);
  referents = terrind_test_referent_ids (terrind_registry_list_referents (registry));
  ck_assert_str_eq (referents, "ref-3");
  ck_assert_ptr_null (terrind_registry_get_referent_for (registry, "bpifrance", "ti-a"));
  /* Territories and the other operator's commitment stay. */
  ck_assert_uint_eq (terrind_registry_get_n_territories (registry), 2);
  ck_assert_ptr_nonnull (terrind_registry_get_commitment (registry, "bf-coach"));

  /* The removed convention keeps its commitment for the caller, and the
   * commitment id is free in the registry again. */
  ck_assert_ptr_nonnull (terrind_convention_lookup_commitment (conv_bpi, "bpi-access"));
  {
    g_autoptr(TerrindConvention) conv_bf2 = terrind_test_convention ("conv-bf-2", "business-france");
    g_autoptr(TerrindCommitment) reuse = terrind_test_commitment ("bpi-access");

    ck_assert (terrind_convention_add_commitment (conv_bf2, reuse, &error));
    ck_assert (terrind_registry_add_convention (registry, conv_bf2, &error));
    terrind_assert_no_error (error);
  }
}
END_TEST

START_TEST (test_remove_convention)
{
  g_autoptr(TerrindRegistry) registry = rich_registry ();
  g_autoptr(TerrindConvention) removed =
    terrind_convention_ref (terrind_registry_get_convention (registry, "conv-bf"));
  g_autoptr(GError) error = NULL;
  g_autofree char *of_bf = NULL;

  ck_assert (terrind_registry_remove_convention (registry, "conv-bf", &error));
  terrind_assert_no_error (error);
  ck_assert_uint_eq (terrind_registry_get_n_conventions (registry), 1);
  ck_assert_ptr_null (terrind_registry_get_convention (registry, "conv-bf"));
  ck_assert_ptr_null (terrind_registry_get_commitment (registry, "bf-coach"));
  of_bf = terrind_test_convention_ids (terrind_registry_list_conventions_of_operator (registry,
                                                                                      "business-france"));
  ck_assert_str_eq (of_bf, "");
  /* The operator is still there and now unreferenced by conventions. */
  ck_assert_ptr_nonnull (terrind_registry_get_operator (registry, "business-france"));

  /* Removed conventions are free, and can be put back. */
  ck_assert (terrind_registry_add_convention (registry, removed, &error));
  terrind_assert_no_error (error);
  ck_assert_ptr_nonnull (terrind_registry_get_commitment (registry, "bf-coach"));

  /* Changes to a removed convention no longer touch the registry. */
  ck_assert (terrind_registry_remove_convention (registry, "conv-bf", &error));
  {
    g_autoptr(TerrindCommitment) late = terrind_test_commitment ("bf-late");

    ck_assert (terrind_convention_add_commitment (removed, late, &error));
    terrind_assert_no_error (error);
    ck_assert_ptr_null (terrind_registry_get_commitment (registry, "bf-late"));
  }
}
END_TEST

START_TEST (test_remove_referent)
{
  g_autoptr(TerrindRegistry) registry = rich_registry ();
  g_autoptr(GError) error = NULL;
  g_autofree char *without = NULL;
  g_autofree char *of_ti = NULL;

  ck_assert (terrind_registry_remove_referent (registry, "ref-1", &error));
  terrind_assert_no_error (error);
  ck_assert_uint_eq (terrind_registry_get_n_referents (registry), 2);
  ck_assert_ptr_null (terrind_registry_get_referent (registry, "ref-1"));
  ck_assert_ptr_null (terrind_registry_get_referent_for (registry, "bpifrance", "ti-a"));
  without = terrind_test_territory_ids (terrind_registry_list_territories_without_referent (registry,
                                                                                            "bpifrance"));
  ck_assert_str_eq (without, "ti-a");
  of_ti = terrind_test_referent_ids (terrind_registry_list_referents_of_territory (registry, "ti-a"));
  ck_assert_str_eq (of_ti, "ref-3");

  /* The pair is free: a new referent can be added (not only replaced). */
  {
    g_autoptr(TerrindReferent) next = terrind_test_referent ("ref-1", "bpifrance", "ti-a");

    ck_assert (terrind_registry_add_referent (registry, next, &error));
    terrind_assert_no_error (error);
  }
  /* And the territory, once without referents, can go without cascade. */
  ck_assert (terrind_registry_remove_referent (registry, "ref-1", &error));
  ck_assert (terrind_registry_remove_referent (registry, "ref-3", &error));
  ck_assert (terrind_registry_remove_territory (registry, "ti-a", TERRIND_REMOVE_NONE, &error));
  terrind_assert_no_error (error);
}
END_TEST

START_TEST (test_remove_everything)
{
  g_autoptr(TerrindRegistry) registry = rich_registry ();
  g_autoptr(TerrindRegistry) empty = terrind_registry_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *empty_dump = terrind_test_dump_registry (empty);

  ck_assert (terrind_registry_remove_operator (registry, "bpifrance", TERRIND_REMOVE_CASCADE, &error));
  ck_assert (terrind_registry_remove_operator (registry, "business-france", TERRIND_REMOVE_CASCADE, &error));
  ck_assert (terrind_registry_remove_territory (registry, "ti-a", TERRIND_REMOVE_NONE, &error));
  ck_assert (terrind_registry_remove_territory (registry, "ti-b", TERRIND_REMOVE_NONE, &error));
  ck_assert (terrind_registry_remove_region (registry, "84", &error));
  ck_assert (terrind_registry_remove_region (registry, "93", &error));
  terrind_assert_no_error (error);
  terrind_assert_registry_unchanged (registry, empty_dump);
  ck_assert (terrind_registry_equal (registry, empty));
}
END_TEST

START_TEST (test_null_id_is_a_programmer_error)
{
  g_autoptr(TerrindRegistry) registry = terrind_registry_new ();

  terrind_registry_remove_referent (registry, NULL, NULL);
}
END_TEST

START_TEST (test_null_registry_is_a_programmer_error)
{
  terrind_registry_remove_region (NULL, "84", NULL);
}
END_TEST

static Suite *
registry_remove_suite (void)
{
  Suite *suite = suite_create ("registry-remove");
  TCase *tc = tcase_create ("remove");

  tcase_add_test (tc, test_remove_unknown);
  tcase_add_test (tc, test_remove_region);
  tcase_add_test (tc, test_remove_region_after_its_territories);
  tcase_add_test (tc, test_remove_territory_in_use);
  tcase_add_test (tc, test_remove_territory_unused);
  tcase_add_test (tc, test_remove_territory_cascade);
  tcase_add_test (tc, test_remove_operator_in_use);
  tcase_add_test (tc, test_remove_operator_unused);
  tcase_add_test (tc, test_remove_operator_cascade);
  tcase_add_test (tc, test_remove_convention);
  tcase_add_test (tc, test_remove_referent);
  tcase_add_test (tc, test_remove_everything);
  suite_add_tcase (suite, tc);

  if (terrind_test_forks ())
    {
      TCase *critical = tcase_create ("programmer-errors");

      tcase_add_test_raise_signal (critical, test_null_id_is_a_programmer_error, SIGTRAP);
      tcase_add_test_raise_signal (critical, test_null_registry_is_a_programmer_error, SIGTRAP);
      suite_add_tcase (suite, critical);
    }
  return suite;
}

int
main (void)
{
  return terrind_test_run (registry_remove_suite ());
}
