/* terrind-region-private.h
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "terrind-region.h"
#include "terrind-registry.h"

G_BEGIN_DECLS

struct _TerrindRegion {
  gatomicrefcount  ref_count;
  TerrindRegistry *owner;   /* weak: the registry that holds it, if any */
  char            *code;
  char            *name;
};

G_END_DECLS
