/* terrind-xml-location.c: where the reader is in the document, and what
 * happens there: errors and model edits located at the current element
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Layer: the bottom of the XML reader. terrind-xml-import.c (bytes and the
 * SAX parser), terrind-xml-loader.c (the element stack) and
 * terrind-xml-elements.c (each element's model edits) all call down to
 * here; this file calls only the parser's position, the error helpers and
 * the changeset.
 */

#include "config.h"

#include <stdarg.h>

#include "terrind-changeset.h"
#include "terrind-error-private.h"
#include "terrind-changeset-private.h"
#include "terrind-xml-private.h"

static void loader_set_error_va (TerrindXmlLoader *loader,
                                 TerrindError      code,
                                 int               line,
                                 int               column,
                                 const char       *format,
                                 va_list           args) G_GNUC_PRINTF (5, 0);

/* Problems after which nothing more can be read, or nothing read would
 * mean anything: the input is not XML, is too large or too deep, cannot
 * be read, or is of a version this library does not know. The others
 * (a bad value, a clash with another entity, an element or attribute out
 * of place) concern one element, and the import goes on after them. */
static gboolean
is_fatal (const GError *error)
{
  if (error->domain != TERRIND_ERROR)
    return TRUE;
  switch ((TerrindError) error->code)
    {
    case TERRIND_ERROR_INVALID_VALUE:
    case TERRIND_ERROR_DUPLICATE:
    case TERRIND_ERROR_UNKNOWN_REFERENCE:
    case TERRIND_ERROR_SCHEMA:
      return FALSE;
    default:
      return TRUE;
    }
}

/* Records @error (taken) among the import's problems; stops the parser
 * when it is fatal or the problems are as many as the import may
 * report. After a stop, later problems are dropped: they could only be
 * follow-ons. */
static void
report (TerrindXmlLoader *loader,
        GError           *error)
{
  gboolean fatal;

  if (loader->stopped)
    {
      g_error_free (error);
      return;
    }
  fatal = is_fatal (error);
  if (!terrind_problems_take (&loader->problems, error) || fatal)
    terrind_xml_loader_stop (loader);
}

static void
loader_set_error_va (TerrindXmlLoader *loader,
                     TerrindError      code,
                     int               line,
                     int               column,
                     const char       *format,
                     va_list           args)
{
  g_autofree char *message = NULL;
  GError *error = NULL;

  if (loader->stopped)
    return;
  message = g_strdup_vprintf (format, args);
  terrind_set_error_at (&error, code, loader->file, line, column, "%s", message);
  report (loader, error);
}

/*
 * terrind_xml_loader_stop:
 *
 * Ends the import at once: the parser reads no further, whatever problems
 * were recorded are the ones it reports.
 */
void
terrind_xml_loader_stop (TerrindXmlLoader *loader)
{
  loader->stopped = TRUE;
  if (loader->ctxt != NULL)
    xmlStopParser (loader->ctxt);
}

static void
current_position (TerrindXmlLoader *loader,
                  int              *line,
                  int              *column)
{
  *line = 0;
  *column = 0;
  if (loader->ctxt != NULL && loader->ctxt->input != NULL)
    {
      *line = loader->ctxt->input->line;
      *column = loader->ctxt->input->col;
    }
}

/*
 * terrind_xml_loader_locate_start_tag:
 *
 * Where the start tag being parsed begins. Inside a start-element callback
 * the parser stands at the end of the tag's attributes; the tag's "<" is
 * still in the input buffer (a value cannot contain a raw "<"), so walk
 * back to it. Falls back to the current position if the buffer does not
 * reach that far.
 */
/* The newlines in [@p, @end), and the characters (UTF-8 lead bytes): in
 * blocks of a fixed size first, loops that the compiler turns into vector
 * instructions. Every territory of a large import passes here. */
static void
count_newlines_and_characters (const xmlChar *p,
                               const xmlChar *end,
                               int           *newlines,
                               int           *characters)
{
  gsize n_newlines = 0, n_continuations = 0;
  gsize length = (gsize) (end - p);

  for (; end - p >= 16; p += 16)
    {
      guint8 newlines_in_block = 0, continuations_in_block = 0;

      for (guint i = 0; i < 16; i++)
        {
          newlines_in_block += p[i] == '\n';
          continuations_in_block += (p[i] & 0xc0) == 0x80;
        }
      n_newlines += newlines_in_block;
      n_continuations += continuations_in_block;
    }
  for (; p < end; p++)
    {
      n_newlines += *p == '\n';
      n_continuations += (*p & 0xc0) == 0x80;
    }
  *newlines = (int) MIN (n_newlines, (gsize) G_MAXINT);
  *characters = (int) MIN (length - n_continuations, (gsize) G_MAXINT);
}

void
terrind_xml_loader_locate_start_tag (TerrindXmlLoader *loader,
                                     int              *line,
                                     int              *column)
{
  xmlParserInputPtr input;
  const xmlChar *p, *line_start;
  int newlines, chars;

  current_position (loader, line, column);
  if (loader->ctxt == NULL || (input = loader->ctxt->input) == NULL ||
      input->base == NULL || input->cur == NULL || input->cur <= input->base)
    return;

  for (p = input->cur; p > input->base && *p != '<'; p--)
    ;
  if (*p != '<')
    return;
  count_newlines_and_characters (p, input->cur, &newlines, &chars);
  if (newlines >= *line)
    return;

  if (newlines == 0)
    {
      *column = MAX (*column - chars, 1);
      return;
    }

  *line -= newlines;
  for (line_start = p; line_start > input->base && line_start[-1] != '\n'; line_start--)
    ;
  if (line_start == input->base && input->consumed != 0)
    {
      *column = 0;  /* the start of that line is gone from the buffer */
      return;
    }
  count_newlines_and_characters (line_start, p, &newlines, &chars);
  *column = chars + 1;
}

/* Where the innermost open element's start tag is: found in the input
 * while the parser is inside it, remembered in its frame after that. */
static void
locate_element (TerrindXmlLoader *loader,
                int              *line,
                int              *column)
{
  TerrindXmlFrame *frame = &loader->frames[loader->depth];

  if (loader->in_start_tag)
    terrind_xml_loader_locate_start_tag (loader, line, column);
  else if (frame->line > 0)
    {
      *line = frame->line;
      *column = frame->column;
    }
  else
    current_position (loader, line, column);
}

/*
 * terrind_xml_loader_fail:
 *
 * Records a problem with the innermost open element, located at its start
 * tag. The parser stops if the problem is fatal or the last the import may
 * report.
 */
void
terrind_xml_loader_fail (TerrindXmlLoader *loader,
                         TerrindError      code,
                         const char       *format,
                         ...)
{
  int line, column;
  va_list args;

  locate_element (loader, &line, &column);
  va_start (args, format);
  loader_set_error_va (loader, code, line, column, format, args);
  va_end (args);
}

/*
 * terrind_xml_loader_fail_here:
 *
 * Records a problem at the parser's current position, as
 * terrind_xml_loader_fail() does.
 */
void
terrind_xml_loader_fail_here (TerrindXmlLoader *loader,
                              TerrindError      code,
                              const char       *format,
                              ...)
{
  int line, column;
  va_list args;

  current_position (loader, &line, &column);
  va_start (args, format);
  loader_set_error_va (loader, code, line, column, format, args);
  va_end (args);
}

/*
 * terrind_xml_loader_take_error:
 *
 * Records @error, which already says where it happened (an edit of the
 * changeset, located by terrind_xml_loader_add(), or a parser error), as
 * it is, as terrind_xml_loader_fail() does. Takes @error.
 */
void
terrind_xml_loader_take_error (TerrindXmlLoader *loader,
                               GError           *error)
{
  report (loader, error);
}

/*
 * terrind_xml_loader_add:
 *
 * Adds @entity to the registry being imported into, through the import's
 * changeset, located at the current element's start tag: the one place
 * the element loaders change the registry. An error names that line, and
 * leaves the registry as it was before the import.
 */
gboolean
terrind_xml_loader_add (TerrindXmlLoader  *loader,
                        const TerrindKind *kind,
                        gpointer           entity,
                        const char        *parent_id,
                        GError           **error)
{
  return terrind_changeset_add (loader->changeset, kind, entity, parent_id, error);
}

static void
locate_edit (gpointer  data,
             int      *line,
             int      *column)
{
  locate_element (data, line, column);
}

/*
 * terrind_xml_loader_locate_edits:
 *
 * Makes the import's changeset locate a failing edit at the element the
 * loader stands at, when it fails (see terrind_changeset_set_locator()),
 * and refuse that edit alone, so that the import can go on looking for
 * more problems (terrind_changeset_set_keep_going()).
 */
void
terrind_xml_loader_locate_edits (TerrindXmlLoader *loader)
{
  terrind_changeset_set_locator (loader->changeset, loader->file, locate_edit, loader);
  terrind_changeset_set_keep_going (loader->changeset, TRUE);
}
