/* terrind-lua-phase.c: terrind.Phase, whose fields and constructor come
 * from the model (terrind-lua-model.c)
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "terrind-lua-private.h"

/* A phase's key is its number; "id" reads it too, as every other kind's
 * key is its id, so code that handles any entity can ask for e.id. */
static const TerrindLuaAlias phase_aliases[] = {
  { "id", "number" },
  { NULL, NULL }
};

static const luaL_Reg phase_methods[] = {
  { NULL, NULL }
};

static gpointer
phase_ref (gpointer object)
{
  return terrind_phase_ref (object);
}

static void
phase_unref (gpointer object)
{
  terrind_phase_unref (object);
}

static gboolean
phase_equal (gpointer a,
             gpointer b)
{
  return terrind_phase_equal (a, b);
}

/* The number's text form, the key the model gives a phase ("2"). */
static const char *
phase_get_id (gpointer object)
{
  return terrind_kind_get_entity_id (terrind_model_lookup_kind ("phase"), object);
}

static TerrindRegistry *
phase_get_registry (gpointer object)
{
  return terrind_phase_get_registry (object);
}

const TerrindLuaType terrind_lua_phase_type = {
  .name = "Phase",
  .metatable = "terrind.Phase",
  .kind = "phase",
  .ref = phase_ref,
  .unref = phase_unref,
  .equal = phase_equal,
  .get_id = phase_get_id,
  .get_registry = phase_get_registry,
  .methods = phase_methods,
  .aliases = phase_aliases,
};
