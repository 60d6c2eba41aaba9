/* terrind-cli-show.c: terrind show [--phase P] [--format F] ID
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * One entity with everything attached to it, for a person at a terminal.
 * Ids are unique within a kind only, so every kind that has the id is shown.
 * An entity's own fields come from the library's description, one line
 * each; what is attached to it (a region's territories, the referent of
 * each operator for a territory) is the part written here.
 *
 * A territory is also found by its ANCT id, which names one territory per
 * phase: the one of the chosen phase (terrind-cli-phase.c) is shown, with
 * the others named. ID may also be a member's SIREN: every territory it is
 * a member of, in every phase, is listed.
 *
 * The machine formats carry the same content (terrind-cli-show-json.c).
 */

#include "config.h"

#include <string.h>

#include "terrind-cli.h"
#include "terrind-cli-output.h"
#include "terrind-cli-records.h"
#include "terrind-cli-show.h"

/* "ID (LABEL)" for the entity @id of @kind, or "ID" when it has no label
 * or is not in @registry. */
static char *
describe_reference (TerrindRegistry   *registry,
                    const TerrindKind *kind,
                    const char        *id)
{
  const TerrindField *label = terrind_cli_records_label (kind);
  gpointer entity = terrind_registry_lookup (registry, kind, id);
  g_autofree char *name = NULL;

  if (label != NULL && entity != NULL)
    name = terrind_field_get_value (label, entity);
  return name != NULL ? g_strdup_printf ("%s (%s)", id, name) : g_strdup (id);
}

/* One line per field that is set, under @indent: a reference with the label
 * of what it names, a list as its count then one item a line, a boolean only
 * when true. The key is
 * in the heading; a child's parent is where it is shown, unless
 * @with_parent. */
static void
show_fields (TerrindCli        *cli,
             TerrindRegistry   *registry,
             const TerrindKind *kind,
             gconstpointer      entity,
             const char        *indent,
             gboolean           with_parent)
{
  for (guint i = 0; i < terrind_kind_get_n_fields (kind); i++)
    {
      const TerrindField *field = terrind_kind_get_field (kind, i);
      TerrindFieldFlags flags = terrind_field_get_flags (field);
      const TerrindKind *target = terrind_field_get_target (field);
      g_autofree char *label = g_strconcat (terrind_field_get_name (field), ":", NULL);
      g_autofree char *value = NULL;

      if ((flags & TERRIND_FIELD_KEY) != 0 ||
          ((flags & TERRIND_FIELD_PARENT) != 0 && !with_parent))
        continue;

      if (terrind_field_get_value_type (field) == TERRIND_VALUE_LIST)
        {
          guint n_items = terrind_field_get_n_items (field, entity);

          if (n_items == 0)
            continue;
          terrind_cli_print (cli, "%s%-12s %u\n", indent, label, n_items);
          for (guint j = 0; j < n_items; j++)
            {
              g_autofree char *item = terrind_cli_records_item_text (field, entity, j);
              terrind_cli_print (cli, "%s  %s\n", indent, item);
            }
          continue;
        }

      value = terrind_field_get_value (field, entity);
      /* A flag that is off says nothing to a reader: only "true" is shown. */
      if (value == NULL ||
          (terrind_field_get_value_type (field) == TERRIND_VALUE_BOOLEAN &&
           !g_str_equal (value, "true")))
        continue;
      /* A phase number names a phase the registry may describe: its years. */
      if (g_str_equal (terrind_field_get_name (field), "phase") &&
          terrind_field_get_value_type (field) == TERRIND_VALUE_COUNT)
        {
          g_autofree char *phase =
            terrind_cli_phase_describe (registry, (guint) g_ascii_strtoull (value, NULL, 10));
          terrind_cli_print (cli, "%s%-12s %s\n", indent, label, phase);
        }
      else if (target != NULL)
        {
          g_autofree char *reference = describe_reference (registry, target, value);
          terrind_cli_print (cli, "%s%-12s %s\n", indent, label, reference);
        }
      else
        terrind_cli_print (cli, "%s%-12s %s\n", indent, label, value);
    }
}

GPtrArray *
terrind_cli_show_list_children (TerrindRegistry   *registry,
                                const TerrindKind *kind,
                                gconstpointer      entity,
                                const TerrindKind *child_kind)
{
  const char *id = terrind_kind_get_entity_id (kind, entity);
  g_autoptr(GPtrArray) all = terrind_registry_list (registry, child_kind);
  GPtrArray *children = g_ptr_array_new ();
  const TerrindField *parent = NULL;

  for (guint i = 0; i < terrind_kind_get_n_fields (child_kind) && parent == NULL; i++)
    if ((terrind_field_get_flags (terrind_kind_get_field (child_kind, i)) &
         TERRIND_FIELD_PARENT) != 0)
      parent = terrind_kind_get_field (child_kind, i);
  g_return_val_if_fail (parent != NULL, children);

  for (guint i = 0; i < all->len; i++)
    {
      g_autofree char *parent_id = terrind_field_get_value (parent, g_ptr_array_index (all, i));

      if (g_strcmp0 (parent_id, id) == 0)
        g_ptr_array_add (children, g_ptr_array_index (all, i));
    }
  return children;
}

/* The entities of the kinds whose parent is @kind that belong to @entity
 * (a convention's commitments), each with its fields. */
static void
show_children (TerrindCli        *cli,
               TerrindRegistry   *registry,
               const TerrindKind *kind,
               gconstpointer      entity)
{
  const TerrindKind * const *kinds;
  guint n_kinds;

  kinds = terrind_model_get_kinds (&n_kinds);
  for (guint k = 0; k < n_kinds; k++)
    {
      g_autoptr(GPtrArray) children = NULL;

      if (terrind_kind_get_parent (kinds[k]) != kind)
        continue;
      children = terrind_cli_show_list_children (registry, kind, entity, kinds[k]);
      terrind_cli_print (cli, "  %s: %u\n", terrind_kind_get_plural (kinds[k]), children->len);
      for (guint i = 0; i < children->len; i++)
        {
          gconstpointer child = g_ptr_array_index (children, i);

          terrind_cli_print (cli, "    %s\n", terrind_kind_get_entity_id (kinds[k], child));
          show_fields (cli, registry, kinds[k], child, "      ", FALSE);
        }
    }
}

/* " in phase 2" when one phase is shown, else "". */
static char *
phase_suffix (const TerrindCliPhase *choice)
{
  return choice->number > 0 ? g_strdup_printf (" in phase %u", choice->number) : g_strdup ("");
}

static void
show_region (TerrindCli            *cli,
             TerrindRegistry       *registry,
             const TerrindCliPhase *choice,
             gconstpointer          entity)
{
  g_autoptr(GPtrArray) all =
    terrind_registry_list_territories_in_region (registry, terrind_region_get_code (entity));
  g_autoptr(GPtrArray) territories = g_ptr_array_new ();
  g_autofree char *suffix = phase_suffix (choice);

  for (guint i = 0; i < all->len; i++)
    if (terrind_cli_phase_includes (choice,
                                    terrind_territory_get_phase (g_ptr_array_index (all, i))))
      g_ptr_array_add (territories, g_ptr_array_index (all, i));

  terrind_cli_print (cli, "  territories: %u%s\n", territories->len, suffix);
  for (guint i = 0; i < territories->len; i++)
    {
      TerrindTerritory *territory = g_ptr_array_index (territories, i);
      terrind_cli_print (cli, "    %s  %s\n", terrind_territory_get_id (territory),
                         terrind_territory_get_name (territory));
    }
}

static void
show_operator (TerrindCli            *cli,
               TerrindRegistry       *registry,
               const TerrindCliPhase *choice,
               gconstpointer          entity)
{
  const char *id = terrind_operator_get_id (entity);
  g_autoptr(GPtrArray) conventions = terrind_registry_list_conventions_of_operator (registry, id);
  g_autoptr(GPtrArray) territories = terrind_cli_phase_list_territories (registry, choice);
  g_autofree char *suffix = phase_suffix (choice);
  guint with = 0;

  for (guint i = 0; i < territories->len; i++)
    if (terrind_registry_get_referent_for (registry, id,
                                           terrind_territory_get_id (g_ptr_array_index (territories, i)))
        != NULL)
      with++;

  terrind_cli_print (cli, "  conventions: %u\n", conventions->len);
  for (guint i = 0; i < conventions->len; i++)
    {
      TerrindConvention *convention = g_ptr_array_index (conventions, i);
      terrind_cli_print (cli, "    %s  %s\n", terrind_convention_get_id (convention),
                         terrind_convention_get_date (convention));
    }
  terrind_cli_print (cli, "  referents:   %u of %u territories%s (%u missing)\n",
                     with, territories->len, suffix, territories->len - with);
}

/* A referent on one line: its label and id, then its other fields that are
 * set, except the references, which the line is about. */
static void
show_referent_line (TerrindCli      *cli,
                    TerrindReferent *referent)
{
  const TerrindKind *kind = terrind_model_lookup_kind ("referent");
  const TerrindField *label = terrind_cli_records_label (kind);
  g_autofree char *name = terrind_field_get_value (label, referent);

  terrind_cli_print (cli, "%s [%s]", name, terrind_referent_get_id (referent));
  for (guint i = 0; i < terrind_kind_get_n_fields (kind); i++)
    {
      const TerrindField *field = terrind_kind_get_field (kind, i);
      g_autofree char *value = NULL;

      if (field == label || field == terrind_kind_get_key (kind) ||
          terrind_field_get_target (field) != NULL ||
          terrind_field_get_value_type (field) == TERRIND_VALUE_LIST)
        continue;
      value = terrind_field_get_value (field, referent);
      if (value != NULL)
        terrind_cli_print (cli, ", %s: %s", terrind_field_get_name (field), value);
    }
  terrind_cli_print (cli, "\n");
}

/* "ID (NAME), phase 1 (2018-2022)" */
static char *
describe_territory (TerrindRegistry  *registry,
                    TerrindTerritory *territory)
{
  g_autofree char *phase = terrind_cli_phase_describe (registry,
                                                       terrind_territory_get_phase (territory));

  return g_strdup_printf ("%s (%s), phase %s", terrind_territory_get_id (territory),
                          terrind_territory_get_name (territory), phase);
}

/* The territories of other phases with the same ANCT id. */
static void
show_same_anct_id (TerrindCli       *cli,
                   TerrindRegistry  *registry,
                   TerrindTerritory *territory)
{
  const char *anct_id = terrind_territory_get_anct_id (territory);
  g_autoptr(GPtrArray) same = terrind_registry_list_territories_by_anct_id (registry, anct_id);

  for (guint i = 0; i < same->len; i++)
    {
      TerrindTerritory *other = g_ptr_array_index (same, i);

      if (other == territory)
        continue;
      terrind_cli_print (cli, "  also ANCT id %s in phase %u: %s (%s)\n", anct_id,
                         terrind_territory_get_phase (other), terrind_territory_get_id (other),
                         terrind_territory_get_name (other));
    }
}

/* The territories of other phases that share members with @territory:
 * the programme records no such link, so it is derived from the members.
 * Those of earlier phases it continues; those of later ones continue it. */
static void
show_continuity (TerrindCli       *cli,
                 TerrindRegistry  *registry,
                 TerrindTerritory *territory)
{
  g_autoptr(GPtrArray) related = terrind_registry_list_related_territories (registry, territory);
  guint phase = terrind_territory_get_phase (territory);

  for (guint i = 0; i < related->len; i++)
    {
      TerrindTerritory *other = g_ptr_array_index (related, i);
      g_autofree char *described = describe_territory (registry, other);
      guint shared = 0;

      for (guint j = 0; j < terrind_territory_get_n_members (other); j++)
        if (terrind_territory_has_member (territory, terrind_territory_get_member (other, j)))
          shared++;
      terrind_cli_print (cli, "  %-12s %s, %u shared %s\n",
                         terrind_territory_get_phase (other) < phase ? "continues:" : "continued by:",
                         described, shared, shared == 1 ? "member" : "members");
    }
}

static void
show_territory (TerrindCli            *cli,
                TerrindRegistry       *registry,
                const TerrindCliPhase *choice,
                gconstpointer          entity)
{
  const char *id = terrind_territory_get_id (entity);
  g_autoptr(GPtrArray) operators = terrind_registry_list_operators (registry);

  /* A territory is shown whole, whatever the chosen phase: @choice only
   * picked it. */
  (void) choice;
  show_same_anct_id (cli, registry, (TerrindTerritory *) entity);
  show_continuity (cli, registry, (TerrindTerritory *) entity);

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

/* What is attached to an entity beyond its fields and its children. */
typedef void (*ShowAttachedFunc) (TerrindCli            *cli,
                                  TerrindRegistry       *registry,
                                  const TerrindCliPhase *choice,
                                  gconstpointer          entity);

static const struct {
  const char      *kind;
  ShowAttachedFunc show;
} attached[] = {
  { "region", show_region },
  { "operator", show_operator },
  { "territory", show_territory },
};

static void
show_entity (TerrindCli            *cli,
             TerrindRegistry       *registry,
             const TerrindCliPhase *choice,
             const TerrindKind     *kind,
             gconstpointer          entity)
{
  terrind_cli_print (cli, "%s %s\n", terrind_kind_get_name (kind),
                     terrind_kind_get_entity_id (kind, entity));
  show_fields (cli, registry, kind, entity, "  ", TRUE);
  show_children (cli, registry, kind, entity);
  for (guint i = 0; i < G_N_ELEMENTS (attached); i++)
    if (terrind_model_lookup_kind (attached[i].kind) == kind)
      attached[i].show (cli, registry, choice, entity);
}

/* The territories ID names, for the chosen phase: the territory with
 * that id when it is of the chosen phase; else those of the chosen phase
 * whose ANCT id it is; else the territory with that id, whatever its
 * phase; else those of any phase whose ANCT id it is. */
static GPtrArray *
resolve_territories (TerrindRegistry       *registry,
                     const TerrindCliPhase *choice,
                     const char            *id)
{
  TerrindTerritory *by_id = terrind_registry_get_territory (registry, id);
  GPtrArray *found;

  if (by_id != NULL && terrind_cli_phase_includes (choice, terrind_territory_get_phase (by_id)))
    {
      found = g_ptr_array_new ();
      g_ptr_array_add (found, by_id);
      return found;
    }
  if (choice->number > 0)
    {
      TerrindTerritory *by_anct_id =
        terrind_registry_find_territory_by_anct_id (registry, id, choice->number);

      found = g_ptr_array_new ();
      if (by_anct_id != NULL)
        g_ptr_array_add (found, by_anct_id);
      else if (by_id != NULL)
        g_ptr_array_add (found, by_id);
      if (found->len > 0)
        return found;
      g_ptr_array_unref (found);
    }
  return terrind_registry_list_territories_by_anct_id (registry, id);
}

/* A SIREN is nine digits. */
static gboolean
looks_like_siren (const char *id)
{
  if (strlen (id) != 9)
    return FALSE;
  for (const char *p = id; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;
  return TRUE;
}

static gint
compare_by_phase (gconstpointer a,
                  gconstpointer b)
{
  TerrindTerritory *ta = *(TerrindTerritory * const *) a;
  TerrindTerritory *tb = *(TerrindTerritory * const *) b;
  guint pa = terrind_territory_get_phase (ta);
  guint pb = terrind_territory_get_phase (tb);

  if (pa != pb)
    return pa < pb ? -1 : 1;
  return g_strcmp0 (terrind_territory_get_id (ta), terrind_territory_get_id (tb));
}

/* Every territory @siren is a member of, in every phase (in order of phase,
 * then id), with what the
 * first of them to record it says of the member. Returns FALSE when it is
 * the member of none. */
static gboolean
show_member (TerrindCli      *cli,
             TerrindRegistry *registry,
             const char      *siren,
             JsonBuilder     *builder)
{
  g_autoptr(GPtrArray) territories = terrind_registry_list_territories_by_member (registry, siren);
  const char *name = NULL;
  const char *kind = NULL;

  if (territories->len == 0)
    return FALSE;
  g_ptr_array_sort (territories, compare_by_phase);
  for (guint i = 0; i < territories->len; i++)
    {
      TerrindTerritory *territory = g_ptr_array_index (territories, i);

      for (guint j = 0; j < terrind_territory_get_n_members (territory); j++)
        if (g_str_equal (terrind_territory_get_member (territory, j), siren))
          {
            if (name == NULL)
              name = terrind_territory_get_member_name (territory, j);
            if (kind == NULL)
              kind = terrind_territory_get_member_kind (territory, j);
          }
    }

  if (builder != NULL)
    {
      terrind_cli_show_json_member (builder, territories, siren, name, kind);
      return TRUE;
    }
  terrind_cli_print (cli, "member %s\n", siren);
  if (name != NULL)
    terrind_cli_print (cli, "  %-12s %s\n", "name:", name);
  if (kind != NULL)
    terrind_cli_print (cli, "  %-12s %s\n", "kind:", kind);
  terrind_cli_print (cli, "  %-12s %u\n", "territories:", territories->len);
  for (guint i = 0; i < territories->len; i++)
    {
      g_autofree char *described = describe_territory (registry, g_ptr_array_index (territories, i));
      terrind_cli_print (cli, "    %s\n", described);
    }
  return TRUE;
}

int
terrind_cli_show (TerrindCli *cli,
                  int         argc,
                  char      **argv)
{
  g_autofree char *file = NULL;
  g_autofree char *phase = NULL;
  g_autofree char *format_name = NULL;
  gboolean excel = FALSE;
  GOptionEntry entries[] = {
    { "file", 'f', 0, G_OPTION_ARG_FILENAME, &file,
      "Read FILE instead of the default dataset", "FILE" },
    TERRIND_CLI_PHASE_OPTION (&phase),
    TERRIND_CLI_FORMAT_OPTION (&format_name, "Output format: text (default), csv or json"),
    TERRIND_CLI_EXCEL_OPTION (&excel),
    { NULL, 0, 0, 0, NULL, NULL, NULL }
  };
  g_autoptr(JsonBuilder) builder = NULL;
  TerrindCliOutput output;
  g_auto(GStrv) args = NULL;
  g_autoptr(TerrindRegistry) registry = NULL;
  const TerrindKind *territory_kind = terrind_model_lookup_kind ("territory");
  const TerrindKind * const *kinds;
  TerrindCliPhase choice;
  guint n_kinds;
  guint found = 0;
  int status;

  status = terrind_cli_parse_options (cli, "show", "ID",
                                      "Show the entity ID of any kind: each of its fields that is\n"
                                      "set, and everything attached to it. A territory shows, for\n"
                                      "each operator, its referent or \"missing\"; a convention, its\n"
                                      "commitments.\n"
                                      "\n"
                                      "ID may also be an ANCT id (ti-0101), which names one territory\n"
                                      "per phase: the territory of the chosen phase is shown, and\n"
                                      "those of other phases named. A territory's own id\n"
                                      "(p2-ti-0101) shows it whatever its phase, unless a territory\n"
                                      "of the chosen phase has it as ANCT id (ti-0101 is phase 1's id\n"
                                      "and phase 2's ANCT id). A territory also shows those of\n"
                                      "other phases it \"continues\" (earlier) or is \"continued by\"\n"
                                      "(later): those that share members with it, which the\n"
                                      "programme does not record but the members show. ID may also\n"
                                      "be a member's SIREN: every territory it is a member of, in\n"
                                      "every phase.\n"
                                      "\n" TERRIND_CLI_PHASE_HELP "\n"
                                      "A region lists, and an operator counts, the territories of\n"
                                      "the chosen phase.\n"
                                      "\n"
                                      "json writes an array with one object per entity found: its\n"
                                      "kind, id, fields (under the model's names), children (a\n"
                                      "convention's commitments) and what is attached (a region's\n"
                                      "territories; an operator's conventions and coverage; a\n"
                                      "territory's same_anct_id, related and referents, one per\n"
                                      "operator with status present or missing). csv (RFC 4180, or\n"
                                      "--excel) is that JSON as key,value rows: nested keys joined\n"
                                      "with '.', array items numbered from 1 (referents.2.status);\n"
                                      "each entity starts with its kind and id rows.",
                                      entries, argc, argv, &args);
  if (status >= 0)
    return status;
  if (g_strv_length (args) != 2)
    return terrind_cli_usage_error (cli, "show", "give one id");
  status = terrind_cli_output_choose (cli, "show", format_name, excel,
                                      TERRIND_CLI_FORMATS_REPORT, &output);
  if (status >= 0)
    return status;
  if (output.format != TERRIND_CLI_FORMAT_TEXT)
    {
      builder = json_builder_new ();
      json_builder_begin_array (builder);
    }

  registry = terrind_cli_open (cli, file, &status);
  if (registry == NULL)
    return status;
  status = terrind_cli_phase_choose (cli, "show", registry, phase, &choice);
  if (status >= 0)
    return status;

  kinds = terrind_model_get_kinds (&n_kinds);
  for (guint k = 0; k < n_kinds; k++)
    {
      g_autoptr(GPtrArray) entities = NULL;

      if (kinds[k] == territory_kind)
        entities = resolve_territories (registry, &choice, args[1]);
      else
        {
          gpointer entity = terrind_registry_lookup (registry, kinds[k], args[1]);

          entities = g_ptr_array_new ();
          if (entity != NULL)
            g_ptr_array_add (entities, entity);
        }

      for (guint i = 0; i < entities->len; i++)
        {
          if (builder != NULL)
            {
              found++;
              terrind_cli_show_json_entity (builder, registry, &choice, kinds[k],
                                            g_ptr_array_index (entities, i));
              continue;
            }
          /* A blank line between the entities that share the id. */
          if (found++ > 0)
            terrind_cli_print (cli, "\n");
          show_entity (cli, registry, &choice, kinds[k], g_ptr_array_index (entities, i));
        }
    }

  if (looks_like_siren (args[1]))
    {
      if (builder == NULL && found > 0 &&
          terrind_registry_find_territory_by_member (registry, args[1]) != NULL)
        terrind_cli_print (cli, "\n");
      if (show_member (cli, registry, args[1], builder))
        found++;
    }

  if (found == 0)
    return terrind_cli_usage_error (cli, "show", "no entity with id '%s'", args[1]);
  if (builder != NULL)
    {
      g_autoptr(JsonNode) root = NULL;

      json_builder_end_array (builder);
      root = json_builder_get_root (builder);
      terrind_cli_output_tree (cli, &output, root);
    }
  return TERRIND_CLI_EXIT_OK;
}
