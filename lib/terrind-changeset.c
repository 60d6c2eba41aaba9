/* terrind-changeset.c: a set of edits to a registry that lands whole or not
 * at all
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Layer: above the model's kinds (terrind-model.c, terrind-kind-*.c), which
 * it calls; below the XML reader and the bindings, which call it. Nothing
 * here checks a rule of the model: every edit is the registry's own checked
 * call, applied at once, and what the changeset adds is an undo log. So
 * there is one integrity path, the registry's, and a changeset can check
 * nothing the registry would not.
 */

#include "config.h"

#include "terrind-commitment-private.h"
#include "terrind-changeset-private.h"
#include "terrind-error-private.h"
#include "terrind-model-private.h"
#include "terrind-quote-private.h"
#include "terrind-registry-private.h"

/* The semantics are documented with the type, in terrind-changeset.h. */

typedef enum {
  UNDO_REMOVE,          /* undoes an add: remove the entity again */
  UNDO_ADD,             /* undoes a remove: put the same entity back */
  UNDO_REPLACE,         /* undoes a replace: put the old referent back */
  UNDO_SET,             /* undoes a change of value: the old one */
} UndoAction;

/* One entry per change to the registry. Small, and in one array: an import
 * records one per entity of the document. */
typedef struct {
  UndoAction          action;
  const TerrindKind  *kind;
  const TerrindField *field;    /* UNDO_SET */
  gpointer            entity;   /* a reference, whatever the action */
  char               *text;     /* UNDO_ADD: the parent's id; UNDO_SET: the old value */
} UndoEntry;

typedef enum {
  STATE_OPEN,
  STATE_FAILED,
  STATE_CLOSED,         /* committed or rolled back */
} ChangesetState;

struct _TerrindChangeset {
  gatomicrefcount  ref_count;
  TerrindRegistry *registry;
  ChangesetState   state;
  GArray          *undo;        /* of UndoEntry, oldest first */
  guint            n_edits;     /* calls applied since the changeset opened */
  GError          *failure;     /* STATE_FAILED: the first error */
  gboolean         from_empty;  /* the registry was empty: no undo log */
  gboolean         keep_going;  /* a failed edit undoes itself only */
  guint            edit_mark;   /* the undo log's length when the edit began */

  /* Where the edits that follow come from (terrind_changeset_set_location). */
  char            *file;
  int              line;
  int              column;
  TerrindChangesetLocateFunc locate;  /* when set, asked for line and column */
  gpointer         locate_data;
};

static void
undo_entry_clear (gpointer data)
{
  UndoEntry *entry = data;

  terrind_kind_unref_entity (entry->kind != NULL ? entry->kind : entry->field->kind,
                             entry->entity);
  g_free (entry->text);
}

/**
 * terrind_changeset_new:
 * @registry: the #TerrindRegistry to edit
 * @error: return location for a #GError
 *
 * Opens a changeset on @registry; it holds a reference to @registry until
 * it is freed. While it is open, its edits are the only changes @registry
 * takes: the registry's typed mutations and the setters of the entities it
 * holds fail with %TERRIND_ERROR_IN_USE, so that nothing escapes the undo
 * log and a rollback gives back the registry the changeset started from.
 *
 * Returns: (transfer full) (nullable): a new changeset, or %NULL with
 *   %TERRIND_ERROR_IN_USE when @registry already has one open.
 *
 * Since: 1.1
 */
/* What a registry that was empty goes back to, whatever the edits did in
 * between: nothing. So an import into a new registry, the common case and
 * the largest, keeps no undo log (an entry per entity would cost a fifth
 * of the registry's memory), and a rollback empties the registry. */
static gboolean
registry_is_empty (TerrindRegistry *registry)
{
  guint n_kinds;
  const TerrindKind * const *kinds = terrind_model_get_kinds (&n_kinds);

  for (guint i = 0; i < n_kinds; i++)
    if (kinds[i]->parent == NULL && kinds[i]->count (registry) > 0)
      return FALSE;
  return TRUE;
}

/* Removes every entity, those that refer to others first. */
static void
empty_registry (TerrindRegistry *registry)
{
  guint n_kinds;
  const TerrindKind * const *kinds = terrind_model_get_kinds (&n_kinds);

  for (guint i = n_kinds; i > 0; i--)
    {
      const TerrindKind *kind = kinds[i - 1];
      g_autoptr(GPtrArray) entities = NULL;
      g_autoptr(GPtrArray) ids = NULL;

      if (kind->parent != NULL)
        continue;  /* they go with their parent */
      entities = kind->list (registry);
      ids = g_ptr_array_new_full (entities->len, g_free);
      for (guint j = 0; j < entities->len; j++)
        g_ptr_array_add (ids, g_strdup (kind->get_id (g_ptr_array_index (entities, j))));
      g_clear_pointer (&entities, g_ptr_array_unref);
      for (guint j = 0; j < ids->len; j++)
        {
          g_autoptr(GError) error = NULL;

          if (!kind->remove (registry, g_ptr_array_index (ids, j), TERRIND_REMOVE_NONE, &error))
            g_critical ("could not undo an edit of a changeset: %s", error->message);
        }
    }
}

TerrindChangeset *
terrind_changeset_new (TerrindRegistry  *registry,
                       GError          **error)
{
  TerrindChangeset *changeset;

  g_return_val_if_fail (registry != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  changeset = g_new0 (TerrindChangeset, 1);
  if (!terrind_registry_open_changeset (registry, changeset, error))
    {
      g_free (changeset);
      return NULL;
    }
  g_atomic_ref_count_init (&changeset->ref_count);
  changeset->registry = terrind_registry_ref (registry);
  changeset->state = STATE_OPEN;
  changeset->from_empty = registry_is_empty (registry);
  changeset->undo = g_array_new (FALSE, FALSE, sizeof (UndoEntry));
  g_array_set_clear_func (changeset->undo, undo_entry_clear);
  return changeset;
}

/**
 * terrind_changeset_ref:
 * @changeset: a #TerrindChangeset
 *
 * Takes one more reference on @changeset.
 *
 * Returns: (transfer full): @changeset, with one more reference.
 *
 * Since: 1.1
 */
TerrindChangeset *
terrind_changeset_ref (TerrindChangeset *changeset)
{
  g_return_val_if_fail (changeset != NULL, NULL);

  g_atomic_ref_count_inc (&changeset->ref_count);
  return changeset;
}

/**
 * terrind_changeset_unref:
 * @changeset: (transfer full): a #TerrindChangeset
 *
 * Drops one reference. When it was the last and the changeset is still
 * open, its edits are rolled back: only terrind_changeset_commit() keeps
 * them.
 *
 * Since: 1.1
 */
void
terrind_changeset_unref (TerrindChangeset *changeset)
{
  g_return_if_fail (changeset != NULL);

  if (!g_atomic_ref_count_dec (&changeset->ref_count))
    return;
  terrind_changeset_rollback (changeset);
  g_array_unref (changeset->undo);
  g_clear_error (&changeset->failure);
  g_free (changeset->file);
  terrind_registry_unref (changeset->registry);
  g_free (changeset);
}

/**
 * terrind_changeset_get_registry:
 * @changeset: a #TerrindChangeset
 *
 * Gives the registry that @changeset edits. The changeset holds a reference
 * on it, so it stays valid while you hold the changeset.
 *
 * Returns: (transfer none): the registry @changeset edits.
 *
 * Since: 1.1
 */
TerrindRegistry *
terrind_changeset_get_registry (TerrindChangeset *changeset)
{
  g_return_val_if_fail (changeset != NULL, NULL);
  return changeset->registry;
}

/**
 * terrind_changeset_set_location:
 * @changeset: a #TerrindChangeset
 * @file: (nullable): the name of the file the next edits come from, or
 *   %NULL (with @line 0) to forget the location
 * @line: the 1-based line they come from, or 0 when unknown
 * @column: the 1-based column, or 0 when unknown
 *
 * Names where the edits that follow come from: their errors start with
 * "FILE:LINE:COLUMN: " (just "FILE: " when @line is 0) and carry the
 * location for terrind_error_get_file(), terrind_error_get_line() and
 * terrind_error_get_column().
 *
 * Since: 1.1
 */
void
terrind_changeset_set_location (TerrindChangeset *changeset,
                                const char       *file,
                                int               line,
                                int               column)
{
  g_return_if_fail (changeset != NULL);
  g_return_if_fail (line >= 0 && column >= 0);

  /* An importer calls this once per element: keep the name when it is
   * the same. */
  if (g_strcmp0 (changeset->file, file) != 0)
    {
      g_free (changeset->file);
      changeset->file = g_strdup (file);
    }
  changeset->line = line;
  changeset->column = column;
  changeset->locate = NULL;
  changeset->locate_data = NULL;
}

void
terrind_changeset_set_locator (TerrindChangeset           *changeset,
                               const char                 *file,
                               TerrindChangesetLocateFunc  locate,
                               gpointer                    data)
{
  terrind_changeset_set_location (changeset, file, 0, 0);
  changeset->locate = locate;
  changeset->locate_data = data;
}

void
terrind_changeset_set_keep_going (TerrindChangeset *changeset,
                                  gboolean          keep_going)
{
  g_return_if_fail (changeset != NULL);
  changeset->keep_going = keep_going;
}

void
terrind_changeset_keep_undo_log (TerrindChangeset *changeset)
{
  g_return_if_fail (changeset != NULL);
  g_return_if_fail (changeset->state == STATE_OPEN && changeset->n_edits == 0);

  changeset->from_empty = FALSE;
}

guint
terrind_changeset_get_savepoint (TerrindChangeset *changeset)
{
  g_return_val_if_fail (changeset != NULL, 0);
  return changeset->undo->len;
}

static void undo_one (TerrindChangeset *changeset,
                      UndoEntry        *entry);

void
terrind_changeset_rollback_to (TerrindChangeset *changeset,
                               guint             savepoint)
{
  gboolean was;

  g_return_if_fail (changeset != NULL);
  g_return_if_fail (changeset->state == STATE_OPEN && !changeset->from_empty);
  g_return_if_fail (savepoint <= changeset->undo->len);

  was = terrind_registry_set_applying (changeset->registry, TRUE);
  for (guint i = changeset->undo->len; i > savepoint; i--)
    undo_one (changeset, &g_array_index (changeset->undo, UndoEntry, i - 1));
  g_array_set_size (changeset->undo, savepoint);
  terrind_registry_set_applying (changeset->registry, was);
}

/* Runs one undo entry. Undo puts back what was there a moment ago, which
 * the registry accepted then: it cannot fail unless the library has a bug,
 * which is all a critical can say. */
static void
undo_one (TerrindChangeset *changeset,
          UndoEntry        *entry)
{
  TerrindRegistry *registry = changeset->registry;
  g_autoptr(GError) error = NULL;
  gboolean ok = FALSE;

  switch (entry->action)
    {
    case UNDO_REMOVE:
      ok = entry->kind->remove (registry, entry->kind->get_id (entry->entity),
                                TERRIND_REMOVE_NONE, &error);
      break;
    case UNDO_ADD:
      ok = entry->kind->add (registry, entry->entity, entry->text, &error);
      break;
    case UNDO_REPLACE:
      ok = terrind_registry_replace_referent (registry, entry->entity, &error);
      break;
    case UNDO_SET:
      ok = terrind_field_set_value (entry->field, entry->entity, entry->text, &error);
      break;
    default:
      g_assert_not_reached ();
    }
  if (!ok)
    g_critical ("could not undo an edit of a changeset; the registry may differ from "
                "what it was: %s", error != NULL ? error->message : "unknown error");
}

/* Undoes every edit, newest first, and forgets them. */
static void
undo_all (TerrindChangeset *changeset)
{
  gboolean was = terrind_registry_set_applying (changeset->registry, TRUE);

  if (changeset->from_empty)
    empty_registry (changeset->registry);
  for (guint i = changeset->undo->len; i > 0; i--)
    undo_one (changeset, &g_array_index (changeset->undo, UndoEntry, i - 1));
  g_array_set_size (changeset->undo, 0);
  terrind_registry_set_applying (changeset->registry, was);
  changeset->n_edits = 0;
}

static void
record (TerrindChangeset   *changeset,
        UndoAction          action,
        const TerrindKind  *kind,
        const TerrindField *field,
        gpointer            entity,
        char               *text)
{
  UndoEntry entry = { action, kind, field, NULL, text };

  if (changeset->from_empty)
    {
      g_free (text);
      return;
    }
  entry.entity = terrind_kind_ref_entity (kind != NULL ? kind : field->kind, entity);
  g_array_append_val (changeset->undo, entry);
}

/* Whether an edit may run: FALSE, with the reason, on a changeset that has
 * failed or is closed. */
static gboolean
check_usable (TerrindChangeset  *changeset,
              GError           **error)
{
  switch (changeset->state)
    {
    case STATE_OPEN:
      changeset->edit_mark = changeset->undo->len;
      return TRUE;
    case STATE_FAILED:
      g_set_error (error, TERRIND_ERROR, changeset->failure->code,
                   "the changeset has already failed: %s", changeset->failure->message);
      return FALSE;
    case STATE_CLOSED:
    default:
      g_set_error_literal (error, TERRIND_ERROR, TERRIND_ERROR_FAILED,
                           "the changeset is closed: it was committed or rolled back");
      return FALSE;
    }
}

/* Ends an edit: counts it, or, when @local_error is set, fails the
 * changeset (undoing everything at once, so that the registry is whole
 * again before the caller even sees the error) and hands the caller the
 * error, located as set_location() said or named by the edit. */
static gboolean
finish_edit (TerrindChangeset  *changeset,
             GError            *local_error,
             const char        *verb,
             const TerrindKind *kind,
             const char        *id,
             const char        *field_name,
             GError           **error)
{
  GError *located = NULL;
  TerrindError code;

  if (local_error == NULL)
    {
      changeset->n_edits++;
      return TRUE;
    }

  code = local_error->domain == TERRIND_ERROR ? (TerrindError) local_error->code
                                              : TERRIND_ERROR_FAILED;
  if (changeset->locate != NULL)
    changeset->locate (changeset->locate_data, &changeset->line, &changeset->column);
  if (changeset->file != NULL || changeset->line > 0)
    terrind_set_error_at (&located, code, changeset->file, changeset->line, changeset->column,
                          "%s", local_error->message);
  else
    {
      g_autofree char *quoted = terrind_quote (id);

      located = g_error_new (TERRIND_ERROR, code, "edit %u (%s %s %s%s%s): %s",
                             changeset->n_edits + 1, verb, kind->name, quoted,
                             field_name != NULL ? " " : "",
                             field_name != NULL ? field_name : "",
                             local_error->message);
    }
  g_error_free (local_error);

  if (changeset->keep_going)
    {
      /* With no undo log the registry refused the edit whole and nothing
       * of it is left to undo. */
      if (!changeset->from_empty)
        terrind_changeset_rollback_to (changeset, changeset->edit_mark);
      g_propagate_error (error, located);
      return FALSE;
    }
  undo_all (changeset);
  changeset->state = STATE_FAILED;
  changeset->failure = g_error_copy (located);
  terrind_registry_close_changeset (changeset->registry, changeset);
  g_propagate_error (error, located);
  return FALSE;
}

/* The id of @entity's parent (a commitment's convention), or NULL for a
 * kind without one. */
static char *
parent_id_of (const TerrindKind *kind,
              gconstpointer      entity)
{
  if (kind->parent == NULL)
    return NULL;
  for (guint i = 0; i < kind->n_fields; i++)
    if (kind->fields[i].flags & TERRIND_FIELD_PARENT)
      return terrind_field_get_value (&kind->fields[i], entity);
  g_return_val_if_reached (NULL);
}

/**
 * terrind_changeset_add:
 * @changeset: an open #TerrindChangeset
 * @kind: the kind of @entity
 * @entity: (type gpointer): an entity of @kind that belongs to no registry
 * @parent_id: (nullable): for a kind with a parent (a commitment), the id
 *   of the parent to add it to (its convention); %NULL otherwise
 * @error: return location for a #GError
 *
 * Adds @entity, as terrind_registry_add() does, checked against the
 * registry as the earlier edits left it.
 *
 * Returns: %TRUE on success; %FALSE with the registry's error (the
 *   changeset is then failed and rolled back), or because the changeset
 *   has already failed or is closed.
 *
 * Since: 1.1
 */
gboolean
terrind_changeset_add (TerrindChangeset   *changeset,
                       const TerrindKind  *kind,
                       gpointer            entity,
                       const char         *parent_id,
                       GError            **error)
{
  GError *local_error = NULL;
  gboolean was;

  g_return_val_if_fail (changeset != NULL, FALSE);
  g_return_val_if_fail (kind != NULL, FALSE);
  g_return_val_if_fail (entity != NULL, FALSE);
  g_return_val_if_fail ((kind->parent != NULL) == (parent_id != NULL), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_usable (changeset, error))
    return FALSE;
  was = terrind_registry_set_applying (changeset->registry, TRUE);
  if (terrind_registry_add (changeset->registry, kind, entity, parent_id, &local_error))
    record (changeset, UNDO_REMOVE, kind, NULL, entity, NULL);
  terrind_registry_set_applying (changeset->registry, was);
  return finish_edit (changeset, local_error, "add", kind, kind->get_id (entity), NULL, error);
}

/**
 * terrind_changeset_replace:
 * @changeset: an open #TerrindChangeset
 * @kind: the kind of @entity: only referents can be replaced
 * @entity: (type gpointer): the new entity, which belongs to no registry
 * @error: return location for a #GError
 *
 * Replaces the entity @entity takes the place of, as
 * terrind_registry_replace_referent() does: the referent its operator has
 * for its territory.
 *
 * Returns: %TRUE on success; %FALSE with the registry's error, or
 *   %TERRIND_ERROR_INVALID_VALUE for a kind that cannot be replaced (the
 *   changeset is then failed and rolled back), or because the changeset
 *   has already failed or is closed.
 *
 * Since: 1.1
 */
gboolean
terrind_changeset_replace (TerrindChangeset   *changeset,
                           const TerrindKind  *kind,
                           gpointer            entity,
                           GError            **error)
{
  GError *local_error = NULL;
  TerrindReferent *old = NULL;
  gboolean was;

  g_return_val_if_fail (changeset != NULL, FALSE);
  g_return_val_if_fail (kind != NULL, FALSE);
  g_return_val_if_fail (entity != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_usable (changeset, error))
    return FALSE;
  if (kind != &terrind_kind_referent)
    g_set_error (&local_error, TERRIND_ERROR, TERRIND_ERROR_INVALID_VALUE,
                 "a %s cannot be replaced, only a referent: remove the %s and add the new one",
                 kind->name, kind->name);
  else
    {
      TerrindReferent *referent = entity;

      old = terrind_registry_get_referent_for (changeset->registry,
                                               terrind_referent_get_operator_id (referent),
                                               terrind_referent_get_territory_id (referent));
      /* Held before the registry lets it go. */
      if (old != NULL)
        terrind_referent_ref (old);
      was = terrind_registry_set_applying (changeset->registry, TRUE);
      if (terrind_registry_replace_referent (changeset->registry, referent, &local_error))
        record (changeset, UNDO_REPLACE, kind, NULL, old, NULL);
      terrind_registry_set_applying (changeset->registry, was);
      g_clear_pointer (&old, terrind_referent_unref);
    }
  return finish_edit (changeset, local_error, "replace", kind, kind->get_id (entity), NULL,
                      error);
}

/* Removes one entity, with nothing depending on it left, and records how
 * to put it back. */
static gboolean
remove_one (TerrindChangeset   *changeset,
            const TerrindKind  *kind,
            gpointer            entity,
            GError            **error)
{
  g_autofree char *parent_id = parent_id_of (kind, entity);
  gpointer held = terrind_kind_ref_entity (kind, entity);
  gboolean ok;

  ok = terrind_registry_remove (changeset->registry, kind, kind->get_id (held),
                                TERRIND_REMOVE_NONE, error);
  if (ok)
    record (changeset, UNDO_ADD, kind, NULL, held, g_steal_pointer (&parent_id));
  terrind_kind_unref_entity (kind, held);
  return ok;
}

/* What TERRIND_REMOVE_CASCADE takes along with an entity, as the typed
 * functions do: the records and referents of a territory; the records,
 * the referents, then the conventions, of an operator; the records that
 * count against a convention's commitments. Removed one by one, each has
 * its own undo entry, and the rollback puts them back after what they
 * depend on. */
static gboolean
remove_dependents (TerrindChangeset   *changeset,
                   const TerrindKind  *kind,
                   const char         *id,
                   GError            **error)
{
  g_autoptr(GPtrArray) referents = NULL;
  g_autoptr(GPtrArray) conventions = NULL;
  g_autoptr(GPtrArray) designations = g_ptr_array_new ();
  g_autoptr(GPtrArray) investments = g_ptr_array_new ();
  g_autoptr(GPtrArray) all_designations = NULL;
  g_autoptr(GPtrArray) all_investments = NULL;
  TerrindConvention *convention = NULL;

  if (kind == &terrind_kind_territory)
    referents = terrind_registry_list_referents_of_territory (changeset->registry, id);
  else if (kind == &terrind_kind_operator)
    {
      referents = terrind_registry_list_referents_of_operator (changeset->registry, id);
      conventions = terrind_registry_list_conventions_of_operator (changeset->registry, id);
    }
  else if (kind == &terrind_kind_convention)
    convention = terrind_registry_get_convention (changeset->registry, id);
  else
    return TRUE;

  all_designations = terrind_registry_list_designations (changeset->registry);
  all_investments = terrind_registry_list_investments (changeset->registry);
  for (guint i = 0; i < all_designations->len; i++)
    {
      TerrindDesignation *designation = all_designations->pdata[i];
      const char *key = kind == &terrind_kind_territory
                          ? terrind_designation_get_territory_id (designation)
                          : terrind_designation_get_operator_id (designation);
      TerrindCommitment *commitment =
        terrind_registry_get_commitment (changeset->registry,
                                         terrind_designation_get_commitment_id (designation));

      if (convention != NULL ? commitment->convention == convention
                             : g_str_equal (key, id))
        g_ptr_array_add (designations, designation);
    }
  for (guint i = 0; i < all_investments->len; i++)
    {
      TerrindInvestment *investment = all_investments->pdata[i];
      const char *key = kind == &terrind_kind_territory
                          ? terrind_investment_get_territory_id (investment)
                          : terrind_investment_get_operator_id (investment);
      TerrindCommitment *commitment =
        terrind_registry_get_commitment (changeset->registry,
                                         terrind_investment_get_commitment_id (investment));

      if (convention != NULL ? commitment->convention == convention
                             : g_str_equal (key, id))
        g_ptr_array_add (investments, investment);
    }
  for (guint i = 0; i < designations->len; i++)
    if (!remove_one (changeset, &terrind_kind_designation, designations->pdata[i], error))
      return FALSE;
  for (guint i = 0; i < investments->len; i++)
    if (!remove_one (changeset, &terrind_kind_investment, investments->pdata[i], error))
      return FALSE;
  for (guint i = 0; referents != NULL && i < referents->len; i++)
    if (!remove_one (changeset, &terrind_kind_referent, referents->pdata[i], error))
      return FALSE;
  for (guint i = 0; conventions != NULL && i < conventions->len; i++)
    if (!remove_one (changeset, &terrind_kind_convention, conventions->pdata[i], error))
      return FALSE;
  return TRUE;
}

/**
 * terrind_changeset_remove:
 * @changeset: an open #TerrindChangeset
 * @kind: the kind of the entity to remove
 * @id: its key
 * @flags: %TERRIND_REMOVE_CASCADE to remove what refers to it too, as
 *   terrind_registry_remove() does
 * @error: return location for a #GError
 *
 * Removes an entity, as terrind_registry_remove() does. The changeset
 * keeps the entities it removes until it is committed or rolled back, so
 * that a rollback puts back the very same objects.
 *
 * Returns: %TRUE on success; %FALSE with the registry's error (the
 *   changeset is then failed and rolled back), or because the changeset
 *   has already failed or is closed.
 *
 * Since: 1.1
 */
gboolean
terrind_changeset_remove (TerrindChangeset   *changeset,
                          const TerrindKind  *kind,
                          const char         *id,
                          TerrindRemoveFlags  flags,
                          GError            **error)
{
  GError *local_error = NULL;
  gpointer entity;
  gboolean was;

  g_return_val_if_fail (changeset != NULL, FALSE);
  g_return_val_if_fail (kind != NULL, FALSE);
  g_return_val_if_fail (id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_usable (changeset, error))
    return FALSE;
  was = terrind_registry_set_applying (changeset->registry, TRUE);
  entity = terrind_registry_lookup (changeset->registry, kind, id);
  if (entity == NULL)
    /* The registry's own message, for the same wording as without a
     * changeset. */
    terrind_registry_remove (changeset->registry, kind, id, flags, &local_error);
  else if ((!(flags & TERRIND_REMOVE_CASCADE) ||
            remove_dependents (changeset, kind, id, &local_error)))
    remove_one (changeset, kind, entity, &local_error);
  terrind_registry_set_applying (changeset->registry, was);
  return finish_edit (changeset, local_error, "remove", kind, id, NULL, error);
}

/**
 * terrind_changeset_set_value:
 * @changeset: an open #TerrindChangeset
 * @field: a writable scalar field of a kind
 * @id: the key of the entity to change, of the field's kind
 * @value: (nullable): the new value in text form, or %NULL to unset an
 *   optional field
 * @error: return location for a #GError
 *
 * Changes one field of an entity the registry holds, as
 * terrind_field_set_value() does.
 *
 * Returns: %TRUE on success; %FALSE with %TERRIND_ERROR_NOT_FOUND when the
 *   registry has no such entity, or the field's error (the changeset is
 *   then failed and rolled back), or because the changeset has already
 *   failed or is closed.
 *
 * Since: 1.1
 */
gboolean
terrind_changeset_set_value (TerrindChangeset   *changeset,
                             const TerrindField *field,
                             const char         *id,
                             const char         *value,
                             GError            **error)
{
  GError *local_error = NULL;
  gpointer entity;

  g_return_val_if_fail (changeset != NULL, FALSE);
  g_return_val_if_fail (field != NULL, FALSE);
  g_return_val_if_fail (field->kind != NULL, FALSE);
  g_return_val_if_fail (id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_usable (changeset, error))
    return FALSE;
  entity = terrind_registry_lookup (changeset->registry, field->kind, id);
  if (entity == NULL)
    {
      g_autofree char *quoted = terrind_quote (id);

      g_set_error (&local_error, TERRIND_ERROR, TERRIND_ERROR_NOT_FOUND,
                   "there is no %s with id %s", field->kind->name, quoted);
    }
  else
    {
      char *old = terrind_field_get_value (field, entity);
      /* The entity's setter lets only the changeset's own edits through. */
      gboolean was = terrind_registry_set_applying (changeset->registry, TRUE);

      if (terrind_field_set_value (field, entity, value, &local_error))
        record (changeset, UNDO_SET, NULL, field, entity, old);
      else
        g_free (old);
      terrind_registry_set_applying (changeset->registry, was);
    }
  return finish_edit (changeset, local_error, "set", field->kind, id, field->name, error);
}

/**
 * terrind_changeset_get_n_edits:
 * @changeset: a #TerrindChangeset
 *
 * Counts the edits that @changeset holds.
 *
 * Returns: how many edits (calls that changed the registry) the changeset
 *   holds: 0 once it is committed, rolled back or failed.
 *
 * Since: 1.1
 */
guint
terrind_changeset_get_n_edits (TerrindChangeset *changeset)
{
  g_return_val_if_fail (changeset != NULL, 0);
  return changeset->n_edits;
}

/**
 * terrind_changeset_commit:
 * @changeset: a #TerrindChangeset
 * @error: return location for a #GError
 *
 * Keeps every edit and closes the changeset: the registry takes typed
 * mutations and new changesets again, and the entities the edits removed
 * are released.
 *
 * Returns: %TRUE on success; %FALSE when the changeset has failed (with a
 *   copy of its first error; nothing is left to commit, the registry is as
 *   it was before the changeset) or is already closed.
 *
 * Since: 1.1
 */
gboolean
terrind_changeset_commit (TerrindChangeset  *changeset,
                          GError           **error)
{
  g_return_val_if_fail (changeset != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (changeset->state == STATE_FAILED)
    {
      g_propagate_error (error, g_error_copy (changeset->failure));
      return FALSE;
    }
  if (!check_usable (changeset, error))
    return FALSE;
  g_array_set_size (changeset->undo, 0);
  changeset->n_edits = 0;
  changeset->state = STATE_CLOSED;
  terrind_registry_close_changeset (changeset->registry, changeset);
  return TRUE;
}

/**
 * terrind_changeset_rollback:
 * @changeset: a #TerrindChangeset
 *
 * Undoes every edit, newest first, and closes the changeset: the registry
 * is exactly as it was when the changeset was opened. Does nothing on a
 * changeset already committed, rolled back or failed.
 *
 * Since: 1.1
 */
void
terrind_changeset_rollback (TerrindChangeset *changeset)
{
  g_return_if_fail (changeset != NULL);

  if (changeset->state != STATE_OPEN)
    return;
  undo_all (changeset);
  changeset->state = STATE_CLOSED;
  terrind_registry_close_changeset (changeset->registry, changeset);
}
