/* test-xml-schema.c: the importer and the XSD agree on the corpus
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The importer does not run an XSD validator (it checks the same structure
 * while it streams, at no extra cost); this suite keeps the two in step.
 * Every valid fixture must pass the compiled-in schema, and every invalid
 * fixture must get the verdict tests/data/invalid/EXPECTED records for it:
 * "rejects" for everything XSD 1.0 can express.
 */

#include <libxml/parser.h>
#include <libxml/xmlschemas.h>

#include "test-xml-common.h"

static void
ignore_error (void *data, xmlErrorPtr error)
{
}

static xmlSchemaPtr
load_schema (void)
{
  gsize length;
  const char *text = terrind_xml_get_schema (&length);
  xmlSchemaParserCtxtPtr parser = xmlSchemaNewMemParserCtxt (text, (int) length);
  xmlSchemaPtr schema;

  ck_assert_ptr_nonnull (parser);
  schema = xmlSchemaParse (parser);
  xmlSchemaFreeParserCtxt (parser);
  ck_assert_msg (schema != NULL, "the compiled-in schema does not parse");
  return schema;
}

/* TRUE when @contents is well-formed (read from memory: nothing
 * decompressed, no entity substituted, no DTD loaded) and valid against
 * @schema. */
static gboolean
xsd_accepts_data (xmlSchemaPtr  schema,
                  const char   *contents,
                  gsize         length)
{
  xmlParserCtxtPtr parser;
  xmlDocPtr doc;
  xmlSchemaValidCtxtPtr validator;
  int result;

  parser = xmlNewParserCtxt ();
  doc = xmlCtxtReadMemory (parser, contents, (int) length, NULL, NULL,
                           XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  xmlFreeParserCtxt (parser);
  if (doc == NULL)
    return FALSE;
  validator = xmlSchemaNewValidCtxt (schema);
  xmlSchemaSetValidStructuredErrors (validator, ignore_error, NULL);
  result = xmlSchemaValidateDoc (validator, doc);
  xmlSchemaFreeValidCtxt (validator);
  xmlFreeDoc (doc);
  return result == 0;
}

static gboolean
xsd_accepts (xmlSchemaPtr  schema,
             const char   *path)
{
  g_autofree char *contents = NULL;
  gsize length;

  ck_assert (g_file_get_contents (path, &contents, &length, NULL));
  return xsd_accepts_data (schema, contents, length);
}

START_TEST (test_valid_fixtures_pass_the_schema)
{
  xmlSchemaPtr schema = load_schema ();
  g_autoptr(GPtrArray) files = terrind_xml_test_valid_files ();

  for (guint i = 0; i < files->len; i++)
    {
      g_autofree char *path = terrind_xml_test_path ("valid", files->pdata[i], NULL);

      ck_assert_msg (xsd_accepts (schema, path), "the schema rejects valid/%s",
                     (char *) files->pdata[i]);
    }
  xmlSchemaFree (schema);
}
END_TEST

START_TEST (test_invalid_fixtures_match_their_verdict)
{
  xmlSchemaPtr schema = load_schema ();
  g_autoptr(GPtrArray) expectations = terrind_xml_test_load_expectations ();
  guint n_rejected = 0;

  for (guint i = 0; i < expectations->len; i++)
    {
      const TerrindXmlExpectation *expected = expectations->pdata[i];
      g_autofree char *path = terrind_xml_test_path ("invalid", expected->file, NULL);
      gboolean accepts = xsd_accepts (schema, path);

      ck_assert_msg (accepts != expected->xsd_rejects, "the schema %s invalid/%s; EXPECTED says "
                     "it %s", accepts ? "accepts" : "rejects", expected->file,
                     expected->xsd_rejects ? "rejects" : "accepts");
      n_rejected += !accepts;
    }
  /* The schema is not a formality: it rejects most of the corpus. */
  ck_assert_uint_gt (n_rejected, expectations->len * 3 / 4);
  xmlSchemaFree (schema);
}
END_TEST

/* The schema is written from the description: a field the description
 * gains (a referent's end date) is in it, with the type of its value. */
static const struct {
  const char *attributes;
  gboolean    valid;
} referents[] = {
  { "", TRUE },
  { " start=\"2019-06-01\" end=\"2024-12-31\"", TRUE },
  { " end=\"soon\"", FALSE },
  { " phase=\"1\"", FALSE },
};

START_TEST (test_schema_follows_description)
{
  xmlSchemaPtr schema = load_schema ();
  g_autofree char *document =
    g_strdup_printf ("<registry xmlns=\"%s\" version=\"%d\">\n"
                     "  <regions><region code=\"84\" name=\"Auvergne-Rhône-Alpes\"/></regions>\n"
                     "  <operators><operator id=\"op\" name=\"Op\"/></operators>\n"
                     "  <territories><territory id=\"ti\" name=\"T\" region=\"84\"/></territories>\n"
                     "  <conventions/>\n"
                     "  <referents><referent id=\"r\" operator=\"op\" territory=\"ti\" "
                     "person=\"P\"%s/></referents>\n"
                     "</registry>\n",
                     TERRIND_XML_NAMESPACE, TERRIND_XML_FORMAT_VERSION, referents[_i].attributes);

  ck_assert_msg (xsd_accepts_data (schema, document, strlen (document)) == referents[_i].valid,
                 "the schema %s a referent with \"%s\"", referents[_i].valid ? "rejects" : "accepts",
                 referents[_i].attributes);
  xmlSchemaFree (schema);
}
END_TEST

static Suite *
xml_schema_suite (void)
{
  Suite *suite = suite_create ("xml-schema");
  TCase *tcase = tcase_create ("schema");

  tcase_add_test (tcase, test_valid_fixtures_pass_the_schema);
  tcase_add_test (tcase, test_invalid_fixtures_match_their_verdict);
  tcase_add_loop_test (tcase, test_schema_follows_description, 0, G_N_ELEMENTS (referents));
  suite_add_tcase (suite, tcase);
  return suite;
}

int
main (void)
{
  return terrind_test_run (xml_schema_suite ());
}
