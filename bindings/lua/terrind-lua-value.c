/* terrind-lua-value.c: converting Lua values to the C types of the API
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <string.h>

#include "terrind-lua-private.h"

/* Every string goes to C as a NUL-terminated string, so a Lua string with a
 * zero byte inside would be silently cut short there: refuse it instead. */
static gboolean
has_inner_zero (const char *text,
                size_t      length)
{
  return memchr (text, '\0', length) != NULL;
}

/* A string, or a number as Lua writes it (84 is "84", 84.0 is "84.0"), as
 * the standard library's luaL_checklstring() takes it. Converting a number
 * replaces it on the stack with its string, which allocates and so may run
 * finalizers: callers convert their arguments before they read any
 * wrapper (terrind-lua-private.h). */
const char *
terrind_lua_check_text (lua_State *L,
                        int        arg)
{
  size_t length;
  const char *text;

  if (lua_type (L, arg) != LUA_TSTRING && lua_type (L, arg) != LUA_TNUMBER)
    luaL_typeerror (L, arg, "string");
  text = lua_tolstring (L, arg, &length);
  if (has_inner_zero (text, length))
    luaL_argerror (L, arg, "string contains a zero byte");
  return text;
}

const char *
terrind_lua_opt_text (lua_State *L,
                      int        arg)
{
  if (lua_isnoneornil (L, arg))
    return NULL;
  return terrind_lua_check_text (L, arg);
}

/* An integer, a float with an integral value, or a string that reads as
 * one, as luaL_checkinteger() takes them; 1.5 raises "number has no integer
 * representation". Nothing here allocates. */
guint
terrind_lua_check_uint (lua_State *L,
                        int        arg)
{
  lua_Integer value = luaL_checkinteger (L, arg);

  if (value < 0 || (lua_Unsigned) value > G_MAXUINT)
    luaL_argerror (L, arg, "integer out of range");
  return (guint) value;
}

/* The text of a field's value: a string, or a number as Lua writes it, as
 * for arguments. A number is converted in place, so @index should be a
 * copy the caller owns, not a slot of a table being traversed. */
const char *
terrind_lua_value_text (lua_State  *L,
                        int         index,
                        const char *field,
                        gboolean    nullable)
{
  size_t length;
  const char *text;

  if (nullable && lua_isnoneornil (L, index))
    return NULL;
  if (lua_type (L, index) != LUA_TSTRING && lua_type (L, index) != LUA_TNUMBER)
    luaL_error (L, "bad value for field '%s' (string%s expected, got %s)",
                field, nullable ? " or nil" : "", luaL_typename (L, index));
  text = lua_tolstring (L, index, &length);
  if (has_inner_zero (text, length))
    luaL_error (L, "bad value for field '%s' (string contains a zero byte)", field);
  return text;
}

/* An integer: a Lua integer, a float with an integral value, or a string
 * that reads as one ("2021", as luaL_checkinteger() reads it, so field
 * values take what arguments take). A fraction, as a number or as a
 * string, is refused by name. Nothing here allocates. */
static lua_Integer
value_integer (lua_State  *L,
               int         index,
               const char *field)
{
  int is_integer = 0;
  lua_Integer value = lua_tointegerx (L, index, &is_integer);
  int type = lua_type (L, index);

  if (!is_integer)
    {
      if (type == LUA_TNUMBER || (type == LUA_TSTRING && lua_isnumber (L, index)))
        {
          /* Inside the range of an integer, a number that is not one has
           * a fractional part; outside it (and NaN), it does not fit. */
          lua_Number number = lua_tonumber (L, index);
          gboolean in_range = number >= (lua_Number) -0x1p63 && number < (lua_Number) 0x1p63;

          luaL_error (L, "bad value for field '%s' (%s)", field,
                      in_range ? "integer expected, got a fraction" : "integer out of range");
        }
      luaL_error (L, "bad value for field '%s' (integer expected, got %s)",
                  field, luaL_typename (L, index));
    }
  return value;
}

gint64
terrind_lua_value_int64 (lua_State  *L,
                         int         index,
                         const char *field)
{
  G_STATIC_ASSERT (sizeof (lua_Integer) == sizeof (gint64));

  return (gint64) value_integer (L, index, field);
}

gboolean
terrind_lua_value_boolean (lua_State  *L,
                           int         index,
                           const char *field)
{
  if (!lua_isboolean (L, index))
    luaL_error (L, "bad value for field '%s' (boolean expected, got %s)",
                field, luaL_typename (L, index));
  return lua_toboolean (L, index);
}

/* Pushes table[field] and returns its stack index. A raw get: a
 * constructor table is data, its metamethods are not consulted. */
int
terrind_lua_get_field (lua_State  *L,
                       int         table_index,
                       const char *field)
{
  lua_pushstring (L, field);
  lua_rawget (L, table_index);
  return lua_gettop (L);
}
