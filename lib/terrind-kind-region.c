/* terrind-kind-region.c: the description of a region
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "terrind-model-private.h"
#include "terrind-region-private.h"

enum { FIELD_CODE, FIELD_NAME };

TERRIND_FIELD_GETTER (get_code, terrind_region_get_code)
TERRIND_FIELD_GETTER (get_name, terrind_region_get_name)
TERRIND_FIELD_SETTER (set_name, terrind_region_set_name)

static const TerrindField fields[] = {
  [FIELD_CODE] = {
    .name = "code", .kind = &terrind_kind_region, .type = TERRIND_VALUE_CODE,
    .flags = TERRIND_FIELD_KEY | TERRIND_FIELD_REQUIRED,
    .description = "the INSEE code of the region (\"84\", \"971\")",
    .get = get_code },
  [FIELD_NAME] = {
    .name = "name", .kind = &terrind_kind_region, .type = TERRIND_VALUE_NAME,
    .flags = TERRIND_FIELD_REQUIRED | TERRIND_FIELD_WRITABLE,
    .description = "the region's name",
    .get = get_name, .set = set_name },
};

static gpointer
new_region (const char * const *values,
            TerrindInterner    *interner,
            GError            **error)
{
  return terrind_region_new (values[FIELD_CODE], values[FIELD_NAME], error);
}

TERRIND_KIND_ENTITY_FUNCS (region, terrind_region_get_code)

static gboolean
add (TerrindRegistry  *registry,
     gpointer          entity,
     const char       *parent_id,
     GError          **error)
{
  return terrind_registry_add_region (registry, entity, error);
}

static gboolean
remove_entity (TerrindRegistry     *registry,
               const char          *id,
               TerrindRemoveFlags   flags,
               GError             **error)
{
  return terrind_registry_remove_region (registry, id, error);
}

const TerrindKind terrind_kind_region = {
  .name = "region",
  .plural = "regions",
  .description = "a French region, which territories lie in",
  .fields = fields,
  .n_fields = G_N_ELEMENTS (fields),
  .new_entity = new_region,
  .ref = ref,
  .unref = unref,
  .get_id = get_id,
  .get_registry = get_registry,
  .equal = equal,
  .lookup = lookup,
  .count = terrind_registry_get_n_regions,
  .list = terrind_registry_list_regions,
  .add = add,
  .remove = remove_entity,
};
