/* terrind-cli-records.h: every entity of a registry as a row of fields
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <terrind.h>

#include "terrind-cli-table.h"

G_BEGIN_DECLS

typedef enum {
  TERRIND_CLI_KIND_REGION,
  TERRIND_CLI_KIND_OPERATOR,
  TERRIND_CLI_KIND_TERRITORY,
  TERRIND_CLI_KIND_CONVENTION,
  TERRIND_CLI_KIND_COMMITMENT,
  TERRIND_CLI_KIND_REFERENT,
  TERRIND_CLI_N_KINDS
} TerrindCliKind;

gboolean         terrind_cli_kind_from_plural (const char      *plural,
                                               TerrindCliKind  *kind);
const char      *terrind_cli_kind_to_string   (TerrindCliKind   kind);

/* A table with the columns of @kind: the first column is the id (the code
 * for regions), the others every field the public API exposes. */
TerrindCliTable *terrind_cli_records_new      (TerrindCliKind   kind);

/* Adds one row per entity of @kind, sorted by id. @region_code and
 * @operator_id, when not NULL, keep only the entities that belong to them;
 * the caller checks first that the filter makes sense for @kind. */
void             terrind_cli_records_fill     (TerrindCliTable *table,
                                               TerrindRegistry *registry,
                                               TerrindCliKind   kind,
                                               const char      *region_code,
                                               const char      *operator_id);

G_END_DECLS
