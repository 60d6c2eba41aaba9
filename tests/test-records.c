/* test-records.c: designations and investments, the records of what was done
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <string.h>

#include "terrind-test-util.h"

/* Phases 1 (2018-2022) and 2 (2023-2027); ti-a in phase 1, ti-b in phase 2;
 * bdt-equity (Banque des Territoires, 2019-2022, two themes), bf-priority
 * (Business France, targets priority and reinforced), bf-tool (Business
 * France, no period, no target). */
static const char fixture_xml[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<registry xmlns=\"urn:libterrind:registry\" version=\"2\">\n"
  "  <phases>\n"
  "    <phase number=\"1\" name=\"Phase 1\" first-year=\"2018\" last-year=\"2022\"/>\n"
  "    <phase number=\"2\" name=\"Phase 2\" first-year=\"2023\" last-year=\"2027\"/>\n"
  "  </phases>\n"
  "  <regions><region code=\"84\" name=\"Auvergne-Rhône-Alpes\"/></regions>\n"
  "  <operators>\n"
  "    <operator id=\"bdt\" name=\"Banque des Territoires\"/>\n"
  "    <operator id=\"bf\" name=\"Business France\"/>\n"
  "  </operators>\n"
  "  <territories>\n"
  "    <territory id=\"ti-a\" name=\"A\" region=\"84\" phase=\"1\"/>\n"
  "    <territory id=\"ti-b\" name=\"B\" region=\"84\" phase=\"2\"/>\n"
  "  </territories>\n"
  "  <conventions>\n"
  "    <convention id=\"conv-bdt\" operator=\"bdt\" date=\"2019-03-05\" phase=\"1\">\n"
  "      <commitment id=\"bdt-equity\" kind=\"money-envelope\" amount=\"100000000\" "
  "period=\"per-year\" first-year=\"2019\" last-year=\"2022\">\n"
  "        <text>t</text><theme>friches</theme><theme>numérique</theme>\n"
  "      </commitment>\n"
  "    </convention>\n"
  "    <convention id=\"conv-bf\" operator=\"bf\" date=\"2019-03-05\" phase=\"1\">\n"
  "      <commitment id=\"bf-priority\" kind=\"yearly-target\">\n"
  "        <text>t</text><target level=\"priority\" count=\"20\"/>"
  "<target level=\"reinforced\" count=\"5\"/>\n"
  "      </commitment>\n"
  "      <commitment id=\"bf-tool\" kind=\"tool\"><text>t</text></commitment>\n"
  "    </convention>\n"
  "  </conventions>\n"
  "  <referents/>\n"
  "</registry>\n";

static TerrindRegistry *
fixture (void)
{
  g_autoptr(GError) error = NULL;
  TerrindRegistry *registry = terrind_registry_new_from_data (fixture_xml, strlen (fixture_xml),
                                                              &error);

  terrind_assert_no_error (error);
  ck_assert_ptr_nonnull (registry);
  return registry;
}

static TerrindDesignation *
designation (const char *id,
             const char *operator_id,
             const char *territory_id,
             guint       year,
             const char *level,
             const char *commitment_id)
{
  g_autoptr(GError) error = NULL;
  TerrindDesignation *d = terrind_designation_new (id, operator_id, territory_id, year, level,
                                                   commitment_id, &error);

  terrind_assert_no_error (error);
  ck_assert_ptr_nonnull (d);
  return d;
}

static TerrindInvestment *
investment (const char *id,
            const char *operator_id,
            const char *territory_id,
            guint       year,
            gint64      amount,
            const char *commitment_id)
{
  g_autoptr(GError) error = NULL;
  TerrindInvestment *v = terrind_investment_new (id, operator_id, territory_id, year, amount,
                                                 commitment_id, &error);

  terrind_assert_no_error (error);
  ck_assert_ptr_nonnull (v);
  return v;
}

static void
add_designation_or_abort (TerrindRegistry    *registry,
                          TerrindDesignation *d)
{
  g_autoptr(GError) error = NULL;

  ck_assert (terrind_registry_add_designation (registry, d, &error));
  terrind_assert_no_error (error);
}

static void
add_investment_or_abort (TerrindRegistry   *registry,
                         TerrindInvestment *v)
{
  g_autoptr(GError) error = NULL;

  ck_assert (terrind_registry_add_investment (registry, v, &error));
  terrind_assert_no_error (error);
}

/* The fixture with d-1 (bf, ti-a, 2020, priority) and i-1 (bdt, ti-a,
 * 2020, 1500000, friches). */
static TerrindRegistry *
fixture_with_records (void)
{
  TerrindRegistry *registry = fixture ();
  g_autoptr(TerrindDesignation) d = designation ("d-1", "bf", "ti-a", 2020, "priority",
                                                 "bf-priority");
  g_autoptr(TerrindInvestment) v = investment ("i-1", "bdt", "ti-a", 2020, 1500000, "bdt-equity");
  g_autoptr(GError) error = NULL;

  ck_assert (terrind_investment_set_theme (v, "friches", &error));
  add_designation_or_abort (registry, d);
  add_investment_or_abort (registry, v);
  return registry;
}

START_TEST (test_designation_new)
{
  g_autoptr(TerrindDesignation) d = designation ("d-1", "bf", "ti-a", 2020, "priority",
                                                 "bf-priority");
  g_autoptr(TerrindDesignation) same = designation ("d-1", "bf", "ti-a", 2020, "priority",
                                                    "bf-priority");
  g_autoptr(GError) error = NULL;
  TerrindDesignation *bad;

  ck_assert_str_eq (terrind_designation_get_id (d), "d-1");
  ck_assert_str_eq (terrind_designation_get_operator_id (d), "bf");
  ck_assert_str_eq (terrind_designation_get_territory_id (d), "ti-a");
  ck_assert_uint_eq (terrind_designation_get_year (d), 2020);
  ck_assert_str_eq (terrind_designation_get_level (d), "priority");
  ck_assert_str_eq (terrind_designation_get_commitment_id (d), "bf-priority");
  ck_assert_ptr_null (terrind_designation_get_registry (d));
  ck_assert (terrind_designation_equal (d, same));
  ck_assert_ptr_eq (terrind_designation_ref (d), d);
  terrind_designation_unref (d);

  ck_assert (terrind_designation_set_year (same, 2021, &error));
  ck_assert (!terrind_designation_equal (d, same));
  ck_assert (terrind_designation_set_level (same, "reinforced", &error));
  ck_assert_str_eq (terrind_designation_get_level (same), "reinforced");
  ck_assert (terrind_designation_set_commitment_id (same, "bf-tool", &error));
  ck_assert_str_eq (terrind_designation_get_commitment_id (same), "bf-tool");
  terrind_assert_no_error (error);

  bad = terrind_designation_new ("d 1", "bf", "ti-a", 2020, "priority", "bf-priority", &error);
  ck_assert_ptr_null (bad);
  terrind_assert_error (error, TERRIND_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  bad = terrind_designation_new ("d-1", "bf", "ti-a", 1800, "priority", "bf-priority", &error);
  ck_assert_ptr_null (bad);
  terrind_assert_error (error, TERRIND_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  bad = terrind_designation_new ("d-1", "bf", "ti-a", 2020, "", "bf-priority", &error);
  ck_assert_ptr_null (bad);
  terrind_assert_error (error, TERRIND_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  ck_assert (!terrind_designation_set_year (same, 2201, &error));
  terrind_assert_error (error, TERRIND_ERROR_INVALID_VALUE);
  ck_assert_uint_eq (terrind_designation_get_year (same), 2021);
}
END_TEST

START_TEST (test_investment_new)
{
  g_autoptr(TerrindInvestment) v = investment ("i-1", "bdt", "ti-a", 2020, 1500000, "bdt-equity");
  g_autoptr(TerrindInvestment) same = investment ("i-1", "bdt", "ti-a", 2020, 1500000,
                                                  "bdt-equity");
  g_autoptr(GError) error = NULL;
  TerrindInvestment *bad;

  ck_assert_str_eq (terrind_investment_get_id (v), "i-1");
  ck_assert_str_eq (terrind_investment_get_operator_id (v), "bdt");
  ck_assert_str_eq (terrind_investment_get_territory_id (v), "ti-a");
  ck_assert_uint_eq (terrind_investment_get_year (v), 2020);
  ck_assert (terrind_investment_get_amount (v) == 1500000);
  ck_assert_str_eq (terrind_investment_get_commitment_id (v), "bdt-equity");
  ck_assert_ptr_null (terrind_investment_get_theme (v));
  ck_assert_ptr_null (terrind_investment_get_project (v));
  ck_assert_ptr_null (terrind_investment_get_registry (v));
  ck_assert (terrind_investment_equal (v, same));
  ck_assert_ptr_eq (terrind_investment_ref (v), v);
  terrind_investment_unref (v);

  ck_assert (terrind_investment_set_year (same, 2021, &error));
  ck_assert (terrind_investment_set_amount (same, G_MAXINT64, &error));
  ck_assert (terrind_investment_get_amount (same) == G_MAXINT64);
  ck_assert (terrind_investment_set_commitment_id (same, "other", &error));
  ck_assert (terrind_investment_set_theme (same, "friches", &error));
  ck_assert_str_eq (terrind_investment_get_theme (same), "friches");
  ck_assert (terrind_investment_set_project (same, "Friche Nord", &error));
  ck_assert_str_eq (terrind_investment_get_project (same), "Friche Nord");
  terrind_assert_no_error (error);
  ck_assert (!terrind_investment_equal (v, same));
  ck_assert (terrind_investment_set_theme (same, NULL, &error));
  ck_assert_ptr_null (terrind_investment_get_theme (same));
  ck_assert (terrind_investment_set_project (same, NULL, &error));
  ck_assert_ptr_null (terrind_investment_get_project (same));

  bad = terrind_investment_new ("i-1", "bdt", "ti-a", 2020, -1, "bdt-equity", &error);
  ck_assert_ptr_null (bad);
  terrind_assert_error (error, TERRIND_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  ck_assert (!terrind_investment_set_amount (same, -5, &error));
  terrind_assert_error (error, TERRIND_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  ck_assert (terrind_investment_get_amount (same) == G_MAXINT64);
  ck_assert (!terrind_investment_set_project (same, "a\x01" "b", &error));
  terrind_assert_error (error, TERRIND_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  ck_assert (!terrind_investment_set_theme (same, "", &error));
  terrind_assert_error (error, TERRIND_ERROR_INVALID_VALUE);
}
END_TEST

START_TEST (test_registry_add_get_list)
{
  g_autoptr(TerrindRegistry) registry = fixture_with_records ();
  g_autoptr(TerrindDesignation) d2 = designation ("d-0", "bf", "ti-a", 2021, "reinforced",
                                                  "bf-priority");
  g_autoptr(GPtrArray) designations = NULL;
  g_autoptr(GPtrArray) of_priority = NULL;
  g_autoptr(GPtrArray) of_tool = NULL;
  g_autoptr(GPtrArray) investments = NULL;
  g_autoptr(GPtrArray) of_equity = NULL;
  TerrindDesignation *d1;
  TerrindInvestment *i1;

  add_designation_or_abort (registry, d2);
  ck_assert_uint_eq (terrind_registry_get_n_designations (registry), 2);
  ck_assert_uint_eq (terrind_registry_get_n_investments (registry), 1);
  d1 = terrind_registry_get_designation (registry, "d-1");
  ck_assert_ptr_nonnull (d1);
  ck_assert_ptr_eq (terrind_designation_get_registry (d1), registry);
  ck_assert_ptr_null (terrind_registry_get_designation (registry, "nope"));
  i1 = terrind_registry_get_investment (registry, "i-1");
  ck_assert_ptr_nonnull (i1);
  ck_assert_ptr_eq (terrind_investment_get_registry (i1), registry);
  ck_assert_ptr_null (terrind_registry_get_investment (registry, "nope"));

  designations = terrind_registry_list_designations (registry);
  ck_assert_uint_eq (designations->len, 2);
  ck_assert_str_eq (terrind_designation_get_id (designations->pdata[0]), "d-0");
  ck_assert_str_eq (terrind_designation_get_id (designations->pdata[1]), "d-1");
  investments = terrind_registry_list_investments (registry);
  ck_assert_uint_eq (investments->len, 1);

  of_priority = terrind_registry_list_designations_of_commitment (registry, "bf-priority");
  ck_assert_uint_eq (of_priority->len, 2);
  of_tool = terrind_registry_list_designations_of_commitment (registry, "bf-tool");
  ck_assert_uint_eq (of_tool->len, 0);
  ck_assert_ptr_null (terrind_registry_list_designations_of_commitment (registry, "nope"));
  of_equity = terrind_registry_list_investments_of_commitment (registry, "bdt-equity");
  ck_assert_uint_eq (of_equity->len, 1);
  ck_assert_ptr_null (terrind_registry_list_investments_of_commitment (registry, "nope"));
  {
    g_autoptr(GPtrArray) none = terrind_registry_list_investments_of_commitment (registry,
                                                                                 "bf-tool");
    ck_assert_uint_eq (none->len, 0);
  }
}
END_TEST

/* Adds @d, expects @code, and checks nothing changed. */
static void
refuse_designation (TerrindRegistry    *registry,
                    TerrindDesignation *d,
                    int                 code)
{
  g_autofree char *before = terrind_test_dump_registry (registry);
  g_autoptr(GError) error = NULL;

  ck_assert (!terrind_registry_add_designation (registry, d, &error));
  terrind_assert_error (error, code);
  ck_assert_ptr_null (terrind_designation_get_registry (d));
  terrind_assert_registry_unchanged (registry, before);
}

static void
refuse_investment (TerrindRegistry   *registry,
                   TerrindInvestment *v,
                   int                code)
{
  g_autofree char *before = terrind_test_dump_registry (registry);
  g_autoptr(GError) error = NULL;

  ck_assert (!terrind_registry_add_investment (registry, v, &error));
  terrind_assert_error (error, code);
  ck_assert_ptr_null (terrind_investment_get_registry (v));
  terrind_assert_registry_unchanged (registry, before);
}

START_TEST (test_designation_rules)
{
  g_autoptr(TerrindRegistry) registry = fixture_with_records ();
  struct {
    const char *id, *op, *ti;
    guint year;
    const char *level, *commitment;
    int code;
  } cases[] = {
    { "d-1", "bf", "ti-a", 2021, "priority", "bf-priority", TERRIND_ERROR_DUPLICATE },
    { "d-x", "nope", "ti-a", 2021, "priority", "bf-priority", TERRIND_ERROR_UNKNOWN_REFERENCE },
    { "d-x", "bf", "nope", 2021, "priority", "bf-priority", TERRIND_ERROR_UNKNOWN_REFERENCE },
    { "d-x", "bf", "ti-a", 2021, "priority", "nope", TERRIND_ERROR_UNKNOWN_REFERENCE },
    /* a commitment of another operator */
    { "d-x", "bf", "ti-a", 2021, "priority", "bdt-equity", TERRIND_ERROR_UNKNOWN_REFERENCE },
    /* not a target level */
    { "d-x", "bf", "ti-a", 2021, "gold", "bf-priority", TERRIND_ERROR_INVALID_VALUE },
    /* outside the territory's phase */
    { "d-x", "bf", "ti-a", 2023, "priority", "bf-priority", TERRIND_ERROR_INVALID_VALUE },
    { "d-x", "bf", "ti-b", 2022, "priority", "bf-priority", TERRIND_ERROR_INVALID_VALUE },
    /* a second designation of one territory by one operator for one year */
    { "d-x", "bf", "ti-a", 2020, "reinforced", "bf-priority", TERRIND_ERROR_DUPLICATE },
    { "d-x", "bf", "ti-a", 2020, "anything", "bf-tool", TERRIND_ERROR_DUPLICATE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(TerrindDesignation) d = designation (cases[i].id, cases[i].op, cases[i].ti,
                                                     cases[i].year, cases[i].level,
                                                     cases[i].commitment);

      refuse_designation (registry, d, cases[i].code);
    }
  {
    /* A commitment without targets takes any level; another year is free. */
    g_autoptr(TerrindDesignation) d = designation ("d-2", "bf", "ti-a", 2021, "anything",
                                                   "bf-tool");
    g_autoptr(TerrindDesignation) b = designation ("d-3", "bf", "ti-b", 2025, "priority",
                                                   "bf-priority");

    add_designation_or_abort (registry, d);
    add_designation_or_abort (registry, b);
    /* Already in this registry, and in another one. */
    {
      g_autoptr(GError) error = NULL;

      ck_assert (!terrind_registry_add_designation (registry, d, &error));
      terrind_assert_error (error, TERRIND_ERROR_DUPLICATE);
    }
  }
  {
    g_autoptr(TerrindRegistry) other = fixture ();
    TerrindDesignation *held = terrind_registry_get_designation (registry, "d-1");
    g_autoptr(GError) error = NULL;

    ck_assert (!terrind_registry_add_designation (other, held, &error));
    terrind_assert_error (error, TERRIND_ERROR_IN_USE);
  }
}
END_TEST

START_TEST (test_investment_rules)
{
  g_autoptr(TerrindRegistry) registry = fixture_with_records ();
  struct {
    const char *id, *op, *ti;
    guint year;
    const char *commitment, *theme;
    int code;
  } cases[] = {
    { "i-1", "bdt", "ti-a", 2021, "bdt-equity", NULL, TERRIND_ERROR_DUPLICATE },
    { "i-x", "nope", "ti-a", 2021, "bdt-equity", NULL, TERRIND_ERROR_UNKNOWN_REFERENCE },
    { "i-x", "bdt", "nope", 2021, "bdt-equity", NULL, TERRIND_ERROR_UNKNOWN_REFERENCE },
    { "i-x", "bdt", "ti-a", 2021, "nope", NULL, TERRIND_ERROR_UNKNOWN_REFERENCE },
    { "i-x", "bdt", "ti-a", 2021, "bf-tool", NULL, TERRIND_ERROR_UNKNOWN_REFERENCE },
    /* outside the commitment's period (2019-2022), inside the phase */
    { "i-x", "bdt", "ti-a", 2018, "bdt-equity", NULL, TERRIND_ERROR_INVALID_VALUE },
    /* inside the period, outside the phase of ti-b */
    { "i-x", "bdt", "ti-b", 2021, "bdt-equity", NULL, TERRIND_ERROR_INVALID_VALUE },
    /* not a theme of the commitment */
    { "i-x", "bdt", "ti-a", 2021, "bdt-equity", "mobilité", TERRIND_ERROR_INVALID_VALUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(TerrindInvestment) v = investment (cases[i].id, cases[i].op, cases[i].ti,
                                                   cases[i].year, 10, cases[i].commitment);
      g_autoptr(GError) error = NULL;

      if (cases[i].theme != NULL)
        ck_assert (terrind_investment_set_theme (v, cases[i].theme, &error));
      refuse_investment (registry, v, cases[i].code);
    }
  {
    /* Several investments of one year in one territory are fine. */
    g_autoptr(TerrindInvestment) v = investment ("i-2", "bdt", "ti-a", 2020, 0, "bdt-equity");

    add_investment_or_abort (registry, v);
  }
}
END_TEST

START_TEST (test_setters_in_registry)
{
  g_autoptr(TerrindRegistry) registry = fixture_with_records ();
  g_autoptr(TerrindDesignation) d2 = designation ("d-2", "bf", "ti-a", 2021, "priority",
                                                  "bf-priority");
  TerrindDesignation *d1 = terrind_registry_get_designation (registry, "d-1");
  TerrindInvestment *i1 = terrind_registry_get_investment (registry, "i-1");
  g_autofree char *before = NULL;
  g_autoptr(GError) error = NULL;

  add_designation_or_abort (registry, d2);
  before = terrind_test_dump_registry (registry);

  ck_assert (!terrind_designation_set_year (d2, 2020, &error));
  terrind_assert_error (error, TERRIND_ERROR_DUPLICATE);
  g_clear_error (&error);
  ck_assert (!terrind_designation_set_year (d1, 2024, &error));
  terrind_assert_error (error, TERRIND_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  ck_assert (!terrind_designation_set_level (d1, "gold", &error));
  terrind_assert_error (error, TERRIND_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  ck_assert (!terrind_designation_set_commitment_id (d1, "bdt-equity", &error));
  terrind_assert_error (error, TERRIND_ERROR_UNKNOWN_REFERENCE);
  g_clear_error (&error);
  ck_assert (!terrind_designation_set_commitment_id (d1, "nope", &error));
  terrind_assert_error (error, TERRIND_ERROR_UNKNOWN_REFERENCE);
  g_clear_error (&error);
  ck_assert (!terrind_investment_set_year (i1, 2023, &error));
  terrind_assert_error (error, TERRIND_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  ck_assert (!terrind_investment_set_theme (i1, "mobilité", &error));
  terrind_assert_error (error, TERRIND_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  ck_assert (!terrind_investment_set_commitment_id (i1, "bf-tool", &error));
  terrind_assert_error (error, TERRIND_ERROR_UNKNOWN_REFERENCE);
  g_clear_error (&error);
  ck_assert (!terrind_investment_set_amount (i1, -1, &error));
  terrind_assert_error (error, TERRIND_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  terrind_assert_registry_unchanged (registry, before);

  /* The index follows a change of year: 2020 is free again, 2022 taken. */
  ck_assert (terrind_designation_set_year (d1, 2022, &error));
  ck_assert (terrind_designation_set_year (d2, 2020, &error));
  ck_assert (!terrind_designation_set_year (d2, 2022, &error));
  terrind_assert_error (error, TERRIND_ERROR_DUPLICATE);
  g_clear_error (&error);
  ck_assert (terrind_designation_set_level (d1, "reinforced", &error));
  ck_assert (terrind_designation_set_commitment_id (d1, "bf-tool", &error));
  ck_assert (terrind_investment_set_theme (i1, "numérique", &error));
  ck_assert (terrind_investment_set_amount (i1, 7, &error));
  ck_assert (terrind_investment_set_project (i1, "Usine", &error));
  terrind_assert_no_error (error);
}
END_TEST

/* The other side of each rule: an edit to what records must fit (a
 * commitment's period, a territory's phase, a phase's years) that would
 * strand one is refused, and changes nothing. */
START_TEST (test_edits_that_would_strand_records)
{
  g_autoptr(TerrindRegistry) registry = fixture_with_records ();
  TerrindCommitment *equity = terrind_registry_get_commitment (registry, "bdt-equity");
  TerrindTerritory *a = terrind_registry_get_territory (registry, "ti-a");
  TerrindPhase *one = terrind_registry_get_phase (registry, 1);
  g_autofree char *before = terrind_test_dump_registry (registry);
  g_autoptr(GError) error = NULL;

  /* i-1 is for 2020. */
  ck_assert (!terrind_commitment_set_years (equity, 2021, 2022, &error));
  terrind_assert_error (error, TERRIND_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  ck_assert_uint_eq (terrind_commitment_get_first_year (equity), 2019);
  /* d-1 and i-1 are for 2020, in phase 1's years, not phase 2's. */
  ck_assert (!terrind_territory_set_phase (a, 2, &error));
  terrind_assert_error (error, TERRIND_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  ck_assert_uint_eq (terrind_territory_get_phase (a), 1);
  ck_assert (!terrind_phase_set_years (one, 2021, 2022, &error));
  terrind_assert_error (error, TERRIND_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  ck_assert_uint_eq (terrind_phase_get_first_year (one), 2018);
  terrind_assert_registry_unchanged (registry, before);

  /* What keeps them in is allowed. */
  ck_assert (terrind_commitment_set_years (equity, 2020, 2022, &error));
  ck_assert (terrind_phase_set_years (one, 2019, 2022, &error));
  ck_assert (terrind_commitment_set_years (equity, 0, 0, &error));
  terrind_assert_no_error (error);
}
END_TEST

START_TEST (test_remove)
{
  g_autoptr(TerrindRegistry) registry = fixture_with_records ();
  g_autoptr(TerrindDesignation) held = NULL;
  g_autoptr(GError) error = NULL;

  held = terrind_designation_ref (terrind_registry_get_designation (registry, "d-1"));
  ck_assert (terrind_registry_remove_designation (registry, "d-1", &error));
  ck_assert_ptr_null (terrind_designation_get_registry (held));
  ck_assert_uint_eq (terrind_registry_get_n_designations (registry), 0);
  ck_assert (!terrind_registry_remove_designation (registry, "d-1", &error));
  terrind_assert_error (error, TERRIND_ERROR_NOT_FOUND);
  g_clear_error (&error);
  /* Its key is free again. */
  {
    g_autoptr(TerrindDesignation) again = designation ("d-9", "bf", "ti-a", 2020, "priority",
                                                       "bf-priority");
    add_designation_or_abort (registry, again);
  }
  ck_assert (terrind_registry_remove_investment (registry, "i-1", &error));
  ck_assert_uint_eq (terrind_registry_get_n_investments (registry), 0);
  ck_assert (!terrind_registry_remove_investment (registry, "i-1", &error));
  terrind_assert_error (error, TERRIND_ERROR_NOT_FOUND);
}
END_TEST

START_TEST (test_remove_in_use_and_cascade)
{
  g_autoptr(TerrindRegistry) registry = fixture_with_records ();
  g_autofree char *before = terrind_test_dump_registry (registry);
  g_autoptr(GError) error = NULL;
  TerrindConvention *conv_bf;

  ck_assert (!terrind_registry_remove_territory (registry, "ti-a", TERRIND_REMOVE_NONE, &error));
  terrind_assert_error (error, TERRIND_ERROR_IN_USE);
  g_clear_error (&error);
  ck_assert (!terrind_registry_remove_operator (registry, "bf", TERRIND_REMOVE_NONE, &error));
  terrind_assert_error (error, TERRIND_ERROR_IN_USE);
  g_clear_error (&error);
  ck_assert (!terrind_registry_remove_convention (registry, "conv-bf", &error));
  terrind_assert_error (error, TERRIND_ERROR_IN_USE);
  g_clear_error (&error);
  ck_assert (!terrind_registry_remove_convention_full (registry, "conv-bdt", TERRIND_REMOVE_NONE,
                                                       &error));
  terrind_assert_error (error, TERRIND_ERROR_IN_USE);
  g_clear_error (&error);
  conv_bf = terrind_registry_get_convention (registry, "conv-bf");
  ck_assert (!terrind_convention_remove_commitment (conv_bf, "bf-priority", &error));
  terrind_assert_error (error, TERRIND_ERROR_IN_USE);
  g_clear_error (&error);
  terrind_assert_registry_unchanged (registry, before);
  /* A commitment nothing counts against may go. */
  ck_assert (terrind_convention_remove_commitment (conv_bf, "bf-tool", &error));
  terrind_assert_no_error (error);

  ck_assert (terrind_registry_remove_convention_full (registry, "conv-bf", TERRIND_REMOVE_CASCADE,
                                                      &error));
  ck_assert_uint_eq (terrind_registry_get_n_designations (registry), 0);
  ck_assert_uint_eq (terrind_registry_get_n_investments (registry), 1);
  ck_assert (!terrind_registry_remove_convention_full (registry, "conv-bf", TERRIND_REMOVE_NONE,
                                                       &error));
  terrind_assert_error (error, TERRIND_ERROR_NOT_FOUND);
  g_clear_error (&error);
  ck_assert (terrind_registry_remove_territory (registry, "ti-a", TERRIND_REMOVE_CASCADE, &error));
  ck_assert_uint_eq (terrind_registry_get_n_investments (registry), 0);
  terrind_assert_no_error (error);
}
END_TEST

START_TEST (test_remove_operator_cascade)
{
  g_autoptr(TerrindRegistry) registry = fixture_with_records ();
  g_autoptr(GError) error = NULL;

  ck_assert (terrind_registry_remove_operator (registry, "bdt", TERRIND_REMOVE_CASCADE, &error));
  terrind_assert_no_error (error);
  ck_assert_uint_eq (terrind_registry_get_n_investments (registry), 0);
  ck_assert_uint_eq (terrind_registry_get_n_designations (registry), 1);
  ck_assert_ptr_null (terrind_registry_get_commitment (registry, "bdt-equity"));
}
END_TEST

START_TEST (test_changeset_cascade)
{
  g_autoptr(TerrindRegistry) registry = fixture_with_records ();
  g_autofree char *before = terrind_test_dump_registry (registry);
  g_autoptr(GError) error = NULL;

  {
    g_autoptr(TerrindChangeset) changeset = terrind_changeset_new (registry, &error);

    terrind_assert_no_error (error);
    ck_assert (!terrind_changeset_remove (changeset, terrind_model_lookup_kind ("territory"),
                                          "ti-a", TERRIND_REMOVE_NONE, &error));
    terrind_assert_error (error, TERRIND_ERROR_IN_USE);
    g_clear_error (&error);
  }
  terrind_assert_registry_unchanged (registry, before);
  {
    g_autoptr(TerrindChangeset) changeset = terrind_changeset_new (registry, &error);

    ck_assert (terrind_changeset_remove (changeset, terrind_model_lookup_kind ("territory"),
                                         "ti-a", TERRIND_REMOVE_CASCADE, &error));
    terrind_assert_no_error (error);
    ck_assert_uint_eq (terrind_registry_get_n_designations (registry), 0);
    ck_assert_uint_eq (terrind_registry_get_n_investments (registry), 0);
    terrind_changeset_rollback (changeset);
  }
  terrind_assert_registry_unchanged (registry, before);
  {
    g_autoptr(TerrindChangeset) changeset = terrind_changeset_new (registry, &error);

    ck_assert (terrind_changeset_remove (changeset, terrind_model_lookup_kind ("convention"),
                                         "conv-bf", TERRIND_REMOVE_CASCADE, &error));
    ck_assert (terrind_changeset_remove (changeset, terrind_model_lookup_kind ("operator"),
                                         "bdt", TERRIND_REMOVE_CASCADE, &error));
    terrind_assert_no_error (error);
    ck_assert_uint_eq (terrind_registry_get_n_designations (registry), 0);
    ck_assert_uint_eq (terrind_registry_get_n_investments (registry), 0);
    terrind_changeset_rollback (changeset);
  }
  terrind_assert_registry_unchanged (registry, before);
  {
    /* A field set through the changeset meets the same rules. */
    g_autoptr(TerrindChangeset) changeset = terrind_changeset_new (registry, &error);
    const TerrindKind *kind = terrind_model_lookup_kind ("designation");

    ck_assert (!terrind_changeset_set_value (changeset, terrind_kind_lookup_field (kind, "level"),
                                             "d-1", "gold", &error));
    terrind_assert_error (error, TERRIND_ERROR_INVALID_VALUE);
  }
  terrind_assert_registry_unchanged (registry, before);
}
END_TEST

START_TEST (test_round_trip)
{
  g_autoptr(TerrindRegistry) registry = fixture_with_records ();
  g_autoptr(TerrindRegistry) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  g_autofree char *data2 = NULL;
  gsize length = 0, length2 = 0;
  TerrindInvestment *i1 = terrind_registry_get_investment (registry, "i-1");

  ck_assert (terrind_investment_set_project (i1, "Friche \"Nord\" & <Sud>", &error));
  data = terrind_registry_export_data (registry, &length, &error);
  terrind_assert_no_error (error);
  ck_assert_ptr_nonnull (strstr (data, "version=\"2\""));
  ck_assert_ptr_nonnull (strstr (data, "<designations>\n    <designation id=\"d-1\" operator=\"bf\" "
                                       "territory=\"ti-a\" year=\"2020\" level=\"priority\" "
                                       "commitment=\"bf-priority\"/>\n  </designations>\n"
                                       "  <investments>\n"));
  again = terrind_registry_new_from_data (data, length, &error);
  terrind_assert_no_error (error);
  ck_assert (terrind_registry_equal (registry, again));
  data2 = terrind_registry_export_data (again, &length2, &error);
  ck_assert_str_eq (data, data2);
}
END_TEST

START_TEST (test_import_refuses_broken_records)
{
  static const char * const broken[] = {
    "<designation id=\"d\" operator=\"bf\" territory=\"ti-a\" year=\"2020\" level=\"gold\" "
    "commitment=\"bf-priority\"/>",
    "<designation id=\"d\" operator=\"bf\" territory=\"ti-a\" year=\"2020\" level=\"priority\" "
    "commitment=\"bdt-equity\"/>",
    "<designation id=\"d\" operator=\"bf\" territory=\"ti-a\" year=\"2020\" level=\"priority\" "
    "commitment=\"bf-priority\"/><designation id=\"e\" operator=\"bf\" territory=\"ti-a\" "
    "year=\"2020\" level=\"reinforced\" commitment=\"bf-priority\"/>",
  };
  g_autoptr(TerrindRegistry) registry = fixture ();
  g_autofree char *before = terrind_test_dump_registry (registry);

  for (guint i = 0; i < G_N_ELEMENTS (broken); i++)
    {
      g_autoptr(GString) doc = g_string_new (fixture_xml);
      g_autoptr(GError) error = NULL;
      gsize at;

      at = (gsize) (strstr (doc->str, "</registry>") - doc->str);
      g_string_insert (doc, (gssize) at, "<designations>");
      at += strlen ("<designations>");
      g_string_insert (doc, (gssize) at, broken[i]);
      at += strlen (broken[i]);
      g_string_insert (doc, (gssize) at, "</designations>");
      /* Imported into the fixture itself: references resolve against it. */
      ck_assert (!terrind_registry_import_data (registry, doc->str, doc->len, NULL, &error));
      ck_assert_ptr_nonnull (error);
      terrind_assert_registry_unchanged (registry, before);
    }
}
END_TEST

START_TEST (test_format_version)
{
  g_autoptr(TerrindRegistry) registry = terrind_test_fixture_registry ();
  g_autoptr(TerrindDesignation) d = designation ("d-1", "bpifrance", "ti-a", 2020, "any",
                                                 "bpi-access");
  g_autoptr(GError) error = NULL;
  g_autofree char *v1 = NULL;
  g_autofree char *v2 = NULL;

  v1 = terrind_registry_export_data (registry, NULL, &error);
  ck_assert_ptr_nonnull (strstr (v1, "version=\"1\""));
  ck_assert_ptr_null (strstr (v1, "designations"));
  add_designation_or_abort (registry, d);
  v2 = terrind_registry_export_data (registry, NULL, &error);
  ck_assert_ptr_nonnull (strstr (v2, "version=\"2\""));
  ck_assert_ptr_nonnull (strstr (v2, "<designations>"));
  /* An empty section of records is left out. */
  ck_assert_ptr_null (strstr (v2, "<investments"));
}
END_TEST

START_TEST (test_kinds)
{
  const TerrindKind *designation_kind = terrind_model_lookup_kind ("designations");
  const TerrindKind *investment_kind = terrind_model_lookup_kind ("investment");

  ck_assert_ptr_nonnull (designation_kind);
  ck_assert_ptr_nonnull (investment_kind);
  ck_assert_uint_eq (terrind_kind_get_n_fields (designation_kind), 6);
  ck_assert_uint_eq (terrind_kind_get_n_fields (investment_kind), 8);
  ck_assert_ptr_eq (terrind_field_get_target (terrind_kind_lookup_field (designation_kind,
                                                                         "commitment")),
                    terrind_model_lookup_kind ("commitment"));
  ck_assert_int_eq (terrind_field_get_value_type (terrind_kind_lookup_field (investment_kind,
                                                                             "amount")),
                    TERRIND_VALUE_AMOUNT);
}
END_TEST

static Suite *
records_suite (void)
{
  Suite *suite = suite_create ("records");
  TCase *tc = tcase_create ("records");

  tcase_add_test (tc, test_designation_new);
  tcase_add_test (tc, test_investment_new);
  tcase_add_test (tc, test_registry_add_get_list);
  tcase_add_test (tc, test_designation_rules);
  tcase_add_test (tc, test_investment_rules);
  tcase_add_test (tc, test_setters_in_registry);
  tcase_add_test (tc, test_edits_that_would_strand_records);
  tcase_add_test (tc, test_remove);
  tcase_add_test (tc, test_remove_in_use_and_cascade);
  tcase_add_test (tc, test_remove_operator_cascade);
  tcase_add_test (tc, test_changeset_cascade);
  tcase_add_test (tc, test_round_trip);
  tcase_add_test (tc, test_import_refuses_broken_records);
  tcase_add_test (tc, test_format_version);
  tcase_add_test (tc, test_kinds);
  suite_add_tcase (suite, tc);
  return suite;
}

int
main (void)
{
  return terrind_test_run (records_suite ());
}
