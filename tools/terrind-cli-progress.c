/* terrind-cli-progress.c: a progress line while a large file loads
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Loading a registry is one library call with no hook inside, so the line
 * is kept by a watcher thread that waits on a condition with a deadline:
 * a load under a second prints nothing, and one that ends wakes the
 * watcher at once. It writes to the standard error itself, never through
 * the TerrindCli buffers, which belong to the loading thread; the caller
 * turns it on only when the standard error is a terminal (never in
 * tests, which therefore never depend on time).
 */

#include "config.h"

#include <stdio.h>

#include "terrind-cli-progress.h"

typedef struct {
  GMutex      lock;
  GCond       done_changed;
  gboolean    done;
  const char *name;
} Watch;

static gpointer
watch_load (gpointer data)
{
  Watch *watch = data;
  gint64 start = g_get_monotonic_time ();
  gint64 deadline = start + G_TIME_SPAN_SECOND;
  g_autofree char *shown = g_strescape (watch->name, NULL);
  gboolean printed = FALSE;

  g_mutex_lock (&watch->lock);
  while (!watch->done)
    if (!g_cond_wait_until (&watch->done_changed, &watch->lock, deadline) && !watch->done)
      {
        gint64 now = g_get_monotonic_time ();

        fprintf (stderr, "\rterrind: loading %s… %" G_GINT64_FORMAT "s", shown,
                 (now - start) / G_TIME_SPAN_SECOND);
        fflush (stderr);
        printed = TRUE;
        deadline += G_TIME_SPAN_SECOND;
      }
  g_mutex_unlock (&watch->lock);
  /* Erase the line, so that what follows starts a clean one. */
  if (printed)
    {
      fputs ("\r\033[K", stderr);
      fflush (stderr);
    }
  return NULL;
}

TerrindRegistry *
terrind_cli_progress_load (gboolean     show,
                           const char  *name,
                           const char  *path,
                           GError     **error)
{
  Watch watch = { 0, };
  GThread *watcher;
  TerrindRegistry *registry;

  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (path != NULL, NULL);

  if (!show)
    return terrind_registry_new_from_file (path, error);

  g_mutex_init (&watch.lock);
  g_cond_init (&watch.done_changed);
  watch.name = name;
  watcher = g_thread_new ("terrind-progress", watch_load, &watch);

  registry = terrind_registry_new_from_file (path, error);

  g_mutex_lock (&watch.lock);
  watch.done = TRUE;
  g_cond_signal (&watch.done_changed);
  g_mutex_unlock (&watch.lock);
  g_thread_join (watcher);
  g_cond_clear (&watch.done_changed);
  g_mutex_clear (&watch.lock);
  return registry;
}
