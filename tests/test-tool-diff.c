/* test-tool-diff.c: terrind diff
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "test-tool-common.h"

START_TEST (test_identical)
{
  g_autofree char *path = tool_fixture ("valid.xml");
  g_auto(ToolRun) run = { 0 };

  tool_run (&run, "diff", path, path, NULL);
  assert_status (&run, TERRIND_CLI_EXIT_OK);
  ck_assert_uint_eq (run.out->len, 0);
  ck_assert_uint_eq (run.err->len, 0);
}
END_TEST

/* Every kind of change the fixtures hold, by kind, id and field; the fields
 * in the order of the description. */
START_TEST (test_changes)
{
  g_autofree char *a = tool_fixture ("valid.xml");
  g_autofree char *b = tool_fixture ("changed.xml");
  g_auto(ToolRun) run = { 0 };

  tool_run (&run, "diff", a, b, NULL);
  assert_status (&run, TERRIND_CLI_EXIT_FAILED);
  ck_assert_str_eq (run.out->str,
                    "changed territory ti-8401\n"
                    "  name: \"Ardèche Drome\" -> \"Ardèche Drôme\"\n"
                    "  members: added 200041366; removed 200040491\n"
                    "added territory ti-8403\n"
                    "changed commitment c-envelope\n"
                    "  amount: 100000000 -> 120000000\n"
                    "changed referent ref-1\n"
                    "  email: \"jeanne.martin@example.org\" -> \"j.martin@example.org\"\n"
                    "removed referent ref-2\n");
  ck_assert_uint_eq (run.err->len, 0);
}
END_TEST

START_TEST (test_reversed)
{
  g_autofree char *a = tool_fixture ("changed.xml");
  g_autofree char *b = tool_fixture ("valid.xml");
  g_auto(ToolRun) run = { 0 };

  tool_run (&run, "diff", a, b, NULL);
  assert_status (&run, TERRIND_CLI_EXIT_FAILED);
  assert_contains (run.out, "removed territory ti-8403\n");
  assert_contains (run.out, "added referent ref-2\n");
  assert_contains (run.out, "  members: added 200040491; removed 200041366\n");
}
END_TEST

START_TEST (test_quiet)
{
  g_autofree char *a = tool_fixture ("valid.xml");
  g_autofree char *b = tool_fixture ("changed.xml");
  g_auto(ToolRun) run = { 0 };

  tool_run (&run, "diff", "-q", a, b, NULL);
  assert_status (&run, TERRIND_CLI_EXIT_FAILED);
  ck_assert_uint_eq (run.out->len, 0);
}
END_TEST

/* The default against a small file: whole kinds added and removed, and an
 * operator whose fields are all the same is not reported. */
START_TEST (test_against_default)
{
  g_autofree char *shipped = tool_source_file ("data", "default.xml", NULL);
  g_autofree char *path = tool_fixture ("valid.xml");
  g_auto(ToolRun) run = { 0 };

  tool_run (&run, "diff", shipped, path, NULL);
  assert_status (&run, TERRIND_CLI_EXIT_FAILED);
  assert_contains (run.out, "removed region 01\n");
  assert_contains (run.out, "removed operator business-france\n");
  assert_contains (run.out, "removed convention conv-2019-bpifrance\n");
  assert_contains (run.out, "added convention conv-test\n");
  assert_contains (run.out, "added referent ref-1\n");
  assert_contains (run.out, "changed territory ti-8401\n");
  assert_not_contains (run.out, "operator pole-emploi");
  assert_not_contains (run.out, "region 84");
}
END_TEST

START_TEST (test_bad_arguments)
{
  g_autofree char *path = tool_fixture ("valid.xml");
  g_autofree char *bad = tool_fixture ("bad-siren.xml");
  g_autofree char *missing = tool_fixture ("no-such-file.xml");
  g_auto(ToolRun) one = { 0 };
  g_auto(ToolRun) three = { 0 };
  g_auto(ToolRun) stdin_twice = { 0 };
  g_auto(ToolRun) invalid = { 0 };
  g_auto(ToolRun) unreadable = { 0 };

  tool_run (&one, "diff", path, NULL);
  assert_status (&one, TERRIND_CLI_EXIT_USAGE);
  tool_run (&three, "diff", path, path, path, NULL);
  assert_status (&three, TERRIND_CLI_EXIT_USAGE);
  tool_run (&stdin_twice, "diff", "-", "-", NULL);
  assert_status (&stdin_twice, TERRIND_CLI_EXIT_USAGE);

  /* 1 means "different": a file that cannot be loaded is 2 */
  tool_run (&invalid, "diff", path, bad, NULL);
  assert_status (&invalid, TERRIND_CLI_EXIT_USAGE);
  ck_assert (g_str_has_prefix (invalid.err->str, bad));
  ck_assert_uint_eq (invalid.out->len, 0);

  tool_run (&unreadable, "diff", missing, path, NULL);
  assert_status (&unreadable, TERRIND_CLI_EXIT_USAGE);
}
END_TEST

int
main (void)
{
  Suite *suite = suite_create ("tool-diff");
  TCase *tc = tcase_create ("diff");

  tcase_add_test (tc, test_identical);
  tcase_add_test (tc, test_changes);
  tcase_add_test (tc, test_reversed);
  tcase_add_test (tc, test_quiet);
  tcase_add_test (tc, test_against_default);
  tcase_add_test (tc, test_bad_arguments);
  suite_add_tcase (suite, tc);
  return terrind_test_run (suite);
}
