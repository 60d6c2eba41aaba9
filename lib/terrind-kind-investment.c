/* terrind-kind-investment.c: the description of an investment
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "terrind-model-private.h"
#include "terrind-record-private.h"

enum {
  FIELD_ID, FIELD_OPERATOR, FIELD_TERRITORY, FIELD_YEAR, FIELD_AMOUNT, FIELD_COMMITMENT,
  FIELD_THEME, FIELD_PROJECT
};

TERRIND_FIELD_GETTER (get_id_value, terrind_investment_get_id)
TERRIND_FIELD_GETTER (get_operator, terrind_investment_get_operator_id)
TERRIND_FIELD_GETTER (get_territory, terrind_investment_get_territory_id)
TERRIND_FIELD_GETTER (get_commitment, terrind_investment_get_commitment_id)
TERRIND_FIELD_GETTER (get_theme, terrind_investment_get_theme)
TERRIND_FIELD_GETTER (get_project, terrind_investment_get_project)
TERRIND_FIELD_SETTER (set_commitment, terrind_investment_set_commitment_id)
TERRIND_FIELD_SETTER (set_theme, terrind_investment_set_theme)
TERRIND_FIELD_SETTER (set_project, terrind_investment_set_project)

static const char *
get_year (gconstpointer   entity,
          char          **to_free)
{
  return *to_free = terrind_value_format_uint (terrind_investment_get_year (entity));
}

static const char *
get_amount (gconstpointer   entity,
            char          **to_free)
{
  return *to_free = terrind_value_format_uint ((guint64) terrind_investment_get_amount (entity));
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
parse_amount (const char  *value,
              gint64      *amount,
              GError     **error)
{
  guint64 number = 0;

  if (!terrind_value_parse_uint (value != NULL ? value : "", G_MAXINT64, &number, error))
    return FALSE;
  *amount = (gint64) number;
  return TRUE;
}

static gboolean
set_year (gpointer     entity,
          const char  *value,
          GError     **error)
{
  guint year = 0;

  return parse_year (value, &year, error) && terrind_investment_set_year (entity, year, error);
}

static gboolean
set_amount (gpointer     entity,
            const char  *value,
            GError     **error)
{
  gint64 amount = 0;

  return parse_amount (value, &amount, error) &&
         terrind_investment_set_amount (entity, amount, error);
}

#define FIELD(field_name) .name = field_name, .kind = &terrind_kind_investment

static const TerrindField fields[] = {
  [FIELD_ID] = {
    FIELD ("id"), .type = TERRIND_VALUE_ID, .flags = TERRIND_FIELD_KEY | TERRIND_FIELD_REQUIRED,
    .description = "the investment's id",
    .get = get_id_value },
  [FIELD_OPERATOR] = {
    FIELD ("operator"), .type = TERRIND_VALUE_REFERENCE, .flags = TERRIND_FIELD_REQUIRED,
    .target = &terrind_kind_operator,
    .description = "the operator that invested",
    .get = get_operator },
  [FIELD_TERRITORY] = {
    FIELD ("territory"), .type = TERRIND_VALUE_REFERENCE, .flags = TERRIND_FIELD_REQUIRED,
    .target = &terrind_kind_territory,
    .description = "the territory invested in",
    .get = get_territory },
  [FIELD_YEAR] = {
    FIELD ("year"), .type = TERRIND_VALUE_YEAR,
    .flags = TERRIND_FIELD_REQUIRED | TERRIND_FIELD_WRITABLE,
    .description = "the year of the investment, in the commitment's period and the "
                   "territory's phase",
    .get = get_year, .set = set_year },
  [FIELD_AMOUNT] = {
    FIELD ("amount"), .type = TERRIND_VALUE_AMOUNT,
    .flags = TERRIND_FIELD_REQUIRED | TERRIND_FIELD_WRITABLE,
    .description = "the amount invested, in whole euros",
    .get = get_amount, .set = set_amount },
  [FIELD_COMMITMENT] = {
    FIELD ("commitment"), .type = TERRIND_VALUE_REFERENCE,
    .flags = TERRIND_FIELD_REQUIRED | TERRIND_FIELD_WRITABLE,
    .target = &terrind_kind_commitment,
    .description = "the commitment of the operator the investment counts against",
    .get = get_commitment, .set = set_commitment },
  [FIELD_THEME] = {
    FIELD ("theme"), .type = TERRIND_VALUE_TEXT, .flags = TERRIND_FIELD_WRITABLE,
    .description = "the theme of the commitment the investment falls under",
    .get = get_theme, .set = set_theme },
  [FIELD_PROJECT] = {
    FIELD ("project"), .type = TERRIND_VALUE_NAME, .flags = TERRIND_FIELD_WRITABLE,
    .description = "the name of the project invested in",
    .get = get_project, .set = set_project },
};

#undef FIELD

static gpointer
new_investment (const char * const *values,
                TerrindInterner    *interner,
                GError            **error)
{
  g_autoptr(TerrindInvestment) investment = NULL;
  guint year = 0;
  gint64 amount = 0;

  if (!terrind_field_prefix_error (parse_year (values[FIELD_YEAR], &year, error),
                                   &fields[FIELD_YEAR], error) ||
      !terrind_field_prefix_error (parse_amount (values[FIELD_AMOUNT], &amount, error),
                                   &fields[FIELD_AMOUNT], error))
    return NULL;
  investment = terrind_investment_new (values[FIELD_ID], values[FIELD_OPERATOR],
                                       values[FIELD_TERRITORY], year, amount,
                                       values[FIELD_COMMITMENT], error);
  if (investment == NULL)
    return NULL;
  for (guint i = FIELD_THEME; i <= FIELD_PROJECT; i++)
    if (values[i] != NULL &&
        !terrind_field_prefix_error (fields[i].set (investment, values[i], error),
                                     &fields[i], error))
      return NULL;
  return g_steal_pointer (&investment);
}

TERRIND_KIND_ENTITY_FUNCS (investment, terrind_investment_get_id)

static gboolean
add (TerrindRegistry  *registry,
     gpointer          entity,
     const char       *parent_id,
     GError          **error)
{
  return terrind_registry_add_investment (registry, entity, error);
}

static gboolean
remove_entity (TerrindRegistry     *registry,
               const char          *id,
               TerrindRemoveFlags   flags,
               GError             **error)
{
  return terrind_registry_remove_investment (registry, id, error);
}

const TerrindKind terrind_kind_investment = {
  .name = "investment",
  .plural = "investments",
  .description = "an amount an operator invested in a territory, for a year",
  .fields = fields,
  .n_fields = G_N_ELEMENTS (fields),
  .since_version = 2,
  .omit_when_empty = TRUE,
  .new_entity = new_investment,
  .ref = ref,
  .unref = unref,
  .get_id = get_id,
  .get_registry = get_registry,
  .equal = equal,
  .lookup = lookup,
  .count = terrind_registry_get_n_investments,
  .list = terrind_registry_list_investments,
  .add = add,
  .remove = remove_entity,
};
