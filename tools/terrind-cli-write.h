/* terrind-cli-write.h: writing a command's document to -o FILE
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "terrind-cli.h"

G_BEGIN_DECLS

/* Writes @data where @path says: "-" is the standard output. A regular file
 * is replaced whole or not at all (a temporary file renamed over it, with
 * the old file's permissions); a symbolic link is followed, so the file it
 * leads to is replaced and the link stays; anything else that exists (a
 * FIFO, a device) is written to as it is, never replaced. Returns -1 on
 * success, else the exit status of the error reported. */
int terrind_cli_write_output (TerrindCli    *cli,
                              const char    *command,
                              const char    *path,
                              const GString *data);

G_END_DECLS
