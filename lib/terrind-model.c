/* terrind-model.c: reflection over the model description, and access to
 * any entity by kind and field
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <string.h>

#include "terrind-error.h"
#include "terrind-model-private.h"
#include "terrind-quote-private.h"

/**
 * TerrindKind:
 *
 * One kind of entity of the model: region, operator, territory,
 * convention, commitment, referent, designation, investment. A kind names its fields; the XML
 * format, the tool and the bindings take every name from it. Kinds are
 * static: never freed, safe to use from any thread.
 *
 * Since: 1.1
 */

/**
 * TerrindField:
 *
 * One field of a kind: its name (the XML attribute's), what it holds, and
 * whether it is required, writable, the kind's key or a reference to
 * another kind. A %TERRIND_VALUE_LIST field holds items, each a record of
 * its item fields. Static, like #TerrindKind.
 *
 * Since: 1.1
 */

/* Document order: what is referred to comes before what refers to it. */
static const TerrindKind * const kinds[] = {
  &terrind_kind_phase,
  &terrind_kind_region,
  &terrind_kind_operator,
  &terrind_kind_territory,
  &terrind_kind_convention,
  &terrind_kind_commitment,
  &terrind_kind_referent,
  &terrind_kind_designation,
  &terrind_kind_investment,
};

/**
 * terrind_model_get_kinds:
 * @n_kinds: (out) (optional): return location for the number of kinds
 *
 * Gives the kinds of entity the model knows. The array and the kinds are
 * static: do not free them.
 *
 * Returns: (transfer none) (array length=n_kinds): every kind, in the
 *   order of the XML format: a kind comes after the kinds it refers to.
 *
 * Since: 1.1
 */
const TerrindKind * const *
terrind_model_get_kinds (guint *n_kinds)
{
  if (n_kinds != NULL)
    *n_kinds = G_N_ELEMENTS (kinds);
  return kinds;
}

/**
 * terrind_model_lookup_kind:
 * @name: a kind's name ("referent") or plural ("referents")
 *
 * Finds a kind by its name or by its plural.
 *
 * Returns: (transfer none) (nullable): the kind, or %NULL when no kind
 *   has that name.
 *
 * Since: 1.1
 */
const TerrindKind *
terrind_model_lookup_kind (const char *name)
{
  g_return_val_if_fail (name != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_str_equal (kinds[i]->name, name) || g_str_equal (kinds[i]->plural, name))
      return kinds[i];
  return NULL;
}

/**
 * terrind_kind_get_name:
 * @kind: a #TerrindKind
 *
 * Gives the singular name of @kind.
 *
 * Returns: (transfer none): the kind's name ("territory"), the name of
 *   its XML element.
 *
 * Since: 1.1
 */
const char *
terrind_kind_get_name (const TerrindKind *kind)
{
  g_return_val_if_fail (kind != NULL, NULL);
  return kind->name;
}

/**
 * terrind_kind_get_plural:
 * @kind: a #TerrindKind
 *
 * Gives the plural name of @kind.
 *
 * Returns: (transfer none): the plural ("territories"): the XML section
 *   and the bindings' collection.
 *
 * Since: 1.1
 */
const char *
terrind_kind_get_plural (const TerrindKind *kind)
{
  g_return_val_if_fail (kind != NULL, NULL);
  return kind->plural;
}

/**
 * terrind_kind_get_description:
 * @kind: a #TerrindKind
 *
 * Describes @kind in a line of text.
 *
 * Returns: (transfer none): one line that says what the kind is, in
 *   English.
 *
 * Since: 1.1
 */
const char *
terrind_kind_get_description (const TerrindKind *kind)
{
  g_return_val_if_fail (kind != NULL, NULL);
  return kind->description;
}

/**
 * terrind_kind_get_parent:
 * @kind: a #TerrindKind
 *
 * Gives the kind whose entities hold those of @kind, if any.
 *
 * Returns: (transfer none) (nullable): the kind that holds entities of
 *   @kind (a commitment's convention), or %NULL when the registry holds
 *   them directly.
 *
 * Since: 1.1
 */
const TerrindKind *
terrind_kind_get_parent (const TerrindKind *kind)
{
  g_return_val_if_fail (kind != NULL, NULL);
  return kind->parent;
}

/**
 * terrind_kind_get_n_fields:
 * @kind: a #TerrindKind
 *
 * Counts the fields of @kind, its key included; see terrind_kind_get_field().
 *
 * Returns: the number of fields of @kind.
 *
 * Since: 1.1
 */
guint
terrind_kind_get_n_fields (const TerrindKind *kind)
{
  g_return_val_if_fail (kind != NULL, 0);
  return kind->n_fields;
}

/**
 * terrind_kind_get_field:
 * @kind: a #TerrindKind
 * @index: a field's index, below terrind_kind_get_n_fields()
 *
 * Fields come in the order of the XML format's attributes, then the list
 * fields in the order of the child elements.
 *
 * Returns: (transfer none): the field.
 *
 * Since: 1.1
 */
const TerrindField *
terrind_kind_get_field (const TerrindKind *kind,
                        guint              index)
{
  g_return_val_if_fail (kind != NULL, NULL);
  g_return_val_if_fail (index < kind->n_fields, NULL);
  return &kind->fields[index];
}

/**
 * terrind_kind_lookup_field:
 * @kind: a #TerrindKind
 * @name: a field name, as the XML format ("first-year") or the bindings
 *   ("first_year") write it
 *
 * Finds a field of @kind by name. A "_" in @name matches a "-" in the field's
 * name, so both spellings find the field.
 *
 * Returns: (transfer none) (nullable): the field, or %NULL when @kind has
 *   no field of that name.
 *
 * Since: 1.1
 */
const TerrindField *
terrind_kind_lookup_field (const TerrindKind *kind,
                           const char        *name)
{
  g_return_val_if_fail (kind != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  for (guint i = 0; i < kind->n_fields; i++)
    {
      const char *a = kind->fields[i].name;
      const char *b = name;

      /* "-" and "_" are the same letter here: one set of names. */
      while (*a != '\0' && (*a == *b || (*a == '-' && *b == '_')))
        a++, b++;
      if (*a == '\0' && *b == '\0')
        return &kind->fields[i];
    }
  return NULL;
}

/**
 * terrind_kind_get_key:
 * @kind: a #TerrindKind
 *
 * Gives the key field of @kind, which always comes first in its fields.
 *
 * Returns: (transfer none): the field that identifies an entity of @kind
 *   (%TERRIND_FIELD_KEY): "code" for regions, "id" for the others.
 *
 * Since: 1.1
 */
const TerrindField *
terrind_kind_get_key (const TerrindKind *kind)
{
  g_return_val_if_fail (kind != NULL, NULL);

  /* The key comes first in every kind. */
  g_assert (kind->fields[0].flags & TERRIND_FIELD_KEY);
  return &kind->fields[0];
}

/**
 * terrind_field_get_name:
 * @field: a #TerrindField
 *
 * Gives the name of @field.
 *
 * Returns: (transfer none): the field's name, as the XML format writes it
 *   ("first-year"); the bindings write "-" as "_".
 *
 * Since: 1.1
 */
const char *
terrind_field_get_name (const TerrindField *field)
{
  g_return_val_if_fail (field != NULL, NULL);
  return field->name;
}

/**
 * terrind_field_get_description:
 * @field: a #TerrindField
 *
 * Describes @field in a line of text.
 *
 * Returns: (transfer none): one line that says what the field holds.
 *
 * Since: 1.1
 */
const char *
terrind_field_get_description (const TerrindField *field)
{
  g_return_val_if_fail (field != NULL, NULL);
  return field->description;
}

/**
 * terrind_field_get_kind:
 * @field: a #TerrindField
 *
 * Gives the kind that @field belongs to.
 *
 * Returns: (transfer none) (nullable): the kind the field belongs to, or
 *   %NULL for an item field of a list.
 *
 * Since: 1.1
 */
const TerrindKind *
terrind_field_get_kind (const TerrindField *field)
{
  g_return_val_if_fail (field != NULL, NULL);
  return field->kind;
}

/**
 * terrind_field_get_value_type:
 * @field: a #TerrindField
 *
 * Tells what type of value @field holds.
 *
 * Returns: what the field holds.
 *
 * Since: 1.1
 */
TerrindValueType
terrind_field_get_value_type (const TerrindField *field)
{
  g_return_val_if_fail (field != NULL, TERRIND_VALUE_NAME);
  return field->type;
}

/**
 * terrind_field_get_flags:
 * @field: a #TerrindField
 *
 * Gives the flags of @field, such as %TERRIND_FIELD_KEY.
 *
 * Returns: the field's flags.
 *
 * Since: 1.1
 */
TerrindFieldFlags
terrind_field_get_flags (const TerrindField *field)
{
  g_return_val_if_fail (field != NULL, TERRIND_FIELD_NONE);
  return field->flags;
}

/**
 * terrind_field_get_target:
 * @field: a #TerrindField
 *
 * Gives the kind that a reference field points to.
 *
 * Returns: (transfer none) (nullable): for a %TERRIND_VALUE_REFERENCE
 *   field, the kind whose id it holds; %NULL for other fields.
 *
 * Since: 1.1
 */
const TerrindKind *
terrind_field_get_target (const TerrindField *field)
{
  g_return_val_if_fail (field != NULL, NULL);
  return field->target;
}

/**
 * terrind_field_get_choices:
 * @field: a #TerrindField
 *
 * Gives the values that an enumeration field accepts. The array is static: do
 * not free it.
 *
 * Returns: (transfer none) (array zero-terminated=1) (nullable): for a
 *   %TERRIND_VALUE_ENUM field, its values; %NULL for other fields.
 *
 * Since: 1.1
 */
const char * const *
terrind_field_get_choices (const TerrindField *field)
{
  g_return_val_if_fail (field != NULL, NULL);
  return field->choices;
}

/**
 * terrind_field_get_n_item_fields:
 * @field: a #TerrindField
 *
 * Counts the fields of each item of a list field.
 *
 * Returns: how many fields each item of a %TERRIND_VALUE_LIST field has;
 *   0 for other fields.
 *
 * Since: 1.1
 */
guint
terrind_field_get_n_item_fields (const TerrindField *field)
{
  g_return_val_if_fail (field != NULL, 0);
  return field->n_item_fields;
}

/**
 * terrind_field_get_item_field:
 * @field: a %TERRIND_VALUE_LIST #TerrindField
 * @index: below terrind_field_get_n_item_fields()
 *
 * Gives the item field of the list field @field at @index.
 *
 * Returns: (transfer none): a field of the list's items.
 *
 * Since: 1.1
 */
const TerrindField *
terrind_field_get_item_field (const TerrindField *field,
                              guint               index)
{
  g_return_val_if_fail (field != NULL, NULL);
  g_return_val_if_fail (index < field->n_item_fields, NULL);
  return &field->item_fields[index];
}

static const char * const value_type_names[] = {
  [TERRIND_VALUE_ID] = "id",
  [TERRIND_VALUE_REFERENCE] = "reference",
  [TERRIND_VALUE_NAME] = "name",
  [TERRIND_VALUE_TEXT] = "text",
  [TERRIND_VALUE_CODE] = "code",
  [TERRIND_VALUE_DATE] = "date",
  [TERRIND_VALUE_YEAR] = "year",
  [TERRIND_VALUE_COUNT] = "count",
  [TERRIND_VALUE_AMOUNT] = "amount",
  [TERRIND_VALUE_BOOLEAN] = "boolean",
  [TERRIND_VALUE_ENUM] = "enum",
  [TERRIND_VALUE_SIREN] = "siren",
  [TERRIND_VALUE_EMAIL] = "email",
  [TERRIND_VALUE_PHONE] = "phone",
  [TERRIND_VALUE_LIST] = "list",
};

/**
 * terrind_value_type_to_string:
 * @type: a #TerrindValueType
 *
 * Names a value type, as the schema and the bindings write it.
 *
 * Returns: (transfer none) (nullable): the type's name ("date"), or %NULL
 *   for a value outside the enumeration.
 *
 * Since: 1.1
 */
const char *
terrind_value_type_to_string (TerrindValueType type)
{
  if ((guint) type >= G_N_ELEMENTS (value_type_names))
    return NULL;
  return value_type_names[type];
}

/* Entities */

/* Gathers (@names, @values) into one value per field of @kind, refusing
 * unknown, repeated, list and parent fields, and missing required ones. */
static gboolean
gather_values (const TerrindKind  *kind,
               const char * const *names,
               const char * const *values,
               const char        **by_field,
               GError            **error)
{
  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    {
      const TerrindField *field = terrind_kind_lookup_field (kind, names[i]);
      guint index;

      if (field == NULL || field->type == TERRIND_VALUE_LIST ||
          (field->flags & TERRIND_FIELD_PARENT))
        {
          g_autofree char *quoted = terrind_quote (names[i]);

          g_set_error (error, TERRIND_ERROR, TERRIND_ERROR_INVALID_VALUE,
                       "a %s has no field %s it can be made with", kind->name, quoted);
          return FALSE;
        }
      index = terrind_field_index (field);
      if (by_field[index] != NULL)
        {
          g_set_error (error, TERRIND_ERROR, TERRIND_ERROR_INVALID_VALUE,
                       "field “%s” is given twice", field->name);
          return FALSE;
        }
      by_field[index] = values[i];
    }
  for (guint i = 0; i < kind->n_fields; i++)
    if ((kind->fields[i].flags & TERRIND_FIELD_REQUIRED) && by_field[i] == NULL)
      {
        g_set_error (error, TERRIND_ERROR, TERRIND_ERROR_INVALID_VALUE,
                     "a %s needs its field “%s”", kind->name, kind->fields[i].name);
        return FALSE;
      }
  return TRUE;
}

/**
 * terrind_kind_new_entity:
 * @kind: a #TerrindKind
 * @names: (array zero-terminated=1) (nullable): field names
 * @values: (array): the value of each field of @names, in text form; as
 *   many as @names
 * @error: return location for a #GError
 *
 * Makes an entity of @kind from the values of its scalar fields, each
 * checked as the typed constructor and setters check it. List items are
 * added afterwards with terrind_field_add_item(); a child kind's parent
 * is named when the entity is added (terrind_registry_add()).
 *
 * Returns: (transfer full) (nullable): a new entity of @kind's C type
 *   (a #TerrindRegion…), free with terrind_kind_unref_entity(); or %NULL
 *   with %TERRIND_ERROR_INVALID_VALUE naming the field at fault.
 *
 * Since: 1.1
 */
gpointer
terrind_kind_new_entity (const TerrindKind  *kind,
                         const char * const *names,
                         const char * const *values,
                         GError            **error)
{
  const char *by_field[TERRIND_MODEL_MAX_FIELDS] = { NULL };

  g_return_val_if_fail (kind != NULL, NULL);
  g_return_val_if_fail (names == NULL || values != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);
  g_assert (kind->n_fields <= TERRIND_MODEL_MAX_FIELDS);

  if (!gather_values (kind, names, values, by_field, error))
    return NULL;
  return kind->new_entity (by_field, NULL, error);
}

/**
 * terrind_kind_ref_entity:
 * @kind: a #TerrindKind
 * @entity: an entity of @kind
 *
 * Takes one more reference on @entity, whatever its kind.
 *
 * Returns: (transfer full): @entity, with one more reference.
 *
 * Since: 1.1
 */
gpointer
terrind_kind_ref_entity (const TerrindKind *kind,
                         gpointer           entity)
{
  g_return_val_if_fail (kind != NULL, NULL);
  g_return_val_if_fail (entity != NULL, NULL);
  return kind->ref (entity);
}

/**
 * terrind_kind_unref_entity:
 * @kind: a #TerrindKind
 * @entity: (transfer full): an entity of @kind
 *
 * Drops one reference to @entity.
 *
 * Since: 1.1
 */
void
terrind_kind_unref_entity (const TerrindKind *kind,
                           gpointer           entity)
{
  g_return_if_fail (kind != NULL);
  g_return_if_fail (entity != NULL);
  kind->unref (entity);
}

/**
 * terrind_kind_get_entity_id:
 * @kind: a #TerrindKind
 * @entity: an entity of @kind
 *
 * Gives the id of @entity, whatever its kind: for a region, its code.
 *
 * Returns: (transfer none): the value of @entity's key field.
 *
 * Since: 1.1
 */
const char *
terrind_kind_get_entity_id (const TerrindKind *kind,
                            gconstpointer      entity)
{
  g_return_val_if_fail (kind != NULL, NULL);
  g_return_val_if_fail (entity != NULL, NULL);
  return kind->get_id (entity);
}

/**
 * terrind_kind_get_entity_registry:
 * @kind: a #TerrindKind
 * @entity: an entity of @kind
 *
 * Finds the registry that holds @entity, whatever its kind.
 *
 * Returns: (transfer none) (nullable): the registry @entity belongs to
 *   now, or %NULL.
 *
 * Since: 1.1
 */
TerrindRegistry *
terrind_kind_get_entity_registry (const TerrindKind *kind,
                                  gconstpointer      entity)
{
  g_return_val_if_fail (kind != NULL, NULL);
  g_return_val_if_fail (entity != NULL, NULL);
  return kind->get_registry (entity);
}

/**
 * terrind_kind_entities_equal:
 * @kind: a #TerrindKind
 * @a: an entity of @kind
 * @b: an entity of @kind
 *
 * Compares two entities of @kind field by field, whatever the kind.
 *
 * Returns: %TRUE when @a and @b hold the same values in every field.
 *
 * Since: 1.1
 */
gboolean
terrind_kind_entities_equal (const TerrindKind *kind,
                             gconstpointer      a,
                             gconstpointer      b)
{
  g_return_val_if_fail (kind != NULL, FALSE);
  g_return_val_if_fail (a != NULL, FALSE);
  g_return_val_if_fail (b != NULL, FALSE);
  return kind->equal (a, b);
}

/**
 * terrind_field_get_value:
 * @field: a scalar #TerrindField
 * @entity: an entity of the field's kind
 *
 * Reads a field in its text form: numbers in decimal digits, booleans as
 * "true" or "false", dates as YYYY-MM-DD.
 *
 * Returns: (transfer full) (nullable): the value, or %NULL when the field
 *   is unset (and for a list field).
 *
 * Since: 1.1
 */
char *
terrind_field_get_value (const TerrindField *field,
                         gconstpointer       entity)
{
  char *to_free = NULL;
  const char *value;

  g_return_val_if_fail (field != NULL, NULL);
  g_return_val_if_fail (entity != NULL, NULL);

  if (field->get == NULL)
    return NULL;
  value = field->get (entity, &to_free);
  return to_free != NULL ? to_free : g_strdup (value);
}

/**
 * terrind_field_set_value:
 * @field: a scalar #TerrindField
 * @entity: an entity of the field's kind
 * @value: (nullable): the new value in text form, or %NULL to unset an
 *   optional field
 * @error: return location for a #GError
 *
 * Changes one field, checked as the typed setter checks it.
 *
 * Returns: %TRUE on success; %FALSE with %TERRIND_ERROR_INVALID_VALUE when
 *   the field is not writable, is required and @value is %NULL, or
 *   @value is malformed; or with the typed setter's error.
 *
 * Since: 1.1
 */
gboolean
terrind_field_set_value (const TerrindField *field,
                         gpointer            entity,
                         const char         *value,
                         GError            **error)
{
  g_return_val_if_fail (field != NULL, FALSE);
  g_return_val_if_fail (entity != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (field->set == NULL)
    {
      g_set_error (error, TERRIND_ERROR, TERRIND_ERROR_INVALID_VALUE,
                   "field “%s” of a %s cannot change once the %s is made",
                   field->name, field->kind->name, field->kind->name);
      return FALSE;
    }
  if (value == NULL && (field->flags & TERRIND_FIELD_REQUIRED))
    {
      g_set_error (error, TERRIND_ERROR, TERRIND_ERROR_INVALID_VALUE,
                   "field “%s” of a %s is required: it cannot be unset",
                   field->name, field->kind->name);
      return FALSE;
    }
  return terrind_field_prefix_error (field->set (entity, value, error), field, error);
}

/**
 * terrind_field_get_n_items:
 * @field: a %TERRIND_VALUE_LIST #TerrindField
 * @entity: an entity of the field's kind
 *
 * Counts the items of the list field @field in @entity.
 *
 * Returns: the number of items in the list; 0 for a scalar field.
 *
 * Since: 1.1
 */
guint
terrind_field_get_n_items (const TerrindField *field,
                           gconstpointer       entity)
{
  g_return_val_if_fail (field != NULL, 0);
  g_return_val_if_fail (entity != NULL, 0);

  if (field->n_items == NULL)
    return 0;
  return field->n_items (entity);
}

/**
 * terrind_field_get_item_value:
 * @field: a %TERRIND_VALUE_LIST #TerrindField
 * @entity: an entity of the field's kind
 * @index: an item's index, below terrind_field_get_n_items()
 * @item_field: one of @field's item fields
 *
 * Reads the value of @item_field in the item at @index of the list @field of
 * @entity, as text. Free it with g_free().
 *
 * Returns: (transfer full) (nullable): the item's value for @item_field in
 *   text form, or %NULL when unset.
 *
 * Since: 1.1
 */
char *
terrind_field_get_item_value (const TerrindField *field,
                              gconstpointer       entity,
                              guint               index,
                              const TerrindField *item_field)
{
  char *to_free = NULL;
  const char *value;
  guint item;

  g_return_val_if_fail (field != NULL, NULL);
  g_return_val_if_fail (entity != NULL, NULL);
  g_return_val_if_fail (field->type == TERRIND_VALUE_LIST, NULL);
  g_return_val_if_fail (item_field >= field->item_fields &&
                        item_field < field->item_fields + field->n_item_fields, NULL);
  g_return_val_if_fail (index < field->n_items (entity), NULL);

  item = (guint) (item_field - field->item_fields);
  value = field->get_item (entity, index, item, &to_free);
  if (to_free != NULL)
    return to_free;
  return g_strdup (value);
}

/**
 * terrind_field_add_item:
 * @field: a %TERRIND_VALUE_LIST #TerrindField
 * @entity: an entity of the field's kind
 * @values: (array): one value per item field, in their order; %NULL for
 *   an optional one left unset
 * @error: return location for a #GError
 *
 * Adds an item to a list, checked as the typed function checks it (a
 * member is added in SIREN order, and only once).
 *
 * Returns: %TRUE on success; %FALSE with %TERRIND_ERROR_INVALID_VALUE or
 *   %TERRIND_ERROR_DUPLICATE.
 *
 * Since: 1.1
 */
gboolean
terrind_field_add_item (const TerrindField *field,
                        gpointer            entity,
                        const char * const *values,
                        GError            **error)
{
  g_return_val_if_fail (field != NULL, FALSE);
  g_return_val_if_fail (entity != NULL, FALSE);
  g_return_val_if_fail (values != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (field->type != TERRIND_VALUE_LIST)
    {
      g_set_error (error, TERRIND_ERROR, TERRIND_ERROR_INVALID_VALUE,
                   "field “%s” is not a list", field->name);
      return FALSE;
    }
  if (!terrind_field_check_item (field, values, error))
    return FALSE;
  return terrind_field_prefix_error (field->add_item (entity, values, error), field, error);
}

gboolean
terrind_field_check_item (const TerrindField *field,
                          const char * const *values,
                          GError            **error)
{
  for (guint i = 0; i < field->n_item_fields; i++)
    if ((field->item_fields[i].flags & TERRIND_FIELD_REQUIRED) && values[i] == NULL)
      {
        g_set_error (error, TERRIND_ERROR, TERRIND_ERROR_INVALID_VALUE,
                     "an item of “%s” needs its “%s”", field->name, field->item_fields[i].name);
        return FALSE;
      }
  return TRUE;
}

/* Registries */

/**
 * terrind_registry_lookup:
 * @registry: a #TerrindRegistry
 * @kind: a #TerrindKind
 * @id: the entity's key
 *
 * As terrind_registry_get_territory() and the others, for any kind.
 *
 * Returns: (transfer none) (nullable): the entity of @kind with key @id,
 *   or %NULL.
 *
 * Since: 1.1
 */
gpointer
terrind_registry_lookup (TerrindRegistry   *registry,
                         const TerrindKind *kind,
                         const char        *id)
{
  g_return_val_if_fail (registry != NULL, NULL);
  g_return_val_if_fail (kind != NULL, NULL);
  g_return_val_if_fail (id != NULL, NULL);
  return kind->lookup (registry, id);
}

/**
 * terrind_registry_count:
 * @registry: a #TerrindRegistry
 * @kind: a #TerrindKind
 *
 * Counts the entities of @kind in @registry, whatever the kind.
 *
 * Returns: how many entities of @kind @registry holds.
 *
 * Since: 1.1
 */
guint
terrind_registry_count (TerrindRegistry   *registry,
                        const TerrindKind *kind)
{
  g_return_val_if_fail (registry != NULL, 0);
  g_return_val_if_fail (kind != NULL, 0);
  return kind->count (registry);
}

/**
 * terrind_registry_list:
 * @registry: a #TerrindRegistry
 * @kind: a #TerrindKind
 *
 * Lists the entities of @kind in @registry, whatever the kind.
 *
 * Returns: (transfer container) (element-type gpointer): the entities of
 *   @kind sorted by key; free the array with g_ptr_array_unref(), the
 *   elements are borrowed.
 *
 * Since: 1.1
 */
GPtrArray *
terrind_registry_list (TerrindRegistry   *registry,
                       const TerrindKind *kind)
{
  g_return_val_if_fail (registry != NULL, NULL);
  g_return_val_if_fail (kind != NULL, NULL);
  return kind->list (registry);
}

/**
 * terrind_registry_add:
 * @registry: a #TerrindRegistry
 * @kind: a #TerrindKind
 * @entity: an entity of @kind that belongs to no registry
 * @parent_id: (nullable): for a kind with a parent (a commitment), the key
 *   of the parent entity in @registry; %NULL otherwise
 * @error: return location for a #GError
 *
 * As terrind_registry_add_territory() and the others, for any kind.
 *
 * Returns: %TRUE on success; %FALSE with the typed function's error, or
 *   %TERRIND_ERROR_UNKNOWN_REFERENCE when the parent is not in @registry.
 *
 * Since: 1.1
 */
gboolean
terrind_registry_add (TerrindRegistry   *registry,
                      const TerrindKind *kind,
                      gpointer           entity,
                      const char        *parent_id,
                      GError           **error)
{
  g_return_val_if_fail (registry != NULL, FALSE);
  g_return_val_if_fail (kind != NULL, FALSE);
  g_return_val_if_fail (entity != NULL, FALSE);
  g_return_val_if_fail ((kind->parent != NULL) == (parent_id != NULL), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  return kind->add (registry, entity, parent_id, error);
}

/**
 * terrind_registry_remove:
 * @registry: a #TerrindRegistry
 * @kind: a #TerrindKind
 * @id: the key of the entity to remove
 * @flags: %TERRIND_REMOVE_CASCADE to remove what refers to it too, where
 *   the kind's typed function takes flags
 * @error: return location for a #GError
 *
 * As terrind_registry_remove_territory() and the others, for any kind.
 *
 * Returns: %TRUE on success; %FALSE with the typed function's error.
 *
 * Since: 1.1
 */
gboolean
terrind_registry_remove (TerrindRegistry     *registry,
                         const TerrindKind   *kind,
                         const char          *id,
                         TerrindRemoveFlags   flags,
                         GError             **error)
{
  g_return_val_if_fail (registry != NULL, FALSE);
  g_return_val_if_fail (kind != NULL, FALSE);
  g_return_val_if_fail (id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  return kind->remove (registry, id, flags, error);
}
