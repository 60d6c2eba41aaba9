/* terrind-kind-designation.c: the description of a designation
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "terrind-model-private.h"
#include "terrind-record-private.h"

enum { FIELD_ID, FIELD_OPERATOR, FIELD_TERRITORY, FIELD_YEAR, FIELD_LEVEL, FIELD_COMMITMENT };

TERRIND_FIELD_GETTER (get_id_value, terrind_designation_get_id)
TERRIND_FIELD_GETTER (get_operator, terrind_designation_get_operator_id)
TERRIND_FIELD_GETTER (get_territory, terrind_designation_get_territory_id)
TERRIND_FIELD_GETTER (get_level, terrind_designation_get_level)
TERRIND_FIELD_GETTER (get_commitment, terrind_designation_get_commitment_id)
TERRIND_FIELD_SETTER (set_level, terrind_designation_set_level)
TERRIND_FIELD_SETTER (set_commitment, terrind_designation_set_commitment_id)

static const char *
get_year (gconstpointer   entity,
          char          **to_free)
{
  return *to_free = terrind_value_format_uint (terrind_designation_get_year (entity));
}

static gboolean
parse_year (const char  *value,
            guint       *year,
            GError     **error)
{
  guint64 number = 0;

  if (!terrind_value_parse_uint (value != NULL ? value : "", G_MAXUINT, &number, error))
    return FALSE;
  *year = (guint) number;
  return TRUE;
}

static gboolean
set_year (gpointer     entity,
          const char  *value,
          GError     **error)
{
  guint year = 0;

  return parse_year (value, &year, error) && terrind_designation_set_year (entity, year, error);
}

#define FIELD(field_name) .name = field_name, .kind = &terrind_kind_designation

static const TerrindField fields[] = {
  [FIELD_ID] = {
    FIELD ("id"), .type = TERRIND_VALUE_ID, .flags = TERRIND_FIELD_KEY | TERRIND_FIELD_REQUIRED,
    .description = "the designation's id",
    .get = get_id_value },
  [FIELD_OPERATOR] = {
    FIELD ("operator"), .type = TERRIND_VALUE_REFERENCE, .flags = TERRIND_FIELD_REQUIRED,
    .target = &terrind_kind_operator,
    .description = "the operator that designated the territory",
    .get = get_operator },
  [FIELD_TERRITORY] = {
    FIELD ("territory"), .type = TERRIND_VALUE_REFERENCE, .flags = TERRIND_FIELD_REQUIRED,
    .target = &terrind_kind_territory,
    .description = "the territory designated",
    .get = get_territory },
  [FIELD_YEAR] = {
    FIELD ("year"), .type = TERRIND_VALUE_YEAR,
    .flags = TERRIND_FIELD_REQUIRED | TERRIND_FIELD_WRITABLE,
    .description = "the year of the designation, in the commitment's period and the "
                   "territory's phase",
    .get = get_year, .set = set_year },
  [FIELD_LEVEL] = {
    FIELD ("level"), .type = TERRIND_VALUE_ID,
    .flags = TERRIND_FIELD_REQUIRED | TERRIND_FIELD_WRITABLE,
    .description = "the level of the designation, one of the commitment's target levels "
                   "when it has targets",
    .get = get_level, .set = set_level },
  [FIELD_COMMITMENT] = {
    FIELD ("commitment"), .type = TERRIND_VALUE_REFERENCE,
    .flags = TERRIND_FIELD_REQUIRED | TERRIND_FIELD_WRITABLE,
    .target = &terrind_kind_commitment,
    .description = "the commitment of the operator the designation counts against",
    .get = get_commitment, .set = set_commitment },
};

#undef FIELD

/* An operator designates a territory once a year. */
static const char * const unique[] = { "operator", "territory", "year", NULL };

static gpointer
new_designation (const char * const *values,
                 TerrindInterner    *interner,
                 GError            **error)
{
  guint year = 0;

  if (!terrind_field_prefix_error (parse_year (values[FIELD_YEAR], &year, error),
                                   &fields[FIELD_YEAR], error))
    return NULL;
  return terrind_designation_new (values[FIELD_ID], values[FIELD_OPERATOR],
                                  values[FIELD_TERRITORY], year, values[FIELD_LEVEL],
                                  values[FIELD_COMMITMENT], error);
}

TERRIND_KIND_ENTITY_FUNCS (designation, terrind_designation_get_id)

static gboolean
add (TerrindRegistry  *registry,
     gpointer          entity,
     const char       *parent_id,
     GError          **error)
{
  return terrind_registry_add_designation (registry, entity, error);
}

static gboolean
remove_entity (TerrindRegistry     *registry,
               const char          *id,
               TerrindRemoveFlags   flags,
               GError             **error)
{
  return terrind_registry_remove_designation (registry, id, error);
}

const TerrindKind terrind_kind_designation = {
  .name = "designation",
  .plural = "designations",
  .description = "a territory an operator designated for support, for a year, at a level",
  .fields = fields,
  .n_fields = G_N_ELEMENTS (fields),
  .unique = unique,
  .since_version = 2,
  .omit_when_empty = TRUE,
  .new_entity = new_designation,
  .ref = ref,
  .unref = unref,
  .get_id = get_id,
  .get_registry = get_registry,
  .equal = equal,
  .lookup = lookup,
  .count = terrind_registry_get_n_designations,
  .list = terrind_registry_list_designations,
  .add = add,
  .remove = remove_entity,
};
