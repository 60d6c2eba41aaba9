/* test-error.c: the TERRIND_ERROR domain and its location accessors
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <string.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "terrind-test.h"

static const struct {
  TerrindError code;
  const char  *name;
} codes[] = {
  { TERRIND_ERROR_FAILED,              "FAILED" },
  { TERRIND_ERROR_INVALID_VALUE,       "INVALID_VALUE" },
  { TERRIND_ERROR_DUPLICATE,           "DUPLICATE" },
  { TERRIND_ERROR_UNKNOWN_REFERENCE,   "UNKNOWN_REFERENCE" },
  { TERRIND_ERROR_NOT_FOUND,           "NOT_FOUND" },
  { TERRIND_ERROR_IN_USE,              "IN_USE" },
  { TERRIND_ERROR_PARSE,               "PARSE" },
  { TERRIND_ERROR_SCHEMA,              "SCHEMA" },
  { TERRIND_ERROR_IO,                  "IO" },
  { TERRIND_ERROR_UNSUPPORTED_VERSION, "UNSUPPORTED_VERSION" },
  { TERRIND_ERROR_LIMIT_EXCEEDED,      "LIMIT_EXCEEDED" },
};

START_TEST (test_quark_is_stable)
{
  GQuark quark = terrind_error_quark ();

  ck_assert_uint_ne (quark, 0);
  ck_assert_uint_eq (quark, TERRIND_ERROR);
  ck_assert_uint_eq (quark, terrind_error_quark ());
  ck_assert_ptr_nonnull (g_quark_to_string (quark));
}
END_TEST

START_TEST (test_code_names)
{
  gsize i, j;

  for (i = 0; i < G_N_ELEMENTS (codes); i++)
    {
      ck_assert_int_eq ((int) codes[i].code, (int) i);
      ck_assert_str_eq (terrind_error_code_to_string (codes[i].code), codes[i].name);
      for (j = 0; j < i; j++)
        ck_assert_str_ne (terrind_error_code_to_string (codes[i].code),
                          terrind_error_code_to_string (codes[j].code));
    }
}
END_TEST

START_TEST (test_unknown_code_name)
{
  /* A code from a newer library, or garbage from a binding: a string, never
   * NULL and never the name of a real code. */
  const int unknown[] = { -1, (int) G_N_ELEMENTS (codes), 1000, G_MAXINT };
  gsize i, j;

  for (i = 0; i < G_N_ELEMENTS (unknown); i++)
    {
      const char *name = terrind_error_code_to_string ((TerrindError) unknown[i]);

      ck_assert_ptr_nonnull (name);
      ck_assert_str_eq (name, "UNKNOWN");
      for (j = 0; j < G_N_ELEMENTS (codes); j++)
        ck_assert_str_ne (name, codes[j].name);
    }
}
END_TEST

START_TEST (test_location_absent_on_plain_error)
{
  g_autoptr(GError) error = g_error_new (TERRIND_ERROR, TERRIND_ERROR_DUPLICATE, "duplicate");

  ck_assert_ptr_null (terrind_error_get_file (error));
  ck_assert_int_eq (terrind_error_get_line (error), 0);
  ck_assert_int_eq (terrind_error_get_column (error), 0);
}
END_TEST

START_TEST (test_location_absent_on_library_error)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TerrindRegion) region = terrind_region_new ("", "Nowhere", &error);

  ck_assert_ptr_null (region);
  ck_assert_ptr_nonnull (error);
  ck_assert_ptr_null (terrind_error_get_file (error));
  ck_assert_int_eq (terrind_error_get_line (error), 0);
  ck_assert_int_eq (terrind_error_get_column (error), 0);
  ck_assert_ptr_nonnull (error->message);
  ck_assert_int_gt (strlen (error->message), 0);
  terrind_assert_error (error, TERRIND_ERROR_INVALID_VALUE);
}
END_TEST

START_TEST (test_location_absent_on_foreign_error)
{
  g_autoptr(GError) io = g_error_new (G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "no such file");
  g_autoptr(GError) file = g_error_new (G_FILE_ERROR, G_FILE_ERROR_NOENT, "no such file");

  ck_assert_ptr_null (terrind_error_get_file (io));
  ck_assert_int_eq (terrind_error_get_line (io), 0);
  ck_assert_int_eq (terrind_error_get_column (io), 0);
  ck_assert_ptr_null (terrind_error_get_file (file));
  ck_assert_int_eq (terrind_error_get_line (file), 0);
  ck_assert_int_eq (terrind_error_get_column (file), 0);
}
END_TEST

START_TEST (test_location_of_null_error)
{
  ck_assert_ptr_null (terrind_error_get_file (NULL));
  ck_assert_int_eq (terrind_error_get_line (NULL), 0);
  ck_assert_int_eq (terrind_error_get_column (NULL), 0);
}
END_TEST

START_TEST (test_location_of_parse_error)
{
  /* The only public way to get a located error is to import a broken
   * document: the third line is cut in the middle of a tag. */
  static const char broken[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<registry xmlns=\"urn:libterrind:registry\" version=\"1\">\n"
    "  <regions><region code=\"84\"\n";
  g_autoptr(TerrindRegistry) registry = terrind_registry_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) copy = NULL;

  ck_assert (!terrind_registry_import_data (registry, broken, strlen (broken), NULL, &error));
  ck_assert_ptr_nonnull (error);
  ck_assert_uint_eq (error->domain, TERRIND_ERROR);
  ck_assert_int_ge (terrind_error_get_line (error), 1);
  ck_assert_int_le (terrind_error_get_line (error), 4);
  ck_assert_int_ge (terrind_error_get_column (error), 0);

  /* The location is data of the error: a copy keeps it. */
  copy = g_error_copy (error);
  ck_assert_int_eq (terrind_error_get_line (copy), terrind_error_get_line (error));
  ck_assert_int_eq (terrind_error_get_column (copy), terrind_error_get_column (error));
  ck_assert_str_eq (copy->message, error->message);
  if (terrind_error_get_file (error) != NULL)
    ck_assert_str_eq (terrind_error_get_file (copy), terrind_error_get_file (error));
  else
    ck_assert_ptr_null (terrind_error_get_file (copy));
  ck_assert_uint_eq (terrind_registry_get_n_regions (registry), 0);
}
END_TEST

START_TEST (test_location_of_file_error)
{
  /* An error in a named file carries that file's name. */
  static const char broken[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<registry xmlns=\"urn:libterrind:registry\" version=\"1\">\n"
    "  <regions>\n"
    "    <region code=\"84\" name=\"A\"></regoin>\n";
  g_autoptr(TerrindRegistry) registry = terrind_registry_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;

  dir = g_dir_make_tmp ("terrind-error-XXXXXX", NULL);
  ck_assert_ptr_nonnull (dir);
  path = g_build_filename (dir, "broken.xml", NULL);
  ck_assert (g_file_set_contents (path, broken, -1, NULL));

  ck_assert (!terrind_registry_import_file (registry, path, NULL, &error));
  ck_assert_ptr_nonnull (error);
  ck_assert_uint_eq (error->domain, TERRIND_ERROR);
  ck_assert_ptr_nonnull (terrind_error_get_file (error));
  ck_assert_ptr_nonnull (strstr (terrind_error_get_file (error), "broken.xml"));
  ck_assert_int_eq (terrind_error_get_line (error), 4);

  g_unlink (path);
  g_rmdir (dir);
}
END_TEST


START_TEST (test_problems_of_one_error)
{
  g_autoptr(GError) error = g_error_new_literal (TERRIND_ERROR, TERRIND_ERROR_PARSE, "bad");
  g_autoptr(GError) foreign = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED, "io");

  ck_assert_uint_eq (terrind_error_get_n_problems (NULL), 0);
  ck_assert_ptr_null (terrind_error_get_problem (NULL, 0));
  ck_assert_uint_eq (terrind_error_get_n_problems (error), 1);
  ck_assert_ptr_eq (terrind_error_get_problem (error, 0), error);
  ck_assert_ptr_null (terrind_error_get_problem (error, 1));
  /* Any error reports its one problem, whatever its domain. */
  ck_assert_uint_eq (terrind_error_get_n_problems (foreign), 1);
  ck_assert_ptr_eq (terrind_error_get_problem (foreign, 0), foreign);
}
END_TEST

START_TEST (test_max_errors_option)
{
  g_autoptr(TerrindImportOptions) options = terrind_import_options_new ();

  ck_assert_uint_eq (terrind_import_options_get_max_errors (options), 100);
  terrind_import_options_set_max_errors (options, 1);
  ck_assert_uint_eq (terrind_import_options_get_max_errors (options), 1);
  terrind_import_options_set_max_errors (options, 0);
  ck_assert_uint_eq (terrind_import_options_get_max_errors (options), 0);
}
END_TEST

static Suite *
error_suite (void)
{
  Suite *suite = suite_create ("error");
  TCase *tc = tcase_create ("codes");
  TCase *location = tcase_create ("location");

  tcase_add_test (tc, test_quark_is_stable);
  tcase_add_test (tc, test_code_names);
  tcase_add_test (tc, test_unknown_code_name);
  suite_add_tcase (suite, tc);

  tcase_add_test (location, test_location_absent_on_plain_error);
  tcase_add_test (location, test_location_absent_on_library_error);
  tcase_add_test (location, test_location_absent_on_foreign_error);
  tcase_add_test (location, test_location_of_null_error);
  tcase_add_test (location, test_location_of_parse_error);
  tcase_add_test (location, test_location_of_file_error);
  tcase_add_test (location, test_problems_of_one_error);
  tcase_add_test (location, test_max_errors_option);
  suite_add_tcase (suite, location);
  return suite;
}

int
main (void)
{
  return terrind_test_run (error_suite ());
}
