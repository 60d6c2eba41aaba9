/* lua-host.c: a host application that runs Lua plugins on its registry
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Usage: lua-host [--data FILE] [--budget N] [--memory-mb N]
 *                 [--time-limit MS] [--writable] PLUGIN_DIR
 *
 * The host holds a TerrindRegistry (the embedded default dataset, or FILE)
 * and runs every *.lua file of PLUGIN_DIR, in name order, with the plugin
 * runner of libterrind-lua (terrind_lua_run_plugin(), which documents the
 * plugin interface and the sandbox): each plugin in a process of its own,
 * with an instruction budget, a time limit and a memory limit, on a
 * read-only view of the registry. With --writable, plugins may change the
 * registry, and the host adopts what a plugin changed before it runs the
 * next one.
 *
 * A plugin that does not load, fails, runs past a limit or returns
 * something else than documented is reported and skipped; the others
 * still run. Plugin output is written as the UTF-8 bytes the plugins
 * produce, with stdio rather than g_print(), which would convert it to the
 * locale's character set.
 *
 * Exit status: 0 when every plugin ran, 1 when at least one was skipped,
 * 2 when the host itself could not start.
 */

#include <stdio.h>
#include <string.h>

#include <terrind.h>
#include <terrind-lua.h>

/* Plugins are not trusted, and neither is what they say: printed as is, a
 * plugin's output, findings or error message could move the cursor, clear
 * the host's terminal or forge lines with escape sequences. Text that is
 * one line (a name, a finding, an error) is kept to one line; output and
 * reports keep their newlines and tabs. Any other control character (C0,
 * DEL, C1) is written as \u{NNNN}, and a byte that is not UTF-8 as \xNN. */
static void
write_text (FILE       *out,
            const char *text,
            gssize      length,
            gboolean    multiline)
{
  const char *p = text;
  const char *end = text + (length < 0 ? (gssize) strlen (text) : length);

  while (p < end)
    {
      gunichar c = g_utf8_get_char_validated (p, end - p);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          fprintf (out, "\\x%02X", (guchar) *p++);
          continue;
        }
      if (g_unichar_iscntrl (c) && !(multiline && (c == '\n' || c == '\t')))
        fprintf (out, "\\u{%04X}", (guint) c);
      else
        fwrite (p, 1, (size_t) (g_utf8_next_char (p) - p), out);
      p = g_utf8_next_char (p);
    }
}

static void
write_line (FILE       *out,
            const char *text)
{
  write_text (out, text, -1, FALSE);
}

static void
print_result (const TerrindLuaPluginResult *result)
{
  const char *name = terrind_lua_plugin_result_get_name (result);
  const char *description = terrind_lua_plugin_result_get_description (result);
  const char *report = terrind_lua_plugin_result_get_report (result);
  gsize output_length;
  const char *output = terrind_lua_plugin_result_get_output (result, &output_length);

  printf ("== ");
  write_line (stdout, name);
  if (description != NULL)
    {
      printf (": ");
      write_line (stdout, description);
    }
  printf ("\n");
  write_text (stdout, output, (gssize) output_length, TRUE);
  if (terrind_lua_plugin_result_has_check (result))
    {
      guint n = terrind_lua_plugin_result_get_n_findings (result);

      printf ("[");
      write_line (stdout, name);
      printf ("] check: %u finding%s\n", n, n == 1 ? "" : "s");
      for (guint i = 0; i < n; i++)
        {
          const char *subject = terrind_lua_plugin_result_get_finding_subject (result, i);
          const char *message = terrind_lua_plugin_result_get_finding_message (result, i);

          printf ("  ");
          write_line (stdout, name);
          printf (": ");
          if (subject != NULL)
            {
              write_line (stdout, subject);
              printf (": ");
            }
          write_line (stdout, message);
          printf ("\n");
        }
    }
  if (report != NULL)
    {
      printf ("[");
      write_line (stdout, name);
      printf ("] report:\n");
      write_text (stdout, report, -1, TRUE);
      if (!g_str_has_suffix (report, "\n"))
        printf ("\n");
    }
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
  gint64 budget = 100000000;
  gint memory_mb = 256;
  gint time_limit = 10000;
  gboolean writable = FALSE;
  GOptionEntry entries[] = {
    { "data", 'd', 0, G_OPTION_ARG_FILENAME, &data,
      "Load the registry from FILE instead of the embedded dataset", "FILE" },
    { "budget", 'b', 0, G_OPTION_ARG_INT64, &budget,
      "Lua instructions each plugin may run", "N" },
    { "memory-mb", 'm', 0, G_OPTION_ARG_INT, &memory_mb,
      "Megabytes of memory each plugin may use", "N" },
    { "time-limit", 't', 0, G_OPTION_ARG_INT, &time_limit,
      "Milliseconds each plugin may take", "MS" },
    { "writable", 'w', 0, G_OPTION_ARG_NONE, &writable,
      "Let plugins change the registry, each seeing the changes of the previous ones", NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("PLUGIN_DIR");
  g_autoptr(TerrindLuaPluginOptions) options = terrind_lua_plugin_options_new ();
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
  if (argc != 2 || budget <= 0 || memory_mb <= 0 || time_limit <= 0)
    {
      fprintf (stderr, "lua-host: expected one plugin directory and positive limits; "
                  "see --help\n");
      return 2;
    }
  terrind_lua_plugin_options_set_instruction_budget (options, (guint64) budget);
  terrind_lua_plugin_options_set_memory_limit (options, (guint64) memory_mb * 1024 * 1024);
  terrind_lua_plugin_options_set_time_limit (options, (guint) time_limit);
  terrind_lua_plugin_options_set_writable (options, writable);

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
    {
      const char *path = g_ptr_array_index (plugins, i);
      g_autoptr(TerrindLuaPluginResult) result = NULL;
      g_autoptr(GError) plugin_error = NULL;

      /* So that stdout and stderr show things in the order they happened. */
      fflush (stdout);
      result = terrind_lua_run_plugin (registry, path, options, &plugin_error);
      if (result == NULL)
        {
          g_autofree char *base = g_path_get_basename (path);

          fprintf (stderr, "lua-host: plugin ");
          write_line (stderr, base);
          fprintf (stderr, ": ");
          write_line (stderr, plugin_error->message);
          fprintf (stderr, "\n");
          failed++;
          continue;
        }
      print_result (result);
      if (terrind_lua_plugin_result_get_registry (result) != NULL)
        {
          g_clear_pointer (&registry, terrind_registry_unref);
          registry = terrind_registry_ref (terrind_lua_plugin_result_get_registry (result));
        }
    }

  printf ("lua-host: %u plugin%s run, %u skipped\n", plugins->len - failed,
           plugins->len - failed == 1 ? "" : "s", failed);
  return failed == 0 ? 0 : 1;
}
