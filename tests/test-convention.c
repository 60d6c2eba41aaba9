/* test-convention.c: TerrindConvention, its signatories and commitments
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <signal.h>

#include "terrind-test-util.h"

#define GOURAULT "Jacqueline Gourault"
#define GOURAULT_ROLE "Ministre de la Coh\xc3\xa9sion des territoires"
#define PANNIER "Agn\xc3\xa8s Pannier-Runacher"

static TerrindConvention *
convention_or_abort (const char *id,
                     const char *operator_id,
                     const char *date)
{
  g_autoptr(GError) error = NULL;
  TerrindConvention *convention = terrind_convention_new (id, operator_id, date, &error);

  terrind_assert_no_error (error);
  ck_assert_ptr_nonnull (convention);
  return convention;
}

static TerrindCommitment *
commitment_or_abort (const char *id)
{
  g_autoptr(GError) error = NULL;
  TerrindCommitment *commitment =
    terrind_commitment_new (id, TERRIND_COMMITMENT_PROGRAMME_ACCESS, "Acc\xc3\xa8s", &error);

  terrind_assert_no_error (error);
  ck_assert_ptr_nonnull (commitment);
  return commitment;
}

static void
add_commitment_or_abort (TerrindConvention *convention,
                         const char        *id)
{
  g_autoptr(TerrindCommitment) commitment = commitment_or_abort (id);
  g_autoptr(GError) error = NULL;

  ck_assert (terrind_convention_add_commitment (convention, commitment, &error));
  terrind_assert_no_error (error);
}

#define assert_convention_unchanged(convention, before)                        \
  G_STMT_START {                                                               \
    g_autofree char *after_ = terrind_test_dump_convention (convention);       \
    ck_assert_str_eq (after_, (before));                                       \
  } G_STMT_END

START_TEST (test_new)
{
  g_autoptr(TerrindConvention) convention = convention_or_abort ("conv-bpi", "bpifrance", "2019-03-05");

  ck_assert_str_eq (terrind_convention_get_id (convention), "conv-bpi");
  ck_assert_str_eq (terrind_convention_get_operator_id (convention), "bpifrance");
  ck_assert_str_eq (terrind_convention_get_date (convention), "2019-03-05");
  ck_assert_ptr_null (terrind_convention_get_place (convention));
  ck_assert_ptr_null (terrind_convention_get_title (convention));
  ck_assert_uint_eq (terrind_convention_get_n_signatories (convention), 0);
  ck_assert_uint_eq (terrind_convention_get_n_commitments (convention), 0);
  ck_assert_ptr_null (terrind_convention_lookup_commitment (convention, "bpi-access"));
}
END_TEST

START_TEST (test_new_refuses_bad_values)
{
  g_autofree char *too_long = g_strnfill (129, 'c');
  guint i;

  for (i = 0; terrind_test_bad_ids[i] != NULL; i++)
    {
      g_autoptr(GError) id_error = NULL;
      g_autoptr(GError) op_error = NULL;
      g_autoptr(TerrindConvention) bad_id =
        terrind_convention_new (terrind_test_bad_ids[i], "bpifrance", "2019-03-05", &id_error);
      g_autoptr(TerrindConvention) bad_op =
        terrind_convention_new ("conv", terrind_test_bad_ids[i], "2019-03-05", &op_error);

      ck_assert_msg (bad_id == NULL, "accepted id \"%s\"", g_strescape (terrind_test_bad_ids[i], NULL));
      terrind_assert_error (id_error, TERRIND_ERROR_INVALID_VALUE);
      ck_assert_msg (bad_op == NULL, "accepted operator \"%s\"", g_strescape (terrind_test_bad_ids[i], NULL));
      terrind_assert_error (op_error, TERRIND_ERROR_INVALID_VALUE);
    }
  for (i = 0; terrind_test_bad_dates[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(TerrindConvention) bad =
        terrind_convention_new ("conv", "bpifrance", terrind_test_bad_dates[i], &error);

      ck_assert_msg (bad == NULL, "accepted date \"%s\"", g_strescape (terrind_test_bad_dates[i], NULL));
      terrind_assert_error (error, TERRIND_ERROR_INVALID_VALUE);
    }
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(TerrindConvention) bad = terrind_convention_new (too_long, "bpifrance", "2019-03-05", &error);

    ck_assert_ptr_null (bad);
    terrind_assert_error (error, TERRIND_ERROR_INVALID_VALUE);
  }
}
END_TEST

START_TEST (test_date)
{
  g_autoptr(TerrindConvention) convention = convention_or_abort ("conv", "bpifrance", "2019-03-05");
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  guint i;

  for (i = 0; terrind_test_good_dates[i] != NULL; i++)
    {
      ck_assert (terrind_convention_set_date (convention, terrind_test_good_dates[i], &error));
      terrind_assert_no_error (error);
      ck_assert_str_eq (terrind_convention_get_date (convention), terrind_test_good_dates[i]);
    }
  ck_assert (terrind_convention_set_date (convention, "2019-03-05", &error));
  before = terrind_test_dump_convention (convention);
  for (i = 0; terrind_test_bad_dates[i] != NULL; i++)
    {
      ck_assert_msg (!terrind_convention_set_date (convention, terrind_test_bad_dates[i], &error),
                     "accepted date \"%s\"", g_strescape (terrind_test_bad_dates[i], NULL));
      terrind_assert_error (error, TERRIND_ERROR_INVALID_VALUE);
      assert_convention_unchanged (convention, before);
    }
}
END_TEST

typedef gboolean (*OptionalSetter) (TerrindConvention *, const char *, GError **);
typedef const char *(*OptionalGetter) (const TerrindConvention *);

static void
check_optional_text (OptionalSetter set,
                     OptionalGetter get)
{
  g_autoptr(TerrindConvention) convention = convention_or_abort ("conv", "bpifrance", "2019-03-05");
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  const char *const bad[] = { "\xff", "Lyon\xc3", "\xed\xa0\x80", "a\x01", "a\nb", NULL };
  guint i;

  ck_assert (set (convention, "Lyon", &error));
  terrind_assert_no_error (error);
  ck_assert_str_eq (get (convention), "Lyon");

  /* "" is a value of its own, distinct from unset. */
  ck_assert (set (convention, "", &error));
  terrind_assert_no_error (error);
  ck_assert_ptr_nonnull (get (convention));
  ck_assert_str_eq (get (convention), "");

  ck_assert (set (convention, NULL, &error));
  terrind_assert_no_error (error);
  ck_assert_ptr_null (get (convention));

  ck_assert (set (convention, "Convention de mobilisation \xe2\x80\x94 Lyon", &error));
  before = terrind_test_dump_convention (convention);
  for (i = 0; bad[i] != NULL; i++)
    {
      ck_assert_msg (!set (convention, bad[i], &error), "accepted \"%s\"", g_strescape (bad[i], NULL));
      terrind_assert_error (error, TERRIND_ERROR_INVALID_VALUE);
      assert_convention_unchanged (convention, before);
    }
}

START_TEST (test_place)
{
  check_optional_text (terrind_convention_set_place, terrind_convention_get_place);
}
END_TEST

START_TEST (test_title)
{
  check_optional_text (terrind_convention_set_title, terrind_convention_get_title);
}
END_TEST

START_TEST (test_signatories)
{
  g_autoptr(TerrindConvention) convention = convention_or_abort ("conv", "bpifrance", "2019-03-05");
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  guint i;

  ck_assert (terrind_convention_add_signatory (convention, GOURAULT, GOURAULT_ROLE, &error));
  terrind_assert_no_error (error);
  ck_assert (terrind_convention_add_signatory (convention, PANNIER, NULL, &error));
  terrind_assert_no_error (error);
  ck_assert (terrind_convention_add_signatory (convention, "Nicolas Dufourcq", "", &error));
  terrind_assert_no_error (error);

  /* In the order given; a NULL role stays unset, "" stays "". */
  ck_assert_uint_eq (terrind_convention_get_n_signatories (convention), 3);
  ck_assert_str_eq (terrind_convention_get_signatory_name (convention, 0), GOURAULT);
  ck_assert_str_eq (terrind_convention_get_signatory_role (convention, 0), GOURAULT_ROLE);
  ck_assert_str_eq (terrind_convention_get_signatory_name (convention, 1), PANNIER);
  ck_assert_ptr_null (terrind_convention_get_signatory_role (convention, 1));
  ck_assert_str_eq (terrind_convention_get_signatory_name (convention, 2), "Nicolas Dufourcq");
  ck_assert_ptr_nonnull (terrind_convention_get_signatory_role (convention, 2));
  ck_assert_str_eq (terrind_convention_get_signatory_role (convention, 2), "");

  before = terrind_test_dump_convention (convention);
  for (i = 0; terrind_test_bad_names[i] != NULL; i++)
    {
      ck_assert_msg (!terrind_convention_add_signatory (convention, terrind_test_bad_names[i], "Role", &error),
                     "accepted name \"%s\"", g_strescape (terrind_test_bad_names[i], NULL));
      terrind_assert_error (error, TERRIND_ERROR_INVALID_VALUE);
      assert_convention_unchanged (convention, before);
    }
  ck_assert (!terrind_convention_add_signatory (convention, "Name", "\xff", &error));
  terrind_assert_error (error, TERRIND_ERROR_INVALID_VALUE);
  assert_convention_unchanged (convention, before);
  ck_assert (!terrind_convention_add_signatory (convention, "Name", "Role\x01", &error));
  terrind_assert_error (error, TERRIND_ERROR_INVALID_VALUE);
  assert_convention_unchanged (convention, before);
}
END_TEST

START_TEST (test_commitments_in_id_order)
{
  g_autoptr(TerrindConvention) convention = convention_or_abort ("conv", "bpifrance", "2019-03-05");

  add_commitment_or_abort (convention, "c2");
  add_commitment_or_abort (convention, "c10");
  add_commitment_or_abort (convention, "B");
  add_commitment_or_abort (convention, "c1");

  /* Byte order: "B" < "c1" < "c10" < "c2". */
  ck_assert_uint_eq (terrind_convention_get_n_commitments (convention), 4);
  ck_assert_str_eq (terrind_commitment_get_id (terrind_convention_get_commitment (convention, 0)), "B");
  ck_assert_str_eq (terrind_commitment_get_id (terrind_convention_get_commitment (convention, 1)), "c1");
  ck_assert_str_eq (terrind_commitment_get_id (terrind_convention_get_commitment (convention, 2)), "c10");
  ck_assert_str_eq (terrind_commitment_get_id (terrind_convention_get_commitment (convention, 3)), "c2");
  ck_assert_ptr_eq (terrind_convention_lookup_commitment (convention, "c10"),
                    terrind_convention_get_commitment (convention, 2));
  ck_assert_ptr_null (terrind_convention_lookup_commitment (convention, "c3"));
  ck_assert_ptr_null (terrind_convention_lookup_commitment (convention, ""));
}
END_TEST

START_TEST (test_add_commitment_takes_a_reference)
{
  g_autoptr(TerrindConvention) convention = convention_or_abort ("conv", "bpifrance", "2019-03-05");
  TerrindCommitment *commitment = commitment_or_abort ("bpi-access");
  g_autoptr(GError) error = NULL;

  ck_assert (terrind_convention_add_commitment (convention, commitment, &error));
  terrind_assert_no_error (error);
  terrind_commitment_unref (commitment);
  /* The convention's own reference keeps it alive. */
  commitment = terrind_convention_lookup_commitment (convention, "bpi-access");
  ck_assert_ptr_nonnull (commitment);
  ck_assert_str_eq (terrind_commitment_get_text (commitment), "Acc\xc3\xa8s");
}
END_TEST

START_TEST (test_add_commitment_refused)
{
  g_autoptr(TerrindConvention) convention = convention_or_abort ("conv", "bpifrance", "2019-03-05");
  g_autoptr(TerrindConvention) other = convention_or_abort ("conv-2", "bpifrance", "2019-03-05");
  g_autoptr(TerrindCommitment) same_id = commitment_or_abort ("bpi-access");
  g_autoptr(TerrindCommitment) elsewhere = commitment_or_abort ("bpi-vte");
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *other_before = NULL;

  add_commitment_or_abort (convention, "bpi-access");
  ck_assert (terrind_convention_add_commitment (other, elsewhere, &error));
  terrind_assert_no_error (error);
  before = terrind_test_dump_convention (convention);
  other_before = terrind_test_dump_convention (other);

  /* Another commitment with an id already used. */
  ck_assert (!terrind_convention_add_commitment (convention, same_id, &error));
  terrind_assert_error (error, TERRIND_ERROR_DUPLICATE);
  assert_convention_unchanged (convention, before);

  /* The very commitment already there. */
  ck_assert (!terrind_convention_add_commitment (convention,
                                                 terrind_convention_lookup_commitment (convention, "bpi-access"),
                                                 &error));
  terrind_assert_error_either (error, TERRIND_ERROR_DUPLICATE, TERRIND_ERROR_IN_USE);
  assert_convention_unchanged (convention, before);

  /* A commitment that belongs to another convention. */
  ck_assert (!terrind_convention_add_commitment (convention, elsewhere, &error));
  terrind_assert_error (error, TERRIND_ERROR_IN_USE);
  assert_convention_unchanged (convention, before);
  assert_convention_unchanged (other, other_before);
}
END_TEST

START_TEST (test_remove_commitment)
{
  g_autoptr(TerrindConvention) convention = convention_or_abort ("conv", "bpifrance", "2019-03-05");
  g_autoptr(TerrindConvention) other = convention_or_abort ("conv-2", "bpifrance", "2019-03-05");
  g_autoptr(TerrindCommitment) kept = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;

  add_commitment_or_abort (convention, "a");
  add_commitment_or_abort (convention, "b");
  add_commitment_or_abort (convention, "c");
  kept = terrind_commitment_ref (terrind_convention_lookup_commitment (convention, "b"));

  ck_assert (terrind_convention_remove_commitment (convention, "b", &error));
  terrind_assert_no_error (error);
  ck_assert_uint_eq (terrind_convention_get_n_commitments (convention), 2);
  ck_assert_str_eq (terrind_commitment_get_id (terrind_convention_get_commitment (convention, 0)), "a");
  ck_assert_str_eq (terrind_commitment_get_id (terrind_convention_get_commitment (convention, 1)), "c");
  ck_assert_ptr_null (terrind_convention_lookup_commitment (convention, "b"));

  before = terrind_test_dump_convention (convention);
  ck_assert (!terrind_convention_remove_commitment (convention, "b", &error));
  terrind_assert_error (error, TERRIND_ERROR_NOT_FOUND);
  ck_assert (!terrind_convention_remove_commitment (convention, "zz", &error));
  terrind_assert_error (error, TERRIND_ERROR_NOT_FOUND);
  assert_convention_unchanged (convention, before);

  /* Removed, the commitment is free to join another convention. */
  ck_assert_str_eq (terrind_commitment_get_id (kept), "b");
  ck_assert (terrind_convention_add_commitment (other, kept, &error));
  terrind_assert_no_error (error);
  ck_assert_ptr_eq (terrind_convention_lookup_commitment (other, "b"), kept);
}
END_TEST

START_TEST (test_commitment_free_after_convention_dies)
{
  g_autoptr(TerrindCommitment) commitment = commitment_or_abort ("bpi-access");
  g_autoptr(TerrindConvention) other = convention_or_abort ("conv-2", "bpifrance", "2019-03-05");
  g_autoptr(GError) error = NULL;

  {
    g_autoptr(TerrindConvention) convention = convention_or_abort ("conv", "bpifrance", "2019-03-05");
    ck_assert (terrind_convention_add_commitment (convention, commitment, &error));
    terrind_assert_no_error (error);
  }
  ck_assert (terrind_convention_add_commitment (other, commitment, &error));
  terrind_assert_no_error (error);
}
END_TEST

START_TEST (test_ref_unref)
{
  TerrindConvention *convention = convention_or_abort ("conv", "bpifrance", "2019-03-05");

  ck_assert_ptr_eq (terrind_convention_ref (convention), convention);
  terrind_convention_unref (convention);
  ck_assert_str_eq (terrind_convention_get_id (convention), "conv");
  terrind_convention_unref (convention);
}
END_TEST

static TerrindConvention *
sample_convention (void)
{
  TerrindConvention *convention = convention_or_abort ("conv-bpi", "bpifrance", "2019-03-05");
  g_autoptr(TerrindCommitment) commitment = commitment_or_abort ("bpi-access");

  ck_assert (terrind_convention_set_place (convention, "Lyon", NULL));
  ck_assert (terrind_convention_set_title (convention, "Convention de mobilisation", NULL));
  ck_assert (terrind_convention_add_signatory (convention, GOURAULT, GOURAULT_ROLE, NULL));
  ck_assert (terrind_convention_add_signatory (convention, PANNIER, NULL, NULL));
  ck_assert (terrind_commitment_add_theme (commitment, "VTE", NULL));
  ck_assert (terrind_convention_add_commitment (convention, commitment, NULL));
  return convention;
}

START_TEST (test_equal)
{
  g_autoptr(TerrindConvention) a = sample_convention ();
  g_autoptr(TerrindConvention) b = sample_convention ();

  ck_assert (terrind_convention_equal (a, a));
  ck_assert (terrind_convention_equal (a, b));
  ck_assert (terrind_convention_equal (b, a));

#define DIFFERS(change)                                                        \
  G_STMT_START {                                                               \
    g_autoptr(TerrindConvention) c_ = sample_convention ();                    \
    change;                                                                    \
    ck_assert_msg (!terrind_convention_equal (a, c_), "equal after %s", #change); \
  } G_STMT_END

  DIFFERS (ck_assert (terrind_convention_set_date (c_, "2019-03-06", NULL)));
  DIFFERS (ck_assert (terrind_convention_set_place (c_, NULL, NULL)));
  DIFFERS (ck_assert (terrind_convention_set_place (c_, "", NULL)));
  DIFFERS (ck_assert (terrind_convention_set_place (c_, "Paris", NULL)));
  DIFFERS (ck_assert (terrind_convention_set_title (c_, NULL, NULL)));
  DIFFERS (ck_assert (terrind_convention_add_signatory (c_, "X", NULL, NULL)));
  DIFFERS (add_commitment_or_abort (c_, "bpi-vte"));
  DIFFERS (ck_assert (terrind_convention_remove_commitment (c_, "bpi-access", NULL)));
  /* A change deep inside a commitment makes the conventions differ too. */
  DIFFERS (ck_assert (terrind_commitment_add_theme (terrind_convention_lookup_commitment (c_, "bpi-access"),
                                                    "acc\xc3\xa9l\xc3\xa9rateurs", NULL)));
  DIFFERS (terrind_commitment_set_approximate (terrind_convention_lookup_commitment (c_, "bpi-access"), TRUE));
#undef DIFFERS

  {
    g_autoptr(TerrindConvention) c = convention_or_abort ("conv-bpi", "bpifrance-2", "2019-03-05");
    g_autoptr(TerrindCommitment) commitment = commitment_or_abort ("bpi-access");
    ck_assert (terrind_convention_set_place (c, "Lyon", NULL));
    ck_assert (terrind_convention_set_title (c, "Convention de mobilisation", NULL));
    ck_assert (terrind_convention_add_signatory (c, GOURAULT, GOURAULT_ROLE, NULL));
    ck_assert (terrind_convention_add_signatory (c, PANNIER, NULL, NULL));
    ck_assert (terrind_commitment_add_theme (commitment, "VTE", NULL));
    ck_assert (terrind_convention_add_commitment (c, commitment, NULL));
    ck_assert (!terrind_convention_equal (a, c));
  }
  {
    /* Signatories in another order. */
    g_autoptr(TerrindConvention) c = convention_or_abort ("conv-bpi", "bpifrance", "2019-03-05");
    g_autoptr(TerrindCommitment) commitment = commitment_or_abort ("bpi-access");
    ck_assert (terrind_convention_set_place (c, "Lyon", NULL));
    ck_assert (terrind_convention_set_title (c, "Convention de mobilisation", NULL));
    ck_assert (terrind_convention_add_signatory (c, PANNIER, NULL, NULL));
    ck_assert (terrind_convention_add_signatory (c, GOURAULT, GOURAULT_ROLE, NULL));
    ck_assert (terrind_commitment_add_theme (commitment, "VTE", NULL));
    ck_assert (terrind_convention_add_commitment (c, commitment, NULL));
    ck_assert (!terrind_convention_equal (a, c));
  }
  {
    /* A signatory role NULL versus "". */
    g_autoptr(TerrindConvention) c = convention_or_abort ("conv-bpi", "bpifrance", "2019-03-05");
    g_autoptr(TerrindCommitment) commitment = commitment_or_abort ("bpi-access");
    ck_assert (terrind_convention_set_place (c, "Lyon", NULL));
    ck_assert (terrind_convention_set_title (c, "Convention de mobilisation", NULL));
    ck_assert (terrind_convention_add_signatory (c, GOURAULT, GOURAULT_ROLE, NULL));
    ck_assert (terrind_convention_add_signatory (c, PANNIER, "", NULL));
    ck_assert (terrind_commitment_add_theme (commitment, "VTE", NULL));
    ck_assert (terrind_convention_add_commitment (c, commitment, NULL));
    ck_assert (!terrind_convention_equal (a, c));
  }
}
END_TEST

START_TEST (test_null_convention_is_a_programmer_error)
{
  terrind_convention_get_n_commitments (NULL);
}
END_TEST

START_TEST (test_null_commitment_is_a_programmer_error)
{
  g_autoptr(TerrindConvention) convention = convention_or_abort ("conv", "bpifrance", "2019-03-05");

  terrind_convention_add_commitment (convention, NULL, NULL);
}
END_TEST

static Suite *
convention_suite (void)
{
  Suite *suite = suite_create ("convention");
  TCase *tc = tcase_create ("convention");
  TCase *commitments = tcase_create ("commitments");

  tcase_add_test (tc, test_new);
  tcase_add_test (tc, test_new_refuses_bad_values);
  tcase_add_test (tc, test_date);
  tcase_add_test (tc, test_place);
  tcase_add_test (tc, test_title);
  tcase_add_test (tc, test_signatories);
  tcase_add_test (tc, test_ref_unref);
  tcase_add_test (tc, test_equal);
  suite_add_tcase (suite, tc);

  tcase_add_test (commitments, test_commitments_in_id_order);
  tcase_add_test (commitments, test_add_commitment_takes_a_reference);
  tcase_add_test (commitments, test_add_commitment_refused);
  tcase_add_test (commitments, test_remove_commitment);
  tcase_add_test (commitments, test_commitment_free_after_convention_dies);
  suite_add_tcase (suite, commitments);

  if (terrind_test_forks ())
    {
      TCase *critical = tcase_create ("programmer-errors");

      tcase_add_test_raise_signal (critical, test_null_convention_is_a_programmer_error, SIGTRAP);
      tcase_add_test_raise_signal (critical, test_null_commitment_is_a_programmer_error, SIGTRAP);
      suite_add_tcase (suite, critical);
    }
  return suite;
}

int
main (void)
{
  return terrind_test_run (convention_suite ());
}
