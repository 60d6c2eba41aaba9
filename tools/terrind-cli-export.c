/* terrind-cli-export.c: terrind export [--file IN] [--format xml|json|csv] [--kind K] [-o OUT]
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * XML is the registry's own format, written by the library. JSON and CSV
 * are read from the model's description: the keys and columns are its
 * field names, in its order, so that they match the XML attributes and
 * the CSV the library imports.
 */

#include "config.h"

#include <string.h>

#include "terrind-cli.h"
#include "terrind-cli-output.h"
#include "terrind-cli-write.h"
#include "terrind-cli-records.h"

/* "-" and /dev/stdout are the tool's own output, whatever it is: through
 * the library, /dev/stdout would be reopened (a pipe or a terminal) or
 * replaced (a file stdout was redirected to, even with ">>"), and run
 * in-process the tool's output is not file descriptor 1 at all. */
static gboolean
names_standard_output (const char *path)
{
  return g_str_equal (path, "-") || g_str_equal (path, "/dev/stdout");
}

/* The entities of @kind as CSV, by the library's writer: what "terrind
 * import" and terrind_registry_import_csv_file() read back. */
static int
export_csv (TerrindCli        *cli,
            TerrindRegistry   *registry,
            const TerrindKind *kind,
            gboolean           excel,
            const char        *output)
{
  TerrindCsvFlags flags = excel ? TERRIND_CSV_EXCEL : TERRIND_CSV_NONE;
  g_autoptr(GError) error = NULL;

  if (output != NULL && !names_standard_output (output))
    {
      if (!terrind_registry_export_csv_file (registry, kind, flags, output, &error))
        {
          terrind_cli_report_error (cli, output, error);
          return TERRIND_CLI_EXIT_USAGE;
        }
    }
  else
    {
      gsize length = 0;
      g_autofree char *data = terrind_registry_export_csv_data (registry, kind, flags,
                                                                 &length, &error);

      if (data == NULL)
        {
          terrind_cli_report_error (cli, "(output)", error);
          return TERRIND_CLI_EXIT_USAGE;
        }
      g_string_append_len (cli->out, data, (gssize) length);
    }
  return TERRIND_CLI_EXIT_OK;
}

/* The registry, or its entities of @only, as one JSON object: for each
 * kind, under its plural, an array of its entities. */
static void
append_json (GString           *out,
             TerrindRegistry   *registry,
             const TerrindKind *only)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  const TerrindKind * const *kinds;
  guint n_kinds;

  kinds = terrind_model_get_kinds (&n_kinds);
  json_builder_begin_object (builder);
  for (guint k = 0; k < n_kinds; k++)
    {
      g_autoptr(GPtrArray) entities = NULL;

      if (only != NULL && kinds[k] != only)
        continue;
      entities = terrind_registry_list (registry, kinds[k]);
      json_builder_set_member_name (builder, terrind_kind_get_plural (kinds[k]));
      json_builder_begin_array (builder);
      for (guint i = 0; i < entities->len; i++)
        {
          json_builder_begin_object (builder);
          terrind_cli_json_add_fields (builder, kinds[k], g_ptr_array_index (entities, i));
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
    }
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  terrind_cli_json_write (out, root);
}

int
terrind_cli_export (TerrindCli *cli,
                    int         argc,
                    char      **argv)
{
  g_autofree char *file = NULL;
  g_autofree char *output = NULL;
  g_autofree char *format_name = NULL;
  g_autofree char *kind_name = NULL;
  gboolean excel = FALSE;
  GOptionEntry entries[] = {
    { "file", 'f', 0, G_OPTION_ARG_FILENAME, &file,
      "Read FILE instead of the default dataset", "FILE" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      "Write to OUT instead of standard output ('-': standard output)", "OUT" },
    TERRIND_CLI_FORMAT_OPTION (&format_name, "Output format: xml (default), json or csv"),
    { "kind", 'k', 0, G_OPTION_ARG_STRING, &kind_name,
      "Only the entities of kind K (json; required by csv)", "K" },
    TERRIND_CLI_EXCEL_OPTION (&excel),
    { NULL, 0, 0, 0, NULL, NULL, NULL }
  };
  TerrindCliFormat format = TERRIND_CLI_FORMAT_XML;
  const TerrindKind *kind = NULL;
  g_auto(GStrv) args = NULL;
  g_autoptr(TerrindRegistry) registry = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  status = terrind_cli_parse_options (cli, "export", NULL,
                                      "Write the registry as canonical XML (in the oldest format version\n"
                                      "that holds it): the embedded default dataset, or FILE converted\n"
                                      "to the canonical form. A regular file OUT is replaced only once\n"
                                      "it is completely written, keeping its mode and owner; a symbolic\n"
                                      "link is followed; a FIFO or a character device is written into;\n"
                                      "anything else is refused. The same holds for JSON and CSV.\n\n"
                                      "--format=json writes one object with, for each kind (or the\n"
                                      "kind K only), its plural and an array of its entities, keyed\n"
                                      "by the model's field names; list fields are arrays of\n"
                                      "objects. --format=csv writes the entities of the kind K (RFC\n"
                                      "4180, or --excel): one column per field, in the model's order,\n"
                                      "as 'terrind import' reads them back (list cells as described in\n"
                                      "the format guide, \"CSV\").",
                                      entries, argc, argv, &args);
  if (status >= 0)
    return status;
  if (g_strv_length (args) != 1)
    return terrind_cli_usage_error (cli, "export", "unexpected argument '%s'", args[1]);
  if (excel && format_name == NULL)
    format = TERRIND_CLI_FORMAT_CSV;
  if (format_name != NULL &&
      (!terrind_cli_format_from_string (format_name, &format) || format == TERRIND_CLI_FORMAT_TEXT))
    return terrind_cli_usage_error (cli, "export", "unknown format '%s' (xml, json or csv)",
                                    format_name);
  if (excel && format != TERRIND_CLI_FORMAT_CSV)
    return terrind_cli_usage_error (cli, "export", "--excel writes CSV, not %s", format_name);
  if (kind_name != NULL && (kind = terrind_model_lookup_kind (kind_name)) == NULL)
    return terrind_cli_usage_error (cli, "export", "unknown kind '%s'", kind_name);
  if (format == TERRIND_CLI_FORMAT_CSV && kind == NULL)
    return terrind_cli_usage_error (cli, "export", "--format=csv writes one kind: give --kind");
  if (format == TERRIND_CLI_FORMAT_XML && kind != NULL)
    return terrind_cli_usage_error (cli, "export", "--kind applies to json and csv: XML is a "
                                    "whole registry");

  registry = terrind_cli_open (cli, file, &status);
  if (registry == NULL)
    return status;

  if (format != TERRIND_CLI_FORMAT_XML)
    {
      g_autoptr(GString) data = g_string_new (NULL);

      if (format == TERRIND_CLI_FORMAT_CSV)
        return export_csv (cli, registry, kind, excel, output);
      append_json (data, registry, kind);
      if (output == NULL)
        {
          g_string_append_len (cli->out, data->str, (gssize) data->len);
          return TERRIND_CLI_EXIT_OK;
        }
      status = terrind_cli_write_output (cli, "export", output, data);
      return status >= 0 ? status : TERRIND_CLI_EXIT_OK;
    }

  if (output != NULL && !names_standard_output (output))
    {
      if (!terrind_registry_export_file (registry, output, &error))
        {
          terrind_cli_report_error (cli, output, error);
          return TERRIND_CLI_EXIT_USAGE;
        }
      return TERRIND_CLI_EXIT_OK;
    }
  else
    {
      gsize length = 0;
      g_autofree char *data = terrind_registry_export_data (registry, &length, &error);

      if (data == NULL)
        {
          terrind_cli_report_error (cli, "(output)", error);
          return TERRIND_CLI_EXIT_USAGE;
        }
      g_string_append_len (cli->out, data, length);
      return TERRIND_CLI_EXIT_OK;
    }
}
