/* terrind-cli-records.h: entities as rows of fields, read from the model's description
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <terrind.h>

#include "terrind-cli-table.h"

G_BEGIN_DECLS

/* A table with one column per field of @kind, in the order the description
 * gives them: scalar fields as values, list fields as their items. */
TerrindCliTable *terrind_cli_records_new       (const TerrindKind  *kind);

/* Adds the row of @entity, an entity of @kind. */
void             terrind_cli_records_add       (TerrindCliTable    *table,
                                                const TerrindKind  *kind,
                                                gconstpointer       entity);

/* Item @index of the list field @field as one line of text: its first item
 * field, then the others that are set as " (NAME VALUE)". */
char            *terrind_cli_records_item_text (const TerrindField *field,
                                                gconstpointer       entity,
                                                guint               index);

/* The first required one-line name of @kind (a territory's name, a
 * referent's person), which labels its entities for people; NULL when it
 * has none. */
const TerrindField *terrind_cli_records_label  (const TerrindKind  *kind);

/* TRUE when an entity of @kind can belong to an entity of @owner: @kind is
 * @owner, or one of its references leads there, directly or through other
 * entities (a referent to a region, through its territory). */
gboolean         terrind_cli_records_can_belong (const TerrindKind *kind,
                                                 const TerrindKind *owner);

/* TRUE when @entity, of @kind, is the entity @owner_id of @owner, or one of
 * its references leads to it in @registry. */
gboolean         terrind_cli_records_belongs   (TerrindRegistry    *registry,
                                                const TerrindKind  *kind,
                                                gconstpointer       entity,
                                                const TerrindKind  *owner,
                                                const char         *owner_id);

G_END_DECLS
