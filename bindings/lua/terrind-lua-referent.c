/* terrind-lua-referent.c: terrind.Referent, whose fields and constructor
 * all come from the model (terrind-lua-model.c)
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "terrind-lua-private.h"

/* Before 1.1 the binding had names of its own; the description's are
 * the names now (README.md, "Deprecated names"). */
static const TerrindLuaAlias referent_aliases[] = {
  { "operator_id", "operator" },
  { "territory_id", "territory" },
  { "start_date", "start" },
  { NULL, NULL }
};

static const luaL_Reg referent_methods[] = {
  { NULL, NULL }
};

static gpointer
referent_ref (gpointer object)
{
  return terrind_referent_ref (object);
}

static void
referent_unref (gpointer object)
{
  terrind_referent_unref (object);
}

static gboolean
referent_equal (gpointer a,
                gpointer b)
{
  return terrind_referent_equal (a, b);
}

static const char *
referent_get_id_string (gpointer object)
{
  return terrind_referent_get_id (object);
}

static TerrindRegistry *
referent_get_registry (gpointer object)
{
  return terrind_referent_get_registry (object);
}

const TerrindLuaType terrind_lua_referent_type = {
  .name = "Referent",
  .metatable = "terrind.Referent",
  .kind = "referent",
  .ref = referent_ref,
  .unref = referent_unref,
  .equal = referent_equal,
  .get_id = referent_get_id_string,
  .get_registry = referent_get_registry,
  .methods = referent_methods,
  .aliases = referent_aliases,
};
