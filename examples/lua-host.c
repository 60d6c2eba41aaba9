/* lua-host.c: a host application that runs Lua plugins on its registry
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Usage: lua-host [--data FILE] [--budget N] [--memory-mb N] PLUGIN_DIR
 *
 * The host holds a TerrindRegistry (the embedded default dataset, or FILE)
 * and runs every *.lua file of PLUGIN_DIR, in name order, each in a
 * lua_State of its own. A plugin is a chunk that returns a table:
 *
 *   return {
 *     name = "short-name",                    -- optional, the file name otherwise
 *     description = "what it looks at",       -- optional
 *     check = function (registry) ... end,    -- optional: returns a list of
 *                                             --   findings, each a string or
 *                                             --   { subject = "id", message = "…" }
 *     report = function (registry) ... end,   -- optional: returns a string
 *   }
 *
 * Both entry points receive the host's own registry (shared, not copied).
 * A plugin that does not load, raises an error, runs past its instruction
 * budget or its memory limit, or returns something else than documented is
 * reported and skipped; the others still run.
 *
 * Plugin output is written as the UTF-8 bytes the plugins produce, with
 * stdio rather than g_print(), which would convert it to the locale's
 * character set.
 *
 * Exit status: 0 when every plugin ran, 1 when at least one was skipped,
 * 2 when the host itself could not start.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <lualib.h>
#include <lauxlib.h>

#include <terrind.h>
#include <terrind-lua.h>

#define DEFAULT_BUDGET     100000000  /* Lua VM instructions per plugin */
#define DEFAULT_MEMORY_MB  256
#define HOOK_STEP          10000      /* instructions between two budget checks */

/* What one plugin may use, and what it has used so far. */
typedef struct {
  gsize   memory_used;
  gsize   memory_limit;
  guint64 instructions;
  guint64 budget;
} PluginLimits;

/* The allocator of each plugin's lua_State: Lua's own memory is capped, so
 * a plugin that keeps allocating fails with "not enough memory" instead of
 * taking the host down. */
static void *
limited_alloc (void  *user_data,
               void  *block,
               size_t old_size,
               size_t new_size)
{
  PluginLimits *limits = user_data;
  void *resized;

  if (block == NULL)
    old_size = 0;  /* Lua passes a type tag here for new blocks */
  if (new_size == 0)
    {
      free (block);
      limits->memory_used -= old_size;
      return NULL;
    }
  if (new_size > old_size && new_size - old_size > limits->memory_limit - limits->memory_used)
    return NULL;
  resized = realloc (block, new_size);
  if (resized == NULL)
    return NULL;
  limits->memory_used = limits->memory_used - old_size + new_size;
  return resized;
}

/* Called every HOOK_STEP instructions. Once over budget it fires on every
 * instruction, so a plugin that catches the error with pcall() and loops
 * again is stopped at its next instruction outside the pcall. */
static void
budget_hook (lua_State *L,
             lua_Debug *ar)
{
  PluginLimits *limits;
  void *user_data;

  lua_getallocf (L, &user_data);
  limits = user_data;
  limits->instructions += HOOK_STEP;
  if (limits->instructions > limits->budget)
    {
      lua_sethook (L, budget_hook, LUA_MASKCOUNT, 1);
      luaL_error (L, "instruction budget exceeded (%I instructions)", (lua_Integer) limits->budget);
    }
}

/* Message handler of every protected call: a traceback for errors that are
 * strings, the message of a terrind.Error for the others. */
static int
message_handler (lua_State *L)
{
  const char *message = luaL_tolstring (L, 1, NULL);

  luaL_traceback (L, L, message, 1);
  return 1;
}

/* Plugins return their own tables, metatables included: the host reads
 * them with raw accesses, so no plugin code runs outside a protected call. */
static int
raw_field (lua_State  *L,
           int         index,
           const char *field)
{
  index = lua_absindex (L, index);
  lua_pushstring (L, field);
  return lua_rawget (L, index);
}

/* Calls the function below its @n_args arguments on the stack; on failure
 * prints why, pops the error and returns FALSE. */
static gboolean
protected_call (lua_State  *L,
                int         n_args,
                const char *plugin,
                const char *what)
{
  int handler = lua_gettop (L) - n_args;

  lua_pushcfunction (L, message_handler);
  lua_insert (L, handler);
  if (lua_pcall (L, n_args, 1, handler) != LUA_OK)
    {
      const char *message = lua_tostring (L, -1);

      fprintf (stderr, "lua-host: plugin %s: %s failed: %s\n", plugin, what,
               message != NULL ? message : "(an error that is not a string)");
      lua_pop (L, 2);
      return FALSE;
    }
  lua_remove (L, handler);
  return TRUE;
}

static void
print_finding (lua_State  *L,
               const char *plugin,
               int         index)
{
  if (lua_type (L, index) == LUA_TSTRING)
    {
      printf ("  %s: %s\n", plugin, lua_tostring (L, index));
      return;
    }
  raw_field (L, index, "subject");
  raw_field (L, index, "message");
  printf ("  %s: %s: %s\n", plugin,
           lua_type (L, -2) == LUA_TSTRING ? lua_tostring (L, -2) : "-",
           lua_tostring (L, -1));
  lua_pop (L, 2);
}

/* Checks the shape of the findings at the top of the stack before printing
 * any, so a malformed list is refused as a whole. */
static gboolean
findings_are_valid (lua_State *L)
{
  lua_Integer n;

  if (!lua_istable (L, -1))
    return FALSE;
  n = (lua_Integer) lua_rawlen (L, -1);
  for (lua_Integer i = 1; i <= n; i++)
    {
      gboolean valid;

      lua_rawgeti (L, -1, i);
      valid = lua_type (L, -1) == LUA_TSTRING;
      if (lua_istable (L, -1))
        {
          raw_field (L, -1, "message");
          valid = lua_type (L, -1) == LUA_TSTRING;
          lua_pop (L, 1);
        }
      lua_pop (L, 1);
      if (!valid)
        return FALSE;
    }
  return TRUE;
}

/* Pushes the registry and calls the entry point, both under the protected
 * call: even pushing the registry can fail when the plugin has used up its
 * memory. Arguments: the entry point, the registry as a light userdata. */
static int
call_entry_point (lua_State *L)
{
  TerrindRegistry *registry = lua_touserdata (L, 2);

  lua_settop (L, 1);
  terrind_lua_push_registry (L, registry);
  lua_call (L, 1, 1);
  return 1;
}

/* Runs the entry point @entry of the plugin table at @plugin_index, if it
 * has one. */
static gboolean
run_entry_point (lua_State       *L,
                 int              plugin_index,
                 const char      *entry,
                 const char      *name,
                 TerrindRegistry *registry)
{
  gboolean ok = TRUE;

  raw_field (L, plugin_index, entry);
  if (lua_isnil (L, -1))
    {
      lua_pop (L, 1);
      return TRUE;
    }
  if (!lua_isfunction (L, -1))
    {
      fprintf (stderr, "lua-host: plugin %s: '%s' is not a function\n", name, entry);
      lua_pop (L, 1);
      return FALSE;
    }
  lua_pushcfunction (L, call_entry_point);
  lua_insert (L, -2);
  lua_pushlightuserdata (L, registry);
  if (!protected_call (L, 2, name, entry))
    return FALSE;

  if (strcmp (entry, "check") == 0)
    {
      if (!findings_are_valid (L))
        {
          fprintf (stderr, "lua-host: plugin %s: check must return a list of findings "
                      "(strings or { subject = …, message = … })\n", name);
          ok = FALSE;
        }
      else
        {
          lua_Integer n = (lua_Integer) lua_rawlen (L, -1);

          printf ("[%s] check: %d finding%s\n", name, (int) n, n == 1 ? "" : "s");
          for (lua_Integer i = 1; i <= n; i++)
            {
              lua_rawgeti (L, -1, i);
              print_finding (L, name, lua_gettop (L));
              lua_pop (L, 1);
            }
        }
    }
  else if (lua_type (L, -1) != LUA_TSTRING)
    {
      fprintf (stderr, "lua-host: plugin %s: report must return a string\n", name);
      ok = FALSE;
    }
  else
    {
      printf ("[%s] report:\n%s", name, lua_tostring (L, -1));
      if (!g_str_has_suffix (lua_tostring (L, -1), "\n"))
        printf ("\n");
    }
  lua_pop (L, 1);
  return ok;
}

/* Only reached if an error escapes every protected call, which the host
 * is written never to allow; Lua aborts after this returns. */
static int
panic (lua_State *L)
{
  fprintf (stderr, "lua-host: unprotected Lua error: %s\n", lua_tostring (L, -1));
  return 0;
}

/* Loads the plugin at @path in a fresh lua_State and runs its entry
 * points on @registry. */
static gboolean
run_plugin (const char      *path,
            TerrindRegistry *registry,
            guint64          budget,
            gsize            memory_limit)
{
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *name = NULL;
  PluginLimits limits = { 0, memory_limit, 0, budget };
  gboolean ok = TRUE;
  lua_State *L;
  int plugin;

  L = lua_newstate (limited_alloc, &limits);
  if (L == NULL)
    {
      fprintf (stderr, "lua-host: plugin %s: cannot create a Lua state\n", base);
      return FALSE;
    }
  lua_atpanic (L, panic);
  luaL_openlibs (L);
  luaL_requiref (L, TERRIND_LUA_MODULE_NAME, terrind_lua_open, 0);
  lua_pop (L, 1);
  lua_sethook (L, budget_hook, LUA_MASKCOUNT, HOOK_STEP);

  /* Text only: precompiled chunks can crash the VM. */
  if (luaL_loadfilex (L, path, "t") != LUA_OK)
    {
      fprintf (stderr, "lua-host: plugin %s: cannot load: %s\n", base, lua_tostring (L, -1));
      lua_close (L);
      return FALSE;
    }
  if (!protected_call (L, 0, base, "loading"))
    {
      lua_close (L);
      return FALSE;
    }
  if (!lua_istable (L, -1))
    {
      fprintf (stderr, "lua-host: plugin %s: the chunk must return a table, not a %s\n",
                  base, luaL_typename (L, -1));
      lua_close (L);
      return FALSE;
    }
  plugin = lua_gettop (L);
  if (raw_field (L, plugin, "check") == LUA_TNIL && raw_field (L, plugin, "report") == LUA_TNIL)
    {
      fprintf (stderr, "lua-host: plugin %s: has neither a check nor a report function\n", base);
      lua_close (L);
      return FALSE;
    }
  lua_settop (L, plugin);

  raw_field (L, plugin, "name");
  name = g_strdup (lua_type (L, -1) == LUA_TSTRING ? lua_tostring (L, -1) : base);
  lua_pop (L, 1);
  raw_field (L, plugin, "description");
  if (lua_type (L, -1) == LUA_TSTRING)
    printf ("== %s: %s\n", name, lua_tostring (L, -1));
  else
    printf ("== %s\n", name);
  lua_pop (L, 1);

  ok = run_entry_point (L, plugin, "check", name, registry) && ok;
  ok = run_entry_point (L, plugin, "report", name, registry) && ok;
  lua_close (L);
  return ok;
}

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The *.lua files of @dir, sorted by name so runs are reproducible. */
static GPtrArray *
list_plugins (const char  *dir,
              GError     **error)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, error);
  g_autoptr(GPtrArray) paths = NULL;
  const char *entry;

  if (handle == NULL)
    return NULL;
  paths = g_ptr_array_new_with_free_func (g_free);
  while ((entry = g_dir_read_name (handle)) != NULL)
    if (g_str_has_suffix (entry, ".lua"))
      g_ptr_array_add (paths, g_build_filename (dir, entry, NULL));
  g_ptr_array_sort (paths, compare_paths);
  return g_steal_pointer (&paths);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data = NULL;
  gint64 budget = DEFAULT_BUDGET;
  gint memory_mb = DEFAULT_MEMORY_MB;
  GOptionEntry entries[] = {
    { "data", 'd', 0, G_OPTION_ARG_FILENAME, &data,
      "Load the registry from FILE instead of the embedded dataset", "FILE" },
    { "budget", 'b', 0, G_OPTION_ARG_INT64, &budget,
      "Lua instructions each plugin may run", "N" },
    { "memory-mb", 'm', 0, G_OPTION_ARG_INT, &memory_mb,
      "Megabytes of Lua memory each plugin may use", "N" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("PLUGIN_DIR");
  g_autoptr(TerrindRegistry) registry = NULL;
  g_autoptr(GPtrArray) plugins = NULL;
  g_autoptr(GError) error = NULL;
  guint failed = 0;

  g_option_context_set_summary (context, "Runs the Lua plugins of PLUGIN_DIR on a registry.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      fprintf (stderr, "lua-host: %s\n", error->message);
      return 2;
    }
  if (argc != 2 || budget <= 0 || memory_mb <= 0)
    {
      fprintf (stderr, "lua-host: expected one plugin directory, a positive budget and memory; "
                  "see --help\n");
      return 2;
    }

  registry = data != NULL ? terrind_registry_new_from_file (data, &error)
                          : terrind_registry_new_default (&error);
  if (registry == NULL)
    {
      fprintf (stderr, "lua-host: cannot load the registry: %s\n", error->message);
      return 2;
    }
  plugins = list_plugins (argv[1], &error);
  if (plugins == NULL)
    {
      fprintf (stderr, "lua-host: %s\n", error->message);
      return 2;
    }

  for (guint i = 0; i < plugins->len; i++)
    if (!run_plugin (g_ptr_array_index (plugins, i), registry, (guint64) budget,
                     (gsize) memory_mb * 1024 * 1024))
      failed++;

  printf ("lua-host: %u plugin%s run, %u skipped\n", plugins->len - failed,
           plugins->len - failed == 1 ? "" : "s", failed);
  return failed == 0 ? 0 : 1;
}
