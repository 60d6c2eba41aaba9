/* test-phase.c: TerrindPhase, the registry's rules on phases and ANCT ids,
 * the queries across phases, and the format version a save writes
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <signal.h>
#include <string.h>

#include "terrind-test-util.h"

/* Two SIRENs with valid check digits: one member of both phases' ti-0101
 * (shared), one of phase 2's alone. */
#define SHARED_SIREN "200018653"
#define PHASE2_SIREN "249710062"

static TerrindPhase *
phase_or_abort (guint number,
                guint first,
                guint last)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strdup_printf ("Phase %u", number);
  TerrindPhase *phase = terrind_phase_new (number, name, first, last, &error);

  terrind_assert_no_error (error);
  ck_assert_ptr_nonnull (phase);
  return phase;
}

static TerrindTerritory *
territory_or_abort (const char *id,
                    const char *anct_id,
                    guint       phase,
                    const char *siren)
{
  g_autoptr(GError) error = NULL;
  TerrindTerritory *territory = terrind_territory_new (id, "Un territoire", "01", &error);

  terrind_assert_no_error (error);
  ck_assert (terrind_territory_set_phase (territory, phase, &error));
  ck_assert (terrind_territory_set_anct_id (territory, anct_id, &error));
  if (siren != NULL)
    ck_assert (terrind_territory_add_member (territory, siren, &error));
  terrind_assert_no_error (error);
  return territory;
}

/* Guadeloupe, phases 1 and 2, and ti-0101 in each phase, as the ANCT's
 * files have them: the same ANCT id naming two territories. */
static TerrindRegistry *
two_phase_registry (void)
{
  g_autoptr(GError) error = NULL;
  TerrindRegistry *registry = terrind_registry_new ();
  g_autoptr(TerrindRegion) region = terrind_region_new ("01", "Guadeloupe", &error);
  g_autoptr(TerrindPhase) one = phase_or_abort (1, 2018, 2022);
  g_autoptr(TerrindPhase) two = phase_or_abort (2, 2023, 2027);
  g_autoptr(TerrindTerritory) old = territory_or_abort ("ti-0101", NULL, 1, SHARED_SIREN);
  g_autoptr(TerrindTerritory) new = territory_or_abort ("p2-ti-0101", "ti-0101", 2, SHARED_SIREN);

  ck_assert (terrind_territory_add_member (new, PHASE2_SIREN, &error));
  ck_assert (terrind_registry_add_region (registry, region, &error));
  ck_assert (terrind_registry_add_phase (registry, two, &error));
  ck_assert (terrind_registry_add_phase (registry, one, &error));
  ck_assert (terrind_registry_add_territory (registry, old, &error));
  ck_assert (terrind_registry_add_territory (registry, new, &error));
  terrind_assert_no_error (error);
  return registry;
}

START_TEST (test_new_and_accessors)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TerrindPhase) phase = phase_or_abort (2, 2023, 2027);
  g_autoptr(TerrindPhase) same = phase_or_abort (2, 2023, 2027);

  ck_assert_uint_eq (terrind_phase_get_number (phase), 2);
  ck_assert_str_eq (terrind_phase_get_name (phase), "Phase 2");
  ck_assert_uint_eq (terrind_phase_get_first_year (phase), 2023);
  ck_assert_uint_eq (terrind_phase_get_last_year (phase), 2027);
  ck_assert_ptr_null (terrind_phase_get_announced (phase));
  ck_assert_ptr_null (terrind_phase_get_registry (phase));
  ck_assert (terrind_phase_includes_year (phase, 2023));
  ck_assert (terrind_phase_includes_year (phase, 2027));
  ck_assert (!terrind_phase_includes_year (phase, 2022));
  ck_assert (!terrind_phase_includes_year (phase, 2028));
  ck_assert (terrind_phase_equal (phase, same));

  ck_assert (terrind_phase_set_announced (phase, "2023-11-09", &error));
  ck_assert_str_eq (terrind_phase_get_announced (phase), "2023-11-09");
  ck_assert (!terrind_phase_equal (phase, same));
  ck_assert (terrind_phase_set_announced (phase, NULL, &error));
  ck_assert_ptr_null (terrind_phase_get_announced (phase));
  ck_assert (terrind_phase_set_name (phase, "Territoires d'industrie 2", &error));
  ck_assert_str_eq (terrind_phase_get_name (phase), "Territoires d'industrie 2");
  ck_assert (terrind_phase_set_years (phase, 2024, 2024, &error));
  ck_assert_uint_eq (terrind_phase_get_first_year (phase), 2024);
  terrind_assert_no_error (error);
  ck_assert_ptr_eq (terrind_phase_ref (phase), phase);
  terrind_phase_unref (phase);
}
END_TEST

START_TEST (test_bad_values)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TerrindPhase) phase = phase_or_abort (1, 2018, 2022);

  ck_assert_ptr_null (terrind_phase_new (0, "Zéro", 2018, 2022, &error));
  terrind_assert_error (error, TERRIND_ERROR_INVALID_VALUE);
  ck_assert_ptr_null (terrind_phase_new (100, "Cent", 2018, 2022, &error));
  terrind_assert_error (error, TERRIND_ERROR_INVALID_VALUE);
  ck_assert_ptr_null (terrind_phase_new (1, "", 2018, 2022, &error));
  terrind_assert_error (error, TERRIND_ERROR_INVALID_VALUE);
  ck_assert_ptr_null (terrind_phase_new (1, "À l'envers", 2022, 2018, &error));
  terrind_assert_error (error, TERRIND_ERROR_INVALID_VALUE);
  ck_assert_ptr_null (terrind_phase_new (1, "Trop tôt", 18, 2022, &error));
  terrind_assert_error (error, TERRIND_ERROR_INVALID_VALUE);

  /* A failed setter leaves the phase as it was. */
  ck_assert (!terrind_phase_set_years (phase, 2023, 2019, &error));
  terrind_assert_error (error, TERRIND_ERROR_INVALID_VALUE);
  ck_assert_uint_eq (terrind_phase_get_first_year (phase), 2018);
  ck_assert (!terrind_phase_set_announced (phase, "22 novembre 2018", &error));
  terrind_assert_error (error, TERRIND_ERROR_INVALID_VALUE);
  ck_assert_ptr_null (terrind_phase_get_announced (phase));
  ck_assert (!terrind_phase_set_name (phase, "a\nb", &error));
  terrind_assert_error (error, TERRIND_ERROR_INVALID_VALUE);
  ck_assert_str_eq (terrind_phase_get_name (phase), "Phase 1");
}
END_TEST

START_TEST (test_registry_phases)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TerrindRegistry) registry = two_phase_registry ();
  g_autoptr(TerrindPhase) again = phase_or_abort (2, 2023, 2027);
  g_autoptr(GPtrArray) phases = terrind_registry_list_phases (registry);
  g_autoptr(TerrindPhase) three = phase_or_abort (3, 2028, 2032);

  ck_assert_uint_eq (terrind_registry_get_n_phases (registry), 2);
  /* In order of number, whatever the order of addition. */
  ck_assert_uint_eq (phases->len, 2);
  ck_assert_uint_eq (terrind_phase_get_number (g_ptr_array_index (phases, 0)), 1);
  ck_assert_uint_eq (terrind_phase_get_number (g_ptr_array_index (phases, 1)), 2);
  ck_assert_ptr_eq (terrind_phase_get_registry (g_ptr_array_index (phases, 1)), registry);
  ck_assert_ptr_null (terrind_registry_get_phase (registry, 3));

  ck_assert (!terrind_registry_add_phase (registry, again, &error));
  terrind_assert_error (error, TERRIND_ERROR_DUPLICATE);
  ck_assert (!terrind_registry_remove_phase (registry, 1, &error));
  terrind_assert_error (error, TERRIND_ERROR_IN_USE);
  ck_assert (!terrind_registry_remove_phase (registry, 7, &error));
  terrind_assert_error (error, TERRIND_ERROR_NOT_FOUND);
  ck_assert (terrind_registry_add_phase (registry, three, &error));
  ck_assert (terrind_registry_remove_phase (registry, 3, &error));
  terrind_assert_no_error (error);
  ck_assert_ptr_null (terrind_phase_get_registry (three));
  ck_assert_uint_eq (terrind_registry_get_n_phases (registry), 2);
}
END_TEST

/* Once a registry defines phases, every territory and convention is in one. */
START_TEST (test_phase_rule)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TerrindRegistry) registry = two_phase_registry ();
  g_autoptr(TerrindTerritory) of_three = territory_or_abort ("ti-9999", NULL, 3, NULL);
  g_autoptr(TerrindTerritory) of_none = territory_or_abort ("ti-9998", NULL, 0, NULL);
  g_autoptr(TerrindOperator) op = terrind_operator_new ("bpifrance", "Bpifrance", &error);
  g_autoptr(TerrindConvention) convention =
    terrind_convention_new ("conv", "bpifrance", "2019-03-05", &error);
  TerrindTerritory *old = terrind_registry_get_territory (registry, "ti-0101");

  ck_assert (!terrind_registry_add_territory (registry, of_three, &error));
  terrind_assert_error (error, TERRIND_ERROR_UNKNOWN_REFERENCE);
  ck_assert (!terrind_registry_add_territory (registry, of_none, &error));
  terrind_assert_error (error, TERRIND_ERROR_UNKNOWN_REFERENCE);
  ck_assert (!terrind_territory_set_phase (old, 3, &error));
  terrind_assert_error (error, TERRIND_ERROR_UNKNOWN_REFERENCE);
  ck_assert_uint_eq (terrind_territory_get_phase (old), 1);

  ck_assert (terrind_registry_add_operator (registry, op, &error));
  ck_assert (!terrind_registry_add_convention (registry, convention, &error));
  terrind_assert_error (error, TERRIND_ERROR_UNKNOWN_REFERENCE);
  ck_assert (terrind_convention_set_phase (convention, 1, &error));
  ck_assert (terrind_registry_add_convention (registry, convention, &error));
  ck_assert_uint_eq (terrind_convention_get_phase (convention), 1);
  ck_assert (!terrind_convention_set_phase (convention, 4, &error));
  terrind_assert_error (error, TERRIND_ERROR_UNKNOWN_REFERENCE);
  ck_assert (!terrind_convention_set_phase (convention, 100, &error));
  terrind_assert_error (error, TERRIND_ERROR_INVALID_VALUE);
  ck_assert_uint_eq (terrind_convention_get_phase (convention), 1);
  {
    g_autoptr(GPtrArray) in_one = terrind_registry_list_conventions_in_phase (registry, 1);
    g_autoptr(GPtrArray) in_two = terrind_registry_list_conventions_in_phase (registry, 2);

    ck_assert_uint_eq (in_one->len, 1);
    ck_assert_uint_eq (in_two->len, 0);
  }
}
END_TEST

/* A registry of 1.0 holds territories of free phase numbers; its first
 * phase must then be the one they are all in. */
START_TEST (test_first_phase_of_a_1_0_registry)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TerrindRegistry) registry = terrind_registry_new ();
  g_autoptr(TerrindRegion) region = terrind_region_new ("01", "Guadeloupe", &error);
  g_autoptr(TerrindTerritory) a = territory_or_abort ("ti-0101", NULL, 1, NULL);
  g_autoptr(TerrindTerritory) b = territory_or_abort ("ti-0102", NULL, 7, NULL);
  g_autoptr(TerrindPhase) one = phase_or_abort (1, 2018, 2022);

  ck_assert (terrind_registry_add_region (registry, region, &error));
  ck_assert (terrind_registry_add_territory (registry, a, &error));
  ck_assert (terrind_registry_add_territory (registry, b, &error));
  ck_assert (!terrind_registry_add_phase (registry, one, &error));
  terrind_assert_error (error, TERRIND_ERROR_UNKNOWN_REFERENCE);
  ck_assert_uint_eq (terrind_registry_get_n_phases (registry), 0);
  ck_assert (terrind_territory_set_phase (b, 1, &error));
  ck_assert (terrind_registry_add_phase (registry, one, &error));
  terrind_assert_no_error (error);
}
END_TEST

START_TEST (test_anct_ids)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TerrindRegistry) registry = two_phase_registry ();
  g_autoptr(TerrindTerritory) clash = territory_or_abort ("other", "ti-0101", 2, NULL);
  g_autoptr(TerrindTerritory) clash_with_id = territory_or_abort ("other-1", "ti-0101", 1, NULL);
  g_autoptr(GPtrArray) both = terrind_registry_list_territories_by_anct_id (registry, "ti-0101");
  g_autoptr(GPtrArray) none = terrind_registry_list_territories_by_anct_id (registry, "ti-9999");
  TerrindTerritory *old = terrind_registry_get_territory (registry, "ti-0101");
  TerrindTerritory *new = terrind_registry_get_territory (registry, "p2-ti-0101");

  ck_assert_str_eq (terrind_territory_get_anct_id (old), "ti-0101");
  ck_assert_str_eq (terrind_territory_get_anct_id (new), "ti-0101");
  ck_assert_ptr_eq (terrind_registry_find_territory_by_anct_id (registry, "ti-0101", 1), old);
  ck_assert_ptr_eq (terrind_registry_find_territory_by_anct_id (registry, "ti-0101", 2), new);
  ck_assert_ptr_null (terrind_registry_find_territory_by_anct_id (registry, "ti-0101", 3));
  ck_assert_ptr_null (terrind_registry_find_territory_by_anct_id (registry, "p2-ti-0101", 2));
  ck_assert_uint_eq (both->len, 2);
  ck_assert_ptr_eq (g_ptr_array_index (both, 0), old);
  ck_assert_ptr_eq (g_ptr_array_index (both, 1), new);
  ck_assert_uint_eq (none->len, 0);

  /* One ANCT id per phase: against a given one, and against an id. */
  ck_assert (!terrind_registry_add_territory (registry, clash, &error));
  terrind_assert_error (error, TERRIND_ERROR_DUPLICATE);
  ck_assert (!terrind_registry_add_territory (registry, clash_with_id, &error));
  terrind_assert_error (error, TERRIND_ERROR_DUPLICATE);
  ck_assert (!terrind_territory_set_phase (new, 1, &error));
  terrind_assert_error (error, TERRIND_ERROR_DUPLICATE);
  ck_assert_uint_eq (terrind_territory_get_phase (new), 2);

  /* Renamed, the index follows. */
  ck_assert (terrind_territory_set_anct_id (new, "ti-0199", &error));
  ck_assert_ptr_eq (terrind_registry_find_territory_by_anct_id (registry, "ti-0199", 2), new);
  ck_assert_ptr_null (terrind_registry_find_territory_by_anct_id (registry, "ti-0101", 2));
  ck_assert (terrind_registry_add_territory (registry, clash, &error));
  ck_assert_ptr_eq (terrind_registry_find_territory_by_anct_id (registry, "ti-0101", 2), clash);
  ck_assert (!terrind_territory_set_anct_id (new, "ti 0101", &error));
  terrind_assert_error (error, TERRIND_ERROR_INVALID_VALUE);
  /* Its own id as ANCT id is no ANCT id of its own. */
  ck_assert (terrind_territory_set_anct_id (new, "p2-ti-0101", &error));
  ck_assert_str_eq (terrind_territory_get_anct_id (new), "p2-ti-0101");
  ck_assert (terrind_registry_remove_territory (registry, "other", 0, &error));
  ck_assert_ptr_null (terrind_registry_find_territory_by_anct_id (registry, "ti-0101", 2));
  terrind_assert_no_error (error);
}
END_TEST

START_TEST (test_queries)
{
  g_autoptr(TerrindRegistry) registry = two_phase_registry ();
  TerrindTerritory *old = terrind_registry_get_territory (registry, "ti-0101");
  TerrindTerritory *new = terrind_registry_get_territory (registry, "p2-ti-0101");
  g_autoptr(GPtrArray) in_two = terrind_registry_list_territories_in_phase (registry, 2);
  g_autoptr(GPtrArray) in_none = terrind_registry_list_territories_in_phase (registry, 0);
  g_autoptr(GPtrArray) by_shared = terrind_registry_list_territories_by_member (registry, SHARED_SIREN);
  g_autoptr(GPtrArray) by_new = terrind_registry_list_territories_by_member (registry, PHASE2_SIREN);
  g_autoptr(GPtrArray) by_bad = terrind_registry_list_territories_by_member (registry, "12");
  g_autoptr(GPtrArray) continues = terrind_registry_list_related_territories (registry, new);
  g_autoptr(GPtrArray) continued_by = terrind_registry_list_related_territories (registry, old);

  ck_assert_uint_eq (in_two->len, 1);
  ck_assert_ptr_eq (g_ptr_array_index (in_two, 0), new);
  ck_assert_uint_eq (in_none->len, 0);
  /* Sorted by id: "p2-…" before "ti-…". */
  ck_assert_uint_eq (by_shared->len, 2);
  ck_assert_ptr_eq (g_ptr_array_index (by_shared, 0), new);
  ck_assert_ptr_eq (g_ptr_array_index (by_shared, 1), old);
  ck_assert_uint_eq (by_new->len, 1);
  ck_assert_uint_eq (by_bad->len, 0);
  ck_assert_uint_eq (continues->len, 1);
  ck_assert_ptr_eq (g_ptr_array_index (continues, 0), old);
  ck_assert_uint_eq (continued_by->len, 1);
  ck_assert_ptr_eq (g_ptr_array_index (continued_by, 0), new);

  ck_assert_uint_eq (terrind_phase_get_number (terrind_registry_get_phase_on (registry, "2019-03-05")), 1);
  ck_assert_uint_eq (terrind_phase_get_number (terrind_registry_get_phase_on (registry, "2023-01-01")), 2);
  ck_assert_ptr_null (terrind_registry_get_phase_on (registry, "2031-01-01"));
  ck_assert_ptr_null (terrind_registry_get_phase_on (registry, "not a date"));
  ck_assert_ptr_null (terrind_registry_get_phase_on (registry, "99999-01-01"));
  /* Today is some year: the answer is a phase or none, never a crash. */
  (void) terrind_registry_get_phase_on (registry, NULL);
}
END_TEST

/* Coverage of one phase: a referent of phase 2's territory covers it, and
 * only while in office. */
START_TEST (test_coverage_in_phase)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TerrindRegistry) registry = two_phase_registry ();
  g_autoptr(TerrindOperator) op = terrind_operator_new ("bpifrance", "Bpifrance", &error);
  g_autoptr(TerrindReferent) referent = terrind_referent_new ("r-1", "bpifrance", "p2-ti-0101",
                                                              "Jeanne Martin", &error);
  g_autoptr(GPtrArray) one = NULL;
  g_autoptr(GPtrArray) two = NULL;
  g_autoptr(GPtrArray) two_before = NULL;
  g_autoptr(GPtrArray) none = NULL;

  ck_assert (terrind_referent_set_start_date (referent, "2024-01-01", &error));
  ck_assert (terrind_registry_add_operator (registry, op, &error));
  ck_assert (terrind_registry_add_referent (registry, referent, &error));
  terrind_assert_no_error (error);
  one = terrind_registry_list_territories_without_referent_in_phase (registry, "bpifrance", 1, NULL);
  two = terrind_registry_list_territories_without_referent_in_phase (registry, "bpifrance", 2, NULL);
  two_before = terrind_registry_list_territories_without_referent_in_phase (registry, "bpifrance", 2,
                                                                            "2023-06-30");
  none = terrind_registry_list_territories_without_referent_in_phase (registry, "nobody", 2, NULL);
  ck_assert_uint_eq (one->len, 1);
  ck_assert_str_eq (terrind_territory_get_id (g_ptr_array_index (one, 0)), "ti-0101");
  ck_assert_uint_eq (two->len, 0);
  ck_assert_uint_eq (two_before->len, 1);
  ck_assert_ptr_null (none);
}
END_TEST

START_TEST (test_member_details)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TerrindTerritory) territory = territory_or_abort ("ti-0101", NULL, 0, NULL);
  g_autoptr(TerrindTerritory) other = territory_or_abort ("ti-0101", NULL, 0, NULL);

  ck_assert (terrind_territory_add_member_full (territory, PHASE2_SIREN, "CA du Nord Basse-Terre",
                                                "epci", &error));
  ck_assert (terrind_territory_add_member_full (territory, SHARED_SIREN, NULL, NULL, &error));
  terrind_assert_no_error (error);
  ck_assert_str_eq (terrind_territory_get_member (territory, 0), SHARED_SIREN);
  ck_assert_ptr_null (terrind_territory_get_member_name (territory, 0));
  ck_assert_ptr_null (terrind_territory_get_member_kind (territory, 0));
  ck_assert_str_eq (terrind_territory_get_member_name (territory, 1), "CA du Nord Basse-Terre");
  ck_assert_str_eq (terrind_territory_get_member_kind (territory, 1), "epci");

  ck_assert (!terrind_territory_add_member_full (territory, "200040715", "X", "syndicat", &error));
  terrind_assert_error (error, TERRIND_ERROR_INVALID_VALUE);
  ck_assert (!terrind_territory_add_member_full (territory, "200040715", "", "epci", &error));
  terrind_assert_error (error, TERRIND_ERROR_INVALID_VALUE);
  ck_assert (!terrind_territory_add_member_full (territory, SHARED_SIREN, "Doublon", "commune",
                                                 &error));
  terrind_assert_error (error, TERRIND_ERROR_DUPLICATE);
  ck_assert_uint_eq (terrind_territory_get_n_members (territory), 2);

  /* Details count in equality. */
  ck_assert (terrind_territory_add_member (other, PHASE2_SIREN, &error));
  ck_assert (terrind_territory_add_member (other, SHARED_SIREN, &error));
  ck_assert (!terrind_territory_equal (territory, other));
}
END_TEST

/* What 1.0 wrote stays version 1, byte for byte; what uses version 2 says
 * so, and reads back equal. */
START_TEST (test_format_version)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TerrindRegistry) registry = two_phase_registry ();
  g_autoptr(TerrindRegistry) plain = terrind_registry_new ();
  g_autoptr(TerrindRegistry) reread = terrind_registry_new ();
  g_autoptr(TerrindRegistry) reread_plain = terrind_registry_new ();
  g_autofree char *data = terrind_registry_export_data (registry, NULL, &error);
  g_autofree char *plain_data = NULL;
  g_autoptr(TerrindRegion) region = terrind_region_new ("01", "Guadeloupe", &error);
  g_autoptr(TerrindTerritory) territory = territory_or_abort ("ti-0101", NULL, 1, SHARED_SIREN);

  ck_assert_ptr_nonnull (data);
  ck_assert_ptr_nonnull (strstr (data, "version=\"2\""));
  ck_assert_ptr_nonnull (strstr (data, "<phase number=\"1\" name=\"Phase 1\" first-year=\"2018\" "
                                       "last-year=\"2022\"/>"));
  ck_assert_ptr_nonnull (strstr (data, "<territory id=\"p2-ti-0101\" anct-id=\"ti-0101\" "));
  ck_assert (terrind_registry_import_data (reread, data, strlen (data), NULL, &error));
  terrind_assert_no_error (error);
  ck_assert (terrind_registry_equal (registry, reread));

  ck_assert (terrind_registry_add_region (plain, region, &error));
  ck_assert (terrind_registry_add_territory (plain, territory, &error));
  plain_data = terrind_registry_export_data (plain, NULL, &error);
  ck_assert_ptr_nonnull (strstr (plain_data, "version=\"1\""));
  ck_assert_ptr_null (strstr (plain_data, "<phases"));
  ck_assert (terrind_registry_import_data (reread_plain, plain_data, strlen (plain_data), NULL,
                                           &error));
  ck_assert (terrind_registry_equal (plain, reread_plain));

  /* A member's name makes it version 2. */
  g_clear_pointer (&plain_data, g_free);
  ck_assert (terrind_territory_add_member_full (territory, PHASE2_SIREN, "CA du Nord Basse-Terre",
                                                "epci", &error));
  plain_data = terrind_registry_export_data (plain, NULL, &error);
  ck_assert_ptr_nonnull (strstr (plain_data, "version=\"2\""));
  ck_assert_ptr_nonnull (strstr (plain_data, "<member siren=\"249710062\" "
                                             "name=\"CA du Nord Basse-Terre\" kind=\"epci\"/>"));
  terrind_assert_no_error (error);
}
END_TEST

/* Phases through the generic API: the kind, its key, its lookup. */
START_TEST (test_generic_access)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TerrindRegistry) registry = two_phase_registry ();
  const TerrindKind *kind = terrind_model_lookup_kind ("phases");

  ck_assert_ptr_nonnull (kind);
  ck_assert_str_eq (terrind_kind_get_name (kind), "phase");
  ck_assert_uint_eq (terrind_registry_count (registry, kind), 2);
  ck_assert_ptr_nonnull (terrind_registry_lookup (registry, kind, "2"));
  ck_assert_ptr_null (terrind_registry_lookup (registry, kind, "02"));
  ck_assert_ptr_null (terrind_registry_lookup (registry, kind, "deux"));
  ck_assert (!terrind_registry_remove (registry, kind, "9", 0, &error));
  terrind_assert_error (error, TERRIND_ERROR_NOT_FOUND);
}
END_TEST

START_TEST (test_null_phase_is_a_programmer_error)
{
  terrind_phase_get_number (NULL);
}
END_TEST

static Suite *
phase_suite (void)
{
  Suite *suite = suite_create ("phase");
  TCase *tc = tcase_create ("core");

  tcase_add_test (tc, test_new_and_accessors);
  tcase_add_test (tc, test_bad_values);
  tcase_add_test (tc, test_registry_phases);
  tcase_add_test (tc, test_phase_rule);
  tcase_add_test (tc, test_first_phase_of_a_1_0_registry);
  tcase_add_test (tc, test_anct_ids);
  tcase_add_test (tc, test_queries);
  tcase_add_test (tc, test_coverage_in_phase);
  tcase_add_test (tc, test_member_details);
  tcase_add_test (tc, test_format_version);
  tcase_add_test (tc, test_generic_access);
  suite_add_tcase (suite, tc);

  if (terrind_test_forks ())
    {
      TCase *critical = tcase_create ("programmer-errors");

      tcase_add_test_raise_signal (critical, test_null_phase_is_a_programmer_error, SIGTRAP);
      suite_add_tcase (suite, critical);
    }
  return suite;
}

int
main (void)
{
  return terrind_test_run (phase_suite ());
}
