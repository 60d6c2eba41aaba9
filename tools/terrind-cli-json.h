/* terrind-cli-json.h: the tool's JSON, through json-glib
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <json-glib/json-glib.h>
#include <terrind.h>

G_BEGIN_DECLS

/* Appends @root to @out, indented by two, with a final newline. */
void      terrind_cli_json_write        (GString            *out,
                                         JsonNode           *root);

/* @value as a JSON string literal, quotes included: how text output shows
 * a value whose spaces or line breaks matter (diff). */
char     *terrind_cli_json_quote        (const char         *value);

/* Adds the text @value of @field as the JSON value its type calls for: a
 * number, a boolean or a string (null when @value is NULL). */
void      terrind_cli_json_add_value    (JsonBuilder        *builder,
                                         const TerrindField *field,
                                         const char         *value);

/* Adds the members of @entity, of @kind, to the object @builder is in: one
 * per field that is set, under the model's field names, in model order; a
 * list field as an array of objects keyed by its item fields. */
void      terrind_cli_json_add_fields   (JsonBuilder        *builder,
                                         const TerrindKind  *kind,
                                         gconstpointer       entity);

G_END_DECLS
