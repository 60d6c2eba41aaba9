/* test-commitment.c: TerrindCommitment and its kind and period names
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <signal.h>

#include "terrind-test-util.h"

static const struct {
  TerrindCommitmentKind kind;
  const char           *name;
} kinds[] = {
  { TERRIND_COMMITMENT_MONEY_ENVELOPE,          "money-envelope" },
  { TERRIND_COMMITMENT_REFERENT_PER_TERRITORY,  "referent-per-territory" },
  { TERRIND_COMMITMENT_YEARLY_TARGET,           "yearly-target" },
  { TERRIND_COMMITMENT_TOOL,                    "tool" },
  { TERRIND_COMMITMENT_PROGRAMME_ACCESS,        "programme-access" },
  { TERRIND_COMMITMENT_EXPERIMENT,              "experiment" },
};

static TerrindCommitment *
commitment_or_abort (const char           *id,
                     TerrindCommitmentKind kind,
                     const char           *text)
{
  g_autoptr(GError) error = NULL;
  TerrindCommitment *commitment = terrind_commitment_new (id, kind, text, &error);

  terrind_assert_no_error (error);
  ck_assert_ptr_nonnull (commitment);
  return commitment;
}

#define assert_commitment_unchanged(commitment, before)                        \
  G_STMT_START {                                                               \
    g_autofree char *after_ = terrind_test_dump_commitment (commitment);       \
    ck_assert_str_eq (after_, (before));                                       \
  } G_STMT_END

START_TEST (test_kind_names)
{
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      TerrindCommitmentKind parsed = (TerrindCommitmentKind) 99;

      ck_assert_str_eq (terrind_commitment_kind_to_string (kinds[i].kind), kinds[i].name);
      ck_assert (terrind_commitment_kind_from_string (kinds[i].name, &parsed));
      ck_assert_int_eq (parsed, kinds[i].kind);
    }
}
END_TEST

START_TEST (test_kind_names_refused)
{
  const char *const bad[] = { "", "money", "Money-Envelope", "money-envelope ", "tool\n", "\xff", NULL };
  guint i;

  for (i = 0; bad[i] != NULL; i++)
    {
      TerrindCommitmentKind parsed = TERRIND_COMMITMENT_TOOL;

      ck_assert_msg (!terrind_commitment_kind_from_string (bad[i], &parsed),
                     "accepted kind \"%s\"", g_strescape (bad[i], NULL));
      /* A failed parse leaves the output alone. */
      ck_assert_int_eq (parsed, TERRIND_COMMITMENT_TOOL);
    }
}
END_TEST

START_TEST (test_unknown_enum_values)
{
  /* A binding may hand over any integer: a kind or period this version does
   * not know is a data error, not a crash. */
  const int unknown[] = { -1, (int) G_N_ELEMENTS (kinds), 99, G_MAXINT };
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (unknown); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(TerrindCommitment) commitment =
        terrind_commitment_new ("c", (TerrindCommitmentKind) unknown[i], "Texte", &error);

      ck_assert_ptr_null (terrind_commitment_kind_to_string ((TerrindCommitmentKind) unknown[i]));
      ck_assert_ptr_null (commitment);
      terrind_assert_error (error, TERRIND_ERROR_INVALID_VALUE);
    }
  {
    g_autoptr(TerrindCommitment) commitment =
      commitment_or_abort ("bdt-equity", TERRIND_COMMITMENT_MONEY_ENVELOPE, "100 M par an");
    g_autoptr(GError) error = NULL;
    g_autofree char *before = NULL;
    const int bad_periods[] = { -1, 3, 99 };

    ck_assert (terrind_commitment_set_amount (commitment, 100, TERRIND_AMOUNT_TOTAL, &error));
    before = terrind_test_dump_commitment (commitment);
    for (i = 0; i < G_N_ELEMENTS (bad_periods); i++)
      {
        ck_assert_ptr_null (terrind_amount_period_to_string ((TerrindAmountPeriod) bad_periods[i]));
        ck_assert (!terrind_commitment_set_amount (commitment, 5, (TerrindAmountPeriod) bad_periods[i],
                                                   &error));
        terrind_assert_error (error, TERRIND_ERROR_INVALID_VALUE);
        assert_commitment_unchanged (commitment, before);
      }
  }
}
END_TEST

START_TEST (test_period_names)
{
  TerrindAmountPeriod parsed = TERRIND_AMOUNT_NONE;
  const char *none_name;

  ck_assert_str_eq (terrind_amount_period_to_string (TERRIND_AMOUNT_TOTAL), "total");
  ck_assert_str_eq (terrind_amount_period_to_string (TERRIND_AMOUNT_PER_YEAR), "per-year");
  ck_assert (terrind_amount_period_from_string ("total", &parsed));
  ck_assert_int_eq (parsed, TERRIND_AMOUNT_TOTAL);
  ck_assert (terrind_amount_period_from_string ("per-year", &parsed));
  ck_assert_int_eq (parsed, TERRIND_AMOUNT_PER_YEAR);

  /* NONE is not in the format; if it has a name, that name parses back. */
  none_name = terrind_amount_period_to_string (TERRIND_AMOUNT_NONE);
  if (none_name != NULL)
    {
      ck_assert (terrind_amount_period_from_string (none_name, &parsed));
      ck_assert_int_eq (parsed, TERRIND_AMOUNT_NONE);
      ck_assert_str_ne (none_name, "total");
      ck_assert_str_ne (none_name, "per-year");
    }

  parsed = TERRIND_AMOUNT_PER_YEAR;
  ck_assert (!terrind_amount_period_from_string ("yearly", &parsed));
  ck_assert (!terrind_amount_period_from_string ("", &parsed));
  ck_assert (!terrind_amount_period_from_string ("Total", &parsed));
  ck_assert (!terrind_amount_period_from_string ("per_year", &parsed));
  ck_assert_int_eq (parsed, TERRIND_AMOUNT_PER_YEAR);
}
END_TEST

START_TEST (test_new)
{
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autoptr(TerrindCommitment) commitment =
        commitment_or_abort ("bdt-equity", kinds[i].kind, "100 M\xe2\x82\xac par an");

      ck_assert_str_eq (terrind_commitment_get_id (commitment), "bdt-equity");
      ck_assert_int_eq (terrind_commitment_get_kind (commitment), kinds[i].kind);
      ck_assert_str_eq (terrind_commitment_get_text (commitment), "100 M\xe2\x82\xac par an");
      ck_assert_int_eq (terrind_commitment_get_amount (commitment), 0);
      ck_assert_int_eq (terrind_commitment_get_amount_period (commitment), TERRIND_AMOUNT_NONE);
      ck_assert (!terrind_commitment_get_approximate (commitment));
      ck_assert_uint_eq (terrind_commitment_get_first_year (commitment), 0);
      ck_assert_uint_eq (terrind_commitment_get_last_year (commitment), 0);
      ck_assert_uint_eq (terrind_commitment_get_n_themes (commitment), 0);
      ck_assert_uint_eq (terrind_commitment_get_n_targets (commitment), 0);
    }
}
END_TEST

static const char *const bad_texts[] = {
  "",
  "\xff",
  "texte \xc3",
  "\xed\xa0\x80",
  "bell\x07",
  "carriage\rreturn",
  "escape\x1b",
  NULL
};

START_TEST (test_new_refuses_bad_values)
{
  g_autofree char *too_long = g_strnfill (129, 'c');
  guint i;

  for (i = 0; terrind_test_bad_ids[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(TerrindCommitment) commitment =
        terrind_commitment_new (terrind_test_bad_ids[i], TERRIND_COMMITMENT_TOOL, "Formadiag", &error);

      ck_assert_msg (commitment == NULL, "accepted id \"%s\"", g_strescape (terrind_test_bad_ids[i], NULL));
      terrind_assert_error (error, TERRIND_ERROR_INVALID_VALUE);
    }
  for (i = 0; bad_texts[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(TerrindCommitment) commitment =
        terrind_commitment_new ("pe-tool", TERRIND_COMMITMENT_TOOL, bad_texts[i], &error);

      ck_assert_msg (commitment == NULL, "accepted text \"%s\"", g_strescape (bad_texts[i], NULL));
      terrind_assert_error (error, TERRIND_ERROR_INVALID_VALUE);
    }
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(TerrindCommitment) commitment =
      terrind_commitment_new (too_long, TERRIND_COMMITMENT_TOOL, "Formadiag", &error);

    ck_assert_ptr_null (commitment);
    terrind_assert_error (error, TERRIND_ERROR_INVALID_VALUE);
  }
}
END_TEST

START_TEST (test_text)
{
  g_autoptr(TerrindCommitment) commitment =
    commitment_or_abort ("pe-tool", TERRIND_COMMITMENT_TOOL, "Formadiag");
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  const char *multi_line = "L'outil Formadiag\n\tavec les donn\xc3\xa9" "es\nde chaque territoire";
  guint i;

  /* Long free text may hold tabs and newlines. */
  ck_assert (terrind_commitment_set_text (commitment, multi_line, &error));
  terrind_assert_no_error (error);
  ck_assert_str_eq (terrind_commitment_get_text (commitment), multi_line);

  before = terrind_test_dump_commitment (commitment);
  for (i = 0; bad_texts[i] != NULL; i++)
    {
      ck_assert_msg (!terrind_commitment_set_text (commitment, bad_texts[i], &error),
                     "accepted text \"%s\"", g_strescape (bad_texts[i], NULL));
      terrind_assert_error (error, TERRIND_ERROR_INVALID_VALUE);
      assert_commitment_unchanged (commitment, before);
    }
}
END_TEST

START_TEST (test_amount)
{
  g_autoptr(TerrindCommitment) commitment =
    commitment_or_abort ("bdt-equity", TERRIND_COMMITMENT_MONEY_ENVELOPE, "100 M par an");
  g_autoptr(GError) error = NULL;

  ck_assert (terrind_commitment_set_amount (commitment, G_GINT64_CONSTANT (100000000),
                                            TERRIND_AMOUNT_PER_YEAR, &error));
  terrind_assert_no_error (error);
  ck_assert_int_eq (terrind_commitment_get_amount (commitment), G_GINT64_CONSTANT (100000000));
  ck_assert_int_eq (terrind_commitment_get_amount_period (commitment), TERRIND_AMOUNT_PER_YEAR);

  /* Whole euros on 64 bits: the largest value survives exactly. */
  ck_assert (terrind_commitment_set_amount (commitment, G_MAXINT64, TERRIND_AMOUNT_TOTAL, &error));
  terrind_assert_no_error (error);
  ck_assert (terrind_commitment_get_amount (commitment) == G_MAXINT64);
  ck_assert_int_eq (terrind_commitment_get_amount_period (commitment), TERRIND_AMOUNT_TOTAL);

  ck_assert (terrind_commitment_set_amount (commitment, 0, TERRIND_AMOUNT_TOTAL, &error));
  terrind_assert_no_error (error);
  ck_assert_int_eq (terrind_commitment_get_amount (commitment), 0);
  ck_assert_int_eq (terrind_commitment_get_amount_period (commitment), TERRIND_AMOUNT_TOTAL);

  /* NONE clears. */
  ck_assert (terrind_commitment_set_amount (commitment, 12, TERRIND_AMOUNT_PER_YEAR, &error));
  ck_assert (terrind_commitment_set_amount (commitment, 0, TERRIND_AMOUNT_NONE, &error));
  terrind_assert_no_error (error);
  ck_assert_int_eq (terrind_commitment_get_amount (commitment), 0);
  ck_assert_int_eq (terrind_commitment_get_amount_period (commitment), TERRIND_AMOUNT_NONE);
}
END_TEST

START_TEST (test_amount_refused)
{
  g_autoptr(TerrindCommitment) commitment =
    commitment_or_abort ("bdt-equity", TERRIND_COMMITMENT_MONEY_ENVELOPE, "100 M par an");
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;

  ck_assert (terrind_commitment_set_amount (commitment, 100000000, TERRIND_AMOUNT_PER_YEAR, &error));
  before = terrind_test_dump_commitment (commitment);

  ck_assert (!terrind_commitment_set_amount (commitment, -1, TERRIND_AMOUNT_TOTAL, &error));
  terrind_assert_error (error, TERRIND_ERROR_INVALID_VALUE);
  assert_commitment_unchanged (commitment, before);

  ck_assert (!terrind_commitment_set_amount (commitment, G_MININT64, TERRIND_AMOUNT_PER_YEAR, &error));
  terrind_assert_error (error, TERRIND_ERROR_INVALID_VALUE);
  assert_commitment_unchanged (commitment, before);

  ck_assert (!terrind_commitment_set_amount (commitment, -5, TERRIND_AMOUNT_NONE, &error));
  terrind_assert_error (error, TERRIND_ERROR_INVALID_VALUE);
  assert_commitment_unchanged (commitment, before);

  /* An amount without a period to read it by makes no sense. */
  ck_assert (!terrind_commitment_set_amount (commitment, 5, TERRIND_AMOUNT_NONE, &error));
  terrind_assert_error (error, TERRIND_ERROR_INVALID_VALUE);
  assert_commitment_unchanged (commitment, before);
}
END_TEST

START_TEST (test_approximate)
{
  g_autoptr(TerrindCommitment) commitment =
    commitment_or_abort ("bf-priority", TERRIND_COMMITMENT_YEARLY_TARGET, "environ 20");

  terrind_commitment_set_approximate (commitment, TRUE);
  ck_assert (terrind_commitment_get_approximate (commitment));
  terrind_commitment_set_approximate (commitment, FALSE);
  ck_assert (!terrind_commitment_get_approximate (commitment));
}
END_TEST

START_TEST (test_years)
{
  g_autoptr(TerrindCommitment) commitment =
    commitment_or_abort ("bdt-equity", TERRIND_COMMITMENT_MONEY_ENVELOPE, "100 M par an");
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  const guint good[][2] = { { 1900, 2200 }, { 2019, 2019 }, { 2023, 2027 }, { 2019, 2022 } };
  const guint bad[][2] = {
    { 1899, 2000 }, { 2000, 2201 }, { 2022, 2019 }, { 2201, 2201 }, { 1899, 1899 },
    { 1, 2 }, { G_MAXUINT, G_MAXUINT }, { 2019, G_MAXUINT },
  };
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (good); i++)
    {
      ck_assert (terrind_commitment_set_years (commitment, good[i][0], good[i][1], &error));
      terrind_assert_no_error (error);
      ck_assert_uint_eq (terrind_commitment_get_first_year (commitment), good[i][0]);
      ck_assert_uint_eq (terrind_commitment_get_last_year (commitment), good[i][1]);
    }

  before = terrind_test_dump_commitment (commitment);
  for (i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      ck_assert_msg (!terrind_commitment_set_years (commitment, bad[i][0], bad[i][1], &error),
                     "accepted years %u..%u", bad[i][0], bad[i][1]);
      terrind_assert_error (error, TERRIND_ERROR_INVALID_VALUE);
      assert_commitment_unchanged (commitment, before);
    }

  /* (0, 0) clears. */
  ck_assert (terrind_commitment_set_years (commitment, 0, 0, &error));
  terrind_assert_no_error (error);
  ck_assert_uint_eq (terrind_commitment_get_first_year (commitment), 0);
  ck_assert_uint_eq (terrind_commitment_get_last_year (commitment), 0);
}
END_TEST

START_TEST (test_themes)
{
  g_autoptr(TerrindCommitment) commitment =
    commitment_or_abort ("bdt-equity", TERRIND_COMMITMENT_MONEY_ENVELOPE, "100 M par an");
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  const char *const themes[] = {
    "foncier et immobilier industriel",
    "reconversion de friches",
    "num\xc3\xa9rique",
    "\xc3\xa9" "cologie industrielle",
    "transport et mobilit\xc3\xa9",
  };
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (themes); i++)
    {
      ck_assert (terrind_commitment_add_theme (commitment, themes[i], &error));
      terrind_assert_no_error (error);
    }
  /* In the order given. */
  ck_assert_uint_eq (terrind_commitment_get_n_themes (commitment), G_N_ELEMENTS (themes));
  for (i = 0; i < G_N_ELEMENTS (themes); i++)
    ck_assert_str_eq (terrind_commitment_get_theme (commitment, i), themes[i]);

  before = terrind_test_dump_commitment (commitment);
  ck_assert (!terrind_commitment_add_theme (commitment, "num\xc3\xa9rique", &error));
  terrind_assert_error (error, TERRIND_ERROR_DUPLICATE);
  assert_commitment_unchanged (commitment, before);
  for (i = 0; terrind_test_bad_names[i] != NULL; i++)
    {
      ck_assert_msg (!terrind_commitment_add_theme (commitment, terrind_test_bad_names[i], &error),
                     "accepted theme \"%s\"", g_strescape (terrind_test_bad_names[i], NULL));
      terrind_assert_error (error, TERRIND_ERROR_INVALID_VALUE);
      assert_commitment_unchanged (commitment, before);
    }
}
END_TEST

START_TEST (test_targets)
{
  g_autoptr(TerrindCommitment) commitment =
    commitment_or_abort ("bf-priority", TERRIND_COMMITMENT_YEARLY_TARGET, "20 territoires");
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  const char *const bad_levels[] = { "", "two words", "prioritaire\xc3\xa9", "\xff", "a/b", NULL };
  guint i;

  ck_assert (terrind_commitment_add_target (commitment, "priority", 20, &error));
  terrind_assert_no_error (error);
  ck_assert (terrind_commitment_add_target (commitment, "reinforced", 5, &error));
  terrind_assert_no_error (error);
  ck_assert (terrind_commitment_add_target (commitment, "awareness", 0, &error));
  terrind_assert_no_error (error);

  /* In the order given. */
  ck_assert_uint_eq (terrind_commitment_get_n_targets (commitment), 3);
  ck_assert_str_eq (terrind_commitment_get_target_level (commitment, 0), "priority");
  ck_assert_uint_eq (terrind_commitment_get_target_count (commitment, 0), 20);
  ck_assert_str_eq (terrind_commitment_get_target_level (commitment, 1), "reinforced");
  ck_assert_uint_eq (terrind_commitment_get_target_count (commitment, 1), 5);
  ck_assert_str_eq (terrind_commitment_get_target_level (commitment, 2), "awareness");
  ck_assert_uint_eq (terrind_commitment_get_target_count (commitment, 2), 0);

  before = terrind_test_dump_commitment (commitment);
  ck_assert (!terrind_commitment_add_target (commitment, "priority", 25, &error));
  terrind_assert_error (error, TERRIND_ERROR_DUPLICATE);
  assert_commitment_unchanged (commitment, before);
  for (i = 0; bad_levels[i] != NULL; i++)
    {
      ck_assert_msg (!terrind_commitment_add_target (commitment, bad_levels[i], 1, &error),
                     "accepted level \"%s\"", g_strescape (bad_levels[i], NULL));
      terrind_assert_error (error, TERRIND_ERROR_INVALID_VALUE);
      assert_commitment_unchanged (commitment, before);
    }
}
END_TEST

START_TEST (test_ref_unref)
{
  TerrindCommitment *commitment = commitment_or_abort ("c", TERRIND_COMMITMENT_TOOL, "t");

  ck_assert_ptr_eq (terrind_commitment_ref (commitment), commitment);
  terrind_commitment_unref (commitment);
  ck_assert_str_eq (terrind_commitment_get_id (commitment), "c");
  terrind_commitment_unref (commitment);
}
END_TEST

static TerrindCommitment *
sample_commitment (void)
{
  TerrindCommitment *commitment =
    commitment_or_abort ("bdt-equity", TERRIND_COMMITMENT_MONEY_ENVELOPE, "100 M par an");

  ck_assert (terrind_commitment_set_amount (commitment, 100000000, TERRIND_AMOUNT_PER_YEAR, NULL));
  terrind_commitment_set_approximate (commitment, TRUE);
  ck_assert (terrind_commitment_set_years (commitment, 2019, 2022, NULL));
  ck_assert (terrind_commitment_add_theme (commitment, "num\xc3\xa9rique", NULL));
  ck_assert (terrind_commitment_add_theme (commitment, "friches", NULL));
  ck_assert (terrind_commitment_add_target (commitment, "priority", 20, NULL));
  return commitment;
}

START_TEST (test_equal)
{
  g_autoptr(TerrindCommitment) a = sample_commitment ();
  g_autoptr(TerrindCommitment) b = sample_commitment ();

  ck_assert (terrind_commitment_equal (a, a));
  ck_assert (terrind_commitment_equal (a, b));
  ck_assert (terrind_commitment_equal (b, a));

#define DIFFERS(change)                                                        \
  G_STMT_START {                                                               \
    g_autoptr(TerrindCommitment) c_ = sample_commitment ();                    \
    change;                                                                    \
    ck_assert_msg (!terrind_commitment_equal (a, c_), "equal after %s", #change); \
  } G_STMT_END

  DIFFERS (ck_assert (terrind_commitment_set_text (c_, "100 M par an.", NULL)));
  DIFFERS (ck_assert (terrind_commitment_set_amount (c_, 100000001, TERRIND_AMOUNT_PER_YEAR, NULL)));
  DIFFERS (ck_assert (terrind_commitment_set_amount (c_, 100000000, TERRIND_AMOUNT_TOTAL, NULL)));
  DIFFERS (terrind_commitment_set_approximate (c_, FALSE));
  DIFFERS (ck_assert (terrind_commitment_set_years (c_, 2019, 2023, NULL)));
  DIFFERS (ck_assert (terrind_commitment_set_years (c_, 2018, 2022, NULL)));
  DIFFERS (ck_assert (terrind_commitment_add_theme (c_, "mobilit\xc3\xa9", NULL)));
  DIFFERS (ck_assert (terrind_commitment_add_target (c_, "reinforced", 5, NULL)));
#undef DIFFERS

  {
    /* Same themes in another order. */
    g_autoptr(TerrindCommitment) c = commitment_or_abort ("bdt-equity", TERRIND_COMMITMENT_MONEY_ENVELOPE,
                                                          "100 M par an");
    ck_assert (terrind_commitment_set_amount (c, 100000000, TERRIND_AMOUNT_PER_YEAR, NULL));
    terrind_commitment_set_approximate (c, TRUE);
    ck_assert (terrind_commitment_set_years (c, 2019, 2022, NULL));
    ck_assert (terrind_commitment_add_theme (c, "friches", NULL));
    ck_assert (terrind_commitment_add_theme (c, "num\xc3\xa9rique", NULL));
    ck_assert (terrind_commitment_add_target (c, "priority", 20, NULL));
    ck_assert (!terrind_commitment_equal (a, c));
  }
  {
    g_autoptr(TerrindCommitment) c = commitment_or_abort ("bdt-equity", TERRIND_COMMITMENT_MONEY_ENVELOPE,
                                                          "100 M par an");
    ck_assert (terrind_commitment_set_amount (c, 100000000, TERRIND_AMOUNT_PER_YEAR, NULL));
    terrind_commitment_set_approximate (c, TRUE);
    ck_assert (terrind_commitment_set_years (c, 2019, 2022, NULL));
    ck_assert (terrind_commitment_add_theme (c, "num\xc3\xa9rique", NULL));
    ck_assert (terrind_commitment_add_theme (c, "friches", NULL));
    ck_assert (terrind_commitment_add_target (c, "priority", 21, NULL));
    ck_assert (!terrind_commitment_equal (a, c));
  }
  {
    g_autoptr(TerrindCommitment) c = commitment_or_abort ("bdt-equity", TERRIND_COMMITMENT_TOOL,
                                                          "100 M par an");
    ck_assert (terrind_commitment_set_amount (c, 100000000, TERRIND_AMOUNT_PER_YEAR, NULL));
    terrind_commitment_set_approximate (c, TRUE);
    ck_assert (terrind_commitment_set_years (c, 2019, 2022, NULL));
    ck_assert (terrind_commitment_add_theme (c, "num\xc3\xa9rique", NULL));
    ck_assert (terrind_commitment_add_theme (c, "friches", NULL));
    ck_assert (terrind_commitment_add_target (c, "priority", 20, NULL));
    ck_assert (!terrind_commitment_equal (a, c));
  }
  {
    g_autoptr(TerrindCommitment) c = commitment_or_abort ("bdt-equity-2", TERRIND_COMMITMENT_MONEY_ENVELOPE,
                                                          "100 M par an");
    ck_assert (terrind_commitment_set_amount (c, 100000000, TERRIND_AMOUNT_PER_YEAR, NULL));
    terrind_commitment_set_approximate (c, TRUE);
    ck_assert (terrind_commitment_set_years (c, 2019, 2022, NULL));
    ck_assert (terrind_commitment_add_theme (c, "num\xc3\xa9rique", NULL));
    ck_assert (terrind_commitment_add_theme (c, "friches", NULL));
    ck_assert (terrind_commitment_add_target (c, "priority", 20, NULL));
    ck_assert (!terrind_commitment_equal (a, c));
  }
}
END_TEST

START_TEST (test_null_commitment_is_a_programmer_error)
{
  terrind_commitment_get_amount (NULL);
}
END_TEST

static Suite *
commitment_suite (void)
{
  Suite *suite = suite_create ("commitment");
  TCase *names = tcase_create ("names");
  TCase *tc = tcase_create ("commitment");

  tcase_add_test (names, test_kind_names);
  tcase_add_test (names, test_kind_names_refused);
  tcase_add_test (names, test_period_names);
  tcase_add_test (names, test_unknown_enum_values);
  suite_add_tcase (suite, names);

  tcase_add_test (tc, test_new);
  tcase_add_test (tc, test_new_refuses_bad_values);
  tcase_add_test (tc, test_text);
  tcase_add_test (tc, test_amount);
  tcase_add_test (tc, test_amount_refused);
  tcase_add_test (tc, test_approximate);
  tcase_add_test (tc, test_years);
  tcase_add_test (tc, test_themes);
  tcase_add_test (tc, test_targets);
  tcase_add_test (tc, test_ref_unref);
  tcase_add_test (tc, test_equal);
  suite_add_tcase (suite, tc);

  if (terrind_test_forks ())
    {
      TCase *critical = tcase_create ("programmer-errors");

      tcase_add_test_raise_signal (critical, test_null_commitment_is_a_programmer_error, SIGTRAP);
      suite_add_tcase (suite, critical);
    }
  return suite;
}

int
main (void)
{
  return terrind_test_run (commitment_suite ());
}
