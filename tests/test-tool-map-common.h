/* test-tool-map-common.h: reading back what terrind map and report write
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <glib/gstdio.h>
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/xpath.h>

#include "test-tool-common.h"

/* The shapes of the source tree, not the installed ones. Called from
 * main(), where Check's assertions cannot report. */
static inline void
map_test_setup (void)
{
  const char *top = g_getenv ("TERRIND_TOP_SRCDIR");
  g_autofree char *geometry = NULL;

  if (top == NULL)
    g_error ("TERRIND_TOP_SRCDIR is not set");
  geometry = g_build_filename (top, "data", "geometry.json", NULL);
  g_setenv ("TERRIND_GEOMETRY", geometry, TRUE);
}

/* A temporary directory, removed with what is in it. */
typedef struct {
  char *path;
} MapDir;

static inline MapDir *
map_dir_new (void)
{
  MapDir *dir = g_new0 (MapDir, 1);

  dir->path = g_dir_make_tmp ("terrind-map-XXXXXX", NULL);
  ck_assert (dir->path != NULL);
  return dir;
}

static inline void
map_dir_free (MapDir *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir->path, 0, NULL);
  const char *name;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir->path, name, NULL);
      g_remove (path);
    }
  g_rmdir (dir->path);
  g_free (dir->path);
  g_free (dir);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MapDir, map_dir_free)

/* Parses @path, an SVG (XML) or, when its name ends in .html, HTML; a
 * document that is not well-formed fails the test. */
static inline xmlDoc *
map_read (const char *path)
{
  xmlDoc *doc;

  if (g_str_has_suffix (path, ".html"))
    doc = htmlReadFile (path, "UTF-8", HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING);
  else
    doc = xmlReadFile (path, NULL, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  ck_assert_msg (doc != NULL, "%s is not well-formed", path);
  return doc;
}

static inline xmlXPathObject *
map_query (xmlDoc     *doc,
           const char *xpath)
{
  xmlXPathContext *context = xmlXPathNewContext (doc);
  xmlXPathObject *result = xmlXPathEvalExpression ((const xmlChar *) xpath, context);

  xmlXPathFreeContext (context);
  ck_assert_msg (result != NULL, "bad XPath %s", xpath);
  return result;
}

static inline guint
map_count (const char *path,
           const char *xpath)
{
  xmlDoc *doc = map_read (path);
  xmlXPathObject *result = map_query (doc, xpath);
  guint n = result->nodesetval != NULL ? (guint) result->nodesetval->nodeNr : 0;

  xmlXPathFreeObject (result);
  xmlFreeDoc (doc);
  return n;
}

/* data-territory → data-class of every territory drawn; each is drawn once. */
static inline GHashTable *
map_read_territories (const char *path)
{
  xmlDoc *doc = map_read (path);
  xmlXPathObject *result = map_query (doc, "//*[@data-territory]");
  GHashTable *classes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (int i = 0; result->nodesetval != NULL && i < result->nodesetval->nodeNr; i++)
    {
      xmlNode *node = result->nodesetval->nodeTab[i];
      xmlChar *id = xmlGetProp (node, (const xmlChar *) "data-territory");
      xmlChar *klass = xmlGetProp (node, (const xmlChar *) "data-class");

      ck_assert_msg (!g_hash_table_contains (classes, (const char *) id), "%s drawn twice", id);
      ck_assert_str_eq ((const char *) node->name, "path");
      g_hash_table_insert (classes, g_strdup ((const char *) id),
                           g_strdup (klass != NULL ? (const char *) klass : ""));
      xmlFree (id);
      xmlFree (klass);
    }
  xmlXPathFreeObject (result);
  xmlFreeDoc (doc);
  return classes;
}

/* @text is in the document's text (not its markup). */
static inline void
map_assert_text (const char *path,
                 const char *text)
{
  xmlDoc *doc = map_read (path);
  xmlChar *content = xmlNodeGetContent (xmlDocGetRootElement (doc));

  ck_assert_msg (strstr ((const char *) content, text) != NULL,
                 "expected to find \"%s\" in the text of %s", text, path);
  xmlFree (content);
  xmlFreeDoc (doc);
}
