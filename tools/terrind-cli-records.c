/* terrind-cli-records.c: every entity of a registry as a row of fields
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * `list` writes these rows and `diff` compares them field by field, so the
 * two commands cannot disagree on what an entity holds. Every field the
 * public getters expose is here; nothing is derived from other entities.
 */

#include "config.h"

#include <string.h>

#include "terrind-cli-records.h"

static const char *const kind_plurals[TERRIND_CLI_N_KINDS] = {
  "regions", "operators", "territories", "conventions", "commitments", "referents",
};

static const char *const kind_names[TERRIND_CLI_N_KINDS] = {
  "region", "operator", "territory", "convention", "commitment", "referent",
};

static const TerrindCliColumn region_columns[] = {
  { "code", TERRIND_CLI_COLUMN_SHOWN, NULL },
  { "name", TERRIND_CLI_COLUMN_SHOWN, NULL },
};

static const TerrindCliColumn operator_columns[] = {
  { "id", TERRIND_CLI_COLUMN_SHOWN, NULL },
  { "name", TERRIND_CLI_COLUMN_SHOWN, NULL },
  { "kind", TERRIND_CLI_COLUMN_SHOWN, NULL },
  { "former-names", TERRIND_CLI_COLUMN_SHOWN, "former-name" },
};

static const TerrindCliColumn territory_columns[] = {
  { "id", TERRIND_CLI_COLUMN_SHOWN, NULL },
  { "region", TERRIND_CLI_COLUMN_SHOWN, NULL },
  { "phase", TERRIND_CLI_COLUMN_SHOWN, NULL },
  { "members", TERRIND_CLI_COLUMN_COUNT, "member" },
  { "departments", TERRIND_CLI_COLUMN_HIDDEN, "department" },
  { "name", TERRIND_CLI_COLUMN_SHOWN, NULL },
};

static const TerrindCliColumn convention_columns[] = {
  { "id", TERRIND_CLI_COLUMN_SHOWN, NULL },
  { "operator", TERRIND_CLI_COLUMN_SHOWN, NULL },
  { "date", TERRIND_CLI_COLUMN_SHOWN, NULL },
  { "place", TERRIND_CLI_COLUMN_SHOWN, NULL },
  { "signatories", TERRIND_CLI_COLUMN_HIDDEN, "signatory" },
  { "commitments", TERRIND_CLI_COLUMN_COUNT, "commitment" },
  { "title", TERRIND_CLI_COLUMN_SHOWN, NULL },
};

static const TerrindCliColumn commitment_columns[] = {
  { "id", TERRIND_CLI_COLUMN_SHOWN, NULL },
  { "convention", TERRIND_CLI_COLUMN_SHOWN, NULL },
  { "kind", TERRIND_CLI_COLUMN_SHOWN, NULL },
  { "amount", TERRIND_CLI_COLUMN_SHOWN, NULL },
  { "period", TERRIND_CLI_COLUMN_SHOWN, NULL },
  { "first-year", TERRIND_CLI_COLUMN_SHOWN, NULL },
  { "last-year", TERRIND_CLI_COLUMN_SHOWN, NULL },
  { "approximate", TERRIND_CLI_COLUMN_SHOWN, NULL },
  { "themes", TERRIND_CLI_COLUMN_HIDDEN, "theme" },
  { "targets", TERRIND_CLI_COLUMN_HIDDEN, "target" },
  { "text", TERRIND_CLI_COLUMN_HIDDEN, NULL },
};

static const TerrindCliColumn referent_columns[] = {
  { "id", TERRIND_CLI_COLUMN_SHOWN, NULL },
  { "operator", TERRIND_CLI_COLUMN_SHOWN, NULL },
  { "territory", TERRIND_CLI_COLUMN_SHOWN, NULL },
  { "person", TERRIND_CLI_COLUMN_SHOWN, NULL },
  { "role", TERRIND_CLI_COLUMN_SHOWN, NULL },
  { "email", TERRIND_CLI_COLUMN_SHOWN, NULL },
  { "phone", TERRIND_CLI_COLUMN_SHOWN, NULL },
  { "start", TERRIND_CLI_COLUMN_SHOWN, NULL },
};

gboolean
terrind_cli_kind_from_plural (const char     *plural,
                              TerrindCliKind *kind)
{
  g_return_val_if_fail (plural != NULL, FALSE);
  g_return_val_if_fail (kind != NULL, FALSE);

  for (guint i = 0; i < TERRIND_CLI_N_KINDS; i++)
    if (g_str_equal (plural, kind_plurals[i]))
      {
        *kind = (TerrindCliKind) i;
        return TRUE;
      }
  return FALSE;
}

const char *
terrind_cli_kind_to_string (TerrindCliKind kind)
{
  g_return_val_if_fail (kind < TERRIND_CLI_N_KINDS, NULL);
  return kind_names[kind];
}

TerrindCliTable *
terrind_cli_records_new (TerrindCliKind kind)
{
  const char *plural;
  const char *name;

  g_return_val_if_fail (kind < TERRIND_CLI_N_KINDS, NULL);

  plural = kind_plurals[kind];
  name = kind_names[kind];

  switch (kind)
    {
    case TERRIND_CLI_KIND_REGION:
      return terrind_cli_table_new (plural, name, region_columns, G_N_ELEMENTS (region_columns));
    case TERRIND_CLI_KIND_OPERATOR:
      return terrind_cli_table_new (plural, name, operator_columns, G_N_ELEMENTS (operator_columns));
    case TERRIND_CLI_KIND_TERRITORY:
      return terrind_cli_table_new (plural, name, territory_columns, G_N_ELEMENTS (territory_columns));
    case TERRIND_CLI_KIND_CONVENTION:
      return terrind_cli_table_new (plural, name, convention_columns, G_N_ELEMENTS (convention_columns));
    case TERRIND_CLI_KIND_COMMITMENT:
      return terrind_cli_table_new (plural, name, commitment_columns, G_N_ELEMENTS (commitment_columns));
    case TERRIND_CLI_KIND_REFERENT:
    case TERRIND_CLI_N_KINDS:
    default:
      return terrind_cli_table_new (plural, name, referent_columns, G_N_ELEMENTS (referent_columns));
    }
}

/* A number that is unset when zero (phase, years). */
static void
add_optional_number (TerrindCliTable *table,
                     guint            value)
{
  if (value == 0)
    terrind_cli_table_add_null (table);
  else
    terrind_cli_table_add_number (table, value);
}

static void
add_region (TerrindCliTable *table,
            TerrindRegion   *region)
{
  terrind_cli_table_add_row (table);
  terrind_cli_table_add_string (table, terrind_region_get_code (region));
  terrind_cli_table_add_string (table, terrind_region_get_name (region));
}

static void
add_operator (TerrindCliTable *table,
              TerrindOperator *op)
{
  g_autoptr(GPtrArray) former = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < terrind_operator_get_n_former_names (op); i++)
    {
      const char *until = terrind_operator_get_former_name_until (op, i);

      if (until != NULL)
        g_ptr_array_add (former, g_strdup_printf ("%s (until %s)",
                                                  terrind_operator_get_former_name (op, i),
                                                  until));
      else
        g_ptr_array_add (former, g_strdup (terrind_operator_get_former_name (op, i)));
    }

  terrind_cli_table_add_row (table);
  terrind_cli_table_add_string (table, terrind_operator_get_id (op));
  terrind_cli_table_add_string (table, terrind_operator_get_name (op));
  terrind_cli_table_add_string (table, terrind_operator_get_kind (op));
  terrind_cli_table_add_list (table, former);
}

static void
add_territory (TerrindCliTable  *table,
               TerrindTerritory *territory)
{
  g_autoptr(GPtrArray) members = g_ptr_array_new ();
  g_autoptr(GPtrArray) departments = g_ptr_array_new ();

  for (guint i = 0; i < terrind_territory_get_n_members (territory); i++)
    g_ptr_array_add (members, (gpointer) terrind_territory_get_member (territory, i));
  for (guint i = 0; i < terrind_territory_get_n_departments (territory); i++)
    g_ptr_array_add (departments, (gpointer) terrind_territory_get_department (territory, i));

  terrind_cli_table_add_row (table);
  terrind_cli_table_add_string (table, terrind_territory_get_id (territory));
  terrind_cli_table_add_string (table, terrind_territory_get_region_code (territory));
  add_optional_number (table, terrind_territory_get_phase (territory));
  terrind_cli_table_add_list (table, members);
  terrind_cli_table_add_list (table, departments);
  terrind_cli_table_add_string (table, terrind_territory_get_name (territory));
}

/* For g_ptr_array_sort(), which passes pointers to the elements. */
static gint
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

static void
add_convention (TerrindCliTable   *table,
                TerrindConvention *convention)
{
  g_autoptr(GPtrArray) signatories = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) commitments = g_ptr_array_new ();

  for (guint i = 0; i < terrind_convention_get_n_signatories (convention); i++)
    {
      const char *role = terrind_convention_get_signatory_role (convention, i);
      const char *name = terrind_convention_get_signatory_name (convention, i);

      g_ptr_array_add (signatories, role != NULL ? g_strdup_printf ("%s (%s)", name, role)
                                                 : g_strdup (name));
    }
  for (guint i = 0; i < terrind_convention_get_n_commitments (convention); i++)
    g_ptr_array_add (commitments, (gpointer) terrind_commitment_get_id (
                       terrind_convention_get_commitment (convention, i)));
  g_ptr_array_sort (commitments, compare_strings);

  terrind_cli_table_add_row (table);
  terrind_cli_table_add_string (table, terrind_convention_get_id (convention));
  terrind_cli_table_add_string (table, terrind_convention_get_operator_id (convention));
  terrind_cli_table_add_string (table, terrind_convention_get_date (convention));
  terrind_cli_table_add_string (table, terrind_convention_get_place (convention));
  terrind_cli_table_add_list (table, signatories);
  terrind_cli_table_add_list (table, commitments);
  terrind_cli_table_add_string (table, terrind_convention_get_title (convention));
}

static void
add_commitment (TerrindCliTable         *table,
                const TerrindConvention *convention,
                TerrindCommitment       *commitment)
{
  TerrindAmountPeriod period = terrind_commitment_get_amount_period (commitment);
  g_autoptr(GPtrArray) themes = g_ptr_array_new ();
  g_autoptr(GPtrArray) targets = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < terrind_commitment_get_n_themes (commitment); i++)
    g_ptr_array_add (themes, (gpointer) terrind_commitment_get_theme (commitment, i));
  for (guint i = 0; i < terrind_commitment_get_n_targets (commitment); i++)
    g_ptr_array_add (targets, g_strdup_printf ("%s: %u",
                                               terrind_commitment_get_target_level (commitment, i),
                                               terrind_commitment_get_target_count (commitment, i)));

  terrind_cli_table_add_row (table);
  terrind_cli_table_add_string (table, terrind_commitment_get_id (commitment));
  terrind_cli_table_add_string (table, terrind_convention_get_id (convention));
  terrind_cli_table_add_string (table,
                                terrind_commitment_kind_to_string (terrind_commitment_get_kind (commitment)));
  if (period == TERRIND_AMOUNT_NONE)
    {
      terrind_cli_table_add_null (table);
      terrind_cli_table_add_null (table);
    }
  else
    {
      terrind_cli_table_add_number (table, terrind_commitment_get_amount (commitment));
      terrind_cli_table_add_string (table, terrind_amount_period_to_string (period));
    }
  add_optional_number (table, terrind_commitment_get_first_year (commitment));
  add_optional_number (table, terrind_commitment_get_last_year (commitment));
  terrind_cli_table_add_boolean (table, terrind_commitment_get_approximate (commitment));
  terrind_cli_table_add_list (table, themes);
  terrind_cli_table_add_list (table, targets);
  terrind_cli_table_add_string (table, terrind_commitment_get_text (commitment));
}

static void
add_referent (TerrindCliTable *table,
              TerrindReferent *referent)
{
  terrind_cli_table_add_row (table);
  terrind_cli_table_add_string (table, terrind_referent_get_id (referent));
  terrind_cli_table_add_string (table, terrind_referent_get_operator_id (referent));
  terrind_cli_table_add_string (table, terrind_referent_get_territory_id (referent));
  terrind_cli_table_add_string (table, terrind_referent_get_person (referent));
  terrind_cli_table_add_string (table, terrind_referent_get_role (referent));
  terrind_cli_table_add_string (table, terrind_referent_get_email (referent));
  terrind_cli_table_add_string (table, terrind_referent_get_phone (referent));
  terrind_cli_table_add_string (table, terrind_referent_get_start_date (referent));
}

typedef struct {
  TerrindConvention *convention;
  TerrindCommitment *commitment;
} CommitmentInConvention;

static gint
compare_commitments (gconstpointer a,
                     gconstpointer b)
{
  const CommitmentInConvention *ca = a;
  const CommitmentInConvention *cb = b;

  return strcmp (terrind_commitment_get_id (ca->commitment),
                 terrind_commitment_get_id (cb->commitment));
}

/* Commitment ids are unique across conventions: list them all by id, each
 * with the convention it belongs to. */
static void
fill_commitments (TerrindCliTable *table,
                  GPtrArray       *conventions)
{
  g_autoptr(GArray) all = g_array_new (FALSE, FALSE, sizeof (CommitmentInConvention));

  for (guint i = 0; i < conventions->len; i++)
    {
      TerrindConvention *convention = g_ptr_array_index (conventions, i);

      for (guint j = 0; j < terrind_convention_get_n_commitments (convention); j++)
        {
          CommitmentInConvention item = {
            convention, terrind_convention_get_commitment (convention, j)
          };
          g_array_append_val (all, item);
        }
    }
  g_array_sort (all, compare_commitments);
  for (guint i = 0; i < all->len; i++)
    {
      CommitmentInConvention *item = &g_array_index (all, CommitmentInConvention, i);
      add_commitment (table, item->convention, item->commitment);
    }
}

void
terrind_cli_records_fill (TerrindCliTable *table,
                          TerrindRegistry *registry,
                          TerrindCliKind   kind,
                          const char      *region_code,
                          const char      *operator_id)
{
  g_autoptr(GPtrArray) items = NULL;

  g_return_if_fail (table != NULL);
  g_return_if_fail (registry != NULL);
  g_return_if_fail (kind < TERRIND_CLI_N_KINDS);

  switch (kind)
    {
    case TERRIND_CLI_KIND_REGION:
      items = terrind_registry_list_regions (registry);
      for (guint i = 0; i < items->len; i++)
        {
          TerrindRegion *region = g_ptr_array_index (items, i);

          if (region_code == NULL || g_str_equal (region_code, terrind_region_get_code (region)))
            add_region (table, region);
        }
      break;

    case TERRIND_CLI_KIND_OPERATOR:
      items = terrind_registry_list_operators (registry);
      for (guint i = 0; i < items->len; i++)
        {
          TerrindOperator *op = g_ptr_array_index (items, i);

          if (operator_id == NULL || g_str_equal (operator_id, terrind_operator_get_id (op)))
            add_operator (table, op);
        }
      break;

    case TERRIND_CLI_KIND_TERRITORY:
      items = region_code != NULL
        ? terrind_registry_list_territories_in_region (registry, region_code)
        : terrind_registry_list_territories (registry);
      for (guint i = 0; i < items->len; i++)
        add_territory (table, g_ptr_array_index (items, i));
      break;

    case TERRIND_CLI_KIND_CONVENTION:
    case TERRIND_CLI_KIND_COMMITMENT:
      items = operator_id != NULL
        ? terrind_registry_list_conventions_of_operator (registry, operator_id)
        : terrind_registry_list_conventions (registry);
      if (kind == TERRIND_CLI_KIND_COMMITMENT)
        fill_commitments (table, items);
      else
        for (guint i = 0; i < items->len; i++)
          add_convention (table, g_ptr_array_index (items, i));
      break;

    case TERRIND_CLI_KIND_REFERENT:
    case TERRIND_CLI_N_KINDS:
    default:
      items = operator_id != NULL
        ? terrind_registry_list_referents_of_operator (registry, operator_id)
        : terrind_registry_list_referents (registry);
      for (guint i = 0; i < items->len; i++)
        {
          TerrindReferent *referent = g_ptr_array_index (items, i);
          TerrindTerritory *territory =
            terrind_registry_get_territory (registry, terrind_referent_get_territory_id (referent));

          if (region_code != NULL
              && (territory == NULL
                  || !g_str_equal (region_code, terrind_territory_get_region_code (territory))))
            continue;
          add_referent (table, referent);
        }
      break;
    }
}
