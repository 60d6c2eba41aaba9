/* terrind-lua-territory.c: terrind.Territory: its methods; its fields
 * and constructor come from the model (terrind-lua-model.c)
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "terrind-lua-private.h"

/* t:add_member(siren [, name [, kind]]): the member's name and kind are
 * kept beside its SIREN; t.members still reads the SIRENs. The arguments
 * are converted before the wrapper is read. */
static int
territory_add_member (lua_State *L)
{
  const char *siren = terrind_lua_check_text (L, 2);
  const char *name = terrind_lua_opt_text (L, 3);
  const char *kind = terrind_lua_opt_text (L, 4);
  TerrindTerritory *territory = terrind_lua_check_mutable (L, 1, &terrind_lua_territory_type);
  GError *error = NULL;

  terrind_lua_check_success (L, terrind_territory_add_member_full (territory, siren, name, kind,
                                                                   &error),
                             &error);
  return 0;
}

static int
territory_remove_member (lua_State *L)
{
  const char *siren = terrind_lua_check_text (L, 2);
  TerrindTerritory *territory = terrind_lua_check_mutable (L, 1, &terrind_lua_territory_type);
  GError *error = NULL;

  terrind_lua_check_success (L, terrind_territory_remove_member (territory, siren, &error), &error);
  return 0;
}

static int
territory_has_member (lua_State *L)
{
  const char *siren = terrind_lua_check_text (L, 2);
  TerrindTerritory *territory = terrind_lua_check_object (L, 1, &terrind_lua_territory_type);

  lua_pushboolean (L, terrind_territory_has_member (territory, siren));
  return 1;
}

static int
territory_add_department (lua_State *L)
{
  const char *code = terrind_lua_check_text (L, 2);
  TerrindTerritory *territory = terrind_lua_check_mutable (L, 1, &terrind_lua_territory_type);
  GError *error = NULL;

  terrind_lua_check_success (L, terrind_territory_add_department (territory, code, &error), &error);
  return 0;
}

/* Before 1.1 the binding had names of its own; the description's are
 * the names now (README.md, "Deprecated names"). */
static const TerrindLuaAlias territory_aliases[] = {
  { "region_code", "region" },
  { NULL, NULL }
};

static const luaL_Reg territory_methods[] = {
  { "add_member", territory_add_member },
  { "remove_member", territory_remove_member },
  { "has_member", territory_has_member },
  { "add_department", territory_add_department },
  { NULL, NULL }
};

static gpointer
territory_ref (gpointer object)
{
  return terrind_territory_ref (object);
}

static void
territory_unref (gpointer object)
{
  terrind_territory_unref (object);
}

static gboolean
territory_equal (gpointer a,
                 gpointer b)
{
  return terrind_territory_equal (a, b);
}

static const char *
territory_get_id (gpointer object)
{
  return terrind_territory_get_id (object);
}

static TerrindRegistry *
territory_get_registry (gpointer object)
{
  return terrind_territory_get_registry (object);
}

const TerrindLuaType terrind_lua_territory_type = {
  .name = "Territory",
  .metatable = "terrind.Territory",
  .kind = "territory",
  .ref = territory_ref,
  .unref = territory_unref,
  .equal = territory_equal,
  .get_id = territory_get_id,
  .get_registry = territory_get_registry,
  .methods = territory_methods,
  .aliases = territory_aliases,
};
