/* terrind-convention-private.h
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "terrind-convention.h"
#include "terrind-keyed-list-private.h"
#include "terrind-registry.h"

G_BEGIN_DECLS

typedef struct {
  char *name;
  char *role;   /* nullable */
} TerrindSignatory;

struct _TerrindConvention {
  gatomicrefcount  ref_count;
  TerrindRegistry *owner;        /* weak: the registry that holds it, if any */
  char            *id;
  char            *operator_id;
  char            *date;
  char            *place;        /* nullable */
  char            *title;        /* nullable */
  guint            phase;        /* 0: unset */
  GArray          *signatories;  /* TerrindSignatory in insertion order */
  TerrindKeyedList commitments;  /* TerrindCommitment, by id, listed in order of id */
};

G_END_DECLS
