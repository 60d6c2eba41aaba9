/* test-tool-common.h: running the terrind tool in-process from a test
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <stdarg.h>
#include <string.h>

#include <json-glib/json-glib.h>

#include "terrind-test.h"
#include "terrind-cli.h"

/* What one run of the tool printed, and its exit status. */
typedef struct {
  int      status;
  GString *out;
  GString *err;
} ToolRun;

static inline void
tool_run_clear (ToolRun *run)
{
  if (run->out != NULL)
    g_string_free (run->out, TRUE);
  if (run->err != NULL)
    g_string_free (run->err, TRUE);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ToolRun, tool_run_clear)

/* Runs "terrind ARG..." (NULL-terminated) and keeps what it printed. */
static inline void
tool_run (ToolRun    *run,
          const char *first,
          ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  va_list args;

  g_ptr_array_add (argv, (gpointer) "terrind");
  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  run->out = g_string_new (NULL);
  run->err = g_string_new (NULL);
  run->status = terrind_cli_run ((int) argv->len - 1, (char **) argv->pdata, run->out, run->err);
}

/* The path of a fixture under tests/data/tool (or of the source tree). */
static inline char *
tool_fixture (const char *name)
{
  const char *data = g_getenv ("TERRIND_TEST_DATA");

  ck_assert_msg (data != NULL, "TERRIND_TEST_DATA is not set");
  return g_build_filename (data, "tool", name, NULL);
}

static inline char *
tool_source_file (const char *first,
                  ...)
{
  const char *top = g_getenv ("TERRIND_TOP_SRCDIR");
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  va_list args;

  ck_assert_msg (top != NULL, "TERRIND_TOP_SRCDIR is not set");
  g_ptr_array_add (parts, (gpointer) top);
  va_start (args, first);
  for (const char *part = first; part != NULL; part = va_arg (args, const char *))
    g_ptr_array_add (parts, (gpointer) part);
  va_end (args);
  g_ptr_array_add (parts, NULL);
  return g_build_filenamev ((char **) parts->pdata);
}

#define assert_status(run, expected)                                            \
  ck_assert_msg ((run)->status == (expected),                                   \
                 "exit status %d, expected %d\nstdout:\n%s\nstderr:\n%s",        \
                 (run)->status, (expected), (run)->out->str, (run)->err->str)

#define assert_contains(haystack, needle)                                       \
  ck_assert_msg (strstr ((haystack)->str, (needle)) != NULL,                     \
                 "expected to find \"%s\" in:\n%s", (needle), (haystack)->str)

#define assert_not_contains(haystack, needle)                                   \
  ck_assert_msg (strstr ((haystack)->str, (needle)) == NULL,                     \
                 "did not expect \"%s\" in:\n%s", (needle), (haystack)->str)

/* Counts the lines of @text. */
static inline guint
count_lines (const GString *text)
{
  guint n = 0;

  for (gsize i = 0; i < text->len; i++)
    if (text->str[i] == '\n')
      n++;
  return n;
}

/* Parses @text as JSON with json-glib, failing the test when it is not
 * valid; returns the root (transfer full). */
static inline JsonNode *
tool_parse_json (const GString *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  ck_assert_msg (json_parser_load_from_data (parser, text->str, (gssize) text->len, &error),
                 "invalid JSON (%s):\n%s", error != NULL ? error->message : "?", text->str);
  return json_node_copy (json_parser_get_root (parser));
}

/* Element @index of the JSON array @root, an object. */
static inline JsonObject *
tool_json_object_at (JsonNode *root,
                     guint     index)
{
  JsonArray *array;

  ck_assert (JSON_NODE_HOLDS_ARRAY (root));
  array = json_node_get_array (root);
  ck_assert_uint_lt (index, json_array_get_length (array));
  return json_array_get_object_element (array, index);
}

/* The rows of a CSV text (RFC 4180, with @separator): each a GStrv of
 * its fields, quotes undone. Fails the test on a line not ended by CRLF. */
static inline GPtrArray *
tool_csv_rows (const char *text,
               const char *separator)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) field = g_string_new (NULL);
  const char *p = text;

  while (*p != '\0')
    {
      if (*p == '"')
        {
          for (p++; *p != '\0' && !(p[0] == '"' && p[1] != '"'); p++)
            {
              if (p[0] == '"')
                p++;
              g_string_append_c (field, *p);
            }
          ck_assert_msg (*p == '"', "unterminated quote in:\n%s", text);
          p++;
        }
      else if (*p == separator[0])
        {
          g_ptr_array_add (fields, g_strdup (field->str));
          g_string_truncate (field, 0);
          p++;
        }
      else if (p[0] == '\r' && p[1] == '\n')
        {
          g_ptr_array_add (fields, g_strdup (field->str));
          g_string_truncate (field, 0);
          g_ptr_array_add (fields, NULL);
          g_ptr_array_add (rows, g_ptr_array_steal (fields, NULL));
          g_ptr_array_unref (fields);
          fields = g_ptr_array_new_with_free_func (g_free);
          p += 2;
        }
      else
        g_string_append_c (field, *p++);
    }
  ck_assert_msg (fields->len == 0 && field->len == 0, "CSV does not end with CRLF:\n%s", text);
  return rows;
}
