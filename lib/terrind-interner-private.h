/* terrind-interner-private.h: interning without GLib's lock, for imports
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Enough for the operators and roles of a document, which recur in every
 * referent. */
#define TERRIND_INTERNER_SLOTS 64

/* A small direct-mapped cache in front of g_ref_string_new_intern(): the
 * strings it handed out last, one reference each, by a hash of their
 * text. An import keeps one; everything else passes NULL. */
typedef struct {
  char *slots[TERRIND_INTERNER_SLOTS];
} TerrindInterner;

char *terrind_interner_intern (TerrindInterner *interner,
                               const char      *value);
void  terrind_interner_clear  (TerrindInterner *interner);

G_END_DECLS
