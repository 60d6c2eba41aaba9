/* terrind-cli-coverage.c: terrind coverage [--operator ID] [--region CODE] [--phase P] [--missing] [--format F]
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Every operator promised one referent per territory. This report says,
 * per operator, which territories have theirs and which still do not,
 * among the territories of one phase (see terrind-cli-phase.c), of one
 * region when asked. For programs, one row per operator and territory,
 * with the referent's fields when there is one.
 */

#include "config.h"

#include "terrind-cli.h"
#include "terrind-cli-colour.h"
#include "terrind-cli-output.h"

static const TerrindCliColumn row_columns[] = {
  { "operator", TERRIND_CLI_COLUMN_SHOWN },
  { "territory", TERRIND_CLI_COLUMN_SHOWN },
  { "name", TERRIND_CLI_COLUMN_SHOWN },
  { "region", TERRIND_CLI_COLUMN_SHOWN },
  { "phase", TERRIND_CLI_COLUMN_SHOWN },
  { "status", TERRIND_CLI_COLUMN_STATUS },
  { "referent", TERRIND_CLI_COLUMN_SHOWN },
  { "person", TERRIND_CLI_COLUMN_SHOWN },
  { "role", TERRIND_CLI_COLUMN_SHOWN },
  { "email", TERRIND_CLI_COLUMN_SHOWN },
  { "phone", TERRIND_CLI_COLUMN_SHOWN },
};

static const TerrindCliColumn summary_columns[] = {
  { "operator", TERRIND_CLI_COLUMN_SHOWN },
  { "name", TERRIND_CLI_COLUMN_SHOWN },
  { "territories", TERRIND_CLI_COLUMN_SHOWN },
  { "present", TERRIND_CLI_COLUMN_SHOWN },
  { "missing", TERRIND_CLI_COLUMN_SHOWN },
};

/* What the command line asked for. */
typedef struct {
  gboolean         summary;
  gboolean         missing_only;
  TerrindCliOutput output;
} Request;

/* "N without", in red on a terminal when N > 0. */
static void
print_counts (TerrindCli      *cli,
              const Request   *request,
              TerrindOperator *op,
              guint            n_territories,
              guint            with)
{
  g_autoptr(GString) line = g_string_new (NULL);
  g_autofree char *without = g_strdup_printf ("%u without", n_territories - with);

  g_string_append_printf (line, "%s (%s): %u of %u territories with a referent, ",
                          terrind_operator_get_id (op), terrind_operator_get_name (op), with,
                          n_territories);
  if (request->output.colour && with < n_territories)
    terrind_cli_colour_append (line, TERRIND_CLI_TONE_BAD, without);
  else
    g_string_append (line, without);
  terrind_cli_print (cli, "%s\n", line->str);
}

/* Reports one operator as text; returns the number of territories
 * without referent. @with is the number of @territories the operator has
 * a referent for. */
static guint
report_operator (TerrindCli      *cli,
                 const Request   *request,
                 TerrindRegistry *registry,
                 GPtrArray       *territories,
                 TerrindOperator *op,
                 guint            with)
{
  const char *op_id = terrind_operator_get_id (op);
  guint without = territories->len - with;

  print_counts (cli, request, op, territories->len, with);
  if (request->summary)
    return without;

  /* Each list walks every territory: what it prints is as long. */
  if (with > 0 && !request->missing_only)
    {
      terrind_cli_print (cli, "  with a referent:\n");
      for (guint i = 0; i < territories->len; i++)
        {
          TerrindTerritory *territory = g_ptr_array_index (territories, i);
          const char *id = terrind_territory_get_id (territory);
          TerrindReferent *referent = terrind_registry_get_referent_for (registry, op_id, id);

          if (referent != NULL)
            terrind_cli_print (cli, "    %s  %s: %s\n", id, terrind_territory_get_name (territory),
                               terrind_referent_get_person (referent));
        }
    }
  if (without > 0)
    {
      terrind_cli_print (cli, "  without a referent:\n");
      for (guint i = 0; i < territories->len; i++)
        {
          TerrindTerritory *territory = g_ptr_array_index (territories, i);
          const char *id = terrind_territory_get_id (territory);

          if (terrind_registry_get_referent_for (registry, op_id, id) == NULL)
            terrind_cli_print (cli, "    %s  %s\n", id, terrind_territory_get_name (territory));
        }
    }
  return without;
}

/* The rows of one operator for the machine formats; returns the number of
 * territories without referent. */
static guint
add_operator_rows (TerrindCliTable *table,
                   const Request   *request,
                   TerrindRegistry *registry,
                   GPtrArray       *territories,
                   TerrindOperator *op,
                   guint            with)
{
  const char *op_id = terrind_operator_get_id (op);

  if (request->summary)
    {
      terrind_cli_table_add_row (table);
      terrind_cli_table_add_string (table, op_id);
      terrind_cli_table_add_string (table, terrind_operator_get_name (op));
      terrind_cli_table_add_number (table, territories->len);
      terrind_cli_table_add_number (table, with);
      terrind_cli_table_add_number (table, territories->len - with);
      return territories->len - with;
    }

  for (guint i = 0; i < territories->len; i++)
    {
      TerrindTerritory *territory = g_ptr_array_index (territories, i);
      const char *id = terrind_territory_get_id (territory);
      TerrindReferent *referent = terrind_registry_get_referent_for (registry, op_id, id);

      if (referent != NULL && request->missing_only)
        continue;
      terrind_cli_table_add_row (table);
      terrind_cli_table_add_string (table, op_id);
      terrind_cli_table_add_string (table, id);
      terrind_cli_table_add_string (table, terrind_territory_get_name (territory));
      terrind_cli_table_add_string (table, terrind_territory_get_region_code (territory));
      terrind_cli_table_add_number (table, terrind_territory_get_phase (territory));
      terrind_cli_table_add_string (table, referent != NULL ? "present" : "missing");
      if (referent == NULL)
        {
          for (guint c = 0; c < 5; c++)
            terrind_cli_table_add_null (table);
          continue;
        }
      terrind_cli_table_add_string (table, terrind_referent_get_id (referent));
      terrind_cli_table_add_string (table, terrind_referent_get_person (referent));
      terrind_cli_table_add_string (table, terrind_referent_get_role (referent));
      terrind_cli_table_add_string (table, terrind_referent_get_email (referent));
      terrind_cli_table_add_string (table, terrind_referent_get_phone (referent));
    }
  return territories->len - with;
}

/* Operator id → how many of @territories it named a referent for, in one
 * pass over the referents: an operator names at most one per territory,
 * so its referents count its territories. Asking the registry operator by
 * operator would walk every territory once per operator, even for a
 * summary. */
static GHashTable *
count_referents (TerrindRegistry *registry,
                 GPtrArray       *territories)
{
  g_autoptr(GPtrArray) referents = terrind_registry_list_referents (registry);
  g_autoptr(GHashTable) shown = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTable *counts = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < territories->len; i++)
    g_hash_table_add (shown, (gpointer) terrind_territory_get_id (g_ptr_array_index (territories, i)));
  for (guint i = 0; i < referents->len; i++)
    {
      TerrindReferent *referent = g_ptr_array_index (referents, i);
      const char *op_id = terrind_referent_get_operator_id (referent);
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, op_id));

      if (g_hash_table_contains (shown, terrind_referent_get_territory_id (referent)))
        g_hash_table_insert (counts, (gpointer) op_id, GUINT_TO_POINTER (n + 1));
    }
  return counts;
}

/* The territories of the chosen phase, of the region @region_code when
 * not NULL (transfer container). */
static GPtrArray *
list_territories (TerrindRegistry       *registry,
                  const TerrindCliPhase *choice,
                  const char            *region_code)
{
  GPtrArray *territories = terrind_cli_phase_list_territories (registry, choice);
  guint kept = 0;

  if (region_code == NULL)
    return territories;
  for (guint i = 0; i < territories->len; i++)
    {
      TerrindTerritory *territory = g_ptr_array_index (territories, i);

      if (g_str_equal (terrind_territory_get_region_code (territory), region_code))
        territories->pdata[kept++] = territory;
    }
  g_ptr_array_set_size (territories, kept);
  return territories;
}

int
terrind_cli_coverage (TerrindCli *cli,
                      int         argc,
                      char      **argv)
{
  g_autofree char *file = NULL;
  g_autofree char *operator_id = NULL;
  g_autofree char *region = NULL;
  g_autofree char *phase = NULL;
  g_autofree char *format_name = NULL;
  gboolean excel = FALSE;
  gboolean check = FALSE;
  Request request = { FALSE, FALSE, { TERRIND_CLI_FORMAT_TEXT, FALSE, FALSE } };
  GOptionEntry entries[] = {
    { "file", 'f', 0, G_OPTION_ARG_FILENAME, &file,
      "Read FILE instead of the default dataset", "FILE" },
    { "operator", 'o', 0, G_OPTION_ARG_STRING, &operator_id,
      "Only the operator ID", "ID" },
    { "region", 'r', 0, G_OPTION_ARG_STRING, &region,
      "Only the territories of the region CODE", "CODE" },
    { "missing", 'm', 0, G_OPTION_ARG_NONE, &request.missing_only,
      "Only the territories lacking a referent", NULL },
    { "summary", 's', 0, G_OPTION_ARG_NONE, &request.summary,
      "Counts only, without the lists of territories", NULL },
    { "check", 0, 0, G_OPTION_ARG_NONE, &check,
      "Exit with status 1 when a referent is missing", NULL },
    TERRIND_CLI_PHASE_OPTION (&phase),
    TERRIND_CLI_FORMAT_OPTION (&format_name, "Output format: text (default), csv or json"),
    TERRIND_CLI_EXCEL_OPTION (&excel),
    { NULL, 0, 0, 0, NULL, NULL, NULL }
  };
  g_auto(GStrv) args = NULL;
  g_autoptr(TerrindRegistry) registry = NULL;
  g_autoptr(GPtrArray) operators = NULL;
  g_autoptr(GPtrArray) territories = NULL;
  g_autoptr(GHashTable) with = NULL;
  g_autoptr(TerrindCliTable) table = NULL;
  g_autofree char *heading = NULL;
  TerrindCliPhase choice;
  guint missing = 0;
  int status;

  status = terrind_cli_parse_options (cli, "coverage", NULL,
                                      "For each operator, the territories with and without their\n"
                                      "single referent, as counts and lists.\n\n"
                                      TERRIND_CLI_PHASE_HELP "\nWhen one phase is shown, a first "
                                      "line names it.\n\n"
                                      "--region keeps the territories of one region; --missing\n"
                                      "lists only the territories still lacking a referent (the\n"
                                      "counts stay those of every territory shown).\n\n"
                                      "csv (RFC 4180, or --excel) and json write one row per\n"
                                      "operator and territory: operator, territory, name, region,\n"
                                      "phase, status (present or missing) and the referent's id,\n"
                                      "person, role, email and phone (empty, or null, when\n"
                                      "missing); with --summary, one row per operator: operator,\n"
                                      "name, territories, present, missing.",
                                      entries, argc, argv, &args);
  if (status >= 0)
    return status;
  if (g_strv_length (args) != 1)
    return terrind_cli_usage_error (cli, "coverage", "unexpected argument '%s'", args[1]);
  status = terrind_cli_output_choose (cli, "coverage", format_name, excel,
                                      TERRIND_CLI_FORMATS_REPORT, &request.output);
  if (status >= 0)
    return status;

  registry = terrind_cli_open (cli, file, &status);
  if (registry == NULL)
    return status;
  status = terrind_cli_phase_choose (cli, "coverage", registry, phase, &choice);
  if (status >= 0)
    return status;

  if (region != NULL && terrind_registry_get_region (registry, region) == NULL)
    return terrind_cli_unknown_id (cli, "coverage", registry, terrind_model_lookup_kind ("region"),
                                   region);
  if (operator_id != NULL)
    {
      TerrindOperator *op = terrind_registry_get_operator (registry, operator_id);

      if (op == NULL)
        return terrind_cli_unknown_id (cli, "coverage", registry,
                                       terrind_model_lookup_kind ("operator"), operator_id);
      operators = g_ptr_array_new ();
      g_ptr_array_add (operators, op);
    }
  else
    operators = terrind_registry_list_operators (registry);

  territories = list_territories (registry, &choice, region);
  with = count_referents (registry, territories);
  if (request.output.format == TERRIND_CLI_FORMAT_TEXT)
    {
      heading = terrind_cli_phase_heading (registry, &choice);
      if (heading != NULL)
        terrind_cli_print (cli, "%s\n", heading);
    }
  else if (request.summary)
    table = terrind_cli_table_new (summary_columns, G_N_ELEMENTS (summary_columns));
  else
    table = terrind_cli_table_new (row_columns, G_N_ELEMENTS (row_columns));

  for (guint i = 0; i < operators->len; i++)
    {
      TerrindOperator *op = g_ptr_array_index (operators, i);
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (with, terrind_operator_get_id (op)));

      if (table != NULL)
        missing += add_operator_rows (table, &request, registry, territories, op, n);
      else
        missing += report_operator (cli, &request, registry, territories, op, n);
    }
  if (table != NULL)
    terrind_cli_output_table (cli, &request.output, table);

  if (check && missing > 0)
    return TERRIND_CLI_EXIT_FAILED;
  return TERRIND_CLI_EXIT_OK;
}
