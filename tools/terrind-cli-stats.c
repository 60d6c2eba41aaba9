/* terrind-cli-stats.c: terrind stats
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "terrind-cli.h"
#include "terrind-cli-table.h"

static guint
count_commitments (TerrindRegistry *registry)
{
  g_autoptr(GPtrArray) conventions = terrind_registry_list_conventions (registry);
  guint n = 0;

  for (guint i = 0; i < conventions->len; i++)
    n += terrind_convention_get_n_commitments (g_ptr_array_index (conventions, i));
  return n;
}

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
    { "kind", TERRIND_CLI_COLUMN_SHOWN, NULL },
    { "count", TERRIND_CLI_COLUMN_SHOWN, NULL },
  };
  static const TerrindCliColumn region_columns[] = {
    { "region", TERRIND_CLI_COLUMN_SHOWN, NULL },
    { "territories", TERRIND_CLI_COLUMN_SHOWN, NULL },
    { "members", TERRIND_CLI_COLUMN_SHOWN, NULL },
    { "referents", TERRIND_CLI_COLUMN_SHOWN, NULL },
    { "name", TERRIND_CLI_COLUMN_SHOWN, NULL },
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
  struct { const char *kind; guint count; } counts[7];
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

  territories = terrind_registry_list_territories (registry);
  counts[0].kind = "regions";       counts[0].count = terrind_registry_get_n_regions (registry);
  counts[1].kind = "operators";     counts[1].count = terrind_registry_get_n_operators (registry);
  counts[2].kind = "territories";   counts[2].count = territories->len;
  counts[3].kind = "member SIRENs"; counts[3].count = count_members (territories);
  counts[4].kind = "conventions";   counts[4].count = terrind_registry_get_n_conventions (registry);
  counts[5].kind = "commitments";   counts[5].count = count_commitments (registry);
  counts[6].kind = "referents";     counts[6].count = terrind_registry_get_n_referents (registry);

  kinds = terrind_cli_table_new ("counts", "count", kind_columns, G_N_ELEMENTS (kind_columns));
  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    {
      terrind_cli_table_add_row (kinds);
      terrind_cli_table_add_string (kinds, counts[i].kind);
      terrind_cli_table_add_number (kinds, counts[i].count);
    }
  terrind_cli_table_write (kinds, TERRIND_CLI_FORMAT_TABLE, cli->out);

  per_region = terrind_cli_table_new ("regions", "region", region_columns, G_N_ELEMENTS (region_columns));
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
