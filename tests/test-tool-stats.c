/* test-tool-stats.c: terrind stats
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "test-tool-common.h"

START_TEST (test_default)
{
  g_auto(ToolRun) run = { 0 };

  /* The per-region table is phase 1's, whatever the date. */
  tool_run (&run, "stats", "--phase", "1", NULL);
  assert_status (&run, TERRIND_CLI_EXIT_OK);
  /* 751 distinct SIRENs: 588 + 641 - 478 in both. */
  ck_assert (g_str_has_prefix (run.out->str,
                               "KIND           COUNT\n"
                               "phases         2\n"
                               "regions        18\n"
                               "operators      4\n"
                               "territories    332\n"
                               "member SIRENs  751\n"
                               "conventions    4\n"
                               "commitments    12\n"
                               "referents      0\n"
                               "designations   0\n"
                               "investments    0\n"
                               "\n"
                               "PHASE  YEARS      TERRITORIES  MEMBER SIRENS  NAME\n"
                               "1      2018-2022  149          588            Phase 1\n"
                               "2      2023-2027  183          641            Phase 2\n"
                               "member SIRENs in both phases: 478\n"
                               "\n"
                               "phase 1 (2018-2022), per region:\n"
                               "REGION  TERRITORIES  MEMBERS  REFERENTS  NAME\n"));
  assert_contains (run.out, "\n06      0            0        0          Mayotte\n");
  assert_contains (run.out, "\n84      17           78       0          Auvergne-Rhône-Alpes\n");
  /* the kinds (a header, eight rows), a blank line, the phases (a header,
   * two rows, the shared count), a blank line, the region table (its
   * heading, a header, eighteen regions) */
  ck_assert_uint_eq (count_lines (run.out), (1 + 10) + 1 + (1 + 2 + 1) + 1 + (1 + 1 + 18));
}
END_TEST

START_TEST (test_file)
{
  g_autofree char *path = tool_fixture ("valid.xml");
  g_auto(ToolRun) run = { 0 };

  tool_run (&run, "stats", "--file", path, NULL);
  assert_status (&run, TERRIND_CLI_EXIT_OK);
  assert_contains (run.out, "commitments    2\nreferents      2\ndesignations   0\ninvestments    0\n");
  assert_contains (run.out, "\n53      1            1        1          Bretagne\n");
  assert_contains (run.out, "\n84      2            3        1          Auvergne-Rhône-Alpes\n");
}
END_TEST

START_TEST (test_bad_arguments)
{
  g_autofree char *missing = tool_fixture ("no-such-file.xml");
  g_auto(ToolRun) extra = { 0 };
  g_auto(ToolRun) unreadable = { 0 };

  tool_run (&extra, "stats", "84", NULL);
  assert_status (&extra, TERRIND_CLI_EXIT_USAGE);
  tool_run (&unreadable, "stats", "-f", missing, NULL);
  assert_status (&unreadable, TERRIND_CLI_EXIT_USAGE);
  ck_assert_uint_eq (unreadable.out->len, 0);
}
END_TEST

int
main (void)
{
  Suite *suite = suite_create ("tool-stats");
  TCase *tc = tcase_create ("stats");

  tcase_add_test (tc, test_default);
  tcase_add_test (tc, test_file);
  tcase_add_test (tc, test_bad_arguments);
  suite_add_tcase (suite, tc);
  return terrind_test_run (suite);
}
