/* terrind-lua-private.h: what the files of the Lua binding share
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <lauxlib.h>

#include "terrind-lua.h"

G_BEGIN_DECLS

#ifndef G_NORETURN
#define G_NORETURN __attribute__ ((__noreturn__))
#endif

/* The rule every function of the binding follows, because any allocation
 * in Lua (a userdata, a table, a string) may run a garbage collection step
 * and with it a script's __gc metamethods, which may close a registry,
 * remove an entity or close any wrapper:
 *
 *   take the reference before anything can allocate.
 *
 * A pointer borrowed from libterrind (a lookup, a listing, an entity's own
 * lists) or from a wrapper is only valid until the next allocation. So a
 * function first allocates the Lua value that will own the reference (a box,
 * a hold), then reads the wrapper it works on again (which raises if a
 * finalizer closed it), then borrows and references with no Lua call in
 * between: terrind_lua_new_box() + terrind_lua_box_adopt() for one object,
 * terrind_lua_push_hold() + terrind_lua_hold_take() for a list.
 *
 * And its twin for C memory: a C buffer is never held across a Lua call that
 * can raise (every allocation can, when memory runs out); it is handed over
 * with terrind_lua_push_and_free(). */

/* A value the binding computes that no kind describes (a convention's
 * n_commitments, a registry's counts): read-only, through __index. @get
 * pushes exactly one value and reads @object before its one allocation. */
typedef struct {
  const char *name;
  void      (*get) (lua_State *L, gpointer object);
} TerrindLuaField;

/* A name the binding used before the model was described once, kept so
 * that old scripts run: @alias reads, writes and constructs @field (the
 * description's name). Documented as deprecated in README.md. */
typedef struct {
  const char *alias;
  const char *field;
} TerrindLuaAlias;

/* A key a constructor table may hold besides the kind's fields (a
 * convention's commitments, a kind of their own). @apply gets the new
 * wrapper at @box_index and the key's value at @value_index, once the
 * entity is made and its lists are filled. */
typedef struct {
  const char *name;
  void      (*apply) (lua_State *L, int box_index, int value_index);
} TerrindLuaExtraKey;

/* One wrapped libterrind type: its metatable, methods, the kind of the
 * model it wraps, and the few C functions every wrapper needs. The fields
 * of a kind are not listed here: __index, __newindex and the constructor
 * take them from the model's description (terrind-lua-model.c). */
typedef struct {
  const char               *name;       /* "Territory", for messages */
  const char               *metatable;  /* "terrind.Territory" */
  const char               *kind;       /* the model's kind, "territory"; NULL for Registry */
  gpointer                (*ref)   (gpointer object);
  void                    (*unref) (gpointer object);
  gboolean                (*equal) (gpointer a, gpointer b);
  const char             *(*get_id) (gpointer object);
  TerrindRegistry        *(*get_registry) (gpointer object); /* where it is now, or NULL */
  void                    (*describe) (lua_State *L, gpointer object); /* or NULL */
  const luaL_Reg           *methods;    /* NULL-terminated */
  const TerrindLuaField    *fields;     /* computed fields, NULL-terminated, or NULL */
  const TerrindLuaAlias    *aliases;    /* NULL-terminated, or NULL */
  const TerrindLuaExtraKey *extra_keys; /* NULL-terminated, or NULL */
  lua_CFunction             construct;  /* a type without a kind: from a table at index 1 */
  const luaL_Reg           *statics;    /* functions of the class table, or NULL */
} TerrindLuaType;

/* The userdata behind every wrapper. @object is NULL once closed. The
 * wrapper's parent, if any, is pinned as its first user value: the
 * registry or convention it was taken from or added to. Pins chain up to a
 * registry's wrapper, and a wrapper whose registry's wrapper is closed
 * refuses use (terrind_lua_check_object()). */
typedef struct {
  gpointer              object;
  const TerrindLuaType *type;
} TerrindLuaBox;

extern const TerrindLuaType terrind_lua_phase_type;
extern const TerrindLuaType terrind_lua_region_type;
extern const TerrindLuaType terrind_lua_territory_type;
extern const TerrindLuaType terrind_lua_operator_type;
extern const TerrindLuaType terrind_lua_commitment_type;
extern const TerrindLuaType terrind_lua_convention_type;
extern const TerrindLuaType terrind_lua_referent_type;
extern const TerrindLuaType terrind_lua_designation_type;
extern const TerrindLuaType terrind_lua_investment_type;
extern const TerrindLuaType terrind_lua_registry_type;

/* A userdata that owns references to objects of one type: the owner a
 * list is referenced into before it is turned into Lua values, and the
 * state of an iterator. Released by __gc and __close. */
typedef struct {
  const TerrindLuaType *type;
  GPtrArray            *items;  /* NULL once released */
  guint                 next;   /* for iterators */
} TerrindLuaHold;

/* terrind-lua-object.c */
void           terrind_lua_register_types  (lua_State            *L);
TerrindLuaBox *terrind_lua_new_box         (lua_State            *L,
                                            const TerrindLuaType *type,
                                            int                   parent_index);
void           terrind_lua_box_adopt       (lua_State            *L,
                                            TerrindLuaBox        *box,
                                            gpointer              borrowed);
void           terrind_lua_push_object     (lua_State            *L,
                                            const TerrindLuaType *type,
                                            gpointer              object,
                                            int                   parent_index);
TerrindLuaHold *terrind_lua_push_hold      (lua_State            *L,
                                            const TerrindLuaType *type);
void           terrind_lua_hold_take       (TerrindLuaHold       *hold,
                                            GPtrArray            *borrowed);
void           terrind_lua_hold_add        (TerrindLuaHold       *hold,
                                            gpointer              borrowed);
void           terrind_lua_push_and_free   (lua_State            *L,
                                            lua_CFunction         push,
                                            gpointer              data,
                                            GDestroyNotify        destroy);
gpointer       terrind_lua_check_object    (lua_State            *L,
                                            int                   index,
                                            const TerrindLuaType *type);
gpointer       terrind_lua_check_mutable   (lua_State            *L,
                                            int                   index,
                                            const TerrindLuaType *type);
gpointer       terrind_lua_test_object     (lua_State            *L,
                                            int                   index,
                                            const TerrindLuaType *type);
gpointer       terrind_lua_check_or_build  (lua_State            *L,
                                            int                   index,
                                            const TerrindLuaType *type);
void           terrind_lua_check_reached   (lua_State            *L,
                                            int                   index);
void           terrind_lua_pin             (lua_State            *L,
                                            int                   index,
                                            int                   parent_index);
void           terrind_lua_get_field_table (lua_State            *L,
                                            const TerrindLuaType *type);

/* terrind-lua-model.c: fields, constructors and terrind.kinds() from the
 * model's description */
void           terrind_lua_push_name       (lua_State            *L,
                                            const char           *name);
void           terrind_lua_push_field_table (lua_State           *L,
                                            const TerrindLuaType *type);
void           terrind_lua_push_field      (lua_State            *L,
                                            int                   index,
                                            const TerrindLuaType *type,
                                            const TerrindField   *field);
void           terrind_lua_set_field       (lua_State            *L,
                                            int                   index,
                                            const TerrindLuaType *type,
                                            const TerrindField   *field,
                                            const char           *name,
                                            int                   value_index);
const char    *terrind_lua_push_field_text (lua_State           *L,
                                            int                   value_index,
                                            const TerrindField   *field,
                                            const char           *name);
void           terrind_lua_build_entity    (lua_State            *L,
                                            const TerrindLuaType *type,
                                            int                   table_index);
int            terrind_lua_kinds           (lua_State            *L);
void           terrind_lua_push_dict       (lua_State            *L,
                                            int                   index,
                                            const TerrindLuaType *type);
int            terrind_lua_registry_to_dicts (lua_State          *L);

/* terrind-lua-value.c: arguments (numbered in messages) */
const char    *terrind_lua_check_text      (lua_State            *L,
                                            int                   arg);
const char    *terrind_lua_opt_text        (lua_State            *L,
                                            int                   arg);
guint          terrind_lua_check_uint      (lua_State            *L,
                                            int                   arg);
/* ...and values of named fields, in assignments and constructor tables */
const char    *terrind_lua_value_text      (lua_State            *L,
                                            int                   index,
                                            const char           *field,
                                            gboolean              nullable);
gint64         terrind_lua_value_int64     (lua_State            *L,
                                            int                   index,
                                            const char           *field);
gboolean       terrind_lua_value_boolean   (lua_State            *L,
                                            int                   index,
                                            const char           *field);
int            terrind_lua_get_field       (lua_State            *L,
                                            int                   table_index,
                                            const char           *field);

/* terrind-lua-error.c */
G_NORETURN
void           terrind_lua_raise_error     (lua_State            *L,
                                            GError               *error);
void           terrind_lua_check_success   (lua_State            *L,
                                            gboolean              success,
                                            GError              **error);
void           terrind_lua_register_error  (lua_State            *L);

/* terrind-lua-changeset.c: reg:transaction(function (tx) … end) */
int            terrind_lua_registry_transaction (lua_State       *L);
void           terrind_lua_check_no_transaction (lua_State       *L,
                                                 TerrindRegistry *registry);

/* terrind-lua-csv.c: reg:import_csv(), import_csv_string(), export_csv() */
int            terrind_lua_registry_import_csv        (lua_State *L);
int            terrind_lua_registry_import_csv_string (lua_State *L);
int            terrind_lua_registry_export_csv        (lua_State *L);

/* terrind-lua-evaluation.c: reg:evaluate{ date =, year =, phase = } */
int            terrind_lua_registry_evaluate (lua_State          *L);

/* terrind-lua-iter.c */
void           terrind_lua_push_iterator   (lua_State            *L,
                                            int                   hold_index,
                                            int                   parent_index);

/* terrind-lua-policy.c: what the code running in a lua_State may do; by
 * default everything, the plugin sandbox restricts it. */
void           terrind_lua_policy_restrict (lua_State            *L,
                                            TerrindRegistry      *host,
                                            gboolean              host_writable);
gboolean       terrind_lua_policy_wrote    (lua_State            *L);
void           terrind_lua_check_write     (lua_State            *L,
                                            TerrindRegistry      *registry);
void           terrind_lua_check_files     (lua_State            *L,
                                            const char           *what);

G_END_DECLS
