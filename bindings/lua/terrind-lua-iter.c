/* terrind-lua-iter.c: iterating over a listing with a generic for
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "terrind-lua-private.h"

/* The iterator's state is a hold (terrind-lua-object.c): a snapshot of the
 * listing that references each element, so a loop body may remove entities
 * from the registry without the iterator handing out freed pointers: the
 * loop sees the registry as it was when it began. Once the registry
 * wrapper it was taken from is closed, it refuses to go on, as every
 * wrapper taken from that registry does. */
static int
iter_next (lua_State *L)
{
  TerrindLuaHold *hold = lua_touserdata (L, lua_upvalueindex (1));
  TerrindLuaBox *box;

  /* The box first, the element after: a finalizer run by the allocation
   * may drive this same iterator to its end, which releases the hold. */
  box = terrind_lua_new_box (L, hold->type, lua_upvalueindex (2));
  terrind_lua_check_reached (L, lua_upvalueindex (2));
  if (hold->items == NULL || hold->next >= hold->items->len)
    {
      g_clear_pointer (&hold->items, g_ptr_array_unref);
      terrind_lua_box_adopt (L, box, NULL);
      return 1;
    }
  terrind_lua_box_adopt (L, box, g_ptr_array_index (hold->items, hold->next));
  hold->next++;
  return 1;
}

/* Replaces the hold at @hold_index with an iterator function over its
 * elements; each comes out as a wrapper pinning the value at
 * @parent_index. */
void
terrind_lua_push_iterator (lua_State *L,
                           int        hold_index,
                           int        parent_index)
{
  hold_index = lua_absindex (L, hold_index);
  parent_index = lua_absindex (L, parent_index);
  lua_pushvalue (L, hold_index);
  lua_pushvalue (L, parent_index);
  lua_pushcclosure (L, iter_next, 2);
  lua_replace (L, hold_index);
}
