/* terrind-lua-operator.c: terrind.Operator
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
  terrind_lua_push_text (L, terrind_operator_get_id (object));
}

static void
get_name (lua_State *L,
          gpointer   object)
{
  terrind_lua_push_text (L, terrind_operator_get_name (object));
}

static void
set_name (lua_State  *L,
          gpointer    object,
          int         value_index,
          const char *field)
{
  const char *name = terrind_lua_value_text (L, value_index, field, FALSE);
  GError *error = NULL;

  terrind_lua_check_success (L, terrind_operator_set_name (object, name, &error), &error);
}

static void
get_kind (lua_State *L,
          gpointer   object)
{
  terrind_lua_push_text (L, terrind_operator_get_kind (object));
}

static void
set_kind (lua_State  *L,
          gpointer    object,
          int         value_index,
          const char *field)
{
  const char *kind = terrind_lua_value_text (L, value_index, field, TRUE);
  GError *error = NULL;

  terrind_lua_check_success (L, terrind_operator_set_kind (object, kind, &error), &error);
}

/* { { name = "Pôle emploi", ["until"] = "2023-12-31" }, ... }, oldest first */
static void
get_former_names (lua_State *L,
                  gpointer   object)
{
  guint n = terrind_operator_get_n_former_names (object);

  lua_createtable (L, (int) n, 0);
  for (guint i = 0; i < n; i++)
    {
      lua_createtable (L, 0, 2);
      terrind_lua_push_text (L, terrind_operator_get_former_name (object, i));
      lua_setfield (L, -2, "name");
      terrind_lua_push_text (L, terrind_operator_get_former_name_until (object, i));
      lua_setfield (L, -2, "until");
      lua_rawseti (L, -2, (lua_Integer) i + 1);
    }
}

static const TerrindLuaField operator_fields[] = {
  { "id", get_id, NULL },
  { "name", get_name, set_name },
  { "kind", get_kind, set_kind },
  { "former_names", get_former_names, NULL, TRUE },
  { NULL, NULL, NULL }
};

/* op:rename(new_name [, date]): the current name becomes a former name. */
static int
operator_rename (lua_State *L)
{
  TerrindOperator *op = terrind_lua_check_mutable (L, 1, &terrind_lua_operator_type);
  const char *new_name = terrind_lua_check_text (L, 2);
  const char *date = terrind_lua_opt_text (L, 3);
  GError *error = NULL;

  terrind_lua_check_success (L, terrind_operator_rename (op, new_name, date, &error), &error);
  return 0;
}

/* op:add_former_name(name [, until]) */
static int
operator_add_former_name (lua_State *L)
{
  TerrindOperator *op = terrind_lua_check_mutable (L, 1, &terrind_lua_operator_type);
  const char *name = terrind_lua_check_text (L, 2);
  const char *until = terrind_lua_opt_text (L, 3);
  GError *error = NULL;

  terrind_lua_check_success (L, terrind_operator_add_former_name (op, name, until, &error), &error);
  return 0;
}

static const luaL_Reg operator_methods[] = {
  { "rename", operator_rename },
  { "add_former_name", operator_add_former_name },
  { NULL, NULL }
};

static void
add_former_names (lua_State *L,
                  gpointer   object,
                  int        list_index)
{
  lua_Integer n;

  terrind_lua_check_list (L, list_index, "former_names");
  if (lua_isnil (L, list_index))
    return;
  n = (lua_Integer) lua_rawlen (L, list_index);
  for (lua_Integer i = 1; i <= n; i++)
    {
      const char *name, *until;
      GError *error = NULL;
      int entry;

      lua_rawgeti (L, list_index, i);
      entry = lua_gettop (L);
      if (!lua_istable (L, entry))
        luaL_error (L, "bad value in field 'former_names' (table expected, got %s)",
                    luaL_typename (L, entry));
      name = terrind_lua_value_text (L, terrind_lua_get_field (L, entry, "name"),
                                     "former_names.name", FALSE);
      until = terrind_lua_value_text (L, terrind_lua_get_field (L, entry, "until"),
                                      "former_names.until", TRUE);
      terrind_lua_check_success (L, terrind_operator_add_former_name (object, name, until, &error),
                                 &error);
      lua_settop (L, entry - 1);
    }
}

/* terrind.Operator{ id = "pole-emploi", name = "France Travail",
 *                   kind = "employment-service",
 *                   former_names = { { name = "Pôle emploi", ["until"] = "2023-12-31" } } } */
static int
operator_construct (lua_State *L)
{
  static const char * const handled[] = { "id", "name", "former_names", NULL };
  const char *id, *name;
  int former_names;
  TerrindLuaBox *box;
  GError *error = NULL;

  luaL_checktype (L, 1, LUA_TTABLE);
  id = terrind_lua_value_text (L, terrind_lua_get_field (L, 1, "id"), "id", FALSE);
  name = terrind_lua_value_text (L, terrind_lua_get_field (L, 1, "name"), "name", FALSE);
  former_names = terrind_lua_get_field (L, 1, "former_names");
  terrind_lua_check_list (L, former_names, "former_names");

  box = terrind_lua_new_box (L, &terrind_lua_operator_type, 0);
  box->object = terrind_operator_new (id, name, &error);
  if (box->object == NULL)
    terrind_lua_raise_error (L, error);
  add_former_names (L, box->object, former_names);
  terrind_lua_apply_fields (L, 1, box, handled);
  return 1;
}

static gpointer
operator_ref (gpointer object)
{
  return terrind_operator_ref (object);
}

static void
operator_unref (gpointer object)
{
  terrind_operator_unref (object);
}

static gboolean
operator_equal (gpointer a,
                gpointer b)
{
  return terrind_operator_equal (a, b);
}

static const char *
operator_get_id (gpointer object)
{
  return terrind_operator_get_id (object);
}

static TerrindRegistry *
operator_get_registry (gpointer object)
{
  return terrind_operator_get_registry (object);
}

const TerrindLuaType terrind_lua_operator_type = {
  .name = "Operator",
  .metatable = "terrind.Operator",
  .ref = operator_ref,
  .unref = operator_unref,
  .equal = operator_equal,
  .get_id = operator_get_id,
  .get_registry = operator_get_registry,
  .methods = operator_methods,
  .fields = operator_fields,
  .construct = operator_construct,
};
