/* terrind-lua-commitment.c: terrind.Commitment
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
  terrind_lua_push_text (L, terrind_commitment_get_id (object));
}

/* Kinds and periods are the strings of the XML format ("money-envelope",
 * "per-year"), so scripts and files speak the same words. */
static void
get_kind (lua_State *L,
          gpointer   object)
{
  terrind_lua_push_text (L, terrind_commitment_kind_to_string (terrind_commitment_get_kind (object)));
}

static void
get_text (lua_State *L,
          gpointer   object)
{
  terrind_lua_push_text (L, terrind_commitment_get_text (object));
}

static void
set_text (lua_State  *L,
          gpointer    object,
          int         value_index,
          const char *field)
{
  const char *text = terrind_lua_value_text (L, value_index, field, FALSE);
  GError *error = NULL;

  terrind_lua_check_success (L, terrind_commitment_set_text (object, text, &error), &error);
}

/* No amount reads as nil, not as 0 euros. */
static void
get_amount (lua_State *L,
            gpointer   object)
{
  if (terrind_commitment_get_amount_period (object) == TERRIND_AMOUNT_NONE)
    lua_pushnil (L);
  else
    lua_pushinteger (L, terrind_commitment_get_amount (object));
}

static void
get_amount_period (lua_State *L,
                   gpointer   object)
{
  TerrindAmountPeriod period = terrind_commitment_get_amount_period (object);

  if (period == TERRIND_AMOUNT_NONE)
    lua_pushnil (L);
  else
    terrind_lua_push_text (L, terrind_amount_period_to_string (period));
}

static void
get_approximate (lua_State *L,
                 gpointer   object)
{
  lua_pushboolean (L, terrind_commitment_get_approximate (object));
}

static void
set_approximate (lua_State  *L,
                 gpointer    object,
                 int         value_index,
                 const char *field)
{
  terrind_commitment_set_approximate (object, terrind_lua_value_boolean (L, value_index, field));
}

static void
push_year (lua_State *L,
           guint      year)
{
  if (year == 0)
    lua_pushnil (L);
  else
    lua_pushinteger (L, year);
}

static void
get_first_year (lua_State *L,
                gpointer   object)
{
  push_year (L, terrind_commitment_get_first_year (object));
}

static void
get_last_year (lua_State *L,
               gpointer   object)
{
  push_year (L, terrind_commitment_get_last_year (object));
}

static void
get_themes (lua_State *L,
            gpointer   object)
{
  guint n = terrind_commitment_get_n_themes (object);

  lua_createtable (L, (int) n, 0);
  for (guint i = 0; i < n; i++)
    {
      lua_pushstring (L, terrind_commitment_get_theme (object, i));
      lua_rawseti (L, -2, (lua_Integer) i + 1);
    }
}

/* { { level = "priority", count = 20 }, ... } */
static void
get_targets (lua_State *L,
             gpointer   object)
{
  guint n = terrind_commitment_get_n_targets (object);

  lua_createtable (L, (int) n, 0);
  for (guint i = 0; i < n; i++)
    {
      lua_createtable (L, 0, 2);
      lua_pushstring (L, terrind_commitment_get_target_level (object, i));
      lua_setfield (L, -2, "level");
      lua_pushinteger (L, terrind_commitment_get_target_count (object, i));
      lua_setfield (L, -2, "count");
      lua_rawseti (L, -2, (lua_Integer) i + 1);
    }
}

static const TerrindLuaField commitment_fields[] = {
  { "id", get_id, NULL },
  { "kind", get_kind, NULL },
  { "text", get_text, set_text },
  { "amount", get_amount, NULL },
  { "amount_period", get_amount_period, NULL },
  { "approximate", get_approximate, set_approximate },
  { "first_year", get_first_year, NULL },
  { "last_year", get_last_year, NULL },
  { "themes", get_themes, NULL, TRUE },
  { "targets", get_targets, NULL, TRUE },
  { NULL, NULL, NULL }
};

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
  TerrindCommitment *commitment = terrind_lua_check_mutable (L, 1, &terrind_lua_commitment_type);
  lua_Integer euros = luaL_checkinteger (L, 2);
  const char *period = terrind_lua_check_text (L, 3);
  GError *error = NULL;

  terrind_lua_check_success (L, set_amount (commitment, euros, period, &error), &error);
  return 0;
}

/* c:set_years(first, last) */
static int
commitment_set_years (lua_State *L)
{
  TerrindCommitment *commitment = terrind_lua_check_mutable (L, 1, &terrind_lua_commitment_type);
  guint first = terrind_lua_check_uint (L, 2);
  guint last = terrind_lua_check_uint (L, 3);
  GError *error = NULL;

  terrind_lua_check_success (L, terrind_commitment_set_years (commitment, first, last, &error),
                             &error);
  return 0;
}

static int
commitment_add_theme (lua_State *L)
{
  TerrindCommitment *commitment = terrind_lua_check_mutable (L, 1, &terrind_lua_commitment_type);
  const char *theme = terrind_lua_check_text (L, 2);
  GError *error = NULL;

  terrind_lua_check_success (L, terrind_commitment_add_theme (commitment, theme, &error), &error);
  return 0;
}

/* c:add_target(level, count) */
static int
commitment_add_target (lua_State *L)
{
  TerrindCommitment *commitment = terrind_lua_check_mutable (L, 1, &terrind_lua_commitment_type);
  const char *level = terrind_lua_check_text (L, 2);
  guint count = terrind_lua_check_uint (L, 3);
  GError *error = NULL;

  terrind_lua_check_success (L, terrind_commitment_add_target (commitment, level, count, &error),
                             &error);
  return 0;
}

static const luaL_Reg commitment_methods[] = {
  { "set_amount", commitment_set_amount },
  { "set_years", commitment_set_years },
  { "add_theme", commitment_add_theme },
  { "add_target", commitment_add_target },
  { NULL, NULL }
};

static void
add_themes (lua_State *L,
            gpointer   object,
            int        list_index)
{
  lua_Integer n;

  if (lua_isnil (L, list_index))
    return;
  n = (lua_Integer) lua_rawlen (L, list_index);
  for (lua_Integer i = 1; i <= n; i++)
    {
      GError *error = NULL;
      const char *theme;

      lua_rawgeti (L, list_index, i);
      theme = terrind_lua_value_text (L, -1, "themes", FALSE);
      terrind_lua_check_success (L, terrind_commitment_add_theme (object, theme, &error), &error);
      lua_pop (L, 1);
    }
}

static void
add_targets (lua_State *L,
             gpointer   object,
             int        list_index)
{
  lua_Integer n;

  if (lua_isnil (L, list_index))
    return;
  n = (lua_Integer) lua_rawlen (L, list_index);
  for (lua_Integer i = 1; i <= n; i++)
    {
      const char *level;
      guint count;
      GError *error = NULL;
      int entry;

      lua_rawgeti (L, list_index, i);
      entry = lua_gettop (L);
      if (!lua_istable (L, entry))
        luaL_error (L, "bad value in field 'targets' (table expected, got %s)",
                    luaL_typename (L, entry));
      level = terrind_lua_value_text (L, terrind_lua_get_field (L, entry, "level"),
                                      "targets.level", FALSE);
      count = terrind_lua_value_uint (L, terrind_lua_get_field (L, entry, "count"),
                                      "targets.count");
      terrind_lua_check_success (L, terrind_commitment_add_target (object, level, count, &error),
                                 &error);
      lua_settop (L, entry - 1);
    }
}

/* Reads an optional integer field; @present says whether it was there. */
static lua_Integer
opt_integer_field (lua_State  *L,
                   int         table_index,
                   const char *field,
                   gboolean   *present)
{
  int index = terrind_lua_get_field (L, table_index, field);
  lua_Integer value = 0;

  *present = !lua_isnil (L, index);
  if (*present)
    value = terrind_lua_value_int64 (L, index, field);
  lua_pop (L, 1);
  return value;
}

/* terrind.Commitment{ id = "bdt-equity", kind = "money-envelope",
 *                     text = "…", amount = 100000000, amount_period = "per-year",
 *                     first_year = 2019, last_year = 2022, approximate = true,
 *                     themes = { "…" }, targets = { { level = "priority", count = 20 } } } */
static int
commitment_construct (lua_State *L)
{
  static const char * const handled[] = {
    "id", "kind", "text", "amount", "amount_period", "first_year", "last_year",
    "themes", "targets", NULL
  };
  const char *id, *kind_text, *text, *period_text;
  gboolean has_amount, has_first, has_last;
  lua_Integer amount, first_year, last_year;
  TerrindCommitmentKind kind;
  int themes, targets;
  TerrindLuaBox *box;
  GError *error = NULL;

  luaL_checktype (L, 1, LUA_TTABLE);
  id = terrind_lua_value_text (L, terrind_lua_get_field (L, 1, "id"), "id", FALSE);
  kind_text = terrind_lua_value_text (L, terrind_lua_get_field (L, 1, "kind"), "kind", FALSE);
  text = terrind_lua_value_text (L, terrind_lua_get_field (L, 1, "text"), "text", FALSE);
  period_text = terrind_lua_value_text (L, terrind_lua_get_field (L, 1, "amount_period"),
                                        "amount_period", TRUE);
  amount = opt_integer_field (L, 1, "amount", &has_amount);
  first_year = opt_integer_field (L, 1, "first_year", &has_first);
  last_year = opt_integer_field (L, 1, "last_year", &has_last);
  themes = terrind_lua_get_field (L, 1, "themes");
  terrind_lua_check_list (L, themes, "themes");
  targets = terrind_lua_get_field (L, 1, "targets");
  terrind_lua_check_list (L, targets, "targets");
  if (has_amount != (period_text != NULL))
    return luaL_error (L, "fields 'amount' and 'amount_period' go together");
  if (has_first != has_last)
    return luaL_error (L, "fields 'first_year' and 'last_year' go together");
  if (has_first && (first_year < 0 || first_year > G_MAXUINT || last_year < 0 || last_year > G_MAXUINT))
    return luaL_error (L, "bad value for field 'first_year' or 'last_year' (integer out of range)");

  if (!terrind_commitment_kind_from_string (kind_text, &kind))
    terrind_lua_raise_error (L, g_error_new (TERRIND_ERROR, TERRIND_ERROR_INVALID_VALUE,
                                             "“%s” is not a commitment kind", kind_text));

  box = terrind_lua_new_box (L, &terrind_lua_commitment_type, 0);
  box->object = terrind_commitment_new (id, kind, text, &error);
  if (box->object == NULL)
    terrind_lua_raise_error (L, error);
  if (has_amount)
    terrind_lua_check_success (L, set_amount (box->object, amount, period_text, &error), &error);
  if (has_first)
    terrind_lua_check_success (L, terrind_commitment_set_years (box->object, (guint) first_year,
                                                                (guint) last_year, &error),
                               &error);
  add_themes (L, box->object, themes);
  add_targets (L, box->object, targets);
  terrind_lua_apply_fields (L, 1, box, handled);
  return 1;
}

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
  .ref = commitment_ref,
  .unref = commitment_unref,
  .equal = commitment_equal,
  .get_id = commitment_get_id,
  .get_registry = commitment_get_registry,
  .methods = commitment_methods,
  .fields = commitment_fields,
  .construct = commitment_construct,
};
