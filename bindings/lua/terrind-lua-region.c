/* terrind-lua-region.c: terrind.Region, whose fields and constructor come
 * from the model (terrind-lua-model.c)
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "terrind-lua-private.h"

/* A region's key is its code; "id" reads it too, as every other kind's
 * key is its id, so code that handles any entity can ask for e.id. */
static const TerrindLuaAlias region_aliases[] = {
  { "id", "code" },
  { NULL, NULL }
};

static const luaL_Reg region_methods[] = {
  { NULL, NULL }
};

static gpointer
region_ref (gpointer object)
{
  return terrind_region_ref (object);
}

static void
region_unref (gpointer object)
{
  terrind_region_unref (object);
}

static gboolean
region_equal (gpointer a,
              gpointer b)
{
  return terrind_region_equal (a, b);
}

static const char *
region_get_id (gpointer object)
{
  return terrind_region_get_code (object);
}

static TerrindRegistry *
region_get_registry (gpointer object)
{
  return terrind_region_get_registry (object);
}

const TerrindLuaType terrind_lua_region_type = {
  .name = "Region",
  .metatable = "terrind.Region",
  .kind = "region",
  .ref = region_ref,
  .unref = region_unref,
  .equal = region_equal,
  .get_id = region_get_id,
  .get_registry = region_get_registry,
  .methods = region_methods,
  .aliases = region_aliases,
};
