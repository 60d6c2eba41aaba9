/* terrind-xml-elements.c: the elements of the format, and how each becomes
 * part of the model
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Layer: called by terrind-xml-loader.c through the element table; adds
 * to the registry only through terrind_xml_loader_add()
 * (terrind-xml-location.c), below it.
 */

#include "config.h"

#include <string.h>

#include "terrind-model-private.h"
#include "terrind-referent-private.h"
#include "terrind-registry.h"
#include "terrind-validate-private.h"
#include "terrind-quote-private.h"
#include "terrind-xml-private.h"

/* Each element of the format is described once, here: where it may appear,
 * which attributes it takes, and the loaders that build the model from it
 * (see TerrindXmlElementInfo). */
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

const TerrindXmlElementInfo terrind_xml_elements[TERRIND_XML_N_ELEMENTS] = {
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
          g_autofree char *quoted = terrind_quote (value);

      g_set_error (error, TERRIND_ERROR, TERRIND_ERROR_INVALID_VALUE,
                   "attribute “%s”: %s is larger than %" G_GUINT64_FORMAT,
                   name, quoted, max);
          return FALSE;
        }
      number = number * 10 + digit;
    }
  if (p == value || *p != '\0')
    {
      g_autofree char *quoted = terrind_quote (value);

      g_set_error (error, TERRIND_ERROR, TERRIND_ERROR_INVALID_VALUE,
                   "attribute “%s”: %s is not a number (digits only, no sign)",
                   name, quoted);
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
      g_autofree char *quoted = terrind_quote (value);

      g_set_error (error, TERRIND_ERROR, TERRIND_ERROR_INVALID_VALUE,
                   "attribute “%s”: %s is not true or false", name, quoted);
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
      g_autofree char *quoted = terrind_quote (version);

      g_set_error (error, TERRIND_ERROR, TERRIND_ERROR_UNSUPPORTED_VERSION,
                   "format version %s is not supported; this library reads version %d",
                   quoted, TERRIND_XML_FORMAT_VERSION);
      return FALSE;
    }
  return TRUE;
}

static gboolean
load_registry_end (TerrindXmlLoader *loader,
                   GError          **error)
{
  int last = terrind_xml_loader_top (loader)->last_child;

  for (guint i = 0; i < TERRIND_XML_N_ELEMENTS; i++)
    if (terrind_xml_elements[i].parent == TERRIND_XML_REGISTRY && terrind_xml_elements[i].rank > last)
      {
        g_set_error (error, TERRIND_ERROR, TERRIND_ERROR_SCHEMA,
                     "the <%s> section is missing (every section must be present, "
                     "even when empty)", terrind_xml_elements[i].name);
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

  return region != NULL &&
         terrind_xml_loader_add (loader, &terrind_kind_region, region, NULL, error);
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

  return terrind_xml_loader_add (loader, &terrind_kind_operator, op, NULL, error);
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

  return terrind_xml_loader_add (loader, &terrind_kind_territory, territory, NULL, error);
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

  return terrind_xml_loader_add (loader, &terrind_kind_convention, convention, NULL, error);
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
      g_autofree char *quoted = terrind_quote (kind_name);

      g_set_error (error, TERRIND_ERROR, TERRIND_ERROR_SCHEMA,
                   "attribute “kind”: %s is not a commitment kind (money-envelope, "
                   "referent-per-territory, yearly-target, tool, programme-access, experiment)",
                   quoted);
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
      g_autofree char *quoted = terrind_quote (period_name);

      g_set_error (error, TERRIND_ERROR, TERRIND_ERROR_SCHEMA,
                   "attribute “period”: %s is neither total nor per-year", quoted);
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
  /* Commitment ids are unique across conventions, those of the document
   * already read and those the registry held: the registry would find a
   * clash only when the whole convention is added; say it here, where the
   * commitment is. */
  if (terrind_registry_get_commitment (terrind_changeset_get_registry (loader->changeset),
                                       id) != NULL)
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

/* Referents are most of a large document: each optional attribute is
 * checked on its own (so an error names it), then the referent is built in
 * one allocation. */
static gboolean
load_referent (TerrindXmlLoader *loader,
               GError          **error)
{
  const char *role = attribute (loader, 4);
  const char *email = attribute (loader, 5);
  const char *phone = attribute (loader, 6);
  const char *start = attribute (loader, 7);
  g_autoptr(TerrindReferent) referent = NULL;

  if (!in_attribute (terrind_validate_optional_name (role, "referent role", error),
                     "role", error) ||
      (email != NULL &&
       !in_attribute (terrind_validate_email (email, error), "email", error)) ||
      (phone != NULL &&
       !in_attribute (terrind_validate_phone (phone, error), "phone", error)) ||
      (start != NULL &&
       !in_attribute (terrind_validate_date (start, "start date", error), "start", error)))
    return FALSE;

  referent = terrind_referent_new_full (attribute (loader, 0), attribute (loader, 1),
                                        attribute (loader, 2), attribute (loader, 3),
                                        role, email, phone, start, error);
  if (referent == NULL)
    return FALSE;
  return terrind_xml_loader_add (loader, &terrind_kind_referent, referent, NULL, error);
}

