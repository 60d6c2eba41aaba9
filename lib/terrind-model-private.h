/* terrind-model-private.h: what a kind and a field are made of
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "terrind-interner-private.h"
#include "terrind-model.h"

G_BEGIN_DECLS

/* The most scalar fields any kind has (a commitment's); values handed to
 * TerrindKind.new_entity are indexed by field, so they fit in an array of
 * this size. */
#define TERRIND_MODEL_MAX_FIELDS 12

/* How a field reads and writes one entity. Values are in their text form
 * (the XML form); getters return a borrowed string, or one they made and
 * also store in *to_free (a number's digits), or NULL when unset: the
 * writer reads a million referents without copying their strings. */
typedef const char *(*TerrindFieldGetFunc) (gconstpointer  entity,
                                            char         **to_free);
typedef gboolean (*TerrindFieldSetFunc)     (gpointer       entity,
                                             const char    *value,
                                             GError       **error);
/* List fields: items are records of the item fields. */
typedef guint    (*TerrindFieldCountFunc)   (gconstpointer  entity);
typedef const char *(*TerrindFieldItemFunc) (gconstpointer  entity,
                                             guint          index,
                                             guint          item_field,
                                             char         **to_free);
typedef gboolean (*TerrindFieldAddFunc)     (gpointer       entity,
                                             const char * const *values,
                                             GError       **error);

struct _TerrindField {
  const char          *name;         /* the XML attribute, element or list name */
  const char          *description;
  const TerrindKind   *kind;         /* NULL for item fields */
  TerrindValueType     type;
  TerrindFieldFlags    flags;
  const TerrindKind   *target;       /* REFERENCE and PARENT fields */
  const char * const  *choices;      /* ENUM fields */
  gboolean             is_content;   /* the XML element's text, not an attribute */
  guint                minimum;      /* COUNT fields: the bounds the setter enforces, */
  guint                maximum;      /* when the type's own are not all (0 and 0) */

  /* LIST fields */
  const char          *item_name;    /* the XML element of one item */
  const TerrindField  *item_fields;
  guint                n_item_fields;

  TerrindFieldGetFunc   get;         /* scalar fields */
  TerrindFieldSetFunc   set;         /* WRITABLE scalar fields */
  TerrindFieldCountFunc n_items;     /* LIST fields */
  TerrindFieldItemFunc  get_item;
  TerrindFieldAddFunc   add_item;
};

/* Builds an entity from the values of its scalar fields, indexed like
 * TerrindKind.fields (NULL: absent; list and PARENT fields are NULL). The
 * required fields have been checked present. The error of a failure says
 * which value is at fault, as the typed constructors and setters do. */
typedef gpointer (*TerrindKindNewFunc) (const char * const *values,
                                        TerrindInterner    *interner,
                                        GError            **error);

struct _TerrindKind {
  const char          *name;
  const char          *plural;       /* the XML section, the collections of the bindings */
  const char          *description;
  const TerrindKind   *parent;
  const TerrindKind   *child;        /* the kind whose parent this is, if any */
  const TerrindField  *fields;
  guint                n_fields;
  /* Fields whose values, together, no two entities share (a referent's
   * operator and territory); NULL-terminated, NULL when there are none.
   * The key is unique anyway and is not repeated here. */
  const char * const  *unique;
  /* The format version that introduced the kind: its section is optional
   * in documents, absent from those of an older version. 0: version 1. */
  guint                since_version;
  /* The writer leaves out the section when it is empty (the records: a
   * registry that has none is written as before they existed). */
  gboolean             omit_when_empty;

  TerrindKindNewFunc   new_entity;
  gpointer           (*ref)          (gpointer entity);
  void               (*unref)        (gpointer entity);
  const char        *(*get_id)       (gconstpointer entity);
  TerrindRegistry   *(*get_registry) (gconstpointer entity);
  gboolean           (*equal)        (gconstpointer a,
                                      gconstpointer b);

  gpointer           (*lookup)       (TerrindRegistry *registry,
                                      const char      *id);
  guint              (*count)        (TerrindRegistry *registry);
  GPtrArray         *(*list)         (TerrindRegistry *registry);
  gboolean           (*add)          (TerrindRegistry *registry,
                                      gpointer         entity,
                                      const char      *parent_id,
                                      GError         **error);
  gboolean           (*remove)       (TerrindRegistry   *registry,
                                      const char        *id,
                                      TerrindRemoveFlags flags,
                                      GError           **error);

  /* Kinds with a parent: adds @child to @parent (not yet in a registry,
   * as the importer builds it), and the entities one parent holds, in
   * their order. */
  gboolean           (*add_to_parent) (gpointer  parent,
                                       gpointer  child,
                                       GError  **error);
  guint              (*n_in_parent)  (gconstpointer parent);
  gpointer           (*get_in_parent) (gconstpointer parent,
                                       guint         index);
};

/* The kinds, one file each (terrind-kind-*.c), in document order. */
extern const TerrindKind terrind_kind_phase;
extern const TerrindKind terrind_kind_region;
extern const TerrindKind terrind_kind_operator;
extern const TerrindKind terrind_kind_territory;
extern const TerrindKind terrind_kind_convention;
extern const TerrindKind terrind_kind_commitment;
extern const TerrindKind terrind_kind_referent;
extern const TerrindKind terrind_kind_designation;
extern const TerrindKind terrind_kind_investment;

/* The thunks of a kind's vtable and of its simplest fields, over the
 * typed API (terrind_PREFIX_ref(), terrind_registry_get_PREFIX()…): each
 * kind's file states only what differs. */
#define TERRIND_KIND_ENTITY_FUNCS(prefix, id_getter)                                          \
  static gpointer ref (gpointer entity) { return terrind_##prefix##_ref (entity); }           \
  static void unref (gpointer entity) { terrind_##prefix##_unref (entity); }                  \
  static const char *get_id (gconstpointer entity) { return id_getter (entity); }             \
  static TerrindRegistry *get_registry (gconstpointer entity)                                 \
  { return terrind_##prefix##_get_registry (entity); }                                        \
  static gboolean equal (gconstpointer a, gconstpointer b)                                    \
  { return terrind_##prefix##_equal (a, b); }                                                 \
  static gpointer lookup (TerrindRegistry *registry, const char *id)                          \
  { return terrind_registry_get_##prefix (registry, id); }

/* The "phase" field of a kind whose typed API has get_phase/set_phase
 * over a phase number (0: unset). */
#define TERRIND_FIELD_PHASE_ACCESSORS(prefix)                                                 \
  static const char *get_phase (gconstpointer entity, char **to_free)                         \
  {                                                                                           \
    guint phase = terrind_##prefix##_get_phase (entity);                                     \
    return phase != 0 ? (*to_free = terrind_value_format_uint (phase)) : NULL;                \
  }                                                                                           \
  static gboolean set_phase (gpointer entity, const char *value, GError **error)              \
  {                                                                                           \
    guint64 phase = 0;                                                                        \
    if (value != NULL && !terrind_value_parse_phase (value, &phase, error))                   \
      return FALSE;                                                                           \
    return terrind_##prefix##_set_phase (entity, (guint) phase, error);                      \
  }

/* A field read by a typed getter that returns a borrowed string. */
#define TERRIND_FIELD_GETTER(function, getter)                                                \
  static const char *function (gconstpointer entity, char **to_free) { return getter (entity); }

/* A field written by a typed setter. */
#define TERRIND_FIELD_SETTER(function, setter)                                                \
  static gboolean function (gpointer entity, const char *value, GError **error)               \
  { return setter (entity, value, error); }

/* The index of @field in its kind's fields. */
static inline guint
terrind_field_index (const TerrindField *field)
{
  return (guint) (field - field->kind->fields);
}

/* terrind-value.c: the text forms of numbers and booleans, shared by the
 * kinds and the XML reader. Errors carry no field name; callers prefix. */
gboolean terrind_value_parse_uint    (const char  *value,
                                      guint64      max,
                                      guint64     *out,
                                      GError     **error);
gboolean terrind_value_parse_boolean (const char  *value,
                                      gboolean    *out,
                                      GError     **error);
char    *terrind_value_format_uint   (guint64      value);
/* A phase number: digits, from 1. */
gboolean terrind_value_parse_phase   (const char  *value,
                                      guint64     *out,
                                      GError     **error);
gboolean terrind_value_check_choice  (const TerrindField *field,
                                      const char         *value,
                                      GError            **error);

/* Whether @values, one per item field of the list @field, has every
 * required one: the kinds' add_item functions count on it, so every
 * caller of one checks it first (an XML document's schema does too). */
gboolean terrind_field_check_item    (const TerrindField *field,
                                      const char * const *values,
                                      GError            **error);

/* Prefixes @error with "field “NAME”: " when @ok is FALSE; returns @ok. */
gboolean terrind_field_prefix_error  (gboolean            ok,
                                      const TerrindField *field,
                                      GError            **error);

G_END_DECLS
