/* terrind-validate.c: the value rules every entity enforces
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Values come from files and from bindings, so every rule assumes the value
 * is hostile: messages quote values through terrind_quote(), escaped and
 * cut short, so an error message is always one line of inert text.
 *
 * The setters and the importer apply these same rules, and the rules for
 * free text are exactly what the XML format can carry back: a registry that
 * saves must load.
 */

#include "config.h"

#include <string.h>

#include "terrind-error.h"
#include "terrind-import-options-private.h"
#include "terrind-quote-private.h"
#include "terrind-validate-private.h"

static gboolean
invalid (GError    **error,
         const char *what,
         const char *value,
         const char *why)
{
  g_autofree char *quoted = value != NULL ? terrind_quote (value) : NULL;

  if (quoted != NULL)
    g_set_error (error, TERRIND_ERROR, TERRIND_ERROR_INVALID_VALUE,
                 "invalid %s %s: %s", what, quoted, why);
  else
    g_set_error (error, TERRIND_ERROR, TERRIND_ERROR_INVALID_VALUE,
                 "invalid %s: %s", what, why);
  return FALSE;
}

/* Table entries for the ASCII letters and digits, which ids and e-mail
 * addresses share. */
#define ASCII_LETTERS_AND_DIGITS \
  ['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1, ['4'] = 1, \
  ['5'] = 1, ['6'] = 1, ['7'] = 1, ['8'] = 1, ['9'] = 1, \
  ['A'] = 1, ['B'] = 1, ['C'] = 1, ['D'] = 1, ['E'] = 1, ['F'] = 1, ['G'] = 1, \
  ['H'] = 1, ['I'] = 1, ['J'] = 1, ['K'] = 1, ['L'] = 1, ['M'] = 1, ['N'] = 1, \
  ['O'] = 1, ['P'] = 1, ['Q'] = 1, ['R'] = 1, ['S'] = 1, ['T'] = 1, ['U'] = 1, \
  ['V'] = 1, ['W'] = 1, ['X'] = 1, ['Y'] = 1, ['Z'] = 1, \
  ['a'] = 1, ['b'] = 1, ['c'] = 1, ['d'] = 1, ['e'] = 1, ['f'] = 1, ['g'] = 1, \
  ['h'] = 1, ['i'] = 1, ['j'] = 1, ['k'] = 1, ['l'] = 1, ['m'] = 1, ['n'] = 1, \
  ['o'] = 1, ['p'] = 1, ['q'] = 1, ['r'] = 1, ['s'] = 1, ['t'] = 1, ['u'] = 1, \
  ['v'] = 1, ['w'] = 1, ['x'] = 1, ['y'] = 1, ['z'] = 1

/* The bytes an id may hold: ASCII letters, digits, ".", "_" and "-". A
 * table, because every referent has three ids to check. */
static const guint8 id_bytes[256] = {
  ['-'] = 1, ['.'] = 1, ['_'] = 1,
  ASCII_LETTERS_AND_DIGITS,
};

gboolean
terrind_validate_id (const char  *id,
                     const char  *what,
                     GError     **error)
{
  gsize length;

  if (id == NULL || *id == '\0')
    return invalid (error, what, NULL, "it must not be empty");

  for (length = 0; id[length] != '\0'; length++)
    {
      char c = id[length];

      if (!id_bytes[(guchar) c])
        return invalid (error, what, id,
                        "only ASCII letters, digits, “.”, “_” and “-” are allowed");
      if (length >= TERRIND_ID_MAX_LENGTH)
        return invalid (error, what, id, "it is longer than 128 characters");
    }
  return TRUE;
}

/* Control characters (C0, DEL and C1: U+009B is a CSI on a terminal)
 * break one-line output (CSV, tables, logs) and are a classic way to
 * smuggle terminal escapes; line separators and bidirectional overrides
 * change what a reader sees; U+FFFE and U+FFFF cannot be written in XML at
 * all, and the other non-characters are not for interchange. Free text
 * (commitment texts) may hold tabs and newlines, which the format carries.
 *
 * The importer refuses, by default, a value longer than its limit; the
 * setters refuse the same, so that what a program builds can be saved and
 * loaded again with the default options.
 *
 * Every name of a large import passes here, so one pass finds whether the
 * value is valid UTF-8, its first unsafe character and its length: each
 * pass over a value costs a mispredicted branch at its end. Almost every
 * byte is printable ASCII, taken as it is. The letters of French and of
 * most European languages take two bytes (U+0080 to U+07FF), where the
 * only unsafe characters are the C1 controls (U+0080 to U+009F, "\xc2\x80"
 * to "\xc2\x9f"): those are checked from their bytes. Anything longer
 * goes through g_utf8_get_char_validated(), which refuses exactly what
 * g_utf8_validate() refuses (overlong forms, surrogates, beyond U+10FFFF,
 * a sequence cut short), and terrind_unichar_is_unsafe(). */
static gboolean
check_text (const char  *text,
            const char  *what,
            gboolean     allow_tab_newline,
            GError     **error)
{
  const guchar *p = (const guchar *) text;
  gunichar c = 0;  /* the first unsafe character */

  for (;;)
    {
      guchar lead = *p;
      gunichar decoded;

      if (lead >= 0x20 && lead < 0x7f)
        {
          p++;
          continue;
        }
      if (lead == '\0')
        break;
      if (lead < 0x80)
        {
          /* C0 controls and DEL */
          if (c == 0 && !(allow_tab_newline && (lead == '\t' || lead == '\n')))
            c = lead;
          p++;
          continue;
        }
      if (lead >= 0xc2 && lead < 0xe0 && (p[1] & 0xc0) == 0x80)
        {
          /* U+0080 to U+009F are "\xc2" followed by their own code */
          if (c == 0 && lead == 0xc2 && p[1] < 0xa0)
            c = p[1];
          p += 2;
          continue;
        }
      decoded = g_utf8_get_char_validated ((const char *) p, -1);
      if (decoded == (gunichar) -1 || decoded == (gunichar) -2)
        return invalid (error, what, NULL, "it is not valid UTF-8");
      if (c == 0 && terrind_unichar_is_unsafe (decoded))
        c = decoded;
      p += g_utf8_skip[lead];
    }
  if ((gsize) ((const char *) p - text) > TERRIND_IMPORT_DEFAULT_MAX_VALUE_LENGTH)
    {
      g_autofree char *why = g_strdup_printf ("it is longer than the limit of %u bytes",
                                              (guint) TERRIND_IMPORT_DEFAULT_MAX_VALUE_LENGTH);
      return invalid (error, what, NULL, why);
    }
  if (c != 0)
    {
      g_autofree char *why = g_strdup_printf ("it contains the character U+%04X%s", (guint) c,
                                              g_unichar_iscntrl (c)
                                              ? ", a control character" : "");
      return invalid (error, what, allow_tab_newline ? NULL : text, why);
    }
  return TRUE;
}

gboolean
terrind_validate_optional_name (const char  *name,
                                const char  *what,
                                GError     **error)
{
  if (name == NULL)
    return TRUE;
  return check_text (name, what, FALSE, error);
}

gboolean
terrind_validate_name (const char  *name,
                       const char  *what,
                       GError     **error)
{
  if (name == NULL || *name == '\0')
    return invalid (error, what, NULL, "it must not be empty");
  return terrind_validate_optional_name (name, what, error);
}

gboolean
terrind_validate_text (const char  *text,
                       const char  *what,
                       GError     **error)
{
  if (text == NULL || *text == '\0')
    return invalid (error, what, NULL, "it must not be empty");
  return check_text (text, what, TRUE, error);
}

static gboolean
all_digits (const char *s,
            gsize       n)
{
  for (gsize i = 0; i < n; i++)
    if (!g_ascii_isdigit (s[i]))
      return FALSE;
  return TRUE;
}

/* The number @n ASCII digits spell. */
static guint
digits_value (const char *s,
              gsize       n)
{
  guint value = 0;

  for (gsize i = 0; i < n; i++)
    value = value * 10 + (guint) (s[i] - '0');
  return value;
}

gboolean
terrind_validate_date (const char  *date,
                       const char  *what,
                       GError     **error)
{
  guint year, month, day;

  if (date == NULL || strlen (date) != 10 || date[4] != '-' || date[7] != '-' ||
      !all_digits (date, 4) || !all_digits (date + 5, 2) || !all_digits (date + 8, 2))
    return invalid (error, what, date, "a date is written YYYY-MM-DD");

  /* The digits are checked above: no strtoull() (and its locale) needed. */
  year = digits_value (date, 4);
  month = digits_value (date + 5, 2);
  day = digits_value (date + 8, 2);
  if (year < 1 || month < 1 || month > 12 || day < 1 ||
      !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return invalid (error, what, date, "no such day in the calendar");
  return TRUE;
}

/* The SIREN's tenth-less Luhn checksum: doubling every second digit from
 * the right. */
static gboolean
luhn_valid (const char *digits)
{
  guint sum = 0;
  gsize n = strlen (digits);

  for (gsize i = 0; i < n; i++)
    {
      guint d = (guint) (digits[n - 1 - i] - '0');

      if (i % 2 == 1)
        {
          d *= 2;
          if (d > 9)
            d -= 9;
        }
      sum += d;
    }
  return sum % 10 == 0;
}

gboolean
terrind_validate_siren (const char  *siren,
                        GError     **error)
{
  if (siren == NULL || strlen (siren) != 9 || !all_digits (siren, 9))
    return invalid (error, "SIREN", siren, "a SIREN is exactly 9 digits");
  if (!luhn_valid (siren))
    return invalid (error, "SIREN", siren, "its check digit is wrong");
  return TRUE;
}

/* The bytes an address may hold besides its "@": printable ASCII without
 * spaces and without the specials of RFC 5322. A table, because this runs
 * for every byte of every address of a large import. */
static const guint8 email_bytes[256] = {
  ['!'] = 1, ['#'] = 1, ['$'] = 1, ['%'] = 1, ['&'] = 1, ['\''] = 1, ['*'] = 1,
  ['+'] = 1, ['-'] = 1, ['.'] = 1, ['/'] = 1, ['='] = 1, ['?'] = 1, ['^'] = 1,
  ['_'] = 1, ['`'] = 1, ['{'] = 1, ['|'] = 1, ['}'] = 1, ['~'] = 1,
  ASCII_LETTERS_AND_DIGITS,
};

gboolean
terrind_validate_email (const char  *email,
                        GError     **error)
{
  const char *at = NULL, *last_dot = NULL;
  gboolean second_at = FALSE, bad_byte = FALSE, double_dot = FALSE;
  gsize length;

  if (email == NULL || *email == '\0')
    return invalid (error, "e-mail address", NULL, "it must not be empty");

  /* One pass over the address finds what the rules below need: its
   * length, its "@", the last dot of its domain, and whether it has a
   * byte it may not hold, a second "@" or two dots in a row in the domain.
   * Every pass costs a mispredicted branch at its end, and this runs for
   * every address of a large import. */
  for (length = 0; email[length] != '\0'; length++)
    {
      guchar c = (guchar) email[length];

      if (G_UNLIKELY (c == '@'))
        {
          if (at != NULL)
            second_at = TRUE;
          else
            at = email + length;
        }
      else if (G_UNLIKELY (!email_bytes[c]))
        bad_byte = TRUE;
      else if (c == '.' && at != NULL)
        {
          double_dot = double_dot || email[length - 1] == '.';
          last_dot = email + length;
        }
    }

  if (length > 254)
    return invalid (error, "e-mail address", email, "it is longer than 254 characters");
  if (at == NULL || at == email || second_at)
    return invalid (error, "e-mail address", email, "it must read local-part@domain");
  if (bad_byte)
    return invalid (error, "e-mail address", email,
                    "it may only contain printable ASCII characters without spaces");
  if (last_dot == NULL || last_dot == at + 1 || last_dot[1] == '\0' || double_dot ||
      at[1] == '.')
    return invalid (error, "e-mail address", email,
                    "its domain must have a dot, like example.fr");
  return TRUE;
}

/* What each byte may be in a phone number: a digit, one of the allowed
 * separators, or nothing (0). */
enum { PHONE_DIGIT = 1, PHONE_SEPARATOR = 2 };
static const guint8 phone_bytes[256] = {
  ['0'] = PHONE_DIGIT, ['1'] = PHONE_DIGIT, ['2'] = PHONE_DIGIT, ['3'] = PHONE_DIGIT,
  ['4'] = PHONE_DIGIT, ['5'] = PHONE_DIGIT, ['6'] = PHONE_DIGIT, ['7'] = PHONE_DIGIT,
  ['8'] = PHONE_DIGIT, ['9'] = PHONE_DIGIT,
  [' '] = PHONE_SEPARATOR, ['+'] = PHONE_SEPARATOR, ['.'] = PHONE_SEPARATOR,
  ['-'] = PHONE_SEPARATOR, ['('] = PHONE_SEPARATOR, [')'] = PHONE_SEPARATOR,
};

gboolean
terrind_validate_phone (const char  *phone,
                        GError     **error)
{
  guint digits = 0;
  gsize length = 0;
  gboolean refused = FALSE;

  if (phone == NULL || *phone == '\0')
    return invalid (error, "phone number", NULL, "it must not be empty");

  /* Without a branch per byte: numbers alternate digits and spaces. */
  for (const char *p = phone; *p != '\0'; p++, length++)
    {
      guint8 class = phone_bytes[(guchar) *p];

      digits += class == PHONE_DIGIT;
      refused |= class == 0;
    }
  if (refused)
    return invalid (error, "phone number", phone,
                    "only digits, spaces and + . - ( ) are allowed");
  if (digits < 4 || length > 32)
    return invalid (error, "phone number", phone,
                    "it must have at least 4 digits and at most 32 characters");
  return TRUE;
}

gboolean
terrind_validate_department_code (const char  *code,
                                  GError     **error)
{
  gsize length = code != NULL ? strlen (code) : 0;

  if (length < 1 || length > 3)
    return invalid (error, "department code", code, "it is 1 to 3 characters, like 74, 2A or 971");
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isdigit (code[i]) && code[i] != 'A' && code[i] != 'B')
      return invalid (error, "department code", code, "it is made of digits, A or B");
  return TRUE;
}

gboolean
terrind_validate_year (guint        year,
                       const char  *what,
                       GError     **error)
{
  if (year < 1900 || year > 2200)
    {
      g_set_error (error, TERRIND_ERROR, TERRIND_ERROR_INVALID_VALUE,
                   "invalid %s %u: years run from 1900 to 2200", what, year);
      return FALSE;
    }
  return TRUE;
}


void
terrind_replace_string (char       **field,
                        const char  *value)
{
  char *copy = g_strdup (value);

  g_free (*field);
  *field = copy;
}

gboolean
terrind_string_arrays_equal (GPtrArray *a,
                             GPtrArray *b)
{
  guint na = a != NULL ? a->len : 0;
  guint nb = b != NULL ? b->len : 0;

  if (na != nb)
    return FALSE;
  for (guint i = 0; i < na; i++)
    if (g_strcmp0 (g_ptr_array_index (a, i), g_ptr_array_index (b, i)) != 0)
      return FALSE;
  return TRUE;
}

gint
terrind_string_array_find (GPtrArray  *array,
                           const char *value)
{
  if (array == NULL)
    return -1;
  for (guint i = 0; i < array->len; i++)
    if (g_str_equal (g_ptr_array_index (array, i), value))
      return (gint) i;
  return -1;
}
