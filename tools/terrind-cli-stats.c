/* terrind-cli-stats.c: terrind stats
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "terrind-cli.h"
#include "terrind-cli-table.h"

static guint
count_members (GPtrArray *territories)
{
  guint n = 0;

  for (guint i = 0; i < territories->len; i++)
    n += terrind_territory_get_n_members (g_ptr_array_index (territories, i));
  return n;
}

typedef struct {
  guint territories;
  guint members;
  guint referents;
} RegionCounts;

/* Region code → RegionCounts, in one pass over the territories and one
 * over the referents: asking the registry region by region, or territory
 * by territory, would cost regions × territories, or territories ×
 * operators, and a file may make both large. */
static GHashTable *
count_by_region (TerrindRegistry *registry,
                 GPtrArray       *territories)
{
  g_autoptr(GPtrArray) referents = terrind_registry_list_referents (registry);
  GHashTable *counts = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

  for (guint i = 0; i < territories->len; i++)
    {
      TerrindTerritory *territory = g_ptr_array_index (territories, i);
      const char *code = terrind_territory_get_region_code (territory);
      RegionCounts *region = g_hash_table_lookup (counts, code);

      if (region == NULL)
        {
          region = g_new0 (RegionCounts, 1);
          g_hash_table_insert (counts, (gpointer) code, region);
        }
      region->territories++;
      region->members += terrind_territory_get_n_members (territory);
    }
  for (guint i = 0; i < referents->len; i++)
    {
      const char *territory_id = terrind_referent_get_territory_id (g_ptr_array_index (referents, i));
      TerrindTerritory *territory = terrind_registry_get_territory (registry, territory_id);
      RegionCounts *region;

      if (territory == NULL)
        continue;
      region = g_hash_table_lookup (counts, terrind_territory_get_region_code (territory));
      if (region != NULL)
        region->referents++;
    }
  return counts;
}

int
terrind_cli_stats (TerrindCli *cli,
                   int         argc,
                   char      **argv)
{
  static const TerrindCliColumn kind_columns[] = {
    { "kind", TERRIND_CLI_COLUMN_SHOWN },
    { "count", TERRIND_CLI_COLUMN_SHOWN },
  };
  static const TerrindCliColumn region_columns[] = {
    { "region", TERRIND_CLI_COLUMN_SHOWN },
    { "territories", TERRIND_CLI_COLUMN_SHOWN },
    { "members", TERRIND_CLI_COLUMN_SHOWN },
    { "referents", TERRIND_CLI_COLUMN_SHOWN },
    { "name", TERRIND_CLI_COLUMN_SHOWN },
  };
  g_autofree char *file = NULL;
  GOptionEntry entries[] = {
    { "file", 'f', 0, G_OPTION_ARG_FILENAME, &file,
      "Read FILE instead of the default dataset", "FILE" },
    { NULL, 0, 0, 0, NULL, NULL, NULL }
  };
  g_auto(GStrv) args = NULL;
  g_autoptr(TerrindRegistry) registry = NULL;
  g_autoptr(TerrindCliTable) kinds = NULL;
  g_autoptr(TerrindCliTable) per_region = NULL;
  g_autoptr(GPtrArray) territories = NULL;
  g_autoptr(GPtrArray) regions = NULL;
  g_autoptr(GHashTable) by_region = NULL;
  const TerrindKind * const *model;
  guint n_kinds;
  int status;

  status = terrind_cli_parse_options (cli, "stats", NULL,
                                      "Count the entities of each kind, then the territories, their\n"
                                      "member SIRENs and their referents in each region.",
                                      entries, argc, argv, &args);
  if (status >= 0)
    return status;
  if (g_strv_length (args) != 1)
    return terrind_cli_usage_error (cli, "stats", "unexpected argument '%s'", args[1]);

  registry = terrind_cli_open (cli, file, &status);
  if (registry == NULL)
    return status;

  /* Every kind the library describes, in document order; the member
   * SIRENs, the measure of a territory's size, follow the territories. */
  territories = terrind_registry_list_territories (registry);
  kinds = terrind_cli_table_new (kind_columns, G_N_ELEMENTS (kind_columns));
  model = terrind_model_get_kinds (&n_kinds);
  for (guint i = 0; i < n_kinds; i++)
    {
      terrind_cli_table_add_row (kinds);
      terrind_cli_table_add_string (kinds, terrind_kind_get_plural (model[i]));
      terrind_cli_table_add_number (kinds, terrind_registry_count (registry, model[i]));
      if (model[i] == terrind_model_lookup_kind ("territory"))
        {
          terrind_cli_table_add_row (kinds);
          terrind_cli_table_add_string (kinds, "member SIRENs");
          terrind_cli_table_add_number (kinds, count_members (territories));
        }
    }
  terrind_cli_table_write (kinds, TERRIND_CLI_FORMAT_TABLE, cli->out);

  per_region = terrind_cli_table_new (region_columns, G_N_ELEMENTS (region_columns));
  regions = terrind_registry_list_regions (registry);
  by_region = count_by_region (registry, territories);
  for (guint i = 0; i < regions->len; i++)
    {
      TerrindRegion *region = g_ptr_array_index (regions, i);
      const RegionCounts none = { 0, 0, 0 };
      const RegionCounts *in_region = g_hash_table_lookup (by_region,
                                                           terrind_region_get_code (region));

      if (in_region == NULL)
        in_region = &none;
      terrind_cli_table_add_row (per_region);
      terrind_cli_table_add_string (per_region, terrind_region_get_code (region));
      terrind_cli_table_add_number (per_region, in_region->territories);
      terrind_cli_table_add_number (per_region, in_region->members);
      terrind_cli_table_add_number (per_region, in_region->referents);
      terrind_cli_table_add_string (per_region, terrind_region_get_name (region));
    }
  terrind_cli_print (cli, "\n");
  terrind_cli_table_write (per_region, TERRIND_CLI_FORMAT_TABLE, cli->out);
  return TERRIND_CLI_EXIT_OK;
}
