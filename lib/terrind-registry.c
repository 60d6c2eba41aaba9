/* terrind-registry.c: the registry that holds and checks every entity
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Layer: above the entities, below the model's kinds and changesets. It
 * calls the entities' own functions; they call back only through the owner
 * hooks it installs (terrind-owner-private.h).
 */

#include "config.h"

#include <stddef.h>
#include <string.h>

#include "terrind-commitment-private.h"
#include "terrind-convention-private.h"
#include "terrind-entity-list-private.h"
#include "terrind-error.h"
#include "terrind-operator-private.h"
#include "terrind-owner-private.h"
#include "terrind-record-private.h"
#include "terrind-referent-private.h"
#include "terrind-region-private.h"
#include "terrind-phase-private.h"
#include "terrind-validate-private.h"
#include "terrind-quote-private.h"
#include "terrind-registry-private.h"
#include "terrind-territory-private.h"

/* Which territories have a SIREN as a member. Most SIRENs belong to one
 * territory: @first alone answers for them. A SIREN in several territories
 * also has a tree of them by id, so that the first by id is known again at
 * once when it leaves. SIRENs are keys as numbers (plus one, never NULL):
 * nothing to copy or to own. */
typedef struct {
  GHashTable *first;   /* SIREN → the territory with the smallest id */
  GHashTable *shared;  /* SIREN → GTree of id → territory, when several */
} MemberIndex;

/**
 * TerrindRegistry:
 *
 * Holds regions, territories, operators, conventions (with their
 * commitments) and referents, and keeps them consistent: ids are unique
 * per kind, references resolve, and an operator names at most one referent
 * per territory. Every call that fails leaves the registry exactly as it
 * was.
 *
 * The registry holds a reference to each entity it contains; getters
 * return borrowed pointers, valid while the registry holds the entity (take
 * your own reference to keep one longer). An entity belongs to at most one
 * registry.
 *
 * Thread safety: reference counts are atomic, and any number of threads
 * may read a registry that no thread changes. A thread that changes a
 * registry, or any entity in it, needs the caller's lock.
 *
 * Since: 1.0
 */
struct _TerrindRegistry {
  const TerrindOwnerHooks *hooks;    /* first: see terrind-owner-private.h */
  gatomicrefcount   ref_count;
  TerrindEntityList phases;
  TerrindEntityList regions;
  TerrindEntityList territories;
  TerrindEntityList operators;
  TerrindEntityList conventions;
  TerrindEntityList referents;
  TerrindEntityList designations;
  TerrindEntityList investments;
  GHashTable       *commitments;     /* id → commitment, borrowed from its convention */
  GHashTable       *designation_keys; /* set of designations, by (operator, territory, year) */
  /* The territories given an ANCT id other than their id, keyed by
   * (phase, ANCT id). The others' ANCT id is their id, which the
   * territory list already finds: a registry of 1.0 files keeps this
   * empty. */
  GHashTable       *anct_ids;
  MemberIndex      *members;         /* atomic; NULL until the first lookup by member */
  GMutex            members_lock;    /* guards building it: two readers may try at once */

  /* The changeset open on the registry, if any (not a reference: the
   * changeset holds one on the registry), and whether the call running
   * now comes from it: while one is open, the typed mutations are its
   * alone. */
  gconstpointer     changeset;
  gboolean          changeset_applying;
};

/* The entity lists hash each entity by the id at the place their header
 * says (TerrindEntityHeader): every struct must begin that way. */
#define CHECK_HEADER(type, id_field)                                                        \
  G_STATIC_ASSERT (offsetof (type, ref_count) == offsetof (TerrindEntityHeader, ref_count) && \
                   offsetof (type, owner) == offsetof (TerrindEntityHeader, owner) &&         \
                   offsetof (type, id_field) == offsetof (TerrindEntityHeader, id))
CHECK_HEADER (TerrindPhase, id);
CHECK_HEADER (TerrindRegion, code);
CHECK_HEADER (TerrindTerritory, id);
CHECK_HEADER (TerrindOperator, id);
CHECK_HEADER (TerrindConvention, id);
CHECK_HEADER (TerrindReferent, id);
CHECK_HEADER (TerrindDesignation, id);
CHECK_HEADER (TerrindInvestment, id);
#undef CHECK_HEADER

/* The one-referent rule's index lives in each territory
 * (terrind-referent-slots.c). */
static TerrindReferent *
lookup_pair (TerrindRegistry *registry,
             const char      *operator_id,
             const char      *territory_id)
{
  TerrindTerritory *territory = terrind_entity_list_lookup (&registry->territories, territory_id);

  return territory != NULL ? terrind_referent_slots_find (&territory->referents, operator_id) : NULL;
}

static guint
anct_id_hash (gconstpointer key)
{
  const TerrindTerritory *territory = key;

  return g_str_hash (territory->anct_id) * 31 + territory->phase;
}

static gboolean
anct_id_equal (gconstpointer a,
               gconstpointer b)
{
  const TerrindTerritory *ta = a, *tb = b;

  return ta->phase == tb->phase && g_str_equal (ta->anct_id, tb->anct_id);
}

static const char *phase_id (gconstpointer e)      { return ((const TerrindPhase *) e)->id; }
static const char *region_id (gconstpointer e)     { return ((const TerrindRegion *) e)->code; }
static const char *territory_id (gconstpointer e)  { return ((const TerrindTerritory *) e)->id; }
static const char *operator_id (gconstpointer e)   { return ((const TerrindOperator *) e)->id; }
static const char *convention_id (gconstpointer e) { return ((const TerrindConvention *) e)->id; }
static const char *referent_id (gconstpointer e)   { return ((const TerrindReferent *) e)->id; }
static const char *designation_id (gconstpointer e) { return ((const TerrindDesignation *) e)->id; }
static const char *investment_id (gconstpointer e) { return ((const TerrindInvestment *) e)->id; }

/* When the registry goes, the entities that outlive it (a binding may hold
 * them) must stop pointing at it. */
static void release_phase (gpointer e)      { ((TerrindPhase *) e)->owner = NULL; terrind_phase_unref (e); }
static void release_region (gpointer e)     { ((TerrindRegion *) e)->owner = NULL; terrind_region_unref (e); }
static void
release_territory (gpointer e)
{
  TerrindTerritory *territory = e;

  /* Its referents' index is the registry's: a territory leaves with none. */
  terrind_referent_slots_clear (&territory->referents);
  territory->owner = NULL;
  terrind_territory_unref (territory);
}
static void release_operator (gpointer e)   { ((TerrindOperator *) e)->owner = NULL; terrind_operator_unref (e); }
static void release_convention (gpointer e) { ((TerrindConvention *) e)->owner = NULL; terrind_convention_unref (e); }
static void release_referent (gpointer e)   { ((TerrindReferent *) e)->owner = NULL; terrind_referent_unref (e); }
static void release_designation (gpointer e) { ((TerrindDesignation *) e)->owner = NULL; terrind_designation_unref (e); }
static void release_investment (gpointer e) { ((TerrindInvestment *) e)->owner = NULL; terrind_investment_unref (e); }

/* A SIREN as a key of the member index; FALSE for a string that cannot be
 * a member (members are nine digits). */
static gboolean
siren_key (const char *siren,
           gpointer   *key)
{
  guint value = 0;

  for (guint i = 0; i < 9; i++)
    {
      if (!g_ascii_isdigit (siren[i]))
        return FALSE;
      value = value * 10 + (guint) (siren[i] - '0');
    }
  if (siren[9] != '\0')
    return FALSE;
  *key = GUINT_TO_POINTER (value + 1);
  return TRUE;
}

static void
member_index_free (MemberIndex *index)
{
  g_hash_table_unref (index->shared);
  g_hash_table_unref (index->first);
  g_free (index);
}

static void
member_index_add (MemberIndex      *index,
                  const char       *siren,
                  TerrindTerritory *territory)
{
  TerrindTerritory *first;
  gpointer key;
  GTree *tree;

  if (!siren_key (siren, &key))
    g_return_if_reached ();
  first = g_hash_table_lookup (index->first, key);
  if (first == NULL)
    {
      g_hash_table_insert (index->first, key, territory);
      return;
    }
  tree = g_hash_table_lookup (index->shared, key);
  if (tree == NULL)
    {
      tree = g_tree_new ((GCompareFunc) strcmp);
      g_tree_insert (tree, first->id, first);
      g_hash_table_insert (index->shared, key, tree);
    }
  g_tree_insert (tree, territory->id, territory);
  if (strcmp (territory->id, first->id) < 0)
    g_hash_table_insert (index->first, key, territory);
}

static void
member_index_remove (MemberIndex      *index,
                     const char       *siren,
                     TerrindTerritory *territory)
{
  gpointer key;
  GTree *tree;

  if (!siren_key (siren, &key))
    g_return_if_reached ();
  tree = g_hash_table_lookup (index->shared, key);
  if (tree == NULL)
    {
      g_hash_table_remove (index->first, key);
      return;
    }
  g_tree_remove (tree, territory->id);
  g_hash_table_insert (index->first, key, g_tree_node_value (g_tree_node_first (tree)));
  if (g_tree_nnodes (tree) == 1)
    g_hash_table_remove (index->shared, key);
}

/* Adds (member_index_add) or removes (member_index_remove) every member of
 * @territory. */
static void
member_index_each (MemberIndex      *index,
                   TerrindTerritory *territory,
                   void            (*change) (MemberIndex *, const char *, TerrindTerritory *))
{
  guint n = terrind_territory_get_n_members (territory);

  for (guint i = 0; i < n; i++)
    change (index, terrind_territory_get_member (territory, i), territory);
}

/* The member index, built on first use: a registry that is never asked
 * for a member's territory (most imports) never pays for it. Readers may
 * come here together, so building it takes a lock; once published, it
 * changes only with the registry, under the caller's lock. */
static MemberIndex *
member_index_get (TerrindRegistry *registry)
{
  MemberIndex *index = g_atomic_pointer_get (&registry->members);
  GHashTableIter iter;
  gpointer territory;

  if (index != NULL)
    return index;
  g_mutex_lock (&registry->members_lock);
  index = registry->members;
  if (index == NULL)
    {
      index = g_new0 (MemberIndex, 1);
      index->first = g_hash_table_new (g_direct_hash, g_direct_equal);
      index->shared = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                             (GDestroyNotify) g_tree_unref);
      g_hash_table_iter_init (&iter, registry->territories.by_id);
      while (g_hash_table_iter_next (&iter, NULL, &territory))
        member_index_each (index, territory, member_index_add);
      g_atomic_pointer_set (&registry->members, index);
    }
  g_mutex_unlock (&registry->members_lock);
  return index;
}

/* Writers only: an index not built yet has nothing to keep up to date. */
static void
index_member (TerrindRegistry  *registry,
              TerrindTerritory *territory,
              const char       *siren)
{
  if (registry->members != NULL)
    member_index_add (registry->members, siren, territory);
}

static void
unindex_member (TerrindRegistry  *registry,
                TerrindTerritory *territory,
                const char       *siren)
{
  if (registry->members != NULL)
    member_index_remove (registry->members, siren, territory);
}

static gboolean
index_commitment (TerrindRegistry    *registry,
                  TerrindCommitment  *commitment,
                  GError            **error)
{
  if (g_hash_table_contains (registry->commitments, commitment->id))
    {
      g_set_error (error, TERRIND_ERROR, TERRIND_ERROR_DUPLICATE,
                   "there is already a commitment with id “%s”", commitment->id);
      return FALSE;
    }
  g_hash_table_insert (registry->commitments, commitment->id, commitment);
  return TRUE;
}

static void
unindex_commitment (TerrindRegistry   *registry,
                    TerrindCommitment *commitment)
{
  g_hash_table_remove (registry->commitments, commitment->id);
}

static gboolean
has_region (TerrindRegistry *registry,
            const char      *code)
{
  return terrind_entity_list_lookup (&registry->regions, code) != NULL;
}

static TerrindPhase *
lookup_phase (TerrindRegistry *registry,
              guint            number)
{
  char id[16];

  if (terrind_entity_list_size (&registry->phases) == 0)
    return NULL;
  g_snprintf (id, sizeof id, "%u", number);
  return terrind_entity_list_lookup (&registry->phases, id);
}

/* The territory of @phase whose ANCT id is @anct_id, if any. */
static TerrindTerritory *
lookup_anct_id (TerrindRegistry *registry,
                guint            phase,
                const char      *anct_id)
{
  TerrindTerritory key = { 0, };
  TerrindTerritory *found;

  key.phase = phase;
  key.anct_id = (char *) anct_id;
  found = g_hash_table_lookup (registry->anct_ids, &key);
  if (found != NULL)
    return found;
  found = terrind_entity_list_lookup (&registry->territories, anct_id);
  if (found != NULL && found->anct_id == NULL && found->phase == phase)
    return found;
  return NULL;
}

TerrindTerritory *
terrind_registry_lookup_anct_id (TerrindRegistry *registry,
                                 guint            phase,
                                 const char      *anct_id)
{
  return lookup_anct_id (registry, phase, anct_id);
}

/* In a registry that defines phases, every territory and convention is in
 * one of them; in one that defines none (a 1.0 registry), a phase number
 * is a free label. */
static gboolean
check_phase (TerrindRegistry  *registry,
             guint             phase,
             const char       *what,
             const char       *id,
             GError          **error)
{
  if (terrind_entity_list_size (&registry->phases) == 0 || lookup_phase (registry, phase) != NULL)
    return TRUE;
  if (phase == 0)
    g_set_error (error, TERRIND_ERROR, TERRIND_ERROR_UNKNOWN_REFERENCE,
                 "%s “%s” names no phase, but the registry defines phases: each %s "
                 "must be in one of them", what, id, what);
  else
    g_set_error (error, TERRIND_ERROR, TERRIND_ERROR_UNKNOWN_REFERENCE,
                 "%s “%s” is in phase %u, which is not in the registry", what, id, phase);
  return FALSE;
}

/* FALSE unless no territory other than @territory has @anct_id in @phase. */
static gboolean
check_anct_id_free (TerrindRegistry   *registry,
                    TerrindTerritory  *territory,
                    guint              phase,
                    const char        *anct_id,
                    GError           **error)
{
  TerrindTerritory *holder = lookup_anct_id (registry, phase, anct_id);

  if (holder == NULL || holder == territory)
    return TRUE;
  g_set_error (error, TERRIND_ERROR, TERRIND_ERROR_DUPLICATE,
               "territory “%s” already has the ANCT id “%s” in phase %u",
               holder->id, anct_id, phase);
  return FALSE;
}

/* Sets the phase and ANCT id, the index following. */
static void
set_territory_key (TerrindRegistry  *registry,
                   TerrindTerritory *territory,
                   guint             phase,
                   const char       *anct_id)
{
  /* Out of the index while its key changes. */
  if (territory->anct_id != NULL)
    g_hash_table_remove (registry->anct_ids, territory);
  territory->phase = phase;
  terrind_replace_string (&territory->anct_id, anct_id);
  if (territory->anct_id != NULL)
    g_hash_table_add (registry->anct_ids, territory);
}

static gboolean check_records (TerrindRegistry *registry, GError **error);

static gboolean
rekey_territory (TerrindRegistry   *registry,
                 TerrindTerritory  *territory,
                 guint              phase,
                 const char        *anct_id,
                 GError           **error)
{
  guint old_phase = territory->phase;
  g_autofree char *old_anct_id = g_strdup (territory->anct_id);

  if (!check_phase (registry, phase, "territory", territory->id, error) ||
      !check_anct_id_free (registry, territory, phase, anct_id != NULL ? anct_id : territory->id,
                           error))
    return FALSE;
  set_territory_key (registry, territory, phase, anct_id);
  if (phase != old_phase && !check_records (registry, error))
    {
      /* Its records' years no longer fit its phase: as it was. */
      set_territory_key (registry, territory, old_phase, old_anct_id);
      return FALSE;
    }
  return TRUE;
}

/* Records: designations and investments */

/* A designation's (operator, territory, year) key, as the referent pairs:
 * a designation on the stack with those fields set is a valid key. */
static guint
designation_key_hash (gconstpointer key)
{
  const TerrindDesignation *designation = key;

  return (g_str_hash (designation->operator_id) * 31 + g_str_hash (designation->territory_id)) * 31 +
         designation->year;
}

static gboolean
designation_key_equal (gconstpointer a,
                       gconstpointer b)
{
  const TerrindDesignation *da = a, *db = b;

  return da->year == db->year && g_str_equal (da->operator_id, db->operator_id) &&
         g_str_equal (da->territory_id, db->territory_id);
}

/* What every record must satisfy: its operator and territory are in the
 * registry, its commitment is one of the operator's, and its year lies in
 * the commitment's period (when it has one) and in the territory's phase
 * (when the registry defines phases). Returns the commitment. */
static TerrindCommitment *
check_record (TerrindRegistry  *registry,
              const char       *what,
              const char       *id,
              const char       *op_id,
              const char       *terr_id,
              guint             year,
              const char       *commitment_id,
              GError          **error)
{
  TerrindTerritory *territory;
  TerrindCommitment *commitment;
  TerrindPhase *phase;

  if (terrind_entity_list_lookup (&registry->operators, op_id) == NULL)
    {
      g_set_error (error, TERRIND_ERROR, TERRIND_ERROR_UNKNOWN_REFERENCE,
                   "%s “%s” is by operator “%s”, which is not in the registry", what, id, op_id);
      return NULL;
    }
  territory = terrind_entity_list_lookup (&registry->territories, terr_id);
  if (territory == NULL)
    {
      g_set_error (error, TERRIND_ERROR, TERRIND_ERROR_UNKNOWN_REFERENCE,
                   "%s “%s” is for territory “%s”, which is not in the registry",
                   what, id, terr_id);
      return NULL;
    }
  commitment = g_hash_table_lookup (registry->commitments, commitment_id);
  if (commitment == NULL)
    {
      g_set_error (error, TERRIND_ERROR, TERRIND_ERROR_UNKNOWN_REFERENCE,
                   "%s “%s” counts against commitment “%s”, which is not in the registry",
                   what, id, commitment_id);
      return NULL;
    }
  if (!g_str_equal (commitment->convention->operator_id, op_id))
    {
      g_set_error (error, TERRIND_ERROR, TERRIND_ERROR_UNKNOWN_REFERENCE,
                   "%s “%s” is by operator “%s”, but commitment “%s” is one of operator “%s”",
                   what, id, op_id, commitment_id, commitment->convention->operator_id);
      return NULL;
    }
  if (commitment->first_year != 0 &&
      (year < commitment->first_year || year > commitment->last_year))
    {
      g_set_error (error, TERRIND_ERROR, TERRIND_ERROR_INVALID_VALUE,
                   "%s “%s” is for %u, outside the period of commitment “%s” (%u-%u)",
                   what, id, year, commitment_id, commitment->first_year, commitment->last_year);
      return NULL;
    }
  phase = lookup_phase (registry, territory->phase);
  if (phase != NULL && (year < phase->first_year || year > phase->last_year))
    {
      g_set_error (error, TERRIND_ERROR, TERRIND_ERROR_INVALID_VALUE,
                   "%s “%s” is for %u, outside phase %u of territory “%s” (%u-%u)",
                   what, id, year, phase->number, terr_id, phase->first_year, phase->last_year);
      return NULL;
    }
  return commitment;
}

static gboolean
commitment_has_target (const TerrindCommitment *commitment,
                       const char              *level)
{
  guint n = terrind_commitment_get_n_targets (commitment);

  for (guint i = 0; i < n; i++)
    if (g_str_equal (terrind_commitment_get_target_level (commitment, i), level))
      return TRUE;
  return FALSE;
}

static gboolean
commitment_has_theme (const TerrindCommitment *commitment,
                      const char              *theme)
{
  guint n = terrind_commitment_get_n_themes (commitment);

  for (guint i = 0; i < n; i++)
    if (g_str_equal (terrind_commitment_get_theme (commitment, i), theme))
      return TRUE;
  return FALSE;
}

/* Everything about @proposed, which is to take the place of @designation
 * (NULL for one being added). */
static gboolean
check_designation (TerrindRegistry           *registry,
                   const TerrindDesignation  *designation,
                   const TerrindDesignation  *proposed,
                   GError                   **error)
{
  TerrindCommitment *commitment;
  TerrindDesignation *holder;

  commitment = check_record (registry, "designation", proposed->id, proposed->operator_id,
                             proposed->territory_id, proposed->year, proposed->commitment_id,
                             error);
  if (commitment == NULL)
    return FALSE;
  if (terrind_commitment_get_n_targets (commitment) > 0 &&
      !commitment_has_target (commitment, proposed->level))
    {
      g_set_error (error, TERRIND_ERROR, TERRIND_ERROR_INVALID_VALUE,
                   "designation “%s” is at level “%s”, which is not a target level of "
                   "commitment “%s”", proposed->id, proposed->level, proposed->commitment_id);
      return FALSE;
    }
  holder = g_hash_table_lookup (registry->designation_keys, proposed);
  if (holder != NULL && holder != designation)
    {
      g_set_error (error, TERRIND_ERROR, TERRIND_ERROR_DUPLICATE,
                   "operator “%s” already designated territory “%s” for %u (“%s”): one "
                   "designation per operator, territory and year",
                   proposed->operator_id, proposed->territory_id, proposed->year, holder->id);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_investment (TerrindRegistry          *registry,
                  const TerrindInvestment  *investment,
                  const TerrindInvestment  *proposed,
                  GError                  **error)
{
  TerrindCommitment *commitment;

  commitment = check_record (registry, "investment", proposed->id, proposed->operator_id,
                             proposed->territory_id, proposed->year, proposed->commitment_id,
                             error);
  if (commitment == NULL)
    return FALSE;
  if (proposed->theme != NULL && !commitment_has_theme (commitment, proposed->theme))
    {
      g_autofree char *quoted = terrind_quote (proposed->theme);

      g_set_error (error, TERRIND_ERROR, TERRIND_ERROR_INVALID_VALUE,
                   "investment “%s” has the theme %s, which is not a theme of commitment “%s”",
                   proposed->id, quoted, proposed->commitment_id);
      return FALSE;
    }
  return TRUE;
}

/* Every record against the rules again: O(records), and nothing when
 * there are none (every registry without records). */
static gboolean
check_records (TerrindRegistry  *registry,
               GError          **error)
{
  GHashTableIter iter;
  gpointer record;

  g_hash_table_iter_init (&iter, registry->designations.by_id);
  while (g_hash_table_iter_next (&iter, &record, NULL))
    if (!check_designation (registry, record, record, error))
      return FALSE;
  g_hash_table_iter_init (&iter, registry->investments.by_id);
  while (g_hash_table_iter_next (&iter, &record, NULL))
    if (!check_investment (registry, record, record, error))
      return FALSE;
  return TRUE;
}

static void
unindex_designation (TerrindRegistry    *registry,
                     TerrindDesignation *designation)
{
  g_hash_table_remove (registry->designation_keys, designation);
}

static void
index_designation (TerrindRegistry    *registry,
                   TerrindDesignation *designation)
{
  g_hash_table_add (registry->designation_keys, designation);
}

static gboolean designation_of_commitment (gpointer entity, gconstpointer id);
static gboolean investment_of_commitment (gpointer entity, gconstpointer id);

/* The first record that counts against @commitment_id, and how many do. */
static gconstpointer
find_record_of_commitment (TerrindRegistry *registry,
                           const char      *commitment_id,
                           const char     **what)
{
  GHashTableIter iter;
  gpointer entity;

  g_hash_table_iter_init (&iter, registry->designations.by_id);
  while (g_hash_table_iter_next (&iter, &entity, NULL))
    if (designation_of_commitment (entity, commitment_id))
      {
        *what = "designation";
        return entity;
      }
  g_hash_table_iter_init (&iter, registry->investments.by_id);
  while (g_hash_table_iter_next (&iter, &entity, NULL))
    if (investment_of_commitment (entity, commitment_id))
      {
        *what = "investment";
        return entity;
      }
  return NULL;
}

static gboolean
release_commitment_hook (TerrindRegistry    *registry,
                         TerrindCommitment  *commitment,
                         GError            **error)
{
  const char *what = NULL;
  gconstpointer record = find_record_of_commitment (registry, commitment->id, &what);

  if (record == NULL)
    return TRUE;
  g_set_error (error, TERRIND_ERROR, TERRIND_ERROR_IN_USE,
               "commitment “%s” still has records, such as %s “%s”; remove them first",
               commitment->id, what, ((const TerrindEntityHeader *) record)->id);
  return FALSE;
}

static gboolean refuse_during_changeset (TerrindRegistry  *registry,
                                         GError          **error);

static const TerrindOwnerHooks owner_hooks = {
  .has_region = has_region,
  .rekey_territory = rekey_territory,
  .check_phase = check_phase,
  .check_records = check_records,
  .index_commitment = index_commitment,
  .unindex_commitment = unindex_commitment,
  .index_member = index_member,
  .unindex_member = unindex_member,
  .check_designation = check_designation,
  .check_investment = check_investment,
  .unindex_designation = unindex_designation,
  .index_designation = index_designation,
  .release_commitment = release_commitment_hook,
  .check_write = refuse_during_changeset,
};

/**
 * terrind_registry_new:
 *
 * Creates an empty registry. For the programme's own data, see
 * terrind_registry_new_default().
 *
 * Returns: (transfer full): a new, empty registry.
 *
 * Since: 1.0
 */
TerrindRegistry *
terrind_registry_new (void)
{
  TerrindRegistry *registry = g_new0 (TerrindRegistry, 1);

  registry->hooks = &owner_hooks;
  g_atomic_ref_count_init (&registry->ref_count);
  terrind_entity_list_init (&registry->phases, phase_id, release_phase);
  terrind_entity_list_init (&registry->regions, region_id, release_region);
  terrind_entity_list_init (&registry->territories, territory_id, release_territory);
  terrind_entity_list_init (&registry->operators, operator_id, release_operator);
  terrind_entity_list_init (&registry->conventions, convention_id, release_convention);
  terrind_entity_list_init (&registry->referents, referent_id, release_referent);
  terrind_entity_list_init (&registry->designations, designation_id, release_designation);
  terrind_entity_list_init (&registry->investments, investment_id, release_investment);
  registry->commitments = g_hash_table_new (g_str_hash, g_str_equal);
  registry->designation_keys = g_hash_table_new (designation_key_hash, designation_key_equal);
  registry->anct_ids = g_hash_table_new (anct_id_hash, anct_id_equal);
  g_mutex_init (&registry->members_lock);
  return registry;
}

/**
 * terrind_registry_ref:
 * @registry: a #TerrindRegistry
 *
 * Takes one more reference on @registry.
 *
 * Returns: (transfer full): @registry, with one more reference.
 *
 * Since: 1.0
 */
TerrindRegistry *
terrind_registry_ref (TerrindRegistry *registry)
{
  g_return_val_if_fail (registry != NULL, NULL);

  g_atomic_ref_count_inc (&registry->ref_count);
  return registry;
}

/**
 * terrind_registry_unref:
 * @registry: (transfer full): a #TerrindRegistry
 *
 * Drops one reference. When it was the last, the registry releases its
 * entities; those the caller still holds live on, detached.
 *
 * Since: 1.0
 */
void
terrind_registry_unref (TerrindRegistry *registry)
{
  g_return_if_fail (registry != NULL);

  if (!g_atomic_ref_count_dec (&registry->ref_count))
    return;
  g_clear_pointer (&registry->members, member_index_free);
  g_mutex_clear (&registry->members_lock);
  g_hash_table_unref (registry->anct_ids);
  g_hash_table_unref (registry->designation_keys);
  g_hash_table_unref (registry->commitments);
  terrind_entity_list_clear (&registry->investments);
  terrind_entity_list_clear (&registry->designations);
  terrind_entity_list_clear (&registry->referents);
  terrind_entity_list_clear (&registry->conventions);
  terrind_entity_list_clear (&registry->operators);
  terrind_entity_list_clear (&registry->territories);
  terrind_entity_list_clear (&registry->regions);
  terrind_entity_list_clear (&registry->phases);
  g_free (registry);
}

gboolean
terrind_registry_open_changeset (TerrindRegistry *registry,
                                 gconstpointer    changeset,
                                 GError         **error)
{
  if (registry->changeset != NULL)
    {
      g_set_error_literal (error, TERRIND_ERROR, TERRIND_ERROR_IN_USE,
                           "the registry already has an open changeset: commit it or roll "
                           "it back before opening another");
      return FALSE;
    }
  registry->changeset = changeset;
  return TRUE;
}

void
terrind_registry_close_changeset (TerrindRegistry *registry,
                                  gconstpointer    changeset)
{
  g_return_if_fail (registry->changeset == changeset);
  registry->changeset = NULL;
  registry->changeset_applying = FALSE;
}

gboolean
terrind_registry_set_applying (TerrindRegistry *registry,
                               gboolean         applying)
{
  gboolean was = registry->changeset_applying;

  registry->changeset_applying = applying;
  return was;
}

/* While a changeset is open, its edits are the only changes: another
 * change would slip under its undo log, and rolling back would no longer
 * give back the registry it started from. */
static gboolean
refuse_during_changeset (TerrindRegistry  *registry,
                         GError          **error)
{
  if (registry->changeset == NULL || registry->changeset_applying)
    return TRUE;
  g_set_error_literal (error, TERRIND_ERROR, TERRIND_ERROR_IN_USE,
                       "the registry has an open changeset: make the change through it, "
                       "or commit or roll back the changeset first");
  return FALSE;
}

static gboolean
refuse_foreign (gconstpointer    owner,
                TerrindRegistry *registry,
                const char      *kind,
                const char      *id,
                GError         **error)
{
  if (owner == NULL)
    return TRUE;
  if (owner == registry)
    g_set_error (error, TERRIND_ERROR, TERRIND_ERROR_DUPLICATE,
                 "%s “%s” is already in this registry", kind, id);
  else
    g_set_error (error, TERRIND_ERROR, TERRIND_ERROR_IN_USE,
                 "%s “%s” already belongs to another registry", kind, id);
  return FALSE;
}

static gboolean
refuse_duplicate (TerrindEntityList *list,
                  const char        *kind,
                  const char        *id,
                  GError           **error)
{
  if (terrind_entity_list_lookup (list, id) == NULL)
    return TRUE;
  g_set_error (error, TERRIND_ERROR, TERRIND_ERROR_DUPLICATE,
               "the registry already has the %s “%s”", kind, id);
  return FALSE;
}

/* The first entity of @list whose phase is not @number, if any: what keeps
 * a registry from defining phases, or from removing one. */
static gconstpointer
find_phase_user (TerrindEntityList *list,
                 gboolean           is_territory,
                 guint              number,
                 gboolean           in_phase)
{
  GHashTableIter iter;
  gpointer entity;

  g_hash_table_iter_init (&iter, list->by_id);
  while (g_hash_table_iter_next (&iter, &entity, NULL))
    {
      guint phase = is_territory ? ((TerrindTerritory *) entity)->phase
                                 : ((TerrindConvention *) entity)->phase;

      if ((phase == number) == in_phase)
        return entity;
    }
  return NULL;
}

/**
 * terrind_registry_add_phase:
 * @registry: a #TerrindRegistry
 * @phase: a phase that belongs to no registry
 * @error: return location for a #GError
 *
 * Adds @phase. The first phase a registry gets makes it a registry of
 * phases: from then on every territory and convention must be in one of
 * its phases, so the first phase may only be added when every territory
 * and convention already there names it.
 *
 * Returns: %TRUE on success; %FALSE with %TERRIND_ERROR_DUPLICATE,
 *   %TERRIND_ERROR_IN_USE or %TERRIND_ERROR_UNKNOWN_REFERENCE (a
 *   territory or convention of no such phase is there).
 *
 * Since: 1.1
 */
gboolean
terrind_registry_add_phase (TerrindRegistry  *registry,
                            TerrindPhase     *phase,
                            GError          **error)
{
  g_return_val_if_fail (registry != NULL, FALSE);
  g_return_val_if_fail (phase != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!refuse_during_changeset (registry, error) ||
      !refuse_foreign (phase->owner, registry, "phase", phase->id, error) ||
      !refuse_duplicate (&registry->phases, "phase", phase->id, error))
    return FALSE;
  if (terrind_entity_list_size (&registry->phases) == 0)
    {
      const TerrindTerritory *territory =
        find_phase_user (&registry->territories, TRUE, phase->number, FALSE);
      const TerrindConvention *convention =
        find_phase_user (&registry->conventions, FALSE, phase->number, FALSE);

      if (territory != NULL || convention != NULL)
        {
          g_set_error (error, TERRIND_ERROR, TERRIND_ERROR_UNKNOWN_REFERENCE,
                       "cannot define phase %u first: %s “%s” is not in it, and a registry "
                       "that defines phases holds only territories and conventions of its "
                       "phases", phase->number, territory != NULL ? "territory" : "convention",
                       territory != NULL ? territory->id : convention->id);
          return FALSE;
        }
    }
  phase->owner = registry;
  terrind_entity_list_insert (&registry->phases, terrind_phase_ref (phase));
  return TRUE;
}

/**
 * terrind_registry_remove_phase:
 * @registry: a #TerrindRegistry
 * @number: the number of the phase to remove
 * @error: return location for a #GError
 *
 * Removes a phase no territory or convention is in.
 *
 * Returns: %TRUE on success; %FALSE with %TERRIND_ERROR_NOT_FOUND or
 *   %TERRIND_ERROR_IN_USE.
 *
 * Since: 1.1
 */
gboolean
terrind_registry_remove_phase (TerrindRegistry  *registry,
                               guint             number,
                               GError          **error)
{
  TerrindPhase *phase;
  const TerrindTerritory *territory;
  const TerrindConvention *convention;

  g_return_val_if_fail (registry != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!refuse_during_changeset (registry, error))
    return FALSE;
  phase = lookup_phase (registry, number);
  if (phase == NULL)
    {
      g_set_error (error, TERRIND_ERROR, TERRIND_ERROR_NOT_FOUND, "no phase %u", number);
      return FALSE;
    }
  territory = find_phase_user (&registry->territories, TRUE, number, TRUE);
  convention = find_phase_user (&registry->conventions, FALSE, number, TRUE);
  if (territory != NULL || convention != NULL)
    {
      g_set_error (error, TERRIND_ERROR, TERRIND_ERROR_IN_USE,
                   "phase %u still has %s, such as “%s”", number,
                   territory != NULL ? "territories" : "conventions",
                   territory != NULL ? territory->id : convention->id);
      return FALSE;
    }
  release_phase (terrind_entity_list_steal (&registry->phases, phase->id));
  return TRUE;
}

/**
 * terrind_registry_get_phase:
 * @registry: a #TerrindRegistry
 * @number: a phase number
 *
 * Looks up the phase numbered @number. The phase is borrowed: it stays valid
 * while the registry holds it.
 *
 * Returns: (transfer none) (nullable): the phase, or %NULL.
 *
 * Since: 1.1
 */
TerrindPhase *
terrind_registry_get_phase (TerrindRegistry *registry,
                            guint            number)
{
  g_return_val_if_fail (registry != NULL, NULL);
  return lookup_phase (registry, number);
}

/**
 * terrind_registry_get_n_phases:
 * @registry: a #TerrindRegistry
 *
 * Counts the phases that @registry defines.
 *
 * Returns: the number of phases the registry defines: 0 for a registry of
 *   1.0, whose phase numbers are free labels.
 *
 * Since: 1.1
 */
guint
terrind_registry_get_n_phases (TerrindRegistry *registry)
{
  g_return_val_if_fail (registry != NULL, 0);
  return terrind_entity_list_size (&registry->phases);
}

static gint
compare_phases (gconstpointer a,
                gconstpointer b)
{
  guint na = (*(TerrindPhase * const *) a)->number, nb = (*(TerrindPhase * const *) b)->number;

  return na < nb ? -1 : na > nb;
}

/**
 * terrind_registry_list_phases:
 * @registry: a #TerrindRegistry
 *
 * Lists the phases of @registry. Free the array with g_ptr_array_unref(); the
 * phases in it are borrowed.
 *
 * Returns: (transfer container) (element-type TerrindPhase): the phases,
 *   in order of number.
 *
 * Since: 1.1
 */
GPtrArray *
terrind_registry_list_phases (TerrindRegistry *registry)
{
  GPtrArray *phases;

  g_return_val_if_fail (registry != NULL, NULL);
  phases = terrind_entity_list_sorted (&registry->phases);
  g_ptr_array_sort (phases, compare_phases);
  return phases;
}

/**
 * terrind_registry_add_region:
 * @registry: a #TerrindRegistry
 * @region: a region that belongs to no registry
 * @error: return location for a #GError
 *
 * Adds @region; the registry takes its own reference.
 *
 * Returns: %TRUE on success; %FALSE with %TERRIND_ERROR_DUPLICATE (the code
 *   is taken) or %TERRIND_ERROR_IN_USE (@region is in another registry).
 *
 * Since: 1.0
 */
gboolean
terrind_registry_add_region (TerrindRegistry  *registry,
                             TerrindRegion    *region,
                             GError          **error)
{
  g_return_val_if_fail (registry != NULL, FALSE);
  g_return_val_if_fail (region != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!refuse_during_changeset (registry, error))
    return FALSE;

  if (!refuse_foreign (region->owner, registry, "region", region->code, error) ||
      !refuse_duplicate (&registry->regions, "region", region->code, error))
    return FALSE;
  region->owner = registry;
  terrind_entity_list_insert (&registry->regions, terrind_region_ref (region));
  return TRUE;
}

/**
 * terrind_registry_add_territory:
 * @registry: a #TerrindRegistry
 * @territory: a territory that belongs to no registry
 * @error: return location for a #GError
 *
 * Adds @territory; its region must already be in the registry.
 *
 * Returns: %TRUE on success; %FALSE with %TERRIND_ERROR_DUPLICATE,
 *   %TERRIND_ERROR_UNKNOWN_REFERENCE or %TERRIND_ERROR_IN_USE.
 *
 * Since: 1.0
 */
gboolean
terrind_registry_add_territory (TerrindRegistry   *registry,
                                TerrindTerritory  *territory,
                                GError           **error)
{
  g_return_val_if_fail (registry != NULL, FALSE);
  g_return_val_if_fail (territory != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!refuse_during_changeset (registry, error))
    return FALSE;

  if (!refuse_foreign (territory->owner, registry, "territory", territory->id, error) ||
      !refuse_duplicate (&registry->territories, "territory", territory->id, error))
    return FALSE;
  if (terrind_entity_list_lookup (&registry->regions, territory->region_code) == NULL)
    {
      g_set_error (error, TERRIND_ERROR, TERRIND_ERROR_UNKNOWN_REFERENCE,
                   "territory “%s” is in region “%s”, which is not in the registry",
                   territory->id, territory->region_code);
      return FALSE;
    }
  if (!check_phase (registry, territory->phase, "territory", territory->id, error) ||
      !check_anct_id_free (registry, territory, territory->phase,
                           terrind_territory_get_anct_id (territory), error))
    return FALSE;
  territory->owner = registry;
  terrind_entity_list_insert (&registry->territories, terrind_territory_ref (territory));
  if (territory->anct_id != NULL)
    g_hash_table_add (registry->anct_ids, territory);
  if (registry->members != NULL)
    member_index_each (registry->members, territory, member_index_add);
  return TRUE;
}

/**
 * terrind_registry_add_operator:
 * @registry: a #TerrindRegistry
 * @op: an operator that belongs to no registry
 * @error: return location for a #GError
 *
 * Adds @op; the registry takes its own reference. While a changeset is open
 * on @registry, the change must go through it, and this call fails with
 * %TERRIND_ERROR_IN_USE.
 *
 * Returns: %TRUE on success; %FALSE with %TERRIND_ERROR_DUPLICATE or
 *   %TERRIND_ERROR_IN_USE.
 *
 * Since: 1.0
 */
gboolean
terrind_registry_add_operator (TerrindRegistry  *registry,
                               TerrindOperator  *op,
                               GError          **error)
{
  g_return_val_if_fail (registry != NULL, FALSE);
  g_return_val_if_fail (op != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!refuse_during_changeset (registry, error))
    return FALSE;

  if (!refuse_foreign (op->owner, registry, "operator", op->id, error) ||
      !refuse_duplicate (&registry->operators, "operator", op->id, error))
    return FALSE;
  op->owner = registry;
  terrind_entity_list_insert (&registry->operators, terrind_operator_ref (op));
  return TRUE;
}

/**
 * terrind_registry_add_convention:
 * @registry: a #TerrindRegistry
 * @convention: a convention that belongs to no registry
 * @error: return location for a #GError
 *
 * Adds @convention with its commitments. Its operator must be in the
 * registry, and none of its commitment ids may be used by another
 * convention of the registry.
 *
 * Returns: %TRUE on success; %FALSE with %TERRIND_ERROR_DUPLICATE,
 *   %TERRIND_ERROR_UNKNOWN_REFERENCE or %TERRIND_ERROR_IN_USE.
 *
 * Since: 1.0
 */
gboolean
terrind_registry_add_convention (TerrindRegistry    *registry,
                                 TerrindConvention  *convention,
                                 GError            **error)
{
  guint n_commitments;

  g_return_val_if_fail (registry != NULL, FALSE);
  g_return_val_if_fail (convention != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!refuse_during_changeset (registry, error))
    return FALSE;

  if (!refuse_foreign (convention->owner, registry, "convention", convention->id, error) ||
      !refuse_duplicate (&registry->conventions, "convention", convention->id, error))
    return FALSE;
  if (terrind_entity_list_lookup (&registry->operators, convention->operator_id) == NULL)
    {
      g_set_error (error, TERRIND_ERROR, TERRIND_ERROR_UNKNOWN_REFERENCE,
                   "convention “%s” was signed by operator “%s”, which is not in the registry",
                   convention->id, convention->operator_id);
      return FALSE;
    }
  if (!check_phase (registry, convention->phase, "convention", convention->id, error))
    return FALSE;
  /* In order of id, so that the clash reported is always the same. */
  n_commitments = terrind_convention_get_n_commitments (convention);
  for (guint i = 0; i < n_commitments; i++)
    {
      TerrindCommitment *commitment = terrind_convention_get_commitment (convention, i);

      if (g_hash_table_contains (registry->commitments, commitment->id))
        {
          g_set_error (error, TERRIND_ERROR, TERRIND_ERROR_DUPLICATE,
                       "there is already a commitment with id “%s”", commitment->id);
          return FALSE;
        }
    }

  for (guint i = 0; i < n_commitments; i++)
    {
      TerrindCommitment *commitment = terrind_convention_get_commitment (convention, i);

      g_hash_table_insert (registry->commitments, commitment->id, commitment);
    }
  convention->owner = registry;
  terrind_entity_list_insert (&registry->conventions, terrind_convention_ref (convention));
  return TRUE;
}

/* Checks everything about a new referent except that its (operator,
 * territory) pair is free, which add and replace treat differently, and
 * gives its territory, which holds the pairs. */
static TerrindTerritory *
check_new_referent (TerrindRegistry  *registry,
                    TerrindReferent  *referent,
                    GError          **error)
{
  TerrindTerritory *territory;

  if (!refuse_foreign (referent->owner, registry, "referent", referent->id, error))
    return NULL;
  if (terrind_entity_list_lookup (&registry->operators, referent->operator_id) == NULL)
    {
      g_set_error (error, TERRIND_ERROR, TERRIND_ERROR_UNKNOWN_REFERENCE,
                   "referent “%s” is named by operator “%s”, which is not in the registry",
                   referent->id, referent->operator_id);
      return NULL;
    }
  territory = terrind_entity_list_lookup (&registry->territories, referent->territory_id);
  if (territory == NULL)
    {
      g_set_error (error, TERRIND_ERROR, TERRIND_ERROR_UNKNOWN_REFERENCE,
                   "referent “%s” is for territory “%s”, which is not in the registry",
                   referent->id, referent->territory_id);
      return NULL;
    }
  return territory;
}

/* The territory of a referent of the registry. */
static TerrindTerritory *
territory_of (TerrindRegistry *registry,
              TerrindReferent *referent)
{
  TerrindTerritory *territory = terrind_entity_list_lookup (&registry->territories,
                                                            referent->territory_id);

  g_assert (territory != NULL);
  return territory;
}

static void
insert_referent (TerrindRegistry  *registry,
                 TerrindTerritory *territory,
                 TerrindReferent  *referent)
{
  referent->owner = registry;
  terrind_entity_list_insert (&registry->referents, terrind_referent_ref (referent));
  terrind_referent_slots_add (&territory->referents, referent);
}

static void
remove_referent (TerrindRegistry *registry,
                 TerrindReferent *referent)
{
  terrind_referent_slots_remove (&territory_of (registry, referent)->referents, referent);
  referent = terrind_entity_list_steal (&registry->referents, referent->id);
  release_referent (referent);
}

/**
 * terrind_registry_add_referent:
 * @registry: a #TerrindRegistry
 * @referent: a referent that belongs to no registry
 * @error: return location for a #GError
 *
 * Adds @referent. Its operator and territory must be in the registry, and
 * that operator must not have a referent for that territory yet: an
 * operator names a single referent per territory. To change it, use
 * terrind_registry_replace_referent().
 *
 * Returns: %TRUE on success; %FALSE with %TERRIND_ERROR_DUPLICATE (the id
 *   is taken, or the operator already has a referent for the territory),
 *   %TERRIND_ERROR_UNKNOWN_REFERENCE or %TERRIND_ERROR_IN_USE.
 *
 * Since: 1.0
 */
gboolean
terrind_registry_add_referent (TerrindRegistry  *registry,
                               TerrindReferent  *referent,
                               GError          **error)
{
  TerrindTerritory *territory;
  TerrindReferent *existing;

  g_return_val_if_fail (registry != NULL, FALSE);
  g_return_val_if_fail (referent != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!refuse_during_changeset (registry, error))
    return FALSE;

  territory = check_new_referent (registry, referent, error);
  if (territory == NULL ||
      !refuse_duplicate (&registry->referents, "referent", referent->id, error))
    return FALSE;
  existing = terrind_referent_slots_find (&territory->referents, referent->operator_id);
  if (existing != NULL)
    {
      g_set_error (error, TERRIND_ERROR, TERRIND_ERROR_DUPLICATE,
                   "operator “%s” already has a referent for territory “%s” (“%s”): "
                   "an operator names a single referent per territory; replace it instead",
                   referent->operator_id, referent->territory_id, existing->id);
      return FALSE;
    }
  insert_referent (registry, territory, referent);
  return TRUE;
}

/**
 * terrind_registry_replace_referent:
 * @registry: a #TerrindRegistry
 * @referent: the new referent, which belongs to no registry
 * @error: return location for a #GError
 *
 * Replaces the referent the operator of @referent has for its territory by
 * @referent. The new referent may keep the old one's id or take a new one.
 *
 * Returns: %TRUE on success; %FALSE with %TERRIND_ERROR_NOT_FOUND (there is
 *   no referent to replace), %TERRIND_ERROR_DUPLICATE (the new id is used by
 *   another referent), %TERRIND_ERROR_UNKNOWN_REFERENCE or
 *   %TERRIND_ERROR_IN_USE.
 *
 * Since: 1.0
 */
gboolean
terrind_registry_replace_referent (TerrindRegistry  *registry,
                                   TerrindReferent  *referent,
                                   GError          **error)
{
  TerrindTerritory *territory;
  TerrindReferent *existing, *same_id;

  g_return_val_if_fail (registry != NULL, FALSE);
  g_return_val_if_fail (referent != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!refuse_during_changeset (registry, error))
    return FALSE;

  territory = check_new_referent (registry, referent, error);
  if (territory == NULL)
    return FALSE;
  existing = terrind_referent_slots_find (&territory->referents, referent->operator_id);
  if (existing == NULL)
    {
      g_set_error (error, TERRIND_ERROR, TERRIND_ERROR_NOT_FOUND,
                   "operator “%s” has no referent for territory “%s” to replace",
                   referent->operator_id, referent->territory_id);
      return FALSE;
    }
  same_id = terrind_entity_list_lookup (&registry->referents, referent->id);
  if (same_id != NULL && same_id != existing)
    {
      g_set_error (error, TERRIND_ERROR, TERRIND_ERROR_DUPLICATE,
                   "there is already a referent with id “%s”", referent->id);
      return FALSE;
    }
  remove_referent (registry, existing);
  insert_referent (registry, territory, referent);
  return TRUE;
}

static gboolean
not_found (GError    **error,
           const char *kind,
           const char *id)
{
  g_autofree char *quoted = terrind_quote (id);

  g_set_error (error, TERRIND_ERROR, TERRIND_ERROR_NOT_FOUND,
               "there is no %s with id %s", kind, quoted);
  return FALSE;
}

static GPtrArray *filter_listing (GPtrArray  *listing,
                                  gboolean  (*keep) (gpointer entity, gconstpointer data),
                                  gconstpointer data);
static gboolean
designation_of_commitment (gpointer entity, gconstpointer id)
{
  return g_str_equal (((TerrindDesignation *) entity)->commitment_id, id);
}

static gboolean
investment_of_commitment (gpointer entity, gconstpointer id)
{
  return g_str_equal (((TerrindInvestment *) entity)->commitment_id, id);
}

static gboolean
designation_of_territory (gpointer entity, gconstpointer id)
{
  return g_str_equal (((TerrindDesignation *) entity)->territory_id, id);
}

static gboolean
investment_of_territory (gpointer entity, gconstpointer id)
{
  return g_str_equal (((TerrindInvestment *) entity)->territory_id, id);
}

static gboolean
designation_of_operator (gpointer entity, gconstpointer id)
{
  return g_str_equal (((TerrindDesignation *) entity)->operator_id, id);
}

static gboolean
investment_of_operator (gpointer entity, gconstpointer id)
{
  return g_str_equal (((TerrindInvestment *) entity)->operator_id, id);
}

/* The commitments of a convention, as a set of ids. */
typedef struct {
  TerrindRegistry   *registry;
  TerrindConvention *convention;
} ConventionQuery;

static gboolean
designation_of_convention (gpointer entity, gconstpointer data)
{
  const ConventionQuery *query = data;
  TerrindCommitment *commitment =
    g_hash_table_lookup (query->registry->commitments, ((TerrindDesignation *) entity)->commitment_id);

  return commitment != NULL && commitment->convention == query->convention;
}

static gboolean
investment_of_convention (gpointer entity, gconstpointer data)
{
  const ConventionQuery *query = data;
  TerrindCommitment *commitment =
    g_hash_table_lookup (query->registry->commitments, ((TerrindInvestment *) entity)->commitment_id);

  return commitment != NULL && commitment->convention == query->convention;
}

static void
insert_designation (TerrindRegistry    *registry,
                    TerrindDesignation *designation)
{
  designation->owner = registry;
  terrind_entity_list_insert (&registry->designations, terrind_designation_ref (designation));
  g_hash_table_add (registry->designation_keys, designation);
}

static void
remove_designation (TerrindRegistry    *registry,
                    TerrindDesignation *designation)
{
  g_hash_table_remove (registry->designation_keys, designation);
  designation = terrind_entity_list_steal (&registry->designations, designation->id);
  release_designation (designation);
}

static void
remove_investment (TerrindRegistry   *registry,
                   TerrindInvestment *investment)
{
  investment = terrind_entity_list_steal (&registry->investments, investment->id);
  release_investment (investment);
}

/* The records that refer to an entity about to go: FALSE with
 * TERRIND_ERROR_IN_USE when there are some and @flags do not cascade;
 * else the caller removes @designations and @investments with it. */
static gboolean
collect_records (TerrindRegistry     *registry,
                 gboolean           (*designation_of) (gpointer, gconstpointer),
                 gboolean           (*investment_of) (gpointer, gconstpointer),
                 gconstpointer        data,
                 TerrindRemoveFlags   flags,
                 const char          *what,
                 const char          *id,
                 GPtrArray          **designations,
                 GPtrArray          **investments,
                 GError             **error)
{
  *designations = filter_listing (terrind_entity_list_sorted (&registry->designations),
                                  designation_of, data);
  *investments = filter_listing (terrind_entity_list_sorted (&registry->investments),
                                 investment_of, data);
  if ((*designations)->len + (*investments)->len == 0 || (flags & TERRIND_REMOVE_CASCADE))
    return TRUE;
  g_set_error (error, TERRIND_ERROR, TERRIND_ERROR_IN_USE,
               "%s “%s” still has %u designations and %u investments; "
               "remove them first or cascade",
               what, id, (*designations)->len, (*investments)->len);
  return FALSE;
}

static void
remove_records (TerrindRegistry *registry,
                GPtrArray       *designations,
                GPtrArray       *investments)
{
  for (guint i = 0; i < designations->len; i++)
    remove_designation (registry, g_ptr_array_index (designations, i));
  for (guint i = 0; i < investments->len; i++)
    remove_investment (registry, g_ptr_array_index (investments, i));
}


/**
 * terrind_registry_remove_region:
 * @registry: a #TerrindRegistry
 * @code: the code of the region to remove
 * @error: return location for a #GError
 *
 * Removes a region no territory is in.
 *
 * Returns: %TRUE on success; %FALSE with %TERRIND_ERROR_NOT_FOUND or
 *   %TERRIND_ERROR_IN_USE.
 *
 * Since: 1.0
 */
gboolean
terrind_registry_remove_region (TerrindRegistry  *registry,
                                const char       *code,
                                GError          **error)
{
  g_autoptr(GPtrArray) territories = NULL;

  g_return_val_if_fail (registry != NULL, FALSE);
  g_return_val_if_fail (code != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!refuse_during_changeset (registry, error))
    return FALSE;

  if (terrind_entity_list_lookup (&registry->regions, code) == NULL)
    return not_found (error, "region", code);
  territories = terrind_registry_list_territories_in_region (registry, code);
  if (territories->len > 0)
    {
      g_set_error (error, TERRIND_ERROR, TERRIND_ERROR_IN_USE,
                   "region “%s” still has %u territories, such as “%s”",
                   code, territories->len,
                   ((TerrindTerritory *) g_ptr_array_index (territories, 0))->id);
      return FALSE;
    }
  release_region (terrind_entity_list_steal (&registry->regions, code));
  return TRUE;
}

/**
 * terrind_registry_remove_territory:
 * @registry: a #TerrindRegistry
 * @id: the id of the territory to remove
 * @flags: %TERRIND_REMOVE_CASCADE to remove its referents and records too
 * @error: return location for a #GError
 *
 * Removes a territory. Without %TERRIND_REMOVE_CASCADE, a territory that
 * still has referents, designations or investments is not removed.
 *
 * Returns: %TRUE on success; %FALSE with %TERRIND_ERROR_NOT_FOUND or
 *   %TERRIND_ERROR_IN_USE.
 *
 * Since: 1.0
 */
gboolean
terrind_registry_remove_territory (TerrindRegistry     *registry,
                                   const char          *id,
                                   TerrindRemoveFlags   flags,
                                   GError             **error)
{
  g_autoptr(GPtrArray) referents = NULL;
  g_autoptr(GPtrArray) designations = NULL;
  g_autoptr(GPtrArray) investments = NULL;
  TerrindTerritory *territory;

  g_return_val_if_fail (registry != NULL, FALSE);
  g_return_val_if_fail (id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!refuse_during_changeset (registry, error))
    return FALSE;

  if (terrind_entity_list_lookup (&registry->territories, id) == NULL)
    return not_found (error, "territory", id);
  referents = terrind_registry_list_referents_of_territory (registry, id);
  if (referents->len > 0 && !(flags & TERRIND_REMOVE_CASCADE))
    {
      g_set_error (error, TERRIND_ERROR, TERRIND_ERROR_IN_USE,
                   "territory “%s” still has %u referents, such as “%s”; "
                   "remove them first or cascade",
                   id, referents->len,
                   ((TerrindReferent *) g_ptr_array_index (referents, 0))->id);
      return FALSE;
    }
  if (!collect_records (registry, designation_of_territory, investment_of_territory, id, flags,
                        "territory", id, &designations, &investments, error))
    return FALSE;
  remove_records (registry, designations, investments);
  for (guint i = 0; i < referents->len; i++)
    remove_referent (registry, g_ptr_array_index (referents, i));
  territory = terrind_entity_list_steal (&registry->territories, id);
  if (registry->members != NULL)
    member_index_each (registry->members, territory, member_index_remove);
  if (territory->anct_id != NULL)
    g_hash_table_remove (registry->anct_ids, territory);
  release_territory (territory);
  return TRUE;
}

static void
remove_convention (TerrindRegistry   *registry,
                   TerrindConvention *convention)
{
  guint n = terrind_convention_get_n_commitments (convention);

  for (guint i = 0; i < n; i++)
    unindex_commitment (registry, terrind_convention_get_commitment (convention, i));
  convention = terrind_entity_list_steal (&registry->conventions, convention->id);
  release_convention (convention);
}

/**
 * terrind_registry_remove_operator:
 * @registry: a #TerrindRegistry
 * @id: the id of the operator to remove
 * @flags: %TERRIND_REMOVE_CASCADE to remove its conventions, referents
 *   and records too
 * @error: return location for a #GError
 *
 * Removes an operator. Without %TERRIND_REMOVE_CASCADE, an operator that
 * still has conventions, referents, designations or investments is not
 * removed.
 *
 * Returns: %TRUE on success; %FALSE with %TERRIND_ERROR_NOT_FOUND or
 *   %TERRIND_ERROR_IN_USE.
 *
 * Since: 1.0
 */
gboolean
terrind_registry_remove_operator (TerrindRegistry     *registry,
                                  const char          *id,
                                  TerrindRemoveFlags   flags,
                                  GError             **error)
{
  g_autoptr(GPtrArray) conventions = NULL;
  g_autoptr(GPtrArray) referents = NULL;
  g_autoptr(GPtrArray) designations = NULL;
  g_autoptr(GPtrArray) investments = NULL;

  g_return_val_if_fail (registry != NULL, FALSE);
  g_return_val_if_fail (id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!refuse_during_changeset (registry, error))
    return FALSE;

  if (terrind_entity_list_lookup (&registry->operators, id) == NULL)
    return not_found (error, "operator", id);
  conventions = terrind_registry_list_conventions_of_operator (registry, id);
  referents = terrind_registry_list_referents_of_operator (registry, id);
  if ((conventions->len > 0 || referents->len > 0) && !(flags & TERRIND_REMOVE_CASCADE))
    {
      g_set_error (error, TERRIND_ERROR, TERRIND_ERROR_IN_USE,
                   "operator “%s” still has %u conventions and %u referents; "
                   "remove them first or cascade",
                   id, conventions->len, referents->len);
      return FALSE;
    }
  if (!collect_records (registry, designation_of_operator, investment_of_operator, id, flags,
                        "operator", id, &designations, &investments, error))
    return FALSE;
  remove_records (registry, designations, investments);
  for (guint i = 0; i < referents->len; i++)
    remove_referent (registry, g_ptr_array_index (referents, i));
  for (guint i = 0; i < conventions->len; i++)
    remove_convention (registry, g_ptr_array_index (conventions, i));
  release_operator (terrind_entity_list_steal (&registry->operators, id));
  return TRUE;
}

/**
 * terrind_registry_remove_convention:
 * @registry: a #TerrindRegistry
 * @id: the id of the convention to remove
 * @error: return location for a #GError
 *
 * Removes a convention and, with it, its commitments. A convention whose
 * commitments designations or investments count against is not removed:
 * see terrind_registry_remove_convention_full().
 *
 * Returns: %TRUE on success; %FALSE with %TERRIND_ERROR_NOT_FOUND or
 *   %TERRIND_ERROR_IN_USE.
 *
 * Since: 1.0
 */
gboolean
terrind_registry_remove_convention (TerrindRegistry  *registry,
                                    const char       *id,
                                    GError          **error)
{
  return terrind_registry_remove_convention_full (registry, id, TERRIND_REMOVE_NONE, error);
}

/**
 * terrind_registry_remove_convention_full:
 * @registry: a #TerrindRegistry
 * @id: the id of the convention to remove
 * @flags: %TERRIND_REMOVE_CASCADE to remove the records that count
 *   against its commitments too
 * @error: return location for a #GError
 *
 * Removes a convention and, with it, its commitments. Without
 * %TERRIND_REMOVE_CASCADE, a convention whose commitments designations or
 * investments count against is not removed.
 *
 * Returns: %TRUE on success; %FALSE with %TERRIND_ERROR_NOT_FOUND or
 *   %TERRIND_ERROR_IN_USE.
 *
 * Since: 1.1
 */
gboolean
terrind_registry_remove_convention_full (TerrindRegistry     *registry,
                                         const char          *id,
                                         TerrindRemoveFlags   flags,
                                         GError             **error)
{
  g_autoptr(GPtrArray) designations = NULL;
  g_autoptr(GPtrArray) investments = NULL;
  TerrindConvention *convention;
  ConventionQuery query;

  g_return_val_if_fail (registry != NULL, FALSE);
  g_return_val_if_fail (id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!refuse_during_changeset (registry, error))
    return FALSE;

  convention = terrind_entity_list_lookup (&registry->conventions, id);
  if (convention == NULL)
    return not_found (error, "convention", id);
  query.registry = registry;
  query.convention = convention;
  if (!collect_records (registry, designation_of_convention, investment_of_convention, &query,
                        flags, "convention", id, &designations, &investments, error))
    return FALSE;
  remove_records (registry, designations, investments);
  remove_convention (registry, convention);
  return TRUE;
}

/**
 * terrind_registry_remove_referent:
 * @registry: a #TerrindRegistry
 * @id: the id of the referent to remove
 * @error: return location for a #GError
 *
 * Removes the referent whose id is @id, which frees its operator to name
 * another referent for the territory. While a changeset is open on @registry,
 * this call fails with %TERRIND_ERROR_IN_USE.
 *
 * Returns: %TRUE on success; %FALSE with %TERRIND_ERROR_NOT_FOUND.
 *
 * Since: 1.0
 */
gboolean
terrind_registry_remove_referent (TerrindRegistry  *registry,
                                  const char       *id,
                                  GError          **error)
{
  TerrindReferent *referent;

  g_return_val_if_fail (registry != NULL, FALSE);
  g_return_val_if_fail (id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!refuse_during_changeset (registry, error))
    return FALSE;

  referent = terrind_entity_list_lookup (&registry->referents, id);
  if (referent == NULL)
    return not_found (error, "referent", id);
  remove_referent (registry, referent);
  return TRUE;
}

/**
 * terrind_registry_get_region:
 * @registry: a #TerrindRegistry
 * @code: a region code
 *
 * Looks up the region whose code is @code. The region is borrowed: it stays
 * valid while the registry holds it.
 *
 * Returns: (transfer none) (nullable): the region, or %NULL.
 *
 * Since: 1.0
 */
TerrindRegion *
terrind_registry_get_region (TerrindRegistry *registry,
                             const char      *code)
{
  g_return_val_if_fail (registry != NULL, NULL);
  return terrind_entity_list_lookup (&registry->regions, code);
}

/**
 * terrind_registry_get_territory:
 * @registry: a #TerrindRegistry
 * @id: a territory id
 *
 * Looks up the territory whose id is @id. The territory is borrowed: it stays
 * valid while the registry holds it.
 *
 * Returns: (transfer none) (nullable): the territory, or %NULL.
 *
 * Since: 1.0
 */
TerrindTerritory *
terrind_registry_get_territory (TerrindRegistry *registry,
                                const char      *id)
{
  g_return_val_if_fail (registry != NULL, NULL);
  return terrind_entity_list_lookup (&registry->territories, id);
}

/**
 * terrind_registry_get_operator:
 * @registry: a #TerrindRegistry
 * @id: an operator id
 *
 * Looks up the operator whose id is @id. The operator is borrowed: it stays
 * valid while the registry holds it.
 *
 * Returns: (transfer none) (nullable): the operator, or %NULL.
 *
 * Since: 1.0
 */
TerrindOperator *
terrind_registry_get_operator (TerrindRegistry *registry,
                               const char      *id)
{
  g_return_val_if_fail (registry != NULL, NULL);
  return terrind_entity_list_lookup (&registry->operators, id);
}

/**
 * terrind_registry_get_convention:
 * @registry: a #TerrindRegistry
 * @id: a convention id
 *
 * Looks up the convention whose id is @id. The convention is borrowed: it
 * stays valid while the registry holds it.
 *
 * Returns: (transfer none) (nullable): the convention, or %NULL.
 *
 * Since: 1.0
 */
TerrindConvention *
terrind_registry_get_convention (TerrindRegistry *registry,
                                 const char      *id)
{
  g_return_val_if_fail (registry != NULL, NULL);
  return terrind_entity_list_lookup (&registry->conventions, id);
}

/**
 * terrind_registry_get_commitment:
 * @registry: a #TerrindRegistry
 * @id: a commitment id
 *
 * Finds a commitment in whichever convention of the registry holds it.
 *
 * Returns: (transfer none) (nullable): the commitment, or %NULL.
 *
 * Since: 1.0
 */
TerrindCommitment *
terrind_registry_get_commitment (TerrindRegistry *registry,
                                 const char      *id)
{
  g_return_val_if_fail (registry != NULL, NULL);
  return id != NULL ? g_hash_table_lookup (registry->commitments, id) : NULL;
}

/**
 * terrind_registry_get_referent:
 * @registry: a #TerrindRegistry
 * @id: a referent id
 *
 * Looks up the referent whose id is @id. The referent is borrowed: it stays
 * valid while the registry holds it.
 *
 * Returns: (transfer none) (nullable): the referent, or %NULL.
 *
 * Since: 1.0
 */
TerrindReferent *
terrind_registry_get_referent (TerrindRegistry *registry,
                               const char      *id)
{
  g_return_val_if_fail (registry != NULL, NULL);
  return terrind_entity_list_lookup (&registry->referents, id);
}

/**
 * terrind_registry_get_n_regions:
 * @registry: a #TerrindRegistry
 *
 * Counts the regions in @registry.
 *
 * Returns: the number of regions.
 *
 * Since: 1.0
 */
guint
terrind_registry_get_n_regions (TerrindRegistry *registry)
{
  g_return_val_if_fail (registry != NULL, 0);
  return terrind_entity_list_size (&registry->regions);
}

/**
 * terrind_registry_get_n_territories:
 * @registry: a #TerrindRegistry
 *
 * Counts the territories in @registry.
 *
 * Returns: the number of territories.
 *
 * Since: 1.0
 */
guint
terrind_registry_get_n_territories (TerrindRegistry *registry)
{
  g_return_val_if_fail (registry != NULL, 0);
  return terrind_entity_list_size (&registry->territories);
}

/**
 * terrind_registry_get_n_operators:
 * @registry: a #TerrindRegistry
 *
 * Counts the operators in @registry.
 *
 * Returns: the number of operators.
 *
 * Since: 1.0
 */
guint
terrind_registry_get_n_operators (TerrindRegistry *registry)
{
  g_return_val_if_fail (registry != NULL, 0);
  return terrind_entity_list_size (&registry->operators);
}

/**
 * terrind_registry_get_n_conventions:
 * @registry: a #TerrindRegistry
 *
 * Counts the conventions in @registry.
 *
 * Returns: the number of conventions.
 *
 * Since: 1.0
 */
guint
terrind_registry_get_n_conventions (TerrindRegistry *registry)
{
  g_return_val_if_fail (registry != NULL, 0);
  return terrind_entity_list_size (&registry->conventions);
}

/**
 * terrind_registry_get_n_referents:
 * @registry: a #TerrindRegistry
 *
 * Counts the referents in @registry.
 *
 * Returns: the number of referents.
 *
 * Since: 1.0
 */
guint
terrind_registry_get_n_referents (TerrindRegistry *registry)
{
  g_return_val_if_fail (registry != NULL, 0);
  return terrind_entity_list_size (&registry->referents);
}

/**
 * terrind_registry_list_regions:
 * @registry: a #TerrindRegistry
 *
 * Lists the regions of @registry.
 *
 * Returns: (transfer container) (element-type TerrindRegion): the regions
 *   sorted by code; free the array with g_ptr_array_unref(), the elements
 *   are borrowed.
 *
 * Since: 1.0
 */
GPtrArray *
terrind_registry_list_regions (TerrindRegistry *registry)
{
  g_return_val_if_fail (registry != NULL, NULL);
  return terrind_entity_list_sorted (&registry->regions);
}

/**
 * terrind_registry_list_territories:
 * @registry: a #TerrindRegistry
 *
 * Lists the territories of @registry. Free the array with
 * g_ptr_array_unref(); the territories in it are borrowed.
 *
 * Returns: (transfer container) (element-type TerrindTerritory): the
 *   territories sorted by id.
 *
 * Since: 1.0
 */
GPtrArray *
terrind_registry_list_territories (TerrindRegistry *registry)
{
  g_return_val_if_fail (registry != NULL, NULL);
  return terrind_entity_list_sorted (&registry->territories);
}

/**
 * terrind_registry_list_operators:
 * @registry: a #TerrindRegistry
 *
 * Lists the operators of @registry. Free the array with g_ptr_array_unref();
 * the operators in it are borrowed.
 *
 * Returns: (transfer container) (element-type TerrindOperator): the
 *   operators sorted by id.
 *
 * Since: 1.0
 */
GPtrArray *
terrind_registry_list_operators (TerrindRegistry *registry)
{
  g_return_val_if_fail (registry != NULL, NULL);
  return terrind_entity_list_sorted (&registry->operators);
}

/**
 * terrind_registry_list_conventions:
 * @registry: a #TerrindRegistry
 *
 * Lists the conventions of @registry. Free the array with
 * g_ptr_array_unref(); the conventions in it are borrowed.
 *
 * Returns: (transfer container) (element-type TerrindConvention): the
 *   conventions sorted by id.
 *
 * Since: 1.0
 */
GPtrArray *
terrind_registry_list_conventions (TerrindRegistry *registry)
{
  g_return_val_if_fail (registry != NULL, NULL);
  return terrind_entity_list_sorted (&registry->conventions);
}

/**
 * terrind_registry_list_referents:
 * @registry: a #TerrindRegistry
 *
 * Lists the referents of @registry. Free the array with g_ptr_array_unref();
 * the referents in it are borrowed.
 *
 * Returns: (transfer container) (element-type TerrindReferent): the
 *   referents sorted by id.
 *
 * Since: 1.0
 */
GPtrArray *
terrind_registry_list_referents (TerrindRegistry *registry)
{
  g_return_val_if_fail (registry != NULL, NULL);
  return terrind_entity_list_sorted (&registry->referents);
}

/* Keeps, in place, the elements of a sorted listing that @keep accepts. */
static GPtrArray *
filter_listing (GPtrArray  *listing,
                gboolean  (*keep) (gpointer entity, gconstpointer data),
                gconstpointer data)
{
  guint kept = 0;

  for (guint i = 0; i < listing->len; i++)
    if (keep (g_ptr_array_index (listing, i), data))
      listing->pdata[kept++] = g_ptr_array_index (listing, i);
  g_ptr_array_set_size (listing, kept);
  return listing;
}

static gint
compare_referents_by_id (gconstpointer a,
                         gconstpointer b)
{
  return strcmp ((*(TerrindReferent * const *) a)->id, (*(TerrindReferent * const *) b)->id);
}

static gboolean
territory_in_region (gpointer entity, gconstpointer code)
{
  return g_str_equal (((TerrindTerritory *) entity)->region_code, code);
}

static gboolean
convention_of_operator (gpointer entity, gconstpointer id)
{
  return g_str_equal (((TerrindConvention *) entity)->operator_id, id);
}

static gboolean
referent_of_operator (gpointer entity, gconstpointer id)
{
  return g_str_equal (((TerrindReferent *) entity)->operator_id, id);
}

/**
 * terrind_registry_list_territories_in_region:
 * @registry: a #TerrindRegistry
 * @region_code: a region code
 *
 * Lists the territories whose region is @region_code. A region with no
 * territory gives an empty array, not %NULL. Free the array with
 * g_ptr_array_unref(); the territories in it are borrowed.
 *
 * Returns: (transfer container) (element-type TerrindTerritory) (nullable):
 *   the territories of the region sorted by id, or %NULL when the region is
 *   not in the registry.
 *
 * Since: 1.0
 */
GPtrArray *
terrind_registry_list_territories_in_region (TerrindRegistry *registry,
                                             const char      *region_code)
{
  g_return_val_if_fail (registry != NULL, NULL);

  if (terrind_entity_list_lookup (&registry->regions, region_code) == NULL)
    return NULL;
  return filter_listing (terrind_entity_list_sorted (&registry->territories),
                         territory_in_region, region_code);
}

/**
 * terrind_registry_list_conventions_of_operator:
 * @registry: a #TerrindRegistry
 * @operator_id: an operator id
 *
 * Lists the conventions that the operator @operator_id holds. An operator
 * with no convention gives an empty array, not %NULL. Free the array with
 * g_ptr_array_unref(); the conventions in it are borrowed.
 *
 * Returns: (transfer container) (element-type TerrindConvention) (nullable):
 *   the operator's conventions sorted by id, or %NULL when the operator is
 *   not in the registry.
 *
 * Since: 1.0
 */
GPtrArray *
terrind_registry_list_conventions_of_operator (TerrindRegistry *registry,
                                               const char      *operator_id)
{
  g_return_val_if_fail (registry != NULL, NULL);

  if (terrind_entity_list_lookup (&registry->operators, operator_id) == NULL)
    return NULL;
  return filter_listing (terrind_entity_list_sorted (&registry->conventions),
                         convention_of_operator, operator_id);
}

/**
 * terrind_registry_list_referents_of_territory:
 * @registry: a #TerrindRegistry
 * @territory_id: a territory id
 *
 * The referents every operator named for the territory: at most one per
 * operator.
 *
 * Returns: (transfer container) (element-type TerrindReferent) (nullable):
 *   the referents sorted by id, or %NULL when the territory is not in the
 *   registry.
 *
 * Since: 1.0
 */
GPtrArray *
terrind_registry_list_referents_of_territory (TerrindRegistry *registry,
                                              const char      *territory_id)
{
  TerrindTerritory *territory;
  GPtrArray *referents;

  g_return_val_if_fail (registry != NULL, NULL);

  territory = terrind_entity_list_lookup (&registry->territories, territory_id);
  if (territory == NULL)
    return NULL;
  referents = g_ptr_array_new ();
  terrind_referent_slots_collect (&territory->referents, referents);
  g_ptr_array_sort (referents, compare_referents_by_id);
  return referents;
}

/**
 * terrind_registry_list_referents_of_operator:
 * @registry: a #TerrindRegistry
 * @operator_id: an operator id
 *
 * Lists the referents that the operator @operator_id named. An operator with
 * no referent gives an empty array, not %NULL. Free the array with
 * g_ptr_array_unref(); the referents in it are borrowed.
 *
 * Returns: (transfer container) (element-type TerrindReferent) (nullable):
 *   the referents the operator named, sorted by id, or %NULL when the
 *   operator is not in the registry.
 *
 * Since: 1.0
 */
GPtrArray *
terrind_registry_list_referents_of_operator (TerrindRegistry *registry,
                                             const char      *operator_id)
{
  g_return_val_if_fail (registry != NULL, NULL);

  if (terrind_entity_list_lookup (&registry->operators, operator_id) == NULL)
    return NULL;
  return filter_listing (terrind_entity_list_sorted (&registry->referents),
                         referent_of_operator, operator_id);
}

/**
 * terrind_registry_get_referent_for:
 * @registry: a #TerrindRegistry
 * @operator_id: an operator id
 * @territory_id: a territory id
 *
 * Finds the referent that @operator_id named for @territory_id: an operator
 * names at most one per territory. A %NULL id finds nothing.
 *
 * Returns: (transfer none) (nullable): the single referent the operator
 *   named for the territory, or %NULL when there is none.
 *
 * Since: 1.0
 */
TerrindReferent *
terrind_registry_get_referent_for (TerrindRegistry *registry,
                                   const char      *operator_id,
                                   const char      *territory_id)
{
  g_return_val_if_fail (registry != NULL, NULL);

  if (operator_id == NULL || territory_id == NULL)
    return NULL;
  return lookup_pair (registry, operator_id, territory_id);
}

typedef struct {
  TerrindRegistry *registry;
  const char      *operator_id;
  const char      *date;
} CoverageQuery;

static gboolean
territory_lacks_referent (gpointer entity, gconstpointer data)
{
  const CoverageQuery *query = data;
  TerrindReferent *referent = terrind_referent_slots_find (&((TerrindTerritory *) entity)->referents,
                                                           query->operator_id);

  return referent == NULL || !terrind_referent_is_current (referent, query->date);
}

/**
 * terrind_registry_list_territories_without_referent:
 * @registry: a #TerrindRegistry
 * @operator_id: an operator id
 *
 * The territories for which the operator has no referent in office today
 * (none named, or one whose end date is past): what the "one referent per
 * territory" commitments still owe. See
 * terrind_registry_list_territories_without_referent_on() for another day.
 *
 * Returns: (transfer container) (element-type TerrindTerritory) (nullable):
 *   the territories sorted by id, or %NULL when the operator is not in the
 *   registry.
 *
 * Since: 1.0
 */
GPtrArray *
terrind_registry_list_territories_without_referent (TerrindRegistry *registry,
                                                    const char      *operator_id)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

  g_return_val_if_fail (registry != NULL, NULL);

  return terrind_registry_list_territories_without_referent_on (registry, operator_id, today);
}

/**
 * terrind_registry_list_territories_without_referent_on:
 * @registry: a #TerrindRegistry
 * @operator_id: an operator id
 * @date: a day, YYYY-MM-DD
 *
 * The territories for which the operator had no referent in office on
 * @date (terrind_referent_is_current()).
 *
 * Returns: (transfer container) (element-type TerrindTerritory) (nullable):
 *   the territories sorted by id, or %NULL when the operator is not in the
 *   registry.
 *
 * Since: 1.1
 */
GPtrArray *
terrind_registry_list_territories_without_referent_on (TerrindRegistry *registry,
                                                       const char      *operator_id,
                                                       const char      *date)
{
  CoverageQuery query = { registry, operator_id, date };

  g_return_val_if_fail (registry != NULL, NULL);
  g_return_val_if_fail (date != NULL, NULL);

  if (operator_id == NULL || terrind_entity_list_lookup (&registry->operators, operator_id) == NULL)
    return NULL;
  return filter_listing (terrind_entity_list_sorted (&registry->territories),
                         territory_lacks_referent, &query);
}

/**
 * terrind_registry_find_territory_by_member:
 * @registry: a #TerrindRegistry
 * @siren: the SIREN of an EPCI or commune
 *
 * O(1): the first call builds an index of every member, in time linear in
 * their number, and the registry keeps it up to date from then on.
 *
 * Returns: (transfer none) (nullable): the first territory (by id) that
 *   has @siren as a member, or %NULL.
 *
 * Since: 1.0
 */
TerrindTerritory *
terrind_registry_find_territory_by_member (TerrindRegistry *registry,
                                           const char      *siren)
{
  gpointer key;

  g_return_val_if_fail (registry != NULL, NULL);

  if (siren == NULL || !siren_key (siren, &key))
    return NULL;
  return g_hash_table_lookup (member_index_get (registry)->first, key);
}

static gboolean
add_to_array (gpointer key,
              gpointer value,
              gpointer array)
{
  g_ptr_array_add (array, value);
  return FALSE;
}

/**
 * terrind_registry_list_territories_by_member:
 * @registry: a #TerrindRegistry
 * @siren: the SIREN of an EPCI or commune
 *
 * Every territory @siren is a member of: one per phase at most in the
 * programme's data (478 SIRENs are members in both phases).
 *
 * Returns: (transfer container) (element-type TerrindTerritory): the
 *   territories, sorted by id; empty when there are none.
 *
 * Since: 1.1
 */
GPtrArray *
terrind_registry_list_territories_by_member (TerrindRegistry *registry,
                                             const char      *siren)
{
  GPtrArray *territories = g_ptr_array_new ();
  MemberIndex *index;
  TerrindTerritory *first;
  GTree *tree;
  gpointer key;

  g_return_val_if_fail (registry != NULL, territories);

  if (siren == NULL || !siren_key (siren, &key))
    return territories;
  index = member_index_get (registry);
  first = g_hash_table_lookup (index->first, key);
  if (first == NULL)
    return territories;
  tree = g_hash_table_lookup (index->shared, key);
  if (tree == NULL)
    g_ptr_array_add (territories, first);
  else
    g_tree_foreach (tree, add_to_array, territories);
  return territories;
}

typedef gboolean (*EntityEqualFunc) (gconstpointer a, gconstpointer b);

static gboolean
lists_equal (TerrindEntityList *a,
             TerrindEntityList *b,
             EntityEqualFunc    equal)
{
  GHashTableIter iter;
  gpointer entity;

  if (terrind_entity_list_size (a) != terrind_entity_list_size (b))
    return FALSE;
  g_hash_table_iter_init (&iter, a->by_id);
  while (g_hash_table_iter_next (&iter, &entity, NULL))
    {
      gpointer other = terrind_entity_list_lookup (b, a->get_id (entity));

      if (other == NULL || !equal (entity, other))
        return FALSE;
    }
  return TRUE;
}

/**
 * terrind_registry_equal:
 * @a: a #TerrindRegistry
 * @b: a #TerrindRegistry
 *
 * Compares two registries entity by entity and field by field.
 *
 * Returns: %TRUE when @a and @b hold the same entities with the same
 *   values.
 *
 * Since: 1.0
 */
gboolean
terrind_registry_equal (TerrindRegistry *a,
                        TerrindRegistry *b)
{
  g_return_val_if_fail (a != NULL, FALSE);
  g_return_val_if_fail (b != NULL, FALSE);

  return lists_equal (&a->phases, &b->phases, (EntityEqualFunc) terrind_phase_equal) &&
         lists_equal (&a->regions, &b->regions, (EntityEqualFunc) terrind_region_equal) &&
         lists_equal (&a->territories, &b->territories, (EntityEqualFunc) terrind_territory_equal) &&
         lists_equal (&a->operators, &b->operators, (EntityEqualFunc) terrind_operator_equal) &&
         lists_equal (&a->conventions, &b->conventions, (EntityEqualFunc) terrind_convention_equal) &&
         lists_equal (&a->referents, &b->referents, (EntityEqualFunc) terrind_referent_equal) &&
         lists_equal (&a->designations, &b->designations,
                      (EntityEqualFunc) terrind_designation_equal) &&
         lists_equal (&a->investments, &b->investments, (EntityEqualFunc) terrind_investment_equal);
}

static gboolean
territory_needs_version_2 (const TerrindTerritory *territory)
{
  guint n = terrind_territory_get_n_members (territory);

  for (guint i = 0; i < n; i++)
    if (terrind_territory_get_member_name (territory, i) != NULL ||
        terrind_territory_get_member_kind (territory, i) != NULL)
      return TRUE;
  return FALSE;
}

guint
terrind_registry_get_format_version (TerrindRegistry *registry)
{
  GHashTableIter iter;
  gpointer entity;

  if (terrind_entity_list_size (&registry->phases) > 0 || g_hash_table_size (registry->anct_ids) > 0 ||
      terrind_entity_list_size (&registry->designations) > 0 ||
      terrind_entity_list_size (&registry->investments) > 0 ||
      find_phase_user (&registry->conventions, FALSE, 0, FALSE) != NULL)
    return 2;
  g_hash_table_iter_init (&iter, registry->territories.by_id);
  while (g_hash_table_iter_next (&iter, &entity, NULL))
    if (territory_needs_version_2 (entity))
      return 2;
  return 1;
}

/**
 * terrind_registry_add_designation:
 * @registry: a #TerrindRegistry
 * @designation: a designation that belongs to no registry
 * @error: return location for a #GError
 *
 * Adds @designation. Its operator, territory and commitment must be in the
 * registry, the commitment in a convention of that operator; its year must
 * lie in the commitment's period (when it has one) and in the territory's
 * phase (when the registry defines phases); its level must be one of the
 * commitment's target levels (when it has targets); and the operator must
 * not have designated the territory for that year already.
 *
 * Returns: %TRUE on success; %FALSE with %TERRIND_ERROR_DUPLICATE (the id
 *   is taken, or the operator, territory and year are),
 *   %TERRIND_ERROR_UNKNOWN_REFERENCE, %TERRIND_ERROR_INVALID_VALUE or
 *   %TERRIND_ERROR_IN_USE.
 *
 * Since: 1.1
 */
gboolean
terrind_registry_add_designation (TerrindRegistry     *registry,
                                  TerrindDesignation  *designation,
                                  GError             **error)
{
  g_return_val_if_fail (registry != NULL, FALSE);
  g_return_val_if_fail (designation != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!refuse_during_changeset (registry, error) ||
      !refuse_foreign (designation->owner, registry, "designation", designation->id, error) ||
      !refuse_duplicate (&registry->designations, "designation", designation->id, error) ||
      !check_designation (registry, NULL, designation, error))
    return FALSE;
  insert_designation (registry, designation);
  return TRUE;
}

/**
 * terrind_registry_remove_designation:
 * @registry: a #TerrindRegistry
 * @id: the id of the designation to remove
 * @error: return location for a #GError
 *
 * Removes the designation whose id is @id. While a changeset is open on
 * @registry, this call fails with %TERRIND_ERROR_IN_USE.
 *
 * Returns: %TRUE on success; %FALSE with %TERRIND_ERROR_NOT_FOUND.
 *
 * Since: 1.1
 */
gboolean
terrind_registry_remove_designation (TerrindRegistry  *registry,
                                     const char       *id,
                                     GError          **error)
{
  TerrindDesignation *designation;

  g_return_val_if_fail (registry != NULL, FALSE);
  g_return_val_if_fail (id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!refuse_during_changeset (registry, error))
    return FALSE;
  designation = terrind_entity_list_lookup (&registry->designations, id);
  if (designation == NULL)
    return not_found (error, "designation", id);
  remove_designation (registry, designation);
  return TRUE;
}

/**
 * terrind_registry_get_designation:
 * @registry: a #TerrindRegistry
 * @id: a designation id
 *
 * Looks up the designation whose id is @id. The designation is borrowed: it
 * stays valid while the registry holds it.
 *
 * Returns: (transfer none) (nullable): the designation, or %NULL.
 *
 * Since: 1.1
 */
TerrindDesignation *
terrind_registry_get_designation (TerrindRegistry *registry,
                                  const char      *id)
{
  g_return_val_if_fail (registry != NULL, NULL);
  return terrind_entity_list_lookup (&registry->designations, id);
}

/**
 * terrind_registry_get_n_designations:
 * @registry: a #TerrindRegistry
 *
 * Counts the designations in @registry.
 *
 * Returns: the number of designations.
 *
 * Since: 1.1
 */
guint
terrind_registry_get_n_designations (TerrindRegistry *registry)
{
  g_return_val_if_fail (registry != NULL, 0);
  return terrind_entity_list_size (&registry->designations);
}

/**
 * terrind_registry_list_designations:
 * @registry: a #TerrindRegistry
 *
 * Lists the designations of @registry. Free the array with
 * g_ptr_array_unref(); the designations in it are borrowed.
 *
 * Returns: (transfer container) (element-type TerrindDesignation): the
 *   designations sorted by id.
 *
 * Since: 1.1
 */
GPtrArray *
terrind_registry_list_designations (TerrindRegistry *registry)
{
  g_return_val_if_fail (registry != NULL, NULL);
  return terrind_entity_list_sorted (&registry->designations);
}

/**
 * terrind_registry_list_designations_of_commitment:
 * @registry: a #TerrindRegistry
 * @commitment_id: a commitment id
 *
 * Lists the designations recorded against the commitment @commitment_id. A
 * commitment with none gives an empty array, not %NULL. Free the array with
 * g_ptr_array_unref(); the designations in it are borrowed.
 *
 * Returns: (transfer container) (element-type TerrindDesignation) (nullable):
 *   the designations that count against the commitment, sorted by id, or
 *   %NULL when the commitment is not in the registry.
 *
 * Since: 1.1
 */
GPtrArray *
terrind_registry_list_designations_of_commitment (TerrindRegistry *registry,
                                                  const char      *commitment_id)
{
  g_return_val_if_fail (registry != NULL, NULL);

  if (commitment_id == NULL || !g_hash_table_contains (registry->commitments, commitment_id))
    return NULL;
  return filter_listing (terrind_entity_list_sorted (&registry->designations),
                         designation_of_commitment, commitment_id);
}

/**
 * terrind_registry_add_investment:
 * @registry: a #TerrindRegistry
 * @investment: an investment that belongs to no registry
 * @error: return location for a #GError
 *
 * Adds @investment. Its operator, territory and commitment must be in the
 * registry, the commitment in a convention of that operator; its year must
 * lie in the commitment's period (when it has one) and in the territory's
 * phase (when the registry defines phases); its theme, when it has one,
 * must be one of the commitment's.
 *
 * Returns: %TRUE on success; %FALSE with %TERRIND_ERROR_DUPLICATE,
 *   %TERRIND_ERROR_UNKNOWN_REFERENCE, %TERRIND_ERROR_INVALID_VALUE or
 *   %TERRIND_ERROR_IN_USE.
 *
 * Since: 1.1
 */
gboolean
terrind_registry_add_investment (TerrindRegistry    *registry,
                                 TerrindInvestment  *investment,
                                 GError            **error)
{
  g_return_val_if_fail (registry != NULL, FALSE);
  g_return_val_if_fail (investment != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!refuse_during_changeset (registry, error) ||
      !refuse_foreign (investment->owner, registry, "investment", investment->id, error) ||
      !refuse_duplicate (&registry->investments, "investment", investment->id, error) ||
      !check_investment (registry, NULL, investment, error))
    return FALSE;
  investment->owner = registry;
  terrind_entity_list_insert (&registry->investments, terrind_investment_ref (investment));
  return TRUE;
}

/**
 * terrind_registry_remove_investment:
 * @registry: a #TerrindRegistry
 * @id: the id of the investment to remove
 * @error: return location for a #GError
 *
 * Removes the investment whose id is @id. While a changeset is open on
 * @registry, this call fails with %TERRIND_ERROR_IN_USE.
 *
 * Returns: %TRUE on success; %FALSE with %TERRIND_ERROR_NOT_FOUND.
 *
 * Since: 1.1
 */
gboolean
terrind_registry_remove_investment (TerrindRegistry  *registry,
                                    const char       *id,
                                    GError          **error)
{
  TerrindInvestment *investment;

  g_return_val_if_fail (registry != NULL, FALSE);
  g_return_val_if_fail (id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!refuse_during_changeset (registry, error))
    return FALSE;
  investment = terrind_entity_list_lookup (&registry->investments, id);
  if (investment == NULL)
    return not_found (error, "investment", id);
  remove_investment (registry, investment);
  return TRUE;
}

/**
 * terrind_registry_get_investment:
 * @registry: a #TerrindRegistry
 * @id: an investment id
 *
 * Looks up the investment whose id is @id. The investment is borrowed: it
 * stays valid while the registry holds it.
 *
 * Returns: (transfer none) (nullable): the investment, or %NULL.
 *
 * Since: 1.1
 */
TerrindInvestment *
terrind_registry_get_investment (TerrindRegistry *registry,
                                 const char      *id)
{
  g_return_val_if_fail (registry != NULL, NULL);
  return terrind_entity_list_lookup (&registry->investments, id);
}

/**
 * terrind_registry_get_n_investments:
 * @registry: a #TerrindRegistry
 *
 * Counts the investments in @registry.
 *
 * Returns: the number of investments.
 *
 * Since: 1.1
 */
guint
terrind_registry_get_n_investments (TerrindRegistry *registry)
{
  g_return_val_if_fail (registry != NULL, 0);
  return terrind_entity_list_size (&registry->investments);
}

/**
 * terrind_registry_list_investments:
 * @registry: a #TerrindRegistry
 *
 * Lists the investments of @registry. Free the array with
 * g_ptr_array_unref(); the investments in it are borrowed.
 *
 * Returns: (transfer container) (element-type TerrindInvestment): the
 *   investments sorted by id.
 *
 * Since: 1.1
 */
GPtrArray *
terrind_registry_list_investments (TerrindRegistry *registry)
{
  g_return_val_if_fail (registry != NULL, NULL);
  return terrind_entity_list_sorted (&registry->investments);
}

/**
 * terrind_registry_list_investments_of_commitment:
 * @registry: a #TerrindRegistry
 * @commitment_id: a commitment id
 *
 * Lists the investments recorded against the commitment @commitment_id. A
 * commitment with none gives an empty array, not %NULL. Free the array with
 * g_ptr_array_unref(); the investments in it are borrowed.
 *
 * Returns: (transfer container) (element-type TerrindInvestment) (nullable):
 *   the investments that count against the commitment, sorted by id, or
 *   %NULL when the commitment is not in the registry.
 *
 * Since: 1.1
 */
GPtrArray *
terrind_registry_list_investments_of_commitment (TerrindRegistry *registry,
                                                 const char      *commitment_id)
{
  g_return_val_if_fail (registry != NULL, NULL);

  if (commitment_id == NULL || !g_hash_table_contains (registry->commitments, commitment_id))
    return NULL;
  return filter_listing (terrind_entity_list_sorted (&registry->investments),
                         investment_of_commitment, commitment_id);
}

/**
 * terrind_designation_get_registry:
 * @designation: a #TerrindDesignation
 *
 * Finds the registry that holds @designation, if any. A designation belongs
 * to at most one registry.
 *
 * Returns: (transfer none) (nullable): the registry that holds
 *   @designation, or %NULL if it belongs to none.
 *
 * Since: 1.1
 */
TerrindRegistry *
terrind_designation_get_registry (const TerrindDesignation *designation)
{
  g_return_val_if_fail (designation != NULL, NULL);
  return designation->owner;
}

/**
 * terrind_investment_get_registry:
 * @investment: a #TerrindInvestment
 *
 * Finds the registry that holds @investment, if any. An investment belongs to
 * at most one registry.
 *
 * Returns: (transfer none) (nullable): the registry that holds
 *   @investment, or %NULL if it belongs to none.
 *
 * Since: 1.1
 */
TerrindRegistry *
terrind_investment_get_registry (const TerrindInvestment *investment)
{
  g_return_val_if_fail (investment != NULL, NULL);
  return investment->owner;
}
