/* test-registry-query.c: lookups, listings, queries and equality
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <signal.h>
#include <string.h>

#include "terrind-test-util.h"

/* Ids given out of order, with upper case and dots, so that a listing in
 * insertion order, or sorted case-insensitively or "naturally", shows. */
static const char *const shuffled_ids[] = { "b", "a.1", "B", "c", "a", "10", "9", NULL };
#define SORTED_IDS "10,9,B,a,a.1,b,c"

static TerrindRegistry *
shuffled_registry (void)
{
  TerrindRegistry *registry = terrind_registry_new ();
  g_autoptr(GError) error = NULL;
  guint i;

  for (i = 0; shuffled_ids[i] != NULL; i++)
    {
      g_autoptr(TerrindRegion) region = terrind_test_region (shuffled_ids[i]);
      g_autoptr(TerrindOperator) op = terrind_test_operator (shuffled_ids[i]);

      ck_assert (terrind_registry_add_region (registry, region, &error));
      ck_assert (terrind_registry_add_operator (registry, op, &error));
      terrind_assert_no_error (error);
    }
  for (i = 0; shuffled_ids[i] != NULL; i++)
    {
      g_autoptr(TerrindTerritory) territory = terrind_test_territory (shuffled_ids[i], "a");
      g_autoptr(TerrindConvention) convention = terrind_test_convention (shuffled_ids[i], "a");
      g_autoptr(TerrindReferent) referent = terrind_test_referent (shuffled_ids[i], "a", shuffled_ids[i]);

      ck_assert (terrind_registry_add_territory (registry, territory, &error));
      ck_assert (terrind_registry_add_convention (registry, convention, &error));
      ck_assert (terrind_registry_add_referent (registry, referent, &error));
      terrind_assert_no_error (error);
    }
  return registry;
}

START_TEST (test_listings_sorted_by_id)
{
  g_autoptr(TerrindRegistry) registry = shuffled_registry ();
  g_autofree char *regions = terrind_test_region_codes (terrind_registry_list_regions (registry));
  g_autofree char *territories = terrind_test_territory_ids (terrind_registry_list_territories (registry));
  g_autofree char *operators = terrind_test_operator_ids (terrind_registry_list_operators (registry));
  g_autofree char *conventions = terrind_test_convention_ids (terrind_registry_list_conventions (registry));
  g_autofree char *referents = terrind_test_referent_ids (terrind_registry_list_referents (registry));

  ck_assert_str_eq (regions, SORTED_IDS);
  ck_assert_str_eq (territories, SORTED_IDS);
  ck_assert_str_eq (operators, SORTED_IDS);
  ck_assert_str_eq (conventions, SORTED_IDS);
  ck_assert_str_eq (referents, SORTED_IDS);
}
END_TEST

START_TEST (test_queries_sorted_by_id)
{
  g_autoptr(TerrindRegistry) registry = shuffled_registry ();
  g_autofree char *in_region =
    terrind_test_territory_ids (terrind_registry_list_territories_in_region (registry, "a"));
  g_autofree char *conventions =
    terrind_test_convention_ids (terrind_registry_list_conventions_of_operator (registry, "a"));
  g_autofree char *referents =
    terrind_test_referent_ids (terrind_registry_list_referents_of_operator (registry, "a"));
  g_autofree char *without =
    terrind_test_territory_ids (terrind_registry_list_territories_without_referent (registry, "b"));

  ck_assert_str_eq (in_region, SORTED_IDS);
  ck_assert_str_eq (conventions, SORTED_IDS);
  ck_assert_str_eq (referents, SORTED_IDS);
  ck_assert_str_eq (without, SORTED_IDS);
}
END_TEST

START_TEST (test_listings_borrow_their_elements)
{
  /* The registry holds the only reference: releasing a listing, however
   * often, must not release what it lists. */
  g_autoptr(TerrindRegistry) registry = terrind_test_fixture_registry ();
  guint round;

  for (round = 0; round < 3; round++)
    {
      g_ptr_array_unref (terrind_registry_list_regions (registry));
      g_ptr_array_unref (terrind_registry_list_territories (registry));
      g_ptr_array_unref (terrind_registry_list_operators (registry));
      g_ptr_array_unref (terrind_registry_list_conventions (registry));
      g_ptr_array_unref (terrind_registry_list_referents (registry));
      g_ptr_array_unref (terrind_registry_list_territories_in_region (registry, "84"));
      g_ptr_array_unref (terrind_registry_list_conventions_of_operator (registry, "bpifrance"));
      g_ptr_array_unref (terrind_registry_list_referents_of_territory (registry, "ti-a"));
      g_ptr_array_unref (terrind_registry_list_referents_of_operator (registry, "bpifrance"));
      g_ptr_array_unref (terrind_registry_list_territories_without_referent (registry, "bpifrance"));
    }
  ck_assert_str_eq (terrind_region_get_code (terrind_registry_get_region (registry, "84")), "84");
  ck_assert_str_eq (terrind_territory_get_id (terrind_registry_get_territory (registry, "ti-a")), "ti-a");
  ck_assert_str_eq (terrind_territory_get_id (terrind_registry_get_territory (registry, "ti-b")), "ti-b");
  ck_assert_str_eq (terrind_operator_get_id (terrind_registry_get_operator (registry, "bpifrance")), "bpifrance");
  ck_assert_str_eq (terrind_convention_get_id (terrind_registry_get_convention (registry, "conv-bpi")),
                    "conv-bpi");
  ck_assert_str_eq (terrind_referent_get_id (terrind_registry_get_referent (registry, "ref-1")), "ref-1");
}
END_TEST

START_TEST (test_listings_are_new_arrays)
{
  /* Each call returns the caller's own array: changing it changes nothing
   * in the registry. */
  g_autoptr(TerrindRegistry) registry = terrind_test_fixture_registry ();
  g_autofree char *before = terrind_test_dump_registry (registry);
  g_autoptr(GPtrArray) first = terrind_registry_list_territories (registry);
  g_autoptr(GPtrArray) second = terrind_registry_list_territories (registry);

  ck_assert_ptr_ne (first, second);
  ck_assert_uint_eq (first->len, 2);
  g_ptr_array_remove_index (first, 0);
  g_ptr_array_set_size (second, 0);
  terrind_assert_registry_unchanged (registry, before);
}
END_TEST

START_TEST (test_listing_elements_are_the_registry_objects)
{
  g_autoptr(TerrindRegistry) registry = terrind_test_fixture_registry ();
  g_autoptr(GPtrArray) territories = terrind_registry_list_territories (registry);
  g_autoptr(GPtrArray) referents = terrind_registry_list_referents_of_operator (registry, "bpifrance");

  ck_assert_ptr_eq (g_ptr_array_index (territories, 0), terrind_registry_get_territory (registry, "ti-a"));
  ck_assert_ptr_eq (g_ptr_array_index (territories, 1), terrind_registry_get_territory (registry, "ti-b"));
  ck_assert_uint_eq (referents->len, 1);
  ck_assert_ptr_eq (g_ptr_array_index (referents, 0), terrind_registry_get_referent (registry, "ref-1"));
}
END_TEST

START_TEST (test_queries_unknown_and_empty)
{
  /* Unknown id: NULL. Known id with nothing to list: an empty array. */
  g_autoptr(TerrindRegistry) registry = terrind_test_fixture_registry ();
  g_autoptr(TerrindRegion) empty_region = terrind_test_region ("11");
  g_autoptr(TerrindTerritory) lonely = terrind_test_territory ("ti-c", "93");
  g_autoptr(TerrindOperator) idle = terrind_test_operator ("pole-emploi");
  g_autoptr(GError) error = NULL;
  g_autofree char *in_11 = NULL;
  g_autofree char *conventions = NULL;
  g_autofree char *refs_of_ti = NULL;
  g_autofree char *refs_of_op = NULL;
  g_autofree char *without = NULL;

  ck_assert (terrind_registry_add_region (registry, empty_region, &error));
  ck_assert (terrind_registry_add_territory (registry, lonely, &error));
  ck_assert (terrind_registry_add_operator (registry, idle, &error));
  terrind_assert_no_error (error);

  ck_assert_ptr_null (terrind_registry_list_territories_in_region (registry, "99"));
  ck_assert_ptr_null (terrind_registry_list_conventions_of_operator (registry, "bdt"));
  ck_assert_ptr_null (terrind_registry_list_referents_of_territory (registry, "ti-z"));
  ck_assert_ptr_null (terrind_registry_list_referents_of_operator (registry, "bdt"));
  ck_assert_ptr_null (terrind_registry_list_territories_without_referent (registry, "bdt"));
  /* An id of another kind is unknown for this kind. */
  ck_assert_ptr_null (terrind_registry_list_territories_in_region (registry, "ti-a"));
  ck_assert_ptr_null (terrind_registry_list_referents_of_territory (registry, "bpifrance"));
  /* Malformed ids are unknown too. */
  ck_assert_ptr_null (terrind_registry_list_territories_in_region (registry, ""));
  ck_assert_ptr_null (terrind_registry_list_referents_of_operator (registry, "a b"));

  in_11 = terrind_test_territory_ids (terrind_registry_list_territories_in_region (registry, "11"));
  conventions = terrind_test_convention_ids (terrind_registry_list_conventions_of_operator (registry,
                                                                                           "pole-emploi"));
  refs_of_ti = terrind_test_referent_ids (terrind_registry_list_referents_of_territory (registry, "ti-c"));
  refs_of_op = terrind_test_referent_ids (terrind_registry_list_referents_of_operator (registry, "pole-emploi"));
  without = terrind_test_territory_ids (terrind_registry_list_territories_without_referent (registry,
                                                                                            "pole-emploi"));
  ck_assert_str_eq (in_11, "");
  ck_assert_str_eq (conventions, "");
  ck_assert_str_eq (refs_of_ti, "");
  ck_assert_str_eq (refs_of_op, "");
  /* An operator with no referent lacks one everywhere. */
  ck_assert_str_eq (without, "ti-a,ti-b,ti-c");
}
END_TEST

START_TEST (test_queries_answer)
{
  g_autoptr(TerrindRegistry) registry = terrind_test_fixture_registry ();
  g_autoptr(TerrindReferent) bf_b = terrind_test_referent ("ref-bf-b", "business-france", "ti-b");
  g_autoptr(TerrindReferent) bf_a = terrind_test_referent ("ref-bf-a", "business-france", "ti-a");
  g_autoptr(TerrindConvention) conv_bf = terrind_test_convention ("conv-bf", "business-france");
  g_autoptr(GError) error = NULL;
  g_autofree char *in_84 = NULL;
  g_autofree char *of_bpi = NULL;
  g_autofree char *of_bf = NULL;
  g_autofree char *refs_a = NULL;
  g_autofree char *refs_b = NULL;
  g_autofree char *refs_bf = NULL;
  g_autofree char *without_bpi = NULL;
  g_autofree char *without_bf = NULL;

  ck_assert (terrind_registry_add_referent (registry, bf_b, &error));
  ck_assert (terrind_registry_add_referent (registry, bf_a, &error));
  ck_assert (terrind_registry_add_convention (registry, conv_bf, &error));
  terrind_assert_no_error (error);

  in_84 = terrind_test_territory_ids (terrind_registry_list_territories_in_region (registry, "84"));
  of_bpi = terrind_test_convention_ids (terrind_registry_list_conventions_of_operator (registry, "bpifrance"));
  of_bf = terrind_test_convention_ids (terrind_registry_list_conventions_of_operator (registry,
                                                                                     "business-france"));
  refs_a = terrind_test_referent_ids (terrind_registry_list_referents_of_territory (registry, "ti-a"));
  refs_b = terrind_test_referent_ids (terrind_registry_list_referents_of_territory (registry, "ti-b"));
  refs_bf = terrind_test_referent_ids (terrind_registry_list_referents_of_operator (registry, "business-france"));
  without_bpi = terrind_test_territory_ids (terrind_registry_list_territories_without_referent (registry,
                                                                                                "bpifrance"));
  without_bf = terrind_test_territory_ids (terrind_registry_list_territories_without_referent (registry,
                                                                                               "business-france"));

  ck_assert_str_eq (in_84, "ti-a");
  ck_assert_str_eq (of_bpi, "conv-bpi");
  ck_assert_str_eq (of_bf, "conv-bf");
  ck_assert_str_eq (refs_a, "ref-1,ref-bf-a");
  ck_assert_str_eq (refs_b, "ref-bf-b");
  ck_assert_str_eq (refs_bf, "ref-bf-a,ref-bf-b");
  ck_assert_str_eq (without_bpi, "ti-b");
  ck_assert_str_eq (without_bf, "");
}
END_TEST

START_TEST (test_get_referent_for)
{
  g_autoptr(TerrindRegistry) registry = terrind_test_fixture_registry ();

  ck_assert_ptr_eq (terrind_registry_get_referent_for (registry, "bpifrance", "ti-a"),
                    terrind_registry_get_referent (registry, "ref-1"));
  ck_assert_ptr_null (terrind_registry_get_referent_for (registry, "bpifrance", "ti-b"));
  ck_assert_ptr_null (terrind_registry_get_referent_for (registry, "business-france", "ti-a"));
  ck_assert_ptr_null (terrind_registry_get_referent_for (registry, "pole-emploi", "ti-a"));
  ck_assert_ptr_null (terrind_registry_get_referent_for (registry, "bpifrance", "ti-z"));
  ck_assert_ptr_null (terrind_registry_get_referent_for (registry, "ti-a", "bpifrance"));
  ck_assert_ptr_null (terrind_registry_get_referent_for (registry, "", ""));
}
END_TEST

START_TEST (test_lookups_unknown)
{
  g_autoptr(TerrindRegistry) registry = terrind_test_fixture_registry ();
  g_autofree char *too_long = g_strnfill (129, 'a');

  ck_assert_ptr_null (terrind_registry_get_region (registry, "11"));
  ck_assert_ptr_null (terrind_registry_get_territory (registry, "ti-z"));
  ck_assert_ptr_null (terrind_registry_get_operator (registry, "pole-emploi"));
  ck_assert_ptr_null (terrind_registry_get_convention (registry, "conv-pe"));
  ck_assert_ptr_null (terrind_registry_get_commitment (registry, "pe-tool"));
  ck_assert_ptr_null (terrind_registry_get_referent (registry, "ref-2"));
  /* Ids are case-sensitive and kinds do not mix. */
  ck_assert_ptr_null (terrind_registry_get_territory (registry, "TI-A"));
  ck_assert_ptr_null (terrind_registry_get_territory (registry, "bpifrance"));
  ck_assert_ptr_null (terrind_registry_get_commitment (registry, "conv-bpi"));
  ck_assert_ptr_null (terrind_registry_get_convention (registry, "bpi-access"));
  /* Malformed ids find nothing, and do not fail. */
  ck_assert_ptr_null (terrind_registry_get_region (registry, ""));
  ck_assert_ptr_null (terrind_registry_get_territory (registry, "\xff"));
  ck_assert_ptr_null (terrind_registry_get_operator (registry, too_long));
  ck_assert_ptr_null (terrind_registry_get_referent (registry, "ref 1"));
}
END_TEST

START_TEST (test_find_territory_by_member)
{
  g_autoptr(TerrindRegistry) registry = terrind_test_fixture_registry ();
  guint i;

  ck_assert_ptr_eq (terrind_registry_find_territory_by_member (registry, "200000172"),
                    terrind_registry_get_territory (registry, "ti-a"));
  ck_assert_ptr_eq (terrind_registry_find_territory_by_member (registry, "217400563"),
                    terrind_registry_get_territory (registry, "ti-b"));
  ck_assert_ptr_null (terrind_registry_find_territory_by_member (registry, "247400542"));
  for (i = 0; terrind_test_bad_sirens[i] != NULL; i++)
    ck_assert_ptr_null (terrind_registry_find_territory_by_member (registry, terrind_test_bad_sirens[i]));
}
END_TEST

START_TEST (test_find_territory_by_member_follows_changes)
{
  g_autoptr(TerrindRegistry) registry = terrind_test_fixture_registry ();
  g_autoptr(TerrindTerritory) newcomer = terrind_test_territory ("ti-c", "93");
  g_autoptr(GError) error = NULL;

  ck_assert (terrind_territory_add_member (newcomer, "247400542", &error));
  ck_assert (terrind_registry_add_territory (registry, newcomer, &error));
  terrind_assert_no_error (error);
  ck_assert_ptr_eq (terrind_registry_find_territory_by_member (registry, "247400542"), newcomer);

  ck_assert (terrind_territory_add_member (newcomer, "200040731", &error));
  ck_assert_ptr_eq (terrind_registry_find_territory_by_member (registry, "200040731"), newcomer);
  ck_assert (terrind_territory_remove_member (newcomer, "247400542", &error));
  terrind_assert_no_error (error);
  ck_assert_ptr_null (terrind_registry_find_territory_by_member (registry, "247400542"));

  ck_assert (terrind_registry_remove_territory (registry, "ti-c", TERRIND_REMOVE_NONE, &error));
  terrind_assert_no_error (error);
  ck_assert_ptr_null (terrind_registry_find_territory_by_member (registry, "200040731"));
  /* Changes to a territory that left the registry do not reach it. */
  ck_assert (terrind_territory_add_member (newcomer, "243800109", &error));
  ck_assert_ptr_null (terrind_registry_find_territory_by_member (registry, "243800109"));
}
END_TEST

START_TEST (test_counts_follow_changes)
{
  g_autoptr(TerrindRegistry) registry = terrind_test_fixture_registry ();
  g_autoptr(TerrindRegion) region = terrind_test_region ("11");
  g_autoptr(TerrindOperator) op = terrind_test_operator ("pole-emploi");
  g_autoptr(TerrindTerritory) territory = terrind_test_territory ("ti-c", "11");
  g_autoptr(TerrindConvention) convention = terrind_test_convention ("conv-pe", "pole-emploi");
  g_autoptr(TerrindReferent) referent = terrind_test_referent ("ref-pe", "pole-emploi", "ti-c");
  g_autoptr(GError) error = NULL;

  ck_assert (terrind_registry_add_region (registry, region, &error));
  ck_assert_uint_eq (terrind_registry_get_n_regions (registry), 3);
  ck_assert (terrind_registry_add_operator (registry, op, &error));
  ck_assert_uint_eq (terrind_registry_get_n_operators (registry), 3);
  ck_assert (terrind_registry_add_territory (registry, territory, &error));
  ck_assert_uint_eq (terrind_registry_get_n_territories (registry), 3);
  ck_assert (terrind_registry_add_convention (registry, convention, &error));
  ck_assert_uint_eq (terrind_registry_get_n_conventions (registry), 2);
  ck_assert (terrind_registry_add_referent (registry, referent, &error));
  ck_assert_uint_eq (terrind_registry_get_n_referents (registry), 2);
  terrind_assert_no_error (error);
}
END_TEST

/* Builds the fixture's content again, in another order, from new objects. */
static TerrindRegistry *
fixture_in_another_order (void)
{
  TerrindRegistry *registry = terrind_registry_new ();
  g_autoptr(TerrindRegion) paca = NULL;
  g_autoptr(TerrindRegion) ara = NULL;
  g_autoptr(TerrindOperator) bf = NULL;
  g_autoptr(TerrindOperator) bpi = NULL;
  g_autoptr(TerrindTerritory) ti_b = NULL;
  g_autoptr(TerrindTerritory) ti_a = NULL;
  g_autoptr(TerrindConvention) conv = NULL;
  g_autoptr(TerrindCommitment) access = NULL;
  g_autoptr(TerrindReferent) ref = NULL;
  g_autoptr(GError) error = NULL;

  paca = terrind_region_new ("93", "Provence-Alpes-C\xc3\xb4te d'Azur", &error);
  ck_assert (terrind_registry_add_region (registry, paca, &error));
  ara = terrind_region_new ("84", "Auvergne-Rh\xc3\xb4ne-Alpes", &error);
  ck_assert (terrind_registry_add_region (registry, ara, &error));
  bf = terrind_operator_new ("business-france", "Business France", &error);
  ck_assert (terrind_registry_add_operator (registry, bf, &error));
  bpi = terrind_operator_new ("bpifrance", "Bpifrance", &error);
  ck_assert (terrind_registry_add_operator (registry, bpi, &error));
  ti_b = terrind_territory_new ("ti-b", "Grand Avignon", "93", &error);
  ck_assert (terrind_territory_add_member (ti_b, "217400563", &error));
  ck_assert (terrind_registry_add_territory (registry, ti_b, &error));
  ti_a = terrind_territory_new ("ti-a", "Vall\xc3\xa9" "e de l'Arve", "84", &error);
  ck_assert (terrind_territory_add_member (ti_a, "200000172", &error));
  ck_assert (terrind_registry_add_territory (registry, ti_a, &error));
  ref = terrind_referent_new ("ref-1", "bpifrance", "ti-a", "Jeanne Martin", &error);
  ck_assert (terrind_registry_add_referent (registry, ref, &error));
  conv = terrind_convention_new ("conv-bpi", "bpifrance", "2019-03-05", &error);
  ck_assert (terrind_registry_add_convention (registry, conv, &error));
  /* The commitment joins after the convention is registered. */
  access = terrind_commitment_new ("bpi-access", TERRIND_COMMITMENT_PROGRAMME_ACCESS,
                                   "Acc\xc3\xa8s aux financements", &error);
  ck_assert (terrind_convention_add_commitment (conv, access, &error));
  terrind_assert_no_error (error);
  return registry;
}

START_TEST (test_equal)
{
  g_autoptr(TerrindRegistry) a = terrind_test_fixture_registry ();
  g_autoptr(TerrindRegistry) b = fixture_in_another_order ();
  g_autoptr(TerrindRegistry) empty1 = terrind_registry_new ();
  g_autoptr(TerrindRegistry) empty2 = terrind_registry_new ();
  g_autofree char *dump_a = terrind_test_dump_registry (a);
  g_autofree char *dump_b = terrind_test_dump_registry (b);

  ck_assert_str_eq (dump_a, dump_b);
  ck_assert (terrind_registry_equal (a, a));
  ck_assert (terrind_registry_equal (a, b));
  ck_assert (terrind_registry_equal (b, a));
  ck_assert (terrind_registry_equal (empty1, empty2));
  ck_assert (!terrind_registry_equal (a, empty1));
  ck_assert (!terrind_registry_equal (empty1, a));
}
END_TEST

START_TEST (test_equal_sees_every_entity)
{
  g_autoptr(TerrindRegistry) a = terrind_test_fixture_registry ();
  g_autoptr(GError) error = NULL;

#define DIFFERS(change)                                                        \
  G_STMT_START {                                                               \
    g_autoptr(TerrindRegistry) b_ = terrind_test_fixture_registry ();          \
    ck_assert (terrind_registry_equal (a, b_));                                \
    change;                                                                    \
    ck_assert_msg (!terrind_registry_equal (a, b_), "equal after %s", #change); \
    ck_assert_msg (!terrind_registry_equal (b_, a), "equal after %s", #change); \
  } G_STMT_END

  DIFFERS (ck_assert (terrind_region_set_name (terrind_registry_get_region (b_, "93"), "PACA", &error)));
  DIFFERS (ck_assert (terrind_territory_add_department (terrind_registry_get_territory (b_, "ti-b"), "84",
                                                        &error)));
  DIFFERS (ck_assert (terrind_territory_set_phase (terrind_registry_get_territory (b_, "ti-a"), 2, &error)));
  DIFFERS (ck_assert (terrind_operator_rename (terrind_registry_get_operator (b_, "business-france"),
                                               "Team France Export", NULL, &error)));
  DIFFERS (ck_assert (terrind_convention_set_place (terrind_registry_get_convention (b_, "conv-bpi"), "Lyon",
                                                    &error)));
  DIFFERS (ck_assert (terrind_commitment_set_years (terrind_registry_get_commitment (b_, "bpi-access"),
                                                    2019, 2022, &error)));
  DIFFERS (ck_assert (terrind_referent_set_email (terrind_registry_get_referent (b_, "ref-1"),
                                                  "jeanne.martin@bpifrance.fr", &error)));
  DIFFERS (ck_assert (terrind_registry_remove_referent (b_, "ref-1", &error)));
  DIFFERS (ck_assert (terrind_registry_remove_convention (b_, "conv-bpi", &error)));
  DIFFERS ({
    g_autoptr(TerrindRegion) extra = terrind_test_region ("11");
    ck_assert (terrind_registry_add_region (b_, extra, &error));
  });
  DIFFERS ({
    g_autoptr(TerrindOperator) extra = terrind_test_operator ("pole-emploi");
    ck_assert (terrind_registry_add_operator (b_, extra, &error));
  });
  DIFFERS ({
    g_autoptr(TerrindReferent) successor = terrind_test_referent ("ref-2", "bpifrance", "ti-a");
    ck_assert (terrind_registry_replace_referent (b_, successor, &error));
  });
#undef DIFFERS
  terrind_assert_no_error (error);
}
END_TEST

/* Every reference in @registry resolves; the default dataset must be a
 * registry the library itself would have accepted piece by piece. */
static void
assert_consistent (TerrindRegistry *registry)
{
  g_autoptr(GPtrArray) territories = terrind_registry_list_territories (registry);
  g_autoptr(GPtrArray) conventions = terrind_registry_list_conventions (registry);
  g_autoptr(GPtrArray) referents = terrind_registry_list_referents (registry);
  guint i;

  for (i = 0; i < territories->len; i++)
    ck_assert_ptr_nonnull (terrind_registry_get_region (registry,
                                                        terrind_territory_get_region_code (g_ptr_array_index (territories, i))));
  for (i = 0; i < conventions->len; i++)
    ck_assert_ptr_nonnull (terrind_registry_get_operator (registry,
                                                          terrind_convention_get_operator_id (g_ptr_array_index (conventions, i))));
  for (i = 0; i < referents->len; i++)
    {
      TerrindReferent *referent = g_ptr_array_index (referents, i);

      ck_assert_ptr_nonnull (terrind_registry_get_operator (registry, terrind_referent_get_operator_id (referent)));
      ck_assert_ptr_nonnull (terrind_registry_get_territory (registry, terrind_referent_get_territory_id (referent)));
    }
}

START_TEST (test_new_default)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TerrindRegistry) first = terrind_registry_new_default (&error);
  g_autoptr(TerrindRegistry) second = NULL;
  g_autofree char *dump = NULL;

  terrind_assert_no_error (error);
  ck_assert_ptr_nonnull (first);
  assert_consistent (first);
  dump = terrind_test_dump_registry (first);
  ck_assert_ptr_null (strstr (dump, "mismatch"));

  /* Each call builds its own registry: changing one leaves the other. */
  second = terrind_registry_new_default (&error);
  terrind_assert_no_error (error);
  ck_assert_ptr_nonnull (second);
  ck_assert_ptr_ne (first, second);
  ck_assert (terrind_registry_equal (first, second));
  {
    g_autoptr(TerrindRegion) extra = terrind_test_region ("zz-test");

    ck_assert (terrind_registry_add_region (second, extra, &error));
    terrind_assert_no_error (error);
    ck_assert (!terrind_registry_equal (first, second));
    terrind_assert_registry_unchanged (first, dump);
  }
}
END_TEST

START_TEST (test_null_registry_is_a_programmer_error)
{
  terrind_registry_get_n_regions (NULL);
}
END_TEST

START_TEST (test_null_listing_registry_is_a_programmer_error)
{
  g_autoptr(GPtrArray) regions = terrind_registry_list_regions (NULL);
}
END_TEST

START_TEST (test_null_query_registry_is_a_programmer_error)
{
  g_autoptr(GPtrArray) territories = terrind_registry_list_territories_in_region (NULL, "84");
}
END_TEST

static Suite *
registry_query_suite (void)
{
  Suite *suite = suite_create ("registry-query");
  TCase *listings = tcase_create ("listings");
  TCase *queries = tcase_create ("queries");
  TCase *equal = tcase_create ("equal");

  tcase_add_test (listings, test_listings_sorted_by_id);
  tcase_add_test (listings, test_queries_sorted_by_id);
  tcase_add_test (listings, test_listings_borrow_their_elements);
  tcase_add_test (listings, test_listings_are_new_arrays);
  tcase_add_test (listings, test_listing_elements_are_the_registry_objects);
  suite_add_tcase (suite, listings);

  tcase_add_test (queries, test_queries_unknown_and_empty);
  tcase_add_test (queries, test_queries_answer);
  tcase_add_test (queries, test_get_referent_for);
  tcase_add_test (queries, test_lookups_unknown);
  tcase_add_test (queries, test_find_territory_by_member);
  tcase_add_test (queries, test_find_territory_by_member_follows_changes);
  tcase_add_test (queries, test_counts_follow_changes);
  suite_add_tcase (suite, queries);

  tcase_add_test (equal, test_equal);
  tcase_add_test (equal, test_equal_sees_every_entity);
  tcase_add_test (equal, test_new_default);
  suite_add_tcase (suite, equal);

  if (terrind_test_forks ())
    {
      TCase *critical = tcase_create ("programmer-errors");

      tcase_add_test_raise_signal (critical, test_null_registry_is_a_programmer_error, SIGTRAP);
      tcase_add_test_raise_signal (critical, test_null_listing_registry_is_a_programmer_error, SIGTRAP);
      tcase_add_test_raise_signal (critical, test_null_query_registry_is_a_programmer_error, SIGTRAP);
      suite_add_tcase (suite, critical);
    }
  return suite;
}

int
main (void)
{
  return terrind_test_run (registry_query_suite ());
}
