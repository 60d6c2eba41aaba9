/* test-plugin.c: the plugin runner, on good plugins and on hostile ones
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Every attack of tests/plugins-hostile/ must end in a clear error (or, for
 * a finalizer left for the end, in a success), with the host, this
 * process, untouched. The tests assert outcomes, never durations: the
 * limits that stop an attack are small enough to keep the suite fast, the
 * others generous enough for valgrind.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <check.h>

#include <terrind.h>
#include "terrind-lua.h"

static char *
test_path (const char *first,
           const char *name)
{
  const char *dir = g_getenv ("TERRIND_LUA_TESTDIR");

  ck_assert_msg (dir != NULL, "TERRIND_LUA_TESTDIR is not set");
  return g_build_filename (dir, first, name, NULL);
}

/* Limits for plugins that must be stopped by something else than time:
 * a small budget, a generous time limit. */
static TerrindLuaPluginOptions *
test_options (void)
{
  TerrindLuaPluginOptions *options = terrind_lua_plugin_options_new ();

  terrind_lua_plugin_options_set_instruction_budget (options, 1000000);
  terrind_lua_plugin_options_set_time_limit (options, 120000);
  terrind_lua_plugin_options_set_memory_limit (options, 64 * 1024 * 1024);
  return options;
}

/* Runs tests/plugins-hostile/@file and checks that it fails with @code and
 * a message containing @fragment. */
static void
assert_refused (const char                    *file,
                const TerrindLuaPluginOptions *options,
                TerrindLuaPluginError          code,
                const char                    *fragment)
{
  g_autoptr(TerrindRegistry) registry = terrind_registry_new_default (NULL);
  g_autofree char *path = test_path ("plugins-hostile", file);
  g_autoptr(GError) error = NULL;
  g_autoptr(TerrindLuaPluginResult) result = terrind_lua_run_plugin (registry, path, options,
                                                                     &error);

  ck_assert_msg (result == NULL, "%s succeeded", file);
  ck_assert_msg (g_error_matches (error, TERRIND_LUA_PLUGIN_ERROR, (gint) code),
                 "%s: expected code %d, got %s %d: %s", file, code,
                 g_quark_to_string (error->domain), error->code, error->message);
  ck_assert_msg (strstr (error->message, fragment) != NULL,
                 "%s: \"%s\" is not in: %s", file, fragment, error->message);
  /* The host's registry is as it was. */
  ck_assert_uint_eq (terrind_registry_get_n_territories (registry), 332);
}

START_TEST (test_good_plugins)
{
  g_autoptr(TerrindRegistry) registry = terrind_registry_new_default (NULL);
  g_autofree char *coverage = test_path ("../../../examples/plugins", "business-france-coverage.lua");
  g_autofree char *email = test_path ("../../../examples/plugins", "referent-email-domain.lua");
  g_autoptr(TerrindLuaPluginResult) report = NULL;
  g_autoptr(TerrindLuaPluginResult) check = NULL;
  g_autoptr(GError) error = NULL;

  report = terrind_lua_run_plugin (registry, coverage, NULL, &error);
  ck_assert_msg (report != NULL, "%s", error != NULL ? error->message : "");
  ck_assert_str_eq (terrind_lua_plugin_result_get_name (report), "business-france-coverage");
  ck_assert_str_eq (terrind_lua_plugin_result_get_description (report),
                    "territories per region without a Business France referent");
  ck_assert (!terrind_lua_plugin_result_has_check (report));
  /* The default holds phases 1 and 2: the report counts the current phase
   * (phase_on ()), or the latest once the last has ended, phase 2 either
   * way; none of phase 1's 149 territories is listed. */
  ck_assert_ptr_nonnull (strstr (terrind_lua_plugin_result_get_report (report),
                                 "Total: 183 of 183 territories of phase 2 (2023-2027) without"));
  ck_assert_ptr_nonnull (strstr (terrind_lua_plugin_result_get_report (report),
                                 "Auvergne-Rhône-Alpes (84): 24 of 24: p2-ti-8401 "));
  ck_assert_ptr_null (strstr (terrind_lua_plugin_result_get_report (report), " ti-8401"));
  ck_assert_ptr_null (terrind_lua_plugin_result_get_registry (report));

  check = terrind_lua_run_plugin (registry, email, NULL, &error);
  ck_assert_msg (check != NULL, "%s", error != NULL ? error->message : "");
  ck_assert (terrind_lua_plugin_result_has_check (check));
  ck_assert_uint_eq (terrind_lua_plugin_result_get_n_findings (check), 0);
  ck_assert_ptr_null (terrind_lua_plugin_result_get_report (check));
}
END_TEST

START_TEST (test_source_findings_and_output)
{
  static const char source[] =
    "print('hello', 42)\n"
    "return {\n"
    "  check = function (reg)\n"
    "    print('checking', reg.n_regions)\n"
    "    return { 'plain', { subject = 'ti-8401', message = 'with a subject' } }\n"
    "  end,\n"
    "  report = function (reg) return reg:territory('ti-8401').name end,\n"
    "}\n";
  g_autoptr(TerrindRegistry) registry = terrind_registry_new_default (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(TerrindLuaPluginResult) result = NULL;
  gsize length;

  result = terrind_lua_run_plugin_source (registry, "inline", source, strlen (source), NULL, &error);
  ck_assert_msg (result != NULL, "%s", error != NULL ? error->message : "");
  ck_assert_str_eq (terrind_lua_plugin_result_get_name (result), "inline");
  ck_assert_ptr_null (terrind_lua_plugin_result_get_description (result));
  ck_assert_uint_eq (terrind_lua_plugin_result_get_n_findings (result), 2);
  ck_assert_ptr_null (terrind_lua_plugin_result_get_finding_subject (result, 0));
  ck_assert_str_eq (terrind_lua_plugin_result_get_finding_message (result, 0), "plain");
  ck_assert_str_eq (terrind_lua_plugin_result_get_finding_subject (result, 1), "ti-8401");
  ck_assert_str_eq (terrind_lua_plugin_result_get_finding_message (result, 1), "with a subject");
  ck_assert_str_eq (terrind_lua_plugin_result_get_report (result),
                    terrind_territory_get_name (terrind_registry_get_territory (registry, "ti-8401")));
  ck_assert_str_eq (terrind_lua_plugin_result_get_output (result, &length),
                    "hello\t42\nchecking\t18\n");
  ck_assert_uint_eq (length, strlen ("hello\t42\nchecking\t18\n"));
}
END_TEST

START_TEST (test_options_defaults)
{
  g_autoptr(TerrindLuaPluginOptions) options = terrind_lua_plugin_options_new ();

  ck_assert_uint_eq (terrind_lua_plugin_options_get_instruction_budget (options), 100000000);
  ck_assert_uint_eq (terrind_lua_plugin_options_get_time_limit (options), 10000);
  ck_assert_uint_eq (terrind_lua_plugin_options_get_memory_limit (options), 256 * 1024 * 1024);
  ck_assert_uint_eq (terrind_lua_plugin_options_get_output_limit (options), 16 * 1024 * 1024);
  ck_assert (!terrind_lua_plugin_options_get_writable (options));
  terrind_lua_plugin_options_set_instruction_budget (options, 5);
  terrind_lua_plugin_options_set_time_limit (options, 6);
  terrind_lua_plugin_options_set_memory_limit (options, 7);
  terrind_lua_plugin_options_set_output_limit (options, 8);
  terrind_lua_plugin_options_set_writable (options, TRUE);
  ck_assert_uint_eq (terrind_lua_plugin_options_get_instruction_budget (options), 5);
  ck_assert_uint_eq (terrind_lua_plugin_options_get_time_limit (options), 6);
  ck_assert_uint_eq (terrind_lua_plugin_options_get_memory_limit (options), 7);
  ck_assert_uint_eq (terrind_lua_plugin_options_get_output_limit (options), 8);
  ck_assert (terrind_lua_plugin_options_get_writable (options));
  terrind_lua_plugin_options_unref (terrind_lua_plugin_options_ref (options));
}
END_TEST

START_TEST (test_broken_plugins)
{
  g_autoptr(TerrindLuaPluginOptions) options = test_options ();
  static const struct {
    const char            *file;
    TerrindLuaPluginError  code;
    const char            *fragment;
  } cases[] = {
    { "a-syntax-error.lua", TERRIND_LUA_PLUGIN_ERROR_LOAD, "cannot load: " },
    { "b-runtime-error.lua", TERRIND_LUA_PLUGIN_ERROR_RUNTIME, "check failed: " },
    { "c-infinite-loop.lua", TERRIND_LUA_PLUGIN_ERROR_BUDGET, "instruction budget exceeded" },
    { "d-catches-budget.lua", TERRIND_LUA_PLUGIN_ERROR_BUDGET, "instruction budget exceeded" },
    { "e-memory-bomb.lua", TERRIND_LUA_PLUGIN_ERROR_MEMORY, "report failed: not enough memory" },
    { "f-not-a-table.lua", TERRIND_LUA_PLUGIN_ERROR_INVALID, "must return a table, not a number" },
    { "g-bad-findings.lua", TERRIND_LUA_PLUGIN_ERROR_INVALID, "check must return a list of findings" },
    { "h-terrind-error.lua", TERRIND_LUA_PLUGIN_ERROR_RUNTIME, "region code" },
    { "i-closes-registry.lua", TERRIND_LUA_PLUGIN_ERROR_RUNTIME, "closed terrind Registry" },
    { "j-hostile-metatable.lua", TERRIND_LUA_PLUGIN_ERROR_INVALID, "neither a check nor a report" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(TerrindRegistry) registry = terrind_registry_new_default (NULL);
      g_autofree char *path = test_path ("plugins-broken", cases[i].file);
      g_autoptr(GError) error = NULL;
      g_autoptr(TerrindLuaPluginResult) result = terrind_lua_run_plugin (registry, path, options,
                                                                         &error);

      ck_assert_msg (result == NULL, "%s succeeded", cases[i].file);
      ck_assert_msg (g_error_matches (error, TERRIND_LUA_PLUGIN_ERROR, (gint) cases[i].code),
                     "%s: expected code %d, got %d: %s", cases[i].file, cases[i].code,
                     error->code, error->message);
      ck_assert_msg (strstr (error->message, cases[i].fragment) != NULL,
                     "%s: %s", cases[i].file, error->message);
    }
}
END_TEST

/* The sandbox has none of what reaches outside the process. */
START_TEST (test_no_escape)
{
  g_autoptr(TerrindLuaPluginOptions) options = test_options ();

  assert_refused ("os-execute.lua", options, TERRIND_LUA_PLUGIN_ERROR_RUNTIME,
                  "attempt to call a nil value (field 'execute')");
  assert_refused ("io-open.lua", options, TERRIND_LUA_PLUGIN_ERROR_RUNTIME,
                  "attempt to index a nil value (global 'io')");
  assert_refused ("package-loadlib.lua", options, TERRIND_LUA_PLUGIN_ERROR_RUNTIME,
                  "attempt to index a nil value (global 'package')");
  assert_refused ("require-c-module.lua", options, TERRIND_LUA_PLUGIN_ERROR_RUNTIME,
                  "module 'socket.core' is not available to plugins");
  assert_refused ("os-exit.lua", options, TERRIND_LUA_PLUGIN_ERROR_RUNTIME,
                  "attempt to call a nil value (field 'exit')");
  assert_refused ("file-access.lua", options, TERRIND_LUA_PLUGIN_ERROR_RUNTIME,
                  "save: a plugin may not read or write files");
  ck_assert (!g_file_test ("/tmp/terrind-plugin-was-here", G_FILE_TEST_EXISTS));
  ck_assert (!g_file_test ("/tmp/terrind-plugin-was-here.xml", G_FILE_TEST_EXISTS));
}
END_TEST

/* Nothing that can corrupt the interpreter or remove its limits. */
START_TEST (test_no_debug_no_binary)
{
  g_autoptr(TerrindLuaPluginOptions) options = test_options ();

  assert_refused ("debug-sethook.lua", options, TERRIND_LUA_PLUGIN_ERROR_BUDGET,
                  "instruction budget exceeded");
  assert_refused ("debug-setmetatable.lua", options, TERRIND_LUA_PLUGIN_ERROR_RUNTIME,
                  "attempt to index a nil value (global 'debug')");
  assert_refused ("binary-chunk.lua", options, TERRIND_LUA_PLUGIN_ERROR_RUNTIME,
                  "attempt to load a binary chunk (mode is 't')");
  assert_refused ("collectgarbage-stop.lua", options, TERRIND_LUA_PLUGIN_ERROR_RUNTIME,
                  "collectgarbage(\"stop\") is not available to plugins");
}
END_TEST

/* A plugin file that is a precompiled chunk is refused before it runs. */
START_TEST (test_binary_plugin_file)
{
  static const char binary[] = "\033LuaT\0\031\223\r\n\032\n\004\010\010garbage";
  g_autoptr(TerrindRegistry) registry = terrind_registry_new_default (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(TerrindLuaPluginResult) result =
    terrind_lua_run_plugin_source (registry, "binary", binary, sizeof binary - 1, NULL, &error);

  ck_assert_ptr_null (result);
  ck_assert (g_error_matches (error, TERRIND_LUA_PLUGIN_ERROR, TERRIND_LUA_PLUGIN_ERROR_LOAD));
  ck_assert_ptr_nonnull (strstr (error->message, "binary chunk"));
}
END_TEST

START_TEST (test_missing_file)
{
  g_autoptr(TerrindRegistry) registry = terrind_registry_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(TerrindLuaPluginResult) result =
    terrind_lua_run_plugin (registry, "/nonexistent/plugin.lua", NULL, &error);

  ck_assert_ptr_null (result);
  ck_assert (g_error_matches (error, TERRIND_LUA_PLUGIN_ERROR, TERRIND_LUA_PLUGIN_ERROR_LOAD));
}
END_TEST

/* What the instruction budget cannot see, the time limit stops: a long C
 * call and a finalizer (hooks do not run in finalizers). */
START_TEST (test_time_limit)
{
  g_autoptr(TerrindLuaPluginOptions) options = test_options ();

  terrind_lua_plugin_options_set_time_limit (options, 1500);
  assert_refused ("pathological-find.lua", options, TERRIND_LUA_PLUGIN_ERROR_TIMEOUT,
                  "time limit of 1500 ms");
  assert_refused ("gc-loop-during-run.lua", options, TERRIND_LUA_PLUGIN_ERROR_TIMEOUT,
                  "time limit of 1500 ms");
}
END_TEST

/* A finalizer left for lua_close() never runs: the state is not closed. */
START_TEST (test_gc_loop_at_close)
{
  g_autoptr(TerrindLuaPluginOptions) options = test_options ();
  g_autoptr(TerrindRegistry) registry = terrind_registry_new_default (NULL);
  g_autofree char *path = test_path ("plugins-hostile", "gc-loop-at-close.lua");
  g_autoptr(GError) error = NULL;
  g_autoptr(TerrindLuaPluginResult) result = NULL;

  result = terrind_lua_run_plugin (registry, path, options, &error);
  ck_assert_msg (result != NULL, "%s", error != NULL ? error->message : "");
  ck_assert_str_eq (terrind_lua_plugin_result_get_report (result), "left a finalizer behind");
}
END_TEST

START_TEST (test_memory_limit)
{
  g_autoptr(TerrindLuaPluginOptions) options = test_options ();

  terrind_lua_plugin_options_set_memory_limit (options, 16 * 1024 * 1024);
  assert_refused ("huge-allocation.lua", options, TERRIND_LUA_PLUGIN_ERROR_MEMORY,
                  "not enough memory");
}
END_TEST

/* Memory libterrind allocates for the plugin counts too. */
START_TEST (test_c_memory_limit)
{
  g_autoptr(TerrindLuaPluginOptions) options = test_options ();
  const char *preload = g_getenv ("LD_PRELOAD");

  if (preload != NULL && strstr (preload, "vgpreload") != NULL)
    {
      /* Valgrind runs the program on its own allocator and does not apply
       * RLIMIT_DATA to it: the limit cannot be observed there. */
      printf ("# SKIP test_c_memory_limit: valgrind does not apply RLIMIT_DATA\n");
      return;
    }
#if defined(__SANITIZE_ADDRESS__)
  /* AddressSanitizer maps its shadow and allocator regions as the program
   * runs; under RLIMIT_DATA one of those mappings fails and the sanitizer
   * dies on the spot (DEADLYSIGNAL) instead of letting malloc return NULL,
   * so which of the two happens first is a race. The plain tree runs it. */
  printf ("# SKIP test_c_memory_limit: AddressSanitizer does not survive RLIMIT_DATA\n");
  return;
#endif
  terrind_lua_plugin_options_set_memory_limit (options, 16 * 1024 * 1024);
  terrind_lua_plugin_options_set_instruction_budget (options, 100000000);
  assert_refused ("c-memory.lua", options, TERRIND_LUA_PLUGIN_ERROR_MEMORY,
                  "memory");
}
END_TEST

START_TEST (test_output_limit)
{
  g_autoptr(TerrindLuaPluginOptions) options = test_options ();

  terrind_lua_plugin_options_set_output_limit (options, 1024 * 1024);
  assert_refused ("output-flood.lua", options, TERRIND_LUA_PLUGIN_ERROR_OUTPUT,
                  "output limit exceeded (1048576 bytes)");
}
END_TEST

static char *
run_report (TerrindRegistry               *registry,
            const char                    *file,
            const TerrindLuaPluginOptions *options,
            TerrindLuaPluginResult       **result_out)
{
  g_autofree char *path = test_path ("plugins-hostile", file);
  g_autoptr(GError) error = NULL;
  g_autoptr(TerrindLuaPluginResult) result = terrind_lua_run_plugin (registry, path, options,
                                                                     &error);

  ck_assert_msg (result != NULL, "%s: %s", file, error != NULL ? error->message : "");
  if (result_out != NULL)
    *result_out = terrind_lua_plugin_result_ref (result);
  return g_strdup (terrind_lua_plugin_result_get_report (result));
}

/* A read-only registry says so, and a renaming plugin leaves nothing for
 * the next one. */
START_TEST (test_read_only)
{
  g_autoptr(TerrindLuaPluginOptions) options = test_options ();
  g_autoptr(TerrindRegistry) registry = terrind_registry_new_default (NULL);
  g_autofree char *quietly = NULL;
  g_autofree char *intact = NULL;

  assert_refused ("rename-all.lua", options, TERRIND_LUA_PLUGIN_ERROR_RUNTIME,
                  "the registry is read-only");
  /* A transaction is a write like any other. */
  assert_refused ("transaction-write.lua", options, TERRIND_LUA_PLUGIN_ERROR_RUNTIME,
                  "the registry is read-only");
  quietly = run_report (registry, "rename-all-quietly.lua", options, NULL);
  ck_assert_str_eq (quietly, "renamed 0, refused 332");
  intact = run_report (registry, "z-names-intact.lua", options, NULL);
  ck_assert_str_eq (intact, "0 of 332 territories renamed");
}
END_TEST

/* With writes granted, the changes come back as a new registry; the
 * host's own is not touched, and adopting the new one is the host's
 * choice. */
START_TEST (test_writable)
{
  g_autoptr(TerrindLuaPluginOptions) options = test_options ();
  g_autoptr(TerrindRegistry) registry = terrind_registry_new_default (NULL);
  g_autoptr(TerrindLuaPluginResult) renamed = NULL;
  g_autoptr(TerrindLuaPluginResult) read_only_result = NULL;
  g_autofree char *quietly = NULL;
  g_autofree char *on_host = NULL;
  g_autofree char *on_changed = NULL;
  g_autofree char *untouched = NULL;
  g_autoptr(TerrindLuaPluginResult) tx_result = NULL;
  g_autofree char *through_tx = NULL;
  TerrindRegistry *changed;

  terrind_lua_plugin_options_set_writable (options, TRUE);
  quietly = run_report (registry, "rename-all-quietly.lua", options, &renamed);
  ck_assert_str_eq (quietly, "renamed 332, refused 0");
  changed = terrind_lua_plugin_result_get_registry (renamed);
  ck_assert_ptr_nonnull (changed);
  ck_assert_str_eq (terrind_territory_get_name (terrind_registry_get_territory (changed, "ti-8401")),
                    "pwned");
  ck_assert_str_ne (terrind_territory_get_name (terrind_registry_get_territory (registry, "ti-8401")),
                    "pwned");
  on_host = run_report (registry, "z-names-intact.lua", options, NULL);
  ck_assert_str_eq (on_host, "0 of 332 territories renamed");
  on_changed = run_report (changed, "z-names-intact.lua", options, NULL);
  ck_assert_str_eq (on_changed, "332 of 332 territories renamed");

  /* A transaction granted writes lands in the registry sent back. */
  through_tx = run_report (registry, "transaction-write.lua", options, &tx_result);
  ck_assert_str_eq (through_tx, "renamed through a transaction: pwned");
  changed = terrind_lua_plugin_result_get_registry (tx_result);
  ck_assert_ptr_nonnull (changed);
  ck_assert_str_eq (terrind_territory_get_name (terrind_registry_get_territory (changed, "ti-8401")),
                    "pwned");
  ck_assert_str_ne (terrind_territory_get_name (terrind_registry_get_territory (registry, "ti-8401")),
                    "pwned");

  /* A plugin that changes nothing sends no registry back. */
  untouched = run_report (registry, "z-names-intact.lua", options, &read_only_result);
  ck_assert_ptr_null (terrind_lua_plugin_result_get_registry (read_only_result));
}
END_TEST

static Suite *
plugin_suite (void)
{
  Suite *suite = suite_create ("lua-plugin");
  TCase *tc = tcase_create ("plugin");

  /* Each case bounds its plugins itself; Check's own timeout would only
   * fire on a runner that fails to. */
  tcase_set_timeout (tc, 600);
  tcase_add_test (tc, test_good_plugins);
  tcase_add_test (tc, test_source_findings_and_output);
  tcase_add_test (tc, test_options_defaults);
  tcase_add_test (tc, test_broken_plugins);
  tcase_add_test (tc, test_no_escape);
  tcase_add_test (tc, test_no_debug_no_binary);
  tcase_add_test (tc, test_binary_plugin_file);
  tcase_add_test (tc, test_missing_file);
  tcase_add_test (tc, test_time_limit);
  tcase_add_test (tc, test_gc_loop_at_close);
  tcase_add_test (tc, test_memory_limit);
  tcase_add_test (tc, test_c_memory_limit);
  tcase_add_test (tc, test_output_limit);
  tcase_add_test (tc, test_read_only);
  tcase_add_test (tc, test_writable);
  suite_add_tcase (suite, tc);
  return suite;
}

int
main (void)
{
  SRunner *runner = srunner_create (plugin_suite ());
  int failed;

  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  srunner_run_all (runner, CK_ENV);
  failed = srunner_ntests_failed (runner);
  srunner_free (runner);
  return failed == 0 ? 0 : 1;
}
