/* terrind-xml-elements.c: the elements of the format, and how each becomes
 * part of the model
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Layer: called by terrind-xml-loader.c through the element table; builds
 * entities through the model description and adds them to the registry
 * only through terrind_xml_loader_add() (terrind-xml-location.c), below it.
 */

#include "config.h"

#include <string.h>

#include "terrind-registry.h"
#include "terrind-quote-private.h"
#include "terrind-xml-private.h"

/* The structure of the format, one row per element: where it may appear
 * and what it is in the model (see TerrindXmlElementInfo). Every element
 * of a kind has the same loaders: adding a field to the model description
 * adds its attribute here with nothing to write. */
static gboolean load_registry_start (TerrindXmlLoader *loader, GError **error);
static gboolean load_registry_end   (TerrindXmlLoader *loader, GError **error);
static gboolean load_entity_start   (TerrindXmlLoader *loader, GError **error);
static gboolean load_entity_end     (TerrindXmlLoader *loader, GError **error);
static gboolean load_item           (TerrindXmlLoader *loader, GError **error);
static gboolean load_text_item      (TerrindXmlLoader *loader, GError **error);
static gboolean load_content        (TerrindXmlLoader *loader, GError **error);

#define SECTION(section_name, section_rank) \
  { .name = section_name, .parent = TERRIND_XML_REGISTRY, .rank = section_rank, .required = TRUE }
/* A section that version 1 did not have: optional, so that its files load. */
#define NEW_SECTION(section_name, section_rank) \
  { .name = section_name, .parent = TERRIND_XML_REGISTRY, .rank = section_rank }
#define ENTITY(kind, in, at) \
  { .name = kind, .parent = in, .rank = at, .repeated = TRUE, .kind_name = kind, \
    .start = load_entity_start, .end = load_entity_end }
#define ITEM(element, in, at, list) \
  { .name = element, .parent = in, .rank = at, .repeated = TRUE, .field_name = list, \
    .start = load_item }
#define TEXT_ITEM(element, in, at, list) \
  { .name = element, .parent = in, .rank = at, .repeated = TRUE, .has_text = TRUE, \
    .field_name = list, .end = load_text_item }
#define CONTENT(element, in, at) \
  { .name = element, .parent = in, .rank = at, .required = TRUE, .has_text = TRUE, \
    .field_name = element, .end = load_content }

TerrindXmlElementInfo terrind_xml_elements[TERRIND_XML_N_ELEMENTS] = {
  [TERRIND_XML_REGISTRY] = {
    .name = "registry", .parent = TERRIND_XML_NONE, .required = TRUE,
    .start = load_registry_start, .end = load_registry_end, .locate_at_start = TRUE,
    .attributes = { "version" }, .required_attributes = 0x1 },
  [TERRIND_XML_PHASES]       = NEW_SECTION ("phases", 0),
  [TERRIND_XML_PHASE]        = ENTITY ("phase", TERRIND_XML_PHASES, 0),
  [TERRIND_XML_REGIONS]      = SECTION ("regions", 1),
  [TERRIND_XML_REGION]       = ENTITY ("region", TERRIND_XML_REGIONS, 0),
  [TERRIND_XML_OPERATORS]    = SECTION ("operators", 2),
  [TERRIND_XML_OPERATOR]     = ENTITY ("operator", TERRIND_XML_OPERATORS, 0),
  [TERRIND_XML_FORMER_NAME]  = ITEM ("former-name", TERRIND_XML_OPERATOR, 0, "former-names"),
  [TERRIND_XML_TERRITORIES]  = SECTION ("territories", 3),
  [TERRIND_XML_TERRITORY]    = ENTITY ("territory", TERRIND_XML_TERRITORIES, 0),
  [TERRIND_XML_MEMBER]       = ITEM ("member", TERRIND_XML_TERRITORY, 0, "members"),
  [TERRIND_XML_DEPARTMENT]   = ITEM ("department", TERRIND_XML_TERRITORY, 1, "departments"),
  [TERRIND_XML_CONVENTIONS]  = SECTION ("conventions", 4),
  [TERRIND_XML_CONVENTION]   = ENTITY ("convention", TERRIND_XML_CONVENTIONS, 0),
  [TERRIND_XML_SIGNATORY]    = ITEM ("signatory", TERRIND_XML_CONVENTION, 0, "signatories"),
  [TERRIND_XML_COMMITMENT]   = ENTITY ("commitment", TERRIND_XML_CONVENTION, 1),
  [TERRIND_XML_TEXT]         = CONTENT ("text", TERRIND_XML_COMMITMENT, 0),
  [TERRIND_XML_THEME]        = TEXT_ITEM ("theme", TERRIND_XML_COMMITMENT, 1, "themes"),
  [TERRIND_XML_TARGET]       = ITEM ("target", TERRIND_XML_COMMITMENT, 2, "targets"),
  [TERRIND_XML_REFERENTS]    = SECTION ("referents", 5),
  [TERRIND_XML_REFERENT]     = ENTITY ("referent", TERRIND_XML_REFERENTS, 0),
  [TERRIND_XML_DESIGNATIONS] = NEW_SECTION ("designations", 6),
  [TERRIND_XML_DESIGNATION]  = ENTITY ("designation", TERRIND_XML_DESIGNATIONS, 0),
  [TERRIND_XML_INVESTMENTS]  = NEW_SECTION ("investments", 7),
  [TERRIND_XML_INVESTMENT]   = ENTITY ("investment", TERRIND_XML_INVESTMENTS, 0),
};

#undef SECTION
#undef NEW_SECTION
#undef ENTITY
#undef ITEM
#undef TEXT_ITEM
#undef CONTENT

/* The attributes of an element are the fields written as attributes, in
 * the order of the description: scalar, not the content, not the parent
 * (which nesting says). */
static void
add_attributes (TerrindXmlElementInfo *info,
                const TerrindField    *fields,
                guint                  n_fields)
{
  guint slot = 0;

  for (guint i = 0; i < n_fields; i++)
    {
      const TerrindField *field = &fields[i];

      if (field->type == TERRIND_VALUE_LIST || field->is_content ||
          (field->flags & TERRIND_FIELD_PARENT))
        continue;
      g_assert (slot < TERRIND_XML_MAX_ATTRIBUTES);
      info->attributes[slot] = field->name;
      info->attribute_fields[slot] = i;
      if (field->flags & TERRIND_FIELD_REQUIRED)
        info->required_attributes |= 1u << slot;
      slot++;
    }
  info->attributes[slot] = NULL;
}

static gboolean complete_at_start (const TerrindKind *kind);

static gpointer
init_tables (gpointer data)
{
  for (guint i = 1; i < TERRIND_XML_N_ELEMENTS; i++)
    {
      TerrindXmlElementInfo *info = &terrind_xml_elements[i];

      if (info->kind_name != NULL)
        {
          info->kind = terrind_model_lookup_kind (info->kind_name);
          add_attributes (info, info->kind->fields, info->kind->n_fields);
          /* An entity complete at its start tag (a referent) is added
           * there; the others at their end, which needs the start's
           * location. */
          info->added_at_start = complete_at_start (info->kind);
          info->locate_at_start = !info->added_at_start;
        }
      else if (info->field_name != NULL)
        {
          const TerrindKind *owner = terrind_model_lookup_kind (terrind_xml_elements[info->parent].kind_name);

          info->kind = owner;
          info->field = terrind_kind_lookup_field (owner, info->field_name);
          g_assert (info->field != NULL);
          if (info->field->type == TERRIND_VALUE_LIST)
            add_attributes (info, info->field->item_fields, info->field->n_item_fields);
          info->locate_at_start = info->end != NULL;
        }
    }
  return NULL;
}

void
terrind_xml_elements_init (void)
{
  static GOnce once = G_ONCE_INIT;

  g_once (&once, init_tables, NULL);
}

void
terrind_xml_elements_clear_frames (TerrindXmlLoader *loader)
{
  for (guint depth = 1; depth < G_N_ELEMENTS (loader->frames); depth++)
    {
      TerrindXmlFrame *frame = &loader->frames[depth];

      if (frame->entity != NULL)
        {
          terrind_xml_elements[frame->element].kind->unref (frame->entity);
          frame->entity = NULL;
        }
    }
}

const char *
terrind_xml_element_name (TerrindXmlElement element)
{
  return terrind_xml_elements[element].name;
}

static const char *
attribute (TerrindXmlLoader *loader,
           guint             index)
{
  return loader->attributes[index];
}

/* In a document, fields are attributes: says so in the messages of the
 * model ("field “email”: …" becomes "attribute “email”: …"). */
static gboolean
in_document (gboolean   ok,
             GError   **error)
{
  static const struct { const char *model; const char *document; } words[] = {
    { "field “", "attribute “" },
    { "fields “", "attributes “" },
  };

  if (ok || error == NULL || *error == NULL)
    return ok;
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (g_str_has_prefix ((*error)->message, words[i].model))
      {
        char *message = g_strconcat (words[i].document,
                                     (*error)->message + strlen (words[i].model), NULL);

        g_free ((*error)->message);
        (*error)->message = message;
        break;
      }
  return FALSE;
}

/* The root. */

static gboolean
load_registry_start (TerrindXmlLoader *loader,
                     GError          **error)
{
  const char *version = attribute (loader, 0);

  /* Every version up to this library's, in its one text form ("1", not
   * "01"). A version-1 document may use what version 2 added: the reader
   * is the same, and the writer only labels what it writes. */
  for (int v = 1; v <= TERRIND_XML_FORMAT_VERSION; v++)
    {
      char expected[8];

      g_snprintf (expected, sizeof expected, "%d", v);
      if (g_str_equal (version, expected))
        return TRUE;
    }
  {
    g_autofree char *quoted = terrind_quote (version);

    g_set_error (error, TERRIND_ERROR, TERRIND_ERROR_UNSUPPORTED_VERSION,
                 "format version %s is not supported; this library reads versions 1 to %d",
                 quoted, TERRIND_XML_FORMAT_VERSION);
  }
  return FALSE;
}

static gboolean
load_registry_end (TerrindXmlLoader *loader,
                   GError          **error)
{
  guint32 seen = terrind_xml_loader_top (loader)->seen;

  for (guint i = 0; i < TERRIND_XML_N_ELEMENTS; i++)
    if (terrind_xml_elements[i].parent == TERRIND_XML_REGISTRY && terrind_xml_elements[i].required &&
        (seen & (1u << terrind_xml_elements[i].rank)) == 0)
      {
        g_set_error (error, TERRIND_ERROR, TERRIND_ERROR_SCHEMA,
                     "the <%s> section is missing (every section must be present, "
                     "even when empty)", terrind_xml_elements[i].name);
        return FALSE;
      }
  return TRUE;
}


/* Entities left out after a problem (the rule is at the top of
 * terrind-xml-loader.c). Nothing here runs in a document without
 * problems but the test that there are none. */

static char *
poison_key (const TerrindKind *kind,
            const char        *id)
{
  return g_strconcat (kind->name, "\037", id, NULL);
}

static void
poison_id (TerrindXmlLoader  *loader,
           const TerrindKind *kind,
           const char        *id)
{
  if (loader->poisoned == NULL)
    loader->poisoned = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_hash_table_add (loader->poisoned, poison_key (kind, id));
}

void
terrind_xml_elements_poison_kind (TerrindXmlLoader  *loader,
                                  const TerrindKind *kind)
{
  if (loader->poisoned_kinds == NULL)
    loader->poisoned_kinds = g_hash_table_new (NULL, NULL);
  g_hash_table_add (loader->poisoned_kinds, (gpointer) kind);
  if (kind->child != NULL)
    g_hash_table_add (loader->poisoned_kinds, (gpointer) kind->child);
}

/* Poisons @entity and the entities it holds. */
static void
poison_entity (TerrindXmlLoader  *loader,
               const TerrindKind *kind,
               gconstpointer      entity)
{
  poison_id (loader, kind, kind->get_id (entity));
  if (kind->child != NULL)
    for (guint i = 0; i < kind->child->n_in_parent (entity); i++)
      poison_id (loader, kind->child, kind->child->get_id (kind->child->get_in_parent (entity, i)));
}

void
terrind_xml_elements_poison_element (TerrindXmlLoader  *loader,
                                     TerrindXmlElement  element,
                                     int                n_attributes,
                                     const xmlChar    **attributes)
{
  const TerrindKind *kind = terrind_xml_elements[element].kind;
  const char *key = NULL;

  for (guint i = 0; i < kind->n_fields; i++)
    if (kind->fields[i].flags & TERRIND_FIELD_KEY)
      key = kind->fields[i].name;
  if (key == NULL)
    return;
  /* The raw value: a valid id has no "&" to decode, and an invalid one
   * names nothing anyway. */
  for (int i = 0; i < n_attributes; i++)
    if (attributes[i * 5 + 2] == NULL && g_str_equal ((const char *) attributes[i * 5], key))
      {
        g_autofree char *id = g_strndup ((const char *) attributes[i * 5 + 3],
                                         (gsize) (attributes[i * 5 + 4] - attributes[i * 5 + 3]));

        poison_id (loader, kind, id);
        return;
      }
}

static gboolean
is_poisoned (TerrindXmlLoader  *loader,
             const TerrindKind *kind,
             const char        *id)
{
  g_autofree char *key = NULL;

  if (id == NULL)
    return FALSE;
  if (loader->poisoned_kinds != NULL && g_hash_table_contains (loader->poisoned_kinds, kind))
    return TRUE;
  if (loader->poisoned == NULL)
    return FALSE;
  key = poison_key (kind, id);
  return g_hash_table_contains (loader->poisoned, key);
}

/* Whether @entity refers to a poisoned entity, by a field or by a list
 * item's field. */
static gboolean
refers_to_poisoned (TerrindXmlLoader  *loader,
                    const TerrindKind *kind,
                    gconstpointer      entity)
{
  if (G_LIKELY (loader->poisoned == NULL && loader->poisoned_kinds == NULL))
    return FALSE;
  for (guint i = 0; i < kind->n_fields; i++)
    {
      const TerrindField *field = &kind->fields[i];

      if (field->type == TERRIND_VALUE_REFERENCE && !(field->flags & TERRIND_FIELD_PARENT))
        {
          g_autofree char *to_free = NULL;

          if (is_poisoned (loader, field->target, field->get (entity, &to_free)))
            return TRUE;
        }
      else if (field->type == TERRIND_VALUE_LIST)
        for (guint item = 0; item < field->n_items (entity); item++)
          for (guint j = 0; j < field->n_item_fields; j++)
            if (field->item_fields[j].type == TERRIND_VALUE_REFERENCE)
              {
                g_autofree char *to_free = NULL;

                if (is_poisoned (loader, field->item_fields[j].target,
                                 field->get_item (entity, item, j, &to_free)))
                  return TRUE;
              }
    }
  return FALSE;
}

/* Entities. */

static TerrindXmlFrame *
parent_frame (TerrindXmlLoader *loader)
{
  return &loader->frames[loader->depth - 1];
}

/* Whether entities of @kind are complete at their start tag: no list,
 * no content, no child kind. They go into the model at once. */
static gboolean
complete_at_start (const TerrindKind *kind)
{
  if (kind->child != NULL)
    return FALSE;
  for (guint i = 0; i < kind->n_fields; i++)
    if (kind->fields[i].type == TERRIND_VALUE_LIST || kind->fields[i].is_content)
      return FALSE;
  return TRUE;
}

/* The one place the elements change the model: an entity of a child kind
 * (a commitment) joins its parent, still open; any other goes to the
 * registry through the import's changeset (terrind_xml_loader_add()),
 * located at its element. */
static gboolean
add_to_model (TerrindXmlLoader  *loader,
              const TerrindKind *kind,
              gpointer           entity,
              GError           **error)
{
  if (kind->parent != NULL)
    {
      const char *id = kind->get_id (entity);

      /* Ids are unique across parents (commitments across conventions),
       * those already read and those the registry held: the registry would
       * find a clash only when the whole parent is added; say it here,
       * where the entity is. */
      if (kind->lookup (terrind_changeset_get_registry (loader->changeset), id) != NULL)
        {
          g_set_error (error, TERRIND_ERROR, TERRIND_ERROR_DUPLICATE,
                       "there is already a %s with id “%s” in another %s",
                       kind->name, id, kind->parent->name);
          return FALSE;
        }
      return kind->add_to_parent (parent_frame (loader)->entity, entity, error);
    }
  return terrind_xml_loader_add (loader, kind, entity, NULL, error);
}

/* Builds the entity from its attributes, checked at the start tag so that
 * errors are located there. A required content field (a commitment's
 * text) only comes with a child element: the entity starts with a
 * placeholder, and load_entity_end() refuses it if the child never came. */
static gboolean
load_entity_start (TerrindXmlLoader *loader,
                   GError          **error)
{
  const TerrindXmlElementInfo *info = &terrind_xml_elements[terrind_xml_loader_top (loader)->element];
  const TerrindKind *kind = info->kind;
  const char *values[TERRIND_MODEL_MAX_FIELDS] = { NULL };
  gpointer entity;

  for (guint slot = 0; info->attributes[slot] != NULL; slot++)
    values[info->attribute_fields[slot]] = attribute (loader, slot);
  for (guint i = 0; i < kind->n_fields; i++)
    if (kind->fields[i].is_content && (kind->fields[i].flags & TERRIND_FIELD_REQUIRED))
      values[i] = "…";
  entity = kind->new_entity (values, &loader->interner, error);
  if (!in_document (entity != NULL, error))
    return FALSE;
  if (info->added_at_start)
    {
      gboolean added = TRUE;

      if (refers_to_poisoned (loader, kind, entity))
        poison_entity (loader, kind, entity);
      else
        added = add_to_model (loader, kind, entity, error);
      kind->unref (entity);
      return added;
    }
  terrind_xml_loader_top (loader)->entity = entity;
  return TRUE;
}

static gboolean
load_entity_end (TerrindXmlLoader *loader,
                 GError          **error)
{
  TerrindXmlFrame *frame = terrind_xml_loader_top (loader);
  const TerrindKind *kind = terrind_xml_elements[frame->element].kind;
  gpointer entity = g_steal_pointer (&frame->entity);
  gboolean added;

  if (entity == NULL)
    return TRUE;
  /* Left out without a word: the problem was reported where it was. */
  if (frame->abandoned || refers_to_poisoned (loader, kind, entity))
    {
      poison_entity (loader, kind, entity);
      kind->unref (entity);
      return TRUE;
    }
  for (guint i = 0; i < kind->n_fields; i++)
    if (kind->fields[i].is_content && (kind->fields[i].flags & TERRIND_FIELD_REQUIRED) &&
        !frame->has_content)
      {
        g_set_error (error, TERRIND_ERROR, TERRIND_ERROR_SCHEMA,
                     "a %s needs its <%s>", kind->name, kind->fields[i].name);
        poison_entity (loader, kind, entity);
        kind->unref (entity);
        return FALSE;
      }
  added = add_to_model (loader, kind, entity, error);
  if (!added)
    poison_entity (loader, kind, entity);
  kind->unref (entity);
  return added;
}

/* List items and content. */

static gboolean
load_item (TerrindXmlLoader *loader,
           GError          **error)
{
  const TerrindXmlElementInfo *info = &terrind_xml_elements[terrind_xml_loader_top (loader)->element];
  const char *values[TERRIND_XML_MAX_ATTRIBUTES] = { NULL };

  for (guint slot = 0; info->attributes[slot] != NULL; slot++)
    values[info->attribute_fields[slot]] = attribute (loader, slot);
  return in_document (info->field->add_item (parent_frame (loader)->entity, values, error),
                      error);
}

static gboolean
load_text_item (TerrindXmlLoader *loader,
                GError          **error)
{
  const TerrindXmlElementInfo *info = &terrind_xml_elements[terrind_xml_loader_top (loader)->element];
  const char *values[] = { loader->text->str };

  return info->field->add_item (parent_frame (loader)->entity, values, error);
}

static gboolean
load_content (TerrindXmlLoader *loader,
              GError          **error)
{
  const TerrindXmlElementInfo *info = &terrind_xml_elements[terrind_xml_loader_top (loader)->element];
  TerrindXmlFrame *parent = parent_frame (loader);

  if (!info->field->set (parent->entity, loader->text->str, error))
    return FALSE;
  parent->has_content = TRUE;
  return TRUE;
}
