/* test-tool-show.c: terrind show
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "test-tool-common.h"

static const char *const operator_ids[] = {
  "banque-des-territoires", "bpifrance", "business-france", "pole-emploi",
};

START_TEST (test_default_territory)
{
  g_auto(ToolRun) run = { 0 };

  tool_run (&run, "show", "ti-8401", "--phase", "1", NULL);
  assert_status (&run, TERRIND_CLI_EXIT_OK);
  ck_assert (g_str_has_prefix (run.out->str, "territory ti-8401\n"));
  assert_contains (run.out, "  name:        Ardèche Drome\n");
  assert_contains (run.out, "  region:      84 (Auvergne-Rhône-Alpes)\n");
  assert_contains (run.out, "  phase:       1 (2018-2022)\n");
  assert_contains (run.out, "  members:     8\n    200016905 CC du Pays de Lamastre (epci)\n");
  assert_contains (run.out, "  departments: 2\n    07\n    26\n");
  /* Continuity, derived from the members the two phases share. */
  assert_contains (run.out, "  continued by: p2-ti-8401 (Ardèche Drôme Nord), phase 2 (2023-2027), "
                            "7 shared members\n");
  /* The default names no referent: each operator's is missing. */
  for (guint i = 0; i < G_N_ELEMENTS (operator_ids); i++)
    {
      g_autofree char *line = g_strdup_printf ("    %s: missing\n", operator_ids[i]);
      assert_contains (run.out, line);
    }
}
END_TEST

START_TEST (test_territory_with_referent)
{
  g_autofree char *path = tool_fixture ("valid.xml");
  g_auto(ToolRun) run = { 0 };

  tool_run (&run, "show", "--file", path, "ti-8401", NULL);
  assert_status (&run, TERRIND_CLI_EXIT_OK);
  assert_contains (run.out, "    bpifrance: missing\n");
  assert_contains (run.out, "    pole-emploi: Jeanne Martin [ref-1], role: Conseillère référente, "
                   "email: jeanne.martin@example.org, phone: +33 4 50 00 00 00, start: 2019-06-01\n");
  assert_contains (run.out, "  departments: 2\n    07\n    26\n");
}
END_TEST

START_TEST (test_operator)
{
  g_auto(ToolRun) run = { 0 };

  tool_run (&run, "show", "pole-emploi", "--phase", "1", NULL);
  assert_status (&run, TERRIND_CLI_EXIT_OK);
  assert_contains (run.out, "  name:        France Travail\n");
  assert_contains (run.out, "  former-names: 1\n    Pôle emploi (until 2023-12-31)\n");
  assert_contains (run.out, "    conv-2019-pole-emploi  2019-03-05\n");
  assert_contains (run.out, "  referents:   0 of 149 territories in phase 1 (149 missing)\n");
}
END_TEST

START_TEST (test_convention)
{
  g_auto(ToolRun) run = { 0 };

  tool_run (&run, "show", "conv-2019-banque-des-territoires", NULL);
  assert_status (&run, TERRIND_CLI_EXIT_OK);
  assert_contains (run.out, "  operator:    banque-des-territoires (Banque des Territoires)\n");
  assert_contains (run.out, "  place:       Lyon\n");
  assert_contains (run.out, "  signatories: 2\n    Jacqueline Gourault (role Ministre de la Cohésion");
  assert_contains (run.out, "\n    Agnès Pannier-Runacher (role Secrétaire d'État");
  assert_contains (run.out, "  commitments: 3\n");
  /* Each commitment with its fields, the convention it is in left out. */
  assert_contains (run.out, "    bdt-equity-envelope\n"
                   "      kind:        money-envelope\n"
                   "      amount:      100000000\n"
                   "      period:      per-year\n"
                   "      first-year:  2019\n"
                   "      last-year:   2022\n"
                   "      approximate: true\n"
                   "      text:        la Banque des territoires");
  assert_contains (run.out, "      themes:      5\n        foncier et immobilier industriel\n");
  assert_not_contains (run.out, "      convention:");
  /* A flag that is off is not shown. */
  assert_contains (run.out, "    bdt-single-referent\n"
                   "      kind:        referent-per-territory\n"
                   "      text:        ");
}
END_TEST

START_TEST (test_commitment)
{
  g_auto(ToolRun) run = { 0 };

  tool_run (&run, "show", "bf-priority-territories", NULL);
  assert_status (&run, TERRIND_CLI_EXIT_OK);
  assert_contains (run.out, "commitment bf-priority-territories\n"
                   "  convention:  conv-2019-business-france\n"
                   "  kind:        yearly-target\n");
  assert_contains (run.out, "  targets:     2\n    priority (count 20)\n    reinforced (count 5)\n");
}
END_TEST

START_TEST (test_region_and_referent)
{
  g_autofree char *path = tool_fixture ("valid.xml");
  g_auto(ToolRun) region = { 0 };
  g_auto(ToolRun) referent = { 0 };

  tool_run (&region, "show", "-f", path, "84", NULL);
  assert_status (&region, TERRIND_CLI_EXIT_OK);
  ck_assert_str_eq (region.out->str,
                    "region 84\n"
                    "  name:        Auvergne-Rhône-Alpes\n"
                    "  territories: 2\n"
                    "    ti-8401  Ardèche Drome\n"
                    "    ti-8402  Bièvre Isère\n");

  tool_run (&referent, "show", "-f", path, "ref-2", NULL);
  assert_status (&referent, TERRIND_CLI_EXIT_OK);
  ck_assert_str_eq (referent.out->str,
                    "referent ref-2\n"
                    "  operator:    bpifrance (Bpifrance)\n"
                    "  territory:   ti-5301 (Lannion & Trégor)\n"
                    "  person:      Paul, dit \"Le Breton\"\n");
}
END_TEST

START_TEST (test_bad_arguments)
{
  g_auto(ToolRun) unknown = { 0 };
  g_auto(ToolRun) none = { 0 };
  g_auto(ToolRun) two = { 0 };

  tool_run (&unknown, "show", "ti-0000", NULL);
  assert_status (&unknown, TERRIND_CLI_EXIT_USAGE);
  assert_contains (unknown.err, "no entity with id 'ti-0000'");
  ck_assert_uint_eq (unknown.out->len, 0);

  tool_run (&none, "show", NULL);
  assert_status (&none, TERRIND_CLI_EXIT_USAGE);
  tool_run (&two, "show", "ti-8401", "ti-8402", NULL);
  assert_status (&two, TERRIND_CLI_EXIT_USAGE);
}
END_TEST

START_TEST (test_bad_file)
{
  g_autofree char *path = tool_fixture ("unknown-region.xml");
  g_auto(ToolRun) run = { 0 };

  tool_run (&run, "show", "--file", path, "ti-8401", NULL);
  assert_status (&run, TERRIND_CLI_EXIT_FAILED);
  ck_assert (g_str_has_prefix (run.err->str, path));
  ck_assert_uint_eq (run.out->len, 0);
}
END_TEST

int
main (void)
{
  Suite *suite = suite_create ("tool-show");
  TCase *tc = tcase_create ("show");

  tcase_add_test (tc, test_default_territory);
  tcase_add_test (tc, test_territory_with_referent);
  tcase_add_test (tc, test_operator);
  tcase_add_test (tc, test_convention);
  tcase_add_test (tc, test_commitment);
  tcase_add_test (tc, test_region_and_referent);
  tcase_add_test (tc, test_bad_arguments);
  tcase_add_test (tc, test_bad_file);
  suite_add_tcase (suite, tc);
  return terrind_test_run (suite);
}
