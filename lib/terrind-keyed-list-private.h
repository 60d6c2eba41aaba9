/* terrind-keyed-list-private.h: the items of one entity, unique by key
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What one kind of list holds: how to find an item's key (a string owned
 * by the item), whether the list reads in byte order of keys or in the
 * order of addition, and how to free an item. One static instance per
 * kind; every call takes it, so that a list costs two pointers. */
typedef struct {
  const char     *(*key)       (gconstpointer item);
  gboolean          sorted;
  GDestroyNotify    free_item;
} TerrindKeyedListType;

typedef struct _TerrindKeyedListIndex TerrindKeyedListIndex;

/* A list of items with distinct keys, of any length an input may give:
 * adding and finding an item cost O(1), removing one O(log n), amortised;
 * reading the list by position costs O(n + t log t) once after t
 * additions out of order, then O(1). Zero-filled, it is an empty list.
 * Readers of a list that no thread changes may run concurrently; a writer
 * needs the caller's lock, as for any entity. */
typedef struct {
  GPtrArray             *items;  /* NULL until the first; see the .c file */
  TerrindKeyedListIndex *index;  /* NULL while the list is short */
} TerrindKeyedList;

/* The key function of a list of plain strings: each item is its key. */
const char *terrind_keyed_list_string_key (gconstpointer item);

void      terrind_keyed_list_clear   (TerrindKeyedList           *list,
                                      const TerrindKeyedListType *type);
/* Takes @item, or returns FALSE (and leaves it to the caller) when an
 * item with the same key is already there. */
gboolean  terrind_keyed_list_add     (TerrindKeyedList           *list,
                                      const TerrindKeyedListType *type,
                                      gpointer                    item);
/* Removes the item with @key and returns it to the caller, or NULL.
 * Sorted lists only. */
gpointer  terrind_keyed_list_steal   (TerrindKeyedList           *list,
                                      const TerrindKeyedListType *type,
                                      const char                 *key);
gpointer  terrind_keyed_list_lookup  (TerrindKeyedList           *list,
                                      const TerrindKeyedListType *type,
                                      const char                 *key);
guint     terrind_keyed_list_length  (TerrindKeyedList           *list);
/* The item at @index (< length) in the list's order. */
gpointer  terrind_keyed_list_get     (TerrindKeyedList           *list,
                                      const TerrindKeyedListType *type,
                                      guint                       index);
/* Same length, and @equal holds for the items at each position. */
gboolean  terrind_keyed_list_equal   (TerrindKeyedList           *a,
                                      TerrindKeyedList           *b,
                                      const TerrindKeyedListType *type,
                                      GEqualFunc                  equal);

G_END_DECLS
