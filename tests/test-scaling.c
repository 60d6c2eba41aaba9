/* test-scaling.c: lists as long as an input can make them
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * A file of 34 MB may give one territory a million members, one convention
 * hundreds of thousands of commitments, one commitment as many themes. Each
 * test here builds such a list the way that hurts a list kept in order by
 * insertion in place (descending keys) or checked for duplicates by a scan,
 * and then checks what the API promises: the order of the index-based
 * getters, lookups, duplicates refused, removals.
 *
 * Nothing measures time. What fails a quadratic implementation is Check's
 * per-test timeout (TIMEOUT below): at these sizes one takes minutes, a
 * linear one a second. Only a forked test has a timeout; without fork (as
 * under "make check-valgrind") the lists are shorter, since the size then
 * proves nothing and valgrind runs everything forty times slower, but
 * every code path (short and indexed lists, holes, merges) still runs.
 */

#include "config.h"

#include <string.h>

#include "terrind-test-siren.h"
#include "terrind-test-util.h"

/* Seconds per test case (times CK_TIMEOUT_MULTIPLIER under sanitizers). */
#define TIMEOUT 20

/* Every ck_assert() tells the parent process where the test is, through a
 * pipe: a million of them cost more than the work they check. Loops over a
 * whole list check with this, which calls Check only to fail. */
#define require(condition, ...)                                               \
  G_STMT_START {                                                              \
    if (G_UNLIKELY (!(condition)))                                            \
      ck_abort_msg (__VA_ARGS__);                                             \
  } G_STMT_END

static guint
large (void)
{
  return terrind_test_forks () ? 1000000 : 30000;
}

static guint
medium (void)
{
  return terrind_test_forks () ? 200000 : 10000;
}

static void
make_id (const char *prefix,
         guint       serial,
         char        out[32])
{
  g_snprintf (out, 32, "%s-%07u", prefix, serial);
}

static void
add_member_or_abort (TerrindTerritory *territory,
                     guint             serial)
{
  g_autoptr(GError) error = NULL;
  char siren[10];

  terrind_test_make_siren (serial, siren);
  require (terrind_territory_add_member (territory, siren, &error), "%s",
           error != NULL ? error->message : siren);
}

/* Every member, by index, is the next SIREN of @serials in ascending order. */
static void
assert_members (const TerrindTerritory *territory,
                const guint            *serials,
                guint                   n)
{
  ck_assert_uint_eq (terrind_territory_get_n_members (territory), n);
  for (guint i = 0; i < n; i++)
    {
      const char *member = terrind_territory_get_member (territory, i);
      char siren[10];

      terrind_test_make_siren (serials[i], siren);
      require (g_strcmp0 (member, siren) == 0, "member %u is %s, not %s", i, member, siren);
    }
}

static guint *
ascending (guint n)
{
  guint *serials = g_new (guint, n);

  for (guint i = 0; i < n; i++)
    serials[i] = i;
  return serials;
}

static void
shuffle (guint *values,
         guint  n,
         guint  seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);

  for (guint i = n; i > 1; i--)
    {
      guint j = (guint) g_rand_int_range (rand, 0, (gint32) i);
      guint tmp = values[i - 1];

      values[i - 1] = values[j];
      values[j] = tmp;
    }
}

START_TEST (test_members_descending)
{
  g_autoptr(TerrindTerritory) territory = terrind_test_territory ("ti-big", "84");
  g_autoptr(GError) error = NULL;
  g_autofree guint *serials = NULL;
  guint n = large ();
  char siren[10];

  for (guint i = n; i > 0; i--)
    add_member_or_abort (territory, i - 1);
  serials = ascending (n);
  assert_members (territory, serials, n);

  terrind_test_make_siren (n / 2, siren);
  ck_assert (terrind_territory_has_member (territory, siren));
  ck_assert (!terrind_territory_add_member (territory, siren, &error));
  terrind_assert_error (error, TERRIND_ERROR_DUPLICATE);
  terrind_test_make_siren (n, siren);
  ck_assert (!terrind_territory_has_member (territory, siren));
  ck_assert_uint_eq (terrind_territory_get_n_members (territory), n);
}
END_TEST

/* Removals leave the rest in order, wherever they fall, and a SIREN that
 * left can come back; reads between the changes see each state. */
START_TEST (test_members_removed_and_added_again)
{
  g_autoptr(TerrindTerritory) territory = terrind_test_territory ("ti-big", "84");
  g_autoptr(GError) error = NULL;
  g_autofree guint *order = NULL;
  g_autofree guint *kept = NULL;
  guint n = medium (), n_kept = 0;
  char siren[10], smallest[10];

  order = ascending (n);
  shuffle (order, n, 8401);
  for (guint i = 0; i < n; i++)
    add_member_or_abort (territory, order[i]);

  /* Every third SIREN leaves, in a shuffled order. */
  for (guint i = 0; i < n; i++)
    if (order[i] % 3 == 0)
      {
        terrind_test_make_siren (order[i], siren);
        require (terrind_territory_remove_member (territory, siren, &error), "%s", siren);
      }
  kept = g_new (guint, n);
  for (guint i = 0; i < n; i++)
    if (i % 3 != 0)
      kept[n_kept++] = i;
  assert_members (territory, kept, n_kept);

  terrind_test_make_siren (0, siren);
  ck_assert (!terrind_territory_has_member (territory, siren));
  ck_assert (!terrind_territory_remove_member (territory, siren, &error));
  terrind_assert_error (error, TERRIND_ERROR_NOT_FOUND);

  /* They come back, largest first, with a read now and then: until
   * SIREN 0 is back, SIREN 1 comes first. */
  terrind_test_make_siren (1, smallest);
  for (guint i = n; i > 1; i--)
    if ((i - 1) % 3 == 0)
      {
        add_member_or_abort (territory, i - 1);
        if ((i - 1) % 999 == 0)
          {
            terrind_test_make_siren (i - 1, siren);
            ck_assert_str_eq (terrind_territory_get_member (territory, 0), smallest);
            ck_assert (terrind_territory_has_member (territory, siren));
          }
      }
  add_member_or_abort (territory, 0);
  g_free (kept);
  kept = ascending (n);
  assert_members (territory, kept, n);
}
END_TEST

/* Removing every member, one by one, from the middle out. */
START_TEST (test_members_all_removed)
{
  g_autoptr(TerrindTerritory) territory = terrind_test_territory ("ti-big", "84");
  g_autoptr(GError) error = NULL;
  guint n = medium ();
  char siren[10];

  for (guint i = 0; i < n; i++)
    add_member_or_abort (territory, i);
  for (guint i = 0; i < n; i++)
    {
      guint serial = i % 2 == 0 ? n / 2 + i / 2 : n / 2 - 1 - i / 2;

      terrind_test_make_siren (serial, siren);
      require (terrind_territory_remove_member (territory, siren, &error), "%s", siren);
      if (i % 10007 == 0)
        ck_assert_uint_eq (terrind_territory_get_n_members (territory), n - i - 1);
    }
  ck_assert_uint_eq (terrind_territory_get_n_members (territory), 0);
  add_member_or_abort (territory, 7);
  terrind_test_make_siren (7, siren);
  ck_assert_str_eq (terrind_territory_get_member (territory, 0), siren);
}
END_TEST

/* Territories built apart compare equal when their members are equal,
 * whatever order each was given in. */
START_TEST (test_members_equal)
{
  g_autoptr(TerrindTerritory) a = terrind_test_territory ("ti-big", "84");
  g_autoptr(TerrindTerritory) b = terrind_test_territory ("ti-big", "84");
  g_autofree guint *order = NULL;
  guint n = medium ();
  g_autoptr(GError) error = NULL;
  char siren[10];

  order = ascending (n);
  shuffle (order, n, 42);
  for (guint i = 0; i < n; i++)
    {
      add_member_or_abort (a, i);
      add_member_or_abort (b, order[i]);
    }
  ck_assert (terrind_territory_equal (a, b));
  terrind_test_make_siren (order[0], siren);
  ck_assert (terrind_territory_remove_member (b, siren, &error));
  ck_assert (!terrind_territory_equal (a, b));
  add_member_or_abort (b, order[0]);
  ck_assert (terrind_territory_equal (a, b));
}
END_TEST

/* The member index: one territory per SIREN for most, a few SIRENs shared,
 * kept right through every change a registry sees. */
START_TEST (test_find_by_member)
{
  g_autoptr(TerrindRegistry) registry = terrind_registry_new ();
  g_autoptr(TerrindRegion) region = terrind_test_region ("84");
  g_autoptr(TerrindTerritory) b = terrind_test_territory ("ti-b", "84");
  g_autoptr(TerrindTerritory) a = terrind_test_territory ("ti-a", "84");
  g_autoptr(TerrindTerritory) c = terrind_test_territory ("ti-c", "84");
  g_autoptr(GError) error = NULL;
  guint n = medium ();
  char siren[10];

  ck_assert (terrind_registry_add_region (registry, region, &error));
  /* Many territories of one member each: a scan per lookup is quadratic. */
  for (guint i = 0; i < n; i++)
    {
      char id[32];
      g_autoptr(TerrindTerritory) territory = NULL;

      make_id ("ti-x", i, id);
      territory = terrind_test_territory (id, "84");
      add_member_or_abort (territory, 1000000 + i);
      require (terrind_registry_add_territory (registry, territory, &error), "%s", id);
    }
  for (guint i = 0; i < n; i++)
    {
      char id[32];
      TerrindTerritory *found;

      terrind_test_make_siren (1000000 + i, siren);
      make_id ("ti-x", i, id);
      found = terrind_registry_find_territory_by_member (registry, siren);
      require (found != NULL && g_str_equal (terrind_territory_get_id (found), id),
               "%s found in %s, not %s", siren,
               found != NULL ? terrind_territory_get_id (found) : "(none)", id);
    }

  /* b first, then a: SIREN 1 is in both, and a comes first by id. */
  add_member_or_abort (b, 1);
  add_member_or_abort (b, 2);
  ck_assert (terrind_registry_add_territory (registry, b, &error));
  terrind_test_make_siren (1, siren);
  ck_assert_ptr_eq (terrind_registry_find_territory_by_member (registry, siren), b);
  add_member_or_abort (a, 1);
  ck_assert (terrind_registry_add_territory (registry, a, &error));
  ck_assert_ptr_eq (terrind_registry_find_territory_by_member (registry, siren), a);
  /* Members added and removed once the index exists. */
  add_member_or_abort (c, 1);
  ck_assert (terrind_registry_add_territory (registry, c, &error));
  add_member_or_abort (c, 3);
  terrind_test_make_siren (3, siren);
  ck_assert_ptr_eq (terrind_registry_find_territory_by_member (registry, siren), c);
  add_member_or_abort (a, 3);
  ck_assert_ptr_eq (terrind_registry_find_territory_by_member (registry, siren), a);
  ck_assert (terrind_territory_remove_member (a, siren, &error));
  ck_assert_ptr_eq (terrind_registry_find_territory_by_member (registry, siren), c);
  terrind_test_make_siren (1, siren);
  ck_assert (terrind_territory_remove_member (a, siren, &error));
  ck_assert_ptr_eq (terrind_registry_find_territory_by_member (registry, siren), b);
  ck_assert (terrind_registry_remove_territory (registry, "ti-b", TERRIND_REMOVE_NONE, &error));
  ck_assert_ptr_eq (terrind_registry_find_territory_by_member (registry, siren), c);
  terrind_test_make_siren (2, siren);
  ck_assert_ptr_null (terrind_registry_find_territory_by_member (registry, siren));
  ck_assert (terrind_registry_remove_territory (registry, "ti-c", TERRIND_REMOVE_NONE, &error));
  terrind_test_make_siren (1, siren);
  ck_assert_ptr_null (terrind_registry_find_territory_by_member (registry, siren));
  terrind_assert_no_error (error);
  /* A territory that left: its changes no longer reach the index. */
  add_member_or_abort (c, 4);
  terrind_test_make_siren (4, siren);
  ck_assert_ptr_null (terrind_registry_find_territory_by_member (registry, siren));
  for (guint i = 0; terrind_test_bad_sirens[i] != NULL; i++)
    ck_assert_ptr_null (terrind_registry_find_territory_by_member (registry,
                                                                   terrind_test_bad_sirens[i]));
}
END_TEST

/* A file merged into a registry whose index exists joins the index; one
 * loaded into an empty registry (whose containers are swapped with the
 * staging registry's) is found too. */
START_TEST (test_find_by_member_after_merge)
{
  g_autoptr(TerrindRegistry) registry = terrind_registry_new ();
  g_autoptr(TerrindRegistry) empty = terrind_registry_new ();
  g_autoptr(TerrindRegion) region = terrind_test_region ("84");
  g_autoptr(TerrindTerritory) a = terrind_test_territory ("ti-a", "84");
  g_autoptr(GError) error = NULL;
  g_autofree char *document = NULL;
  char five[10], six[10];

  ck_assert (terrind_registry_add_region (registry, region, &error));
  add_member_or_abort (a, 5);
  ck_assert (terrind_registry_add_territory (registry, a, &error));
  terrind_test_make_siren (5, five);
  terrind_test_make_siren (6, six);
  ck_assert_ptr_eq (terrind_registry_find_territory_by_member (registry, five), a);
  /* Built, and empty. */
  ck_assert_ptr_null (terrind_registry_find_territory_by_member (empty, five));

  document = g_strdup_printf (
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<registry xmlns=\"urn:libterrind:registry\" version=\"1\">\n"
    "  <regions>\n    <region code=\"93\" name=\"PACA\"/>\n  </regions>\n"
    "  <operators/>\n  <territories>\n"
    "    <territory id=\"ti-0\" name=\"Zero\" region=\"93\">\n"
    "      <member siren=\"%s\"/>\n      <member siren=\"%s\"/>\n"
    "    </territory>\n"
    "  </territories>\n  <conventions/>\n  <referents/>\n"
    "</registry>\n", six, five);
  ck_assert (terrind_registry_import_data (registry, document, strlen (document), NULL, &error));
  terrind_assert_no_error (error);
  ck_assert_ptr_eq (terrind_registry_find_territory_by_member (registry, five),
                    terrind_registry_get_territory (registry, "ti-0"));
  ck_assert_ptr_eq (terrind_registry_find_territory_by_member (registry, six),
                    terrind_registry_get_territory (registry, "ti-0"));
  ck_assert (terrind_registry_remove_territory (registry, "ti-0", TERRIND_REMOVE_NONE, &error));
  ck_assert_ptr_eq (terrind_registry_find_territory_by_member (registry, five), a);
  ck_assert_ptr_null (terrind_registry_find_territory_by_member (registry, six));

  ck_assert (terrind_registry_import_data (empty, document, strlen (document), NULL, &error));
  terrind_assert_no_error (error);
  ck_assert_ptr_eq (terrind_registry_find_territory_by_member (empty, six),
                    terrind_registry_get_territory (empty, "ti-0"));
}
END_TEST

static TerrindCommitment *
commitment_or_abort (guint serial)
{
  char id[32];

  make_id ("c", serial, id);
  return terrind_test_commitment (id);
}

START_TEST (test_commitments_descending)
{
  g_autoptr(TerrindConvention) convention = terrind_test_convention ("conv", "bdt");
  g_autoptr(TerrindCommitment) twin = NULL;
  g_autoptr(GError) error = NULL;
  guint n = large ();
  char id[32];

  for (guint i = n; i > 0; i--)
    {
      g_autoptr(TerrindCommitment) commitment = commitment_or_abort (i - 1);

      require (terrind_convention_add_commitment (convention, commitment, &error), "%s",
               terrind_commitment_get_id (commitment));
    }
  ck_assert_uint_eq (terrind_convention_get_n_commitments (convention), n);
  for (guint i = 0; i < n; i++)
    {
      const char *got = terrind_commitment_get_id (terrind_convention_get_commitment (convention, i));

      make_id ("c", i, id);
      require (g_str_equal (got, id), "commitment %u is %s, not %s", i, got, id);
    }
  make_id ("c", n / 3, id);
  ck_assert_str_eq (terrind_commitment_get_id (terrind_convention_lookup_commitment (convention, id)),
                    id);
  twin = commitment_or_abort (n / 3);
  ck_assert (!terrind_convention_add_commitment (convention, twin, &error));
  terrind_assert_error (error, TERRIND_ERROR_DUPLICATE);
}
END_TEST

/* Commitments removed from a convention in a registry leave the registry's
 * index too; the rest keep their order. */
START_TEST (test_commitments_removed)
{
  g_autoptr(TerrindRegistry) registry = terrind_registry_new ();
  g_autoptr(TerrindOperator) op = terrind_test_operator ("bdt");
  g_autoptr(TerrindConvention) convention = terrind_test_convention ("conv", "bdt");
  g_autoptr(TerrindCommitment) held = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree guint *order = NULL;
  guint n = medium (), n_left = 0;
  char id[32];

  order = ascending (n);
  shuffle (order, n, 7);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TerrindCommitment) commitment = commitment_or_abort (order[i]);

      require (terrind_convention_add_commitment (convention, commitment, &error), "%u", i);
    }
  ck_assert (terrind_registry_add_operator (registry, op, &error));
  ck_assert (terrind_registry_add_convention (registry, convention, &error));
  terrind_assert_no_error (error);

  make_id ("c", 1, id);
  held = terrind_commitment_ref (terrind_registry_get_commitment (registry, id));
  for (guint i = 0; i < n; i++)
    if (order[i] % 2 == 1)
      {
        make_id ("c", order[i], id);
        require (terrind_convention_remove_commitment (convention, id, &error), "%s", id);
        require (terrind_registry_get_commitment (registry, id) == NULL, "%s still found", id);
      }
  /* The one held elsewhere lives on, detached, and may join another. */
  ck_assert_ptr_null (terrind_commitment_get_registry (held));
  ck_assert_uint_eq (terrind_convention_get_n_commitments (convention), (n + 1) / 2);
  for (guint i = 0; i < n; i += 2)
    {
      TerrindCommitment *commitment = terrind_convention_get_commitment (convention, n_left++);

      make_id ("c", i, id);
      require (g_str_equal (terrind_commitment_get_id (commitment), id) &&
               terrind_registry_get_commitment (registry, id) == commitment,
               "%s", id);
    }
  ck_assert (terrind_convention_add_commitment (convention, held, &error));
  terrind_assert_no_error (error);
  ck_assert_str_eq (terrind_commitment_get_id (terrind_convention_get_commitment (convention, 1)),
                    "c-0000001");
  ck_assert_uint_eq (terrind_convention_get_n_commitments (convention), (n + 1) / 2 + 1);
}
END_TEST

/* One territory may have a referent from each of as many operators as a
 * file names: the rule "one referent per operator and territory" is
 * checked, and the referents found, at any number. */
START_TEST (test_referents_of_one_territory)
{
  g_autoptr(TerrindRegistry) registry = terrind_registry_new ();
  g_autoptr(TerrindRegistry) other = terrind_registry_new ();
  g_autoptr(TerrindRegion) region = terrind_test_region ("84");
  g_autoptr(TerrindTerritory) territory = terrind_test_territory ("ti-a", "84");
  g_autoptr(TerrindReferent) twin = NULL;
  g_autoptr(TerrindReferent) replacement = NULL;
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree guint *order = NULL;
  guint n = medium () / 10;
  char op_id[32], ref_id[32];

  ck_assert (terrind_registry_add_region (registry, region, &error));
  ck_assert (terrind_registry_add_territory (registry, territory, &error));
  order = ascending (n);
  shuffle (order, n, 11);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TerrindOperator) op = NULL;
      g_autoptr(TerrindReferent) referent = NULL;

      make_id ("op", order[i], op_id);
      make_id ("ref", order[i], ref_id);
      op = terrind_test_operator (op_id);
      referent = terrind_test_referent (ref_id, op_id, "ti-a");
      require (terrind_registry_add_operator (registry, op, &error) &&
               terrind_registry_add_referent (registry, referent, &error),
               "%s: %s", ref_id, error != NULL ? error->message : "");
    }
  for (guint i = 0; i < n; i++)
    {
      TerrindReferent *found;

      make_id ("op", i, op_id);
      make_id ("ref", i, ref_id);
      found = terrind_registry_get_referent_for (registry, op_id, "ti-a");
      require (found != NULL && g_str_equal (terrind_referent_get_id (found), ref_id),
               "%s has %s", op_id, found != NULL ? terrind_referent_get_id (found) : "none");
    }
  listed = terrind_registry_list_referents_of_territory (registry, "ti-a");
  ck_assert_uint_eq (listed->len, n);
  g_clear_pointer (&listed, g_ptr_array_unref);

  /* A second referent of the same operator is refused, wherever the
   * first one sits. */
  make_id ("op", n - 1, op_id);
  twin = terrind_test_referent ("ref-twin", op_id, "ti-a");
  ck_assert (!terrind_registry_add_referent (registry, twin, &error));
  terrind_assert_error (error, TERRIND_ERROR_DUPLICATE);
  g_clear_error (&error);

  /* Replaced, removed, and cascaded away with its operator. */
  make_id ("op", n / 2, op_id);
  replacement = terrind_test_referent ("ref-new", op_id, "ti-a");
  ck_assert (terrind_registry_replace_referent (registry, replacement, &error));
  terrind_assert_no_error (error);
  ck_assert_ptr_eq (terrind_registry_get_referent_for (registry, op_id, "ti-a"), replacement);
  for (guint i = 0; i < n; i += 2)
    if (i != n / 2)
      {
        make_id ("ref", i, ref_id);
        require (terrind_registry_remove_referent (registry, ref_id, &error), "%s", ref_id);
      }
  make_id ("op", 1, op_id);
  ck_assert (terrind_registry_remove_operator (registry, op_id, TERRIND_REMOVE_CASCADE, &error));
  terrind_assert_no_error (error);
  ck_assert_ptr_null (terrind_registry_get_referent_for (registry, op_id, "ti-a"));
  for (guint i = 3; i < n; i += 2)
    {
      make_id ("op", i, op_id);
      make_id ("ref", i, ref_id);
      require (g_str_equal (terrind_referent_get_id (terrind_registry_get_referent_for (registry, op_id,
                                                                                       "ti-a")),
                            ref_id),
               "%s lost its referent", op_id);
    }
  /* Left: the odd ones but op-1's, and the replacement. */
  listed = terrind_registry_list_referents_of_territory (registry, "ti-a");
  ck_assert_uint_eq (listed->len, n / 2 - 1 + (n / 2 % 2 == 0));
  g_clear_pointer (&listed, g_ptr_array_unref);

  /* The territory leaves with all of them, and joins another registry
   * with none. */
  ck_assert (terrind_registry_remove_territory (registry, "ti-a", TERRIND_REMOVE_CASCADE, &error));
  terrind_assert_no_error (error);
  ck_assert_uint_eq (terrind_registry_get_n_referents (registry), 0);
  {
    g_autoptr(TerrindRegion) other_region = terrind_test_region ("84");
    g_autoptr(TerrindOperator) op = terrind_test_operator ("op-0000003");
    g_autoptr(TerrindReferent) referent = terrind_test_referent ("ref-3", "op-0000003", "ti-a");

    ck_assert (terrind_registry_add_region (other, other_region, &error) &&
               terrind_registry_add_territory (other, territory, &error) &&
               terrind_registry_add_operator (other, op, &error));
    terrind_assert_no_error (error);
    ck_assert_ptr_null (terrind_registry_get_referent_for (other, "op-0000003", "ti-a"));
    listed = terrind_registry_list_referents_of_territory (other, "ti-a");
    ck_assert_uint_eq (listed->len, 0);
    ck_assert (terrind_registry_add_referent (other, referent, &error));
    terrind_assert_no_error (error);
    ck_assert_ptr_eq (terrind_registry_get_referent_for (other, "op-0000003", "ti-a"), referent);
  }
}
END_TEST

/* Themes and targets keep the order they came in, and refuse duplicates,
 * at any length. */
START_TEST (test_themes_and_targets)
{
  g_autoptr(TerrindCommitment) commitment = commitment_or_abort (0);
  g_autoptr(GError) error = NULL;
  guint n = medium ();
  char value[32];

  for (guint i = n; i > 0; i--)
    {
      make_id ("level", i, value);
      require (terrind_commitment_add_theme (commitment, value, &error) &&
               terrind_commitment_add_target (commitment, value, i, &error), "%s", value);
    }
  ck_assert_uint_eq (terrind_commitment_get_n_themes (commitment), n);
  ck_assert_uint_eq (terrind_commitment_get_n_targets (commitment), n);
  for (guint i = 0; i < n; i++)
    {
      make_id ("level", n - i, value);
      require (g_str_equal (terrind_commitment_get_theme (commitment, i), value) &&
               g_str_equal (terrind_commitment_get_target_level (commitment, i), value) &&
               terrind_commitment_get_target_count (commitment, i) == n - i,
               "theme or target %u is not %s", i, value);
    }
  make_id ("level", n / 2, value);
  ck_assert (!terrind_commitment_add_theme (commitment, value, &error));
  terrind_assert_error (error, TERRIND_ERROR_DUPLICATE);
  ck_assert (!terrind_commitment_add_target (commitment, value, 1, &error));
  terrind_assert_error (error, TERRIND_ERROR_DUPLICATE);
  ck_assert_uint_eq (terrind_commitment_get_n_themes (commitment), n);
}
END_TEST

/* The shapes of the report: a file with one territory of many members and
 * one convention of many commitments, both in descending order. */
START_TEST (test_import_long_lists)
{
  g_autoptr(GString) xml = g_string_new (NULL);
  g_autoptr(TerrindRegistry) registry = NULL;
  g_autoptr(TerrindRegistry) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *exported = NULL;
  TerrindTerritory *territory;
  TerrindConvention *convention;
  g_autofree guint *serials = NULL;
  guint n_members = large (), n_commitments = medium ();
  gsize length;
  char siren[10];

  g_string_append (xml, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                        "<registry xmlns=\"urn:libterrind:registry\" version=\"1\">\n"
                        "  <regions>\n    <region code=\"84\" name=\"ARA\"/>\n  </regions>\n"
                        "  <operators>\n    <operator id=\"bdt\" name=\"BdT\"/>\n  </operators>\n"
                        "  <territories>\n    <territory id=\"ti-8401\" name=\"Big\" region=\"84\">\n");
  for (guint i = n_members; i > 0; i--)
    {
      terrind_test_make_siren (i - 1, siren);
      g_string_append_printf (xml, "      <member siren=\"%s\"/>\n", siren);
    }
  g_string_append (xml, "      <department code=\"74\"/>\n      <department code=\"2A\"/>\n"
                        "    </territory>\n  </territories>\n  <conventions>\n"
                        "    <convention id=\"conv\" operator=\"bdt\" date=\"2019-03-05\">\n");
  for (guint i = n_commitments; i > 0; i--)
    g_string_append_printf (xml, "      <commitment id=\"c-%07u\" kind=\"tool\">\n"
                                 "        <text>t</text>\n        <theme>b</theme>\n"
                                 "        <theme>a</theme>\n      </commitment>\n", i - 1);
  g_string_append (xml, "    </convention>\n  </conventions>\n  <referents/>\n</registry>\n");

  registry = terrind_registry_new_from_data (xml->str, xml->len, &error);
  terrind_assert_no_error (error);
  ck_assert_ptr_nonnull (registry);

  territory = terrind_registry_get_territory (registry, "ti-8401");
  serials = ascending (n_members);
  assert_members (territory, serials, n_members);
  ck_assert_str_eq (terrind_territory_get_department (territory, 0), "74");
  ck_assert_str_eq (terrind_territory_get_department (territory, 1), "2A");
  for (guint i = 0; i < n_members; i += 997)
    {
      terrind_test_make_siren (i, siren);
      require (terrind_registry_find_territory_by_member (registry, siren) == territory,
               "%s", siren);
    }

  convention = terrind_registry_get_convention (registry, "conv");
  ck_assert_uint_eq (terrind_convention_get_n_commitments (convention), n_commitments);
  for (guint i = 0; i < n_commitments; i++)
    {
      TerrindCommitment *commitment = terrind_convention_get_commitment (convention, i);
      char id[32];

      make_id ("c", i, id);
      require (g_str_equal (terrind_commitment_get_id (commitment), id) &&
               g_str_equal (terrind_commitment_get_theme (commitment, 0), "b"), "%s", id);
    }

  /* The canonical form lists them in order; it reads back the same. */
  exported = terrind_registry_export_data (registry, &length, &error);
  terrind_assert_no_error (error);
  again = terrind_registry_new_from_data (exported, length, &error);
  terrind_assert_no_error (error);
  ck_assert (terrind_registry_equal (registry, again));
}
END_TEST

/* Readers of a registry no thread changes may run together, even when the
 * first read by position puts a long list in order. */
typedef struct {
  const TerrindTerritory  *territory;
  const TerrindConvention *convention;
  guint                    n;
  gint                     errors;
} ReaderData;

static gpointer
read_all (gpointer user_data)
{
  ReaderData *data = user_data;
  char siren[10], id[32];

  for (guint i = 0; i < data->n; i++)
    {
      terrind_test_make_siren (i, siren);
      make_id ("c", i, id);
      if (!terrind_territory_has_member (data->territory, siren) ||
          strcmp (terrind_territory_get_member (data->territory, i), siren) != 0 ||
          terrind_convention_lookup_commitment (data->convention, id) == NULL ||
          strcmp (terrind_commitment_get_id (terrind_convention_get_commitment (data->convention, i)),
                  id) != 0)
        g_atomic_int_inc (&data->errors);
    }
  return NULL;
}

START_TEST (test_concurrent_readers)
{
  g_autoptr(TerrindTerritory) territory = terrind_test_territory ("ti-big", "84");
  g_autoptr(TerrindConvention) convention = terrind_test_convention ("conv", "bdt");
  g_autoptr(GError) error = NULL;
  g_autofree guint *order = NULL;
  ReaderData data = { territory, convention, medium () / 4, 0 };
  GThread *threads[4];

  order = ascending (data.n);
  shuffle (order, data.n, 3);
  for (guint i = 0; i < data.n; i++)
    {
      g_autoptr(TerrindCommitment) commitment = commitment_or_abort (order[i]);

      add_member_or_abort (territory, order[i]);
      require (terrind_convention_add_commitment (convention, commitment, &error), "%u", i);
    }
  for (guint t = 0; t < G_N_ELEMENTS (threads); t++)
    threads[t] = g_thread_new ("reader", read_all, &data);
  for (guint t = 0; t < G_N_ELEMENTS (threads); t++)
    g_thread_join (threads[t]);
  ck_assert_int_eq (data.errors, 0);
}
END_TEST

static Suite *
scaling_suite (void)
{
  Suite *suite = suite_create ("scaling");
  TCase *members = tcase_create ("members");
  TCase *commitments = tcase_create ("commitments");
  TCase *import = tcase_create ("import");
  TCase *referents = tcase_create ("referents");

  tcase_set_timeout (members, TIMEOUT);
  tcase_add_test (members, test_members_descending);
  tcase_add_test (members, test_members_removed_and_added_again);
  tcase_add_test (members, test_members_all_removed);
  tcase_add_test (members, test_members_equal);
  tcase_add_test (members, test_find_by_member);
  tcase_add_test (members, test_find_by_member_after_merge);
  suite_add_tcase (suite, members);

  tcase_set_timeout (commitments, TIMEOUT);
  tcase_add_test (commitments, test_commitments_descending);
  tcase_add_test (commitments, test_commitments_removed);
  tcase_add_test (commitments, test_themes_and_targets);
  tcase_add_test (commitments, test_concurrent_readers);
  suite_add_tcase (suite, commitments);

  tcase_set_timeout (import, TIMEOUT);
  tcase_add_test (import, test_import_long_lists);
  tcase_add_test (referents, test_referents_of_one_territory);
  suite_add_tcase (suite, import);
  tcase_set_timeout (referents, TIMEOUT);
  suite_add_tcase (suite, referents);
  return suite;
}

int
main (void)
{
  return terrind_test_run (scaling_suite ());
}
