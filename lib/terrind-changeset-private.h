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

/* For an importer that goes on after a bad row to report every one: call
 * before the first edit. An edit that fails then undoes only itself and
 * leaves the changeset open (its error is located as usual), and the
 * caller undoes a row of several edits with terrind_changeset_rollback_to()
 * a savepoint taken before it. The caller commits or rolls back at the
 * end; the changeset keeps an undo log even on an empty registry. */
void  terrind_changeset_set_keep_going (TerrindChangeset *changeset);
guint terrind_changeset_get_savepoint  (TerrindChangeset *changeset);
void  terrind_changeset_rollback_to    (TerrindChangeset *changeset,
                                        guint             savepoint);

G_END_DECLS
