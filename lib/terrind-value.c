/* terrind-value.c: the text forms of the model's numbers and booleans
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "terrind-error.h"
#include "terrind-model-private.h"
#include "terrind-quote-private.h"

/* Digits only, at most @max: numbers have one text form, so that a
 * canonical file round-trips byte for byte. */
gboolean
terrind_value_parse_uint (const char  *value,
                          guint64      max,
                          guint64     *out,
                          GError     **error)
{
  guint64 number = 0;
  const char *p;

  for (p = value; g_ascii_isdigit (*p); p++)
    {
      guint digit = (guint) (*p - '0');

      if (number > (max - digit) / 10)
        {
          g_autofree char *quoted = terrind_quote (value);

          g_set_error (error, TERRIND_ERROR, TERRIND_ERROR_INVALID_VALUE,
                       "%s is larger than %" G_GUINT64_FORMAT, quoted, max);
          return FALSE;
        }
      number = number * 10 + digit;
    }
  if (p == value || *p != '\0')
    {
      g_autofree char *quoted = terrind_quote (value);

      g_set_error (error, TERRIND_ERROR, TERRIND_ERROR_INVALID_VALUE,
                   "%s is not a number (digits only, no sign)", quoted);
      return FALSE;
    }
  *out = number;
  return TRUE;
}

/* The lexical forms of xs:boolean. */
gboolean
terrind_value_parse_boolean (const char  *value,
                             gboolean    *out,
                             GError     **error)
{
  if (g_str_equal (value, "true") || g_str_equal (value, "1"))
    *out = TRUE;
  else if (g_str_equal (value, "false") || g_str_equal (value, "0"))
    *out = FALSE;
  else
    {
      g_autofree char *quoted = terrind_quote (value);

      g_set_error (error, TERRIND_ERROR, TERRIND_ERROR_INVALID_VALUE,
                   "%s is not true or false", quoted);
      return FALSE;
    }
  return TRUE;
}

char *
terrind_value_format_uint (guint64 value)
{
  return g_strdup_printf ("%" G_GUINT64_FORMAT, value);
}

/* Whether @value is one of the choices of the ENUM @field. */
gboolean
terrind_value_check_choice (const TerrindField *field,
                            const char         *value,
                            GError            **error)
{
  g_autofree char *quoted = NULL;
  g_autofree char *choices = NULL;

  for (guint i = 0; field->choices[i] != NULL; i++)
    if (g_str_equal (field->choices[i], value))
      return TRUE;
  quoted = terrind_quote (value);
  choices = g_strjoinv (", ", (char **) field->choices);
  g_set_error (error, TERRIND_ERROR, TERRIND_ERROR_INVALID_VALUE,
               "%s is not one of %s", quoted, choices);
  return FALSE;
}

gboolean
terrind_field_prefix_error (gboolean            ok,
                            const TerrindField *field,
                            GError            **error)
{
  if (!ok)
    g_prefix_error (error, "field “%s”: ", field->name);
  return ok;
}

gboolean
terrind_value_parse_phase (const char  *value,
                           guint64     *out,
                           GError     **error)
{
  if (!terrind_value_parse_uint (value, G_MAXUINT, out, error))
    return FALSE;
  if (*out == 0)
    {
      g_set_error (error, TERRIND_ERROR, TERRIND_ERROR_INVALID_VALUE,
                   "phases are numbered from 1");
      return FALSE;
    }
  return TRUE;
}
