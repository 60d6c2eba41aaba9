/* test-operator.c: TerrindOperator, its kind and former names
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <signal.h>

#include "terrind-test-util.h"

#define POLE_EMPLOI "P\xc3\xb4le emploi"

static TerrindOperator *
operator_or_abort (const char *id,
                   const char *name)
{
  g_autoptr(GError) error = NULL;
  TerrindOperator *op = terrind_operator_new (id, name, &error);

  terrind_assert_no_error (error);
  ck_assert_ptr_nonnull (op);
  return op;
}

#define assert_operator_unchanged(op, before)                                  \
  G_STMT_START {                                                               \
    g_autofree char *after_ = terrind_test_dump_operator (op);                 \
    ck_assert_str_eq (after_, (before));                                       \
  } G_STMT_END

START_TEST (test_new)
{
  g_autoptr(TerrindOperator) op = operator_or_abort ("pole-emploi", POLE_EMPLOI);

  ck_assert_str_eq (terrind_operator_get_id (op), "pole-emploi");
  ck_assert_str_eq (terrind_operator_get_name (op), POLE_EMPLOI);
  ck_assert_ptr_null (terrind_operator_get_kind (op));
  ck_assert_uint_eq (terrind_operator_get_n_former_names (op), 0);
}
END_TEST

START_TEST (test_new_refuses_bad_values)
{
  g_autofree char *too_long = g_strnfill (129, 'o');
  g_autofree char *longest = g_strnfill (128, 'o');
  guint i;

  for (i = 0; terrind_test_bad_ids[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(TerrindOperator) op = terrind_operator_new (terrind_test_bad_ids[i], "Op", &error);

      ck_assert_msg (op == NULL, "accepted id \"%s\"", g_strescape (terrind_test_bad_ids[i], NULL));
      terrind_assert_error (error, TERRIND_ERROR_INVALID_VALUE);
    }
  for (i = 0; terrind_test_bad_names[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(TerrindOperator) op = terrind_operator_new ("op", terrind_test_bad_names[i], &error);

      ck_assert_msg (op == NULL, "accepted name \"%s\"", g_strescape (terrind_test_bad_names[i], NULL));
      terrind_assert_error (error, TERRIND_ERROR_INVALID_VALUE);
    }
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(TerrindOperator) op = terrind_operator_new (too_long, "Op", &error);

    ck_assert_ptr_null (op);
    terrind_assert_error (error, TERRIND_ERROR_INVALID_VALUE);
  }
  {
    g_autoptr(TerrindOperator) op = operator_or_abort (longest, "Op");

    ck_assert_str_eq (terrind_operator_get_id (op), longest);
  }
}
END_TEST

START_TEST (test_set_name)
{
  g_autoptr(TerrindOperator) op = operator_or_abort ("bdt", "Banque des territoires");
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  guint i;

  ck_assert (terrind_operator_set_name (op, "Banque des Territoires", &error));
  terrind_assert_no_error (error);
  ck_assert_str_eq (terrind_operator_get_name (op), "Banque des Territoires");
  /* set_name corrects the name: it keeps no history. */
  ck_assert_uint_eq (terrind_operator_get_n_former_names (op), 0);

  before = terrind_test_dump_operator (op);
  for (i = 0; terrind_test_bad_names[i] != NULL; i++)
    {
      ck_assert (!terrind_operator_set_name (op, terrind_test_bad_names[i], &error));
      terrind_assert_error (error, TERRIND_ERROR_INVALID_VALUE);
      assert_operator_unchanged (op, before);
    }
}
END_TEST

START_TEST (test_kind)
{
  g_autoptr(TerrindOperator) op = operator_or_abort ("pole-emploi", POLE_EMPLOI);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  const char *const bad_kinds[] = { "\xff", "public\xc3", "a\x01", "a\nb", "a\tb", NULL };
  guint i;

  /* Short free text (docs/format.md). */
  ck_assert (terrind_operator_set_kind (op, "service public de l'emploi", &error));
  terrind_assert_no_error (error);
  ck_assert_str_eq (terrind_operator_get_kind (op), "service public de l'emploi");
  ck_assert (terrind_operator_set_kind (op, "employment-service", &error));
  terrind_assert_no_error (error);
  ck_assert_str_eq (terrind_operator_get_kind (op), "employment-service");

  before = terrind_test_dump_operator (op);
  for (i = 0; bad_kinds[i] != NULL; i++)
    {
      ck_assert_msg (!terrind_operator_set_kind (op, bad_kinds[i], &error),
                     "accepted kind \"%s\"", g_strescape (bad_kinds[i], NULL));
      terrind_assert_error (error, TERRIND_ERROR_INVALID_VALUE);
      assert_operator_unchanged (op, before);
    }

  /* "" is kept as the empty string; NULL unsets. */
  ck_assert (terrind_operator_set_kind (op, "", &error));
  terrind_assert_no_error (error);
  ck_assert_ptr_nonnull (terrind_operator_get_kind (op));
  ck_assert_str_eq (terrind_operator_get_kind (op), "");
  ck_assert (terrind_operator_set_kind (op, NULL, &error));
  terrind_assert_no_error (error);
  ck_assert_ptr_null (terrind_operator_get_kind (op));
}
END_TEST

START_TEST (test_former_names)
{
  g_autoptr(TerrindOperator) op = operator_or_abort ("pole-emploi", "France Travail");
  g_autoptr(GError) error = NULL;

  ck_assert (terrind_operator_add_former_name (op, "ANPE", "2008-12-18", &error));
  terrind_assert_no_error (error);
  ck_assert (terrind_operator_add_former_name (op, POLE_EMPLOI, NULL, &error));
  terrind_assert_no_error (error);

  /* In the order given. */
  ck_assert_uint_eq (terrind_operator_get_n_former_names (op), 2);
  ck_assert_str_eq (terrind_operator_get_former_name (op, 0), "ANPE");
  ck_assert_str_eq (terrind_operator_get_former_name_until (op, 0), "2008-12-18");
  ck_assert_str_eq (terrind_operator_get_former_name (op, 1), POLE_EMPLOI);
  ck_assert_ptr_null (terrind_operator_get_former_name_until (op, 1));
  ck_assert_str_eq (terrind_operator_get_name (op), "France Travail");
}
END_TEST

START_TEST (test_former_names_refused)
{
  g_autoptr(TerrindOperator) op = operator_or_abort ("pole-emploi", "France Travail");
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  guint i;

  ck_assert (terrind_operator_add_former_name (op, "ANPE", NULL, &error));
  before = terrind_test_dump_operator (op);

  for (i = 0; terrind_test_bad_names[i] != NULL; i++)
    {
      ck_assert (!terrind_operator_add_former_name (op, terrind_test_bad_names[i], "2023-12-31", &error));
      terrind_assert_error (error, TERRIND_ERROR_INVALID_VALUE);
      assert_operator_unchanged (op, before);
    }
  /* "until" is a date: "" is not one (NULL leaves it unset). */
  for (i = 0; terrind_test_bad_dates[i] != NULL; i++)
    {
      ck_assert_msg (!terrind_operator_add_former_name (op, POLE_EMPLOI, terrind_test_bad_dates[i], &error),
                     "accepted until \"%s\"", g_strescape (terrind_test_bad_dates[i], NULL));
      terrind_assert_error (error, TERRIND_ERROR_INVALID_VALUE);
      assert_operator_unchanged (op, before);
    }
  for (i = 0; terrind_test_good_dates[i] != NULL; i++)
    {
      ck_assert (terrind_operator_add_former_name (op, "Name", terrind_test_good_dates[i], &error));
      terrind_assert_no_error (error);
      ck_assert_str_eq (terrind_operator_get_former_name_until (op, i + 1), terrind_test_good_dates[i]);
    }
}
END_TEST

START_TEST (test_rename)
{
  g_autoptr(TerrindOperator) op = operator_or_abort ("pole-emploi", "ANPE");
  g_autoptr(GError) error = NULL;

  ck_assert (terrind_operator_rename (op, POLE_EMPLOI, "2008-12-18", &error));
  terrind_assert_no_error (error);
  ck_assert (terrind_operator_rename (op, "France Travail", "2023-12-31", &error));
  terrind_assert_no_error (error);

  ck_assert_str_eq (terrind_operator_get_id (op), "pole-emploi");
  ck_assert_str_eq (terrind_operator_get_name (op), "France Travail");
  ck_assert_uint_eq (terrind_operator_get_n_former_names (op), 2);
  ck_assert_str_eq (terrind_operator_get_former_name (op, 0), "ANPE");
  ck_assert_str_eq (terrind_operator_get_former_name_until (op, 0), "2008-12-18");
  ck_assert_str_eq (terrind_operator_get_former_name (op, 1), POLE_EMPLOI);
  ck_assert_str_eq (terrind_operator_get_former_name_until (op, 1), "2023-12-31");
}
END_TEST

START_TEST (test_rename_without_date)
{
  g_autoptr(TerrindOperator) op = operator_or_abort ("pole-emploi", POLE_EMPLOI);
  g_autoptr(GError) error = NULL;

  ck_assert (terrind_operator_rename (op, "France Travail", NULL, &error));
  terrind_assert_no_error (error);
  ck_assert_str_eq (terrind_operator_get_name (op), "France Travail");
  ck_assert_uint_eq (terrind_operator_get_n_former_names (op), 1);
  ck_assert_str_eq (terrind_operator_get_former_name (op, 0), POLE_EMPLOI);
  ck_assert_ptr_null (terrind_operator_get_former_name_until (op, 0));
}
END_TEST

START_TEST (test_rename_refused)
{
  g_autoptr(TerrindOperator) op = operator_or_abort ("pole-emploi", POLE_EMPLOI);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  guint i;

  before = terrind_test_dump_operator (op);
  for (i = 0; terrind_test_bad_names[i] != NULL; i++)
    {
      ck_assert (!terrind_operator_rename (op, terrind_test_bad_names[i], "2023-12-31", &error));
      terrind_assert_error (error, TERRIND_ERROR_INVALID_VALUE);
      assert_operator_unchanged (op, before);
    }
  /* A bad date must not leave the name half changed. */
  for (i = 0; terrind_test_bad_dates[i] != NULL; i++)
    {
      ck_assert_msg (!terrind_operator_rename (op, "France Travail", terrind_test_bad_dates[i], &error),
                     "accepted date \"%s\"", g_strescape (terrind_test_bad_dates[i], NULL));
      terrind_assert_error (error, TERRIND_ERROR_INVALID_VALUE);
      assert_operator_unchanged (op, before);
    }
}
END_TEST

START_TEST (test_rename_in_registry_keeps_references)
{
  g_autoptr(TerrindRegistry) registry = terrind_test_fixture_registry ();
  TerrindOperator *op = terrind_registry_get_operator (registry, "bpifrance");
  g_autoptr(GError) error = NULL;
  g_autofree char *conventions = NULL;
  g_autofree char *referents = NULL;

  ck_assert (terrind_operator_rename (op, "Bpifrance SA", "2024-01-01", &error));
  terrind_assert_no_error (error);
  ck_assert_ptr_eq (terrind_registry_get_operator (registry, "bpifrance"), op);
  conventions = terrind_test_convention_ids (terrind_registry_list_conventions_of_operator (registry, "bpifrance"));
  referents = terrind_test_referent_ids (terrind_registry_list_referents_of_operator (registry, "bpifrance"));
  ck_assert_str_eq (conventions, "conv-bpi");
  ck_assert_str_eq (referents, "ref-1");
}
END_TEST

START_TEST (test_ref_unref)
{
  TerrindOperator *op = operator_or_abort ("op", "Op");

  ck_assert_ptr_eq (terrind_operator_ref (op), op);
  terrind_operator_unref (op);
  ck_assert_str_eq (terrind_operator_get_id (op), "op");
  terrind_operator_unref (op);
}
END_TEST

static TerrindOperator *
sample_operator (void)
{
  TerrindOperator *op = operator_or_abort ("pole-emploi", "France Travail");

  ck_assert (terrind_operator_set_kind (op, "employment-service", NULL));
  ck_assert (terrind_operator_add_former_name (op, POLE_EMPLOI, "2023-12-31", NULL));
  return op;
}

START_TEST (test_equal)
{
  g_autoptr(TerrindOperator) a = sample_operator ();
  g_autoptr(TerrindOperator) b = sample_operator ();

  ck_assert (terrind_operator_equal (a, a));
  ck_assert (terrind_operator_equal (a, b));
  ck_assert (terrind_operator_equal (b, a));
  {
    g_autoptr(TerrindOperator) c = sample_operator ();
    ck_assert (terrind_operator_set_name (c, "France travail", NULL));
    ck_assert (!terrind_operator_equal (a, c));
  }
  {
    g_autoptr(TerrindOperator) c = sample_operator ();
    ck_assert (terrind_operator_set_kind (c, "public", NULL));
    ck_assert (!terrind_operator_equal (a, c));
  }
  {
    /* Unset and empty are different values. */
    g_autoptr(TerrindOperator) c = sample_operator ();
    g_autoptr(TerrindOperator) d = sample_operator ();
    ck_assert (terrind_operator_set_kind (c, NULL, NULL));
    ck_assert (terrind_operator_set_kind (d, "", NULL));
    ck_assert (!terrind_operator_equal (c, d));
    ck_assert (!terrind_operator_equal (a, c));
  }
  {
    g_autoptr(TerrindOperator) c = sample_operator ();
    ck_assert (terrind_operator_add_former_name (c, "ANPE", NULL, NULL));
    ck_assert (!terrind_operator_equal (a, c));
  }
  {
    g_autoptr(TerrindOperator) c = operator_or_abort ("pole-emploi", "France Travail");
    ck_assert (terrind_operator_set_kind (c, "employment-service", NULL));
    ck_assert (terrind_operator_add_former_name (c, POLE_EMPLOI, "2023-12-30", NULL));
    ck_assert (!terrind_operator_equal (a, c));
  }
  {
    g_autoptr(TerrindOperator) c = operator_or_abort ("pole-emploi", "France Travail");
    ck_assert (terrind_operator_set_kind (c, "employment-service", NULL));
    ck_assert (terrind_operator_add_former_name (c, POLE_EMPLOI, NULL, NULL));
    ck_assert (!terrind_operator_equal (a, c));
  }
  {
    g_autoptr(TerrindOperator) c = operator_or_abort ("france-travail", "France Travail");
    ck_assert (terrind_operator_set_kind (c, "employment-service", NULL));
    ck_assert (terrind_operator_add_former_name (c, POLE_EMPLOI, "2023-12-31", NULL));
    ck_assert (!terrind_operator_equal (a, c));
  }
  {
    /* rename() and add_former_name() + set_name() build the same operator. */
    g_autoptr(TerrindOperator) c = operator_or_abort ("pole-emploi", POLE_EMPLOI);
    ck_assert (terrind_operator_set_kind (c, "employment-service", NULL));
    ck_assert (terrind_operator_rename (c, "France Travail", "2023-12-31", NULL));
    ck_assert (terrind_operator_equal (a, c));
  }
}
END_TEST

START_TEST (test_null_operator_is_a_programmer_error)
{
  terrind_operator_get_name (NULL);
}
END_TEST

static Suite *
operator_suite (void)
{
  Suite *suite = suite_create ("operator");
  TCase *tc = tcase_create ("operator");
  TCase *names = tcase_create ("names");

  tcase_add_test (tc, test_new);
  tcase_add_test (tc, test_new_refuses_bad_values);
  tcase_add_test (tc, test_set_name);
  tcase_add_test (tc, test_kind);
  tcase_add_test (tc, test_ref_unref);
  tcase_add_test (tc, test_equal);
  suite_add_tcase (suite, tc);

  tcase_add_test (names, test_former_names);
  tcase_add_test (names, test_former_names_refused);
  tcase_add_test (names, test_rename);
  tcase_add_test (names, test_rename_without_date);
  tcase_add_test (names, test_rename_refused);
  tcase_add_test (names, test_rename_in_registry_keeps_references);
  suite_add_tcase (suite, names);

  if (terrind_test_forks ())
    {
      TCase *critical = tcase_create ("programmer-errors");

      tcase_add_test_raise_signal (critical, test_null_operator_is_a_programmer_error, SIGTRAP);
      suite_add_tcase (suite, critical);
    }
  return suite;
}

int
main (void)
{
  return terrind_test_run (operator_suite ());
}
