/* terrind-validate-private.h: the value rules every entity enforces
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The longest id the library accepts, in bytes. */
#define TERRIND_ID_MAX_LENGTH 128

/* Each validator takes @what, a short description of the value for the
 * message ("territory id", "referent e-mail"), and sets a
 * TERRIND_ERROR_INVALID_VALUE error when the value breaks the rule. */
gboolean terrind_validate_id              (const char  *id,
                                           const char  *what,
                                           GError     **error);
gboolean terrind_validate_name            (const char  *name,
                                           const char  *what,
                                           GError     **error);
gboolean terrind_validate_optional_name   (const char  *name,
                                           const char  *what,
                                           GError     **error);
gboolean terrind_validate_text            (const char  *text,
                                           const char  *what,
                                           GError     **error);
gboolean terrind_validate_date            (const char  *date,
                                           const char  *what,
                                           GError     **error);
gboolean terrind_validate_siren           (const char  *siren,
                                           GError     **error);
gboolean terrind_validate_email           (const char  *email,
                                           GError     **error);
gboolean terrind_validate_phone           (const char  *phone,
                                           GError     **error);
gboolean terrind_validate_department_code (const char  *code,
                                           GError     **error);
gboolean terrind_validate_year            (guint        year,
                                           const char  *what,
                                           GError     **error);


/* Replaces *@field with a copy of @value (which may be NULL). */
void     terrind_replace_string           (char       **field,
                                           const char  *value);

G_END_DECLS

G_BEGIN_DECLS

/* TRUE when two arrays of strings (either may be NULL, meaning empty) hold
 * the same strings in the same order. */
gboolean terrind_string_arrays_equal      (GPtrArray   *a,
                                           GPtrArray   *b);

/* Index of @value in an array of strings, or -1. */
gint     terrind_string_array_find        (GPtrArray   *array,
                                           const char  *value);

G_END_DECLS
