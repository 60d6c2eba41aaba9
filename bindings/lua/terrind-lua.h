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

/**
 * SECTION:terrind-lua-plugin
 * @title: Plugin runner
 * @short_description: run untrusted Lua plugins on a registry
 *
 * terrind_lua_run_plugin() runs one plugin, a Lua chunk that returns a
 * table:
 *
 * |[<!-- language="Lua" -->
 * return {
 *   name = "short-name",                  -- optional: the file name otherwise
 *   description = "what it looks at",     -- optional
 *   check = function (registry) ... end,  -- optional: returns a list of
 *                                         --   findings, each a string or
 *                                         --   { subject = "id", message = "…" }
 *   report = function (registry) ... end, -- optional: returns a string
 * }
 * ]|
 *
 * It must have a check or a report function, or both; each receives the
 * host's registry as a `terrind.Registry`. What the plugin returns comes
 * back as a #TerrindLuaPluginResult, with what it printed with `print()`.
 *
 * The plugin is not trusted. It runs in a child process made with fork(),
 * in a fresh `lua_State` that has only the base library (without
 * `dofile`, `loadfile`, `string.dump`, and with `load` limited to text
 * chunks and `collectgarbage` to the options that do not stop the
 * collector), `string`, `table`, `math`, `utf8`, `coroutine`, `os.time`,
 * `os.clock`, `os.date`, and `require "terrind"`: no `io`, no `debug`, no
 * `package`, no other `os` function, no file access through the binding
 * (`Registry.load`, `import_file`, `save`). Its limits are those of its
 * #TerrindLuaPluginOptions:
 *
 * - an instruction budget, counted by a hook the plugin cannot reach (there
 *   is no `debug` library to remove it with);
 * - a wall-clock time limit, after which the child is killed wherever it
 *   is: in one long C call (a pathological `string.find`), in a finalizer
 *   (hooks do not run there), anywhere. A CPU time limit (RLIMIT_CPU) of the
 *   same length backs it up;
 * - a memory limit, both on the Lua heap (an allocation beyond it raises
 *   "not enough memory", as in any Lua) and on the whole child (RLIMIT_DATA
 *   set to what the child had at the start plus the limit and a margin), so
 *   it also counts what libterrind allocates for the plugin, such as
 *   registries the plugin creates;
 * - an output limit on what the child sends back.
 *
 * The child is a copy of the host: whatever the plugin does to the registry
 * it is given, or to any memory, is lost when the child ends, so the host's
 * registry cannot be changed behind its back, and one plugin cannot leave
 * anything behind for the next. Within the child, the registry is also
 * read-only unless the options grant writes: every setter, adder and
 * remover raises "the registry is read-only", so the plugin learns why
 * instead of losing its changes silently. With writes granted, the child
 * sends the registry back as XML when the plugin changed it, and the
 * result holds it as a new registry (terrind_lua_plugin_result_get_registry());
 * the host's own registry is never modified, so the host adopts all of the
 * changes or none. Plugin finalizers are not run when the plugin ends: the
 * child exits without closing its `lua_State`, so a finalizer that never
 * returns cannot hold anything up.
 *
 * Process rules, which follow from fork():
 *
 * - The runner installs no signal handler and changes no process-wide
 *   state of the caller; all of that happens in the child. It waits for its
 *   own child with waitpid(), so a host whose SIGCHLD handler reaps every
 *   child (waitpid (-1, …)) or that sets SIGCHLD to SIG_IGN takes the
 *   child's status away: the plugin's result is still reported when it got
 *   through, and a failure is then reported as
 *   %TERRIND_LUA_PLUGIN_ERROR_CRASHED without its cause.
 * - After fork() only the calling thread exists in the child. The child
 *   allocates memory (glibc's malloc is made safe across fork()) and uses
 *   GLib and libterrind, whose locks another thread of the host may have
 *   held at the moment of the fork: the child would then wait forever, and
 *   the runner reports a timeout. In a multithreaded host, call the runner
 *   while no other thread uses GLib or the registry, or accept that rare
 *   failure. The registry passed must not be changed by another thread
 *   during the call.
 * - The child's memory limit is relative to what it had at the start, read
 *   from `/proc/self/status`; without `/proc`, only the Lua heap is
 *   limited. Valgrind does not apply RLIMIT_DATA to the program it runs.
 *   Under AddressSanitizer, run with `allocator_may_return_null=1`, or an
 *   allocation refused by the limit makes ASan abort the child (a crash) or
 *   stop it (a timeout) instead of reporting "out of memory".
 */

/**
 * TERRIND_LUA_PLUGIN_ERROR:
 *
 * The error domain of the plugin runner; its codes are
 * #TerrindLuaPluginError.
 *
 * Since: 1.0.1
 */
#define TERRIND_LUA_PLUGIN_ERROR (terrind_lua_plugin_error_quark ())

/**
 * TerrindLuaPluginError:
 * @TERRIND_LUA_PLUGIN_ERROR_FAILED: the runner itself could not run the
 *   plugin (no process, no pipe)
 * @TERRIND_LUA_PLUGIN_ERROR_LOAD: the plugin could not be read or compiled
 *   (a syntax error, a binary chunk)
 * @TERRIND_LUA_PLUGIN_ERROR_RUNTIME: the plugin raised an error, such as
 *   calling a function the sandbox does not have or writing to a read-only
 *   registry
 * @TERRIND_LUA_PLUGIN_ERROR_INVALID: the plugin does not follow the plugin
 *   interface (no table, no entry point, findings of the wrong shape)
 * @TERRIND_LUA_PLUGIN_ERROR_BUDGET: the plugin ran past its instruction
 *   budget
 * @TERRIND_LUA_PLUGIN_ERROR_TIMEOUT: the plugin ran past its time limit
 *   and was killed
 * @TERRIND_LUA_PLUGIN_ERROR_MEMORY: the plugin ran past its memory limit,
 *   in Lua or in C
 * @TERRIND_LUA_PLUGIN_ERROR_OUTPUT: what the plugin sends back is larger
 *   than its output limit, or the registry it changed cannot be read back
 * @TERRIND_LUA_PLUGIN_ERROR_CRASHED: the plugin's process ended in any
 *   other way (a signal, an exit status without a result)
 *
 * Why terrind_lua_run_plugin() failed. Every message says what happened in
 * a sentence, without the plugin's name: the host knows which plugin it ran.
 *
 * Since: 1.0.1
 */
typedef enum {
  TERRIND_LUA_PLUGIN_ERROR_FAILED,
  TERRIND_LUA_PLUGIN_ERROR_LOAD,
  TERRIND_LUA_PLUGIN_ERROR_RUNTIME,
  TERRIND_LUA_PLUGIN_ERROR_INVALID,
  TERRIND_LUA_PLUGIN_ERROR_BUDGET,
  TERRIND_LUA_PLUGIN_ERROR_TIMEOUT,
  TERRIND_LUA_PLUGIN_ERROR_MEMORY,
  TERRIND_LUA_PLUGIN_ERROR_OUTPUT,
  TERRIND_LUA_PLUGIN_ERROR_CRASHED,
} TerrindLuaPluginError;

/**
 * TerrindLuaPluginOptions:
 *
 * The limits of one plugin run; opaque, reference-counted. A new one has
 * the defaults given with each setter.
 *
 * Since: 1.0.1
 */
typedef struct _TerrindLuaPluginOptions TerrindLuaPluginOptions;

/**
 * TerrindLuaPluginResult:
 *
 * What a plugin that ran to its end returned; opaque, reference-counted.
 *
 * Since: 1.0.1
 */
typedef struct _TerrindLuaPluginResult TerrindLuaPluginResult;

TERRIND_LUA_EXPORT
GQuark                   terrind_lua_plugin_error_quark                 (void);

TERRIND_LUA_EXPORT G_GNUC_WARN_UNUSED_RESULT
TerrindLuaPluginOptions *terrind_lua_plugin_options_new                 (void);
TERRIND_LUA_EXPORT
TerrindLuaPluginOptions *terrind_lua_plugin_options_ref                 (TerrindLuaPluginOptions       *options);
TERRIND_LUA_EXPORT
void                     terrind_lua_plugin_options_unref               (TerrindLuaPluginOptions       *options);
TERRIND_LUA_EXPORT
guint64                  terrind_lua_plugin_options_get_instruction_budget (const TerrindLuaPluginOptions *options);
TERRIND_LUA_EXPORT
void                     terrind_lua_plugin_options_set_instruction_budget (TerrindLuaPluginOptions    *options,
                                                                         guint64                     instructions);
TERRIND_LUA_EXPORT
guint                    terrind_lua_plugin_options_get_time_limit      (const TerrindLuaPluginOptions *options);
TERRIND_LUA_EXPORT
void                     terrind_lua_plugin_options_set_time_limit      (TerrindLuaPluginOptions       *options,
                                                                         guint                          milliseconds);
TERRIND_LUA_EXPORT
guint64                  terrind_lua_plugin_options_get_memory_limit    (const TerrindLuaPluginOptions *options);
TERRIND_LUA_EXPORT
void                     terrind_lua_plugin_options_set_memory_limit    (TerrindLuaPluginOptions       *options,
                                                                         guint64                        bytes);
TERRIND_LUA_EXPORT
guint64                  terrind_lua_plugin_options_get_output_limit    (const TerrindLuaPluginOptions *options);
TERRIND_LUA_EXPORT
void                     terrind_lua_plugin_options_set_output_limit    (TerrindLuaPluginOptions       *options,
                                                                         guint64                        bytes);
TERRIND_LUA_EXPORT
gboolean                 terrind_lua_plugin_options_get_writable        (const TerrindLuaPluginOptions *options);
TERRIND_LUA_EXPORT
void                     terrind_lua_plugin_options_set_writable        (TerrindLuaPluginOptions       *options,
                                                                         gboolean                       writable);

TERRIND_LUA_EXPORT
TerrindLuaPluginResult  *terrind_lua_plugin_result_ref                  (TerrindLuaPluginResult        *result);
TERRIND_LUA_EXPORT
void                     terrind_lua_plugin_result_unref                (TerrindLuaPluginResult        *result);
TERRIND_LUA_EXPORT
const char              *terrind_lua_plugin_result_get_name             (const TerrindLuaPluginResult  *result);
TERRIND_LUA_EXPORT
const char              *terrind_lua_plugin_result_get_description      (const TerrindLuaPluginResult  *result);
TERRIND_LUA_EXPORT
gboolean                 terrind_lua_plugin_result_has_check            (const TerrindLuaPluginResult  *result);
TERRIND_LUA_EXPORT
guint                    terrind_lua_plugin_result_get_n_findings       (const TerrindLuaPluginResult  *result);
TERRIND_LUA_EXPORT
const char              *terrind_lua_plugin_result_get_finding_subject  (const TerrindLuaPluginResult  *result,
                                                                         guint                          index);
TERRIND_LUA_EXPORT
const char              *terrind_lua_plugin_result_get_finding_message  (const TerrindLuaPluginResult  *result,
                                                                         guint                          index);
TERRIND_LUA_EXPORT
const char              *terrind_lua_plugin_result_get_report           (const TerrindLuaPluginResult  *result);
TERRIND_LUA_EXPORT
const char              *terrind_lua_plugin_result_get_output           (const TerrindLuaPluginResult  *result,
                                                                         gsize                         *length);
TERRIND_LUA_EXPORT
TerrindRegistry         *terrind_lua_plugin_result_get_registry         (const TerrindLuaPluginResult  *result);

TERRIND_LUA_EXPORT G_GNUC_WARN_UNUSED_RESULT
TerrindLuaPluginResult  *terrind_lua_run_plugin                         (TerrindRegistry               *registry,
                                                                         const char                    *path,
                                                                         const TerrindLuaPluginOptions *options,
                                                                         GError                       **error);
TERRIND_LUA_EXPORT G_GNUC_WARN_UNUSED_RESULT
TerrindLuaPluginResult  *terrind_lua_run_plugin_source                  (TerrindRegistry               *registry,
                                                                         const char                    *name,
                                                                         const char                    *source,
                                                                         gsize                          length,
                                                                         const TerrindLuaPluginOptions *options,
                                                                         GError                       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TerrindLuaPluginOptions, terrind_lua_plugin_options_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TerrindLuaPluginResult, terrind_lua_plugin_result_unref)

G_END_DECLS
