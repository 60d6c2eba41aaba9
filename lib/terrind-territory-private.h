/* terrind-territory-private.h
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "terrind-keyed-list-private.h"
#include "terrind-referent-slots-private.h"
#include "terrind-territory.h"
#include "terrind-registry.h"

G_BEGIN_DECLS

/* One member of a territory: its SIREN (the key), and what the file says
 * of it. @kind is 1 + an index into terrind_member_kinds, 0 when unknown.
 * A file may list a million members: 24 bytes fit the allocator's
 * smallest chunk, as the bare SIREN string of 1.0 did, and the SIREN comes
 * first so that a member and its key are the same pointer, which keeps
 * the keyed list's hash table a set (GLib allocates no value array). */
typedef struct {
  char         siren[10];
  guint8       kind;
  char        *name;
} TerrindMember;

/* "epci", "ept", "commune", NULL-terminated. */
extern const char * const terrind_member_kinds[];

/* Phases are numbered from 1 to this. */
#define TERRIND_TERRITORY_MAX_PHASE 99


/* A registry may hold hundreds of thousands of territories: the id and
 * the first name live in the territory's own allocation (a name set
 * later has its own), and region codes, of which there are a few, are
 * interned. */
struct _TerrindTerritory {
  gatomicrefcount  ref_count;
  TerrindRegistry *owner;        /* weak: the registry that holds it, if any */
  char            *id;           /* in inline_data */
  char            *name;         /* in inline_data, or its own once set again */
  char            *region_code;  /* GRefString, interned */
  guint            phase;
  char            *anct_id;      /* NULL: the ANCT's id is the id */
  TerrindKeyedList members;      /* TerrindMember, listed in ascending order of SIREN */
  TerrindKeyedList departments;  /* codes, listed in insertion order */
  TerrindReferentSlots referents; /* the owner's index: empty outside a registry */
  char             inline_data[];
};

const char *terrind_territory_get_explicit_anct_id (const TerrindTerritory *territory);

G_END_DECLS
