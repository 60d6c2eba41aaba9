/* terrind-territory-private.h
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

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
  GPtrArray       *members;      /* SIRENs, sorted; NULL until the first */
  GPtrArray       *departments;  /* codes in insertion order; NULL until the first */
};

G_END_DECLS
