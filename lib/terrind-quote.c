/* terrind-quote.c: values made safe to show on one line
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Error messages quote what was wrong, and what was wrong is often hostile:
 * a name with a newline forges a second line of output ("file: valid"), a
 * carriage return overwrites the line, CSI sequences (ESC [ or the C1 byte
 * U+009B) drive the terminal, bidirectional overrides reorder what a reader
 * sees. Every value a message quotes goes through here, so a message is
 * always one line of inert text whatever the value held.
 */

#include "config.h"

#include <string.h>

#include "terrind-quote-private.h"

gboolean
terrind_unichar_is_unsafe (gunichar c)
{
  return g_unichar_iscntrl (c) ||                      /* C0, DEL, C1 */
         c == 0x2028 || c == 0x2029 ||                 /* line, paragraph separators */
         (c >= 0x202a && c <= 0x202e) ||               /* bidirectional embeddings */
         (c >= 0x2066 && c <= 0x2069) ||               /* bidirectional isolates */
         (c & 0xfffe) == 0xfffe ||                     /* U+FFFE, U+FFFF in any plane */
         (c >= 0xfdd0 && c <= 0xfdef);                 /* other non-characters */
}

void
terrind_escape_append (GString    *out,
                       const char *value,
                       gssize      length,
                       gsize       max_chars)
{
  const char *p = value;
  const char *end = length < 0 ? value + strlen (value) : value + length;
  gsize shown = 0;

  while (p < end)
    {
      gunichar c = g_utf8_get_char_validated (p, end - p);
      const char *next;

      if (max_chars != 0 && shown == max_chars)
        {
          g_string_append (out, "…");
          return;
        }
      shown++;

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          g_string_append_printf (out, "\\x%02X", (guchar) *p);
          p++;
          continue;
        }
      next = g_utf8_next_char (p);
      switch (c)
        {
        case '\\': g_string_append (out, "\\\\"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        default:
          if (terrind_unichar_is_unsafe (c))
            g_string_append_printf (out, "\\u{%04X}", (guint) c);
          else
            g_string_append_len (out, p, next - p);
          break;
        }
      p = next;
    }
}

char *
terrind_quote (const char *value)
{
  GString *out = g_string_new ("“");

  terrind_escape_append (out, value, -1, TERRIND_QUOTE_MAX_CHARS);
  g_string_append (out, "”");
  return g_string_free (out, FALSE);
}

char *
terrind_escape_path (const char *path)
{
  GString *out = g_string_new (NULL);

  terrind_escape_append (out, path, -1, 0);
  return g_string_free (out, FALSE);
}
