/* terrind-cli-show.c: terrind show ID
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * One entity with everything attached to it, for a person at a terminal.
 * Ids are unique within a kind only, so every kind that has the id is shown.
 * An entity's own fields come from the library's description, one line
 * each; what is attached to it (a region's territories, the referent of
 * each operator for a territory) is the part written here.
 */

#include "config.h"

#include "terrind-cli.h"
#include "terrind-cli-records.h"

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
      if (target != NULL)
        {
          g_autofree char *reference = describe_reference (registry, target, value);
          terrind_cli_print (cli, "%s%-12s %s\n", indent, label, reference);
        }
      else
        terrind_cli_print (cli, "%s%-12s %s\n", indent, label, value);
    }
}

/* The entities of the kinds whose parent is @kind that belong to @entity
 * (a convention's commitments), each with its fields. */
static void
show_children (TerrindCli        *cli,
               TerrindRegistry   *registry,
               const TerrindKind *kind,
               gconstpointer      entity)
{
  const char *id = terrind_kind_get_entity_id (kind, entity);
  const TerrindKind * const *kinds;
  guint n_kinds;

  kinds = terrind_model_get_kinds (&n_kinds);
  for (guint k = 0; k < n_kinds; k++)
    {
      g_autoptr(GPtrArray) all = NULL;
      g_autoptr(GPtrArray) children = g_ptr_array_new ();
      const TerrindField *parent = NULL;

      if (terrind_kind_get_parent (kinds[k]) != kind)
        continue;
      for (guint i = 0; i < terrind_kind_get_n_fields (kinds[k]) && parent == NULL; i++)
        if ((terrind_field_get_flags (terrind_kind_get_field (kinds[k], i)) &
             TERRIND_FIELD_PARENT) != 0)
          parent = terrind_kind_get_field (kinds[k], i);
      g_return_if_fail (parent != NULL);

      all = terrind_registry_list (registry, kinds[k]);
      for (guint i = 0; i < all->len; i++)
        {
          g_autofree char *parent_id = terrind_field_get_value (parent, g_ptr_array_index (all, i));

          if (g_strcmp0 (parent_id, id) == 0)
            g_ptr_array_add (children, g_ptr_array_index (all, i));
        }

      terrind_cli_print (cli, "  %s: %u\n", terrind_kind_get_plural (kinds[k]), children->len);
      for (guint i = 0; i < children->len; i++)
        {
          gconstpointer child = g_ptr_array_index (children, i);

          terrind_cli_print (cli, "    %s\n", terrind_kind_get_entity_id (kinds[k], child));
          show_fields (cli, registry, kinds[k], child, "      ", FALSE);
        }
    }
}

static void
show_region (TerrindCli      *cli,
             TerrindRegistry *registry,
             gconstpointer    entity)
{
  g_autoptr(GPtrArray) territories =
    terrind_registry_list_territories_in_region (registry, terrind_region_get_code (entity));

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
               gconstpointer    entity)
{
  const char *id = terrind_operator_get_id (entity);
  g_autoptr(GPtrArray) conventions = terrind_registry_list_conventions_of_operator (registry, id);
  g_autoptr(GPtrArray) referents = terrind_registry_list_referents_of_operator (registry, id);
  g_autoptr(GPtrArray) without = terrind_registry_list_territories_without_referent (registry, id);

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

static void
show_territory (TerrindCli      *cli,
                TerrindRegistry *registry,
                gconstpointer    entity)
{
  const char *id = terrind_territory_get_id (entity);
  g_autoptr(GPtrArray) operators = terrind_registry_list_operators (registry);

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
typedef void (*ShowAttachedFunc) (TerrindCli      *cli,
                                  TerrindRegistry *registry,
                                  gconstpointer    entity);

static const struct {
  const char      *kind;
  ShowAttachedFunc show;
} attached[] = {
  { "region", show_region },
  { "operator", show_operator },
  { "territory", show_territory },
};

static void
show_entity (TerrindCli        *cli,
             TerrindRegistry   *registry,
             const TerrindKind *kind,
             gconstpointer      entity)
{
  terrind_cli_print (cli, "%s %s\n", terrind_kind_get_name (kind),
                     terrind_kind_get_entity_id (kind, entity));
  show_fields (cli, registry, kind, entity, "  ", TRUE);
  show_children (cli, registry, kind, entity);
  for (guint i = 0; i < G_N_ELEMENTS (attached); i++)
    if (terrind_model_lookup_kind (attached[i].kind) == kind)
      attached[i].show (cli, registry, entity);
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
  const TerrindKind * const *kinds;
  guint n_kinds;
  guint found = 0;
  int status;

  status = terrind_cli_parse_options (cli, "show", "ID",
                                      "Show the entity ID of any kind: each of its fields that is\n"
                                      "set, and everything attached to it. A territory shows, for\n"
                                      "each operator, its referent or \"missing\"; a convention, its\n"
                                      "commitments.",
                                      entries, argc, argv, &args);
  if (status >= 0)
    return status;
  if (g_strv_length (args) != 2)
    return terrind_cli_usage_error (cli, "show", "give one id");

  registry = terrind_cli_open (cli, file, &status);
  if (registry == NULL)
    return status;

  kinds = terrind_model_get_kinds (&n_kinds);
  for (guint k = 0; k < n_kinds; k++)
    {
      gconstpointer entity = terrind_registry_lookup (registry, kinds[k], args[1]);

      if (entity == NULL)
        continue;
      /* A blank line between the kinds that share the id. */
      if (found++ > 0)
        terrind_cli_print (cli, "\n");
      show_entity (cli, registry, kinds[k], entity);
    }

  if (found == 0)
    return terrind_cli_usage_error (cli, "show", "no entity with id '%s'", args[1]);
  return TERRIND_CLI_EXIT_OK;
}
