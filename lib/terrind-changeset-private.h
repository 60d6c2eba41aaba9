/* terrind-changeset-private.h: locating a changeset's edits lazily
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "terrind-changeset.h"

G_BEGIN_DECLS

/* Where the edit being applied comes from. */
typedef void (*TerrindChangesetLocateFunc) (gpointer  data,
                                            int      *line,
                                            int      *column);

/* Like terrind_changeset_set_location(), for an importer: the line and
 * column are asked of @locate only when an edit fails, while the importer
 * still stands at the element that made it. Finding a start tag's line
 * costs a walk back over the tag, which a million referents should not
 * pay when nothing fails. */
void terrind_changeset_set_locator (TerrindChangeset           *changeset,
                                    const char                 *file,
                                    TerrindChangesetLocateFunc  locate,
                                    gpointer                    data);

/* For an importer that goes on after a bad element: a refused edit (which
 * the registry refuses whole, changing nothing) fails alone instead of
 * failing the changeset, so the edits after it are still checked. The
 * importer rolls back when anything failed: the import stays all or
 * nothing. */
void terrind_changeset_set_keep_going (TerrindChangeset           *changeset,
                                       gboolean                    keep_going);

G_END_DECLS
