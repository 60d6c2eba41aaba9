/* terrind-cli-show.h: terrind show, its machine form
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "terrind-cli.h"
#include "terrind-cli-json.h"

G_BEGIN_DECLS

/* Adds to @builder, in an array, the object of @entity, of @kind: "kind",
 * "id", its fields under the model's names, the entities of the kinds it
 * is the parent of (under their plural), and what is attached to it, as
 * the text output shows it (terrind-cli-show-json.c). */
void terrind_cli_show_json_entity (JsonBuilder           *builder,
                                   TerrindRegistry       *registry,
                                   const TerrindCliPhase *choice,
                                   const TerrindKind     *kind,
                                   gconstpointer          entity);

/* The object of the member @siren: "kind": "member", "id", its "name" and
 * "member_kind" when a territory records them, and its "territories". */
void terrind_cli_show_json_member (JsonBuilder           *builder,
                                   GPtrArray             *territories,
                                   const char            *siren,
                                   const char            *name,
                                   const char            *member_kind);

/* The entities of @child_kind (a kind whose parent is @kind) that belong
 * to @entity, such as a convention's commitments, by id: a new array of
 * borrowed entities. */
GPtrArray *terrind_cli_show_list_children (TerrindRegistry   *registry,
                                           const TerrindKind *kind,
                                           gconstpointer      entity,
                                           const TerrindKind *child_kind);

G_END_DECLS
