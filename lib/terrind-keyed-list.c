/* terrind-keyed-list.c: the items of one entity, unique by key
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The members of a territory, the commitments of a convention, the themes
 * and targets of a commitment: a file may make any of them a million long,
 * so none may cost O(n) per item. Most are short (one to three members per
 * territory), so a short list is a plain array kept in order at once, with
 * nothing else to allocate. Past SHORT_MAX items it gains a hash table of
 * its items by key and turns lazy: additions are appended, and a sorted
 * list is put back in order (the unsorted tail sorted and merged in) only
 * when something needs the order. A file in canonical order is appended in
 * order and never sorted at all.
 *
 * Removal (sorted lists only: only members and commitments can be removed)
 * finds the item by binary search and leaves in its place a tombstone: a
 * copy of its key, tagged in the pointer's low bit, so that the array stays
 * searchable and the caller can free the item at once. Tombstones go when
 * the list is next put in order, or as soon as they outnumber the items.
 * Every reorganisation moves pointers and nothing else: no rehashing.
 *
 * Putting the array in order ("settling") is the only write a reader
 * makes, so it happens under a lock. The hash table, which answers lookups
 * and the length, changes only with the list: readers of a list that no
 * thread changes may run concurrently.
 */

#include "config.h"

#include <string.h>

#include "terrind-keyed-list-private.h"

/* Up to this length, a linear or binary search is as quick as a hash
 * lookup and an insertion in place costs a few moves: no hash table. */
#define SHORT_MAX 16

struct _TerrindKeyedListIndex {
  GHashTable *by_key;         /* key (borrowed from its item) → item */
  guint       sorted_prefix;  /* sorted lists: items[0, sorted_prefix) are in order */
  guint       n_tombstones;
  gint        unsettled;      /* atomic: tombstones, or a tail out of order */
};

/* One lock for every list: it is only taken to settle a list, once per
 * batch of changes. */
static GMutex settle_lock;

/* Items are allocated, so at least 2-aligned: the low bit is free. */
#define TOMBSTONE_BIT ((guintptr) 1)

static inline gboolean
is_tombstone (gconstpointer slot)
{
  return ((guintptr) slot & TOMBSTONE_BIT) != 0;
}

static inline gpointer
make_tombstone (const char *key)
{
  return (gpointer) ((guintptr) g_strdup (key) | TOMBSTONE_BIT);
}

/* The key of an item or of the item a tombstone stands for. */
static inline const char *
slot_key (const TerrindKeyedListType *type,
          gconstpointer               slot)
{
  if (is_tombstone (slot))
    return (const char *) ((guintptr) slot & ~TOMBSTONE_BIT);
  return type->key (slot);
}

const char *
terrind_keyed_list_string_key (gconstpointer item)
{
  return item;
}

static gint
compare_items (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  const TerrindKeyedListType *type = user_data;

  return strcmp (type->key (*(gconstpointer *) a), type->key (*(gconstpointer *) b));
}

/* Binary search of items[0, n), in order (tombstones included): where
 * @key is (TRUE), or where it would go (FALSE). */
static gboolean
search (const TerrindKeyedListType *type,
        GPtrArray                  *items,
        guint                       n,
        const char                 *key,
        guint                      *position)
{
  guint low = 0, high = n;

  while (low < high)
    {
      guint mid = low + (high - low) / 2;
      int cmp = strcmp (slot_key (type, items->pdata[mid]), key);

      if (cmp == 0)
        {
          *position = mid;
          return TRUE;
        }
      if (cmp < 0)
        low = mid + 1;
      else
        high = mid;
    }
  *position = low;
  return FALSE;
}

/* A short list (no hash table): where the item with @key is (TRUE), or
 * where a new one goes (FALSE). */
static gboolean
find_short (const TerrindKeyedList     *list,
            const TerrindKeyedListType *type,
            const char                 *key,
            guint                      *position)
{
  GPtrArray *items = list->items;

  if (items == NULL)
    {
      *position = 0;
      return FALSE;
    }
  if (type->sorted)
    return search (type, items, items->len, key, position);
  for (guint i = 0; i < items->len; i++)
    if (g_str_equal (type->key (items->pdata[i]), key))
      {
        *position = i;
        return TRUE;
      }
  *position = items->len;
  return FALSE;
}

/* Sorts items[prefix..] and merges them into the sorted items before
 * @prefix: O(n + t log t) for a tail of t items. */
static void
merge_tail (GPtrArray                  *items,
            guint                       prefix,
            const TerrindKeyedListType *type)
{
  g_autoptr(GPtrArray) tail = g_ptr_array_sized_new (items->len - prefix);
  guint i = prefix, j, k = items->len;

  for (guint t = prefix; t < items->len; t++)
    g_ptr_array_add (tail, items->pdata[t]);
  g_ptr_array_sort_with_data (tail, compare_items, (gpointer) type);

  /* From the end, so that the merge needs no room beyond the tail's copy:
   * k is always i + j. */
  j = tail->len;
  while (j > 0)
    {
      if (i > 0 && strcmp (type->key (items->pdata[i - 1]), type->key (tail->pdata[j - 1])) > 0)
        items->pdata[--k] = items->pdata[--i];
      else
        items->pdata[--k] = tail->pdata[--j];
    }
}

/* Drops the tombstones and puts the items in order. */
static void
settle_locked (TerrindKeyedList           *list,
               const TerrindKeyedListType *type)
{
  GPtrArray *items = list->items;
  TerrindKeyedListIndex *index = list->index;
  guint kept = 0, prefix = 0;

  for (guint i = 0; i < items->len; i++)
    {
      gpointer slot = items->pdata[i];

      if (is_tombstone (slot))
        {
          g_free ((gpointer) slot_key (type, slot));
          continue;
        }
      if (i < index->sorted_prefix)
        prefix++;
      items->pdata[kept++] = slot;
    }
  g_ptr_array_set_size (items, kept);
  if (type->sorted && prefix < kept)
    merge_tail (items, prefix, type);
  index->sorted_prefix = kept;
  index->n_tombstones = 0;
  g_atomic_int_set (&index->unsettled, FALSE);
}

static void
settle (TerrindKeyedList           *list,
        const TerrindKeyedListType *type)
{
  if (list->index == NULL || !g_atomic_int_get (&list->index->unsettled))
    return;
  g_mutex_lock (&settle_lock);
  /* Another reader may have settled it while this one waited. */
  if (list->index->unsettled)
    settle_locked (list, type);
  g_mutex_unlock (&settle_lock);
}

static void
mark_unsettled (TerrindKeyedListIndex *index)
{
  if (!g_atomic_int_get (&index->unsettled))
    g_atomic_int_set (&index->unsettled, TRUE);
}

void
terrind_keyed_list_clear (TerrindKeyedList           *list,
                          const TerrindKeyedListType *type)
{
  if (list->items != NULL)
    {
      for (guint i = 0; i < list->items->len; i++)
        {
          gpointer slot = list->items->pdata[i];

          if (is_tombstone (slot))
            g_free ((gpointer) slot_key (type, slot));
          else
            type->free_item (slot);
        }
      g_clear_pointer (&list->items, g_ptr_array_unref);
    }
  if (list->index != NULL)
    {
      g_hash_table_unref (list->index->by_key);
      g_clear_pointer (&list->index, g_free);
    }
}

gboolean
terrind_keyed_list_add (TerrindKeyedList           *list,
                        const TerrindKeyedListType *type,
                        gpointer                    item)
{
  const char *key = type->key (item);
  TerrindKeyedListIndex *index = list->index;
  guint position, n;

  g_assert (!is_tombstone (item));

  if (index == NULL)
    {
      if (find_short (list, type, key, &position))
        return FALSE;
      if (list->items == NULL)
        list->items = g_ptr_array_new ();
      g_ptr_array_insert (list->items, (gint) position, item);
      if (list->items->len > SHORT_MAX)
        {
          list->index = index = g_new0 (TerrindKeyedListIndex, 1);
          index->by_key = g_hash_table_new (g_str_hash, g_str_equal);
          index->sorted_prefix = list->items->len;
          for (guint i = 0; i < list->items->len; i++)
            g_hash_table_insert (index->by_key,
                                 (gpointer) type->key (list->items->pdata[i]),
                                 list->items->pdata[i]);
        }
      return TRUE;
    }

  if (g_hash_table_contains (index->by_key, key))
    return FALSE;
  n = list->items->len;
  g_ptr_array_add (list->items, item);
  g_hash_table_insert (index->by_key, (gpointer) key, item);
  /* Still in order when it comes after the last item (a tombstone of the
   * same key there, too, is disorder): a file in canonical order is never
   * sorted. */
  if (!type->sorted ||
      (index->sorted_prefix == n &&
       (n == 0 || strcmp (slot_key (type, list->items->pdata[n - 1]), key) < 0)))
    index->sorted_prefix = n + 1;
  else
    mark_unsettled (index);
  return TRUE;
}

gpointer
terrind_keyed_list_steal (TerrindKeyedList           *list,
                          const TerrindKeyedListType *type,
                          const char                 *key)
{
  TerrindKeyedListIndex *index = list->index;
  gpointer item;
  guint position;
  gboolean found;

  g_return_val_if_fail (type->sorted, NULL);

  if (index == NULL)
    {
      if (!find_short (list, type, key, &position))
        return NULL;
      return g_ptr_array_remove_index (list->items, position);
    }

  item = g_hash_table_lookup (index->by_key, key);
  if (item == NULL)
    return NULL;
  /* The binary search needs the whole array in order; the first removal
   * after a batch of additions pays for it, the next ones do not. */
  if (index->sorted_prefix < list->items->len)
    settle (list, type);
  found = search (type, list->items, list->items->len, key, &position);
  g_assert (found && list->items->pdata[position] == item);

  list->items->pdata[position] = make_tombstone (key);
  g_hash_table_remove (index->by_key, key);
  index->n_tombstones++;
  mark_unsettled (index);
  /* Clear the tombstones once they outnumber the items, so that the array
   * follows the list's length even when nothing reads it: O(n) after at
   * least n/2 removals. */
  if (index->n_tombstones > g_hash_table_size (index->by_key) + SHORT_MAX)
    settle (list, type);
  return item;
}

gpointer
terrind_keyed_list_lookup (TerrindKeyedList           *list,
                           const TerrindKeyedListType *type,
                           const char                 *key)
{
  guint position;

  if (list->index != NULL)
    return g_hash_table_lookup (list->index->by_key, key);
  return find_short (list, type, key, &position) ? list->items->pdata[position] : NULL;
}

guint
terrind_keyed_list_length (TerrindKeyedList *list)
{
  if (list->index != NULL)
    return g_hash_table_size (list->index->by_key);
  return list->items != NULL ? list->items->len : 0;
}

gpointer
terrind_keyed_list_get (TerrindKeyedList           *list,
                        const TerrindKeyedListType *type,
                        guint                       index)
{
  settle (list, type);
  g_return_val_if_fail (list->items != NULL && index < list->items->len, NULL);
  return list->items->pdata[index];
}

gboolean
terrind_keyed_list_equal (TerrindKeyedList           *a,
                          TerrindKeyedList           *b,
                          const TerrindKeyedListType *type,
                          GEqualFunc                  equal)
{
  guint n = terrind_keyed_list_length (a);

  if (n != terrind_keyed_list_length (b))
    return FALSE;
  settle (a, type);
  settle (b, type);
  for (guint i = 0; i < n; i++)
    if (!equal (a->items->pdata[i], b->items->pdata[i]))
      return FALSE;
  return TRUE;
}
