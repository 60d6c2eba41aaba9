/* terrind-error-private.h: setting errors that carry a location
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "terrind-error.h"

G_BEGIN_DECLS

void terrind_set_error_at (GError     **error,
                           TerrindError code,
                           const char  *file,
                           int          line,
                           int          column,
                           const char  *format,
                           ...) G_GNUC_PRINTF (6, 7);

GError *terrind_error_new_from_problems (GPtrArray *problems,
                                        gboolean   truncated);

G_END_DECLS
