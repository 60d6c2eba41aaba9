/* test-version.c: compile-time and run-time version information
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "terrind-test.h"

START_TEST (test_runtime_matches_headers)
{
  g_autofree char *built = g_strdup_printf ("%u.%u.%u", terrind_version_major (),
                                            terrind_version_minor (),
                                            terrind_version_micro ());

  ck_assert_uint_eq (terrind_version_major (), TERRIND_MAJOR_VERSION);
  ck_assert_uint_eq (terrind_version_minor (), TERRIND_MINOR_VERSION);
  ck_assert_uint_eq (terrind_version_micro (), TERRIND_MICRO_VERSION);
  ck_assert_ptr_nonnull (terrind_version_string ());
  ck_assert_str_eq (terrind_version_string (), TERRIND_VERSION_STRING);
  ck_assert_str_eq (terrind_version_string (), built);
}
END_TEST

START_TEST (test_version_matches_package)
{
  /* The headers and the build must agree with the package version that
   * configure was given. */
  ck_assert_str_eq (TERRIND_VERSION_STRING, PACKAGE_VERSION);
}
END_TEST

START_TEST (test_check_version_accepts_older_and_equal)
{
  ck_assert (terrind_check_version (TERRIND_MAJOR_VERSION, TERRIND_MINOR_VERSION,
                                    TERRIND_MICRO_VERSION));
  ck_assert (terrind_check_version (TERRIND_MAJOR_VERSION, 0, 0));
  if (TERRIND_MINOR_VERSION > 0)
    ck_assert (terrind_check_version (TERRIND_MAJOR_VERSION, TERRIND_MINOR_VERSION - 1, 999));
  if (TERRIND_MICRO_VERSION > 0)
    ck_assert (terrind_check_version (TERRIND_MAJOR_VERSION, TERRIND_MINOR_VERSION,
                                      TERRIND_MICRO_VERSION - 1));
}
END_TEST

START_TEST (test_check_version_refuses_newer)
{
  ck_assert (!terrind_check_version (TERRIND_MAJOR_VERSION, TERRIND_MINOR_VERSION,
                                     TERRIND_MICRO_VERSION + 1));
  ck_assert (!terrind_check_version (TERRIND_MAJOR_VERSION, TERRIND_MINOR_VERSION + 1, 0));
  ck_assert (!terrind_check_version (TERRIND_MAJOR_VERSION + 1, 0, 0));
  ck_assert (!terrind_check_version (G_MAXUINT, G_MAXUINT, G_MAXUINT));
}
END_TEST

START_TEST (test_check_version_macro)
{
  ck_assert (TERRIND_CHECK_VERSION (TERRIND_MAJOR_VERSION, TERRIND_MINOR_VERSION,
                                    TERRIND_MICRO_VERSION));
  ck_assert (TERRIND_CHECK_VERSION (0, 0, 0));
  ck_assert (!TERRIND_CHECK_VERSION (TERRIND_MAJOR_VERSION, TERRIND_MINOR_VERSION,
                                     TERRIND_MICRO_VERSION + 1));
  ck_assert (!TERRIND_CHECK_VERSION (TERRIND_MAJOR_VERSION + 1, 0, 0));
#if !TERRIND_CHECK_VERSION (1, 0, 0)
  ck_abort_msg ("TERRIND_CHECK_VERSION must work in #if");
#endif
}
END_TEST

static Suite *
version_suite (void)
{
  Suite *suite = suite_create ("version");
  TCase *tc = tcase_create ("version");

  tcase_add_test (tc, test_runtime_matches_headers);
  tcase_add_test (tc, test_version_matches_package);
  tcase_add_test (tc, test_check_version_accepts_older_and_equal);
  tcase_add_test (tc, test_check_version_refuses_newer);
  tcase_add_test (tc, test_check_version_macro);
  suite_add_tcase (suite, tc);
  return suite;
}

int
main (void)
{
  return terrind_test_run (version_suite ());
}
