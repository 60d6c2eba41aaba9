/* terrind-csv-import.c: CSV records → changeset edits
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * One file holds entities of one kind, a row each; its header names the
 * kind's fields as the model names them (terrind-model.h), so nothing here
 * knows any kind: adding a field to the model adds a column. Every row goes
 * into the registry at once through one changeset, checked there by the
 * registry itself against what it holds and what the earlier rows added.
 * Unlike the XML importer, a bad row does not end the import: the
 * changeset is told to keep going (terrind-changeset-private.h), the row
 * undoes itself, and the next rows are still checked, so that one run
 * reports every bad row (up to the max-errors option). Any problem rolls
 * the whole changeset back at the end: all or nothing.
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "terrind-changeset-private.h"
#include "terrind-csv-private.h"
#include "terrind-error-private.h"
#include "terrind-import-options-private.h"
#include "terrind-interner-private.h"
#include "terrind-model-private.h"
#include "terrind-problems-private.h"
#include "terrind-quote-private.h"
#include "terrind-referent.h"

#define CHUNK_SIZE (64 * 1024)

typedef struct {
  TerrindRegistry    *registry;
  const char         *file;
  const TerrindKind  *kind;        /* the caller's, or inferred from the header */
  TerrindCsvFlags     flags;
  TerrindChangeset   *changeset;
  TerrindProblems     problems;
  TerrindInterner     interner;
  guint               n_columns;
  const TerrindField **columns;    /* the field of each column */
  guint               field_column[TERRIND_MODEL_MAX_FIELDS * 2]; /* 1-based; 0: absent */
  guint64             n_rows;
} CsvImport;

/* Edit distance, for "did you mean": names are a few letters long. */
static guint
distance (const char *a,
          const char *b)
{
  gsize la = strlen (a), lb = strlen (b);
  g_autofree guint *row = NULL;

  if (la > 64 || lb > 64)
    return G_MAXUINT;
  row = g_new (guint, lb + 1);
  for (gsize j = 0; j <= lb; j++)
    row[j] = (guint) j;
  for (gsize i = 1; i <= la; i++)
    {
      guint diagonal = row[0];

      row[0] = (guint) i;
      for (gsize j = 1; j <= lb; j++)
        {
          guint above = row[j];
          guint cost = g_ascii_tolower (a[i - 1]) == g_ascii_tolower (b[j - 1]) ? 0 : 1;

          row[j] = MIN (MIN (row[j] + 1, row[j - 1] + 1), diagonal + cost);
          diagonal = above;
        }
    }
  return row[lb];
}

/* The field of @kind nearest to @name, if it is near enough to be a typo. */
static const TerrindField *
nearest_field (const TerrindKind *kind,
               const char        *name)
{
  const TerrindField *best = NULL;
  guint best_distance = 3;

  for (guint i = 0; i < kind->n_fields; i++)
    {
      guint d = distance (name, kind->fields[i].name);

      if (d < best_distance)
        {
          best = &kind->fields[i];
          best_distance = d;
        }
    }
  return best;
}

static gboolean
field_is_needed (const TerrindField *field)
{
  return (field->flags & (TERRIND_FIELD_REQUIRED | TERRIND_FIELD_PARENT)) != 0;
}

/* How well a header fits @kind: the number of its names that are fields
 * of the kind; *complete when they all are and the kind needs no other. */
static guint
header_fit (const TerrindKind      *kind,
            const TerrindCsvRecord *header,
            gboolean               *complete)
{
  guint n_known = 0, n_needed_present = 0, n_needed = 0;

  for (guint i = 0; i < header->n_cells; i++)
    {
      const TerrindField *field = terrind_kind_lookup_field (kind, header->cells[i]);

      if (field != NULL)
        {
          n_known++;
          n_needed_present += field_is_needed (field);
        }
    }
  for (guint i = 0; i < kind->n_fields; i++)
    n_needed += field_is_needed (&kind->fields[i]);
  *complete = n_known == header->n_cells && n_needed_present == n_needed;
  return n_known;
}

/* The kind a header describes: the only one it fits completely, or else
 * the one it fits best; a tie is for the caller to settle. */
static const TerrindKind *
infer_kind (CsvImport              *import,
            const TerrindCsvRecord *header,
            GError                **error)
{
  guint n_kinds;
  const TerrindKind * const *kinds = terrind_model_get_kinds (&n_kinds);
  const TerrindKind *best = NULL;
  g_autoptr(GString) tied = g_string_new (NULL);
  guint best_fit = 0, n_best = 0;
  gboolean best_complete = FALSE;

  for (guint i = 0; i < n_kinds; i++)
    {
      gboolean complete;
      guint fit = header_fit (kinds[i], header, &complete);

      if (fit == 0)
        continue;
      if (best == NULL || (complete && !best_complete) ||
          (complete == best_complete && fit > best_fit))
        {
          best = kinds[i];
          best_fit = fit;
          best_complete = complete;
          n_best = 1;
          g_string_assign (tied, kinds[i]->plural);
        }
      else if (complete == best_complete && fit == best_fit)
        {
          n_best++;
          g_string_append_printf (tied, ", %s", kinds[i]->plural);
        }
    }
  if (best == NULL)
    {
      terrind_set_error_at (error, TERRIND_ERROR_SCHEMA, import->file, header->line, 0,
                            "the header names no field of any kind: a CSV file's first line "
                            "names its columns, such as “id”, “operator”, “territory”, "
                            "“person” for referents");
      return NULL;
    }
  if (n_best > 1)
    {
      terrind_set_error_at (error, TERRIND_ERROR_SCHEMA, import->file, header->line, 0,
                            "the header fits %s alike: say which kind the file holds "
                            "(--kind)", tied->str);
      return NULL;
    }
  return best;
}

static void
append_field_names (GString           *out,
                    const TerrindKind *kind)
{
  for (guint i = 0; i < kind->n_fields; i++)
    g_string_append_printf (out, "%s%s", i > 0 ? ", " : "", kind->fields[i].name);
}

/* Maps each column to its field; refuses unknown, repeated and missing
 * columns, all of them in one error. */
static gboolean
read_header (CsvImport              *import,
             const TerrindCsvRecord *header,
             GError                **error)
{
  const TerrindKind *kind = import->kind;
  g_autoptr(GString) problems = g_string_new (NULL);

  if (kind == NULL && (kind = import->kind = infer_kind (import, header, error)) == NULL)
    return FALSE;
  g_assert (kind->n_fields <= G_N_ELEMENTS (import->field_column));

  import->n_columns = header->n_cells;
  import->columns = g_new0 (const TerrindField *, header->n_cells);
  for (guint i = 0; i < header->n_cells; i++)
    {
      const char *name = header->cells[i];
      const TerrindField *field = terrind_kind_lookup_field (kind, name);
      g_autofree char *quoted = terrind_quote (name);

      if (problems->len > 0 && field == NULL)
        g_string_append (problems, "; ");
      if (field == NULL)
        {
          const TerrindField *near = nearest_field (kind, name);

          g_string_append_printf (problems, "unknown column %s (column %u)", quoted, i + 1);
          if (near != NULL)
            g_string_append_printf (problems, ": did you mean “%s”?", near->name);
          continue;
        }
      if (import->field_column[terrind_field_index (field)] != 0)
        {
          if (problems->len > 0)
            g_string_append (problems, "; ");
          g_string_append_printf (problems, "column %s is given twice (columns %u and %u)",
                                  quoted, import->field_column[terrind_field_index (field)],
                                  i + 1);
          continue;
        }
      import->columns[i] = field;
      import->field_column[terrind_field_index (field)] = i + 1;
    }
  for (guint i = 0; i < kind->n_fields; i++)
    if (field_is_needed (&kind->fields[i]) && import->field_column[i] == 0)
      {
        if (problems->len > 0)
          g_string_append (problems, "; ");
        g_string_append_printf (problems, "no column “%s”, which a %s needs",
                                kind->fields[i].name, kind->name);
      }
  if (problems->len == 0)
    return TRUE;
  g_string_append_printf (problems, " (the columns of a %s: ", kind->name);
  append_field_names (problems, kind);
  g_string_append_c (problems, ')');
  terrind_set_error_at (error, TERRIND_ERROR_SCHEMA, import->file, header->line, 0, "%s",
                        problems->str);
  return FALSE;
}

/* Records a problem of the row at @line; returns whether to go on. */
static gboolean
row_problem (CsvImport  *import,
             int         line,
             guint       column,
             GError     *cause)
{
  GError *problem = NULL;
  TerrindError code = cause->domain == TERRIND_ERROR ? (TerrindError) cause->code
                                                     : TERRIND_ERROR_FAILED;

  if (column > 0)
    terrind_set_error_at (&problem, code, import->file, line, (int) column, "column “%s”: %s",
                          import->columns[column - 1]->name, cause->message);
  else
    terrind_set_error_at (&problem, code, import->file, line, 0, "%s", cause->message);
  g_error_free (cause);
  return terrind_problems_take (&import->problems, problem);
}

/* The column a model error names ("field “email”: …"), with the rest of
 * its message moved to the start of @error's. */
static guint
column_of_error (CsvImport *import,
                 GError    *error)
{
  static const char prefix[] = "field “";
  const char *name, *end;

  if (!g_str_has_prefix (error->message, prefix))
    return 0;
  name = error->message + strlen (prefix);
  end = strstr (name, "”: ");
  if (end == NULL)
    return 0;
  for (guint i = 0; i < import->kind->n_fields; i++)
    {
      const TerrindField *field = &import->kind->fields[i];

      if (strlen (field->name) == (gsize) (end - name) &&
          strncmp (field->name, name, (gsize) (end - name)) == 0 &&
          import->field_column[i] != 0)
        {
          char *rest = g_strdup (end + strlen ("”: "));

          g_free (error->message);
          error->message = rest;
          return import->field_column[i];
        }
    }
  return 0;
}

/* Whether the reference in column @column resolves: the registry checks
 * it too, but this names the column. */
static gboolean
check_reference (CsvImport          *import,
                 const TerrindField *field,
                 const char         *value,
                 GError            **error)
{
  g_autofree char *quoted = NULL;

  if (terrind_registry_lookup (import->registry, field->target, value) != NULL)
    return TRUE;
  quoted = terrind_quote (value);
  g_set_error (error, TERRIND_ERROR, TERRIND_ERROR_UNKNOWN_REFERENCE,
               "there is no %s %s in the registry", field->target->name, quoted);
  return FALSE;
}

static char *
parent_of (const TerrindKind *kind,
           gconstpointer      entity)
{
  for (guint i = 0; i < kind->n_fields; i++)
    if (kind->fields[i].flags & TERRIND_FIELD_PARENT)
      return terrind_field_get_value (&kind->fields[i], entity);
  return NULL;
}

/* A copy of @entity, made through its kind's fields as a row would make
 * it, outside any registry and parent. */
static gpointer
copy_entity (const TerrindKind  *kind,
             gconstpointer       entity,
             TerrindInterner    *interner,
             GError            **error)
{
  const char *values[TERRIND_MODEL_MAX_FIELDS * 2] = { NULL };
  char *owned[TERRIND_MODEL_MAX_FIELDS * 2] = { NULL };
  gpointer copy;

  for (guint i = 0; i < kind->n_fields; i++)
    {
      const TerrindField *field = &kind->fields[i];

      if (field->type != TERRIND_VALUE_LIST && !(field->flags & TERRIND_FIELD_PARENT))
        values[i] = owned[i] = terrind_field_get_value (field, entity);
    }
  copy = kind->new_entity (values, interner, error);
  for (guint i = 0; copy != NULL && i < kind->n_fields; i++)
    {
      const TerrindField *field = &kind->fields[i];

      if (field->type != TERRIND_VALUE_LIST)
        continue;
      for (guint j = 0; j < field->n_items (entity); j++)
        {
          const char *item[8] = { NULL };
          char *to_free[8] = { NULL };

          g_assert (field->n_item_fields <= G_N_ELEMENTS (item));
          for (guint k = 0; k < field->n_item_fields; k++)
            item[k] = field->get_item (entity, j, k, &to_free[k]);
          if (!field->add_item (copy, item, error))
            g_clear_pointer (&copy, kind->unref);
          for (guint k = 0; k < field->n_item_fields; k++)
            g_free (to_free[k]);
          if (copy == NULL)
            break;
        }
    }
  for (guint i = 0; i < kind->n_fields; i++)
    g_free (owned[i]);
  return copy;
}

/* A row says nothing of the children of a parent (a convention's
 * commitments, which have files of their own): the entity that replaces
 * @existing keeps them, so that a row changes only what it says. */
static gboolean
adopt_children (CsvImport     *import,
                gconstpointer  existing,
                gpointer       entity,
                GError       **error)
{
  const TerrindKind *child_kind = import->kind->child;

  if (child_kind == NULL)
    return TRUE;
  for (guint i = 0; i < child_kind->n_in_parent (existing); i++)
    {
      gpointer child = copy_entity (child_kind, child_kind->get_in_parent (existing, i),
                                    &import->interner, error);
      gboolean ok = child != NULL && child_kind->add_to_parent (entity, child, error);

      if (child != NULL)
        child_kind->unref (child);
      if (!ok)
        return FALSE;
    }
  return TRUE;
}

/* Puts @entity in the registry: added, or with REPLACE in the place of the
 * entity with its id. */
static gboolean
apply_row (CsvImport   *import,
           gpointer     entity,
           const char  *parent_id,
           GError     **error)
{
  const TerrindKind *kind = import->kind;
  const char *id = kind->get_id (entity);
  gpointer existing = NULL;
  guint savepoint;

  if (import->flags & TERRIND_CSV_REPLACE)
    existing = terrind_registry_lookup (import->registry, kind, id);
  if (existing == NULL)
    return terrind_changeset_add (import->changeset, kind, entity, parent_id, error);
  if (!adopt_children (import, existing, entity, error))
    return FALSE;

  if (kind->parent != NULL)
    {
      g_autofree char *old_parent = parent_of (kind, existing);

      if (g_strcmp0 (old_parent, parent_id) == 0 && kind->equal (existing, entity))
        return TRUE;
    }
  else if (kind->equal (existing, entity))
    return TRUE;  /* nothing to change */

  /* The registry's own replacement, for the referent of an operator in a
   * territory: one edit. */
  if (kind == &terrind_kind_referent &&
      g_str_equal (terrind_referent_get_operator_id (existing),
                   terrind_referent_get_operator_id (entity)) &&
      g_str_equal (terrind_referent_get_territory_id (existing),
                   terrind_referent_get_territory_id (entity)))
    return terrind_changeset_replace (import->changeset, kind, entity, error);

  /* Otherwise out with the old, in with the new, as one row: refused
   * (IN_USE) when other entities refer to the old one. */
  savepoint = terrind_changeset_get_savepoint (import->changeset);
  if (terrind_changeset_remove (import->changeset, kind, id, TERRIND_REMOVE_NONE, error) &&
      terrind_changeset_add (import->changeset, kind, entity, parent_id, error))
    return TRUE;
  terrind_changeset_rollback_to (import->changeset, savepoint);
  return FALSE;
}

/* One row: its entity is built, checked, and applied; a problem is
 * collected and the row skipped. Returns whether to go on. */
static gboolean
read_row (CsvImport              *import,
          const TerrindCsvRecord *row)
{
  const TerrindKind *kind = import->kind;
  const char *values[TERRIND_MODEL_MAX_FIELDS * 2] = { NULL };
  const char *parent_id = NULL;
  GError *local_error = NULL;
  gpointer entity = NULL;
  guint column = 0;
  gboolean ok;

  if (row->n_cells != import->n_columns)
    {
      g_set_error (&local_error, TERRIND_ERROR, TERRIND_ERROR_PARSE,
                   "this row has %u cells, the header %u", row->n_cells, import->n_columns);
      return row_problem (import, row->line, 0, local_error);
    }
  for (guint i = 0; i < row->n_cells; i++)
    {
      const TerrindField *field = import->columns[i];
      const char *value = row->cells[i];

      if (*value == '\0')
        {
          if (field_is_needed (field))
            {
              g_set_error (&local_error, TERRIND_ERROR, TERRIND_ERROR_INVALID_VALUE,
                           "empty, but a %s needs it", kind->name);
              return row_problem (import, row->line, i + 1, local_error);
            }
          continue;
        }
      if (field->flags & TERRIND_FIELD_PARENT)
        parent_id = value;
      else if (field->type != TERRIND_VALUE_LIST)
        values[terrind_field_index (field)] = value;
    }

  entity = kind->new_entity (values, &import->interner, &local_error);
  if (entity == NULL)
    {
      column = column_of_error (import, local_error);
      return row_problem (import, row->line, column, local_error);
    }
  ok = TRUE;
  for (guint i = 0; ok && i < row->n_cells; i++)
    {
      const TerrindField *field = import->columns[i];

      column = i + 1;
      if (field->type == TERRIND_VALUE_LIST)
        ok = terrind_csv_cell_add_items (field, entity, row->cells[i], &local_error);
      else if (field->type == TERRIND_VALUE_REFERENCE && *row->cells[i] != '\0')
        ok = check_reference (import, field, row->cells[i], &local_error);
    }
  if (ok)
    {
      column = 0;
      terrind_changeset_set_location (import->changeset, import->file, row->line, 0);
      ok = apply_row (import, entity, parent_id, &local_error);
      if (ok)
        import->n_rows++;
      else
        {
          /* Already located by the changeset: keep its message. */
          gboolean more = terrind_problems_take (&import->problems, local_error);

          kind->unref (entity);
          return more;
        }
    }
  kind->unref (entity);
  return ok || row_problem (import, row->line, column, local_error);
}

static gboolean
on_record (gpointer                 data,
           const TerrindCsvRecord  *record,
           GError                 **error)
{
  CsvImport *import = data;

  if (record->is_header)
    return read_header (import, record, error);
  return read_row (import, record);
}

/* What an import reads from: a buffer, a file descriptor or a stream. */
typedef struct {
  const char   *data;
  gsize         length;
  int           fd;        /* -1 unless reading a file */
  GInputStream *stream;
  GCancellable *cancellable;
} CsvSource;

static gssize
source_read (CsvSource   *source,
             char        *buffer,
             const char  *name,
             GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  gssize n;

  if (source->fd >= 0)
    {
      do
        n = read (source->fd, buffer, CHUNK_SIZE);
      while (n < 0 && errno == EINTR);
      if (n < 0)
        {
          int saved_errno = errno;

          terrind_set_error_at (error, TERRIND_ERROR_IO, name, 0, 0, "could not read: %s",
                                g_strerror (saved_errno));
        }
      return n;
    }
  n = g_input_stream_read (source->stream, buffer, CHUNK_SIZE, source->cancellable,
                           &local_error);
  if (n < 0)
    terrind_set_error_at (error, TERRIND_ERROR_IO, name, 0, 0, "could not read: %s",
                          local_error->message);
  return n;
}

static char
separator_of (TerrindCsvFlags flags)
{
  if (flags & TERRIND_CSV_COMMA)
    return ',';
  if (flags & TERRIND_CSV_SEMICOLON)
    return ';';
  return 0;
}

static gboolean
import_csv (TerrindRegistry            *registry,
            CsvSource                  *source,
            const char                 *name,
            const TerrindKind          *kind,
            TerrindCsvFlags             flags,
            const TerrindImportOptions *options,
            guint64                    *n_rows,
            GError                    **error)
{
  CsvImport import = { 0 };
  g_autoptr(TerrindCsvReader) reader = NULL;
  g_autoptr(GError) busy = NULL;
  g_autoptr(GError) fatal = NULL;
  g_autofree char *buffer = NULL;
  gboolean ok = TRUE;

  options = terrind_import_options_or_defaults (options);
  import.registry = registry;
  import.file = name;
  import.kind = kind;
  import.flags = flags;
  import.changeset = terrind_changeset_new (registry, &busy);
  if (import.changeset == NULL)
    {
      terrind_set_error_at (error, (TerrindError) busy->code, name, 0, 0, "%s", busy->message);
      return FALSE;
    }
  terrind_changeset_set_keep_going (import.changeset, TRUE);
  terrind_changeset_keep_undo_log (import.changeset);
  terrind_problems_init (&import.problems, options->max_errors);
  reader = terrind_csv_reader_new (name, separator_of (flags), options, on_record, &import);

  if (source->fd < 0 && source->stream == NULL)
    ok = terrind_csv_reader_feed (reader, source->data, source->length, &fatal);
  else
    {
      buffer = g_malloc (CHUNK_SIZE);
      for (;;)
        {
          gssize n = source_read (source, buffer, name, &fatal);

          if (n < 0)
            {
              ok = FALSE;
              break;
            }
          if (n == 0)
            break;
          if (!(ok = terrind_csv_reader_feed (reader, buffer, (gsize) n, &fatal)))
            break;
        }
    }
  if (ok)
    ok = terrind_csv_reader_finish (reader, &fatal);
  /* An error that ends the read is the last problem. */
  if (fatal != NULL)
    terrind_problems_take (&import.problems, g_steal_pointer (&fatal));

  ok = terrind_problems_propagate (&import.problems, error);
  if (ok)
    ok = terrind_changeset_commit (import.changeset, error);
  else
    terrind_changeset_rollback (import.changeset);
  if (ok && n_rows != NULL)
    *n_rows = import.n_rows;

  terrind_changeset_unref (import.changeset);
  terrind_problems_clear (&import.problems);
  terrind_interner_clear (&import.interner);
  g_free (import.columns);
  return ok;
}

static gboolean
check_flags (TerrindCsvFlags flags)
{
  return (flags & (TERRIND_CSV_COMMA | TERRIND_CSV_SEMICOLON)) !=
         (TERRIND_CSV_COMMA | TERRIND_CSV_SEMICOLON);
}

/**
 * terrind_registry_import_csv_data:
 * @registry: the #TerrindRegistry to add to
 * @data: (array length=length) (element-type guint8): CSV text
 * @length: the length of @data in bytes
 * @kind: (nullable): the kind of entity the rows are, or %NULL to infer it
 *   from the header
 * @flags: %TERRIND_CSV_REPLACE to replace the entities whose ids the
 *   registry holds; %TERRIND_CSV_COMMA or %TERRIND_CSV_SEMICOLON to choose
 *   the separator instead of detecting it
 * @options: (nullable): limits for the import (max-bytes, max-value-length
 *   per cell, max-elements as the most rows, max-errors), or %NULL for the
 *   defaults
 * @n_rows: (out) (optional): where to store the number of rows imported
 * @error: return location for a #GError
 *
 * Adds to @registry an entity of @kind for each row of a CSV file, as
 * docs/format.md describes: a header line naming the columns by the
 * kind's field names (terrind_kind_get_field()), in any order, and a row
 * per entity; an empty cell leaves a field unset; a list field's items
 * are in one cell, separated by "|". Without @kind, the header says which
 * kind the file holds: the one whose fields it names.
 *
 * It reads what spreadsheets write: UTF-8 with or without a byte-order
 * mark, "," or ";" between cells (the one of the two outside quotes on
 * the header line), CRLF or LF line ends, cells in double quotes with ""
 * for a quote and line breaks inside. Blank lines are skipped. Other
 * encodings are refused.
 *
 * The import is all or nothing: each row is checked, as it is read,
 * against what @registry holds and what the earlier rows added, through
 * one #TerrindChangeset. A bad row does not stop it: the later rows are
 * checked too, and the error, if any, reports every bad row (up to the
 * max-errors option: terrind_error_get_n_problems(),
 * terrind_error_get_problem()), each as "FILE:LINE:COLUMN: column “NAME”:
 * …" at the row's first line. The registry is then left unchanged.
 *
 * With %TERRIND_CSV_REPLACE, a row whose id the registry holds takes the
 * place of that entity (a referent of the same operator and territory is
 * replaced as terrind_registry_replace_referent() does; another entity is
 * removed and the new one added, which fails with %TERRIND_ERROR_IN_USE
 * while others refer to it; a convention keeps its commitments, which a
 * row cannot list); a row equal to the entity changes nothing.
 *
 * Returns: %TRUE on success; %FALSE with @error set and @registry
 *   unchanged: %TERRIND_ERROR_PARSE (encoding, quoting, a row with too
 *   many or too few cells), %TERRIND_ERROR_SCHEMA (a header that names
 *   unknown columns or lacks needed ones, or fits no kind or several),
 *   %TERRIND_ERROR_LIMIT_EXCEEDED, %TERRIND_ERROR_IN_USE (the registry has
 *   a changeset open), or the model's own errors; the code is the first
 *   problem's.
 *
 * Since: 1.1
 */
gboolean
terrind_registry_import_csv_data (TerrindRegistry            *registry,
                                  const char                 *data,
                                  gsize                       length,
                                  const TerrindKind          *kind,
                                  TerrindCsvFlags             flags,
                                  const TerrindImportOptions *options,
                                  guint64                    *n_rows,
                                  GError                    **error)
{
  CsvSource source = { .data = data, .length = length, .fd = -1 };

  g_return_val_if_fail (registry != NULL, FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (check_flags (flags), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return import_csv (registry, &source, "<data>", kind, flags, options, n_rows, error);
}

/**
 * terrind_registry_import_csv_stream:
 * @registry: the #TerrindRegistry to add to
 * @stream: a #GInputStream to read the CSV text from
 * @name: (nullable): what to call the stream in error messages, such as
 *   its file name or URI
 * @kind: (nullable): the kind of entity the rows are, or %NULL to infer it
 * @flags: as for terrind_registry_import_csv_data()
 * @options: (nullable): limits for the import, or %NULL for the defaults
 * @n_rows: (out) (optional): where to store the number of rows imported
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Like terrind_registry_import_csv_data(), reading @stream in chunks
 * until its end; the stream is not closed. A read error or a
 * cancellation fails with %TERRIND_ERROR_IO.
 *
 * Returns: %TRUE on success; %FALSE with @error set and @registry
 *   unchanged.
 *
 * Since: 1.1
 */
gboolean
terrind_registry_import_csv_stream (TerrindRegistry            *registry,
                                    GInputStream               *stream,
                                    const char                 *name,
                                    const TerrindKind          *kind,
                                    TerrindCsvFlags             flags,
                                    const TerrindImportOptions *options,
                                    guint64                    *n_rows,
                                    GCancellable               *cancellable,
                                    GError                    **error)
{
  CsvSource source = { .stream = stream, .cancellable = cancellable, .fd = -1 };

  g_return_val_if_fail (registry != NULL, FALSE);
  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (check_flags (flags), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return import_csv (registry, &source, name != NULL ? name : "<stream>", kind, flags, options,
                     n_rows, error);
}

/**
 * terrind_registry_import_csv_file:
 * @registry: the #TerrindRegistry to add to
 * @path: (type filename): the file to read
 * @kind: (nullable): the kind of entity the rows are, or %NULL to infer it
 * @flags: as for terrind_registry_import_csv_data()
 * @options: (nullable): limits for the import, or %NULL for the defaults
 * @n_rows: (out) (optional): where to store the number of rows imported
 * @error: return location for a #GError
 *
 * Like terrind_registry_import_csv_data(), reading the CSV text from
 * @path; errors name @path.
 *
 * Returns: %TRUE on success; %FALSE with @error set (%TERRIND_ERROR_IO
 *   when the file cannot be read) and @registry unchanged.
 *
 * Since: 1.1
 */
gboolean
terrind_registry_import_csv_file (TerrindRegistry            *registry,
                                  const char                 *path,
                                  const TerrindKind          *kind,
                                  TerrindCsvFlags             flags,
                                  const TerrindImportOptions *options,
                                  guint64                    *n_rows,
                                  GError                    **error)
{
  CsvSource source = { .fd = -1 };
  gboolean ok;

  g_return_val_if_fail (registry != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (check_flags (flags), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  source.fd = g_open (path, O_RDONLY | O_CLOEXEC | O_NOCTTY, 0);
  if (source.fd < 0)
    {
      int saved_errno = errno;

      terrind_set_error_at (error, TERRIND_ERROR_IO, path, 0, 0, "could not open: %s",
                            g_strerror (saved_errno));
      return FALSE;
    }
  ok = import_csv (registry, &source, path, kind, flags, options, n_rows, error);
  g_close (source.fd, NULL);
  return ok;
}
