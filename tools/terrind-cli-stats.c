/* terrind-cli-stats.c: terrind stats [--phase P]
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The counts of each kind, for the whole registry; then, when it defines
 * phases, each phase's territories and member SIRENs and how many SIRENs
 * stay from one phase to the next; then the regions, for the chosen phase
 * (see terrind-cli-phase.c).
 */

#include "config.h"

#include "terrind-cli.h"
#include "terrind-cli-table.h"

/* The distinct member SIRENs of @territories, as a set of borrowed strings:
 * a SIREN may be a member in several phases, so the memberships would
 * count it more than once. */
static GHashTable *
member_set (GPtrArray *territories)
{
  GHashTable *members = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < territories->len; i++)
    {
      TerrindTerritory *territory = g_ptr_array_index (territories, i);

      for (guint j = 0; j < terrind_territory_get_n_members (territory); j++)
        g_hash_table_add (members, (gpointer) terrind_territory_get_member (territory, j));
    }
  return members;
}

static guint
count_members (GPtrArray *territories)
{
  g_autoptr(GHashTable) members = member_set (territories);

  return g_hash_table_size (members);
}

static guint
count_shared (GHashTable *a,
              GHashTable *b)
{
  GHashTableIter iter;
  gpointer siren;
  guint n = 0;

  g_hash_table_iter_init (&iter, a);
  while (g_hash_table_iter_next (&iter, &siren, NULL))
    if (g_hash_table_contains (b, siren))
      n++;
  return n;
}

/* One row per phase, then the member SIRENs found in two consecutive
 * phases: with two phases, "in both phases". */
static void
write_phases (TerrindCli      *cli,
              TerrindRegistry *registry)
{
  static const TerrindCliColumn phase_columns[] = {
    { "phase", TERRIND_CLI_COLUMN_SHOWN },
    { "years", TERRIND_CLI_COLUMN_SHOWN },
    { "territories", TERRIND_CLI_COLUMN_SHOWN },
    { "member SIRENs", TERRIND_CLI_COLUMN_SHOWN },
    { "name", TERRIND_CLI_COLUMN_SHOWN },
  };
  g_autoptr(GPtrArray) phases = terrind_registry_list_phases (registry);
  g_autoptr(GPtrArray) sets = g_ptr_array_new_with_free_func ((GDestroyNotify) g_hash_table_unref);
  g_autoptr(TerrindCliTable) table = terrind_cli_table_new (phase_columns,
                                                            G_N_ELEMENTS (phase_columns));

  for (guint i = 0; i < phases->len; i++)
    {
      TerrindPhase *phase = g_ptr_array_index (phases, i);
      g_autoptr(GPtrArray) territories =
        terrind_registry_list_territories_in_phase (registry, terrind_phase_get_number (phase));
      g_autofree char *years = g_strdup_printf ("%u-%u", terrind_phase_get_first_year (phase),
                                                terrind_phase_get_last_year (phase));
      GHashTable *members = member_set (territories);

      g_ptr_array_add (sets, members);
      terrind_cli_table_add_row (table);
      terrind_cli_table_add_number (table, terrind_phase_get_number (phase));
      terrind_cli_table_add_string (table, years);
      terrind_cli_table_add_number (table, territories->len);
      terrind_cli_table_add_number (table, g_hash_table_size (members));
      terrind_cli_table_add_string (table, terrind_phase_get_name (phase));
    }
  terrind_cli_print (cli, "\n");
  terrind_cli_table_write (table, TERRIND_CLI_FORMAT_TEXT, cli->out);

  if (phases->len == 2)
    terrind_cli_print (cli, "member SIRENs in both phases: %u\n",
                       count_shared (g_ptr_array_index (sets, 0), g_ptr_array_index (sets, 1)));
  else
    for (guint i = 1; i < phases->len; i++)
      terrind_cli_print (cli, "member SIRENs in both phases %u and %u: %u\n",
                         terrind_phase_get_number (g_ptr_array_index (phases, i - 1)),
                         terrind_phase_get_number (g_ptr_array_index (phases, i)),
                         count_shared (g_ptr_array_index (sets, i - 1),
                                       g_ptr_array_index (sets, i)));
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
count_by_region (TerrindRegistry       *registry,
                 const TerrindCliPhase *choice,
                 GPtrArray             *territories)
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

      if (territory == NULL ||
          !terrind_cli_phase_includes (choice, terrind_territory_get_phase (territory)))
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
  g_autofree char *phase = NULL;
  GOptionEntry entries[] = {
    { "file", 'f', 0, G_OPTION_ARG_FILENAME, &file,
      "Read FILE instead of the default dataset", "FILE" },
    TERRIND_CLI_PHASE_OPTION (&phase),
    { NULL, 0, 0, 0, NULL, NULL, NULL }
  };
  g_auto(GStrv) args = NULL;
  g_autoptr(TerrindRegistry) registry = NULL;
  g_autoptr(TerrindCliTable) kinds = NULL;
  g_autoptr(TerrindCliTable) per_region = NULL;
  g_autoptr(GPtrArray) territories = NULL;
  g_autoptr(GPtrArray) regions = NULL;
  g_autoptr(GHashTable) by_region = NULL;
  g_autofree char *heading = NULL;
  TerrindCliPhase choice;
  const TerrindKind * const *model;
  guint n_kinds;
  int status;

  status = terrind_cli_parse_options (cli, "stats", NULL,
                                      "Count the entities of each kind; when the registry defines\n"
                                      "phases, each phase's territories and member SIRENs, and the\n"
                                      "SIRENs that are members in two consecutive phases; then the\n"
                                      "territories, their member SIRENs and their referents in each\n"
                                      "region, for one phase.\n\n" TERRIND_CLI_PHASE_HELP,
                                      entries, argc, argv, &args);
  if (status >= 0)
    return status;
  if (g_strv_length (args) != 1)
    return terrind_cli_usage_error (cli, "stats", "unexpected argument '%s'", args[1]);

  registry = terrind_cli_open (cli, file, &status);
  if (registry == NULL)
    return status;
  status = terrind_cli_phase_choose (cli, "stats", registry, phase, &choice);
  if (status >= 0)
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
  terrind_cli_table_write (kinds, TERRIND_CLI_FORMAT_TEXT, cli->out);
  if (terrind_registry_get_n_phases (registry) > 0)
    write_phases (cli, registry);

  /* The regions, for the chosen phase. */
  g_clear_pointer (&territories, g_ptr_array_unref);
  territories = terrind_cli_phase_list_territories (registry, &choice);
  per_region = terrind_cli_table_new (region_columns, G_N_ELEMENTS (region_columns));
  regions = terrind_registry_list_regions (registry);
  by_region = count_by_region (registry, &choice, territories);
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
  heading = terrind_cli_phase_heading (registry, &choice);
  if (heading != NULL)
    terrind_cli_print (cli, "%s, per region:\n", heading);
  terrind_cli_table_write (per_region, TERRIND_CLI_FORMAT_TEXT, cli->out);
  return TERRIND_CLI_EXIT_OK;
}
