/* terrind-xml-export.c: writing a registry as canonical XML
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <string.h>

#include "terrind-resources.h"
#include "terrind-save-private.h"
#include "terrind-xml-private.h"
#include "terrind-model-private.h"
#include "terrind-registry-private.h"

/* The exporter writes the canonical form of docs/format.md with its own
 * buffered writer: xmlTextWriter costs more than twice as much for the
 * same bytes, and the canonical form is simple enough to write directly.
 *
 * A stream export fills one chunk, writes it out when full, and reuses it.
 * A memory export runs twice: first into one reused chunk that only counts
 * the bytes, then straight into a block of exactly that size. Writing is
 * cheap next to touching fresh memory (on the reference machine the first
 * write to a page costs ten times a second one), so one pass that fills a
 * growing buffer, or chunks joined at the end, was slower: each touched the
 * document's size in fresh pages two or three times over. */

#define CHUNK_SIZE (256 * 1024)

typedef enum {
  TERRIND_XML_WRITER_COUNT,    /* memory export, first pass: count bytes */
  TERRIND_XML_WRITER_FILL,     /* memory export, second pass */
  TERRIND_XML_WRITER_STREAM,   /* stream export */
} TerrindXmlWriterMode;

typedef struct {
  TerrindXmlWriterMode mode;
  char          *data;
  gsize          length;       /* bytes used in @data */
  gsize          capacity;     /* size of @data */
  gsize          total;        /* bytes counted before @data (COUNT mode) */
  GOutputStream *stream;
  GCancellable  *cancellable;
  GError        *error;        /* the first stream error */
} TerrindXmlWriter;

static void
writer_init (TerrindXmlWriter     *writer,
             TerrindXmlWriterMode  mode,
             gsize                 capacity)
{
  memset (writer, 0, sizeof *writer);
  writer->mode = mode;
  writer->capacity = capacity;
  writer->data = g_malloc (capacity);
}

/* Writes the current chunk to the stream; stops at the first error. */
static void
writer_flush (TerrindXmlWriter *writer)
{
  if (writer->error == NULL &&
      /* Not every stream checks the cancellable when it has nothing to
       * wait for: a cancelled export stops at the next chunk all the same. */
      !g_cancellable_set_error_if_cancelled (writer->cancellable, &writer->error) &&
      writer->length > 0)
    g_output_stream_write_all (writer->stream, writer->data, writer->length, NULL,
                               writer->cancellable, &writer->error);
  writer->length = 0;
}

/* @data is full: make room. */
static void
writer_next_chunk (TerrindXmlWriter *writer)
{
  switch (writer->mode)
    {
    case TERRIND_XML_WRITER_COUNT:
      writer->total += writer->length;
      writer->length = 0;
      break;
    case TERRIND_XML_WRITER_STREAM:
      writer_flush (writer);
      break;
    case TERRIND_XML_WRITER_FILL:
    default:
      /* The first pass sized the block exactly: both passes write the
       * same bytes from the same registry. */
      g_assert_not_reached ();
    }
}

static void
writer_append_slow (TerrindXmlWriter *writer,
                    const char       *bytes,
                    gsize             length)
{
  while (length > 0)
    {
      gsize n;

      if (writer->length == writer->capacity)
        writer_next_chunk (writer);
      n = MIN (length, writer->capacity - writer->length);
      memcpy (writer->data + writer->length, bytes, n);
      writer->length += n;
      bytes += n;
      length -= n;
    }
}

static inline void
writer_append (TerrindXmlWriter *writer,
               const char       *bytes,
               gsize             length)
{
  if (G_UNLIKELY (writer->length + length > writer->capacity))
    {
      writer_append_slow (writer, bytes, length);
      return;
    }
  memcpy (writer->data + writer->length, bytes, length);
  writer->length += length;
}

#define writer_append_literal(writer, literal) \
  writer_append ((writer), "" literal, sizeof (literal) - 1)

/* Which bytes need escaping where: in text "&", "<", ">" and a carriage
 * return (which a parser would turn into a newline); in attribute values
 * also '"' and the other whitespace characters that attribute-value
 * normalisation would turn into spaces. */
typedef enum {
  ESCAPE_IN_TEXT,
  ESCAPE_IN_ATTRIBUTE,
} EscapeContext;

static const char *
escape_sequence (guchar c)
{
  switch (c)
    {
    case '&':  return "&amp;";
    case '<':  return "&lt;";
    case '>':  return "&gt;";
    case '"':  return "&quot;";
    case '\t': return "&#9;";
    case '\n': return "&#10;";
    case '\r': return "&#13;";
    default:   g_assert_not_reached ();
    }
}

/* The bytes each context escapes, for strcspn(), which finds the end of a
 * run of plain bytes many at a time. */
static const char * const escaped_bytes[] = {
  [ESCAPE_IN_TEXT] = "&<>\r",
  [ESCAPE_IN_ATTRIBUTE] = "&<>\"\t\n\r",
};

static void
writer_append_escaped (TerrindXmlWriter *writer,
                       const char       *value,
                       EscapeContext     context)
{
  const char *reject = escaped_bytes[context];

  for (;;)
    {
      gsize run = strcspn (value, reject);

      writer_append (writer, value, run);
      value += run;
      if (*value == '\0')
        break;
      {
        const char *sequence = escape_sequence ((guchar) *value);

        writer_append (writer, sequence, strlen (sequence));
      }
      value++;
    }
}

static void
writer_append_uint (TerrindXmlWriter *writer,
                    guint64           value)
{
  char digits[24];
  gsize i = sizeof digits;

  do
    {
      digits[--i] = (char) ('0' + value % 10);
      value /= 10;
    }
  while (value != 0);
  writer_append (writer, digits + i, sizeof digits - i);
}

/* ` name="value"`, value escaped; nothing when @value is NULL. */
static void
write_attribute (TerrindXmlWriter *writer,
                 const char       *name,
                 const char       *value)
{
  if (value == NULL)
    return;
  writer_append (writer, " ", 1);
  writer_append (writer, name, strlen (name));
  writer_append (writer, "=\"", 2);
  writer_append_escaped (writer, value, ESCAPE_IN_ATTRIBUTE);
  writer_append (writer, "\"", 1);
}

/* The writer is driven by the model description: an entity is an element
 * named after its kind; its scalar fields are attributes, in the order of
 * the description, except a content field, which is a child element with
 * the value as text; each list field is a run of child elements, one per
 * item, whose item fields are attributes (or text); then the entities of
 * child kinds (a convention's commitments). An unset field, and a boolean
 * that is false, is not written. */

static const char indents[] = "                ";

static void
write_indent (TerrindXmlWriter *writer,
              guint             depth)
{
  writer_append (writer, indents, MIN (2 * depth, sizeof indents - 1));
}

/* `<name>text</name>` on one line. */
static void
write_text_element (TerrindXmlWriter *writer,
                    guint             depth,
                    const char       *name,
                    const char       *text)
{
  gsize name_length = strlen (name);

  write_indent (writer, depth);
  writer_append (writer, "<", 1);
  writer_append (writer, name, name_length);
  writer_append (writer, ">", 1);
  writer_append_escaped (writer, text, ESCAPE_IN_TEXT);
  writer_append (writer, "</", 2);
  writer_append (writer, name, name_length);
  writer_append (writer, ">\n", 2);
}

static gboolean
is_written_as_attribute (const TerrindField *field)
{
  return field->type != TERRIND_VALUE_LIST && !field->is_content &&
         !(field->flags & TERRIND_FIELD_PARENT);
}

/* An unset field, and a boolean that is false, is not written. */
static gboolean
is_written (const TerrindField *field,
            const char         *value)
{
  return value != NULL && !(field->type == TERRIND_VALUE_BOOLEAN && g_str_equal (value, "false"));
}

static void
write_field_attribute (TerrindXmlWriter   *writer,
                       const TerrindField *field,
                       const char         *value)
{
  if (is_written (field, value))
    write_attribute (writer, field->name, value);
}

/* One item of a list field: `<member siren="…"/>`, `<theme>…</theme>`. */
static void
write_item (TerrindXmlWriter   *writer,
            const TerrindField *field,
            gconstpointer       entity,
            guint               index,
            guint               depth)
{
  /* An item with a content field has nothing else (a theme). */
  if (field->n_item_fields == 1 && field->item_fields[0].is_content)
    {
      char *to_free = NULL;

      write_text_element (writer, depth, field->item_name,
                          field->get_item (entity, index, 0, &to_free));
      g_free (to_free);
      return;
    }
  write_indent (writer, depth);
  writer_append (writer, "<", 1);
  writer_append (writer, field->item_name, strlen (field->item_name));
  for (guint i = 0; i < field->n_item_fields; i++)
    {
      char *to_free = NULL;

      write_field_attribute (writer, &field->item_fields[i],
                             field->get_item (entity, index, i, &to_free));
      g_free (to_free);
    }
  writer_append_literal (writer, "/>\n");
}

/* What writing an entity of a kind needs, worked out once per section
 * instead of once per entity (a section may hold a million): the fields
 * written as attributes, each with its ` name="` ready, and whether an
 * entity of the kind can have anything inside it at all. */
typedef struct _KindPlan KindPlan;
struct _KindPlan {
  const TerrindKind  *kind;
  const KindPlan     *child;      /* the plan of kind->child, or NULL */
  gsize               name_length;
  gboolean            may_have_children;
  guint               n_attributes;
  const TerrindField *attributes[TERRIND_MODEL_MAX_FIELDS];
  char               *prefixes[TERRIND_MODEL_MAX_FIELDS];
  gsize               prefix_lengths[TERRIND_MODEL_MAX_FIELDS];
};

static void
kind_plan_init (KindPlan          *plan,
                const TerrindKind *kind,
                const KindPlan    *child)
{
  /* The model nests one level (a convention's commitments). */
  g_assert ((kind->child != NULL) == (child != NULL));

  memset (plan, 0, sizeof *plan);
  plan->kind = kind;
  plan->child = child;
  plan->name_length = strlen (kind->name);
  plan->may_have_children = kind->child != NULL;
  g_assert (kind->n_fields <= TERRIND_MODEL_MAX_FIELDS);
  for (guint i = 0; i < kind->n_fields; i++)
    {
      const TerrindField *field = &kind->fields[i];

      if (is_written_as_attribute (field))
        {
          plan->attributes[plan->n_attributes] = field;
          plan->prefixes[plan->n_attributes] = g_strdup_printf (" %s=\"", field->name);
          plan->prefix_lengths[plan->n_attributes] = strlen (field->name) + 3;
          plan->n_attributes++;
        }
      else if (field->is_content || field->type == TERRIND_VALUE_LIST)
        plan->may_have_children = TRUE;
    }
}

static void
kind_plan_clear (KindPlan *plan)
{
  for (guint i = 0; i < plan->n_attributes; i++)
    g_free (plan->prefixes[i]);
}

static gboolean
has_children (const TerrindKind *kind,
              const TerrindKind *child_kind,
              gconstpointer      entity)
{
  for (guint i = 0; i < kind->n_fields; i++)
    {
      const TerrindField *field = &kind->fields[i];

      if (field->is_content || (field->type == TERRIND_VALUE_LIST && field->n_items (entity) > 0))
        return TRUE;
    }
  return child_kind != NULL && child_kind->n_in_parent (entity) > 0;
}

static void
write_entity (TerrindXmlWriter *writer,
              const KindPlan   *plan,
              gconstpointer     entity,
              guint             depth)
{
  const TerrindKind *kind = plan->kind;

  write_indent (writer, depth);
  writer_append (writer, "<", 1);
  writer_append (writer, kind->name, plan->name_length);
  for (guint i = 0; i < plan->n_attributes; i++)
    {
      const TerrindField *field = plan->attributes[i];
      char *to_free = NULL;
      const char *value = field->get (entity, &to_free);

      if (is_written (field, value))
        {
          writer_append (writer, plan->prefixes[i], plan->prefix_lengths[i]);
          writer_append_escaped (writer, value, ESCAPE_IN_ATTRIBUTE);
          writer_append (writer, "\"", 1);
        }
      g_free (to_free);
    }
  if (!plan->may_have_children || !has_children (kind, kind->child, entity))
    {
      writer_append_literal (writer, "/>\n");
      return;
    }
  writer_append_literal (writer, ">\n");
  for (guint i = 0; i < kind->n_fields; i++)
    {
      const TerrindField *field = &kind->fields[i];

      if (field->is_content)
        {
          char *to_free = NULL;
          const char *value = field->get (entity, &to_free);

          /* Never empty: the model refuses empty texts. */
          write_text_element (writer, depth + 1, field->name, value);
          g_free (to_free);
        }
      else if (field->type == TERRIND_VALUE_LIST)
        {
          guint n = field->n_items (entity);

          for (guint j = 0; j < n; j++)
            write_item (writer, field, entity, j, depth + 1);
        }
    }
  if (plan->child != NULL)
    {
      const TerrindKind *child_kind = plan->child->kind;
      guint n = child_kind->n_in_parent (entity);

      for (guint j = 0; j < n; j++)
        write_entity (writer, plan->child, child_kind->get_in_parent (entity, j), depth + 1);
    }
  write_indent (writer, depth);
  writer_append (writer, "</", 2);
  writer_append (writer, kind->name, plan->name_length);
  writer_append (writer, ">\n", 2);
}

/* A section, one per kind the registry holds directly: `<regions/>` when
 * empty, else its entities in listing order (sorted by id). */
static void
write_section (TerrindXmlWriter  *writer,
               TerrindRegistry   *registry,
               const TerrindKind *kind)
{
  g_autoptr(GPtrArray) entities = kind->list (registry);
  gsize plural_length = strlen (kind->plural);
  KindPlan plan, child_plan;

  if (entities->len == 0 && kind->omit_when_empty)
    return;
  writer_append_literal (writer, "  <");
  writer_append (writer, kind->plural, plural_length);
  if (entities->len == 0)
    {
      writer_append_literal (writer, "/>\n");
      return;
    }
  writer_append_literal (writer, ">\n");
  if (kind->child != NULL)
    kind_plan_init (&child_plan, kind->child, NULL);
  kind_plan_init (&plan, kind, kind->child != NULL ? &child_plan : NULL);
  /* A failed stream stops the export at the next entity. */
  for (guint i = 0; i < entities->len && writer->error == NULL; i++)
    write_entity (writer, &plan, g_ptr_array_index (entities, i), 2);
  kind_plan_clear (&plan);
  if (kind->child != NULL)
    kind_plan_clear (&child_plan);
  writer_append_literal (writer, "  </");
  writer_append (writer, kind->plural, plural_length);
  writer_append_literal (writer, ">\n");
}

static void
write_registry (TerrindXmlWriter *writer,
                TerrindRegistry  *registry)
{
  guint n_kinds;
  const TerrindKind * const *kinds = terrind_model_get_kinds (&n_kinds);
  guint version = terrind_registry_get_format_version (registry);

  writer_append_literal (writer, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
  writer_append_literal (writer, "<registry xmlns=\"" TERRIND_XML_NAMESPACE "\" version=\"");
  writer_append_uint (writer, version);
  writer_append_literal (writer, "\">\n");
  for (guint i = 0; i < n_kinds; i++)
    if (kinds[i]->parent == NULL && kinds[i]->since_version <= version)
      write_section (writer, registry, kinds[i]);
  writer_append_literal (writer, "</registry>\n");
}

/**
 * terrind_registry_export_data:
 * @registry: a #TerrindRegistry
 * @length: (out) (optional): return location for the length of the
 *   document in bytes, not counting the terminating NUL
 * @error: return location for a #GError
 *
 * Writes @registry in the canonical form of the libterrind XML format:
 * UTF-8, sections in a fixed order, entities sorted by id, two spaces of
 * indentation, one element per line. The same registry always gives the
 * same bytes, and importing them gives back an equal registry.
 *
 * Returns: (transfer full) (array length=length) (element-type guint8):
 *   the NUL-terminated document; free with g_free(). Exporting to memory
 *   cannot fail: the result is never %NULL.
 *
 * Since: 1.0
 */
char *
terrind_registry_export_data (TerrindRegistry  *registry,
                              gsize            *length,
                              GError          **error)
{
  TerrindXmlWriter counter, writer;
  gsize size;

  g_return_val_if_fail (registry != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  writer_init (&counter, TERRIND_XML_WRITER_COUNT, CHUNK_SIZE);
  write_registry (&counter, registry);
  size = counter.total + counter.length;
  g_free (counter.data);

  /* + 1: the terminating NUL. */
  writer_init (&writer, TERRIND_XML_WRITER_FILL, size + 1);
  write_registry (&writer, registry);
  g_assert (writer.length == size);
  writer.data[size] = '\0';
  if (length != NULL)
    *length = size;
  return writer.data;
}

/**
 * terrind_registry_export_stream:
 * @registry: a #TerrindRegistry
 * @stream: the #GOutputStream to write to
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Writes @registry to @stream as terrind_registry_export_data() does,
 * in chunks, so memory stays bounded. The stream is written to but neither
 * flushed nor closed. On failure part of the document may have been
 * written; use terrind_registry_export_file() to replace a file safely.
 *
 * Returns: %TRUE on success; %FALSE with %TERRIND_ERROR_IO when the stream
 *   fails or the operation is cancelled.
 *
 * Since: 1.0
 */
gboolean
terrind_registry_export_stream (TerrindRegistry  *registry,
                                GOutputStream    *stream,
                                GCancellable     *cancellable,
                                GError          **error)
{
  TerrindXmlWriter writer;
  gboolean ok;

  g_return_val_if_fail (registry != NULL, FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  writer_init (&writer, TERRIND_XML_WRITER_STREAM, CHUNK_SIZE);
  writer.stream = stream;
  writer.cancellable = cancellable;
  write_registry (&writer, registry);
  writer_flush (&writer);
  ok = writer.error == NULL;
  if (!ok)
    g_set_error (error, TERRIND_ERROR, TERRIND_ERROR_IO, "could not write the registry: %s",
                 writer.error->message);
  g_clear_error (&writer.error);
  g_free (writer.data);
  return ok;
}

/**
 * terrind_registry_export_file:
 * @registry: a #TerrindRegistry
 * @path: (type filename): where to write
 * @error: return location for a #GError
 *
 * Writes @registry to @path as terrind_registry_export_data() does. The
 * document is built in memory first, so nothing touches @path until it is
 * complete. Then what happens depends on what @path names:
 *
 * - A regular file, or nothing yet: it is replaced atomically. The document
 *   goes to a new file in the same directory, which is flushed to disk and
 *   renamed over @path; the directory is flushed in turn. The new file keeps
 *   the old one's mode (a 0600 file stays 0600) and, where the system
 *   permits (as root; for the group, as a member of it), its owner and
 *   group. A new file gets mode 0666 less the umask, like any other. If
 *   anything fails, @path keeps its previous content and no temporary file
 *   is left.
 * - A symbolic link: the links are followed and the file they lead to is
 *   replaced as above, in its own directory; the links stay as they are. A
 *   link that leads nowhere yet creates the file it names.
 * - A FIFO or a character device (a terminal, `/dev/null`; `/dev/stdout`
 *   when it is a pipe or a terminal): the document is written into it, as a
 *   shell redirection would. Nothing is created, truncated or renamed.
 *   Opening a FIFO waits for a reader. A failure may leave part of the
 *   document written.
 * - Anything else (a directory, a socket, a block device): refused with
 *   %TERRIND_ERROR_IO, and left untouched.
 *
 * On Linux the new file is made with `O_TMPFILE`: it has no name until it
 * is complete and on disk, so a process killed while saving leaves nothing
 * behind. Only for the instant between linkat() and rename() does it have a
 * name of its own: @path followed by a dot and six random letters or digits.
 * Where the file system has no `O_TMPFILE`, a file of that name is created
 * instead, and a process killed while saving may leave it behind; such a
 * file is never in use once the process is gone and can be removed.
 *
 * As with any replace-by-rename, hard links to the old file keep the old
 * content, and ACLs and extended attributes are not carried over. If only
 * the final flush of the directory fails, @path already holds the new
 * document, and the error says so.
 *
 * Returns: %TRUE on success; %FALSE with %TERRIND_ERROR_IO, whose file
 *   (terrind_error_get_file()) is @path.
 *
 * Since: 1.0
 */
gboolean
terrind_registry_export_file (TerrindRegistry  *registry,
                              const char       *path,
                              GError          **error)
{
  g_autofree char *data = NULL;
  gsize length;

  g_return_val_if_fail (registry != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* Serialise first: nothing touches the file until the document exists. */
  data = terrind_registry_export_data (registry, &length, error);
  if (data == NULL)
    return FALSE;
  return terrind_save_file (path, data, length, error);
}

/**
 * terrind_xml_get_schema:
 * @length: (out) (optional): return location for the length of the
 *   schema in bytes
 *
 * The XML Schema (XSD 1.0) of the format version this library writes, as
 * compiled into the library. It is also installed as
 * `$(datadir)/libterrind/terrind-1.xsd`.
 *
 * Returns: (transfer none): the NUL-terminated schema text, valid for the
 *   life of the process.
 *
 * Since: 1.0
 */
const char *
terrind_xml_get_schema (gsize *length)
{
  static GBytes *schema = NULL;

  if (g_once_init_enter (&schema))
    {
      GBytes *bytes = g_resource_lookup_data (terrind_get_resource (),
                                              "/org/libterrind/terrind-1.xsd",
                                              G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);

      /* The schema is compiled in: its absence is a build error. */
      g_assert (bytes != NULL);
      g_once_init_leave (&schema, bytes);
    }
  if (length != NULL)
    *length = g_bytes_get_size (schema);
  return g_bytes_get_data (schema, NULL);
}
