/* terrind-lua-plugin-result.c: what a plugin that ran to its end returned
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <string.h>

#include "terrind-lua-plugin-private.h"

struct _TerrindLuaPluginResult {
  gatomicrefcount  ref_count;
  char            *name;
  char            *description;   /* or NULL */
  gboolean         has_check;
  GPtrArray       *subjects;      /* of char *, NULL items for none */
  GPtrArray       *messages;      /* of char * */
  char            *report;        /* or NULL */
  char            *output;        /* NUL-terminated, may hold zero bytes */
  gsize            output_length;
  TerrindRegistry *registry;      /* or NULL */
};

static TerrindLuaPluginResult *
result_new (void)
{
  TerrindLuaPluginResult *result = g_new0 (TerrindLuaPluginResult, 1);

  g_atomic_ref_count_init (&result->ref_count);
  result->subjects = g_ptr_array_new_with_free_func (g_free);
  result->messages = g_ptr_array_new_with_free_func (g_free);
  result->output = g_strdup ("");
  return result;
}

/**
 * terrind_lua_plugin_result_ref:
 * @result: a plugin result
 *
 * Returns: (transfer full): @result, with one more reference
 *
 * Since: 1.0.1
 */
TerrindLuaPluginResult *
terrind_lua_plugin_result_ref (TerrindLuaPluginResult *result)
{
  g_return_val_if_fail (result != NULL, NULL);

  g_atomic_ref_count_inc (&result->ref_count);
  return result;
}

/**
 * terrind_lua_plugin_result_unref:
 * @result: (transfer full): a plugin result
 *
 * Drops a reference; the last one frees @result.
 *
 * Since: 1.0.1
 */
void
terrind_lua_plugin_result_unref (TerrindLuaPluginResult *result)
{
  g_return_if_fail (result != NULL);

  if (!g_atomic_ref_count_dec (&result->ref_count))
    return;
  g_free (result->name);
  g_free (result->description);
  g_ptr_array_unref (result->subjects);
  g_ptr_array_unref (result->messages);
  g_free (result->report);
  g_free (result->output);
  g_clear_pointer (&result->registry, terrind_registry_unref);
  g_free (result);
}

/**
 * terrind_lua_plugin_result_get_name:
 * @result: a plugin result
 *
 * Returns: (transfer none): the plugin's `name`, or the name it was run
 *   under (the file's base name) when it has none
 *
 * Since: 1.0.1
 */
const char *
terrind_lua_plugin_result_get_name (const TerrindLuaPluginResult *result)
{
  g_return_val_if_fail (result != NULL, NULL);
  return result->name;
}

/**
 * terrind_lua_plugin_result_get_description:
 * @result: a plugin result
 *
 * Returns: (transfer none) (nullable): the plugin's `description`
 *
 * Since: 1.0.1
 */
const char *
terrind_lua_plugin_result_get_description (const TerrindLuaPluginResult *result)
{
  g_return_val_if_fail (result != NULL, NULL);
  return result->description;
}

/**
 * terrind_lua_plugin_result_has_check:
 * @result: a plugin result
 *
 * Returns: whether the plugin has a check function (which ran, since the
 *   plugin succeeded); its findings may still be none
 *
 * Since: 1.0.1
 */
gboolean
terrind_lua_plugin_result_has_check (const TerrindLuaPluginResult *result)
{
  g_return_val_if_fail (result != NULL, FALSE);
  return result->has_check;
}

/**
 * terrind_lua_plugin_result_get_n_findings:
 * @result: a plugin result
 *
 * Returns: how many findings the check returned
 *
 * Since: 1.0.1
 */
guint
terrind_lua_plugin_result_get_n_findings (const TerrindLuaPluginResult *result)
{
  g_return_val_if_fail (result != NULL, 0);
  return result->messages->len;
}

/**
 * terrind_lua_plugin_result_get_finding_subject:
 * @result: a plugin result
 * @index: a finding, below terrind_lua_plugin_result_get_n_findings()
 *
 * Returns: (transfer none) (nullable): the finding's `subject` (an entity
 *   id, usually), or %NULL for a finding that was a plain string
 *
 * Since: 1.0.1
 */
const char *
terrind_lua_plugin_result_get_finding_subject (const TerrindLuaPluginResult *result,
                                               guint                         index)
{
  g_return_val_if_fail (result != NULL, NULL);
  g_return_val_if_fail (index < result->subjects->len, NULL);
  return g_ptr_array_index (result->subjects, index);
}

/**
 * terrind_lua_plugin_result_get_finding_message:
 * @result: a plugin result
 * @index: a finding, below terrind_lua_plugin_result_get_n_findings()
 *
 * Returns: (transfer none): the finding's message
 *
 * Since: 1.0.1
 */
const char *
terrind_lua_plugin_result_get_finding_message (const TerrindLuaPluginResult *result,
                                               guint                         index)
{
  g_return_val_if_fail (result != NULL, NULL);
  g_return_val_if_fail (index < result->messages->len, NULL);
  return g_ptr_array_index (result->messages, index);
}

/**
 * terrind_lua_plugin_result_get_report:
 * @result: a plugin result
 *
 * Returns: (transfer none) (nullable): what the report function returned,
 *   or %NULL when the plugin has none
 *
 * Since: 1.0.1
 */
const char *
terrind_lua_plugin_result_get_report (const TerrindLuaPluginResult *result)
{
  g_return_val_if_fail (result != NULL, NULL);
  return result->report;
}

/**
 * terrind_lua_plugin_result_get_output:
 * @result: a plugin result
 * @length: (out) (optional): where to store the length in bytes
 *
 * What the plugin wrote with `print()`: the values of each call separated
 * by tabs, a newline after each call, as the bytes the plugin produced
 * (they may hold zero bytes, hence @length).
 *
 * Returns: (transfer none): the output, NUL-terminated, empty if the plugin
 *   printed nothing
 *
 * Since: 1.0.1
 */
const char *
terrind_lua_plugin_result_get_output (const TerrindLuaPluginResult *result,
                                      gsize                        *length)
{
  g_return_val_if_fail (result != NULL, NULL);
  if (length != NULL)
    *length = result->output_length;
  return result->output;
}

/**
 * terrind_lua_plugin_result_get_registry:
 * @result: a plugin result
 *
 * The registry as the plugin left it, when the options granted writes and
 * the plugin changed the registry; the host decides whether to use it in
 * place of its own, which the plugin never changes.
 *
 * Returns: (transfer none) (nullable): the changed registry, or %NULL when
 *   the plugin changed nothing or was not allowed to
 *
 * Since: 1.0.1
 */
TerrindRegistry *
terrind_lua_plugin_result_get_registry (const TerrindLuaPluginResult *result)
{
  g_return_val_if_fail (result != NULL, NULL);
  return result->registry;
}

/* The child sends text without zero bytes (it checks), but the parent
 * does not rely on what the child says. */
static char *
wire_text (const char *data,
           gsize       length)
{
  if (memchr (data, '\0', length) != NULL)
    return NULL;
  return g_strndup (data, length);
}

static TerrindRegistry *
wire_registry (const char  *data,
               gsize        length,
               GError     **error)
{
  g_autoptr(TerrindImportOptions) options = terrind_import_options_new ();
  g_autoptr(TerrindRegistry) registry = terrind_registry_new ();
  g_autoptr(GError) import_error = NULL;

  /* The output limit already bounds the document. */
  terrind_import_options_set_max_bytes (options, length);
  if (!terrind_registry_import_data (registry, data, length, options, &import_error))
    {
      g_set_error (error, TERRIND_LUA_PLUGIN_ERROR, TERRIND_LUA_PLUGIN_ERROR_OUTPUT,
                   "the registry the plugin changed cannot be read back: %s",
                   import_error->message);
      return NULL;
    }
  return g_steal_pointer (&registry);
}

static void
replace_text (char **slot,
              char  *text)
{
  g_free (*slot);
  *slot = text;
}

/* Takes one record into @result; FALSE with @error set for an error record
 * or a record that makes no sense. */
static gboolean
take_record (TerrindLuaPluginResult  *result,
             TerrindLuaWireTag        tag,
             const char              *data,
             gsize                    length,
             char                   **subject,
             GError                 **error)
{
  char *text = NULL;

  switch (tag)
    {
    case TERRIND_LUA_WIRE_CHECKED:
      result->has_check = TRUE;
      return TRUE;
    case TERRIND_LUA_WIRE_OUTPUT:
      g_free (result->output);
      result->output = g_malloc (length + 1);
      memcpy (result->output, data, length);
      result->output[length] = '\0';
      result->output_length = length;
      return TRUE;
    case TERRIND_LUA_WIRE_REGISTRY:
      g_clear_pointer (&result->registry, terrind_registry_unref);
      result->registry = wire_registry (data, length, error);
      return result->registry != NULL;
    case TERRIND_LUA_WIRE_ERROR:
      if (length >= 1 && (guint8) data[0] <= TERRIND_LUA_PLUGIN_ERROR_CRASHED &&
          (text = wire_text (data + 1, length - 1)) != NULL)
        {
          g_set_error_literal (error, TERRIND_LUA_PLUGIN_ERROR, (guint8) data[0], text);
          g_free (text);
          return FALSE;
        }
      break;
    case TERRIND_LUA_WIRE_NAME:
    case TERRIND_LUA_WIRE_DESCRIPTION:
    case TERRIND_LUA_WIRE_SUBJECT:
    case TERRIND_LUA_WIRE_FINDING:
    case TERRIND_LUA_WIRE_REPORT:
      text = wire_text (data, length);
      if (text == NULL)
        break;
      if (tag == TERRIND_LUA_WIRE_NAME)
        replace_text (&result->name, text);
      else if (tag == TERRIND_LUA_WIRE_DESCRIPTION)
        replace_text (&result->description, text);
      else if (tag == TERRIND_LUA_WIRE_REPORT)
        replace_text (&result->report, text);
      else if (tag == TERRIND_LUA_WIRE_SUBJECT)
        replace_text (subject, text);
      else
        {
          g_ptr_array_add (result->subjects, g_steal_pointer (subject));
          g_ptr_array_add (result->messages, text);
        }
      return TRUE;
    case TERRIND_LUA_WIRE_END:
      return TRUE;
    }
  g_set_error (error, TERRIND_LUA_PLUGIN_ERROR, TERRIND_LUA_PLUGIN_ERROR_CRASHED,
               "the plugin's process sent back a malformed result (record '%c')",
               g_ascii_isprint (tag) ? tag : '?');
  return FALSE;
}

/* Reads the result the child sent, which the caller has found complete
 * (terrind_lua_wire_is_complete()): a result, or the error it reports. */
TerrindLuaPluginResult *
terrind_lua_plugin_result_from_wire (const guint8  *wire,
                                     gsize          wire_length,
                                     GError       **error)
{
  g_autoptr(TerrindLuaPluginResult) result = result_new ();
  g_autofree char *subject = NULL;
  gsize offset = 0;
  TerrindLuaWireTag tag;
  const char *data;
  gsize length;

  while (terrind_lua_wire_next (wire, wire_length, &offset, &tag, &data, &length))
    if (!take_record (result, tag, data, length, &subject, error))
      return NULL;
  if (result->name == NULL)
    {
      g_set_error_literal (error, TERRIND_LUA_PLUGIN_ERROR, TERRIND_LUA_PLUGIN_ERROR_CRASHED,
                           "the plugin's process sent back a result without a name");
      return NULL;
    }
  return g_steal_pointer (&result);
}
