/* test-tool-validate.c: terrind validate
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "test-tool-common.h"

/* @err must be exactly one line "PATH:LINE:COL: message". */
static void
assert_one_located_problem (const GString *err,
                            const char    *path,
                            guint          line,
                            guint          column)
{
  g_autofree char *prefix = g_strdup_printf ("%s:%u:%u: ", path, line, column);

  ck_assert_msg (g_str_has_prefix (err->str, prefix), "expected \"%s...\", got:\n%s", prefix, err->str);
  ck_assert_uint_eq (count_lines (err), 1);
  ck_assert_uint_gt (err->len, strlen (prefix) + 1);
  /* The location is not repeated inside the message. */
  ck_assert_ptr_null (strstr (err->str + strlen (prefix), prefix));
}

START_TEST (test_valid_file)
{
  g_autofree char *path = tool_fixture ("valid.xml");
  g_autofree char *expected = g_strdup_printf ("%s: valid (0 phases, 2 regions, 2 operators, "
                                               "3 territories, 1 conventions, 2 commitments, "
                                               "2 referents, 0 designations, 0 investments)\n", path);
  g_auto(ToolRun) run = { 0 };

  tool_run (&run, "validate", path, NULL);
  assert_status (&run, TERRIND_CLI_EXIT_OK);
  ck_assert_str_eq (run.out->str, expected);
  ck_assert_uint_eq (run.err->len, 0);
}
END_TEST

START_TEST (test_quiet)
{
  g_autofree char *path = tool_fixture ("valid.xml");
  g_auto(ToolRun) run = { 0 };

  tool_run (&run, "validate", "-q", path, NULL);
  assert_status (&run, TERRIND_CLI_EXIT_OK);
  ck_assert_uint_eq (run.out->len, 0);
  ck_assert_uint_eq (run.err->len, 0);
}
END_TEST

/* Each broken fixture: exit 1 and one FILE:LINE:COL line at the right place. */
static const struct {
  const char *file;
  guint       line;
  guint       column;
  const char *words;
} invalid_files[] = {
  { "bad-siren.xml", 24, 7, "SIREN" },
  { "unknown-region.xml", 14, 5, "99" },
  { "second-referent.xml", 41, 5, "ti-8401" },
};

START_TEST (test_invalid_file)
{
  g_autofree char *path = tool_fixture (invalid_files[_i].file);
  g_auto(ToolRun) run = { 0 };

  tool_run (&run, "validate", path, NULL);
  assert_status (&run, TERRIND_CLI_EXIT_FAILED);
  assert_one_located_problem (run.err, path, invalid_files[_i].line, invalid_files[_i].column);
  assert_contains (run.err, invalid_files[_i].words);
  ck_assert_uint_eq (run.out->len, 0);
}
END_TEST

START_TEST (test_not_well_formed)
{
  g_autofree char *path = tool_fixture ("not-well-formed.xml");
  g_autofree char *prefix = g_strdup_printf ("%s:", path);
  g_auto(ToolRun) run = { 0 };
  g_auto(GStrv) fields = NULL;

  tool_run (&run, "validate", path, NULL);
  assert_status (&run, TERRIND_CLI_EXIT_FAILED);
  ck_assert (g_str_has_prefix (run.err->str, prefix));
  fields = g_strsplit (run.err->str + strlen (prefix), ":", 3);
  ck_assert_uint_eq (g_strv_length (fields), 3);
  ck_assert_int_gt (atoi (fields[0]), 0);
  ck_assert_uint_eq (count_lines (run.err), 1);
}
END_TEST

/* Every file is checked, even after a failure; each gets its own line. */
START_TEST (test_several_files)
{
  g_autofree char *valid = tool_fixture ("valid.xml");
  g_autofree char *bad = tool_fixture ("bad-siren.xml");
  g_autofree char *region = tool_fixture ("unknown-region.xml");
  g_auto(ToolRun) run = { 0 };

  tool_run (&run, "validate", bad, valid, region, NULL);
  assert_status (&run, TERRIND_CLI_EXIT_FAILED);
  ck_assert_uint_eq (count_lines (run.err), 2);
  assert_contains (run.err, bad);
  assert_contains (run.err, region);
  assert_contains (run.out, valid);
}
END_TEST

START_TEST (test_missing_file)
{
  g_autofree char *missing = tool_fixture ("no-such-file.xml");
  g_autofree char *bad = tool_fixture ("bad-siren.xml");
  g_auto(ToolRun) run = { 0 };

  /* An unreadable file is an I/O error, which outranks invalid data. */
  tool_run (&run, "validate", missing, bad, NULL);
  assert_status (&run, TERRIND_CLI_EXIT_USAGE);
  ck_assert_uint_eq (count_lines (run.err), 2);
  ck_assert (g_str_has_prefix (run.err->str, missing));
}
END_TEST

START_TEST (test_no_file)
{
  g_auto(ToolRun) run = { 0 };

  tool_run (&run, "validate", NULL);
  assert_status (&run, TERRIND_CLI_EXIT_USAGE);
  assert_contains (run.err, "no file given");
}
END_TEST

START_TEST (test_canonical)
{
  g_autofree char *valid = tool_fixture ("valid.xml");
  g_autofree char *contents = NULL;
  g_autofree char *dir = g_dir_make_tmp ("terrind-validate-XXXXXX", NULL);
  g_autofree char *copy = g_build_filename (dir, "spaced.xml", NULL);
  g_autoptr(GString) spaced = NULL;
  g_auto(ToolRun) run = { 0 };
  g_auto(ToolRun) loose = { 0 };
  g_auto(ToolRun) strict = { 0 };

  tool_run (&run, "validate", "--canonical", valid, NULL);
  assert_status (&run, TERRIND_CLI_EXIT_OK);
  assert_contains (run.out, "valid and canonical");

  /* Same data, one attribute spelled with single quotes on line 4. */
  ck_assert (g_file_get_contents (valid, &contents, NULL, NULL));
  spaced = g_string_new (contents);
  g_string_replace (spaced, "<region code=\"53\"", "<region code='53'", 1);
  ck_assert (g_file_set_contents (copy, spaced->str, spaced->len, NULL));

  tool_run (&loose, "validate", copy, NULL);
  assert_status (&loose, TERRIND_CLI_EXIT_OK);
  tool_run (&strict, "validate", "--canonical", copy, NULL);
  assert_status (&strict, TERRIND_CLI_EXIT_FAILED);
  {
    g_autofree char *prefix = g_strdup_printf ("%s:4:1: ", copy);
    ck_assert_msg (g_str_has_prefix (strict.err->str, prefix), "%s", strict.err->str);
  }

  g_unlink (copy);
  g_rmdir (dir);
}
END_TEST

START_TEST (test_canonical_invalid)
{
  g_autofree char *bad = tool_fixture ("bad-siren.xml");
  g_auto(ToolRun) run = { 0 };

  tool_run (&run, "validate", "--canonical", bad, NULL);
  assert_status (&run, TERRIND_CLI_EXIT_FAILED);
  assert_one_located_problem (run.err, bad, 24, 7);
}
END_TEST

/* Every problem of a file, one FILE:LINE:COL line each, up to --max-errors. */
static const guint several_lines[] = { 5, 11, 17, 22, 29, 31 };

static void
assert_problem_lines (const GString *err,
                      const char    *path,
                      guint          n)
{
  g_auto(GStrv) lines = g_strsplit (err->str, "\n", -1);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *prefix = g_strdup_printf ("%s:%u:", path, several_lines[i]);

      ck_assert_msg (g_str_has_prefix (lines[i], prefix), "line %u: expected \"%s...\", got:\n%s",
                     i, prefix, err->str);
    }
}

START_TEST (test_every_problem)
{
  g_autofree char *path = tool_fixture ("several-problems.xml");
  g_auto(ToolRun) run = { 0 };
  g_auto(ToolRun) all = { 0 };

  tool_run (&run, "validate", path, NULL);
  assert_status (&run, TERRIND_CLI_EXIT_FAILED);
  ck_assert_uint_eq (count_lines (run.err), G_N_ELEMENTS (several_lines));
  assert_problem_lines (run.err, path, G_N_ELEMENTS (several_lines));
  ck_assert_ptr_null (strstr (run.err->str, "stopped"));
  ck_assert_uint_eq (run.out->len, 0);

  tool_run (&all, "validate", "--max-errors", "0", path, NULL);
  assert_status (&all, TERRIND_CLI_EXIT_FAILED);
  ck_assert_str_eq (all.err->str, run.err->str);
}
END_TEST

START_TEST (test_max_errors)
{
  g_autofree char *path = tool_fixture ("several-problems.xml");
  g_autofree char *stopped = g_strdup_printf ("%s: stopped after 2 problems", path);
  g_auto(ToolRun) run = { 0 };
  g_auto(ToolRun) first = { 0 };

  tool_run (&run, "validate", "--max-errors=2", path, NULL);
  assert_status (&run, TERRIND_CLI_EXIT_FAILED);
  ck_assert_uint_eq (count_lines (run.err), 3);
  assert_problem_lines (run.err, path, 2);
  assert_contains (run.err, stopped);

  /* 1 is the first problem alone, as validate always said it. */
  tool_run (&first, "validate", "-m", "1", path, NULL);
  assert_status (&first, TERRIND_CLI_EXIT_FAILED);
  assert_one_located_problem (first.err, path, 5, 5);
}
END_TEST

START_TEST (test_max_errors_canonical)
{
  g_autofree char *path = tool_fixture ("several-problems.xml");
  g_auto(ToolRun) run = { 0 };

  tool_run (&run, "validate", "--canonical", "--max-errors", "3", path, NULL);
  assert_status (&run, TERRIND_CLI_EXIT_FAILED);
  ck_assert_uint_eq (count_lines (run.err), 4);
  assert_problem_lines (run.err, path, 3);
}
END_TEST

START_TEST (test_max_errors_negative)
{
  g_autofree char *path = tool_fixture ("several-problems.xml");
  g_auto(ToolRun) run = { 0 };

  tool_run (&run, "validate", "--max-errors=-1", path, NULL);
  assert_status (&run, TERRIND_CLI_EXIT_USAGE);
  assert_contains (run.err, "--max-errors");
}
END_TEST

int
main (void)
{
  Suite *suite = suite_create ("tool-validate");
  TCase *tc = tcase_create ("validate");

  tcase_add_test (tc, test_valid_file);
  tcase_add_test (tc, test_quiet);
  tcase_add_loop_test (tc, test_invalid_file, 0, G_N_ELEMENTS (invalid_files));
  tcase_add_test (tc, test_not_well_formed);
  tcase_add_test (tc, test_several_files);
  tcase_add_test (tc, test_missing_file);
  tcase_add_test (tc, test_no_file);
  tcase_add_test (tc, test_canonical);
  tcase_add_test (tc, test_canonical_invalid);
  tcase_add_test (tc, test_every_problem);
  tcase_add_test (tc, test_max_errors);
  tcase_add_test (tc, test_max_errors_canonical);
  tcase_add_test (tc, test_max_errors_negative);
  suite_add_tcase (suite, tc);
  return terrind_test_run (suite);
}
