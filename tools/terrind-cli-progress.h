/* terrind-cli-progress.h: a progress line while a large file loads
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <terrind.h>

G_BEGIN_DECLS

/* terrind_registry_new_from_file (@path): when @show and the load is still
 * running after a second, a line "terrind: loading NAME… Ns" on the
 * standard error, kept up to date each second and erased once it is done.
 * @name is how the file is named there. */
TerrindRegistry *terrind_cli_progress_load (gboolean     show,
                                            const char  *name,
                                            const char  *path,
                                            GError     **error);

G_END_DECLS
