/* terrind-lua-sandbox.c: the lua_State a plugin runs in
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * A fresh state that holds only what cannot reach outside the process or
 * break the interpreter: the base library without dofile and loadfile and
 * with load limited to text chunks, string without string.dump, table,
 * math, utf8, coroutine, os.time/clock/date, and require for the terrind
 * module alone. No io, no debug (so the hook below cannot be removed and
 * no metatable can be forced onto a value), no package (no C code).
 *
 * The limits set here are the Lua side of the sandbox: the instruction
 * budget (a count hook) and the memory limit of the Lua heap (the
 * allocator). What Lua cannot limit from inside, a C call that runs long
 * and what libterrind allocates, the child process limits
 * (terrind-lua-plugin-child.c).
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <lualib.h>

#include "terrind-lua-plugin-private.h"

#define HOOK_STEP 1000  /* instructions between two budget checks */

static TerrindLuaSandbox *
get_sandbox (lua_State *L)
{
  void *user_data;

  lua_getallocf (L, &user_data);
  return user_data;
}

/* Lua's own memory is capped, so a plugin that keeps allocating gets "not
 * enough memory" like in any Lua. */
static void *
limited_alloc (void   *user_data,
               void   *block,
               size_t  old_size,
               size_t  new_size)
{
  TerrindLuaSandbox *sandbox = user_data;
  void *resized;

  if (block == NULL)
    old_size = 0;  /* Lua passes a type tag here for new blocks */
  if (new_size == 0)
    {
      free (block);
      sandbox->memory_used -= old_size;
      return NULL;
    }
  if (new_size > old_size &&
      new_size - old_size > sandbox->memory_limit - sandbox->memory_used)
    {
      sandbox->memory_refused = TRUE;
      return NULL;
    }
  resized = realloc (block, new_size);
  if (resized == NULL)
    {
      sandbox->memory_refused = TRUE;
      return NULL;
    }
  sandbox->memory_used = sandbox->memory_used - old_size + new_size;
  return resized;
}

/* Called every HOOK_STEP instructions. Once over budget it fires on every
 * instruction, so a plugin that catches the error with pcall() and goes on
 * is stopped again at its next instruction. */
static void
budget_hook (lua_State *L,
             lua_Debug *ar)
{
  TerrindLuaSandbox *sandbox = get_sandbox (L);

  sandbox->instructions += HOOK_STEP;
  if (sandbox->instructions > sandbox->budget)
    {
      sandbox->budget_exceeded = TRUE;
      lua_sethook (L, budget_hook, LUA_MASKCOUNT, 1);
      luaL_error (L, "instruction budget exceeded (%I instructions)",
                  (lua_Integer) sandbox->budget);
    }
}

static int
output_exceeded (lua_State         *L,
                 TerrindLuaSandbox *sandbox)
{
  sandbox->output_exceeded = TRUE;
  return luaL_error (L, "output limit exceeded (%I bytes)", (lua_Integer) sandbox->output_limit);
}

/* print(...): into the plugin's output, which the host receives, rather
 * than onto the host's standard output. Nothing past the output limit is
 * kept, so the buffer never grows beyond it. */
static int
sandbox_print (lua_State *L)
{
  TerrindLuaSandbox *sandbox = get_sandbox (L);
  int n = lua_gettop (L);

  for (int i = 1; i <= n; i++)
    {
      size_t length;
      const char *text = luaL_tolstring (L, i, &length);

      if (length + 1 > sandbox->output_limit - sandbox->printed->len)
        return output_exceeded (L, sandbox);
      if (i > 1)
        g_string_append_c (sandbox->printed, '\t');
      g_string_append_len (sandbox->printed, text, (gssize) length);
      lua_pop (L, 1);
    }
  if (sandbox->printed->len >= sandbox->output_limit)
    return output_exceeded (L, sandbox);
  g_string_append_c (sandbox->printed, '\n');
  return 0;
}

/* Calls the function a wrapper replaced (its upvalue) with the wrapper's
 * arguments, and returns all its results. */
static int
call_original (lua_State *L)
{
  lua_pushvalue (L, lua_upvalueindex (1));
  lua_insert (L, 1);
  lua_call (L, lua_gettop (L) - 1, LUA_MULTRET);
  return lua_gettop (L);
}

/* load(chunk [, chunkname [, mode [, env]]]) with the mode always "t": a
 * binary chunk is not checked by Lua and can corrupt its memory. The
 * original load is the upvalue. */
static int
sandbox_load (lua_State *L)
{
  if (lua_gettop (L) < 3)
    lua_settop (L, 3);  /* not 4: an absent env and a nil env differ */
  lua_pushliteral (L, "t");
  lua_replace (L, 3);
  return call_original (L);
}

/* collectgarbage([option, ...]) without the options that stop the
 * collector, which would let the heap grow past what the plugin frees. The
 * original function is the upvalue. */
static int
sandbox_collectgarbage (lua_State *L)
{
  static const char * const allowed[] = {
    "collect", "count", "step", "isrunning", "incremental", "generational", NULL
  };
  const char *option = luaL_optstring (L, 1, "collect");

  if (!g_strv_contains (allowed, option))
    return luaL_error (L, "collectgarbage(\"%s\") is not available to plugins", option);
  return call_original (L);
}

/* require "terrind", and nothing else: there is no package library. */
static int
sandbox_require (lua_State *L)
{
  const char *name = luaL_checkstring (L, 1);

  if (strcmp (name, TERRIND_LUA_MODULE_NAME) != 0)
    return luaL_error (L, "module '%s' is not available to plugins", name);
  lua_getfield (L, LUA_REGISTRYINDEX, LUA_LOADED_TABLE);
  lua_getfield (L, -1, TERRIND_LUA_MODULE_NAME);
  return 1;
}

/* Replaces the global @name with @function, the old value as its upvalue. */
static void
wrap_global (lua_State     *L,
             const char    *name,
             lua_CFunction  function)
{
  lua_getglobal (L, name);
  lua_pushcclosure (L, function, 1);
  lua_setglobal (L, name);
}

/* Opens a library without registering it anywhere a plugin could find the
 * whole of it, and leaves its table on the stack. */
static void
open_library (lua_State     *L,
              const char    *name,
              lua_CFunction  open)
{
  lua_pushcfunction (L, open);
  lua_call (L, 0, 1);
  lua_pushvalue (L, -1);
  lua_setglobal (L, name);
}

static void
remove_field (lua_State  *L,
              int         table,
              const char *name)
{
  table = lua_absindex (L, table);
  lua_pushnil (L);
  lua_setfield (L, table, name);
}

/* os with only what tells the time */
static void
open_os (lua_State *L)
{
  static const char * const kept[] = { "time", "clock", "date" };

  lua_pushcfunction (L, luaopen_os);
  lua_call (L, 0, 1);
  lua_createtable (L, 0, G_N_ELEMENTS (kept));
  for (gsize i = 0; i < G_N_ELEMENTS (kept); i++)
    {
      lua_getfield (L, -2, kept[i]);
      lua_setfield (L, -2, kept[i]);
    }
  lua_setglobal (L, "os");
  lua_pop (L, 1);
}

static int
open_libraries (lua_State *L)
{
  open_library (L, "_G", luaopen_base);
  remove_field (L, -1, "dofile");
  remove_field (L, -1, "loadfile");
  lua_pop (L, 1);
  wrap_global (L, "load", sandbox_load);
  wrap_global (L, "collectgarbage", sandbox_collectgarbage);
  lua_register (L, "print", sandbox_print);
  lua_register (L, "require", sandbox_require);

  open_library (L, LUA_STRLIBNAME, luaopen_string);
  remove_field (L, -1, "dump");
  lua_pop (L, 1);
  open_library (L, LUA_TABLIBNAME, luaopen_table);
  open_library (L, LUA_MATHLIBNAME, luaopen_math);
  open_library (L, LUA_UTF8LIBNAME, luaopen_utf8);
  open_library (L, LUA_COLIBNAME, luaopen_coroutine);
  lua_pop (L, 4);
  open_os (L);

  luaL_requiref (L, TERRIND_LUA_MODULE_NAME, terrind_lua_open, 0);
  lua_pop (L, 1);
  return 0;
}

/* Makes the state of a plugin, limited by @sandbox (which must outlive
 * it), its hook already set. NULL when even that does not fit in the
 * memory limit. */
lua_State *
terrind_lua_sandbox_open (TerrindLuaSandbox *sandbox)
{
  lua_State *L = lua_newstate (limited_alloc, sandbox);

  if (L == NULL)
    return NULL;
  lua_pushcfunction (L, open_libraries);
  if (lua_pcall (L, 0, 0, 0) != LUA_OK)
    {
      lua_close (L);
      return NULL;
    }
  lua_sethook (L, budget_hook, LUA_MASKCOUNT, HOOK_STEP);
  return L;
}
