/* terrind-error.h: the TERRIND_ERROR domain
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(__TERRIND_INSIDE__) && !defined(TERRIND_COMPILATION)
#error "Only <terrind.h> can be included directly."
#endif

#include "terrind-macros.h"

G_BEGIN_DECLS

/**
 * TERRIND_ERROR:
 *
 * The error domain of every #GError libterrind reports.
 *
 * Since: 1.0
 */
#define TERRIND_ERROR (terrind_error_quark ())

/**
 * TerrindError:
 * @TERRIND_ERROR_FAILED: a failure no other code describes
 * @TERRIND_ERROR_INVALID_VALUE: a value is malformed: an id with forbidden
 *   characters, a date that does not exist, a SIREN with a bad checksum...
 * @TERRIND_ERROR_DUPLICATE: an id is already used by another entity of the
 *   same kind, or a second referent was given for one (operator, territory)
 * @TERRIND_ERROR_UNKNOWN_REFERENCE: a reference (region, operator,
 *   territory) does not resolve
 * @TERRIND_ERROR_NOT_FOUND: the entity to change or remove does not exist
 * @TERRIND_ERROR_IN_USE: the entity is still referenced, or already belongs
 *   to another registry or convention
 * @TERRIND_ERROR_PARSE: the input is not well-formed XML, or is truncated
 * @TERRIND_ERROR_SCHEMA: the input is XML but not a valid libterrind document
 * @TERRIND_ERROR_IO: a file or stream could not be read or written
 * @TERRIND_ERROR_UNSUPPORTED_VERSION: the document's format version is not
 *   one this library reads
 * @TERRIND_ERROR_LIMIT_EXCEEDED: the input is larger or deeper than the
 *   import limits allow
 *
 * Error codes of the #TERRIND_ERROR domain. New codes may be added at the
 * end in later versions.
 *
 * Since: 1.0
 */
typedef enum {
  TERRIND_ERROR_FAILED,
  TERRIND_ERROR_INVALID_VALUE,
  TERRIND_ERROR_DUPLICATE,
  TERRIND_ERROR_UNKNOWN_REFERENCE,
  TERRIND_ERROR_NOT_FOUND,
  TERRIND_ERROR_IN_USE,
  TERRIND_ERROR_PARSE,
  TERRIND_ERROR_SCHEMA,
  TERRIND_ERROR_IO,
  TERRIND_ERROR_UNSUPPORTED_VERSION,
  TERRIND_ERROR_LIMIT_EXCEEDED,
} TerrindError;

TERRIND_EXPORT
GQuark      terrind_error_quark          (void);
TERRIND_EXPORT
const char *terrind_error_code_to_string (TerrindError code);
TERRIND_EXPORT
const char *terrind_error_get_file       (const GError *error);
TERRIND_EXPORT
gint        terrind_error_get_line       (const GError *error);
TERRIND_EXPORT
gint        terrind_error_get_column     (const GError *error);
TERRIND_EXPORT
guint       terrind_error_get_n_problems (const GError *error);
TERRIND_EXPORT
const GError *terrind_error_get_problem  (const GError *error,
                                          guint         index);

G_END_DECLS
