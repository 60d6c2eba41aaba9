/* terrind-operator-private.h
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "terrind-operator.h"
#include "terrind-registry.h"

G_BEGIN_DECLS

typedef struct {
  char *name;
  char *until;   /* nullable date */
} TerrindFormerName;

struct _TerrindOperator {
  gatomicrefcount  ref_count;
  TerrindRegistry *owner;        /* weak: the registry that holds it, if any */
  char            *id;
  char            *name;
  char            *kind;         /* nullable */
  GArray          *former_names; /* of TerrindFormerName, oldest first; NULL until the first */
};

G_END_DECLS
