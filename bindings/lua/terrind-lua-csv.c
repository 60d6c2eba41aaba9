/* terrind-lua-csv.c: reg:import_csv(), reg:import_csv_string(),
 * reg:export_csv()
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The options table is read (which may run metamethods, and with them a
 * finalizer) before the registry is looked up; the library runs to
 * completion, freeing what it allocates, before an error is raised.
 */

#include "terrind-lua-private.h"

#define REGISTRY (&terrind_lua_registry_type)

typedef struct {
  const TerrindKind *kind;
  TerrindCsvFlags    flags;
  lua_Integer        max_errors;  /* -1: the default */
} CsvOptions;

static const TerrindKind *
check_kind (lua_State  *L,
            int         arg,
            const char *name)
{
  guint n_kinds;
  const TerrindKind * const *kinds = terrind_model_get_kinds (&n_kinds);

  for (guint i = 0; i < n_kinds; i++)
    if (g_str_equal (name, terrind_kind_get_name (kinds[i])) ||
        g_str_equal (name, terrind_kind_get_plural (kinds[i])))
      return kinds[i];
  luaL_argerror (L, arg, "unknown kind");
  return NULL;
}

/* { kind =, replace =, separator =, max_errors = } or { excel = } */
static CsvOptions
read_options (lua_State          *L,
              int                 arg,
              const char * const *known)
{
  CsvOptions options = { NULL, TERRIND_CSV_NONE, -1 };

  if (lua_isnoneornil (L, arg))
    return options;
  luaL_checktype (L, arg, LUA_TTABLE);
  lua_pushnil (L);
  while (lua_next (L, arg) != 0)
    {
      if (lua_type (L, -2) != LUA_TSTRING || !g_strv_contains (known, lua_tostring (L, -2)))
        luaL_argerror (L, arg, "unknown CSV option");
      lua_pop (L, 1);
    }
  if (lua_getfield (L, arg, "kind") != LUA_TNIL)
    options.kind = check_kind (L, arg, luaL_checkstring (L, -1));
  lua_pop (L, 1);
  if (lua_getfield (L, arg, "replace") != LUA_TNIL && lua_toboolean (L, -1))
    options.flags |= TERRIND_CSV_REPLACE;
  lua_pop (L, 1);
  if (lua_getfield (L, arg, "excel") != LUA_TNIL && lua_toboolean (L, -1))
    options.flags |= TERRIND_CSV_EXCEL;
  lua_pop (L, 1);
  if (lua_getfield (L, arg, "separator") != LUA_TNIL)
    {
      const char *separator = luaL_checkstring (L, -1);

      if (g_str_equal (separator, ","))
        options.flags |= TERRIND_CSV_COMMA;
      else if (g_str_equal (separator, ";"))
        options.flags |= TERRIND_CSV_SEMICOLON;
      else
        luaL_argerror (L, arg, "separator must be ',' or ';'");
    }
  lua_pop (L, 1);
  if (lua_getfield (L, arg, "max_errors") != LUA_TNIL)
    {
      options.max_errors = luaL_checkinteger (L, -1);
      if (options.max_errors < 0 || (lua_Unsigned) options.max_errors > G_MAXUINT)
        luaL_argerror (L, arg, "max_errors must be 0 or more");
    }
  lua_pop (L, 1);
  return options;
}

static const char * const import_options[] = { "kind", "replace", "separator", "max_errors", NULL };

/* Runs the import, path or text, and returns the rows it imported. */
static guint64
run_import (lua_State        *L,
            const char       *path,
            const char       *data,
            size_t            length,
            const CsvOptions *options)
{
  TerrindRegistry *registry = terrind_lua_check_mutable (L, 1, REGISTRY);
  GError *error = NULL;
  guint64 n_rows = 0;
  gboolean ok;

  {
    g_autoptr(TerrindImportOptions) limits = terrind_import_options_new ();

    if (options->max_errors >= 0)
      terrind_import_options_set_max_errors (limits, (guint) options->max_errors);
    if (path != NULL)
      ok = terrind_registry_import_csv_file (registry, path, options->kind, options->flags,
                                             limits, &n_rows, &error);
    else
      ok = terrind_registry_import_csv_data (registry, data, length, options->kind,
                                             options->flags, limits, &n_rows, &error);
  }
  terrind_lua_check_success (L, ok, &error);
  return n_rows;
}

/* reg:import_csv(path [, options]) → rows */
int
terrind_lua_registry_import_csv (lua_State *L)
{
  const char *path = terrind_lua_check_text (L, 2);
  CsvOptions options = read_options (L, 3, import_options);

  terrind_lua_check_files (L, "import_csv");
  lua_pushinteger (L, (lua_Integer) run_import (L, path, NULL, 0, &options));
  return 1;
}

/* reg:import_csv_string(text [, options]) → rows */
int
terrind_lua_registry_import_csv_string (lua_State *L)
{
  size_t length;
  const char *data = luaL_checklstring (L, 2, &length);
  CsvOptions options = read_options (L, 3, import_options);

  lua_pushinteger (L, (lua_Integer) run_import (L, NULL, data, length, &options));
  return 1;
}

typedef struct {
  char  *data;
  gsize  length;
} CsvText;

static void
text_free (gpointer text)
{
  g_free (((CsvText *) text)->data);
}

static int
push_text (lua_State *L)
{
  const CsvText *text = lua_touserdata (L, 1);

  lua_pushlstring (L, text->data, text->length);
  return 1;
}

/* reg:export_csv(kind [, { excel = }]) → text */
int
terrind_lua_registry_export_csv (lua_State *L)
{
  static const char * const known[] = { "excel", NULL };
  const TerrindKind *kind = check_kind (L, 2, luaL_checkstring (L, 2));
  CsvOptions options = read_options (L, 3, known);
  TerrindRegistry *registry = terrind_lua_check_object (L, 1, REGISTRY);
  GError *error = NULL;
  CsvText text = { NULL, 0 };

  text.data = terrind_registry_export_csv_data (registry, kind, options.flags, &text.length,
                                                &error);
  if (text.data == NULL)
    terrind_lua_raise_error (L, error);
  terrind_lua_push_and_free (L, push_text, &text, text_free);
  return 1;
}
