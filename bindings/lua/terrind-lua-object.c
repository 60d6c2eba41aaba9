/* terrind-lua-object.c: the userdata, metatables and metamethods every
 * wrapped type shares
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <string.h>

#include "terrind-lua-private.h"

static const TerrindLuaType * const all_types[] = {
  &terrind_lua_region_type,
  &terrind_lua_territory_type,
  &terrind_lua_operator_type,
  &terrind_lua_commitment_type,
  &terrind_lua_convention_type,
  &terrind_lua_referent_type,
  &terrind_lua_registry_type,
};

/* The type a metamethod closure was made for is its last upvalue: a
 * script can call any metamethod with any value, so each one checks. */
static const TerrindLuaType *
closure_type (lua_State *L,
              int        upvalue)
{
  return lua_touserdata (L, lua_upvalueindex (upvalue));
}

static TerrindLuaBox *
check_box (lua_State            *L,
           int                   index,
           const TerrindLuaType *type)
{
  return luaL_checkudata (L, index, type->metatable);
}

static G_NORETURN void
raise_closed (lua_State            *L,
              const TerrindLuaType *type)
{
  luaL_error (L, "attempt to use a closed terrind %s", type->name);
  g_assert_not_reached ();
}

gpointer
terrind_lua_test_object (lua_State            *L,
                         int                   index,
                         const TerrindLuaType *type)
{
  TerrindLuaBox *box = luaL_testudata (L, index, type->metatable);

  if (box == NULL)
    return NULL;
  if (box->object == NULL)
    raise_closed (L, type);
  return box->object;
}

gpointer
terrind_lua_check_object (lua_State            *L,
                          int                   index,
                          const TerrindLuaType *type)
{
  TerrindLuaBox *box = check_box (L, index, type);

  if (box->object == NULL)
    raise_closed (L, type);
  return box->object;
}

/* For the functions that change an object: also refuses an object that a
 * read-only registry holds (terrind-lua-policy.c). The registry is asked
 * for now, not remembered, because entities move between registries. */
gpointer
terrind_lua_check_mutable (lua_State            *L,
                           int                   index,
                           const TerrindLuaType *type)
{
  gpointer object = terrind_lua_check_object (L, index, type);

  terrind_lua_check_write (L, type->get_registry (object));
  return object;
}

/* Accepts a wrapper of @type, or a table from which the type's constructor
 * builds one; either way the wrapper is left at @index. */
gpointer
terrind_lua_check_or_build (lua_State            *L,
                            int                   index,
                            const TerrindLuaType *type)
{
  index = lua_absindex (L, index);
  if (lua_istable (L, index) && type->construct != NULL)
    {
      lua_pushcfunction (L, type->construct);
      lua_pushvalue (L, index);
      lua_call (L, 1, 1);
      lua_replace (L, index);
    }
  return terrind_lua_check_object (L, index, type);
}

TerrindLuaBox *
terrind_lua_new_box (lua_State            *L,
                     const TerrindLuaType *type,
                     int                   parent_index)
{
  TerrindLuaBox *box;

  if (parent_index != 0)
    parent_index = lua_absindex (L, parent_index);
  box = lua_newuserdatauv (L, sizeof (TerrindLuaBox), 1);
  box->object = NULL;
  box->type = type;
  luaL_setmetatable (L, type->metatable);
  if (parent_index != 0)
    {
      /* The pin: the parent's wrapper stays alive as long as this one. */
      lua_pushvalue (L, parent_index);
      lua_setiuservalue (L, -2, 1);
    }
  return box;
}

/* Gives the box at the top of the stack, made by terrind_lua_new_box(), its
 * own reference to @borrowed, or replaces it with nil when @borrowed is
 * NULL. The caller resolves @borrowed after making the box, and nothing
 * between the two may allocate in Lua. */
void
terrind_lua_box_adopt (lua_State     *L,
                       TerrindLuaBox *box,
                       gpointer       borrowed)
{
  g_assert (lua_touserdata (L, -1) == box && box->object == NULL);

  if (borrowed == NULL)
    {
      lua_pushnil (L);
      lua_replace (L, -2);
      return;
    }
  box->object = box->type->ref (borrowed);
}

/* Pushes a new wrapper holding its own reference to @object, pinning the
 * value at @parent_index (0: none). Only for an @object the caller owns a
 * reference to (the allocation can run finalizers); a borrowed pointer goes
 * through terrind_lua_new_box() and terrind_lua_box_adopt(). */
void
terrind_lua_push_object (lua_State            *L,
                         const TerrindLuaType *type,
                         gpointer              object,
                         int                   parent_index)
{
  TerrindLuaBox *box = terrind_lua_new_box (L, type, parent_index);

  terrind_lua_box_adopt (L, box, object);
}

#define HOLD_TYPE "terrind.Hold"

static int
hold_release (lua_State *L)
{
  TerrindLuaHold *hold = luaL_checkudata (L, 1, HOLD_TYPE);

  g_clear_pointer (&hold->items, g_ptr_array_unref);
  return 0;
}

/* Pushes an empty hold for objects of @type, to be filled once it exists
 * (terrind_lua_hold_take(), terrind_lua_hold_add()): whatever is referenced
 * into it is released by the garbage collector, or at once when the hold
 * is a to-be-closed slot, however the function that made it ends. */
TerrindLuaHold *
terrind_lua_push_hold (lua_State            *L,
                       const TerrindLuaType *type)
{
  TerrindLuaHold *hold;

  if (luaL_newmetatable (L, HOLD_TYPE))
    {
      lua_pushcfunction (L, hold_release);
      lua_setfield (L, -2, "__gc");
      lua_pushcfunction (L, hold_release);
      lua_setfield (L, -2, "__close");
      lua_pushliteral (L, HOLD_TYPE);
      lua_setfield (L, -2, "__metatable");
    }
  lua_pop (L, 1);

  hold = lua_newuserdatauv (L, sizeof (TerrindLuaHold), 0);
  hold->type = type;
  hold->items = NULL;
  hold->next = 0;
  luaL_setmetatable (L, HOLD_TYPE);
  /* Only C allocations from here on: they cannot run finalizers. */
  hold->items = g_ptr_array_new_with_free_func (type->unref);
  return hold;
}

/* References every element of @borrowed (transfer container, elements
 * borrowed: what the registry's listings return; NULL for none) into
 * @hold and frees the array. */
void
terrind_lua_hold_take (TerrindLuaHold *hold,
                       GPtrArray      *borrowed)
{
  if (borrowed == NULL)
    return;
  for (guint i = 0; i < borrowed->len; i++)
    terrind_lua_hold_add (hold, g_ptr_array_index (borrowed, i));
  g_ptr_array_unref (borrowed);
}

void
terrind_lua_hold_add (TerrindLuaHold *hold,
                      gpointer        borrowed)
{
  g_ptr_array_add (hold->items, hold->type->ref (borrowed));
}

/* Pushes the one value @push makes of @data (given to it as a light
 * userdata at index 1), then frees @data with @destroy whatever happened,
 * and raises again what @push raised. The way to hand a C buffer to Lua
 * calls that can raise (all of them can, when memory runs out) without
 * leaking it: the call is protected, so the buffer is freed on the way. */
void
terrind_lua_push_and_free (lua_State     *L,
                           lua_CFunction  push,
                           gpointer       data,
                           GDestroyNotify destroy)
{
  int status;

  /* Neither push allocates (a C function without upvalues is a light
   * value), and a C function always has room for two more values.
   * lua_pcall() itself may allocate, but inside the protection. */
  lua_pushcfunction (L, push);
  lua_pushlightuserdata (L, data);
  status = lua_pcall (L, 1, 1, 0);
  destroy (data);
  if (status != LUA_OK)
    lua_error (L);
}

/* Sets every field of the constructor table at @table_index that is not in
 * @handled (a NULL-terminated list) through the type's setters, so a
 * constructor accepts exactly what assignment accepts. */
void
terrind_lua_apply_fields (lua_State          *L,
                          int                 table_index,
                          TerrindLuaBox      *box,
                          const char * const *handled)
{
  table_index = lua_absindex (L, table_index);
  lua_pushnil (L);
  while (lua_next (L, table_index) != 0)
    {
      const TerrindLuaField *field = NULL;
      const char *name;

      if (lua_type (L, -2) != LUA_TSTRING)
        luaL_error (L, "bad key in terrind %s constructor (field name expected, got %s)",
                    box->type->name, luaL_typename (L, -2));
      name = lua_tostring (L, -2);
      if (handled == NULL || !g_strv_contains ((const char * const *) handled, name))
        {
          for (const TerrindLuaField *f = box->type->fields; f->name != NULL; f++)
            if (strcmp (f->name, name) == 0)
              field = f;
          if (field == NULL)
            luaL_error (L, "terrind %s has no field '%s'", box->type->name, name);
          if (field->set == NULL)
            luaL_error (L, "field '%s' of terrind %s cannot be set", name, box->type->name);
          field->set (L, box->object, lua_gettop (L), name);
        }
      lua_pop (L, 1);
    }
}

/* Close is shared by __gc, __close and :close(), and idempotent. It drops
 * the wrapper's reference and its pin; other wrappers are not affected. */
static void
release_box (lua_State     *L,
             int            index,
             TerrindLuaBox *box)
{
  gpointer object = box->object;

  box->object = NULL;
  if (object != NULL)
    box->type->unref (object);
  lua_pushnil (L);
  lua_setiuservalue (L, index, 1);
}

static int
object_close (lua_State *L)
{
  release_box (L, 1, check_box (L, 1, closure_type (L, 1)));
  return 0;
}

/* __gc and __close: __close also receives the error object, and __gc may
 * run during lua_close(), so neither looks at anything but the box. */
static int
object_gc (lua_State *L)
{
  TerrindLuaBox *box = luaL_testudata (L, 1, closure_type (L, 1)->metatable);

  if (box != NULL)
    release_box (L, 1, box);
  return 0;
}

static int
object_index (lua_State *L)
{
  const TerrindLuaType *type = closure_type (L, 3);
  TerrindLuaBox *box = check_box (L, 1, type);
  const TerrindLuaField *field;

  /* Methods first, so that :close() works on a closed object. */
  lua_pushvalue (L, 2);
  if (lua_rawget (L, lua_upvalueindex (1)) != LUA_TNIL)
    return 1;
  lua_pop (L, 1);

  lua_pushvalue (L, 2);
  lua_rawget (L, lua_upvalueindex (2));
  field = lua_touserdata (L, -1);
  lua_pop (L, 1);
  if (field == NULL)
    return luaL_error (L, "terrind %s has no field '%s'", type->name,
                       lua_type (L, 2) == LUA_TSTRING ? lua_tostring (L, 2) : luaL_typename (L, 2));
  if (field->builds)
    {
      /* The hold first, then the object read again: a finalizer run by
       * this allocation may have closed the wrapper. */
      TerrindLuaHold *hold = terrind_lua_push_hold (L, type);

      lua_toclose (L, -1);
      if (box->object == NULL)
        raise_closed (L, type);
      terrind_lua_hold_add (hold, box->object);
      field->get (L, g_ptr_array_index (hold->items, 0));
      return 1;
    }
  if (box->object == NULL)
    raise_closed (L, type);
  field->get (L, box->object);
  return 1;
}

static int
object_newindex (lua_State *L)
{
  const TerrindLuaType *type = closure_type (L, 2);
  const TerrindLuaField *field;
  const char *name;

  check_box (L, 1, type);
  lua_pushvalue (L, 2);
  lua_rawget (L, lua_upvalueindex (1));
  field = lua_touserdata (L, -1);
  lua_pop (L, 1);
  if (field == NULL)
    return luaL_error (L, "terrind %s has no field '%s'", type->name,
                       lua_type (L, 2) == LUA_TSTRING ? lua_tostring (L, 2) : luaL_typename (L, 2));
  name = lua_tostring (L, 2);
  if (field->set == NULL)
    return luaL_error (L, "field '%s' of terrind %s is read-only", name, type->name);
  field->set (L, terrind_lua_check_mutable (L, 1, type), 3, name);
  return 0;
}

static int
object_tostring (lua_State *L)
{
  const TerrindLuaType *type = closure_type (L, 1);
  TerrindLuaBox *box = check_box (L, 1, type);

  if (box->object == NULL)
    lua_pushfstring (L, "%s (closed)", type->metatable);
  else if (type->describe != NULL)
    type->describe (L, box->object);
  else
    lua_pushfstring (L, "%s: %s", type->metatable, type->get_id (box->object));
  return 1;
}

/* Two wrappers are equal when their objects are equal by value (the
 * library's _equal()), which includes two wrappers of one object. */
static int
object_eq (lua_State *L)
{
  const TerrindLuaType *type = closure_type (L, 1);
  TerrindLuaBox *a = luaL_testudata (L, 1, type->metatable);
  TerrindLuaBox *b = luaL_testudata (L, 2, type->metatable);

  if (a == NULL || b == NULL)
    {
      lua_pushboolean (L, FALSE);
      return 1;
    }
  if (a->object == NULL || b->object == NULL)
    raise_closed (L, type);
  lua_pushboolean (L, a->object == b->object || type->equal (a->object, b->object));
  return 1;
}

/* terrind.Territory{...} calls the constructor; the class table itself is
 * the first argument of __call and is dropped. */
static int
class_call (lua_State *L)
{
  lua_CFunction construct = lua_tocfunction (L, lua_upvalueindex (1));

  lua_remove (L, 1);
  return construct (L);
}

static void
set_type_closure (lua_State            *L,
                  const TerrindLuaType *type,
                  lua_CFunction         function,
                  const char           *name)
{
  lua_pushlightuserdata (L, (gpointer) type);
  lua_pushcclosure (L, function, 1);
  lua_setfield (L, -2, name);
}

static void
register_type (lua_State            *L,
               const TerrindLuaType *type)
{
  if (!luaL_newmetatable (L, type->metatable))
    {
      lua_pop (L, 1);
      return;
    }

  /* Methods: the type's own, plus the shared close(). */
  lua_newtable (L);
  luaL_setfuncs (L, type->methods, 0);
  set_type_closure (L, type, object_close, "close");

  /* Fields: name -> the C description of the field. */
  lua_newtable (L);
  for (const TerrindLuaField *f = type->fields; f->name != NULL; f++)
    {
      lua_pushlightuserdata (L, (gpointer) f);
      lua_setfield (L, -2, f->name);
    }

  lua_pushvalue (L, -1);
  lua_pushlightuserdata (L, (gpointer) type);
  lua_pushcclosure (L, object_newindex, 2);
  lua_setfield (L, -4, "__newindex");

  lua_pushlightuserdata (L, (gpointer) type);
  lua_pushcclosure (L, object_index, 3);
  lua_setfield (L, -2, "__index");

  set_type_closure (L, type, object_gc, "__gc");
  set_type_closure (L, type, object_gc, "__close");
  set_type_closure (L, type, object_tostring, "__tostring");
  set_type_closure (L, type, object_eq, "__eq");

  /* getmetatable() on a wrapper shows its type name, not the table that
   * a script could otherwise edit. */
  lua_pushstring (L, type->metatable);
  lua_setfield (L, -2, "__metatable");
  lua_pop (L, 1);
}

void
terrind_lua_register_types (lua_State *L)
{
  terrind_lua_register_error (L);
  for (gsize i = 0; i < G_N_ELEMENTS (all_types); i++)
    register_type (L, all_types[i]);
}

/* Pushes the class table of @type: its static functions, and a __call
 * that constructs from a table. */
static void
push_class (lua_State            *L,
            const TerrindLuaType *type)
{
  lua_newtable (L);
  if (type->statics != NULL)
    luaL_setfuncs (L, type->statics, 0);
  if (type->construct != NULL)
    {
      lua_createtable (L, 0, 1);
      lua_pushcfunction (L, type->construct);
      lua_pushcclosure (L, class_call, 1);
      lua_setfield (L, -2, "__call");
      lua_setmetatable (L, -2);
    }
}

/**
 * terrind_lua_open:
 * @L: a Lua state
 *
 * Opens the binding in @L: registers its types and pushes the module table,
 * the value of `require "terrind"`. It has the signature of a lua_CFunction,
 * so a host passes it to luaL_requiref(); the `terrind` C module's
 * `luaopen_terrind` calls it.
 *
 * The module table holds one class table per type (`Region`, `Territory`,
 * `Operator`, `Commitment`, `Convention`, `Referent`, `Registry`), the
 * metatable of error values as `Error`, and `VERSION`, the version of
 * libterrind in use.
 *
 * Returns: 1, the number of values pushed.
 */
int
terrind_lua_open (lua_State *L)
{
  terrind_lua_register_types (L);

  lua_createtable (L, 0, G_N_ELEMENTS (all_types) + 2);
  for (gsize i = 0; i < G_N_ELEMENTS (all_types); i++)
    {
      push_class (L, all_types[i]);
      lua_setfield (L, -2, all_types[i]->name);
    }
  luaL_getmetatable (L, TERRIND_LUA_ERROR_TYPE);
  lua_setfield (L, -2, "Error");
  lua_pushstring (L, terrind_version_string ());
  lua_setfield (L, -2, "VERSION");
  return 1;
}
