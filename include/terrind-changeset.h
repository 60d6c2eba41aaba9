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
