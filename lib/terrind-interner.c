/* terrind-interner.c: interning without GLib's lock, for imports
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <string.h>

#include "terrind-interner-private.h"

/*
 * terrind_interner_intern:
 * @interner: (nullable): a cache, or %NULL to ask GLib directly
 * @value: a string
 *
 * The same as g_ref_string_new_intern (@value), without its process-wide
 * lock and table most of the time: a referent interns its operator id
 * and role, and the operator ids and roles of a document recur in every
 * referent. (Its territory id, shared by a few referents only, is its own
 * copy: a table of every territory id would cost more than it saves.) A
 * hit answers from the cache; a miss asks GLib and takes the slot.
 *
 * Returns: (transfer full): an interned GRefString.
 */
char *
terrind_interner_intern (TerrindInterner *interner,
                         const char      *value)
{
  char **slot;

  if (interner == NULL)
    return g_ref_string_new_intern (value);
  slot = &interner->slots[g_str_hash (value) % TERRIND_INTERNER_SLOTS];
  if (*slot == NULL || strcmp (*slot, value) != 0)
    {
      g_clear_pointer (slot, g_ref_string_release);
      *slot = g_ref_string_new_intern (value);
    }
  return g_ref_string_acquire (*slot);
}

void
terrind_interner_clear (TerrindInterner *interner)
{
  for (guint i = 0; i < TERRIND_INTERNER_SLOTS; i++)
    g_clear_pointer (&interner->slots[i], g_ref_string_release);
}
