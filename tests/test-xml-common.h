/* test-xml-common.h: the fixture corpus, for the XML suites
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <stdlib.h>
#include <string.h>

#include "terrind-test-util.h"

/* One line of tests/data/invalid/EXPECTED. */
typedef struct {
  char        *file;
  TerrindError code;
  int          line;
  gboolean     xsd_rejects;
} TerrindXmlExpectation;

static inline char *
terrind_xml_test_path (const char *first, ...)
{
  const char *data = g_getenv ("TERRIND_TEST_DATA");
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  const char *part;
  va_list args;

  ck_assert_msg (data != NULL, "TERRIND_TEST_DATA is not set");
  g_ptr_array_add (parts, (gpointer) data);
  va_start (args, first);
  for (part = first; part != NULL; part = va_arg (args, const char *))
    g_ptr_array_add (parts, (gpointer) part);
  va_end (args);
  g_ptr_array_add (parts, NULL);
  return g_build_filenamev ((char **) parts->pdata);
}

static inline TerrindError
terrind_xml_test_code_from_name (const char *name)
{
  for (int code = TERRIND_ERROR_FAILED; code <= TERRIND_ERROR_LIMIT_EXCEEDED; code++)
    if (g_str_equal (terrind_error_code_to_string ((TerrindError) code), name))
      return (TerrindError) code;
  ck_abort_msg ("unknown error code %s in EXPECTED", name);
  return TERRIND_ERROR_FAILED;
}

static inline void
terrind_xml_expectation_free (gpointer data)
{
  TerrindXmlExpectation *expectation = data;

  g_free (expectation->file);
  g_free (expectation);
}

/* Every expectation of tests/data/invalid/EXPECTED, in file order. Also
 * checks that the list and the directory hold the same files, so a fixture
 * cannot be added without its expectation. */
static inline GPtrArray *
terrind_xml_test_load_expectations (void)
{
  g_autofree char *dir_path = terrind_xml_test_path ("invalid", NULL);
  g_autofree char *path = g_build_filename (dir_path, "EXPECTED", NULL);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *expectations = g_ptr_array_new_with_free_func (terrind_xml_expectation_free);
  const char *name;
  guint n_files = 0;

  ck_assert_msg (g_file_get_contents (path, &contents, NULL, &error), "%s",
                 error != NULL ? error->message : "");
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = NULL;
      TerrindXmlExpectation *expectation;

      if (lines[i][0] == '#' || lines[i][0] == '\0')
        continue;
      fields = g_strsplit_set (g_strstrip (lines[i]), " \t", -1);
      {
        /* Drop the empty fields runs of spaces leave. */
        g_autoptr(GPtrArray) kept = g_ptr_array_new ();

        for (guint j = 0; fields[j] != NULL; j++)
          if (fields[j][0] != '\0')
            g_ptr_array_add (kept, fields[j]);
        ck_assert_msg (kept->len == 4, "EXPECTED line %u: want 4 fields", i + 1);
        expectation = g_new0 (TerrindXmlExpectation, 1);
        expectation->file = g_strdup (kept->pdata[0]);
        expectation->code = terrind_xml_test_code_from_name (kept->pdata[1]);
        expectation->line = atoi (kept->pdata[2]);
        ck_assert_msg (g_str_equal (kept->pdata[3], "rejects") ||
                       g_str_equal (kept->pdata[3], "accepts"),
                       "EXPECTED line %u: xsd verdict", i + 1);
        expectation->xsd_rejects = g_str_equal (kept->pdata[3], "rejects");
        g_ptr_array_add (expectations, expectation);
      }
    }

  dir = g_dir_open (dir_path, 0, &error);
  ck_assert_msg (dir != NULL, "%s", error != NULL ? error->message : "");
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      gboolean listed = FALSE;

      if (g_str_equal (name, "EXPECTED"))
        continue;
      n_files++;
      for (guint i = 0; i < expectations->len && !listed; i++)
        listed = g_str_equal (((TerrindXmlExpectation *) expectations->pdata[i])->file, name);
      ck_assert_msg (listed, "invalid/%s has no line in EXPECTED", name);
    }
  ck_assert_uint_eq (n_files, expectations->len);
  ck_assert_uint_gt (expectations->len, 0);
  return expectations;
}

static inline gint
terrind_xml_test_compare_names (gconstpointer a,
                                gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

/* The valid fixtures, sorted by name. */
static inline GPtrArray *
terrind_xml_test_valid_files (void)
{
  g_autofree char *dir_path = terrind_xml_test_path ("valid", NULL);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  GPtrArray *files = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  ck_assert_msg (dir != NULL, "cannot read %s", dir_path);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (files, g_strdup (name));
  g_ptr_array_sort (files, (GCompareFunc) terrind_xml_test_compare_names);
  ck_assert_uint_gt (files->len, 0);
  return files;
}
