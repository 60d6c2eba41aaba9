/* terrind-lua-plugin-child.c: the process a plugin runs in
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Everything here runs in the child made by terrind-lua-plugin.c, on a
 * copy-on-write copy of the host's memory. Changing process-wide state
 * (limits, signals, file descriptors, GLib's) is fine here and only here.
 * The child never returns: it writes its result and calls _exit(), which
 * flushes none of the stdio buffers it inherited from the host and runs
 * none of the host's atexit handlers, and it never closes its lua_State,
 * so no plugin finalizer runs at the end.
 */

/* pipe2(), close_range(): GNU and Linux extensions */
#define _GNU_SOURCE

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif

#include "terrind-lua-plugin-private.h"

/* What the child may allocate besides the plugin's limit: the result it
 * encodes, allocator slack, a sanitizer's bookkeeping. */
#define MEMORY_MARGIN (32 * 1024 * 1024)

#define RESULT_FD 3

/* The size of the child's data segment (private writable mappings, what
 * RLIMIT_DATA counts) from /proc/self/status, or 0 when unknown. Plain
 * system calls, no stdio. */
static guint64
data_size (void)
{
  char buffer[4096];
  ssize_t n;
  const char *field;
  int fd = open ("/proc/self/status", O_RDONLY | O_CLOEXEC);

  if (fd < 0)
    return 0;
  n = read (fd, buffer, sizeof buffer - 1);
  close (fd);
  if (n <= 0)
    return 0;
  buffer[n] = '\0';
  field = strstr (buffer, "\nVmData:");
  if (field == NULL)
    return 0;
  return g_ascii_strtoull (field + strlen ("\nVmData:"), NULL, 10) * 1024;
}

static void
set_limit (int     resource,
           guint64 soft,
           guint64 hard)
{
  struct rlimit limit = { (rlim_t) soft, (rlim_t) hard };

  /* A limit the system refuses leaves the others; the wall-clock deadline
   * of the parent holds whatever happens. */
  (void) setrlimit (resource, &limit);
}

/* The limits the plugin cannot undo: CPU time, the whole process's memory
 * (what libterrind allocates for the plugin included), no core dump of a
 * killed plugin, no process made. Not RLIMIT_FSIZE: Lua has no way to open
 * a file here, and the limit would silence the reports of valgrind or a
 * sanitizer on a child that goes wrong, which write to files. Returns
 * whether the memory of the process is limited. */
static gboolean
limit_process (const TerrindLuaPluginOptions *options)
{
  guint64 seconds = terrind_lua_plugin_options_get_time_limit (options) / 1000 + 1;
  guint64 data = data_size ();

  set_limit (RLIMIT_CORE, 0, 0);
  set_limit (RLIMIT_NPROC, 0, 0);
  set_limit (RLIMIT_CPU, seconds, seconds + 1);
  if (data > 0)
    {
      guint64 cap = data + terrind_lua_plugin_options_get_memory_limit (options) + MEMORY_MARGIN;

      set_limit (RLIMIT_DATA, cap, cap);
      return TRUE;
    }
  return FALSE;
}

/* Whether the process is at its memory limit: most C code reports an
 * allocation it cannot make as an ordinary error (libxml2 says it "could
 * not create an XML parser"), so the failure itself does not say. Half the
 * margin cannot be allocated only when the plugin has used up its limit. */
static gboolean
at_memory_limit (void)
{
  void *probe = malloc (MEMORY_MARGIN / 2);

  free (probe);
  return probe == NULL;
}

/* The host's signal dispositions and mask are inherited: SIGXCPU (the CPU
 * limit) and SIGPIPE (a parent that stopped reading) must end the child. */
static void
reset_signals (void)
{
  sigset_t none;

  signal (SIGXCPU, SIG_DFL);
  signal (SIGPIPE, SIG_DFL);
  sigemptyset (&none);
  sigprocmask (SIG_SETMASK, &none, NULL);
#ifdef __linux__
  /* If the host dies, so does the plugin. */
  prctl (PR_SET_PDEATHSIG, SIGKILL);
#endif
}

/* Standard input and output to /dev/null, standard error to the parent
 * (which reads it to say why a child died), the result pipe as RESULT_FD,
 * and no other descriptor of the host. */
static void
set_descriptors (int result_fd,
                 int diagnostics_fd)
{
  int result = fcntl (result_fd, F_DUPFD, 10);
  int diagnostics = fcntl (diagnostics_fd, F_DUPFD, 10);
  int null = open ("/dev/null", O_RDWR);

  if (result < 0 || diagnostics < 0 || null < 0 ||
      dup2 (null, STDIN_FILENO) < 0 || dup2 (null, STDOUT_FILENO) < 0 ||
      dup2 (diagnostics, STDERR_FILENO) < 0 || dup2 (result, RESULT_FD) < 0)
    _exit (125);
#ifdef __GLIBC__
  if (close_range (RESULT_FD + 1, ~0U, 0) == 0)
    return;
#endif
  for (int fd = RESULT_FD + 1; fd < 65536; fd++)
    close (fd);
}

static G_NORETURN void
send_and_exit (GByteArray *wire)
{
  const guint8 *data = wire->data;
  gsize left = wire->len;

  while (left > 0)
    {
      ssize_t n = write (RESULT_FD, data, left);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        _exit (124);
      data += n;
      left -= (gsize) n;
    }
  _exit (0);
}

/* Only reached when an error escapes every protected call, which this file
 * is written never to allow. */
static int
panic (lua_State *L)
{
  g_autoptr(GByteArray) wire = g_byte_array_new ();
  const char *message = lua_tostring (L, -1);

  terrind_lua_wire_put_error (wire, TERRIND_LUA_PLUGIN_ERROR_CRASHED,
                              message != NULL ? message : "unprotected Lua error");
  terrind_lua_wire_put (wire, TERRIND_LUA_WIRE_END, NULL, 0);
  send_and_exit (wire);
}

/* One run: the state, its limits, and what is sent back. */
typedef struct {
  lua_State         *L;
  TerrindLuaSandbox  sandbox;
  TerrindRegistry   *registry;
  gboolean           data_limited;  /* RLIMIT_DATA is set */
  GByteArray        *wire;
  const char        *what;     /* "loading", "check"…, for messages */
} Run;

/* Message handler of every protected call: a traceback for errors, the
 * message of a terrind.Error for error values that are tables. */
static int
message_handler (lua_State *L)
{
  const char *message = luaL_tolstring (L, 1, NULL);

  luaL_traceback (L, L, message, 1);
  return 1;
}

/* The code of a failed protected call: why the plugin stopped. */
static TerrindLuaPluginError
failure_code (Run *run,
              int  status)
{
  if (run->sandbox.budget_exceeded)
    return TERRIND_LUA_PLUGIN_ERROR_BUDGET;
  if (run->sandbox.output_exceeded)
    return TERRIND_LUA_PLUGIN_ERROR_OUTPUT;
  if (status == LUA_ERRMEM ||
      (run->sandbox.memory_refused && g_strcmp0 (lua_tostring (run->L, -1), "not enough memory") == 0))
    return TERRIND_LUA_PLUGIN_ERROR_MEMORY;
  if (run->data_limited && at_memory_limit ())
    return TERRIND_LUA_PLUGIN_ERROR_MEMORY;
  return TERRIND_LUA_PLUGIN_ERROR_RUNTIME;
}

static G_NORETURN void
fail (Run                   *run,
      TerrindLuaPluginError  code,
      const char            *format,
      ...) G_GNUC_PRINTF (3, 4);

/* Sends only the error (what the plugin sent before is dropped) and ends. */
static G_NORETURN void
fail (Run                   *run,
      TerrindLuaPluginError  code,
      const char            *format,
      ...)
{
  char *message;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_byte_array_set_size (run->wire, 0);
  terrind_lua_wire_put_error (run->wire, code, message);
  /* Freed by hand: nothing after _exit() would, and a leak checker run on
   * the child would report it. */
  g_free (message);
  terrind_lua_wire_put (run->wire, TERRIND_LUA_WIRE_END, NULL, 0);
  send_and_exit (run->wire);
}

/* Calls the function below its @n_args arguments with one result; on
 * failure, ends the run saying why. */
static void
protected_call (Run *run,
                int  n_args)
{
  lua_State *L = run->L;
  int handler = lua_gettop (L) - n_args;
  int status;

  lua_pushcfunction (L, message_handler);
  lua_insert (L, handler);
  status = lua_pcall (L, n_args, 1, handler);
  if (status != LUA_OK)
    {
      const char *message = lua_tostring (L, -1);
      TerrindLuaPluginError code = failure_code (run, status);

      if (code == TERRIND_LUA_PLUGIN_ERROR_MEMORY && status == LUA_ERRMEM)
        fail (run, code, "%s failed: not enough memory (the limit is %" G_GUINT64_FORMAT " bytes)",
              run->what, (guint64) run->sandbox.memory_limit);
      if (code == TERRIND_LUA_PLUGIN_ERROR_MEMORY)
        fail (run, code, "%s failed: out of memory (the limit is %" G_GUINT64_FORMAT
              " bytes, C allocations included): %s", run->what,
              (guint64) run->sandbox.memory_limit, message != NULL ? message : "");
      fail (run, code, "%s failed: %s", run->what,
            message != NULL ? message : "(an error that is not a string)");
    }
  lua_remove (L, handler);
}

/* Plugins return their own tables, metatables included: they are read
 * with raw accesses, so no plugin code runs outside a protected call. */
static int
raw_field (lua_State  *L,
           int         index,
           const char *field)
{
  return lua_type (L, terrind_lua_get_field (L, lua_absindex (L, index), field));
}

/* The string at @index as text for the host, or NULL when it is not a
 * string; a zero byte inside is refused, since the host gets C strings. */
static const char *
text_value (Run        *run,
            int         index,
            const char *what,
            gsize      *length)
{
  const char *text;

  if (lua_type (run->L, index) != LUA_TSTRING)
    return NULL;
  text = lua_tolstring (run->L, index, length);
  if (memchr (text, '\0', *length) != NULL)
    fail (run, TERRIND_LUA_PLUGIN_ERROR_INVALID, "%s contains a zero byte", what);
  return text;
}

static void
put_text (Run               *run,
          TerrindLuaWireTag  tag,
          int                index,
          const char        *what)
{
  gsize length;
  const char *text = text_value (run, index, what, &length);

  if (text != NULL)
    terrind_lua_wire_put (run->wire, tag, text, length);
}

/* Reads the findings at the top of the stack into the result, refusing
 * the list as a whole when one of them has the wrong shape. */
static void
put_findings (Run *run)
{
  static const char shape[] =
    "check must return a list of findings (strings or { subject = …, message = … })";
  lua_State *L = run->L;
  int list = lua_gettop (L);
  lua_Integer n;

  if (!lua_istable (L, list))
    fail (run, TERRIND_LUA_PLUGIN_ERROR_INVALID, shape);
  terrind_lua_wire_put (run->wire, TERRIND_LUA_WIRE_CHECKED, NULL, 0);
  n = (lua_Integer) lua_rawlen (L, list);
  for (lua_Integer i = 1; i <= n; i++)
    {
      int finding;

      lua_rawgeti (L, list, i);
      finding = lua_gettop (L);
      if (lua_istable (L, finding))
        {
          raw_field (L, finding, "subject");
          raw_field (L, finding, "message");
          if (lua_type (L, -1) != LUA_TSTRING)
            fail (run, TERRIND_LUA_PLUGIN_ERROR_INVALID, shape);
          put_text (run, TERRIND_LUA_WIRE_SUBJECT, -2, "a finding's subject");
          put_text (run, TERRIND_LUA_WIRE_FINDING, -1, "a finding");
        }
      else if (lua_type (L, finding) == LUA_TSTRING)
        put_text (run, TERRIND_LUA_WIRE_FINDING, finding, "a finding");
      else
        fail (run, TERRIND_LUA_PLUGIN_ERROR_INVALID, shape);
      lua_settop (L, finding - 1);
    }
}

/* Pushes the registry and calls the entry point, both in the protected
 * call: even pushing the registry can run out of memory. Arguments: the
 * entry point, the registry as a light userdata. */
static int
call_entry_point (lua_State *L)
{
  TerrindRegistry *registry = lua_touserdata (L, 2);

  lua_settop (L, 1);
  terrind_lua_push_registry (L, registry);
  lua_call (L, 1, 1);
  return 1;
}

/* Runs the entry point @entry of the plugin table at @plugin, if it has
 * one, and puts what it returned into the result. */
static void
run_entry_point (Run        *run,
                 int         plugin,
                 const char *entry)
{
  lua_State *L = run->L;

  raw_field (L, plugin, entry);
  if (lua_isnil (L, -1))
    {
      lua_pop (L, 1);
      return;
    }
  if (!lua_isfunction (L, -1))
    fail (run, TERRIND_LUA_PLUGIN_ERROR_INVALID, "'%s' is not a function", entry);
  lua_pushcfunction (L, call_entry_point);
  lua_insert (L, -2);
  lua_pushlightuserdata (L, run->registry);
  run->what = entry;
  protected_call (run, 2);
  if (strcmp (entry, "check") == 0)
    put_findings (run);
  else if (lua_type (L, -1) != LUA_TSTRING)
    fail (run, TERRIND_LUA_PLUGIN_ERROR_INVALID, "report must return a string");
  else
    put_text (run, TERRIND_LUA_WIRE_REPORT, -1, "the report");
  lua_settop (L, plugin);
}

/* With writes granted and used, the registry goes back as XML. */
static void
put_registry (Run *run)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *xml = NULL;
  gsize length = 0;

  xml = terrind_registry_export_data (run->registry, &length, &error);
  if (xml == NULL)
    fail (run, TERRIND_LUA_PLUGIN_ERROR_OUTPUT, "the changed registry cannot be sent back: %s",
          error->message);
  terrind_lua_wire_put (run->wire, TERRIND_LUA_WIRE_REGISTRY, xml, length);
}

/* Loads and runs the plugin; returns with the result in run->wire. */
static void
run_plugin (Run        *run,
            const char *name,
            const char *chunk_name,
            const char *source,
            gsize       length)
{
  lua_State *L = run->L;
  int plugin;

  /* Text only: a binary chunk is not verified and can crash the VM. */
  if (luaL_loadbufferx (L, source, length, chunk_name, "t") != LUA_OK)
    fail (run, lua_status (L) == LUA_ERRMEM || run->sandbox.memory_refused
                 ? TERRIND_LUA_PLUGIN_ERROR_MEMORY : TERRIND_LUA_PLUGIN_ERROR_LOAD,
          "cannot load: %s", lua_tostring (L, -1));
  run->what = "loading";
  protected_call (run, 0);
  if (!lua_istable (L, -1))
    fail (run, TERRIND_LUA_PLUGIN_ERROR_INVALID, "the chunk must return a table, not a %s",
          luaL_typename (L, -1));
  plugin = lua_gettop (L);
  if (raw_field (L, plugin, "check") == LUA_TNIL && raw_field (L, plugin, "report") == LUA_TNIL)
    fail (run, TERRIND_LUA_PLUGIN_ERROR_INVALID, "has neither a check nor a report function");
  lua_settop (L, plugin);

  raw_field (L, plugin, "name");
  if (lua_type (L, -1) == LUA_TSTRING)
    put_text (run, TERRIND_LUA_WIRE_NAME, -1, "the name");
  else
    terrind_lua_wire_put (run->wire, TERRIND_LUA_WIRE_NAME, name, strlen (name));
  raw_field (L, plugin, "description");
  put_text (run, TERRIND_LUA_WIRE_DESCRIPTION, -1, "the description");
  lua_settop (L, plugin);

  run_entry_point (run, plugin, "check");
  run_entry_point (run, plugin, "report");

  terrind_lua_wire_put (run->wire, TERRIND_LUA_WIRE_OUTPUT, run->sandbox.printed->str,
                        run->sandbox.printed->len);
  if (terrind_lua_policy_wrote (L))
    put_registry (run);
}

/* The child's whole life: limits, the plugin, the result, _exit(). */
void
terrind_lua_plugin_child_run (TerrindRegistry               *registry,
                              const char                    *name,
                              const char                    *chunk_name,
                              const char                    *source,
                              gsize                          length,
                              const TerrindLuaPluginOptions *options,
                              int                            result_fd,
                              int                            diagnostics_fd)
{
  Run run = { 0 };
  guint64 output_limit = terrind_lua_plugin_options_get_output_limit (options);

  reset_signals ();
  set_descriptors (result_fd, diagnostics_fd);
  run.data_limited = limit_process (options);

  run.registry = registry;
  run.wire = g_byte_array_new ();
  run.sandbox.memory_limit = (gsize) MIN (terrind_lua_plugin_options_get_memory_limit (options),
                                          G_MAXSIZE);
  run.sandbox.budget = terrind_lua_plugin_options_get_instruction_budget (options);
  run.sandbox.printed = g_string_new (NULL);
  run.sandbox.output_limit = (gsize) output_limit;
  run.L = terrind_lua_sandbox_open (&run.sandbox);
  if (run.L == NULL)
    fail (&run, TERRIND_LUA_PLUGIN_ERROR_MEMORY,
          "not enough memory to start the plugin (the limit is %" G_GUINT64_FORMAT " bytes)",
          terrind_lua_plugin_options_get_memory_limit (options));
  lua_atpanic (run.L, panic);
  terrind_lua_policy_restrict (run.L, registry, terrind_lua_plugin_options_get_writable (options));

  run_plugin (&run, name, chunk_name, source, length);
  if (run.wire->len > output_limit)
    fail (&run, TERRIND_LUA_PLUGIN_ERROR_OUTPUT,
          "the plugin's output is larger than its limit of %" G_GUINT64_FORMAT " bytes",
          output_limit);
  terrind_lua_wire_put (run.wire, TERRIND_LUA_WIRE_END, NULL, 0);
  send_and_exit (run.wire);
}
