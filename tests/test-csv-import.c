/* test-csv-import.c: CSV import: dialects, refusals, every bad row, limits
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <string.h>

#include "terrind-test.h"

#define REFERENT_HEADER "id,operator,territory,person\n"

static char *
fixture (const char *name)
{
  const char *data = g_getenv ("TERRIND_TEST_DATA");

  return g_build_filename (data != NULL ? data : "data", "csv", name, NULL);
}

static TerrindRegistry *
default_registry (void)
{
  g_autoptr(GError) error = NULL;
  TerrindRegistry *registry = terrind_registry_new_default (&error);

  terrind_assert_no_error (error);
  return registry;
}

static const TerrindKind *
kind (const char *name)
{
  const TerrindKind *kind = terrind_model_lookup_kind (name);

  ck_assert_ptr_nonnull (kind);
  return kind;
}

/* Imports @csv into the default registry; returns it. */
static TerrindRegistry *
import_ok (const char      *csv,
           TerrindCsvFlags  flags)
{
  TerrindRegistry *registry = default_registry ();
  g_autoptr(GError) error = NULL;

  ck_assert_msg (terrind_registry_import_csv_data (registry, csv, strlen (csv), NULL, flags,
                                                   NULL, NULL, &error),
                 "%s", error != NULL ? error->message : "");
  return registry;
}

/* Imports @length bytes of @csv into the default registry, expecting
 * @code at @line, and checks that nothing changed. Returns the error. */
static GError *
import_fails (const char                 *csv,
              gsize                       length,
              const TerrindImportOptions *options,
              TerrindError                code,
              int                         line)
{
  g_autoptr(TerrindRegistry) registry = default_registry ();
  g_autofree char *before = terrind_registry_export_data (registry, NULL, NULL);
  g_autofree char *after = NULL;
  GError *error = NULL;

  ck_assert (!terrind_registry_import_csv_data (registry, csv, length, NULL, TERRIND_CSV_NONE,
                                                options, NULL, &error));
  ck_assert_msg (error != NULL && error->domain == TERRIND_ERROR && error->code == (int) code,
                 "expected %s, got %s", terrind_error_code_to_string (code),
                 error != NULL ? error->message : "no error");
  if (line > 0)
    ck_assert_msg (terrind_error_get_line (error) == line, "expected line %d: %s", line,
                   error->message);
  after = terrind_registry_export_data (registry, NULL, NULL);
  ck_assert_str_eq (before, after);
  return error;
}

static void
assert_person (TerrindRegistry *registry,
               const char      *id,
               const char      *person)
{
  TerrindReferent *referent = terrind_registry_get_referent (registry, id);

  ck_assert_msg (referent != NULL, "no referent %s", id);
  ck_assert_str_eq (terrind_referent_get_person (referent), person);
}

/* The acceptance case: what LibreOffice writes for a French locale (a
 * BOM, ";", CRLF, quotes, a blank line of separators) fills a registry. */
START_TEST (test_libreoffice_referents)
{
  g_autofree char *path = fixture ("referents-libreoffice.csv");
  g_autoptr(TerrindRegistry) registry = default_registry ();
  g_autoptr(GError) error = NULL;
  guint64 n_rows = 0;
  TerrindReferent *r2;

  ck_assert_msg (terrind_registry_import_csv_file (registry, path, NULL, TERRIND_CSV_NONE, NULL,
                                                   &n_rows, &error),
                 "%s", error != NULL ? error->message : "");
  ck_assert_uint_eq (n_rows, 3);
  ck_assert_uint_eq (terrind_registry_get_n_referents (registry), 3);
  assert_person (registry, "r-1", "Marie Dupont");
  assert_person (registry, "r-2", "Jean \"Jeannot\" Martin");
  assert_person (registry, "r-3", "Léa Bernard");
  r2 = terrind_registry_get_referent (registry, "r-2");
  ck_assert_str_eq (terrind_referent_get_role (r2), "Chargé d’affaires; Outre-mer");
  ck_assert_ptr_null (terrind_referent_get_phone (r2));
  ck_assert_str_eq (terrind_referent_get_start_date (r2), "2024-02-01");
}
END_TEST

START_TEST (test_dialects)
{
  static const char * const dialects[] = {
    /* plain */
    REFERENT_HEADER "r-1,bpifrance,p2-ti-0101,Anne\n",
    /* no final line end */
    REFERENT_HEADER "r-1,bpifrance,p2-ti-0101,Anne",
    /* BOM, CRLF */
    "\xef\xbb\xbf" "id,operator,territory,person\r\nr-1,bpifrance,p2-ti-0101,Anne\r\n",
    /* ";" and quotes everywhere */
    "\"id\";\"operator\";\"territory\";\"person\"\n\"r-1\";\"bpifrance\";\"p2-ti-0101\";\"Anne\"\n",
    /* columns in another order, blank lines */
    "person,territory,operator,id\n\nAnne,p2-ti-0101,bpifrance,r-1\n\n\n",
    /* old Mac line ends */
    "id,operator,territory,person\rr-1,bpifrance,p2-ti-0101,Anne\r",
  };

  for (guint i = 0; i < G_N_ELEMENTS (dialects); i++)
    {
      g_autoptr(TerrindRegistry) registry = import_ok (dialects[i], TERRIND_CSV_NONE);

      assert_person (registry, "r-1", "Anne");
    }
}
END_TEST

/* A quoted cell may hold the separator, quotes and line breaks (kept as
 * LF whatever the file's line ends); the row's line is its first. */
START_TEST (test_quoted_newlines)
{
  const char *csv =
    "id;convention;kind;text\r\n"
    "c-new;bdt-2019;tool;\"Un outil;\r\nsur \"\"deux\"\" lignes\"\r\n"
    "c-bad;bdt-2019;nope;\"x\r\ny\"\r\n";
  g_autoptr(TerrindRegistry) registry = default_registry ();
  g_autoptr(GError) error = NULL;
  g_autofree char *conventions = NULL;
  TerrindConvention *convention;

  /* Use a convention of the default dataset. */
  {
    g_autoptr(GPtrArray) list = terrind_registry_list_conventions (registry);

    ck_assert_uint_gt (list->len, 0);
    convention = g_ptr_array_index (list, 0);
  }
  {
    g_autofree char *good = NULL;
    g_autofree char *bad = NULL;
    g_autoptr(GString) text = g_string_new (csv);
    TerrindCommitment *commitment;

    g_string_replace (text, "bdt-2019", terrind_convention_get_id (convention), 0);
    bad = g_strdup (text->str);
    /* Without the bad row, it goes in. */
    good = g_strndup (text->str, strstr (text->str, "c-bad") - text->str);
    ck_assert_msg (terrind_registry_import_csv_data (registry, good, strlen (good),
                                                     kind ("commitment"), TERRIND_CSV_NONE,
                                                     NULL, NULL, &error),
                   "%s", error != NULL ? error->message : "");
    commitment = terrind_registry_get_commitment (registry, "c-new");
    ck_assert_ptr_nonnull (commitment);
    ck_assert_str_eq (terrind_commitment_get_text (commitment), "Un outil;\nsur \"deux\" lignes");
    /* The bad row starts on line 4. */
    ck_assert (!terrind_registry_import_csv_data (registry, bad, strlen (bad), NULL,
                                                  TERRIND_CSV_REPLACE, NULL, NULL, &error));
    ck_assert_int_eq (terrind_error_get_line (error), 4);
    ck_assert_msg (strstr (error->message, "column “kind”") != NULL, "%s", error->message);
    (void) conventions;
  }
}
END_TEST

START_TEST (test_forced_separator)
{
  /* A header of one column says nothing; a forced ";" keeps "," in cells. */
  const char *csv = "id;operator;territory;person;role\nr-1;bpifrance;p2-ti-0101;Anne;a, b\n";
  g_autoptr(TerrindRegistry) registry = import_ok (csv, TERRIND_CSV_SEMICOLON);
  g_autoptr(GError) error = NULL;

  ck_assert_str_eq (terrind_referent_get_role (terrind_registry_get_referent (registry, "r-1")),
                    "a, b");
  /* Forced "," on a ";" file: one column named the whole line. */
  ck_assert (!terrind_registry_import_csv_data (registry, csv, strlen (csv), NULL,
                                                TERRIND_CSV_COMMA, NULL, NULL, &error));
  terrind_assert_error (error, TERRIND_ERROR_SCHEMA);
}
END_TEST

START_TEST (test_refusals)
{
  static const struct {
    const char  *csv;
    gsize        length;   /* 0: strlen */
    TerrindError code;
    int          line;
    const char  *words;
  } cases[] = {
    { REFERENT_HEADER "r-1,bpifrance,p2-ti-0101,Ren\xe9\n", 0, TERRIND_ERROR_PARSE, 2,
      "not UTF-8 (save the file as CSV UTF-8)" },
    { REFERENT_HEADER "r-1,bpifrance,p2-ti-0101,\"Ren\n\xe9\"\n", 0, TERRIND_ERROR_PARSE, 3,
      "not UTF-8" },
    { "\xff\xfei\0d\0", 6, TERRIND_ERROR_PARSE, 1, "UTF-16" },
    { "\xfe\xff\0i\0d", 6, TERRIND_ERROR_PARSE, 1, "UTF-16" },
    { REFERENT_HEADER "r-1,bpifrance,p2-ti-0101,\"Anne\n\n", 0, TERRIND_ERROR_PARSE, 2,
      "never closed" },
    { REFERENT_HEADER "r-1,bpifrance,p2-ti-0101,An\0ne\n", sizeof (REFERENT_HEADER "r-1,bpifrance,p2-ti-0101,An\0ne\n") - 1,
      TERRIND_ERROR_PARSE, 2, "NUL" },
    { REFERENT_HEADER "r-1,bpifrance,p2-ti-0101\n", 0, TERRIND_ERROR_PARSE, 2,
      "3 cells, the header 4" },
    { REFERENT_HEADER "r-1,bpifrance,p2-ti-0101,Anne,extra\n", 0, TERRIND_ERROR_PARSE, 2,
      "5 cells" },
    { "id,operator,territory,person,emial\n", 0, TERRIND_ERROR_SCHEMA, 1,
      "unknown column “emial” (column 5): did you mean “email”?" },
    { "id,operator,territory,email\n", 0, TERRIND_ERROR_SCHEMA, 1,
      "no column “person”, which a referent needs" },
    { "id,operator,territory,person,person\n", 0, TERRIND_ERROR_SCHEMA, 1, "given twice" },
    { "foo,bar\n", 0, TERRIND_ERROR_SCHEMA, 1, "names no field of any kind" },
    { "id,operator,territory\n", 0, TERRIND_ERROR_SCHEMA, 1, "say which kind" },
    { "", 0, TERRIND_ERROR_PARSE, 1, "empty" },
    { "id;operator,territory;person\n", 0, TERRIND_ERROR_PARSE, 1, "both “,” and “;”" },
    { REFERENT_HEADER "r-1,bpifrance,p2-ti-0101,\"Anne\"x\n", 0, TERRIND_ERROR_PARSE, 2,
      "after the closing quote" },
    { REFERENT_HEADER "r-1,bpifrance,p2-ti-0101,\n", 0, TERRIND_ERROR_INVALID_VALUE, 2,
      "<data>:2:4: column “person”: empty, but a referent needs it" },
    { REFERENT_HEADER "r-1,bpifrance,nowhere,Anne\n", 0, TERRIND_ERROR_UNKNOWN_REFERENCE, 2,
      "column “territory”: there is no territory “nowhere”" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gsize length = cases[i].length != 0 ? cases[i].length : strlen (cases[i].csv);
      g_autoptr(GError) error = import_fails (cases[i].csv, length, NULL, cases[i].code,
                                              cases[i].line);

      ck_assert_msg (strstr (error->message, cases[i].words) != NULL,
                     "case %u: expected “%s” in: %s", i, cases[i].words, error->message);
    }
}
END_TEST

/* Three bad rows: refused whole, each reported at its line. */
START_TEST (test_three_bad_rows)
{
  g_autofree char *path = fixture ("referents-three-bad.csv");
  g_autoptr(TerrindRegistry) registry = default_registry ();
  g_autofree char *before = terrind_registry_export_data (registry, NULL, NULL);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  static const int lines[] = { 3, 4, 6 };
  static const char * const columns[] = { "territory", "email", "person" };

  ck_assert (!terrind_registry_import_csv_file (registry, path, kind ("referent"),
                                                TERRIND_CSV_NONE, NULL, NULL, &error));
  ck_assert_ptr_nonnull (error);
  ck_assert_uint_eq (terrind_error_get_n_problems (error), 3);
  for (guint i = 0; i < 3; i++)
    {
      const GError *problem = terrind_error_get_problem (error, i);
      g_autofree char *column = g_strdup_printf ("column “%s”", columns[i]);

      ck_assert_int_eq (terrind_error_get_line (problem), lines[i]);
      ck_assert_str_eq (terrind_error_get_file (problem), path);
      ck_assert_msg (strstr (problem->message, column) != NULL, "%s", problem->message);
    }
  ck_assert_int_eq (terrind_error_get_line (error), 3);
  ck_assert_ptr_null (strstr (error->message, "stopped after"));
  ck_assert_uint_eq (terrind_registry_get_n_referents (registry), 0);
  after = terrind_registry_export_data (registry, NULL, NULL);
  ck_assert_str_eq (before, after);
}
END_TEST

/* A duplicate, against the registry or an earlier row, is one row's
 * problem; REPLACE makes it a replacement. */
START_TEST (test_duplicates_and_replace)
{
  const char *first = REFERENT_HEADER "r-1,bpifrance,p2-ti-0101,Anne\n";
  const char *again = REFERENT_HEADER "r-1,bpifrance,p2-ti-0101,Annie\n"
                      "r-2,business-france,p2-ti-0101,Bob\n";
  const char *moved = REFERENT_HEADER "r-1,bpifrance,p2-ti-0102,Anne\n";
  const char *twice = REFERENT_HEADER "r-9,pole-emploi,p2-ti-0103,A\nr-9,pole-emploi,p2-ti-0101,B\n";
  g_autoptr(TerrindRegistry) registry = import_ok (first, TERRIND_CSV_NONE);
  g_autoptr(GError) error = NULL;
  guint64 n_rows = 0;

  ck_assert (!terrind_registry_import_csv_data (registry, again, strlen (again), NULL,
                                                TERRIND_CSV_NONE, NULL, NULL, &error));
  ck_assert_int_eq (terrind_error_get_line (error), 2);
  terrind_assert_error (error, TERRIND_ERROR_DUPLICATE);
  assert_person (registry, "r-1", "Anne");
  ck_assert_ptr_null (terrind_registry_get_referent (registry, "r-2"));

  ck_assert (terrind_registry_import_csv_data (registry, again, strlen (again), NULL,
                                               TERRIND_CSV_REPLACE, NULL, &n_rows, &error));
  terrind_assert_no_error (error);
  ck_assert_uint_eq (n_rows, 2);
  assert_person (registry, "r-1", "Annie");
  assert_person (registry, "r-2", "Bob");
  /* Replacing by another territory. */
  ck_assert (terrind_registry_import_csv_data (registry, moved, strlen (moved), NULL,
                                               TERRIND_CSV_REPLACE, NULL, NULL, &error));
  terrind_assert_no_error (error);
  ck_assert_str_eq (terrind_referent_get_territory_id (terrind_registry_get_referent (registry,
                                                                                     "r-1")),
                    "p2-ti-0102");
  /* Twice in one file: the second row replaces the first. */
  ck_assert_msg (terrind_registry_import_csv_data (registry, twice, strlen (twice), NULL,
                                                   TERRIND_CSV_REPLACE, NULL, NULL, &error),
                 "%s", error != NULL ? error->message : "");
  terrind_assert_no_error (error);
  assert_person (registry, "r-9", "B");
  ck_assert (!terrind_registry_import_csv_data (registry, twice, strlen (twice), NULL,
                                                TERRIND_CSV_NONE, NULL, NULL, &error));
  terrind_assert_error (error, TERRIND_ERROR_DUPLICATE);
}
END_TEST

/* A convention's row says nothing of its commitments: the convention it
 * replaces keeps them. */
START_TEST (test_replace_keeps_children)
{
  g_autofree char *path = fixture ("conventions-replace.csv");
  g_autoptr(TerrindRegistry) registry = default_registry ();
  g_autoptr(TerrindRegistry) original = default_registry ();
  const char *ids[] = { "conv-2019-bpifrance", "conv-2019-banque-des-territoires" };
  g_autoptr(GError) error = NULL;
  guint64 n_rows = 0;

  ck_assert_msg (terrind_registry_import_csv_file (registry, path, NULL, TERRIND_CSV_REPLACE,
                                                   NULL, &n_rows, &error),
                 "%s", error != NULL ? error->message : "");
  ck_assert_uint_eq (n_rows, 2);
  ck_assert_uint_eq (terrind_registry_count (registry, kind ("commitment")),
                     terrind_registry_count (original, kind ("commitment")));
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      TerrindConvention *before = terrind_registry_get_convention (original, ids[i]);
      TerrindConvention *after = terrind_registry_get_convention (registry, ids[i]);

      ck_assert_uint_gt (terrind_convention_get_n_commitments (before), 0);
      ck_assert_uint_eq (terrind_convention_get_n_commitments (after),
                         terrind_convention_get_n_commitments (before));
      for (guint j = 0; j < terrind_convention_get_n_commitments (before); j++)
        ck_assert (terrind_commitment_equal (terrind_convention_get_commitment (before, j),
                                             terrind_convention_get_commitment (after, j)));
    }
  /* What the rows say did change. */
  ck_assert_str_eq (terrind_convention_get_place (terrind_registry_get_convention (registry,
                                                                                   ids[1])),
                    "Paris");
}
END_TEST

/* An item of a list that leaves out a field it needs is the row's
 * problem, whichever field it is. */
START_TEST (test_item_without_required_field)
{
  g_autofree char *path = fixture ("commitment-target-no-count.csv");
  g_autofree char *csv = NULL;
  gsize length;
  g_autoptr(GError) error = NULL;

  ck_assert (g_file_get_contents (path, &csv, &length, NULL));
  error = import_fails (csv, length, NULL, TERRIND_ERROR_INVALID_VALUE, 2);
  ck_assert_msg (strstr (error->message, "column “targets”: item 2:") != NULL &&
                 strstr (error->message, "“count”") != NULL, "%s", error->message);
}
END_TEST

/* Rows may refer to what earlier rows of the same file added. */
START_TEST (test_infer_kinds)
{
  const char *territories =
    "id,name,region,phase,members\n"
    "t-new,Nouveau territoire,84,2,\n";
  const char *operators = "id,name\nop-new,Nouvel opérateur\n";
  g_autoptr(TerrindRegistry) registry = import_ok (territories, TERRIND_CSV_NONE);
  g_autoptr(GError) error = NULL;

  ck_assert_ptr_nonnull (terrind_registry_get_territory (registry, "t-new"));
  ck_assert (terrind_registry_import_csv_data (registry, operators, strlen (operators), NULL,
                                               TERRIND_CSV_NONE, NULL, NULL, &error));
  terrind_assert_no_error (error);
  ck_assert_ptr_nonnull (terrind_registry_get_operator (registry, "op-new"));
}
END_TEST

/* Every row is checked: max-errors stops the count. */
START_TEST (test_max_errors)
{
  g_autoptr(GString) csv = g_string_new (REFERENT_HEADER);
  g_autoptr(TerrindImportOptions) options = terrind_import_options_new ();
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 50; i++)
    g_string_append_printf (csv, "r-%u,bpifrance,nowhere-%u,Anne\n", i, i);
  error = import_fails (csv->str, csv->len, NULL, TERRIND_ERROR_UNKNOWN_REFERENCE, 2);
  ck_assert_uint_eq (terrind_error_get_n_problems (error), 50);
  ck_assert_ptr_null (strstr (error->message, "stopped after"));
  g_clear_error (&error);

  terrind_import_options_set_max_errors (options, 10);
  error = import_fails (csv->str, csv->len, options, TERRIND_ERROR_UNKNOWN_REFERENCE, 2);
  ck_assert_uint_eq (terrind_error_get_n_problems (error), 10);
  ck_assert_int_eq (terrind_error_get_line (terrind_error_get_problem (error, 9)), 11);
  ck_assert_msg (g_str_has_suffix (error->message, "\n(stopped after 10 problems)"), "%s",
                 error->message);
}
END_TEST

START_TEST (test_limits)
{
  g_autoptr(GString) csv = g_string_new (REFERENT_HEADER);
  g_autoptr(TerrindImportOptions) options = terrind_import_options_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) wide = g_string_new ("id");

  static const char * const operators[] = { "bpifrance", "business-france", "pole-emploi" };

  for (guint i = 0; i < 5; i++)
    g_string_append_printf (csv, "r-%u,%s,p2-ti-010%u,Anne Long-Name\n", i, operators[i % 3],
                            i / 3 + 1);

  terrind_import_options_set_max_elements (options, 4);
  error = import_fails (csv->str, csv->len, options, TERRIND_ERROR_LIMIT_EXCEEDED, 6);
  g_clear_error (&error);
  terrind_import_options_set_max_elements (options, 5);
  {
    g_autoptr(TerrindRegistry) registry = default_registry ();

    ck_assert (terrind_registry_import_csv_data (registry, csv->str, csv->len, NULL,
                                                 TERRIND_CSV_NONE, options, NULL, &error));
  }

  terrind_import_options_set_max_value_length (options, 10);
  error = import_fails (csv->str, csv->len, options, TERRIND_ERROR_LIMIT_EXCEEDED, 2);
  g_clear_error (&error);

  g_clear_pointer (&options, terrind_import_options_unref);
  options = terrind_import_options_new ();
  terrind_import_options_set_max_bytes (options, csv->len - 1);
  error = import_fails (csv->str, csv->len, options, TERRIND_ERROR_LIMIT_EXCEEDED, 0);
  g_clear_error (&error);

  for (guint i = 0; i < 2000; i++)
    g_string_append_c (wide, ',');
  error = import_fails (wide->str, wide->len, NULL, TERRIND_ERROR_LIMIT_EXCEEDED, 1);
  ck_assert_msg (strstr (error->message, "columns") != NULL, "%s", error->message);
}
END_TEST

/* A stream that hands out one byte at a time reads like the whole. */
START_TEST (test_stream_trickle)
{
  g_autofree char *path = fixture ("referents-libreoffice.csv");
  g_autofree char *data = NULL;
  gsize length;
  g_autoptr(TerrindRegistry) registry = default_registry ();
  g_autoptr(GInputStream) memory = NULL;
  g_autoptr(GError) error = NULL;

  ck_assert (g_file_get_contents (path, &data, &length, NULL));
  memory = g_memory_input_stream_new ();
  for (gsize i = 0; i < length; i++)
    g_memory_input_stream_add_data (G_MEMORY_INPUT_STREAM (memory), g_memdup2 (data + i, 1), 1,
                                    g_free);
  ck_assert_msg (terrind_registry_import_csv_stream (registry, memory, "trickle.csv", NULL,
                                                     TERRIND_CSV_NONE, NULL, NULL, NULL,
                                                     &error),
                 "%s", error != NULL ? error->message : "");
  ck_assert_uint_eq (terrind_registry_get_n_referents (registry), 3);
}
END_TEST

START_TEST (test_busy_registry)
{
  g_autoptr(TerrindRegistry) registry = default_registry ();
  g_autoptr(GError) error = NULL;
  g_autoptr(TerrindChangeset) changeset = terrind_changeset_new (registry, &error);
  const char *csv = REFERENT_HEADER "r-1,bpifrance,p2-ti-0101,Anne\n";

  terrind_assert_no_error (error);
  ck_assert (!terrind_registry_import_csv_data (registry, csv, strlen (csv), NULL,
                                                TERRIND_CSV_NONE, NULL, NULL, &error));
  terrind_assert_error (error, TERRIND_ERROR_IN_USE);
}
END_TEST

START_TEST (test_missing_file)
{
  g_autoptr(TerrindRegistry) registry = default_registry ();
  g_autoptr(GError) error = NULL;

  ck_assert (!terrind_registry_import_csv_file (registry, "/nonexistent/x.csv", NULL,
                                                TERRIND_CSV_NONE, NULL, NULL, &error));
  ck_assert_str_eq (terrind_error_get_file (error), "/nonexistent/x.csv");
  terrind_assert_error (error, TERRIND_ERROR_IO);
}
END_TEST

static Suite *
csv_import_suite (void)
{
  Suite *suite = suite_create ("csv-import");
  TCase *tc = tcase_create ("csv-import");

  tcase_add_test (tc, test_libreoffice_referents);
  tcase_add_test (tc, test_dialects);
  tcase_add_test (tc, test_quoted_newlines);
  tcase_add_test (tc, test_forced_separator);
  tcase_add_test (tc, test_refusals);
  tcase_add_test (tc, test_three_bad_rows);
  tcase_add_test (tc, test_duplicates_and_replace);
  tcase_add_test (tc, test_replace_keeps_children);
  tcase_add_test (tc, test_item_without_required_field);
  tcase_add_test (tc, test_infer_kinds);
  tcase_add_test (tc, test_max_errors);
  tcase_add_test (tc, test_limits);
  tcase_add_test (tc, test_stream_trickle);
  tcase_add_test (tc, test_busy_registry);
  tcase_add_test (tc, test_missing_file);
  suite_add_tcase (suite, tc);
  return suite;
}

int
main (void)
{
  return terrind_test_run (csv_import_suite ());
}
