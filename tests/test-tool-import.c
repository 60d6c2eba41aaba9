/* test-tool-import.c: terrind import
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <glib/gstdio.h>

#include "test-tool-common.h"

static char *
csv_fixture (const char *name)
{
  const char *data = g_getenv ("TERRIND_TEST_DATA");

  ck_assert_msg (data != NULL, "TERRIND_TEST_DATA is not set");
  return g_build_filename (data, "csv", name, NULL);
}

/* A registry file to import into: the default dataset, exported. */
static char *
make_registry (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "registry.xml", NULL);
  g_auto(ToolRun) run = { 0 };

  tool_run (&run, "export", "-o", path, NULL);
  ck_assert_int_eq (run.status, 0);
  return g_steal_pointer (&path);
}

static char *
read_file (const char *path)
{
  char *data = NULL;

  ck_assert (g_file_get_contents (path, &data, NULL, NULL));
  return data;
}

START_TEST (test_import_into_default)
{
  g_autofree char *dir = g_dir_make_tmp ("terrind-import-XXXXXX", NULL);
  g_autofree char *out = g_build_filename (dir, "out.xml", NULL);
  g_autofree char *csv = csv_fixture ("referents-libreoffice.csv");
  g_auto(ToolRun) run = { 0 };
  g_auto(ToolRun) check = { 0 };
  g_autoptr(TerrindRegistry) registry = NULL;
  g_autoptr(GError) error = NULL;

  tool_run (&run, "import", "-o", out, csv, NULL);
  ck_assert_msg (run.status == 0, "%s", run.err->str);
  ck_assert_msg (strstr (run.out->str, ": 3 rows\n") != NULL, "%s", run.out->str);
  ck_assert_msg (strstr (run.out->str, "referents: 3 added (3 in all)\n") != NULL, "%s",
                 run.out->str);
  registry = terrind_registry_new_from_file (out, &error);
  terrind_assert_no_error (error);
  ck_assert_uint_eq (terrind_registry_get_n_referents (registry), 3);
  tool_run (&check, "validate", out, NULL);
  ck_assert_int_eq (check.status, 0);
  g_unlink (out);
  g_rmdir (dir);
}
END_TEST

/* "-o -": the registry on standard output, the summary out of its way. */
START_TEST (test_import_to_standard_output)
{
  g_autofree char *csv = csv_fixture ("referents-libreoffice.csv");
  g_auto(ToolRun) run = { 0 };
  g_autoptr(TerrindRegistry) registry = NULL;
  g_autoptr(GError) error = NULL;

  tool_run (&run, "import", "-o", "-", csv, NULL);
  ck_assert_msg (run.status == 0, "%s", run.err->str);
  ck_assert_msg (strstr (run.err->str, "referents: 3 added (3 in all)\n") != NULL, "%s",
                 run.err->str);
  registry = terrind_registry_new_from_data (run.out->str, run.out->len, &error);
  terrind_assert_no_error (error);
  ck_assert_uint_eq (terrind_registry_get_n_referents (registry), 3);
  ck_assert (!g_file_test ("-", G_FILE_TEST_EXISTS));
}
END_TEST

/* Three bad rows: each listed, exit 1, the registry file untouched. */
START_TEST (test_bad_rows_leave_the_file)
{
  g_autofree char *dir = g_dir_make_tmp ("terrind-import-XXXXXX", NULL);
  g_autofree char *registry = make_registry (dir);
  g_autofree char *before = read_file (registry);
  g_autofree char *after = NULL;
  g_autofree char *good = csv_fixture ("referents-libreoffice.csv");
  g_autofree char *bad = csv_fixture ("referents-three-bad.csv");
  g_auto(ToolRun) run = { 0 };

  tool_run (&run, "import", "--file", registry, good, bad, NULL);
  ck_assert_int_eq (run.status, 1);
  for (guint i = 0; i < 3; i++)
    {
      static const char * const where[] = { ":3:3: column “territory”", ":4:5: column “email”",
                                            ":6:4: column “person”" };

      const char *found = strstr (run.err->str, where[i]);

      /* Each bad row once: listed, not repeated. */
      ck_assert_msg (found != NULL, "%s", run.err->str);
      ck_assert_msg (strstr (found + 1, where[i]) == NULL, "%s", run.err->str);
    }
  ck_assert_msg (strstr (run.err->str, "nothing written") != NULL, "%s", run.err->str);
  after = read_file (registry);
  ck_assert_str_eq (before, after);
  g_unlink (registry);
  g_rmdir (dir);
}
END_TEST

START_TEST (test_write_back_and_replace)
{
  g_autofree char *dir = g_dir_make_tmp ("terrind-import-XXXXXX", NULL);
  g_autofree char *registry = make_registry (dir);
  g_autofree char *csv = g_build_filename (dir, "r.csv", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_auto(ToolRun) first = { 0 };
  g_auto(ToolRun) again = { 0 };
  g_auto(ToolRun) replace = { 0 };
  g_auto(ToolRun) dry = { 0 };

  ck_assert (g_file_set_contents (csv, "id;operator;territory;person\n"
                                       "r-1;bpifrance;p2-ti-0101;Anne\n", -1, NULL));
  tool_run (&first, "import", "-f", registry, "--kind", "referents", csv, NULL);
  ck_assert_msg (first.status == 0, "%s", first.err->str);
  tool_run (&again, "import", "-f", registry, csv, NULL);
  ck_assert_int_eq (again.status, 1);
  ck_assert_msg (strstr (again.err->str, ":2:0: ") != NULL, "%s", again.err->str);

  ck_assert (g_file_set_contents (csv, "id;operator;territory;person\n"
                                       "r-1;bpifrance;p2-ti-0101;Annie\n", -1, NULL));
  before = read_file (registry);
  tool_run (&dry, "import", "-f", registry, "--replace", "--dry-run", csv, NULL);
  ck_assert_msg (dry.status == 0, "%s", dry.err->str);
  ck_assert (strstr (dry.out->str, "dry run") != NULL);
  after = read_file (registry);
  ck_assert_str_eq (before, after);
  g_clear_pointer (&after, g_free);

  tool_run (&replace, "import", "-f", registry, "-r", "-s", ";", csv, NULL);
  ck_assert_msg (replace.status == 0, "%s", replace.err->str);
  after = read_file (registry);
  ck_assert (strstr (after, "Annie") != NULL);
  g_unlink (csv);
  g_unlink (registry);
  g_rmdir (dir);
}
END_TEST

START_TEST (test_usage)
{
  g_autofree char *csv = csv_fixture ("referents-libreoffice.csv");
  static const char *const words[] = {
    "no CSV file", "needs -o", "unknown kind", "--separator", "--max-errors",
  };
  ToolRun runs[5] = { { 0 } };
  g_auto(ToolRun) missing = { 0 };
  g_auto(ToolRun) help = { 0 };

  tool_run (&runs[0], "import", "-n", NULL);
  tool_run (&runs[1], "import", csv, NULL);
  tool_run (&runs[2], "import", "-n", "--kind", "nope", csv, NULL);
  tool_run (&runs[3], "import", "-n", "--separator", "|", csv, NULL);
  tool_run (&runs[4], "import", "-n", "--max-errors", "-5", csv, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (runs); i++)
    {
      ck_assert_int_eq (runs[i].status, 2);
      ck_assert_msg (strstr (runs[i].err->str, words[i]) != NULL, "%s", runs[i].err->str);
      tool_run_clear (&runs[i]);
    }
  tool_run (&missing, "import", "-n", "/nonexistent/x.csv", NULL);
  ck_assert_int_eq (missing.status, 2);
  tool_run (&help, "import", "--help", NULL);
  ck_assert_int_eq (help.status, 0);
  for (guint i = 0; i < 7; i++)
    {
      static const char *const options[] = { "--file", "--output", "--replace", "--dry-run",
                                             "--kind", "--separator", "--max-errors" };

      ck_assert_msg (strstr (help.out->str, options[i]) != NULL, "%s", options[i]);
    }
}
END_TEST

START_TEST (test_max_errors)
{
  g_autofree char *bad = csv_fixture ("referents-three-bad.csv");
  g_auto(ToolRun) run = { 0 };

  tool_run (&run, "import", "-n", "--max-errors", "2", bad, NULL);
  ck_assert_int_eq (run.status, 1);
  ck_assert_msg (strstr (run.err->str, "(stopped after 2 problems)") != NULL, "%s",
                 run.err->str);
}
END_TEST

static Suite *
tool_import_suite (void)
{
  Suite *suite = suite_create ("tool-import");
  TCase *tc = tcase_create ("tool-import");

  tcase_add_test (tc, test_import_into_default);
  tcase_add_test (tc, test_import_to_standard_output);
  tcase_add_test (tc, test_bad_rows_leave_the_file);
  tcase_add_test (tc, test_write_back_and_replace);
  tcase_add_test (tc, test_usage);
  tcase_add_test (tc, test_max_errors);
  suite_add_tcase (suite, tc);
  return suite;
}

int
main (void)
{
  return terrind_test_run (tool_import_suite ());
}
