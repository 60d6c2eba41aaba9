/* terrind-cli-records.c: entities as rows of fields, read from the model's description
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * `list` writes these rows and `diff` compares them field by field, so the
 * two commands cannot disagree on what an entity holds. Neither names a
 * field: the columns are the fields the library describes, so a field added
 * to the description is listed and compared without a change here.
 */

#include "config.h"

#include "terrind-cli-records.h"

/* Fields whose text form is a number, written as one in JSON. */
static gboolean
is_number (TerrindValueType type)
{
  return type == TERRIND_VALUE_COUNT || type == TERRIND_VALUE_YEAR ||
         type == TERRIND_VALUE_AMOUNT;
}

TerrindCliTable *
terrind_cli_records_new (const TerrindKind *kind)
{
  guint n_fields;
  g_autofree TerrindCliColumn *columns = NULL;

  g_return_val_if_fail (kind != NULL, NULL);

  n_fields = terrind_kind_get_n_fields (kind);
  columns = g_new0 (TerrindCliColumn, n_fields);
  for (guint i = 0; i < n_fields; i++)
    {
      const TerrindField *field = terrind_kind_get_field (kind, i);
      TerrindValueType type = terrind_field_get_value_type (field);

      columns[i].name = terrind_field_get_name (field);
      /* A table for people has one line per entity: lists are counted and
       * free text, which may span lines, is left to the other formats;
       * an optional field takes a column only when some entity sets it. */
      if (type == TERRIND_VALUE_LIST)
        columns[i].mode = TERRIND_CLI_COLUMN_COUNT;
      else if (type == TERRIND_VALUE_TEXT)
        columns[i].mode = TERRIND_CLI_COLUMN_HIDDEN;
      else if ((terrind_field_get_flags (field) & TERRIND_FIELD_REQUIRED) == 0)
        columns[i].mode = TERRIND_CLI_COLUMN_IF_SET;
      else
        columns[i].mode = TERRIND_CLI_COLUMN_SHOWN;
    }
  return terrind_cli_table_new (columns, n_fields);
}

char *
terrind_cli_records_item_text (const TerrindField *field,
                               gconstpointer       entity,
                               guint               index)
{
  guint n_item_fields;
  GString *text;

  g_return_val_if_fail (field != NULL, NULL);
  g_return_val_if_fail (entity != NULL, NULL);

  n_item_fields = terrind_field_get_n_item_fields (field);
  text = g_string_new (NULL);
  for (guint i = 0; i < n_item_fields; i++)
    {
      const TerrindField *item_field = terrind_field_get_item_field (field, i);
      g_autofree char *value = terrind_field_get_item_value (field, entity, index, item_field);

      if (value == NULL)
        continue;
      /* "200016905 CC du Pays de Lamastre (epci)": a detail reads as a
       * name, then in parentheses; another field says what it is
       * ("Jacqueline Gourault (role Ministre)"). */
      if (i == 0)
        g_string_append (text, value);
      else if ((terrind_field_get_flags (item_field) & TERRIND_FIELD_DETAIL) &&
               terrind_field_get_value_type (item_field) == TERRIND_VALUE_NAME)
        g_string_append_printf (text, " %s", value);
      else if (terrind_field_get_flags (item_field) & TERRIND_FIELD_DETAIL)
        g_string_append_printf (text, " (%s)", value);
      else
        g_string_append_printf (text, " (%s %s)", terrind_field_get_name (item_field), value);
    }
  return g_string_free (text, FALSE);
}

void
terrind_cli_records_add (TerrindCliTable   *table,
                         const TerrindKind *kind,
                         gconstpointer      entity)
{
  guint n_fields;

  g_return_if_fail (table != NULL);
  g_return_if_fail (kind != NULL);
  g_return_if_fail (entity != NULL);

  n_fields = terrind_kind_get_n_fields (kind);
  terrind_cli_table_add_row (table);
  for (guint i = 0; i < n_fields; i++)
    {
      const TerrindField *field = terrind_kind_get_field (kind, i);
      TerrindValueType type = terrind_field_get_value_type (field);
      g_autofree char *value = NULL;

      if (type == TERRIND_VALUE_LIST)
        {
          guint n_items = terrind_field_get_n_items (field, entity);
          g_autoptr(GPtrArray) items = g_ptr_array_new_full (n_items, g_free);

          for (guint j = 0; j < n_items; j++)
            g_ptr_array_add (items, terrind_cli_records_item_text (field, entity, j));
          terrind_cli_table_add_list (table, items);
          continue;
        }

      value = terrind_field_get_value (field, entity);
      if (value == NULL)
        terrind_cli_table_add_null (table);
      else if (is_number (type))
        terrind_cli_table_add_number (table, g_ascii_strtoll (value, NULL, 10));
      else if (type == TERRIND_VALUE_BOOLEAN)
        terrind_cli_table_add_boolean (table, g_str_equal (value, "true"));
      else
        terrind_cli_table_add_string (table, value);
    }
}

const TerrindField *
terrind_cli_records_label (const TerrindKind *kind)
{
  g_return_val_if_fail (kind != NULL, NULL);

  for (guint i = 0; i < terrind_kind_get_n_fields (kind); i++)
    {
      const TerrindField *field = terrind_kind_get_field (kind, i);

      if (terrind_field_get_value_type (field) == TERRIND_VALUE_NAME &&
          (terrind_field_get_flags (field) & TERRIND_FIELD_REQUIRED) != 0)
        return field;
    }
  return NULL;
}

/* The kinds are few and their references run one way (a referent to a
 * territory to a region, never back): the walks below end. The depth bound
 * only guards against a description that would someday loop. */
#define MAX_DEPTH 8

static gboolean
can_belong (const TerrindKind *kind,
            const TerrindKind *owner,
            guint              depth)
{
  if (kind == owner)
    return TRUE;
  if (depth >= MAX_DEPTH)
    return FALSE;
  for (guint i = 0; i < terrind_kind_get_n_fields (kind); i++)
    {
      const TerrindKind *target = terrind_field_get_target (terrind_kind_get_field (kind, i));

      if (target != NULL && can_belong (target, owner, depth + 1))
        return TRUE;
    }
  return FALSE;
}

gboolean
terrind_cli_records_can_belong (const TerrindKind *kind,
                                const TerrindKind *owner)
{
  g_return_val_if_fail (kind != NULL, FALSE);
  g_return_val_if_fail (owner != NULL, FALSE);
  return can_belong (kind, owner, 0);
}

static gboolean
belongs (TerrindRegistry   *registry,
         const TerrindKind *kind,
         gconstpointer      entity,
         const TerrindKind *owner,
         const char        *owner_id,
         guint              depth)
{
  if (kind == owner)
    return g_str_equal (terrind_kind_get_entity_id (kind, entity), owner_id);
  if (depth >= MAX_DEPTH)
    return FALSE;
  for (guint i = 0; i < terrind_kind_get_n_fields (kind); i++)
    {
      const TerrindField *field = terrind_kind_get_field (kind, i);
      const TerrindKind *target = terrind_field_get_target (field);
      g_autofree char *id = NULL;
      gpointer referenced;

      if (target == NULL || !can_belong (target, owner, depth + 1))
        continue;
      id = terrind_field_get_value (field, entity);
      referenced = id != NULL ? terrind_registry_lookup (registry, target, id) : NULL;
      /* A dangling reference leads nowhere: the entity belongs to no one
       * through it. */
      if (referenced != NULL && belongs (registry, target, referenced, owner, owner_id, depth + 1))
        return TRUE;
    }
  return FALSE;
}

gboolean
terrind_cli_records_belongs (TerrindRegistry   *registry,
                             const TerrindKind *kind,
                             gconstpointer      entity,
                             const TerrindKind *owner,
                             const char        *owner_id)
{
  g_return_val_if_fail (registry != NULL, FALSE);
  g_return_val_if_fail (kind != NULL, FALSE);
  g_return_val_if_fail (entity != NULL, FALSE);
  g_return_val_if_fail (owner != NULL, FALSE);
  g_return_val_if_fail (owner_id != NULL, FALSE);
  return belongs (registry, kind, entity, owner, owner_id, 0);
}
