/* terrind-csv-cell.c: a list field's items in one CSV cell
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * A CSV row is one entity, so a list (a territory's members, a
 * convention's signatories) has to fit in one cell. The encoding is
 * the simplest a person can type in a spreadsheet and a program can
 * always read back: items separated by "|", the fields of an item by
 * ":" in the model's order, a backslash before "|", ":" or "\" that
 * belongs to a value. An empty item field is unset, and trailing ones
 * may be left out: "200000172:CC du Pays de Gex:epci|243400017".
 */

#include "config.h"

#include "terrind-csv-private.h"
#include "terrind-error.h"
#include "terrind-model-private.h"

static void
append_escaped (GString    *out,
                const char *value)
{
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '|' || *p == ':' || *p == '\\')
        g_string_append_c (out, '\\');
      g_string_append_c (out, *p);
    }
}

void
terrind_csv_cell_append_list (GString            *out,
                              const TerrindField *field,
                              gconstpointer       entity)
{
  guint n_items = field->n_items (entity);

  for (guint i = 0; i < n_items; i++)
    {
      char *to_free[8] = { NULL };
      const char *values[8] = { NULL };
      guint n = MIN (field->n_item_fields, G_N_ELEMENTS (values));
      guint last = 0;

      g_assert (field->n_item_fields <= G_N_ELEMENTS (values));
      for (guint j = 0; j < n; j++)
        {
          values[j] = field->get_item (entity, i, j, &to_free[j]);
          if (values[j] != NULL && *values[j] != '\0')
            last = j;
        }
      if (i > 0)
        g_string_append_c (out, '|');
      /* Trailing unset fields are left out. */
      for (guint j = 0; j <= last; j++)
        {
          if (j > 0)
            g_string_append_c (out, ':');
          if (values[j] != NULL)
            append_escaped (out, values[j]);
        }
      for (guint j = 0; j < n; j++)
        g_free (to_free[j]);
    }
}

/* Splits one item into its fields, unescaping, in place. */
static gboolean
split_item (char                *item,
            const TerrindField  *field,
            const char         **values,
            GError             **error)
{
  guint n = 0;
  char *in = item, *out = item;

  values[n++] = out;
  for (; *in != '\0'; in++)
    {
      if (*in == '\\')
        {
          in++;
          if (*in != '|' && *in != ':' && *in != '\\')
            {
              g_set_error_literal (error, TERRIND_ERROR, TERRIND_ERROR_INVALID_VALUE,
                                   "a backslash escapes only “|”, “:” and itself: write "
                                   "“\\\\” for a backslash");
              return FALSE;
            }
          *out++ = *in;
        }
      else if (*in == ':')
        {
          *out++ = '\0';
          if (n == field->n_item_fields)
            {
              g_set_error (error, TERRIND_ERROR, TERRIND_ERROR_INVALID_VALUE,
                           "more than %u fields separated by “:”; write “\\:” for a colon "
                           "in a value", field->n_item_fields);
              return FALSE;
            }
          values[n++] = out;
        }
      else
        *out++ = *in;
    }
  *out = '\0';
  for (guint i = 0; i < field->n_item_fields; i++)
    if (i >= n || *values[i] == '\0')
      values[i] = NULL;
  return TRUE;
}

gboolean
terrind_csv_cell_add_items (const TerrindField *field,
                            gpointer            entity,
                            const char         *cell,
                            GError            **error)
{
  g_autofree char *copy = g_strdup (cell);
  g_autofree const char **values = g_new0 (const char *, field->n_item_fields + 1);
  char *item = copy;
  guint index = 1;

  if (*cell == '\0')
    return TRUE;
  for (;;)
    {
      char *p = item;
      gboolean last;

      /* The end of the item: the next "|" that no backslash escapes. */
      while (*p != '\0' && *p != '|')
        p += (*p == '\\' && p[1] != '\0') ? 2 : 1;
      last = *p == '\0';
      *p = '\0';
      if (!split_item (item, field, values, error) ||
          (values[0] == NULL &&
           (g_set_error_literal (error, TERRIND_ERROR, TERRIND_ERROR_INVALID_VALUE,
                                 "empty (two “|” in a row, or one at an end)"), TRUE)) ||
          !terrind_field_check_item (field, values, error) ||
          !field->add_item (entity, values, error))
        {
          g_prefix_error (error, "item %u: ", index);
          return FALSE;
        }
      if (last)
        return TRUE;
      item = p + 1;
      index++;
    }
}
