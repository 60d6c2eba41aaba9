/* terrind-py-stubgen.c: writes the terrind package's type stubs, with
 * the entity classes' fields taken from the model description
 *
 * Usage: terrind-py-stubgen TEMPLATE OUTPUT
 *
 * TEMPLATE is the stub file with, in each entity class, one line
 *
 *     @FIELDS kind [more keyword-only parameters]@
 *
 * which becomes the class's __init__() and one attribute per field: a
 * plain annotation when the field is writable, a read-only property
 * otherwise. The names and types are the extension's own
 * (terrind-py-model.h), so the stubs say what the classes do, and a field
 * added to the description needs no edit here or in the template.
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <stdlib.h>
#include <string.h>

#include "terrind-py-model.h"

/* The type of a value as read: "int", "Optional[str]". */
static void
append_value_type (GString            *out,
                   const TerrindField *field)
{
  const char *name = terrind_py_value_class_name (terrind_py_value_class (field));

  if (terrind_py_field_may_be_none (field))
    g_string_append_printf (out, "Optional[%s]", name);
  else
    g_string_append (out, name);
}

/* One item of a list as read: "str", or "Tuple[str, Optional[str]]". */
static void
append_item_type (GString            *out,
                  const TerrindField *field,
                  gboolean            as_read)
{
  guint n = as_read ? terrind_py_list_read_width (field) : terrind_field_get_n_item_fields (field);

  if (n == 1)
    {
      append_value_type (out, terrind_field_get_item_field (field, 0));
      return;
    }
  g_string_append (out, "Tuple[");
  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append (out, ", ");
      append_value_type (out, terrind_field_get_item_field (field, i));
    }
  g_string_append_c (out, ']');
}

/* What the constructor takes for a list: an iterable of items, an item
 * of several fields being a tuple, or its first value alone when that is
 * the only required one; with two item fields, a mapping too. */
static void
append_items_argument (GString            *out,
                       const TerrindField *field)
{
  guint n = terrind_field_get_n_item_fields (field);
  g_autoptr(GString) item = g_string_new (NULL);
  gboolean first_alone = n > 1;

  for (guint i = 1; i < n; i++)
    if (terrind_field_get_flags (terrind_field_get_item_field (field, i)) & TERRIND_FIELD_REQUIRED)
      first_alone = FALSE;
  append_item_type (item, field, FALSE);
  if (first_alone)
    {
      g_string_prepend (item, "Union[str, ");
      g_string_append_c (item, ']');
    }
  g_string_append (out, "Optional[");
  if (n == 2)
    {
      g_string_append_printf (out, "Union[Iterable[%s], Mapping[", item->str);
      append_value_type (out, terrind_field_get_item_field (field, 0));
      g_string_append (out, ", ");
      append_value_type (out, terrind_field_get_item_field (field, 1));
      g_string_append (out, "]]");
    }
  else
    g_string_append_printf (out, "Iterable[%s]", item->str);
  g_string_append (out, "] = ...");
}

static void
append_argument (GString            *out,
                 const char         *indent,
                 const TerrindField *field)
{
  g_autofree char *name = terrind_py_field_name (field);
  const char *type = terrind_py_value_class_argument_name (terrind_py_value_class (field));

  g_string_append_printf (out, "%s    %s: ", indent, name);
  if (terrind_py_field_is_list (field))
    append_items_argument (out, field);
  else if (terrind_py_field_is_positional (field))
    g_string_append (out, type);
  else
    g_string_append_printf (out, "Optional[%s] = ...", type);
  g_string_append (out, ",\n");
}

static void
write_fields (GString           *out,
              const char        *indent,
              const TerrindKind *kind,
              const char        *extra)
{
  guint n = terrind_kind_get_n_fields (kind);
  gboolean keyword_only = extra != NULL && *extra != '\0';

  g_string_append_printf (out, "%sdef __init__(\n%s    self,\n", indent, indent);
  for (guint i = 0; i < n; i++)
    if (terrind_py_field_is_positional (terrind_kind_get_field (kind, i)))
      append_argument (out, indent, terrind_kind_get_field (kind, i));
  for (guint i = 0; i < n; i++)
    {
      const TerrindField *field = terrind_kind_get_field (kind, i);

      if (terrind_py_field_is_argument (field) && !terrind_py_field_is_positional (field))
        keyword_only = TRUE;
    }
  if (keyword_only)
    g_string_append_printf (out, "%s    *,\n", indent);
  for (guint i = 0; i < n; i++)
    {
      const TerrindField *field = terrind_kind_get_field (kind, i);

      if (terrind_py_field_is_argument (field) && !terrind_py_field_is_positional (field))
        append_argument (out, indent, field);
    }
  if (extra != NULL && *extra != '\0')
    g_string_append_printf (out, "%s    %s,\n", indent, extra);
  g_string_append_printf (out, "%s) -> None: ...\n", indent);

  for (guint i = 0; i < n; i++)
    {
      const TerrindField *field = terrind_kind_get_field (kind, i);
      g_autofree char *name = terrind_py_field_name (field);
      g_autoptr(GString) type = g_string_new (NULL);

      if (terrind_py_field_is_list (field))
        {
          g_string_append (type, "Tuple[");
          append_item_type (type, field, TRUE);
          g_string_append (type, ", ...]");
        }
      else
        append_value_type (type, field);
      if (!terrind_py_field_is_list (field) &&
          (terrind_field_get_flags (field) & TERRIND_FIELD_WRITABLE))
        g_string_append_printf (out, "%s%s: %s\n", indent, name, type->str);
      else
        g_string_append_printf (out, "%s@property\n%sdef %s(self) -> %s: ...\n",
                                indent, indent, name, type->str);
    }
}

/* A template line "    @FIELDS kind extra@": FALSE for any other. */
static gboolean
expand_line (GString    *out,
             const char *line,
             GError    **error)
{
  const char *start = line + strspn (line, " ");
  g_autofree char *indent = g_strndup (line, (gsize) (start - line));
  g_autofree char *spec = NULL;
  g_auto(GStrv) words = NULL;
  const TerrindKind *kind;

  if (!g_str_has_prefix (start, "@FIELDS ") || !g_str_has_suffix (start, "@"))
    return FALSE;
  spec = g_strndup (start + strlen ("@FIELDS "), strlen (start) - strlen ("@FIELDS ") - 1);
  words = g_strsplit (spec, " ", 2);
  kind = terrind_model_lookup_kind (words[0]);
  if (kind == NULL)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL, "no kind named “%s”", words[0]);
      return TRUE;
    }
  write_fields (out, indent, kind, words[1]);
  return TRUE;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *template = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_auto(GStrv) lines = NULL;

  if (argc != 3)
    {
      g_printerr ("usage: %s TEMPLATE OUTPUT\n", argv[0]);
      return 2;
    }
  if (!g_file_get_contents (argv[1], &template, NULL, &error))
    goto fail;
  lines = g_strsplit (template, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (!expand_line (out, lines[i], &error))
        g_string_append_printf (out, "%s%s", lines[i], lines[i + 1] != NULL ? "\n" : "");
      if (error != NULL)
        {
          g_prefix_error (&error, "%s:%u: ", argv[1], i + 1);
          goto fail;
        }
    }
  if (!g_file_set_contents (argv[2], out->str, (gssize) out->len, &error))
    goto fail;
  return 0;

fail:
  g_printerr ("%s: %s\n", argv[0], error->message);
  return 1;
}
