/* terrind-entity-list-private.h: one container for every kind of entity
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef const char *(*TerrindEntityIdFunc) (gconstpointer entity);

/* How every entity a list holds begins: its reference count, its registry
 * and its id, in that order (terrind-registry.c checks each struct). The
 * list is a hash set of the entities themselves, hashed by that id: a set
 * stores one array of keys, where a map from id to entity would store two,
 * which is 16 bytes per entity of a million. A lookup by id probes with a
 * header on the stack. */
typedef struct {
  gatomicrefcount  ref_count;
  gpointer         owner;
  const char      *id;
} TerrindEntityHeader;

/* Entities of one kind, by id: O(1) lookups through a hash table, and a
 * listing sorted by id that is built on demand and kept until the next
 * change. The list owns one reference to each entity. */
typedef struct {
  GHashTable          *by_id;    /* set of entities, by their id */
  GPtrArray           *sorted;   /* cached listing; NULL when stale */
  GMutex               lock;     /* guards the cache: readers may build it concurrently */
  TerrindEntityIdFunc  get_id;
  GDestroyNotify       unref;
} TerrindEntityList;

void      terrind_entity_list_init        (TerrindEntityList   *list,
                                           TerrindEntityIdFunc  get_id,
                                           GDestroyNotify       unref);
void      terrind_entity_list_clear       (TerrindEntityList   *list);
gpointer  terrind_entity_list_lookup      (TerrindEntityList   *list,
                                           const char          *id);
guint     terrind_entity_list_size        (TerrindEntityList   *list);
/* Takes over the caller's reference to @entity; its id must be free. */
void      terrind_entity_list_insert      (TerrindEntityList   *list,
                                           gpointer             entity);
/* Removes the entity with @id and hands its reference to the caller. */
gpointer  terrind_entity_list_steal       (TerrindEntityList   *list,
                                           const char          *id);
/* The entities sorted by id: a new array whose elements are borrowed. */
GPtrArray *terrind_entity_list_sorted     (TerrindEntityList   *list);

G_END_DECLS
