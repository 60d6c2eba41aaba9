/* terrind-registry-private.h: the registry's side of changesets
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "terrind-registry.h"

G_BEGIN_DECLS

/* A registry has at most one changeset open. While it is, the typed
 * mutations (add_*, remove_*, replace_referent) refuse to run unless the
 * changeset itself is applying an edit (or undoing one): its edits go
 * through those same checked functions. */
gboolean terrind_registry_open_changeset   (TerrindRegistry *registry,
                                            gconstpointer    changeset,
                                            GError         **error);
void     terrind_registry_close_changeset  (TerrindRegistry *registry,
                                            gconstpointer    changeset);
/* Returns the previous state, to restore when the edit is done. */
gboolean terrind_registry_set_applying     (TerrindRegistry *registry,
                                            gboolean         applying);

G_END_DECLS
