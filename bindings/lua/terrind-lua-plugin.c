/* terrind-lua-plugin.c: the plugin runner, the host's side
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Why a process per plugin: the limits a plugin must not get past are
 * those Lua cannot enforce from inside. A count hook never fires inside a
 * C function (one string.find can take minutes) nor in a finalizer; the
 * Lua allocator does not see what libterrind allocates; and whatever the
 * plugin does to the registry and to memory must not reach the host or the
 * next plugin. A forked child gets all of that from the kernel: it can be
 * killed wherever it is, its address space can be limited as a whole, and
 * its memory is a copy. The cost is a fork() per plugin (copy-on-write,
 * about a millisecond) and the rules of fork() in a multithreaded program,
 * which terrind-lua.h documents.
 *
 * The parent reads the child's result and standard error while the child
 * runs (so neither pipe fills up), kills it at the deadline or when it
 * sends more than its output limit, reaps it with waitpid() on its own pid,
 * and turns what it saw into a result or a GError. Nothing here changes a
 * process-wide setting: no signal handler, no signal mask, no limit.
 */

/* pipe2(), close_range(): GNU and Linux extensions */
#define _GNU_SOURCE

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "terrind-lua-plugin-private.h"

/* The diagnostics kept from the child's standard error: enough for an
 * AddressSanitizer or GLib report's first lines. */
#define DIAGNOSTICS_LIMIT (16 * 1024)

G_DEFINE_QUARK (terrind-lua-plugin-error-quark, terrind_lua_plugin_error)

/**
 * terrind_lua_plugin_error_quark:
 *
 * Returns: the quark of %TERRIND_LUA_PLUGIN_ERROR
 *
 * Since: 1.0.1
 */

/* One of the child's pipes, read until end of file. */
typedef struct {
  int         fd;
  GByteArray *data;
  gsize       limit;    /* bytes kept */
  gboolean    over;     /* more came than @limit */
} Pipe;

/* What the parent saw of its child. */
typedef struct {
  pid_t    pid;
  Pipe     result;
  Pipe     diagnostics;
  gboolean timed_out;
  gboolean reaped;
  int      status;      /* when @reaped */
} Child;

/* Reads what is there; FALSE at end of file. */
static gboolean
drain (Pipe *pipe)
{
  guint8 buffer[65536];
  ssize_t n = read (pipe->fd, buffer, sizeof buffer);

  if (n < 0)
    return errno == EINTR || errno == EAGAIN;
  if (n == 0)
    return FALSE;
  if (pipe->data->len + (gsize) n > pipe->limit)
    {
      pipe->over = TRUE;
      n = (ssize_t) (pipe->limit - MIN (pipe->limit, pipe->data->len));
    }
  g_byte_array_append (pipe->data, buffer, (guint) n);
  return TRUE;
}

static int
remaining_ms (gint64 deadline)
{
  gint64 left = deadline - g_get_monotonic_time ();

  return left <= 0 ? 0 : (int) MIN ((left + 999) / 1000, G_MAXINT);
}

/* Reads both pipes until the child closes them (it has exited), the
 * deadline passes, or the result grows past its limit. */
static void
collect (Child  *child,
         gint64  deadline)
{
  gboolean open[2] = { TRUE, TRUE };
  Pipe *pipes[2] = { &child->result, &child->diagnostics };

  while (open[0] || open[1])
    {
      struct pollfd fds[2];
      nfds_t n = 0;
      int ready;

      for (int i = 0; i < 2; i++)
        if (open[i])
          fds[n++] = (struct pollfd) { pipes[i]->fd, POLLIN, 0 };
      ready = poll (fds, n, remaining_ms (deadline));
      if (ready < 0 && errno == EINTR)
        continue;
      if (ready <= 0)
        {
          child->timed_out = ready == 0;
          return;
        }
      n = 0;
      for (int i = 0; i < 2; i++)
        if (open[i] && fds[n++].revents != 0)
          open[i] = drain (pipes[i]);
      if (child->result.over)
        return;
    }
}

/* Waits for the child, which has closed its pipes, until the deadline;
 * then kills it. A child that is not ours to wait for (SIGCHLD ignored, or
 * reaped by the host's handler) leaves @reaped FALSE. */
static void
reap (Child  *child,
      gint64  deadline,
      gboolean kill_now)
{
  for (;;)
    {
      pid_t pid;

      if (kill_now || g_get_monotonic_time () >= deadline)
        {
          if (!kill_now)
            child->timed_out = TRUE;
          kill (child->pid, SIGKILL);
          kill_now = FALSE;
          deadline = G_MAXINT64;
          pid = waitpid (child->pid, &child->status, 0);
        }
      else
        pid = waitpid (child->pid, &child->status, WNOHANG);
      if (pid == child->pid)
        {
          child->reaped = TRUE;
          return;
        }
      if (pid < 0 && errno != EINTR)
        return;
      if (pid == 0)
        g_usleep (1000);
    }
}

/* What the child wrote on its standard error, as valid UTF-8. */
static char *
diagnostics_text (const Child *child)
{
  const GByteArray *data = child->diagnostics.data;

  if (data->len == 0)
    return g_strdup ("");
  return g_utf8_make_valid ((const char *) data->data, data->len);
}

/* The first line of what the child wrote on its standard error, safe to
 * show: valid UTF-8, no control characters, at most 300 bytes. */
static char *
first_diagnostic (const Child *child)
{
  g_autofree char *text = diagnostics_text (child);
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (char **line = lines; *line != NULL; line++)
    {
      g_autofree char *stripped = g_strstrip (g_strdup (*line));
      GString *shown;

      if (*stripped == '\0')
        continue;
      shown = g_string_new (NULL);
      for (const char *c = stripped; *c != '\0' && shown->len < 300; c = g_utf8_next_char (c))
        {
          gunichar u = g_utf8_get_char (c);

          if (g_unichar_iscntrl (u))
            g_string_append_c (shown, ' ');
          else
            g_string_append_unichar (shown, u);
        }
      return g_string_free (shown, FALSE);
    }
  return NULL;
}

static gboolean
diagnostics_say_out_of_memory (const Child *child)
{
  g_autofree char *text = diagnostics_text (child);

  /* GLib's g_malloc(), AddressSanitizer and valgrind say one of these
   * when an allocation fails, libxml2 the third, and GLib's other aborts
   * (a mutex made by gthread-posix.c: "Unexpected error from C library
   * during 'malloc': …") strerror (ENOMEM); the limit is the likely
   * reason. GLib's own report of a failed allocation allocates, so a child
   * at its limit may die of SIGSEGV in it, after libxml2 said why. */
  return strstr (text, "failed to allocate") != NULL || strstr (text, "out of memory") != NULL ||
         strstr (text, "Memory allocation failed") != NULL ||
         strstr (text, g_strerror (ENOMEM)) != NULL;
}

/* "killed by signal 9 (Killed)" or "exit status 1" */
static char *
describe_status (const Child *child)
{
  if (!child->reaped)
    return g_strdup ("its exit status is unknown: the host reaped it or ignores SIGCHLD");
  if (WIFSIGNALED (child->status))
    return g_strdup_printf ("killed by signal %d (%s)", WTERMSIG (child->status),
                            g_strsignal (WTERMSIG (child->status)));
  return g_strdup_printf ("exit status %d", WEXITSTATUS (child->status));
}

/* What the child's end means for the host. */
static TerrindLuaPluginResult *
interpret (const Child                   *child,
           const TerrindLuaPluginOptions *options,
           GError                       **error)
{
  const guint8 *wire = child->result.data->data;
  gsize wire_length = child->result.data->len;
  g_autofree char *status = describe_status (child);
  g_autofree char *diagnostic = first_diagnostic (child);
  const char *colon = diagnostic != NULL ? ": " : "";
  gboolean complete;

  if (child->timed_out)
    {
      g_set_error (error, TERRIND_LUA_PLUGIN_ERROR, TERRIND_LUA_PLUGIN_ERROR_TIMEOUT,
                   "the plugin did not finish within its time limit of %u ms and was stopped",
                   terrind_lua_plugin_options_get_time_limit (options));
      return NULL;
    }
  if (child->result.over)
    {
      g_set_error (error, TERRIND_LUA_PLUGIN_ERROR, TERRIND_LUA_PLUGIN_ERROR_OUTPUT,
                   "the plugin's output is larger than its limit of %" G_GUINT64_FORMAT " bytes",
                   terrind_lua_plugin_options_get_output_limit (options));
      return NULL;
    }
  if (child->reaped && WIFSIGNALED (child->status) && WTERMSIG (child->status) == SIGXCPU)
    {
      g_set_error (error, TERRIND_LUA_PLUGIN_ERROR, TERRIND_LUA_PLUGIN_ERROR_TIMEOUT,
                   "the plugin used more CPU time than its time limit of %u ms and was stopped",
                   terrind_lua_plugin_options_get_time_limit (options));
      return NULL;
    }
  complete = terrind_lua_wire_is_complete (wire, wire_length);
  if (complete && (!child->reaped || (WIFEXITED (child->status) && WEXITSTATUS (child->status) == 0)))
    return terrind_lua_plugin_result_from_wire (wire, wire_length, error);
  if (diagnostics_say_out_of_memory (child))
    {
      g_set_error (error, TERRIND_LUA_PLUGIN_ERROR, TERRIND_LUA_PLUGIN_ERROR_MEMORY,
                   "the plugin's process ran out of memory (the limit is %" G_GUINT64_FORMAT
                   " bytes, C allocations included; %s)%s%s",
                   terrind_lua_plugin_options_get_memory_limit (options), status, colon,
                   diagnostic != NULL ? diagnostic : "");
      return NULL;
    }
  /* A complete result followed by a failure is a child that went wrong
   * after the plugin (valgrind or a sanitizer found an error in it). */
  g_set_error (error, TERRIND_LUA_PLUGIN_ERROR, TERRIND_LUA_PLUGIN_ERROR_CRASHED,
               "the plugin's process ended %s (%s)%s%s",
               complete ? "abnormally after its result" : "without a complete result",
               status, colon, diagnostic != NULL ? diagnostic : "");
  return NULL;
}

static void
close_pair (int fds[2])
{
  for (int i = 0; i < 2; i++)
    if (fds[i] >= 0)
      {
        close (fds[i]);
        fds[i] = -1;
      }
}

/* Runs the plugin in a child, @chunk_name naming it in Lua's messages. */
static TerrindLuaPluginResult *
run_chunk (TerrindRegistry               *registry,
           const char                    *name,
           const char                    *chunk_name,
           const char                    *source,
           gsize                          length,
           const TerrindLuaPluginOptions *options,
           GError                       **error)
{
  g_autoptr(TerrindLuaPluginOptions) defaults = NULL;
  int result_pipe[2] = { -1, -1 };
  int diagnostics_pipe[2] = { -1, -1 };
  Child child = { 0 };
  gint64 deadline;
  TerrindLuaPluginResult *result;

  if (options == NULL)
    options = defaults = terrind_lua_plugin_options_new ();
  if (pipe2 (result_pipe, O_CLOEXEC) < 0 || pipe2 (diagnostics_pipe, O_CLOEXEC) < 0)
    {
      int saved = errno;

      close_pair (result_pipe);
      g_set_error (error, TERRIND_LUA_PLUGIN_ERROR, TERRIND_LUA_PLUGIN_ERROR_FAILED,
                   "cannot make a pipe for the plugin: %s", g_strerror (saved));
      return NULL;
    }

  deadline = g_get_monotonic_time () +
             (gint64) terrind_lua_plugin_options_get_time_limit (options) * 1000;
  child.pid = fork ();
  if (child.pid < 0)
    {
      int saved = errno;

      close_pair (result_pipe);
      close_pair (diagnostics_pipe);
      g_set_error (error, TERRIND_LUA_PLUGIN_ERROR, TERRIND_LUA_PLUGIN_ERROR_FAILED,
                   "cannot start a process for the plugin: %s", g_strerror (saved));
      return NULL;
    }
  if (child.pid == 0)
    terrind_lua_plugin_child_run (registry, name, chunk_name, source, length, options,
                                  result_pipe[1], diagnostics_pipe[1]);

  close (result_pipe[1]);
  close (diagnostics_pipe[1]);
  child.result = (Pipe) { result_pipe[0], g_byte_array_new (),
                          terrind_lua_plugin_options_get_output_limit (options) +
                          TERRIND_LUA_WIRE_SLACK, FALSE };
  child.diagnostics = (Pipe) { diagnostics_pipe[0], g_byte_array_new (), DIAGNOSTICS_LIMIT, FALSE };
  collect (&child, deadline);
  reap (&child, deadline, child.timed_out || child.result.over);
  close (result_pipe[0]);
  close (diagnostics_pipe[0]);

  result = interpret (&child, options, error);
  g_byte_array_unref (child.result.data);
  g_byte_array_unref (child.diagnostics.data);
  return result;
}

/**
 * terrind_lua_run_plugin_source:
 * @registry: the registry the plugin looks at; it is not changed
 * @name: the name of the plugin when it gives none, also used in Lua's
 *   messages (`name:3: attempt to…`)
 * @source: (array length=length): the plugin's Lua source text
 * @length: the length of @source in bytes
 * @options: (nullable): the limits, or %NULL for the defaults of
 *   terrind_lua_plugin_options_new()
 * @error: return location for a #TERRIND_LUA_PLUGIN_ERROR
 *
 * Runs the plugin in @source on @registry in a sandbox (see the section
 * above) and returns what it returned. Blocks until the plugin is done or
 * stopped: at most the time limit, plus the time to read its result.
 *
 * Returns: (transfer full) (nullable): the result, or %NULL with @error
 *   set when the plugin failed or could not be run
 *
 * Since: 1.0.1
 */
TerrindLuaPluginResult *
terrind_lua_run_plugin_source (TerrindRegistry               *registry,
                               const char                    *name,
                               const char                    *source,
                               gsize                          length,
                               const TerrindLuaPluginOptions *options,
                               GError                       **error)
{
  g_autofree char *chunk_name = NULL;

  g_return_val_if_fail (registry != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (source != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  chunk_name = g_strconcat ("=", name, NULL);
  return run_chunk (registry, name, chunk_name, source, length, options, error);
}

/**
 * terrind_lua_run_plugin:
 * @registry: the registry the plugin looks at; it is not changed
 * @path: (type filename): the plugin's Lua source file
 * @options: (nullable): the limits, or %NULL for the defaults of
 *   terrind_lua_plugin_options_new()
 * @error: return location for a #TERRIND_LUA_PLUGIN_ERROR
 *
 * Reads the plugin at @path (the host reads it: the plugin has no file
 * access) and runs it as terrind_lua_run_plugin_source() does, named after
 * the file's base name, with Lua's messages naming @path.
 *
 * Returns: (transfer full) (nullable): the result, or %NULL with @error
 *   set when the plugin failed, could not be read or could not be run
 *
 * Since: 1.0.1
 */
TerrindLuaPluginResult *
terrind_lua_run_plugin (TerrindRegistry               *registry,
                        const char                    *path,
                        const TerrindLuaPluginOptions *options,
                        GError                       **error)
{
  g_autoptr(GError) read_error = NULL;
  g_autofree char *source = NULL;
  g_autofree char *base = NULL;
  g_autofree char *chunk_name = NULL;
  gsize length = 0;

  g_return_val_if_fail (registry != NULL, NULL);
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!g_file_get_contents (path, &source, &length, &read_error))
    {
      g_set_error (error, TERRIND_LUA_PLUGIN_ERROR, TERRIND_LUA_PLUGIN_ERROR_LOAD,
                   "cannot load: %s", read_error->message);
      return NULL;
    }
  base = g_path_get_basename (path);
  chunk_name = g_strconcat ("@", path, NULL);
  return run_chunk (registry, base, chunk_name, source, length, options, error);
}
