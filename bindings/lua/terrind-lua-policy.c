/* terrind-lua-policy.c: what the code running in a lua_State may do
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * By default the binding lets a script do everything the C API does. The
 * plugin runner restricts the state it makes: the host's registry is
 * read-only unless the host granted writes, and nothing reads or writes
 * files. The plugin's process is a copy (terrind-lua-plugin.c), so these
 * checks are not what keeps the host safe; they are what tells the plugin
 * why a write was refused instead of letting it believe it succeeded.
 */

#include "config.h"

#include "terrind-lua-private.h"

typedef struct {
  TerrindRegistry *host;
  gboolean         host_writable;
  gboolean         host_wrote;
} TerrindLuaPolicy;

/* The policy's key in the Lua registry: the address of this variable. */
static const char policy_key = 'p';

/* Returns the state's policy, or NULL when it has none (no restriction).
 * Does not allocate. */
static TerrindLuaPolicy *
get_policy (lua_State *L)
{
  TerrindLuaPolicy *policy;

  lua_rawgetp (L, LUA_REGISTRYINDEX, &policy_key);
  policy = lua_touserdata (L, -1);
  lua_pop (L, 1);
  return policy;
}

/* Restricts @L: @host (which the caller keeps alive as long as @L) becomes
 * read-only unless @host_writable, and file access is refused. Once set, a
 * policy stays for the life of the state. */
void
terrind_lua_policy_restrict (lua_State       *L,
                             TerrindRegistry *host,
                             gboolean         host_writable)
{
  TerrindLuaPolicy *policy;

  g_return_if_fail (get_policy (L) == NULL);

  policy = lua_newuserdatauv (L, sizeof (TerrindLuaPolicy), 0);
  policy->host = host;
  policy->host_writable = host_writable;
  policy->host_wrote = FALSE;
  lua_rawsetp (L, LUA_REGISTRYINDEX, &policy_key);
}

/* Whether a change to the host's registry was let through: the runner
 * sends the registry back only then. */
gboolean
terrind_lua_policy_wrote (lua_State *L)
{
  TerrindLuaPolicy *policy = get_policy (L);

  return policy != NULL && policy->host_wrote;
}

/* Raises unless the code of @L may change @registry (NULL: an object that
 * belongs to no registry, which is always the script's own). */
void
terrind_lua_check_write (lua_State       *L,
                         TerrindRegistry *registry)
{
  TerrindLuaPolicy *policy = get_policy (L);

  if (policy == NULL || registry == NULL || registry != policy->host)
    return;
  if (!policy->host_writable)
    luaL_error (L, "the registry is read-only: the host did not grant this plugin writes");
  policy->host_wrote = TRUE;
}

/* Raises when the code of @L may not touch files; @what names the
 * function in the message. */
void
terrind_lua_check_files (lua_State  *L,
                         const char *what)
{
  if (get_policy (L) != NULL)
    luaL_error (L, "%s: a plugin may not read or write files", what);
}
