/* test-tool-export.c: terrind export, and the round trip through validate and diff
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <sys/stat.h>

#include <glib/gstdio.h>

#include "test-tool-common.h"

static char *
read_file (const char *path,
           gsize      *length)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  ck_assert_msg (g_file_get_contents (path, &contents, length, &error),
                 "%s", error ? error->message : "");
  return contents;
}

/* The embedded default, exported, is data/default.xml byte for byte. */
START_TEST (test_default_is_the_shipped_file)
{
  g_autofree char *shipped_path = tool_source_file ("data", "default.xml", NULL);
  gsize length = 0;
  g_autofree char *shipped = read_file (shipped_path, &length);
  g_auto(ToolRun) run = { 0 };

  tool_run (&run, "export", NULL);
  assert_status (&run, TERRIND_CLI_EXIT_OK);
  ck_assert_uint_eq (run.out->len, length);
  ck_assert (memcmp (run.out->str, shipped, length) == 0);
  ck_assert_uint_eq (run.err->len, 0);
}
END_TEST

START_TEST (test_canonical_file_unchanged)
{
  g_autofree char *path = tool_fixture ("valid.xml");
  gsize length = 0;
  g_autofree char *contents = read_file (path, &length);
  g_auto(ToolRun) run = { 0 };

  tool_run (&run, "export", "--file", path, NULL);
  assert_status (&run, TERRIND_CLI_EXIT_OK);
  ck_assert_str_eq (run.out->str, contents);
}
END_TEST

/* export -o, then validate and diff the result: the "done" criteria. */
START_TEST (test_round_trip)
{
  g_autofree char *dir = g_dir_make_tmp ("terrind-export-XXXXXX", NULL);
  g_autofree char *out = g_build_filename (dir, "default.xml", NULL);
  g_autofree char *shipped = tool_source_file ("data", "default.xml", NULL);
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_auto(ToolRun) export = { 0 };
  g_auto(ToolRun) validate = { 0 };
  g_auto(ToolRun) diff = { 0 };
  g_auto(ToolRun) self = { 0 };

  tool_run (&export, "export", "-o", out, NULL);
  assert_status (&export, TERRIND_CLI_EXIT_OK);
  ck_assert_uint_eq (export.out->len, 0);
  a = read_file (out, NULL);
  b = read_file (shipped, NULL);
  ck_assert_str_eq (a, b);

  tool_run (&validate, "validate", "--canonical", out, NULL);
  assert_status (&validate, TERRIND_CLI_EXIT_OK);

  tool_run (&diff, "diff", out, shipped, NULL);
  assert_status (&diff, TERRIND_CLI_EXIT_OK);
  ck_assert_uint_eq (diff.out->len, 0);

  tool_run (&self, "diff", out, out, NULL);
  assert_status (&self, TERRIND_CLI_EXIT_OK);
  ck_assert_uint_eq (self.out->len, 0);

  g_remove (out);
  g_rmdir (dir);
}
END_TEST

/* A failed write reports an I/O error and leaves the old file alone. */
START_TEST (test_unwritable_output)
{
  g_autofree char *dir = g_dir_make_tmp ("terrind-export-XXXXXX", NULL);
  g_autofree char *out = g_build_filename (dir, "no-such-dir", "x.xml", NULL);
  g_auto(ToolRun) run = { 0 };

  tool_run (&run, "export", "--output", out, NULL);
  assert_status (&run, TERRIND_CLI_EXIT_USAGE);
  ck_assert (g_str_has_prefix (run.err->str, out));
  ck_assert (!g_file_test (out, G_FILE_TEST_EXISTS));
  g_rmdir (dir);
}
END_TEST

/* "-" and /dev/stdout are the tool's standard output: the whole document
 * goes there (/dev/stdout used to be replaced by a file, or written 0 bytes). */
START_TEST (test_output_to_standard_output)
{
  static const char *const names[] = { "-", "/dev/stdout" };
  g_autofree char *shipped_path = tool_source_file ("data", "default.xml", NULL);
  g_autofree char *shipped = read_file (shipped_path, NULL);
  struct stat before, after;

  ck_assert_int_eq (lstat ("/dev/stdout", &before), 0);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_auto(ToolRun) run = { 0 };

      tool_run (&run, "export", "-o", names[i], NULL);
      assert_status (&run, TERRIND_CLI_EXIT_OK);
      ck_assert_str_eq (run.out->str, shipped);
      ck_assert_uint_eq (run.err->len, 0);
    }
  ck_assert_int_eq (lstat ("/dev/stdout", &after), 0);
  ck_assert (S_ISLNK (after.st_mode));
  ck_assert_uint_eq (after.st_ino, before.st_ino);
}
END_TEST

/* A device is written into, never replaced: as root, "export -o /dev/null"
 * used to turn the system's /dev/null into a regular file. */
START_TEST (test_output_to_null_device)
{
  g_auto(ToolRun) run = { 0 };
  struct stat before, after;

  ck_assert_int_eq (lstat ("/dev/null", &before), 0);
  tool_run (&run, "export", "-o", "/dev/null", NULL);
  assert_status (&run, TERRIND_CLI_EXIT_OK);
  ck_assert_uint_eq (run.out->len, 0);
  ck_assert_uint_eq (run.err->len, 0);
  ck_assert_int_eq (lstat ("/dev/null", &after), 0);
  ck_assert (S_ISCHR (after.st_mode));
  ck_assert_uint_eq (after.st_rdev, before.st_rdev);
}
END_TEST

/* A directory is refused with a message that says what it is. */
START_TEST (test_output_to_directory)
{
  g_autofree char *dir = g_dir_make_tmp ("terrind-export-XXXXXX", NULL);
  g_auto(ToolRun) run = { 0 };

  tool_run (&run, "export", "-o", dir, NULL);
  assert_status (&run, TERRIND_CLI_EXIT_USAGE);
  ck_assert (g_str_has_prefix (run.err->str, dir));
  assert_contains (run.err, "it is a directory");
  ck_assert (g_file_test (dir, G_FILE_TEST_IS_DIR));
  g_rmdir (dir);
}
END_TEST

START_TEST (test_bad_input)
{
  g_autofree char *bad = tool_fixture ("not-well-formed.xml");
  g_autofree char *missing = tool_fixture ("no-such-file.xml");
  g_auto(ToolRun) invalid = { 0 };
  g_auto(ToolRun) unreadable = { 0 };
  g_auto(ToolRun) extra = { 0 };

  tool_run (&invalid, "export", "--file", bad, NULL);
  assert_status (&invalid, TERRIND_CLI_EXIT_FAILED);
  ck_assert_uint_eq (invalid.out->len, 0);

  tool_run (&unreadable, "export", "--file", missing, NULL);
  assert_status (&unreadable, TERRIND_CLI_EXIT_USAGE);

  tool_run (&extra, "export", "out.xml", NULL);
  assert_status (&extra, TERRIND_CLI_EXIT_USAGE);
  assert_contains (extra.err, "unexpected argument 'out.xml'");
}
END_TEST

int
main (void)
{
  Suite *suite = suite_create ("tool-export");
  TCase *tc = tcase_create ("export");

  tcase_add_test (tc, test_default_is_the_shipped_file);
  tcase_add_test (tc, test_canonical_file_unchanged);
  tcase_add_test (tc, test_round_trip);
  tcase_add_test (tc, test_unwritable_output);
  tcase_add_test (tc, test_output_to_standard_output);
  tcase_add_test (tc, test_output_to_null_device);
  tcase_add_test (tc, test_output_to_directory);
  tcase_add_test (tc, test_bad_input);
  suite_add_tcase (suite, tc);
  return terrind_test_run (suite);
}
