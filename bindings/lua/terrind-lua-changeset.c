/* terrind-lua-changeset.c: reg:transaction(), edits that land together
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * A transaction wraps one TerrindChangeset for the length of one call:
 *
 *     reg:transaction(function (tx)
 *       tx:add(territory)
 *       tx:add(referent)
 *     end)
 *
 * opens a changeset, calls the function with the transaction object, and
 * commits when it returns (handing back what it returned) or rolls back
 * when it raises, and raises the same error again. A failed edit raises
 * terrind.Error and has already rolled everything back (the changeset is
 * failed: the commit at the end of the block raises a copy of that error,
 * so nothing lands even when the script swallowed it). While the block
 * runs, the registry's own mutations (reg:add_region()…) raise IN_USE:
 * every change goes through tx, as libterrind requires.
 *
 * Nothing may leave a changeset open: an open changeset blocks its
 * registry for good. So the function runs under lua_pcall(), and every way
 * out of reg:transaction() commits or rolls back before it returns or
 * raises:
 *
 * - a normal return commits; an error rolls back and is raised again;
 * - lua_pcall() is not lua_pcallk(): the block is not yieldable, and a
 *   coroutine.yield() inside it (from the coroutine that runs the block)
 *   raises "attempt to yield across a C-call boundary", which rolls back
 *   like any error, so a transaction is never left suspended;
 * - the Lua state closing during the block (os.exit(code, true), a host's
 *   lua_close() from a C function) never returns to this function: then
 *   the box's __gc, which lua_close() runs, drops the changeset, and
 *   dropping an open changeset rolls it back.
 *
 * Between terrind_changeset_new() and lua_pcall() nothing can raise or
 * allocate. The box has no __close (`local x <close> = tx` is refused), so
 * a script cannot end the changeset behind the block's back.
 *
 * The box's user values: 1, the registry's wrapper, which the entities tx
 * adds are pinned to (they belong to it, as with reg:add_*()) and whose
 * closing makes tx refuse; 2, a table from each entity wrapper an edit
 * pinned to its pin before (false: none), put back when the changeset
 * rolls back, so that a rolled-back entity belongs to no registry again.
 */

#include "config.h"

#include <string.h>

#include "terrind-lua-private.h"

#define TRANSACTION_TYPE "terrind.Transaction"
#define REGISTRY (&terrind_lua_registry_type)

typedef struct {
  TerrindChangeset *changeset;  /* NULL once the block ended */
} TerrindLuaTransaction;

static const TerrindLuaType * const entity_types[] = {
  &terrind_lua_phase_type,
  &terrind_lua_region_type,
  &terrind_lua_territory_type,
  &terrind_lua_operator_type,
  &terrind_lua_convention_type,
  &terrind_lua_commitment_type,
  &terrind_lua_referent_type,
  &terrind_lua_designation_type,
  &terrind_lua_investment_type,
};

/* The registries of this state that have a transaction open: a table in
 * the Lua registry, from the registry's address (a light userdata, never
 * dereferenced) to true. The library refuses the registry's typed
 * mutations while a changeset is open, but not a change made through an
 * entity (a setter, add_member()): that would escape the undo log. So the
 * binding refuses those itself, for every entity that an open registry
 * holds (terrind_lua_check_mutable()). */
static const char open_key = 'o';

/* Pushes the table, made on first use (which allocates). */
static void
push_open_registries (lua_State *L)
{
  if (lua_rawgetp (L, LUA_REGISTRYINDEX, &open_key) != LUA_TTABLE)
    {
      lua_pop (L, 1);
      lua_newtable (L);
      lua_pushvalue (L, -1);
      lua_rawsetp (L, LUA_REGISTRYINDEX, &open_key);
    }
}

/* Sets the mark of @registry in the table at @table_index, whose key the
 * caller made beforehand: assigning an existing key does not allocate.
 * Marks go from false to true and back and are never removed (nil), so a
 * key once made stays, whatever a finalizer does in between (a rehash
 * drops only nil entries); that costs one entry per registry address. */
static void
set_open (lua_State       *L,
          int              table_index,
          TerrindRegistry *registry,
          gboolean         open)
{
  lua_pushboolean (L, open);
  lua_rawsetp (L, table_index, registry);
}

/* Raises IN_USE when @registry (NULL: none) has a transaction open in @L.
 * Does not allocate unless it raises. */
void
terrind_lua_check_no_transaction (lua_State       *L,
                                  TerrindRegistry *registry)
{
  gboolean open = FALSE;

  if (registry == NULL)
    return;
  if (lua_rawgetp (L, LUA_REGISTRYINDEX, &open_key) == LUA_TTABLE)
    {
      lua_rawgetp (L, -1, registry);
      open = lua_toboolean (L, -1);
      lua_pop (L, 1);
    }
  lua_pop (L, 1);
  if (open)
    terrind_lua_raise_error (L, g_error_new_literal (TERRIND_ERROR, TERRIND_ERROR_IN_USE,
                                                     "the registry has a transaction open: "
                                                     "change it through the transaction"));
}

/* The transaction's changeset, usable for an edit now, or raises: a value
 * that is no transaction, a transaction whose block ended, a registry
 * wrapper closed meanwhile (by a finalizer, say), a registry the plugin
 * sandbox keeps read-only. Does not allocate unless it raises, so callers
 * call it after converting their arguments and use the changeset with no
 * Lua call in between. */
static TerrindChangeset *
check_transaction (lua_State *L)
{
  TerrindLuaTransaction *tx = luaL_checkudata (L, 1, TRANSACTION_TYPE);
  TerrindLuaBox *registry_box;

  if (tx->changeset == NULL)
    luaL_error (L, "the transaction is over: it was committed or rolled back");
  lua_getiuservalue (L, 1, 1);
  registry_box = luaL_testudata (L, -1, TERRIND_LUA_REGISTRY_TYPE);
  lua_pop (L, 1);
  if (registry_box == NULL || registry_box->object == NULL)
    luaL_error (L, "registry is closed");
  /* Refused at reg:transaction() already; checked on every edit all the
   * same, as the setters check theirs. */
  terrind_lua_check_write (L, terrind_changeset_get_registry (tx->changeset));
  return tx->changeset;
}

/* Remembers, before an edit pins the entity wrapper at @entity_index to the
 * registry, what it was pinned to, unless an earlier edit did. Allocates. */
static void
record_pin (lua_State *L,
            int        tx_index,
            int        entity_index)
{
  if (lua_getiuservalue (L, tx_index, 2) != LUA_TTABLE)
    {
      lua_pop (L, 1);
      lua_newtable (L);
      lua_pushvalue (L, -1);
      lua_setiuservalue (L, tx_index, 2);
    }
  lua_pushvalue (L, entity_index);
  if (lua_rawget (L, -2) == LUA_TNIL)
    {
      lua_pushvalue (L, entity_index);
      if (lua_getiuservalue (L, entity_index, 1) == LUA_TNIL)
        {
          lua_pop (L, 1);
          lua_pushboolean (L, FALSE);
        }
      lua_rawset (L, -4);
    }
  lua_pop (L, 2);
}

/* The changeset rolled back: every entity wrapper an edit pinned gets its
 * pin back. Neither allocates nor raises, so it runs between a failed C
 * call and the raising of its error. */
static void
restore_pins (lua_State *L,
              int        tx_index)
{
  if (lua_getiuservalue (L, tx_index, 2) == LUA_TTABLE)
    {
      lua_pushnil (L);
      while (lua_next (L, -2) != 0)
        {
          lua_pushvalue (L, -1);
          if (!lua_toboolean (L, -1))
            {
              lua_pop (L, 1);
              lua_pushnil (L);
            }
          lua_setiuservalue (L, -3, 1);
          lua_pop (L, 1);
        }
    }
  lua_pop (L, 1);
  lua_pushnil (L);
  lua_setiuservalue (L, tx_index, 2);
}

/* Pins the entity wrapper at @entity_index to the transaction's registry
 * wrapper: it belongs to that registry from now on. Does not allocate. */
static void
pin_to_registry (lua_State *L,
                 int        entity_index)
{
  lua_getiuservalue (L, 1, 1);
  terrind_lua_pin (L, entity_index, -1);
  lua_pop (L, 1);
}

/* Ends an edit: returns on success; otherwise the changeset has rolled
 * back and failed, so the pins go back and the error is raised. */
static void
finish_edit (lua_State *L,
             gboolean   ok,
             GError   **error)
{
  if (!ok)
    restore_pins (L, 1);
  terrind_lua_check_success (L, ok, error);
}

static const TerrindKind *
check_kind (lua_State *L,
            int        arg)
{
  const char *name = terrind_lua_check_text (L, arg);
  const TerrindKind *kind = terrind_model_lookup_kind (name);

  if (kind == NULL)
    luaL_argerror (L, arg, lua_pushfstring (L, "there is no kind of entity called '%s'", name));
  return kind;
}

/* tx:add(entity [, convention_id]): returns the entity */
static int
transaction_add (lua_State *L)
{
  const TerrindLuaType *type = NULL;
  const char *parent_id;
  TerrindChangeset *changeset;
  gpointer entity;
  GError *error = NULL;
  gboolean ok;

  check_transaction (L);
  for (gsize i = 0; i < G_N_ELEMENTS (entity_types) && type == NULL; i++)
    if (luaL_testudata (L, 2, entity_types[i]->metatable) != NULL)
      type = entity_types[i];
  if (type == NULL)
    return luaL_typeerror (L, 2, "terrind entity");
  parent_id = terrind_lua_opt_text (L, 3);
  if ((type == &terrind_lua_commitment_type) != (parent_id != NULL))
    return luaL_argerror (L, 3, type == &terrind_lua_commitment_type
                          ? "a commitment is added to a convention: give its id"
                          : "only a commitment is added to a convention");
  lua_settop (L, 3);
  terrind_lua_check_object (L, 2, type);
  record_pin (L, 1, 2);

  /* Allocations done: read everything again, then no Lua call. */
  changeset = check_transaction (L);
  entity = terrind_lua_check_object (L, 2, type);
  ok = terrind_changeset_add (changeset, terrind_model_lookup_kind (type->kind), entity,
                              parent_id, &error);
  finish_edit (L, ok, &error);
  pin_to_registry (L, 2);
  lua_settop (L, 2);
  return 1;
}

/* tx:replace(referent): a referent or a table to build one from; returns
 * the referent */
static int
transaction_replace (lua_State *L)
{
  const TerrindLuaType *type = &terrind_lua_referent_type;
  TerrindChangeset *changeset;
  gpointer entity;
  GError *error = NULL;
  gboolean ok;

  check_transaction (L);
  lua_settop (L, 2);
  terrind_lua_check_or_build (L, 2, type);
  record_pin (L, 1, 2);

  changeset = check_transaction (L);
  entity = terrind_lua_check_object (L, 2, type);
  ok = terrind_changeset_replace (changeset, terrind_model_lookup_kind (type->kind), entity,
                                  &error);
  finish_edit (L, ok, &error);
  pin_to_registry (L, 2);
  return 1;
}

/* tx:remove(kind_name, id [, cascade]) */
static int
transaction_remove (lua_State *L)
{
  const TerrindKind *kind;
  const char *id;
  gboolean cascade = FALSE;
  TerrindChangeset *changeset;
  GError *error = NULL;
  gboolean ok;

  check_transaction (L);
  kind = check_kind (L, 2);
  id = terrind_lua_check_text (L, 3);
  if (!lua_isnoneornil (L, 4))
    {
      luaL_checktype (L, 4, LUA_TBOOLEAN);
      cascade = lua_toboolean (L, 4);
    }

  changeset = check_transaction (L);
  ok = terrind_changeset_remove (changeset, kind, id,
                                 cascade ? TERRIND_REMOVE_CASCADE : TERRIND_REMOVE_NONE, &error);
  finish_edit (L, ok, &error);
  return 0;
}

/* tx:set(kind_name, id, field, value): value as obj.field = value takes it
 * (nil unsets an optional field) */
static int
transaction_set (lua_State *L)
{
  const TerrindKind *kind;
  const TerrindField *field;
  const char *id, *name, *text;
  TerrindChangeset *changeset;
  GError *error = NULL;
  gboolean ok;

  check_transaction (L);
  kind = check_kind (L, 2);
  id = terrind_lua_check_text (L, 3);
  name = terrind_lua_check_text (L, 4);
  luaL_checkany (L, 5);
  lua_settop (L, 5);
  field = terrind_kind_lookup_field (kind, name);
  if (field == NULL || strchr (name, '-') != NULL)
    return luaL_error (L, "terrind %s has no field '%s'", terrind_kind_get_name (kind), name);
  text = terrind_lua_push_field_text (L, 5, field, name);

  changeset = check_transaction (L);
  ok = terrind_changeset_set_value (changeset, field, id, text, &error);
  finish_edit (L, ok, &error);
  return 0;
}

static const luaL_Reg transaction_methods[] = {
  { "add", transaction_add },
  { "replace", transaction_replace },
  { "remove", transaction_remove },
  { "set", transaction_set },
  { NULL, NULL }
};

/* tx.name: a method, n_edits (0 once over) or open. Upvalue: methods. */
static int
transaction_index (lua_State *L)
{
  TerrindLuaTransaction *tx = luaL_checkudata (L, 1, TRANSACTION_TYPE);
  const char *key = lua_tostring (L, 2);

  lua_pushvalue (L, 2);
  if (lua_rawget (L, lua_upvalueindex (1)) != LUA_TNIL)
    return 1;
  lua_pop (L, 1);
  if (lua_type (L, 2) == LUA_TSTRING && g_str_equal (key, "n_edits"))
    {
      lua_pushinteger (L, tx->changeset != NULL ? terrind_changeset_get_n_edits (tx->changeset) : 0);
      return 1;
    }
  if (lua_type (L, 2) == LUA_TSTRING && g_str_equal (key, "open"))
    {
      lua_pushboolean (L, tx->changeset != NULL);
      return 1;
    }
  return luaL_error (L, "terrind Transaction has no field '%s'",
                     lua_type (L, 2) == LUA_TSTRING ? key : luaL_typename (L, 2));
}

static int
transaction_newindex (lua_State *L)
{
  return luaL_error (L, "terrind Transaction has no writable fields");
}

static int
transaction_tostring (lua_State *L)
{
  TerrindLuaTransaction *tx = luaL_checkudata (L, 1, TRANSACTION_TYPE);

  if (tx->changeset == NULL)
    lua_pushliteral (L, TRANSACTION_TYPE " (over)");
  else
    lua_pushfstring (L, TRANSACTION_TYPE " (open, %d edits)",
                     (int) terrind_changeset_get_n_edits (tx->changeset));
  return 1;
}

/* Runs at collection and in lua_close(): the only way a box still holds an
 * open changeset here is that the state closed during the block, which
 * never returned; dropping the changeset rolls it back. Looks at nothing
 * but the box. */
static int
transaction_gc (lua_State *L)
{
  TerrindLuaTransaction *tx = luaL_testudata (L, 1, TRANSACTION_TYPE);

  if (tx != NULL && tx->changeset != NULL)
    {
      TerrindChangeset *changeset = g_steal_pointer (&tx->changeset);

      /* The mark's key exists: clearing it does not allocate. */
      if (lua_rawgetp (L, LUA_REGISTRYINDEX, &open_key) == LUA_TTABLE)
        set_open (L, lua_gettop (L), terrind_changeset_get_registry (changeset), FALSE);
      lua_pop (L, 1);
      terrind_changeset_unref (changeset);
    }
  return 0;
}

static void
register_transaction_type (lua_State *L)
{
  if (!luaL_newmetatable (L, TRANSACTION_TYPE))
    {
      lua_pop (L, 1);
      return;
    }
  luaL_newlib (L, transaction_methods);
  lua_pushcclosure (L, transaction_index, 1);
  lua_setfield (L, -2, "__index");
  lua_pushcfunction (L, transaction_newindex);
  lua_setfield (L, -2, "__newindex");
  lua_pushcfunction (L, transaction_tostring);
  lua_setfield (L, -2, "__tostring");
  lua_pushcfunction (L, transaction_gc);
  lua_setfield (L, -2, "__gc");
  lua_pushliteral (L, TRANSACTION_TYPE);
  lua_setfield (L, -2, "__metatable");
  lua_pop (L, 1);
}

/*
 * terrind_lua_registry_transaction:
 *
 * reg:transaction(function (tx) … end): runs the function on a new
 * changeset of the registry; returns what it returned once committed.
 */
int
terrind_lua_registry_transaction (lua_State *L)
{
  TerrindLuaTransaction *tx;
  TerrindLuaBox *registry_box;
  TerrindRegistry *registry;
  TerrindChangeset *changeset;
  GError *error = NULL;
  int status;

  terrind_lua_check_object (L, 1, REGISTRY);
  luaL_checktype (L, 2, LUA_TFUNCTION);
  lua_settop (L, 2);
  register_transaction_type (L);

  /* The box that will own the changeset comes first (index 3)... */
  tx = lua_newuserdatauv (L, sizeof (TerrindLuaTransaction), 2);
  tx->changeset = NULL;
  luaL_setmetatable (L, TRANSACTION_TYPE);
  lua_pushvalue (L, 1);
  lua_setiuservalue (L, 3, 1);

  /* ...and the registry's key in the table of open ones (index 4), whose
   * mark is set without allocating once the changeset is open... */
  registry = terrind_lua_check_mutable (L, 1, REGISTRY);
  push_open_registries (L);
  set_open (L, 4, registry, FALSE);

  /* ...then the registry is read again (a finalizer may have closed it)
   * and the changeset opened into the box with no Lua call in between. */
  registry = terrind_lua_check_mutable (L, 1, REGISTRY);
  changeset = terrind_changeset_new (registry, &error);
  if (changeset == NULL)
    terrind_lua_raise_error (L, error);
  tx->changeset = changeset;
  set_open (L, 4, registry, TRUE);

  /* Neither push allocates (a C function has room for 20 values), and
   * lua_pcall() catches whatever the block raises. */
  lua_pushvalue (L, 2);
  lua_pushvalue (L, 3);
  status = lua_pcall (L, 1, LUA_MULTRET, 0);

  /* The block is over: tx refuses use from now on, whatever happens. */
  changeset = g_steal_pointer (&tx->changeset);
  set_open (L, 4, terrind_changeset_get_registry (changeset), FALSE);
  if (status != LUA_OK)
    {
      g_clear_pointer (&changeset, terrind_changeset_unref);  /* rolls back */
      restore_pins (L, 3);
      return lua_error (L);
    }

  /* The registry's wrapper was closed during the block: the script let
   * go of the registry, so nothing is committed to it. */
  registry_box = lua_touserdata (L, 1);
  if (registry_box->object == NULL)
    {
      g_clear_pointer (&changeset, terrind_changeset_unref);
      restore_pins (L, 3);
      return luaL_error (L, "registry is closed");
    }

  if (!terrind_changeset_commit (changeset, &error))
    {
      /* A failed edit whose error the block swallowed: it rolled back. */
      g_clear_pointer (&changeset, terrind_changeset_unref);
      restore_pins (L, 3);
      terrind_lua_raise_error (L, error);
    }
  terrind_changeset_unref (changeset);
  lua_pushnil (L);
  lua_setiuservalue (L, 3, 2);
  return lua_gettop (L) - 4;
}
