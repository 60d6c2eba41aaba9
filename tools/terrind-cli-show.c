/* terrind-cli-show.c: terrind show ID
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * One entity with everything attached to it, for a person at a terminal.
 * Ids are unique within a kind only, so every kind that has the id is shown.
 */

#include "config.h"

#include "terrind-cli.h"

static void
field (TerrindCli *cli,
       const char *label,
       const char *value)
{
  if (value != NULL)
    terrind_cli_print (cli, "  %-12s %s\n", label, value);
}

static void
show_region (TerrindCli      *cli,
             TerrindRegistry *registry,
             TerrindRegion   *region)
{
  const char *code = terrind_region_get_code (region);
  g_autoptr(GPtrArray) territories = terrind_registry_list_territories_in_region (registry, code);

  terrind_cli_print (cli, "region %s\n", code);
  field (cli, "name:", terrind_region_get_name (region));
  terrind_cli_print (cli, "  territories: %u\n", territories->len);
  for (guint i = 0; i < territories->len; i++)
    {
      TerrindTerritory *territory = g_ptr_array_index (territories, i);
      terrind_cli_print (cli, "    %s  %s\n", terrind_territory_get_id (territory),
                         terrind_territory_get_name (territory));
    }
}

static void
show_operator (TerrindCli      *cli,
               TerrindRegistry *registry,
               TerrindOperator *op)
{
  const char *id = terrind_operator_get_id (op);
  g_autoptr(GPtrArray) conventions = terrind_registry_list_conventions_of_operator (registry, id);
  g_autoptr(GPtrArray) referents = terrind_registry_list_referents_of_operator (registry, id);
  g_autoptr(GPtrArray) without = terrind_registry_list_territories_without_referent (registry, id);

  terrind_cli_print (cli, "operator %s\n", id);
  field (cli, "name:", terrind_operator_get_name (op));
  field (cli, "kind:", terrind_operator_get_kind (op));
  for (guint i = 0; i < terrind_operator_get_n_former_names (op); i++)
    {
      const char *until = terrind_operator_get_former_name_until (op, i);

      terrind_cli_print (cli, "  former name: %s%s%s%s\n", terrind_operator_get_former_name (op, i),
                         until ? " (until " : "", until ? until : "", until ? ")" : "");
    }
  terrind_cli_print (cli, "  conventions: %u\n", conventions->len);
  for (guint i = 0; i < conventions->len; i++)
    {
      TerrindConvention *convention = g_ptr_array_index (conventions, i);
      terrind_cli_print (cli, "    %s  %s\n", terrind_convention_get_id (convention),
                         terrind_convention_get_date (convention));
    }
  terrind_cli_print (cli, "  referents:   %u of %u territories (%u missing)\n",
                     referents->len, terrind_registry_get_n_territories (registry), without->len);
}

static void
show_referent_line (TerrindCli      *cli,
                    TerrindReferent *referent)
{
  const char *role = terrind_referent_get_role (referent);
  const char *email = terrind_referent_get_email (referent);
  const char *phone = terrind_referent_get_phone (referent);
  const char *start = terrind_referent_get_start_date (referent);

  terrind_cli_print (cli, "%s [%s]", terrind_referent_get_person (referent),
                     terrind_referent_get_id (referent));
  if (role != NULL)
    terrind_cli_print (cli, ", %s", role);
  if (email != NULL)
    terrind_cli_print (cli, ", %s", email);
  if (phone != NULL)
    terrind_cli_print (cli, ", %s", phone);
  if (start != NULL)
    terrind_cli_print (cli, ", since %s", start);
  terrind_cli_print (cli, "\n");
}

static void
show_territory (TerrindCli       *cli,
                TerrindRegistry  *registry,
                TerrindTerritory *territory)
{
  const char *id = terrind_territory_get_id (territory);
  const char *region_code = terrind_territory_get_region_code (territory);
  TerrindRegion *region = terrind_registry_get_region (registry, region_code);
  g_autoptr(GPtrArray) operators = terrind_registry_list_operators (registry);

  terrind_cli_print (cli, "territory %s\n", id);
  field (cli, "name:", terrind_territory_get_name (territory));
  terrind_cli_print (cli, "  %-12s %s%s%s\n", "region:", region_code,
                     region ? " " : "", region ? terrind_region_get_name (region) : "");
  if (terrind_territory_get_phase (territory) > 0)
    terrind_cli_print (cli, "  %-12s %u\n", "phase:", terrind_territory_get_phase (territory));
  terrind_cli_print (cli, "  members:     %u\n", terrind_territory_get_n_members (territory));
  for (guint i = 0; i < terrind_territory_get_n_members (territory); i++)
    terrind_cli_print (cli, "    %s\n", terrind_territory_get_member (territory, i));
  if (terrind_territory_get_n_departments (territory) > 0)
    {
      terrind_cli_print (cli, "  departments:");
      for (guint i = 0; i < terrind_territory_get_n_departments (territory); i++)
        terrind_cli_print (cli, " %s", terrind_territory_get_department (territory, i));
      terrind_cli_print (cli, "\n");
    }
  /* One line per operator, so a missing referent is as visible as a
   * present one. */
  terrind_cli_print (cli, "  referents:\n");
  for (guint i = 0; i < operators->len; i++)
    {
      const char *op_id = terrind_operator_get_id (g_ptr_array_index (operators, i));
      TerrindReferent *referent = terrind_registry_get_referent_for (registry, op_id, id);

      terrind_cli_print (cli, "    %s: ", op_id);
      if (referent != NULL)
        show_referent_line (cli, referent);
      else
        terrind_cli_print (cli, "missing\n");
    }
}

static void
show_commitment_details (TerrindCli        *cli,
                         TerrindCommitment *commitment,
                         const char        *indent)
{
  TerrindAmountPeriod period = terrind_commitment_get_amount_period (commitment);
  guint first = terrind_commitment_get_first_year (commitment);
  guint last = terrind_commitment_get_last_year (commitment);
  const char *text = terrind_commitment_get_text (commitment);

  terrind_cli_print (cli, "%skind:        %s\n", indent,
                     terrind_commitment_kind_to_string (terrind_commitment_get_kind (commitment)));
  if (period != TERRIND_AMOUNT_NONE)
    terrind_cli_print (cli, "%samount:      %s%" G_GINT64_FORMAT " EUR %s\n", indent,
                       terrind_commitment_get_approximate (commitment) ? "about " : "",
                       terrind_commitment_get_amount (commitment),
                       terrind_amount_period_to_string (period));
  else if (terrind_commitment_get_approximate (commitment))
    terrind_cli_print (cli, "%sapproximate: yes\n", indent);
  if (first > 0 || last > 0)
    terrind_cli_print (cli, "%syears:       %u-%u\n", indent, first, last);
  for (guint i = 0; i < terrind_commitment_get_n_themes (commitment); i++)
    terrind_cli_print (cli, "%stheme:       %s\n", indent, terrind_commitment_get_theme (commitment, i));
  for (guint i = 0; i < terrind_commitment_get_n_targets (commitment); i++)
    terrind_cli_print (cli, "%starget:      %s %u\n", indent,
                       terrind_commitment_get_target_level (commitment, i),
                       terrind_commitment_get_target_count (commitment, i));
  if (text != NULL)
    terrind_cli_print (cli, "%stext:        %s\n", indent, text);
}

static void
show_convention (TerrindCli        *cli,
                 TerrindRegistry   *registry,
                 TerrindConvention *convention)
{
  const char *op_id = terrind_convention_get_operator_id (convention);
  TerrindOperator *op = terrind_registry_get_operator (registry, op_id);
  g_autoptr(GPtrArray) commitments = g_ptr_array_new ();

  terrind_cli_print (cli, "convention %s\n", terrind_convention_get_id (convention));
  field (cli, "title:", terrind_convention_get_title (convention));
  terrind_cli_print (cli, "  %-12s %s%s%s%s\n", "operator:", op_id,
                     op ? " (" : "", op ? terrind_operator_get_name (op) : "", op ? ")" : "");
  field (cli, "date:", terrind_convention_get_date (convention));
  field (cli, "place:", terrind_convention_get_place (convention));
  for (guint i = 0; i < terrind_convention_get_n_signatories (convention); i++)
    {
      const char *role = terrind_convention_get_signatory_role (convention, i);

      terrind_cli_print (cli, "  signatory:   %s%s%s\n",
                         terrind_convention_get_signatory_name (convention, i),
                         role ? ", " : "", role ? role : "");
    }

  for (guint i = 0; i < terrind_convention_get_n_commitments (convention); i++)
    g_ptr_array_add (commitments, terrind_convention_get_commitment (convention, i));
  terrind_cli_print (cli, "  commitments: %u\n", commitments->len);
  for (guint i = 0; i < commitments->len; i++)
    {
      TerrindCommitment *commitment = g_ptr_array_index (commitments, i);

      terrind_cli_print (cli, "    %s\n", terrind_commitment_get_id (commitment));
      show_commitment_details (cli, commitment, "      ");
    }
}

static void
show_commitment (TerrindCli        *cli,
                 TerrindRegistry   *registry,
                 TerrindCommitment *commitment)
{
  g_autoptr(GPtrArray) conventions = terrind_registry_list_conventions (registry);
  const char *id = terrind_commitment_get_id (commitment);

  terrind_cli_print (cli, "commitment %s\n", id);
  for (guint i = 0; i < conventions->len; i++)
    {
      TerrindConvention *convention = g_ptr_array_index (conventions, i);

      if (terrind_convention_lookup_commitment (convention, id) == commitment)
        terrind_cli_print (cli, "  convention:  %s (operator %s)\n",
                           terrind_convention_get_id (convention),
                           terrind_convention_get_operator_id (convention));
    }
  show_commitment_details (cli, commitment, "  ");
}

static void
show_referent (TerrindCli      *cli,
               TerrindRegistry *registry,
               TerrindReferent *referent)
{
  const char *op_id = terrind_referent_get_operator_id (referent);
  const char *territory_id = terrind_referent_get_territory_id (referent);
  TerrindOperator *op = terrind_registry_get_operator (registry, op_id);
  TerrindTerritory *territory = terrind_registry_get_territory (registry, territory_id);

  terrind_cli_print (cli, "referent %s\n", terrind_referent_get_id (referent));
  field (cli, "person:", terrind_referent_get_person (referent));
  field (cli, "role:", terrind_referent_get_role (referent));
  terrind_cli_print (cli, "  %-12s %s%s%s%s\n", "operator:", op_id,
                     op ? " (" : "", op ? terrind_operator_get_name (op) : "", op ? ")" : "");
  terrind_cli_print (cli, "  %-12s %s%s%s%s\n", "territory:", territory_id,
                     territory ? " (" : "", territory ? terrind_territory_get_name (territory) : "",
                     territory ? ")" : "");
  field (cli, "email:", terrind_referent_get_email (referent));
  field (cli, "phone:", terrind_referent_get_phone (referent));
  field (cli, "start:", terrind_referent_get_start_date (referent));
}

int
terrind_cli_show (TerrindCli *cli,
                  int         argc,
                  char      **argv)
{
  g_autofree char *file = NULL;
  GOptionEntry entries[] = {
    { "file", 'f', 0, G_OPTION_ARG_FILENAME, &file,
      "Read FILE instead of the default dataset", "FILE" },
    { NULL, 0, 0, 0, NULL, NULL, NULL }
  };
  g_auto(GStrv) args = NULL;
  g_autoptr(TerrindRegistry) registry = NULL;
  const char *id;
  gpointer entity;
  guint found = 0;
  int status;

  status = terrind_cli_parse_options (cli, "show", "ID",
                                      "Show the region, operator, territory, convention, commitment\n"
                                      "or referent ID with everything attached to it. A territory\n"
                                      "shows its region, its members and, for each operator, its\n"
                                      "referent or \"missing\".",
                                      entries, argc, argv, &args);
  if (status >= 0)
    return status;
  if (g_strv_length (args) != 2)
    return terrind_cli_usage_error (cli, "show", "give one id");
  id = args[1];

  registry = terrind_cli_open (cli, file, &status);
  if (registry == NULL)
    return status;

  /* A blank line between the kinds that share the id. */
#define SHOW_IF_FOUND(lookup, shower)                 \
  if ((entity = lookup (registry, id)) != NULL)       \
    {                                                 \
      if (found++ > 0)                                \
        terrind_cli_print (cli, "\n");                \
      shower (cli, registry, entity);                 \
    }

  SHOW_IF_FOUND (terrind_registry_get_region, show_region);
  SHOW_IF_FOUND (terrind_registry_get_operator, show_operator);
  SHOW_IF_FOUND (terrind_registry_get_territory, show_territory);
  SHOW_IF_FOUND (terrind_registry_get_convention, show_convention);
  SHOW_IF_FOUND (terrind_registry_get_commitment, show_commitment);
  SHOW_IF_FOUND (terrind_registry_get_referent, show_referent);
#undef SHOW_IF_FOUND

  if (found == 0)
    return terrind_cli_usage_error (cli, "show", "no entity with id '%s'", id);
  return TERRIND_CLI_EXIT_OK;
}
