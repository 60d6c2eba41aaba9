/* terrind-cli-list.c: terrind list KIND [--region CODE] [--operator ID]
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "terrind-cli.h"
#include "terrind-cli-records.h"

int
terrind_cli_list (TerrindCli *cli,
                  int         argc,
                  char      **argv)
{
  g_autofree char *file = NULL;
  g_autofree char *region = NULL;
  g_autofree char *operator_id = NULL;
  g_autofree char *format_name = NULL;
  GOptionEntry entries[] = {
    { "file", 'f', 0, G_OPTION_ARG_FILENAME, &file,
      "Read FILE instead of the default dataset", "FILE" },
    { "region", 'r', 0, G_OPTION_ARG_STRING, &region,
      "Only what belongs to the region CODE (regions, territories, referents)", "CODE" },
    { "operator", 'o', 0, G_OPTION_ARG_STRING, &operator_id,
      "Only what belongs to the operator ID (operators, conventions, commitments, referents)", "ID" },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_name,
      "Output format: table (default), csv, json or xml", "FORMAT" },
    { NULL, 0, 0, 0, NULL, NULL, NULL }
  };
  g_auto(GStrv) args = NULL;
  g_autoptr(TerrindRegistry) registry = NULL;
  g_autoptr(TerrindCliTable) table = NULL;
  TerrindCliFormat format = TERRIND_CLI_FORMAT_TABLE;
  TerrindCliKind kind;
  int status;

  status = terrind_cli_parse_options (cli, "list",
                                      "regions|operators|territories|conventions|commitments|referents",
                                      "List the entities of one kind, sorted by id: an aligned table\n"
                                      "for people, or CSV (RFC 4180), JSON or XML for programs.",
                                      entries, argc, argv, &args);
  if (status >= 0)
    return status;

  if (g_strv_length (args) != 2)
    return terrind_cli_usage_error (cli, "list", "give one kind of entity to list");
  if (!terrind_cli_kind_from_plural (args[1], &kind))
    return terrind_cli_usage_error (cli, "list", "unknown kind '%s'", args[1]);
  if (format_name != NULL && !terrind_cli_format_from_string (format_name, &format))
    return terrind_cli_usage_error (cli, "list", "unknown format '%s'", format_name);
  if (region != NULL
      && kind != TERRIND_CLI_KIND_REGION && kind != TERRIND_CLI_KIND_TERRITORY
      && kind != TERRIND_CLI_KIND_REFERENT)
    return terrind_cli_usage_error (cli, "list", "--region does not apply to %s", args[1]);
  if (operator_id != NULL
      && (kind == TERRIND_CLI_KIND_REGION || kind == TERRIND_CLI_KIND_TERRITORY))
    return terrind_cli_usage_error (cli, "list", "--operator does not apply to %s", args[1]);

  registry = terrind_cli_open (cli, file, &status);
  if (registry == NULL)
    return status;

  /* A filter naming nothing is a mistake to point out, not an empty list. */
  if (region != NULL && terrind_registry_get_region (registry, region) == NULL)
    return terrind_cli_usage_error (cli, "list", "no region with code '%s'", region);
  if (operator_id != NULL && terrind_registry_get_operator (registry, operator_id) == NULL)
    return terrind_cli_usage_error (cli, "list", "no operator with id '%s'", operator_id);

  table = terrind_cli_records_new (kind);
  terrind_cli_records_fill (table, registry, kind, region, operator_id);
  terrind_cli_table_write (table, format, cli->out);
  return TERRIND_CLI_EXIT_OK;
}
