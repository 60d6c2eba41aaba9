/* terrind-lua-convention.c: terrind.Convention
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "terrind-lua-private.h"

static void
get_id (lua_State *L,
        gpointer   object)
{
  terrind_lua_push_text (L, terrind_convention_get_id (object));
}

static void
get_operator_id (lua_State *L,
                 gpointer   object)
{
  terrind_lua_push_text (L, terrind_convention_get_operator_id (object));
}

static void
get_date (lua_State *L,
          gpointer   object)
{
  terrind_lua_push_text (L, terrind_convention_get_date (object));
}

static void
set_date (lua_State  *L,
          gpointer    object,
          int         value_index,
          const char *field)
{
  const char *date = terrind_lua_value_text (L, value_index, field, FALSE);
  GError *error = NULL;

  terrind_lua_check_success (L, terrind_convention_set_date (object, date, &error), &error);
}

static void
get_place (lua_State *L,
           gpointer   object)
{
  terrind_lua_push_text (L, terrind_convention_get_place (object));
}

static void
set_place (lua_State  *L,
           gpointer    object,
           int         value_index,
           const char *field)
{
  const char *place = terrind_lua_value_text (L, value_index, field, TRUE);
  GError *error = NULL;

  terrind_lua_check_success (L, terrind_convention_set_place (object, place, &error), &error);
}

static void
get_title (lua_State *L,
           gpointer   object)
{
  terrind_lua_push_text (L, terrind_convention_get_title (object));
}

static void
set_title (lua_State  *L,
           gpointer    object,
           int         value_index,
           const char *field)
{
  const char *title = terrind_lua_value_text (L, value_index, field, TRUE);
  GError *error = NULL;

  terrind_lua_check_success (L, terrind_convention_set_title (object, title, &error), &error);
}

/* { { name = "Jacqueline Gourault", role = "Ministre …" }, ... } */
static void
get_signatories (lua_State *L,
                 gpointer   object)
{
  guint n = terrind_convention_get_n_signatories (object);

  lua_createtable (L, (int) n, 0);
  for (guint i = 0; i < n; i++)
    {
      lua_createtable (L, 0, 2);
      terrind_lua_push_text (L, terrind_convention_get_signatory_name (object, i));
      lua_setfield (L, -2, "name");
      terrind_lua_push_text (L, terrind_convention_get_signatory_role (object, i));
      lua_setfield (L, -2, "role");
      lua_rawseti (L, -2, (lua_Integer) i + 1);
    }
}

static void
get_n_commitments (lua_State *L,
                   gpointer   object)
{
  lua_pushinteger (L, terrind_convention_get_n_commitments (object));
}

static const TerrindLuaField convention_fields[] = {
  { "id", get_id, NULL },
  { "operator_id", get_operator_id, NULL },
  { "date", get_date, set_date },
  { "place", get_place, set_place },
  { "title", get_title, set_title },
  { "signatories", get_signatories, NULL, TRUE },
  { "n_commitments", get_n_commitments, NULL },
  { NULL, NULL, NULL }
};

/* conv:add_signatory(name [, role]) */
static int
convention_add_signatory (lua_State *L)
{
  TerrindConvention *convention = terrind_lua_check_mutable (L, 1, &terrind_lua_convention_type);
  const char *name = terrind_lua_check_text (L, 2);
  const char *role = terrind_lua_opt_text (L, 3);
  GError *error = NULL;

  terrind_lua_check_success (L, terrind_convention_add_signatory (convention, name, role, &error),
                             &error);
  return 0;
}

/* conv:add_commitment(c) where c is a Commitment or a table to build one
 * from; returns the commitment. Building runs Lua code and allocates, so
 * the convention is read after it: a finalizer may have closed it. */
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
  lua_settop (L, 2);
  return 1;
}

/* conv:remove_commitment(id) */
static int
convention_remove_commitment (lua_State *L)
{
  TerrindConvention *convention = terrind_lua_check_mutable (L, 1, &terrind_lua_convention_type);
  const char *id = terrind_lua_check_text (L, 2);
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

static void
add_signatories (lua_State *L,
                 gpointer   object,
                 int        list_index)
{
  lua_Integer n;

  if (lua_isnil (L, list_index))
    return;
  n = (lua_Integer) lua_rawlen (L, list_index);
  for (lua_Integer i = 1; i <= n; i++)
    {
      const char *name, *role;
      GError *error = NULL;
      int entry;

      lua_rawgeti (L, list_index, i);
      entry = lua_gettop (L);
      if (!lua_istable (L, entry))
        luaL_error (L, "bad value in field 'signatories' (table expected, got %s)",
                    luaL_typename (L, entry));
      name = terrind_lua_value_text (L, terrind_lua_get_field (L, entry, "name"),
                                     "signatories.name", FALSE);
      role = terrind_lua_value_text (L, terrind_lua_get_field (L, entry, "role"),
                                     "signatories.role", TRUE);
      terrind_lua_check_success (L, terrind_convention_add_signatory (object, name, role, &error),
                                 &error);
      lua_settop (L, entry - 1);
    }
}

static void
add_commitments (lua_State *L,
                 gpointer   object,
                 int        list_index)
{
  lua_Integer n;

  if (lua_isnil (L, list_index))
    return;
  n = (lua_Integer) lua_rawlen (L, list_index);
  for (lua_Integer i = 1; i <= n; i++)
    {
      TerrindCommitment *commitment;
      GError *error = NULL;

      lua_rawgeti (L, list_index, i);
      commitment = terrind_lua_check_or_build (L, -1, &terrind_lua_commitment_type);
      terrind_lua_check_success (L, terrind_convention_add_commitment (object, commitment, &error),
                                 &error);
      lua_pop (L, 1);
    }
}

/* terrind.Convention{ id = "conv-bpifrance", operator_id = "bpifrance",
 *                     date = "2019-03-05", place = "Lyon", title = "…",
 *                     signatories = { { name = "…", role = "…" } },
 *                     commitments = { terrind.Commitment{…} or { id = …, kind = … } } } */
static int
convention_construct (lua_State *L)
{
  static const char * const handled[] = {
    "id", "operator_id", "date", "signatories", "commitments", NULL
  };
  const char *id, *operator_id, *date;
  int signatories, commitments;
  TerrindLuaBox *box;
  GError *error = NULL;

  luaL_checktype (L, 1, LUA_TTABLE);
  id = terrind_lua_value_text (L, terrind_lua_get_field (L, 1, "id"), "id", FALSE);
  operator_id = terrind_lua_value_text (L, terrind_lua_get_field (L, 1, "operator_id"),
                                        "operator_id", FALSE);
  date = terrind_lua_value_text (L, terrind_lua_get_field (L, 1, "date"), "date", FALSE);
  signatories = terrind_lua_get_field (L, 1, "signatories");
  terrind_lua_check_list (L, signatories, "signatories");
  commitments = terrind_lua_get_field (L, 1, "commitments");
  terrind_lua_check_list (L, commitments, "commitments");

  box = terrind_lua_new_box (L, &terrind_lua_convention_type, 0);
  box->object = terrind_convention_new (id, operator_id, date, &error);
  if (box->object == NULL)
    terrind_lua_raise_error (L, error);
  add_signatories (L, box->object, signatories);
  add_commitments (L, box->object, commitments);
  terrind_lua_apply_fields (L, 1, box, handled);
  return 1;
}

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
  .ref = convention_ref,
  .unref = convention_unref,
  .equal = convention_equal,
  .get_id = convention_get_id,
  .get_registry = convention_get_registry,
  .methods = convention_methods,
  .fields = convention_fields,
  .construct = convention_construct,
};
