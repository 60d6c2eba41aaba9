/* terrind-cli-write.c: writing a command's document to -o FILE
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The library's careful save (it keeps owners, and is tested step by step)
 * is private to it and writes registries only, so the tool has this
 * smaller one for the documents it makes: a map or a report can always be
 * made again, so keeping a file's owner matters less than never leaving
 * half a page, or turning a FIFO into a regular file.
 */

#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>

#include <glib/gstdio.h>

#include "terrind-cli-write.h"

static int
write_failed (TerrindCli *cli,
              const char *command,
              const char *path,
              const char *message)
{
  g_autofree char *shown = g_strescape (path, NULL);

  terrind_cli_warn (cli, "terrind %s: cannot write '%s': %s\n", command, shown, message);
  return TERRIND_CLI_EXIT_USAGE;
}

/* Writes through whatever @path is, without replacing it. */
static int
write_in_place (TerrindCli    *cli,
                const char    *command,
                const char    *path,
                const GString *data)
{
  FILE *file = g_fopen (path, "wb");
  gboolean ok;

  if (file == NULL)
    return write_failed (cli, command, path, g_strerror (errno));
  ok = fwrite (data->str, 1, data->len, file) == data->len;
  if (fclose (file) != 0)
    ok = FALSE;
  if (!ok)
    return write_failed (cli, command, path, g_strerror (errno));
  return -1;
}

int
terrind_cli_write_output (TerrindCli    *cli,
                          const char    *command,
                          const char    *path,
                          const GString *data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *target = NULL;
  GStatBuf info;
  int mode = 0666;
  gboolean existed = FALSE;

  g_return_val_if_fail (path != NULL && data != NULL, TERRIND_CLI_EXIT_USAGE);

  if (g_str_equal (path, "-"))
    {
      g_string_append_len (cli->out, data->str, (gssize) data->len);
      return -1;
    }

  if (g_lstat (path, &info) == 0)
    {
      if (S_ISLNK (info.st_mode))
        {
          /* A dangling link is written through: that creates its target. */
          target = realpath (path, NULL);
          if (target == NULL || g_stat (target, &info) != 0)
            return write_in_place (cli, command, path, data);
        }
      if (!S_ISREG (info.st_mode))
        return write_in_place (cli, command, path, data);
      mode = info.st_mode & 07777;
      existed = TRUE;
    }
  else if (errno != ENOENT)
    return write_failed (cli, command, path, g_strerror (errno));

  if (!g_file_set_contents_full (target != NULL ? target : path, data->str, (gssize) data->len,
                                 G_FILE_SET_CONTENTS_CONSISTENT, mode, &error))
    return write_failed (cli, command, path, error->message);
  /* The new file was made under the umask, which may have taken bits the
   * old one had (a group-writable 0664 under umask 022): give them back. */
  if (existed && g_chmod (target != NULL ? target : path, mode) != 0)
    return write_failed (cli, command, path, g_strerror (errno));
  return -1;
}
