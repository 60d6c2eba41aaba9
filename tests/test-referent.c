/* test-referent.c: TerrindReferent and its contact details
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <signal.h>

#include "terrind-test-util.h"

static TerrindReferent *
referent_or_abort (const char *id,
                   const char *person)
{
  g_autoptr(GError) error = NULL;
  TerrindReferent *referent = terrind_referent_new (id, "pole-emploi", "ti-8401", person, &error);

  terrind_assert_no_error (error);
  ck_assert_ptr_nonnull (referent);
  return referent;
}

#define assert_referent_unchanged(referent, before)                            \
  G_STMT_START {                                                               \
    g_autofree char *after_ = terrind_test_dump_referent (referent);           \
    ck_assert_str_eq (after_, (before));                                       \
  } G_STMT_END

START_TEST (test_new)
{
  g_autoptr(TerrindReferent) referent = referent_or_abort ("ref-1", "Jeanne Martin");

  ck_assert_str_eq (terrind_referent_get_id (referent), "ref-1");
  ck_assert_str_eq (terrind_referent_get_operator_id (referent), "pole-emploi");
  ck_assert_str_eq (terrind_referent_get_territory_id (referent), "ti-8401");
  ck_assert_str_eq (terrind_referent_get_person (referent), "Jeanne Martin");
  ck_assert_ptr_null (terrind_referent_get_role (referent));
  ck_assert_ptr_null (terrind_referent_get_email (referent));
  ck_assert_ptr_null (terrind_referent_get_phone (referent));
  ck_assert_ptr_null (terrind_referent_get_start_date (referent));
}
END_TEST

START_TEST (test_new_refuses_bad_values)
{
  g_autofree char *too_long = g_strnfill (129, 'r');
  g_autofree char *longest = g_strnfill (128, 'r');
  guint i;

  for (i = 0; terrind_test_bad_ids[i] != NULL; i++)
    {
      const char *bad = terrind_test_bad_ids[i];
      g_autoptr(GError) e1 = NULL;
      g_autoptr(GError) e2 = NULL;
      g_autoptr(GError) e3 = NULL;
      g_autoptr(TerrindReferent) r1 = terrind_referent_new (bad, "pole-emploi", "ti", "P", &e1);
      g_autoptr(TerrindReferent) r2 = terrind_referent_new ("ref", bad, "ti", "P", &e2);
      g_autoptr(TerrindReferent) r3 = terrind_referent_new ("ref", "pole-emploi", bad, "P", &e3);

      ck_assert_msg (r1 == NULL && r2 == NULL && r3 == NULL, "accepted id \"%s\"", g_strescape (bad, NULL));
      terrind_assert_error (e1, TERRIND_ERROR_INVALID_VALUE);
      terrind_assert_error (e2, TERRIND_ERROR_INVALID_VALUE);
      terrind_assert_error (e3, TERRIND_ERROR_INVALID_VALUE);
    }
  for (i = 0; terrind_test_bad_names[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(TerrindReferent) r =
        terrind_referent_new ("ref", "pole-emploi", "ti", terrind_test_bad_names[i], &error);

      ck_assert_msg (r == NULL, "accepted person \"%s\"", g_strescape (terrind_test_bad_names[i], NULL));
      terrind_assert_error (error, TERRIND_ERROR_INVALID_VALUE);
    }
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(TerrindReferent) r = terrind_referent_new ("ref", too_long, "ti", "P", &error);

    ck_assert_ptr_null (r);
    terrind_assert_error (error, TERRIND_ERROR_INVALID_VALUE);
  }
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(TerrindReferent) r = terrind_referent_new (longest, longest, longest, "P", &error);

    terrind_assert_no_error (error);
    ck_assert_ptr_nonnull (r);
    ck_assert_str_eq (terrind_referent_get_territory_id (r), longest);
  }
}
END_TEST

START_TEST (test_person)
{
  g_autoptr(TerrindReferent) referent = referent_or_abort ("ref-1", "Jeanne Martin");
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  guint i;

  ck_assert (terrind_referent_set_person (referent, "Ren\xc3\xa9" "e Dupont", &error));
  terrind_assert_no_error (error);
  ck_assert_str_eq (terrind_referent_get_person (referent), "Ren\xc3\xa9" "e Dupont");

  before = terrind_test_dump_referent (referent);
  for (i = 0; terrind_test_bad_names[i] != NULL; i++)
    {
      ck_assert (!terrind_referent_set_person (referent, terrind_test_bad_names[i], &error));
      terrind_assert_error (error, TERRIND_ERROR_INVALID_VALUE);
      assert_referent_unchanged (referent, before);
    }
}
END_TEST

START_TEST (test_role)
{
  g_autoptr(TerrindReferent) referent = referent_or_abort ("ref-1", "Jeanne Martin");
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  const char *const bad[] = { "\xff", "Coach\xc3", "a\x01", "a\nb", NULL };
  guint i;

  ck_assert (terrind_referent_set_role (referent, "Coach international Team France Export", &error));
  terrind_assert_no_error (error);
  ck_assert_str_eq (terrind_referent_get_role (referent), "Coach international Team France Export");

  ck_assert (terrind_referent_set_role (referent, "", &error));
  terrind_assert_no_error (error);
  ck_assert_ptr_nonnull (terrind_referent_get_role (referent));
  ck_assert_str_eq (terrind_referent_get_role (referent), "");

  ck_assert (terrind_referent_set_role (referent, NULL, &error));
  terrind_assert_no_error (error);
  ck_assert_ptr_null (terrind_referent_get_role (referent));

  ck_assert (terrind_referent_set_role (referent, "Conseill\xc3\xa8re r\xc3\xa9" "f\xc3\xa9rente", &error));
  before = terrind_test_dump_referent (referent);
  for (i = 0; bad[i] != NULL; i++)
    {
      ck_assert_msg (!terrind_referent_set_role (referent, bad[i], &error),
                     "accepted role \"%s\"", g_strescape (bad[i], NULL));
      terrind_assert_error (error, TERRIND_ERROR_INVALID_VALUE);
      assert_referent_unchanged (referent, before);
    }
}
END_TEST

typedef gboolean (*Setter) (TerrindReferent *, const char *, GError **);
typedef const char *(*Getter) (const TerrindReferent *);

/* E-mail, phone and start date: "" is not a value, NULL unsets. */
static void
check_checked_field (Setter             set,
                     Getter             get,
                     const char *const *good,
                     const char *const *bad)
{
  g_autoptr(TerrindReferent) referent = referent_or_abort ("ref-1", "Jeanne Martin");
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  guint i;

  for (i = 0; good[i] != NULL; i++)
    {
      ck_assert_msg (set (referent, good[i], &error), "refused \"%s\": %s", good[i],
                     error != NULL ? error->message : "");
      terrind_assert_no_error (error);
      ck_assert_str_eq (get (referent), good[i]);
    }

  before = terrind_test_dump_referent (referent);
  for (i = 0; bad[i] != NULL; i++)
    {
      ck_assert_msg (!set (referent, bad[i], &error), "accepted \"%s\"", g_strescape (bad[i], NULL));
      terrind_assert_error (error, TERRIND_ERROR_INVALID_VALUE);
      assert_referent_unchanged (referent, before);
    }

  ck_assert (set (referent, NULL, &error));
  terrind_assert_no_error (error);
  ck_assert_ptr_null (get (referent));
}

START_TEST (test_email)
{
  check_checked_field (terrind_referent_set_email, terrind_referent_get_email,
                       terrind_test_good_emails, terrind_test_bad_emails);
}
END_TEST

START_TEST (test_phone)
{
  check_checked_field (terrind_referent_set_phone, terrind_referent_get_phone,
                       terrind_test_good_phones, terrind_test_bad_phones);
}
END_TEST

START_TEST (test_start_date)
{
  check_checked_field (terrind_referent_set_start_date, terrind_referent_get_start_date,
                       terrind_test_good_dates, terrind_test_bad_dates);
}
END_TEST

START_TEST (test_ref_unref)
{
  TerrindReferent *referent = referent_or_abort ("ref-1", "Jeanne Martin");

  ck_assert_ptr_eq (terrind_referent_ref (referent), referent);
  terrind_referent_unref (referent);
  ck_assert_str_eq (terrind_referent_get_id (referent), "ref-1");
  terrind_referent_unref (referent);
}
END_TEST

static TerrindReferent *
sample_referent (const char *operator_id,
                 const char *territory_id)
{
  g_autoptr(GError) error = NULL;
  TerrindReferent *referent =
    terrind_referent_new ("ref-1", operator_id, territory_id, "Jeanne Martin", &error);

  terrind_assert_no_error (error);
  ck_assert (terrind_referent_set_role (referent, "Conseill\xc3\xa8re", NULL));
  ck_assert (terrind_referent_set_email (referent, "jeanne.martin@francetravail.fr", NULL));
  ck_assert (terrind_referent_set_phone (referent, "+33 4 50 00 00 00", NULL));
  ck_assert (terrind_referent_set_start_date (referent, "2019-06-01", NULL));
  return referent;
}

START_TEST (test_equal)
{
  g_autoptr(TerrindReferent) a = sample_referent ("pole-emploi", "ti-8401");
  g_autoptr(TerrindReferent) b = sample_referent ("pole-emploi", "ti-8401");
  g_autoptr(TerrindReferent) other_op = sample_referent ("bpifrance", "ti-8401");
  g_autoptr(TerrindReferent) other_ti = sample_referent ("pole-emploi", "ti-8402");

  ck_assert (terrind_referent_equal (a, a));
  ck_assert (terrind_referent_equal (a, b));
  ck_assert (terrind_referent_equal (b, a));
  ck_assert (!terrind_referent_equal (a, other_op));
  ck_assert (!terrind_referent_equal (a, other_ti));

#define DIFFERS(change)                                                        \
  G_STMT_START {                                                               \
    g_autoptr(TerrindReferent) c_ = sample_referent ("pole-emploi", "ti-8401"); \
    ck_assert (change);                                                        \
    ck_assert_msg (!terrind_referent_equal (a, c_), "equal after %s", #change); \
  } G_STMT_END

  DIFFERS (terrind_referent_set_person (c_, "Jeanne Martin-Dupont", NULL));
  DIFFERS (terrind_referent_set_role (c_, NULL, NULL));
  DIFFERS (terrind_referent_set_role (c_, "", NULL));
  DIFFERS (terrind_referent_set_email (c_, "jeanne@francetravail.fr", NULL));
  DIFFERS (terrind_referent_set_email (c_, NULL, NULL));
  DIFFERS (terrind_referent_set_phone (c_, "+33 4 50 00 00 01", NULL));
  DIFFERS (terrind_referent_set_start_date (c_, "2019-06-02", NULL));
  DIFFERS (terrind_referent_set_start_date (c_, NULL, NULL));
#undef DIFFERS

  {
    g_autoptr(TerrindReferent) c = sample_referent ("pole-emploi", "ti-8401");
    g_autoptr(TerrindReferent) d = NULL;
    g_autoptr(GError) error = NULL;

    d = terrind_referent_new ("ref-2", "pole-emploi", "ti-8401", "Jeanne Martin", &error);
    terrind_assert_no_error (error);
    ck_assert (terrind_referent_set_role (d, "Conseill\xc3\xa8re", NULL));
    ck_assert (terrind_referent_set_email (d, "jeanne.martin@francetravail.fr", NULL));
    ck_assert (terrind_referent_set_phone (d, "+33 4 50 00 00 00", NULL));
    ck_assert (terrind_referent_set_start_date (d, "2019-06-01", NULL));
    ck_assert (!terrind_referent_equal (c, d));
  }
}
END_TEST

START_TEST (test_null_referent_is_a_programmer_error)
{
  terrind_referent_get_person (NULL);
}
END_TEST

static Suite *
referent_suite (void)
{
  Suite *suite = suite_create ("referent");
  TCase *tc = tcase_create ("referent");

  tcase_add_test (tc, test_new);
  tcase_add_test (tc, test_new_refuses_bad_values);
  tcase_add_test (tc, test_person);
  tcase_add_test (tc, test_role);
  tcase_add_test (tc, test_email);
  tcase_add_test (tc, test_phone);
  tcase_add_test (tc, test_start_date);
  tcase_add_test (tc, test_ref_unref);
  tcase_add_test (tc, test_equal);
  suite_add_tcase (suite, tc);

  if (terrind_test_forks ())
    {
      TCase *critical = tcase_create ("programmer-errors");

      tcase_add_test_raise_signal (critical, test_null_referent_is_a_programmer_error, SIGTRAP);
      suite_add_tcase (suite, critical);
    }
  return suite;
}

int
main (void)
{
  return terrind_test_run (referent_suite ());
}
