/* terrind-xml-loader.c: walks a document's elements, checking its structure
 *
 * The parser's callbacks land here: each start tag is checked against the
 * element table (terrind-xml-elements.c) for its place, order, attributes
 * and limits before the element's loader runs.
 *
 * Layer: below terrind-xml-import.c, which calls it; it calls the element
 * loaders and terrind-xml-location.c, never back up.
 *
 * Going on after a problem. A problem that concerns one element (a bad
 * value, a clash with another entity, an unknown element or attribute, an
 * element out of place) is recorded and the import goes on, so that one
 * run reports every independent mistake; what would only follow from it
 * is not reported:
 *
 *  - the element is left out with everything inside it: its children are
 *    read only to know which entities they would have made;
 *  - an entity left out, or refused by the registry, has its id
 *    "poisoned", and so have the entities inside it (a convention's
 *    commitments); an entity that would lose part of itself (a member, a
 *    theme, its text, an element inside it) is left out the same way, at
 *    its end;
 *  - an entity that refers to a poisoned id is left out without a word,
 *    and poisoned in turn: a refused region does not make each of its
 *    territories, then each of their referents, an unknown reference. A
 *    duplicate id poisons the id itself, so what refers to it is not
 *    checked until the duplicate is fixed;
 *  - an element's children are checked for order once: after one is found
 *    out of place, its siblings are no longer (a section missing would
 *    otherwise make each later one "out of order"), and the kind of a
 *    required section that never came is poisoned whole.
 *
 * Problems at the root's start tag (wrong root, namespace or version),
 * well-formedness errors, a DOCTYPE and limits end the import at once
 * (terrind-xml-location.c says which).
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <string.h>

#include "terrind-registry.h"
#include "terrind-xml-private.h"

/* Looks the format's names up in the parser's dictionary, once per
 * document. */
void
terrind_xml_loader_intern_names (TerrindXmlLoader *loader)
{
  xmlDictPtr dict = loader->ctxt->dict;

  terrind_xml_elements_init ();
  for (guint i = 1; i < TERRIND_XML_N_ELEMENTS; i++)
    {
      loader->element_names[i] = xmlDictLookup (dict, BAD_CAST terrind_xml_elements[i].name, -1);
      for (guint j = 0; terrind_xml_elements[i].attributes[j] != NULL; j++)
        loader->attribute_names[i][j] = xmlDictLookup (dict, BAD_CAST terrind_xml_elements[i].attributes[j],
                                                       -1);
    }
  loader->namespace_uri = xmlDictLookup (dict, BAD_CAST TERRIND_XML_NAMESPACE, -1);
  loader->last_name = NULL;
  loader->last_parent = TERRIND_XML_NONE;
  loader->last_element = TERRIND_XML_NONE;
}

/* Names from the parser are in its dictionary: a pointer comparison finds
 * them. Comparing the strings is only a second pass, should a name ever
 * come from elsewhere (or the dictionary have run out of memory). */
static gboolean
names_equal (const xmlChar *interned,
             const xmlChar *name,
             gboolean       by_pointer)
{
  return by_pointer ? interned == name
                    : interned != NULL && name != NULL && xmlStrEqual (interned, name);
}

/* The child @localname of @parent, or TERRIND_XML_NONE. */
static TerrindXmlElement
lookup_element (TerrindXmlLoader  *loader,
                TerrindXmlElement  parent,
                const xmlChar     *localname)
{
  /* Only a name the first pass found (by pointer, in this document's
   * dictionary) is remembered, so that a hit means the same. */
  if (localname == loader->last_name && parent == loader->last_parent && localname != NULL)
    return loader->last_element;
  for (int pass = 0; pass < 2; pass++)
    for (guint i = 1; i < TERRIND_XML_N_ELEMENTS; i++)
      if (terrind_xml_elements[i].parent == parent &&
          names_equal (loader->element_names[i], localname, pass == 0))
        {
          if (pass == 0)
            {
              loader->last_name = localname;
              loader->last_parent = parent;
              loader->last_element = (TerrindXmlElement) i;
            }
          return (TerrindXmlElement) i;
        }
  return TERRIND_XML_NONE;
}

/* The index of attribute @name of @element, or -1. Attributes mostly come
 * in the order the format lists them, so the one after the previous
 * attribute's, @hint, is tried first. */
static int
lookup_attribute (TerrindXmlLoader  *loader,
                  TerrindXmlElement  element,
                  const xmlChar     *name,
                  int                hint)
{
  if (hint < TERRIND_XML_MAX_ATTRIBUTES && terrind_xml_elements[element].attributes[hint] != NULL &&
      loader->attribute_names[element][hint] == name)
    return hint;
  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; terrind_xml_elements[element].attributes[i] != NULL; i++)
      if (names_equal (loader->attribute_names[element][i], name, pass == 0))
        return (int) i;
  return -1;
}

void
terrind_xml_loader_clear_entities (TerrindXmlLoader *loader)
{
  terrind_xml_elements_clear_frames (loader);
}

/* Describes the element at @depth for a message: its name and, for an
 * entity, its id ("<referent id="ref-1">"). */
static char *
describe_element (TerrindXmlLoader *loader,
                  guint             depth,
                  gboolean          with_attributes)
{
  const TerrindXmlElementInfo *info = &terrind_xml_elements[loader->frames[depth].element];
  const char *first = info->attributes[0];

  if (with_attributes && first != NULL && loader->attributes[0] != NULL &&
      (g_str_equal (first, "id") || g_str_equal (first, "code")) &&
      g_utf8_validate (loader->attributes[0], -1, NULL) && strlen (loader->attributes[0]) <= 64)
    return g_strdup_printf ("<%s %s=\"%s\">", info->name, first, loader->attributes[0]);
  return g_strdup_printf ("<%s>", info->name);
}

/* The entity being built nearest above, or at, @depth is left out at its
 * end: a part of it had a problem. */
static void
abandon_entity (TerrindXmlLoader *loader,
                guint             depth)
{
  for (guint d = depth; d > 0; d--)
    if (terrind_xml_elements[loader->frames[d].element].kind != NULL &&
        terrind_xml_elements[loader->frames[d].element].kind_name != NULL)
      {
        loader->frames[d].abandoned = TRUE;
        return;
      }
}

static TerrindXmlFrame *
push_frame (TerrindXmlLoader  *loader,
            TerrindXmlElement  element)
{
  TerrindXmlFrame *frame;

  /* The format nests 5 deep and find_child() refuses any other element,
   * so the stack can never overflow; keep it provably so. */
  g_assert (loader->depth + 1 < G_N_ELEMENTS (loader->frames));
  frame = &loader->frames[++loader->depth];
  frame->element = element;
  frame->last_child = -1;
  frame->line = 0;
  frame->column = 0;
  frame->entity = NULL;
  frame->has_content = FALSE;
  frame->seen = 0;
  frame->skipped = FALSE;
  frame->abandoned = FALSE;
  frame->order_failed = FALSE;
  return frame;
}

/* Leaves out @element, which had a problem, with all it holds (see the
 * rule at the top of the file). @pushed: it is on the stack already. A
 * problem with the root ends the import: nothing inside it could mean
 * anything. Returns FALSE, for the callers to return. */
static gboolean
leave_out (TerrindXmlLoader  *loader,
           TerrindXmlElement  element,
           gboolean           pushed,
           int                n_attributes,
           const xmlChar    **attributes)
{
  TerrindXmlFrame *frame;

  if ((pushed ? loader->depth - 1 : loader->depth) == 0)
    terrind_xml_loader_stop (loader);
  if (loader->stopped)
    return FALSE;
  if (element == TERRIND_XML_NONE)
    {
      loader->n_unknown = 1;
      abandon_entity (loader, loader->depth);
      return FALSE;
    }
  frame = pushed ? terrind_xml_loader_top (loader) : push_frame (loader, element);
  frame->skipped = TRUE;
  if (frame->entity != NULL)
    {
      terrind_xml_elements[element].kind->unref (frame->entity);
      frame->entity = NULL;
    }
  if (terrind_xml_elements[element].kind_name != NULL)
    terrind_xml_elements_poison_element (loader, element, n_attributes, attributes);
  else
    abandon_entity (loader, loader->depth - 1);
  return FALSE;
}

/* Inside an element left out: follows the structure, checking only the
 * limits, and poisons the entities it would have made. */
static void
skip_start (TerrindXmlLoader  *loader,
            const xmlChar     *localname,
            int                n_attributes,
            const xmlChar    **attributes)
{
  TerrindXmlElement element = TERRIND_XML_NONE;

  if (loader->n_unknown == 0)
    element = lookup_element (loader, terrind_xml_loader_top (loader)->element, localname);
  if (element == TERRIND_XML_NONE)
    {
      loader->n_unknown++;
      return;
    }
  push_frame (loader, element)->skipped = TRUE;
  if (terrind_xml_elements[element].kind_name != NULL)
    terrind_xml_elements_poison_element (loader, element, n_attributes, attributes);
}

/* Reports @local_error (from a loader) at the element on top of the stack. */
static gboolean
fail_in_element (TerrindXmlLoader *loader,
                 GError           *local_error,
                 gboolean          in_start_tag)
{
  g_autofree char *what = NULL;

  /* An edit of the changeset already names its element's line. */
  if (terrind_error_get_file (local_error) != NULL)
    {
      terrind_xml_loader_take_error (loader, local_error);
      return FALSE;
    }
  what = describe_element (loader, loader->depth, in_start_tag);
  terrind_xml_loader_fail (loader, (TerrindError) local_error->code,
                           "element %s: %s", what, local_error->message);
  g_error_free (local_error);
  return FALSE;
}

/* Lists the children @parent may have, for a message. */
static char *
expected_children (TerrindXmlElement parent)
{
  g_autoptr(GString) list = g_string_new (NULL);

  for (guint i = 0; i < TERRIND_XML_N_ELEMENTS; i++)
    if (terrind_xml_elements[i].name != NULL && terrind_xml_elements[i].parent == parent)
      g_string_append_printf (list, "%s<%s>", list->len > 0 ? ", " : "", terrind_xml_elements[i].name);
  return g_string_free (g_steal_pointer (&list), FALSE);
}

static gboolean
find_child (TerrindXmlLoader  *loader,
            const char        *localname,
            const char        *uri,
            TerrindXmlElement *out)
{
  TerrindXmlElement parent = terrind_xml_loader_top (loader)->element;
  TerrindXmlElement element = lookup_element (loader, parent, BAD_CAST localname);
  g_autofree char *safe = NULL;
  g_autofree char *expected = NULL;

  if (element != TERRIND_XML_NONE)
    {
      if (!names_equal (loader->namespace_uri, BAD_CAST uri, TRUE) &&
          !names_equal (loader->namespace_uri, BAD_CAST uri, FALSE))
        {
          terrind_xml_loader_fail (loader, TERRIND_ERROR_SCHEMA,
                                   "element <%s> is not in the namespace %s",
                                   localname, TERRIND_XML_NAMESPACE);
          return FALSE;
        }
      *out = element;
      return TRUE;
    }

  /* Names come from the parser, which has checked they are UTF-8; only
   * their length needs a bound. */
  safe = g_utf8_make_valid (localname, MIN (strlen (localname), 64));
  expected = expected_children (parent);
  if (parent == TERRIND_XML_NONE)
    terrind_xml_loader_fail (loader, TERRIND_ERROR_SCHEMA,
                             "the root element is <%s>; a libterrind document starts with "
                             "<registry xmlns=\"%s\" version=\"%d\">",
                             safe, TERRIND_XML_NAMESPACE, TERRIND_XML_FORMAT_VERSION);
  else if (*expected != '\0')
    terrind_xml_loader_fail (loader, TERRIND_ERROR_SCHEMA,
                             "unexpected element <%s> inside <%s>; expected %s",
                             safe, terrind_xml_elements[parent].name, expected);
  else
    terrind_xml_loader_fail (loader, TERRIND_ERROR_SCHEMA,
                             "unexpected element <%s>: <%s> has no child elements",
                             safe, terrind_xml_elements[parent].name);
  return FALSE;
}

/* The kind whose entities the section @section holds, or NULL. */
static const TerrindKind *
section_kind (TerrindXmlElement section)
{
  for (guint i = 0; i < TERRIND_XML_N_ELEMENTS; i++)
    if (terrind_xml_elements[i].parent == section && terrind_xml_elements[i].kind_name != NULL)
      return terrind_xml_elements[i].kind;
  return NULL;
}

/* After the order of @parent's children was found wrong: checked no more,
 * and a required child that never came is taken as having come, its
 * entities poisoned, so that neither its absence nor what refers to it is
 * reported again. */
static void
order_failed (TerrindXmlFrame   *parent,
              TerrindXmlLoader  *loader,
              TerrindXmlElement  missing)
{
  parent->order_failed = TRUE;
  if (missing != TERRIND_XML_NONE)
    {
      const TerrindKind *kind = section_kind (missing);

      parent->seen |= 1u << terrind_xml_elements[missing].rank;
      if (kind != NULL)
        terrind_xml_elements_poison_kind (loader, kind);
    }
}

/* Checks that @element may come after its parent's previous children. */
static gboolean
check_order (TerrindXmlLoader  *loader,
             TerrindXmlElement  element)
{
  const TerrindXmlElementInfo *info = &terrind_xml_elements[element];
  TerrindXmlFrame *parent = terrind_xml_loader_top (loader);
  const char *parent_name = terrind_xml_elements[parent->element].name;

  /* Another of the same repeated element, most of a large document: no
   * sibling can have been skipped since the previous one. */
  if (info->rank == parent->last_child && info->repeated)
    return TRUE;
  parent->seen |= 1u << info->rank;
  if (parent->order_failed)
    return TRUE;
  if (info->rank > parent->last_child)
    {
      /* A required sibling may not be skipped. */
      for (guint i = 0; i < TERRIND_XML_N_ELEMENTS; i++)
        if (terrind_xml_elements[i].parent == parent->element && terrind_xml_elements[i].required &&
            terrind_xml_elements[i].rank > parent->last_child && terrind_xml_elements[i].rank < info->rank)
          {
            terrind_xml_loader_fail (loader, TERRIND_ERROR_SCHEMA,
                                     "element <%s> inside <%s> must come after <%s>",
                                     info->name, parent_name, terrind_xml_elements[i].name);
            order_failed (parent, loader, (TerrindXmlElement) i);
            return FALSE;
          }
      parent->last_child = info->rank;
      return TRUE;
    }
  if (info->rank == parent->last_child)
    terrind_xml_loader_fail (loader, TERRIND_ERROR_SCHEMA,
                             "element <%s> may appear only once inside <%s>",
                             info->name, parent_name);
  else
    terrind_xml_loader_fail (loader, TERRIND_ERROR_SCHEMA,
                             "element <%s> is out of order inside <%s>",
                             info->name, parent_name);
  order_failed (parent, loader, TERRIND_XML_NONE);
  return FALSE;
}

/* Makes room for @size bytes of attribute values. */
static void
reserve_attribute_data (TerrindXmlLoader *loader,
                        gsize             size)
{
  if (size <= loader->attribute_data_size)
    return;
  loader->attribute_data_size = MAX (size, 2 * loader->attribute_data_size);
  loader->attribute_data = g_realloc (loader->attribute_data, loader->attribute_data_size);
}

/* Copies an attribute value to *@cursor, NUL-terminated, and returns its
 * length. libxml2 (without entity substitution, which the importer never
 * enables) hands every "&" of a value over as the character reference
 * "&#38;", and a value can contain no other "&", so that is the only
 * sequence to decode. */
static gsize
store_attribute (TerrindXmlLoader *loader,
                 guint             index,
                 char            **cursor,
                 const xmlChar    *value,
                 const xmlChar    *end)
{
  const char *p = (const char *) value;
  const char *stop = (const char *) end;
  char *out = *cursor;

  while (p < stop)
    {
      const char *amp = memchr (p, '&', (gsize) (stop - p));
      gsize n = (gsize) ((amp != NULL ? amp : stop) - p);

      memcpy (out, p, n);
      out += n;
      if (amp == NULL)
        break;
      *out++ = '&';
      p = amp + 1;
      if (stop - p >= 4 && memcmp (p, "#38;", 4) == 0)
        p += 4;
    }
  *out = '\0';
  loader->attributes[index] = *cursor;
  *cursor = out + 1;
  return (gsize) (out - loader->attributes[index]);
}

static gboolean
read_attributes (TerrindXmlLoader  *loader,
                 TerrindXmlElement  element,
                 int                n_attributes,
                 const xmlChar    **attributes)
{
  const TerrindXmlElementInfo *info = &terrind_xml_elements[element];
  gsize size = 0;
  char *cursor;
  int next = 0;

  /* All the values go into one buffer, sized first so that it cannot move
   * while they are copied: decoding only ever shortens a value. */
  for (int i = 0; i < n_attributes; i++)
    size += (gsize) (attributes[i * 5 + 4] - attributes[i * 5 + 3]) + 1;
  reserve_attribute_data (loader, size);
  cursor = loader->attribute_data;

  memset (loader->attributes, 0, sizeof loader->attributes);
  for (int i = 0; i < n_attributes; i++)
    {
      const char *name = (const char *) attributes[i * 5];
      const xmlChar *uri = attributes[i * 5 + 2];
      const xmlChar *value = attributes[i * 5 + 3];
      const xmlChar *end = attributes[i * 5 + 4];
      int slot = lookup_attribute (loader, element, BAD_CAST name, next);

      if (slot < 0 || uri != NULL)
        {
          g_autofree char *safe = g_utf8_make_valid (name, MIN (strlen (name), 64));

          terrind_xml_loader_fail (loader, TERRIND_ERROR_SCHEMA,
                                   "element <%s> has no attribute “%s%s%s”", info->name,
                                   uri != NULL ? (const char *) attributes[i * 5 + 1] : "",
                                   uri != NULL ? ":" : "", safe);
          return FALSE;
        }
      /* The limit is on the value as the model gets it, "&" decoded, so
       * that it agrees with the setters. */
      next = slot + 1;
      if (store_attribute (loader, (guint) slot, &cursor, value, end) > loader->max_value_length)
        {
          terrind_xml_loader_fail (loader, TERRIND_ERROR_LIMIT_EXCEEDED,
                                   "attribute “%s” of <%s> is longer than the limit of %u bytes",
                                   name, info->name, loader->max_value_length);
          return FALSE;
        }
    }

  for (guint slot = 0; info->attributes[slot] != NULL; slot++)
    if ((info->required_attributes & (1u << slot)) != 0 && loader->attributes[slot] == NULL)
      {
        terrind_xml_loader_fail (loader, TERRIND_ERROR_SCHEMA,
                                 "element <%s> lacks the required attribute “%s”",
                                 info->name, info->attributes[slot]);
        return FALSE;
      }
  return TRUE;
}

gboolean
terrind_xml_loader_start (TerrindXmlLoader  *loader,
                          const xmlChar     *localname,
                          const xmlChar     *uri,
                          int                n_attributes,
                          const xmlChar    **attributes)
{
  TerrindXmlElement element;
  TerrindXmlFrame *frame;
  GError *local_error = NULL;

  if (++loader->n_elements > loader->max_elements && loader->max_elements != 0)
    {
      terrind_xml_loader_fail (loader, TERRIND_ERROR_LIMIT_EXCEEDED,
                               "the document has more than %" G_GUINT64_FORMAT " elements",
                               loader->max_elements);
      return FALSE;
    }
  if (loader->depth + loader->n_unknown + 1 > loader->max_depth)
    {
      terrind_xml_loader_fail (loader, TERRIND_ERROR_LIMIT_EXCEEDED,
                               "elements nest more than %u deep", loader->max_depth);
      return FALSE;
    }
  if (G_UNLIKELY (loader->n_unknown > 0 || terrind_xml_loader_top (loader)->skipped))
    {
      skip_start (loader, localname, n_attributes, attributes);
      return TRUE;
    }
  if (!find_child (loader, (const char *) localname, (const char *) uri, &element))
    return leave_out (loader, TERRIND_XML_NONE, FALSE, n_attributes, attributes);
  if (loader->depth > 0 && !check_order (loader, element))
    return leave_out (loader, element, FALSE, n_attributes, attributes);

  frame = push_frame (loader, element);
  if (!read_attributes (loader, element, n_attributes, attributes))
    return leave_out (loader, element, TRUE, n_attributes, attributes);
  /* Elements whose loader runs when they end (a model object open across
   * their children, or a text value) keep where their start tag is, for the
   * errors found at their end. */
  if (terrind_xml_elements[element].locate_at_start)
    terrind_xml_loader_locate_start_tag (loader, &frame->line, &frame->column);
  if (terrind_xml_elements[element].has_text)
    g_string_truncate (loader->text, 0);
  if (terrind_xml_elements[element].start != NULL &&
      !terrind_xml_elements[element].start (loader, &local_error))
    {
      fail_in_element (loader, local_error, TRUE);
      return leave_out (loader, element, TRUE, n_attributes, attributes);
    }
  return TRUE;
}

gboolean
terrind_xml_loader_end (TerrindXmlLoader *loader)
{
  TerrindXmlFrame *frame = terrind_xml_loader_top (loader);
  TerrindXmlElement element = frame->element;
  GError *local_error = NULL;
  gboolean ok = TRUE;

  if (loader->n_unknown > 0)
    {
      loader->n_unknown--;
      return TRUE;
    }
  g_return_val_if_fail (loader->depth > 0, FALSE);

  if (!frame->skipped && terrind_xml_elements[element].end != NULL &&
      !terrind_xml_elements[element].end (loader, &local_error))
    {
      ok = fail_in_element (loader, local_error, FALSE);
      /* An entity's end poisons it itself; what else fails at its end is
       * part of the entity above. */
      if (terrind_xml_elements[element].kind_name == NULL)
        abandon_entity (loader, loader->depth - 1);
    }
  loader->depth--;
  return ok;
}

gboolean
terrind_xml_loader_characters (TerrindXmlLoader *loader,
                               const xmlChar    *chars,
                               int               length)
{
  TerrindXmlFrame *frame = terrind_xml_loader_top (loader);
  TerrindXmlElement element = frame->element;

  if (G_UNLIKELY (loader->n_unknown > 0 || frame->skipped))
    return TRUE;
  if (terrind_xml_elements[element].has_text)
    {
      if (loader->text->len + (gsize) length > loader->max_value_length)
        {
          terrind_xml_loader_fail (loader, TERRIND_ERROR_LIMIT_EXCEEDED,
                                   "the text of <%s> is longer than the limit of %u bytes",
                                   terrind_xml_elements[element].name, loader->max_value_length);
          return FALSE;
        }
      g_string_append_len (loader->text, (const char *) chars, length);
      return TRUE;
    }

  /* Elsewhere only the indentation between elements may appear. */
  for (int i = 0; i < length; i++)
    if (chars[i] != ' ' && chars[i] != '\n' && chars[i] != '\t' && chars[i] != '\r')
      {
        if (element == TERRIND_XML_NONE)
          terrind_xml_loader_fail_here (loader, TERRIND_ERROR_SCHEMA,
                                        "unexpected text outside the root element");
        else
          terrind_xml_loader_fail_here (loader, TERRIND_ERROR_SCHEMA,
                                        "unexpected text inside <%s>, which holds only elements",
                                        terrind_xml_elements[element].name);
        abandon_entity (loader, loader->depth);
        return FALSE;
      }
  return TRUE;
}
