/* terrind-entity-list.c: one container for every kind of entity
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Like libosinfo's OsinfoList, a single generic container serves every kind
 * of entity instead of a hand-written one per type: a hash table by id for
 * lookups, and a sorted listing rebuilt lazily after changes. The listing
 * cache is the only state a reader writes, so a mutex guards it and
 * concurrent readers of an unchanging registry stay safe.
 */

#include "config.h"

#include <string.h>

#include "terrind-entity-list-private.h"

static guint
entity_hash (gconstpointer entity)
{
  return g_str_hash (((const TerrindEntityHeader *) entity)->id);
}

static gboolean
entity_equal (gconstpointer a,
              gconstpointer b)
{
  return strcmp (((const TerrindEntityHeader *) a)->id, ((const TerrindEntityHeader *) b)->id) == 0;
}

void
terrind_entity_list_init (TerrindEntityList   *list,
                          TerrindEntityIdFunc  get_id,
                          GDestroyNotify       unref)
{
  list->by_id = g_hash_table_new (entity_hash, entity_equal);
  list->sorted = NULL;
  g_mutex_init (&list->lock);
  list->get_id = get_id;
  list->unref = unref;
}

void
terrind_entity_list_clear (TerrindEntityList *list)
{
  GHashTableIter iter;
  gpointer entity;

  if (list->by_id == NULL)
    return;
  g_hash_table_iter_init (&iter, list->by_id);
  while (g_hash_table_iter_next (&iter, NULL, &entity))
    list->unref (entity);
  g_clear_pointer (&list->by_id, g_hash_table_unref);
  g_clear_pointer (&list->sorted, g_ptr_array_unref);
  g_mutex_clear (&list->lock);
}

gpointer
terrind_entity_list_lookup (TerrindEntityList *list,
                            const char        *id)
{
  TerrindEntityHeader probe = { .id = id };

  if (id == NULL)
    return NULL;
  return g_hash_table_lookup (list->by_id, &probe);
}

guint
terrind_entity_list_size (TerrindEntityList *list)
{
  return g_hash_table_size (list->by_id);
}

/* Only writers invalidate, and a writer never runs alongside readers (the
 * caller's lock sees to that), so no reader can be building the cache
 * here: the mutex, which would cost a lock per entity during an import, is
 * not needed. */
static void
invalidate (TerrindEntityList *list)
{
  if (list->sorted != NULL)
    g_clear_pointer (&list->sorted, g_ptr_array_unref);
}

void
terrind_entity_list_insert (TerrindEntityList *list,
                            gpointer           entity)
{
  gboolean added;

  /* Callers check for duplicates first, with a message that says which
   * kind; a clash here is a bug in the library. */
  g_assert (list->get_id (entity) == ((const TerrindEntityHeader *) entity)->id);
  added = g_hash_table_add (list->by_id, entity);
  g_assert (added);
  invalidate (list);
}

gpointer
terrind_entity_list_steal (TerrindEntityList *list,
                           const char        *id)
{
  TerrindEntityHeader probe = { .id = id };
  gpointer entity = g_hash_table_lookup (list->by_id, &probe);

  if (entity == NULL)
    return NULL;
  g_hash_table_remove (list->by_id, entity);
  invalidate (list);
  return entity;
}


/* Ids sit at different offsets in each entity struct, so the comparison
 * needs the list's accessor; g_ptr_array_sort_with_data() carries it
 * without any global state. */
static gint
compare_by_id_with_data (gconstpointer a,
                         gconstpointer b,
                         gpointer      user_data)
{
  TerrindEntityIdFunc get_id = user_data;

  return strcmp (get_id (*(gconstpointer *) a), get_id (*(gconstpointer *) b));
}

GPtrArray *
terrind_entity_list_sorted (TerrindEntityList *list)
{
  GPtrArray *copy;

  g_mutex_lock (&list->lock);
  if (list->sorted == NULL)
    {
      GHashTableIter iter;
      gpointer entity;

      list->sorted = g_ptr_array_sized_new (g_hash_table_size (list->by_id));
      g_hash_table_iter_init (&iter, list->by_id);
      while (g_hash_table_iter_next (&iter, NULL, &entity))
        g_ptr_array_add (list->sorted, entity);
      g_ptr_array_sort_with_data (list->sorted, compare_by_id_with_data, list->get_id);
    }
  copy = g_ptr_array_sized_new (list->sorted->len);
  for (guint i = 0; i < list->sorted->len; i++)
    g_ptr_array_add (copy, g_ptr_array_index (list->sorted, i));
  g_mutex_unlock (&list->lock);
  return copy;
}
