/* terrind-lua-iter.c: iterating over a listing with a generic for
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "terrind-lua-private.h"

#define ITERATOR_TYPE "terrind.Iterator"

/* A snapshot of a listing. It holds a reference to each element, so a loop
 * body may remove entities from the registry without the iterator handing
 * out freed pointers: the loop sees the registry as it was when it began. */
typedef struct {
  GPtrArray *items;
  guint      next;
} TerrindLuaIterState;

static int
iter_state_gc (lua_State *L)
{
  TerrindLuaIterState *state = luaL_checkudata (L, 1, ITERATOR_TYPE);

  g_clear_pointer (&state->items, g_ptr_array_unref);
  return 0;
}

static int
iter_next (lua_State *L)
{
  TerrindLuaIterState *state = lua_touserdata (L, lua_upvalueindex (1));
  const TerrindLuaType *type = lua_touserdata (L, lua_upvalueindex (3));

  if (state->items == NULL || state->next >= state->items->len)
    {
      g_clear_pointer (&state->items, g_ptr_array_unref);
      lua_pushnil (L);
      return 1;
    }
  terrind_lua_push_object (L, type, g_ptr_array_index (state->items, state->next),
                           lua_upvalueindex (2));
  state->next++;
  return 1;
}

/* Pushes an iterator function over @items (transfer container, elements
 * borrowed, as the registry's listings return them); each element comes out
 * as a wrapper of @type pinning the value at @parent_index. Takes @items. */
void
terrind_lua_push_iterator (lua_State            *L,
                           const TerrindLuaType *type,
                           GPtrArray            *items,
                           int                   parent_index)
{
  TerrindLuaIterState *state;

  parent_index = lua_absindex (L, parent_index);
  if (luaL_newmetatable (L, ITERATOR_TYPE))
    {
      lua_pushcfunction (L, iter_state_gc);
      lua_setfield (L, -2, "__gc");
      lua_pushliteral (L, ITERATOR_TYPE);
      lua_setfield (L, -2, "__metatable");
    }
  lua_pop (L, 1);

  /* The array is stored before anything else can raise, so Lua's garbage
   * collector owns it from here on. */
  state = lua_newuserdatauv (L, sizeof (TerrindLuaIterState), 0);
  state->items = g_ptr_array_new_full (items->len, type->unref);
  state->next = 0;
  for (guint i = 0; i < items->len; i++)
    g_ptr_array_add (state->items, type->ref (g_ptr_array_index (items, i)));
  g_ptr_array_unref (items);
  luaL_setmetatable (L, ITERATOR_TYPE);

  lua_pushvalue (L, parent_index);
  lua_pushlightuserdata (L, (gpointer) type);
  lua_pushcclosure (L, iter_next, 3);
}
