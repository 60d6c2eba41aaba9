/* terrind-cli-json.c: the tool's JSON, through json-glib
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Every JSON the tool writes is built as a tree and written by
 * JsonGenerator, so escaping and syntax are json-glib's concern. Entities
 * are written from the model's description: the keys are the field names
 * the XML, the CSV and the bindings use, and a new field appears without a
 * change here.
 */

#include "config.h"

#include "terrind-cli-json.h"

void
terrind_cli_json_write (GString  *out,
                        JsonNode *root)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;
  gsize length = 0;

  g_return_if_fail (out != NULL);
  g_return_if_fail (root != NULL);

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, &length);
  g_string_append_len (out, text, (gssize) length);
  g_string_append_c (out, '\n');
}

char *
terrind_cli_json_quote (const char *value)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_VALUE);

  g_return_val_if_fail (value != NULL, NULL);

  json_node_set_string (node, value);
  return json_to_string (node, FALSE);
}

void
terrind_cli_json_add_value (JsonBuilder        *builder,
                            const TerrindField *field,
                            const char         *value)
{
  g_return_if_fail (builder != NULL);
  g_return_if_fail (field != NULL);

  if (value == NULL)
    {
      json_builder_add_null_value (builder);
      return;
    }
  switch (terrind_field_get_value_type (field))
    {
    case TERRIND_VALUE_COUNT:
    case TERRIND_VALUE_YEAR:
    case TERRIND_VALUE_AMOUNT:
      json_builder_add_int_value (builder, g_ascii_strtoll (value, NULL, 10));
      break;
    case TERRIND_VALUE_BOOLEAN:
      json_builder_add_boolean_value (builder, g_str_equal (value, "true"));
      break;
    default:
      /* Codes ("01", "2A") and SIRENs stay strings: their leading zeros
       * and letters are part of them. */
      json_builder_add_string_value (builder, value);
      break;
    }
}

static void
add_items (JsonBuilder        *builder,
           const TerrindField *field,
           gconstpointer       entity)
{
  guint n_item_fields = terrind_field_get_n_item_fields (field);

  json_builder_begin_array (builder);
  for (guint j = 0; j < terrind_field_get_n_items (field, entity); j++)
    {
      json_builder_begin_object (builder);
      for (guint k = 0; k < n_item_fields; k++)
        {
          const TerrindField *item_field = terrind_field_get_item_field (field, k);
          g_autofree char *value = terrind_field_get_item_value (field, entity, j, item_field);

          if (value == NULL)
            continue;
          json_builder_set_member_name (builder, terrind_field_get_name (item_field));
          terrind_cli_json_add_value (builder, item_field, value);
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

void
terrind_cli_json_add_fields (JsonBuilder       *builder,
                             const TerrindKind *kind,
                             gconstpointer      entity)
{
  g_return_if_fail (builder != NULL);
  g_return_if_fail (kind != NULL);
  g_return_if_fail (entity != NULL);

  for (guint i = 0; i < terrind_kind_get_n_fields (kind); i++)
    {
      const TerrindField *field = terrind_kind_get_field (kind, i);
      g_autofree char *value = NULL;

      if (terrind_field_get_value_type (field) == TERRIND_VALUE_LIST)
        {
          json_builder_set_member_name (builder, terrind_field_get_name (field));
          add_items (builder, field, entity);
          continue;
        }
      /* An unset optional field is left out, as in the XML. */
      value = terrind_field_get_value (field, entity);
      if (value == NULL)
        continue;
      json_builder_set_member_name (builder, terrind_field_get_name (field));
      terrind_cli_json_add_value (builder, field, value);
    }
}
