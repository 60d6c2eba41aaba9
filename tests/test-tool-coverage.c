/* test-tool-coverage.c: terrind coverage
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "test-tool-common.h"

static guint
count_occurrences (const GString *text,
                   const char    *needle)
{
  guint n = 0;

  for (const char *p = strstr (text->str, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

/* The default names no referent: every territory is missing, for all four. */
START_TEST (test_default)
{
  g_auto(ToolRun) run = { 0 };

  /* Phase 1: what the default held before it had phase 2 (the current
   * phase, chosen by the date, is tested in test-tool-phase.c). */
  tool_run (&run, "coverage", "--phase", "1", NULL);
  assert_status (&run, TERRIND_CLI_EXIT_OK);
  ck_assert (g_str_has_prefix (run.out->str, "phase 1 (2018-2022)\n"));
  assert_contains (run.out, "pole-emploi (France Travail): 0 of 149 territories with a referent, 149 without\n");
  ck_assert_uint_eq (count_occurrences (run.out, "0 of 149 territories with a referent, 149 without\n"), 4);
  ck_assert_uint_eq (count_occurrences (run.out, "  without a referent:\n"), 4);
  ck_assert_uint_eq (count_occurrences (run.out, "  with a referent:\n"), 0);
  ck_assert_uint_eq (count_occurrences (run.out, "    ti-8401  Ardèche Drome\n"), 4);
  ck_assert_uint_eq (count_lines (run.out), 1 + 4 * (1 + 1 + 149));
}
END_TEST

START_TEST (test_summary)
{
  g_auto(ToolRun) two = { 0 };
  g_auto(ToolRun) run = { 0 };

  tool_run (&two, "coverage", "--summary", "--phase", "2", NULL);
  assert_status (&two, TERRIND_CLI_EXIT_OK);
  ck_assert_str_eq (two.out->str,
                    "phase 2 (2023-2027)\n"
                    "banque-des-territoires (Banque des Territoires): 0 of 183 territories with a referent, 183 without\n"
                    "bpifrance (Bpifrance): 0 of 183 territories with a referent, 183 without\n"
                    "business-france (Business France): 0 of 183 territories with a referent, 183 without\n"
                    "pole-emploi (France Travail): 0 of 183 territories with a referent, 183 without\n");
  tool_run (&run, "coverage", "--summary", "--phase", "1", NULL);
  assert_status (&run, TERRIND_CLI_EXIT_OK);
  ck_assert_str_eq (run.out->str,
                    "phase 1 (2018-2022)\n"
                    "banque-des-territoires (Banque des Territoires): 0 of 149 territories with a referent, 149 without\n"
                    "bpifrance (Bpifrance): 0 of 149 territories with a referent, 149 without\n"
                    "business-france (Business France): 0 of 149 territories with a referent, 149 without\n"
                    "pole-emploi (France Travail): 0 of 149 territories with a referent, 149 without\n");
}
END_TEST

START_TEST (test_one_operator_with_referents)
{
  g_autofree char *path = tool_fixture ("valid.xml");
  g_auto(ToolRun) run = { 0 };

  tool_run (&run, "coverage", "--file", path, "--operator", "pole-emploi", NULL);
  assert_status (&run, TERRIND_CLI_EXIT_OK);
  ck_assert_str_eq (run.out->str,
                    "pole-emploi (France Travail): 1 of 3 territories with a referent, 2 without\n"
                    "  with a referent:\n"
                    "    ti-8401  Ardèche Drome: Jeanne Martin\n"
                    "  without a referent:\n"
                    "    ti-5301  Lannion & Trégor\n"
                    "    ti-8402  Bièvre Isère\n");
}
END_TEST

START_TEST (test_check)
{
  g_autofree char *dir = g_dir_make_tmp ("terrind-coverage-XXXXXX", NULL);
  g_autofree char *complete = g_build_filename (dir, "complete.xml", NULL);
  g_autoptr(TerrindRegistry) registry = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(ToolRun) missing = { 0 };
  g_auto(ToolRun) full = { 0 };

  tool_run (&missing, "coverage", "--check", "--summary", NULL);
  assert_status (&missing, TERRIND_CLI_EXIT_FAILED);

  /* One territory, one operator, its referent: nothing missing. */
  registry = terrind_registry_new ();
  {
    g_autoptr(TerrindRegion) region = terrind_region_new ("84", "Auvergne-Rhône-Alpes", &error);
    g_autoptr(TerrindOperator) op = terrind_operator_new ("bpifrance", "Bpifrance", &error);
    g_autoptr(TerrindTerritory) territory = terrind_territory_new ("ti-8401", "Ardèche", "84", &error);
    g_autoptr(TerrindReferent) referent = terrind_referent_new ("r1", "bpifrance", "ti-8401", "A. B.", &error);

    terrind_assert_no_error (error);
    ck_assert (terrind_registry_add_region (registry, region, &error));
    ck_assert (terrind_registry_add_operator (registry, op, &error));
    ck_assert (terrind_registry_add_territory (registry, territory, &error));
    ck_assert (terrind_registry_add_referent (registry, referent, &error));
    ck_assert (terrind_registry_export_file (registry, complete, &error));
  }
  tool_run (&full, "coverage", "--check", "--file", complete, NULL);
  assert_status (&full, TERRIND_CLI_EXIT_OK);
  ck_assert_str_eq (full.out->str,
                    "bpifrance (Bpifrance): 1 of 1 territories with a referent, 0 without\n"
                    "  with a referent:\n"
                    "    ti-8401  Ardèche: A. B.\n");
  g_remove (complete);
  g_rmdir (dir);
}
END_TEST

START_TEST (test_bad_arguments)
{
  g_autofree char *bad = tool_fixture ("second-referent.xml");
  g_auto(ToolRun) unknown = { 0 };
  g_auto(ToolRun) extra = { 0 };
  g_auto(ToolRun) invalid = { 0 };

  tool_run (&unknown, "coverage", "--operator", "nobody", NULL);
  assert_status (&unknown, TERRIND_CLI_EXIT_USAGE);
  assert_contains (unknown.err, "no operator 'nobody'");

  tool_run (&extra, "coverage", "bpifrance", NULL);
  assert_status (&extra, TERRIND_CLI_EXIT_USAGE);

  tool_run (&invalid, "coverage", "--file", bad, NULL);
  assert_status (&invalid, TERRIND_CLI_EXIT_FAILED);
  ck_assert (g_str_has_prefix (invalid.err->str, bad));
}
END_TEST

int
main (void)
{
  Suite *suite = suite_create ("tool-coverage");
  TCase *tc = tcase_create ("coverage");

  tcase_add_test (tc, test_default);
  tcase_add_test (tc, test_summary);
  tcase_add_test (tc, test_one_operator_with_referents);
  tcase_add_test (tc, test_check);
  tcase_add_test (tc, test_bad_arguments);
  suite_add_tcase (suite, tc);
  return terrind_test_run (suite);
}
