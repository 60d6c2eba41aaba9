/* terrind-referent-private.h
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "terrind-referent.h"
#include "terrind-registry.h"

G_BEGIN_DECLS

/* A registry may hold a million referents, most of them sharing a handful
 * of operator ids and roles and a few hundred thousand territory ids: those
 * three fields are interned GRefStrings, shared instead of copied. */
struct _TerrindReferent {
  gatomicrefcount  ref_count;
  TerrindRegistry *owner;         /* weak: the registry that holds it, if any */
  char            *id;
  char            *operator_id;   /* GRefString, interned */
  char            *territory_id;  /* GRefString, interned */
  char            *person;
  char            *role;          /* GRefString, interned; nullable */
  char            *email;         /* nullable */
  char            *phone;         /* nullable */
  char            *start_date;    /* nullable */
};

G_END_DECLS
