/* test-registry-add.c: adding to a registry, and every way it can refuse
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <signal.h>

#include "terrind-test-util.h"

/* A registry with the regions and operators of the fixture, and a territory
 * "ti-a" of its own, but none of the fixture's other entities: what another
 * registry needs so that adding the fixture's entities to it can only fail
 * because they already belong somewhere. */
static TerrindRegistry *
registry_with_references (void)
{
  TerrindRegistry *registry = terrind_registry_new ();
  g_autoptr(TerrindRegion) ara = terrind_test_region ("84");
  g_autoptr(TerrindRegion) paca = terrind_test_region ("93");
  g_autoptr(TerrindOperator) bpi = terrind_test_operator ("bpifrance");
  g_autoptr(TerrindOperator) bf = terrind_test_operator ("business-france");
  g_autoptr(TerrindTerritory) ti_a = terrind_test_territory ("ti-a", "84");

  ck_assert (terrind_registry_add_region (registry, ara, NULL));
  ck_assert (terrind_registry_add_region (registry, paca, NULL));
  ck_assert (terrind_registry_add_operator (registry, bpi, NULL));
  ck_assert (terrind_registry_add_operator (registry, bf, NULL));
  ck_assert (terrind_registry_add_territory (registry, ti_a, NULL));
  return registry;
}

START_TEST (test_new_is_empty)
{
  g_autoptr(TerrindRegistry) registry = terrind_registry_new ();
  g_autoptr(GPtrArray) regions = terrind_registry_list_regions (registry);
  g_autoptr(GPtrArray) territories = terrind_registry_list_territories (registry);
  g_autoptr(GPtrArray) operators = terrind_registry_list_operators (registry);
  g_autoptr(GPtrArray) conventions = terrind_registry_list_conventions (registry);
  g_autoptr(GPtrArray) referents = terrind_registry_list_referents (registry);

  ck_assert_ptr_nonnull (registry);
  ck_assert_uint_eq (terrind_registry_get_n_regions (registry), 0);
  ck_assert_uint_eq (terrind_registry_get_n_territories (registry), 0);
  ck_assert_uint_eq (terrind_registry_get_n_operators (registry), 0);
  ck_assert_uint_eq (terrind_registry_get_n_conventions (registry), 0);
  ck_assert_uint_eq (terrind_registry_get_n_referents (registry), 0);
  ck_assert_ptr_nonnull (regions);
  ck_assert_uint_eq (regions->len, 0);
  ck_assert_ptr_nonnull (territories);
  ck_assert_uint_eq (territories->len, 0);
  ck_assert_ptr_nonnull (operators);
  ck_assert_uint_eq (operators->len, 0);
  ck_assert_ptr_nonnull (conventions);
  ck_assert_uint_eq (conventions->len, 0);
  ck_assert_ptr_nonnull (referents);
  ck_assert_uint_eq (referents->len, 0);
  ck_assert_ptr_null (terrind_registry_get_region (registry, "84"));
  ck_assert_ptr_null (terrind_registry_get_territory (registry, "ti-a"));
  ck_assert_ptr_null (terrind_registry_get_operator (registry, "bpifrance"));
  ck_assert_ptr_null (terrind_registry_get_convention (registry, "conv-bpi"));
  ck_assert_ptr_null (terrind_registry_get_commitment (registry, "bpi-access"));
  ck_assert_ptr_null (terrind_registry_get_referent (registry, "ref-1"));
}
END_TEST

START_TEST (test_ref_unref)
{
  TerrindRegistry *registry = terrind_registry_new ();

  ck_assert_ptr_eq (terrind_registry_ref (registry), registry);
  terrind_registry_unref (registry);
  ck_assert_uint_eq (terrind_registry_get_n_regions (registry), 0);
  terrind_registry_unref (registry);
}
END_TEST

START_TEST (test_fixture_reads_back)
{
  g_autoptr(TerrindRegistry) registry = terrind_test_fixture_registry ();

  ck_assert_uint_eq (terrind_registry_get_n_regions (registry), 2);
  ck_assert_uint_eq (terrind_registry_get_n_territories (registry), 2);
  ck_assert_uint_eq (terrind_registry_get_n_operators (registry), 2);
  ck_assert_uint_eq (terrind_registry_get_n_conventions (registry), 1);
  ck_assert_uint_eq (terrind_registry_get_n_referents (registry), 1);
  ck_assert_str_eq (terrind_region_get_code (terrind_registry_get_region (registry, "93")), "93");
  ck_assert_str_eq (terrind_territory_get_id (terrind_registry_get_territory (registry, "ti-b")), "ti-b");
  ck_assert_str_eq (terrind_operator_get_id (terrind_registry_get_operator (registry, "bpifrance")),
                    "bpifrance");
  ck_assert_str_eq (terrind_convention_get_id (terrind_registry_get_convention (registry, "conv-bpi")),
                    "conv-bpi");
  ck_assert_str_eq (terrind_commitment_get_id (terrind_registry_get_commitment (registry, "bpi-access")),
                    "bpi-access");
  ck_assert_str_eq (terrind_referent_get_id (terrind_registry_get_referent (registry, "ref-1")), "ref-1");
  ck_assert_ptr_eq (terrind_registry_get_commitment (registry, "bpi-access"),
                    terrind_convention_lookup_commitment (terrind_registry_get_convention (registry, "conv-bpi"),
                                                          "bpi-access"));
}
END_TEST

START_TEST (test_add_takes_a_reference)
{
  /* The caller drops its references right after adding; the registry's
   * own keep everything alive. */
  g_autoptr(TerrindRegistry) registry = terrind_registry_new ();
  TerrindRegion *region = terrind_test_region ("84");
  TerrindTerritory *territory = terrind_test_territory ("ti-a", "84");
  TerrindOperator *op = terrind_test_operator ("bpifrance");
  TerrindConvention *convention = terrind_test_convention ("conv", "bpifrance");
  TerrindCommitment *commitment = terrind_test_commitment ("bpi-access");
  TerrindReferent *referent = terrind_test_referent ("ref-1", "bpifrance", "ti-a");
  g_autoptr(GError) error = NULL;

  ck_assert (terrind_convention_add_commitment (convention, commitment, &error));
  terrind_commitment_unref (commitment);
  ck_assert (terrind_registry_add_region (registry, region, &error));
  terrind_region_unref (region);
  ck_assert (terrind_registry_add_territory (registry, territory, &error));
  terrind_territory_unref (territory);
  ck_assert (terrind_registry_add_operator (registry, op, &error));
  terrind_operator_unref (op);
  ck_assert (terrind_registry_add_convention (registry, convention, &error));
  terrind_convention_unref (convention);
  ck_assert (terrind_registry_add_referent (registry, referent, &error));
  terrind_referent_unref (referent);
  terrind_assert_no_error (error);

  ck_assert_str_eq (terrind_region_get_name (terrind_registry_get_region (registry, "84")), "R\xc3\xa9gion");
  ck_assert_str_eq (terrind_territory_get_name (terrind_registry_get_territory (registry, "ti-a")), "Territoire");
  ck_assert_str_eq (terrind_operator_get_name (terrind_registry_get_operator (registry, "bpifrance")),
                    "Op\xc3\xa9rateur");
  ck_assert_str_eq (terrind_convention_get_date (terrind_registry_get_convention (registry, "conv")),
                    "2019-03-05");
  ck_assert_str_eq (terrind_commitment_get_text (terrind_registry_get_commitment (registry, "bpi-access")),
                    "Engagement");
  ck_assert_str_eq (terrind_referent_get_person (terrind_registry_get_referent (registry, "ref-1")),
                    "Jeanne Martin");
}
END_TEST

START_TEST (test_add_duplicates)
{
  g_autoptr(TerrindRegistry) registry = terrind_test_fixture_registry ();
  g_autofree char *before = terrind_test_dump_registry (registry);
  g_autoptr(TerrindRegion) region = terrind_test_region ("84");
  g_autoptr(TerrindTerritory) territory = terrind_test_territory ("ti-a", "93");
  g_autoptr(TerrindOperator) op = terrind_test_operator ("bpifrance");
  g_autoptr(TerrindConvention) convention = terrind_test_convention ("conv-bpi", "business-france");
  g_autoptr(TerrindReferent) referent = terrind_test_referent ("ref-1", "business-france", "ti-b");
  g_autoptr(GError) error = NULL;

  ck_assert (!terrind_registry_add_region (registry, region, &error));
  terrind_assert_error (error, TERRIND_ERROR_DUPLICATE);
  terrind_assert_registry_unchanged (registry, before);

  ck_assert (!terrind_registry_add_territory (registry, territory, &error));
  terrind_assert_error (error, TERRIND_ERROR_DUPLICATE);
  terrind_assert_registry_unchanged (registry, before);

  ck_assert (!terrind_registry_add_operator (registry, op, &error));
  terrind_assert_error (error, TERRIND_ERROR_DUPLICATE);
  terrind_assert_registry_unchanged (registry, before);

  ck_assert (!terrind_registry_add_convention (registry, convention, &error));
  terrind_assert_error (error, TERRIND_ERROR_DUPLICATE);
  terrind_assert_registry_unchanged (registry, before);

  ck_assert (!terrind_registry_add_referent (registry, referent, &error));
  terrind_assert_error (error, TERRIND_ERROR_DUPLICATE);
  terrind_assert_registry_unchanged (registry, before);

  /* Refused entities did not join the registry: they can join another. */
  {
    g_autoptr(TerrindRegistry) other = terrind_registry_new ();

    ck_assert (terrind_registry_add_region (other, region, &error));
    terrind_assert_no_error (error);
    ck_assert (terrind_registry_add_operator (other, op, &error));
    terrind_assert_no_error (error);
  }
}
END_TEST

START_TEST (test_add_duplicates_without_gerror)
{
  /* Passing no GError must not change the outcome. */
  g_autoptr(TerrindRegistry) registry = terrind_test_fixture_registry ();
  g_autofree char *before = terrind_test_dump_registry (registry);
  g_autoptr(TerrindRegion) region = terrind_test_region ("84");
  g_autoptr(TerrindReferent) referent = terrind_test_referent ("ref-2", "bpifrance", "ti-a");

  ck_assert (!terrind_registry_add_region (registry, region, NULL));
  ck_assert (!terrind_registry_add_referent (registry, referent, NULL));
  terrind_assert_registry_unchanged (registry, before);
}
END_TEST

START_TEST (test_add_unknown_references)
{
  g_autoptr(TerrindRegistry) registry = terrind_test_fixture_registry ();
  g_autofree char *before = terrind_test_dump_registry (registry);
  g_autoptr(TerrindTerritory) territory = terrind_test_territory ("ti-c", "11");
  g_autoptr(TerrindConvention) convention = terrind_test_convention ("conv-pe", "pole-emploi");
  g_autoptr(TerrindReferent) unknown_op = terrind_test_referent ("ref-2", "pole-emploi", "ti-a");
  g_autoptr(TerrindReferent) unknown_ti = terrind_test_referent ("ref-3", "bpifrance", "ti-z");
  g_autoptr(GError) error = NULL;

  ck_assert (!terrind_registry_add_territory (registry, territory, &error));
  terrind_assert_error (error, TERRIND_ERROR_UNKNOWN_REFERENCE);
  terrind_assert_registry_unchanged (registry, before);

  ck_assert (!terrind_registry_add_convention (registry, convention, &error));
  terrind_assert_error (error, TERRIND_ERROR_UNKNOWN_REFERENCE);
  terrind_assert_registry_unchanged (registry, before);

  ck_assert (!terrind_registry_add_referent (registry, unknown_op, &error));
  terrind_assert_error (error, TERRIND_ERROR_UNKNOWN_REFERENCE);
  terrind_assert_registry_unchanged (registry, before);

  ck_assert (!terrind_registry_add_referent (registry, unknown_ti, &error));
  terrind_assert_error (error, TERRIND_ERROR_UNKNOWN_REFERENCE);
  terrind_assert_registry_unchanged (registry, before);

  /* Once the references exist, the same objects are accepted. */
  {
    g_autoptr(TerrindRegion) region = terrind_test_region ("11");
    g_autoptr(TerrindOperator) op = terrind_test_operator ("pole-emploi");

    ck_assert (terrind_registry_add_region (registry, region, &error));
    ck_assert (terrind_registry_add_operator (registry, op, &error));
    ck_assert (terrind_registry_add_territory (registry, territory, &error));
    ck_assert (terrind_registry_add_convention (registry, convention, &error));
    ck_assert (terrind_registry_add_referent (registry, unknown_op, &error));
    terrind_assert_no_error (error);
    ck_assert_uint_eq (terrind_registry_get_n_referents (registry), 2);
  }
}
END_TEST

START_TEST (test_second_referent_for_a_pair)
{
  g_autoptr(TerrindRegistry) registry = terrind_test_fixture_registry ();
  g_autofree char *before = terrind_test_dump_registry (registry);
  g_autoptr(TerrindReferent) second = terrind_test_referent ("ref-2", "bpifrance", "ti-a");
  g_autoptr(TerrindReferent) other_pair = terrind_test_referent ("ref-3", "business-france", "ti-a");
  g_autoptr(GError) error = NULL;

  ck_assert (!terrind_registry_add_referent (registry, second, &error));
  terrind_assert_error (error, TERRIND_ERROR_DUPLICATE);
  terrind_assert_registry_unchanged (registry, before);

  /* Another operator for the same territory is another pair. */
  ck_assert (terrind_registry_add_referent (registry, other_pair, &error));
  terrind_assert_no_error (error);
  ck_assert_ptr_eq (terrind_registry_get_referent_for (registry, "business-france", "ti-a"), other_pair);
  ck_assert_str_eq (terrind_referent_get_id (terrind_registry_get_referent_for (registry, "bpifrance", "ti-a")),
                    "ref-1");
}
END_TEST

START_TEST (test_commitment_ids_unique_across_conventions)
{
  g_autoptr(TerrindRegistry) registry = terrind_test_fixture_registry ();
  g_autofree char *before = terrind_test_dump_registry (registry);
  g_autoptr(TerrindConvention) convention = terrind_test_convention ("conv-bf", "business-france");
  g_autoptr(TerrindCommitment) fresh = terrind_test_commitment ("bf-coach");
  g_autoptr(TerrindCommitment) clash = terrind_test_commitment ("bpi-access");
  g_autoptr(GError) error = NULL;
  g_autofree char *convention_before = NULL;

  ck_assert (terrind_convention_add_commitment (convention, fresh, &error));
  ck_assert (terrind_convention_add_commitment (convention, clash, &error));
  terrind_assert_no_error (error);
  convention_before = terrind_test_dump_convention (convention);

  ck_assert (!terrind_registry_add_convention (registry, convention, &error));
  terrind_assert_error (error, TERRIND_ERROR_DUPLICATE);
  terrind_assert_registry_unchanged (registry, before);
  ck_assert_ptr_null (terrind_registry_get_commitment (registry, "bf-coach"));
  {
    g_autofree char *convention_after = terrind_test_dump_convention (convention);
    ck_assert_str_eq (convention_after, convention_before);
  }

  /* Without the clash, it goes in, and both of its commitments are found. */
  ck_assert (terrind_convention_remove_commitment (convention, "bpi-access", &error));
  ck_assert (terrind_registry_add_convention (registry, convention, &error));
  terrind_assert_no_error (error);
  ck_assert_ptr_eq (terrind_registry_get_commitment (registry, "bf-coach"), fresh);
  ck_assert_ptr_eq (terrind_registry_get_commitment (registry, "bpi-access"),
                    terrind_convention_lookup_commitment (terrind_registry_get_convention (registry, "conv-bpi"),
                                                          "bpi-access"));
}
END_TEST

START_TEST (test_commitment_added_to_registered_convention)
{
  g_autoptr(TerrindRegistry) registry = terrind_test_fixture_registry ();
  g_autoptr(TerrindConvention) bf = terrind_test_convention ("conv-bf", "business-france");
  g_autoptr(TerrindCommitment) clash = terrind_test_commitment ("bpi-access");
  g_autoptr(TerrindCommitment) fresh = terrind_test_commitment ("bf-priority");
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;

  ck_assert (terrind_registry_add_convention (registry, bf, &error));
  terrind_assert_no_error (error);
  before = terrind_test_dump_registry (registry);

  /* The id is taken by a commitment of another convention of the registry. */
  ck_assert (!terrind_convention_add_commitment (bf, clash, &error));
  terrind_assert_error (error, TERRIND_ERROR_DUPLICATE);
  terrind_assert_registry_unchanged (registry, before);

  ck_assert (terrind_convention_add_commitment (bf, fresh, &error));
  terrind_assert_no_error (error);
  ck_assert_ptr_eq (terrind_registry_get_commitment (registry, "bf-priority"), fresh);

  /* Removing it frees the id registry-wide. */
  ck_assert (terrind_convention_remove_commitment (bf, "bf-priority", &error));
  terrind_assert_no_error (error);
  ck_assert_ptr_null (terrind_registry_get_commitment (registry, "bf-priority"));
  terrind_assert_registry_unchanged (registry, before);

  ck_assert (terrind_convention_remove_commitment (terrind_registry_get_convention (registry, "conv-bpi"),
                                                   "bpi-access", &error));
  terrind_assert_no_error (error);
  ck_assert_ptr_null (terrind_registry_get_commitment (registry, "bpi-access"));
  ck_assert (terrind_convention_add_commitment (bf, clash, &error));
  terrind_assert_no_error (error);
  ck_assert_ptr_eq (terrind_registry_get_commitment (registry, "bpi-access"), clash);
}
END_TEST

START_TEST (test_in_another_registry)
{
  g_autoptr(TerrindRegistry) registry = terrind_test_fixture_registry ();
  g_autoptr(GError) error = NULL;

  {
    g_autoptr(TerrindRegistry) other = terrind_registry_new ();
    g_autofree char *before = terrind_test_dump_registry (other);

    ck_assert (!terrind_registry_add_region (other, terrind_registry_get_region (registry, "84"), &error));
    terrind_assert_error (error, TERRIND_ERROR_IN_USE);
    ck_assert (!terrind_registry_add_operator (other, terrind_registry_get_operator (registry, "bpifrance"),
                                               &error));
    terrind_assert_error (error, TERRIND_ERROR_IN_USE);
    terrind_assert_registry_unchanged (other, before);
  }
  {
    g_autoptr(TerrindRegistry) other = registry_with_references ();
    g_autofree char *before = terrind_test_dump_registry (other);

    ck_assert (!terrind_registry_add_territory (other, terrind_registry_get_territory (registry, "ti-b"),
                                                &error));
    terrind_assert_error (error, TERRIND_ERROR_IN_USE);
    terrind_assert_registry_unchanged (other, before);
    ck_assert (!terrind_registry_add_convention (other, terrind_registry_get_convention (registry, "conv-bpi"),
                                                 &error));
    terrind_assert_error (error, TERRIND_ERROR_IN_USE);
    terrind_assert_registry_unchanged (other, before);
    ck_assert (!terrind_registry_add_referent (other, terrind_registry_get_referent (registry, "ref-1"),
                                               &error));
    terrind_assert_error (error, TERRIND_ERROR_IN_USE);
    terrind_assert_registry_unchanged (other, before);
    ck_assert (!terrind_registry_replace_referent (other, terrind_registry_get_referent (registry, "ref-1"),
                                                   &error));
    terrind_assert_error_either (error, TERRIND_ERROR_IN_USE, TERRIND_ERROR_NOT_FOUND);
    terrind_assert_registry_unchanged (other, before);
  }
}
END_TEST

START_TEST (test_added_twice_to_one_registry)
{
  g_autoptr(TerrindRegistry) registry = terrind_test_fixture_registry ();
  g_autofree char *before = terrind_test_dump_registry (registry);
  g_autoptr(GError) error = NULL;

  ck_assert (!terrind_registry_add_region (registry, terrind_registry_get_region (registry, "84"), &error));
  terrind_assert_error_either (error, TERRIND_ERROR_DUPLICATE, TERRIND_ERROR_IN_USE);
  ck_assert (!terrind_registry_add_territory (registry, terrind_registry_get_territory (registry, "ti-a"),
                                              &error));
  terrind_assert_error_either (error, TERRIND_ERROR_DUPLICATE, TERRIND_ERROR_IN_USE);
  ck_assert (!terrind_registry_add_operator (registry, terrind_registry_get_operator (registry, "bpifrance"),
                                             &error));
  terrind_assert_error_either (error, TERRIND_ERROR_DUPLICATE, TERRIND_ERROR_IN_USE);
  ck_assert (!terrind_registry_add_convention (registry, terrind_registry_get_convention (registry, "conv-bpi"),
                                               &error));
  terrind_assert_error_either (error, TERRIND_ERROR_DUPLICATE, TERRIND_ERROR_IN_USE);
  ck_assert (!terrind_registry_add_referent (registry, terrind_registry_get_referent (registry, "ref-1"),
                                             &error));
  terrind_assert_error_either (error, TERRIND_ERROR_DUPLICATE, TERRIND_ERROR_IN_USE);
  terrind_assert_registry_unchanged (registry, before);
}
END_TEST

START_TEST (test_free_after_registry_dies)
{
  /* A registry's entities outlive it when the caller holds them, and are
   * then free to join another registry. */
  g_autoptr(TerrindRegion) region = NULL;
  g_autoptr(TerrindTerritory) territory = NULL;
  g_autoptr(TerrindOperator) op = NULL;
  g_autoptr(TerrindConvention) convention = NULL;
  g_autoptr(TerrindReferent) referent = NULL;
  g_autoptr(TerrindRegistry) other = terrind_registry_new ();
  g_autoptr(GError) error = NULL;

  {
    g_autoptr(TerrindRegistry) registry = terrind_test_fixture_registry ();

    region = terrind_region_ref (terrind_registry_get_region (registry, "84"));
    territory = terrind_territory_ref (terrind_registry_get_territory (registry, "ti-a"));
    op = terrind_operator_ref (terrind_registry_get_operator (registry, "bpifrance"));
    convention = terrind_convention_ref (terrind_registry_get_convention (registry, "conv-bpi"));
    referent = terrind_referent_ref (terrind_registry_get_referent (registry, "ref-1"));
  }

  ck_assert_str_eq (terrind_territory_get_member (territory, 0), "200000172");
  ck_assert (terrind_registry_add_region (other, region, &error));
  ck_assert (terrind_registry_add_territory (other, territory, &error));
  ck_assert (terrind_registry_add_operator (other, op, &error));
  ck_assert (terrind_registry_add_convention (other, convention, &error));
  ck_assert (terrind_registry_add_referent (other, referent, &error));
  terrind_assert_no_error (error);
  ck_assert_ptr_eq (terrind_registry_get_commitment (other, "bpi-access"),
                    terrind_convention_lookup_commitment (convention, "bpi-access"));
}
END_TEST

START_TEST (test_replace_referent)
{
  g_autoptr(TerrindRegistry) registry = terrind_test_fixture_registry ();
  g_autoptr(TerrindReferent) old = terrind_referent_ref (terrind_registry_get_referent (registry, "ref-1"));
  g_autoptr(TerrindReferent) successor = terrind_test_referent ("ref-9", "bpifrance", "ti-a");
  g_autoptr(GError) error = NULL;
  g_autofree char *ids = NULL;

  ck_assert (terrind_registry_replace_referent (registry, successor, &error));
  terrind_assert_no_error (error);
  ck_assert_uint_eq (terrind_registry_get_n_referents (registry), 1);
  ck_assert_ptr_null (terrind_registry_get_referent (registry, "ref-1"));
  ck_assert_ptr_eq (terrind_registry_get_referent (registry, "ref-9"), successor);
  ck_assert_ptr_eq (terrind_registry_get_referent_for (registry, "bpifrance", "ti-a"), successor);
  ids = terrind_test_referent_ids (terrind_registry_list_referents (registry));
  ck_assert_str_eq (ids, "ref-9");

  /* The replaced referent left the registry: its id is free again and the
   * object can join another registry. */
  {
    g_autoptr(TerrindRegistry) other = registry_with_references ();

    ck_assert_str_eq (terrind_referent_get_person (old), "Jeanne Martin");
    ck_assert (terrind_registry_add_referent (other, old, &error));
    terrind_assert_no_error (error);
  }
}
END_TEST

START_TEST (test_replace_referent_same_id)
{
  g_autoptr(TerrindRegistry) registry = terrind_test_fixture_registry ();
  g_autoptr(TerrindReferent) successor = terrind_test_referent ("ref-1", "bpifrance", "ti-a");
  g_autoptr(GError) error = NULL;

  ck_assert (terrind_referent_set_person (successor, "Paul Durand", NULL));
  ck_assert (terrind_registry_replace_referent (registry, successor, &error));
  terrind_assert_no_error (error);
  ck_assert_uint_eq (terrind_registry_get_n_referents (registry), 1);
  ck_assert_ptr_eq (terrind_registry_get_referent (registry, "ref-1"), successor);
  ck_assert_str_eq (terrind_referent_get_person (terrind_registry_get_referent_for (registry, "bpifrance", "ti-a")),
                    "Paul Durand");
}
END_TEST

START_TEST (test_replace_referent_refused)
{
  g_autoptr(TerrindRegistry) registry = terrind_test_fixture_registry ();
  g_autoptr(TerrindReferent) other_pair = terrind_test_referent ("ref-2", "business-france", "ti-b");
  g_autoptr(TerrindReferent) nothing_to_replace = terrind_test_referent ("ref-3", "business-france", "ti-a");
  g_autoptr(TerrindReferent) id_taken = terrind_test_referent ("ref-2", "bpifrance", "ti-a");
  g_autoptr(TerrindReferent) unknown_op = terrind_test_referent ("ref-4", "pole-emploi", "ti-a");
  g_autoptr(TerrindReferent) unknown_ti = terrind_test_referent ("ref-5", "bpifrance", "ti-z");
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;

  ck_assert (terrind_registry_add_referent (registry, other_pair, &error));
  terrind_assert_no_error (error);
  before = terrind_test_dump_registry (registry);

  /* Nothing to replace: the pair has no referent yet. */
  ck_assert (!terrind_registry_replace_referent (registry, nothing_to_replace, &error));
  terrind_assert_error (error, TERRIND_ERROR_NOT_FOUND);
  terrind_assert_registry_unchanged (registry, before);

  /* The successor's id belongs to the referent of another pair. */
  ck_assert (!terrind_registry_replace_referent (registry, id_taken, &error));
  terrind_assert_error (error, TERRIND_ERROR_DUPLICATE);
  terrind_assert_registry_unchanged (registry, before);

  ck_assert (!terrind_registry_replace_referent (registry, unknown_op, &error));
  terrind_assert_error_either (error, TERRIND_ERROR_UNKNOWN_REFERENCE, TERRIND_ERROR_NOT_FOUND);
  terrind_assert_registry_unchanged (registry, before);
  ck_assert (!terrind_registry_replace_referent (registry, unknown_ti, &error));
  terrind_assert_error_either (error, TERRIND_ERROR_UNKNOWN_REFERENCE, TERRIND_ERROR_NOT_FOUND);
  terrind_assert_registry_unchanged (registry, before);

  /* A refused successor did not join: it can be added once its pair is free. */
  ck_assert (terrind_registry_add_referent (registry, nothing_to_replace, &error));
  terrind_assert_no_error (error);
}
END_TEST

/* An entity says which registry holds it now, following it when it moves
 * from one registry to another; a commitment through its convention. */
START_TEST (test_entities_know_their_registry)
{
  g_autoptr(TerrindRegistry) first = terrind_test_fixture_registry ();
  g_autoptr(TerrindRegistry) second = terrind_registry_new ();
  g_autoptr(TerrindRegion) region = terrind_test_region ("11");
  g_autoptr(TerrindReferent) referent = NULL;
  g_autoptr(TerrindConvention) convention = NULL;
  g_autoptr(TerrindCommitment) loose = terrind_test_commitment ("loose");
  g_autoptr(GError) error = NULL;
  TerrindTerritory *territory = terrind_registry_get_territory (first, "ti-b");
  TerrindCommitment *commitment = terrind_registry_get_commitment (first, "bpi-access");

  ck_assert_ptr_null (terrind_region_get_registry (region));
  ck_assert_ptr_null (terrind_commitment_get_registry (loose));
  ck_assert_ptr_eq (terrind_region_get_registry (terrind_registry_get_region (first, "84")), first);
  ck_assert_ptr_eq (terrind_territory_get_registry (territory), first);
  ck_assert_ptr_eq (terrind_operator_get_registry (terrind_registry_get_operator (first, "bpifrance")),
                    first);
  ck_assert_ptr_eq (terrind_convention_get_registry (terrind_registry_get_convention (first, "conv-bpi")),
                    first);
  ck_assert_ptr_eq (terrind_commitment_get_registry (commitment), first);
  ck_assert_ptr_eq (terrind_referent_get_registry (terrind_registry_get_referent (first, "ref-1")),
                    first);

  /* The referent moves to another registry; the guard must follow it. */
  referent = terrind_referent_ref (terrind_registry_get_referent (first, "ref-1"));
  ck_assert (terrind_registry_remove_referent (first, "ref-1", &error));
  terrind_assert_no_error (error);
  ck_assert_ptr_null (terrind_referent_get_registry (referent));
  ck_assert (terrind_registry_add_region (second, region, &error));
  ck_assert_ptr_eq (terrind_region_get_registry (region), second);

  /* A convention taken out takes its commitments' registry with it. */
  convention = terrind_convention_ref (terrind_registry_get_convention (first, "conv-bpi"));
  ck_assert (terrind_registry_remove_convention (first, "conv-bpi", &error));
  terrind_assert_no_error (error);
  ck_assert_ptr_null (terrind_convention_get_registry (convention));
  ck_assert_ptr_null (terrind_commitment_get_registry (terrind_convention_get_commitment (convention, 0)));
}
END_TEST

START_TEST (test_null_registry_is_a_programmer_error)
{
  g_autoptr(TerrindRegion) region = terrind_test_region ("84");

  terrind_registry_add_region (NULL, region, NULL);
}
END_TEST

START_TEST (test_null_entity_is_a_programmer_error)
{
  g_autoptr(TerrindRegistry) registry = terrind_registry_new ();

  terrind_registry_add_territory (registry, NULL, NULL);
}
END_TEST

static Suite *
registry_add_suite (void)
{
  Suite *suite = suite_create ("registry-add");
  TCase *tc = tcase_create ("add");
  TCase *refused = tcase_create ("refused");
  TCase *replace = tcase_create ("replace-referent");

  tcase_add_test (tc, test_new_is_empty);
  tcase_add_test (tc, test_ref_unref);
  tcase_add_test (tc, test_fixture_reads_back);
  tcase_add_test (tc, test_add_takes_a_reference);
  tcase_add_test (tc, test_free_after_registry_dies);
  tcase_add_test (tc, test_entities_know_their_registry);
  suite_add_tcase (suite, tc);

  tcase_add_test (refused, test_add_duplicates);
  tcase_add_test (refused, test_add_duplicates_without_gerror);
  tcase_add_test (refused, test_add_unknown_references);
  tcase_add_test (refused, test_second_referent_for_a_pair);
  tcase_add_test (refused, test_commitment_ids_unique_across_conventions);
  tcase_add_test (refused, test_commitment_added_to_registered_convention);
  tcase_add_test (refused, test_in_another_registry);
  tcase_add_test (refused, test_added_twice_to_one_registry);
  suite_add_tcase (suite, refused);

  tcase_add_test (replace, test_replace_referent);
  tcase_add_test (replace, test_replace_referent_same_id);
  tcase_add_test (replace, test_replace_referent_refused);
  suite_add_tcase (suite, replace);

  if (terrind_test_forks ())
    {
      TCase *critical = tcase_create ("programmer-errors");

      tcase_add_test_raise_signal (critical, test_null_registry_is_a_programmer_error, SIGTRAP);
      tcase_add_test_raise_signal (critical, test_null_entity_is_a_programmer_error, SIGTRAP);
      suite_add_tcase (suite, critical);
    }
  return suite;
}

int
main (void)
{
  return terrind_test_run (registry_add_suite ());
}
