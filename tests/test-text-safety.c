/* test-text-safety.c: values and messages that can be trusted on a terminal
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Three rules, each checked over every setter that takes free text:
 *   - a name or text never holds a control character (C0, DEL, C1), a
 *     line separator, a bidirectional override or a non-character;
 *   - whatever a setter accepts, the registry saves and loads back equal;
 *   - an error message is one line of inert text, whatever it quotes.
 */

#include "config.h"

#include <string.h>

#include "terrind-test-util.h"

/* Every setter of the model that takes a name or a text, applied to the
 * one entity of its kind in the fixture registry. */
typedef enum {
  FIELD_REGION_NAME,
  FIELD_TERRITORY_NAME,
  FIELD_OPERATOR_NAME,
  FIELD_OPERATOR_KIND,
  FIELD_OPERATOR_RENAME,
  FIELD_FORMER_NAME,
  FIELD_CONVENTION_PLACE,
  FIELD_CONVENTION_TITLE,
  FIELD_SIGNATORY_NAME,
  FIELD_SIGNATORY_ROLE,
  FIELD_COMMITMENT_TEXT,
  FIELD_COMMITMENT_THEME,
  FIELD_REFERENT_PERSON,
  FIELD_REFERENT_ROLE,
  N_FIELDS
} Field;

static gboolean
set_field (TerrindRegistry *registry,
           Field            field,
           const char      *value,
           GError         **error)
{
  TerrindConvention *convention = terrind_registry_get_convention (registry, "conv-bpi");
  TerrindOperator *op = terrind_registry_get_operator (registry, "bpifrance");
  TerrindCommitment *commitment = terrind_registry_get_commitment (registry, "bpi-access");
  TerrindReferent *referent = terrind_registry_get_referent (registry, "ref-1");

  switch (field)
    {
    case FIELD_REGION_NAME:
      return terrind_region_set_name (terrind_registry_get_region (registry, "84"), value, error);
    case FIELD_TERRITORY_NAME:
      return terrind_territory_set_name (terrind_registry_get_territory (registry, "ti-a"),
                                         value, error);
    case FIELD_OPERATOR_NAME:      return terrind_operator_set_name (op, value, error);
    case FIELD_OPERATOR_KIND:      return terrind_operator_set_kind (op, value, error);
    case FIELD_OPERATOR_RENAME:    return terrind_operator_rename (op, value, "2024-01-01", error);
    case FIELD_FORMER_NAME:
      return terrind_operator_add_former_name (op, value, "2020-01-01", error);
    case FIELD_CONVENTION_PLACE:   return terrind_convention_set_place (convention, value, error);
    case FIELD_CONVENTION_TITLE:   return terrind_convention_set_title (convention, value, error);
    case FIELD_SIGNATORY_NAME:
      return terrind_convention_add_signatory (convention, value, NULL, error);
    case FIELD_SIGNATORY_ROLE:
      return terrind_convention_add_signatory (convention, "Jeanne Martin", value, error);
    case FIELD_COMMITMENT_TEXT:    return terrind_commitment_set_text (commitment, value, error);
    case FIELD_COMMITMENT_THEME:   return terrind_commitment_add_theme (commitment, value, error);
    case FIELD_REFERENT_PERSON:    return terrind_referent_set_person (referent, value, error);
    case FIELD_REFERENT_ROLE:      return terrind_referent_set_role (referent, value, error);
    case N_FIELDS:
    default:
      break;
    }
  g_assert_not_reached ();
}

static gboolean
field_is_text (Field field)
{
  return field == FIELD_COMMITMENT_TEXT;
}

/* TRUE when @message holds nothing a terminal would act on. */
static gboolean
is_one_inert_line (const char *message)
{
  if (!g_utf8_validate (message, -1, NULL))
    return FALSE;
  for (const char *p = message; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == 0x2028 || c == 0x2029 ||
          (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069))
        return FALSE;
    }
  return TRUE;
}

/* Characters no name or text may hold, tab and newline aside. */
static const char *const unsafe_values[] = {
  "CSI \xc2\x9b" "31m red",          /* U+009B: a terminal's CSI */
  "next line \xc2\x85 here",         /* U+0085 NEL */
  "C1 \xc2\x80 first",
  "C1 \xc2\x9f last",
  "escape \x1b[2J",
  "delete \x7f",
  "carriage\rreturn",
  "nul-free but \x01 SOH",
  "non-character \xef\xbf\xbe",      /* U+FFFE */
  "non-character \xef\xbf\xbf",      /* U+FFFF */
  "non-character \xef\xb7\x90",      /* U+FDD0 */
  "plane 1 \xf0\x9f\xbf\xbf",        /* U+1FFFF */
  "override \xe2\x80\xae" "txt.exe", /* U+202E */
  "isolate \xe2\x81\xa6 x",          /* U+2066 */
  "line \xe2\x80\xa8 separator",     /* U+2028 */
  "paragraph \xe2\x80\xa9 separator",
};

START_TEST (test_unsafe_characters_refused)
{
  for (Field field = 0; field < N_FIELDS; field++)
    for (gsize i = 0; i < G_N_ELEMENTS (unsafe_values); i++)
      {
        g_autoptr(TerrindRegistry) registry = terrind_test_fixture_registry ();
        g_autofree char *before = terrind_test_dump_registry (registry);
        g_autofree char *after = NULL;
        g_autoptr(GError) error = NULL;

        ck_assert_msg (!set_field (registry, field, unsafe_values[i], &error),
                       "field %d accepted value %" G_GSIZE_FORMAT, field, i);
        ck_assert_msg (is_one_inert_line (error->message), "message not inert: %s",
                       error->message);
        terrind_assert_error (error, TERRIND_ERROR_INVALID_VALUE);
        after = terrind_test_dump_registry (registry);
        ck_assert_str_eq (before, after);
      }
}
END_TEST

START_TEST (test_tab_and_newline_only_in_texts)
{
  for (Field field = 0; field < N_FIELDS; field++)
    {
      g_autoptr(TerrindRegistry) registry = terrind_test_fixture_registry ();
      g_autoptr(GError) error = NULL;
      gboolean ok = set_field (registry, field, "two\tcolumns\nand lines", &error);

      ck_assert_msg (ok == field_is_text (field), "field %d: %s", field,
                     error != NULL ? error->message : "accepted");
    }
}
END_TEST

static GString *
repeated (const char *unit,
          gsize       bytes)
{
  GString *out = g_string_new (NULL);

  while (out->len + strlen (unit) <= bytes)
    g_string_append (out, unit);
  return out;
}

/* What a setter accepts, the registry saves, and what it saves, it loads
 * back equal (with the default import options). */
START_TEST (test_what_sets_saves_and_loads)
{
  g_autoptr(GString) at_limit = repeated ("a", 65536);
  g_autoptr(GString) over_limit = repeated ("a", 65537);
  g_autoptr(GString) escapes_at_limit = repeated ("\"&<>'", 65535);
  g_autoptr(GString) accents_at_limit = repeated ("\xc3\xa9", 65536);
  const char *values[] = {
    "Auvergne-Rh\xc3\xb4ne-Alpes",
    "  leading and trailing  ",
    "quotes \" ' & < > ]]> -->",
    "\xef\xbf\xbd replacement, \xf0\x9f\x8f\xad emoji, \xe2\x80\x8f mark",
    "\xef\xbf\xbd",
    /* The first and the last two-byte characters after the C1 controls:
     * U+00A0 (no-break space) and U+07FF. */
    "no\xc2\xa0" "break, \xdf\xbf last",
    "tab\tin text",
    "new\nline\n",
    at_limit->str,
    over_limit->str,
    escapes_at_limit->str,
    accents_at_limit->str,
  };
  guint accepted = 0;

  for (Field field = 0; field < N_FIELDS; field++)
    for (gsize i = 0; i < G_N_ELEMENTS (values); i++)
      {
        g_autoptr(TerrindRegistry) registry = terrind_test_fixture_registry ();
        g_autoptr(TerrindRegistry) loaded = terrind_registry_new ();
        g_autoptr(GError) error = NULL;
        g_autofree char *saved = NULL;
        gsize length = 0;

        if (!set_field (registry, field, values[i], &error))
          {
            ck_assert_msg (values[i] == over_limit->str || strchr (values[i], '\t') != NULL ||
                           strchr (values[i], '\n') != NULL,
                           "field %d refused value %" G_GSIZE_FORMAT ": %s",
                           field, i, error->message);
            ck_assert_msg (is_one_inert_line (error->message), "message not inert");
            continue;
          }
        accepted++;
        saved = terrind_registry_export_data (registry, &length, &error);
        terrind_assert_no_error (error);
        ck_assert_msg (terrind_registry_import_data (loaded, saved, length, NULL, &error),
                       "field %d value %" G_GSIZE_FORMAT " saved but does not load: %s",
                       field, i, error != NULL ? error->message : "");
        ck_assert_msg (terrind_registry_equal (registry, loaded),
                       "field %d value %" G_GSIZE_FORMAT " loads back different", field, i);
      }
  ck_assert_uint_gt (accepted, N_FIELDS * 8);
}
END_TEST

/* What a name may hold, as the rules say it, one character at a time:
 * valid UTF-8, and none of the characters of unsafe_values[]. */
static gboolean
reference_accepts (const char *value,
                   gboolean    is_text)
{
  if (*value == '\0' || !g_utf8_validate (value, -1, NULL))
    return FALSE;
  for (const char *p = value; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_text && (c == '\t' || c == '\n'))
        continue;
      if (g_unichar_iscntrl (c) || c == 0x2028 || c == 0x2029 ||
          (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) ||
          (c & 0xfffe) == 0xfffe || (c >= 0xfdd0 && c <= 0xfdef))
        return FALSE;
    }
  return TRUE;
}

/* The rules are checked in one pass over the bytes (terrind-validate.c):
 * random short byte strings, biased towards the bytes where UTF-8 and the
 * rules have their edges, are accepted exactly when the rules say. */
START_TEST (test_random_bytes_follow_the_rules)
{
  static const guchar edges[] = {
    0x01, 0x09, 0x0a, 0x1f, 0x20, 0x41, 0x7e, 0x7f, 0x80, 0x85, 0x90, 0x9f, 0xa0, 0xa8,
    0xae, 0xb7, 0xbe, 0xbf, 0xc0, 0xc1, 0xc2, 0xc3, 0xdf, 0xe0, 0xe2, 0xed, 0xef, 0xf0,
    0xf4, 0xf5, 0xf8, 0xfc, 0xfe, 0xff,
  };
  g_autoptr(TerrindRegistry) registry = terrind_test_fixture_registry ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);

  for (guint i = 0; i < 20000; i++)
    {
      char value[16];
      gint length = g_rand_int_range (rand, 1, (gint) sizeof value);
      Field field = i % 2 == 0 ? FIELD_REFERENT_PERSON : FIELD_COMMITMENT_TEXT;
      g_autoptr(GError) error = NULL;

      for (gint j = 0; j < length; j++)
        value[j] = (char) (g_rand_boolean (rand)
                           ? edges[g_rand_int_range (rand, 0, G_N_ELEMENTS (edges))]
                           : g_rand_int_range (rand, 1, 256));
      value[length] = '\0';
      ck_assert_msg (set_field (registry, field, value, &error) ==
                     reference_accepts (value, field_is_text (field)),
                     "value %u: %s", i, error != NULL ? error->message : "accepted");
    }
}
END_TEST

/* Ids and codes are quoted too, before they are known to be valid. */
START_TEST (test_messages_escape_what_they_quote)
{
  static const char *const hostile[] = {
    "ti\n84: valid (149 territories)",
    "ti\r\x1b[2K",
    "tab\there",
    "del\x7f",
    "csi\xc2\x9b" "2J",
    "bad\xff" "utf8",
    "back\\slash",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (hostile); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(TerrindTerritory) territory = terrind_territory_new (hostile[i], "Name", "84", &error);
      g_autoptr(TerrindRegistry) registry = terrind_test_fixture_registry ();
      g_autoptr(GError) lookup_error = NULL;

      ck_assert_ptr_null (territory);
      ck_assert_msg (is_one_inert_line (error->message), "not inert: %s", error->message);
      ck_assert_ptr_nonnull (strstr (error->message, "“"));
      terrind_assert_error (error, TERRIND_ERROR_INVALID_VALUE);

      ck_assert (!terrind_registry_remove_territory (registry, hostile[i], TERRIND_REMOVE_NONE,
                                                     &lookup_error));
      ck_assert_msg (is_one_inert_line (lookup_error->message), "not inert: %s",
                     lookup_error->message);
    }

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(TerrindTerritory) territory =
      terrind_territory_new ("ti\nforged", "Name", "84", &error);

    ck_assert_ptr_nonnull (strstr (error->message, "“ti\\nforged”"));
  }
}
END_TEST

/* A file that cannot be opened has no line or column to blame, and its
 * name is shown escaped while the error's field keeps it as it is. */
START_TEST (test_file_names_in_messages)
{
  g_autoptr(TerrindRegistry) registry = terrind_registry_new ();
  g_autoptr(GError) error = NULL;
  const char *path = "/nonexistent/dir/a\nfake.xml:1:1: valid";

  ck_assert (!terrind_registry_import_file (registry, path, NULL, &error));
  ck_assert_str_eq (terrind_error_get_file (error), path);
  ck_assert_int_eq (terrind_error_get_line (error), 0);
  ck_assert_msg (is_one_inert_line (error->message), "not inert: %s", error->message);
  ck_assert (g_str_has_prefix (error->message, "/nonexistent/dir/a\\nfake.xml:1:1: valid: "));
  ck_assert_ptr_null (strstr (error->message, ":0:0"));
  terrind_assert_error (error, TERRIND_ERROR_IO);
}
END_TEST

static GError *
import_error (const char *document,
              gsize       length)
{
  g_autoptr(TerrindRegistry) registry = terrind_registry_new ();
  GError *error = NULL;

  ck_assert (!terrind_registry_import_data (registry, document, length, NULL, &error));
  ck_assert_ptr_nonnull (error);
  ck_assert_msg (is_one_inert_line (error->message), "not inert: %s", error->message);
  return error;
}

#define HEAD "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" \
             "<registry xmlns=\"urn:libterrind:registry\" version=\"1\">\n"

/* Every way a document can be cut inside markup is called truncated, at
 * the place the cut markup starts. */
START_TEST (test_truncated_inside_markup)
{
  static const char *const cut[] = {
    HEAD "  <regions>\n    <regi",
    HEAD "  <regions>\n    <region code=\"84\" name=\"Auv",
    HEAD "  <regions>\n    <region code=\"84\"",
    HEAD "  <regions>\n    <!-- a comment",
    HEAD "  <regions>\n    </regi",
    HEAD "  <regions>\n    <",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cut); i++)
    {
      g_autoptr(GError) error = import_error (cut[i], strlen (cut[i]));

      ck_assert_msg (strstr (error->message, "truncated") != NULL, "%s", error->message);
      ck_assert_ptr_null (strstr (error->message, "unexpected"));
      ck_assert_int_eq (terrind_error_get_line (error), 4);
      ck_assert_int_eq (terrind_error_get_column (error), 5);
      terrind_assert_error (error, TERRIND_ERROR_PARSE);
    }
}
END_TEST

START_TEST (test_not_xml_at_all)
{
  static const char *const inputs[] = {
    "hello world\n",
    "\x01\x02\x03 binary",
    "{\"json\": true}",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autoptr(GError) error = import_error (inputs[i], strlen (inputs[i]));

      ck_assert_ptr_null (strstr (error->message, "Document is empty"));
      ck_assert_msg (strstr (error->message, "not an XML document") != NULL, "%s",
                     error->message);
      terrind_assert_error (error, TERRIND_ERROR_PARSE);
    }
}
END_TEST

/* A value past libxml2's own cap (10 MB) is refused for the limit, before
 * the parser says "internal error: Huge input lookup". */
START_TEST (test_value_past_parser_cap)
{
  g_autoptr(GString) document = g_string_new (HEAD "  <regions>\n    <region code=\"84\" name=\"");
  g_autoptr(GError) error = NULL;

  while (document->len < 12 * 1024 * 1024)
    g_string_append (document, "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
  g_string_append (document, "\"/>\n  </regions>\n</registry>\n");
  error = import_error (document->str, document->len);
  ck_assert_ptr_null (strstr (error->message, "internal error"));
  ck_assert_int_eq (terrind_error_get_line (error), 4);
  terrind_assert_error (error, TERRIND_ERROR_LIMIT_EXCEEDED);
}
END_TEST

/* The importer and the setters apply one rule: C1 in a file is refused. */
START_TEST (test_import_refuses_what_setters_refuse)
{
  static const char document[] =
    HEAD "  <regions>\n    <region code=\"84\" name=\"A\xc2\x9b" "31mB\"/>\n  </regions>\n"
    "  <operators/>\n  <territories/>\n  <conventions/>\n  <referents/>\n</registry>\n";
  g_autoptr(GError) error = import_error (document, strlen (document));

  ck_assert_ptr_nonnull (strstr (error->message, "\\u{009B}"));
  ck_assert_int_eq (terrind_error_get_line (error), 4);
  terrind_assert_error (error, TERRIND_ERROR_INVALID_VALUE);
}
END_TEST

/* Kinds are named with their article right. */
START_TEST (test_duplicate_message_grammar)
{
  g_autoptr(TerrindRegistry) registry = terrind_test_fixture_registry ();
  g_autoptr(TerrindOperator) op = terrind_operator_new ("bpifrance", "Again", NULL);
  g_autoptr(GError) error = NULL;

  ck_assert (!terrind_registry_add_operator (registry, op, &error));
  ck_assert_msg (strstr (error->message, "a operator") == NULL, "%s", error->message);
  terrind_assert_error (error, TERRIND_ERROR_DUPLICATE);
}
END_TEST

static Suite *
text_safety_suite (void)
{
  Suite *suite = suite_create ("text-safety");
  TCase *tc = tcase_create ("text-safety");

  tcase_add_test (tc, test_unsafe_characters_refused);
  tcase_add_test (tc, test_tab_and_newline_only_in_texts);
  tcase_add_test (tc, test_what_sets_saves_and_loads);
  tcase_add_test (tc, test_random_bytes_follow_the_rules);
  tcase_add_test (tc, test_messages_escape_what_they_quote);
  tcase_add_test (tc, test_file_names_in_messages);
  tcase_add_test (tc, test_truncated_inside_markup);
  tcase_add_test (tc, test_not_xml_at_all);
  tcase_add_test (tc, test_value_past_parser_cap);
  tcase_add_test (tc, test_import_refuses_what_setters_refuse);
  tcase_add_test (tc, test_duplicate_message_grammar);
  suite_add_tcase (suite, tc);
  return suite;
}

int
main (void)
{
  return terrind_test_run (text_safety_suite ());
}
