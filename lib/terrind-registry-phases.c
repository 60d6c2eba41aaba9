/* terrind-registry-phases.c: queries by phase, by ANCT id, across phases
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The ANCT numbers the territories of each phase afresh: 145 ids of phase
 * 2 exist in phase 1, and only 4 of them name the same territory. A
 * registry holds both phases with ids of its own (the default dataset's
 * phase-2 ids are "p2-" and the ANCT id); these queries find territories
 * by the ANCT's id, always saying which phase they mean.
 *
 * Layer: over the public registry API, plus the registry's O(1) index of
 * ANCT ids (terrind-registry-private.h).
 */

#include "config.h"

#include <string.h>

#include "terrind-registry.h"
#include "terrind-registry-private.h"
#include "terrind-territory-private.h"

/**
 * terrind_registry_get_phase_on:
 * @registry: a #TerrindRegistry
 * @date: (nullable): a date as YYYY-MM-DD, or %NULL for today
 *
 * The phase running on @date: the one whose years include its year (the
 * latest, should two overlap). This is what tools show by default.
 *
 * Returns: (transfer none) (nullable): the phase, or %NULL when the
 *   registry defines none that runs that year (or @date is not a date).
 *
 * Since: 1.1
 */
TerrindPhase *
terrind_registry_get_phase_on (TerrindRegistry *registry,
                               const char      *date)
{
  g_autoptr(GPtrArray) phases = NULL;
  guint year;

  g_return_val_if_fail (registry != NULL, NULL);

  if (date == NULL)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      year = (guint) g_date_time_get_year (now);
    }
  else
    {
      guint64 parsed = 0;
      char digits[5] = { 0, };

      if (strlen (date) != 10 || date[4] != '-' ||
          !g_ascii_string_to_unsigned (memcpy (digits, date, 4), 10, 1, 9999, &parsed, NULL))
        return NULL;
      year = (guint) parsed;
    }
  phases = terrind_registry_list_phases (registry);
  for (guint i = phases->len; i > 0; i--)
    if (terrind_phase_includes_year (g_ptr_array_index (phases, i - 1), year))
      return g_ptr_array_index (phases, i - 1);
  return NULL;
}

/* Reads an entity's phase number. */
typedef guint (*PhaseOf) (gconstpointer entity);

static guint territory_phase (gconstpointer entity)  { return terrind_territory_get_phase (entity); }
static guint convention_phase (gconstpointer entity) { return terrind_convention_get_phase (entity); }

/* Keeps, in place and in order, the entities of @entities whose phase is
 * @phase; returns @entities. */
static GPtrArray *
keep_in_phase (GPtrArray *entities,
               PhaseOf    get_phase,
               guint      phase)
{
  guint kept = 0;

  for (guint i = 0; i < entities->len; i++)
    if (get_phase (g_ptr_array_index (entities, i)) == phase)
      entities->pdata[kept++] = entities->pdata[i];
  g_ptr_array_set_size (entities, kept);
  return entities;
}

/**
 * terrind_registry_list_territories_in_phase:
 * @registry: a #TerrindRegistry
 * @phase: a phase number (0: the territories of no phase)
 *
 * Works in registries that define no phases too, where phase numbers are
 * free labels.
 *
 * Returns: (transfer container) (element-type TerrindTerritory): the
 *   territories of @phase, sorted by id; empty when there are none.
 *
 * Since: 1.1
 */
GPtrArray *
terrind_registry_list_territories_in_phase (TerrindRegistry *registry,
                                            guint            phase)
{
  g_return_val_if_fail (registry != NULL, NULL);

  return keep_in_phase (terrind_registry_list_territories (registry), territory_phase, phase);
}

/**
 * terrind_registry_list_conventions_in_phase:
 * @registry: a #TerrindRegistry
 * @phase: a phase number (0: the conventions of no phase)
 *
 * Lists the conventions of @registry signed for the phase numbered @phase.
 * Free the array with g_ptr_array_unref(); the conventions in it are
 * borrowed.
 *
 * Returns: (transfer container) (element-type TerrindConvention): the
 *   conventions signed for @phase, sorted by id; empty when there are none.
 *
 * Since: 1.1
 */
GPtrArray *
terrind_registry_list_conventions_in_phase (TerrindRegistry *registry,
                                            guint            phase)
{
  g_return_val_if_fail (registry != NULL, NULL);

  return keep_in_phase (terrind_registry_list_conventions (registry), convention_phase, phase);
}

/**
 * terrind_registry_find_territory_by_anct_id:
 * @registry: a #TerrindRegistry
 * @anct_id: an ANCT id ("ti-0101")
 * @phase: the phase it is an id of
 *
 * Finds a territory by the ANCT's id, which is only unique within a phase.
 * O(1).
 *
 * Returns: (transfer none) (nullable): the territory of @phase whose ANCT
 *   id is @anct_id, or %NULL.
 *
 * Since: 1.1
 */
TerrindTerritory *
terrind_registry_find_territory_by_anct_id (TerrindRegistry *registry,
                                            const char      *anct_id,
                                            guint            phase)
{
  g_return_val_if_fail (registry != NULL, NULL);
  g_return_val_if_fail (anct_id != NULL, NULL);

  return terrind_registry_lookup_anct_id (registry, phase, anct_id);
}

/**
 * terrind_registry_list_territories_by_anct_id:
 * @registry: a #TerrindRegistry
 * @anct_id: an ANCT id ("ti-0101")
 *
 * Every territory the ANCT id names, one per phase at most: "ti-0101" is
 * Cap Excellence in phase 1 and Basse-Terre in phase 2.
 *
 * Returns: (transfer container) (element-type TerrindTerritory): the
 *   territories, in order of phase (those of no phase first); empty when
 *   there are none.
 *
 * Since: 1.1
 */
GPtrArray *
terrind_registry_list_territories_by_anct_id (TerrindRegistry *registry,
                                              const char      *anct_id)
{
  GPtrArray *territories;

  g_return_val_if_fail (registry != NULL, NULL);
  g_return_val_if_fail (anct_id != NULL, NULL);

  /* Phase numbers are bounded (1 to 99, and 0 for none): a lookup each. */
  territories = g_ptr_array_new ();
  for (guint phase = 0; phase <= TERRIND_TERRITORY_MAX_PHASE; phase++)
    {
      TerrindTerritory *territory = terrind_registry_lookup_anct_id (registry, phase, anct_id);

      if (territory != NULL)
        g_ptr_array_add (territories, territory);
    }
  return territories;
}

static gint
compare_by_phase_then_id (gconstpointer a,
                          gconstpointer b)
{
  const TerrindTerritory *ta = *(TerrindTerritory * const *) a;
  const TerrindTerritory *tb = *(TerrindTerritory * const *) b;

  if (ta->phase != tb->phase)
    return ta->phase < tb->phase ? -1 : 1;
  return strcmp (ta->id, tb->id);
}

/**
 * terrind_registry_list_related_territories:
 * @registry: a #TerrindRegistry
 * @territory: a territory of @registry
 *
 * The territories of other phases that share at least one member with
 * @territory. The programme records no link between the territories of
 * two phases: this is derived from the members, and says that a territory
 * of phase 2 continues one of phase 1 (those of an earlier phase) or is
 * continued by one (those of a later phase). Costs the territory's members
 * times the territories each is in, through the member index.
 *
 * Returns: (transfer container) (element-type TerrindTerritory): the
 *   related territories, in order of phase, then id; empty when there are
 *   none.
 *
 * Since: 1.1
 */
GPtrArray *
terrind_registry_list_related_territories (TerrindRegistry  *registry,
                                           TerrindTerritory *territory)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  GPtrArray *related = g_ptr_array_new ();
  guint n_members;

  g_return_val_if_fail (registry != NULL, related);
  g_return_val_if_fail (territory != NULL, related);
  g_return_val_if_fail (terrind_territory_get_registry (territory) == registry, related);

  n_members = terrind_territory_get_n_members (territory);
  for (guint i = 0; i < n_members; i++)
    {
      g_autoptr(GPtrArray) holders =
        terrind_registry_list_territories_by_member (registry, terrind_territory_get_member (territory, i));

      for (guint j = 0; j < holders->len; j++)
        {
          TerrindTerritory *other = g_ptr_array_index (holders, j);

          if (other->phase != territory->phase && g_hash_table_add (seen, other))
            g_ptr_array_add (related, other);
        }
    }
  g_ptr_array_sort (related, compare_by_phase_then_id);
  return related;
}

/**
 * terrind_registry_list_territories_without_referent_in_phase:
 * @registry: a #TerrindRegistry
 * @operator_id: an operator id
 * @phase: a phase number (0: the territories of no phase)
 * @date: (nullable): a day, YYYY-MM-DD, or %NULL for today
 *
 * The territories of @phase for which the operator had no referent in
 * office on @date: the coverage of a phase, which is what a report on the
 * programme as it runs asks (terrind_registry_get_phase_on()).
 *
 * Returns: (transfer container) (element-type TerrindTerritory) (nullable):
 *   the territories sorted by id, or %NULL when the operator is not in the
 *   registry.
 *
 * Since: 1.1
 */
GPtrArray *
terrind_registry_list_territories_without_referent_in_phase (TerrindRegistry *registry,
                                                             const char      *operator_id,
                                                             guint            phase,
                                                             const char      *date)
{
  GPtrArray *territories;

  g_return_val_if_fail (registry != NULL, NULL);

  territories = date != NULL
    ? terrind_registry_list_territories_without_referent_on (registry, operator_id, date)
    : terrind_registry_list_territories_without_referent (registry, operator_id);
  return territories != NULL ? keep_in_phase (territories, territory_phase, phase) : NULL;
}
