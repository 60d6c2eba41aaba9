/* terrind-cli-table.c: rows of typed cells, written as a table, CSV or JSON
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Every listing of the tool goes through here, so the three output formats
 * agree on what a row holds. The machine formats are written by hand: the
 * escaping rules are short and a JSON library is not worth a dependency.
 */

#include "config.h"

#include <string.h>

#include "terrind-cli-table.h"

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
  static const char *const names[] = { "table", "csv", "json", "xml" };

  g_return_val_if_fail (str != NULL, FALSE);
  g_return_val_if_fail (format != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_str_equal (str, names[i]))
      {
        *format = (TerrindCliFormat) i;
        return TRUE;
      }
  return FALSE;
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

void
terrind_cli_append_json_string (GString    *out,
                                const char *value)
{
  g_string_append_c (out, '"');
  for (const char *p = value; *p != '\0'; p++)
    {
      unsigned char c = (unsigned char) *p;

      switch (c)
        {
        case '"':  g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\b': g_string_append (out, "\\b"); break;
        case '\f': g_string_append (out, "\\f"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        default:
          /* Bytes >= 0x80 are UTF-8, which JSON carries as is; the library
           * only hands out valid UTF-8. */
          if (c < 0x20 || c == 0x7f)
            g_string_append_printf (out, "\\u%04x", c);
          else
            g_string_append_c (out, (char) c);
        }
    }
  g_string_append_c (out, '"');
}

static void
append_csv_field (GString    *out,
                  const char *value)
{
  /* RFC 4180: quote a field holding a comma, a quote or a line break, and
   * double the quotes inside. */
  if (strpbrk (value, ",\"\r\n") == NULL)
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
    default:
      return TRUE;
    }
}

static void
write_table (const TerrindCliTable *table,
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

static void
write_csv (const TerrindCliTable *table,
           GString               *out)
{
  for (guint c = 0; c < table->n_columns; c++)
    {
      if (c > 0)
        g_string_append_c (out, ',');
      append_csv_field (out, table->columns[c].name);
    }
  g_string_append (out, "\r\n");

  for (guint r = 0; r < table->rows->len; r++)
    {
      for (guint c = 0; c < table->n_columns; c++)
        {
          const Cell *cell = get_cell (table, r, c);
          g_autofree char *text = NULL;

          if (c > 0)
            g_string_append_c (out, ',');
          if (cell != NULL && cell->type == TERRIND_CLI_CELL_LIST)
            text = join_list (cell->list, ";");
          else
            text = terrind_cli_table_dup_text (table, r, c);
          if (text != NULL)
            append_csv_field (out, text);
        }
      g_string_append (out, "\r\n");
    }
}

static void
write_json (const TerrindCliTable *table,
            GString               *out)
{
  g_string_append_c (out, '[');
  for (guint r = 0; r < table->rows->len; r++)
    {
      g_string_append (out, r == 0 ? "\n  {" : ",\n  {");
      for (guint c = 0; c < table->n_columns; c++)
        {
          const Cell *cell = get_cell (table, r, c);

          if (c > 0)
            g_string_append (out, ", ");
          terrind_cli_append_json_string (out, table->columns[c].name);
          g_string_append (out, ": ");
          if (cell == NULL || cell->type == TERRIND_CLI_CELL_NULL)
            g_string_append (out, "null");
          else if (cell->type == TERRIND_CLI_CELL_STRING)
            terrind_cli_append_json_string (out, cell->string);
          else if (cell->type == TERRIND_CLI_CELL_NUMBER)
            g_string_append_printf (out, "%" G_GINT64_FORMAT, cell->number);
          else if (cell->type == TERRIND_CLI_CELL_BOOLEAN)
            g_string_append (out, cell->number ? "true" : "false");
          else
            {
              g_string_append_c (out, '[');
              for (guint i = 0; i < cell->list->len; i++)
                {
                  if (i > 0)
                    g_string_append (out, ", ");
                  terrind_cli_append_json_string (out, g_ptr_array_index (cell->list, i));
                }
              g_string_append_c (out, ']');
            }
        }
      g_string_append_c (out, '}');
    }
  g_string_append (out, table->rows->len > 0 ? "\n]\n" : "]\n");
}

void
terrind_cli_table_write (const TerrindCliTable *table,
                         TerrindCliFormat       format,
                         GString               *out)
{
  g_return_if_fail (table != NULL);
  g_return_if_fail (out != NULL);

  switch (format)
    {
    case TERRIND_CLI_FORMAT_CSV:
      write_csv (table, out);
      break;
    case TERRIND_CLI_FORMAT_JSON:
      write_json (table, out);
      break;
    case TERRIND_CLI_FORMAT_XML:
      g_return_if_reached ();
    case TERRIND_CLI_FORMAT_TABLE:
    default:
      write_table (table, out);
      break;
    }
}
