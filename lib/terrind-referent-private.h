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
 * three fields are interned GRefStrings, shared instead of copied. The
 * other strings start out in inline_data, in the same allocation as the
 * struct (one malloc per referent instead of six, which is most of the
 * import's cost); a setter moves a field to its own allocation. */
struct _TerrindReferent {
  gatomicrefcount  ref_count;
  guint32          inline_size;   /* beside the count, where the pointer
                                   * alignment leaves room anyway */
  TerrindRegistry *owner;         /* weak: the registry that holds it, if any */
  char            *id;
  char            *operator_id;   /* GRefString, interned */
  char            *territory_id;
  char            *person;
  char            *role;          /* GRefString, interned; nullable */
  char            *email;         /* nullable */
  char            *phone;         /* nullable */
  char            *start_date;    /* nullable */
  char            *end_date;      /* nullable; never inline */
  char             inline_data[];
};

/* Creates a referent with every field at once, in a single allocation. */
TerrindReferent *terrind_referent_new_full (const char  *id,
                                            const char  *operator_id,
                                            const char  *territory_id,
                                            const char  *person,
                                            const char  *role,
                                            const char  *email,
                                            const char  *phone,
                                            const char  *start_date,
                                            GError     **error);

/* The importer's way, which checks each optional field itself (so that
 * an error names its attribute) and so must not pay for the checks twice:
 * the checks of the required fields, exactly as terrind_referent_new_full()
 * makes them... */
gboolean         terrind_referent_validate_required (const char  *id,
                                                     const char  *operator_id,
                                                     const char  *territory_id,
                                                     const char  *person,
                                                     GError     **error);
/* ...and the referent built from values that passed every check, taking
 * over a reference to each of the interned GRefStrings @operator_id and
 * @role (nullable). */
TerrindReferent *terrind_referent_build             (const char  *id,
                                                     char        *operator_id,
                                                     const char  *territory_id,
                                                     const char  *person,
                                                     char        *role,
                                                     const char  *email,
                                                     const char  *phone,
                                                     const char  *start_date);

G_END_DECLS
