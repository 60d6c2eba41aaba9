/* test-territory.c: TerrindTerritory, its members and departments
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <signal.h>

#include "terrind-test-util.h"

static TerrindTerritory *
territory_or_abort (const char *id,
                    const char *name,
                    const char *region_code)
{
  g_autoptr(GError) error = NULL;
  TerrindTerritory *territory = terrind_territory_new (id, name, region_code, &error);

  terrind_assert_no_error (error);
  ck_assert_ptr_nonnull (territory);
  return territory;
}

static void
add_member_or_abort (TerrindTerritory *territory,
                     const char       *siren)
{
  g_autoptr(GError) error = NULL;

  ck_assert (terrind_territory_add_member (territory, siren, &error));
  terrind_assert_no_error (error);
}

START_TEST (test_new)
{
  g_autoptr(TerrindTerritory) territory =
    territory_or_abort ("ti-8401", "Vall\xc3\xa9" "e de l'Arve", "84");

  ck_assert_str_eq (terrind_territory_get_id (territory), "ti-8401");
  ck_assert_str_eq (terrind_territory_get_name (territory), "Vall\xc3\xa9" "e de l'Arve");
  ck_assert_str_eq (terrind_territory_get_region_code (territory), "84");
  ck_assert_uint_eq (terrind_territory_get_phase (territory), 0);
  ck_assert_uint_eq (terrind_territory_get_n_members (territory), 0);
  ck_assert_uint_eq (terrind_territory_get_n_departments (territory), 0);
}
END_TEST

START_TEST (test_new_ids)
{
  g_autofree char *longest = g_strnfill (128, 't');
  g_autofree char *too_long = g_strnfill (129, 't');
  guint i;

  for (i = 0; terrind_test_good_ids[i] != NULL; i++)
    {
      g_autoptr(TerrindTerritory) territory = territory_or_abort (terrind_test_good_ids[i], "T", "84");

      ck_assert_str_eq (terrind_territory_get_id (territory), terrind_test_good_ids[i]);
    }
  {
    g_autoptr(TerrindTerritory) territory = territory_or_abort (longest, "T", longest);

    ck_assert_str_eq (terrind_territory_get_id (territory), longest);
    ck_assert_str_eq (terrind_territory_get_region_code (territory), longest);
  }
  for (i = 0; terrind_test_bad_ids[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GError) region_error = NULL;
      g_autoptr(TerrindTerritory) bad_id =
        terrind_territory_new (terrind_test_bad_ids[i], "T", "84", &error);
      g_autoptr(TerrindTerritory) bad_region =
        terrind_territory_new ("ti", "T", terrind_test_bad_ids[i], &region_error);

      ck_assert_msg (bad_id == NULL, "accepted id \"%s\"", g_strescape (terrind_test_bad_ids[i], NULL));
      terrind_assert_error (error, TERRIND_ERROR_INVALID_VALUE);
      ck_assert_msg (bad_region == NULL, "accepted region \"%s\"",
                     g_strescape (terrind_test_bad_ids[i], NULL));
      terrind_assert_error (region_error, TERRIND_ERROR_INVALID_VALUE);
    }
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GError) region_error = NULL;
    g_autoptr(TerrindTerritory) bad_id = terrind_territory_new (too_long, "T", "84", &error);
    g_autoptr(TerrindTerritory) bad_region = terrind_territory_new ("ti", "T", too_long, &region_error);

    ck_assert_ptr_null (bad_id);
    terrind_assert_error (error, TERRIND_ERROR_INVALID_VALUE);
    ck_assert_ptr_null (bad_region);
    terrind_assert_error (region_error, TERRIND_ERROR_INVALID_VALUE);
  }
}
END_TEST

START_TEST (test_names)
{
  g_autoptr(TerrindTerritory) territory = territory_or_abort ("ti", "Arve", "84");
  guint i;

  for (i = 0; terrind_test_bad_names[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GError) set_error = NULL;
      g_autoptr(TerrindTerritory) bad =
        terrind_territory_new ("ti", terrind_test_bad_names[i], "84", &error);

      ck_assert_msg (bad == NULL, "accepted name \"%s\"", g_strescape (terrind_test_bad_names[i], NULL));
      terrind_assert_error (error, TERRIND_ERROR_INVALID_VALUE);

      ck_assert (!terrind_territory_set_name (territory, terrind_test_bad_names[i], &set_error));
      terrind_assert_error (set_error, TERRIND_ERROR_INVALID_VALUE);
      ck_assert_str_eq (terrind_territory_get_name (territory), "Arve");
    }
  for (i = 0; terrind_test_good_names[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;

      ck_assert (terrind_territory_set_name (territory, terrind_test_good_names[i], &error));
      terrind_assert_no_error (error);
      ck_assert_str_eq (terrind_territory_get_name (territory), terrind_test_good_names[i]);
    }
}
END_TEST

START_TEST (test_set_region_code_standalone)
{
  /* Outside a registry there is nothing to resolve against: any well-formed
   * code is accepted. */
  g_autoptr(TerrindTerritory) territory = territory_or_abort ("ti", "Arve", "84");
  g_autoptr(GError) error = NULL;
  guint i;

  ck_assert (terrind_territory_set_region_code (territory, "99-nowhere", &error));
  terrind_assert_no_error (error);
  ck_assert_str_eq (terrind_territory_get_region_code (territory), "99-nowhere");

  for (i = 0; terrind_test_bad_ids[i] != NULL; i++)
    {
      ck_assert (!terrind_territory_set_region_code (territory, terrind_test_bad_ids[i], &error));
      terrind_assert_error (error, TERRIND_ERROR_INVALID_VALUE);
      ck_assert_str_eq (terrind_territory_get_region_code (territory), "99-nowhere");
    }
}
END_TEST

START_TEST (test_set_region_code_in_registry)
{
  g_autoptr(TerrindRegistry) registry = terrind_test_fixture_registry ();
  TerrindTerritory *territory = terrind_registry_get_territory (registry, "ti-a");
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *in_93 = NULL;
  g_autofree char *in_84 = NULL;

  ck_assert_ptr_nonnull (territory);
  before = terrind_test_dump_registry (registry);

  /* A region the registry does not have: refused, nothing changes. */
  ck_assert (!terrind_territory_set_region_code (territory, "11", &error));
  terrind_assert_error (error, TERRIND_ERROR_UNKNOWN_REFERENCE);
  ck_assert_str_eq (terrind_territory_get_region_code (territory), "84");
  terrind_assert_registry_unchanged (registry, before);

  ck_assert (!terrind_territory_set_region_code (territory, "a b", &error));
  terrind_assert_error (error, TERRIND_ERROR_INVALID_VALUE);
  terrind_assert_registry_unchanged (registry, before);

  /* A known region: accepted, and the queries by region follow. */
  ck_assert (terrind_territory_set_region_code (territory, "93", &error));
  terrind_assert_no_error (error);
  ck_assert_str_eq (terrind_territory_get_region_code (territory), "93");
  in_93 = terrind_test_territory_ids (terrind_registry_list_territories_in_region (registry, "93"));
  in_84 = terrind_test_territory_ids (terrind_registry_list_territories_in_region (registry, "84"));
  ck_assert_str_eq (in_93, "ti-a,ti-b");
  ck_assert_str_eq (in_84, "");

  /* Region 84 is no longer used, so it can go; 93 cannot. */
  ck_assert (!terrind_registry_remove_region (registry, "93", &error));
  terrind_assert_error (error, TERRIND_ERROR_IN_USE);
  ck_assert (terrind_registry_remove_region (registry, "84", &error));
  terrind_assert_no_error (error);
}
END_TEST

START_TEST (test_region_code_free_after_registry_removal)
{
  /* Once removed from its registry, the territory is standalone again. */
  g_autoptr(TerrindRegistry) registry = terrind_test_fixture_registry ();
  g_autoptr(TerrindTerritory) territory = NULL;
  g_autoptr(GError) error = NULL;

  territory = terrind_territory_ref (terrind_registry_get_territory (registry, "ti-b"));
  ck_assert (terrind_registry_remove_territory (registry, "ti-b", TERRIND_REMOVE_NONE, &error));
  terrind_assert_no_error (error);
  ck_assert (terrind_territory_set_region_code (territory, "11", &error));
  terrind_assert_no_error (error);
  ck_assert_str_eq (terrind_territory_get_region_code (territory), "11");
}
END_TEST

START_TEST (test_phase)
{
  g_autoptr(TerrindTerritory) territory = territory_or_abort ("ti", "Arve", "84");
  g_autoptr(GError) error = NULL;
  const guint good[] = { 1, 2, 50, 99, 0 };
  const guint bad[] = { 100, 1000, G_MAXUINT };
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (good); i++)
    {
      ck_assert (terrind_territory_set_phase (territory, good[i], &error));
      terrind_assert_no_error (error);
      ck_assert_uint_eq (terrind_territory_get_phase (territory), good[i]);
    }
  ck_assert (terrind_territory_set_phase (territory, 2, &error));
  for (i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      ck_assert (!terrind_territory_set_phase (territory, bad[i], &error));
      terrind_assert_error (error, TERRIND_ERROR_INVALID_VALUE);
      ck_assert_uint_eq (terrind_territory_get_phase (territory), 2);
    }
}
END_TEST

START_TEST (test_members_sorted)
{
  g_autoptr(TerrindTerritory) territory = territory_or_abort ("ti", "Arve", "84");

  add_member_or_abort (territory, "247400542");
  add_member_or_abort (territory, "200040731");
  add_member_or_abort (territory, "243800109");
  add_member_or_abort (territory, "200000172");

  ck_assert_uint_eq (terrind_territory_get_n_members (territory), 4);
  ck_assert_str_eq (terrind_territory_get_member (territory, 0), "200000172");
  ck_assert_str_eq (terrind_territory_get_member (territory, 1), "200040731");
  ck_assert_str_eq (terrind_territory_get_member (territory, 2), "243800109");
  ck_assert_str_eq (terrind_territory_get_member (territory, 3), "247400542");
  ck_assert (terrind_territory_has_member (territory, "243800109"));
  ck_assert (!terrind_territory_has_member (territory, "217400563"));
  ck_assert (!terrind_territory_has_member (territory, "not-a-siren"));
  ck_assert (!terrind_territory_has_member (territory, ""));
}
END_TEST

START_TEST (test_members_refused)
{
  g_autoptr(TerrindTerritory) territory = territory_or_abort ("ti", "Arve", "84");
  g_autofree char *before = NULL;
  g_autoptr(GError) error = NULL;
  guint i;

  add_member_or_abort (territory, "200000172");
  before = terrind_test_dump_territory (territory);

  for (i = 0; terrind_test_bad_sirens[i] != NULL; i++)
    {
      g_autofree char *after = NULL;

      ck_assert_msg (!terrind_territory_add_member (territory, terrind_test_bad_sirens[i], &error),
                     "accepted SIREN \"%s\"", g_strescape (terrind_test_bad_sirens[i], NULL));
      terrind_assert_error (error, TERRIND_ERROR_INVALID_VALUE);
      after = terrind_test_dump_territory (territory);
      ck_assert_str_eq (after, before);
    }

  ck_assert (!terrind_territory_add_member (territory, "200000172", &error));
  terrind_assert_error (error, TERRIND_ERROR_DUPLICATE);
  {
    g_autofree char *after = terrind_test_dump_territory (territory);

    ck_assert_str_eq (after, before);
  }
}
END_TEST

START_TEST (test_members_accepted)
{
  g_autoptr(TerrindTerritory) territory = territory_or_abort ("ti", "Arve", "84");
  guint i;

  for (i = 0; terrind_test_good_sirens[i] != NULL; i++)
    {
      add_member_or_abort (territory, terrind_test_good_sirens[i]);
      ck_assert (terrind_territory_has_member (territory, terrind_test_good_sirens[i]));
    }
  ck_assert_uint_eq (terrind_territory_get_n_members (territory), i);
}
END_TEST

START_TEST (test_remove_member)
{
  g_autoptr(TerrindTerritory) territory = territory_or_abort ("ti", "Arve", "84");
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;

  add_member_or_abort (territory, "200000172");
  add_member_or_abort (territory, "217400563");
  add_member_or_abort (territory, "247400542");

  ck_assert (terrind_territory_remove_member (territory, "217400563", &error));
  terrind_assert_no_error (error);
  ck_assert_uint_eq (terrind_territory_get_n_members (territory), 2);
  ck_assert_str_eq (terrind_territory_get_member (territory, 0), "200000172");
  ck_assert_str_eq (terrind_territory_get_member (territory, 1), "247400542");
  ck_assert (!terrind_territory_has_member (territory, "217400563"));

  before = terrind_test_dump_territory (territory);
  ck_assert (!terrind_territory_remove_member (territory, "217400563", &error));
  terrind_assert_error (error, TERRIND_ERROR_NOT_FOUND);
  ck_assert (!terrind_territory_remove_member (territory, "200040731", &error));
  terrind_assert_error (error, TERRIND_ERROR_NOT_FOUND);
  ck_assert (!terrind_territory_remove_member (territory, "bogus", &error));
  terrind_assert_error_either (error, TERRIND_ERROR_NOT_FOUND, TERRIND_ERROR_INVALID_VALUE);
  {
    g_autofree char *after = terrind_test_dump_territory (territory);

    ck_assert_str_eq (after, before);
  }

  /* A removed member can come back. */
  add_member_or_abort (territory, "217400563");
  ck_assert_uint_eq (terrind_territory_get_n_members (territory), 3);
  ck_assert_str_eq (terrind_territory_get_member (territory, 1), "217400563");
}
END_TEST

START_TEST (test_members_in_registry)
{
  /* Members changed while the territory is in a registry are found by the
   * registry's member lookup at once. */
  g_autoptr(TerrindRegistry) registry = terrind_test_fixture_registry ();
  TerrindTerritory *territory = terrind_registry_get_territory (registry, "ti-a");
  g_autoptr(GError) error = NULL;

  ck_assert_ptr_eq (terrind_registry_find_territory_by_member (registry, "200000172"), territory);
  ck_assert_ptr_null (terrind_registry_find_territory_by_member (registry, "247400542"));

  add_member_or_abort (territory, "247400542");
  ck_assert_ptr_eq (terrind_registry_find_territory_by_member (registry, "247400542"), territory);

  ck_assert (terrind_territory_remove_member (territory, "200000172", &error));
  terrind_assert_no_error (error);
  ck_assert_ptr_null (terrind_registry_find_territory_by_member (registry, "200000172"));
  ck_assert_ptr_eq (terrind_registry_find_territory_by_member (registry, "247400542"), territory);
}
END_TEST

START_TEST (test_departments)
{
  g_autoptr(TerrindTerritory) territory = territory_or_abort ("ti", "Arve", "84");
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  guint i;

  /* Kept in the order given, not sorted. */
  for (i = 0; terrind_test_good_departments[i] != NULL; i++)
    {
      ck_assert (terrind_territory_add_department (territory, terrind_test_good_departments[i], &error));
      terrind_assert_no_error (error);
    }
  ck_assert_uint_eq (terrind_territory_get_n_departments (territory), i);
  for (i = 0; terrind_test_good_departments[i] != NULL; i++)
    ck_assert_str_eq (terrind_territory_get_department (territory, i),
                      terrind_test_good_departments[i]);

  before = terrind_test_dump_territory (territory);
  for (i = 0; terrind_test_bad_departments[i] != NULL; i++)
    {
      g_autofree char *after = NULL;

      ck_assert_msg (!terrind_territory_add_department (territory, terrind_test_bad_departments[i], &error),
                     "accepted department \"%s\"",
                     g_strescape (terrind_test_bad_departments[i], NULL));
      terrind_assert_error (error, TERRIND_ERROR_INVALID_VALUE);
      after = terrind_test_dump_territory (territory);
      ck_assert_str_eq (after, before);
    }

  ck_assert (!terrind_territory_add_department (territory, "2A", &error));
  terrind_assert_error (error, TERRIND_ERROR_DUPLICATE);
  {
    g_autofree char *after = terrind_test_dump_territory (territory);

    ck_assert_str_eq (after, before);
  }
}
END_TEST

START_TEST (test_ref_unref)
{
  TerrindTerritory *territory = territory_or_abort ("ti", "Arve", "84");

  ck_assert_ptr_eq (terrind_territory_ref (territory), territory);
  terrind_territory_unref (territory);
  ck_assert_str_eq (terrind_territory_get_id (territory), "ti");
  terrind_territory_unref (territory);
}
END_TEST

static TerrindTerritory *
sample_territory (void)
{
  TerrindTerritory *territory = territory_or_abort ("ti", "Arve", "84");

  ck_assert (terrind_territory_set_phase (territory, 1, NULL));
  add_member_or_abort (territory, "200000172");
  add_member_or_abort (territory, "217400563");
  ck_assert (terrind_territory_add_department (territory, "74", NULL));
  ck_assert (terrind_territory_add_department (territory, "73", NULL));
  return territory;
}

START_TEST (test_equal)
{
  g_autoptr(TerrindTerritory) a = sample_territory ();
  g_autoptr(TerrindTerritory) b = territory_or_abort ("ti", "Arve", "84");

  ck_assert (terrind_territory_equal (a, a));
  ck_assert (!terrind_territory_equal (a, b));

  /* Members in another order are the same set. */
  ck_assert (terrind_territory_set_phase (b, 1, NULL));
  add_member_or_abort (b, "217400563");
  add_member_or_abort (b, "200000172");
  ck_assert (terrind_territory_add_department (b, "74", NULL));
  ck_assert (!terrind_territory_equal (a, b));
  ck_assert (terrind_territory_add_department (b, "73", NULL));
  ck_assert (terrind_territory_equal (a, b));
  ck_assert (terrind_territory_equal (b, a));
}
END_TEST

START_TEST (test_equal_sees_each_field)
{
  g_autoptr(TerrindTerritory) a = sample_territory ();

  {
    g_autoptr(TerrindTerritory) b = sample_territory ();
    ck_assert (terrind_territory_set_name (b, "Arve 2", NULL));
    ck_assert (!terrind_territory_equal (a, b));
  }
  {
    g_autoptr(TerrindTerritory) b = sample_territory ();
    ck_assert (terrind_territory_set_region_code (b, "93", NULL));
    ck_assert (!terrind_territory_equal (a, b));
  }
  {
    g_autoptr(TerrindTerritory) b = sample_territory ();
    ck_assert (terrind_territory_set_phase (b, 2, NULL));
    ck_assert (!terrind_territory_equal (a, b));
  }
  {
    g_autoptr(TerrindTerritory) b = sample_territory ();
    ck_assert (terrind_territory_remove_member (b, "217400563", NULL));
    add_member_or_abort (b, "247400542");
    ck_assert (!terrind_territory_equal (a, b));
  }
  {
    g_autoptr(TerrindTerritory) b = sample_territory ();
    ck_assert (terrind_territory_add_department (b, "01", NULL));
    ck_assert (!terrind_territory_equal (a, b));
  }
  {
    /* Same departments, another order. */
    g_autoptr(TerrindTerritory) b = territory_or_abort ("ti", "Arve", "84");
    ck_assert (terrind_territory_set_phase (b, 1, NULL));
    add_member_or_abort (b, "200000172");
    add_member_or_abort (b, "217400563");
    ck_assert (terrind_territory_add_department (b, "73", NULL));
    ck_assert (terrind_territory_add_department (b, "74", NULL));
    ck_assert (!terrind_territory_equal (a, b));
  }
  {
    g_autoptr(TerrindTerritory) b = territory_or_abort ("ti-2", "Arve", "84");
    ck_assert (terrind_territory_set_phase (b, 1, NULL));
    add_member_or_abort (b, "200000172");
    add_member_or_abort (b, "217400563");
    ck_assert (terrind_territory_add_department (b, "74", NULL));
    ck_assert (terrind_territory_add_department (b, "73", NULL));
    ck_assert (!terrind_territory_equal (a, b));
  }
}
END_TEST

START_TEST (test_null_territory_is_a_programmer_error)
{
  terrind_territory_get_n_members (NULL);
}
END_TEST

START_TEST (test_adding_to_null_is_a_programmer_error)
{
  terrind_territory_add_member (NULL, "200000172", NULL);
}
END_TEST

START_TEST (test_index_out_of_range_is_a_programmer_error)
{
  g_autoptr(TerrindTerritory) territory = territory_or_abort ("ti", "Arve", "84");

  /* Callers (bindings included) check indexes against get_n_members(). */
  terrind_territory_get_member (territory, 0);
}
END_TEST

static Suite *
territory_suite (void)
{
  Suite *suite = suite_create ("territory");
  TCase *tc = tcase_create ("territory");
  TCase *members = tcase_create ("members");
  TCase *registry = tcase_create ("in-registry");

  tcase_add_test (tc, test_new);
  tcase_add_test (tc, test_new_ids);
  tcase_add_test (tc, test_names);
  tcase_add_test (tc, test_set_region_code_standalone);
  tcase_add_test (tc, test_phase);
  tcase_add_test (tc, test_ref_unref);
  tcase_add_test (tc, test_equal);
  tcase_add_test (tc, test_equal_sees_each_field);
  suite_add_tcase (suite, tc);

  tcase_add_test (members, test_members_sorted);
  tcase_add_test (members, test_members_refused);
  tcase_add_test (members, test_members_accepted);
  tcase_add_test (members, test_remove_member);
  tcase_add_test (members, test_departments);
  suite_add_tcase (suite, members);

  tcase_add_test (registry, test_set_region_code_in_registry);
  tcase_add_test (registry, test_region_code_free_after_registry_removal);
  tcase_add_test (registry, test_members_in_registry);
  suite_add_tcase (suite, registry);

  if (terrind_test_forks ())
    {
      TCase *critical = tcase_create ("programmer-errors");

      tcase_add_test_raise_signal (critical, test_null_territory_is_a_programmer_error, SIGTRAP);
      tcase_add_test_raise_signal (critical, test_adding_to_null_is_a_programmer_error, SIGTRAP);
      tcase_add_test_raise_signal (critical, test_index_out_of_range_is_a_programmer_error, SIGTRAP);
      suite_add_tcase (suite, critical);
    }
  return suite;
}

int
main (void)
{
  return terrind_test_run (territory_suite ());
}
