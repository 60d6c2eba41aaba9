/* test-xml-limits.c: import limits, hostile sizes and misbehaving streams
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "test-xml-common.h"

#define HEAD "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" \
             "<registry xmlns=\"urn:libterrind:registry\" version=\"1\">\n"
#define TAIL "  <operators/>\n  <territories/>\n  <conventions/>\n  <referents/>\n</registry>\n"

/* The most "=" the guard lets through in one tag (terrind-xml-private.h). */
#define TERRIND_XML_GUARD_TEST_MAX 64

/* A document with @n regions. */
static char *
regions_document (guint n)
{
  g_autoptr(GString) doc = g_string_new (HEAD "  <regions>\n");

  for (guint i = 0; i < n; i++)
    g_string_append_printf (doc, "    <region code=\"r%u\" name=\"Region %u\"/>\n", i, i);
  g_string_append (doc, "  </regions>\n" TAIL);
  return g_string_free (g_steal_pointer (&doc), FALSE);
}

static void
assert_import_fails (const char                 *doc,
                     gsize                       length,
                     const TerrindImportOptions *options,
                     TerrindError                code,
                     int                         line)
{
  g_autoptr(TerrindRegistry) registry = terrind_registry_new ();
  g_autoptr(GError) error = NULL;

  ck_assert (!terrind_registry_import_data (registry, doc, length, options, &error));
  ck_assert_msg (error != NULL && error->code == (int) code, "expected %s, got %s",
                 terrind_error_code_to_string (code),
                 error != NULL ? error->message : "no error");
  if (line > 0)
    ck_assert_int_eq (terrind_error_get_line (error), line);
  ck_assert_uint_eq (terrind_registry_get_n_regions (registry), 0);
}

static void
assert_import_succeeds (const char                 *doc,
                        gsize                       length,
                        const TerrindImportOptions *options)
{
  g_autoptr(TerrindRegistry) registry = terrind_registry_new ();
  g_autoptr(GError) error = NULL;

  ck_assert_msg (terrind_registry_import_data (registry, doc, length, options, &error),
                 "%s", error != NULL ? error->message : "");
}

START_TEST (test_options_defaults)
{
  g_autoptr(TerrindImportOptions) options = terrind_import_options_new ();
  TerrindImportOptions *ref;

  ck_assert_uint_eq (terrind_import_options_get_max_bytes (options), G_GUINT64_CONSTANT (1) << 30);
  ck_assert_uint_eq (terrind_import_options_get_max_depth (options), 16);
  ck_assert_uint_eq (terrind_import_options_get_max_value_length (options), 65536);
  ck_assert_uint_eq (terrind_import_options_get_max_elements (options), 50000000);

  terrind_import_options_set_max_bytes (options, 10);
  terrind_import_options_set_max_depth (options, 3);
  terrind_import_options_set_max_value_length (options, 7);
  terrind_import_options_set_max_elements (options, 5);
  ck_assert_uint_eq (terrind_import_options_get_max_bytes (options), 10);
  ck_assert_uint_eq (terrind_import_options_get_max_depth (options), 3);
  ck_assert_uint_eq (terrind_import_options_get_max_value_length (options), 7);
  ck_assert_uint_eq (terrind_import_options_get_max_elements (options), 5);

  /* Depth and value length always keep a limit. */
  terrind_import_options_set_max_depth (options, 0);
  terrind_import_options_set_max_value_length (options, 0);
  ck_assert_uint_eq (terrind_import_options_get_max_depth (options), 1);
  ck_assert_uint_eq (terrind_import_options_get_max_value_length (options), 1);

  ref = terrind_import_options_ref (options);
  ck_assert_ptr_eq (ref, options);
  terrind_import_options_unref (ref);
}
END_TEST

START_TEST (test_max_bytes)
{
  g_autofree char *doc = regions_document (100);
  gsize length = strlen (doc);
  g_autoptr(TerrindImportOptions) options = terrind_import_options_new ();

  terrind_import_options_set_max_bytes (options, length);
  assert_import_succeeds (doc, length, options);
  terrind_import_options_set_max_bytes (options, length - 1);
  assert_import_fails (doc, length, options, TERRIND_ERROR_LIMIT_EXCEEDED, 0);
  terrind_import_options_set_max_bytes (options, 0);  /* no limit */
  assert_import_succeeds (doc, length, options);
}
END_TEST

START_TEST (test_max_elements)
{
  /* registry + 5 sections + 10 regions = 16 elements */
  g_autofree char *doc = regions_document (10);
  g_autoptr(TerrindImportOptions) options = terrind_import_options_new ();

  terrind_import_options_set_max_elements (options, 16);
  assert_import_succeeds (doc, strlen (doc), options);
  terrind_import_options_set_max_elements (options, 15);
  /* The 16th element is <referents/>, on line 18. */
  assert_import_fails (doc, strlen (doc), options, TERRIND_ERROR_LIMIT_EXCEEDED, 18);
}
END_TEST

START_TEST (test_max_depth)
{
  g_autofree char *path = terrind_xml_test_path ("valid", "canonical-full.xml", NULL);
  g_autofree char *doc = NULL;
  gsize length;
  g_autoptr(TerrindImportOptions) options = terrind_import_options_new ();

  ck_assert (g_file_get_contents (path, &doc, &length, NULL));
  /* registry > conventions > convention > commitment > text */
  terrind_import_options_set_max_depth (options, 5);
  assert_import_succeeds (doc, length, options);
  terrind_import_options_set_max_depth (options, 4);
  assert_import_fails (doc, length, options, TERRIND_ERROR_LIMIT_EXCEEDED, 0);
  terrind_import_options_set_max_depth (options, 2);
  /* The first region is the first element at depth 3. */
  assert_import_fails (doc, length, options, TERRIND_ERROR_LIMIT_EXCEEDED, 4);
}
END_TEST

START_TEST (test_deep_nesting)
{
  /* 100 000 nested unknown elements: refused at the first, in constant
   * memory, whatever the limits. */
  g_autoptr(GString) doc = g_string_new (HEAD "  <regions>\n");
  g_autoptr(TerrindImportOptions) options = terrind_import_options_new ();

  for (guint i = 0; i < 100000; i++)
    g_string_append (doc, "<a>");
  for (guint i = 0; i < 100000; i++)
    g_string_append (doc, "</a>");
  g_string_append (doc, "\n  </regions>\n" TAIL);
  assert_import_fails (doc->str, doc->len, NULL, TERRIND_ERROR_SCHEMA, 4);
  terrind_import_options_set_max_depth (options, 2);
  assert_import_fails (doc->str, doc->len, options, TERRIND_ERROR_LIMIT_EXCEEDED, 4);
}
END_TEST

/* A document whose one region name is @length bytes long. */
static GString *
long_name_document (gsize length)
{
  GString *doc = g_string_new (HEAD "  <regions>\n    <region code=\"84\" name=\"");

  for (gsize i = 0; i < length; i++)
    g_string_append_c (doc, 'a');
  g_string_append (doc, "\"/>\n  </regions>\n" TAIL);
  return doc;
}

START_TEST (test_huge_attribute)
{
  g_autoptr(GString) at_limit = long_name_document (65536);
  g_autoptr(GString) over_limit = long_name_document (65537);
  g_autoptr(GString) large = long_name_document (2 * 1024 * 1024);
  g_autoptr(GString) huge = long_name_document (12 * 1024 * 1024);
  g_autoptr(TerrindImportOptions) options = terrind_import_options_new ();

  /* 65536 bytes: exactly the default limit. */
  assert_import_succeeds (at_limit->str, at_limit->len, NULL);
  assert_import_fails (over_limit->str, over_limit->len, NULL, TERRIND_ERROR_LIMIT_EXCEEDED, 4);
  terrind_import_options_set_max_value_length (options, 1000);
  assert_import_fails (at_limit->str, at_limit->len, options, TERRIND_ERROR_LIMIT_EXCEEDED, 4);

  assert_import_fails (large->str, large->len, NULL, TERRIND_ERROR_LIMIT_EXCEEDED, 4);
  /* A higher import limit cannot take a value past what the model accepts
   * from its setters (64 KiB): a registry that loads must save and load. */
  terrind_import_options_set_max_value_length (options, G_MAXUINT);
  assert_import_fails (large->str, large->len, options, TERRIND_ERROR_INVALID_VALUE, 4);

  /* Beyond libxml2's own cap (10 MB) the guard refuses the value before
   * the parser sees it, with a message about the limit rather than
   * libxml2's "internal error: Huge input lookup". */
  assert_import_fails (huge->str, huge->len, NULL, TERRIND_ERROR_LIMIT_EXCEEDED, 4);
  assert_import_fails (huge->str, huge->len, options, TERRIND_ERROR_LIMIT_EXCEEDED, 4);
}
END_TEST

START_TEST (test_huge_text)
{
  static const char before[] =
    HEAD "  <regions/>\n  <operators>\n    <operator id=\"op\" name=\"Op\"/>\n  </operators>\n"
    "  <territories/>\n  <conventions>\n"
    "    <convention id=\"c\" operator=\"op\" date=\"2019-03-05\">\n"
    "      <commitment id=\"k\" kind=\"tool\">\n        <text>";
  static const char after[] =
    "</text>\n      </commitment>\n    </convention>\n  </conventions>\n  <referents/>\n"
    "</registry>\n";
  g_autoptr(GString) doc = g_string_new (before);

  for (guint i = 0; i < 4096; i++)
    g_string_append (doc, "0123456789abcdef");  /* 64 KiB */
  g_string_append (doc, after);
  assert_import_succeeds (doc->str, doc->len, NULL);
  g_string_insert (doc, (gssize) strlen (before), "!");
  assert_import_fails (doc->str, doc->len, NULL, TERRIND_ERROR_LIMIT_EXCEEDED, 11);
}
END_TEST

/* libxml2 compares each attribute of a tag with all the previous ones:
 * a tag with too many is refused before the parser sees it. */
START_TEST (test_attribute_flood)
{
  g_autoptr(GString) flood = g_string_new (HEAD "  <regions>\n    <region code=\"84\" name=\"x\"");
  g_autoptr(GString) fine = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                          "<!-- = = = <a b=\"c\"> = = = -->\n<registry");
  g_autoptr(TerrindRegistry) registry = terrind_registry_new ();
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 200000; i++)
    g_string_append_printf (flood, " a%u=\"\"", i);
  g_string_append (flood, "/>\n  </regions>\n" TAIL);
  ck_assert (!terrind_registry_import_data (registry, flood->str, flood->len, NULL, &error));
  ck_assert_int_eq (terrind_error_get_line (error), 4);
  ck_assert_int_eq (terrind_error_get_column (error), 5);
  /* The guard's code, not the parser's: libxml2 never saw the tag (alone
   * it needs seconds on this, xmllint minutes). How long it takes is for
   * the benchmarks to say, not a test. */
  terrind_assert_error (error, TERRIND_ERROR_LIMIT_EXCEEDED);

  /* 64 "=" in a tag are fine, and so are any number in values, comments,
   * CDATA sections and processing instructions. */
  for (guint i = 0; i < 62; i++)
    g_string_append_printf (fine, " xmlns:p%u=\"urn:p:%u\"", i, i);
  g_string_append (fine, " xmlns=\"urn:libterrind:registry\" version=\"1\">\n"
                   "  <regions>\n    <region code=\"84\" name=\"");
  for (guint i = 0; i < 100; i++)
    g_string_append (fine, "a=b '=' ");
  g_string_append (fine, "\"/>\n  </regions>\n  <operators/>\n  <territories/>\n"
                   "  <conventions>\n    <convention id=\"c\" operator=\"op\" date=\"2019-03-05\">\n"
                   "      <commitment id=\"k\" kind=\"tool\"><text><![CDATA[");
  for (guint i = 0; i < 100; i++)
    g_string_append (fine, "<x y=\"z\"> ] ]> ");
  g_string_append (fine, "]]><?pi ? = = > ?></text></commitment>\n    </convention>\n"
                   "  </conventions>\n  <referents/>\n</registry>\n");
  /* The convention names an operator the document lacks: that error, on
   * line 10, is proof the whole document went through the parser. */
  ck_assert (!terrind_registry_import_data (registry, fine->str, fine->len, NULL, &error));
  ck_assert_int_eq (terrind_error_get_line (error), 10);
  terrind_assert_error (error, TERRIND_ERROR_UNKNOWN_REFERENCE);
}
END_TEST

/* The guard takes most tags in one step, counting every "=" up to the next
 * "<" (terrind-xml-guard.c): a short tag with too many attributes is caught
 * there, text full of "=" after a tag is not mistaken for attributes, and
 * attributes hidden behind a "<" in a value never reach the parser. */
static char *
region_with_attributes (guint n_extra)
{
  g_autoptr(GString) doc = g_string_new (HEAD "  <regions>\n    <region code=\"84\" name=\"x\"");

  for (guint i = 0; i < n_extra; i++)
    g_string_append_printf (doc, " a%u=\"\"", i);
  g_string_append (doc, "/>\n  </regions>\n" TAIL);
  return g_string_free (g_steal_pointer (&doc), FALSE);
}

START_TEST (test_guard_counts_each_tag)
{
  g_autofree char *at_limit = region_with_attributes (TERRIND_XML_GUARD_TEST_MAX - 2);
  g_autofree char *over = region_with_attributes (TERRIND_XML_GUARD_TEST_MAX - 1);
  g_autoptr(GString) hidden = g_string_new (HEAD "  <regions>\n    <region code=\"84\" name=\"x<\"");
  g_autoptr(GString) text = g_string_new (HEAD "  <regions/>\n  <operators>\n"
                                          "    <operator id=\"op\" name=\"Op\"/>\n"
                                          "  </operators>\n  <territories/>\n  <conventions>\n"
                                          "    <convention id=\"c\" operator=\"op\" date=\"2019-03-05\">\n"
                                          "      <commitment id=\"k\" kind=\"tool\">\n        <text>");
  g_autoptr(TerrindRegistry) registry = terrind_registry_new ();
  g_autoptr(GError) error = NULL;

  /* 64 "=" in one short tag pass the guard: the importer itself then
   * refuses the unknown attribute. One more, and the guard refuses the
   * tag, at its "<". */
  ck_assert (!terrind_registry_import_data (registry, at_limit, strlen (at_limit), NULL, &error));
  terrind_assert_error (error, TERRIND_ERROR_SCHEMA);
  ck_assert (!terrind_registry_import_data (registry, over, strlen (over), NULL, &error));
  ck_assert_int_eq (terrind_error_get_line (error), 4);
  ck_assert_int_eq (terrind_error_get_column (error), 5);
  terrind_assert_error (error, TERRIND_ERROR_LIMIT_EXCEEDED);

  /* Text after a tag may hold any number of "=". */
  for (guint i = 0; i < 1000; i++)
    g_string_append (text, "a = b ");
  g_string_append (text, "</text>\n      </commitment>\n    </convention>\n  </conventions>\n"
                   "  <referents/>\n</registry>\n");
  ck_assert_msg (terrind_registry_import_data (registry, text->str, text->len, NULL, &error),
                 "%s", error != NULL ? error->message : "");
  ck_assert_ptr_nonnull (terrind_registry_get_commitment (registry, "k"));

  /* Attributes after a value that holds a "<": the parser stops at the
   * "<", and never reads them. */
  for (guint i = 0; i < 200000; i++)
    g_string_append_printf (hidden, " a%u=\"\"", i);
  g_string_append (hidden, "/>\n  </regions>\n" TAIL);
  g_clear_pointer (&registry, terrind_registry_unref);
  registry = terrind_registry_new ();
  ck_assert (!terrind_registry_import_data (registry, hidden->str, hidden->len, NULL, &error));
  ck_assert_int_eq (terrind_error_get_line (error), 4);
  terrind_assert_error (error, TERRIND_ERROR_PARSE);
  ck_assert_uint_eq (terrind_registry_get_n_regions (registry), 0);
}
END_TEST

/* A stream that produces @pattern for ever: the byte limit stops it. */
typedef struct {
  GInputStream parent;
} EndlessStream;
typedef GInputStreamClass EndlessStreamClass;
static GType endless_stream_get_type (void);
G_DEFINE_TYPE (EndlessStream, endless_stream, G_TYPE_INPUT_STREAM)

static gssize
endless_stream_read (GInputStream  *stream,
                     void          *buffer,
                     gsize          count,
                     GCancellable  *cancellable,
                     GError       **error)
{
  static const char start[] = HEAD "  <regions>\n";
  static gsize offset;  /* the stream is only used once per process */
  char *out = buffer;

  for (gsize i = 0; i < count; i++, offset++)
    out[i] = offset < sizeof start - 1 ? start[offset] : " \n"[offset % 2];
  return (gssize) count;
}

static void
endless_stream_class_init (EndlessStreamClass *klass)
{
  klass->read_fn = endless_stream_read;
}

static void
endless_stream_init (EndlessStream *stream)
{
}

START_TEST (test_endless_stream)
{
  g_autoptr(GInputStream) stream = g_object_new (endless_stream_get_type (), NULL);
  g_autoptr(TerrindImportOptions) options = terrind_import_options_new ();
  g_autoptr(TerrindRegistry) registry = terrind_registry_new ();
  g_autoptr(GError) error = NULL;

  terrind_import_options_set_max_bytes (options, 8 * 1024 * 1024);
  ck_assert (!terrind_registry_import_stream (registry, stream, "endless", options, NULL,
                                              &error));
  ck_assert_str_eq (terrind_error_get_file (error), "endless");
  terrind_assert_error (error, TERRIND_ERROR_LIMIT_EXCEEDED);
}
END_TEST

/* A stream that hands out one byte at a time, then fails or not. */
typedef struct {
  GInputStream parent;
  const char  *data;
  gsize        length;
  gsize        offset;
  gboolean     fail_at_end;
} TrickleStream;
typedef GInputStreamClass TrickleStreamClass;
static GType trickle_stream_get_type (void);
G_DEFINE_TYPE (TrickleStream, trickle_stream, G_TYPE_INPUT_STREAM)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TrickleStream, g_object_unref)

static gssize
trickle_stream_read (GInputStream  *stream,
                     void          *buffer,
                     gsize          count,
                     GCancellable  *cancellable,
                     GError       **error)
{
  TrickleStream *self = (TrickleStream *) stream;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return -1;
  if (self->offset == self->length)
    {
      if (self->fail_at_end)
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_BROKEN_PIPE, "the wire broke");
          return -1;
        }
      return 0;
    }
  if (count == 0)
    return 0;
  ((char *) buffer)[0] = self->data[self->offset++];
  return 1;
}

static void
trickle_stream_class_init (TrickleStreamClass *klass)
{
  klass->read_fn = trickle_stream_read;
}

static void
trickle_stream_init (TrickleStream *stream)
{
}

static TrickleStream *
trickle_stream_new (const char *data,
                    gboolean    fail_at_end)
{
  TrickleStream *stream = g_object_new (trickle_stream_get_type (), NULL);

  stream->data = data;
  stream->length = strlen (data);
  stream->fail_at_end = fail_at_end;
  return stream;
}

START_TEST (test_trickling_stream)
{
  g_autofree char *path = terrind_xml_test_path ("valid", "canonical-full.xml", NULL);
  g_autofree char *doc = NULL;
  g_autoptr(TerrindRegistry) expected = NULL;
  g_autoptr(TerrindRegistry) registry = terrind_registry_new ();
  g_autoptr(TrickleStream) stream = NULL;
  g_autoptr(GError) error = NULL;

  ck_assert (g_file_get_contents (path, &doc, NULL, NULL));
  expected = terrind_registry_new_from_file (path, &error);
  terrind_assert_no_error (error);

  stream = trickle_stream_new (doc, FALSE);
  ck_assert (terrind_registry_import_stream (registry, G_INPUT_STREAM (stream), NULL, NULL, NULL,
                                             &error));
  terrind_assert_no_error (error);
  ck_assert (terrind_registry_equal (registry, expected));
}
END_TEST

START_TEST (test_failing_stream)
{
  g_autofree char *doc = regions_document (3);
  g_autoptr(TerrindRegistry) registry = terrind_registry_new ();
  g_autoptr(TrickleStream) stream = trickle_stream_new (doc, TRUE);
  g_autoptr(GError) error = NULL;

  ck_assert (!terrind_registry_import_stream (registry, G_INPUT_STREAM (stream), "wire", NULL,
                                              NULL, &error));
  ck_assert_msg (strstr (error->message, "the wire broke") != NULL, "%s", error->message);
  terrind_assert_error (error, TERRIND_ERROR_IO);
  ck_assert_uint_eq (terrind_registry_get_n_regions (registry), 0);
}
END_TEST

START_TEST (test_cancelled_stream)
{
  g_autofree char *doc = regions_document (3);
  g_autoptr(TerrindRegistry) registry = terrind_registry_new ();
  g_autoptr(TrickleStream) stream = trickle_stream_new (doc, FALSE);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;

  g_cancellable_cancel (cancellable);
  ck_assert (!terrind_registry_import_stream (registry, G_INPUT_STREAM (stream), NULL, NULL,
                                              cancellable, &error));
  terrind_assert_error (error, TERRIND_ERROR_IO);
  ck_assert_uint_eq (terrind_registry_get_n_regions (registry), 0);
}
END_TEST

START_TEST (test_empty_data)
{
  g_autoptr(TerrindRegistry) registry = terrind_registry_new ();
  g_autoptr(GError) error = NULL;

  ck_assert (!terrind_registry_import_data (registry, NULL, 0, NULL, &error));
  ck_assert_int_eq (terrind_error_get_line (error), 1);
  terrind_assert_error (error, TERRIND_ERROR_PARSE);
  ck_assert_ptr_null (terrind_registry_new_from_data ("", 0, &error));
  terrind_assert_error (error, TERRIND_ERROR_PARSE);
}
END_TEST

/* Every byte value inside an attribute value: only what XML allows and the
 * model accepts gets in; everything else is an error on its line. */
START_TEST (test_every_byte)
{
  for (guint byte = 0; byte < 256; byte++)
    {
      g_autofree char *doc = g_strdup (HEAD "  <regions>\n    <region code=\"84\" "
                                       "name=\"a?b\"/>\n  </regions>\n" TAIL);
      gsize length = strlen (doc);
      g_autoptr(TerrindRegistry) registry = terrind_registry_new ();
      g_autoptr(GError) error = NULL;
      /* Tab, newline and carriage return become spaces (attribute-value
       * normalisation); "\"", "&", "<", other control characters and lone
       * bytes >= 0x80 (invalid UTF-8) are not well-formed; DEL is XML but
       * the model refuses control characters in names. */
      gboolean valid = (byte >= 0x20 && byte < 0x7f && byte != '"' && byte != '&' &&
                        byte != '<') || byte == '\t' || byte == '\n' || byte == '\r';

      strstr (doc, "a?b")[1] = (char) byte;
      if (terrind_registry_import_data (registry, doc, length, NULL, &error))
        ck_assert_msg (valid, "byte 0x%02x was accepted", byte);
      else
        {
          ck_assert_msg (!valid, "byte 0x%02x: %s", byte, error->message);
          ck_assert_int_eq (terrind_error_get_line (error), 4);
          ck_assert_int_eq (error->code, byte == 0x7f ? TERRIND_ERROR_INVALID_VALUE
                                                      : TERRIND_ERROR_PARSE);
        }
    }
}
END_TEST

static Suite *
xml_limits_suite (void)
{
  Suite *suite = suite_create ("xml-limits");
  TCase *tcase = tcase_create ("limits");

  tcase_add_test (tcase, test_options_defaults);
  tcase_add_test (tcase, test_max_bytes);
  tcase_add_test (tcase, test_max_elements);
  tcase_add_test (tcase, test_max_depth);
  tcase_add_test (tcase, test_deep_nesting);
  tcase_add_test (tcase, test_huge_attribute);
  tcase_add_test (tcase, test_huge_text);
  tcase_add_test (tcase, test_attribute_flood);
  tcase_add_test (tcase, test_guard_counts_each_tag);
  tcase_add_test (tcase, test_endless_stream);
  tcase_add_test (tcase, test_trickling_stream);
  tcase_add_test (tcase, test_failing_stream);
  tcase_add_test (tcase, test_cancelled_stream);
  tcase_add_test (tcase, test_empty_data);
  tcase_add_test (tcase, test_every_byte);
  suite_add_tcase (suite, tcase);
  return suite;
}

int
main (void)
{
  return terrind_test_run (xml_limits_suite ());
}
