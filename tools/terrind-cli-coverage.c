/* terrind-cli-coverage.c: terrind coverage [--operator ID] [--phase P]
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Every operator promised one referent per territory. This report says,
 * per operator, which territories have theirs and which still do not,
 * among the territories of one phase (see terrind-cli-phase.c).
 */

#include "config.h"

#include "terrind-cli.h"

/* Reports one operator; returns the number of territories without referent.
 * @territories is the registry's listing, taken once for every operator,
 * and @with the number of territories the operator has a referent for. */
static guint
report_operator (TerrindCli      *cli,
                 TerrindRegistry *registry,
                 GPtrArray       *territories,
                 TerrindOperator *op,
                 guint            with,
                 gboolean         summary)
{
  const char *op_id = terrind_operator_get_id (op);
  guint without = territories->len - with;

  terrind_cli_print (cli, "%s (%s): %u of %u territories with a referent, %u without\n",
                     op_id, terrind_operator_get_name (op), with, territories->len, without);
  if (summary)
    return without;

  /* Each list walks every territory: what it prints is as long. */
  if (with > 0)
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

/* Operator id → how many territories of the chosen phase it named a
 * referent for, in one pass over the referents: an operator names at most
 * one per territory, so its referents count its territories. Asking the
 * registry operator by operator would walk every territory once per
 * operator, even for a summary. */
static GHashTable *
count_referents (TerrindRegistry       *registry,
                 const TerrindCliPhase *choice)
{
  g_autoptr(GPtrArray) referents = terrind_registry_list_referents (registry);
  GHashTable *counts = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < referents->len; i++)
    {
      TerrindReferent *referent = g_ptr_array_index (referents, i);
      const char *op_id = terrind_referent_get_operator_id (referent);
      TerrindTerritory *territory =
        terrind_registry_get_territory (registry, terrind_referent_get_territory_id (referent));
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, op_id));

      if (territory == NULL ||
          !terrind_cli_phase_includes (choice, terrind_territory_get_phase (territory)))
        continue;

      g_hash_table_insert (counts, (gpointer) op_id, GUINT_TO_POINTER (n + 1));
    }
  return counts;
}

int
terrind_cli_coverage (TerrindCli *cli,
                      int         argc,
                      char      **argv)
{
  g_autofree char *file = NULL;
  g_autofree char *operator_id = NULL;
  g_autofree char *phase = NULL;
  gboolean summary = FALSE;
  gboolean check = FALSE;
  GOptionEntry entries[] = {
    { "file", 'f', 0, G_OPTION_ARG_FILENAME, &file,
      "Read FILE instead of the default dataset", "FILE" },
    { "operator", 'o', 0, G_OPTION_ARG_STRING, &operator_id,
      "Only the operator ID", "ID" },
    { "summary", 's', 0, G_OPTION_ARG_NONE, &summary,
      "Counts only, without the lists of territories", NULL },
    { "check", 0, 0, G_OPTION_ARG_NONE, &check,
      "Exit with status 1 when a referent is missing", NULL },
    TERRIND_CLI_PHASE_OPTION (&phase),
    { NULL, 0, 0, 0, NULL, NULL, NULL }
  };
  g_auto(GStrv) args = NULL;
  g_autoptr(TerrindRegistry) registry = NULL;
  g_autoptr(GPtrArray) operators = NULL;
  g_autoptr(GPtrArray) territories = NULL;
  g_autoptr(GHashTable) with = NULL;
  g_autofree char *heading = NULL;
  TerrindCliPhase choice;
  guint missing = 0;
  int status;

  status = terrind_cli_parse_options (cli, "coverage", NULL,
                                      "For each operator, the territories with and without their\n"
                                      "single referent, as counts and lists.\n\n"
                                      TERRIND_CLI_PHASE_HELP "\nWhen one phase is shown, a first "
                                      "line names it.",
                                      entries, argc, argv, &args);
  if (status >= 0)
    return status;
  if (g_strv_length (args) != 1)
    return terrind_cli_usage_error (cli, "coverage", "unexpected argument '%s'", args[1]);

  registry = terrind_cli_open (cli, file, &status);
  if (registry == NULL)
    return status;
  status = terrind_cli_phase_choose (cli, "coverage", registry, phase, &choice);
  if (status >= 0)
    return status;

  if (operator_id != NULL)
    {
      TerrindOperator *op = terrind_registry_get_operator (registry, operator_id);

      if (op == NULL)
        return terrind_cli_usage_error (cli, "coverage", "no operator with id '%s'", operator_id);
      operators = g_ptr_array_new ();
      g_ptr_array_add (operators, op);
    }
  else
    operators = terrind_registry_list_operators (registry);

  territories = terrind_cli_phase_list_territories (registry, &choice);
  with = count_referents (registry, &choice);
  heading = terrind_cli_phase_heading (registry, &choice);
  if (heading != NULL)
    terrind_cli_print (cli, "%s\n", heading);
  for (guint i = 0; i < operators->len; i++)
    {
      TerrindOperator *op = g_ptr_array_index (operators, i);
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (with, terrind_operator_get_id (op)));

      missing += report_operator (cli, registry, territories, op, n, summary);
    }

  if (check && missing > 0)
    return TERRIND_CLI_EXIT_FAILED;
  return TERRIND_CLI_EXIT_OK;
}
