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

/* The territory of @phase whose ANCT id is @anct_id, or NULL: O(1). */
TerrindTerritory *terrind_registry_lookup_anct_id (TerrindRegistry *registry,
                                                   guint            phase,
                                                   const char      *anct_id);

/* The oldest version of the XML format that can hold everything
 * @registry holds: a registry that uses nothing of version 2 (phases, ANCT
 * ids other than the id, members' names and kinds, conventions' phases,
 * designations, investments)
 * is written as version 1, which 1.0 reads. */
guint             terrind_registry_get_format_version (TerrindRegistry *registry);

G_END_DECLS
