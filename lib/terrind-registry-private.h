/* terrind-registry-private.h
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "terrind-registry.h"

G_BEGIN_DECLS

/* Moves every entity of @src into @dest, all or nothing: ids, references
 * and the one-referent rule are checked against @dest and @src together
 * before anything moves. @src is left empty on success and untouched on
 * failure. */
gboolean terrind_registry_merge               (TerrindRegistry   *dest,
                                               TerrindRegistry   *src,
                                               GError           **error);

/* The registry-wide index of commitment ids, kept up to date by the
 * conventions the registry holds. */
gboolean terrind_registry_index_commitment    (TerrindRegistry   *registry,
                                               TerrindCommitment *commitment,
                                               GError           **error);
void     terrind_registry_unindex_commitment  (TerrindRegistry   *registry,
                                               TerrindCommitment *commitment);

/* The registry-wide index of member SIRENs, kept up to date by the
 * territories the registry holds as their members change. */
void     terrind_registry_index_member        (TerrindRegistry   *registry,
                                               TerrindTerritory  *territory,
                                               const char        *siren);
void     terrind_registry_unindex_member      (TerrindRegistry   *registry,
                                               TerrindTerritory  *territory,
                                               const char        *siren);

G_END_DECLS
