/* test-tool-main.c: the terrind tool's dispatch, help and usage errors
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "test-tool-common.h"

static const char *const command_names[] = {
  "validate", "list", "show", "coverage", "export", "diff", "stats", "commitments",
};

START_TEST (test_no_command)
{
  g_auto(ToolRun) run = { 0 };

  tool_run (&run, NULL);
  assert_status (&run, TERRIND_CLI_EXIT_USAGE);
  assert_contains (run.out, "Usage:\n  terrind COMMAND");
  assert_contains (run.err, "no command given");
}
END_TEST

START_TEST (test_help_lists_every_command)
{
  g_auto(ToolRun) run = { 0 };

  tool_run (&run, "--help", NULL);
  assert_status (&run, TERRIND_CLI_EXIT_OK);
  for (guint i = 0; i < G_N_ELEMENTS (command_names); i++)
    {
      g_autofree char *line = g_strdup_printf ("\n  %s ", command_names[i]);
      assert_contains (run.out, line);
    }
  ck_assert_uint_eq (run.err->len, 0);
}
END_TEST

START_TEST (test_version)
{
  g_auto(ToolRun) run = { 0 };
  g_autofree char *expected = g_strdup_printf ("terrind %s\n", terrind_version_string ());

  tool_run (&run, "--version", NULL);
  assert_status (&run, TERRIND_CLI_EXIT_OK);
  ck_assert_str_eq (run.out->str, expected);
}
END_TEST

START_TEST (test_unknown_command)
{
  g_auto(ToolRun) run = { 0 };

  tool_run (&run, "frobnicate", NULL);
  assert_status (&run, TERRIND_CLI_EXIT_USAGE);
  assert_contains (run.err, "unknown command 'frobnicate'");
  ck_assert_uint_eq (run.out->len, 0);
}
END_TEST

/* Every command answers --help on stdout, with its own usage line, and
 * "terrind help CMD" says the same. */
START_TEST (test_command_help)
{
  const char *name = command_names[_i];
  g_autofree char *usage = g_strdup_printf ("Usage:\n  terrind %s [OPTION…]", name);
  g_auto(ToolRun) run = { 0 };
  g_auto(ToolRun) again = { 0 };

  tool_run (&run, name, "--help", NULL);
  assert_status (&run, TERRIND_CLI_EXIT_OK);
  ck_assert_msg (g_str_has_prefix (run.out->str, usage), "help of %s:\n%s", name, run.out->str);
  assert_contains (run.out, "-h, --help");
  ck_assert_uint_eq (run.err->len, 0);

  tool_run (&again, "help", name, NULL);
  assert_status (&again, TERRIND_CLI_EXIT_OK);
  ck_assert_str_eq (again.out->str, run.out->str);
}
END_TEST

START_TEST (test_command_unknown_option)
{
  const char *name = command_names[_i];
  g_autofree char *hint = g_strdup_printf ("Try 'terrind %s --help'.", name);
  g_auto(ToolRun) run = { 0 };

  tool_run (&run, name, "--no-such-option", NULL);
  assert_status (&run, TERRIND_CLI_EXIT_USAGE);
  assert_contains (run.err, "--no-such-option");
  assert_contains (run.err, hint);
  ck_assert_uint_eq (run.out->len, 0);
}
END_TEST

START_TEST (test_help_unknown_command)
{
  g_auto(ToolRun) run = { 0 };

  tool_run (&run, "help", "frobnicate", NULL);
  assert_status (&run, TERRIND_CLI_EXIT_USAGE);
  assert_contains (run.err, "unknown command 'frobnicate'");
}
END_TEST

int
main (void)
{
  Suite *suite = suite_create ("tool-main");
  TCase *tc = tcase_create ("main");

  tcase_add_test (tc, test_no_command);
  tcase_add_test (tc, test_help_lists_every_command);
  tcase_add_test (tc, test_version);
  tcase_add_test (tc, test_unknown_command);
  tcase_add_loop_test (tc, test_command_help, 0, G_N_ELEMENTS (command_names));
  tcase_add_loop_test (tc, test_command_unknown_option, 0, G_N_ELEMENTS (command_names));
  tcase_add_test (tc, test_help_unknown_command);
  suite_add_tcase (suite, tc);
  return terrind_test_run (suite);
}
