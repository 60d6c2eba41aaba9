/* test-region.c: TerrindRegion
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <signal.h>
#include <string.h>

#include "terrind-test-util.h"

static TerrindRegion *
region_or_abort (const char *code,
                 const char *name)
{
  g_autoptr(GError) error = NULL;
  TerrindRegion *region = terrind_region_new (code, name, &error);

  terrind_assert_no_error (error);
  ck_assert_ptr_nonnull (region);
  return region;
}

START_TEST (test_new)
{
  g_autoptr(TerrindRegion) region = region_or_abort ("84", "Auvergne-Rh\xc3\xb4ne-Alpes");

  ck_assert_str_eq (terrind_region_get_code (region), "84");
  ck_assert_str_eq (terrind_region_get_name (region), "Auvergne-Rh\xc3\xb4ne-Alpes");
}
END_TEST

START_TEST (test_new_copies_arguments)
{
  char code[] = "84";
  char name[] = "Auvergne";
  g_autoptr(TerrindRegion) region = region_or_abort (code, name);

  code[0] = 'X';
  name[0] = 'X';
  ck_assert_str_eq (terrind_region_get_code (region), "84");
  ck_assert_str_eq (terrind_region_get_name (region), "Auvergne");
}
END_TEST

START_TEST (test_new_accepts_good_codes)
{
  g_autofree char *longest = g_strnfill (128, '7');
  guint i;

  for (i = 0; terrind_test_good_ids[i] != NULL; i++)
    {
      g_autoptr(TerrindRegion) region = region_or_abort (terrind_test_good_ids[i], "R");

      ck_assert_str_eq (terrind_region_get_code (region), terrind_test_good_ids[i]);
    }
  {
    g_autoptr(TerrindRegion) region = region_or_abort (longest, "R");

    ck_assert_str_eq (terrind_region_get_code (region), longest);
  }
}
END_TEST

START_TEST (test_new_refuses_bad_codes)
{
  g_autofree char *too_long = g_strnfill (129, '7');
  guint i;

  for (i = 0; terrind_test_bad_ids[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(TerrindRegion) region = terrind_region_new (terrind_test_bad_ids[i], "R", &error);

      ck_assert_msg (region == NULL, "accepted code \"%s\"",
                     g_strescape (terrind_test_bad_ids[i], NULL));
      terrind_assert_error (error, TERRIND_ERROR_INVALID_VALUE);
    }
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(TerrindRegion) region = terrind_region_new (too_long, "R", &error);

    ck_assert_ptr_null (region);
    terrind_assert_error (error, TERRIND_ERROR_INVALID_VALUE);
  }
}
END_TEST

START_TEST (test_new_accepts_good_names)
{
  guint i;

  for (i = 0; terrind_test_good_names[i] != NULL; i++)
    {
      g_autoptr(TerrindRegion) region = region_or_abort ("84", terrind_test_good_names[i]);

      ck_assert_str_eq (terrind_region_get_name (region), terrind_test_good_names[i]);
    }
}
END_TEST

START_TEST (test_new_refuses_bad_names)
{
  guint i;

  for (i = 0; terrind_test_bad_names[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(TerrindRegion) region = terrind_region_new ("84", terrind_test_bad_names[i], &error);

      ck_assert_msg (region == NULL, "accepted name \"%s\"",
                     g_strescape (terrind_test_bad_names[i], NULL));
      terrind_assert_error (error, TERRIND_ERROR_INVALID_VALUE);
    }
}
END_TEST

START_TEST (test_new_without_error_location)
{
  /* Callers may pass a NULL GError: the failure is still reported. */
  TerrindRegion *region = terrind_region_new ("a b", "R", NULL);

  ck_assert_ptr_null (region);
}
END_TEST

START_TEST (test_set_name)
{
  g_autoptr(TerrindRegion) region = region_or_abort ("84", "Rh\xc3\xb4ne-Alpes");
  g_autoptr(GError) error = NULL;
  char name[] = "Auvergne-Rh\xc3\xb4ne-Alpes";

  ck_assert (terrind_region_set_name (region, name, &error));
  terrind_assert_no_error (error);
  name[0] = 'X';
  ck_assert_str_eq (terrind_region_get_name (region), "Auvergne-Rh\xc3\xb4ne-Alpes");
  ck_assert_str_eq (terrind_region_get_code (region), "84");
}
END_TEST

START_TEST (test_set_name_refuses_bad_names)
{
  g_autoptr(TerrindRegion) region = region_or_abort ("84", "Auvergne");
  guint i;

  for (i = 0; terrind_test_bad_names[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;

      ck_assert (!terrind_region_set_name (region, terrind_test_bad_names[i], &error));
      terrind_assert_error (error, TERRIND_ERROR_INVALID_VALUE);
      ck_assert_str_eq (terrind_region_get_name (region), "Auvergne");
      ck_assert_str_eq (terrind_region_get_code (region), "84");
    }
}
END_TEST

START_TEST (test_ref_unref)
{
  TerrindRegion *region = region_or_abort ("84", "Auvergne");

  ck_assert_ptr_eq (terrind_region_ref (region), region);
  terrind_region_unref (region);
  /* Still alive: one reference is left. */
  ck_assert_str_eq (terrind_region_get_name (region), "Auvergne");
  terrind_region_unref (region);
}
END_TEST

START_TEST (test_equal)
{
  g_autoptr(TerrindRegion) a = region_or_abort ("84", "Auvergne");
  g_autoptr(TerrindRegion) b = region_or_abort ("84", "Auvergne");
  g_autoptr(TerrindRegion) other_name = region_or_abort ("84", "Rh\xc3\xb4ne");
  g_autoptr(TerrindRegion) other_code = region_or_abort ("93", "Auvergne");
  g_autoptr(TerrindRegion) case_only = region_or_abort ("84", "auvergne");

  ck_assert (terrind_region_equal (a, a));
  ck_assert (terrind_region_equal (a, b));
  ck_assert (terrind_region_equal (b, a));
  ck_assert (!terrind_region_equal (a, other_name));
  ck_assert (!terrind_region_equal (a, other_code));
  ck_assert (!terrind_region_equal (a, case_only));

  ck_assert (terrind_region_set_name (other_name, "Auvergne", NULL));
  ck_assert (terrind_region_equal (a, other_name));
}
END_TEST

START_TEST (test_null_region_is_a_programmer_error)
{
  terrind_region_get_code (NULL);
}
END_TEST

START_TEST (test_null_name_is_a_programmer_error)
{
  g_autoptr(TerrindRegion) region = region_or_abort ("84", "Auvergne");

  terrind_region_set_name (NULL, "Auvergne", NULL);
}
END_TEST

static Suite *
region_suite (void)
{
  Suite *suite = suite_create ("region");
  TCase *tc = tcase_create ("region");

  tcase_add_test (tc, test_new);
  tcase_add_test (tc, test_new_copies_arguments);
  tcase_add_test (tc, test_new_accepts_good_codes);
  tcase_add_test (tc, test_new_refuses_bad_codes);
  tcase_add_test (tc, test_new_accepts_good_names);
  tcase_add_test (tc, test_new_refuses_bad_names);
  tcase_add_test (tc, test_new_without_error_location);
  tcase_add_test (tc, test_set_name);
  tcase_add_test (tc, test_set_name_refuses_bad_names);
  tcase_add_test (tc, test_ref_unref);
  tcase_add_test (tc, test_equal);
  suite_add_tcase (suite, tc);

  if (terrind_test_forks ())
    {
      TCase *critical = tcase_create ("programmer-errors");

      tcase_add_test_raise_signal (critical, test_null_region_is_a_programmer_error, SIGTRAP);
      tcase_add_test_raise_signal (critical, test_null_name_is_a_programmer_error, SIGTRAP);
      suite_add_tcase (suite, critical);
    }
  return suite;
}

int
main (void)
{
  return terrind_test_run (region_suite ());
}
