/* terrind-model.h: the model described once: its kinds, their fields, and
 * access to any entity by kind and field name
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(__TERRIND_INSIDE__) && !defined(TERRIND_COMPILATION)
#error "Only <terrind.h> can be included directly."
#endif

#include "terrind-macros.h"
#include "terrind-registry.h"

G_BEGIN_DECLS

/**
 * TerrindValueType:
 * @TERRIND_VALUE_ID: an id: ASCII letters, digits, ".", "_", "-"
 * @TERRIND_VALUE_REFERENCE: the id of an entity of the kind
 *   terrind_field_get_target() names
 * @TERRIND_VALUE_NAME: non-empty UTF-8 on one line
 * @TERRIND_VALUE_TEXT: non-empty UTF-8 that may span lines
 * @TERRIND_VALUE_CODE: a region or departement code ("84", "2A", "971")
 * @TERRIND_VALUE_DATE: a date, `YYYY-MM-DD`
 * @TERRIND_VALUE_YEAR: a year, four digits
 * @TERRIND_VALUE_COUNT: a whole number, 0 or more, in decimal digits
 * @TERRIND_VALUE_AMOUNT: whole euros, 0 or more, in decimal digits
 * @TERRIND_VALUE_BOOLEAN: `true` or `false`
 * @TERRIND_VALUE_ENUM: one of terrind_field_get_choices()
 * @TERRIND_VALUE_SIREN: nine digits with a valid Luhn check digit
 * @TERRIND_VALUE_EMAIL: an e-mail address
 * @TERRIND_VALUE_PHONE: a phone number: digits, spaces, "+", ".", "-"
 * @TERRIND_VALUE_LIST: a list of items, each a record of the item fields
 *   (terrind_field_get_item_field())
 *
 * What a field holds. Every value has one text form, the one the XML
 * format writes; the generic accessors read and write that form.
 *
 * Since: 1.1
 */
typedef enum {
  TERRIND_VALUE_ID,
  TERRIND_VALUE_REFERENCE,
  TERRIND_VALUE_NAME,
  TERRIND_VALUE_TEXT,
  TERRIND_VALUE_CODE,
  TERRIND_VALUE_DATE,
  TERRIND_VALUE_YEAR,
  TERRIND_VALUE_COUNT,
  TERRIND_VALUE_AMOUNT,
  TERRIND_VALUE_BOOLEAN,
  TERRIND_VALUE_ENUM,
  TERRIND_VALUE_SIREN,
  TERRIND_VALUE_EMAIL,
  TERRIND_VALUE_PHONE,
  TERRIND_VALUE_LIST,
} TerrindValueType;

/**
 * TerrindFieldFlags:
 * @TERRIND_FIELD_NONE: no flag
 * @TERRIND_FIELD_KEY: the field is the kind's id, unique in a registry
 * @TERRIND_FIELD_REQUIRED: an entity cannot be made without it
 * @TERRIND_FIELD_WRITABLE: it can change after the entity is made
 * @TERRIND_FIELD_PARENT: it names the entity this one belongs to (a
 *   commitment's convention); it is set by adding the entity to its parent
 * @TERRIND_FIELD_DETAIL: an item field that details an item its first
 *   field names (a member's name and kind beside its SIREN): views that
 *   show a list by its items' first field, as the bindings do, leave it
 *   out. Since 1.1, like the others.
 *
 * What a field is to its kind, as terrind_field_get_flags() tells.
 *
 * Since: 1.1
 */
typedef enum {
  TERRIND_FIELD_NONE     = 0,
  TERRIND_FIELD_KEY      = 1 << 0,
  TERRIND_FIELD_REQUIRED = 1 << 1,
  TERRIND_FIELD_WRITABLE = 1 << 2,
  TERRIND_FIELD_PARENT   = 1 << 3,
  TERRIND_FIELD_DETAIL   = 1 << 4,
} TerrindFieldFlags;

typedef struct _TerrindKind  TerrindKind;
typedef struct _TerrindField TerrindField;

/* The description: static, never freed, safe from any thread. */
TERRIND_EXPORT
const TerrindKind * const *terrind_model_get_kinds        (guint              *n_kinds);
TERRIND_EXPORT
const TerrindKind         *terrind_model_lookup_kind      (const char         *name);

TERRIND_EXPORT
const char                *terrind_kind_get_name          (const TerrindKind  *kind);
TERRIND_EXPORT
const char                *terrind_kind_get_plural        (const TerrindKind  *kind);
TERRIND_EXPORT
const char                *terrind_kind_get_description   (const TerrindKind  *kind);
TERRIND_EXPORT
const TerrindKind         *terrind_kind_get_parent        (const TerrindKind  *kind);
TERRIND_EXPORT
guint                      terrind_kind_get_n_fields      (const TerrindKind  *kind);
TERRIND_EXPORT
const TerrindField        *terrind_kind_get_field         (const TerrindKind  *kind,
                                                           guint               index);
TERRIND_EXPORT
const TerrindField        *terrind_kind_lookup_field      (const TerrindKind  *kind,
                                                           const char         *name);
TERRIND_EXPORT
const TerrindField        *terrind_kind_get_key           (const TerrindKind  *kind);

TERRIND_EXPORT
const char                *terrind_field_get_name         (const TerrindField *field);
TERRIND_EXPORT
const char                *terrind_field_get_description  (const TerrindField *field);
TERRIND_EXPORT
const TerrindKind         *terrind_field_get_kind         (const TerrindField *field);
TERRIND_EXPORT
TerrindValueType           terrind_field_get_value_type   (const TerrindField *field);
TERRIND_EXPORT
TerrindFieldFlags          terrind_field_get_flags        (const TerrindField *field);
TERRIND_EXPORT
const TerrindKind         *terrind_field_get_target       (const TerrindField *field);
TERRIND_EXPORT
const char * const        *terrind_field_get_choices      (const TerrindField *field);
TERRIND_EXPORT
guint                      terrind_field_get_n_item_fields (const TerrindField *field);
TERRIND_EXPORT
const TerrindField        *terrind_field_get_item_field   (const TerrindField *field,
                                                           guint               index);

TERRIND_EXPORT
const char                *terrind_value_type_to_string   (TerrindValueType    type);

/* Entities by kind. @entity is a TerrindRegion, TerrindTerritory…, the
 * C type of the kind; a wrong pair is a programming error. */
TERRIND_EXPORT G_GNUC_WARN_UNUSED_RESULT
gpointer                   terrind_kind_new_entity        (const TerrindKind  *kind,
                                                           const char * const *names,
                                                           const char * const *values,
                                                           GError            **error);
TERRIND_EXPORT
gpointer                   terrind_kind_ref_entity        (const TerrindKind  *kind,
                                                           gpointer            entity);
TERRIND_EXPORT
void                       terrind_kind_unref_entity      (const TerrindKind  *kind,
                                                           gpointer            entity);
TERRIND_EXPORT
const char                *terrind_kind_get_entity_id     (const TerrindKind  *kind,
                                                           gconstpointer       entity);
TERRIND_EXPORT
TerrindRegistry           *terrind_kind_get_entity_registry (const TerrindKind *kind,
                                                           gconstpointer       entity);
TERRIND_EXPORT
gboolean                   terrind_kind_entities_equal    (const TerrindKind  *kind,
                                                           gconstpointer       a,
                                                           gconstpointer       b);

TERRIND_EXPORT G_GNUC_WARN_UNUSED_RESULT
char                      *terrind_field_get_value        (const TerrindField *field,
                                                           gconstpointer       entity);
TERRIND_EXPORT
gboolean                   terrind_field_set_value        (const TerrindField *field,
                                                           gpointer            entity,
                                                           const char         *value,
                                                           GError            **error);
TERRIND_EXPORT
guint                      terrind_field_get_n_items      (const TerrindField *field,
                                                           gconstpointer       entity);
TERRIND_EXPORT G_GNUC_WARN_UNUSED_RESULT
char                      *terrind_field_get_item_value   (const TerrindField *field,
                                                           gconstpointer       entity,
                                                           guint               index,
                                                           const TerrindField *item_field);
TERRIND_EXPORT
gboolean                   terrind_field_add_item         (const TerrindField *field,
                                                           gpointer            entity,
                                                           const char * const *values,
                                                           GError            **error);

/* Registries by kind */
TERRIND_EXPORT
gpointer                   terrind_registry_lookup        (TerrindRegistry    *registry,
                                                           const TerrindKind  *kind,
                                                           const char         *id);
TERRIND_EXPORT
guint                      terrind_registry_count         (TerrindRegistry    *registry,
                                                           const TerrindKind  *kind);
TERRIND_EXPORT
GPtrArray                 *terrind_registry_list          (TerrindRegistry    *registry,
                                                           const TerrindKind  *kind);
TERRIND_EXPORT
gboolean                   terrind_registry_add           (TerrindRegistry    *registry,
                                                           const TerrindKind  *kind,
                                                           gpointer            entity,
                                                           const char         *parent_id,
                                                           GError            **error);
TERRIND_EXPORT
gboolean                   terrind_registry_remove        (TerrindRegistry    *registry,
                                                           const TerrindKind  *kind,
                                                           const char         *id,
                                                           TerrindRemoveFlags  flags,
                                                           GError            **error);

G_END_DECLS
