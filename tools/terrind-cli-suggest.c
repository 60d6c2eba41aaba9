/* terrind-cli-suggest.c: "did you mean": the nearest of a set of words
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * A misspelled command, region code or operator id is answered with the
 * nearest word the tool knows. The words are short (ids, codes), so the
 * quadratic distance per pair is cheap; the candidates are walked once, so
 * a registry of many ids costs one pass.
 */

#include "config.h"

#include <string.h>

#include "terrind-cli-suggest.h"

/* Words longer than this are compared on their first characters only: an
 * id is far shorter, and the bound keeps the table small. */
#define MAX_CHARS 64

static guint
decode (const char *word,
        gunichar   *chars)
{
  guint n = 0;

  for (const char *p = word; *p != '\0' && n < MAX_CHARS; p = g_utf8_next_char (p))
    chars[n++] = g_utf8_get_char_validated (p, -1);
  return n;
}

guint
terrind_cli_suggest_distance (const char *a,
                              const char *b)
{
  gunichar ca[MAX_CHARS], cb[MAX_CHARS];
  guint na, nb, result;
  /* Three rows of the dynamic-programming table: the swap of two
   * neighbours looks two rows back. */
  g_autofree guint *rows = NULL;
  guint *before, *previous, *current;

  g_return_val_if_fail (a != NULL && b != NULL, G_MAXUINT);

  na = decode (a, ca);
  nb = decode (b, cb);
  rows = g_new0 (guint, 3 * (nb + 1));
  before = rows;
  previous = rows + (nb + 1);
  current = rows + 2 * (nb + 1);

  for (guint j = 0; j <= nb; j++)
    previous[j] = j;
  for (guint i = 1; i <= na; i++)
    {
      guint *spare;

      current[0] = i;
      for (guint j = 1; j <= nb; j++)
        {
          guint cost = ca[i - 1] == cb[j - 1] ? 0 : 1;
          guint best = MIN (previous[j] + 1, current[j - 1] + 1);

          best = MIN (best, previous[j - 1] + cost);
          if (i > 1 && j > 1 && ca[i - 1] == cb[j - 2] && ca[i - 2] == cb[j - 1])
            best = MIN (best, before[j - 2] + 1);
          current[j] = best;
        }
      spare = before;
      before = previous;
      previous = current;
      current = spare;
    }
  result = previous[nb];
  return result;
}

/* Near enough to be a typing mistake rather than another word: a third of
 * the word's length, at least one edit and at most three. */
static guint
threshold (const char *word)
{
  glong n = g_utf8_strlen (word, -1);

  return (guint) CLAMP (n / 3, 1, 3);
}

const char *
terrind_cli_suggest (const char         *word,
                     const char * const *candidates,
                     gssize              n_candidates)
{
  const char *best = NULL;
  guint best_distance;

  g_return_val_if_fail (word != NULL, NULL);

  if (candidates == NULL)
    return NULL;
  best_distance = threshold (word) + 1;
  for (gsize i = 0; n_candidates < 0 ? candidates[i] != NULL : i < (gsize) n_candidates; i++)
    {
      guint distance;

      /* Differing in case only is the nearest there is. */
      if (g_ascii_strcasecmp (word, candidates[i]) == 0)
        return candidates[i];
      distance = terrind_cli_suggest_distance (word, candidates[i]);
      if (distance < best_distance)
        {
          best = candidates[i];
          best_distance = distance;
        }
    }
  return best;
}

char *
terrind_cli_suggest_hint (const char         *word,
                          const char * const *candidates,
                          gssize              n_candidates)
{
  const char *suggestion = terrind_cli_suggest (word, candidates, n_candidates);

  if (suggestion == NULL || g_str_equal (suggestion, word))
    return g_strdup ("");
  return g_strdup_printf (" (did you mean '%s'?)", suggestion);
}
