/* terrind-record-private.h: designations and investments, the records of
 * what the operators did
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "terrind-designation.h"
#include "terrind-investment.h"
#include "terrind-registry.h"

G_BEGIN_DECLS

/* A file may hold a million records, most sharing a handful of operator,
 * commitment and level ids and a few hundred territory ids: those are
 * interned GRefStrings, shared instead of copied. The registry checks the
 * references (terrind-registry.c); a setter of a record in a registry asks
 * it first, through the owner hooks, with the record as it would become. */
struct _TerrindDesignation {
  gatomicrefcount  ref_count;
  TerrindRegistry *owner;          /* weak: the registry that holds it, if any */
  char            *id;
  char            *operator_id;    /* GRefString, interned */
  char            *territory_id;   /* GRefString, interned */
  char            *level;          /* GRefString, interned */
  char            *commitment_id;  /* GRefString, interned */
  guint            year;
};

struct _TerrindInvestment {
  gatomicrefcount  ref_count;
  TerrindRegistry *owner;          /* weak: the registry that holds it, if any */
  char            *id;
  char            *operator_id;    /* GRefString, interned */
  char            *territory_id;   /* GRefString, interned */
  char            *commitment_id;  /* GRefString, interned */
  char            *theme;          /* GRefString, interned; nullable */
  char            *project;        /* nullable */
  gint64           amount;
  guint            year;
};

G_END_DECLS
