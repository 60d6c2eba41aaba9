/* terrind-xml-schema.c: the XSD of the format, written from the model's description
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The schema is not written by hand, so it cannot drift from what the
 * library reads and writes: its elements, attributes and keys are the kinds
 * and fields of terrind-kind-*.c, laid out as the format lays them out.
 *
 *  - The document element holds one section per kind without a parent, in
 *    the order of the kinds; a child kind (a commitment) is an element of
 *    its parent's, after the parent's lists.
 *  - A scalar field is an attribute, required when the field is; a field
 *    that is the element's text (a commitment's text) is a child element.
 *  - A list field is an element repeated once per item: its item fields
 *    are its attributes, or its text when the single item field is one.
 *  - Keys and references become xs:key and xs:keyref; a kind's unique
 *    fields, xs:unique.
 *
 * The value types map to named simple types below, the XSD form of the
 * checks in terrind-validate.c. What XSD 1.0 cannot say (calendar dates,
 * SIREN check digits, fields that go together, year order) stays the
 * library's to check.
 */

#include "config.h"

#include "terrind-model-private.h"
#include "terrind-xml.h"
#include "terrind-xml-schema-private.h"

#define MAX_FACETS 4

/* Facets are XSD text, with the character references they need. */
typedef struct {
  const char *name;
  const char *comment;
  const char *base;
  const char *facets[MAX_FACETS];
} SimpleType;

#define LINE_CHARACTERS "[^&#x9;&#xA;&#xD;&#x7F;]*"

static const SimpleType value_types[] = {
  [TERRIND_VALUE_ID] = {
    "Id", NULL, "xs:string",
    { "<xs:pattern value=\"[A-Za-z0-9._\\-]{1,128}\"/>" } },
  [TERRIND_VALUE_NAME] = {
    "Name", "Non-empty text without control characters.", "xs:string",
    { "<xs:minLength value=\"1\"/>", "<xs:pattern value=\"" LINE_CHARACTERS "\"/>" } },
  [TERRIND_VALUE_TEXT] = {
    "Text", "Text that may span lines: tab and newline allowed, no carriage return.",
    "xs:string",
    { "<xs:minLength value=\"1\"/>", "<xs:pattern value=\"[^&#xD;&#x7F;]*\"/>" } },
  [TERRIND_VALUE_CODE] = {
    "Code", NULL, "xs:string",
    { "<xs:pattern value=\"[0-9AB]{1,3}\"/>" } },
  [TERRIND_VALUE_DATE] = {
    "Date", NULL, "xs:string",
    { "<xs:pattern value=\"[0-9]{4}-[0-9]{2}-[0-9]{2}\"/>" } },
  [TERRIND_VALUE_YEAR] = {
    "Year", NULL, "xs:unsignedShort",
    { "<xs:pattern value=\"[0-9]+\"/>", "<xs:minInclusive value=\"1900\"/>",
      "<xs:maxInclusive value=\"2200\"/>" } },
  [TERRIND_VALUE_COUNT] = {
    "Count", NULL, "xs:unsignedInt",
    { "<xs:pattern value=\"[0-9]+\"/>" } },
  [TERRIND_VALUE_AMOUNT] = {
    "Amount", "Whole euros, 0 to G_MAXINT64, digits only.", "xs:long",
    { "<xs:pattern value=\"[0-9]+\"/>", "<xs:minInclusive value=\"0\"/>" } },
  [TERRIND_VALUE_SIREN] = {
    "Siren", NULL, "xs:string",
    { "<xs:pattern value=\"[0-9]{9}\"/>" } },
  [TERRIND_VALUE_EMAIL] = {
    "Email", NULL, "xs:string",
    { "<xs:maxLength value=\"254\"/>",
      "<xs:pattern value=\"[!#-'*+\\-./0-9=?A-Z\\^_`a-z{|}~]+@[!#-'*+\\-0-9=?A-Z\\^_`a-z{|}~]+"
      "(\\.[!#-'*+\\-0-9=?A-Z\\^_`a-z{|}~]+)+\"/>" } },
  [TERRIND_VALUE_PHONE] = {
    "Phone", NULL, "xs:string",
    { "<xs:maxLength value=\"32\"/>",
      "<xs:pattern value=\"[ +.\\-()]*([0-9][ +.\\-()]*){4,}\"/>" } },
  /* REFERENCE, BOOLEAN, ENUM and LIST have no type of their own: see
   * field_type(). */
  [TERRIND_VALUE_LIST] = { NULL, NULL, NULL, { NULL } },
};

/* An optional name may be empty, which differs from absent. */
static const SimpleType optional_name = {
  "OptionalName", "Optional text: may be empty, which differs from absent.", "xs:string",
  { "<xs:pattern value=\"" LINE_CHARACTERS "\"/>" }
};

/* "first-year" → "FirstYear", appended to @out. */
static void
append_camel (GString    *out,
              const char *name)
{
  gboolean upper = TRUE;

  for (const char *p = name; *p != '\0'; p++)
    {
      if (*p == '-' || *p == '_')
        {
          upper = TRUE;
          continue;
        }
      g_string_append_c (out, upper ? g_ascii_toupper (*p) : *p);
      upper = FALSE;
    }
}

static char *
camel (const char *name)
{
  GString *out = g_string_new (NULL);

  append_camel (out, name);
  return g_string_free (out, FALSE);
}

/* Fields that need a simple type of their own, named after their owner
 * (the kind or the list item) and themselves: "CommitmentKind". */
static gboolean
has_own_type (const TerrindField *field)
{
  return field->type == TERRIND_VALUE_ENUM ||
         (field->type == TERRIND_VALUE_COUNT && (field->minimum != 0 || field->maximum != 0));
}

static char *
own_type_name (const char         *owner,
               const TerrindField *field)
{
  GString *out = g_string_new (NULL);

  append_camel (out, owner);
  append_camel (out, field->name);
  return g_string_free (out, FALSE);
}

/* The type of an attribute or text element, as a qualified name. Every
 * key is checked as an id by its constructor, a region's code too, and a
 * reference holds a key. */
static char *
field_type (const char         *owner,
            const TerrindField *field)
{
  g_autofree char *own = NULL;

  if ((field->flags & TERRIND_FIELD_KEY) != 0 || field->type == TERRIND_VALUE_REFERENCE)
    return g_strdup ("t:Id");
  if (field->type == TERRIND_VALUE_BOOLEAN)
    return g_strdup ("xs:boolean");
  if (has_own_type (field))
    {
      own = own_type_name (owner, field);
      return g_strconcat ("t:", own, NULL);
    }
  if (field->type == TERRIND_VALUE_NAME && (field->flags & TERRIND_FIELD_REQUIRED) == 0)
    return g_strconcat ("t:", optional_name.name, NULL);
  g_assert (field->type < G_N_ELEMENTS (value_types) && value_types[field->type].name != NULL);
  return g_strconcat ("t:", value_types[field->type].name, NULL);
}

/* The simple types the fields use, each once. */
typedef struct {
  gboolean           value_type_used[G_N_ELEMENTS (value_types)];
  gboolean           optional_name_used;
  GPtrArray         *own_owners;   /* of char *, parallel to own_fields */
  GPtrArray         *own_fields;   /* of const TerrindField * */
} UsedTypes;

static void
note_field (UsedTypes          *used,
            const char         *owner,
            const TerrindField *field)
{
  if (field->type == TERRIND_VALUE_LIST)
    {
      for (guint i = 0; i < field->n_item_fields; i++)
        note_field (used, field->item_name, &field->item_fields[i]);
      return;
    }
  if (has_own_type (field))
    {
      g_ptr_array_add (used->own_owners, g_strdup (owner));
      g_ptr_array_add (used->own_fields, (gpointer) field);
    }
  else if ((field->flags & TERRIND_FIELD_KEY) != 0 || field->type == TERRIND_VALUE_REFERENCE)
    used->value_type_used[TERRIND_VALUE_ID] = TRUE;
  else if (field->type == TERRIND_VALUE_NAME && (field->flags & TERRIND_FIELD_REQUIRED) == 0)
    used->optional_name_used = TRUE;
  else if (field->type != TERRIND_VALUE_BOOLEAN)
    used->value_type_used[field->type] = TRUE;
}

static void
write_simple_type (GString          *out,
                   const SimpleType *type)
{
  if (type->comment != NULL)
    g_string_append_printf (out, "  <!-- %s -->\n", type->comment);
  g_string_append_printf (out, "  <xs:simpleType name=\"%s\">\n"
                               "    <xs:restriction base=\"%s\">\n", type->name, type->base);
  for (guint i = 0; i < MAX_FACETS && type->facets[i] != NULL; i++)
    g_string_append_printf (out, "      %s\n", type->facets[i]);
  g_string_append (out, "    </xs:restriction>\n"
                        "  </xs:simpleType>\n\n");
}

static void
write_own_type (GString            *out,
                const char         *owner,
                const TerrindField *field)
{
  g_autofree char *name = own_type_name (owner, field);

  g_string_append_printf (out, "  <xs:simpleType name=\"%s\">\n", name);
  if (field->type == TERRIND_VALUE_ENUM)
    {
      g_string_append (out, "    <xs:restriction base=\"xs:string\">\n");
      for (const char * const *choice = field->choices; *choice != NULL; choice++)
        {
          g_autofree char *escaped = g_markup_escape_text (*choice, -1);
          g_string_append_printf (out, "      <xs:enumeration value=\"%s\"/>\n", escaped);
        }
    }
  else
    {
      g_string_append_printf (out, "    <xs:restriction base=\"%s\">\n",
                              value_types[field->type].base);
      for (guint i = 0; i < MAX_FACETS && value_types[field->type].facets[i] != NULL; i++)
        g_string_append_printf (out, "      %s\n", value_types[field->type].facets[i]);
      if (field->minimum != 0)
        g_string_append_printf (out, "      <xs:minInclusive value=\"%u\"/>\n", field->minimum);
      if (field->maximum != 0)
        g_string_append_printf (out, "      <xs:maxInclusive value=\"%u\"/>\n", field->maximum);
    }
  g_string_append (out, "    </xs:restriction>\n"
                        "  </xs:simpleType>\n\n");
}

static void
write_simple_types (GString                   *out,
                    const TerrindKind * const *kinds,
                    guint                      n_kinds)
{
  UsedTypes used = { { FALSE }, FALSE, NULL, NULL };

  used.own_owners = g_ptr_array_new_with_free_func (g_free);
  used.own_fields = g_ptr_array_new ();
  for (guint k = 0; k < n_kinds; k++)
    for (guint i = 0; i < kinds[k]->n_fields; i++)
      note_field (&used, kinds[k]->name, &kinds[k]->fields[i]);

  g_string_append (out, "  <!-- Simple types -->\n\n");
  for (guint t = 0; t < G_N_ELEMENTS (value_types); t++)
    {
      if (used.value_type_used[t])
        write_simple_type (out, &value_types[t]);
      /* Beside the name it is the optional form of. */
      if (t == TERRIND_VALUE_NAME && used.optional_name_used)
        write_simple_type (out, &optional_name);
    }
  for (guint i = 0; i < used.own_fields->len; i++)
    write_own_type (out, g_ptr_array_index (used.own_owners, i),
                    g_ptr_array_index (used.own_fields, i));

  g_ptr_array_unref (used.own_owners);
  g_ptr_array_unref (used.own_fields);
}

/* The attributes of an element: its scalar fields but those that are its
 * text. A parent field is not written: the element is inside its parent. */
static void
write_attributes (GString            *out,
                  const char         *owner,
                  const TerrindField *fields,
                  guint               n_fields)
{
  for (guint i = 0; i < n_fields; i++)
    {
      const TerrindField *field = &fields[i];
      g_autofree char *type = NULL;

      if (field->type == TERRIND_VALUE_LIST || field->is_content ||
          (field->flags & TERRIND_FIELD_PARENT) != 0)
        continue;
      type = field_type (owner, field);
      g_string_append_printf (out, "    <xs:attribute name=\"%s\" type=\"%s\"%s/>\n", field->name,
                              type,
                              (field->flags & TERRIND_FIELD_REQUIRED) != 0 ? " use=\"required\"" : "");
    }
}

/* The element of one item of @field, and the complex type it needs. */
static gboolean
item_is_text (const TerrindField *field)
{
  /* Text and attributes together would need simple content with
   * extensions, which the format never uses. */
  g_assert (!field->item_fields[0].is_content || field->n_item_fields == 1);
  return field->item_fields[0].is_content;
}

static void
write_item_type (GString            *out,
                 const TerrindField *field)
{
  g_autofree char *name = camel (field->item_name);

  g_string_append_printf (out, "  <xs:complexType name=\"%s\">\n", name);
  write_attributes (out, field->item_name, field->item_fields, field->n_item_fields);
  g_string_append (out, "  </xs:complexType>\n\n");
}

static void
write_kind_type (GString                   *out,
                 const TerrindKind         *kind,
                 const TerrindKind * const *kinds,
                 guint                      n_kinds)
{
  g_autofree char *name = camel (kind->name);
  GString *children = g_string_new (NULL);

  for (guint i = 0; i < kind->n_fields; i++)
    {
      const TerrindField *field = &kind->fields[i];
      g_autofree char *type = NULL;

      if (field->type == TERRIND_VALUE_LIST)
        {
          if (item_is_text (field))
            type = field_type (field->item_name, &field->item_fields[0]);
          else
            {
              g_autofree char *item = camel (field->item_name);

              write_item_type (out, field);
              type = g_strconcat ("t:", item, NULL);
            }
          g_string_append_printf (children, "      <xs:element name=\"%s\" type=\"%s\" "
                                            "minOccurs=\"0\" maxOccurs=\"unbounded\"/>\n",
                                  field->item_name, type);
        }
      else if (field->is_content)
        {
          type = field_type (kind->name, field);
          g_string_append_printf (children, "      <xs:element name=\"%s\" type=\"%s\"%s/>\n",
                                  field->name, type,
                                  (field->flags & TERRIND_FIELD_REQUIRED) != 0 ? ""
                                                                              : " minOccurs=\"0\"");
        }
    }
  for (guint k = 0; k < n_kinds; k++)
    if (kinds[k]->parent == kind)
      {
        g_autofree char *child = camel (kinds[k]->name);

        g_string_append_printf (children, "      <xs:element name=\"%s\" type=\"t:%s\" "
                                          "minOccurs=\"0\" maxOccurs=\"unbounded\"/>\n",
                                kinds[k]->name, child);
      }

  g_string_append_printf (out, "  <xs:complexType name=\"%s\">\n", name);
  if (children->len > 0)
    g_string_append_printf (out, "    <xs:sequence>\n%s    </xs:sequence>\n", children->str);
  write_attributes (out, kind->name, kind->fields, kind->n_fields);
  g_string_append (out, "  </xs:complexType>\n\n");
  g_string_free (children, TRUE);
}

/* The path from the document element to the elements of @kind. */
static void
append_path (GString           *out,
             const TerrindKind *kind)
{
  if (kind->parent != NULL)
    {
      append_path (out, kind->parent);
      g_string_append_printf (out, "/t:%s", kind->name);
    }
  else
    g_string_append_printf (out, "t:%s/t:%s", kind->plural, kind->name);
}

static void
write_selector (GString           *out,
                const TerrindKind *kind)
{
  g_string_append (out, "      <xs:selector xpath=\"");
  append_path (out, kind);
  g_string_append (out, "\"/>\n");
}

static const TerrindField *
kind_key (const TerrindKind *kind)
{
  for (guint i = 0; i < kind->n_fields; i++)
    if ((kind->fields[i].flags & TERRIND_FIELD_KEY) != 0)
      return &kind->fields[i];
  g_assert_not_reached ();
}

/* Ids unique within their kind (commitments across the whole document,
 * since their key is), references that resolve. */
static void
write_constraints (GString                   *out,
                   const TerrindKind * const *kinds,
                   guint                      n_kinds)
{
  g_string_append (out, "    <!-- Integrity: ids unique within their kind (commitments across the\n"
                        "         whole document), references resolve. -->\n");
  for (guint k = 0; k < n_kinds; k++)
    {
      const TerrindField *key = kind_key (kinds[k]);

      g_string_append_printf (out, "    <xs:key name=\"%s-%s\">\n", kinds[k]->name, key->name);
      write_selector (out, kinds[k]);
      g_string_append_printf (out, "      <xs:field xpath=\"@%s\"/>\n"
                                   "    </xs:key>\n", key->name);
    }
  for (guint k = 0; k < n_kinds; k++)
    {
      const char * const *unique = kinds[k]->unique;

      if (unique == NULL)
        continue;
      g_string_append_printf (out, "    <xs:unique name=\"one-%s-per", kinds[k]->name);
      for (guint i = 0; unique[i] != NULL; i++)
        g_string_append_printf (out, "%s%s", i > 0 ? "-and-" : "-", unique[i]);
      g_string_append (out, "\">\n");
      write_selector (out, kinds[k]);
      for (guint i = 0; unique[i] != NULL; i++)
        g_string_append_printf (out, "      <xs:field xpath=\"@%s\"/>\n", unique[i]);
      g_string_append (out, "    </xs:unique>\n");
    }
  for (guint k = 0; k < n_kinds; k++)
    for (guint i = 0; i < kinds[k]->n_fields; i++)
      {
        const TerrindField *field = &kinds[k]->fields[i];

        /* A parent is where its child is: nesting says it, not a keyref. */
        if (field->type != TERRIND_VALUE_REFERENCE || (field->flags & TERRIND_FIELD_PARENT) != 0)
          continue;
        g_string_append_printf (out, "    <xs:keyref name=\"%s-%s\" refer=\"t:%s-%s\">\n",
                                kinds[k]->name, field->name, field->target->name,
                                kind_key (field->target)->name);
        write_selector (out, kinds[k]);
        g_string_append_printf (out, "      <xs:field xpath=\"@%s\"/>\n"
                                     "    </xs:keyref>\n", field->name);
      }
}

static void
write_document_element (GString                   *out,
                        const TerrindKind * const *kinds,
                        guint                      n_kinds)
{
  g_autoptr(GString) versions = g_string_new (NULL);

  for (int v = 1; v <= TERRIND_XML_FORMAT_VERSION; v++)
    g_string_append_printf (versions, "            <xs:enumeration value=\"%d\"/>\n", v);
  g_string_append (out, "  <!-- The document -->\n\n"
                        "  <xs:element name=\"registry\">\n"
                        "    <xs:complexType>\n"
                        "      <xs:sequence>\n");
  for (guint k = 0; k < n_kinds; k++)
    {
      g_autofree char *type = NULL;

      if (kinds[k]->parent != NULL)
        continue;
      type = camel (kinds[k]->name);
      /* Sections added after version 1 may be absent: version-1 files
       * stay valid. */
      g_string_append_printf (out,
                              "        <xs:element name=\"%s\"%s>\n"
                              "          <xs:complexType>\n"
                              "            <xs:sequence>\n"
                              "              <xs:element name=\"%s\" type=\"t:%s\" minOccurs=\"0\" "
                              "maxOccurs=\"unbounded\"/>\n"
                              "            </xs:sequence>\n"
                              "          </xs:complexType>\n"
                              "        </xs:element>\n",
                              kinds[k]->plural,
                              kinds[k]->since_version > 1 ? " minOccurs=\"0\"" : "",
                              kinds[k]->name, type);
    }
  g_string_append_printf (out,
                          "      </xs:sequence>\n"
                          "      <xs:attribute name=\"version\" use=\"required\">\n"
                          "        <xs:simpleType>\n"
                          "          <xs:restriction base=\"xs:string\">\n"
                          "%s"
                          "          </xs:restriction>\n"
                          "        </xs:simpleType>\n"
                          "      </xs:attribute>\n"
                          "    </xs:complexType>\n\n",
                          versions->str);
  write_constraints (out, kinds, n_kinds);
  g_string_append (out, "  </xs:element>\n");
}

char *
terrind_xml_schema_write (gsize *length)
{
  GString *out = g_string_new (NULL);
  const TerrindKind * const *kinds;
  guint n_kinds;

  kinds = terrind_model_get_kinds (&n_kinds);
  g_string_append_printf (out,
                          "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                          "<!-- The libterrind XML format, version %d.\n"
                          "\n"
                          "     Copyright (C) 2026 The libterrind authors\n"
                          "     SPDX-License-Identifier: LGPL-2.1-or-later\n"
                          "\n"
                          "     Written by the library from its description of the model\n"
                          "     (lib/terrind-xml-schema.c): do not edit. The library enforces\n"
                          "     the same structure while it streams a document; on top of this\n"
                          "     schema it checks what XSD 1.0 cannot say: real calendar dates,\n"
                          "     SIREN check digits, amount and period given together, first-year\n"
                          "     <= last-year. See docs/format.md. -->\n"
                          "<xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\"\n"
                          "           xmlns:t=\"%s\"\n"
                          "           targetNamespace=\"%s\"\n"
                          "           elementFormDefault=\"qualified\"\n"
                          "           attributeFormDefault=\"unqualified\">\n\n",
                          TERRIND_XML_FORMAT_VERSION, TERRIND_XML_NAMESPACE,
                          TERRIND_XML_NAMESPACE);
  write_simple_types (out, kinds, n_kinds);
  g_string_append (out, "  <!-- Entities -->\n\n");
  for (guint k = 0; k < n_kinds; k++)
    write_kind_type (out, kinds[k], kinds, n_kinds);
  write_document_element (out, kinds, n_kinds);
  g_string_append (out, "</xs:schema>\n");

  if (length != NULL)
    *length = out->len;
  return g_string_free (out, FALSE);
}
