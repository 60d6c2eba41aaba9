/* terrind-cli-stats.c: terrind stats [--phase P] [--format F]
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The counts of each kind, for the whole registry; then, when it defines
 * phases, each phase's territories and member SIRENs and how many SIRENs
 * stay from one phase to the next; then the regions, for the chosen phase
 * (see terrind-cli-phase.c). For programs, the same counts as one JSON
 * object, or as its key,value rows in CSV.
 */

#include "config.h"

#include "terrind-cli.h"
#include "terrind-cli-output.h"

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

static void
add_number (JsonBuilder *builder,
            const char  *name,
            gint64       value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_int_value (builder, value);
}

/* The phases in the object @builder is in: "phases", then "shared", the
 * member SIRENs of each two consecutive phases. */
static void
add_phases (JsonBuilder     *builder,
            GPtrArray       *phases,
            GPtrArray       *sets,
            TerrindCliTable *table)
{
  json_builder_set_member_name (builder, "phases");
  json_builder_begin_array (builder);
  for (guint i = 0; i < phases->len; i++)
    {
      TerrindPhase *phase = g_ptr_array_index (phases, i);
      g_autofree char *territories = terrind_cli_table_dup_text (table, i, 2);

      json_builder_begin_object (builder);
      add_number (builder, "phase", terrind_phase_get_number (phase));
      add_number (builder, "first_year", terrind_phase_get_first_year (phase));
      add_number (builder, "last_year", terrind_phase_get_last_year (phase));
      add_number (builder, "territories", g_ascii_strtoll (territories, NULL, 10));
      add_number (builder, "member_sirens", g_hash_table_size (g_ptr_array_index (sets, i)));
      if (terrind_phase_get_name (phase) != NULL)
        {
          json_builder_set_member_name (builder, "name");
          json_builder_add_string_value (builder, terrind_phase_get_name (phase));
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "shared");
  json_builder_begin_array (builder);
  for (guint i = 1; i < phases->len; i++)
    {
      json_builder_begin_object (builder);
      add_number (builder, "from", terrind_phase_get_number (g_ptr_array_index (phases, i - 1)));
      add_number (builder, "to", terrind_phase_get_number (g_ptr_array_index (phases, i)));
      add_number (builder, "member_sirens",
                  count_shared (g_ptr_array_index (sets, i - 1), g_ptr_array_index (sets, i)));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

/* One row per phase, then the member SIRENs found in two consecutive
 * phases: with two phases, "in both phases". With @builder, into it. */
static void
write_phases (TerrindCli      *cli,
              TerrindRegistry *registry,
              JsonBuilder     *builder)
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
  if (builder != NULL)
    {
      add_phases (builder, phases, sets, table);
      return;
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
  g_autofree char *format_name = NULL;
  gboolean excel = FALSE;
  GOptionEntry entries[] = {
    { "file", 'f', 0, G_OPTION_ARG_FILENAME, &file,
      "Read FILE instead of the default dataset", "FILE" },
    TERRIND_CLI_PHASE_OPTION (&phase),
    TERRIND_CLI_FORMAT_OPTION (&format_name, "Output format: text (default), csv or json"),
    TERRIND_CLI_EXCEL_OPTION (&excel),
    { NULL, 0, 0, 0, NULL, NULL, NULL }
  };
  g_autoptr(JsonBuilder) builder = NULL;
  TerrindCliOutput output;
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
                                      "region, for one phase.\n\n" TERRIND_CLI_PHASE_HELP "\n\n"
                                      "json writes one object: \"kinds\" (plural: count, and\n"
                                      "member_sirens), \"phases\" and \"shared\" when the registry\n"
                                      "defines phases, \"phase\" (the chosen one, or null) and\n"
                                      "\"regions\" (code, name, territories, members, referents).\n"
                                      "csv (RFC 4180, or --excel) is that object as key,value rows:\n"
                                      "nested keys joined with '.', array items numbered from 1.",
                                      entries, argc, argv, &args);
  if (status >= 0)
    return status;
  if (g_strv_length (args) != 1)
    return terrind_cli_usage_error (cli, "stats", "unexpected argument '%s'", args[1]);
  status = terrind_cli_output_choose (cli, "stats", format_name, excel,
                                      TERRIND_CLI_FORMATS_REPORT, &output);
  if (status >= 0)
    return status;

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
  if (output.format != TERRIND_CLI_FORMAT_TEXT)
    {
      builder = json_builder_new ();
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "kinds");
      json_builder_begin_object (builder);
      for (guint r = 0; r < terrind_cli_table_get_n_rows (kinds); r++)
        {
          g_autofree char *name = terrind_cli_table_dup_text (kinds, r, 0);
          g_autofree char *count = terrind_cli_table_dup_text (kinds, r, 1);

          add_number (builder, g_str_equal (name, "member SIRENs") ? "member_sirens" : name,
                      g_ascii_strtoll (count, NULL, 10));
        }
      json_builder_end_object (builder);
    }
  else
    terrind_cli_table_write (kinds, TERRIND_CLI_FORMAT_TEXT, cli->out);
  if (terrind_registry_get_n_phases (registry) > 0)
    write_phases (cli, registry, builder);

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
  if (builder != NULL)
    {
      g_autoptr(JsonNode) root = NULL;

      json_builder_set_member_name (builder, "phase");
      if (choice.number > 0)
        json_builder_add_int_value (builder, choice.number);
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "regions");
      json_builder_begin_array (builder);
      for (guint r = 0; r < terrind_cli_table_get_n_rows (per_region); r++)
        {
          static const char *const keys[] = { "code", "territories", "members", "referents", "name" };

          json_builder_begin_object (builder);
          for (guint c = 0; c < G_N_ELEMENTS (keys); c++)
            {
              g_autofree char *text = terrind_cli_table_dup_text (per_region, r, c);

              json_builder_set_member_name (builder, keys[c]);
              if (terrind_cli_table_get_type (per_region, r, c) == TERRIND_CLI_CELL_NUMBER)
                json_builder_add_int_value (builder, g_ascii_strtoll (text, NULL, 10));
              else
                json_builder_add_string_value (builder, text);
            }
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      root = json_builder_get_root (builder);
      terrind_cli_output_tree (cli, &output, root);
      return TERRIND_CLI_EXIT_OK;
    }
  terrind_cli_print (cli, "\n");
  heading = terrind_cli_phase_heading (registry, &choice);
  if (heading != NULL)
    terrind_cli_print (cli, "%s, per region:\n", heading);
  terrind_cli_table_write (per_region, TERRIND_CLI_FORMAT_TEXT, cli->out);
  return TERRIND_CLI_EXIT_OK;
}
