/* terrind-lua.h: embedding the libterrind Lua binding in a host application
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <terrind.h>
#include <lua.h>

G_BEGIN_DECLS

/**
 * SECTION:terrind-lua
 * @title: Lua embedding API
 * @short_description: share a #TerrindRegistry with Lua code run by a host
 *
 * A C application that already holds a #TerrindRegistry and runs Lua
 * plugins in its own `lua_State` links `libterrind-lua` (pkg-config module
 * `libterrind-lua`) and, for each `lua_State`:
 *
 * 1. creates the state and opens the standard libraries it wants
 *    (luaL_newstate(), luaL_openlibs());
 * 2. opens the binding, so that `require "terrind"` returns it without
 *    looking for `terrind.so` on `package.cpath`:
 *    `luaL_requiref (L, "terrind", terrind_lua_open, 0); lua_pop (L, 1);`
 * 3. pushes its registry with terrind_lua_push_registry() and calls the
 *    plugin function with it (lua_pcall(), never lua_call(): plugin errors
 *    must not unwind the host).
 *
 * Step 2 is only needed for scripts that `require "terrind"`:
 * terrind_lua_push_registry() and terrind_lua_check_registry() register the
 * binding's types in the state on first use.
 *
 * Ownership: every Lua value that wraps a libterrind object holds its own
 * reference to it, so neither side frees what the other still uses. The
 * registry the host pushes is shared, not copied: changes made by Lua code
 * are seen by the host and the other way round. The host may drop its own
 * reference at any time; lua_close() may run at any time too, before or
 * after the host releases its registry, and in any order of finalisation.
 *
 * Errors: every failure reported by libterrind raises a Lua error whose
 * value is a table with the metatable `terrind.Error` and the fields `code`
 * (the #TerrindError name without prefix, such as "DUPLICATE"), `message`,
 * `domain`, and for errors that have a location, `file`, `line` and
 * `column`. Misuse of the binding (an argument of the wrong type, an
 * unknown field, an object used after `:close()`) raises an ordinary Lua
 * error string. terrind_lua_push_error() builds the same error value for a
 * host's own C functions.
 *
 * Threads: like the rest of libterrind, a `lua_State` and the registry it
 * uses belong to one thread at a time; see the library's thread rules.
 */

/**
 * TERRIND_LUA_EXPORT:
 *
 * Marks a symbol of the embedding API. The binding is built with
 * `-fvisibility=hidden` and a version script, so nothing else is exported.
 */
#if defined(TERRIND_LUA_COMPILATION) && defined(__GNUC__)
#define TERRIND_LUA_EXPORT __attribute__((visibility ("default"))) extern
#else
#define TERRIND_LUA_EXPORT extern
#endif

/**
 * TERRIND_LUA_MODULE_NAME:
 *
 * The name under which the binding is required: `require "terrind"`.
 */
#define TERRIND_LUA_MODULE_NAME "terrind"

/**
 * TERRIND_LUA_REGISTRY_TYPE:
 *
 * The name of the metatable of a registry in the Lua registry, as given to
 * luaL_checkudata() and shown by `__name`.
 */
#define TERRIND_LUA_REGISTRY_TYPE "terrind.Registry"

/**
 * TERRIND_LUA_ERROR_TYPE:
 *
 * The name of the metatable of the error values the binding raises.
 */
#define TERRIND_LUA_ERROR_TYPE "terrind.Error"

TERRIND_LUA_EXPORT
int              terrind_lua_open            (lua_State       *L);
TERRIND_LUA_EXPORT
void             terrind_lua_push_registry   (lua_State       *L,
                                              TerrindRegistry *registry);
TERRIND_LUA_EXPORT
TerrindRegistry *terrind_lua_check_registry  (lua_State       *L,
                                              int              index);
TERRIND_LUA_EXPORT
TerrindRegistry *terrind_lua_to_registry     (lua_State       *L,
                                              int              index);
TERRIND_LUA_EXPORT
void             terrind_lua_push_error      (lua_State       *L,
                                              const GError    *error);

G_END_DECLS
