/* terrind-cli-list.c: terrind list KIND [--region CODE] [--operator ID] [--phase P]
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Any kind the library describes can be listed, by its name or its plural;
 * the columns are its fields. --format=xml writes no dialect of its own: it
 * writes a registry document, with the library's exporter, holding what was
 * listed and what that refers to, so that `terrind validate` accepts it and
 * every other command reads it.
 *
 * The kinds with a "phase" field (territories, conventions) are listed for
 * one phase, as every command shows territories (terrind-cli-phase.c).
 */

#include "config.h"

#include "terrind-cli.h"
#include "terrind-cli-output.h"
#include "terrind-cli-records.h"
#include "terrind-cli-suggest.h"

/* One filter of the command line: keep what belongs to the entity @id of
 * @kind (a region, an operator). */
typedef struct {
  const char        *option;
  const TerrindKind *kind;
  const char        *id;
} Filter;

/* The phase number of @entity, of @kind, which has a "phase" field (0 when
 * unset). */
static guint
entity_phase (const TerrindField *field,
              gconstpointer       entity)
{
  g_autofree char *value = terrind_field_get_value (field, entity);

  return value != NULL ? (guint) g_ascii_strtoull (value, NULL, 10) : 0;
}

/* Adds @entity, of @kind, and everything it refers to, to @wanted: what
 * its fields name, and the phase it belongs to when the registry defines
 * it, so that the document keeps the phases its entities need. */
static void
want_with_references (TerrindRegistry   *registry,
                      GHashTable        *wanted,
                      const TerrindKind *kind,
                      gconstpointer      entity)
{
  const TerrindField *phase_field = terrind_kind_lookup_field (kind, "phase");

  if (!g_hash_table_add (wanted, (gpointer) entity))
    return;
  if (phase_field != NULL)
    {
      guint number = entity_phase (phase_field, entity);
      TerrindPhase *phase = number > 0 ? terrind_registry_get_phase (registry, number) : NULL;

      if (phase != NULL)
        g_hash_table_add (wanted, phase);
    }
  for (guint i = 0; i < terrind_kind_get_n_fields (kind); i++)
    {
      const TerrindField *field = terrind_kind_get_field (kind, i);
      const TerrindKind *target = terrind_field_get_target (field);
      g_autofree char *id = NULL;
      gpointer referenced;

      if (target == NULL)
        continue;
      id = terrind_field_get_value (field, entity);
      referenced = id != NULL ? terrind_registry_lookup (registry, target, id) : NULL;
      if (referenced != NULL)
        want_with_references (registry, wanted, target, referenced);
    }
}

/* A copy of @entity, of @kind, that belongs to no registry, made from the
 * text of its fields. */
static gpointer
copy_entity (const TerrindKind  *kind,
             gconstpointer       entity,
             char              **parent_id,
             GError            **error)
{
  guint n_fields = terrind_kind_get_n_fields (kind);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_free);
  gpointer copy;

  for (guint i = 0; i < n_fields; i++)
    {
      const TerrindField *field = terrind_kind_get_field (kind, i);
      char *value;

      if (terrind_field_get_value_type (field) == TERRIND_VALUE_LIST)
        continue;
      value = terrind_field_get_value (field, entity);
      /* The parent is named when the copy is added to its registry. */
      if ((terrind_field_get_flags (field) & TERRIND_FIELD_PARENT) != 0)
        {
          *parent_id = value;
          continue;
        }
      if (value == NULL)
        continue;
      g_ptr_array_add (names, (gpointer) terrind_field_get_name (field));
      g_ptr_array_add (values, value);
    }
  g_ptr_array_add (names, NULL);

  copy = terrind_kind_new_entity (kind, (const char * const *) names->pdata,
                                  (const char * const *) values->pdata, error);
  if (copy == NULL)
    return NULL;

  for (guint i = 0; i < n_fields; i++)
    {
      const TerrindField *field = terrind_kind_get_field (kind, i);
      guint n_item_fields = terrind_field_get_n_item_fields (field);

      if (terrind_field_get_value_type (field) != TERRIND_VALUE_LIST)
        continue;
      for (guint j = 0; j < terrind_field_get_n_items (field, entity); j++)
        {
          g_autoptr(GPtrArray) item = g_ptr_array_new_full (n_item_fields, g_free);

          for (guint k = 0; k < n_item_fields; k++)
            {
              const TerrindField *item_field = terrind_field_get_item_field (field, k);

              g_ptr_array_add (item, terrind_field_get_item_value (field, entity, j, item_field));
            }
          if (!terrind_field_add_item (field, copy, (const char * const *) item->pdata, error))
            {
              terrind_kind_unref_entity (kind, copy);
              return NULL;
            }
        }
    }
  return copy;
}

/* A registry holding the entities of @wanted, copied from @source kind by
 * kind in document order, where what an entity refers to comes first. */
static TerrindRegistry *
extract_registry (TerrindRegistry  *source,
                  GHashTable       *wanted,
                  GError          **error)
{
  g_autoptr(TerrindRegistry) registry = terrind_registry_new ();
  const TerrindKind * const *kinds;
  guint n_kinds;

  kinds = terrind_model_get_kinds (&n_kinds);
  for (guint k = 0; k < n_kinds; k++)
    {
      g_autoptr(GPtrArray) entities = terrind_registry_list (source, kinds[k]);

      for (guint i = 0; i < entities->len; i++)
        {
          gconstpointer entity = g_ptr_array_index (entities, i);
          g_autofree char *parent_id = NULL;
          gpointer copy;
          gboolean added;

          if (!g_hash_table_contains (wanted, entity))
            continue;
          copy = copy_entity (kinds[k], entity, &parent_id, error);
          if (copy == NULL)
            return NULL;
          added = terrind_registry_add (registry, kinds[k], copy, parent_id, error);
          terrind_kind_unref_entity (kinds[k], copy);
          if (!added)
            return NULL;
        }
    }
  return g_steal_pointer (&registry);
}

static int
write_registry (TerrindCli        *cli,
                TerrindRegistry   *source,
                const TerrindKind *kind,
                GPtrArray         *entities)
{
  g_autoptr(GHashTable) wanted = g_hash_table_new (NULL, NULL);
  g_autoptr(TerrindRegistry) registry = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *document = NULL;
  gsize length;

  for (guint i = 0; i < entities->len; i++)
    want_with_references (source, wanted, kind, g_ptr_array_index (entities, i));
  registry = extract_registry (source, wanted, &error);
  if (registry != NULL)
    document = terrind_registry_export_data (registry, &length, &error);
  /* The source registry holds valid entities: copying or writing them
   * cannot fail but through a bug, which is still reported, not hidden. */
  if (document == NULL)
    {
      terrind_cli_warn (cli, "terrind list: %s\n", error->message);
      return TERRIND_CLI_EXIT_FAILED;
    }
  g_string_append_len (cli->out, document, (gssize) length);
  return TERRIND_CLI_EXIT_OK;
}

int
terrind_cli_list (TerrindCli *cli,
                  int         argc,
                  char      **argv)
{
  g_autofree char *file = NULL;
  g_autofree char *region = NULL;
  g_autofree char *operator_id = NULL;
  g_autofree char *format_name = NULL;
  g_autofree char *phase = NULL;
  gboolean excel = FALSE;
  GOptionEntry entries[] = {
    { "file", 'f', 0, G_OPTION_ARG_FILENAME, &file,
      "Read FILE instead of the default dataset", "FILE" },
    { "region", 'r', 0, G_OPTION_ARG_STRING, &region,
      "Only what belongs to the region CODE (regions, territories, referents)", "CODE" },
    { "operator", 'o', 0, G_OPTION_ARG_STRING, &operator_id,
      "Only what belongs to the operator ID (operators, conventions, commitments, referents)", "ID" },
    TERRIND_CLI_FORMAT_OPTION (&format_name,
                               "Output format: text (default; also 'table'), csv, json, or xml "
                               "(a registry document)"),
    TERRIND_CLI_EXCEL_OPTION (&excel),
    TERRIND_CLI_PHASE_OPTION (&phase),
    { NULL, 0, 0, 0, NULL, NULL, NULL }
  };
  g_auto(GStrv) args = NULL;
  g_autoptr(TerrindRegistry) registry = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) listed = g_ptr_array_new ();
  g_autoptr(TerrindCliTable) table = NULL;
  TerrindCliOutput output;
  const TerrindKind *kind;
  const TerrindField *phase_field;
  TerrindCliPhase choice = { 0, NULL };
  Filter filters[] = {
    { "--region", terrind_model_lookup_kind ("region"), NULL },
    { "--operator", terrind_model_lookup_kind ("operator"), NULL },
  };
  int status;

  status = terrind_cli_parse_options (cli, "list", "KIND",
                                      "List the entities of one kind, sorted by id: an aligned table\n"
                                      "for people, CSV (RFC 4180) or JSON for programs, or a registry\n"
                                      "document (XML) with what they refer to. KIND is a kind's name\n"
                                      "or plural: regions, operators, territories, conventions,\n"
                                      "commitments or referents.\n\n"
                                      "Territories and conventions are those of one phase.\n"
                                      TERRIND_CLI_PHASE_HELP "\n"
                                      "In the table, an optional field that no row sets takes no column.\n\n"
                                      "--region and --operator keep what belongs to that region or\n"
                                      "operator, directly or through what it refers to (a referent\n"
                                      "through its territory). Referents still missing are what\n"
                                      "'terrind coverage --missing' lists: a listing holds what is\n"
                                      "recorded.\n\n"
                                      "csv is RFC 4180, list fields joined with ';'; --excel writes\n"
                                      "it for a spreadsheet set up for French (BOM, ';', CRLF; lists\n"
                                      "joined with ' | ').",
                                      entries, argc, argv, &args);
  if (status >= 0)
    return status;
  filters[0].id = region;
  filters[1].id = operator_id;

  if (g_strv_length (args) != 2)
    return terrind_cli_usage_error (cli, "list", "give one kind of entity to list");
  kind = terrind_model_lookup_kind (args[1]);
  if (kind == NULL)
    {
      const TerrindKind * const *kinds;
      guint n_kinds;
      g_autoptr(GPtrArray) names = g_ptr_array_new ();
      g_autofree char *hint = NULL;

      kinds = terrind_model_get_kinds (&n_kinds);
      for (guint i = 0; i < n_kinds; i++)
        g_ptr_array_add (names, (gpointer) terrind_kind_get_plural (kinds[i]));
      hint = terrind_cli_suggest_hint (args[1], (const char * const *) names->pdata, names->len);
      return terrind_cli_usage_error (cli, "list", "unknown kind '%s'%s", args[1], hint);
    }
  status = terrind_cli_output_choose (cli, "list", format_name, excel,
                                      TERRIND_CLI_FORMATS_REPORT | (1u << TERRIND_CLI_FORMAT_XML),
                                      &output);
  if (status >= 0)
    return status;
  for (guint i = 0; i < G_N_ELEMENTS (filters); i++)
    if (filters[i].id != NULL && !terrind_cli_records_can_belong (kind, filters[i].kind))
      return terrind_cli_usage_error (cli, "list", "%s does not apply to %s", filters[i].option,
                                      terrind_kind_get_plural (kind));
  phase_field = terrind_kind_lookup_field (kind, "phase");
  if (phase != NULL && phase_field == NULL)
    return terrind_cli_usage_error (cli, "list", "--phase does not apply to %s",
                                    terrind_kind_get_plural (kind));

  registry = terrind_cli_open (cli, file, &status);
  if (registry == NULL)
    return status;
  if (phase_field != NULL)
    {
      status = terrind_cli_phase_choose (cli, "list", registry, phase, &choice);
      if (status >= 0)
        return status;
    }

  /* A filter naming nothing is a mistake to point out, not an empty list. */
  for (guint i = 0; i < G_N_ELEMENTS (filters); i++)
    if (filters[i].id != NULL &&
        terrind_registry_lookup (registry, filters[i].kind, filters[i].id) == NULL)
      return terrind_cli_unknown_id (cli, "list", registry, filters[i].kind, filters[i].id);

  all = terrind_registry_list (registry, kind);
  for (guint i = 0; i < all->len; i++)
    {
      gconstpointer entity = g_ptr_array_index (all, i);
      gboolean keep = phase_field == NULL ||
                      terrind_cli_phase_includes (&choice, entity_phase (phase_field, entity));

      for (guint f = 0; f < G_N_ELEMENTS (filters) && keep; f++)
        keep = filters[f].id == NULL ||
               terrind_cli_records_belongs (registry, kind, entity, filters[f].kind,
                                            filters[f].id);
      if (keep)
        g_ptr_array_add (listed, (gpointer) entity);
    }

  if (output.format == TERRIND_CLI_FORMAT_XML)
    return write_registry (cli, registry, kind, listed);

  table = terrind_cli_records_new (kind);
  for (guint i = 0; i < listed->len; i++)
    terrind_cli_records_add (table, kind, g_ptr_array_index (listed, i));
  terrind_cli_output_table (cli, &output, table);
  return TERRIND_CLI_EXIT_OK;
}
