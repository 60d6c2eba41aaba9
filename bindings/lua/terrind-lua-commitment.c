/* terrind-lua-commitment.c: terrind.Commitment: its methods; its fields
 * and constructor come from the model (terrind-lua-model.c)
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "terrind-lua-private.h"

static gboolean
parse_period (const char           *text,
              TerrindAmountPeriod  *period,
              GError              **error)
{
  if (terrind_amount_period_from_string (text, period))
    return TRUE;
  g_set_error (error, TERRIND_ERROR, TERRIND_ERROR_INVALID_VALUE,
               "“%s” is not an amount period (total or per-year)", text);
  return FALSE;
}

static gboolean
set_amount (TerrindCommitment  *commitment,
            gint64              euros,
            const char         *period_text,
            GError            **error)
{
  TerrindAmountPeriod period;

  return parse_period (period_text, &period, error) &&
         terrind_commitment_set_amount (commitment, euros, period, error);
}

/* c:set_amount(euros, period): euros an integer, period "total" or
 * "per-year"; the two change together. */
static int
commitment_set_amount (lua_State *L)
{
  lua_Integer euros = luaL_checkinteger (L, 2);
  const char *period = terrind_lua_check_text (L, 3);
  TerrindCommitment *commitment = terrind_lua_check_mutable (L, 1, &terrind_lua_commitment_type);
  GError *error = NULL;

  terrind_lua_check_success (L, set_amount (commitment, euros, period, &error), &error);
  return 0;
}

/* c:set_years(first, last) */
static int
commitment_set_years (lua_State *L)
{
  guint first = terrind_lua_check_uint (L, 2);
  guint last = terrind_lua_check_uint (L, 3);
  TerrindCommitment *commitment = terrind_lua_check_mutable (L, 1, &terrind_lua_commitment_type);
  GError *error = NULL;

  terrind_lua_check_success (L, terrind_commitment_set_years (commitment, first, last, &error),
                             &error);
  return 0;
}

static int
commitment_add_theme (lua_State *L)
{
  const char *theme = terrind_lua_check_text (L, 2);
  TerrindCommitment *commitment = terrind_lua_check_mutable (L, 1, &terrind_lua_commitment_type);
  GError *error = NULL;

  terrind_lua_check_success (L, terrind_commitment_add_theme (commitment, theme, &error), &error);
  return 0;
}

/* c:add_target(level, count) */
static int
commitment_add_target (lua_State *L)
{
  const char *level = terrind_lua_check_text (L, 2);
  guint count = terrind_lua_check_uint (L, 3);
  TerrindCommitment *commitment = terrind_lua_check_mutable (L, 1, &terrind_lua_commitment_type);
  GError *error = NULL;

  terrind_lua_check_success (L, terrind_commitment_add_target (commitment, level, count, &error),
                             &error);
  return 0;
}

/* Before 1.1 the binding had names of its own; the description's are
 * the names now (README.md, "Deprecated names"). */
static const TerrindLuaAlias commitment_aliases[] = {
  { "amount_period", "period" },
  { NULL, NULL }
};

static const luaL_Reg commitment_methods[] = {
  { "set_amount", commitment_set_amount },
  { "set_years", commitment_set_years },
  { "add_theme", commitment_add_theme },
  { "add_target", commitment_add_target },
  { NULL, NULL }
};

static gpointer
commitment_ref (gpointer object)
{
  return terrind_commitment_ref (object);
}

static void
commitment_unref (gpointer object)
{
  terrind_commitment_unref (object);
}

static gboolean
commitment_equal (gpointer a,
                  gpointer b)
{
  return terrind_commitment_equal (a, b);
}

static const char *
commitment_get_id (gpointer object)
{
  return terrind_commitment_get_id (object);
}

static TerrindRegistry *
commitment_get_registry (gpointer object)
{
  return terrind_commitment_get_registry (object);
}

const TerrindLuaType terrind_lua_commitment_type = {
  .name = "Commitment",
  .metatable = "terrind.Commitment",
  .kind = "commitment",
  .ref = commitment_ref,
  .unref = commitment_unref,
  .equal = commitment_equal,
  .get_id = commitment_get_id,
  .get_registry = commitment_get_registry,
  .methods = commitment_methods,
  .aliases = commitment_aliases,
};
