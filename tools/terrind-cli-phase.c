/* terrind-cli-phase.c: --phase, and which territories a command shows
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Every command that shows territories shows those of one phase, the same
 * way: the phase --phase names, or by default the phase running today. A
 * registry that defines no phases (every 1.0 file), or none running today,
 * is shown whole, without a word about it: there is nothing to choose from.
 */

#include "config.h"

#include "terrind-cli.h"

/* The phase numbers @registry knows, ascending: those it defines or, when
 * it defines none, the labels its territories and conventions carry. */
static GArray *
known_phases (TerrindRegistry *registry)
{
  GArray *numbers = g_array_new (FALSE, FALSE, sizeof (guint));

  if (terrind_registry_get_n_phases (registry) > 0)
    {
      g_autoptr(GPtrArray) phases = terrind_registry_list_phases (registry);

      for (guint i = 0; i < phases->len; i++)
        {
          guint number = terrind_phase_get_number (g_ptr_array_index (phases, i));
          g_array_append_val (numbers, number);
        }
    }
  else
    {
      g_autoptr(GPtrArray) territories = terrind_registry_list_territories (registry);
      g_autoptr(GPtrArray) conventions = terrind_registry_list_conventions (registry);
      gboolean used[TERRIND_CLI_MAX_PHASE + 1] = { FALSE, };

      for (guint i = 0; i < territories->len; i++)
        used[MIN (terrind_territory_get_phase (g_ptr_array_index (territories, i)),
                  TERRIND_CLI_MAX_PHASE)] = TRUE;
      for (guint i = 0; i < conventions->len; i++)
        used[MIN (terrind_convention_get_phase (g_ptr_array_index (conventions, i)),
                  TERRIND_CLI_MAX_PHASE)] = TRUE;
      for (guint number = 1; number <= TERRIND_CLI_MAX_PHASE; number++)
        if (used[number])
          g_array_append_val (numbers, number);
    }
  return numbers;
}

static char *
join_numbers (GArray *numbers)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < numbers->len; i++)
    g_string_append_printf (text, "%s%u", i == 0 ? "" : ", ", g_array_index (numbers, guint, i));
  return g_string_free (text, FALSE);
}

int
terrind_cli_phase_choose (TerrindCli      *cli,
                          const char      *command,
                          TerrindRegistry *registry,
                          const char      *option,
                          TerrindCliPhase *choice)
{
  g_autoptr(GArray) numbers = NULL;
  guint64 number = 0;

  g_return_val_if_fail (registry != NULL, TERRIND_CLI_EXIT_USAGE);
  g_return_val_if_fail (choice != NULL, TERRIND_CLI_EXIT_USAGE);

  choice->number = 0;
  choice->phase = NULL;

  if (option == NULL)
    {
      /* The current phase, if there is one. */
      choice->phase = terrind_registry_get_phase_on (registry, NULL);
      if (choice->phase != NULL)
        choice->number = terrind_phase_get_number (choice->phase);
      return -1;
    }
  if (g_str_equal (option, "all"))
    return -1;

  if (!g_ascii_string_to_unsigned (option, 10, 1, TERRIND_CLI_MAX_PHASE, &number, NULL))
    return terrind_cli_usage_error (cli, command,
                                    "--phase takes a phase number (1 to %u) or 'all', not '%s'",
                                    TERRIND_CLI_MAX_PHASE, option);

  numbers = known_phases (registry);
  for (guint i = 0; i < numbers->len; i++)
    if (g_array_index (numbers, guint, i) == number)
      {
        choice->number = (guint) number;
        choice->phase = terrind_registry_get_phase (registry, (guint) number);
        return -1;
      }

  if (numbers->len == 0)
    return terrind_cli_usage_error (cli, command, "no phase %s: the registry has no phases",
                                    option);
  else
    {
      g_autofree char *list = join_numbers (numbers);

      if (terrind_registry_get_n_phases (registry) > 0)
        return terrind_cli_usage_error (cli, command, "no phase %s: the registry defines %s %s",
                                        option, numbers->len == 1 ? "phase" : "phases", list);
      return terrind_cli_usage_error (cli, command,
                                      "no phase %s: the registry defines no phases, and its "
                                      "entities name %s %s", option,
                                      numbers->len == 1 ? "phase" : "phases", list);
    }
}

gboolean
terrind_cli_phase_includes (const TerrindCliPhase *choice,
                            guint                  number)
{
  g_return_val_if_fail (choice != NULL, TRUE);
  return choice->number == 0 || choice->number == number;
}

GPtrArray *
terrind_cli_phase_list_territories (TerrindRegistry       *registry,
                                    const TerrindCliPhase *choice)
{
  g_return_val_if_fail (registry != NULL, NULL);
  g_return_val_if_fail (choice != NULL, NULL);

  if (choice->number == 0)
    return terrind_registry_list_territories (registry);
  return terrind_registry_list_territories_in_phase (registry, choice->number);
}

char *
terrind_cli_phase_describe (TerrindRegistry *registry,
                            guint            number)
{
  TerrindPhase *phase;

  g_return_val_if_fail (registry != NULL, NULL);

  phase = number > 0 ? terrind_registry_get_phase (registry, number) : NULL;
  if (phase == NULL)
    return g_strdup_printf ("%u", number);
  return g_strdup_printf ("%u (%u-%u)", number, terrind_phase_get_first_year (phase),
                          terrind_phase_get_last_year (phase));
}

char *
terrind_cli_phase_heading (TerrindRegistry       *registry,
                           const TerrindCliPhase *choice)
{
  g_autofree char *described = NULL;

  g_return_val_if_fail (registry != NULL, NULL);
  g_return_val_if_fail (choice != NULL, NULL);

  if (choice->number == 0)
    return NULL;
  described = terrind_cli_phase_describe (registry, choice->number);
  return g_strdup_printf ("phase %s", described);
}
