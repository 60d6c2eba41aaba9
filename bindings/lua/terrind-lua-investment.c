/* terrind-lua-investment.c: terrind.Investment, whose fields and constructor all come
 * from the model (terrind-lua-model.c)
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "terrind-lua-private.h"

static const luaL_Reg investment_methods[] = {
  { NULL, NULL }
};

static gpointer
investment_ref (gpointer object)
{
  return terrind_investment_ref (object);
}

static void
investment_unref (gpointer object)
{
  terrind_investment_unref (object);
}

static gboolean
investment_equal (gpointer a,
                 gpointer b)
{
  return terrind_investment_equal (a, b);
}

static const char *
investment_get_id_string (gpointer object)
{
  return terrind_investment_get_id (object);
}

static TerrindRegistry *
investment_get_registry (gpointer object)
{
  return terrind_investment_get_registry (object);
}

const TerrindLuaType terrind_lua_investment_type = {
  .name = "Investment",
  .metatable = "terrind.Investment",
  .kind = "investment",
  .ref = investment_ref,
  .unref = investment_unref,
  .equal = investment_equal,
  .get_id = investment_get_id_string,
  .get_registry = investment_get_registry,
  .methods = investment_methods,
};
