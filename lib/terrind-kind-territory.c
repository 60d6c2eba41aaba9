/* terrind-kind-territory.c: the description of a territory
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "terrind-error.h"
#include "terrind-model-private.h"
#include "terrind-territory-private.h"

enum { FIELD_ID, FIELD_ANCT_ID, FIELD_NAME, FIELD_REGION, FIELD_PHASE, FIELD_MEMBERS, FIELD_DEPARTMENTS };
enum { MEMBER_SIREN, MEMBER_NAME, MEMBER_KIND };

TERRIND_FIELD_GETTER (get_id_value, terrind_territory_get_id)
TERRIND_FIELD_GETTER (get_name, terrind_territory_get_name)
TERRIND_FIELD_SETTER (set_name, terrind_territory_set_name)
TERRIND_FIELD_GETTER (get_region, terrind_territory_get_region_code)
TERRIND_FIELD_SETTER (set_region, terrind_territory_set_region_code)

TERRIND_FIELD_PHASE_ACCESSORS (territory)

static const char *
get_anct_id (gconstpointer   entity,
             char          **to_free)
{
  return terrind_territory_get_explicit_anct_id (entity);
}

TERRIND_FIELD_SETTER (set_anct_id, terrind_territory_set_anct_id)

static guint
n_members (gconstpointer entity)
{
  return terrind_territory_get_n_members (entity);
}

static const char *
get_member (gconstpointer   entity,
            guint           index,
            guint           item_field,
            char          **to_free)
{
  switch (item_field)
    {
    case MEMBER_NAME:
      return terrind_territory_get_member_name (entity, index);
    case MEMBER_KIND:
      return terrind_territory_get_member_kind (entity, index);
    default:
      return terrind_territory_get_member (entity, index);
    }
}

static gboolean
add_member (gpointer             entity,
            const char * const  *values,
            GError             **error)
{
  return terrind_territory_add_member_full (entity, values[MEMBER_SIREN], values[MEMBER_NAME],
                                            values[MEMBER_KIND], error);
}

static guint
n_departments (gconstpointer entity)
{
  return terrind_territory_get_n_departments (entity);
}

static const char *
get_department (gconstpointer   entity,
                guint           index,
                guint           item_field,
                char          **to_free)
{
  return terrind_territory_get_department (entity, index);
}

static gboolean
add_department (gpointer             entity,
                const char * const  *values,
                GError             **error)
{
  return terrind_territory_add_department (entity, values[0], error);
}

static const TerrindField member_fields[] = {
  [MEMBER_SIREN] = {
    .name = "siren", .type = TERRIND_VALUE_SIREN, .flags = TERRIND_FIELD_REQUIRED,
    .description = "the SIREN of a member intercommunality" },
  [MEMBER_NAME] = {
    .name = "name", .type = TERRIND_VALUE_NAME, .flags = TERRIND_FIELD_DETAIL,
    .description = "the member's name" },
  [MEMBER_KIND] = {
    .name = "kind", .type = TERRIND_VALUE_ENUM, .flags = TERRIND_FIELD_DETAIL,
    .choices = terrind_member_kinds,
    .description = "what the member is: an EPCI, an EPT of the Paris metropolis, a commune" },
};

static const TerrindField department_fields[] = {
  { .name = "code", .type = TERRIND_VALUE_CODE, .flags = TERRIND_FIELD_REQUIRED,
    .description = "the code of a departement the territory lies in" },
};

static const TerrindField fields[] = {
  [FIELD_ID] = {
    .name = "id", .kind = &terrind_kind_territory, .type = TERRIND_VALUE_ID,
    .flags = TERRIND_FIELD_KEY | TERRIND_FIELD_REQUIRED,
    .description = "the territory's id (\"ti-8401\")",
    .get = get_id_value },
  [FIELD_ANCT_ID] = {
    .name = "anct-id", .kind = &terrind_kind_territory, .type = TERRIND_VALUE_ID,
    .flags = TERRIND_FIELD_WRITABLE,
    .description = "the ANCT's id of the territory, unique in its phase, when not its id",
    .get = get_anct_id, .set = set_anct_id },
  [FIELD_NAME] = {
    .name = "name", .kind = &terrind_kind_territory, .type = TERRIND_VALUE_NAME,
    .flags = TERRIND_FIELD_REQUIRED | TERRIND_FIELD_WRITABLE,
    .description = "the territory's name",
    .get = get_name, .set = set_name },
  [FIELD_REGION] = {
    .name = "region", .kind = &terrind_kind_territory, .type = TERRIND_VALUE_REFERENCE,
    .flags = TERRIND_FIELD_REQUIRED | TERRIND_FIELD_WRITABLE, .target = &terrind_kind_region,
    .description = "the code of the region it lies in",
    .get = get_region, .set = set_region },
  [FIELD_PHASE] = {
    .name = "phase", .kind = &terrind_kind_territory, .type = TERRIND_VALUE_COUNT,
    .flags = TERRIND_FIELD_WRITABLE, .minimum = 1, .maximum = 99,
    .description = "the number of the phase it belongs to, one the registry defines if it defines any",
    .get = get_phase, .set = set_phase },
  [FIELD_MEMBERS] = {
    .name = "members", .kind = &terrind_kind_territory, .type = TERRIND_VALUE_LIST,
    .description = "its member intercommunalities, by SIREN, in ascending order",
    .item_name = "member", .item_fields = member_fields, .n_item_fields = G_N_ELEMENTS (member_fields),
    .n_items = n_members, .get_item = get_member, .add_item = add_member },
  [FIELD_DEPARTMENTS] = {
    .name = "departments", .kind = &terrind_kind_territory, .type = TERRIND_VALUE_LIST,
    .description = "the departements it lies in",
    .item_name = "department", .item_fields = department_fields, .n_item_fields = 1,
    .n_items = n_departments, .get_item = get_department, .add_item = add_department },
};

static gpointer
new_territory (const char * const *values,
               TerrindInterner    *interner,
               GError            **error)
{
  g_autoptr(TerrindTerritory) territory = terrind_territory_new (values[FIELD_ID],
                                                                 values[FIELD_NAME],
                                                                 values[FIELD_REGION], error);

  if (territory == NULL)
    return NULL;
  for (guint i = FIELD_ANCT_ID; i <= FIELD_PHASE; i++)
    if (i != FIELD_NAME && i != FIELD_REGION && values[i] != NULL &&
        !terrind_field_prefix_error (fields[i].set (territory, values[i], error), &fields[i], error))
      return NULL;
  return g_steal_pointer (&territory);
}

TERRIND_KIND_ENTITY_FUNCS (territory, terrind_territory_get_id)

static gboolean
add (TerrindRegistry  *registry,
     gpointer          entity,
     const char       *parent_id,
     GError          **error)
{
  return terrind_registry_add_territory (registry, entity, error);
}

const TerrindKind terrind_kind_territory = {
  .name = "territory",
  .plural = "territories",
  .description = "an industrial territory: intercommunalities that joined the programme together",
  .fields = fields,
  .n_fields = G_N_ELEMENTS (fields),
  .new_entity = new_territory,
  .ref = ref,
  .unref = unref,
  .get_id = get_id,
  .get_registry = get_registry,
  .equal = equal,
  .lookup = lookup,
  .count = terrind_registry_get_n_territories,
  .list = terrind_registry_list_territories,
  .add = add,
  .remove = terrind_registry_remove_territory,
};
