/* terrind-changeset.h: a set of edits to a registry that lands whole or not
 * at all
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(__TERRIND_INSIDE__) && !defined(TERRIND_COMPILATION)
#error "Only <terrind.h> can be included directly."
#endif

#include "terrind-macros.h"
#include "terrind-model.h"

G_BEGIN_DECLS

/**
 * SECTION:terrind-changeset
 * @title: TerrindChangeset
 * @short_description: edits to a registry that land together or not at all
 *
 * A changeset groups edits to one registry — adding, replacing and
 * removing entities, changing their fields — so that they land together or
 * not at all.
 *
 * Each edit is checked and applied at once, by the registry's ordinary
 * functions, against the registry as the changeset's earlier edits have
 * left it: a referent may name a territory an earlier edit added. The
 * changeset records how to undo each edit. terrind_changeset_commit()
 * keeps them all; terrind_changeset_rollback(), or dropping the last
 * reference to a changeset still open, undoes them all, in reverse order,
 * and leaves the registry exactly as it was: the same entities, the very
 * same objects, the same values. Entities an edit removed stay alive
 * (the changeset holds them) until it is committed or rolled back.
 *
 * The first edit that fails rolls the whole changeset back at once and
 * returns its error; the changeset is then *failed*: later edits fail
 * with "the changeset has already failed: …", and
 * terrind_changeset_commit() fails with a copy of the first error. A failed
 * changeset no longer holds its registry, which can take a new one.
 *
 * Errors say which edit failed. After terrind_changeset_set_location()
 * (an importer names the element each edit comes from), an edit's error
 * starts with "FILE:LINE:COLUMN: " and carries that location for
 * terrind_error_get_line() and friends; otherwise it starts with the edit's
 * number and what it was, such as "edit 3 (add referent “r-1”): ".
 *
 * A registry has at most one open changeset. While it is open, the
 * registry's typed mutations (terrind_registry_add_region(),
 * terrind_registry_remove_territory(), terrind_registry_replace_referent()
 * and the others, and terrind_registry_add() and terrind_registry_remove())
 * fail with %TERRIND_ERROR_IN_USE: every change goes through the
 * changeset, or its undo log would not give the registry back.
 *
 * Thread safety: as for any change to a registry. A changeset is a
 * writer: it needs the caller's lock against other writers and readers,
 * and readers in other threads would see its edits as they apply, before
 * the commit, and see them vanish on a rollback.
 *
 * Since: 1.1
 */

/**
 * TerrindChangeset:
 *
 * An open set of edits to one registry; reference counted.
 *
 * Since: 1.1
 */
typedef struct _TerrindChangeset TerrindChangeset;

TERRIND_EXPORT G_GNUC_WARN_UNUSED_RESULT
TerrindChangeset *terrind_changeset_new          (TerrindRegistry    *registry,
                                                  GError            **error);
TERRIND_EXPORT
TerrindChangeset *terrind_changeset_ref          (TerrindChangeset   *changeset);
TERRIND_EXPORT
void              terrind_changeset_unref        (TerrindChangeset   *changeset);

TERRIND_EXPORT
TerrindRegistry  *terrind_changeset_get_registry (TerrindChangeset   *changeset);
TERRIND_EXPORT
void              terrind_changeset_set_location (TerrindChangeset   *changeset,
                                                  const char         *file,
                                                  int                 line,
                                                  int                 column);

TERRIND_EXPORT
gboolean          terrind_changeset_add          (TerrindChangeset   *changeset,
                                                  const TerrindKind  *kind,
                                                  gpointer            entity,
                                                  const char         *parent_id,
                                                  GError            **error);
TERRIND_EXPORT
gboolean          terrind_changeset_replace      (TerrindChangeset   *changeset,
                                                  const TerrindKind  *kind,
                                                  gpointer            entity,
                                                  GError            **error);
TERRIND_EXPORT
gboolean          terrind_changeset_remove       (TerrindChangeset   *changeset,
                                                  const TerrindKind  *kind,
                                                  const char         *id,
                                                  TerrindRemoveFlags  flags,
                                                  GError            **error);
TERRIND_EXPORT
gboolean          terrind_changeset_set_value    (TerrindChangeset   *changeset,
                                                  const TerrindField *field,
                                                  const char         *id,
                                                  const char         *value,
                                                  GError            **error);

TERRIND_EXPORT
guint             terrind_changeset_get_n_edits  (TerrindChangeset   *changeset);
TERRIND_EXPORT
gboolean          terrind_changeset_commit       (TerrindChangeset   *changeset,
                                                  GError            **error);
TERRIND_EXPORT
void              terrind_changeset_rollback     (TerrindChangeset   *changeset);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TerrindChangeset, terrind_changeset_unref)

G_END_DECLS
