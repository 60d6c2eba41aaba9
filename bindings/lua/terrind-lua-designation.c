/* terrind-lua-designation.c: terrind.Designation, whose fields and constructor all come
 * from the model (terrind-lua-model.c)
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "terrind-lua-private.h"

static const luaL_Reg designation_methods[] = {
  { NULL, NULL }
};

static gpointer
designation_ref (gpointer object)
{
  return terrind_designation_ref (object);
}

static void
designation_unref (gpointer object)
{
  terrind_designation_unref (object);
}

static gboolean
designation_equal (gpointer a,
                  gpointer b)
{
  return terrind_designation_equal (a, b);
}

static const char *
designation_get_id_string (gpointer object)
{
  return terrind_designation_get_id (object);
}

static TerrindRegistry *
designation_get_registry (gpointer object)
{
  return terrind_designation_get_registry (object);
}

const TerrindLuaType terrind_lua_designation_type = {
  .name = "Designation",
  .metatable = "terrind.Designation",
  .kind = "designation",
  .ref = designation_ref,
  .unref = designation_unref,
  .equal = designation_equal,
  .get_id = designation_get_id_string,
  .get_registry = designation_get_registry,
  .methods = designation_methods,
};
