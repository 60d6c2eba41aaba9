/* terrind-changeset-private.h: what importers ask of a changeset
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

/* For an importer that goes on after a bad element or row, to report
 * every one: an edit that fails then undoes only itself and fails alone,
 * leaving the changeset open (its error is located as usual), so the edits
 * after it are still checked. The importer rolls back at the end when
 * anything failed: an import stays all or nothing. */
void  terrind_changeset_set_keep_going (TerrindChangeset *changeset,
                                        gboolean          keep_going);

/* Savepoints, for an importer that makes one row of several edits and
 * undoes the row when one of them fails. They need an undo log, which a
 * changeset opened on an empty registry does not keep (rolling back is
 * emptying it) unless asked before its first edit. */
void  terrind_changeset_keep_undo_log  (TerrindChangeset *changeset);
guint terrind_changeset_get_savepoint  (TerrindChangeset *changeset);
void  terrind_changeset_rollback_to    (TerrindChangeset *changeset,
                                        guint             savepoint);

G_END_DECLS
