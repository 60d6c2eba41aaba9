/* test-xml-fixtures.c: the fixture corpus through every import entry point
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <unistd.h>

#include <glib/gstdio.h>

#include "test-xml-common.h"

static char *
read_fixture (const char *dir,
              const char *name,
              gsize      *length)
{
  g_autofree char *path = terrind_xml_test_path (dir, name, NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  ck_assert_msg (g_file_get_contents (path, &contents, length, &error), "%s",
                 error != NULL ? error->message : "");
  return contents;
}

/* Every valid fixture imports; canonical-*.xml export back byte for byte;
 * every one survives import(export(r)) == r. */
START_TEST (test_valid_fixtures)
{
  g_autoptr(GPtrArray) files = terrind_xml_test_valid_files ();
  guint n_canonical = 0;

  for (guint i = 0; i < files->len; i++)
    {
      const char *name = files->pdata[i];
      g_autofree char *path = terrind_xml_test_path ("valid", name, NULL);
      g_autofree char *contents = NULL;
      g_autofree char *exported = NULL;
      g_autofree char *exported_again = NULL;
      g_autoptr(TerrindRegistry) registry = NULL;
      g_autoptr(TerrindRegistry) again = NULL;
      g_autoptr(GError) error = NULL;
      gsize length, exported_length, again_length;

      registry = terrind_registry_new_from_file (path, &error);
      ck_assert_msg (registry != NULL, "%s: %s", name, error != NULL ? error->message : "");

      exported = terrind_registry_export_data (registry, &exported_length, &error);
      terrind_assert_no_error (error);
      ck_assert_uint_eq (strlen (exported), exported_length);
      if (g_str_has_prefix (name, "canonical-"))
        {
          contents = read_fixture ("valid", name, &length);
          ck_assert_msg (length == exported_length && memcmp (contents, exported, length) == 0,
                         "%s is not reproduced byte for byte:\n%s", name, exported);
          n_canonical++;
        }

      again = terrind_registry_new_from_data (exported, exported_length, &error);
      ck_assert_msg (again != NULL, "%s: re-import: %s", name,
                     error != NULL ? error->message : "");
      ck_assert_msg (terrind_registry_equal (registry, again), "%s: import(export(r)) != r",
                     name);
      exported_again = terrind_registry_export_data (again, &again_length, NULL);
      ck_assert_str_eq (exported, exported_again);
    }
  ck_assert_uint_ge (n_canonical, 2);
}
END_TEST

static void
assert_expected_error (const TerrindXmlExpectation *expected,
                       const GError                *error,
                       const char                  *file,
                       const char                  *how)
{
  ck_assert_msg (error != NULL, "%s (%s): imported without error", expected->file, how);
  ck_assert_msg (error->domain == TERRIND_ERROR && error->code == (int) expected->code,
                 "%s (%s): expected %s, got %s: %s", expected->file, how,
                 terrind_error_code_to_string (expected->code),
                 terrind_error_code_to_string (error->code), error->message);
  ck_assert_msg (terrind_error_get_line (error) == expected->line,
                 "%s (%s): expected line %d, got %d: %s", expected->file, how,
                 expected->line, terrind_error_get_line (error), error->message);
  ck_assert_str_eq (terrind_error_get_file (error), file);
  ck_assert_msg (terrind_error_get_column (error) > 0, "%s: no column: %s",
                 expected->file, error->message);
  /* The message leads with the location, as compilers write it. */
  ck_assert_msg (g_str_has_prefix (error->message, file), "%s", error->message);
}

/* The usual fixture without region 84 and what is in it: the invalid
 * fixtures all use region 84, and an import checks each element against
 * the registry as it reads it, so with 84 there each would fail on that
 * clash, at its <region>, before reaching its own fault. */
static TerrindRegistry *
registry_beside_fixtures (void)
{
  TerrindRegistry *registry = terrind_test_fixture_registry ();
  g_autoptr(GError) error = NULL;

  ck_assert (terrind_registry_remove_territory (registry, "ti-a", TERRIND_REMOVE_CASCADE,
                                                &error));
  ck_assert (terrind_registry_remove_region (registry, "84", &error));
  terrind_assert_no_error (error);
  return registry;
}

/* Every invalid fixture fails with its code and line, from a file, from
 * memory and from a stream, and leaves a registry that already holds data
 * exactly as it was. */
START_TEST (test_invalid_fixtures)
{
  g_autoptr(GPtrArray) expectations = terrind_xml_test_load_expectations ();

  for (guint i = 0; i < expectations->len; i++)
    {
      const TerrindXmlExpectation *expected = expectations->pdata[i];
      g_autofree char *path = terrind_xml_test_path ("invalid", expected->file, NULL);
      g_autofree char *contents = NULL;
      g_autofree char *snapshot = NULL;
      g_autoptr(TerrindRegistry) registry = registry_beside_fixtures ();
      g_autoptr(TerrindRegistry) from_file = NULL;
      g_autoptr(GInputStream) stream = NULL;
      g_autoptr(GError) error = NULL;
      gsize length;

      snapshot = terrind_test_dump_registry (registry);

      from_file = terrind_registry_new_from_file (path, &error);
      ck_assert_ptr_null (from_file);
      assert_expected_error (expected, error, path, "new_from_file");
      g_clear_error (&error);

      ck_assert (!terrind_registry_import_file (registry, path, NULL, &error));
      assert_expected_error (expected, error, path, "import_file");
      g_clear_error (&error);
      terrind_assert_registry_unchanged (registry, snapshot);

      contents = read_fixture ("invalid", expected->file, &length);
      ck_assert (!terrind_registry_import_data (registry, contents, length, NULL, &error));
      assert_expected_error (expected, error, "<data>", "import_data");
      g_clear_error (&error);
      terrind_assert_registry_unchanged (registry, snapshot);

      stream = g_memory_input_stream_new_from_data (contents, (gssize) length, NULL);
      ck_assert (!terrind_registry_import_stream (registry, stream, "in.xml", NULL, NULL,
                                                  &error));
      assert_expected_error (expected, error, "in.xml", "import_stream");
      terrind_assert_registry_unchanged (registry, snapshot);
    }
}
END_TEST

/* A library does not write to its host's stderr: libxml2 sends some
 * errors (encoding conversion, among others) to its process-wide handler,
 * which the importer must neither reach nor replace. */
START_TEST (test_quiet)
{
  g_autoptr(GPtrArray) expectations = terrind_xml_test_load_expectations ();
  g_autofree char *log_path = NULL;
  g_autofree char *logged = NULL;
  int log_fd = g_file_open_tmp ("terrind-stderr-XXXXXX", &log_path, NULL);
  int saved_stderr = dup (2);

  ck_assert_int_ge (log_fd, 0);
  ck_assert_int_ge (saved_stderr, 0);
  ck_assert_int_eq (dup2 (log_fd, 2), 2);
  for (guint i = 0; i < expectations->len; i++)
    {
      const TerrindXmlExpectation *expected = expectations->pdata[i];
      g_autofree char *path = terrind_xml_test_path ("invalid", expected->file, NULL);
      g_autoptr(TerrindRegistry) registry = terrind_registry_new_from_file (path, NULL);

      ck_assert_ptr_null (registry);
    }
  ck_assert_int_eq (dup2 (saved_stderr, 2), 2);
  close (saved_stderr);
  close (log_fd);
  ck_assert (g_file_get_contents (log_path, &logged, NULL, NULL));
  g_remove (log_path);
  ck_assert_msg (*logged == '\0', "written to stderr: %s", logged);
}
END_TEST

/* Import adds to what the registry holds; a document whose ids clash with
 * it changes nothing. */
START_TEST (test_import_merges)
{
  g_autofree char *full = terrind_xml_test_path ("valid", "canonical-full.xml", NULL);
  g_autofree char *snapshot = NULL;
  g_autoptr(TerrindRegistry) registry = terrind_registry_new ();
  g_autoptr(GError) error = NULL;
  static const char other[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<registry xmlns=\"urn:libterrind:registry\" version=\"1\">\n"
    "  <regions>\n"
    "    <region code=\"53\" name=\"Bretagne\"/>\n"
    "  </regions>\n"
    "  <operators/>\n"
    "  <territories>\n"
    "    <territory id=\"ti-5301\" name=\"Lannion\" region=\"53\"/>\n"
    "  </territories>\n"
    "  <conventions/>\n"
    "  <referents/>\n"
    "</registry>\n";

  ck_assert (terrind_registry_import_file (registry, full, NULL, &error));
  terrind_assert_no_error (error);
  ck_assert_uint_eq (terrind_registry_get_n_regions (registry), 3);

  ck_assert (terrind_registry_import_data (registry, other, strlen (other), NULL, &error));
  terrind_assert_no_error (error);
  ck_assert_uint_eq (terrind_registry_get_n_regions (registry), 4);
  ck_assert_uint_eq (terrind_registry_get_n_territories (registry), 4);
  ck_assert_ptr_nonnull (terrind_registry_get_territory (registry, "ti-5301"));

  /* Everything again: every id is taken, and the error names the first
   * element that clashes. */
  snapshot = terrind_test_dump_registry (registry);
  ck_assert (!terrind_registry_import_data (registry, other, strlen (other), NULL, &error));
  ck_assert_str_eq (terrind_error_get_file (error), "<data>");
  ck_assert_int_eq (terrind_error_get_line (error), 4);
  ck_assert_int_eq (terrind_error_get_column (error), 5);
  ck_assert_msg (g_str_has_prefix (error->message, "<data>:4:5: "), "%s", error->message);
  terrind_assert_error (error, TERRIND_ERROR_DUPLICATE);
  terrind_assert_registry_unchanged (registry, snapshot);
}
END_TEST

/* Failing to open is an I/O error that names the file. */
START_TEST (test_unreadable_files)
{
  g_autoptr(TerrindRegistry) registry = terrind_registry_new ();
  g_autofree char *missing = terrind_xml_test_path ("valid", "no-such-file.xml", NULL);
  g_autofree char *directory = terrind_xml_test_path ("valid", NULL);
  g_autoptr(GError) error = NULL;

  ck_assert (!terrind_registry_import_file (registry, missing, NULL, &error));
  ck_assert_str_eq (terrind_error_get_file (error), missing);
  terrind_assert_error (error, TERRIND_ERROR_IO);

  ck_assert_ptr_null (terrind_registry_new_from_file (directory, &error));
  terrind_assert_error (error, TERRIND_ERROR_IO);
}
END_TEST

/* The annotated example of docs/format.md is a valid document: keep them
 * in step. */
START_TEST (test_documented_example)
{
  const char *top = g_getenv ("TERRIND_TOP_SRCDIR");
  g_autofree char *doc_path = g_build_filename (top, "docs", "format.md", NULL);
  g_autofree char *fixture = terrind_xml_test_path ("valid", "annotated-example.xml", NULL);
  g_autofree char *doc = NULL;
  g_autofree char *example = NULL;
  const char *start, *end;

  ck_assert_ptr_nonnull (top);
  ck_assert (g_file_get_contents (doc_path, &doc, NULL, NULL));
  ck_assert (g_file_get_contents (fixture, &example, NULL, NULL));
  start = strstr (doc, "```xml\n");
  ck_assert_ptr_nonnull (start);
  start += strlen ("```xml\n");
  end = strstr (start, "```");
  ck_assert_ptr_nonnull (end);
  ck_assert_uint_eq ((gsize) (end - start), strlen (example));
  ck_assert (memcmp (start, example, strlen (example)) == 0);
}
END_TEST

static Suite *
xml_fixtures_suite (void)
{
  Suite *suite = suite_create ("xml-fixtures");
  TCase *tcase = tcase_create ("fixtures");

  tcase_add_test (tcase, test_valid_fixtures);
  tcase_add_test (tcase, test_invalid_fixtures);
  tcase_add_test (tcase, test_quiet);
  tcase_add_test (tcase, test_import_merges);
  tcase_add_test (tcase, test_unreadable_files);
  tcase_add_test (tcase, test_documented_example);
  suite_add_tcase (suite, tcase);
  return suite;
}

int
main (void)
{
  return terrind_test_run (xml_fixtures_suite ());
}
