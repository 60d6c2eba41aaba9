/* terrind-xml-loader.c: turns the elements of a document into the model
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <string.h>

#include "terrind-registry.h"
#include "terrind-xml-private.h"

/* Each element of the format is described once, here: where it may appear,
 * which attributes it takes, and the loader that builds the model from it.
 * Every loader has the same shape, so adding an element is adding a row.
 * The structure matches data/terrind-1.xsd; tests/test-xml-schema.c checks
 * that the two agree on the whole fixture corpus. */
typedef gboolean (*TerrindXmlLoadFunc) (TerrindXmlLoader *loader,
                                        GError          **error);

typedef struct {
  const char          *name;
  TerrindXmlElement    parent;
  int                  rank;        /* order among the parent's children */
  gboolean             repeated;    /* may follow itself */
  gboolean             required;    /* must appear, once, in its place */
  gboolean             has_text;    /* its character data is its value */
  const char          *attributes[TERRIND_XML_MAX_ATTRIBUTES + 1];
  guint                required_attributes;  /* bit i: attributes[i] */
  TerrindXmlLoadFunc   start;
  TerrindXmlLoadFunc   end;
} TerrindXmlElementInfo;

static gboolean load_registry_start    (TerrindXmlLoader *loader, GError **error);
static gboolean load_registry_end      (TerrindXmlLoader *loader, GError **error);
static gboolean load_region            (TerrindXmlLoader *loader, GError **error);
static gboolean load_operator_start    (TerrindXmlLoader *loader, GError **error);
static gboolean load_operator_end      (TerrindXmlLoader *loader, GError **error);
static gboolean load_former_name       (TerrindXmlLoader *loader, GError **error);
static gboolean load_territory_start   (TerrindXmlLoader *loader, GError **error);
static gboolean load_territory_end     (TerrindXmlLoader *loader, GError **error);
static gboolean load_member            (TerrindXmlLoader *loader, GError **error);
static gboolean load_department        (TerrindXmlLoader *loader, GError **error);
static gboolean load_convention_start  (TerrindXmlLoader *loader, GError **error);
static gboolean load_convention_end    (TerrindXmlLoader *loader, GError **error);
static gboolean load_signatory         (TerrindXmlLoader *loader, GError **error);
static gboolean load_commitment_start  (TerrindXmlLoader *loader, GError **error);
static gboolean load_commitment_end    (TerrindXmlLoader *loader, GError **error);
static gboolean load_text              (TerrindXmlLoader *loader, GError **error);
static gboolean load_theme_start       (TerrindXmlLoader *loader, GError **error);
static gboolean load_theme_end         (TerrindXmlLoader *loader, GError **error);
static gboolean load_target            (TerrindXmlLoader *loader, GError **error);
static gboolean load_referent          (TerrindXmlLoader *loader, GError **error);

static const TerrindXmlElementInfo element_info[TERRIND_XML_N_ELEMENTS] = {
  [TERRIND_XML_REGISTRY] = {
    "registry", TERRIND_XML_NONE, 0, FALSE, TRUE, FALSE,
    { "version" }, 0x1, load_registry_start, load_registry_end },
  [TERRIND_XML_REGIONS] = {
    "regions", TERRIND_XML_REGISTRY, 0, FALSE, TRUE, FALSE, { NULL }, 0, NULL, NULL },
  [TERRIND_XML_REGION] = {
    "region", TERRIND_XML_REGIONS, 0, TRUE, FALSE, FALSE,
    { "code", "name" }, 0x3, load_region, NULL },
  [TERRIND_XML_OPERATORS] = {
    "operators", TERRIND_XML_REGISTRY, 1, FALSE, TRUE, FALSE, { NULL }, 0, NULL, NULL },
  [TERRIND_XML_OPERATOR] = {
    "operator", TERRIND_XML_OPERATORS, 0, TRUE, FALSE, FALSE,
    { "id", "name", "kind" }, 0x3, load_operator_start, load_operator_end },
  [TERRIND_XML_FORMER_NAME] = {
    "former-name", TERRIND_XML_OPERATOR, 0, TRUE, FALSE, FALSE,
    { "name", "until" }, 0x1, load_former_name, NULL },
  [TERRIND_XML_TERRITORIES] = {
    "territories", TERRIND_XML_REGISTRY, 2, FALSE, TRUE, FALSE, { NULL }, 0, NULL, NULL },
  [TERRIND_XML_TERRITORY] = {
    "territory", TERRIND_XML_TERRITORIES, 0, TRUE, FALSE, FALSE,
    { "id", "name", "region", "phase" }, 0x7, load_territory_start, load_territory_end },
  [TERRIND_XML_MEMBER] = {
    "member", TERRIND_XML_TERRITORY, 0, TRUE, FALSE, FALSE,
    { "siren" }, 0x1, load_member, NULL },
  [TERRIND_XML_DEPARTMENT] = {
    "department", TERRIND_XML_TERRITORY, 1, TRUE, FALSE, FALSE,
    { "code" }, 0x1, load_department, NULL },
  [TERRIND_XML_CONVENTIONS] = {
    "conventions", TERRIND_XML_REGISTRY, 3, FALSE, TRUE, FALSE, { NULL }, 0, NULL, NULL },
  [TERRIND_XML_CONVENTION] = {
    "convention", TERRIND_XML_CONVENTIONS, 0, TRUE, FALSE, FALSE,
    { "id", "operator", "date", "place", "title" }, 0x7,
    load_convention_start, load_convention_end },
  [TERRIND_XML_SIGNATORY] = {
    "signatory", TERRIND_XML_CONVENTION, 0, TRUE, FALSE, FALSE,
    { "name", "role" }, 0x1, load_signatory, NULL },
  [TERRIND_XML_COMMITMENT] = {
    "commitment", TERRIND_XML_CONVENTION, 1, TRUE, FALSE, FALSE,
    { "id", "kind", "amount", "period", "first-year", "last-year", "approximate" }, 0x3,
    load_commitment_start, load_commitment_end },
  [TERRIND_XML_TEXT] = {
    "text", TERRIND_XML_COMMITMENT, 0, FALSE, TRUE, TRUE, { NULL }, 0, NULL, load_text },
  [TERRIND_XML_THEME] = {
    "theme", TERRIND_XML_COMMITMENT, 1, TRUE, FALSE, TRUE, { NULL }, 0,
    load_theme_start, load_theme_end },
  [TERRIND_XML_TARGET] = {
    "target", TERRIND_XML_COMMITMENT, 2, TRUE, FALSE, FALSE,
    { "level", "count" }, 0x3, load_target, NULL },
  [TERRIND_XML_REFERENTS] = {
    "referents", TERRIND_XML_REGISTRY, 4, FALSE, TRUE, FALSE, { NULL }, 0, NULL, NULL },
  [TERRIND_XML_REFERENT] = {
    "referent", TERRIND_XML_REFERENTS, 0, TRUE, FALSE, FALSE,
    { "id", "operator", "territory", "person", "role", "email", "phone", "start" }, 0xf,
    load_referent, NULL },
};

/* Elements whose loader runs when they end (a model object open across
 * their children, or a text value): they get the location of their start
 * tag recorded, for the errors found at their end. */
static gboolean
element_ends_with_loader (TerrindXmlElement element)
{
  switch (element)
    {
    case TERRIND_XML_OPERATOR:
    case TERRIND_XML_TERRITORY:
    case TERRIND_XML_CONVENTION:
    case TERRIND_XML_COMMITMENT:
    case TERRIND_XML_TEXT:
    case TERRIND_XML_THEME:
      return TRUE;
    default:
      return FALSE;
    }
}

const char *
terrind_xml_element_name (TerrindXmlElement element)
{
  return element_info[element].name;
}

void
terrind_xml_loader_clear_entities (TerrindXmlLoader *loader)
{
  g_clear_pointer (&loader->op, terrind_operator_unref);
  g_clear_pointer (&loader->territory, terrind_territory_unref);
  g_clear_pointer (&loader->convention, terrind_convention_unref);
  g_clear_pointer (&loader->commitment, terrind_commitment_unref);
}

static TerrindXmlFrame *
loader_top (TerrindXmlLoader *loader)
{
  return &loader->frames[loader->depth];
}

static const char *
attribute (TerrindXmlLoader *loader,
           guint             index)
{
  return loader->attributes[index];
}

/* Prefixes a setter's error with the attribute it came from. */
static gboolean
in_attribute (gboolean    ok,
              const char *name,
              GError    **error)
{
  if (!ok)
    g_prefix_error (error, "attribute “%s”: ", name);
  return ok;
}

/* Digits only, at most @max: the format writes numbers one way, so that a
 * canonical file round-trips byte for byte. */
static gboolean
parse_number (const char *value,
              const char *name,
              guint64     max,
              guint64    *out,
              GError    **error)
{
  guint64 number = 0;
  const char *p;

  for (p = value; *p != '\0'; p++)
    {
      guint digit;

      if (!g_ascii_isdigit (*p))
        break;
      digit = (guint) (*p - '0');
      if (number > (max - digit) / 10)
        {
          g_set_error (error, TERRIND_ERROR, TERRIND_ERROR_INVALID_VALUE,
                       "attribute “%s”: “%.40s” is larger than %" G_GUINT64_FORMAT,
                       name, value, max);
          return FALSE;
        }
      number = number * 10 + digit;
    }
  if (p == value || *p != '\0')
    {
      g_autofree char *safe = g_utf8_make_valid (value, MIN (strlen (value), 40));

      g_set_error (error, TERRIND_ERROR, TERRIND_ERROR_INVALID_VALUE,
                   "attribute “%s”: “%s” is not a number (digits only, no sign)",
                   name, safe);
      return FALSE;
    }
  *out = number;
  return TRUE;
}

static gboolean
parse_optional_uint (const char *value,
                     const char *name,
                     guint      *out,
                     GError    **error)
{
  guint64 number = 0;

  if (value != NULL && !parse_number (value, name, G_MAXUINT, &number, error))
    return FALSE;
  *out = (guint) number;
  return TRUE;
}

static gboolean
parse_boolean (const char *value,
               const char *name,
               gboolean   *out,
               GError    **error)
{
  /* The lexical forms of xs:boolean. */
  if (g_str_equal (value, "true") || g_str_equal (value, "1"))
    *out = TRUE;
  else if (g_str_equal (value, "false") || g_str_equal (value, "0"))
    *out = FALSE;
  else
    {
      g_autofree char *safe = g_utf8_make_valid (value, MIN (strlen (value), 40));

      g_set_error (error, TERRIND_ERROR, TERRIND_ERROR_INVALID_VALUE,
                   "attribute “%s”: “%s” is not true or false", name, safe);
      return FALSE;
    }
  return TRUE;
}

/* The loaders, in document order. Each reads the current element's
 * attributes by their index in its row of element_info. */

static gboolean
load_registry_start (TerrindXmlLoader *loader,
                     GError          **error)
{
  const char *version = attribute (loader, 0);
  g_autofree char *expected = g_strdup_printf ("%d", TERRIND_XML_FORMAT_VERSION);

  if (!g_str_equal (version, expected))
    {
      g_autofree char *safe = g_utf8_make_valid (version, MIN (strlen (version), 40));

      g_set_error (error, TERRIND_ERROR, TERRIND_ERROR_UNSUPPORTED_VERSION,
                   "format version “%s” is not supported; this library reads version %d",
                   safe, TERRIND_XML_FORMAT_VERSION);
      return FALSE;
    }
  return TRUE;
}

static gboolean
load_registry_end (TerrindXmlLoader *loader,
                   GError          **error)
{
  int last = loader_top (loader)->last_child;

  for (guint i = 0; i < TERRIND_XML_N_ELEMENTS; i++)
    if (element_info[i].parent == TERRIND_XML_REGISTRY && element_info[i].rank > last)
      {
        g_set_error (error, TERRIND_ERROR, TERRIND_ERROR_SCHEMA,
                     "the <%s> section is missing (every section must be present, "
                     "even when empty)", element_info[i].name);
        return FALSE;
      }
  return TRUE;
}

static gboolean
load_region (TerrindXmlLoader *loader,
             GError          **error)
{
  g_autoptr(TerrindRegion) region = terrind_region_new (attribute (loader, 0),
                                                        attribute (loader, 1), error);

  return region != NULL && terrind_registry_add_region (loader->staging, region, error);
}

static gboolean
load_operator_start (TerrindXmlLoader *loader,
                     GError          **error)
{
  g_autoptr(TerrindOperator) op = terrind_operator_new (attribute (loader, 0),
                                                        attribute (loader, 1), error);

  if (op == NULL)
    return FALSE;
  if (attribute (loader, 2) != NULL &&
      !in_attribute (terrind_operator_set_kind (op, attribute (loader, 2), error), "kind", error))
    return FALSE;
  loader->op = g_steal_pointer (&op);
  return TRUE;
}

static gboolean
load_operator_end (TerrindXmlLoader *loader,
                   GError          **error)
{
  g_autoptr(TerrindOperator) op = g_steal_pointer (&loader->op);

  return terrind_registry_add_operator (loader->staging, op, error);
}

static gboolean
load_former_name (TerrindXmlLoader *loader,
                  GError          **error)
{
  return terrind_operator_add_former_name (loader->op, attribute (loader, 0),
                                           attribute (loader, 1), error);
}

static gboolean
load_territory_start (TerrindXmlLoader *loader,
                      GError          **error)
{
  g_autoptr(TerrindTerritory) territory = NULL;
  guint phase;

  if (!parse_optional_uint (attribute (loader, 3), "phase", &phase, error))
    return FALSE;
  territory = terrind_territory_new (attribute (loader, 0), attribute (loader, 1),
                                     attribute (loader, 2), error);
  if (territory == NULL)
    return FALSE;
  if (attribute (loader, 3) != NULL && phase == 0)
    {
      g_set_error (error, TERRIND_ERROR, TERRIND_ERROR_INVALID_VALUE,
                   "attribute “phase”: phases are numbered from 1");
      return FALSE;
    }
  if (!in_attribute (terrind_territory_set_phase (territory, phase, error), "phase", error))
    return FALSE;
  loader->territory = g_steal_pointer (&territory);
  return TRUE;
}

static gboolean
load_territory_end (TerrindXmlLoader *loader,
                    GError          **error)
{
  g_autoptr(TerrindTerritory) territory = g_steal_pointer (&loader->territory);

  return terrind_registry_add_territory (loader->staging, territory, error);
}

static gboolean
load_member (TerrindXmlLoader *loader,
             GError          **error)
{
  return terrind_territory_add_member (loader->territory, attribute (loader, 0), error);
}

static gboolean
load_department (TerrindXmlLoader *loader,
                 GError          **error)
{
  return terrind_territory_add_department (loader->territory, attribute (loader, 0), error);
}

static gboolean
load_convention_start (TerrindXmlLoader *loader,
                       GError          **error)
{
  g_autoptr(TerrindConvention) convention =
    terrind_convention_new (attribute (loader, 0), attribute (loader, 1),
                            attribute (loader, 2), error);

  if (convention == NULL)
    return FALSE;
  if (attribute (loader, 3) != NULL &&
      !in_attribute (terrind_convention_set_place (convention, attribute (loader, 3), error),
                     "place", error))
    return FALSE;
  if (attribute (loader, 4) != NULL &&
      !in_attribute (terrind_convention_set_title (convention, attribute (loader, 4), error),
                     "title", error))
    return FALSE;
  loader->convention = g_steal_pointer (&convention);
  return TRUE;
}

static gboolean
load_convention_end (TerrindXmlLoader *loader,
                     GError          **error)
{
  g_autoptr(TerrindConvention) convention = g_steal_pointer (&loader->convention);

  return terrind_registry_add_convention (loader->staging, convention, error);
}

static gboolean
load_signatory (TerrindXmlLoader *loader,
                GError          **error)
{
  return terrind_convention_add_signatory (loader->convention, attribute (loader, 0),
                                           attribute (loader, 1), error);
}

/* A commitment cannot exist without its text, which only arrives with the
 * <text> child: the start tag creates it with a placeholder, so that its
 * attributes are checked (and errors located) at the start tag, and
 * load_commitment_end() refuses a commitment whose <text> never came. */
static gboolean
load_commitment_start (TerrindXmlLoader *loader,
                       GError          **error)
{
  g_autoptr(TerrindCommitment) commitment = NULL;
  const char *kind_name = attribute (loader, 1);
  const char *amount = attribute (loader, 2);
  const char *period_name = attribute (loader, 3);
  const char *first_year = attribute (loader, 4);
  const char *last_year = attribute (loader, 5);
  const char *approximate = attribute (loader, 6);
  TerrindCommitmentKind kind;
  TerrindAmountPeriod period = TERRIND_AMOUNT_NONE;
  guint64 euros = 0;
  guint first = 0, last = 0;
  gboolean is_approximate = FALSE;

  if (!terrind_commitment_kind_from_string (kind_name, &kind))
    {
      g_autofree char *safe = g_utf8_make_valid (kind_name, MIN (strlen (kind_name), 40));

      g_set_error (error, TERRIND_ERROR, TERRIND_ERROR_SCHEMA,
                   "attribute “kind”: “%s” is not a commitment kind (money-envelope, "
                   "referent-per-territory, yearly-target, tool, programme-access, experiment)",
                   safe);
      return FALSE;
    }
  if ((amount == NULL) != (period_name == NULL))
    {
      g_set_error (error, TERRIND_ERROR, TERRIND_ERROR_SCHEMA,
                   "attributes “amount” and “period” go together: give both or neither");
      return FALSE;
    }
  if (period_name != NULL &&
      (!terrind_amount_period_from_string (period_name, &period) ||
       period == TERRIND_AMOUNT_NONE))
    {
      g_autofree char *safe = g_utf8_make_valid (period_name, MIN (strlen (period_name), 40));

      g_set_error (error, TERRIND_ERROR, TERRIND_ERROR_SCHEMA,
                   "attribute “period”: “%s” is neither total nor per-year", safe);
      return FALSE;
    }
  if ((first_year == NULL) != (last_year == NULL))
    {
      g_set_error (error, TERRIND_ERROR, TERRIND_ERROR_SCHEMA,
                   "attributes “first-year” and “last-year” go together: give both or neither");
      return FALSE;
    }
  if ((amount != NULL && !parse_number (amount, "amount", G_MAXINT64, &euros, error)) ||
      !parse_optional_uint (first_year, "first-year", &first, error) ||
      !parse_optional_uint (last_year, "last-year", &last, error) ||
      (approximate != NULL && !parse_boolean (approximate, "approximate", &is_approximate, error)))
    return FALSE;

  commitment = terrind_commitment_new (attribute (loader, 0), kind, "…", error);
  if (commitment == NULL ||
      (period != TERRIND_AMOUNT_NONE &&
       !terrind_commitment_set_amount (commitment, (gint64) euros, period, error)) ||
      !terrind_commitment_set_years (commitment, first, last, error))
    return FALSE;
  terrind_commitment_set_approximate (commitment, is_approximate);
  loader->commitment = g_steal_pointer (&commitment);
  loader->commitment_has_text = FALSE;
  return TRUE;
}

static gboolean
load_text (TerrindXmlLoader *loader,
           GError          **error)
{
  if (!terrind_commitment_set_text (loader->commitment, loader->text->str, error))
    return FALSE;
  loader->commitment_has_text = TRUE;
  return TRUE;
}

static gboolean
load_commitment_end (TerrindXmlLoader *loader,
                     GError          **error)
{
  g_autoptr(TerrindCommitment) commitment = g_steal_pointer (&loader->commitment);
  const char *id = terrind_commitment_get_id (commitment);

  if (!loader->commitment_has_text)
    {
      g_set_error (error, TERRIND_ERROR, TERRIND_ERROR_SCHEMA,
                   "a commitment needs its <text>");
      return FALSE;
    }
  /* Commitment ids are unique across conventions: the registry would find
   * a clash only when the whole convention is added; say it here, where
   * the commitment is. */
  if (terrind_registry_get_commitment (loader->staging, id) != NULL)
    {
      g_set_error (error, TERRIND_ERROR, TERRIND_ERROR_DUPLICATE,
                   "there is already a commitment with id “%s” in another convention", id);
      return FALSE;
    }
  return terrind_convention_add_commitment (loader->convention, commitment, error);
}

static gboolean
load_theme_start (TerrindXmlLoader *loader,
                  GError          **error)
{
  /* The ranks already put <text> first; this catches its absence. */
  if (!loader->commitment_has_text)
    {
      g_set_error (error, TERRIND_ERROR, TERRIND_ERROR_SCHEMA,
                   "a commitment needs its <text> before its themes and targets");
      return FALSE;
    }
  return TRUE;
}

static gboolean
load_theme_end (TerrindXmlLoader *loader,
                GError          **error)
{
  return terrind_commitment_add_theme (loader->commitment, loader->text->str, error);
}

static gboolean
load_target (TerrindXmlLoader *loader,
             GError          **error)
{
  guint count;

  if (!load_theme_start (loader, error) ||
      !parse_optional_uint (attribute (loader, 1), "count", &count, error))
    return FALSE;
  return terrind_commitment_add_target (loader->commitment, attribute (loader, 0), count,
                                        error);
}

static gboolean
load_referent (TerrindXmlLoader *loader,
               GError          **error)
{
  g_autoptr(TerrindReferent) referent =
    terrind_referent_new (attribute (loader, 0), attribute (loader, 1),
                          attribute (loader, 2), attribute (loader, 3), error);

  if (referent == NULL)
    return FALSE;
  if (attribute (loader, 4) != NULL &&
      !in_attribute (terrind_referent_set_role (referent, attribute (loader, 4), error),
                     "role", error))
    return FALSE;
  if (attribute (loader, 5) != NULL &&
      !in_attribute (terrind_referent_set_email (referent, attribute (loader, 5), error),
                     "email", error))
    return FALSE;
  if (attribute (loader, 6) != NULL &&
      !in_attribute (terrind_referent_set_phone (referent, attribute (loader, 6), error),
                     "phone", error))
    return FALSE;
  if (attribute (loader, 7) != NULL &&
      !in_attribute (terrind_referent_set_start_date (referent, attribute (loader, 7), error),
                     "start", error))
    return FALSE;
  return terrind_registry_add_referent (loader->staging, referent, error);
}

/* Describes the element at @depth for a message: its name and, for an
 * entity, its id ("<referent id="ref-1">"). */
static char *
describe_element (TerrindXmlLoader *loader,
                  guint             depth,
                  gboolean          with_attributes)
{
  const TerrindXmlElementInfo *info = &element_info[loader->frames[depth].element];
  const char *first = info->attributes[0];

  if (with_attributes && first != NULL && loader->attributes[0] != NULL &&
      (g_str_equal (first, "id") || g_str_equal (first, "code")) &&
      g_utf8_validate (loader->attributes[0], -1, NULL) && strlen (loader->attributes[0]) <= 64)
    return g_strdup_printf ("<%s %s=\"%s\">", info->name, first, loader->attributes[0]);
  return g_strdup_printf ("<%s>", info->name);
}

/* Reports @local_error (from a loader) at the element on top of the stack. */
static gboolean
fail_in_element (TerrindXmlLoader *loader,
                 GError           *local_error,
                 gboolean          in_start_tag)
{
  g_autofree char *what = describe_element (loader, loader->depth, in_start_tag);

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
    if (element_info[i].name != NULL && element_info[i].parent == parent)
      g_string_append_printf (list, "%s<%s>", list->len > 0 ? ", " : "", element_info[i].name);
  return g_string_free (g_steal_pointer (&list), FALSE);
}

static gboolean
find_child (TerrindXmlLoader  *loader,
            const char        *localname,
            const char        *uri,
            TerrindXmlElement *out)
{
  TerrindXmlElement parent = loader_top (loader)->element;
  g_autofree char *safe = NULL;
  g_autofree char *expected = NULL;

  for (guint i = 1; i < TERRIND_XML_N_ELEMENTS; i++)
    if (element_info[i].parent == parent && g_str_equal (element_info[i].name, localname))
      {
        if (uri == NULL || !g_str_equal (uri, TERRIND_XML_NAMESPACE))
          {
            terrind_xml_loader_fail (loader, TERRIND_ERROR_SCHEMA,
                                     "element <%s> is not in the namespace %s",
                                     localname, TERRIND_XML_NAMESPACE);
            return FALSE;
          }
        *out = (TerrindXmlElement) i;
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
                             safe, element_info[parent].name, expected);
  else
    terrind_xml_loader_fail (loader, TERRIND_ERROR_SCHEMA,
                             "unexpected element <%s>: <%s> has no child elements",
                             safe, element_info[parent].name);
  return FALSE;
}

/* Checks that @element may come after its parent's previous children. */
static gboolean
check_order (TerrindXmlLoader  *loader,
             TerrindXmlElement  element)
{
  const TerrindXmlElementInfo *info = &element_info[element];
  TerrindXmlFrame *parent = loader_top (loader);
  const char *parent_name = element_info[parent->element].name;

  if (info->rank > parent->last_child || (info->rank == parent->last_child && info->repeated))
    {
      /* A required sibling may not be skipped. */
      for (guint i = 0; i < TERRIND_XML_N_ELEMENTS; i++)
        if (element_info[i].parent == parent->element && element_info[i].required &&
            element_info[i].rank > parent->last_child && element_info[i].rank < info->rank)
          {
            terrind_xml_loader_fail (loader, TERRIND_ERROR_SCHEMA,
                                     "element <%s> inside <%s> must come after <%s>",
                                     info->name, parent_name, element_info[i].name);
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
  return FALSE;
}

/* Copies an attribute value into its buffer. libxml2 (without entity
 * substitution, which the importer never enables) hands every "&" of a
 * value over as the character reference "&#38;", and a value can contain
 * no other "&", so that is the only sequence to decode. */
static void
store_attribute (TerrindXmlLoader *loader,
                 guint             index,
                 const xmlChar    *value,
                 const xmlChar    *end)
{
  GString *buffer = loader->attribute_buffers[index];
  const char *p = (const char *) value;
  const char *stop = (const char *) end;

  g_string_truncate (buffer, 0);
  while (p < stop)
    {
      const char *amp = memchr (p, '&', (gsize) (stop - p));

      if (amp == NULL)
        {
          g_string_append_len (buffer, p, stop - p);
          break;
        }
      g_string_append_len (buffer, p, amp - p);
      g_string_append_c (buffer, '&');
      p = amp + 1;
      if (stop - p >= 4 && memcmp (p, "#38;", 4) == 0)
        p += 4;
    }
  loader->attributes[index] = buffer->str;
}

static gboolean
read_attributes (TerrindXmlLoader  *loader,
                 TerrindXmlElement  element,
                 int                n_attributes,
                 const xmlChar    **attributes)
{
  const TerrindXmlElementInfo *info = &element_info[element];

  memset (loader->attributes, 0, sizeof loader->attributes);
  for (int i = 0; i < n_attributes; i++)
    {
      const char *name = (const char *) attributes[i * 5];
      const xmlChar *uri = attributes[i * 5 + 2];
      const xmlChar *value = attributes[i * 5 + 3];
      const xmlChar *end = attributes[i * 5 + 4];
      guint slot;

      for (slot = 0; info->attributes[slot] != NULL; slot++)
        if (g_str_equal (info->attributes[slot], name))
          break;
      if (info->attributes[slot] == NULL || uri != NULL)
        {
          g_autofree char *safe = g_utf8_make_valid (name, MIN (strlen (name), 64));

          terrind_xml_loader_fail (loader, TERRIND_ERROR_SCHEMA,
                                   "element <%s> has no attribute “%s%s%s”", info->name,
                                   uri != NULL ? (const char *) attributes[i * 5 + 1] : "",
                                   uri != NULL ? ":" : "", safe);
          return FALSE;
        }
      if ((guint64) (end - value) > loader->max_value_length)
        {
          terrind_xml_loader_fail (loader, TERRIND_ERROR_LIMIT_EXCEEDED,
                                   "attribute “%s” of <%s> is longer than the limit of %u bytes",
                                   name, info->name, loader->max_value_length);
          return FALSE;
        }
      store_attribute (loader, slot, value, end);
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
  if (loader->depth + 1 > loader->max_depth)
    {
      terrind_xml_loader_fail (loader, TERRIND_ERROR_LIMIT_EXCEEDED,
                               "elements nest more than %u deep", loader->max_depth);
      return FALSE;
    }
  if (!find_child (loader, (const char *) localname, (const char *) uri, &element))
    return FALSE;
  if (loader->depth > 0 && !check_order (loader, element))
    return FALSE;
  /* The format nests 5 deep and find_child() refuses any other element,
   * so the stack can never overflow; keep it provably so. */
  g_assert (loader->depth + 1 < G_N_ELEMENTS (loader->frames));

  frame = &loader->frames[++loader->depth];
  frame->element = element;
  frame->last_child = -1;
  frame->line = 0;
  frame->column = 0;

  if (!read_attributes (loader, element, n_attributes, attributes))
    return FALSE;
  if (element_ends_with_loader (element))
    terrind_xml_loader_locate_start_tag (loader, &frame->line, &frame->column);
  if (element_info[element].has_text)
    g_string_truncate (loader->text, 0);
  if (element_info[element].start != NULL &&
      !element_info[element].start (loader, &local_error))
    return fail_in_element (loader, local_error, TRUE);
  return TRUE;
}

gboolean
terrind_xml_loader_end (TerrindXmlLoader *loader)
{
  TerrindXmlElement element = loader_top (loader)->element;
  GError *local_error = NULL;

  g_return_val_if_fail (loader->depth > 0, FALSE);

  if (element_info[element].end != NULL &&
      !element_info[element].end (loader, &local_error))
    return fail_in_element (loader, local_error, FALSE);
  loader->depth--;
  return TRUE;
}

gboolean
terrind_xml_loader_characters (TerrindXmlLoader *loader,
                               const xmlChar    *chars,
                               int               length)
{
  TerrindXmlElement element = loader_top (loader)->element;

  if (element_info[element].has_text)
    {
      if (loader->text->len + (gsize) length > loader->max_value_length)
        {
          terrind_xml_loader_fail (loader, TERRIND_ERROR_LIMIT_EXCEEDED,
                                   "the text of <%s> is longer than the limit of %u bytes",
                                   element_info[element].name, loader->max_value_length);
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
                                        element_info[element].name);
        return FALSE;
      }
  return TRUE;
}
