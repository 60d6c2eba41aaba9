/* terrind-lua-registry.c: terrind.Registry, and the embedding API's
 * functions that hand a registry between C and Lua
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "terrind-lua-private.h"

#define REGISTRY (&terrind_lua_registry_type)

static TerrindRegistry *
check_registry (lua_State *L)
{
  return terrind_lua_check_object (L, 1, REGISTRY);
}

/* For the methods that change the registry: refused on a read-only one. */
static TerrindRegistry *
check_mutable_registry (lua_State *L)
{
  return terrind_lua_check_mutable (L, 1, REGISTRY);
}

/* XML documents may hold any byte, so they go to the parser with their
 * length; only real strings are documents. */
static const char *
check_document (lua_State *L,
                int        arg,
                size_t    *length)
{
  if (lua_type (L, arg) != LUA_TSTRING)
    luaL_typeerror (L, arg, "string");
  return lua_tolstring (L, arg, length);
}

/* Counts are fields: reg.n_territories */
#define COUNT_FIELD(what)                                                   \
  static void                                                               \
  get_n_##what (lua_State *L,                                               \
                gpointer   object)                                          \
  {                                                                         \
    lua_pushinteger (L, terrind_registry_get_n_##what (object));            \
  }

COUNT_FIELD (phases)
COUNT_FIELD (regions)
COUNT_FIELD (territories)
COUNT_FIELD (operators)
COUNT_FIELD (conventions)
COUNT_FIELD (referents)
COUNT_FIELD (designations)
COUNT_FIELD (investments)

static const TerrindLuaField registry_fields[] = {
  { "n_phases", get_n_phases },
  { "n_regions", get_n_regions },
  { "n_territories", get_n_territories },
  { "n_operators", get_n_operators },
  { "n_conventions", get_n_conventions },
  { "n_referents", get_n_referents },
  { "n_designations", get_n_designations },
  { "n_investments", get_n_investments },
  { NULL, NULL }
};

/* Import options come from an optional table:
 * { max_bytes = …, max_depth = …, max_value_length = …, max_elements = … }.
 * Returns NULL when there is no table. Nothing here may raise once the
 * options exist, so the table is read first. */
typedef struct {
  gboolean    present;
  lua_Integer max_bytes, max_depth, max_value_length, max_elements;
} OptionValues;

static lua_Integer
option_value (lua_State  *L,
              int         table_index,
              const char *name,
              lua_Integer maximum)
{
  int index = terrind_lua_get_field (L, table_index, name);
  lua_Integer value = -1;

  if (!lua_isnil (L, index))
    {
      value = terrind_lua_value_int64 (L, index, name);
      if (value < 0 || (lua_Unsigned) value > (lua_Unsigned) maximum)
        luaL_error (L, "bad value for field '%s' (integer out of range)", name);
    }
  lua_pop (L, 1);
  return value;
}

static OptionValues
read_options (lua_State *L,
              int        arg)
{
  static const char * const known[] = {
    "max_bytes", "max_depth", "max_value_length", "max_elements", NULL
  };
  OptionValues values = { FALSE, -1, -1, -1, -1 };

  if (lua_isnoneornil (L, arg))
    return values;
  luaL_checktype (L, arg, LUA_TTABLE);
  lua_pushnil (L);
  while (lua_next (L, arg) != 0)
    {
      if (lua_type (L, -2) != LUA_TSTRING || !g_strv_contains (known, lua_tostring (L, -2)))
        luaL_argerror (L, arg, "unknown import option");
      lua_pop (L, 1);
    }
  values.present = TRUE;
  values.max_bytes = option_value (L, arg, "max_bytes", G_MAXINT64);
  values.max_depth = option_value (L, arg, "max_depth", G_MAXUINT);
  values.max_value_length = option_value (L, arg, "max_value_length", G_MAXUINT);
  values.max_elements = option_value (L, arg, "max_elements", G_MAXINT64);
  return values;
}

static TerrindImportOptions *
make_options (const OptionValues *values)
{
  TerrindImportOptions *options;

  if (!values->present)
    return NULL;
  options = terrind_import_options_new ();
  if (values->max_bytes >= 0)
    terrind_import_options_set_max_bytes (options, (guint64) values->max_bytes);
  if (values->max_depth >= 0)
    terrind_import_options_set_max_depth (options, (guint) values->max_depth);
  if (values->max_value_length >= 0)
    terrind_import_options_set_max_value_length (options, (guint) values->max_value_length);
  if (values->max_elements >= 0)
    terrind_import_options_set_max_elements (options, (guint64) values->max_elements);
  return options;
}

/* The imports run to completion (freeing what they allocate) before any
 * error is raised. */
static gboolean
import_file (TerrindRegistry    *registry,
             const char         *path,
             const OptionValues *values,
             GError            **error)
{
  g_autoptr(TerrindImportOptions) options = make_options (values);

  return terrind_registry_import_file (registry, path, options, error);
}

static gboolean
import_data (TerrindRegistry    *registry,
             const char         *data,
             size_t              length,
             const OptionValues *values,
             GError            **error)
{
  g_autoptr(TerrindImportOptions) options = make_options (values);

  return terrind_registry_import_data (registry, data, length, options, error);
}

/* Registry.new() */
static int
registry_new (lua_State *L)
{
  TerrindLuaBox *box = terrind_lua_new_box (L, REGISTRY, 0);

  box->object = terrind_registry_new ();
  return 1;
}

/* Registry.default(): the embedded dataset */
static int
registry_default (lua_State *L)
{
  TerrindLuaBox *box = terrind_lua_new_box (L, REGISTRY, 0);
  GError *error = NULL;

  box->object = terrind_registry_new_default (&error);
  if (box->object == NULL)
    terrind_lua_raise_error (L, error);
  return 1;
}

/* Registry.load(path [, options]) */
static int
registry_load (lua_State *L)
{
  const char *path = terrind_lua_check_text (L, 1);
  OptionValues values = read_options (L, 2);
  TerrindLuaBox *box;
  GError *error = NULL;

  terrind_lua_check_files (L, "Registry.load");
  box = terrind_lua_new_box (L, REGISTRY, 0);

  box->object = terrind_registry_new ();
  if (!import_file (box->object, path, &values, &error))
    terrind_lua_raise_error (L, error);
  return 1;
}

/* Registry.from_string(xml [, options]) */
static int
registry_from_string (lua_State *L)
{
  size_t length;
  const char *data = check_document (L, 1, &length);
  OptionValues values = read_options (L, 2);
  TerrindLuaBox *box = terrind_lua_new_box (L, REGISTRY, 0);
  GError *error = NULL;

  box->object = terrind_registry_new ();
  if (!import_data (box->object, data, length, &values, &error))
    terrind_lua_raise_error (L, error);
  return 1;
}

static const luaL_Reg registry_statics[] = {
  { "new", registry_new },
  { "default", registry_default },
  { "load", registry_load },
  { "from_string", registry_from_string },
  { NULL, NULL }
};

/* Registry{} is Registry.new(); the table must be empty. */
static int
registry_construct (lua_State *L)
{
  luaL_checktype (L, 1, LUA_TTABLE);
  lua_pushnil (L);
  if (lua_next (L, 1) != 0)
    return luaL_error (L, "terrind Registry takes no fields; use Registry.load or Registry.from_string");
  return registry_new (L);
}

/* reg:import_file(path [, options]): all or nothing */
static int
registry_import_file (lua_State *L)
{
  TerrindRegistry *registry;
  const char *path = terrind_lua_check_text (L, 2);
  OptionValues values = read_options (L, 3);
  GError *error = NULL;

  terrind_lua_check_files (L, "import_file");
  registry = check_mutable_registry (L);
  terrind_lua_check_success (L, import_file (registry, path, &values, &error), &error);
  return 0;
}

/* reg:import_string(xml [, options]): all or nothing */
static int
registry_import_string (lua_State *L)
{
  TerrindRegistry *registry = check_mutable_registry (L);
  size_t length;
  const char *data = check_document (L, 2, &length);
  OptionValues values = read_options (L, 3);
  GError *error = NULL;

  terrind_lua_check_success (L, import_data (registry, data, length, &values, &error), &error);
  return 0;
}

/* reg:save(path): canonical XML, written atomically */
static int
registry_save (lua_State *L)
{
  TerrindRegistry *registry;
  const char *path = terrind_lua_check_text (L, 2);
  GError *error = NULL;

  terrind_lua_check_files (L, "save");
  registry = check_registry (L);
  terrind_lua_check_success (L, terrind_registry_export_file (registry, path, &error), &error);
  return 0;
}

/* The document being handed to Lua by reg:to_string() */
typedef struct {
  char  *data;
  gsize  length;
} Document;

static void
document_free (gpointer document)
{
  g_free (((Document *) document)->data);
}

static int
push_document (lua_State *L)
{
  const Document *document = lua_touserdata (L, 1);

  lua_pushlstring (L, document->data, document->length);
  return 1;
}

/* reg:to_string(): canonical XML. lua_pushlstring() raises when memory runs
 * out, so the buffer is freed by terrind_lua_push_and_free(). */
static int
registry_to_string (lua_State *L)
{
  TerrindRegistry *registry = check_registry (L);
  GError *error = NULL;
  Document document = { NULL, 0 };

  document.data = terrind_registry_export_data (registry, &document.length, &error);
  if (document.data == NULL)
    terrind_lua_raise_error (L, error);
  terrind_lua_push_and_free (L, push_document, &document, document_free);
  return 1;
}

/* The adders take a wrapper or a table to build one from, and return the
 * wrapper, which belongs to the registry from then on (its pin: it closes
 * with this registry wrapper). Building runs Lua code and allocates, so
 * the registry is read after it: a finalizer may have closed it. */
static int
add_entity (lua_State            *L,
            const TerrindLuaType *type,
            gboolean            (*add) (TerrindRegistry *, gpointer, GError **))
{
  gpointer entity;
  TerrindRegistry *registry;
  GError *error = NULL;

  check_registry (L);
  entity = terrind_lua_check_or_build (L, 2, type);
  registry = check_mutable_registry (L);

  terrind_lua_check_success (L, add (registry, entity, &error), &error);
  terrind_lua_pin (L, 2, 1);
  lua_settop (L, 2);
  return 1;
}

#define ADDER(lua_name, c_name, type)                                           \
  static gboolean                                                               \
  call_##lua_name (TerrindRegistry *registry, gpointer entity, GError **error)  \
  {                                                                             \
    return terrind_registry_##c_name (registry, entity, error);                 \
  }                                                                             \
  static int                                                                    \
  registry_##lua_name (lua_State *L)                                            \
  {                                                                             \
    return add_entity (L, type, call_##lua_name);                               \
  }

ADDER (add_phase, add_phase, &terrind_lua_phase_type)
ADDER (add_region, add_region, &terrind_lua_region_type)
ADDER (add_territory, add_territory, &terrind_lua_territory_type)
ADDER (add_operator, add_operator, &terrind_lua_operator_type)
ADDER (add_convention, add_convention, &terrind_lua_convention_type)
ADDER (add_referent, add_referent, &terrind_lua_referent_type)
ADDER (replace_referent, replace_referent, &terrind_lua_referent_type)
ADDER (add_designation, add_designation, &terrind_lua_designation_type)
ADDER (add_investment, add_investment, &terrind_lua_investment_type)

/* { cascade = true } as the optional last argument of the removers that
 * accept it. */
static TerrindRemoveFlags
check_remove_flags (lua_State *L,
                    int        arg)
{
  TerrindRemoveFlags flags = TERRIND_REMOVE_NONE;

  if (lua_isnoneornil (L, arg))
    return flags;
  luaL_checktype (L, arg, LUA_TTABLE);
  lua_pushnil (L);
  while (lua_next (L, arg) != 0)
    {
      if (lua_type (L, -2) != LUA_TSTRING || g_strcmp0 (lua_tostring (L, -2), "cascade") != 0)
        luaL_argerror (L, arg, "unknown remove option");
      if (terrind_lua_value_boolean (L, -1, "cascade"))
        flags |= TERRIND_REMOVE_CASCADE;
      lua_pop (L, 1);
    }
  return flags;
}

/* A phase is named by its number: an integer (a float with an integral
 * value too; 1.5 raises, as luaL_checkinteger() does), or its text form
 * ("2"), the key the model gives it. A number becomes that text here,
 * before the registry is read (pushing the string allocates). */
static const char *
check_phase_key (lua_State *L,
                 int        arg)
{
  if (lua_type (L, arg) == LUA_TNUMBER)
    {
      lua_pushfstring (L, "%I", (LUAI_UACINT) luaL_checkinteger (L, arg));
      lua_replace (L, arg);
    }
  return terrind_lua_check_text (L, arg);
}

static int
registry_remove_phase (lua_State *L)
{
  const char *key = check_phase_key (L, 2);
  TerrindRegistry *registry = check_mutable_registry (L);
  GError *error = NULL;

  terrind_lua_check_success (L, terrind_registry_remove (registry, terrind_model_lookup_kind ("phase"),
                                                         key, TERRIND_REMOVE_NONE, &error),
                             &error);
  return 0;
}

static int
registry_remove_region (lua_State *L)
{
  const char *code = terrind_lua_check_text (L, 2);
  TerrindRegistry *registry = check_mutable_registry (L);
  GError *error = NULL;

  terrind_lua_check_success (L, terrind_registry_remove_region (registry, code, &error), &error);
  return 0;
}

static int
registry_remove_territory (lua_State *L)
{
  const char *id = terrind_lua_check_text (L, 2);
  TerrindRemoveFlags flags = check_remove_flags (L, 3);
  TerrindRegistry *registry = check_mutable_registry (L);
  GError *error = NULL;

  terrind_lua_check_success (L, terrind_registry_remove_territory (registry, id, flags, &error),
                             &error);
  return 0;
}

static int
registry_remove_operator (lua_State *L)
{
  const char *id = terrind_lua_check_text (L, 2);
  TerrindRemoveFlags flags = check_remove_flags (L, 3);
  TerrindRegistry *registry = check_mutable_registry (L);
  GError *error = NULL;

  terrind_lua_check_success (L, terrind_registry_remove_operator (registry, id, flags, &error),
                             &error);
  return 0;
}

static int
registry_remove_convention (lua_State *L)
{
  const char *id = terrind_lua_check_text (L, 2);
  TerrindRemoveFlags flags = check_remove_flags (L, 3);
  TerrindRegistry *registry = check_mutable_registry (L);
  GError *error = NULL;

  terrind_lua_check_success (L, terrind_registry_remove_convention_full (registry, id, flags,
                                                                         &error),
                             &error);
  return 0;
}

static int
registry_remove_designation (lua_State *L)
{
  const char *id = terrind_lua_check_text (L, 2);
  TerrindRegistry *registry = check_mutable_registry (L);
  GError *error = NULL;

  terrind_lua_check_success (L, terrind_registry_remove_designation (registry, id, &error),
                             &error);
  return 0;
}

static int
registry_remove_investment (lua_State *L)
{
  const char *id = terrind_lua_check_text (L, 2);
  TerrindRegistry *registry = check_mutable_registry (L);
  GError *error = NULL;

  terrind_lua_check_success (L, terrind_registry_remove_investment (registry, id, &error),
                             &error);
  return 0;
}

static int
registry_remove_referent (lua_State *L)
{
  const char *id = terrind_lua_check_text (L, 2);
  TerrindRegistry *registry = check_mutable_registry (L);
  GError *error = NULL;

  terrind_lua_check_success (L, terrind_registry_remove_referent (registry, id, &error), &error);
  return 0;
}

/* Lookups return the entity, or nil; the entity pins the registry. The box
 * is made first and the registry read after it, so the entity is
 * referenced before anything else can allocate. */
#define LOOKUP(lua_name, c_name, type)                                          \
  static int                                                                    \
  registry_##lua_name (lua_State *L)                                            \
  {                                                                             \
    const char *key;                                                            \
    TerrindLuaBox *box;                                                         \
                                                                                \
    check_registry (L);                                                         \
    key = terrind_lua_check_text (L, 2);                                        \
    box = terrind_lua_new_box (L, type, 1);                                     \
    terrind_lua_box_adopt (L, box, terrind_registry_##c_name (check_registry (L), key)); \
    return 1;                                                                   \
  }

/* reg:phase(number): by the number's text, as the model names a phase */
static TerrindPhase *
lookup_phase (TerrindRegistry *registry,
              const char      *key)
{
  return terrind_registry_lookup (registry, terrind_model_lookup_kind ("phase"), key);
}

static int
registry_phase (lua_State *L)
{
  const char *key;
  TerrindLuaBox *box;

  check_registry (L);
  key = check_phase_key (L, 2);
  box = terrind_lua_new_box (L, &terrind_lua_phase_type, 1);
  terrind_lua_box_adopt (L, box, lookup_phase (check_registry (L), key));
  return 1;
}

LOOKUP (region, get_region, &terrind_lua_region_type)
LOOKUP (territory, get_territory, &terrind_lua_territory_type)
LOOKUP (operator, get_operator, &terrind_lua_operator_type)
LOOKUP (convention, get_convention, &terrind_lua_convention_type)
LOOKUP (commitment, get_commitment, &terrind_lua_commitment_type)
LOOKUP (referent, get_referent, &terrind_lua_referent_type)
LOOKUP (designation, get_designation, &terrind_lua_designation_type)
LOOKUP (investment, get_investment, &terrind_lua_investment_type)
LOOKUP (find_territory_by_member, find_territory_by_member, &terrind_lua_territory_type)

/* reg:referent_for(operator_id, territory_id): the referent, or nil */
static int
registry_referent_for (lua_State *L)
{
  const char *operator_id, *territory_id;
  TerrindLuaBox *box;

  check_registry (L);
  operator_id = terrind_lua_check_text (L, 2);
  territory_id = terrind_lua_check_text (L, 3);
  box = terrind_lua_new_box (L, &terrind_lua_referent_type, 1);
  terrind_lua_box_adopt (L, box, terrind_registry_get_referent_for (check_registry (L),
                                                                    operator_id, territory_id));
  return 1;
}

/* reg:find_territory_by_anct_id(anct_id, phase): the territory, or nil */
static int
registry_find_territory_by_anct_id (lua_State *L)
{
  const char *anct_id;
  guint phase;
  TerrindLuaBox *box;

  check_registry (L);
  anct_id = terrind_lua_check_text (L, 2);
  phase = terrind_lua_check_uint (L, 3);
  box = terrind_lua_new_box (L, &terrind_lua_territory_type, 1);
  terrind_lua_box_adopt (L, box, terrind_registry_find_territory_by_anct_id (check_registry (L),
                                                                             anct_id, phase));
  return 1;
}

/* reg:phase_on([date]): the phase running on that date (today when nil),
 * or nil */
static int
registry_phase_on (lua_State *L)
{
  const char *date;
  TerrindLuaBox *box;

  check_registry (L);
  date = terrind_lua_opt_text (L, 2);
  box = terrind_lua_new_box (L, &terrind_lua_phase_type, 1);
  terrind_lua_box_adopt (L, box, terrind_registry_get_phase_on (check_registry (L), date));
  return 1;
}

/* Iterators over the listings: for t in reg:territories() do … end. The
 * hold the listing is referenced into comes first, the listing after. */
#define LISTING(lua_name, c_name, type)                                         \
  static int                                                                    \
  registry_##lua_name (lua_State *L)                                            \
  {                                                                             \
    TerrindLuaHold *hold;                                                       \
                                                                                \
    check_registry (L);                                                         \
    hold = terrind_lua_push_hold (L, type);                                     \
    terrind_lua_hold_take (hold, terrind_registry_##c_name (check_registry (L))); \
    terrind_lua_push_iterator (L, -1, 1);                                       \
    return 1;                                                                   \
  }

LISTING (phases, list_phases, &terrind_lua_phase_type)
LISTING (regions, list_regions, &terrind_lua_region_type)
LISTING (territories, list_territories, &terrind_lua_territory_type)
LISTING (operators, list_operators, &terrind_lua_operator_type)
LISTING (conventions, list_conventions, &terrind_lua_convention_type)
LISTING (referents, list_referents, &terrind_lua_referent_type)
LISTING (designations, list_designations, &terrind_lua_designation_type)
LISTING (investments, list_investments, &terrind_lua_investment_type)

/* ...and over the queries that take a key */
#define QUERY(lua_name, c_name, type)                                           \
  static int                                                                    \
  registry_##lua_name (lua_State *L)                                            \
  {                                                                             \
    const char *key;                                                            \
    TerrindLuaHold *hold;                                                       \
                                                                                \
    check_registry (L);                                                         \
    key = terrind_lua_check_text (L, 2);                                        \
    hold = terrind_lua_push_hold (L, type);                                     \
    terrind_lua_hold_take (hold, terrind_registry_##c_name (check_registry (L), key)); \
    terrind_lua_push_iterator (L, -1, 1);                                       \
    return 1;                                                                   \
  }

QUERY (territories_in_region, list_territories_in_region, &terrind_lua_territory_type)
QUERY (conventions_of_operator, list_conventions_of_operator, &terrind_lua_convention_type)
QUERY (referents_of_territory, list_referents_of_territory, &terrind_lua_referent_type)
QUERY (referents_of_operator, list_referents_of_operator, &terrind_lua_referent_type)
QUERY (designations_of_commitment, list_designations_of_commitment, &terrind_lua_designation_type)
QUERY (investments_of_commitment, list_investments_of_commitment, &terrind_lua_investment_type)
QUERY (territories_by_anct_id, list_territories_by_anct_id, &terrind_lua_territory_type)
QUERY (territories_by_member, list_territories_by_member, &terrind_lua_territory_type)

/* reg:territories_without_referent(operator [, phase]): of one phase when
 * given. Arguments are read first; after the hold (which allocates, and
 * so may run a finalizer) the registry is checked again. */
static int
registry_territories_without_referent (lua_State *L)
{
  const char *operator_id;
  gboolean by_phase;
  guint phase = 0;
  TerrindLuaHold *hold;

  check_registry (L);
  operator_id = terrind_lua_check_text (L, 2);
  by_phase = !lua_isnoneornil (L, 3);
  if (by_phase)
    phase = terrind_lua_check_uint (L, 3);
  hold = terrind_lua_push_hold (L, &terrind_lua_territory_type);
  terrind_lua_hold_take (hold, by_phase
                         ? terrind_registry_list_territories_without_referent_in_phase (check_registry (L),
                                                                                        operator_id, phase,
                                                                                        NULL)
                         : terrind_registry_list_territories_without_referent (check_registry (L),
                                                                               operator_id));
  terrind_lua_push_iterator (L, -1, 1);
  return 1;
}

/* reg:territories_in_phase(number): empty for a phase with none */
static int
registry_territories_in_phase (lua_State *L)
{
  guint phase;
  TerrindLuaHold *hold;

  check_registry (L);
  phase = terrind_lua_check_uint (L, 2);
  hold = terrind_lua_push_hold (L, &terrind_lua_territory_type);
  terrind_lua_hold_take (hold, terrind_registry_list_territories_in_phase (check_registry (L), phase));
  terrind_lua_push_iterator (L, -1, 1);
  return 1;
}

/* reg:related_territories(territory): the territories of other phases
 * that share a member with it (a Territory or its id), by phase then id.
 * The registry's territory of that id is the one asked about; a territory
 * not in the registry raises NOT_FOUND. The hold comes first; the
 * registry and the territory's wrapper are read after it. */
static int
registry_related_territories (lua_State *L)
{
  TerrindRegistry *registry;
  TerrindTerritory *territory;
  TerrindLuaHold *hold;
  const char *id;

  check_registry (L);
  /* An id may be a number, as everywhere; converting it allocates, so it
   * is done before the hold. */
  if (lua_type (L, 2) != LUA_TSTRING && lua_type (L, 2) != LUA_TNUMBER)
    terrind_lua_check_object (L, 2, &terrind_lua_territory_type);
  else
    terrind_lua_check_text (L, 2);
  hold = terrind_lua_push_hold (L, &terrind_lua_territory_type);
  registry = check_registry (L);
  if (lua_type (L, 2) == LUA_TSTRING)
    id = lua_tostring (L, 2);
  else
    id = terrind_territory_get_id (terrind_lua_check_object (L, 2, &terrind_lua_territory_type));
  territory = terrind_registry_get_territory (registry, id);
  if (territory == NULL)
    {
      GError *error = g_error_new (TERRIND_ERROR, TERRIND_ERROR_NOT_FOUND,
                                   "no territory “%s” in the registry", id);

      terrind_lua_raise_error (L, error);
    }
  terrind_lua_hold_take (hold, terrind_registry_list_related_territories (registry, territory));
  terrind_lua_push_iterator (L, -1, 1);
  return 1;
}

static const luaL_Reg registry_methods[] = {
  { "import_file", registry_import_file },
  { "import_string", registry_import_string },
  { "import_csv", terrind_lua_registry_import_csv },
  { "import_csv_string", terrind_lua_registry_import_csv_string },
  { "export_csv", terrind_lua_registry_export_csv },
  { "save", registry_save },
  { "to_string", registry_to_string },
  { "add_phase", registry_add_phase },
  { "add_region", registry_add_region },
  { "add_territory", registry_add_territory },
  { "add_operator", registry_add_operator },
  { "add_convention", registry_add_convention },
  { "add_referent", registry_add_referent },
  { "replace_referent", registry_replace_referent },
  { "add_designation", registry_add_designation },
  { "add_investment", registry_add_investment },
  { "remove_phase", registry_remove_phase },
  { "remove_region", registry_remove_region },
  { "remove_territory", registry_remove_territory },
  { "remove_operator", registry_remove_operator },
  { "remove_convention", registry_remove_convention },
  { "remove_referent", registry_remove_referent },
  { "remove_designation", registry_remove_designation },
  { "remove_investment", registry_remove_investment },
  { "transaction", terrind_lua_registry_transaction },
  { "phase", registry_phase },
  { "region", registry_region },
  { "territory", registry_territory },
  { "operator", registry_operator },
  { "convention", registry_convention },
  { "commitment", registry_commitment },
  { "referent", registry_referent },
  { "designation", registry_designation },
  { "investment", registry_investment },
  { "referent_for", registry_referent_for },
  { "find_territory_by_member", registry_find_territory_by_member },
  { "find_territory_by_anct_id", registry_find_territory_by_anct_id },
  { "phase_on", registry_phase_on },
  { "phases", registry_phases },
  { "regions", registry_regions },
  { "territories", registry_territories },
  { "operators", registry_operators },
  { "conventions", registry_conventions },
  { "referents", registry_referents },
  { "designations", registry_designations },
  { "investments", registry_investments },
  { "territories_in_region", registry_territories_in_region },
  { "conventions_of_operator", registry_conventions_of_operator },
  { "referents_of_territory", registry_referents_of_territory },
  { "referents_of_operator", registry_referents_of_operator },
  { "designations_of_commitment", registry_designations_of_commitment },
  { "investments_of_commitment", registry_investments_of_commitment },
  { "territories_without_referent", registry_territories_without_referent },
  { "territories_in_phase", registry_territories_in_phase },
  { "territories_by_anct_id", registry_territories_by_anct_id },
  { "territories_by_member", registry_territories_by_member },
  { "related_territories", registry_related_territories },
  { "evaluate", terrind_lua_registry_evaluate },
  { "to_dicts", terrind_lua_registry_to_dicts },
  { NULL, NULL }
};

static void
registry_describe (lua_State *L,
                   gpointer   object)
{
  lua_pushfstring (L, "terrind.Registry: %d regions, %d territories, %d operators, "
                   "%d conventions, %d referents",
                   (int) terrind_registry_get_n_regions (object),
                   (int) terrind_registry_get_n_territories (object),
                   (int) terrind_registry_get_n_operators (object),
                   (int) terrind_registry_get_n_conventions (object),
                   (int) terrind_registry_get_n_referents (object));
}

static gpointer
registry_ref (gpointer object)
{
  return terrind_registry_ref (object);
}

static void
registry_unref (gpointer object)
{
  terrind_registry_unref (object);
}

static gboolean
registry_equal (gpointer a,
                gpointer b)
{
  return terrind_registry_equal (a, b);
}

static TerrindRegistry *
registry_get_registry (gpointer object)
{
  return object;
}

const TerrindLuaType terrind_lua_registry_type = {
  .name = "Registry",
  .metatable = TERRIND_LUA_REGISTRY_TYPE,
  .ref = registry_ref,
  .unref = registry_unref,
  .equal = registry_equal,
  .get_registry = registry_get_registry,
  .describe = registry_describe,
  .methods = registry_methods,
  .fields = registry_fields,
  .construct = registry_construct,
  .statics = registry_statics,
};

/**
 * terrind_lua_push_registry:
 * @L: a Lua state
 * @registry: the registry to share with Lua code
 *
 * Pushes a `terrind.Registry` value for @registry onto the stack of @L.
 * The value takes its own reference to @registry (the caller keeps its
 * own): the registry is shared, not copied, and stays alive as long as Lua
 * code can reach it. Calling `:close()` on it from Lua only drops that
 * reference. The binding's types are registered in @L if they are not yet.
 */
void
terrind_lua_push_registry (lua_State       *L,
                           TerrindRegistry *registry)
{
  g_return_if_fail (L != NULL);
  g_return_if_fail (registry != NULL);

  terrind_lua_register_types (L);
  terrind_lua_push_object (L, REGISTRY, registry, 0);
}

/**
 * terrind_lua_check_registry:
 * @L: a Lua state
 * @index: a stack index
 *
 * For a host's own lua_CFunction: checks that the value at @index is an
 * open `terrind.Registry` and returns its registry, or raises a Lua error
 * (so, like luaL_checkudata(), it does not return on failure).
 *
 * Returns: (transfer none): the registry, valid while the value at @index
 *   is on the stack.
 */
TerrindRegistry *
terrind_lua_check_registry (lua_State *L,
                            int        index)
{
  g_return_val_if_fail (L != NULL, NULL);

  terrind_lua_register_types (L);
  return terrind_lua_check_object (L, index, REGISTRY);
}

/**
 * terrind_lua_to_registry:
 * @L: a Lua state
 * @index: a stack index
 *
 * Like terrind_lua_check_registry(), but never raises.
 *
 * Returns: (transfer none) (nullable): the registry of the value at @index,
 *   or %NULL when it is not a `terrind.Registry` or has been closed.
 */
TerrindRegistry *
terrind_lua_to_registry (lua_State *L,
                         int        index)
{
  TerrindLuaBox *box;

  g_return_val_if_fail (L != NULL, NULL);

  box = luaL_testudata (L, index, TERRIND_LUA_REGISTRY_TYPE);
  return box != NULL ? box->object : NULL;
}
