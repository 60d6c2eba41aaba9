/* terrind-xml-guard.c: a lexical pre-scan that bounds attributes per tag
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <string.h>

#include "terrind-xml-private.h"

/* libxml2 2.9 checks each attribute of a start tag against all the
 * previous ones, so one tag with n attributes costs n² / 2 comparisons:
 * 200 000 empty attributes (2 MB) take 11 s, and xmllint 3 minutes. The
 * format never needs more than 8 (plus namespace declarations), so the
 * importer scans every chunk before the parser sees it and refuses a tag
 * with more than TERRIND_XML_GUARD_MAX_ATTRIBUTES "=" outside quotes.
 *
 * The scan only has to tell tags from everything else: text (skipped with
 * memchr()), comments, CDATA sections, processing instructions and
 * declarations (skipped to their end). Its state survives chunk
 * boundaries. It never needs to be exact on documents the parser will
 * refuse anyway (a DOCTYPE, for one), only never to refuse a valid one. */

typedef enum {
  GUARD_TEXT,
  GUARD_OPEN,          /* after "<" */
  GUARD_BANG,          /* after "<!" */
  GUARD_BANG_DASH,     /* after "<!-" */
  GUARD_TAG,           /* in a start or end tag */
  GUARD_TAG_QUOTED,    /* in a quoted value of a tag */
  GUARD_COMMENT,       /* until "-->" */
  GUARD_CDATA,         /* until "]]>" */
  GUARD_PI,            /* until "?>" */
  GUARD_DECLARATION,   /* until ">" outside quotes */
  GUARD_DECLARATION_QUOTED,
} TerrindXmlGuardState;

void
terrind_xml_guard_init (TerrindXmlGuard *guard,
                        guint            max_value_length)
{
  memset (guard, 0, sizeof *guard);
  guard->state = GUARD_TEXT;
  guard->line = 1;
  guard->max_value_length = max_value_length;
}

gboolean
terrind_xml_guard_in_markup (const TerrindXmlGuard *guard)
{
  return guard->state != GUARD_TEXT;
}

/* The bytes that can change the state, for the states the scan spends its
 * time in; it skips the others a table lookup at a time. The other states
 * (comments, CDATA sections, processing instructions, declarations) look
 * at every byte, but documents of the format hardly have any. */
static const guint8 text_stops[256] = {
  ['<'] = 1, ['\n'] = 1,
};
static const guint8 tag_stops[256] = {
  ['"'] = 1, ['\''] = 1, ['>'] = 1, ['='] = 1, ['\n'] = 1,
};
static const guint8 quoted_stops[256] = {
  ['"'] = 1, ['\''] = 1, ['\n'] = 1,
};

TerrindXmlGuardResult
terrind_xml_guard_scan (TerrindXmlGuard *guard,
                        const char      *chunk,
                        gsize            length)
{
  const guchar *p = (const guchar *) chunk;
  const guchar *end = p + length;

  while (p < end)
    {
      const guint8 *stops;
      guchar c;

      switch (guard->state)
        {
        case GUARD_TEXT:
          stops = text_stops;
          break;
        case GUARD_TAG:
          stops = tag_stops;
          break;
        case GUARD_TAG_QUOTED:
        case GUARD_DECLARATION_QUOTED:
          stops = quoted_stops;
          break;
        default:
          stops = NULL;
          break;
        }
      if (stops != NULL)
        {
          const guchar *start = p;

          while (p < end && !stops[*p])
            p++;
          /* A value counts its bytes as the parser will see them, entity
           * references unexpanded: never less than what it expands to. */
          if (guard->state == GUARD_TAG_QUOTED)
            {
              guard->value_length += (guint64) (p - start);
              if (guard->value_length > guard->max_value_length)
                {
                  guard->offset += (guint64) (p - (const guchar *) chunk);
                  return TERRIND_XML_GUARD_VALUE_TOO_LONG;
                }
            }
          if (p == end)
            break;
        }

      c = *p++;
      if (c == '\n')
        {
          guard->line++;
          guard->line_start = guard->offset + (guint64) (p - (const guchar *) chunk);
        }

      switch (guard->state)
        {
        case GUARD_TEXT:
          if (c == '<')
            {
              guard->tag_line = guard->line;
              guard->tag_column = (int) MIN (guard->offset +
                                             (guint64) (p - 1 - (const guchar *) chunk) -
                                             guard->line_start + 1, G_MAXINT);
              guard->state = GUARD_OPEN;
            }
          break;

        case GUARD_BANG:
          guard->state = c == '-' ? GUARD_BANG_DASH : c == '[' ? GUARD_CDATA : GUARD_DECLARATION;
          guard->run = 0;
          break;

        case GUARD_BANG_DASH:
          guard->state = c == '-' ? GUARD_COMMENT : GUARD_DECLARATION;
          guard->run = 0;
          break;

        case GUARD_OPEN:
          guard->equals = 0;
          guard->run = 0;
          if (c == '!')
            {
              guard->state = GUARD_BANG;
              break;
            }
          if (c == '?')
            {
              guard->state = GUARD_PI;
              break;
            }
          guard->state = GUARD_TAG;
          G_GNUC_FALLTHROUGH;

        case GUARD_TAG:
          if (c == '"' || c == '\'')
            {
              guard->quote = (char) c;
              guard->value_length = 0;
              guard->state = GUARD_TAG_QUOTED;
            }
          else if (c == '>')
            guard->state = GUARD_TEXT;
          else if (c == '=' && ++guard->equals > TERRIND_XML_GUARD_MAX_ATTRIBUTES)
            {
              guard->offset += (guint64) (p - (const guchar *) chunk);
              return TERRIND_XML_GUARD_TOO_MANY_ATTRIBUTES;
            }
          break;

        case GUARD_TAG_QUOTED:
          if (c == (guchar) guard->quote)
            guard->state = GUARD_TAG;
          else
            guard->value_length++;
          break;

        case GUARD_COMMENT:
          if (c == '>' && guard->run >= 2)
            guard->state = GUARD_TEXT;
          guard->run = c == '-' ? guard->run + 1 : 0;
          break;

        case GUARD_CDATA:
          if (c == '>' && guard->run >= 2)
            guard->state = GUARD_TEXT;
          guard->run = c == ']' ? guard->run + 1 : 0;
          break;

        case GUARD_PI:
          if (c == '>' && guard->run >= 1)
            guard->state = GUARD_TEXT;
          guard->run = c == '?' ? 1 : 0;
          break;

        case GUARD_DECLARATION:
          if (c == '"' || c == '\'')
            {
              guard->quote = (char) c;
              guard->state = GUARD_DECLARATION_QUOTED;
            }
          else if (c == '>')
            guard->state = GUARD_TEXT;
          break;

        case GUARD_DECLARATION_QUOTED:
          if (c == (guchar) guard->quote)
            guard->state = GUARD_DECLARATION;
          break;

        default:
          g_assert_not_reached ();
        }
    }
  guard->offset += length;
  return TERRIND_XML_GUARD_OK;
}
