/* terrind-lua-operator.c: terrind.Operator: its methods; its fields and
 * constructor come from the model (terrind-lua-model.c)
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "terrind-lua-private.h"

/* op:rename(new_name [, date]): the current name becomes a former name. */
static int
operator_rename (lua_State *L)
{
  const char *new_name = terrind_lua_check_text (L, 2);
  const char *date = terrind_lua_opt_text (L, 3);
  TerrindOperator *op = terrind_lua_check_mutable (L, 1, &terrind_lua_operator_type);
  GError *error = NULL;

  terrind_lua_check_success (L, terrind_operator_rename (op, new_name, date, &error), &error);
  return 0;
}

/* op:add_former_name(name [, until]) */
static int
operator_add_former_name (lua_State *L)
{
  const char *name = terrind_lua_check_text (L, 2);
  const char *until = terrind_lua_opt_text (L, 3);
  TerrindOperator *op = terrind_lua_check_mutable (L, 1, &terrind_lua_operator_type);
  GError *error = NULL;

  terrind_lua_check_success (L, terrind_operator_add_former_name (op, name, until, &error), &error);
  return 0;
}

static const luaL_Reg operator_methods[] = {
  { "rename", operator_rename },
  { "add_former_name", operator_add_former_name },
  { NULL, NULL }
};

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
  .kind = "operator",
  .ref = operator_ref,
  .unref = operator_unref,
  .equal = operator_equal,
  .get_id = operator_get_id,
  .get_registry = operator_get_registry,
  .methods = operator_methods,
};
