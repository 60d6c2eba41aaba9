/* terrind-save-private.h: writing a document where a path points
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Puts @length bytes of @data at @path without destroying what @path names:
 * a regular file (or none yet) is replaced atomically, keeping its mode and,
 * where permitted, its owner; a symbolic link is followed and the file it
 * leads to replaced in its own directory; a FIFO or a character device is
 * written into; anything else is refused. Errors are TERRIND_ERROR_IO with
 * @path as their file. terrind_registry_export_file() documents the rules. */
gboolean terrind_save_file (const char  *path,
                            const char  *data,
                            gsize        length,
                            GError     **error);

G_END_DECLS
