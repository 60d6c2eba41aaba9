/* terrind-lua-territory.c: terrind.Territory
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
  terrind_lua_push_text (L, terrind_territory_get_id (object));
}

static void
get_name (lua_State *L,
          gpointer   object)
{
  terrind_lua_push_text (L, terrind_territory_get_name (object));
}

static void
set_name (lua_State  *L,
          gpointer    object,
          int         value_index,
          const char *field)
{
  const char *name = terrind_lua_value_text (L, value_index, field, FALSE);
  GError *error = NULL;

  terrind_lua_check_success (L, terrind_territory_set_name (object, name, &error), &error);
}

static void
get_region_code (lua_State *L,
                 gpointer   object)
{
  terrind_lua_push_text (L, terrind_territory_get_region_code (object));
}

static void
set_region_code (lua_State  *L,
                 gpointer    object,
                 int         value_index,
                 const char *field)
{
  const char *code = terrind_lua_value_text (L, value_index, field, FALSE);
  GError *error = NULL;

  terrind_lua_check_success (L, terrind_territory_set_region_code (object, code, &error), &error);
}

static void
get_phase (lua_State *L,
           gpointer   object)
{
  lua_pushinteger (L, terrind_territory_get_phase (object));
}

static void
set_phase (lua_State  *L,
           gpointer    object,
           int         value_index,
           const char *field)
{
  guint phase = terrind_lua_value_uint (L, value_index, field);
  GError *error = NULL;

  terrind_lua_check_success (L, terrind_territory_set_phase (object, phase, &error), &error);
}

/* Lists come out as fresh tables: changing one changes nothing else. */
static void
get_members (lua_State *L,
             gpointer   object)
{
  guint n = terrind_territory_get_n_members (object);

  lua_createtable (L, (int) n, 0);
  for (guint i = 0; i < n; i++)
    {
      lua_pushstring (L, terrind_territory_get_member (object, i));
      lua_rawseti (L, -2, (lua_Integer) i + 1);
    }
}

static void
get_departments (lua_State *L,
                 gpointer   object)
{
  guint n = terrind_territory_get_n_departments (object);

  lua_createtable (L, (int) n, 0);
  for (guint i = 0; i < n; i++)
    {
      lua_pushstring (L, terrind_territory_get_department (object, i));
      lua_rawseti (L, -2, (lua_Integer) i + 1);
    }
}

static const TerrindLuaField territory_fields[] = {
  { "id", get_id, NULL },
  { "name", get_name, set_name },
  { "region_code", get_region_code, set_region_code },
  { "phase", get_phase, set_phase },
  { "members", get_members, NULL, TRUE },
  { "departments", get_departments, NULL, TRUE },
  { NULL, NULL, NULL }
};

static int
territory_add_member (lua_State *L)
{
  TerrindTerritory *territory = terrind_lua_check_mutable (L, 1, &terrind_lua_territory_type);
  const char *siren = terrind_lua_check_text (L, 2);
  GError *error = NULL;

  terrind_lua_check_success (L, terrind_territory_add_member (territory, siren, &error), &error);
  return 0;
}

static int
territory_remove_member (lua_State *L)
{
  TerrindTerritory *territory = terrind_lua_check_mutable (L, 1, &terrind_lua_territory_type);
  const char *siren = terrind_lua_check_text (L, 2);
  GError *error = NULL;

  terrind_lua_check_success (L, terrind_territory_remove_member (territory, siren, &error), &error);
  return 0;
}

static int
territory_has_member (lua_State *L)
{
  TerrindTerritory *territory = terrind_lua_check_object (L, 1, &terrind_lua_territory_type);
  const char *siren = terrind_lua_check_text (L, 2);

  lua_pushboolean (L, terrind_territory_has_member (territory, siren));
  return 1;
}

static int
territory_add_department (lua_State *L)
{
  TerrindTerritory *territory = terrind_lua_check_mutable (L, 1, &terrind_lua_territory_type);
  const char *code = terrind_lua_check_text (L, 2);
  GError *error = NULL;

  terrind_lua_check_success (L, terrind_territory_add_department (territory, code, &error), &error);
  return 0;
}

static const luaL_Reg territory_methods[] = {
  { "add_member", territory_add_member },
  { "remove_member", territory_remove_member },
  { "has_member", territory_has_member },
  { "add_department", territory_add_department },
  { NULL, NULL }
};

/* Adds each string of the list at @list_index with @add. */
static void
add_each (lua_State  *L,
          gpointer    object,
          int         list_index,
          const char *field,
          gboolean  (*add) (TerrindTerritory *, const char *, GError **))
{
  lua_Integer n;

  terrind_lua_check_list (L, list_index, field);
  if (lua_isnil (L, list_index))
    return;
  n = (lua_Integer) lua_rawlen (L, list_index);
  for (lua_Integer i = 1; i <= n; i++)
    {
      GError *error = NULL;
      const char *text;

      lua_rawgeti (L, list_index, i);
      text = terrind_lua_value_text (L, -1, field, FALSE);
      terrind_lua_check_success (L, add (object, text, &error), &error);
      lua_pop (L, 1);
    }
}

/* terrind.Territory{ id = "ti-8401", name = "Vallée de l'Arve",
 *                    region_code = "84", phase = 1,
 *                    members = { "200000172" }, departments = { "74" } } */
static int
territory_construct (lua_State *L)
{
  static const char * const handled[] = { "id", "name", "region_code", "members", "departments", NULL };
  const char *id, *name, *region_code;
  int members, departments;
  TerrindLuaBox *box;
  GError *error = NULL;

  luaL_checktype (L, 1, LUA_TTABLE);
  id = terrind_lua_value_text (L, terrind_lua_get_field (L, 1, "id"), "id", FALSE);
  name = terrind_lua_value_text (L, terrind_lua_get_field (L, 1, "name"), "name", FALSE);
  region_code = terrind_lua_value_text (L, terrind_lua_get_field (L, 1, "region_code"),
                                        "region_code", FALSE);
  members = terrind_lua_get_field (L, 1, "members");
  terrind_lua_check_list (L, members, "members");
  departments = terrind_lua_get_field (L, 1, "departments");
  terrind_lua_check_list (L, departments, "departments");

  box = terrind_lua_new_box (L, &terrind_lua_territory_type, 0);
  box->object = terrind_territory_new (id, name, region_code, &error);
  if (box->object == NULL)
    terrind_lua_raise_error (L, error);
  add_each (L, box->object, members, "members", terrind_territory_add_member);
  add_each (L, box->object, departments, "departments", terrind_territory_add_department);
  terrind_lua_apply_fields (L, 1, box, handled);
  return 1;
}

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
  .ref = territory_ref,
  .unref = territory_unref,
  .equal = territory_equal,
  .get_id = territory_get_id,
  .get_registry = territory_get_registry,
  .methods = territory_methods,
  .fields = territory_fields,
  .construct = territory_construct,
};
