/* terrind-kind-convention.c: the description of a convention
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "terrind-convention-private.h"
#include "terrind-model-private.h"

enum { FIELD_ID, FIELD_OPERATOR, FIELD_DATE, FIELD_PLACE, FIELD_TITLE, FIELD_PHASE, FIELD_SIGNATORIES };
enum { SIGNATORY_NAME, SIGNATORY_ROLE };

TERRIND_FIELD_GETTER (get_id_value, terrind_convention_get_id)
TERRIND_FIELD_GETTER (get_operator, terrind_convention_get_operator_id)
TERRIND_FIELD_GETTER (get_date, terrind_convention_get_date)
TERRIND_FIELD_SETTER (set_date, terrind_convention_set_date)
TERRIND_FIELD_GETTER (get_place, terrind_convention_get_place)
TERRIND_FIELD_SETTER (set_place, terrind_convention_set_place)
TERRIND_FIELD_GETTER (get_title, terrind_convention_get_title)
TERRIND_FIELD_SETTER (set_title, terrind_convention_set_title)
TERRIND_FIELD_PHASE_ACCESSORS (convention)

static guint
n_signatories (gconstpointer entity)
{
  return terrind_convention_get_n_signatories (entity);
}

static const char *
get_signatory (gconstpointer   entity,
               guint           index,
               guint           item_field,
               char          **to_free)
{
  if (item_field == SIGNATORY_NAME)
    return terrind_convention_get_signatory_name (entity, index);
  return terrind_convention_get_signatory_role (entity, index);
}

static gboolean
add_signatory (gpointer             entity,
               const char * const  *values,
               GError             **error)
{
  return terrind_convention_add_signatory (entity, values[SIGNATORY_NAME],
                                           values[SIGNATORY_ROLE], error);
}

static const TerrindField signatory_fields[] = {
  [SIGNATORY_NAME] = {
    .name = "name", .type = TERRIND_VALUE_NAME, .flags = TERRIND_FIELD_REQUIRED,
    .description = "who signed" },
  [SIGNATORY_ROLE] = {
    .name = "role", .type = TERRIND_VALUE_NAME,
    .description = "in which capacity" },
};

static const TerrindField fields[] = {
  [FIELD_ID] = {
    .name = "id", .kind = &terrind_kind_convention, .type = TERRIND_VALUE_ID,
    .flags = TERRIND_FIELD_KEY | TERRIND_FIELD_REQUIRED,
    .description = "the convention's id",
    .get = get_id_value },
  [FIELD_OPERATOR] = {
    .name = "operator", .kind = &terrind_kind_convention, .type = TERRIND_VALUE_REFERENCE,
    .flags = TERRIND_FIELD_REQUIRED, .target = &terrind_kind_operator,
    .description = "the operator that signed it with the State",
    .get = get_operator },
  [FIELD_DATE] = {
    .name = "date", .kind = &terrind_kind_convention, .type = TERRIND_VALUE_DATE,
    .flags = TERRIND_FIELD_REQUIRED | TERRIND_FIELD_WRITABLE,
    .description = "the day it was signed",
    .get = get_date, .set = set_date },
  [FIELD_PLACE] = {
    .name = "place", .kind = &terrind_kind_convention, .type = TERRIND_VALUE_NAME,
    .flags = TERRIND_FIELD_WRITABLE,
    .description = "where it was signed",
    .get = get_place, .set = set_place },
  [FIELD_TITLE] = {
    .name = "title", .kind = &terrind_kind_convention, .type = TERRIND_VALUE_NAME,
    .flags = TERRIND_FIELD_WRITABLE,
    .description = "its title",
    .get = get_title, .set = set_title },
  [FIELD_PHASE] = {
    .name = "phase", .kind = &terrind_kind_convention, .type = TERRIND_VALUE_COUNT,
    .flags = TERRIND_FIELD_WRITABLE, .minimum = 1, .maximum = 99,
    .description = "the number of the phase it was signed for, one the registry defines if it defines any",
    .get = get_phase, .set = set_phase },
  [FIELD_SIGNATORIES] = {
    .name = "signatories", .kind = &terrind_kind_convention, .type = TERRIND_VALUE_LIST,
    .description = "who signed it, in the order of the document",
    .item_name = "signatory",
    .item_fields = signatory_fields, .n_item_fields = G_N_ELEMENTS (signatory_fields),
    .n_items = n_signatories, .get_item = get_signatory, .add_item = add_signatory },
};

static gpointer
new_convention (const char * const *values,
                TerrindInterner    *interner,
                GError            **error)
{
  g_autoptr(TerrindConvention) convention =
    terrind_convention_new (values[FIELD_ID], values[FIELD_OPERATOR], values[FIELD_DATE], error);

  if (convention == NULL)
    return NULL;
  for (guint i = FIELD_PLACE; i <= FIELD_PHASE; i++)
    if (values[i] != NULL &&
        !terrind_field_prefix_error (fields[i].set (convention, values[i], error),
                                     &fields[i], error))
      return NULL;
  return g_steal_pointer (&convention);
}

TERRIND_KIND_ENTITY_FUNCS (convention, terrind_convention_get_id)

static gboolean
add (TerrindRegistry  *registry,
     gpointer          entity,
     const char       *parent_id,
     GError          **error)
{
  return terrind_registry_add_convention (registry, entity, error);
}

static gboolean
remove_entity (TerrindRegistry     *registry,
               const char          *id,
               TerrindRemoveFlags   flags,
               GError             **error)
{
  return terrind_registry_remove_convention_full (registry, id, flags, error);
}

const TerrindKind terrind_kind_convention = {
  .name = "convention",
  .plural = "conventions",
  .description = "a convention de mobilisation the State signed with an operator",
  .child = &terrind_kind_commitment,
  .fields = fields,
  .n_fields = G_N_ELEMENTS (fields),
  .new_entity = new_convention,
  .ref = ref,
  .unref = unref,
  .get_id = get_id,
  .get_registry = get_registry,
  .equal = equal,
  .lookup = lookup,
  .count = terrind_registry_get_n_conventions,
  .list = terrind_registry_list_conventions,
  .add = add,
  .remove = remove_entity,
};
