/* terrind-lua-referent.c: terrind.Referent
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
  terrind_lua_push_text (L, terrind_referent_get_id (object));
}

static void
get_operator_id (lua_State *L,
                 gpointer   object)
{
  terrind_lua_push_text (L, terrind_referent_get_operator_id (object));
}

static void
get_territory_id (lua_State *L,
                  gpointer   object)
{
  terrind_lua_push_text (L, terrind_referent_get_territory_id (object));
}

static void
get_person (lua_State *L,
            gpointer   object)
{
  terrind_lua_push_text (L, terrind_referent_get_person (object));
}

static void
set_person (lua_State  *L,
            gpointer    object,
            int         value_index,
            const char *field)
{
  const char *value = terrind_lua_value_text (L, value_index, field, FALSE);
  GError *error = NULL;

  terrind_lua_check_success (L, terrind_referent_set_person (object, value, &error), &error);
}

static void
get_role (lua_State *L,
          gpointer   object)
{
  terrind_lua_push_text (L, terrind_referent_get_role (object));
}

static void
set_role (lua_State  *L,
          gpointer    object,
          int         value_index,
          const char *field)
{
  const char *value = terrind_lua_value_text (L, value_index, field, TRUE);
  GError *error = NULL;

  terrind_lua_check_success (L, terrind_referent_set_role (object, value, &error), &error);
}

static void
get_email (lua_State *L,
           gpointer   object)
{
  terrind_lua_push_text (L, terrind_referent_get_email (object));
}

static void
set_email (lua_State  *L,
           gpointer    object,
           int         value_index,
           const char *field)
{
  const char *value = terrind_lua_value_text (L, value_index, field, TRUE);
  GError *error = NULL;

  terrind_lua_check_success (L, terrind_referent_set_email (object, value, &error), &error);
}

static void
get_phone (lua_State *L,
           gpointer   object)
{
  terrind_lua_push_text (L, terrind_referent_get_phone (object));
}

static void
set_phone (lua_State  *L,
           gpointer    object,
           int         value_index,
           const char *field)
{
  const char *value = terrind_lua_value_text (L, value_index, field, TRUE);
  GError *error = NULL;

  terrind_lua_check_success (L, terrind_referent_set_phone (object, value, &error), &error);
}

static void
get_start_date (lua_State *L,
                gpointer   object)
{
  terrind_lua_push_text (L, terrind_referent_get_start_date (object));
}

static void
set_start_date (lua_State  *L,
                gpointer    object,
                int         value_index,
                const char *field)
{
  const char *value = terrind_lua_value_text (L, value_index, field, TRUE);
  GError *error = NULL;

  terrind_lua_check_success (L, terrind_referent_set_start_date (object, value, &error), &error);
}

static const TerrindLuaField referent_fields[] = {
  { "id", get_id, NULL },
  { "operator_id", get_operator_id, NULL },
  { "territory_id", get_territory_id, NULL },
  { "person", get_person, set_person },
  { "role", get_role, set_role },
  { "email", get_email, set_email },
  { "phone", get_phone, set_phone },
  { "start_date", get_start_date, set_start_date },
  { NULL, NULL, NULL }
};

static const luaL_Reg referent_methods[] = {
  { NULL, NULL }
};

/* terrind.Referent{ id = "ref-1", operator_id = "pole-emploi",
 *                   territory_id = "ti-8401", person = "Jeanne Martin",
 *                   role = "…", email = "…", phone = "…", start_date = "2019-06-01" } */
static int
referent_construct (lua_State *L)
{
  static const char * const handled[] = { "id", "operator_id", "territory_id", "person", NULL };
  const char *id, *operator_id, *territory_id, *person;
  TerrindLuaBox *box;
  GError *error = NULL;

  luaL_checktype (L, 1, LUA_TTABLE);
  id = terrind_lua_value_text (L, terrind_lua_get_field (L, 1, "id"), "id", FALSE);
  operator_id = terrind_lua_value_text (L, terrind_lua_get_field (L, 1, "operator_id"),
                                        "operator_id", FALSE);
  territory_id = terrind_lua_value_text (L, terrind_lua_get_field (L, 1, "territory_id"),
                                         "territory_id", FALSE);
  person = terrind_lua_value_text (L, terrind_lua_get_field (L, 1, "person"), "person", FALSE);

  box = terrind_lua_new_box (L, &terrind_lua_referent_type, 0);
  box->object = terrind_referent_new (id, operator_id, territory_id, person, &error);
  if (box->object == NULL)
    terrind_lua_raise_error (L, error);
  terrind_lua_apply_fields (L, 1, box, handled);
  return 1;
}

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
  .ref = referent_ref,
  .unref = referent_unref,
  .equal = referent_equal,
  .get_id = referent_get_id_string,
  .get_registry = referent_get_registry,
  .methods = referent_methods,
  .fields = referent_fields,
  .construct = referent_construct,
};
