/* terrind-territory-private.h
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "terrind-keyed-list-private.h"
#include "terrind-territory.h"
#include "terrind-registry.h"

G_BEGIN_DECLS

struct _TerrindTerritory {
  gatomicrefcount  ref_count;
  TerrindRegistry *owner;        /* weak: the registry that holds it, if any */
  char            *id;
  char            *name;
  char            *region_code;
  guint            phase;
  TerrindKeyedList members;      /* SIRENs, listed in ascending order */
  TerrindKeyedList departments;  /* codes, listed in insertion order */
};

G_END_DECLS
