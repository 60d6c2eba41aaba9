/* terrind-lua-convention.c: terrind.Convention: its methods and its
 * commitments; its fields and constructor come from the model
 * (terrind-lua-model.c)
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "terrind-lua-private.h"

static void
get_n_commitments (lua_State *L,
                   gpointer   object)
{
  lua_pushinteger (L, terrind_convention_get_n_commitments (object));
}

/* Commitments are a kind of their own, not a field: the convention only
 * counts them here, and lists them with :commitments(). */
static const TerrindLuaField convention_fields[] = {
  { "n_commitments", get_n_commitments },
  { NULL, NULL }
};

/* Before 1.1 the binding had names of its own; the description's are
 * the names now (README.md, "Deprecated names"). */
static const TerrindLuaAlias convention_aliases[] = {
  { "operator_id", "operator" },
  { NULL, NULL }
};

/* conv:add_signatory(name [, role]) */
static int
convention_add_signatory (lua_State *L)
{
  const char *name = terrind_lua_check_text (L, 2);
  const char *role = terrind_lua_opt_text (L, 3);
  TerrindConvention *convention = terrind_lua_check_mutable (L, 1, &terrind_lua_convention_type);
  GError *error = NULL;

  terrind_lua_check_success (L, terrind_convention_add_signatory (convention, name, role, &error),
                             &error);
  return 0;
}

/* conv:add_commitment(c) where c is a Commitment or a table to build one
 * from; returns the commitment, which belongs to the convention from then
 * on (its pin). Building runs Lua code and allocates, so the convention is
 * read after it: a finalizer may have closed it. */
static int
convention_add_commitment (lua_State *L)
{
  TerrindConvention *convention;
  TerrindCommitment *commitment;
  GError *error = NULL;

  terrind_lua_check_object (L, 1, &terrind_lua_convention_type);
  commitment = terrind_lua_check_or_build (L, 2, &terrind_lua_commitment_type);
  convention = terrind_lua_check_mutable (L, 1, &terrind_lua_convention_type);

  terrind_lua_check_success (L, terrind_convention_add_commitment (convention, commitment, &error),
                             &error);
  terrind_lua_pin (L, 2, 1);
  lua_settop (L, 2);
  return 1;
}

/* conv:remove_commitment(id) */
static int
convention_remove_commitment (lua_State *L)
{
  const char *id = terrind_lua_check_text (L, 2);
  TerrindConvention *convention = terrind_lua_check_mutable (L, 1, &terrind_lua_convention_type);
  GError *error = NULL;

  terrind_lua_check_success (L, terrind_convention_remove_commitment (convention, id, &error),
                             &error);
  return 0;
}

static TerrindConvention *
check_convention (lua_State *L)
{
  return terrind_lua_check_object (L, 1, &terrind_lua_convention_type);
}

/* conv:commitment(id): the commitment, or nil. The box first, the
 * convention read after it (see terrind-lua-private.h). */
static int
convention_commitment (lua_State *L)
{
  const char *id;
  TerrindLuaBox *box;

  check_convention (L);
  id = terrind_lua_check_text (L, 2);
  box = terrind_lua_new_box (L, &terrind_lua_commitment_type, 1);
  terrind_lua_box_adopt (L, box, terrind_convention_lookup_commitment (check_convention (L), id));
  return 1;
}

/* for c in conv:commitments() do … end, in the convention's order */
static int
convention_commitments (lua_State *L)
{
  TerrindConvention *convention;
  TerrindLuaHold *hold;

  check_convention (L);
  hold = terrind_lua_push_hold (L, &terrind_lua_commitment_type);
  convention = check_convention (L);
  for (guint i = 0; i < terrind_convention_get_n_commitments (convention); i++)
    terrind_lua_hold_add (hold, terrind_convention_get_commitment (convention, i));
  terrind_lua_push_iterator (L, -1, 1);
  return 1;
}

static const luaL_Reg convention_methods[] = {
  { "add_signatory", convention_add_signatory },
  { "add_commitment", convention_add_commitment },
  { "remove_commitment", convention_remove_commitment },
  { "commitment", convention_commitment },
  { "commitments", convention_commitments },
  { NULL, NULL }
};

/* terrind.Convention{ …, commitments = { terrind.Commitment{…} or
 * { id = …, kind = … } } }: the one key of a convention's constructor that
 * is not a field of its kind. */
static void
add_commitments (lua_State *L,
                 int        box_index,
                 int        list_index)
{
  lua_Integer n;

  if (!lua_istable (L, list_index))
    luaL_error (L, "bad value for field 'commitments' (table expected, got %s)",
                luaL_typename (L, list_index));
  n = (lua_Integer) lua_rawlen (L, list_index);
  for (lua_Integer i = 1; i <= n; i++)
    {
      TerrindConvention *convention;
      TerrindCommitment *commitment;
      GError *error = NULL;

      lua_rawgeti (L, list_index, i);
      commitment = terrind_lua_check_or_build (L, -1, &terrind_lua_commitment_type);
      convention = terrind_lua_check_object (L, box_index, &terrind_lua_convention_type);
      terrind_lua_check_success (L, terrind_convention_add_commitment (convention, commitment, &error),
                                 &error);
      terrind_lua_pin (L, -1, box_index);
      lua_pop (L, 1);
    }
}

static const TerrindLuaExtraKey convention_extra_keys[] = {
  { "commitments", add_commitments },
  { NULL, NULL }
};

static gpointer
convention_ref (gpointer object)
{
  return terrind_convention_ref (object);
}

static void
convention_unref (gpointer object)
{
  terrind_convention_unref (object);
}

static gboolean
convention_equal (gpointer a,
                  gpointer b)
{
  return terrind_convention_equal (a, b);
}

static const char *
convention_get_id (gpointer object)
{
  return terrind_convention_get_id (object);
}

static TerrindRegistry *
convention_get_registry (gpointer object)
{
  return terrind_convention_get_registry (object);
}

const TerrindLuaType terrind_lua_convention_type = {
  .name = "Convention",
  .metatable = "terrind.Convention",
  .kind = "convention",
  .ref = convention_ref,
  .unref = convention_unref,
  .equal = convention_equal,
  .get_id = convention_get_id,
  .get_registry = convention_get_registry,
  .methods = convention_methods,
  .fields = convention_fields,
  .aliases = convention_aliases,
  .extra_keys = convention_extra_keys,
};
