/* terrind-test.h: small helpers shared by the Check suites
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <check.h>
#include <terrind.h>

/* Asserts that @err is set, in TERRIND_ERROR, with @expected; then clears
 * it. (The parameter must not be called "code": that would rewrite the
 * GError member of the same name.) */
#define terrind_assert_error(err, expected)                                    \
  G_STMT_START {                                                               \
    ck_assert_msg ((err) != NULL, "expected an error, got none");              \
    ck_assert_msg ((err)->domain == TERRIND_ERROR,                             \
                   "expected TERRIND_ERROR, got %s: %s",                       \
                   g_quark_to_string ((err)->domain), (err)->message);         \
    ck_assert_msg ((err)->code == (int) (expected),                            \
                   "expected code %s, got %s: %s",                             \
                   terrind_error_code_to_string (expected),                    \
                   terrind_error_code_to_string ((err)->code), (err)->message);\
    g_clear_error (&(err));                                                    \
  } G_STMT_END

#define terrind_assert_no_error(err)                                           \
  ck_assert_msg ((err) == NULL, "unexpected error: %s",                        \
                 (err) ? (err)->message : "")

/* Asserts that @err is set, in TERRIND_ERROR, with @code1 or @code2 (for
 * the few cases where two codes describe the failure equally well); then
 * clears it. */
#define terrind_assert_error_either(err, code1, code2)                         \
  G_STMT_START {                                                               \
    ck_assert_msg ((err) != NULL, "expected an error, got none");              \
    ck_assert_msg ((err)->domain == TERRIND_ERROR,                             \
                   "expected TERRIND_ERROR, got %s: %s",                       \
                   g_quark_to_string ((err)->domain), (err)->message);         \
    ck_assert_msg ((err)->code == (int) (code1) ||                             \
                   (err)->code == (int) (code2),                               \
                   "expected code %s or %s, got %s: %s",                       \
                   terrind_error_code_to_string (code1),                       \
                   terrind_error_code_to_string (code2),                       \
                   terrind_error_code_to_string ((err)->code), (err)->message);\
    g_clear_error (&(err));                                                    \
  } G_STMT_END

/* Whether test cases run in a child process. A test that expects a signal
 * (a fatal GLib critical raises SIGTRAP) can only run then: without fork,
 * as under "make check-valgrind", the signal would end the whole suite. */
static inline gboolean
terrind_test_forks (void)
{
  return g_strcmp0 (g_getenv ("CK_FORK"), "no") != 0;
}

/* Runs @suite with TAP output and returns the process exit status. Makes GLib
 * criticals and warnings fatal, so a failed g_return_if_fail() fails the test. */
static inline int
terrind_test_run (Suite *suite)
{
  SRunner *runner = srunner_create (suite);
  int failed;

  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  srunner_run_all (runner, CK_ENV);
  failed = srunner_ntests_failed (runner);
  srunner_free (runner);
  return failed == 0 ? 0 : 1;
}
