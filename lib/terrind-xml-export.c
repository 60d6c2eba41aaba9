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

/* Which bytes need escaping where: in text "&", "<", ">"; in attribute
 * values also '"' and the whitespace characters that attribute-value
 * normalisation would otherwise turn into spaces. */
enum {
  ESCAPE_IN_TEXT = 1 << 0,
  ESCAPE_IN_ATTRIBUTE = 1 << 1,
};

static const guint8 escape_table[256] = {
  ['&'] = ESCAPE_IN_TEXT | ESCAPE_IN_ATTRIBUTE,
  ['<'] = ESCAPE_IN_TEXT | ESCAPE_IN_ATTRIBUTE,
  ['>'] = ESCAPE_IN_TEXT | ESCAPE_IN_ATTRIBUTE,
  ['"'] = ESCAPE_IN_ATTRIBUTE,
  ['\t'] = ESCAPE_IN_ATTRIBUTE,
  ['\n'] = ESCAPE_IN_ATTRIBUTE,
  ['\r'] = ESCAPE_IN_TEXT | ESCAPE_IN_ATTRIBUTE,
};

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

static void
writer_append_escaped (TerrindXmlWriter *writer,
                       const char       *value,
                       guint8            context)
{
  const guchar *run = (const guchar *) value;
  const guchar *p = run;

  for (;; p++)
    {
      if (*p == '\0')
        break;
      if (G_LIKELY ((escape_table[*p] & context) == 0))
        continue;
      writer_append (writer, (const char *) run, (gsize) (p - run));
      {
        const char *sequence = escape_sequence (*p);

        writer_append (writer, sequence, strlen (sequence));
      }
      run = p + 1;
    }
  writer_append (writer, (const char *) run, (gsize) (p - run));
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

static void
write_number_attribute (TerrindXmlWriter *writer,
                        const char       *name,
                        guint64           value)
{
  writer_append (writer, " ", 1);
  writer_append (writer, name, strlen (name));
  writer_append (writer, "=\"", 2);
  writer_append_uint (writer, value);
  writer_append (writer, "\"", 1);
}

/* `<name>text</name>` on one line, at @indent. */
static void
write_text_element (TerrindXmlWriter *writer,
                    const char       *indent,
                    const char       *name,
                    const char       *text)
{
  gsize name_length = strlen (name);

  /* Never empty: the model refuses empty texts and themes. */
  writer_append (writer, indent, strlen (indent));
  writer_append (writer, "<", 1);
  writer_append (writer, name, name_length);
  writer_append (writer, ">", 1);
  writer_append_escaped (writer, text, ESCAPE_IN_TEXT);
  writer_append (writer, "</", 2);
  writer_append (writer, name, name_length);
  writer_append (writer, ">\n", 2);
}

/* One writer per entity kind, in document order. */

static void
write_region (TerrindXmlWriter *writer,
              TerrindRegion    *region)
{
  writer_append_literal (writer, "    <region");
  write_attribute (writer, "code", terrind_region_get_code (region));
  write_attribute (writer, "name", terrind_region_get_name (region));
  writer_append_literal (writer, "/>\n");
}

static void
write_operator (TerrindXmlWriter *writer,
                TerrindOperator  *op)
{
  guint n_former = terrind_operator_get_n_former_names (op);

  writer_append_literal (writer, "    <operator");
  write_attribute (writer, "id", terrind_operator_get_id (op));
  write_attribute (writer, "name", terrind_operator_get_name (op));
  write_attribute (writer, "kind", terrind_operator_get_kind (op));
  if (n_former == 0)
    {
      writer_append_literal (writer, "/>\n");
      return;
    }
  writer_append_literal (writer, ">\n");
  for (guint i = 0; i < n_former; i++)
    {
      writer_append_literal (writer, "      <former-name");
      write_attribute (writer, "name", terrind_operator_get_former_name (op, i));
      write_attribute (writer, "until", terrind_operator_get_former_name_until (op, i));
      writer_append_literal (writer, "/>\n");
    }
  writer_append_literal (writer, "    </operator>\n");
}

static void
write_territory (TerrindXmlWriter *writer,
                 TerrindTerritory *territory)
{
  guint n_members = terrind_territory_get_n_members (territory);
  guint n_departments = terrind_territory_get_n_departments (territory);
  guint phase = terrind_territory_get_phase (territory);

  writer_append_literal (writer, "    <territory");
  write_attribute (writer, "id", terrind_territory_get_id (territory));
  write_attribute (writer, "name", terrind_territory_get_name (territory));
  write_attribute (writer, "region", terrind_territory_get_region_code (territory));
  if (phase != 0)
    write_number_attribute (writer, "phase", phase);
  if (n_members == 0 && n_departments == 0)
    {
      writer_append_literal (writer, "/>\n");
      return;
    }
  writer_append_literal (writer, ">\n");
  /* The territory keeps its members sorted by SIREN. */
  for (guint i = 0; i < n_members; i++)
    {
      writer_append_literal (writer, "      <member");
      write_attribute (writer, "siren", terrind_territory_get_member (territory, i));
      writer_append_literal (writer, "/>\n");
    }
  for (guint i = 0; i < n_departments; i++)
    {
      writer_append_literal (writer, "      <department");
      write_attribute (writer, "code", terrind_territory_get_department (territory, i));
      writer_append_literal (writer, "/>\n");
    }
  writer_append_literal (writer, "    </territory>\n");
}

static void
write_commitment (TerrindXmlWriter  *writer,
                  TerrindCommitment *commitment)
{
  TerrindAmountPeriod period = terrind_commitment_get_amount_period (commitment);
  guint first_year = terrind_commitment_get_first_year (commitment);
  guint last_year = terrind_commitment_get_last_year (commitment);
  guint n_themes = terrind_commitment_get_n_themes (commitment);
  guint n_targets = terrind_commitment_get_n_targets (commitment);

  writer_append_literal (writer, "      <commitment");
  write_attribute (writer, "id", terrind_commitment_get_id (commitment));
  write_attribute (writer, "kind",
                   terrind_commitment_kind_to_string (terrind_commitment_get_kind (commitment)));
  if (period != TERRIND_AMOUNT_NONE)
    {
      write_number_attribute (writer, "amount",
                              (guint64) terrind_commitment_get_amount (commitment));
      write_attribute (writer, "period", terrind_amount_period_to_string (period));
    }
  if (first_year != 0 || last_year != 0)
    {
      write_number_attribute (writer, "first-year", first_year);
      write_number_attribute (writer, "last-year", last_year);
    }
  if (terrind_commitment_get_approximate (commitment))
    writer_append_literal (writer, " approximate=\"true\"");
  /* A commitment always has its text, so it always has a child. */
  writer_append_literal (writer, ">\n");
  write_text_element (writer, "        ", "text", terrind_commitment_get_text (commitment));
  for (guint i = 0; i < n_themes; i++)
    write_text_element (writer, "        ", "theme", terrind_commitment_get_theme (commitment, i));
  for (guint i = 0; i < n_targets; i++)
    {
      writer_append_literal (writer, "        <target");
      write_attribute (writer, "level", terrind_commitment_get_target_level (commitment, i));
      write_number_attribute (writer, "count", terrind_commitment_get_target_count (commitment, i));
      writer_append_literal (writer, "/>\n");
    }
  writer_append_literal (writer, "      </commitment>\n");
}

static void
write_convention (TerrindXmlWriter  *writer,
                  TerrindConvention *convention)
{
  guint n_signatories = terrind_convention_get_n_signatories (convention);
  guint n_commitments = terrind_convention_get_n_commitments (convention);

  writer_append_literal (writer, "    <convention");
  write_attribute (writer, "id", terrind_convention_get_id (convention));
  write_attribute (writer, "operator", terrind_convention_get_operator_id (convention));
  write_attribute (writer, "date", terrind_convention_get_date (convention));
  write_attribute (writer, "place", terrind_convention_get_place (convention));
  write_attribute (writer, "title", terrind_convention_get_title (convention));
  if (n_signatories == 0 && n_commitments == 0)
    {
      writer_append_literal (writer, "/>\n");
      return;
    }
  writer_append_literal (writer, ">\n");
  for (guint i = 0; i < n_signatories; i++)
    {
      writer_append_literal (writer, "      <signatory");
      write_attribute (writer, "name", terrind_convention_get_signatory_name (convention, i));
      write_attribute (writer, "role", terrind_convention_get_signatory_role (convention, i));
      writer_append_literal (writer, "/>\n");
    }
  /* The convention keeps its commitments sorted by id. */
  for (guint i = 0; i < n_commitments; i++)
    write_commitment (writer, terrind_convention_get_commitment (convention, i));
  writer_append_literal (writer, "    </convention>\n");
}

static void
write_referent (TerrindXmlWriter *writer,
                TerrindReferent  *referent)
{
  writer_append_literal (writer, "    <referent");
  write_attribute (writer, "id", terrind_referent_get_id (referent));
  write_attribute (writer, "operator", terrind_referent_get_operator_id (referent));
  write_attribute (writer, "territory", terrind_referent_get_territory_id (referent));
  write_attribute (writer, "person", terrind_referent_get_person (referent));
  write_attribute (writer, "role", terrind_referent_get_role (referent));
  write_attribute (writer, "email", terrind_referent_get_email (referent));
  write_attribute (writer, "phone", terrind_referent_get_phone (referent));
  write_attribute (writer, "start", terrind_referent_get_start_date (referent));
  writer_append_literal (writer, "/>\n");
}

typedef void (*TerrindXmlWriteFunc) (TerrindXmlWriter *writer,
                                     gpointer          entity);

/* A section: `<name/>` when empty, else its entities in listing order
 * (sorted by id). */
static void
write_section (TerrindXmlWriter    *writer,
               const char          *name,
               GPtrArray           *entities,
               TerrindXmlWriteFunc  write_entity)
{
  gsize name_length = strlen (name);

  writer_append_literal (writer, "  <");
  writer_append (writer, name, name_length);
  if (entities->len == 0)
    {
      writer_append_literal (writer, "/>\n");
      return;
    }
  writer_append_literal (writer, ">\n");
  /* A failed stream stops the export at the next entity. */
  for (guint i = 0; i < entities->len && writer->error == NULL; i++)
    {
      write_entity (writer, g_ptr_array_index (entities, i));
    }
  writer_append_literal (writer, "  </");
  writer_append (writer, name, name_length);
  writer_append_literal (writer, ">\n");
}

static void
write_registry (TerrindXmlWriter *writer,
                TerrindRegistry  *registry)
{
  g_autoptr(GPtrArray) regions = terrind_registry_list_regions (registry);
  g_autoptr(GPtrArray) operators = terrind_registry_list_operators (registry);
  g_autoptr(GPtrArray) territories = terrind_registry_list_territories (registry);
  g_autoptr(GPtrArray) conventions = terrind_registry_list_conventions (registry);
  g_autoptr(GPtrArray) referents = terrind_registry_list_referents (registry);

  writer_append_literal (writer, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
  writer_append_literal (writer, "<registry xmlns=\"" TERRIND_XML_NAMESPACE "\" version=\"");
  writer_append_uint (writer, TERRIND_XML_FORMAT_VERSION);
  writer_append_literal (writer, "\">\n");
  write_section (writer, "regions", regions, (TerrindXmlWriteFunc) write_region);
  write_section (writer, "operators", operators, (TerrindXmlWriteFunc) write_operator);
  write_section (writer, "territories", territories, (TerrindXmlWriteFunc) write_territory);
  write_section (writer, "conventions", conventions, (TerrindXmlWriteFunc) write_convention);
  write_section (writer, "referents", referents, (TerrindXmlWriteFunc) write_referent);
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
