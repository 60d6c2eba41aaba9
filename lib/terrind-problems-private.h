/* terrind-problems-private.h: collecting the problems of one import
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * An importer that goes on after a bad row or element keeps what went
 * wrong here, up to a limit, and reports it all at the end as one error
 * (terrind_error_get_n_problems()): a user fixes a file in one pass
 * instead of one run per mistake.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  GPtrArray *errors;  /* (element-type GError) (owned) */
  guint      max;     /* 0: no limit */
} TerrindProblems;

void     terrind_problems_init      (TerrindProblems  *problems,
                                     guint             max);
void     terrind_problems_clear     (TerrindProblems  *problems);
gboolean terrind_problems_take      (TerrindProblems  *problems,
                                     GError           *error);
guint    terrind_problems_get_n     (const TerrindProblems *problems);
gboolean terrind_problems_is_full   (const TerrindProblems *problems);
gboolean terrind_problems_propagate (TerrindProblems  *problems,
                                     GError          **error);

G_END_DECLS
