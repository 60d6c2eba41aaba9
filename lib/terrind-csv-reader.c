/* terrind-csv-reader.c: bytes → CSV records
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * A push parser: it is fed chunks as they are read and hands each
 * complete record to its consumer, so memory follows the largest record,
 * not the file. It accepts what spreadsheets write (RFC 4180 quoting with
 * "" escapes and line breaks inside quotes; "," or ";"; CRLF, LF or CR; a
 * UTF-8 byte-order mark) and refuses, with the line, what is not text in
 * UTF-8: NUL bytes, invalid UTF-8, a UTF-16 byte-order mark, a quote never
 * closed. Each byte is looked at once; runs of plain bytes are copied in
 * one go into a buffer that grows geometrically and is reused from one
 * record to the next.
 */

#include "config.h"

#include <string.h>

#include "terrind-csv-private.h"
#include "terrind-error-private.h"
#include "terrind-import-options-private.h"

typedef enum {
  STATE_CELL_START,     /* before the first byte of a cell */
  STATE_UNQUOTED,
  STATE_QUOTED,
  STATE_QUOTE_IN_QUOTED, /* a quote inside quotes: "" or the end */
} ReaderState;

struct _TerrindCsvReader {
  const char          *name;
  char                 separator;    /* 0 until the header shows it */
  gboolean             forced;       /* the caller chose the separator */
  guint64              max_bytes;    /* 0: no limit */
  guint                max_value_length;
  guint64              max_rows;     /* 0: no limit */
  TerrindCsvRecordFunc func;
  gpointer             data;

  guchar               head[3];      /* the first bytes, until the BOM is known */
  guint                n_head;
  gboolean             head_done;

  ReaderState          state;
  gboolean             after_cr;     /* a CR ended the last line: skip an LF */
  gboolean             in_record;    /* a byte of the current record was seen */
  gboolean             header_done;
  int                  line;         /* current physical line, 1-based */
  int                  record_line;
  int                  quote_line;   /* where the open quote is */
  int                  cell_line;
  guint64              n_bytes;
  guint64              n_rows;

  GString             *buffer;       /* the record's cells, each NUL-terminated */
  GArray              *starts;       /* (gsize) offset of each cell in @buffer */
  GPtrArray           *cells;        /* pointers handed to the consumer */
  gsize                cell_start;
  gboolean             stopped;
};

TerrindCsvReader *
terrind_csv_reader_new (const char                 *name,
                        char                        separator,
                        const TerrindImportOptions *options,
                        TerrindCsvRecordFunc        func,
                        gpointer                    data)
{
  TerrindCsvReader *reader = g_new0 (TerrindCsvReader, 1);

  g_return_val_if_fail (separator == 0 || separator == ',' || separator == ';', NULL);

  options = terrind_import_options_or_defaults (options);
  reader->name = name;
  reader->separator = separator;
  reader->forced = separator != 0;
  reader->max_bytes = options->max_bytes;
  reader->max_value_length = MAX (options->max_value_length, 1);
  reader->max_rows = options->max_elements;
  reader->func = func;
  reader->data = data;
  reader->state = STATE_CELL_START;
  reader->line = 1;
  reader->cell_line = 1;
  reader->buffer = g_string_sized_new (1024);
  reader->starts = g_array_sized_new (FALSE, FALSE, sizeof (gsize), 16);
  reader->cells = g_ptr_array_sized_new (16);
  return reader;
}

void
terrind_csv_reader_free (TerrindCsvReader *reader)
{
  if (reader == NULL)
    return;
  g_string_free (reader->buffer, TRUE);
  g_array_unref (reader->starts);
  g_ptr_array_unref (reader->cells);
  g_free (reader);
}

static gboolean
fail (TerrindCsvReader  *reader,
      GError           **error,
      TerrindError       code,
      int                line,
      const char        *message)
{
  terrind_set_error_at (error, code, reader->name, line, 0, "%s", message);
  reader->stopped = TRUE;
  return FALSE;
}

static void
begin_record (TerrindCsvReader *reader)
{
  if (!reader->in_record)
    {
      reader->in_record = TRUE;
      reader->record_line = reader->line;
    }
}

static void
begin_cell (TerrindCsvReader *reader)
{
  reader->cell_start = reader->buffer->len;
  reader->cell_line = reader->line;
}

static gboolean
append (TerrindCsvReader  *reader,
        const char        *bytes,
        gsize              length,
        GError           **error)
{
  g_string_append_len (reader->buffer, bytes, (gssize) length);
  if (reader->buffer->len - reader->cell_start > reader->max_value_length)
    {
      g_autofree char *message =
        g_strdup_printf ("a cell is longer than %u bytes, the import's limit",
                         reader->max_value_length);

      return fail (reader, error, TERRIND_ERROR_LIMIT_EXCEEDED, reader->cell_line, message);
    }
  return TRUE;
}

/* Ends the current cell: checks its encoding, once, and terminates it. */
static gboolean
end_cell (TerrindCsvReader  *reader,
          GError           **error)
{
  const char *cell = reader->buffer->str + reader->cell_start;
  gsize length = reader->buffer->len - reader->cell_start;
  const char *bad = NULL;

  if (!g_utf8_validate_len (cell, length, &bad))
    {
      int line = reader->cell_line;

      /* Line breaks inside the cell are stored as LF, one per line. */
      for (const char *p = cell; p < bad; p++)
        line += *p == '\n';
      return fail (reader, error, TERRIND_ERROR_PARSE, line,
                   "not UTF-8 (save the file as CSV UTF-8)");
    }
  if (reader->starts->len >= TERRIND_CSV_MAX_COLUMNS)
    {
      g_autofree char *message = g_strdup_printf ("a record has more than %u columns",
                                                  TERRIND_CSV_MAX_COLUMNS);

      return fail (reader, error, TERRIND_ERROR_LIMIT_EXCEEDED, reader->record_line, message);
    }
  g_array_append_val (reader->starts, reader->cell_start);
  g_string_append_c (reader->buffer, '\0');
  begin_cell (reader);
  return TRUE;
}

/* Hands a complete record over, unless it is blank (spreadsheets end files
 * with empty lines, or lines of separators only), and starts the next. */
static gboolean
end_record (TerrindCsvReader  *reader,
            GError           **error)
{
  TerrindCsvRecord record;
  gboolean blank = TRUE;
  gboolean ok = TRUE;

  if (!end_cell (reader, error))
    return FALSE;
  g_ptr_array_set_size (reader->cells, 0);
  for (guint i = 0; i < reader->starts->len; i++)
    {
      const char *cell = reader->buffer->str + g_array_index (reader->starts, gsize, i);

      blank = blank && *cell == '\0';
      g_ptr_array_add (reader->cells, (gpointer) cell);
    }
  if (!blank)
    {
      if (reader->header_done && reader->max_rows != 0 && ++reader->n_rows > reader->max_rows)
        {
          g_autofree char *message =
            g_strdup_printf ("more than %" G_GUINT64_FORMAT " rows, the import's limit",
                             reader->max_rows);

          return fail (reader, error, TERRIND_ERROR_LIMIT_EXCEEDED, reader->record_line,
                       message);
        }
      record.n_cells = reader->cells->len;
      record.cells = (const char * const *) reader->cells->pdata;
      record.line = reader->record_line;
      record.is_header = !reader->header_done;
      if (!reader->header_done && reader->separator == 0)
        reader->separator = ',';  /* one column: nothing to tell */
      reader->header_done = TRUE;
      ok = reader->func (reader->data, &record, error);
      if (!ok)
        reader->stopped = TRUE;
    }
  g_string_truncate (reader->buffer, 0);
  g_array_set_size (reader->starts, 0);
  reader->in_record = FALSE;
  reader->state = STATE_CELL_START;
  begin_cell (reader);
  return ok;
}

/* Whether @c separates cells. Before the separator is known (in the
 * header, unless the caller chose one), the first "," or ";" outside
 * quotes decides; the other one appearing there too is ambiguous. */
static gboolean
is_separator (TerrindCsvReader  *reader,
              char               c,
              gboolean          *ok,
              GError           **error)
{
  *ok = TRUE;
  if (c != ',' && c != ';')
    return FALSE;
  if (reader->separator == 0)
    {
      reader->separator = c;
      return TRUE;
    }
  if (c == reader->separator)
    return TRUE;
  if (!reader->header_done && !reader->forced)
    *ok = fail (reader, error, TERRIND_ERROR_PARSE, reader->line,
                "the header line has both “,” and “;” outside quotes: say which one "
                "separates the cells");
  return FALSE;
}

/* Bytes that end a run of plain bytes. */
static const guint8 special[256] = {
  ['\0'] = 1, ['"'] = 1, ['\r'] = 1, ['\n'] = 1, [','] = 1, [';'] = 1,
};

static gboolean
parse (TerrindCsvReader  *reader,
       const char        *data,
       gsize              length,
       GError           **error)
{
  const char *p = data, *end = data + length;
  gboolean ok = TRUE;

  while (p < end)
    {
      char c = *p;

      if (reader->after_cr)
        {
          reader->after_cr = FALSE;
          if (c == '\n')
            {
              p++;
              continue;
            }
        }
      if (c == '\0')
        return fail (reader, error, TERRIND_ERROR_PARSE, reader->line,
                     "a NUL byte: this is not a text file in UTF-8 (UTF-16 files have "
                     "them; save the file as CSV UTF-8)");

      if (reader->state == STATE_UNQUOTED || reader->state == STATE_QUOTED ||
          (reader->state == STATE_CELL_START && c != '"'))
        {
          /* The common case: a run of plain bytes. */
          const char *run = p;

          while (p < end && !special[(guchar) *p])
            p++;
          if (p > run)
            {
              begin_record (reader);
              if (reader->state == STATE_CELL_START)
                reader->state = STATE_UNQUOTED;
              if (!append (reader, run, (gsize) (p - run), error))
                return FALSE;
              continue;
            }
        }

      p++;
      switch (reader->state)
        {
        case STATE_CELL_START:
          begin_record (reader);
          if (c == '"')
            {
              reader->state = STATE_QUOTED;
              reader->quote_line = reader->line;
              break;
            }
          reader->state = STATE_UNQUOTED;
          G_GNUC_FALLTHROUGH;
        case STATE_UNQUOTED:
        case STATE_QUOTE_IN_QUOTED:
          if (reader->state == STATE_QUOTE_IN_QUOTED && c == '"')
            {
              if (!append (reader, "\"", 1, error))
                return FALSE;
              reader->state = STATE_QUOTED;
            }
          else if (is_separator (reader, c, &ok, error))
            {
              if (!end_cell (reader, error))
                return FALSE;
              reader->state = STATE_CELL_START;
            }
          else if (!ok)
            return FALSE;
          else if (c == '\n' || c == '\r')
            {
              reader->line++;
              reader->after_cr = c == '\r';
              if (!end_record (reader, error))
                return FALSE;
            }
          else if (reader->state == STATE_QUOTE_IN_QUOTED)
            return fail (reader, error, TERRIND_ERROR_PARSE, reader->line,
                         "text after the closing quote of a cell: a quote inside a quoted "
                         "cell is written twice (\"\")");
          else if (!append (reader, &c, 1, error))  /* a quote inside an unquoted cell */
            return FALSE;
          break;
        case STATE_QUOTED:
          if (c == '"')
            reader->state = STATE_QUOTE_IN_QUOTED;
          else if (c == '\n' || c == '\r')
            {
              /* A line break inside a cell is kept as LF, whatever the
               * file's line ends. */
              reader->line++;
              reader->after_cr = c == '\r';
              if (!append (reader, "\n", 1, error))
                return FALSE;
            }
          else if (!append (reader, &c, 1, error))
            return FALSE;
          break;
        default:
          g_assert_not_reached ();
        }
    }
  return TRUE;
}

/* The first bytes say what the file is: a UTF-8 byte-order mark is
 * skipped, a UTF-16 one refused. */
static gboolean
check_head (TerrindCsvReader  *reader,
            GError           **error)
{
  reader->head_done = TRUE;
  if (reader->n_head >= 2 &&
      ((reader->head[0] == 0xff && reader->head[1] == 0xfe) ||
       (reader->head[0] == 0xfe && reader->head[1] == 0xff)))
    return fail (reader, error, TERRIND_ERROR_PARSE, 1,
                 "the file is UTF-16 (it starts with a UTF-16 byte-order mark): save it as "
                 "CSV UTF-8");
  if (reader->n_head == 3 && memcmp (reader->head, "\xef\xbb\xbf", 3) == 0)
    return TRUE;
  return parse (reader, (const char *) reader->head, reader->n_head, error);
}

gboolean
terrind_csv_reader_feed (TerrindCsvReader  *reader,
                         const char        *data,
                         gsize              length,
                         GError           **error)
{
  g_return_val_if_fail (reader != NULL, FALSE);
  g_return_val_if_fail (!reader->stopped, FALSE);

  reader->n_bytes += length;
  if (reader->max_bytes != 0 && reader->n_bytes > reader->max_bytes)
    {
      g_autofree char *message =
        g_strdup_printf ("the input is larger than %" G_GUINT64_FORMAT " bytes, the import's "
                         "limit", reader->max_bytes);

      return fail (reader, error, TERRIND_ERROR_LIMIT_EXCEEDED, 0, message);
    }
  while (!reader->head_done && length > 0)
    {
      reader->head[reader->n_head++] = (guchar) *data++;
      length--;
      if (reader->n_head == sizeof reader->head && !check_head (reader, error))
        return FALSE;
    }
  return parse (reader, data, length, error);
}

gboolean
terrind_csv_reader_finish (TerrindCsvReader  *reader,
                           GError           **error)
{
  g_return_val_if_fail (reader != NULL, FALSE);
  g_return_val_if_fail (!reader->stopped, FALSE);

  if (!reader->head_done && !check_head (reader, error))
    return FALSE;
  if (reader->state == STATE_QUOTED)
    return fail (reader, error, TERRIND_ERROR_PARSE, reader->quote_line,
                 "a quoted cell that starts on this line is never closed");
  if (reader->in_record && !end_record (reader, error))
    return FALSE;
  if (!reader->header_done)
    return fail (reader, error, TERRIND_ERROR_PARSE, 1,
                 "the file is empty: a CSV file starts with a header line naming its columns");
  return TRUE;
}
