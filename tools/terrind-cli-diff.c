/* terrind-cli-diff.c: terrind diff [--format F] A B
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * What two agencies exchanging files need to know: which entities were
 * added, removed or changed, by kind and id, and for a changed entity which
 * fields differ. Like diff(1): exit 0 when identical, 1 when different.
 *
 * For programs (--format=csv|json), one row per difference: an entity
 * added or removed, or one field of a changed entity, with its values
 * before and after, or for a list the items added and removed.
 */

#include "config.h"

#include <string.h>

#include "terrind-cli.h"
#include "terrind-cli-output.h"
#include "terrind-cli-records.h"

static const TerrindCliColumn row_columns[] = {
  { "kind", TERRIND_CLI_COLUMN_SHOWN },
  { "id", TERRIND_CLI_COLUMN_SHOWN },
  { "change", TERRIND_CLI_COLUMN_SHOWN },
  { "field", TERRIND_CLI_COLUMN_SHOWN },
  { "before", TERRIND_CLI_COLUMN_SHOWN },
  { "after", TERRIND_CLI_COLUMN_SHOWN },
  { "added", TERRIND_CLI_COLUMN_SHOWN },
  { "removed", TERRIND_CLI_COLUMN_SHOWN },
};

/* Where the differences go: lines of text for people, or rows. */
typedef struct {
  TerrindCli      *cli;
  gboolean         quiet;
  TerrindCliTable *rows;   /* NULL for the text output */
} Report;

/* A row of @report->rows; @field and the rest NULL for a whole entity. */
static void
add_row (Report          *report,
         const char      *kind,
         const char      *id,
         const char      *change,
         const char      *field,
         const char      *before,
         const char      *after,
         GPtrArray       *added,
         GPtrArray       *removed)
{
  g_autoptr(GPtrArray) none = g_ptr_array_new ();

  terrind_cli_table_add_row (report->rows);
  terrind_cli_table_add_string (report->rows, kind);
  terrind_cli_table_add_string (report->rows, id);
  terrind_cli_table_add_string (report->rows, change);
  terrind_cli_table_add_string (report->rows, field);
  terrind_cli_table_add_string (report->rows, before);
  terrind_cli_table_add_string (report->rows, after);
  terrind_cli_table_add_list (report->rows, added != NULL ? added : none);
  terrind_cli_table_add_list (report->rows, removed != NULL ? removed : none);
}

/* The column of @kind's key: columns are the kind's fields, in order. */
static guint
key_column (const TerrindKind *kind)
{
  const TerrindField *key = terrind_kind_get_key (kind);

  for (guint i = 0; i < terrind_kind_get_n_fields (kind); i++)
    if (terrind_kind_get_field (kind, i) == key)
      return i;
  g_return_val_if_reached (0);
}

/* The rows of every entity of @kind in @registry. */
static TerrindCliTable *
records_of (TerrindRegistry   *registry,
            const TerrindKind *kind)
{
  TerrindCliTable *table = terrind_cli_records_new (kind);
  g_autoptr(GPtrArray) entities = terrind_registry_list (registry, kind);

  for (guint i = 0; i < entities->len; i++)
    terrind_cli_records_add (table, kind, g_ptr_array_index (entities, i));
  return table;
}

/* id -> row number + 1, for each side */
static GHashTable *
index_rows (const TerrindCliTable *table,
            guint                  key)
{
  GHashTable *rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint r = 0; r < terrind_cli_table_get_n_rows (table); r++)
    g_hash_table_insert (rows, terrind_cli_table_dup_text (table, r, key), GUINT_TO_POINTER (r + 1));
  return rows;
}

/* The items of @list that @other lacks, borrowed, in @list's order. A set
 * of @other, not a scan per item: a territory may have a million members. */
static GPtrArray *
missing_items (const GPtrArray *list,
               const GPtrArray *other)
{
  g_autoptr(GHashTable) others = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *missing = g_ptr_array_new ();

  for (guint i = 0; i < other->len; i++)
    g_hash_table_add (others, g_ptr_array_index (other, i));
  for (guint i = 0; i < list->len; i++)
    if (!g_hash_table_contains (others, g_ptr_array_index (list, i)))
      g_ptr_array_add (missing, g_ptr_array_index (list, i));
  return missing;
}

/* Appends @items as "WORD a, b"; FALSE when there are none. */
static gboolean
append_items (GString         *line,
              const char      *word,
              const GPtrArray *items,
              gboolean         need_separator)
{
  for (guint i = 0; i < items->len; i++)
    {
      if (i == 0)
        g_string_append_printf (line, "%s%s ", need_separator ? "; " : "", word);
      else
        g_string_append (line, ", ");
      g_string_append (line, g_ptr_array_index (items, i));
    }
  return items->len > 0;
}

/* A value for people: a string quoted as a JSON literal, so that spaces
 * and line breaks show. */
static void
append_value (GString               *line,
              const TerrindCliTable *table,
              guint                  row,
              guint                  column)
{
  g_autofree char *text = terrind_cli_table_dup_text (table, row, column);

  if (text == NULL)
    g_string_append (line, "(unset)");
  else if (terrind_cli_table_get_type (table, row, column) == TERRIND_CLI_CELL_STRING)
    {
      g_autofree char *quoted = terrind_cli_json_quote (text);
      g_string_append (line, quoted);
    }
  else
    g_string_append (line, text);
}

/* Compares one entity present on both sides, field by field, in the
 * order of the description; reports the fields that changed. Both tables
 * have the columns of the same kind. */
static gboolean
diff_entity (Report                *out,
             const char            *kind,
             const char            *id,
             guint                  key,
             const TerrindCliTable *a,
             guint                  row_a,
             const TerrindCliTable *b,
             guint                  row_b)
{
  g_autoptr(GString) report = g_string_new (NULL);
  gboolean changed = FALSE;

  for (guint c = 0; c < terrind_cli_table_get_n_columns (a); c++)
    {
      g_autofree char *text_a = terrind_cli_table_dup_text (a, row_a, c);
      g_autofree char *text_b = terrind_cli_table_dup_text (b, row_b, c);
      GPtrArray *list_a = terrind_cli_table_get_list (a, row_a, c);
      GPtrArray *list_b = terrind_cli_table_get_list (b, row_b, c);
      const char *field = terrind_cli_table_get_column (a, c);

      if (c == key)
        continue;
      if (terrind_cli_table_get_type (a, row_a, c) == terrind_cli_table_get_type (b, row_b, c)
          && g_strcmp0 (text_a, text_b) == 0)
        continue;
      changed = TRUE;

      if (list_a != NULL && list_b != NULL)
        {
          g_autoptr(GPtrArray) added = missing_items (list_b, list_a);
          g_autoptr(GPtrArray) removed = missing_items (list_a, list_b);

          if (out->rows != NULL)
            {
              add_row (out, kind, id, "changed", field, NULL, NULL, added, removed);
              continue;
            }
          g_string_append_printf (report, "  %s: ", field);
          if (!append_items (report, "removed", removed,
                             append_items (report, "added", added, FALSE))
              && added->len == 0)
            g_string_append (report, "order changed");
        }
      else if (out->rows != NULL)
        {
          add_row (out, kind, id, "changed", field, text_a, text_b, NULL, NULL);
          continue;
        }
      else
        {
          g_string_append_printf (report, "  %s: ", field);
          append_value (report, a, row_a, c);
          g_string_append (report, " -> ");
          append_value (report, b, row_b, c);
        }
      g_string_append_c (report, '\n');
    }

  if (changed && out->rows == NULL && !out->quiet)
    terrind_cli_print (out->cli, "changed %s %s\n%s", kind, id, report->str);
  return changed;
}

static gint
compare_ids (gconstpointer a,
             gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

/* Returns the number of differences found for @kind. */
static guint
diff_kind (Report            *report,
           TerrindRegistry   *registry_a,
           TerrindRegistry   *registry_b,
           const TerrindKind *kind)
{
  const char *name = terrind_kind_get_name (kind);
  guint key_index = key_column (kind);
  g_autoptr(TerrindCliTable) a = records_of (registry_a, kind);
  g_autoptr(TerrindCliTable) b = records_of (registry_b, kind);
  g_autoptr(GHashTable) rows_a = NULL;
  g_autoptr(GHashTable) rows_b = NULL;
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer key;
  guint differences = 0;

  rows_a = index_rows (a, key_index);
  rows_b = index_rows (b, key_index);

  /* Every id of either side, in byte order. */
  g_hash_table_iter_init (&iter, rows_a);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (ids, key);
  g_hash_table_iter_init (&iter, rows_b);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (rows_a, key))
      g_ptr_array_add (ids, key);
  g_ptr_array_sort (ids, compare_ids);

  for (guint i = 0; i < ids->len; i++)
    {
      const char *id = g_ptr_array_index (ids, i);
      guint row_a = GPOINTER_TO_UINT (g_hash_table_lookup (rows_a, id));
      guint row_b = GPOINTER_TO_UINT (g_hash_table_lookup (rows_b, id));

      if (row_a == 0 || row_b == 0)
        {
          const char *change = row_b == 0 ? "removed" : "added";

          differences++;
          if (report->rows != NULL)
            add_row (report, name, id, change, NULL, NULL, NULL, NULL, NULL);
          else if (!report->quiet)
            terrind_cli_print (report->cli, "%s %s %s\n", change, name, id);
        }
      else if (diff_entity (report, name, id, key_index, a, row_a - 1, b, row_b - 1))
        differences++;
    }
  return differences;
}

int
terrind_cli_diff (TerrindCli *cli,
                  int         argc,
                  char      **argv)
{
  gboolean quiet = FALSE;
  gboolean excel = FALSE;
  g_autofree char *format_name = NULL;
  GOptionEntry entries[] = {
    { "quiet", 'q', 0, G_OPTION_ARG_NONE, &quiet,
      "Print nothing; only the exit status tells", NULL },
    TERRIND_CLI_FORMAT_OPTION (&format_name,
                               "Output format: text (default), csv or json: one row per difference"),
    TERRIND_CLI_EXCEL_OPTION (&excel),
    { NULL, 0, 0, 0, NULL, NULL, NULL }
  };
  g_autoptr(TerrindCliTable) rows = NULL;
  TerrindCliOutput output;
  Report report = { cli, FALSE, NULL };
  g_auto(GStrv) args = NULL;
  g_autoptr(TerrindRegistry) a = NULL;
  g_autoptr(TerrindRegistry) b = NULL;
  const TerrindKind * const *kinds;
  guint n_kinds;
  guint differences = 0;
  int status;

  status = terrind_cli_parse_options (cli, "diff", "A B",
                                      "Compare the registries in files A and B (- for standard\n"
                                      "input): each entity added, removed or changed, by kind and\n"
                                      "id, and for a changed one the fields that differ.\n"
                                      "\n"
                                      "csv (RFC 4180, or --excel) and json write one row per\n"
                                      "difference: kind, id, change (added, removed, changed);\n"
                                      "for a changed entity one row per field, with its value\n"
                                      "before and after, or for a list the items added and removed.\n"
                                      "\n"
                                      "Exit status: 0 no difference, 1 the registries differ,\n"
                                      "2 a file cannot be read or is invalid.",
                                      entries, argc, argv, &args);
  if (status >= 0)
    return status;
  if (g_strv_length (args) != 3)
    return terrind_cli_usage_error (cli, "diff", "give two files to compare");
  if (g_str_equal (args[1], "-") && g_str_equal (args[2], "-"))
    return terrind_cli_usage_error (cli, "diff", "standard input can only be read once");
  status = terrind_cli_output_choose (cli, "diff", format_name, excel,
                                      TERRIND_CLI_FORMATS_REPORT, &output);
  if (status >= 0)
    return status;
  report.quiet = quiet;
  if (output.format != TERRIND_CLI_FORMAT_TEXT && !quiet)
    report.rows = rows = terrind_cli_table_new (row_columns, G_N_ELEMENTS (row_columns));

  /* Status 1 means "different": a file that cannot be loaded is trouble,
   * whatever the reason. */
  a = terrind_cli_open (cli, args[1], &status);
  if (a == NULL)
    return TERRIND_CLI_EXIT_USAGE;
  b = terrind_cli_open (cli, args[2], &status);
  if (b == NULL)
    return TERRIND_CLI_EXIT_USAGE;

  kinds = terrind_model_get_kinds (&n_kinds);
  for (guint k = 0; k < n_kinds; k++)
    differences += diff_kind (&report, a, b, kinds[k]);
  if (rows != NULL)
    terrind_cli_output_table (cli, &output, rows);

  return differences > 0 ? TERRIND_CLI_EXIT_FAILED : TERRIND_CLI_EXIT_OK;
}
