/* terrind-lua-evaluation.c: reg:evaluate{ date =, year =, phase = }
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "terrind-lua-private.h"

/*
 * The findings of terrind_registry_evaluate() as an array of plain tables.
 *
 * The rule of the binding, here: the options table is read first (that
 * allocates, and may run a finalizer); then the registry's wrapper is
 * checked, the C options made and the evaluation taken with no Lua call in
 * between. The evaluation is immutable and does not depend on the registry
 * once made, so the tables are built from it, under
 * terrind_lua_push_and_free(), which frees it whatever happens: a finalizer
 * that closes the registry meanwhile changes nothing that is being read,
 * and running out of memory leaks nothing.
 */

typedef struct {
  const char *date;    /* on the Lua stack while used, or NULL */
  guint       year;    /* 0: every year */
  guint       phase;   /* 0: every phase */
} EvaluateValues;

static const char * const evaluate_keys[] = { "date", "year", "phase", NULL };

/* A year or phase: a positive integer; 0 is refused with the library's
 * INVALID_VALUE rather than read as "every" (leave the key out for that). */
static guint
evaluate_number (lua_State  *L,
                 int         table_index,
                 const char *name)
{
  int index = terrind_lua_get_field (L, table_index, name);
  gint64 value = 0;

  if (!lua_isnil (L, index))
    {
      value = terrind_lua_value_int64 (L, index, name);
      if (value < 0 || value > G_MAXUINT)
        luaL_error (L, "bad value for field '%s' (integer out of range)", name);
      if (value == 0)
        terrind_lua_raise_error (L, g_error_new_literal (
            TERRIND_ERROR, TERRIND_ERROR_INVALID_VALUE,
            g_str_equal (name, "year")
              ? "invalid evaluation year 0: years run from 1900 to 2200 (nil: every year)"
              : "phases are numbered from 1 (nil: every phase)"));
    }
  lua_pop (L, 1);
  return (guint) value;
}

/* Reads the options table at @arg (or none); leaves the date's string on
 * the stack, so that values.date stays valid. */
static EvaluateValues
read_evaluate_options (lua_State *L,
                       int        arg)
{
  EvaluateValues values = { NULL, 0, 0 };
  int index;

  if (lua_isnoneornil (L, arg))
    {
      lua_pushnil (L);   /* the date's slot */
      return values;
    }
  luaL_checktype (L, arg, LUA_TTABLE);
  lua_pushnil (L);
  while (lua_next (L, arg) != 0)
    {
      if (lua_type (L, -2) != LUA_TSTRING || !g_strv_contains (evaluate_keys, lua_tostring (L, -2)))
        luaL_argerror (L, arg, "unknown evaluation option (date, year, phase)");
      lua_pop (L, 1);
    }
  values.year = evaluate_number (L, arg, "year");
  values.phase = evaluate_number (L, arg, "phase");
  index = terrind_lua_get_field (L, arg, "date");
  values.date = terrind_lua_value_text (L, index, "date", TRUE);
  return values;
}

static void
set_text (lua_State  *L,
          const char *key,
          const char *value)
{
  if (value == NULL)
    return;
  lua_pushstring (L, value);
  lua_setfield (L, -2, key);
}

static void
set_integer (lua_State   *L,
             const char  *key,
             lua_Integer  value)
{
  lua_pushinteger (L, value);
  lua_setfield (L, -2, key);
}

/* Under terrind_lua_push_and_free(): the evaluation is the light userdata
 * at 1, and stays alive until this function has returned or raised. */
static int
push_findings (lua_State *L)
{
  const TerrindEvaluation *evaluation = lua_touserdata (L, 1);
  guint n = terrind_evaluation_get_n_findings (evaluation);
  guint i, t;

  lua_createtable (L, (int) MIN (n, (guint) G_MAXINT), 0);
  for (i = 0; i < n; i++)
    {
      guint year = terrind_evaluation_get_year (evaluation, i);
      guint n_territories = terrind_evaluation_get_n_territories (evaluation, i);

      lua_createtable (L, 0, 9);
      set_text (L, "convention", terrind_evaluation_get_convention_id (evaluation, i));
      set_text (L, "commitment", terrind_evaluation_get_commitment_id (evaluation, i));
      set_text (L, "kind", terrind_commitment_kind_to_string (terrind_evaluation_get_kind (evaluation, i)));
      if (year != 0)
        set_integer (L, "year", year);
      set_text (L, "measure", terrind_evaluation_get_measure (evaluation, i));
      if (terrind_evaluation_has_target (evaluation, i))
        set_integer (L, "target", terrind_evaluation_get_target (evaluation, i));
      set_integer (L, "value", terrind_evaluation_get_value (evaluation, i));
      set_text (L, "status", terrind_status_to_string (terrind_evaluation_get_status (evaluation, i)));
      lua_createtable (L, (int) MIN (n_territories, (guint) G_MAXINT), 0);
      for (t = 0; t < n_territories; t++)
        {
          lua_pushstring (L, terrind_evaluation_get_territory (evaluation, i, t));
          lua_rawseti (L, -2, (lua_Integer) t + 1);
        }
      lua_setfield (L, -2, "territories");
      lua_rawseti (L, -2, (lua_Integer) i + 1);
    }
  return 1;
}

static void
unref_evaluation (gpointer evaluation)
{
  terrind_evaluation_unref (evaluation);
}

/* reg:evaluate([{ date = "YYYY-MM-DD", year = n, phase = n }]) */
int
terrind_lua_registry_evaluate (lua_State *L)
{
  TerrindEvaluationOptions *options;
  TerrindEvaluation *evaluation;
  TerrindRegistry *registry;
  EvaluateValues values;
  GError *error = NULL;

  terrind_lua_check_object (L, 1, &terrind_lua_registry_type);
  values = read_evaluate_options (L, 2);
  /* Reading the table may have run a finalizer: check again, then C only
   * until the evaluation is handed over. */
  registry = terrind_lua_check_object (L, 1, &terrind_lua_registry_type);
  options = terrind_evaluation_options_new ();
  terrind_evaluation_options_set_date (options, values.date);
  terrind_evaluation_options_set_year (options, values.year);
  terrind_evaluation_options_set_phase (options, values.phase);
  evaluation = terrind_registry_evaluate (registry, options, &error);
  terrind_evaluation_options_unref (options);
  if (evaluation == NULL)
    terrind_lua_raise_error (L, error);
  lua_pop (L, 1);   /* the date: copied into the evaluation, no longer read */
  terrind_lua_push_and_free (L, push_findings, evaluation, unref_evaluation);
  return 1;
}
