/* terrind-xml-private.h: shared by the XML importer's parts
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The reader's layers, each calling only the ones below it:
 *
 *   terrind-xml-import.c    bytes → SAX events: sources, encoding checks,
 *                           the guard, the parser and its callbacks
 *   terrind-xml-loader.c    SAX events → the element stack: place, order,
 *                           attributes and limits of each element
 *   terrind-xml-elements.c  elements → model edits: the element table and
 *                           one loader per element
 *   terrind-xml-location.c  locations, errors at the current element, and
 *                           the located edit through the changeset
 *   terrind-xml-guard.c     (beside them) the byte scanner import.c runs
 */

#pragma once

#include <libxml/parser.h>

#include "terrind-xml.h"
#include "terrind-changeset.h"
#include "terrind-error.h"
#include "terrind-interner-private.h"
#include "terrind-model-private.h"
#include "terrind-problems-private.h"

G_BEGIN_DECLS

/* The elements of the format. The importer walks the document with a
 * stack of these; terrind-xml-loader.c knows, for each, its children, its
 * attributes and how it becomes part of the model. */
typedef enum {
  TERRIND_XML_NONE,              /* outside the root */
  TERRIND_XML_REGISTRY,
  TERRIND_XML_PHASES,
  TERRIND_XML_PHASE,
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
  TERRIND_XML_DESIGNATIONS,
  TERRIND_XML_DESIGNATION,
  TERRIND_XML_INVESTMENTS,
  TERRIND_XML_INVESTMENT,
  TERRIND_XML_N_ELEMENTS
} TerrindXmlElement;

/* The most attributes any element of the format has (a referent's). */
#define TERRIND_XML_MAX_ATTRIBUTES 12

/* One open element. */
typedef struct {
  TerrindXmlElement element;
  int               line;        /* where its start tag begins */
  int               column;
  int               last_child;  /* rank of its last child, -1 before the first */
  gpointer          entity;      /* the entity an entity element builds, until it ends */
  gboolean          has_content; /* its content field (a commitment's text) came */
  guint32           seen;        /* bit r: a child of rank r came */
  /* After a problem (see "Going on after a problem" in
   * terrind-xml-loader.c): */
  gboolean          skipped;     /* left out, with all it holds */
  gboolean          abandoned;   /* an entity that lost part of itself: not added */
  gboolean          order_failed; /* its children's order was found wrong once */
} TerrindXmlFrame;

/* The format nests 5 elements deep; the loader refuses any element it does
 * not expect before pushing it, so this bound is never reached. */
#define TERRIND_XML_MAX_FRAMES 8

typedef struct _TerrindXmlLoader TerrindXmlLoader;


/* terrind-xml-guard.c: refuses, before the parser sees it, a start tag with
 * more attributes than any element of the format could have (libxml2's
 * cost for one tag grows with the square of its attributes) and a quoted
 * value longer than the import limit (libxml2 2.9 would stop at 10 MB with
 * "internal error: Huge input lookup"), and knows whether the input ends in
 * the middle of a tag. */
#define TERRIND_XML_GUARD_MAX_ATTRIBUTES 64

typedef enum {
  TERRIND_XML_GUARD_OK,
  TERRIND_XML_GUARD_TOO_MANY_ATTRIBUTES,
  TERRIND_XML_GUARD_VALUE_TOO_LONG,
} TerrindXmlGuardResult;

typedef struct {
  int     state;
  guint   equals;      /* "=" outside quotes in the current tag */
  guint   run;         /* length of the run of "-", "]" or "?" just seen */
  char    quote;
  guint64 value_length;      /* bytes of the current quoted value so far */
  guint64 max_value_length;
  guint64 offset;      /* bytes scanned before the current chunk */
  int     line;        /* the current line */
  guint64 line_start;  /* offset of its first byte */
  int     tag_line;    /* where the last "<" was: line, and column in bytes */
  int     tag_column;
} TerrindXmlGuard;

void     terrind_xml_guard_init      (TerrindXmlGuard *guard,
                                      guint            max_value_length);
TerrindXmlGuardResult
         terrind_xml_guard_scan      (TerrindXmlGuard *guard,
                                      const char      *chunk,
                                      gsize            length);
/* TRUE when the bytes scanned so far end inside markup (a tag, a comment,
 * a declaration): a document that ends there was cut short. */
gboolean terrind_xml_guard_in_markup (const TerrindXmlGuard *guard);

struct _TerrindXmlLoader {
  xmlParserCtxtPtr  ctxt;
  const char       *file;              /* name for messages */
  guint64           max_elements;      /* 0: none */
  guint             max_depth;
  guint             max_value_length;

  /* What went wrong so far, up to the max-errors option. The parser is
   * stopped (and @stopped set) when a problem is fatal or the list is
   * full; until then the import goes on after each. */
  TerrindProblems   problems;
  gboolean          stopped;
  guint64           n_elements;

  TerrindXmlFrame   frames[TERRIND_XML_MAX_FRAMES];  /* [0] is NONE */
  guint             depth;
  gboolean          in_start_tag;      /* the parser is inside a start tag */
  guint             n_unknown;         /* open elements the format does not
                                        * have, inside a left-out one */

  /* Ids of entities left out after a problem, as "kind\037id", and kinds
   * left out whole (a section missing or refused): what refers to them is
   * left out too, unreported (terrind-xml-elements.c). NULL until the
   * first. */
  GHashTable       *poisoned;
  GHashTable       *poisoned_kinds;

  /* The values of the current element's attributes, indexed like the
   * element's attribute table; NULL when absent. They point into
   * @attribute_data, @attribute_data_size bytes reused from tag to tag. */
  const char       *attributes[TERRIND_XML_MAX_ATTRIBUTES];
  char             *attribute_data;
  gsize             attribute_data_size;

  /* The format's names as the parser's dictionary holds them: libxml2
   * hands element and attribute names over from its dictionary, so most
   * comparisons are of pointers (see names_equal()). */
  const xmlChar    *element_names[TERRIND_XML_N_ELEMENTS];
  const xmlChar    *attribute_names[TERRIND_XML_N_ELEMENTS][TERRIND_XML_MAX_ATTRIBUTES];
  const xmlChar    *namespace_uri;
  /* The last lookup_element() that found a name in the parser's
   * dictionary: most start tags repeat their previous sibling's. */
  const xmlChar    *last_name;
  TerrindXmlElement last_parent;
  TerrindXmlElement last_element;

  /* The operator ids, territory ids and roles of referents recur. */
  TerrindInterner   interner;

  /* Character data of the current <text> or <theme>. */
  GString          *text;

  /* The edits of the document, applied to the registry imported into as
   * each element is read; the entities still open in it are in the
   * frames. */
  TerrindChangeset  *changeset;
};

/* terrind-xml-elements.c: one row per element of the format, and how each
 * becomes part of the model. The rows give the structure (where an element
 * may appear, in which order); what an element means comes from the model
 * description: an entity element is a kind, its attributes are the kind's
 * fields; a list item element is an item of a list field, its attributes
 * the item fields; a text element is a content field. The attribute tables
 * are filled from the description by terrind_xml_elements_init(). The
 * structure matches the schema written from the description (lib/terrind-xml-schema.c); tests/test-xml-schema.c checks that
 * the two agree on the whole fixture corpus. */
typedef gboolean (*TerrindXmlLoadFunc) (TerrindXmlLoader *loader,
                                        GError          **error);

typedef struct {
  const char          *name;
  TerrindXmlElement    parent;
  int                  rank;        /* order among the parent's children */
  gboolean             repeated;    /* may follow itself */
  gboolean             required;    /* must appear, once, in its place */
  gboolean             has_text;    /* its character data is its value */
  const char          *kind_name;   /* an entity element: its kind */
  const char          *field_name;  /* a list item or content element: its
                                     * field in the parent element's kind */
  TerrindXmlLoadFunc   start;       /* runs after the start tag is checked */
  TerrindXmlLoadFunc   end;         /* runs at the end tag */

  /* From the description, by terrind_xml_elements_init() */
  const TerrindKind   *kind;
  const TerrindField  *field;
  const char          *attributes[TERRIND_XML_MAX_ATTRIBUTES + 1];
  guint                attribute_fields[TERRIND_XML_MAX_ATTRIBUTES];  /* slot → field index */
  guint                required_attributes;  /* bit i: attributes[i] */
  gboolean             added_at_start;       /* an entity complete at its start tag */
  gboolean             locate_at_start;      /* its end loader may fail: keep
                                              * where its start tag is */
} TerrindXmlElementInfo;

extern TerrindXmlElementInfo terrind_xml_elements[TERRIND_XML_N_ELEMENTS];

/* Fills the attribute tables from the model description, once. */
void        terrind_xml_elements_init         (void);
/* Drops the entities the frames above the root still hold. */
void        terrind_xml_elements_clear_frames (TerrindXmlLoader *loader);
/* After a problem: leaves out the entity @element would have made, by its
 * id among @attributes (the parser's, five pointers each), or all of
 * @kind. */
void        terrind_xml_elements_poison_element (TerrindXmlLoader  *loader,
                                                 TerrindXmlElement  element,
                                                 int                n_attributes,
                                                 const xmlChar    **attributes);
void        terrind_xml_elements_poison_kind (TerrindXmlLoader  *loader,
                                              const TerrindKind *kind);

const char *terrind_xml_element_name     (TerrindXmlElement  element);

static inline TerrindXmlFrame *
terrind_xml_loader_top (TerrindXmlLoader *loader)
{
  return &loader->frames[loader->depth];
}

/* terrind-xml-loader.c */
void     terrind_xml_loader_intern_names   (TerrindXmlLoader *loader);
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

/* terrind-xml-location.c: errors and edits at the current element or
 * position */
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
void     terrind_xml_loader_take_error     (TerrindXmlLoader  *loader,
                                            GError            *error);
void     terrind_xml_loader_stop           (TerrindXmlLoader  *loader);
void     terrind_xml_loader_locate_edits   (TerrindXmlLoader  *loader);
gboolean terrind_xml_loader_add            (TerrindXmlLoader  *loader,
                                            const TerrindKind *kind,
                                            gpointer           entity,
                                            const char        *parent_id,
                                            GError           **error);

G_END_DECLS
