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
  &terrind_lua_phase_type,
  &terrind_lua_region_type,
  &terrind_lua_territory_type,
  &terrind_lua_operator_type,
  &terrind_lua_commitment_type,
  &terrind_lua_convention_type,
  &terrind_lua_referent_type,
  &terrind_lua_designation_type,
  &terrind_lua_investment_type,
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

/* Keys of a wrapper's metatable, besides the metamethods: the type it was
 * made for, and its field table (terrind-lua-model.c). */
static const char type_key = 't';
static const char fields_key = 'f';

/* The wrapper at @index, of any type, or NULL for any other value. Only
 * raw reads: nothing here can run Lua code or allocate. */
static TerrindLuaBox *
to_box (lua_State *L,
        int        index)
{
  TerrindLuaBox *box;
  const TerrindLuaType *type;

  if (lua_type (L, index) != LUA_TUSERDATA || !lua_getmetatable (L, index))
    return NULL;
  lua_rawgetp (L, -1, &type_key);
  type = lua_touserdata (L, -1);
  lua_pop (L, 2);
  box = lua_touserdata (L, index);
  return type != NULL && box->type == type ? box : NULL;
}

/* Whether the registry wrapper that the value at @index was reached
 * through, following the pins up, is open: a closed registry closes
 * everything taken from it, as in the Python binding. A value that pins
 * nothing (an entity made by a constructor) was reached through nothing.
 * Walks the pins whether or not the wrappers on the way are closed, so a
 * commitment of a closed convention still sees its registry; pins are
 * never cleared (release_box()). Nothing here allocates. */
static gboolean
reached_registry_open (lua_State *L,
                       int        index)
{
  gboolean open = TRUE;

  luaL_checkstack (L, 2, NULL);
  lua_pushvalue (L, index);
  /* The binding pins at most two levels (commitment, convention,
   * registry); the bound only stops a cycle that debug.setuservalue()
   * could make from hanging here. */
  for (guint depth = 0; depth < 8; depth++)
    {
      TerrindLuaBox *box = to_box (L, -1);

      if (box == NULL)
        break;
      if (box->type == &terrind_lua_registry_type)
        {
          open = box->object != NULL;
          break;
        }
      lua_getiuservalue (L, -1, 1);
      lua_replace (L, -2);
    }
  lua_pop (L, 1);
  return open;
}

/* Raises Python's message when the registry the value at @index was
 * reached through is closed. */
void
terrind_lua_check_reached (lua_State *L,
                           int        index)
{
  if (!reached_registry_open (L, index))
    luaL_error (L, "registry is closed");
}

static gpointer
check_open (lua_State     *L,
            int            index,
            TerrindLuaBox *box)
{
  if (box->object == NULL)
    raise_closed (L, box->type);
  terrind_lua_check_reached (L, index);
  return box->object;
}

gpointer
terrind_lua_test_object (lua_State            *L,
                         int                   index,
                         const TerrindLuaType *type)
{
  TerrindLuaBox *box = luaL_testudata (L, index, type->metatable);

  if (box == NULL)
    return NULL;
  return check_open (L, index, box);
}

/* The object of the wrapper of @type at @index, or raises: a value of
 * another type, a closed wrapper, a wrapper whose registry is closed. */
gpointer
terrind_lua_check_object (lua_State            *L,
                          int                   index,
                          const TerrindLuaType *type)
{
  return check_open (L, index, check_box (L, index, type));
}

/* For the functions that change an object: also refuses an object that a
 * read-only registry holds (terrind-lua-policy.c), and one that a registry
 * with a transaction open holds (IN_USE: the change would escape the
 * transaction's undo log; terrind-lua-changeset.c). The registry is asked
 * for now, not remembered, because entities move between registries. */
gpointer
terrind_lua_check_mutable (lua_State            *L,
                           int                   index,
                           const TerrindLuaType *type)
{
  gpointer object = terrind_lua_check_object (L, index, type);
  TerrindRegistry *registry = type->get_registry (object);

  terrind_lua_check_write (L, registry);
  terrind_lua_check_no_transaction (L, registry);
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
  if (lua_istable (L, index) && type->kind != NULL)
    {
      terrind_lua_build_entity (L, type, index);
      lua_replace (L, index);
    }
  return terrind_lua_check_object (L, index, type);
}

/* Pins the value at @parent_index to the wrapper at @index, replacing any
 * pin it had: an entity added to a registry or a convention belongs to it
 * from then on, and closes with its registry. */
void
terrind_lua_pin (lua_State *L,
                 int        index,
                 int        parent_index)
{
  index = lua_absindex (L, index);
  lua_pushvalue (L, parent_index);
  lua_setiuservalue (L, index, 1);
}

/* Pushes the field table of @type, made when the type was registered. */
void
terrind_lua_get_field_table (lua_State            *L,
                             const TerrindLuaType *type)
{
  luaL_getmetatable (L, type->metatable);
  lua_rawgetp (L, -1, &fields_key);
  lua_replace (L, -2);
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

/* Close is shared by __gc, __close and :close(), and idempotent. It drops
 * the wrapper's reference; other wrappers are not affected. The pin stays:
 * it is what tells a commitment taken from this convention that their
 * registry is closed (reached_registry_open()), and it costs a parent
 * wrapper kept until this one is collected. */
static void
release_box (TerrindLuaBox *box)
{
  gpointer object = box->object;

  box->object = NULL;
  if (object != NULL)
    box->type->unref (object);
}

/* entity:to_dict(): every field by its Lua name (terrind-lua-model.c) */
static int
object_to_dict (lua_State *L)
{
  terrind_lua_push_dict (L, 1, closure_type (L, 1));
  return 1;
}

static int
object_close (lua_State *L)
{
  release_box (check_box (L, 1, closure_type (L, 1)));
  return 0;
}

/* __gc and __close: __close also receives the error object, and __gc may
 * run during lua_close(), so neither looks at anything but the box. */
static int
object_gc (lua_State *L)
{
  TerrindLuaBox *box = luaL_testudata (L, 1, closure_type (L, 1)->metatable);

  if (box != NULL)
    release_box (box);
  return 0;
}

static G_NORETURN void
raise_no_field (lua_State            *L,
                const TerrindLuaType *type)
{
  luaL_error (L, "terrind %s has no field '%s'", type->name,
              lua_type (L, 2) == LUA_TSTRING ? lua_tostring (L, 2) : luaL_typename (L, 2));
  g_assert_not_reached ();
}

/* obj.name: a method, a field of the kind (or an alias of one), or a
 * computed field. Upvalues: methods, fields, computed fields, type. */
static int
object_index (lua_State *L)
{
  const TerrindLuaType *type = closure_type (L, 4);
  const TerrindLuaField *computed;
  const TerrindField *field;

  check_box (L, 1, type);
  /* Methods first, so that :close() works on a closed object. */
  lua_pushvalue (L, 2);
  if (lua_rawget (L, lua_upvalueindex (1)) != LUA_TNIL)
    return 1;
  lua_pop (L, 1);

  lua_pushvalue (L, 2);
  lua_rawget (L, lua_upvalueindex (2));
  field = lua_touserdata (L, -1);
  lua_pop (L, 1);
  if (field != NULL)
    {
      terrind_lua_push_field (L, 1, type, field);
      return 1;
    }

  lua_pushvalue (L, 2);
  lua_rawget (L, lua_upvalueindex (3));
  computed = lua_touserdata (L, -1);
  lua_pop (L, 1);
  if (computed == NULL)
    raise_no_field (L, type);
  computed->get (L, terrind_lua_check_object (L, 1, type));
  return 1;
}

/* obj.name = value. Upvalues: fields, computed fields, type. */
static int
object_newindex (lua_State *L)
{
  const TerrindLuaType *type = closure_type (L, 3);
  const TerrindField *field;

  check_box (L, 1, type);
  lua_pushvalue (L, 2);
  lua_rawget (L, lua_upvalueindex (1));
  field = lua_touserdata (L, -1);
  lua_pop (L, 1);
  if (field != NULL)
    {
      terrind_lua_set_field (L, 1, type, field, lua_tostring (L, 2), 3);
      return 0;
    }
  lua_pushvalue (L, 2);
  if (lua_rawget (L, lua_upvalueindex (2)) == LUA_TNIL)
    raise_no_field (L, type);
  return luaL_error (L, "field '%s' of terrind %s is read-only", lua_tostring (L, 2), type->name);
}

static int
object_tostring (lua_State *L)
{
  const TerrindLuaType *type = closure_type (L, 1);
  TerrindLuaBox *box = check_box (L, 1, type);

  /* Never raises: messages and debuggers call it on anything. */
  if (box->object == NULL)
    lua_pushfstring (L, "%s (closed)", type->metatable);
  else if (!reached_registry_open (L, 1))
    lua_pushfstring (L, "%s (registry closed)", type->metatable);
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
  check_open (L, 1, a);
  check_open (L, 2, b);
  lua_pushboolean (L, a->object == b->object || type->equal (a->object, b->object));
  return 1;
}

/* terrind.Territory{...} calls the constructor: the model's for a kind,
 * the type's own otherwise. The class table itself is the first argument
 * of __call and is dropped. */
static int
class_call (lua_State *L)
{
  const TerrindLuaType *type = closure_type (L, 1);

  lua_remove (L, 1);
  if (type->construct != NULL)
    return type->construct (L);
  terrind_lua_build_entity (L, type, 1);
  return 1;
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
  if (type->kind != NULL)
    set_type_closure (L, type, object_to_dict, "to_dict");

  /* Fields: the kind's, by Lua name, from the description; then what
   * the binding computes. Both name -> light userdata of the C field. */
  terrind_lua_push_field_table (L, type);
  lua_pushvalue (L, -1);
  lua_rawsetp (L, -4, &fields_key);
  lua_newtable (L);
  for (const TerrindLuaField *f = type->fields; f != NULL && f->name != NULL; f++)
    {
      lua_pushlightuserdata (L, (gpointer) f);
      lua_setfield (L, -2, f->name);
    }

  /* Stack: metatable, methods, fields, computed. */
  lua_pushvalue (L, -2);
  lua_pushvalue (L, -2);
  lua_pushlightuserdata (L, (gpointer) type);
  lua_pushcclosure (L, object_newindex, 3);
  lua_setfield (L, -5, "__newindex");

  lua_pushlightuserdata (L, (gpointer) type);
  lua_pushcclosure (L, object_index, 4);
  lua_setfield (L, -2, "__index");

  lua_pushlightuserdata (L, (gpointer) type);
  lua_rawsetp (L, -2, &type_key);
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

/* The functions of the module table; a new one goes here. */
static const luaL_Reg module_functions[] = {
  { "kinds", terrind_lua_kinds },
  { NULL, NULL }
};

/* Pushes the class table of @type: its static functions, and a __call
 * that constructs from a table. */
static void
push_class (lua_State            *L,
            const TerrindLuaType *type)
{
  lua_newtable (L);
  if (type->statics != NULL)
    luaL_setfuncs (L, type->statics, 0);
  if (type->kind != NULL || type->construct != NULL)
    {
      lua_createtable (L, 0, 1);
      lua_pushlightuserdata (L, (gpointer) type);
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
 * metatable of error values as `Error`, `VERSION`, the version of
 * libterrind in use, and the functions of module_functions (`kinds`).
 *
 * Returns: 1, the number of values pushed.
 */
int
terrind_lua_open (lua_State *L)
{
  terrind_lua_register_types (L);

  lua_createtable (L, 0, G_N_ELEMENTS (all_types) + G_N_ELEMENTS (module_functions) + 1);
  luaL_setfuncs (L, module_functions, 0);
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
