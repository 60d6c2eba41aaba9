/* terrind-lua-region.c: terrind.Region
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "terrind-lua-private.h"

static void
get_code (lua_State *L,
          gpointer   object)
{
  terrind_lua_push_text (L, terrind_region_get_code (object));
}

static void
get_name (lua_State *L,
          gpointer   object)
{
  terrind_lua_push_text (L, terrind_region_get_name (object));
}

static void
set_name (lua_State  *L,
          gpointer    object,
          int         value_index,
          const char *field)
{
  const char *name = terrind_lua_value_text (L, value_index, field, FALSE);
  GError *error = NULL;

  terrind_lua_check_success (L, terrind_region_set_name (object, name, &error), &error);
}

static const TerrindLuaField region_fields[] = {
  { "code", get_code, NULL },
  { "id", get_code, NULL },
  { "name", get_name, set_name },
  { NULL, NULL, NULL }
};

/* terrind.Region{ code = "84", name = "Auvergne-Rhône-Alpes" } */
static int
region_construct (lua_State *L)
{
  static const char * const handled[] = { "code", "name", NULL };
  const char *code, *name;
  TerrindLuaBox *box;
  GError *error = NULL;

  luaL_checktype (L, 1, LUA_TTABLE);
  code = terrind_lua_value_text (L, terrind_lua_get_field (L, 1, "code"), "code", FALSE);
  name = terrind_lua_value_text (L, terrind_lua_get_field (L, 1, "name"), "name", FALSE);
  box = terrind_lua_new_box (L, &terrind_lua_region_type, 0);
  box->object = terrind_region_new (code, name, &error);
  if (box->object == NULL)
    terrind_lua_raise_error (L, error);
  terrind_lua_apply_fields (L, 1, box, handled);
  return 1;
}

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
  .ref = region_ref,
  .unref = region_unref,
  .equal = region_equal,
  .get_id = region_get_id,
  .get_registry = region_get_registry,
  .methods = region_methods,
  .fields = region_fields,
  .construct = region_construct,
};
