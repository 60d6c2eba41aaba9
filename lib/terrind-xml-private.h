/* terrind-xml-private.h: shared by the XML importer's parts
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <libxml/parser.h>

#include "terrind-xml.h"
#include "terrind-error.h"

G_BEGIN_DECLS

/* The elements of format version 1. The importer walks the document with a
 * stack of these; terrind-xml-loader.c knows, for each, its children, its
 * attributes and how it becomes part of the model. */
typedef enum {
  TERRIND_XML_NONE,              /* outside the root */
  TERRIND_XML_REGISTRY,
  TERRIND_XML_REGIONS,
  TERRIND_XML_REGION,
  TERRIND_XML_OPERATORS,
  TERRIND_XML_OPERATOR,
  TERRIND_XML_FORMER_NAME,
  TERRIND_XML_TERRITORIES,
  TERRIND_XML_TERRITORY,
  TERRIND_XML_MEMBER,
  TERRIND_XML_DEPARTMENT,
  TERRIND_XML_CONVENTIONS,
  TERRIND_XML_CONVENTION,
  TERRIND_XML_SIGNATORY,
  TERRIND_XML_COMMITMENT,
  TERRIND_XML_TEXT,
  TERRIND_XML_THEME,
  TERRIND_XML_TARGET,
  TERRIND_XML_REFERENTS,
  TERRIND_XML_REFERENT,
  TERRIND_XML_N_ELEMENTS
} TerrindXmlElement;

/* The most attributes any element of the format has (a referent's). */
#define TERRIND_XML_MAX_ATTRIBUTES 8

/* One open element. */
typedef struct {
  TerrindXmlElement element;
  int               line;        /* where its start tag begins */
  int               column;
  int               last_child;  /* rank of its last child, -1 before the first */
} TerrindXmlFrame;

/* The format nests 5 elements deep; the loader refuses any element it does
 * not expect before pushing it, so this bound is never reached. */
#define TERRIND_XML_MAX_FRAMES 8

typedef struct _TerrindXmlLoader TerrindXmlLoader;

struct _TerrindXmlLoader {
  xmlParserCtxtPtr  ctxt;
  const char       *file;              /* name for messages */
  guint64           max_elements;      /* 0: none */
  guint             max_depth;
  guint             max_value_length;

  GError           *error;             /* the first error; stops the parser */
  guint64           n_elements;

  TerrindXmlFrame   frames[TERRIND_XML_MAX_FRAMES];  /* [0] is NONE */
  guint             depth;
  gboolean          in_start_tag;      /* the parser is inside a start tag */

  /* The values of the current element's attributes, indexed like the
   * element's attribute table; NULL when absent. They point into
   * @attribute_buffers. */
  const char       *attributes[TERRIND_XML_MAX_ATTRIBUTES];
  GString          *attribute_buffers[TERRIND_XML_MAX_ATTRIBUTES];

  /* Character data of the current <text> or <theme>. */
  GString          *text;

  /* What the document builds, and the entities still open in it. */
  TerrindRegistry   *staging;
  TerrindOperator   *op;
  TerrindTerritory  *territory;
  TerrindConvention *convention;
  TerrindCommitment *commitment;
  gboolean           commitment_has_text;
};

/* terrind-xml-loader.c */
void     terrind_xml_loader_clear_entities (TerrindXmlLoader *loader);
gboolean terrind_xml_loader_start          (TerrindXmlLoader  *loader,
                                            const xmlChar     *localname,
                                            const xmlChar     *uri,
                                            int                n_attributes,
                                            const xmlChar    **attributes);
gboolean terrind_xml_loader_end            (TerrindXmlLoader  *loader);
gboolean terrind_xml_loader_characters     (TerrindXmlLoader  *loader,
                                            const xmlChar     *chars,
                                            int                length);

const char *terrind_xml_element_name     (TerrindXmlElement  element);

/* terrind-xml-import.c: errors at the current element or position */
void     terrind_xml_loader_fail           (TerrindXmlLoader  *loader,
                                            TerrindError       code,
                                            const char        *format,
                                            ...) G_GNUC_PRINTF (3, 4);
void     terrind_xml_loader_fail_here      (TerrindXmlLoader  *loader,
                                            TerrindError       code,
                                            const char        *format,
                                            ...) G_GNUC_PRINTF (3, 4);
void     terrind_xml_loader_locate_start_tag (TerrindXmlLoader *loader,
                                              int              *line,
                                              int              *column);

G_END_DECLS
