/* terrind-lua-model.c: the fields and constructors of every entity type,
 * taken from the model's description, and terrind.kinds()
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * libterrind describes its model once (terrind-model.h): each kind names
 * its fields, says what they hold and which can change, and reads and
 * writes any of them in a text form. The binding builds its field tables
 * from that description when the module is opened, so a field added to the
 * description shows up in Lua with no change here. Names are the
 * description's with "-" written "_" ("first-year" is first_year), as in
 * Python; the text forms become Lua values by value type: counts, years
 * and amounts are integers, booleans booleans, everything else strings,
 * and an unset field is nil.
 */

#include "config.h"

#include <string.h>

#include "terrind-lua-private.h"

static const TerrindKind *
kind_of (const TerrindLuaType *type)
{
  const TerrindKind *kind = terrind_model_lookup_kind (type->kind);

  g_assert (kind != NULL);
  return kind;
}

/* Pushes a name of the description as Lua spells it: "first-year" becomes
 * "first_year". The buffer is Lua's, so nothing leaks if it raises. */
void
terrind_lua_push_name (lua_State  *L,
                       const char *name)
{
  luaL_Buffer buffer;

  luaL_buffinit (L, &buffer);
  for (const char *c = name; *c != '\0'; c++)
    luaL_addchar (&buffer, *c == '-' ? '_' : *c);
  luaL_pushresult (&buffer);
}

static gboolean
is_integer_type (TerrindValueType type)
{
  return type == TERRIND_VALUE_COUNT || type == TERRIND_VALUE_YEAR ||
         type == TERRIND_VALUE_AMOUNT;
}

static gboolean
is_list (const TerrindField *field)
{
  return terrind_field_get_value_type (field) == TERRIND_VALUE_LIST;
}

/* Pushes the field table of @type: each of its kind's fields under its Lua
 * name, then the aliases, each a light userdata of the TerrindField. Made
 * once, when the type is registered; __index, __newindex and the
 * constructor look names up in it. */
void
terrind_lua_push_field_table (lua_State            *L,
                              const TerrindLuaType *type)
{
  const TerrindKind *kind;
  guint n_fields;

  if (type->kind == NULL)
    {
      lua_newtable (L);
      return;
    }
  kind = kind_of (type);
  n_fields = terrind_kind_get_n_fields (kind);
  lua_createtable (L, 0, (int) n_fields);
  for (guint i = 0; i < n_fields; i++)
    {
      const TerrindField *field = terrind_kind_get_field (kind, i);

      terrind_lua_push_name (L, terrind_field_get_name (field));
      lua_pushlightuserdata (L, (gpointer) field);
      lua_rawset (L, -3);
    }
  for (const TerrindLuaAlias *a = type->aliases; a != NULL && a->alias != NULL; a++)
    {
      const TerrindField *field = terrind_kind_lookup_field (kind, a->field);

      /* An alias of a field the description no longer has is a bug here,
       * not something a script should find out about. */
      g_assert (field != NULL);
      lua_pushlightuserdata (L, (gpointer) field);
      lua_setfield (L, -2, a->alias);
    }
}

/* Reading */

/* Counts, years and amounts are written in decimal digits, at most
 * G_MAXINT64 (amounts), so they fit a Lua integer exactly; booleans as
 * "true" or "false". Reads one of them into @value (a boolean as 0 or 1);
 * FALSE when @text is no such form, which would be a bug of the library. */
static gboolean
parse_text_form (TerrindValueType  type,
                 const char       *text,
                 lua_Integer      *value)
{
  guint64 number;

  if (type == TERRIND_VALUE_BOOLEAN)
    {
      *value = strcmp (text, "true") == 0;
      return *value || strcmp (text, "false") == 0;
    }
  if (!g_ascii_string_to_unsigned (text, 10, 0, G_MAXINT64, &number, NULL))
    return FALSE;
  *value = (lua_Integer) number;
  return TRUE;
}

static void
push_parsed (lua_State        *L,
             TerrindValueType  type,
             lua_Integer       value)
{
  if (type == TERRIND_VALUE_BOOLEAN)
    lua_pushboolean (L, (int) value);
  else
    lua_pushinteger (L, value);
}

static G_NORETURN void
raise_bad_text (lua_State          *L,
                const TerrindField *field)
{
  luaL_error (L, "terrind: field '%s' holds no %s", terrind_field_get_name (field),
              terrind_value_type_to_string (terrind_field_get_value_type (field)));
  g_assert_not_reached ();
}

/* Pushes a text form read from an entity as the Lua value of @field. */
static void
push_text_form (lua_State          *L,
                const TerrindField *field,
                const char         *text)
{
  TerrindValueType type = terrind_field_get_value_type (field);
  lua_Integer value;

  if (!is_integer_type (type) && type != TERRIND_VALUE_BOOLEAN)
    lua_pushstring (L, text);
  else if (parse_text_form (type, text, &value))
    push_parsed (L, type, value);
  else
    raise_bad_text (L, field);
}

static int
push_string (lua_State *L)
{
  lua_pushstring (L, lua_touserdata (L, 1));
  return 1;
}

/* A list read whole into C memory before Lua sees any of it: building the
 * table allocates, which may run a finalizer that changes or frees the
 * entity, so nothing is read from the entity once the first table exists.
 * @values holds n_items * n_item_fields text forms (NULL: unset). */
typedef struct {
  const TerrindField  *field;
  guint                n_items;
  guint                n_item_fields;
  char               **values;
} ListSnapshot;

/* How many item fields a list shows when read: all of them, or only the
 * first when the others are details (a member reads as its SIREN, as in
 * 1.0). */
static guint
list_read_width (const TerrindField *field)
{
  guint n = terrind_field_get_n_item_fields (field);

  for (guint i = 1; i < n; i++)
    if (!(terrind_field_get_flags (terrind_field_get_item_field (field, i)) & TERRIND_FIELD_DETAIL))
      return n;
  return 1;
}

static void
snapshot_list (ListSnapshot       *snapshot,
               const TerrindField *field,
               gconstpointer       entity)
{
  snapshot->field = field;
  snapshot->n_items = terrind_field_get_n_items (field, entity);
  snapshot->n_item_fields = list_read_width (field);
  snapshot->values = g_new0 (char *, (gsize) snapshot->n_items * snapshot->n_item_fields);
  for (guint i = 0; i < snapshot->n_items; i++)
    for (guint j = 0; j < snapshot->n_item_fields; j++)
      snapshot->values[(gsize) i * snapshot->n_item_fields + j] =
        terrind_field_get_item_value (field, entity, i,
                                      terrind_field_get_item_field (field, j));
}

static void
list_snapshot_free (gpointer data)
{
  ListSnapshot *snapshot = data;

  for (gsize i = 0; i < (gsize) snapshot->n_items * snapshot->n_item_fields; i++)
    g_free (snapshot->values[i]);
  g_free (snapshot->values);
}

/* Pushes the table a list field reads as: an array of values when its
 * items have one field (members, themes), an array of tables keyed by the
 * item fields' Lua names when they have several (targets: { level = …,
 * count = … }). */
static void
push_list_value (lua_State          *L,
                 const ListSnapshot *snapshot)
{
  lua_createtable (L, (int) MIN (snapshot->n_items, (guint) G_MAXINT), 0);
  for (guint i = 0; i < snapshot->n_items; i++)
    {
      char **item = snapshot->values + (gsize) i * snapshot->n_item_fields;

      if (snapshot->n_item_fields == 1)
        {
          const TerrindField *item_field = terrind_field_get_item_field (snapshot->field, 0);

          if (item[0] == NULL)
            lua_pushnil (L);
          else
            push_text_form (L, item_field, item[0]);
        }
      else
        {
          lua_createtable (L, 0, (int) snapshot->n_item_fields);
          for (guint j = 0; j < snapshot->n_item_fields; j++)
            {
              const TerrindField *item_field = terrind_field_get_item_field (snapshot->field, j);

              if (item[j] == NULL)
                continue;
              terrind_lua_push_name (L, terrind_field_get_name (item_field));
              push_text_form (L, item_field, item[j]);
              lua_rawset (L, -3);
            }
        }
      lua_rawseti (L, -2, (lua_Integer) i + 1);
    }
}

/* The list cache.
 *
 * Reading a list field twice gives the same table while nothing changed,
 * so `t.members == t.members`. libterrind's public API has no change
 * counter or signal on an entity, so nothing says "unchanged" for free:
 * the binding keeps the last table it made for each (entity, list field)
 * and, at each read, compares it with the list just copied into C memory.
 * If the two hold the same values (and the table no metatable, no other
 * key: a script may have changed it), that table is returned; otherwise a
 * new one is made and kept. A read is therefore never stale, whatever
 * changed the entity (a method, the generic API, a transaction, an import,
 * C code of the host); what the cache saves is the Lua garbage of a new
 * table per read, not the copy.
 *
 * The tables are kept in the Lua registry, one table per list field (the
 * TerrindField's address as key), each with weak values, keyed by the
 * entity's address: a list table nothing else holds is collected as
 * usual. The address is only a key, never followed, so an entity freed
 * meanwhile, or a new one at the same address, costs a comparison that
 * fails, nothing else. The comparison allocates nothing (raw reads only),
 * so no finalizer runs during it. */
static const char list_cache_key = 'l';

/* Pushes the weak table of @field's cached lists, making it if need be
 * (which allocates: called before the entity is read). */
static void
push_list_cache (lua_State          *L,
                 const TerrindField *field)
{
  if (lua_rawgetp (L, LUA_REGISTRYINDEX, &list_cache_key) != LUA_TTABLE)
    {
      lua_pop (L, 1);
      lua_newtable (L);
      lua_pushvalue (L, -1);
      lua_rawsetp (L, LUA_REGISTRYINDEX, &list_cache_key);
    }
  if (lua_rawgetp (L, -1, field) != LUA_TTABLE)
    {
      lua_pop (L, 1);
      lua_newtable (L);
      lua_createtable (L, 0, 1);
      lua_pushliteral (L, "v");
      lua_setfield (L, -2, "__mode");
      lua_setmetatable (L, -2);
      lua_pushvalue (L, -1);
      lua_rawsetp (L, -3, field);
    }
  lua_replace (L, -2);
}

/* Whether @key, a Lua name, is @name of the description ("-" read "_"). */
static gboolean
name_matches (const char *key,
              size_t      length,
              const char *name)
{
  size_t i;

  for (i = 0; i < length && name[i] != '\0'; i++)
    if (key[i] != (name[i] == '-' ? '_' : name[i]))
      return FALSE;
  return i == length && name[i] == '\0';
}

/* Whether the Lua value at @index is what push_text_form() would push for
 * @text. Raw reads only. */
static gboolean
value_matches (lua_State          *L,
               int                 index,
               const TerrindField *field,
               const char         *text)
{
  TerrindValueType type = terrind_field_get_value_type (field);
  lua_Integer value;
  const char *string;
  size_t length;

  if (text == NULL)
    return FALSE;
  if (is_integer_type (type))
    return lua_isinteger (L, index) && parse_text_form (type, text, &value) &&
           lua_tointeger (L, index) == value;
  if (type == TERRIND_VALUE_BOOLEAN)
    return lua_isboolean (L, index) && parse_text_form (type, text, &value) &&
           lua_toboolean (L, index) == (int) value;
  if (lua_type (L, index) != LUA_TSTRING)
    return FALSE;
  string = lua_tolstring (L, index, &length);
  return length == strlen (text) && memcmp (string, text, length) == 0;
}

/* The number of keys of the table at @index, whatever they are. */
static lua_Integer
count_keys (lua_State *L,
            int        index)
{
  lua_Integer n = 0;

  lua_pushnil (L);
  while (lua_next (L, index) != 0)
    {
      lua_pop (L, 1);
      n++;
    }
  return n;
}

/* Whether the table of several item fields at @index is the one
 * push_list_value() would make for @item. */
static gboolean
item_matches (lua_State          *L,
              int                 index,
              const ListSnapshot *snapshot,
              char              **item)
{
  lua_Integer n_set = 0;
  gboolean matches = TRUE;

  if (lua_type (L, index) != LUA_TTABLE || lua_getmetatable (L, index))
    {
      if (lua_type (L, index) == LUA_TTABLE)
        lua_pop (L, 1);
      return FALSE;
    }
  for (guint j = 0; j < snapshot->n_item_fields; j++)
    n_set += item[j] != NULL;
  if (count_keys (L, index) != n_set)
    return FALSE;
  lua_pushnil (L);
  while (matches && lua_next (L, index) != 0)
    {
      size_t length;
      const char *key;
      guint j;

      matches = lua_type (L, -2) == LUA_TSTRING;
      if (matches)
        {
          key = lua_tolstring (L, -2, &length);
          for (j = 0; j < snapshot->n_item_fields; j++)
            if (name_matches (key, length,
                              terrind_field_get_name (terrind_field_get_item_field (snapshot->field, j))))
              break;
          matches = j < snapshot->n_item_fields &&
                    value_matches (L, -1, terrind_field_get_item_field (snapshot->field, j), item[j]);
        }
      lua_pop (L, matches ? 1 : 2);
    }
  return matches;
}

/* Whether the value at @index is a table equal to the one push_list_value()
 * would make of @snapshot: the cached table can be handed out again. */
static gboolean
list_matches (lua_State          *L,
              int                 index,
              const ListSnapshot *snapshot)
{
  index = lua_absindex (L, index);
  if (lua_type (L, index) != LUA_TTABLE)
    return FALSE;
  if (lua_getmetatable (L, index))
    {
      lua_pop (L, 1);
      return FALSE;
    }
  if (count_keys (L, index) != (lua_Integer) snapshot->n_items)
    return FALSE;
  for (guint i = 0; i < snapshot->n_items; i++)
    {
      char **item = snapshot->values + (gsize) i * snapshot->n_item_fields;
      gboolean matches;

      lua_rawgeti (L, index, (lua_Integer) i + 1);
      if (snapshot->n_item_fields == 1)
        matches = value_matches (L, -1, terrind_field_get_item_field (snapshot->field, 0), item[0]);
      else
        matches = item_matches (L, lua_gettop (L), snapshot, item);
      lua_pop (L, 1);
      if (!matches)
        return FALSE;
    }
  return TRUE;
}

/* A list read for a field: the snapshot, and the entity's address, as the
 * cache's key. */
typedef struct {
  ListSnapshot  snapshot;
  gconstpointer entity;
} ListRead;

static void
list_read_free (gpointer data)
{
  list_snapshot_free (&((ListRead *) data)->snapshot);
}

/* Under push_and_free_with_cache(): the ListRead at 1, the field's cache
 * table at 2. */
static int
push_cached_list (lua_State *L)
{
  const ListRead *read = lua_touserdata (L, 1);

  lua_rawgetp (L, 2, read->entity);
  if (list_matches (L, -1, &read->snapshot))
    return 1;
  lua_pop (L, 1);
  push_list_value (L, &read->snapshot);
  lua_pushvalue (L, -1);
  lua_rawsetp (L, 2, read->entity);
  return 1;
}

/* terrind_lua_push_and_free() with one more argument for @push: the value
 * at the top of the stack, which is replaced by the result. */
static void
push_and_free_with_cache (lua_State     *L,
                          lua_CFunction  push,
                          gpointer       data,
                          GDestroyNotify destroy)
{
  int status;

  /* As in terrind_lua_push_and_free(): neither push allocates. */
  lua_pushcfunction (L, push);
  lua_pushlightuserdata (L, data);
  lua_rotate (L, -3, 2);
  status = lua_pcall (L, 2, 1, 0);
  destroy (data);
  if (status != LUA_OK)
    lua_error (L);
}

/* Pushes the value of @field of the wrapper at @index. The wrapper is
 * checked (closed, or its registry closed, raises) and the value read into
 * C memory with no Lua call in between; it becomes a Lua value after, in a
 * protected call that frees the C copy (terrind_lua_push_and_free()). A
 * list's cache table is pushed before the wrapper is read: making it
 * allocates. */
void
terrind_lua_push_field (lua_State            *L,
                        int                   index,
                        const TerrindLuaType *type,
                        const TerrindField   *field)
{
  gpointer object;

  index = lua_absindex (L, index);
  if (is_list (field))
    {
      ListRead read;

      push_list_cache (L, field);
      object = terrind_lua_check_object (L, index, type);
      snapshot_list (&read.snapshot, field, object);
      read.entity = object;
      push_and_free_with_cache (L, push_cached_list, &read, list_read_free);
    }
  else
    {
      TerrindValueType value_type = terrind_field_get_value_type (field);
      char *text;

      object = terrind_lua_check_object (L, index, type);
      text = terrind_field_get_value (field, object);
      if (text == NULL)
        lua_pushnil (L);
      else if (value_type == TERRIND_VALUE_BOOLEAN || is_integer_type (value_type))
        {
          /* No string to make: the text is converted and freed before
           * anything can raise. */
          lua_Integer value;
          gboolean ok = parse_text_form (value_type, text, &value);

          g_free (text);
          if (!ok)
            raise_bad_text (L, field);
          push_parsed (L, value_type, value);
        }
      else
        terrind_lua_push_and_free (L, push_string, text, g_free);
    }
}

/* Dictionaries: entity:to_dict() and reg:to_dicts(kind) */

/* Every field of some entities of one kind, read into C memory in one go
 * (no Lua call from the first field of the first entity to the last of
 * the last), so that the tables are made of one consistent state whatever
 * a finalizer does meanwhile. texts[e * n_fields + f] is the text form of
 * a scalar field (NULL: unset), lists[…] the snapshot of a list field. */
typedef struct {
  const TerrindKind *kind;
  guint              n_entities;
  guint              n_fields;
  gboolean           one;    /* to_dict(): the table alone, not an array */
  char             **texts;
  ListSnapshot      *lists;
} DictSnapshot;

static void
dict_snapshot_init (DictSnapshot      *snapshot,
                    const TerrindKind *kind,
                    guint              n_entities)
{
  snapshot->kind = kind;
  snapshot->n_entities = n_entities;
  snapshot->n_fields = terrind_kind_get_n_fields (kind);
  snapshot->one = FALSE;
  snapshot->texts = g_new0 (char *, (gsize) n_entities * snapshot->n_fields);
  snapshot->lists = g_new0 (ListSnapshot, (gsize) n_entities * snapshot->n_fields);
}

static void
dict_snapshot_read (DictSnapshot  *snapshot,
                    guint          entity_index,
                    gconstpointer  entity)
{
  for (guint f = 0; f < snapshot->n_fields; f++)
    {
      const TerrindField *field = terrind_kind_get_field (snapshot->kind, f);
      gsize slot = (gsize) entity_index * snapshot->n_fields + f;

      if (is_list (field))
        snapshot_list (&snapshot->lists[slot], field, entity);
      else
        snapshot->texts[slot] = terrind_field_get_value (field, entity);
    }
}

static void
dict_snapshot_free (gpointer data)
{
  DictSnapshot *snapshot = data;
  gsize n = (gsize) snapshot->n_entities * snapshot->n_fields;

  for (gsize i = 0; i < n; i++)
    {
      g_free (snapshot->texts[i]);
      if (snapshot->lists[i].values != NULL)
        list_snapshot_free (&snapshot->lists[i]);
    }
  g_free (snapshot->texts);
  g_free (snapshot->lists);
}

/* Under terrind_lua_push_and_free(): one table per entity, every field set
 * under its Lua name (an unset one absent), lists as the fields read them
 * but fresh; an array of them unless snapshot->one. */
static int
push_dicts (lua_State *L)
{
  const DictSnapshot *snapshot = lua_touserdata (L, 1);

  if (!snapshot->one)
    lua_createtable (L, (int) MIN (snapshot->n_entities, (guint) G_MAXINT), 0);
  for (guint e = 0; e < snapshot->n_entities; e++)
    {
      lua_createtable (L, 0, (int) snapshot->n_fields);
      for (guint f = 0; f < snapshot->n_fields; f++)
        {
          const TerrindField *field = terrind_kind_get_field (snapshot->kind, f);
          gsize slot = (gsize) e * snapshot->n_fields + f;

          if (!is_list (field) && snapshot->texts[slot] == NULL)
            continue;
          terrind_lua_push_name (L, terrind_field_get_name (field));
          if (is_list (field))
            push_list_value (L, &snapshot->lists[slot]);
          else
            push_text_form (L, field, snapshot->texts[slot]);
          lua_rawset (L, -3);
        }
      if (!snapshot->one)
        lua_rawseti (L, -2, (lua_Integer) e + 1);
    }
  return 1;
}

/* Pushes entity:to_dict() of the wrapper of @type at @index. */
void
terrind_lua_push_dict (lua_State            *L,
                       int                   index,
                       const TerrindLuaType *type)
{
  DictSnapshot snapshot;
  gpointer object = terrind_lua_check_object (L, index, type);

  dict_snapshot_init (&snapshot, kind_of (type), 1);
  snapshot.one = TRUE;
  dict_snapshot_read (&snapshot, 0, object);
  terrind_lua_push_and_free (L, push_dicts, &snapshot, dict_snapshot_free);
}

/* reg:to_dicts(kind): the kind's name (as terrind.kinds() has them); the
 * registry wrapper at @index is read after the name is converted, and the
 * listing read whole before any table is made. */
int
terrind_lua_registry_to_dicts (lua_State *L)
{
  const TerrindKind *kind;
  TerrindRegistry *registry;
  DictSnapshot snapshot;
  GPtrArray *listing;
  const char *name;

  terrind_lua_check_object (L, 1, &terrind_lua_registry_type);
  name = terrind_lua_check_text (L, 2);
  kind = terrind_model_lookup_kind (name);
  if (kind == NULL)
    return luaL_argerror (L, 2, lua_pushfstring (L, "there is no kind of entity called '%s'",
                                                 name));

  /* From here to the snapshot's end, C only. */
  registry = terrind_lua_check_object (L, 1, &terrind_lua_registry_type);
  listing = terrind_registry_list (registry, kind);
  dict_snapshot_init (&snapshot, kind, listing != NULL ? listing->len : 0);
  for (guint i = 0; i < snapshot.n_entities; i++)
    dict_snapshot_read (&snapshot, i, g_ptr_array_index (listing, i));
  g_clear_pointer (&listing, g_ptr_array_unref);
  terrind_lua_push_and_free (L, push_dicts, &snapshot, dict_snapshot_free);
  return 1;
}

/* Writing */

static const char *
expected_type (TerrindValueType type)
{
  if (is_integer_type (type))
    return "integer";
  if (type == TERRIND_VALUE_BOOLEAN)
    return "boolean";
  return "string";
}

/* Pushes the text form of the Lua value at @index for a field of @type
 * named @name in messages (a string; nil for nil when @nullable), and
 * returns it: valid while the pushed value stays on the stack. A value of
 * the wrong Lua type is misuse, a plain error; whether the value itself is
 * acceptable is for the library to say. */
static const char *
push_text_of_value (lua_State        *L,
                    int               index,
                    TerrindValueType  type,
                    const char       *name,
                    gboolean          nullable)
{
  index = lua_absindex (L, index);
  if (nullable && lua_isnil (L, index))
    {
      lua_pushnil (L);
      return NULL;
    }
  /* As for arguments: an integer may be given as a string that reads as
   * one, a string as a number (terrind-lua-value.c). */
  if (is_integer_type (type))
    return lua_pushfstring (L, "%I", (LUAI_UACINT) terrind_lua_value_int64 (L, index, name));
  if (type == TERRIND_VALUE_BOOLEAN)
    return lua_pushstring (L, terrind_lua_value_boolean (L, index, name) ? "true" : "false");
  /* The copy is converted, not the caller's value. */
  lua_pushvalue (L, index);
  return terrind_lua_value_text (L, -1, name, FALSE);
}

/* Pushes the text form of the Lua value at @value_index for @field, named
 * @name in messages, converted as an assignment converts it (nil unsets
 * an optional field: NULL is returned, nil pushed), and returns it, valid
 * while the pushed value stays on the stack. A read-only field is misuse.
 * For edits that name a field rather than assign it (tx:set()). */
const char *
terrind_lua_push_field_text (lua_State          *L,
                             int                 value_index,
                             const TerrindField *field,
                             const char         *name)
{
  if (!(terrind_field_get_flags (field) & TERRIND_FIELD_WRITABLE))
    luaL_error (L, "field '%s' of a %s is read-only", name,
                terrind_kind_get_name (terrind_field_get_kind (field)));
  return push_text_of_value (L, value_index, terrind_field_get_value_type (field), name,
                             !(terrind_field_get_flags (field) & TERRIND_FIELD_REQUIRED));
}

/* obj.field = value for the wrapper at @index. The value is converted
 * first, because converting may allocate (and run finalizers); the wrapper
 * is read after it and the field set with no Lua call in between. */
void
terrind_lua_set_field (lua_State            *L,
                       int                   index,
                       const TerrindLuaType *type,
                       const TerrindField   *field,
                       const char           *name,
                       int                   value_index)
{
  const char *text;
  gpointer object;
  GError *error = NULL;

  if (!(terrind_field_get_flags (field) & TERRIND_FIELD_WRITABLE))
    luaL_error (L, "field '%s' of terrind %s is read-only", name, type->name);
  text = push_text_of_value (L, value_index, terrind_field_get_value_type (field), name,
                             !(terrind_field_get_flags (field) & TERRIND_FIELD_REQUIRED));
  object = terrind_lua_check_mutable (L, index, type);
  terrind_lua_check_success (L, terrind_field_set_value (field, object, text, &error), &error);
  lua_pop (L, 1);
}

/* Constructors */

/* Adds to @field of the entity in @box every item of the sequence at
 * @list_index (the value a constructor table gave for @name). */
static void
add_items (lua_State          *L,
           TerrindLuaBox      *box,
           const TerrindField *field,
           const char         *name,
           int                 list_index)
{
  guint n_item_fields = terrind_field_get_n_item_fields (field);
  const char **values;
  lua_Integer n;
  int values_index;

  if (!lua_istable (L, list_index))
    luaL_error (L, "bad value for field '%s' (table expected, got %s)",
                name, luaL_typename (L, list_index));
  /* The array of C pointers handed to the library is a userdata, so an
   * error raised while it is filled leaks nothing. */
  values = lua_newuserdatauv (L, MAX (n_item_fields, 1) * sizeof (char *), 0);
  values_index = lua_gettop (L);
  n = (lua_Integer) lua_rawlen (L, list_index);
  for (lua_Integer i = 1; i <= n; i++)
    {
      GError *error = NULL;
      int item;

      lua_rawgeti (L, list_index, i);
      item = lua_gettop (L);
      /* A list read as its first field takes that alone too (a member's
       * SIREN), or else a table of every field. */
      if (n_item_fields == 1 || (list_read_width (field) == 1 && !lua_istable (L, item)))
        {
          const TerrindField *item_field = terrind_field_get_item_field (field, 0);

          for (guint j = 1; j < n_item_fields; j++)
            values[j] = NULL;
          values[0] = push_text_of_value (L, item, terrind_field_get_value_type (item_field),
                                          name, FALSE);
        }
      else
        {
          if (!lua_istable (L, item))
            luaL_error (L, "bad value in field '%s' (table expected, got %s)",
                        name, luaL_typename (L, item));
          /* A misspelt key is an error, not a value silently left out. */
          lua_pushnil (L);
          while (lua_next (L, item) != 0)
            {
              gboolean known = FALSE;

              lua_pop (L, 1);
              for (guint j = 0; j < n_item_fields && lua_type (L, -1) == LUA_TSTRING; j++)
                {
                  terrind_lua_push_name (L, terrind_field_get_name (terrind_field_get_item_field (field, j)));
                  known = known || lua_rawequal (L, -1, -2);
                  lua_pop (L, 1);
                }
              if (!known)
                luaL_error (L, "bad key in field '%s' (%s is not a field of its items)", name,
                            lua_type (L, -1) == LUA_TSTRING ? lua_tostring (L, -1)
                                                            : luaL_typename (L, -1));
            }
          for (guint j = 0; j < n_item_fields; j++)
            {
              const TerrindField *item_field = terrind_field_get_item_field (field, j);
              const char *item_name;

              terrind_lua_push_name (L, terrind_field_get_name (item_field));
              lua_pushfstring (L, "%s.%s", name, lua_tostring (L, -1));
              item_name = lua_tostring (L, -1);
              lua_pushvalue (L, -2);
              lua_rawget (L, item);
              values[j] = push_text_of_value (L, -1, terrind_field_get_value_type (item_field),
                                              item_name,
                                              !(terrind_field_get_flags (item_field) &
                                                TERRIND_FIELD_REQUIRED));
              /* The text stays on the stack until the item is added. */
              lua_replace (L, -4);
              lua_pop (L, 2);
            }
        }
      terrind_lua_check_success (L, terrind_field_add_item (field, box->object, values, &error),
                                 &error);
      lua_settop (L, values_index);
    }
  lua_pop (L, 1);
}

/* The key of given values in the constructor's scratch table: a field's
 * index from 1, an extra key's from -1 down. */
#define FIELD_SLOT(i) ((lua_Integer) (i) + 1)
#define EXTRA_SLOT(i) (-(lua_Integer) (i) - 1)

/* Pushes a new wrapper of @type made from the constructor table at
 * @table_index: terrind.Territory{ id = "ti-8401", name = "…", region =
 * "84", members = { "200000172" } }. The kind's scalar fields go to
 * terrind_kind_new_entity() in their text forms, its lists to
 * terrind_field_add_item(), the type's extra keys to their functions; an
 * unknown key, a missing required field or a value of the wrong Lua type
 * is misuse, a value the library refuses a terrind.Error. */
void
terrind_lua_build_entity (lua_State            *L,
                          const TerrindLuaType *type,
                          int                   table_index)
{
  const TerrindKind *kind = kind_of (type);
  guint n_fields = terrind_kind_get_n_fields (kind);
  const char **names, **values;
  TerrindLuaBox *box;
  int given, fields, box_index;
  guint n_given = 0;
  GError *error = NULL;

  table_index = lua_absindex (L, table_index);
  luaL_checktype (L, table_index, LUA_TTABLE);
  lua_newtable (L);
  given = lua_gettop (L);
  terrind_lua_get_field_table (L, type);
  fields = lua_gettop (L);

  /* Every key first: all misuse is found before anything is made. */
  lua_pushnil (L);
  while (lua_next (L, table_index) != 0)
    {
      const TerrindField *field;
      const char *name;
      lua_Integer slot = 0;

      if (lua_type (L, -2) != LUA_TSTRING)
        luaL_error (L, "bad key in terrind %s constructor (field name expected, got %s)",
                    type->name, luaL_typename (L, -2));
      name = lua_tostring (L, -2);
      lua_pushvalue (L, -2);
      lua_rawget (L, fields);
      field = lua_touserdata (L, -1);
      lua_pop (L, 1);
      if (field != NULL)
        {
          if (terrind_field_get_flags (field) & TERRIND_FIELD_PARENT)
            luaL_error (L, "field '%s' of terrind %s cannot be set: it is set by adding the %s",
                        name, type->name, terrind_kind_get_name (kind));
          for (guint i = 0; i < n_fields; i++)
            if (terrind_kind_get_field (kind, i) == field)
              slot = FIELD_SLOT (i);
          if (is_list (field))
            lua_pushvalue (L, -1);
          else
            push_text_of_value (L, -1, terrind_field_get_value_type (field), name, FALSE);
        }
      else
        {
          for (guint i = 0; type->extra_keys != NULL && type->extra_keys[i].name != NULL; i++)
            if (strcmp (type->extra_keys[i].name, name) == 0)
              slot = EXTRA_SLOT (i);
          if (slot == 0)
            {
              for (const TerrindLuaField *f = type->fields; f != NULL && f->name != NULL; f++)
                if (strcmp (f->name, name) == 0)
                  luaL_error (L, "field '%s' of terrind %s cannot be set", name, type->name);
              luaL_error (L, "terrind %s has no field '%s'", type->name, name);
            }
          lua_pushvalue (L, -1);
        }
      if (lua_rawgeti (L, given, slot) != LUA_TNIL)
        luaL_error (L, "field '%s' of terrind %s is given twice (under another name)",
                    name, type->name);
      lua_pop (L, 1);
      lua_rawseti (L, given, slot);
      lua_pop (L, 1);
    }

  /* The scalar fields, by name and value, for the library; the strings
   * stay alive in the scratch table. */
  names = lua_newuserdatauv (L, (n_fields + 1) * sizeof (char *), 0);
  values = lua_newuserdatauv (L, (n_fields + 1) * sizeof (char *), 0);
  for (guint i = 0; i < n_fields; i++)
    {
      const TerrindField *field = terrind_kind_get_field (kind, i);
      TerrindFieldFlags flags = terrind_field_get_flags (field);

      if (is_list (field) || (flags & TERRIND_FIELD_PARENT))
        continue;
      if (lua_rawgeti (L, given, FIELD_SLOT (i)) == LUA_TNIL)
        {
          if (flags & TERRIND_FIELD_REQUIRED)
            {
              lua_pop (L, 1);
              terrind_lua_push_name (L, terrind_field_get_name (field));
              luaL_error (L, "bad value for field '%s' (%s expected, got nil)",
                          lua_tostring (L, -1),
                          expected_type (terrind_field_get_value_type (field)));
            }
        }
      else
        {
          names[n_given] = terrind_field_get_name (field);
          values[n_given] = lua_tostring (L, -1);
          n_given++;
        }
      lua_pop (L, 1);
    }
  names[n_given] = NULL;
  values[n_given] = NULL;

  /* The box that will own the entity first, the entity after. */
  box = terrind_lua_new_box (L, type, 0);
  box_index = lua_gettop (L);
  box->object = terrind_kind_new_entity (kind, names, values, &error);
  if (box->object == NULL)
    terrind_lua_raise_error (L, error);

  for (guint i = 0; i < n_fields; i++)
    {
      const TerrindField *field = terrind_kind_get_field (kind, i);

      if (lua_rawgeti (L, given, FIELD_SLOT (i)) != LUA_TNIL && is_list (field))
        {
          terrind_lua_push_name (L, terrind_field_get_name (field));
          add_items (L, box, field, lua_tostring (L, -1), lua_gettop (L) - 1);
          lua_pop (L, 1);
        }
      lua_pop (L, 1);
    }
  for (guint i = 0; type->extra_keys != NULL && type->extra_keys[i].name != NULL; i++)
    {
      if (lua_rawgeti (L, given, EXTRA_SLOT (i)) != LUA_TNIL)
        type->extra_keys[i].apply (L, box_index, lua_gettop (L));
      lua_pop (L, 1);
    }

  lua_replace (L, given);
  lua_settop (L, given);
}

/* terrind.kinds(): { territory = { "id", "name", "region", "phase",
 * "members", "departments" }, … }: every kind and the Lua names of its
 * fields, list fields included, in the description's order. A fresh table
 * each call. */
int
terrind_lua_kinds (lua_State *L)
{
  guint n_kinds;
  const TerrindKind * const *kinds = terrind_model_get_kinds (&n_kinds);

  lua_createtable (L, 0, (int) n_kinds);
  for (guint i = 0; i < n_kinds; i++)
    {
      guint n_fields = terrind_kind_get_n_fields (kinds[i]);

      lua_createtable (L, (int) n_fields, 0);
      for (guint j = 0; j < n_fields; j++)
        {
          terrind_lua_push_name (L, terrind_field_get_name (terrind_kind_get_field (kinds[i], j)));
          lua_rawseti (L, -2, (lua_Integer) j + 1);
        }
      lua_setfield (L, -2, terrind_kind_get_name (kinds[i]));
    }
  return 1;
}
