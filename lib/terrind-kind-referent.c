/* terrind-kind-referent.c: the description of a referent
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "terrind-model-private.h"
#include "terrind-referent-private.h"
#include "terrind-validate-private.h"

enum {
  FIELD_ID, FIELD_OPERATOR, FIELD_TERRITORY, FIELD_PERSON, FIELD_ROLE, FIELD_EMAIL,
  FIELD_PHONE, FIELD_START, FIELD_END
};

TERRIND_FIELD_GETTER (get_id_value, terrind_referent_get_id)
TERRIND_FIELD_GETTER (get_operator, terrind_referent_get_operator_id)
TERRIND_FIELD_GETTER (get_territory, terrind_referent_get_territory_id)
TERRIND_FIELD_GETTER (get_person, terrind_referent_get_person)
TERRIND_FIELD_GETTER (get_role, terrind_referent_get_role)
TERRIND_FIELD_GETTER (get_email, terrind_referent_get_email)
TERRIND_FIELD_GETTER (get_phone, terrind_referent_get_phone)
TERRIND_FIELD_GETTER (get_start, terrind_referent_get_start_date)
TERRIND_FIELD_GETTER (get_end, terrind_referent_get_end_date)
TERRIND_FIELD_SETTER (set_person, terrind_referent_set_person)
TERRIND_FIELD_SETTER (set_role, terrind_referent_set_role)
TERRIND_FIELD_SETTER (set_email, terrind_referent_set_email)
TERRIND_FIELD_SETTER (set_phone, terrind_referent_set_phone)
TERRIND_FIELD_SETTER (set_start, terrind_referent_set_start_date)
TERRIND_FIELD_SETTER (set_end, terrind_referent_set_end_date)

#define FIELD(field_name) .name = field_name, .kind = &terrind_kind_referent

static const TerrindField fields[] = {
  [FIELD_ID] = {
    FIELD ("id"), .type = TERRIND_VALUE_ID, .flags = TERRIND_FIELD_KEY | TERRIND_FIELD_REQUIRED,
    .description = "the referent's id",
    .get = get_id_value },
  [FIELD_OPERATOR] = {
    FIELD ("operator"), .type = TERRIND_VALUE_REFERENCE, .flags = TERRIND_FIELD_REQUIRED,
    .target = &terrind_kind_operator,
    .description = "the operator that names the referent",
    .get = get_operator },
  [FIELD_TERRITORY] = {
    FIELD ("territory"), .type = TERRIND_VALUE_REFERENCE, .flags = TERRIND_FIELD_REQUIRED,
    .target = &terrind_kind_territory,
    .description = "the territory the referent is for",
    .get = get_territory },
  [FIELD_PERSON] = {
    FIELD ("person"), .type = TERRIND_VALUE_NAME,
    .flags = TERRIND_FIELD_REQUIRED | TERRIND_FIELD_WRITABLE,
    .description = "the person's name",
    .get = get_person, .set = set_person },
  [FIELD_ROLE] = {
    FIELD ("role"), .type = TERRIND_VALUE_NAME, .flags = TERRIND_FIELD_WRITABLE,
    .description = "the person's role or title",
    .get = get_role, .set = set_role },
  [FIELD_EMAIL] = {
    FIELD ("email"), .type = TERRIND_VALUE_EMAIL, .flags = TERRIND_FIELD_WRITABLE,
    .description = "an e-mail address",
    .get = get_email, .set = set_email },
  [FIELD_PHONE] = {
    FIELD ("phone"), .type = TERRIND_VALUE_PHONE, .flags = TERRIND_FIELD_WRITABLE,
    .description = "a phone number",
    .get = get_phone, .set = set_phone },
  [FIELD_START] = {
    FIELD ("start"), .type = TERRIND_VALUE_DATE, .flags = TERRIND_FIELD_WRITABLE,
    .description = "the day the referent took office",
    .get = get_start, .set = set_start },
  [FIELD_END] = {
    FIELD ("end"), .type = TERRIND_VALUE_DATE, .flags = TERRIND_FIELD_WRITABLE,
    .description = "the last day in office, not before the start; past it the referent "
                   "no longer covers the territory",
    .get = get_end, .set = set_end },
};

#undef FIELD

/* An operator names a single referent per territory. */
static const char * const unique[] = { "operator", "territory", NULL };

/* Referents are most of a large document: each optional value is checked
 * on its own (so an error names it), then the required ones as the typed
 * constructor would, and the referent is built in one allocation without
 * checking anything twice; an import's @interner spares GLib's lock. */
static gpointer
new_referent (const char * const *values,
              TerrindInterner    *interner,
              GError            **error)
{
  g_autoptr(TerrindReferent) referent = NULL;

  if (!terrind_field_prefix_error (terrind_validate_optional_name (values[FIELD_ROLE],
                                                                   "referent role", error),
                                   &fields[FIELD_ROLE], error) ||
      (values[FIELD_EMAIL] != NULL &&
       !terrind_field_prefix_error (terrind_validate_email (values[FIELD_EMAIL], error),
                                    &fields[FIELD_EMAIL], error)) ||
      (values[FIELD_PHONE] != NULL &&
       !terrind_field_prefix_error (terrind_validate_phone (values[FIELD_PHONE], error),
                                    &fields[FIELD_PHONE], error)) ||
      (values[FIELD_START] != NULL &&
       !terrind_field_prefix_error (terrind_validate_date (values[FIELD_START], "start date",
                                                           error),
                                    &fields[FIELD_START], error)))
    return NULL;
  if (!terrind_referent_validate_required (values[FIELD_ID], values[FIELD_OPERATOR],
                                           values[FIELD_TERRITORY], values[FIELD_PERSON], error))
    return NULL;
  /* Checked once: build without checking again. */
  referent = terrind_referent_build (values[FIELD_ID],
                                     terrind_interner_intern (interner, values[FIELD_OPERATOR]),
                                     values[FIELD_TERRITORY],
                                     values[FIELD_PERSON],
                                     values[FIELD_ROLE] != NULL
                                       ? terrind_interner_intern (interner, values[FIELD_ROLE])
                                       : NULL,
                                     values[FIELD_EMAIL], values[FIELD_PHONE],
                                     values[FIELD_START]);
  if (referent == NULL ||
      (values[FIELD_END] != NULL &&
       !terrind_field_prefix_error (set_end (referent, values[FIELD_END], error),
                                    &fields[FIELD_END], error)))
    return NULL;
  return g_steal_pointer (&referent);
}

TERRIND_KIND_ENTITY_FUNCS (referent, terrind_referent_get_id)

static gboolean
add (TerrindRegistry  *registry,
     gpointer          entity,
     const char       *parent_id,
     GError          **error)
{
  return terrind_registry_add_referent (registry, entity, error);
}

static gboolean
remove_entity (TerrindRegistry     *registry,
               const char          *id,
               TerrindRemoveFlags   flags,
               GError             **error)
{
  return terrind_registry_remove_referent (registry, id, error);
}

const TerrindKind terrind_kind_referent = {
  .name = "referent",
  .plural = "referents",
  .description = "the single person an operator names for a territory",
  .fields = fields,
  .n_fields = G_N_ELEMENTS (fields),
  .unique = unique,
  .new_entity = new_referent,
  .ref = ref,
  .unref = unref,
  .get_id = get_id,
  .get_registry = get_registry,
  .equal = equal,
  .lookup = lookup,
  .count = terrind_registry_get_n_referents,
  .list = terrind_registry_list_referents,
  .add = add,
  .remove = remove_entity,
};
