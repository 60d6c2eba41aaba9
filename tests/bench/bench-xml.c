/* bench-xml.c: XML import, export and lookups, against a bare libxml2 pass
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Usage: bench-xml [--runs=R] [--dir=DIR] [--keep] [N...]
 *
 * For each N (default 10000 100000 1000000) it generates a synthetic
 * registry of N referents (18 regions, 4 operators, N/4 territories with 1
 * to 3 members, 4 conventions with signatories and commitments; accented
 * names, values with "&" and "<"), writes it to DIR, and then measures, R
 * times each (default 3), every measure in a fresh process so that peak
 * memory is the operation's own:
 *
 * - baseline: a bare xmlTextReader pass over the file, reading every node
 *   and doing nothing else (what "xmllint --stream --noout" does);
 * - import:   terrind_registry_new_from_file(), and the process's peak RSS;
 * - listing:  the first terrind_registry_list_*() of each kind after the
 *             import, which sorts (the exports below then reuse the order);
 * - export to a stream: terrind_registry_export_stream() into a stream
 *             that discards, i.e. the writer alone;
 * - export to memory: terrind_registry_export_data(), which also pays for
 *             the fresh memory the document occupies;
 * - lookups:  terrind_registry_get_referent() and _get_territory() of
 *   every id, in a shuffled order;
 * - evaluation: on a second file, the same registry with measurable
 *   commitments and N records more (N/2 designations, N/2 investments),
 *   terrind_registry_evaluate() after terrind_registry_new_from_file(),
 *   as a ratio to that import (not to the baseline).
 *
 * Then, for the same N, the two shapes of a long list inside one entity,
 * each written by hand in descending order (the worst order for a list
 * kept sorted by insertion in place), with an import and a baseline pass
 * of that file alternating:
 *
 * - members:     one territory with N members;
 * - commitments: one convention with 3N/10 commitments;
 *
 * measuring the import, then reading the whole list by index (which puts
 * it in order), then an export to a stream that discards.
 *
 * Baseline and import alternate, so a noisy machine affects both alike.
 * Each figure is printed as a median time and as a ratio to the median
 * baseline, with peak memory per referent and as a ratio to the file size.
 * It is a measurement, not a test: nothing fails on a slow machine.
 * --keep leaves the generated files (bench-N.xml) in DIR. A DIR given is
 * made if it is missing and never removed; without one, a temporary
 * directory is made and removed at the end (unless --keep).
 */

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gstdio.h>
#include <libxml/xmlreader.h>
#include <terrind.h>

#include "terrind-test-siren.h"

#define N_OPERATORS 4

static const char *const operator_ids[N_OPERATORS] = {
  "bdt", "bpifrance", "business-france", "pole-emploi"
};
static const char *const operator_names[N_OPERATORS] = {
  "Banque des Territoires", "Bpifrance", "Business France", "France Travail"
};
static const char *const first_names[] = {
  "Jeanne", "Loïc", "Amélie", "François", "Zoë", "Hélène", "Jérôme", "Anaïs", "Noël", "Cécile"
};
static const char *const last_names[] = {
  "Martin", "Bernard", "Dubois", "Lefèvre", "Moreau", "Girard", "Rousseau", "Faure", "Müller",
  "Le Gall"
};

#define CHECK(call) G_STMT_START {                                       \
    g_autoptr(GError) check_error_ = NULL;                               \
    GError **error = &check_error_;                                      \
    if (!(call))                                                         \
      g_error ("%s: %s", #call, check_error_ ? check_error_->message : ""); \
  } G_STMT_END

/* The years of the commitments the evaluation measures. */
#define EVAL_FIRST_YEAR 2019
#define EVAL_N_YEARS    4
#define EVAL_DATE       "2021-06-30"

static const char *const eval_themes[] = { "foncier industriel", "numérique" };

/* The commitments of each convention that the evaluation measures: a
 * yearly target at two levels, a per-year envelope with themes, and a
 * referent per territory, all over EVAL_N_YEARS years. */
static void
add_measured_commitments (TerrindConvention *convention,
                          const char        *operator_id,
                          guint              n_territories)
{
  g_autofree char *targets_id = g_strdup_printf ("%s-targets", operator_id);
  g_autofree char *envelope_id = g_strdup_printf ("%s-envelope", operator_id);
  g_autofree char *referent_id = g_strdup_printf ("%s-referent", operator_id);
  g_autoptr(TerrindCommitment) targets = NULL;
  g_autoptr(TerrindCommitment) envelope = NULL;
  g_autoptr(TerrindCommitment) referent = NULL;
  guint last_year = EVAL_FIRST_YEAR + EVAL_N_YEARS - 1;

  CHECK ((targets = terrind_commitment_new (targets_id, TERRIND_COMMITMENT_YEARLY_TARGET,
                                            "Une vingtaine de territoires par an", error)) != NULL);
  CHECK (terrind_commitment_set_years (targets, EVAL_FIRST_YEAR, last_year, error));
  terrind_commitment_set_approximate (targets, TRUE);
  CHECK (terrind_commitment_add_target (targets, "priority", MAX (n_territories / 8, 1), error));
  CHECK (terrind_commitment_add_target (targets, "reinforced", MAX (n_territories / 40, 1),
                                        error));
  CHECK (terrind_convention_add_commitment (convention, targets, error));

  CHECK ((envelope = terrind_commitment_new (envelope_id, TERRIND_COMMITMENT_MONEY_ENVELOPE,
                                             "Environ 100 M€ par an", error)) != NULL);
  CHECK (terrind_commitment_set_amount (envelope, 100000000, TERRIND_AMOUNT_PER_YEAR, error));
  CHECK (terrind_commitment_set_years (envelope, EVAL_FIRST_YEAR, last_year, error));
  for (guint t = 0; t < G_N_ELEMENTS (eval_themes); t++)
    CHECK (terrind_commitment_add_theme (envelope, eval_themes[t], error));
  CHECK (terrind_convention_add_commitment (convention, envelope, error));

  CHECK ((referent = terrind_commitment_new (referent_id, TERRIND_COMMITMENT_REFERENT_PER_TERRITORY,
                                             "Un référent par territoire", error)) != NULL);
  CHECK (terrind_convention_add_commitment (convention, referent, error));
}

/* N/2 designations and N/2 investments against the measured commitments:
 * record k of an operator is for territory k/4 (modulo their number) and
 * year k%4, so that no operator designates a territory twice a year. */
static void
add_records (TerrindRegistry *registry,
             guint            n,
             guint            n_territories)
{
  for (guint r = 0; r < n; r++)
    {
      const char *op = operator_ids[r % N_OPERATORS];
      guint k = r / 2 / N_OPERATORS;
      guint year = EVAL_FIRST_YEAR + k % EVAL_N_YEARS;
      g_autofree char *territory = g_strdup_printf ("ti-%07u",
                                                    k / EVAL_N_YEARS % n_territories);

      if (r / N_OPERATORS % 2 == 0)
        {
          g_autofree char *id = g_strdup_printf ("des-%07u", r);
          g_autofree char *commitment = g_strdup_printf ("%s-targets", op);
          g_autoptr(TerrindDesignation) designation = NULL;

          CHECK ((designation = terrind_designation_new (id, op, territory, year,
                                                         k % 5 == 0 ? "reinforced" : "priority",
                                                         commitment, error)) != NULL);
          CHECK (terrind_registry_add_designation (registry, designation, error));
        }
      else
        {
          g_autofree char *id = g_strdup_printf ("inv-%07u", r);
          g_autofree char *commitment = g_strdup_printf ("%s-envelope", op);
          g_autoptr(TerrindInvestment) investment = NULL;

          CHECK ((investment = terrind_investment_new (id, op, territory, year,
                                                       1000 + (gint64) (k % 1000) * 250,
                                                       commitment, error)) != NULL);
          if (k % 3 != 2)
            CHECK (terrind_investment_set_theme (investment, eval_themes[k % 3], error));
          CHECK (terrind_registry_add_investment (registry, investment, error));
        }
    }
}

/* The bench's registry of @n referents; with @evaluated, also the
 * commitments the evaluation measures and @n records against them. */
static TerrindRegistry *
generate (guint    n,
          gboolean evaluated)
{
  TerrindRegistry *registry = terrind_registry_new ();
  guint n_territories = MAX (n / N_OPERATORS, 1);
  guint serial = 0;

  for (guint i = 0; i < 18; i++)
    {
      g_autofree char *code = g_strdup_printf ("%02u", 11 + i * 5);
      g_autofree char *name = g_strdup_printf ("Région n°%u – Île & <côte>", i);
      g_autoptr(TerrindRegion) region = NULL;

      CHECK ((region = terrind_region_new (code, name, error)) != NULL);
      CHECK (terrind_registry_add_region (registry, region, error));
    }
  for (guint i = 0; i < N_OPERATORS; i++)
    {
      g_autoptr(TerrindOperator) op = NULL;
      g_autoptr(TerrindConvention) convention = NULL;
      g_autofree char *convention_id = g_strdup_printf ("conv-%s", operator_ids[i]);

      CHECK ((op = terrind_operator_new (operator_ids[i], operator_names[i], error)) != NULL);
      CHECK (terrind_registry_add_operator (registry, op, error));
      CHECK ((convention = terrind_convention_new (convention_id, operator_ids[i], "2019-03-05",
                                                   error)) != NULL);
      CHECK (terrind_convention_set_place (convention, "Lyon", error));
      CHECK (terrind_convention_add_signatory (convention, "Jacqueline Gourault",
                                               "Ministre de la Cohésion des territoires", error));
      CHECK (terrind_convention_add_signatory (convention, "Agnès Pannier-Runacher",
                                               "Secrétaire d'État", error));
      for (guint k = 0; k < 2; k++)
        {
          g_autofree char *id = g_strdup_printf ("%s-%u", operator_ids[i], k);
          g_autoptr(TerrindCommitment) commitment = NULL;

          CHECK ((commitment = terrind_commitment_new (id, TERRIND_COMMITMENT_MONEY_ENVELOPE,
                                                       "Environ 100 M€ par an & plus", error))
                 != NULL);
          CHECK (terrind_commitment_set_amount (commitment, 100000000, TERRIND_AMOUNT_PER_YEAR,
                                                error));
          CHECK (terrind_commitment_add_theme (commitment, "foncier industriel", error));
          CHECK (terrind_convention_add_commitment (convention, commitment, error));
        }
      if (evaluated)
        add_measured_commitments (convention, operator_ids[i], n_territories);
      CHECK (terrind_registry_add_convention (registry, convention, error));
    }
  for (guint t = 0; t < n_territories; t++)
    {
      g_autofree char *id = g_strdup_printf ("ti-%07u", t);
      g_autofree char *name = g_strdup_printf ("Territoire d'industrie n°%u", t);
      g_autofree char *region = g_strdup_printf ("%02u", 11 + (t % 18) * 5);
      g_autoptr(TerrindTerritory) territory = NULL;

      CHECK ((territory = terrind_territory_new (id, name, region, error)) != NULL);
      CHECK (terrind_territory_set_phase (territory, 1 + t % 2, error));
      for (guint m = 0; m <= t % 3; m++)
        {
          char siren[10];

          terrind_test_make_siren (serial++, siren);
          CHECK (terrind_territory_add_member (territory, siren, error));
        }
      CHECK (terrind_registry_add_territory (registry, territory, error));
    }
  for (guint r = 0; r < n; r++)
    {
      guint t = r / N_OPERATORS % n_territories;
      g_autofree char *id = g_strdup_printf ("ref-%07u", r);
      g_autofree char *territory = g_strdup_printf ("ti-%07u", t);
      g_autofree char *person = g_strdup_printf ("%s %s", first_names[r % 10],
                                                 last_names[r / 10 % 10]);
      g_autofree char *email = g_strdup_printf ("referent.%u@example.fr", r);
      g_autofree char *phone = g_strdup_printf ("+33 1 %02u %02u %02u %02u", r % 100,
                                                r / 100 % 100, r / 10000 % 100, 7);
      g_autoptr(TerrindReferent) referent = NULL;

      CHECK ((referent = terrind_referent_new (id, operator_ids[r % N_OPERATORS], territory,
                                               person, error)) != NULL);
      CHECK (terrind_referent_set_role (referent, r % 7 == 0 ? "Référent & <coach>"
                                                             : "Conseiller référent", error));
      CHECK (terrind_referent_set_email (referent, email, error));
      CHECK (terrind_referent_set_phone (referent, phone, error));
      CHECK (terrind_referent_set_start_date (referent, "2019-06-01", error));
      CHECK (terrind_registry_add_referent (registry, referent, error));
    }
  if (evaluated)
    add_records (registry, n, n_territories);
  return registry;
}

/* The shapes of a long list in one entity. */
typedef enum {
  LONG_MEMBERS,
  LONG_COMMITMENTS,
} LongShape;

/* One territory of @n members, or one convention of @n commitments, with
 * keys in descending order; not through the library, whose export would
 * write them in order. */
static void
write_long_list (const char *path,
                 LongShape   shape,
                 guint       n)
{
  g_autoptr(GString) xml = g_string_new (NULL);

  g_string_append (xml, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                        "<registry xmlns=\"urn:libterrind:registry\" version=\"1\">\n"
                        "  <regions>\n    <region code=\"84\" name=\"Auvergne-Rhône-Alpes\"/>\n"
                        "  </regions>\n  <operators>\n"
                        "    <operator id=\"bdt\" name=\"Banque des Territoires\"/>\n"
                        "  </operators>\n");
  if (shape == LONG_MEMBERS)
    {
      g_string_append (xml, "  <territories>\n"
                            "    <territory id=\"ti-8401\" name=\"Vallée de l'Arve\" region=\"84\">\n");
      for (guint i = n; i > 0; i--)
        {
          char siren[10];

          terrind_test_make_siren (i - 1, siren);
          g_string_append_printf (xml, "      <member siren=\"%s\"/>\n", siren);
        }
      g_string_append (xml, "    </territory>\n  </territories>\n  <conventions/>\n");
    }
  else
    {
      g_string_append (xml, "  <territories/>\n  <conventions>\n"
                            "    <convention id=\"conv-bdt\" operator=\"bdt\" date=\"2019-03-05\">\n");
      for (guint i = n; i > 0; i--)
        g_string_append_printf (xml, "      <commitment id=\"bdt-%07u\" kind=\"tool\">\n"
                                     "        <text>Un outil &amp; un accompagnement</text>\n"
                                     "      </commitment>\n", i - 1);
      g_string_append (xml, "    </convention>\n  </conventions>\n");
    }
  g_string_append (xml, "  <referents/>\n</registry>\n");
  CHECK (g_file_set_contents (path, xml->str, (gssize) xml->len, error));
}

/* An output stream that discards everything: the writer's cost alone. */
typedef struct {
  GOutputStream parent;
  gsize         written;
} NullStream;
typedef GOutputStreamClass NullStreamClass;
static GType null_stream_get_type (void);
G_DEFINE_TYPE (NullStream, null_stream, G_TYPE_OUTPUT_STREAM)

static gssize
null_stream_write (GOutputStream  *stream,
                   const void     *buffer,
                   gsize           count,
                   GCancellable   *cancellable,
                   GError        **error)
{
  ((NullStream *) stream)->written += count;
  return (gssize) count;
}

static void
null_stream_class_init (NullStreamClass *klass)
{
  klass->write_fn = null_stream_write;
}

static void
null_stream_init (NullStream *stream)
{
}

static double
seconds_since (gint64 start)
{
  return (double) (g_get_monotonic_time () - start) / G_USEC_PER_SEC;
}

/* The process's peak resident memory, in KiB. Not getrusage(): Linux
 * carries ru_maxrss over exec(), so a measure would inherit the peak of the
 * process that spawned it. */
static long
peak_rss_kib (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) ||
      (line = strstr (status, "VmHWM:")) == NULL)
    return 0;
  return strtol (line + strlen ("VmHWM:"), NULL, 10);
}

/* The measures, each run in its own process: "bench-xml --measure=WHAT FILE"
 * prints "seconds peak-kib [export-seconds lookup-seconds]". */
static int
measure (const char *what,
         const char *path)
{
  gint64 start = g_get_monotonic_time ();

  if (g_str_equal (what, "baseline"))
    {
      xmlTextReaderPtr reader = xmlReaderForFile (path, NULL, XML_PARSE_NONET);
      int status;

      if (reader == NULL)
        g_error ("cannot read %s", path);
      while ((status = xmlTextReaderRead (reader)) == 1)
        ;
      xmlFreeTextReader (reader);
      if (status != 0)
        g_error ("%s is not well-formed", path);
      printf ("%.6f %ld\n", seconds_since (start), peak_rss_kib ());
      return 0;
    }

  if (g_str_equal (what, "import"))
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(TerrindRegistry) registry = terrind_registry_new_from_file (path, &error);
      g_autoptr(GPtrArray) referents = NULL;
      g_autoptr(GPtrArray) ids = NULL;
      g_autofree char *exported = NULL;
      g_autoptr(GOutputStream) sink = g_object_new (null_stream_get_type (), NULL);
      double import_time, list_time, stream_time, export_time, lookup_time;
      long import_rss;
      GRand *rand = g_rand_new_with_seed (42);

      if (registry == NULL)
        g_error ("%s", error->message);
      import_time = seconds_since (start);
      import_rss = peak_rss_kib ();

      start = g_get_monotonic_time ();
      g_ptr_array_unref (terrind_registry_list_regions (registry));
      g_ptr_array_unref (terrind_registry_list_operators (registry));
      g_ptr_array_unref (terrind_registry_list_territories (registry));
      g_ptr_array_unref (terrind_registry_list_conventions (registry));
      g_ptr_array_unref (terrind_registry_list_referents (registry));
      list_time = seconds_since (start);

      start = g_get_monotonic_time ();
      if (!terrind_registry_export_stream (registry, sink, NULL, &error))
        g_error ("%s", error->message);
      stream_time = seconds_since (start);

      start = g_get_monotonic_time ();
      exported = terrind_registry_export_data (registry, NULL, NULL);
      export_time = seconds_since (start);

      /* Ids copied and shuffled, so lookups do not walk memory in order. */
      referents = terrind_registry_list_referents (registry);
      ids = g_ptr_array_new_with_free_func (g_free);
      for (guint i = 0; i < referents->len; i++)
        {
          TerrindReferent *referent = referents->pdata[i];

          g_ptr_array_add (ids, g_strdup (terrind_referent_get_id (referent)));
          g_ptr_array_add (ids, g_strdup (terrind_referent_get_territory_id (referent)));
        }
      for (guint i = ids->len; i > 1; i -= 2)
        {
          guint j = (guint) g_rand_int_range (rand, 0, (gint32) (i / 2)) * 2;
          gpointer a = ids->pdata[i - 2], b = ids->pdata[i - 1];

          ids->pdata[i - 2] = ids->pdata[j];
          ids->pdata[i - 1] = ids->pdata[j + 1];
          ids->pdata[j] = a;
          ids->pdata[j + 1] = b;
        }
      start = g_get_monotonic_time ();
      for (guint i = 0; i < ids->len; i += 2)
        if (terrind_registry_get_referent (registry, ids->pdata[i]) == NULL ||
            terrind_registry_get_territory (registry, ids->pdata[i + 1]) == NULL)
          g_error ("lookup failed");
      lookup_time = seconds_since (start);
      g_rand_free (rand);

      printf ("%.6f %ld %.6f %.6f %.6f %.6f\n", import_time, import_rss, export_time, lookup_time,
              list_time, stream_time);
      return 0;
    }
  if (g_str_equal (what, "long"))
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(TerrindRegistry) registry = terrind_registry_new_from_file (path, &error);
      g_autoptr(GOutputStream) sink = g_object_new (null_stream_get_type (), NULL);
      g_autoptr(GPtrArray) territories = NULL;
      g_autoptr(GPtrArray) conventions = NULL;
      double import_time, read_time, stream_time;
      long import_rss;
      gsize length = 0;

      if (registry == NULL)
        g_error ("%s", error->message);
      import_time = seconds_since (start);
      import_rss = peak_rss_kib ();

      /* Every item by index: the first read puts the list in order. */
      start = g_get_monotonic_time ();
      territories = terrind_registry_list_territories (registry);
      conventions = terrind_registry_list_conventions (registry);
      for (guint t = 0; t < territories->len; t++)
        {
          TerrindTerritory *territory = territories->pdata[t];

          for (guint i = 0; i < terrind_territory_get_n_members (territory); i++)
            length += strlen (terrind_territory_get_member (territory, i));
        }
      for (guint c = 0; c < conventions->len; c++)
        {
          TerrindConvention *convention = conventions->pdata[c];

          for (guint i = 0; i < terrind_convention_get_n_commitments (convention); i++)
            length += strlen (terrind_commitment_get_id (
                                terrind_convention_get_commitment (convention, i)));
        }
      read_time = seconds_since (start);
      if (length == 0)
        g_error ("%s: no list read", path);

      start = g_get_monotonic_time ();
      if (!terrind_registry_export_stream (registry, sink, NULL, &error))
        g_error ("%s", error->message);
      stream_time = seconds_since (start);

      printf ("%.6f %ld %.6f %.6f\n", import_time, import_rss, read_time, stream_time);
      return 0;
    }
  if (g_str_equal (what, "evaluate"))
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(TerrindRegistry) registry = terrind_registry_new_from_file (path, &error);
      g_autoptr(TerrindEvaluationOptions) options = terrind_evaluation_options_new ();
      g_autoptr(TerrindEvaluation) evaluation = NULL;
      double import_time;
      long import_rss;

      if (registry == NULL)
        g_error ("%s", error->message);
      import_time = seconds_since (start);
      import_rss = peak_rss_kib ();

      /* A fixed date, so that some years are over and some pending. */
      terrind_evaluation_options_set_date (options, EVAL_DATE);
      start = g_get_monotonic_time ();
      evaluation = terrind_registry_evaluate (registry, options, &error);
      if (evaluation == NULL)
        g_error ("%s", error->message);
      printf ("%.6f %ld %.6f %u\n", import_time, import_rss, seconds_since (start),
              terrind_evaluation_get_n_findings (evaluation));
      return 0;
    }
  g_printerr ("unknown measure %s\n", what);
  return 2;
}

static void
run_measure (const char *self,
             const char *what,
             const char *path,
             double      out[6])
{
  g_autofree char *flag = g_strdup_printf ("--measure=%s", what);
  const char *argv[] = { self, flag, path, NULL };
  g_autofree char *output = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &output, NULL,
                     &status, &error) || !g_spawn_check_wait_status (status, &error))
    g_error ("%s %s: %s", what, path, error->message);
  memset (out, 0, 6 * sizeof *out);
  if (sscanf (output, "%lf %lf %lf %lf %lf %lf", &out[0], &out[1], &out[2], &out[3], &out[4],
              &out[5]) < 2)
    g_error ("%s: unexpected output %s", what, output);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (GArray *values)
{
  g_array_sort (values, compare_doubles);
  return g_array_index (values, double, values->len / 2);
}

static void
warm (const char *path)
{
  g_autofree char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, NULL);
}

static gboolean keep_files = FALSE;

/* The figures of one file: the baseline's time and peak, then the numbers
 * the measure prints, each a GArray of one double per run. */
#define N_FIGURES 8
typedef GArray *Figures[N_FIGURES];

/* Runs the baseline and the measure @what on @path in alternation, @runs
 * times each, into @figures; returns the file's size in MiB. */
static double
run_pairs (const char *self,
           const char *what,
           const char *path,
           guint       runs,
           Figures     figures)
{
  GStatBuf st;

  if (g_stat (path, &st) != 0)
    g_error ("cannot stat %s", path);
  warm (path);
  for (guint f = 0; f < N_FIGURES; f++)
    figures[f] = g_array_new (FALSE, FALSE, sizeof (double));
  for (guint r = 0; r < runs; r++)
    {
      double b[6], m[6];

      run_measure (self, "baseline", path, b);
      run_measure (self, what, path, m);
      g_array_append_val (figures[0], b[0]);
      g_array_append_val (figures[1], b[1]);
      for (guint f = 2; f < N_FIGURES; f++)
        g_array_append_val (figures[f], m[f - 2]);
    }
  return (double) st.st_size / (1024 * 1024);
}

static void
figures_clear (Figures figures)
{
  for (guint f = 0; f < N_FIGURES; f++)
    g_array_unref (figures[f]);
}

/* One line: terrind_registry_evaluate() on the bench's registry with
 * measurable commitments and @n designations and investments, as a ratio
 * to the import of that file in the same process (a measure of its own:
 * the baseline pass is not run for it). */
static void
bench_evaluate (const char *self,
                const char *dir,
                guint       n,
                guint       runs)
{
  g_autofree char *path = g_strdup_printf ("%s/bench-eval-%u.xml", dir, n);
  g_autoptr(TerrindRegistry) registry = generate (n, TRUE);
  g_autoptr(GArray) import = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) evaluation = g_array_new (FALSE, FALSE, sizeof (double));
  double findings = 0, base;
  GStatBuf st;

  CHECK (terrind_registry_export_file (registry, path, error));
  g_clear_pointer (&registry, terrind_registry_unref);
  if (g_stat (path, &st) != 0)
    g_error ("cannot stat %s", path);
  warm (path);
  for (guint r = 0; r < runs; r++)
    {
      double m[6];

      run_measure (self, "evaluate", path, m);
      g_array_append_val (import, m[0]);
      g_array_append_val (evaluation, m[2]);
      findings = m[3];
    }
  base = median (import);
  printf ("  %-34s %9.3f s  %5.2fx   of the import of its file (%.3f s, %.1f MiB, "
          "+%u designations and investments, %.0f findings)\n",
          "evaluation (registry_evaluate)", median (evaluation), median (evaluation) / base,
          base, (double) st.st_size / (1024 * 1024), n, findings);
  if (!keep_files)
    g_remove (path);
}

static void
bench_size (const char *self,
            const char *dir,
            guint       n,
            guint       runs)
{
  g_autofree char *path = NULL;
  g_autoptr(TerrindRegistry) registry = NULL;
  Figures figures;
  GArray *baseline, *baseline_rss, *import, *rss, *export, *lookups, *listing, *streamed;
  double base, file_mib;

  path = g_strdup_printf ("%s/bench-%u.xml", dir, n);
  registry = generate (n, FALSE);
  CHECK (terrind_registry_export_file (registry, path, error));
  g_clear_pointer (&registry, terrind_registry_unref);
  file_mib = run_pairs (self, "import", path, runs, figures);
  baseline = figures[0];
  baseline_rss = figures[1];
  import = figures[2];
  rss = figures[3];
  export = figures[4];
  lookups = figures[5];
  listing = figures[6];
  streamed = figures[7];

  base = median (baseline);
  printf ("\nN = %u referents, %u territories: %.1f MiB, %u runs (medians)\n",
          n, MAX (n / N_OPERATORS, 1), file_mib, runs);
  printf ("  %-34s %9.3f s   1.00x   peak %7.1f MiB\n", "baseline (bare xmlTextReader pass)",
          base, median (baseline_rss) / 1024);
  printf ("  %-34s %9.3f s  %5.2fx   peak %7.1f MiB = %.2fx the file, %.0f B/referent\n",
          "import (new_from_file)", median (import), median (import) / base,
          median (rss) / 1024, median (rss) / 1024 / file_mib,
          median (rss) * 1024 / n);
  printf ("  %-34s %9.3f s  %5.2fx\n", "first listing of each kind (sort)",
          median (listing), median (listing) / base);
  printf ("  %-34s %9.3f s  %5.2fx\n", "export to a stream (the writer)",
          median (streamed), median (streamed) / base);
  printf ("  %-34s %9.3f s  %5.2fx\n", "export to memory (export_data)", median (export),
          median (export) / base);
  printf ("  %-34s %9.3f s  %5.2fx   %.0f ns per lookup\n", "lookups (2 per referent)",
          median (lookups), median (lookups) / base, median (lookups) * 1e9 / (2.0 * n));
  fflush (stdout);
  bench_evaluate (self, dir, n, runs);
  fflush (stdout);
  figures_clear (figures);
  if (!keep_files)
    g_remove (path);
}

static void
bench_long (const char *self,
            const char *dir,
            LongShape   shape,
            guint       n,
            guint       runs)
{
  const char *name = shape == LONG_MEMBERS ? "members" : "commitments";
  g_autofree char *path = g_strdup_printf ("%s/bench-%s-%u.xml", dir, name, n);
  Figures figures;
  GArray *baseline, *import, *rss, *reading, *streamed;
  double base, file_mib;

  write_long_list (path, shape, n);
  file_mib = run_pairs (self, "long", path, runs, figures);
  baseline = figures[0];
  import = figures[2];
  rss = figures[3];
  reading = figures[4];
  streamed = figures[5];

  base = median (baseline);
  printf ("\nlong list: %s %u %s, in descending order: %.1f MiB, %u runs (medians)\n",
          shape == LONG_MEMBERS ? "one territory of" : "one convention of", n, name,
          file_mib, runs);
  printf ("  %-34s %9.3f s   1.00x\n", "baseline (bare xmlTextReader pass)", base);
  printf ("  %-34s %9.3f s  %5.2fx   peak %7.1f MiB = %.2fx the file\n",
          "import of the long list", median (import), median (import) / base,
          median (rss) / 1024, median (rss) / 1024 / file_mib);
  printf ("  %-34s %9.3f s  %5.2fx\n", "reading it by index (sorts)",
          median (reading), median (reading) / base);
  printf ("  %-34s %9.3f s  %5.2fx\n", "export of it to a stream",
          median (streamed), median (streamed) / base);
  fflush (stdout);
  figures_clear (figures);
  if (!keep_files)
    g_remove (path);
}

int
main (int    argc,
      char **argv)
{
  guint runs = 3;
  g_autofree char *dir = NULL;
  g_autoptr(GArray) sizes = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree char *self = NULL;
  gboolean made_dir = FALSE;

  if (argc == 3 && g_str_has_prefix (argv[1], "--measure="))
    return measure (argv[1] + strlen ("--measure="), argv[2]);

  for (int i = 1; i < argc; i++)
    {
      if (g_str_has_prefix (argv[i], "--runs="))
        runs = (guint) MAX (atoi (argv[i] + strlen ("--runs=")), 1);
      else if (g_str_equal (argv[i], "--keep"))
        keep_files = TRUE;
      else if (g_str_has_prefix (argv[i], "--dir="))
        dir = g_strdup (argv[i] + strlen ("--dir="));
      else
        {
          guint n = (guint) strtoul (argv[i], NULL, 10);

          if (n < N_OPERATORS)
            {
              g_printerr ("usage: %s [--runs=R] [--dir=DIR] [--keep] [N...]\n", argv[0]);
              return 2;
            }
          g_array_append_val (sizes, n);
        }
    }
  if (sizes->len == 0)
    {
      static const guint defaults[] = { 10000, 100000, 1000000 };

      g_array_append_vals (sizes, defaults, G_N_ELEMENTS (defaults));
    }
  /* Only a directory made here is removed at the end: one given with
   * --dir is the caller's, made for them if it is not there yet. */
  if (dir == NULL)
    {
      dir = g_dir_make_tmp ("terrind-bench-XXXXXX", NULL);
      made_dir = TRUE;
    }
  else if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      g_printerr ("%s: cannot make %s: %s\n", argv[0], dir, g_strerror (errno));
      return 1;
    }
  self = g_file_read_link ("/proc/self/exe", NULL);
  if (self == NULL)
    self = g_strdup (argv[0]);

  printf ("libterrind %s, libxml2 %s: ratios are to the baseline of the same file\n",
          terrind_version_string (), xmlParserVersion);
  for (guint i = 0; i < sizes->len; i++)
    {
      guint n = g_array_index (sizes, guint, i);

      bench_size (self, dir, n, runs);
      bench_long (self, dir, LONG_MEMBERS, n, runs);
      bench_long (self, dir, LONG_COMMITMENTS, n * 3 / 10, runs);
    }
  if (!keep_files && made_dir)
    g_rmdir (dir);
  return 0;
}
