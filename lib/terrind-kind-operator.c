/* terrind-kind-operator.c: the description of an operator
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "terrind-model-private.h"
#include "terrind-operator-private.h"

enum { FIELD_ID, FIELD_NAME, FIELD_KIND, FIELD_FORMER_NAMES };
enum { FORMER_NAME, FORMER_UNTIL };

TERRIND_FIELD_GETTER (get_id_value, terrind_operator_get_id)
TERRIND_FIELD_GETTER (get_name, terrind_operator_get_name)
TERRIND_FIELD_SETTER (set_name, terrind_operator_set_name)
TERRIND_FIELD_GETTER (get_kind, terrind_operator_get_kind)
TERRIND_FIELD_SETTER (set_kind, terrind_operator_set_kind)

static guint
n_former_names (gconstpointer entity)
{
  return terrind_operator_get_n_former_names (entity);
}

static const char *
get_former_name (gconstpointer   entity,
                 guint           index,
                 guint           item_field,
                 char          **to_free)
{
  if (item_field == FORMER_NAME)
    return terrind_operator_get_former_name (entity, index);
  return terrind_operator_get_former_name_until (entity, index);
}

static gboolean
add_former_name (gpointer             entity,
                 const char * const  *values,
                 GError             **error)
{
  return terrind_operator_add_former_name (entity, values[FORMER_NAME], values[FORMER_UNTIL],
                                           error);
}

static const TerrindField former_name_fields[] = {
  [FORMER_NAME] = {
    .name = "name", .type = TERRIND_VALUE_NAME, .flags = TERRIND_FIELD_REQUIRED,
    .description = "a name the operator used to have" },
  [FORMER_UNTIL] = {
    .name = "until", .type = TERRIND_VALUE_DATE,
    .description = "the last day it was used" },
};

static const TerrindField fields[] = {
  [FIELD_ID] = {
    .name = "id", .kind = &terrind_kind_operator, .type = TERRIND_VALUE_ID,
    .flags = TERRIND_FIELD_KEY | TERRIND_FIELD_REQUIRED,
    .description = "the operator's id (\"bpifrance\")",
    .get = get_id_value },
  [FIELD_NAME] = {
    .name = "name", .kind = &terrind_kind_operator, .type = TERRIND_VALUE_NAME,
    .flags = TERRIND_FIELD_REQUIRED | TERRIND_FIELD_WRITABLE,
    .description = "the operator's current name",
    .get = get_name, .set = set_name },
  [FIELD_KIND] = {
    .name = "kind", .kind = &terrind_kind_operator, .type = TERRIND_VALUE_NAME,
    .flags = TERRIND_FIELD_WRITABLE,
    .description = "what kind of body it is (a public bank, an agency…)",
    .get = get_kind, .set = set_kind },
  [FIELD_FORMER_NAMES] = {
    .name = "former-names", .kind = &terrind_kind_operator, .type = TERRIND_VALUE_LIST,
    .description = "the names it used to have, oldest first",
    .item_name = "former-name",
    .item_fields = former_name_fields, .n_item_fields = G_N_ELEMENTS (former_name_fields),
    .n_items = n_former_names, .get_item = get_former_name, .add_item = add_former_name },
};

static gpointer
new_operator (const char * const *values,
              TerrindInterner    *interner,
              GError            **error)
{
  g_autoptr(TerrindOperator) op = terrind_operator_new (values[FIELD_ID], values[FIELD_NAME],
                                                        error);

  if (op == NULL ||
      (values[FIELD_KIND] != NULL &&
       !terrind_field_prefix_error (terrind_operator_set_kind (op, values[FIELD_KIND], error),
                                    &fields[FIELD_KIND], error)))
    return NULL;
  return g_steal_pointer (&op);
}

TERRIND_KIND_ENTITY_FUNCS (operator, terrind_operator_get_id)

static gboolean
add (TerrindRegistry  *registry,
     gpointer          entity,
     const char       *parent_id,
     GError          **error)
{
  return terrind_registry_add_operator (registry, entity, error);
}

const TerrindKind terrind_kind_operator = {
  .name = "operator",
  .plural = "operators",
  .description = "a public operator that signed a convention and names referents",
  .fields = fields,
  .n_fields = G_N_ELEMENTS (fields),
  .new_entity = new_operator,
  .ref = ref,
  .unref = unref,
  .get_id = get_id,
  .get_registry = get_registry,
  .equal = equal,
  .lookup = lookup,
  .count = terrind_registry_get_n_operators,
  .list = terrind_registry_list_operators,
  .add = add,
  .remove = terrind_registry_remove_operator,
};
