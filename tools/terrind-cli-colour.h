/* terrind-cli-colour.h: status words in colour, on a terminal only
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Whether to colour: only on a terminal (@is_terminal), never when
 * NO_COLOR is set to anything but "" (@no_color, its value or NULL; see
 * no-color.org) nor on a "dumb" terminal (@term, TERM or NULL).
 * terrind_cli_main() asks it about stdout; the in-process runner never
 * colours unless told to. */
gboolean terrind_cli_colour_wanted        (gboolean    is_terminal,
                                           const char *no_color,
                                           const char *term);

typedef enum {
  TERRIND_CLI_TONE_PLAIN,
  TERRIND_CLI_TONE_GOOD,     /* green */
  TERRIND_CLI_TONE_UNDER_WAY, /* yellow */
  TERRIND_CLI_TONE_BAD,      /* red */
} TerrindCliTone;

/* Appends @text to @out in the colour of @tone. */
void     terrind_cli_colour_append        (GString        *out,
                                           TerrindCliTone  tone,
                                           const char     *text);

/* Appends @word to @out, coloured by what it says: green for what is fine
 * (met, present), yellow for what is under way (partial, pending), red
 * for what is wrong (missed, missing); any other word plainly. */
void     terrind_cli_colour_append_status (GString    *out,
                                           const char *word);

G_END_DECLS
