/* terrind-kind-phase.c: the description of a phase of the programme
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "terrind-error.h"
#include "terrind-model-private.h"
#include "terrind-phase-private.h"

enum { FIELD_NUMBER, FIELD_NAME, FIELD_FIRST_YEAR, FIELD_LAST_YEAR, FIELD_ANNOUNCED };

static const char *
get_number (gconstpointer   entity,
            char          **to_free)
{
  return ((const TerrindPhase *) entity)->id;
}

TERRIND_FIELD_GETTER (get_name, terrind_phase_get_name)
TERRIND_FIELD_SETTER (set_name, terrind_phase_set_name)
TERRIND_FIELD_GETTER (get_announced, terrind_phase_get_announced)
TERRIND_FIELD_SETTER (set_announced, terrind_phase_set_announced)

static const char *
get_first_year (gconstpointer   entity,
                char          **to_free)
{
  return *to_free = terrind_value_format_uint (terrind_phase_get_first_year (entity));
}

static const char *
get_last_year (gconstpointer   entity,
               char          **to_free)
{
  return *to_free = terrind_value_format_uint (terrind_phase_get_last_year (entity));
}

static gboolean
parse_year (const char  *value,
            guint       *year,
            GError     **error)
{
  guint64 number = 0;

  if (!terrind_value_parse_uint (value, G_MAXUINT, &number, error))
    return FALSE;
  *year = (guint) number;
  return TRUE;
}

/* Both years are required: a setter given NULL refuses, as for a name. */
static gboolean
set_first_year (gpointer     entity,
                const char  *value,
                GError     **error)
{
  guint first = 0;

  return parse_year (value != NULL ? value : "", &first, error) &&
         terrind_phase_set_years (entity, first, terrind_phase_get_last_year (entity), error);
}

static gboolean
set_last_year (gpointer     entity,
               const char  *value,
               GError     **error)
{
  guint last = 0;

  return parse_year (value != NULL ? value : "", &last, error) &&
         terrind_phase_set_years (entity, terrind_phase_get_first_year (entity), last, error);
}

static const TerrindField fields[] = {
  [FIELD_NUMBER] = {
    .name = "number", .kind = &terrind_kind_phase, .type = TERRIND_VALUE_COUNT,
    .flags = TERRIND_FIELD_KEY | TERRIND_FIELD_REQUIRED, .minimum = 1, .maximum = 99,
    .description = "the phase's number, from 1",
    .get = get_number },
  [FIELD_NAME] = {
    .name = "name", .kind = &terrind_kind_phase, .type = TERRIND_VALUE_NAME,
    .flags = TERRIND_FIELD_REQUIRED | TERRIND_FIELD_WRITABLE,
    .description = "the phase's name",
    .get = get_name, .set = set_name },
  [FIELD_FIRST_YEAR] = {
    .name = "first-year", .kind = &terrind_kind_phase, .type = TERRIND_VALUE_YEAR,
    .flags = TERRIND_FIELD_REQUIRED | TERRIND_FIELD_WRITABLE,
    .description = "the first year of the phase",
    .get = get_first_year, .set = set_first_year },
  [FIELD_LAST_YEAR] = {
    .name = "last-year", .kind = &terrind_kind_phase, .type = TERRIND_VALUE_YEAR,
    .flags = TERRIND_FIELD_REQUIRED | TERRIND_FIELD_WRITABLE,
    .description = "the last year of the phase",
    .get = get_last_year, .set = set_last_year },
  [FIELD_ANNOUNCED] = {
    .name = "announced", .kind = &terrind_kind_phase, .type = TERRIND_VALUE_DATE,
    .flags = TERRIND_FIELD_WRITABLE,
    .description = "the date the phase was announced",
    .get = get_announced, .set = set_announced },
};

static gpointer
new_phase (const char * const *values,
           TerrindInterner    *interner,
           GError            **error)
{
  g_autoptr(TerrindPhase) phase = NULL;
  guint64 number = 0;
  guint first = 0, last = 0;

  if (!terrind_field_prefix_error (terrind_value_parse_phase (values[FIELD_NUMBER], &number, error),
                                   &fields[FIELD_NUMBER], error) ||
      !terrind_field_prefix_error (parse_year (values[FIELD_FIRST_YEAR], &first, error),
                                   &fields[FIELD_FIRST_YEAR], error) ||
      !terrind_field_prefix_error (parse_year (values[FIELD_LAST_YEAR], &last, error),
                                   &fields[FIELD_LAST_YEAR], error))
    return NULL;
  phase = terrind_phase_new ((guint) MIN (number, G_MAXUINT), values[FIELD_NAME], first, last,
                             error);
  if (phase == NULL ||
      (values[FIELD_ANNOUNCED] != NULL &&
       !terrind_field_prefix_error (set_announced (phase, values[FIELD_ANNOUNCED], error),
                                    &fields[FIELD_ANNOUNCED], error)))
    return NULL;
  return g_steal_pointer (&phase);
}

static gpointer ref (gpointer entity) { return terrind_phase_ref (entity); }
static void unref (gpointer entity) { terrind_phase_unref (entity); }
static const char *get_id (gconstpointer entity) { return ((const TerrindPhase *) entity)->id; }
static TerrindRegistry *get_registry (gconstpointer entity) { return terrind_phase_get_registry (entity); }
static gboolean equal (gconstpointer a, gconstpointer b) { return terrind_phase_equal (a, b); }

/* The key is the number in its one text form: "02" names no phase. */
static gpointer
lookup (TerrindRegistry *registry,
        const char      *id)
{
  guint64 number = 0;

  if (!terrind_value_parse_uint (id, TERRIND_PHASE_MAX, &number, NULL))
    return NULL;
  {
    TerrindPhase *phase = terrind_registry_get_phase (registry, (guint) number);

    return phase != NULL && g_str_equal (phase->id, id) ? phase : NULL;
  }
}

static gboolean
add (TerrindRegistry  *registry,
     gpointer          entity,
     const char       *parent_id,
     GError          **error)
{
  return terrind_registry_add_phase (registry, entity, error);
}

static gboolean
remove_entity (TerrindRegistry     *registry,
               const char          *id,
               TerrindRemoveFlags   flags,
               GError             **error)
{
  TerrindPhase *phase = lookup (registry, id);

  if (phase == NULL)
    {
      g_set_error (error, TERRIND_ERROR, TERRIND_ERROR_NOT_FOUND, "no phase “%s”", id);
      return FALSE;
    }
  return terrind_registry_remove_phase (registry, phase->number, error);
}

const TerrindKind terrind_kind_phase = {
  .name = "phase",
  .plural = "phases",
  .description = "a phase of the programme, with its years; territories and conventions "
                 "belong to one",
  .since_version = 2,
  .fields = fields,
  .n_fields = G_N_ELEMENTS (fields),
  .new_entity = new_phase,
  .ref = ref,
  .unref = unref,
  .get_id = get_id,
  .get_registry = get_registry,
  .equal = equal,
  .lookup = lookup,
  .count = terrind_registry_get_n_phases,
  .list = terrind_registry_list_phases,
  .add = add,
  .remove = remove_entity,
};
