/* terrind-kind-commitment.c: the description of a commitment
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <string.h>

#include "terrind-commitment-private.h"
#include "terrind-convention-private.h"
#include "terrind-error.h"
#include "terrind-model-private.h"
#include "terrind-registry.h"

enum {
  FIELD_ID, FIELD_CONVENTION, FIELD_KIND, FIELD_AMOUNT, FIELD_PERIOD, FIELD_FIRST_YEAR,
  FIELD_LAST_YEAR, FIELD_APPROXIMATE, FIELD_TEXT, FIELD_THEMES, FIELD_TARGETS
};
enum { TARGET_LEVEL, TARGET_COUNT };

static const char * const kind_choices[] = {
  "money-envelope", "referent-per-territory", "yearly-target", "tool", "programme-access",
  "experiment", NULL
};

static const char * const period_choices[] = { "total", "per-year", NULL };

TERRIND_FIELD_GETTER (get_id_value, terrind_commitment_get_id)

static const char *
get_convention (gconstpointer   entity,
                char          **to_free)
{
  const TerrindCommitment *commitment = entity;

  return commitment->convention != NULL ? commitment->convention->id : NULL;
}

static const char *
get_kind (gconstpointer   entity,
          char          **to_free)
{
  return terrind_commitment_kind_to_string (terrind_commitment_get_kind (entity));
}

static const char *
get_amount (gconstpointer   entity,
            char          **to_free)
{
  if (terrind_commitment_get_amount_period (entity) == TERRIND_AMOUNT_NONE)
    return NULL;
  return *to_free = terrind_value_format_uint ((guint64) terrind_commitment_get_amount (entity));
}

static const char *
get_period (gconstpointer   entity,
            char          **to_free)
{
  TerrindAmountPeriod period = terrind_commitment_get_amount_period (entity);

  return period != TERRIND_AMOUNT_NONE ? terrind_amount_period_to_string (period) : NULL;
}

static gboolean
parse_period (const char           *value,
              TerrindAmountPeriod  *period,
              GError              **error)
{
  return terrind_value_check_choice (&terrind_kind_commitment.fields[FIELD_PERIOD], value, error) &&
         terrind_amount_period_from_string (value, period);
}

/* Amount and period go together: setting one keeps the other, and a
 * commitment with no period has no amount. */
static gboolean
set_amount (gpointer     entity,
            const char  *value,
            GError     **error)
{
  TerrindAmountPeriod period = terrind_commitment_get_amount_period (entity);
  guint64 euros = 0;

  if (value == NULL)
    return terrind_commitment_set_amount (entity, 0, TERRIND_AMOUNT_NONE, error);
  if (!terrind_value_parse_uint (value, G_MAXINT64, &euros, error))
    return FALSE;
  if (period == TERRIND_AMOUNT_NONE)
    {
      g_set_error (error, TERRIND_ERROR, TERRIND_ERROR_INVALID_VALUE,
                   "an amount needs its period: set “period” first");
      return FALSE;
    }
  return terrind_commitment_set_amount (entity, (gint64) euros, period, error);
}

static gboolean
set_period (gpointer     entity,
            const char  *value,
            GError     **error)
{
  TerrindAmountPeriod period;

  if (value == NULL)
    return terrind_commitment_set_amount (entity, 0, TERRIND_AMOUNT_NONE, error);
  return parse_period (value, &period, error) &&
         terrind_commitment_set_amount (entity, terrind_commitment_get_amount (entity), period,
                                        error);
}

static char *
format_year (guint year)
{
  return year != 0 ? terrind_value_format_uint (year) : NULL;
}

static const char *
get_first_year (gconstpointer   entity,
                char          **to_free)
{
  return *to_free = format_year (terrind_commitment_get_first_year (entity));
}

static const char *
get_last_year (gconstpointer   entity,
               char          **to_free)
{
  return *to_free = format_year (terrind_commitment_get_last_year (entity));
}

static gboolean
parse_year (const char  *value,
            guint       *year,
            GError     **error)
{
  guint64 number = 0;

  if (value != NULL && !terrind_value_parse_uint (value, G_MAXUINT, &number, error))
    return FALSE;
  *year = (guint) number;
  return TRUE;
}

static gboolean
set_first_year (gpointer     entity,
                const char  *value,
                GError     **error)
{
  guint first;

  return parse_year (value, &first, error) &&
         terrind_commitment_set_years (entity, first, terrind_commitment_get_last_year (entity),
                                       error);
}

static gboolean
set_last_year (gpointer     entity,
               const char  *value,
               GError     **error)
{
  guint last;

  return parse_year (value, &last, error) &&
         terrind_commitment_set_years (entity, terrind_commitment_get_first_year (entity), last,
                                       error);
}

static const char *
get_approximate (gconstpointer   entity,
                 char          **to_free)
{
  return terrind_commitment_get_approximate (entity) ? "true" : "false";
}

static gboolean
set_approximate (gpointer     entity,
                 const char  *value,
                 GError     **error)
{
  gboolean approximate = FALSE;

  if (value != NULL && !terrind_value_parse_boolean (value, &approximate, error))
    return FALSE;
  terrind_commitment_set_approximate (entity, approximate);
  return TRUE;
}

TERRIND_FIELD_GETTER (get_text, terrind_commitment_get_text)
TERRIND_FIELD_SETTER (set_text, terrind_commitment_set_text)

static guint
n_themes (gconstpointer entity)
{
  return terrind_commitment_get_n_themes (entity);
}

static const char *
get_theme (gconstpointer   entity,
           guint           index,
           guint           item_field,
           char          **to_free)
{
  return terrind_commitment_get_theme (entity, index);
}

static gboolean
add_theme (gpointer             entity,
           const char * const  *values,
           GError             **error)
{
  return terrind_commitment_add_theme (entity, values[0], error);
}

static guint
n_targets (gconstpointer entity)
{
  return terrind_commitment_get_n_targets (entity);
}

static const char *
get_target (gconstpointer   entity,
            guint           index,
            guint           item_field,
            char          **to_free)
{
  if (item_field == TARGET_LEVEL)
    return terrind_commitment_get_target_level (entity, index);
  *to_free = terrind_value_format_uint (terrind_commitment_get_target_count (entity, index));
  return *to_free;
}

static gboolean
add_target (gpointer             entity,
            const char * const  *values,
            GError             **error)
{
  guint64 count;

  if (!terrind_value_parse_uint (values[TARGET_COUNT], G_MAXUINT, &count, error))
    {
      g_prefix_error (error, "field “count”: ");
      return FALSE;
    }
  return terrind_commitment_add_target (entity, values[TARGET_LEVEL], (guint) count, error);
}

static const TerrindField theme_fields[] = {
  { .name = "text", .type = TERRIND_VALUE_NAME, .flags = TERRIND_FIELD_REQUIRED,
    .is_content = TRUE, .description = "a theme the commitment covers, on one line" },
};

static const TerrindField target_fields[] = {
  [TARGET_LEVEL] = {
    .name = "level", .type = TERRIND_VALUE_NAME, .flags = TERRIND_FIELD_REQUIRED,
    .description = "the level of support (\"priority\", \"reinforced\")" },
  [TARGET_COUNT] = {
    .name = "count", .type = TERRIND_VALUE_COUNT, .flags = TERRIND_FIELD_REQUIRED,
    .description = "how many territories a year" },
};

#define FIELD(field_name) .name = field_name, .kind = &terrind_kind_commitment

static const TerrindField fields[] = {
  [FIELD_ID] = {
    FIELD ("id"), .type = TERRIND_VALUE_ID, .flags = TERRIND_FIELD_KEY | TERRIND_FIELD_REQUIRED,
    .description = "the commitment's id, unique across conventions",
    .get = get_id_value },
  [FIELD_CONVENTION] = {
    FIELD ("convention"), .type = TERRIND_VALUE_REFERENCE, .flags = TERRIND_FIELD_PARENT,
    .target = &terrind_kind_convention,
    .description = "the convention that holds it",
    .get = get_convention },
  [FIELD_KIND] = {
    FIELD ("kind"), .type = TERRIND_VALUE_ENUM, .flags = TERRIND_FIELD_REQUIRED,
    .choices = kind_choices,
    .description = "what is promised: money, a referent, yearly targets, a tool…",
    .get = get_kind },
  [FIELD_AMOUNT] = {
    FIELD ("amount"), .type = TERRIND_VALUE_AMOUNT, .flags = TERRIND_FIELD_WRITABLE,
    .description = "the euros promised, with their period",
    .get = get_amount, .set = set_amount },
  [FIELD_PERIOD] = {
    FIELD ("period"), .type = TERRIND_VALUE_ENUM, .flags = TERRIND_FIELD_WRITABLE,
    .choices = period_choices,
    .description = "whether the amount is for the whole period or for each year",
    .get = get_period, .set = set_period },
  [FIELD_FIRST_YEAR] = {
    FIELD ("first-year"), .type = TERRIND_VALUE_YEAR, .flags = TERRIND_FIELD_WRITABLE,
    .description = "the first year the commitment runs",
    .get = get_first_year, .set = set_first_year },
  [FIELD_LAST_YEAR] = {
    FIELD ("last-year"), .type = TERRIND_VALUE_YEAR, .flags = TERRIND_FIELD_WRITABLE,
    .description = "the last year it runs",
    .get = get_last_year, .set = set_last_year },
  [FIELD_APPROXIMATE] = {
    FIELD ("approximate"), .type = TERRIND_VALUE_BOOLEAN, .flags = TERRIND_FIELD_WRITABLE,
    .description = "whether the figures are approximate (\"about 20\")",
    .get = get_approximate, .set = set_approximate },
  [FIELD_TEXT] = {
    FIELD ("text"), .type = TERRIND_VALUE_TEXT,
    .flags = TERRIND_FIELD_REQUIRED | TERRIND_FIELD_WRITABLE, .is_content = TRUE,
    .description = "the commitment in the words of the convention",
    .get = get_text, .set = set_text },
  [FIELD_THEMES] = {
    FIELD ("themes"), .type = TERRIND_VALUE_LIST,
    .description = "the themes it covers",
    .item_name = "theme", .item_fields = theme_fields, .n_item_fields = 1,
    .n_items = n_themes, .get_item = get_theme, .add_item = add_theme },
  [FIELD_TARGETS] = {
    FIELD ("targets"), .type = TERRIND_VALUE_LIST,
    .description = "how many territories a year, per level of support",
    .item_name = "target",
    .item_fields = target_fields, .n_item_fields = G_N_ELEMENTS (target_fields),
    .n_items = n_targets, .get_item = get_target, .add_item = add_target },
};

#undef FIELD

/* Refuses one of a pair of fields without the other. */
static gboolean
check_pair (const char * const *values,
            guint               a,
            guint               b,
            GError            **error)
{
  if ((values[a] == NULL) == (values[b] == NULL))
    return TRUE;
  g_set_error (error, TERRIND_ERROR, TERRIND_ERROR_INVALID_VALUE,
               "fields “%s” and “%s” go together: give both or neither",
               fields[a].name, fields[b].name);
  return FALSE;
}

static gpointer
new_commitment (const char * const *values,
                TerrindInterner    *interner,
                GError            **error)
{
  g_autoptr(TerrindCommitment) commitment = NULL;
  TerrindCommitmentKind kind;
  TerrindAmountPeriod period = TERRIND_AMOUNT_NONE;
  guint64 euros = 0;
  guint first = 0, last = 0;

  if (!terrind_field_prefix_error (terrind_value_check_choice (&fields[FIELD_KIND],
                                                               values[FIELD_KIND], error),
                                   &fields[FIELD_KIND], error) ||
      !check_pair (values, FIELD_AMOUNT, FIELD_PERIOD, error) ||
      !check_pair (values, FIELD_FIRST_YEAR, FIELD_LAST_YEAR, error))
    return NULL;
  terrind_commitment_kind_from_string (values[FIELD_KIND], &kind);
  if ((values[FIELD_PERIOD] != NULL &&
       !terrind_field_prefix_error (parse_period (values[FIELD_PERIOD], &period, error),
                                    &fields[FIELD_PERIOD], error)) ||
      (values[FIELD_AMOUNT] != NULL &&
       !terrind_field_prefix_error (terrind_value_parse_uint (values[FIELD_AMOUNT], G_MAXINT64,
                                                              &euros, error),
                                    &fields[FIELD_AMOUNT], error)) ||
      !terrind_field_prefix_error (parse_year (values[FIELD_FIRST_YEAR], &first, error),
                                   &fields[FIELD_FIRST_YEAR], error) ||
      !terrind_field_prefix_error (parse_year (values[FIELD_LAST_YEAR], &last, error),
                                   &fields[FIELD_LAST_YEAR], error))
    return NULL;

  commitment = terrind_commitment_new (values[FIELD_ID], kind, values[FIELD_TEXT], error);
  if (commitment == NULL ||
      (period != TERRIND_AMOUNT_NONE &&
       !terrind_commitment_set_amount (commitment, (gint64) euros, period, error)) ||
      !terrind_commitment_set_years (commitment, first, last, error) ||
      (values[FIELD_APPROXIMATE] != NULL &&
       !terrind_field_prefix_error (set_approximate (commitment, values[FIELD_APPROXIMATE], error),
                                    &fields[FIELD_APPROXIMATE], error)))
    return NULL;
  return g_steal_pointer (&commitment);
}

TERRIND_KIND_ENTITY_FUNCS (commitment, terrind_commitment_get_id)

static guint
count (TerrindRegistry *registry)
{
  g_autoptr(GPtrArray) conventions = terrind_registry_list_conventions (registry);
  guint n = 0;

  for (guint i = 0; i < conventions->len; i++)
    n += terrind_convention_get_n_commitments (g_ptr_array_index (conventions, i));
  return n;
}

static int
compare_by_id (gconstpointer a,
               gconstpointer b)
{
  const TerrindCommitment *x = *(const TerrindCommitment * const *) a;
  const TerrindCommitment *y = *(const TerrindCommitment * const *) b;

  return strcmp (x->id, y->id);
}

/* Every convention's commitments, sorted by id as every listing is. */
static GPtrArray *
list (TerrindRegistry *registry)
{
  g_autoptr(GPtrArray) conventions = terrind_registry_list_conventions (registry);
  GPtrArray *commitments = g_ptr_array_new ();

  for (guint i = 0; i < conventions->len; i++)
    {
      TerrindConvention *convention = g_ptr_array_index (conventions, i);
      guint n = terrind_convention_get_n_commitments (convention);

      for (guint j = 0; j < n; j++)
        g_ptr_array_add (commitments, terrind_convention_get_commitment (convention, j));
    }
  g_ptr_array_sort (commitments, compare_by_id);
  return commitments;
}

static gboolean
add (TerrindRegistry  *registry,
     gpointer          entity,
     const char       *parent_id,
     GError          **error)
{
  TerrindConvention *convention = terrind_registry_get_convention (registry, parent_id);

  if (convention == NULL)
    {
      g_set_error (error, TERRIND_ERROR, TERRIND_ERROR_UNKNOWN_REFERENCE,
                   "commitment “%s” names convention “%s”, which is not in the registry",
                   terrind_commitment_get_id (entity), parent_id);
      return FALSE;
    }
  return terrind_convention_add_commitment (convention, entity, error);
}

static gboolean
remove_entity (TerrindRegistry     *registry,
               const char          *id,
               TerrindRemoveFlags   flags,
               GError             **error)
{
  TerrindCommitment *commitment = terrind_registry_get_commitment (registry, id);

  if (commitment == NULL)
    {
      g_set_error (error, TERRIND_ERROR, TERRIND_ERROR_NOT_FOUND,
                   "there is no commitment “%s” in the registry", id);
      return FALSE;
    }
  return terrind_convention_remove_commitment (commitment->convention, id, error);
}

static gboolean
add_to_parent (gpointer   parent,
               gpointer   child,
               GError   **error)
{
  return terrind_convention_add_commitment (parent, child, error);
}

static guint
n_in_parent (gconstpointer parent)
{
  return terrind_convention_get_n_commitments (parent);
}

static gpointer
get_in_parent (gconstpointer parent,
               guint         index)
{
  return terrind_convention_get_commitment (parent, index);
}

const TerrindKind terrind_kind_commitment = {
  .name = "commitment",
  .plural = "commitments",
  .description = "something a convention promises",
  .parent = &terrind_kind_convention,
  .fields = fields,
  .n_fields = G_N_ELEMENTS (fields),
  .new_entity = new_commitment,
  .ref = ref,
  .unref = unref,
  .get_id = get_id,
  .get_registry = get_registry,
  .equal = equal,
  .lookup = lookup,
  .count = count,
  .list = list,
  .add = add,
  .remove = remove_entity,
  .add_to_parent = add_to_parent,
  .n_in_parent = n_in_parent,
  .get_in_parent = get_in_parent,
};
