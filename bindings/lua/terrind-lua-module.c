/* terrind-lua-module.c: the `terrind` Lua C module
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The module only names the entry point `require "terrind"` looks for; the
 * binding itself lives in libterrind-lua, which host applications link too,
 * so a host's registry and a script's `require` share one set of types.
 */

#include "config.h"

#include "terrind-lua.h"

/* The only symbol the module exports (see Makefile.am). */
int luaopen_terrind (lua_State *L);

int
luaopen_terrind (lua_State *L)
{
  return terrind_lua_open (L);
}
