/* terrind-cli-colour.c: status words in colour, on a terminal only
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Colour helps a reader find the missing referent or the missed
 * commitment in a long report; anywhere but a terminal it is noise that
 * breaks grep and diff, hence the decision is made once, in
 * terrind_cli_main(), from facts passed in so that tests can fake them.
 */

#include "config.h"

#include "terrind-cli-colour.h"

#define GREEN  "\033[32m"
#define YELLOW "\033[33m"
#define RED    "\033[31m"
#define RESET  "\033[0m"

gboolean
terrind_cli_colour_wanted (gboolean    is_terminal,
                           const char *no_color,
                           const char *term)
{
  if (!is_terminal)
    return FALSE;
  if (no_color != NULL && no_color[0] != '\0')
    return FALSE;
  return term == NULL || !g_str_equal (term, "dumb");
}

void
terrind_cli_colour_append (GString        *out,
                           TerrindCliTone  tone,
                           const char     *text)
{
  static const char *const escapes[] = { NULL, GREEN, YELLOW, RED };

  g_return_if_fail (out != NULL);
  g_return_if_fail (text != NULL);

  if ((guint) tone >= G_N_ELEMENTS (escapes) || escapes[tone] == NULL)
    g_string_append (out, text);
  else
    g_string_append_printf (out, "%s%s" RESET, escapes[tone], text);
}

void
terrind_cli_colour_append_status (GString    *out,
                                  const char *word)
{
  static const struct {
    const char    *word;
    TerrindCliTone tone;
  } tones[] = {
    { "met", TERRIND_CLI_TONE_GOOD },
    { "present", TERRIND_CLI_TONE_GOOD },
    { "partial", TERRIND_CLI_TONE_UNDER_WAY },
    { "pending", TERRIND_CLI_TONE_UNDER_WAY },
    { "missed", TERRIND_CLI_TONE_BAD },
    { "missing", TERRIND_CLI_TONE_BAD },
  };
  TerrindCliTone tone = TERRIND_CLI_TONE_PLAIN;

  g_return_if_fail (word != NULL);

  for (guint i = 0; i < G_N_ELEMENTS (tones); i++)
    if (g_str_equal (word, tones[i].word))
      tone = tones[i].tone;
  terrind_cli_colour_append (out, tone, word);
}
