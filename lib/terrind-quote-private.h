/* terrind-quote-private.h: values made safe to show on one line
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* How many characters of a value a message shows before "…". */
#define TERRIND_QUOTE_MAX_CHARS 64

/* Appends @value (@length bytes, or up to its NUL when -1) to @out so that
 * it can only ever be one line of inert text: backslash, control characters
 * (C0, DEL, C1), line and paragraph separators, bidirectional controls and
 * non-characters are written as escapes (\n, \t, \r, \\, \u{202E}), bytes
 * that are not UTF-8 as \xNN. At most @max_chars characters of @value are
 * shown (0: no limit), then "…". */
void  terrind_escape_append (GString    *out,
                             const char *value,
                             gssize      length,
                             gsize       max_chars);

/* Returns: (transfer full): @value escaped as above, at most
 * TERRIND_QUOTE_MAX_CHARS characters, between “ and ”. */
char *terrind_quote         (const char *value);

/* Returns: (transfer full): a file name escaped as above, in full. */
char *terrind_escape_path   (const char *path);

/* TRUE for the characters terrind_escape_append() never shows raw; the
 * validation rules refuse the same characters in names and texts. */
gboolean terrind_unichar_is_unsafe (gunichar c);

G_END_DECLS
