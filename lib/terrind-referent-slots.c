/* terrind-referent-slots.c: a territory's referents, by operator
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The registry once kept one table of every referent keyed by its
 * (operator, territory) pair: a second registry-wide hash table beside the
 * one by id, a random memory access per referent to check the rule and
 * another to insert, and 24 bytes per slot of a table that is half empty
 * after each doubling. Adding a referent already looks its territory up,
 * so the pair is checked there instead.
 */

#include "config.h"

#include <string.h>

#include "terrind-referent-private.h"
#include "terrind-referent-slots-private.h"

/* Operator ids of referents are interned, so the same operator is most
 * often the same pointer; the bytes decide otherwise. */
static gboolean
same_operator (const TerrindReferent *referent,
               const char            *operator_id)
{
  return referent->operator_id == operator_id || strcmp (referent->operator_id, operator_id) == 0;
}

TerrindReferent *
terrind_referent_slots_find (const TerrindReferentSlots *slots,
                             const char                 *operator_id)
{
  for (guint i = 0; i < TERRIND_REFERENT_SLOTS_INLINE; i++)
    if (slots->inline_slots[i] != NULL && same_operator (slots->inline_slots[i], operator_id))
      return slots->inline_slots[i];
  return slots->more != NULL ? g_hash_table_lookup (slots->more, operator_id) : NULL;
}

void
terrind_referent_slots_add (TerrindReferentSlots *slots,
                            TerrindReferent      *referent)
{
  g_assert (terrind_referent_slots_find (slots, referent->operator_id) == NULL);

  for (guint i = 0; i < TERRIND_REFERENT_SLOTS_INLINE; i++)
    if (slots->inline_slots[i] == NULL)
      {
        slots->inline_slots[i] = referent;
        return;
      }
  /* The key is the referent's own operator id, which lives as long as
   * the referent does in the registry. */
  if (slots->more == NULL)
    slots->more = g_hash_table_new (g_str_hash, g_str_equal);
  g_hash_table_insert (slots->more, referent->operator_id, referent);
}

void
terrind_referent_slots_remove (TerrindReferentSlots *slots,
                               TerrindReferent      *referent)
{
  for (guint i = 0; i < TERRIND_REFERENT_SLOTS_INLINE; i++)
    if (slots->inline_slots[i] == referent)
      {
        slots->inline_slots[i] = NULL;
        return;
      }
  if (slots->more != NULL && g_hash_table_lookup (slots->more, referent->operator_id) == referent)
    {
      g_hash_table_remove (slots->more, referent->operator_id);
      return;
    }
  g_assert_not_reached ();
}

void
terrind_referent_slots_collect (const TerrindReferentSlots *slots,
                                GPtrArray                  *into)
{
  for (guint i = 0; i < TERRIND_REFERENT_SLOTS_INLINE; i++)
    if (slots->inline_slots[i] != NULL)
      g_ptr_array_add (into, slots->inline_slots[i]);
  if (slots->more != NULL)
    {
      GHashTableIter iter;
      gpointer referent;

      g_hash_table_iter_init (&iter, slots->more);
      while (g_hash_table_iter_next (&iter, NULL, &referent))
        g_ptr_array_add (into, referent);
    }
}

void
terrind_referent_slots_clear (TerrindReferentSlots *slots)
{
  memset (slots->inline_slots, 0, sizeof slots->inline_slots);
  g_clear_pointer (&slots->more, g_hash_table_unref);
}
