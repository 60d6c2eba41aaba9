/* terrind-py-model.h: how the Python binding names and types the model
 * description's kinds and fields
 *
 * The extension (terrind-py-model.c) and the stub generator
 * (terrind-py-stubgen.c) both include this file, so the names a class
 * has and the types its stubs claim come from one place. No Python.h
 * here: the generator is a plain C program.
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <terrind.h>

G_BEGIN_DECLS

/* The Python type a value of the description becomes. */
typedef enum {
  TERRIND_PY_VALUE_STR,
  TERRIND_PY_VALUE_INT,
  TERRIND_PY_VALUE_BOOL,
  TERRIND_PY_VALUE_DATE,
} TerrindPyValueClass;

/* Numbers are int, booleans bool, dates datetime.date (since 1.1; a str
 * before); everything else (ids, references, codes, choices...) keeps its
 * text form as a str. */
static inline TerrindPyValueClass
terrind_py_value_class (const TerrindField *field)
{
  switch (terrind_field_get_value_type (field))
    {
    case TERRIND_VALUE_COUNT:
    case TERRIND_VALUE_YEAR:
    case TERRIND_VALUE_AMOUNT:
      return TERRIND_PY_VALUE_INT;
    case TERRIND_VALUE_BOOLEAN:
      return TERRIND_PY_VALUE_BOOL;
    case TERRIND_VALUE_DATE:
      return TERRIND_PY_VALUE_DATE;
    case TERRIND_VALUE_ID:
    case TERRIND_VALUE_REFERENCE:
    case TERRIND_VALUE_NAME:
    case TERRIND_VALUE_TEXT:
    case TERRIND_VALUE_CODE:
    case TERRIND_VALUE_ENUM:
    case TERRIND_VALUE_SIREN:
    case TERRIND_VALUE_EMAIL:
    case TERRIND_VALUE_PHONE:
    case TERRIND_VALUE_LIST:
    default:
      return TERRIND_PY_VALUE_STR;
    }
}

static inline const char *
terrind_py_value_class_name (TerrindPyValueClass value_class)
{
  switch (value_class)
    {
    case TERRIND_PY_VALUE_INT:  return "int";
    case TERRIND_PY_VALUE_BOOL: return "bool";
    case TERRIND_PY_VALUE_DATE: return "datetime.date";
    case TERRIND_PY_VALUE_STR:
    default:                    return "str";
    }
}

/* What a setter or constructor takes: a date also as its ISO text. */
static inline const char *
terrind_py_value_class_argument_name (TerrindPyValueClass value_class)
{
  if (value_class == TERRIND_PY_VALUE_DATE)
    return "Union[datetime.date, str]";
  return terrind_py_value_class_name (value_class);
}

/* A boolean always reads as True or False: False is what the library
 * makes of an unset one. Required fields are always set. Anything else
 * may read as None. */
static inline gboolean
terrind_py_field_may_be_none (const TerrindField *field)
{
  return !(terrind_field_get_flags (field) & TERRIND_FIELD_REQUIRED) &&
         terrind_py_value_class (field) != TERRIND_PY_VALUE_BOOL;
}

static inline gboolean
terrind_py_field_is_list (const TerrindField *field)
{
  return terrind_field_get_value_type (field) == TERRIND_VALUE_LIST;
}

/* How many item fields a list shows when read: all of them, or only the
 * first when the others are details (a member reads as its SIREN, as in
 * 1.0). Adding an item still takes every field. */
static inline guint
terrind_py_list_read_width (const TerrindField *field)
{
  guint n = terrind_field_get_n_item_fields (field);

  for (guint i = 1; i < n; i++)
    if (!(terrind_field_get_flags (terrind_field_get_item_field (field, i)) & TERRIND_FIELD_DETAIL))
      return n;
  return 1;
}

/*
 * terrind_py_field_name:
 *
 * Returns: (transfer full): the field's Python name: its XML name with
 *   "-" written "_" ("first-year" becomes "first_year"), which
 *   terrind_kind_lookup_field() also accepts.
 */
static inline char *
terrind_py_field_name (const TerrindField *field)
{
  return g_strdelimit (g_strdup (terrind_field_get_name (field)), "-", '_');
}

/*
 * terrind_py_class_name:
 *
 * Returns: (transfer full): the class of a kind: "territory" is
 *   terrind.Territory.
 */
static inline char *
terrind_py_class_name (const TerrindKind *kind)
{
  char *name = g_strdup (terrind_kind_get_name (kind));

  name[0] = g_ascii_toupper (name[0]);
  return name;
}

/* Whether the constructor of @field's kind takes it (a parent field is
 * set by adding the entity to its parent), and whether positionally:
 * required fields come first, in the description's order; the others
 * are keyword-only. */
static inline gboolean
terrind_py_field_is_argument (const TerrindField *field)
{
  return !(terrind_field_get_flags (field) & TERRIND_FIELD_PARENT);
}

static inline gboolean
terrind_py_field_is_positional (const TerrindField *field)
{
  return terrind_py_field_is_argument (field) &&
         (terrind_field_get_flags (field) & TERRIND_FIELD_REQUIRED) != 0;
}

G_END_DECLS
