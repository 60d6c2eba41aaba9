/* terrind-xml-import.c: reading a registry from XML
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>

#include "terrind-error-private.h"
#include "terrind-import-options-private.h"
#include "terrind-quote-private.h"
#include "terrind-xml-private.h"

/* How the importer reads: a SAX2 push parser fed in chunks the importer
 * reads itself. Each element's entity goes into the caller's registry as
 * soon as it is read, through one changeset (terrind-changeset.h): checked
 * there by the registry itself against what it holds and what the document
 * added before, located at the element's start tag, committed at the end
 * of a good document and rolled back on any error.
 *
 * Layer: the top of the reader (see terrind-xml-private.h). It calls the
 * loader (terrind-xml-loader.c) and the location helpers below it.
 *
 * - SAX2, not xmlTextReader: the reader costs about 1.7 times as much for
 *   the same work, and no DOM is ever built, so memory follows the model.
 * - The importer opens files itself, so libxml2 never decompresses gzip or
 *   xz behind its back, and counts every byte against the size limit.
 * - Parser options are only XML_PARSE_NONET | XML_PARSE_BIG_LINES: no
 *   entity substitution, no DTD loading, no XInclude, no recovery, and
 *   libxml2's own limits stay on (no XML_PARSE_HUGE).
 * - A DOCTYPE is refused as soon as the parser sees one, before its
 *   internal subset is read: the format has none, and without it no entity
 *   can be declared, so external entities, billion laughs and quadratic
 *   blow-ups cannot even start. Only the five predefined entities and
 *   character references remain.
 * - Nothing process-wide is touched: errors go to this parser's own
 *   structured handler, no entity loader is installed, and
 *   xmlCleanupParser() is never called.
 */

/* Size of the chunks handed to the parser. */
#define CHUNK_SIZE (64 * 1024)


static const char *
display_name (const char *name)
{
  return name != NULL ? name : "<input>";
}

/* SAX2 callbacks: user_data is the loader. */

static void
on_start_element (void           *user_data,
                  const xmlChar  *localname,
                  const xmlChar  *prefix,
                  const xmlChar  *uri,
                  int             n_namespaces,
                  const xmlChar **namespaces,
                  int             n_attributes,
                  int             n_defaulted,
                  const xmlChar **attributes)
{
  TerrindXmlLoader *loader = user_data;

  if (loader->stopped)
    return;
  loader->in_start_tag = TRUE;
  terrind_xml_loader_start (loader, localname, uri, n_attributes, attributes);
  loader->in_start_tag = FALSE;
}

static void
on_end_element (void          *user_data,
                const xmlChar *localname,
                const xmlChar *prefix,
                const xmlChar *uri)
{
  TerrindXmlLoader *loader = user_data;

  if (loader->stopped)
    return;
  terrind_xml_loader_end (loader);
}

static void
on_characters (void          *user_data,
               const xmlChar *chars,
               int            length)
{
  TerrindXmlLoader *loader = user_data;

  if (loader->stopped)
    return;
  terrind_xml_loader_characters (loader, chars, length);
}

static void
on_doctype (void          *user_data,
            const xmlChar *name,
            const xmlChar *external_id,
            const xmlChar *system_id)
{
  TerrindXmlLoader *loader = user_data;

  terrind_xml_loader_fail_here (loader, TERRIND_ERROR_SCHEMA,
                                "a DOCTYPE is not allowed: libterrind documents have none, "
                                "and it could declare entities that read other files");
  /* Not one more byte of it may be read. */
  terrind_xml_loader_stop (loader);
}

static void
on_entity_declaration (void          *user_data,
                       const xmlChar *name,
                       int            type,
                       const xmlChar *public_id,
                       const xmlChar *system_id,
                       xmlChar       *content)
{
  /* Unreachable while on_doctype() stops the parser; kept so that no
   * declaration can ever be recorded. */
  terrind_xml_loader_fail_here (user_data, TERRIND_ERROR_SCHEMA,
                                "entity declarations are not allowed");
  terrind_xml_loader_stop (user_data);
}

static xmlEntityPtr
on_get_entity (void          *user_data,
               const xmlChar *name)
{
  /* The parser resolves the predefined entities before asking; there are
   * no others. */
  return NULL;
}

static void
on_parser_error (void        *user_data,
                 xmlErrorPtr  xml_error)
{
  TerrindXmlLoader *loader = user_data;
  g_autofree char *message = NULL;
  GError *error = NULL;

  if (loader->stopped || xml_error->level == XML_ERR_WARNING)
    return;
  /* libxml2 says "Extra content at the end of the document" whenever the
   * input ends early; say what happened instead. */
  if (xml_error->code == XML_ERR_DOCUMENT_END && loader->depth > 0)
    message = g_strdup_printf ("the document ends inside <%s>: it is truncated",
                               terrind_xml_element_name (loader->frames[loader->depth].element));
  else if (xml_error->code == XML_ERR_DOCUMENT_END && loader->n_elements == 0)
    message = g_strdup ("the document has no root element");
  else if (xml_error->code == XML_ERR_DOCUMENT_EMPTY)
    message = g_strdup ("this is not an XML document: it must start with “<?xml” or “<registry”");
  else
    {
      g_autofree char *raw = g_strdup (xml_error->message != NULL ? xml_error->message
                                                                  : "unknown error");
      GString *shown = g_string_new (NULL);

      /* libxml2 quotes parts of the input in its messages */
      terrind_escape_append (shown, g_strstrip (raw), -1, 0);
      message = g_string_free (shown, FALSE);
    }
  terrind_set_error_at (&error, TERRIND_ERROR_PARSE, loader->file,
                        xml_error->line, xml_error->int2,
                        "not well-formed XML: %s", message);
  /* Fatal: nothing after it is read. */
  terrind_xml_loader_take_error (loader, error);
}

static void
sax_handler_init (xmlSAXHandler *sax)
{
  memset (sax, 0, sizeof *sax);
  sax->initialized = XML_SAX2_MAGIC;
  sax->startElementNs = on_start_element;
  sax->endElementNs = on_end_element;
  sax->characters = on_characters;
  sax->ignorableWhitespace = on_characters;
  /* No cdataBlock: libxml2 then hands CDATA to characters(). */
  sax->internalSubset = on_doctype;
  sax->entityDecl = on_entity_declaration;
  sax->getEntity = on_get_entity;
  sax->serror = on_parser_error;
}

static void
loader_init (TerrindXmlLoader           *loader,
             const char                 *file,
             const TerrindImportOptions *options)
{
  memset (loader, 0, sizeof *loader);
  loader->file = file;
  loader->max_elements = options->max_elements;
  loader->max_depth = MAX (options->max_depth, 1);
  loader->max_value_length = MAX (options->max_value_length, 1);
  loader->text = g_string_sized_new (256);
  terrind_problems_init (&loader->problems, options->max_errors);
}

static void
loader_clear (TerrindXmlLoader *loader)
{
  if (loader->ctxt != NULL)
    {
      /* The context owns a copy of the SAX handler, not the document:
       * there is none. */
      xmlFreeParserCtxt (loader->ctxt);
      loader->ctxt = NULL;
    }
  terrind_xml_loader_clear_entities (loader);
  terrind_interner_clear (&loader->interner);
  g_free (loader->attribute_data);
  g_string_free (loader->text, TRUE);
  /* Still here: the import failed, and this undoes it. */
  g_clear_pointer (&loader->changeset, terrind_changeset_unref);
  g_clear_pointer (&loader->poisoned, g_hash_table_unref);
  g_clear_pointer (&loader->poisoned_kinds, g_hash_table_unref);
  terrind_problems_clear (&loader->problems);
}

/* What an import reads from: a buffer, a file descriptor or a stream. */
typedef struct {
  const char   *data;
  gsize         length;
  gsize         offset;
  int           fd;        /* -1 unless reading a file */
  GInputStream *stream;
  GCancellable *cancellable;
  char         *buffer;    /* CHUNK_SIZE bytes, for files and streams */
} TerrindXmlSource;

/* Fills up to @size bytes of @buffer from @fd, stopping early only at the
 * end of the file. */
static gboolean
read_fd (int     fd,
         char   *buffer,
         gsize   size,
         gsize  *n_read,
         GError **error)
{
  *n_read = 0;
  while (*n_read < size)
    {
      gssize n = read (fd, buffer + *n_read, size - *n_read);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved_errno = errno;

          g_set_error_literal (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                               g_strerror (saved_errno));
          return FALSE;
        }
      if (n == 0)
        break;
      *n_read += (gsize) n;
    }
  return TRUE;
}

/* Reads up to @size bytes; returns the number read (0 at the end) or -1
 * with @error set. */
static gssize
source_read (TerrindXmlSource *source,
             gsize             size,
             const char      **chunk,
             const char       *name,
             GError          **error)
{
  gsize n = 0;
  g_autoptr(GError) local_error = NULL;

  if (source->buffer == NULL)
    {
      n = MIN (size, source->length - source->offset);
      *chunk = source->data + source->offset;
      source->offset += n;
      return (gssize) n;
    }

  /* Read fully, so that the first chunk holds the whole magic number even
   * from a stream that trickles. */
  if (source->fd >= 0
      ? !read_fd (source->fd, source->buffer, MIN (size, CHUNK_SIZE), &n, &local_error)
      : !g_input_stream_read_all (source->stream, source->buffer, MIN (size, CHUNK_SIZE), &n,
                                  source->cancellable, &local_error))
    {
      terrind_set_error_at (error, TERRIND_ERROR_IO, name, 0, 0, "could not read: %s",
                            local_error->message);
      return -1;
    }
  *chunk = source->buffer;
  return (gssize) n;
}

/* The encoding an XML declaration at the start of @head names, or NULL
 * when there is no declaration or it names none. */
static char *
declared_encoding (const char *head,
                   gsize       length)
{
  const char *end, *p, *value;
  char quote;

  if (length < 6 || memcmp (head, "<?xml", 5) != 0 || !g_ascii_isspace (head[5]))
    return NULL;
  end = g_strstr_len (head, (gssize) length, "?>");
  if (end == NULL)
    return NULL;  /* the parser will find it malformed */
  p = g_strstr_len (head, end - head, "encoding");
  if (p == NULL)
    return NULL;
  p += strlen ("encoding");
  while (p < end && g_ascii_isspace (*p))
    p++;
  if (p == end || *p++ != '=')
    return NULL;
  while (p < end && g_ascii_isspace (*p))
    p++;
  if (p == end || (*p != '"' && *p != '\''))
    return NULL;
  quote = *p++;
  value = p;
  while (p < end && *p != quote)
    p++;
  return g_strndup (value, (gsize) MIN (p - value, 40));
}

/* Only UTF-8 reaches the parser. Other encodings would make libxml2
 * convert, and its conversion errors go to the process-wide error handler
 * (stderr), which a library must not touch; the format is UTF-8 anyway. */
static gboolean
check_utf8 (const char *head,
            gsize       length,
            const char *name,
            GError    **error)
{
  /* The first bytes by which libxml2 would pick another encoding:
   * UCS-4 in four byte orders, UTF-16 with and without a byte-order mark,
   * EBCDIC. */
  static const struct {
    const char *bytes;
    gsize       length;
  } signatures[] = {
    { "\x00\x00\x00\x3c", 4 }, { "\x3c\x00\x00\x00", 4 },
    { "\x00\x00\x3c\x00", 4 }, { "\x00\x3c\x00\x00", 4 },
    { "\x00\x3c\x00\x3f", 4 }, { "\x3c\x00\x3f\x00", 4 },
    { "\x4c\x6f\xa7\x94", 4 }, { "\xfe\xff", 2 }, { "\xff\xfe", 2 },
  };
  g_autofree char *encoding = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (signatures); i++)
    if (length >= signatures[i].length &&
        memcmp (head, signatures[i].bytes, signatures[i].length) == 0)
      {
        terrind_set_error_at (error, TERRIND_ERROR_PARSE, name, 1, 1,
                              "the document is not UTF-8 (it looks like UTF-16, UCS-4 or "
                              "EBCDIC); libterrind documents are UTF-8");
        return FALSE;
      }
  if (length >= 3 && memcmp (head, "\xef\xbb\xbf", 3) == 0)
    {
      head += 3;
      length -= 3;
    }
  encoding = declared_encoding (head, length);
  if (encoding != NULL && g_ascii_strcasecmp (encoding, "UTF-8") != 0 &&
      g_ascii_strcasecmp (encoding, "UTF8") != 0)
    {
      g_autofree char *safe = g_utf8_make_valid (encoding, -1);

      terrind_set_error_at (error, TERRIND_ERROR_PARSE, name, 1, 1,
                            "the document declares the encoding “%s”; libterrind documents "
                            "are UTF-8", safe);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_not_compressed (const char *head,
                      gsize       length,
                      const char *name,
                      GError    **error)
{
  static const struct {
    const char *magic;
    gsize       length;
    const char *format;
  } formats[] = {
    { "\x1f\x8b", 2, "gzip" },
    { "\xfd" "7zXZ\x00", 6, "xz" },
    { "\x28\xb5\x2f\xfd", 4, "zstd" },
    { "BZh", 3, "bzip2" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (length >= formats[i].length && memcmp (head, formats[i].magic, formats[i].length) == 0)
      {
        terrind_set_error_at (error, TERRIND_ERROR_PARSE, name, 1, 1,
                              "the input is %s-compressed; decompress it first "
                              "(compressed input is refused so that its size stays bounded)",
                              formats[i].format);
        return FALSE;
      }
  return TRUE;
}

/* A fatal problem found by the importer itself, at @line and @column. */
static void fail_at (TerrindXmlLoader *loader,
                     TerrindError      code,
                     int               line,
                     int               column,
                     const char       *format,
                     ...) G_GNUC_PRINTF (5, 6);

static void
fail_at (TerrindXmlLoader *loader,
         TerrindError      code,
         int               line,
         int               column,
         const char       *format,
         ...)
{
  g_autofree char *message = NULL;
  GError *error = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  terrind_set_error_at (&error, code, loader->file, line, column, "%s", message);
  terrind_xml_loader_take_error (loader, error);
}

/* Parses the whole of @source into @registry: all of it, or nothing. */
static gboolean
load_document (TerrindRegistry            *registry,
               TerrindXmlSource           *source,
               const char                 *name,
               const TerrindImportOptions *options,
               GError                    **error)
{
  TerrindXmlLoader loader;
  TerrindXmlGuard guard;
  xmlSAXHandler sax;
  const char *chunk;
  gssize n;
  guint64 total;
  gboolean result = FALSE;
  g_autoptr(GError) busy = NULL;

  options = terrind_import_options_or_defaults (options);
  xmlInitParser ();
  sax_handler_init (&sax);
  loader_init (&loader, display_name (name), options);
  loader.changeset = terrind_changeset_new (registry, &busy);
  if (loader.changeset == NULL)
    {
      terrind_set_error_at (error, (TerrindError) busy->code, loader.file, 0, 0, "%s",
                            busy->message);
      goto out;
    }
  terrind_xml_loader_locate_edits (&loader);

  /* The first chunk says what the input is before the parser sees it. */
  n = source_read (source, CHUNK_SIZE, &chunk, loader.file, error);
  if (n < 0 || !check_not_compressed (chunk, (gsize) n, loader.file, error) ||
      !check_utf8 (chunk, (gsize) n, loader.file, error))
    goto out;
  total = 0;
  /* The guard sees values before entity references are expanded: the
   * exporter writes at most 6 bytes (“&quot;”) for one, and libxml2 2.9
   * stops at XML_MAX_TEXT_LENGTH with a message nobody understands. */
  terrind_xml_guard_init (&guard, MIN ((guint64) loader.max_value_length * 6, XML_MAX_TEXT_LENGTH));

  /* No file name for the parser: it would only serve to resolve relative
   * references, and the document has none to resolve. No first bytes
   * either: with them it would guess the encoding; it is UTF-8, and the
   * declaration is ignored (check_utf8() has checked it). */
  loader.ctxt = xmlCreatePushParserCtxt (&sax, &loader, NULL, 0, NULL);
  if (loader.ctxt == NULL)
    {
      terrind_set_error_at (error, TERRIND_ERROR_FAILED, loader.file, 0, 0,
                            "could not create an XML parser");
      goto out;
    }
  xmlCtxtUseOptions (loader.ctxt, XML_PARSE_NONET | XML_PARSE_BIG_LINES | XML_PARSE_IGNORE_ENC);
  xmlSwitchEncoding (loader.ctxt, XML_CHAR_ENCODING_UTF8);
  terrind_xml_loader_intern_names (&loader);
  /* Told the encoding, the parser no longer skips a byte-order mark. */
  if (n >= 3 && memcmp (chunk, "\xef\xbb\xbf", 3) == 0)
    {
      chunk += 3;
      n -= 3;
      total += 3;
    }

  for (gboolean first = TRUE; !loader.stopped; first = FALSE)
    {
      if (!first)
        {
          GError *read_error = NULL;

          /* Fatal, after whatever problems came before. */
          n = source_read (source, CHUNK_SIZE, &chunk, loader.file, &read_error);
          if (n < 0)
            {
              terrind_xml_loader_take_error (&loader, read_error);
              break;
            }
        }
      total += (guint64) n;
      if (options->max_bytes != 0 && total > options->max_bytes)
        {
          terrind_xml_loader_fail_here (&loader, TERRIND_ERROR_LIMIT_EXCEEDED,
                                        "the input is larger than the limit of %"
                                        G_GUINT64_FORMAT " bytes", options->max_bytes);
          break;
        }
      switch (terrind_xml_guard_scan (&guard, chunk, (gsize) n))
        {
        case TERRIND_XML_GUARD_OK:
          break;
        case TERRIND_XML_GUARD_TOO_MANY_ATTRIBUTES:
          fail_at (&loader, TERRIND_ERROR_LIMIT_EXCEEDED, guard.tag_line, guard.tag_column,
                   "a start tag has more than %d attributes (no element of the format "
                   "has more than %d)",
                   TERRIND_XML_GUARD_MAX_ATTRIBUTES, TERRIND_XML_MAX_ATTRIBUTES);
          break;
        case TERRIND_XML_GUARD_VALUE_TOO_LONG:
          fail_at (&loader, TERRIND_ERROR_LIMIT_EXCEEDED, guard.tag_line, guard.tag_column,
                   "a value in this tag is longer than the limit of %u bytes",
                   loader.max_value_length);
          break;
        default:
          g_assert_not_reached ();
        }
      if (loader.stopped)
        break;
      /* The parser, told the input ends inside a tag, would hand over the
       * partial tag as if complete ("unexpected element <regi>"). */
      if (n == 0 && terrind_xml_guard_in_markup (&guard))
        {
          fail_at (&loader, TERRIND_ERROR_PARSE, guard.tag_line, guard.tag_column,
                   "the document ends inside the markup that starts here: it is truncated");
          break;
        }
      xmlParseChunk (loader.ctxt, chunk, (int) n, n == 0);
      if (n == 0)
        break;
    }

  if (!loader.stopped && !loader.ctxt->wellFormed)
    terrind_xml_loader_fail_here (&loader, TERRIND_ERROR_PARSE, "not well-formed XML");
  if (!loader.stopped && loader.depth != 0)
    terrind_xml_loader_fail_here (&loader, TERRIND_ERROR_PARSE, "the document is truncated");
  /* Every problem at once; loader_clear() then rolls back what the good
   * elements added. */
  if (!terrind_problems_propagate (&loader.problems, error))
    goto out;
  /* Every edit succeeded (a refused one is a problem), so the commit
   * cannot fail. */
  result = terrind_changeset_commit (loader.changeset, error);

out:
  loader_clear (&loader);
  return result;
}

/* Opens @path exactly as given: the kernel resolves it, as it would for
 * any other program (GFile would first normalise "dir/../" lexically, which
 * differs when "dir" is a symbolic link). */
static int
open_file (const char *path,
           GError    **error)
{
  int fd = g_open (path, O_RDONLY | O_CLOEXEC | O_NOCTTY, 0);

  if (fd < 0)
    {
      int saved_errno = errno;

      terrind_set_error_at (error, TERRIND_ERROR_IO, path, 0, 0, "could not open: %s",
                            g_strerror (saved_errno));
    }
  return fd;
}

/* Reads the document at @path into @registry. */
static gboolean
load_file (TerrindRegistry            *registry,
           const char                 *path,
           const TerrindImportOptions *options,
           GError                    **error)
{
  g_autofree char *buffer = NULL;
  TerrindXmlSource source = { .fd = -1 };
  gboolean ok;

  source.fd = open_file (path, error);
  if (source.fd < 0)
    return FALSE;
  source.buffer = buffer = g_malloc (CHUNK_SIZE);
  ok = load_document (registry, &source, path, options, error);
  g_close (source.fd, NULL);
  return ok;
}

/**
 * terrind_registry_import_data:
 * @registry: the #TerrindRegistry to add to
 * @data: (array length=length) (element-type guint8): a document in the
 *   libterrind XML format
 * @length: the length of @data in bytes
 * @options: (nullable): limits for the import, or %NULL for the defaults
 * @error: return location for a #GError
 *
 * Adds to @registry every entity the document describes. The import is all
 * or nothing: each entity is checked, as it is read, against what
 * @registry already holds and what the document gave before it (a file of
 * referents may name the territories @registry has), and any error undoes
 * everything the import added (see #TerrindChangeset). The registry must
 * not have a changeset open.
 *
 * Errors found in the document carry a location, readable with
 * terrind_error_get_file() ("<data>"), terrind_error_get_line() and
 * terrind_error_get_column(). The import goes on after a problem with one
 * element and reports, in one error, every problem it found up to the
 * max-errors option, each with its own location
 * (terrind_error_get_n_problems()); what only follows from a problem (a
 * reference to an entity that was left out) is not reported.
 *
 * Returns: %TRUE on success; %FALSE with @error set and @registry
 *   unchanged: %TERRIND_ERROR_PARSE (not well-formed XML, truncated,
 *   compressed), %TERRIND_ERROR_SCHEMA (not a valid document: wrong root,
 *   unknown element or attribute, DOCTYPE), %TERRIND_ERROR_UNSUPPORTED_VERSION,
 *   %TERRIND_ERROR_LIMIT_EXCEEDED, or the model's own errors
 *   (%TERRIND_ERROR_INVALID_VALUE, %TERRIND_ERROR_DUPLICATE,
 *   %TERRIND_ERROR_UNKNOWN_REFERENCE).
 *
 * Since: 1.0
 */
gboolean
terrind_registry_import_data (TerrindRegistry            *registry,
                              const char                 *data,
                              gsize                       length,
                              const TerrindImportOptions *options,
                              GError                    **error)
{
  TerrindXmlSource source = { .data = data, .length = length, .fd = -1 };

  g_return_val_if_fail (registry != NULL, FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return load_document (registry, &source, "<data>", options, error);
}

/**
 * terrind_registry_import_stream:
 * @registry: the #TerrindRegistry to add to
 * @stream: a #GInputStream to read the document from
 * @name: (nullable): what to call the stream in error messages, such as
 *   its file name or URI
 * @options: (nullable): limits for the import, or %NULL for the defaults
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Like terrind_registry_import_data(), reading the document from @stream
 * until its end. The stream is read but not closed. The input is counted
 * against the max-bytes limit as it is read, so an endless stream is
 * stopped. A read error or a cancellation fails with %TERRIND_ERROR_IO.
 *
 * Returns: %TRUE on success; %FALSE with @error set and @registry
 *   unchanged.
 *
 * Since: 1.0
 */
gboolean
terrind_registry_import_stream (TerrindRegistry            *registry,
                                GInputStream               *stream,
                                const char                 *name,
                                const TerrindImportOptions *options,
                                GCancellable               *cancellable,
                                GError                    **error)
{
  g_autofree char *buffer = NULL;
  TerrindXmlSource source = { .stream = stream, .cancellable = cancellable, .fd = -1 };

  g_return_val_if_fail (registry != NULL, FALSE);
  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  source.buffer = buffer = g_malloc (CHUNK_SIZE);
  return load_document (registry, &source, name != NULL ? name : "<stream>", options, error);
}

/**
 * terrind_registry_import_file:
 * @registry: the #TerrindRegistry to add to
 * @path: (type filename): the file to read
 * @options: (nullable): limits for the import, or %NULL for the defaults
 * @error: return location for a #GError
 *
 * Like terrind_registry_import_data(), reading the document from @path.
 * The library opens the file itself and reads no other: compressed files
 * are refused, not decompressed.
 *
 * Returns: %TRUE on success; %FALSE with @error set (%TERRIND_ERROR_IO when
 *   the file cannot be read) and @registry unchanged.
 *
 * Since: 1.0
 */
gboolean
terrind_registry_import_file (TerrindRegistry            *registry,
                              const char                 *path,
                              const TerrindImportOptions *options,
                              GError                    **error)
{
  g_return_val_if_fail (registry != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return load_file (registry, path, options, error);
}

/**
 * terrind_registry_new_from_file:
 * @path: (type filename): the file to read
 * @error: return location for a #GError
 *
 * Reads a registry from @path with the default import limits.
 *
 * Returns: (transfer full) (nullable): a new registry, or %NULL with
 *   @error set as terrind_registry_import_file() does.
 *
 * Since: 1.0
 */
TerrindRegistry *
terrind_registry_new_from_file (const char  *path,
                                GError     **error)
{
  g_autoptr(TerrindRegistry) registry = terrind_registry_new ();

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!load_file (registry, path, NULL, error))
    return NULL;
  return g_steal_pointer (&registry);
}

/**
 * terrind_registry_new_from_data:
 * @data: (array length=length) (element-type guint8): a document in the
 *   libterrind XML format
 * @length: the length of @data in bytes
 * @error: return location for a #GError
 *
 * Reads a registry from memory with the default import limits.
 *
 * Returns: (transfer full) (nullable): a new registry, or %NULL with
 *   @error set as terrind_registry_import_data() does.
 *
 * Since: 1.0
 */
TerrindRegistry *
terrind_registry_new_from_data (const char  *data,
                                gsize        length,
                                GError     **error)
{
  TerrindXmlSource source = { .data = data, .length = length, .fd = -1 };
  g_autoptr(TerrindRegistry) registry = terrind_registry_new ();

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!load_document (registry, &source, "<data>", NULL, error))
    return NULL;
  return g_steal_pointer (&registry);
}
