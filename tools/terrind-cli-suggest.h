/* terrind-cli-suggest.h: "did you mean": the nearest of a set of words
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The optimal string alignment distance between @a and @b, counted in
 * characters (UTF-8): insertions, deletions, substitutions and swaps of
 * two neighbours each cost 1. */
guint       terrind_cli_suggest_distance (const char        *a,
                                          const char        *b);

/* The candidate nearest to @word, when it is near enough to be what was
 * meant (see terrind-cli-suggest.c), else NULL; the first of equals wins.
 * @candidates holds @n_candidates strings, or is NULL-terminated when
 * @n_candidates is -1. Borrowed from @candidates. */
const char *terrind_cli_suggest          (const char        *word,
                                          const char * const *candidates,
                                          gssize             n_candidates);

/* " (did you mean 'X'?)" for the suggestion of @word among @candidates
 * (as above), or "" when there is none: ready to end a message. */
char       *terrind_cli_suggest_hint     (const char        *word,
                                          const char * const *candidates,
                                          gssize             n_candidates);

G_END_DECLS
