/* terrind-cli-diff.c: terrind diff A B
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * What two agencies exchanging files need to know: which entities were
 * added, removed or changed, by kind and id, and for a changed entity which
 * fields differ. Like diff(1): exit 0 when identical, 1 when different.
 */

#include "config.h"

#include <string.h>

#include "terrind-cli.h"
#include "terrind-cli-records.h"

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

/* Appends the items of @list that @other lacks, as "WORD a, b". A set of
 * @other, not a scan per item: a territory may have a million members. */
static gboolean
append_missing (GString         *line,
                const char      *word,
                const GPtrArray *list,
                const GPtrArray *other,
                gboolean         need_separator)
{
  g_autoptr(GHashTable) others = g_hash_table_new (g_str_hash, g_str_equal);
  gboolean any = FALSE;

  for (guint i = 0; i < other->len; i++)
    g_hash_table_add (others, g_ptr_array_index (other, i));
  for (guint i = 0; i < list->len; i++)
    {
      const char *item = g_ptr_array_index (list, i);

      if (g_hash_table_contains (others, item))
        continue;
      if (!any)
        g_string_append_printf (line, "%s%s ", need_separator ? "; " : "", word);
      else
        g_string_append (line, ", ");
      g_string_append (line, item);
      any = TRUE;
    }
  return any;
}

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
    terrind_cli_append_json_string (line, text);
  else
    g_string_append (line, text);
}

/* Compares one entity present on both sides, field by field, in the
 * order of the description; prints the fields that changed. Both tables
 * have the columns of the same kind. */
static gboolean
diff_entity (TerrindCli            *cli,
             const char            *kind,
             const char            *id,
             guint                  key,
             const TerrindCliTable *a,
             guint                  row_a,
             const TerrindCliTable *b,
             guint                  row_b,
             gboolean               quiet)
{
  g_autoptr(GString) report = g_string_new (NULL);

  for (guint c = 0; c < terrind_cli_table_get_n_columns (a); c++)
    {
      g_autofree char *text_a = terrind_cli_table_dup_text (a, row_a, c);
      g_autofree char *text_b = terrind_cli_table_dup_text (b, row_b, c);
      GPtrArray *list_a = terrind_cli_table_get_list (a, row_a, c);
      GPtrArray *list_b = terrind_cli_table_get_list (b, row_b, c);

      if (c == key)
        continue;
      if (terrind_cli_table_get_type (a, row_a, c) == terrind_cli_table_get_type (b, row_b, c)
          && g_strcmp0 (text_a, text_b) == 0)
        continue;

      g_string_append_printf (report, "  %s: ", terrind_cli_table_get_column (a, c));
      if (list_a != NULL && list_b != NULL)
        {
          gboolean any = append_missing (report, "added", list_b, list_a, FALSE);

          any = append_missing (report, "removed", list_a, list_b, any) || any;
          if (!any)
            g_string_append (report, "order changed");
        }
      else
        {
          append_value (report, a, row_a, c);
          g_string_append (report, " -> ");
          append_value (report, b, row_b, c);
        }
      g_string_append_c (report, '\n');
    }

  if (report->len == 0)
    return FALSE;
  if (!quiet)
    terrind_cli_print (cli, "changed %s %s\n%s", kind, id, report->str);
  return TRUE;
}

static gint
compare_ids (gconstpointer a,
             gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

/* Returns the number of differences found for @kind. */
static guint
diff_kind (TerrindCli        *cli,
           TerrindRegistry   *registry_a,
           TerrindRegistry   *registry_b,
           const TerrindKind *kind,
           gboolean           quiet)
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

      if (row_b == 0)
        {
          differences++;
          if (!quiet)
            terrind_cli_print (cli, "removed %s %s\n", name, id);
        }
      else if (row_a == 0)
        {
          differences++;
          if (!quiet)
            terrind_cli_print (cli, "added %s %s\n", name, id);
        }
      else if (diff_entity (cli, name, id, key_index, a, row_a - 1, b, row_b - 1, quiet))
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
  GOptionEntry entries[] = {
    { "quiet", 'q', 0, G_OPTION_ARG_NONE, &quiet,
      "Print nothing; only the exit status tells", NULL },
    { NULL, 0, 0, 0, NULL, NULL, NULL }
  };
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
                                      "Exit status: 0 no difference, 1 the registries differ,\n"
                                      "2 a file cannot be read or is invalid.",
                                      entries, argc, argv, &args);
  if (status >= 0)
    return status;
  if (g_strv_length (args) != 3)
    return terrind_cli_usage_error (cli, "diff", "give two files to compare");
  if (g_str_equal (args[1], "-") && g_str_equal (args[2], "-"))
    return terrind_cli_usage_error (cli, "diff", "standard input can only be read once");

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
    differences += diff_kind (cli, a, b, kinds[k], quiet);

  return differences > 0 ? TERRIND_CLI_EXIT_FAILED : TERRIND_CLI_EXIT_OK;
}
