/* terrind-cli-table.c: rows of typed cells, written as a table, CSV or JSON
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Every listing of the tool goes through here, so the three output formats
 * agree on what a row holds. CSV is written here (its rules are two
 * lines); JSON through json-glib.
 */

#include "config.h"

#include <string.h>

#include "terrind-cli-table.h"
#include "terrind-cli-json.h"
#include "terrind-cli-colour.h"

typedef struct {
  TerrindCliCellType type;
  char              *string;
  gint64             number;
  GPtrArray         *list;    /* of char *, owned */
} Cell;

struct _TerrindCliTable {
  TerrindCliColumn *columns;
  guint             n_columns;
  GPtrArray        *rows;     /* of GArray of Cell */
};

gboolean
terrind_cli_format_from_string (const char       *str,
                                TerrindCliFormat *format)
{
  g_return_val_if_fail (str != NULL, FALSE);
  g_return_val_if_fail (format != NULL, FALSE);

  /* "table" is what `list` first called its text form. */
  if (g_str_equal (str, "table"))
    {
      *format = TERRIND_CLI_FORMAT_TEXT;
      return TRUE;
    }
  for (guint i = TERRIND_CLI_FORMAT_TEXT; i <= TERRIND_CLI_FORMAT_XML; i++)
    if (g_str_equal (str, terrind_cli_format_to_string ((TerrindCliFormat) i)))
      {
        *format = (TerrindCliFormat) i;
        return TRUE;
      }
  return FALSE;
}

const char *
terrind_cli_format_to_string (TerrindCliFormat format)
{
  switch (format)
    {
    case TERRIND_CLI_FORMAT_CSV:  return "csv";
    case TERRIND_CLI_FORMAT_JSON: return "json";
    case TERRIND_CLI_FORMAT_XML:  return "xml";
    case TERRIND_CLI_FORMAT_TEXT:
    default:                      return "text";
    }
}

static void
cell_clear (gpointer data)
{
  Cell *cell = data;

  g_free (cell->string);
  g_clear_pointer (&cell->list, g_ptr_array_unref);
}

static void
row_free (gpointer data)
{
  g_array_unref (data);
}

TerrindCliTable *
terrind_cli_table_new (const TerrindCliColumn *columns,
                       guint                   n_columns)
{
  TerrindCliTable *table;

  g_return_val_if_fail (columns != NULL && n_columns > 0, NULL);

  table = g_new0 (TerrindCliTable, 1);
  table->columns = g_memdup2 (columns, sizeof (TerrindCliColumn) * n_columns);
  table->n_columns = n_columns;
  table->rows = g_ptr_array_new_with_free_func (row_free);
  return table;
}

void
terrind_cli_table_free (TerrindCliTable *table)
{
  if (table == NULL)
    return;
  g_ptr_array_unref (table->rows);
  g_free (table->columns);
  g_free (table);
}

void
terrind_cli_table_add_row (TerrindCliTable *table)
{
  GArray *row;

  g_return_if_fail (table != NULL);

  row = g_array_sized_new (FALSE, TRUE, sizeof (Cell), table->n_columns);
  g_array_set_clear_func (row, cell_clear);
  g_ptr_array_add (table->rows, row);
}

/* Appends @cell to the last row, which must have room for it. */
static void
add_cell (TerrindCliTable *table,
          Cell            *cell)
{
  GArray *row;

  g_return_if_fail (table->rows->len > 0);
  row = g_ptr_array_index (table->rows, table->rows->len - 1);
  g_return_if_fail (row->len < table->n_columns);
  g_array_append_vals (row, cell, 1);
}

void
terrind_cli_table_add_string (TerrindCliTable *table,
                              const char      *value)
{
  Cell cell = { TERRIND_CLI_CELL_STRING, NULL, 0, NULL };

  g_return_if_fail (table != NULL);

  if (value == NULL)
    cell.type = TERRIND_CLI_CELL_NULL;
  cell.string = g_strdup (value);
  add_cell (table, &cell);
}

void
terrind_cli_table_add_number (TerrindCliTable *table,
                              gint64           value)
{
  Cell cell = { TERRIND_CLI_CELL_NUMBER, NULL, value, NULL };

  g_return_if_fail (table != NULL);
  add_cell (table, &cell);
}

void
terrind_cli_table_add_boolean (TerrindCliTable *table,
                               gboolean         value)
{
  Cell cell = { TERRIND_CLI_CELL_BOOLEAN, NULL, value ? 1 : 0, NULL };

  g_return_if_fail (table != NULL);
  add_cell (table, &cell);
}

void
terrind_cli_table_add_null (TerrindCliTable *table)
{
  Cell cell = { TERRIND_CLI_CELL_NULL, NULL, 0, NULL };

  g_return_if_fail (table != NULL);
  add_cell (table, &cell);
}

void
terrind_cli_table_add_list (TerrindCliTable *table,
                            GPtrArray       *items)
{
  Cell cell = { TERRIND_CLI_CELL_LIST, NULL, 0, NULL };

  g_return_if_fail (table != NULL);
  g_return_if_fail (items != NULL);

  cell.list = g_ptr_array_new_full (items->len, g_free);
  for (guint i = 0; i < items->len; i++)
    g_ptr_array_add (cell.list, g_strdup (g_ptr_array_index (items, i)));
  add_cell (table, &cell);
}

guint
terrind_cli_table_get_n_rows (const TerrindCliTable *table)
{
  g_return_val_if_fail (table != NULL, 0);
  return table->rows->len;
}

guint
terrind_cli_table_get_n_columns (const TerrindCliTable *table)
{
  g_return_val_if_fail (table != NULL, 0);
  return table->n_columns;
}

const char *
terrind_cli_table_get_column (const TerrindCliTable *table,
                              guint                  column)
{
  g_return_val_if_fail (table != NULL, NULL);
  g_return_val_if_fail (column < table->n_columns, NULL);
  return table->columns[column].name;
}

static const Cell *
get_cell (const TerrindCliTable *table,
          guint                  row,
          guint                  column)
{
  GArray *cells;

  g_return_val_if_fail (table != NULL, NULL);
  g_return_val_if_fail (row < table->rows->len, NULL);
  g_return_val_if_fail (column < table->n_columns, NULL);

  cells = g_ptr_array_index (table->rows, row);
  /* A row left short reads as nulls rather than past its end. */
  if (column >= cells->len)
    return NULL;
  return &g_array_index (cells, Cell, column);
}

TerrindCliCellType
terrind_cli_table_get_type (const TerrindCliTable *table,
                            guint                  row,
                            guint                  column)
{
  const Cell *cell = get_cell (table, row, column);

  return cell != NULL ? cell->type : TERRIND_CLI_CELL_NULL;
}

static char *
join_list (const GPtrArray *list,
           const char      *separator)
{
  g_autoptr(GString) joined = g_string_new (NULL);

  for (guint i = 0; i < list->len; i++)
    {
      if (i > 0)
        g_string_append (joined, separator);
      g_string_append (joined, g_ptr_array_index (list, i));
    }
  return g_string_free (g_steal_pointer (&joined), FALSE);
}

char *
terrind_cli_table_dup_text (const TerrindCliTable *table,
                            guint                  row,
                            guint                  column)
{
  const Cell *cell = get_cell (table, row, column);

  if (cell == NULL)
    return NULL;
  switch (cell->type)
    {
    case TERRIND_CLI_CELL_STRING:
      return g_strdup (cell->string);
    case TERRIND_CLI_CELL_NUMBER:
      return g_strdup_printf ("%" G_GINT64_FORMAT, cell->number);
    case TERRIND_CLI_CELL_BOOLEAN:
      return g_strdup (cell->number ? "true" : "false");
    case TERRIND_CLI_CELL_LIST:
      return join_list (cell->list, "; ");
    case TERRIND_CLI_CELL_NULL:
    default:
      return NULL;
    }
}

GPtrArray *
terrind_cli_table_get_list (const TerrindCliTable *table,
                            guint                  row,
                            guint                  column)
{
  const Cell *cell = get_cell (table, row, column);

  return cell != NULL && cell->type == TERRIND_CLI_CELL_LIST ? cell->list : NULL;
}

/* ------------------------------------------------------------ escaping */

/* RFC 4180: quote a field holding the separator, a quote or a line break,
 * and double the quotes inside. */
static void
append_csv_field (GString    *out,
                  const char *value,
                  char        separator)
{
  const char specials[] = { separator, '"', '\r', '\n', '\0' };

  if (strpbrk (value, specials) == NULL)
    {
      g_string_append (out, value);
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

/* ------------------------------------------------------------ writers */

static char *
table_text (const TerrindCliTable *table,
            guint                  row,
            guint                  column)
{
  const Cell *cell = get_cell (table, row, column);

  if (cell == NULL || cell->type == TERRIND_CLI_CELL_NULL)
    return g_strdup ("-");
  if (cell->type == TERRIND_CLI_CELL_LIST)
    {
      if (table->columns[column].mode == TERRIND_CLI_COLUMN_COUNT)
        return g_strdup_printf ("%u", cell->list->len);
      return cell->list->len > 0 ? join_list (cell->list, ", ") : g_strdup ("-");
    }
  if (cell->type == TERRIND_CLI_CELL_BOOLEAN)
    return g_strdup (cell->number ? "yes" : "no");
  return terrind_cli_table_dup_text (table, row, column);
}

/* Whether column @column appears in the aligned table: a column of an
 * optional field only when some row sets it, so that a field no entity
 * uses (the ANCT ids of a registry without them) takes no room. With no
 * rows, the header still names every column. */
static gboolean
column_shown (const TerrindCliTable *table,
              guint                  column)
{
  switch (table->columns[column].mode)
    {
    case TERRIND_CLI_COLUMN_HIDDEN:
      return FALSE;
    case TERRIND_CLI_COLUMN_IF_SET:
      if (table->rows->len == 0)
        return TRUE;
      for (guint r = 0; r < table->rows->len; r++)
        {
          const Cell *cell = get_cell (table, r, column);

          if (cell != NULL && cell->type != TERRIND_CLI_CELL_NULL)
            return TRUE;
        }
      return FALSE;
    case TERRIND_CLI_COLUMN_SHOWN:
    case TERRIND_CLI_COLUMN_COUNT:
    case TERRIND_CLI_COLUMN_STATUS:
    default:
      return TRUE;
    }
}

static void
write_table (const TerrindCliTable *table,
             gboolean               colour,
             GString               *out)
{
  g_autofree gsize *widths = g_new0 (gsize, table->n_columns);
  g_autofree gboolean *shown_columns = g_new0 (gboolean, table->n_columns);
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  guint n_shown = 0;

  for (guint c = 0; c < table->n_columns; c++)
    if ((shown_columns[c] = column_shown (table, c)))
      {
        widths[c] = g_utf8_strlen (table->columns[c].name, -1);
        n_shown++;
      }

  /* Render every cell once, to know the widths before writing. */
  for (guint r = 0; r < table->rows->len; r++)
    for (guint c = 0; c < table->n_columns; c++)
      {
        char *text = NULL;

        if (shown_columns[c])
          {
            text = table_text (table, r, c);
            widths[c] = MAX (widths[c], (gsize) g_utf8_strlen (text, -1));
          }
        g_ptr_array_add (texts, text);
      }

  for (guint r = 0; r <= table->rows->len; r++)
    {
      guint shown = 0;

      for (guint c = 0; c < table->n_columns; c++)
        {
          const char *text;

          if (!shown_columns[c])
            continue;
          text = r == 0 ? table->columns[c].name
                        : g_ptr_array_index (texts, (r - 1) * table->n_columns + c);
          if (r == 0)
            {
              g_autofree char *upper = g_ascii_strup (text, -1);
              g_string_append (out, upper);
            }
          else if (colour && table->columns[c].mode == TERRIND_CLI_COLUMN_STATUS)
            terrind_cli_colour_append_status (out, text);
          else
            g_string_append (out, text);
          /* The last column is not padded: no trailing blanks. */
          if (++shown < n_shown)
            for (gsize w = g_utf8_strlen (text, -1); w < widths[c] + 2; w++)
              g_string_append_c (out, ' ');
        }
      g_string_append_c (out, '\n');
    }
}

/* RFC 4180, or what a spreadsheet set up for French opens as columns
 * with its accents intact: a byte order mark to say UTF-8, and ';', since
 * ',' is its decimal separator. Both end lines with CRLF. List items are
 * joined with ';' in RFC 4180, which is not the separator there; with
 * " | " in the Excel form, where ';' is. */
static void
write_csv (const TerrindCliTable *table,
           gboolean               excel,
           GString               *out)
{
  char separator = excel ? ';' : ',';

  if (excel)
    g_string_append (out, "\xEF\xBB\xBF");
  for (guint c = 0; c < table->n_columns; c++)
    {
      if (c > 0)
        g_string_append_c (out, separator);
      append_csv_field (out, table->columns[c].name, separator);
    }
  g_string_append (out, "\r\n");

  for (guint r = 0; r < table->rows->len; r++)
    {
      for (guint c = 0; c < table->n_columns; c++)
        {
          const Cell *cell = get_cell (table, r, c);
          g_autofree char *text = NULL;

          if (c > 0)
            g_string_append_c (out, separator);
          if (cell != NULL && cell->type == TERRIND_CLI_CELL_LIST)
            text = join_list (cell->list, excel ? " | " : ";");
          else
            text = terrind_cli_table_dup_text (table, r, c);
          if (text != NULL)
            append_csv_field (out, text, separator);
        }
      g_string_append (out, "\r\n");
    }
}

static void
add_json_cell (JsonBuilder *builder,
               const Cell  *cell)
{
  if (cell == NULL || cell->type == TERRIND_CLI_CELL_NULL)
    json_builder_add_null_value (builder);
  else if (cell->type == TERRIND_CLI_CELL_STRING)
    json_builder_add_string_value (builder, cell->string);
  else if (cell->type == TERRIND_CLI_CELL_NUMBER)
    json_builder_add_int_value (builder, cell->number);
  else if (cell->type == TERRIND_CLI_CELL_BOOLEAN)
    json_builder_add_boolean_value (builder, cell->number != 0);
  else
    {
      json_builder_begin_array (builder);
      for (guint i = 0; i < cell->list->len; i++)
        json_builder_add_string_value (builder, g_ptr_array_index (cell->list, i));
      json_builder_end_array (builder);
    }
}

static void
write_json (const TerrindCliTable *table,
            GString               *out)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_array (builder);
  for (guint r = 0; r < table->rows->len; r++)
    {
      json_builder_begin_object (builder);
      for (guint c = 0; c < table->n_columns; c++)
        {
          json_builder_set_member_name (builder, table->columns[c].name);
          add_json_cell (builder, get_cell (table, r, c));
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  root = json_builder_get_root (builder);
  terrind_cli_json_write (out, root);
}

void
terrind_cli_table_write_output (const TerrindCliTable  *table,
                                const TerrindCliOutput *output,
                                GString                *out)
{
  g_return_if_fail (table != NULL);
  g_return_if_fail (output != NULL);
  g_return_if_fail (out != NULL);

  switch (output->format)
    {
    case TERRIND_CLI_FORMAT_CSV:
      write_csv (table, output->excel, out);
      break;
    case TERRIND_CLI_FORMAT_JSON:
      write_json (table, out);
      break;
    case TERRIND_CLI_FORMAT_XML:
      g_return_if_reached ();
    case TERRIND_CLI_FORMAT_TEXT:
    default:
      write_table (table, output->colour, out);
      break;
    }
}

void
terrind_cli_table_write (const TerrindCliTable *table,
                         TerrindCliFormat       format,
                         GString               *out)
{
  TerrindCliOutput output = { format, FALSE, FALSE };

  terrind_cli_table_write_output (table, &output, out);
}
