/* terrind-lua-plugin-options.c: the limits of one plugin run
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "terrind-lua-plugin-private.h"

struct _TerrindLuaPluginOptions {
  gatomicrefcount ref_count;
  guint64         instruction_budget;
  guint           time_limit;    /* milliseconds */
  guint64         memory_limit;
  guint64         output_limit;
  gboolean        writable;
};

/**
 * terrind_lua_plugin_options_new:
 *
 * Creates options holding the defaults: a budget of 100 000 000 Lua
 * instructions, a time limit of 10 s, a memory limit of 256 MiB, an output
 * limit of 16 MiB, and a read-only registry.
 *
 * Returns: (transfer full): new options; free with
 *   terrind_lua_plugin_options_unref()
 *
 * Since: 1.0.1
 */
TerrindLuaPluginOptions *
terrind_lua_plugin_options_new (void)
{
  TerrindLuaPluginOptions *options = g_new0 (TerrindLuaPluginOptions, 1);

  g_atomic_ref_count_init (&options->ref_count);
  options->instruction_budget = 100000000;
  options->time_limit = 10000;
  options->memory_limit = 256 * 1024 * 1024;
  options->output_limit = 16 * 1024 * 1024;
  options->writable = FALSE;
  return options;
}

/**
 * terrind_lua_plugin_options_ref:
 * @options: options
 *
 * Returns: (transfer full): @options, with one more reference
 *
 * Since: 1.0.1
 */
TerrindLuaPluginOptions *
terrind_lua_plugin_options_ref (TerrindLuaPluginOptions *options)
{
  g_return_val_if_fail (options != NULL, NULL);

  g_atomic_ref_count_inc (&options->ref_count);
  return options;
}

/**
 * terrind_lua_plugin_options_unref:
 * @options: (transfer full): options
 *
 * Drops a reference; the last one frees @options.
 *
 * Since: 1.0.1
 */
void
terrind_lua_plugin_options_unref (TerrindLuaPluginOptions *options)
{
  g_return_if_fail (options != NULL);

  if (g_atomic_ref_count_dec (&options->ref_count))
    g_free (options);
}

/**
 * terrind_lua_plugin_options_get_instruction_budget:
 * @options: options
 *
 * Returns: the number of Lua instructions a plugin may run
 *
 * Since: 1.0.1
 */
guint64
terrind_lua_plugin_options_get_instruction_budget (const TerrindLuaPluginOptions *options)
{
  g_return_val_if_fail (options != NULL, 0);
  return options->instruction_budget;
}

/**
 * terrind_lua_plugin_options_set_instruction_budget:
 * @options: options
 * @instructions: a positive number of Lua virtual machine instructions
 *
 * Sets how many instructions a plugin may run, loading included; it is
 * checked every 1000 instructions. Once over, the plugin fails with
 * %TERRIND_LUA_PLUGIN_ERROR_BUDGET, even if it catches the error: every
 * instruction after that raises again. Time spent inside C functions is not
 * counted here; the time limit covers it.
 *
 * Since: 1.0.1
 */
void
terrind_lua_plugin_options_set_instruction_budget (TerrindLuaPluginOptions *options,
                                                   guint64                  instructions)
{
  g_return_if_fail (options != NULL);
  g_return_if_fail (instructions > 0);
  options->instruction_budget = instructions;
}

/**
 * terrind_lua_plugin_options_get_time_limit:
 * @options: options
 *
 * Returns: the time limit, in milliseconds
 *
 * Since: 1.0.1
 */
guint
terrind_lua_plugin_options_get_time_limit (const TerrindLuaPluginOptions *options)
{
  g_return_val_if_fail (options != NULL, 0);
  return options->time_limit;
}

/**
 * terrind_lua_plugin_options_set_time_limit:
 * @options: options
 * @milliseconds: a positive wall-clock time
 *
 * Sets how long a plugin's process may take, from its start to its result;
 * past it, the process is killed and the plugin fails with
 * %TERRIND_LUA_PLUGIN_ERROR_TIMEOUT, whatever it was doing.
 *
 * Since: 1.0.1
 */
void
terrind_lua_plugin_options_set_time_limit (TerrindLuaPluginOptions *options,
                                           guint                    milliseconds)
{
  g_return_if_fail (options != NULL);
  g_return_if_fail (milliseconds > 0);
  options->time_limit = milliseconds;
}

/**
 * terrind_lua_plugin_options_get_memory_limit:
 * @options: options
 *
 * Returns: the memory limit, in bytes
 *
 * Since: 1.0.1
 */
guint64
terrind_lua_plugin_options_get_memory_limit (const TerrindLuaPluginOptions *options)
{
  g_return_val_if_fail (options != NULL, 0);
  return options->memory_limit;
}

/**
 * terrind_lua_plugin_options_set_memory_limit:
 * @options: options
 * @bytes: a positive size
 *
 * Sets how much memory a plugin may allocate: the Lua heap may grow to
 * @bytes, and the whole process, C allocations included, to what it had at
 * the start plus @bytes and a margin of 32 MiB for the runner's own needs.
 * Past either, the plugin fails with %TERRIND_LUA_PLUGIN_ERROR_MEMORY.
 *
 * Since: 1.0.1
 */
void
terrind_lua_plugin_options_set_memory_limit (TerrindLuaPluginOptions *options,
                                             guint64                  bytes)
{
  g_return_if_fail (options != NULL);
  g_return_if_fail (bytes > 0);
  options->memory_limit = bytes;
}

/**
 * terrind_lua_plugin_options_get_output_limit:
 * @options: options
 *
 * Returns: the output limit, in bytes
 *
 * Since: 1.0.1
 */
guint64
terrind_lua_plugin_options_get_output_limit (const TerrindLuaPluginOptions *options)
{
  g_return_val_if_fail (options != NULL, 0);
  return options->output_limit;
}

/**
 * terrind_lua_plugin_options_set_output_limit:
 * @options: options
 * @bytes: a positive size, at most %G_MAXUINT32
 *
 * Sets how much a plugin may send back: its name and description, its
 * findings, its report, what it printed and, with writes granted, the XML
 * of the registry it changed, all counted together. Past it, the plugin
 * fails with %TERRIND_LUA_PLUGIN_ERROR_OUTPUT.
 *
 * Since: 1.0.1
 */
void
terrind_lua_plugin_options_set_output_limit (TerrindLuaPluginOptions *options,
                                             guint64                  bytes)
{
  g_return_if_fail (options != NULL);
  g_return_if_fail (bytes > 0 && bytes <= G_MAXUINT32);
  options->output_limit = bytes;
}

/**
 * terrind_lua_plugin_options_get_writable:
 * @options: options
 *
 * Returns: whether a plugin may change the registry
 *
 * Since: 1.0.1
 */
gboolean
terrind_lua_plugin_options_get_writable (const TerrindLuaPluginOptions *options)
{
  g_return_val_if_fail (options != NULL, FALSE);
  return options->writable;
}

/**
 * terrind_lua_plugin_options_set_writable:
 * @options: options
 * @writable: whether a plugin may change the registry
 *
 * With %FALSE (the default) the registry is read-only for the plugin. With
 * %TRUE the plugin may change it, and when it did, the changed registry
 * comes back as terrind_lua_plugin_result_get_registry(); the registry
 * passed to terrind_lua_run_plugin() is never changed.
 *
 * Since: 1.0.1
 */
void
terrind_lua_plugin_options_set_writable (TerrindLuaPluginOptions *options,
                                         gboolean                 writable)
{
  g_return_if_fail (options != NULL);
  options->writable = writable != FALSE;
}
