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
 * declarations (skipped to their end). Quoted values are skipped with
 * memchr() too, and lines are counted apart (see finish_chunk()): a
 * large document goes through at several times the speed of a byte-by-byte
 * state machine. Its state survives chunk boundaries. It never needs to be
 * exact on documents the parser will refuse anyway (a DOCTYPE, for one),
 * only never to refuse a valid one.
 *
 * Most tags do not even need the state machine (see plain_tag_end()): a
 * tag whose bytes, up to the next "<", hold few enough "=" and no more
 * bytes than a value may have is safe however it is quoted. */

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

/* Where the scan stands in the current chunk. */
typedef struct {
  const guchar *chunk;
  const guchar *p;
  const guchar *end;
  const guchar *last_open;  /* the chunk's last "<", or NULL */
} GuardCursor;

/* The bytes that end a run of a tag's names and spaces. */
static const guint8 tag_stops[256] = {
  ['"'] = 1, ['\''] = 1, ['>'] = 1, ['='] = 1,
};

/* How many bytes of [@p, @end) are @byte: in blocks of a fixed size
 * first, a loop that the compiler turns into vector instructions. */
static gsize
count_byte (const guchar *p,
            const guchar *end,
            guchar        byte)
{
  gsize count = 0;

  for (; end - p >= 16; p += 16)
    {
      guint8 in_block = 0;

      for (guint i = 0; i < 16; i++)
        in_block += p[i] == byte;
      count += in_block;
    }
  for (; p < end; p++)
    count += *p == byte;
  return count;
}

/* Counts the lines that end in [@from, @to) of the current chunk. */
static void
count_lines (TerrindXmlGuard   *guard,
             const GuardCursor *cursor,
             const guchar      *from,
             const guchar      *to)
{
  gsize newlines = count_byte (from, to, '\n');
  const guchar *last = to;

  if (newlines == 0)
    return;
  guard->line = (int) MIN ((gsize) guard->line + newlines, (gsize) G_MAXINT);
  /* At most back to @from, which the count says holds a newline. */
  while (last[-1] != '\n')
    last--;
  guard->line_start = guard->offset + (guint64) (last - cursor->chunk);
}

/* Lines are only needed to say where the last "<" is, so they are counted
 * once per chunk, in one pass, rather than byte by byte in every state: up
 * to the chunk's last "<", whose place it records, then (when the scan
 * went to the end) the rest. */
static void
finish_chunk (TerrindXmlGuard   *guard,
              const GuardCursor *cursor,
              gboolean           to_end)
{
  const guchar *from = cursor->chunk;

  if (cursor->last_open != NULL)
    {
      count_lines (guard, cursor, from, cursor->last_open);
      guard->tag_line = guard->line;
      guard->tag_column = (int) MIN (guard->offset + (guint64) (cursor->last_open - cursor->chunk) -
                                     guard->line_start + 1, G_MAXINT);
      from = cursor->last_open;
    }
  if (to_end)
    count_lines (guard, cursor, from, cursor->end);
  guard->offset += (guint64) (cursor->p - cursor->chunk);
}

/* Skips to the end of a quoted value, or of the chunk; FALSE when a value
 * in a tag has grown longer than the limit. A value counts its bytes as
 * the parser will see them, entity references unexpanded: never less than
 * what it expands to. */
static gboolean
skip_quoted (TerrindXmlGuard *guard,
             GuardCursor     *cursor,
             int              next_state)
{
  const guchar *quote = memchr (cursor->p, (guchar) guard->quote,
                                (gsize) (cursor->end - cursor->p));
  const guchar *stop = quote != NULL ? quote : cursor->end;

  if (guard->state == GUARD_TAG_QUOTED)
    {
      guard->value_length += (guint64) (stop - cursor->p);
      if (guard->value_length > guard->max_value_length)
        {
          cursor->p = stop;
          return FALSE;
        }
    }
  if (quote != NULL)
    {
      guard->state = next_state;
      stop++;
    }
  cursor->p = stop;
  return TRUE;
}

/* One byte of the states documents of the format hardly have: comments, CDATA sections, processing instructions and
 * declarations. */
static void
step_rare (TerrindXmlGuard *guard,
           guchar           c)
{
  switch (guard->state)
    {
    case GUARD_BANG:
      guard->state = c == '-' ? GUARD_BANG_DASH : c == '[' ? GUARD_CDATA : GUARD_DECLARATION;
      guard->run = 0;
      break;

    case GUARD_BANG_DASH:
      guard->state = c == '-' ? GUARD_COMMENT : GUARD_DECLARATION;
      guard->run = 0;
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

    default:
      g_assert_not_reached ();
    }
}

/* A tag's names and spaces up to its next quote, "=" or ">"; FALSE when
 * the tag has too many "=". */
static gboolean
step_tag (TerrindXmlGuard *guard,
          GuardCursor     *cursor)
{
  const guchar *p = cursor->p;
  guchar c;

  while (p < cursor->end && !tag_stops[*p])
    p++;
  cursor->p = p;
  if (p == cursor->end)
    return TRUE;
  c = *cursor->p++;
  if (c == '"' || c == '\'')
    {
      guard->quote = (char) c;
      guard->value_length = 0;
      guard->state = GUARD_TAG_QUOTED;
    }
  else if (c == '>')
    guard->state = GUARD_TEXT;
  else if (++guard->equals > TERRIND_XML_GUARD_MAX_ATTRIBUTES)
    return FALSE;
  return TRUE;
}

/* The fast way past a start or end tag, the "<" at @open, which is in
 * text: where the next "<" of the chunk is, when the bytes up to it can
 * break no limit, or NULL for the state machine to take the tag.
 *
 * Those bytes are the tag, then text. When they hold no more "=" than a
 * tag may have and are no longer than a value may be, neither limit can be
 * broken, however they are quoted. In a well-formed document the tag has
 * ended by the next "<" (no "<" may appear inside a tag), and the scan goes
 * on from there in text. In a document where it has not, the parser stops
 * at that "<" at the latest, having read no more attributes than there
 * are "=" before it; what the scan says after that point does not matter.
 * Comments, CDATA sections, processing instructions, declarations and a
 * tag that runs past the chunk are left to the state machine. */
static const guchar *
plain_tag_end (const TerrindXmlGuard *guard,
               const guchar          *open,
               const guchar          *end)
{
  const guchar *p = open + 1;
  const guchar *next;

  if (p == end || *p == '!' || *p == '?')
    return NULL;
  next = memchr (p, '<', (gsize) (end - p));
  if (next == NULL || (guint64) (next - p) > guard->max_value_length ||
      count_byte (p, next, '=') > TERRIND_XML_GUARD_MAX_ATTRIBUTES)
    return NULL;
  return next;
}

TerrindXmlGuardResult
terrind_xml_guard_scan (TerrindXmlGuard *guard,
                        const char      *chunk,
                        gsize            length)
{
  GuardCursor cursor = {
    (const guchar *) chunk, (const guchar *) chunk, (const guchar *) chunk + length, NULL
  };

  while (cursor.p < cursor.end)
    {
      const guchar *open;

      switch (guard->state)
        {
        case GUARD_TEXT:
          /* Character data: only a "<" matters. */
          open = memchr (cursor.p, '<', (gsize) (cursor.end - cursor.p));
          if (open == NULL)
            {
              cursor.p = cursor.end;
              break;
            }
          for (const guchar *next; (next = plain_tag_end (guard, open, cursor.end)) != NULL;
               open = next)
            ;
          cursor.last_open = open;
          cursor.p = open + 1;
          guard->state = GUARD_OPEN;
          break;

        case GUARD_OPEN:
          guard->equals = 0;
          guard->run = 0;
          if (*cursor.p == '!' || *cursor.p == '?')
            guard->state = *cursor.p++ == '!' ? GUARD_BANG : GUARD_PI;
          else
            guard->state = GUARD_TAG;  /* its first byte belongs to the tag */
          break;

        case GUARD_TAG:
          if (!step_tag (guard, &cursor))
            {
              finish_chunk (guard, &cursor, FALSE);
              return TERRIND_XML_GUARD_TOO_MANY_ATTRIBUTES;
            }
          break;

        case GUARD_TAG_QUOTED:
          if (!skip_quoted (guard, &cursor, GUARD_TAG))
            {
              finish_chunk (guard, &cursor, FALSE);
              return TERRIND_XML_GUARD_VALUE_TOO_LONG;
            }
          break;

        case GUARD_DECLARATION_QUOTED:
          skip_quoted (guard, &cursor, GUARD_DECLARATION);
          break;

        default:
          step_rare (guard, *cursor.p++);
          break;
        }
    }
  finish_chunk (guard, &cursor, TRUE);
  return TERRIND_XML_GUARD_OK;
}
