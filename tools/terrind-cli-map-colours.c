/* terrind-cli-map-colours.c: which territories a map shows, in which colour
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Three ways to colour a territory:
 *  - with --operator ID: whether that operator's referent is in office on
 *    the date;
 *  - with --commitment ID: what terrind_registry_evaluate() says of it on
 *    the date (docs/evaluation.md): for a referent-per-territory
 *    commitment, met where the referent is in office and missed where one
 *    is missing; for the others, the status of the latest finding that
 *    names the territory (designated, invested in), and "not concerned"
 *    elsewhere;
 *  - by default: how many operators have their referent in office there,
 *    the question every convention asks.
 * The colours are those of ColorBrewer's colour-blind-safe schemes.
 */

#include "config.h"

#include <string.h>

#include "terrind-cli-map.h"

/* Up to this many operators, the default map has one colour per count of
 * referents; beyond, three: none, some, all. */
#define MAX_COUNT_CLASSES 6

static const char *const count_colours[] = {
  "#fdb863", "#c6dbef", "#9ecae1", "#6baed6", "#3182bd", "#08519c", "#08306b",
};

static const char *const status_colours[] = {
  [TERRIND_STATUS_MET] = "#2166ac",
  [TERRIND_STATUS_PARTIAL] = "#92c5de",
  [TERRIND_STATUS_MISSED] = "#d6604d",
  [TERRIND_STATUS_PENDING] = "#fddbc7",
  [TERRIND_STATUS_NOT_MEASURABLE] = "#bababa",
  [TERRIND_STATUS_INFO] = "#878787",
};
#define NOT_CONCERNED_COLOUR "#ffffff"
#define PRESENT_COLOUR       "#2166ac"
#define ABSENT_COLOUR        "#fdb863"

static void
class_free (TerrindCliMapClass *klass)
{
  g_free (klass->label);
  g_free (klass);
}

void
terrind_cli_map_free (TerrindCliMap *map)
{
  if (map == NULL)
    return;
  g_free (map->title);
  g_free (map->subtitle);
  g_free (map->region);
  /* A map given up half-built has no lists yet. */
  g_clear_pointer (&map->classes, g_ptr_array_unref);
  g_clear_pointer (&map->territories, g_ptr_array_unref);
  g_clear_pointer (&map->class_of, g_array_unref);
  g_free (map);
}

static void
add_class (TerrindCliMap *map,
           const char    *colour,
           char          *label)
{
  TerrindCliMapClass *klass = g_new0 (TerrindCliMapClass, 1);

  klass->label = label;
  klass->colour = colour;
  g_ptr_array_add (map->classes, klass);
}

static void
set_class (TerrindCliMap *map,
           guint          index,
           guint          klass)
{
  g_array_index (map->class_of, guint, index) = klass;
  ((TerrindCliMapClass *) g_ptr_array_index (map->classes, klass))->count++;
}

char *
terrind_cli_map_date (TerrindCli *cli,
                      const char *command,
                      const char *date)
{
  guint64 year, month, day;
  g_auto(GStrv) parts = NULL;

  if (date == NULL)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      return g_date_time_format (now, "%Y-%m-%d");
    }
  parts = g_strsplit (date, "-", -1);
  if (strlen (date) != 10 || g_strv_length (parts) != 3
      || !g_ascii_string_to_unsigned (parts[0], 10, 1900, 2200, &year, NULL)
      || !g_ascii_string_to_unsigned (parts[1], 10, 1, 12, &month, NULL)
      || !g_ascii_string_to_unsigned (parts[2], 10, 1, 31, &day, NULL)
      || !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    {
      terrind_cli_usage_error (cli, command, "--date takes a day, YYYY-MM-DD, not '%s'", date);
      return NULL;
    }
  return g_strdup (date);
}

const char *
terrind_cli_map_anct_id (TerrindTerritory *territory)
{
  const char *anct_id = terrind_territory_get_anct_id (territory);

  return anct_id != NULL ? anct_id : terrind_territory_get_id (territory);
}

guint
terrind_cli_map_shape_phase (TerrindTerritory *territory)
{
  guint phase = terrind_territory_get_phase (territory);

  return phase != 0 ? phase : 1;
}

/* One pass over the referents. */
GHashTable *
terrind_cli_map_referents_in_office (TerrindRegistry *registry,
                     const char      *date)
{
  g_autoptr(GPtrArray) referents = terrind_registry_list_referents (registry);
  GHashTable *in_office = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                 (GDestroyNotify) g_hash_table_unref);

  for (guint i = 0; i < referents->len; i++)
    {
      TerrindReferent *referent = g_ptr_array_index (referents, i);
      const char *territory_id = terrind_referent_get_territory_id (referent);
      GHashTable *operators;

      if (!terrind_referent_is_current (referent, date))
        continue;
      operators = g_hash_table_lookup (in_office, territory_id);
      if (operators == NULL)
        {
          operators = g_hash_table_new (g_str_hash, g_str_equal);
          g_hash_table_insert (in_office, (gpointer) territory_id, operators);
        }
      g_hash_table_add (operators, (gpointer) terrind_referent_get_operator_id (referent));
    }
  return in_office;
}

static void
colour_by_operator (TerrindCliMap   *map,
                    TerrindRegistry *registry,
                    TerrindOperator *op,
                    const char      *date)
{
  g_autoptr(GHashTable) in_office = terrind_cli_map_referents_in_office (registry, date);
  const char *op_id = terrind_operator_get_id (op);

  map->title = g_strdup_printf ("Referents of %s (%s)", terrind_operator_get_name (op), op_id);
  add_class (map, PRESENT_COLOUR, g_strdup ("referent in office"));
  add_class (map, ABSENT_COLOUR, g_strdup ("no referent"));
  for (guint i = 0; i < map->territories->len; i++)
    {
      TerrindTerritory *territory = g_ptr_array_index (map->territories, i);
      GHashTable *operators = g_hash_table_lookup (in_office, terrind_territory_get_id (territory));

      set_class (map, i, operators != NULL && g_hash_table_contains (operators, op_id) ? 0 : 1);
    }
}

static void
colour_by_count (TerrindCliMap   *map,
                 TerrindRegistry *registry,
                 const char      *date)
{
  g_autoptr(GHashTable) in_office = terrind_cli_map_referents_in_office (registry, date);
  guint n_operators = terrind_registry_get_n_operators (registry);
  gboolean per_count = n_operators <= MAX_COUNT_CLASSES;

  map->title = g_strdup ("Operators with a referent in office, per territory");
  if (per_count)
    for (guint n = 0; n <= n_operators; n++)
      add_class (map, count_colours[n],
                 n == 0 ? g_strdup ("none")
                        : g_strdup_printf ("%u of %u operator%s", n, n_operators,
                                           n_operators == 1 ? "" : "s"));
  else
    {
      add_class (map, count_colours[0], g_strdup ("none"));
      add_class (map, count_colours[2], g_strdup ("some operators"));
      add_class (map, count_colours[G_N_ELEMENTS (count_colours) - 1],
                 g_strdup_printf ("all %u operators", n_operators));
    }

  for (guint i = 0; i < map->territories->len; i++)
    {
      TerrindTerritory *territory = g_ptr_array_index (map->territories, i);
      GHashTable *operators = g_hash_table_lookup (in_office, terrind_territory_get_id (territory));
      guint n = operators != NULL ? g_hash_table_size (operators) : 0;

      /* A referent of an operator the registry does not hold cannot be:
       * the registry checks references. MIN is for safety only. */
      n = MIN (n, n_operators);
      if (per_count)
        set_class (map, i, n);
      else
        set_class (map, i, n == 0 ? 0 : n < n_operators ? 1 : 2);
    }
}

/* The convention that holds commitment @id. */
static TerrindConvention *
find_convention (TerrindRegistry *registry,
                 const char      *id)
{
  g_autoptr(GPtrArray) conventions = terrind_registry_list_conventions (registry);

  for (guint i = 0; i < conventions->len; i++)
    if (terrind_convention_lookup_commitment (g_ptr_array_index (conventions, i), id) != NULL)
      return g_ptr_array_index (conventions, i);
  return NULL;
}

static gboolean
colour_by_commitment (TerrindCliMap     *map,
                      TerrindRegistry   *registry,
                      TerrindConvention *convention,
                      const char        *commitment_id,
                      const char        *date,
                      GError           **error)
{
  g_autoptr(TerrindEvaluationOptions) options = terrind_evaluation_options_new ();
  g_autoptr(TerrindEvaluation) evaluation = NULL;
  g_autoptr(GHashTable) index = g_hash_table_new (g_str_hash, g_str_equal);
  const char *convention_id = terrind_convention_get_id (convention);
  guint convention_phase = terrind_convention_get_phase (convention);
  guint not_concerned = TERRIND_STATUS_INFO + 1;
  gboolean referents = FALSE;
  int overall = -1;

  terrind_evaluation_options_set_date (options, date);
  evaluation = terrind_registry_evaluate (registry, options, error);
  if (evaluation == NULL)
    return FALSE;

  for (guint s = 0; s <= TERRIND_STATUS_INFO; s++)
    add_class (map, status_colours[s], g_strdup (terrind_status_to_string ((TerrindStatus) s)));
  add_class (map, NOT_CONCERNED_COLOUR, g_strdup ("not concerned"));

  /* Territory id → its index in the map, -1 until a finding names it. */
  for (guint i = 0; i < map->territories->len; i++)
    {
      g_hash_table_insert (index,
                           (gpointer) terrind_territory_get_id (g_ptr_array_index (map->territories, i)),
                           GUINT_TO_POINTER (i));
      g_array_index (map->class_of, guint, i) = not_concerned;
    }

  for (guint f = 0; f < terrind_evaluation_get_n_findings (evaluation); f++)
    {
      const char *measure = terrind_evaluation_get_measure (evaluation, f);
      TerrindStatus status = terrind_evaluation_get_status (evaluation, f);

      if (!g_str_equal (terrind_evaluation_get_convention_id (evaluation, f), convention_id)
          || !g_str_equal (terrind_evaluation_get_commitment_id (evaluation, f), commitment_id))
        continue;
      if (g_str_equal (measure, "referents"))
        {
          /* Every territory to cover is met, but those the finding names. */
          referents = TRUE;
          overall = status;
          for (guint i = 0; i < map->territories->len; i++)
            {
              TerrindTerritory *territory = g_ptr_array_index (map->territories, i);

              if (convention_phase == 0 || terrind_registry_get_n_phases (registry) == 0
                  || terrind_territory_get_phase (territory) == convention_phase)
                g_array_index (map->class_of, guint, i) = TERRIND_STATUS_MET;
            }
          for (guint t = 0; t < terrind_evaluation_get_n_territories (evaluation, f); t++)
            {
              gpointer i;

              if (g_hash_table_lookup_extended (index,
                                                terrind_evaluation_get_territory (evaluation, f, t),
                                                NULL, &i))
                g_array_index (map->class_of, guint, GPOINTER_TO_UINT (i)) = TERRIND_STATUS_MISSED;
            }
          continue;
        }
      /* Breakdowns by theme or region repeat what the total says. */
      if (g_str_has_prefix (measure, "investment:"))
        continue;
      /* Findings come by year: the latest one that names a territory wins. */
      for (guint t = 0; t < terrind_evaluation_get_n_territories (evaluation, f); t++)
        {
          gpointer i;

          if (g_hash_table_lookup_extended (index, terrind_evaluation_get_territory (evaluation, f, t),
                                            NULL, &i))
            g_array_index (map->class_of, guint, GPOINTER_TO_UINT (i)) = status;
        }
    }

  for (guint i = 0; i < map->territories->len; i++)
    set_class (map, i, g_array_index (map->class_of, guint, i));

  map->title = g_strdup_printf ("Commitment %s (convention %s)%s%s", commitment_id,
                                convention_id, overall >= 0 ? ": " : "",
                                overall >= 0 ? terrind_status_to_string ((TerrindStatus) overall) : "");
  if (referents)
    {
      g_free (((TerrindCliMapClass *) g_ptr_array_index (map->classes, TERRIND_STATUS_MET))->label);
      ((TerrindCliMapClass *) g_ptr_array_index (map->classes, TERRIND_STATUS_MET))->label =
        g_strdup ("met: referent in office");
      g_free (((TerrindCliMapClass *) g_ptr_array_index (map->classes, TERRIND_STATUS_MISSED))->label);
      ((TerrindCliMapClass *) g_ptr_array_index (map->classes, TERRIND_STATUS_MISSED))->label =
        g_strdup ("missed: no referent");
    }
  return TRUE;
}

int
terrind_cli_map_build (TerrindCli                 *cli,
                       const char                 *command,
                       TerrindRegistry            *registry,
                       const TerrindCliMapOptions *options,
                       TerrindCliMap             **out)
{
  g_autoptr(TerrindCliMap) map = g_new0 (TerrindCliMap, 1);
  g_autoptr(GPtrArray) territories = NULL;
  g_autofree char *phase_option = g_strdup (options->phase);
  g_autofree char *heading = NULL;
  TerrindOperator *op = NULL;
  TerrindConvention *convention = NULL;
  TerrindRegion *region = NULL;
  TerrindCliPhase choice;
  int status;

  if (options->operator_id != NULL && options->commitment_id != NULL)
    return terrind_cli_usage_error (cli, command, "--operator and --commitment exclude each other");
  if (options->operator_id != NULL)
    {
      op = terrind_registry_get_operator (registry, options->operator_id);
      if (op == NULL)
        return terrind_cli_usage_error (cli, command, "no operator with id '%s'",
                                        options->operator_id);
    }
  if (options->commitment_id != NULL)
    {
      convention = find_convention (registry, options->commitment_id);
      if (convention == NULL)
        return terrind_cli_usage_error (cli, command, "no commitment with id '%s'",
                                        options->commitment_id);
      /* A commitment is about its convention's territories: its phase is
       * the one to show unless told otherwise. */
      if (phase_option == NULL && terrind_convention_get_phase (convention) != 0)
        phase_option = g_strdup_printf ("%u", terrind_convention_get_phase (convention));
    }
  if (options->region != NULL)
    {
      region = terrind_registry_get_region (registry, options->region);
      if (region == NULL)
        return terrind_cli_usage_error (cli, command, "no region with code '%s'", options->region);
      map->region = g_strdup (options->region);
    }
  /* The phase running on the map's date, not today's: the map depends on
   * its options only. None running then is every phase, as elsewhere. */
  if (phase_option == NULL)
    {
      TerrindPhase *running = terrind_registry_get_phase_on (registry, options->date);

      phase_option = running != NULL ? g_strdup_printf ("%u", terrind_phase_get_number (running))
                                     : g_strdup ("all");
    }
  status = terrind_cli_phase_choose (cli, command, registry, phase_option, &choice);
  if (status >= 0)
    return status;

  map->classes = g_ptr_array_new_with_free_func ((GDestroyNotify) class_free);
  map->territories = g_ptr_array_new ();
  territories = terrind_cli_phase_list_territories (registry, &choice);
  for (guint i = 0; i < territories->len; i++)
    {
      TerrindTerritory *territory = g_ptr_array_index (territories, i);

      if (region == NULL
          || g_strcmp0 (terrind_territory_get_region_code (territory), options->region) == 0)
        g_ptr_array_add (map->territories, territory);
    }
  map->class_of = g_array_sized_new (FALSE, TRUE, sizeof (guint), map->territories->len);
  g_array_set_size (map->class_of, map->territories->len);

  if (op != NULL)
    colour_by_operator (map, registry, op, options->date);
  else if (convention != NULL)
    {
      g_autoptr(GError) error = NULL;

      if (!colour_by_commitment (map, registry, convention, options->commitment_id,
                                 options->date, &error))
        return terrind_cli_report_error (cli, "(evaluation)", error);
    }
  else
    colour_by_count (map, registry, options->date);

  heading = terrind_cli_phase_heading (registry, &choice);
  map->subtitle = g_strdup_printf ("As of %s, %s%s%s", options->date,
                                   heading != NULL ? heading : "every phase",
                                   region != NULL ? ", " : "",
                                   region != NULL ? terrind_region_get_name (region) : "");
  *out = g_steal_pointer (&map);
  return -1;
}
