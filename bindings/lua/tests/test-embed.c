/* test-embed.c: the embedding API of the Lua binding, as a host uses it
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <malloc.h>
#include <stdlib.h>
#include <string.h>

#include <check.h>
#include <lualib.h>
#include <lauxlib.h>

#include <terrind.h>
#include "terrind-lua.h"

static lua_State *
new_state (void)
{
  lua_State *L = luaL_newstate ();

  ck_assert_ptr_nonnull (L);
  luaL_openlibs (L);
  luaL_requiref (L, TERRIND_LUA_MODULE_NAME, terrind_lua_open, 0);
  lua_pop (L, 1);
  return L;
}

/* Runs @code as a function of one argument, the registry; returns the
 * Lua status and leaves the result or error on the stack. */
static int
run_with_registry (lua_State       *L,
                   const char      *code,
                   TerrindRegistry *registry)
{
  int status = luaL_loadstring (L, code);

  ck_assert_int_eq (status, LUA_OK);
  terrind_lua_push_registry (L, registry);
  return lua_pcall (L, 1, 1, 0);
}

static TerrindRegistry *
sample_registry (void)
{
  g_autoptr(TerrindRegistry) registry = terrind_registry_new ();
  g_autoptr(TerrindRegion) region = terrind_region_new ("84", "Auvergne-Rhône-Alpes", NULL);

  ck_assert (terrind_registry_add_region (registry, region, NULL));
  return g_steal_pointer (&registry);
}

START_TEST (test_shared_not_copied)
{
  g_autoptr(TerrindRegistry) registry = sample_registry ();
  lua_State *L = new_state ();

  ck_assert_int_eq (run_with_registry (L,
      "local reg = ...\n"
      "reg:add_territory { id = 'ti-8401', name = 'Vallée', region = '84' }\n"
      "return reg.n_regions", registry), LUA_OK);
  ck_assert_int_eq (lua_tointeger (L, -1), 1);
  /* The territory Lua added is in the host's registry. */
  ck_assert_ptr_nonnull (terrind_registry_get_territory (registry, "ti-8401"));
  lua_close (L);
  ck_assert_uint_eq (terrind_registry_get_n_territories (registry), 1);
}
END_TEST

START_TEST (test_host_releases_first)
{
  TerrindRegistry *registry = sample_registry ();
  lua_State *L = new_state ();

  ck_assert_int_eq (run_with_registry (L, "keep = ...; t = keep:region('84'); return true",
                                       registry), LUA_OK);
  lua_pop (L, 1);
  /* The host drops its reference: Lua's keeps the registry alive. */
  terrind_registry_unref (registry);
  ck_assert_int_eq (luaL_dostring (L, "assert(keep.n_regions == 1 and t.name ~= nil)"), LUA_OK);
  lua_close (L);
}
END_TEST

START_TEST (test_close_does_not_touch_host)
{
  g_autoptr(TerrindRegistry) registry = sample_registry ();
  lua_State *L = new_state ();

  ck_assert_int_eq (run_with_registry (L, "local reg = ...; reg:close(); return reg.n_regions",
                                       registry), LUA_ERRRUN);
  ck_assert_ptr_nonnull (strstr (lua_tostring (L, -1), "attempt to use a closed terrind Registry"));
  lua_close (L);
  ck_assert_uint_eq (terrind_registry_get_n_regions (registry), 1);
}
END_TEST

static int
host_count_regions (lua_State *L)
{
  TerrindRegistry *registry = terrind_lua_check_registry (L, 1);

  lua_pushinteger (L, terrind_registry_get_n_regions (registry));
  return 1;
}

START_TEST (test_check_and_to_registry)
{
  g_autoptr(TerrindRegistry) registry = sample_registry ();
  lua_State *L = new_state ();

  lua_register (L, "count_regions", host_count_regions);
  ck_assert_int_eq (run_with_registry (L, "return count_regions(...)", registry), LUA_OK);
  ck_assert_int_eq (lua_tointeger (L, -1), 1);
  lua_pop (L, 1);

  ck_assert_int_eq (luaL_loadstring (L, "return count_regions({})"), LUA_OK);
  ck_assert_int_eq (lua_pcall (L, 0, 1, 0), LUA_ERRRUN);
  ck_assert_ptr_nonnull (strstr (lua_tostring (L, -1), "terrind.Registry expected"));
  lua_pop (L, 1);

  terrind_lua_push_registry (L, registry);
  ck_assert_ptr_eq (terrind_lua_to_registry (L, -1), registry);
  lua_pushinteger (L, 3);
  ck_assert_ptr_null (terrind_lua_to_registry (L, -1));
  lua_pop (L, 1);
  lua_getfield (L, -1, "close");
  lua_pushvalue (L, -2);
  lua_call (L, 1, 0);
  ck_assert_ptr_null (terrind_lua_to_registry (L, -1));
  lua_close (L);
}
END_TEST

START_TEST (test_push_without_open)
{
  g_autoptr(TerrindRegistry) registry = sample_registry ();
  lua_State *L = luaL_newstate ();

  luaL_openlibs (L);
  /* No terrind_lua_open: pushing registers the types itself. */
  ck_assert_int_eq (run_with_registry (L, "return (...):region('84').name", registry), LUA_OK);
  ck_assert_str_eq (lua_tostring (L, -1), "Auvergne-Rhône-Alpes");
  lua_close (L);
}
END_TEST

static int
host_fail (lua_State *L)
{
  g_autoptr(GError) error = NULL;

  g_set_error (&error, TERRIND_ERROR, TERRIND_ERROR_NOT_FOUND, "no such thing");
  terrind_lua_push_error (L, error);
  g_clear_error (&error);
  return lua_error (L);
}

START_TEST (test_push_error)
{
  lua_State *L = new_state ();

  lua_register (L, "fail", host_fail);
  ck_assert_int_eq (luaL_dostring (L,
      "local ok, err = pcall(fail)\n"
      "assert(not ok)\n"
      "assert(err.code == 'NOT_FOUND', err.code)\n"
      "assert(err.message == 'no such thing')\n"
      "assert(tostring(err) == 'no such thing')\n"
      "assert(getmetatable(err) == require('terrind').Error)\n"
      "assert(err.line == nil)"), LUA_OK);
  lua_close (L);
}
END_TEST

START_TEST (test_parse_error_location)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TerrindRegistry) registry = terrind_registry_new_from_data ("<registry", 9, &error);
  lua_State *L = new_state ();

  ck_assert_ptr_null (registry);
  ck_assert_ptr_nonnull (error);
  terrind_lua_push_error (L, error);
  lua_setglobal (L, "err");
  ck_assert_int_eq (luaL_dostring (L,
      "assert(type(err.code) == 'string')\n"
      "assert(err.line >= 1 and type(err.column) == 'number')\n"
      "assert(type(err.file) == 'string')"), LUA_OK);
  lua_close (L);
}
END_TEST

/* An allocator that refuses, once armed, every block larger than
 * @refuse_above: what a state near its memory limit sees. */
typedef struct {
  gsize refuse_above;
} FailingAlloc;

static void *
failing_alloc (void   *user_data,
               void   *block,
               size_t  old_size,
               size_t  new_size)
{
  FailingAlloc *fail = user_data;

  if (new_size == 0)
    {
      free (block);
      return NULL;
    }
  if (new_size > fail->refuse_above)
    return NULL;
  return realloc (block, new_size);
}

static int
arm_failures (lua_State *L)
{
  void *user_data;

  lua_getallocf (L, &user_data);
  ((FailingAlloc *) user_data)->refuse_above = (gsize) luaL_checkinteger (L, 1);
  return 0;
}

static lua_State *
new_failing_state (FailingAlloc *fail)
{
  lua_State *L = lua_newstate (failing_alloc, fail);

  ck_assert_ptr_nonnull (L);
  luaL_openlibs (L);
  luaL_requiref (L, TERRIND_LUA_MODULE_NAME, terrind_lua_open, 0);
  lua_pop (L, 1);
  lua_register (L, "arm_failures", arm_failures);
  return L;
}

/* The bytes malloc() hands out, where the allocator can say (not under the
 * sanitizers or valgrind, which replace it: their leak checkers see the
 * same leaks there). */
static gsize
heap_in_use (void)
{
#ifdef __GLIBC__
  return mallinfo2 ().uordblks;
#else
  return 0;
#endif
}

/* Registry:to_string() when Lua cannot take the document: the memory error
 * comes through, the document is freed all the same. */
START_TEST (test_to_string_out_of_memory)
{
  FailingAlloc fail = { G_MAXSIZE };
  lua_State *L = new_failing_state (&fail);
  gsize before;

  ck_assert_int_eq (luaL_dostring (L,
      "reg = require('terrind').Registry.default()\n"
      "assert(#reg:to_string() > 20000)\n"
      "function attempt()\n"
      "  arm_failures(16384)\n"
      "  local ok, err = pcall(reg.to_string, reg)\n"
      "  arm_failures(math.maxinteger)\n"
      "  assert(not ok and err == 'not enough memory', tostring(err))\n"
      "end\n"
      "attempt()"), LUA_OK);
  before = heap_in_use ();
  ck_assert_int_eq (luaL_dostring (L, "for _ = 1, 20 do attempt() end"), LUA_OK);
  /* 20 leaked documents would be more than 400 kB. */
  ck_assert_uint_lt (heap_in_use (), before + 100000);
  lua_close (L);
}
END_TEST

/* A libterrind error raised when Lua cannot build the error value: the
 * GError is freed, the memory error comes through. */
START_TEST (test_error_out_of_memory)
{
  FailingAlloc fail = { G_MAXSIZE };
  lua_State *L = new_failing_state (&fail);

  ck_assert_int_eq (luaL_dostring (L,
      "local reg = require('terrind').Registry.new()\n"
      "local ok, err = pcall(reg.remove_region, reg, '99')\n"
      "assert(not ok and err.code == 'NOT_FOUND')\n"
      "for _ = 1, 20 do\n"
      "  arm_failures(0)\n"
      "  ok, err = pcall(reg.remove_region, reg, '99')\n"
      "  arm_failures(math.maxinteger)\n"
      "  assert(not ok and err == 'not enough memory', tostring(err))\n"
      "end"), LUA_OK);
  lua_close (L);
}
END_TEST

static Suite *
embed_suite (void)
{
  Suite *suite = suite_create ("lua-embed");
  TCase *tc = tcase_create ("embed");

  tcase_add_test (tc, test_shared_not_copied);
  tcase_add_test (tc, test_host_releases_first);
  tcase_add_test (tc, test_close_does_not_touch_host);
  tcase_add_test (tc, test_check_and_to_registry);
  tcase_add_test (tc, test_push_without_open);
  tcase_add_test (tc, test_push_error);
  tcase_add_test (tc, test_parse_error_location);
  tcase_add_test (tc, test_to_string_out_of_memory);
  tcase_add_test (tc, test_error_out_of_memory);
  suite_add_tcase (suite, tc);
  return suite;
}

int
main (void)
{
  SRunner *runner = srunner_create (embed_suite ());
  int failed;

  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  srunner_run_all (runner, CK_ENV);
  failed = srunner_ntests_failed (runner);
  srunner_free (runner);
  return failed == 0 ? 0 : 1;
}
