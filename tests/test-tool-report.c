/* test-tool-report.c: terrind report
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The page is parsed back with libxml2's HTML parser; that a browser shows
 * it without a complaint is test-report-browser.sh's part.
 */

#include "config.h"

#include "test-tool-common.h"
#include "test-tool-map-common.h"

START_TEST (test_default)
{
  g_autoptr(MapDir) dir = map_dir_new ();
  g_autofree char *html = g_build_filename (dir->path, "report.html", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GHashTable) classes = NULL;
  g_auto(ToolRun) run = { 0 };

  tool_run (&run, "report", "--date", "2026-03-01", "-o", html, NULL);
  assert_status (&run, TERRIND_CLI_EXIT_OK);
  ck_assert_str_eq (run.err->str, "");
  classes = map_read_territories (html);
  ck_assert_uint_eq (g_hash_table_size (classes), 183);

  /* Coverage: a row per region with territories, and the total. */
  ck_assert_uint_eq (map_count (html, "//table[@class='coverage']/tbody/tr"), 18 + 1);
  ck_assert_uint_eq (map_count (html, "//table[@class='coverage']/thead/tr/th"), 2 + 4);
  /* Commitments: every finding of every phase, one row each. */
  {
    g_autoptr(TerrindRegistry) registry = terrind_registry_new_default (NULL);
    g_autoptr(TerrindEvaluationOptions) options = terrind_evaluation_options_new ();
    g_autoptr(TerrindEvaluation) evaluation = NULL;

    terrind_evaluation_options_set_date (options, "2026-03-01");
    evaluation = terrind_registry_evaluate (registry, options, NULL);
    ck_assert_uint_gt (terrind_evaluation_get_n_findings (evaluation), 0);
    ck_assert_uint_eq (map_count (html, "//table[@class='commitments']/tbody/tr"),
                       terrind_evaluation_get_n_findings (evaluation));
  }
  map_assert_text (html, "As of 2026-03-01, phase 2 (2023-2027)");
  map_assert_text (html, "bpi-single-referent");

  /* Self-contained: nothing to fetch, nothing to run. */
  ck_assert (g_file_get_contents (html, &contents, NULL, NULL));
  ck_assert (g_str_has_prefix (contents, "<!DOCTYPE html>\n"));
  ck_assert (strstr (contents, "<script") == NULL);
  ck_assert (strstr (contents, "src=") == NULL);
  ck_assert (strstr (contents, "href=") == NULL);
  ck_assert (strstr (contents, "@import") == NULL);
  ck_assert (strstr (contents, "url(") == NULL);
}
END_TEST

START_TEST (test_phase1)
{
  g_autoptr(MapDir) dir = map_dir_new ();
  g_autofree char *html = g_build_filename (dir->path, "report.html", NULL);
  g_autoptr(GHashTable) classes = NULL;
  g_auto(ToolRun) run = { 0 };

  tool_run (&run, "report", "--phase", "1", "--date", "2026-03-01", "-o", html, NULL);
  assert_status (&run, TERRIND_CLI_EXIT_OK);
  classes = map_read_territories (html);
  ck_assert_uint_eq (g_hash_table_size (classes), 149);
  map_assert_text (html, "phase 1 (2018-2022)");
}
END_TEST

START_TEST (test_hostile_names)
{
  g_autoptr(MapDir) dir = map_dir_new ();
  g_autofree char *html = g_build_filename (dir->path, "report.html", NULL);
  g_autofree char *registry_path = g_build_filename (dir->path, "hostile.xml", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(TerrindRegistry) registry = terrind_registry_new ();
  g_autoptr(GError) error = NULL;
  g_auto(ToolRun) run = { 0 };
  const char *hostile = "<script>alert(1)</script><img src=x onerror=alert(2)> & \"q\"";

  {
    g_autoptr(TerrindRegion) region = terrind_region_new ("84", hostile, &error);
    g_autoptr(TerrindOperator) op = terrind_operator_new ("bpifrance", hostile, &error);
    g_autoptr(TerrindTerritory) territory = terrind_territory_new ("ti-8401", hostile, "84", &error);

    terrind_assert_no_error (error);
    ck_assert (terrind_registry_add_region (registry, region, &error));
    ck_assert (terrind_registry_add_operator (registry, op, &error));
    ck_assert (terrind_registry_add_territory (registry, territory, &error));
    ck_assert (terrind_registry_export_file (registry, registry_path, &error));
  }
  tool_run (&run, "report", "--file", registry_path, "--date", "2026-03-01", "-o", html, NULL);
  assert_status (&run, TERRIND_CLI_EXIT_OK);
  ck_assert (g_file_get_contents (html, &contents, NULL, NULL));
  ck_assert (strstr (contents, "<script") == NULL);
  ck_assert (strstr (contents, "<img") == NULL);
  map_assert_text (html, hostile);
  ck_assert_uint_eq (map_count (html, "//table[@class='coverage']/thead/tr/th"), 2 + 1);
}
END_TEST

START_TEST (test_stdout)
{
  g_auto(ToolRun) run = { 0 };

  tool_run (&run, "report", "--date", "2026-03-01", "-o", "-", NULL);
  assert_status (&run, TERRIND_CLI_EXIT_OK);
  ck_assert (g_str_has_prefix (run.out->str, "<!DOCTYPE html>\n"));
  ck_assert (g_str_has_suffix (run.out->str, "</html>\n"));
}
END_TEST

START_TEST (test_failures)
{
  g_autoptr(MapDir) dir = map_dir_new ();
  g_autofree char *html = g_build_filename (dir->path, "report.html", NULL);
  g_autofree char *nowhere = g_build_filename (dir->path, "no-such-dir", "report.html", NULL);
  g_autofree char *garbage = g_build_filename (dir->path, "garbage.json", NULL);
  g_auto(ToolRun) phase = { 0 };
  g_auto(ToolRun) date = { 0 };
  g_auto(ToolRun) absent = { 0 };
  g_auto(ToolRun) hostile = { 0 };
  g_auto(ToolRun) unwritable = { 0 };
  g_auto(ToolRun) no_output = { 0 };
  g_auto(ToolRun) extra = { 0 };

  tool_run (&phase, "report", "--phase", "9", "-o", html, NULL);
  assert_status (&phase, TERRIND_CLI_EXIT_USAGE);
  assert_contains (phase.err, "no phase 9");
  tool_run (&date, "report", "--date", "2026-13-01", "-o", html, NULL);
  assert_status (&date, TERRIND_CLI_EXIT_USAGE);
  assert_contains (date.err, "--date takes a day");
  tool_run (&absent, "report", "--geometry", "/nonexistent/geometry.json", "-o", html, NULL);
  assert_status (&absent, TERRIND_CLI_EXIT_USAGE);
  assert_contains (absent.err, "/nonexistent/geometry.json");
  ck_assert (g_file_set_contents (garbage, "{\"type\":\"FeatureCollection\"}", -1, NULL));
  tool_run (&hostile, "report", "--geometry", garbage, "-o", html, NULL);
  assert_status (&hostile, TERRIND_CLI_EXIT_FAILED);
  assert_contains (hostile.err, "not a terrind geometry file");
  ck_assert (!g_file_test (html, G_FILE_TEST_EXISTS));

  tool_run (&unwritable, "report", "--date", "2026-03-01", "-o", nowhere, NULL);
  assert_status (&unwritable, TERRIND_CLI_EXIT_USAGE);
  assert_contains (unwritable.err, "terrind report: cannot write '");
  tool_run (&no_output, "report", NULL);
  assert_status (&no_output, TERRIND_CLI_EXIT_USAGE);
  tool_run (&extra, "report", "more", "-o", html, NULL);
  assert_status (&extra, TERRIND_CLI_EXIT_USAGE);
}
END_TEST

START_TEST (test_help)
{
  g_auto(ToolRun) run = { 0 };
  const char *options[] = { "--file", "--phase", "--date", "--geometry", "--output", "--help" };

  tool_run (&run, "report", "--help", NULL);
  assert_status (&run, TERRIND_CLI_EXIT_OK);
  for (guint i = 0; i < G_N_ELEMENTS (options); i++)
    assert_contains (run.out, options[i]);
}
END_TEST

int
main (void)
{
  Suite *suite = suite_create ("tool-report");
  TCase *tc = tcase_create ("report");

  map_test_setup ();
  tcase_add_test (tc, test_default);
  tcase_add_test (tc, test_phase1);
  tcase_add_test (tc, test_hostile_names);
  tcase_add_test (tc, test_stdout);
  tcase_add_test (tc, test_failures);
  tcase_add_test (tc, test_help);
  suite_add_tcase (suite, tc);
  return terrind_test_run (suite);
}
