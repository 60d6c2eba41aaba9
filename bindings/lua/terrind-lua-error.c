/* terrind-lua-error.c: a GError as a Lua error value
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "terrind-lua-private.h"

/* tostring(err) is the message: the library already writes "FILE:LINE:COL: "
 * in front of the message of an error that has a location. */
static int
error_tostring (lua_State *L)
{
  luaL_checktype (L, 1, LUA_TTABLE);
  lua_getfield (L, 1, "message");
  if (!lua_isstring (L, -1))
    {
      lua_pop (L, 1);
      lua_pushliteral (L, "terrind error");
    }
  return 1;
}

void
terrind_lua_register_error (lua_State *L)
{
  if (luaL_newmetatable (L, TERRIND_LUA_ERROR_TYPE))
    {
      lua_pushcfunction (L, error_tostring);
      lua_setfield (L, -2, "__tostring");
    }
  lua_pop (L, 1);
}

static void
set_string (lua_State  *L,
            const char *key,
            const char *value)
{
  lua_pushstring (L, value);
  lua_setfield (L, -2, key);
}

/**
 * terrind_lua_push_error:
 * @L: a Lua state
 * @error: a #GError, of any domain
 *
 * Pushes the Lua value the binding raises for @error: a table with the
 * metatable `terrind.Error` and the fields `code` (for a #TERRIND_ERROR, the
 * name of the code without prefix, such as "DUPLICATE"; "FAILED" for other
 * domains), `message`, `domain`, and each part of its location that @error
 * carries: `file` (the file an import or I/O error is about, as UTF-8),
 * `line` (from 1, for a problem found inside the file) and `column` (from
 * 1, when the parser knew it); for a #TERRIND_ERROR, `problems`: a
 * sequence of tables `{ file, line, column, message }`, one per problem the
 * error reports (terrind_error_get_problem()). The caller keeps @error.
 *
 * A host that reports errors from its own C functions raises this value
 * with lua_error(), so plugins branch on `err.code` whatever its source.
 */
void
terrind_lua_push_error (lua_State    *L,
                        const GError *error)
{
  gboolean ours;

  g_return_if_fail (L != NULL);
  g_return_if_fail (error != NULL);

  ours = error->domain == TERRIND_ERROR;
  terrind_lua_register_error (L);
  lua_createtable (L, 0, 6);
  set_string (L, "code",
              ours ? terrind_error_code_to_string ((TerrindError) error->code) : "FAILED");
  set_string (L, "message", error->message != NULL ? error->message : "");
  set_string (L, "domain", g_quark_to_string (error->domain));
  /* Each part of the location where the library knows it: an I/O error
   * names its file but has no line, a parse error may have no column. */
  if (ours)
    {
      const char *file = terrind_error_get_file (error);

      if (file != NULL)
        set_string (L, "file", file);
      if (terrind_error_get_line (error) > 0)
        {
          lua_pushinteger (L, terrind_error_get_line (error));
          lua_setfield (L, -2, "line");
        }
      if (terrind_error_get_line (error) > 0 && terrind_error_get_column (error) > 0)
        {
          lua_pushinteger (L, terrind_error_get_column (error));
          lua_setfield (L, -2, "column");
        }
    }
  if (ours)
    {
      /* Every problem an import reported: { file =, line =, column =, message = } */
      guint n = terrind_error_get_n_problems (error);

      lua_createtable (L, (int) n, 0);
      for (guint i = 0; i < n; i++)
        {
          const GError *problem = terrind_error_get_problem (error, i);

          lua_createtable (L, 0, 4);
          if (terrind_error_get_file (problem) != NULL)
            set_string (L, "file", terrind_error_get_file (problem));
          lua_pushinteger (L, terrind_error_get_line (problem));
          lua_setfield (L, -2, "line");
          lua_pushinteger (L, terrind_error_get_column (problem));
          lua_setfield (L, -2, "column");
          set_string (L, "message", problem->message);
          lua_rawseti (L, -2, (lua_Integer) i + 1);
        }
      lua_setfield (L, -2, "problems");
    }
  luaL_setmetatable (L, TERRIND_LUA_ERROR_TYPE);
}

static int
push_error_value (lua_State *L)
{
  terrind_lua_push_error (L, lua_touserdata (L, 1));
  return 1;
}

static void
free_error (gpointer error)
{
  g_error_free (error);
}

/* Raises @error, which it frees first: lua_error() does not return, so
 * nothing may still own memory when it is called. Building the value can
 * itself run out of memory, so @error is freed on that path too. */
void
terrind_lua_raise_error (lua_State *L,
                         GError    *error)
{
  if (error == NULL)
    error = g_error_new_literal (TERRIND_ERROR, TERRIND_ERROR_FAILED,
                                 "the operation failed without saying why");
  terrind_lua_push_and_free (L, push_error_value, error, free_error);
  lua_error (L);
  g_assert_not_reached ();
}

/* For the gboolean-and-GError calls of the API: returns if @success,
 * raises *@error otherwise. @error is passed by address because C does not
 * order the evaluation of arguments: `check (L, call (&error), error)` could
 * read @error before the call sets it. */
void
terrind_lua_check_success (lua_State *L,
                           gboolean   success,
                           GError   **error)
{
  GError *taken = g_steal_pointer (error);

  if (success)
    {
      g_clear_error (&taken);
      return;
    }
  terrind_lua_raise_error (L, taken);
}
