/* test-evaluation.c: where each commitment stands
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Nothing here measures time: the scaling case relies on Check's per-test
 * timeout, as test-scaling.c does.
 */

#include "config.h"

#include <signal.h>
#include <string.h>

#include "terrind-test-util.h"

/* Seconds for the scaling case (times CK_TIMEOUT_MULTIPLIER under
 * sanitizers). */
#define TIMEOUT 20

#define require(condition, ...)                                               \
  G_STMT_START {                                                              \
    if (G_UNLIKELY (!(condition)))                                            \
      ck_abort_msg (__VA_ARGS__);                                             \
  } G_STMT_END

/* Phases 1 (2018-2022) and 2 (2023-2027); 20 territories ti-01..ti-20 in
 * phase 1 (odd ones in region 84, even ones in 93), p2-a and p2-b in
 * phase 2.
 * conv-bdt (phase 1): bdt-equity, about 100 per year 2019-2022, themes
 *   friches and numérique; bdt-total, exactly 1000 in total over
 *   2019-2020; bdt-eng, no amount; bdt-ref, a referent per territory.
 * conv-bf (phase 1): bf-priority, about 20 priority and 5 reinforced a year
 *   2019-2022; bf-exact, exactly 3 priority, no years (so phase 1's);
 *   bf-tool, a tool.
 * conv-bpi (phase 2): bpi-exp, an experiment; bpi-ref, a referent per
 *   territory. */
static char *
fixture_xml (void)
{
  GString *xml = g_string_new (NULL);

  g_string_append (xml,
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<registry xmlns=\"urn:libterrind:registry\" version=\"2\">\n"
    "  <phases>\n"
    "    <phase number=\"1\" name=\"Phase 1\" first-year=\"2018\" last-year=\"2022\"/>\n"
    "    <phase number=\"2\" name=\"Phase 2\" first-year=\"2023\" last-year=\"2027\"/>\n"
    "  </phases>\n"
    "  <regions><region code=\"84\" name=\"Auvergne-Rhône-Alpes\"/>"
    "<region code=\"93\" name=\"Provence-Alpes-Côte d'Azur\"/></regions>\n"
    "  <operators>\n"
    "    <operator id=\"bdt\" name=\"Banque des Territoires\"/>\n"
    "    <operator id=\"bf\" name=\"Business France\"/>\n"
    "    <operator id=\"bpi\" name=\"Bpifrance\"/>\n"
    "  </operators>\n"
    "  <territories>\n");
  for (guint i = 1; i <= 20; i++)
    g_string_append_printf (xml,
                            "    <territory id=\"ti-%02u\" name=\"T%u\" region=\"%s\" phase=\"1\"/>\n",
                            i, i, i % 2 ? "84" : "93");
  g_string_append (xml,
    "    <territory id=\"p2-a\" name=\"A\" region=\"84\" phase=\"2\"/>\n"
    "    <territory id=\"p2-b\" name=\"B\" region=\"93\" phase=\"2\"/>\n"
    "  </territories>\n"
    "  <conventions>\n"
    "    <convention id=\"conv-bdt\" operator=\"bdt\" date=\"2019-03-05\" phase=\"1\">\n"
    "      <commitment id=\"bdt-eng\" kind=\"money-envelope\"><text>t</text></commitment>\n"
    "      <commitment id=\"bdt-equity\" kind=\"money-envelope\" amount=\"100\" "
    "period=\"per-year\" first-year=\"2019\" last-year=\"2022\" approximate=\"true\">\n"
    "        <text>t</text><theme>friches</theme><theme>numérique</theme>\n"
    "      </commitment>\n"
    "      <commitment id=\"bdt-ref\" kind=\"referent-per-territory\"><text>t</text></commitment>\n"
    "      <commitment id=\"bdt-total\" kind=\"money-envelope\" amount=\"1000\" "
    "period=\"total\" first-year=\"2019\" last-year=\"2020\"><text>t</text></commitment>\n"
    "    </convention>\n"
    "    <convention id=\"conv-bf\" operator=\"bf\" date=\"2019-03-05\" phase=\"1\">\n"
    "      <commitment id=\"bf-exact\" kind=\"yearly-target\">\n"
    "        <text>t</text><target level=\"priority\" count=\"3\"/>\n"
    "      </commitment>\n"
    "      <commitment id=\"bf-priority\" kind=\"yearly-target\" first-year=\"2019\" "
    "last-year=\"2022\" approximate=\"true\">\n"
    "        <text>t</text><target level=\"priority\" count=\"20\"/>"
    "<target level=\"reinforced\" count=\"5\"/>\n"
    "      </commitment>\n"
    "      <commitment id=\"bf-tool\" kind=\"tool\"><text>t</text></commitment>\n"
    "    </convention>\n"
    "    <convention id=\"conv-bpi\" operator=\"bpi\" date=\"2023-11-09\" phase=\"2\">\n"
    "      <commitment id=\"bpi-exp\" kind=\"experiment\"><text>t</text></commitment>\n"
    "      <commitment id=\"bpi-ref\" kind=\"referent-per-territory\"><text>t</text></commitment>\n"
    "    </convention>\n"
    "  </conventions>\n"
    "  <referents/>\n"
    "</registry>\n");
  return g_string_free (xml, FALSE);
}

static TerrindRegistry *
fixture (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *xml = fixture_xml ();
  TerrindRegistry *registry = terrind_registry_new_from_data (xml, strlen (xml), &error);

  terrind_assert_no_error (error);
  ck_assert_ptr_nonnull (registry);
  return registry;
}

static void
designate (TerrindRegistry *registry,
           const char      *commitment_id,
           guint            year,
           const char      *level,
           guint            first,
           guint            count)
{
  for (guint i = first; i < first + count; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *id = g_strdup_printf ("d-%s-%u-%02u", commitment_id, year, i);
      g_autofree char *territory = g_strdup_printf ("ti-%02u", i);
      g_autoptr(TerrindDesignation) d = terrind_designation_new (id, "bf", territory, year, level,
                                                                 commitment_id, &error);

      terrind_assert_no_error (error);
      ck_assert (terrind_registry_add_designation (registry, d, &error));
      terrind_assert_no_error (error);
    }
}

static void
invest (TerrindRegistry *registry,
        const char      *id,
        const char      *territory,
        guint            year,
        gint64           amount,
        const char      *commitment_id,
        const char      *theme)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TerrindInvestment) v = terrind_investment_new (id, "bdt", territory, year, amount,
                                                           commitment_id, &error);

  terrind_assert_no_error (error);
  if (theme != NULL)
    ck_assert (terrind_investment_set_theme (v, theme, &error));
  ck_assert (terrind_registry_add_investment (registry, v, &error));
  terrind_assert_no_error (error);
}

static void
refer (TerrindRegistry *registry,
       const char      *operator_id,
       const char      *territory,
       const char      *start,
       const char      *end)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = g_strdup_printf ("r-%s-%s", operator_id, territory);
  g_autoptr(TerrindReferent) r = terrind_referent_new (id, operator_id, territory,
                                                       "Personne fictive", &error);

  terrind_assert_no_error (error);
  if (start != NULL)
    ck_assert (terrind_referent_set_start_date (r, start, &error));
  if (end != NULL)
    ck_assert (terrind_referent_set_end_date (r, end, &error));
  ck_assert (terrind_registry_add_referent (registry, r, &error));
  terrind_assert_no_error (error);
}

static TerrindEvaluation *
evaluate (TerrindRegistry *registry,
          const char      *date,
          guint            year,
          guint            phase)
{
  g_autoptr(TerrindEvaluationOptions) options = terrind_evaluation_options_new ();
  g_autoptr(GError) error = NULL;
  TerrindEvaluation *ev;

  terrind_evaluation_options_set_date (options, date);
  terrind_evaluation_options_set_year (options, year);
  terrind_evaluation_options_set_phase (options, phase);
  ev = terrind_registry_evaluate (registry, options, &error);
  terrind_assert_no_error (error);
  ck_assert_ptr_nonnull (ev);
  return ev;
}

/* The index of the finding of @commitment_id, @year and @measure, or -1. */
static int
find (const TerrindEvaluation *ev,
      const char              *commitment_id,
      guint                    year,
      const char              *measure)
{
  for (guint i = 0; i < terrind_evaluation_get_n_findings (ev); i++)
    if (strcmp (terrind_evaluation_get_commitment_id (ev, i), commitment_id) == 0
        && terrind_evaluation_get_year (ev, i) == year
        && strcmp (terrind_evaluation_get_measure (ev, i), measure) == 0)
      return (int) i;
  return -1;
}

/* "ti-01,ti-02" */
static char *
territories_of (const TerrindEvaluation *ev,
                guint                    i)
{
  GString *s = g_string_new (NULL);

  for (guint j = 0; j < terrind_evaluation_get_n_territories (ev, i); j++)
    g_string_append_printf (s, "%s%s", j ? "," : "", terrind_evaluation_get_territory (ev, i, j));
  return g_string_free (s, FALSE);
}

#define expect(ev, commitment, year, measure, status, value, target)          \
  G_STMT_START {                                                              \
    int expect_i_ = find ((ev), (commitment), (year), (measure));             \
    ck_assert_msg (expect_i_ >= 0, "no finding %s %u %s", (commitment),       \
                   (guint) (year), (measure));                                \
    ck_assert_msg (terrind_evaluation_get_status ((ev), expect_i_) == (status),\
                   "%s %u %s: %s, expected %s", (commitment), (guint) (year), \
                   (measure),                                                 \
                   terrind_status_to_string (terrind_evaluation_get_status ((ev), expect_i_)), \
                   terrind_status_to_string (status));                        \
    ck_assert_int_eq (terrind_evaluation_get_value ((ev), expect_i_), (value));\
    ck_assert_int_eq (terrind_evaluation_get_target ((ev), expect_i_), (target));\
  } G_STMT_END

START_TEST (test_status_strings)
{
  static const char *const names[] = {
    "met", "partial", "missed", "pending", "not-measurable", "info",
  };
  TerrindStatus status = TERRIND_STATUS_MET;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      ck_assert_str_eq (terrind_status_to_string ((TerrindStatus) i), names[i]);
      ck_assert (terrind_status_from_string (names[i], &status));
      ck_assert_int_eq (status, i);
    }
  ck_assert_ptr_null (terrind_status_to_string ((TerrindStatus) 99));
  status = TERRIND_STATUS_PENDING;
  ck_assert (!terrind_status_from_string ("Met", &status));
  ck_assert (!terrind_status_from_string ("", &status));
  ck_assert (!terrind_status_from_string (NULL, &status));
  ck_assert_int_eq (status, TERRIND_STATUS_PENDING);
}
END_TEST

START_TEST (test_options)
{
  TerrindEvaluationOptions *options = terrind_evaluation_options_new ();

  ck_assert_ptr_null (terrind_evaluation_options_get_date (options));
  ck_assert_uint_eq (terrind_evaluation_options_get_year (options), 0);
  ck_assert_uint_eq (terrind_evaluation_options_get_phase (options), 0);
  terrind_evaluation_options_set_date (options, "2021-06-30");
  terrind_evaluation_options_set_year (options, 2021);
  terrind_evaluation_options_set_phase (options, 1);
  ck_assert_str_eq (terrind_evaluation_options_get_date (options), "2021-06-30");
  ck_assert_uint_eq (terrind_evaluation_options_get_year (options), 2021);
  ck_assert_uint_eq (terrind_evaluation_options_get_phase (options), 1);
  /* Setting a string from the options themselves is safe. */
  terrind_evaluation_options_set_date (options, terrind_evaluation_options_get_date (options));
  ck_assert_str_eq (terrind_evaluation_options_get_date (options), "2021-06-30");
  terrind_evaluation_options_set_date (options, NULL);
  ck_assert_ptr_null (terrind_evaluation_options_get_date (options));
  ck_assert_ptr_eq (terrind_evaluation_options_ref (options), options);
  terrind_evaluation_options_unref (options);
  terrind_evaluation_options_unref (options);
  terrind_evaluation_options_unref (NULL);
}
END_TEST

START_TEST (test_failures)
{
  g_autoptr(TerrindRegistry) registry = fixture ();
  g_autoptr(TerrindEvaluationOptions) options = terrind_evaluation_options_new ();
  g_autoptr(GError) error = NULL;
  static const char *const bad_dates[] = { "2021-02-30", "2021/06/30", "", "tomorrow" };

  for (guint i = 0; i < G_N_ELEMENTS (bad_dates); i++)
    {
      terrind_evaluation_options_set_date (options, bad_dates[i]);
      ck_assert_ptr_null (terrind_registry_evaluate (registry, options, &error));
      terrind_assert_error (error, TERRIND_ERROR_INVALID_VALUE);
    }
  terrind_evaluation_options_set_date (options, "2021-06-30");
  terrind_evaluation_options_set_year (options, 1800);
  ck_assert_ptr_null (terrind_registry_evaluate (registry, options, &error));
  terrind_assert_error (error, TERRIND_ERROR_INVALID_VALUE);
  terrind_evaluation_options_set_year (options, 0);
  terrind_evaluation_options_set_phase (options, 3);
  ck_assert_ptr_null (terrind_registry_evaluate (registry, options, &error));
  terrind_assert_error (error, TERRIND_ERROR_NOT_FOUND);
  /* Errors are optional. */
  ck_assert_ptr_null (terrind_registry_evaluate (registry, options, NULL));
}
END_TEST

START_TEST (test_getters_and_refs)
{
  g_autoptr(TerrindRegistry) registry = fixture ();
  TerrindEvaluation *ev;
  g_autoptr(GError) error = NULL;
  guint n;
  int i;

  ev = terrind_registry_evaluate (registry, NULL, &error);
  terrind_assert_no_error (error);
  ck_assert_ptr_nonnull (ev);
  /* NULL options: today. */
  ck_assert_uint_eq (strlen (terrind_evaluation_get_date (ev)), 10);
  n = terrind_evaluation_get_n_findings (ev);
  ck_assert_uint_gt (n, 0);
  ck_assert_ptr_eq (terrind_evaluation_ref (ev), ev);
  terrind_evaluation_unref (ev);

  /* Order: convention id, then commitment id. */
  ck_assert_str_eq (terrind_evaluation_get_convention_id (ev, 0), "conv-bdt");
  ck_assert_str_eq (terrind_evaluation_get_commitment_id (ev, 0), "bdt-eng");
  ck_assert_str_eq (terrind_evaluation_get_convention_id (ev, n - 1), "conv-bpi");
  ck_assert_str_eq (terrind_evaluation_get_commitment_id (ev, n - 1), "bpi-ref");
  for (guint k = 1; k < n; k++)
    {
      int c = strcmp (terrind_evaluation_get_convention_id (ev, k - 1),
                      terrind_evaluation_get_convention_id (ev, k));

      ck_assert_int_le (c, 0);
      if (c == 0)
        ck_assert_int_le (strcmp (terrind_evaluation_get_commitment_id (ev, k - 1),
                                  terrind_evaluation_get_commitment_id (ev, k)), 0);
    }

  i = find (ev, "bf-tool", 0, "none");
  ck_assert_int_ge (i, 0);
  ck_assert_int_eq (terrind_evaluation_get_kind (ev, i), TERRIND_COMMITMENT_TOOL);
  ck_assert (!terrind_evaluation_has_target (ev, i));
  ck_assert_int_eq (terrind_evaluation_get_target (ev, i), 0);
  ck_assert_int_eq (terrind_evaluation_get_value (ev, i), 0);
  ck_assert_uint_eq (terrind_evaluation_get_n_territories (ev, i), 0);
  i = find (ev, "bdt-ref", 0, "referents");
  ck_assert_int_eq (terrind_evaluation_get_kind (ev, i),
                    TERRIND_COMMITMENT_REFERENT_PER_TERRITORY);
  ck_assert (terrind_evaluation_has_target (ev, i));

  /* The evaluation outlives its registry. */
  g_clear_pointer (&registry, terrind_registry_unref);
  ck_assert_str_eq (terrind_evaluation_get_territory (ev, i, 0), "ti-01");
  terrind_evaluation_unref (ev);
  terrind_evaluation_unref (NULL);
}
END_TEST

/* Out-of-range indexes are programmer errors: criticals, made fatal. */
START_TEST (test_index_out_of_range)
{
  g_autoptr(TerrindRegistry) registry = fixture ();
  g_autoptr(TerrindEvaluation) ev = evaluate (registry, "2021-06-30", 0, 0);

  (void) terrind_evaluation_get_measure (ev, terrind_evaluation_get_n_findings (ev));
}
END_TEST

START_TEST (test_territory_out_of_range)
{
  g_autoptr(TerrindRegistry) registry = fixture ();
  g_autoptr(TerrindEvaluation) ev = evaluate (registry, "2021-06-30", 0, 0);

  (void) terrind_evaluation_get_territory (ev, find (ev, "bf-tool", 0, "none"), 0);
}
END_TEST

START_TEST (test_not_measurable)
{
  g_autoptr(TerrindRegistry) registry = fixture ();
  g_autoptr(TerrindEvaluation) ev = evaluate (registry, "2021-06-30", 0, 0);

  expect (ev, "bf-tool", 0, "none", TERRIND_STATUS_NOT_MEASURABLE, 0, 0);
  expect (ev, "bpi-exp", 0, "none", TERRIND_STATUS_NOT_MEASURABLE, 0, 0);
  ck_assert_int_eq (terrind_evaluation_get_kind (ev, find (ev, "bpi-exp", 0, "none")),
                    TERRIND_COMMITMENT_EXPERIMENT);
}
END_TEST

START_TEST (test_referents)
{
  g_autoptr(TerrindRegistry) registry = fixture ();
  g_autoptr(TerrindEvaluation) none = NULL;
  g_autoptr(TerrindEvaluation) some = NULL;
  g_autoptr(TerrindEvaluation) all = NULL;
  g_autofree char *missing = NULL;
  int i;

  none = evaluate (registry, "2021-06-30", 0, 0);
  expect (none, "bdt-ref", 0, "referents", TERRIND_STATUS_MISSED, 0, 20);
  i = find (none, "bdt-ref", 0, "referents");
  ck_assert_uint_eq (terrind_evaluation_get_n_territories (none, i), 20);
  ck_assert (terrind_evaluation_has_missed (none));
  /* Phase 2's convention counts phase 2's territories only. */
  expect (none, "bpi-ref", 0, "referents", TERRIND_STATUS_MISSED, 0, 2);

  /* ti-01 ended before the date, ti-02 starts after it: neither counts. */
  refer (registry, "bdt", "ti-01", "2019-01-01", "2020-12-31");
  refer (registry, "bdt", "ti-02", "2022-01-01", NULL);
  for (guint t = 3; t <= 19; t++)
    {
      g_autofree char *id = g_strdup_printf ("ti-%02u", t);

      refer (registry, "bdt", id, "2019-01-01", NULL);
    }
  refer (registry, "bpi", "p2-a", NULL, NULL);
  refer (registry, "bpi", "p2-b", NULL, NULL);
  some = evaluate (registry, "2021-06-30", 0, 0);
  expect (some, "bdt-ref", 0, "referents", TERRIND_STATUS_PARTIAL, 17, 20);
  missing = territories_of (some, find (some, "bdt-ref", 0, "referents"));
  ck_assert_str_eq (missing, "ti-01,ti-02,ti-20");
  expect (some, "bpi-ref", 0, "referents", TERRIND_STATUS_MET, 2, 2);

  refer (registry, "bdt", "ti-20", NULL, NULL);
  all = evaluate (registry, "2022-06-30", 0, 0);
  expect (all, "bdt-ref", 0, "referents", TERRIND_STATUS_PARTIAL, 19, 20);
  g_clear_pointer (&all, terrind_evaluation_unref);
  all = evaluate (registry, "2020-06-30", 0, 0);
  expect (all, "bdt-ref", 0, "referents", TERRIND_STATUS_PARTIAL, 19, 20);
}
END_TEST

/* A registry with no phases covers every territory; one with no territory
 * has nothing to measure. */
START_TEST (test_referents_without_phases)
{
  g_autoptr(TerrindRegistry) registry = terrind_registry_new ();
  g_autoptr(TerrindRegion) region = terrind_test_region ("84");
  g_autoptr(TerrindOperator) op = terrind_test_operator ("bpifrance");
  g_autoptr(TerrindConvention) conv = terrind_test_convention ("conv-1", "bpifrance");
  g_autoptr(TerrindCommitment) c = NULL;
  g_autoptr(TerrindTerritory) t = terrind_test_territory ("ti-x", "84");
  g_autoptr(TerrindEvaluation) empty = NULL;
  g_autoptr(TerrindEvaluation) ev = NULL;
  g_autoptr(GError) error = NULL;

  c = terrind_commitment_new ("c-ref", TERRIND_COMMITMENT_REFERENT_PER_TERRITORY, "t", &error);
  terrind_assert_no_error (error);
  ck_assert (terrind_convention_add_commitment (conv, c, &error));
  ck_assert (terrind_registry_add_region (registry, region, &error));
  ck_assert (terrind_registry_add_operator (registry, op, &error));
  ck_assert (terrind_registry_add_convention (registry, conv, &error));
  terrind_assert_no_error (error);

  empty = evaluate (registry, "2021-06-30", 0, 0);
  expect (empty, "c-ref", 0, "referents", TERRIND_STATUS_NOT_MEASURABLE, 0, 0);
  ck_assert (!terrind_evaluation_has_target (empty, find (empty, "c-ref", 0, "referents")));
  ck_assert (!terrind_evaluation_has_missed (empty));

  ck_assert (terrind_registry_add_territory (registry, t, &error));
  terrind_assert_no_error (error);
  ev = evaluate (registry, "2021-06-30", 0, 0);
  expect (ev, "c-ref", 0, "referents", TERRIND_STATUS_MISSED, 0, 1);
}
END_TEST

START_TEST (test_yearly_target)
{
  g_autoptr(TerrindRegistry) registry = fixture ();
  g_autoptr(TerrindEvaluation) ev = NULL;
  g_autofree char *designated = NULL;
  int i;

  designate (registry, "bf-priority", 2019, "priority", 1, 18);    /* about 20: met */
  designate (registry, "bf-priority", 2019, "reinforced", 19, 2);  /* about 5: partial */
  designate (registry, "bf-priority", 2020, "priority", 1, 17);    /* 17 < 18: partial */
  designate (registry, "bf-priority", 2020, "reinforced", 18, 3);
  designate (registry, "bf-priority", 2022, "priority", 1, 20);    /* future, met */
  designate (registry, "bf-exact", 2018, "priority", 1, 3);        /* exactly 3: met */
  designate (registry, "bf-exact", 2021, "priority", 1, 2);        /* 2 < 3: partial */

  ev = evaluate (registry, "2021-06-30", 0, 0);
  expect (ev, "bf-priority", 2019, "designations:priority", TERRIND_STATUS_MET, 18, 20);
  expect (ev, "bf-priority", 2019, "designations:reinforced", TERRIND_STATUS_PARTIAL, 2, 5);
  expect (ev, "bf-priority", 2020, "designations:priority", TERRIND_STATUS_PARTIAL, 17, 20);
  expect (ev, "bf-priority", 2020, "designations:reinforced", TERRIND_STATUS_PARTIAL, 3, 5);
  /* 2021 is the date's year: over enough to be missed. */
  expect (ev, "bf-priority", 2021, "designations:priority", TERRIND_STATUS_MISSED, 0, 20);
  expect (ev, "bf-priority", 2021, "designations:reinforced", TERRIND_STATUS_MISSED, 0, 5);
  /* 2022 is after it: pending, unless already met. */
  expect (ev, "bf-priority", 2022, "designations:priority", TERRIND_STATUS_MET, 20, 20);
  expect (ev, "bf-priority", 2022, "designations:reinforced", TERRIND_STATUS_PENDING, 0, 5);
  ck_assert_int_eq (find (ev, "bf-priority", 2018, "designations:priority"), -1);
  ck_assert_int_eq (find (ev, "bf-priority", 2023, "designations:priority"), -1);
  i = find (ev, "bf-priority", 2019, "designations:reinforced");
  designated = territories_of (ev, i);
  ck_assert_str_eq (designated, "ti-19,ti-20");
  ck_assert (terrind_evaluation_has_target (ev, i));
  ck_assert_int_eq (terrind_evaluation_get_kind (ev, i), TERRIND_COMMITMENT_YEARLY_TARGET);

  /* No years of its own: phase 1's, 2018 to 2022; not approximate. */
  expect (ev, "bf-exact", 2018, "designations:priority", TERRIND_STATUS_MET, 3, 3);
  expect (ev, "bf-exact", 2019, "designations:priority", TERRIND_STATUS_MISSED, 0, 3);
  expect (ev, "bf-exact", 2021, "designations:priority", TERRIND_STATUS_PARTIAL, 2, 3);
  expect (ev, "bf-exact", 2022, "designations:priority", TERRIND_STATUS_PENDING, 0, 3);
  ck_assert (terrind_evaluation_has_missed (ev));
}
END_TEST

/* "About N" is met at 90 % of N, rounded up: 18 of 20, 5 of 5, 9 of 10. */
START_TEST (test_approximate_boundary)
{
  static const struct { guint target; guint below; guint at; } cases[] = {
    { 20, 17, 18 }, { 5, 4, 5 }, { 10, 8, 9 }, { 11, 9, 10 }, { 1, 0, 1 },
  };

  for (guint k = 0; k < G_N_ELEMENTS (cases); k++)
    {
      g_autoptr(TerrindRegistry) registry = fixture ();
      g_autoptr(TerrindEvaluation) ev = NULL;
      TerrindConvention *conv = terrind_registry_get_convention (registry, "conv-bf");
      g_autoptr(TerrindCommitment) c = NULL;
      g_autoptr(GError) error = NULL;

      c = terrind_commitment_new ("bf-about", TERRIND_COMMITMENT_YEARLY_TARGET, "t", &error);
      ck_assert (terrind_commitment_add_target (c, "priority", cases[k].target, &error));
      ck_assert (terrind_commitment_set_years (c, 2019, 2020, &error));
      terrind_commitment_set_approximate (c, TRUE);
      ck_assert (terrind_convention_add_commitment (conv, c, &error));
      terrind_assert_no_error (error);
      designate (registry, "bf-about", 2019, "priority", 1, cases[k].below);
      designate (registry, "bf-about", 2020, "priority", 1, cases[k].at);
      ev = evaluate (registry, "2021-01-01", 0, 0);
      expect (ev, "bf-about", 2019, "designations:priority",
              cases[k].below > 0 ? TERRIND_STATUS_PARTIAL : TERRIND_STATUS_MISSED,
              cases[k].below, cases[k].target);
      expect (ev, "bf-about", 2020, "designations:priority", TERRIND_STATUS_MET,
              cases[k].at, cases[k].target);
    }
}
END_TEST

START_TEST (test_money_per_year)
{
  g_autoptr(TerrindRegistry) registry = fixture ();
  g_autoptr(TerrindEvaluation) ev = NULL;
  g_autofree char *invested = NULL;
  int i;

  invest (registry, "i-1", "ti-01", 2019, 60, "bdt-equity", "friches");
  invest (registry, "i-2", "ti-02", 2019, 30, "bdt-equity", NULL);     /* 90: about 100, met */
  invest (registry, "i-3", "ti-01", 2020, 89, "bdt-equity", "numérique");  /* partial */
  invest (registry, "i-4", "ti-03", 2022, 10, "bdt-equity", "friches");    /* pending */

  ev = evaluate (registry, "2021-06-30", 0, 0);
  expect (ev, "bdt-equity", 2019, "investment", TERRIND_STATUS_MET, 90, 100);
  expect (ev, "bdt-equity", 2020, "investment", TERRIND_STATUS_PARTIAL, 89, 100);
  expect (ev, "bdt-equity", 2021, "investment", TERRIND_STATUS_MISSED, 0, 100);
  expect (ev, "bdt-equity", 2022, "investment", TERRIND_STATUS_PENDING, 10, 100);
  i = find (ev, "bdt-equity", 2019, "investment");
  invested = territories_of (ev, i);
  ck_assert_str_eq (invested, "ti-01,ti-02");
  ck_assert_int_eq (terrind_evaluation_get_kind (ev, i), TERRIND_COMMITMENT_MONEY_ENVELOPE);

  /* Breakdowns: figures with no target, in order: themes, then regions. */
  expect (ev, "bdt-equity", 2019, "investment:theme:friches", TERRIND_STATUS_INFO, 60, 0);
  expect (ev, "bdt-equity", 2019, "investment:theme:numérique", TERRIND_STATUS_INFO, 0, 0);
  expect (ev, "bdt-equity", 2019, "investment:region:84", TERRIND_STATUS_INFO, 60, 0);
  expect (ev, "bdt-equity", 2019, "investment:region:93", TERRIND_STATUS_INFO, 30, 0);
  ck_assert (!terrind_evaluation_has_target (ev, find (ev, "bdt-equity", 2019,
                                                       "investment:region:93")));
  ck_assert_int_eq (find (ev, "bdt-equity", 2019, "investment:theme:friches"), i + 1);
  ck_assert_int_eq (find (ev, "bdt-equity", 2019, "investment:theme:numérique"), i + 2);
  ck_assert_int_eq (find (ev, "bdt-equity", 2019, "investment:region:84"), i + 3);
  ck_assert_int_eq (find (ev, "bdt-equity", 2019, "investment:region:93"), i + 4);
  ck_assert_int_eq (find (ev, "bdt-equity", 2020, "investment"), i + 5);
  /* A year with nothing has its declared themes, no region. */
  expect (ev, "bdt-equity", 2021, "investment:theme:friches", TERRIND_STATUS_INFO, 0, 0);
  ck_assert_int_eq (find (ev, "bdt-equity", 2021, "investment:region:84"), -1);
}
END_TEST

START_TEST (test_money_total_and_none)
{
  g_autoptr(TerrindRegistry) registry = fixture ();
  g_autoptr(TerrindEvaluation) before = NULL;
  g_autoptr(TerrindEvaluation) after = NULL;
  g_autoptr(TerrindEvaluation) met = NULL;

  invest (registry, "t-1", "ti-01", 2019, 400, "bdt-total", NULL);
  invest (registry, "t-2", "ti-02", 2020, 500, "bdt-total", NULL);
  invest (registry, "e-1", "ti-02", 2021, 7, "bdt-eng", NULL);

  /* Exactly 1000 over 2019-2020: 900 is partial once 2020 is over. */
  before = evaluate (registry, "2020-06-30", 0, 0);
  expect (before, "bdt-total", 0, "investment", TERRIND_STATUS_PARTIAL, 900, 1000);
  after = evaluate (registry, "2019-06-30", 0, 0);
  expect (after, "bdt-total", 0, "investment", TERRIND_STATUS_PENDING, 900, 1000);
  ck_assert_int_eq (find (after, "bdt-total", 2019, "investment"), -1);
  /* No amount: a figure. */
  expect (after, "bdt-eng", 0, "investment", TERRIND_STATUS_INFO, 7, 0);
  ck_assert (!terrind_evaluation_has_target (after, find (after, "bdt-eng", 0, "investment")));
  expect (after, "bdt-eng", 0, "investment:region:93", TERRIND_STATUS_INFO, 7, 0);

  invest (registry, "t-3", "ti-03", 2020, 100, "bdt-total", NULL);
  met = evaluate (registry, "2030-01-01", 0, 0);
  expect (met, "bdt-total", 0, "investment", TERRIND_STATUS_MET, 1000, 1000);
}
END_TEST

START_TEST (test_year_filter)
{
  g_autoptr(TerrindRegistry) registry = fixture ();
  g_autoptr(TerrindEvaluation) ev = NULL;
  g_autoptr(TerrindEvaluation) late = NULL;

  ev = evaluate (registry, "2021-06-30", 2020, 0);
  for (guint i = 0; i < terrind_evaluation_get_n_findings (ev); i++)
    {
      guint year = terrind_evaluation_get_year (ev, i);

      ck_assert_msg (year == 0 || year == 2020, "finding %u is of %u", i, year);
    }
  ck_assert_int_ge (find (ev, "bf-priority", 2020, "designations:priority"), 0);
  ck_assert_int_eq (find (ev, "bf-priority", 2019, "designations:priority"), -1);
  ck_assert_int_ge (find (ev, "bdt-equity", 2020, "investment"), 0);
  ck_assert_int_ge (find (ev, "bdt-total", 0, "investment"), 0);   /* 2019-2020 */
  ck_assert_int_ge (find (ev, "bdt-ref", 0, "referents"), 0);
  ck_assert_int_ge (find (ev, "bf-tool", 0, "none"), 0);

  late = evaluate (registry, "2021-06-30", 2022, 0);
  ck_assert_int_eq (find (late, "bdt-total", 0, "investment"), -1);
  ck_assert_int_ge (find (late, "bdt-equity", 2022, "investment"), 0);
}
END_TEST

START_TEST (test_phase_filter)
{
  g_autoptr(TerrindRegistry) registry = fixture ();
  g_autoptr(TerrindEvaluation) one = evaluate (registry, "2021-06-30", 0, 1);
  g_autoptr(TerrindEvaluation) two = evaluate (registry, "2021-06-30", 0, 2);

  for (guint i = 0; i < terrind_evaluation_get_n_findings (one); i++)
    ck_assert_str_ne (terrind_evaluation_get_convention_id (one, i), "conv-bpi");
  ck_assert_int_ge (find (one, "bf-tool", 0, "none"), 0);
  ck_assert_uint_eq (terrind_evaluation_get_n_findings (two), 2);
  ck_assert_str_eq (terrind_evaluation_get_commitment_id (two, 0), "bpi-exp");
  ck_assert_str_eq (terrind_evaluation_get_commitment_id (two, 1), "bpi-ref");
}
END_TEST

START_TEST (test_has_missed)
{
  g_autoptr(TerrindRegistry) registry = fixture ();
  g_autoptr(TerrindEvaluation) missed = NULL;
  g_autoptr(TerrindEvaluation) fine = NULL;

  missed = evaluate (registry, "2023-06-30", 0, 2);
  ck_assert (terrind_evaluation_has_missed (missed));   /* bpi-ref */
  refer (registry, "bpi", "p2-a", NULL, NULL);
  refer (registry, "bpi", "p2-b", NULL, NULL);
  fine = evaluate (registry, "2023-06-30", 0, 2);
  ck_assert (!terrind_evaluation_has_missed (fine));
}
END_TEST

/* The evaluation does not change the registry. */
START_TEST (test_registry_unchanged)
{
  g_autoptr(TerrindRegistry) registry = fixture ();
  g_autoptr(TerrindEvaluation) ev = NULL;
  g_autofree char *before = NULL;

  designate (registry, "bf-priority", 2019, "priority", 1, 5);
  invest (registry, "i-1", "ti-01", 2019, 60, "bdt-equity", "friches");
  before = terrind_test_dump_registry (registry);
  ev = evaluate (registry, "2021-06-30", 0, 0);
  terrind_assert_registry_unchanged (registry, before);
}
END_TEST

/* ---- the demo file ----------------------------------------------------- */

static TerrindRegistry *
demo_registry (void)
{
  const char *top = g_getenv ("TERRIND_TOP_SRCDIR");
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  TerrindRegistry *registry;

  ck_assert_msg (top != NULL, "TERRIND_TOP_SRCDIR is not set");
  path = g_build_filename (top, "examples", "commitments-demo.xml", NULL);
  registry = terrind_registry_new_from_file (path, &error);
  terrind_assert_no_error (error);
  ck_assert_ptr_nonnull (registry);
  return registry;
}

START_TEST (test_demo)
{
  g_autoptr(TerrindRegistry) registry = demo_registry ();
  g_autoptr(TerrindEvaluation) ev = evaluate (registry, "2021-06-30", 0, 0);
  g_autoptr(TerrindEvaluation) later = NULL;
  g_autofree char *missing = NULL;
  const char *pd = "designations:priority";
  const char *rd = "designations:reinforced";

  ck_assert_str_eq (terrind_evaluation_get_date (ev), "2021-06-30");
  /* Banque des Territoires */
  expect (ev, "bdt-engineering-envelope", 0, "investment", TERRIND_STATUS_INFO, 200000, 0);
  expect (ev, "bdt-equity-envelope", 2019, "investment", TERRIND_STATUS_MET, 95000000, 100000000);
  expect (ev, "bdt-equity-envelope", 2020, "investment", TERRIND_STATUS_PARTIAL, 40000000,
          100000000);
  expect (ev, "bdt-equity-envelope", 2021, "investment", TERRIND_STATUS_MISSED, 0, 100000000);
  expect (ev, "bdt-equity-envelope", 2022, "investment", TERRIND_STATUS_MET, 120000000,
          100000000);
  expect (ev, "bdt-equity-envelope", 2019, "investment:theme:foncier et immobilier industriel",
          TERRIND_STATUS_INFO, 30000000, 0);
  expect (ev, "bdt-single-referent", 0, "referents", TERRIND_STATUS_PARTIAL, 23, 26);
  missing = territories_of (ev, find (ev, "bdt-single-referent", 0, "referents"));
  ck_assert_str_eq (missing, "tf-01,tf-02,tf-03");
  /* Bpifrance */
  expect (ev, "bpi-accelerators", 0, "none", TERRIND_STATUS_NOT_MEASURABLE, 0, 0);
  expect (ev, "bpi-single-referent", 0, "referents", TERRIND_STATUS_MISSED, 0, 26);
  expect (ev, "bpi-vte-experiment", 0, "none", TERRIND_STATUS_NOT_MEASURABLE, 0, 0);
  /* Business France */
  expect (ev, "bf-coach-international", 0, "referents", TERRIND_STATUS_MET, 26, 26);
  expect (ev, "bf-single-referent", 0, "referents", TERRIND_STATUS_MET, 26, 26);
  expect (ev, "bf-priority-territories", 2019, pd, TERRIND_STATUS_MET, 20, 20);
  expect (ev, "bf-priority-territories", 2019, rd, TERRIND_STATUS_MET, 5, 5);
  expect (ev, "bf-priority-territories", 2020, pd, TERRIND_STATUS_MET, 18, 20);
  expect (ev, "bf-priority-territories", 2020, rd, TERRIND_STATUS_PARTIAL, 4, 5);
  expect (ev, "bf-priority-territories", 2021, pd, TERRIND_STATUS_PARTIAL, 17, 20);
  expect (ev, "bf-priority-territories", 2021, rd, TERRIND_STATUS_MISSED, 0, 5);
  expect (ev, "bf-priority-territories", 2022, pd, TERRIND_STATUS_PENDING, 0, 20);
  expect (ev, "bf-priority-territories", 2022, rd, TERRIND_STATUS_PENDING, 0, 5);
  /* Pôle emploi */
  expect (ev, "pe-formadiag", 0, "none", TERRIND_STATUS_NOT_MEASURABLE, 0, 0);
  expect (ev, "pe-referent-advisor", 0, "referents", TERRIND_STATUS_PARTIAL, 13, 26);
  expect (ev, "pe-single-referent", 0, "referents", TERRIND_STATUS_PARTIAL, 13, 26);
  ck_assert (terrind_evaluation_has_missed (ev));

  /* Once 2022 is over, its years are missed; the 2020-12-31 departures
   * have not changed. */
  later = evaluate (registry, "2023-01-15", 0, 0);
  expect (later, "bf-priority-territories", 2022, pd, TERRIND_STATUS_MISSED, 0, 20);
  expect (later, "bdt-single-referent", 0, "referents", TERRIND_STATUS_PARTIAL, 23, 26);
}
END_TEST

/* ---- scaling ----------------------------------------------------------- */

/* Many records against few commitments: a rescan of every record per
 * commitment, year and level (or per record) is quadratic and runs into the
 * timeout; one pass is linear. Nothing measures time. */
START_TEST (test_scaling)
{
  g_autoptr(TerrindRegistry) registry = terrind_registry_new ();
  g_autoptr(TerrindEvaluation) ev = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TerrindRegion) region = terrind_test_region ("84");
  g_autoptr(TerrindOperator) op = terrind_test_operator ("bf");
  g_autoptr(TerrindConvention) conv = terrind_test_convention ("conv-bf", "bf");
  guint n_territories = terrind_test_forks () ? 20000 : 2000;
  guint n_years = 10, n_commitments = 500;
  gint64 designations = 0;

  ck_assert (terrind_registry_add_region (registry, region, &error));
  ck_assert (terrind_registry_add_operator (registry, op, &error));
  for (guint k = 0; k < n_commitments; k++)
    {
      g_autofree char *id = g_strdup_printf ("c-%03u", k);
      g_autoptr(TerrindCommitment) c = NULL;

      c = terrind_commitment_new (id, TERRIND_COMMITMENT_YEARLY_TARGET, "t", &error);
      /* Each (commitment, year) gets n_territories / n_commitments
       * designations below: exactly its target, whatever the size. */
      ck_assert (terrind_commitment_add_target (c, "priority", n_territories / n_commitments,
                                                &error));
      ck_assert (terrind_commitment_set_years (c, 2011, 2010 + n_years, &error));
      ck_assert (terrind_convention_add_commitment (conv, c, &error));
    }
  {
    g_autoptr(TerrindCommitment) r = NULL;

    r = terrind_commitment_new ("c-ref", TERRIND_COMMITMENT_REFERENT_PER_TERRITORY, "t", &error);
    ck_assert (terrind_convention_add_commitment (conv, r, &error));
  }
  ck_assert (terrind_registry_add_convention (registry, conv, &error));
  terrind_assert_no_error (error);

  for (guint t = 0; t < n_territories; t++)
    {
      char id[32];
      g_autoptr(TerrindTerritory) territory = NULL;

      g_snprintf (id, sizeof id, "ti-%07u", t);
      territory = terrind_test_territory (id, "84");
      require (terrind_registry_add_territory (registry, territory, &error), "%s", id);
      /* Each territory designated once a year, for one commitment. */
      for (guint y = 0; y < n_years; y++)
        {
          char did[48], cid[16];
          g_autoptr(TerrindDesignation) d = NULL;

          g_snprintf (did, sizeof did, "d-%07u-%u", t, y);
          g_snprintf (cid, sizeof cid, "c-%03u", (t + y) % n_commitments);
          d = terrind_designation_new (did, "bf", id, 2011 + y, "priority", cid, &error);
          require (d != NULL && terrind_registry_add_designation (registry, d, &error),
                   "%s: %s", did, error != NULL ? error->message : "");
          designations++;
        }
    }

  ev = evaluate (registry, "2030-01-01", 0, 0);
  ck_assert_uint_eq (terrind_evaluation_get_n_findings (ev), n_commitments * n_years + 1);
  {
    gint64 total = 0;

    for (guint i = 0; i < terrind_evaluation_get_n_findings (ev); i++)
      if (strcmp (terrind_evaluation_get_measure (ev, i), "designations:priority") == 0)
        {
          total += terrind_evaluation_get_value (ev, i);
          require (terrind_evaluation_get_status (ev, i) == TERRIND_STATUS_MET, "finding %u", i);
          require (terrind_evaluation_get_n_territories (ev, i)
                   == (guint) terrind_evaluation_get_value (ev, i), "finding %u", i);
        }
    ck_assert_int_eq (total, designations);
  }
  expect (ev, "c-ref", 0, "referents", TERRIND_STATUS_MISSED, 0, n_territories);
  ck_assert_uint_eq (terrind_evaluation_get_n_territories (ev, find (ev, "c-ref", 0, "referents")),
                     n_territories);
}
END_TEST

static Suite *
evaluation_suite (void)
{
  Suite *suite = suite_create ("evaluation");
  TCase *tc = tcase_create ("evaluation");
  TCase *scaling = tcase_create ("scaling");

  tcase_add_test (tc, test_status_strings);
  tcase_add_test (tc, test_options);
  tcase_add_test (tc, test_failures);
  tcase_add_test (tc, test_getters_and_refs);
  if (terrind_test_forks ())
    {
      tcase_add_test_raise_signal (tc, test_index_out_of_range, SIGTRAP);
      tcase_add_test_raise_signal (tc, test_territory_out_of_range, SIGTRAP);
    }
  tcase_add_test (tc, test_not_measurable);
  tcase_add_test (tc, test_referents);
  tcase_add_test (tc, test_referents_without_phases);
  tcase_add_test (tc, test_yearly_target);
  tcase_add_test (tc, test_approximate_boundary);
  tcase_add_test (tc, test_money_per_year);
  tcase_add_test (tc, test_money_total_and_none);
  tcase_add_test (tc, test_year_filter);
  tcase_add_test (tc, test_phase_filter);
  tcase_add_test (tc, test_has_missed);
  tcase_add_test (tc, test_registry_unchanged);
  tcase_add_test (tc, test_demo);
  suite_add_tcase (suite, tc);

  tcase_set_timeout (scaling, TIMEOUT);
  tcase_add_test (scaling, test_scaling);
  suite_add_tcase (suite, scaling);
  return suite;
}

int
main (void)
{
  return terrind_test_run (evaluation_suite ());
}
