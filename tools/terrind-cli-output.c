/* terrind-cli-output.c: --format and --excel, the same on every report
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * A report is either rows (a table: list, coverage, commitments, diff) or
 * one record with nested parts (show, stats). Rows are written by the
 * table writer; a record as JSON, or for a spreadsheet as key,value rows,
 * which keep every leaf of it whatever its shape.
 */

#include "config.h"

#include "terrind-cli-output.h"
#include "terrind-cli-suggest.h"

int
terrind_cli_output_choose (TerrindCli       *cli,
                           const char       *command,
                           const char       *format_name,
                           gboolean          excel,
                           guint             allowed,
                           TerrindCliOutput *output)
{
  TerrindCliFormat format = excel ? TERRIND_CLI_FORMAT_CSV : TERRIND_CLI_FORMAT_TEXT;

  g_return_val_if_fail (output != NULL, TERRIND_CLI_EXIT_USAGE);

  if (format_name != NULL &&
      (!terrind_cli_format_from_string (format_name, &format) || (allowed & (1u << format)) == 0))
    {
      g_autoptr(GPtrArray) names = g_ptr_array_new ();
      g_autoptr(GString) offered = g_string_new (NULL);
      g_autofree char *hint = NULL;

      for (guint i = TERRIND_CLI_FORMAT_TEXT; i <= TERRIND_CLI_FORMAT_XML; i++)
        if ((allowed & (1u << i)) != 0)
          g_ptr_array_add (names, (gpointer) terrind_cli_format_to_string ((TerrindCliFormat) i));
      /* "text, csv or json" */
      for (guint i = 0; i < names->len; i++)
        g_string_append_printf (offered, "%s%s",
                                i == 0 ? "" : i + 1 == names->len ? " or " : ", ",
                                (const char *) g_ptr_array_index (names, i));
      hint = terrind_cli_suggest_hint (format_name, (const char * const *) names->pdata,
                                       names->len);
      return terrind_cli_usage_error (cli, command, "unknown format '%s' (%s)%s", format_name,
                                      offered->str, hint);
    }
  if (excel && format != TERRIND_CLI_FORMAT_CSV)
    return terrind_cli_usage_error (cli, command, "--excel writes CSV, not %s", format_name);

  output->format = format;
  output->excel = excel;
  output->colour = format == TERRIND_CLI_FORMAT_TEXT && cli->colour;
  return -1;
}

void
terrind_cli_output_table (TerrindCli             *cli,
                          const TerrindCliOutput *output,
                          const TerrindCliTable  *table)
{
  terrind_cli_table_write_output (table, output, cli->out);
}

static void
flatten (TerrindCliTable *table,
         const char      *path,
         JsonNode        *node)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObjectIter iter;
        const char *name;
        JsonNode *member;

        json_object_iter_init_ordered (&iter, json_node_get_object (node));
        while (json_object_iter_next_ordered (&iter, &name, &member))
          {
            g_autofree char *child = path[0] != '\0' ? g_strconcat (path, ".", name, NULL)
                                                     : g_strdup (name);
            flatten (table, child, member);
          }
      }
      break;
    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);

        for (guint i = 0; i < json_array_get_length (array); i++)
          {
            g_autofree char *child = g_strdup_printf ("%s%s%u", path, path[0] != '\0' ? "." : "",
                                                      i + 1);
            flatten (table, child, json_array_get_element (array, i));
          }
      }
      break;
    case JSON_NODE_NULL:
      terrind_cli_table_add_row (table);
      terrind_cli_table_add_string (table, path);
      terrind_cli_table_add_null (table);
      break;
    case JSON_NODE_VALUE:
    default:
      terrind_cli_table_add_row (table);
      terrind_cli_table_add_string (table, path);
      if (json_node_get_value_type (node) == G_TYPE_BOOLEAN)
        terrind_cli_table_add_boolean (table, json_node_get_boolean (node));
      else if (json_node_get_value_type (node) == G_TYPE_INT64)
        terrind_cli_table_add_number (table, json_node_get_int (node));
      else
        terrind_cli_table_add_string (table, json_node_get_string (node));
      break;
    }
}

void
terrind_cli_output_tree (TerrindCli             *cli,
                         const TerrindCliOutput *output,
                         JsonNode               *root)
{
  static const TerrindCliColumn columns[] = {
    { "key", TERRIND_CLI_COLUMN_SHOWN },
    { "value", TERRIND_CLI_COLUMN_SHOWN },
  };
  g_autoptr(TerrindCliTable) table = NULL;

  g_return_if_fail (output != NULL);
  g_return_if_fail (root != NULL);

  if (output->format == TERRIND_CLI_FORMAT_JSON)
    {
      terrind_cli_json_write (cli->out, root);
      return;
    }
  g_return_if_fail (output->format == TERRIND_CLI_FORMAT_CSV);

  table = terrind_cli_table_new (columns, G_N_ELEMENTS (columns));
  if (JSON_NODE_HOLDS_ARRAY (root))
    {
      JsonArray *records = json_node_get_array (root);

      for (guint i = 0; i < json_array_get_length (records); i++)
        flatten (table, "", json_array_get_element (records, i));
    }
  else
    flatten (table, "", root);
  terrind_cli_table_write_output (table, output, cli->out);
}
