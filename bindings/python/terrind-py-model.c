/* terrind-py-model.c: the entity classes built from the model description
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "terrind-py-private.h"

#include <datetime.h>
#include "terrind-py-model.h"

/*
 * Every field of a kind is an attribute of its class, named and typed by
 * the description (terrind-py-model.h): the getset table, the
 * constructor's arguments, the docstrings and the repr are all built from
 * it, so a field added to the description needs no change here. What the
 * description cannot say (methods, extra attributes, the summary a repr
 * shows) is in each class's TerrindPyKindSpec.
 *
 * The values cross in their text form (terrind_field_get_value() and
 * friends), converted by value type: numbers to int, booleans to bool,
 * everything else to str.
 */

/* What is built from the description, once per process: the tables only
 * point into the static description, and type objects keep pointers into
 * their getset table for as long as they live, which may be longer than
 * one module (several interpreters, shutdown order). So they are never
 * freed, like the description itself. */
typedef struct {
  const TerrindKind *kind;
  char             **names;         /* the Python name of each field */
  PyGetSetDef       *getset;        /* the fields', then the spec's own */
  char              *doc;           /* the signature, then the spec's doc */
  PyMethodDef       *methods;       /* the spec's, then the shared ones */
  /* The constructor's arguments: the positional ones first. An index
   * below the kind's number of fields is a field; above, an extra
   * keyword of the spec. */
  const char       **keywords;
  guint             *keyword_index;
  guint              n_keywords;
  guint              n_positional;
} KindTables;

static const TerrindPyKindSpec * const kind_specs[TERRIND_PY_N_KINDS] = {
  [TERRIND_PY_PHASE]      = &terrind_py_phase_kind,
  [TERRIND_PY_REGION]     = &terrind_py_region_kind,
  [TERRIND_PY_TERRITORY]  = &terrind_py_territory_kind,
  [TERRIND_PY_OPERATOR]   = &terrind_py_operator_kind,
  [TERRIND_PY_CONVENTION] = &terrind_py_convention_kind,
  [TERRIND_PY_COMMITMENT] = &terrind_py_commitment_kind,
  [TERRIND_PY_REFERENT]   = &terrind_py_referent_kind,
  [TERRIND_PY_DESIGNATION] = &terrind_py_designation_kind,
  [TERRIND_PY_INVESTMENT] = &terrind_py_investment_kind,
};

static KindTables tables[TERRIND_PY_N_KINDS];

static guint
n_extra_keywords (const TerrindPyKindSpec *spec)
{
  return spec->extra_keywords != NULL ? g_strv_length ((char **) spec->extra_keywords) : 0;
}

const TerrindKind *
terrind_py_kind_description (TerrindPyKind kind)
{
  g_return_val_if_fail (kind < TERRIND_PY_N_KINDS, NULL);
  g_return_val_if_fail (tables[kind].kind != NULL, NULL);
  return tables[kind].kind;
}

/* The index of a field of a kind, which terrind_kind_get_field() takes. */
guint
terrind_py_field_index (const TerrindField *field)
{
  const TerrindKind *kind = terrind_field_get_kind (field);
  guint n = terrind_kind_get_n_fields (kind);

  for (guint i = 0; i < n; i++)
    if (terrind_kind_get_field (kind, i) == field)
      return i;
  g_return_val_if_reached (0);
}

/* "int", "int or None", "tuple of (str, str or None) tuples"... */
static void
append_type (GString            *out,
             const TerrindField *field)
{
  guint n = terrind_py_field_is_list (field) ? terrind_py_list_read_width (field) : 0;

  if (!terrind_py_field_is_list (field))
    {
      g_string_append (out, terrind_py_value_class_name (terrind_py_value_class (field)));
      if (terrind_py_field_may_be_none (field))
        g_string_append (out, " or None");
      return;
    }
  g_string_append (out, "tuple of ");
  if (n == 1)
    {
      append_type (out, terrind_field_get_item_field (field, 0));
      return;
    }
  g_string_append_c (out, '(');
  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append (out, ", ");
      append_type (out, terrind_field_get_item_field (field, i));
    }
  g_string_append (out, ") tuples");
}

static char *
field_doc (const TerrindField *field)
{
  GString *doc = g_string_new (NULL);
  gboolean writable = (terrind_field_get_flags (field) & TERRIND_FIELD_WRITABLE) != 0;

  append_type (doc, field);
  if (!writable)
    g_string_append (doc, ", read-only");
  g_string_append_printf (doc, ": %s.", terrind_field_get_description (field));
  if (terrind_py_field_is_list (field))
    g_string_append (doc, " A snapshot, read when asked.");
  else if (writable && terrind_py_field_may_be_none (field))
    g_string_append (doc, " None (or del) unsets it.");
  return g_string_free (doc, FALSE);
}

static PyObject *field_get (PyObject *self, void *closure);
static int       field_set (PyObject *self, PyObject *value, void *closure);

/*
 * entity_to_dict:
 *
 * entity.to_dict(): every field of the description, by its Python name,
 * with the value its attribute reads. Each value goes through the field's
 * getter, which checks the entity again and copies the text before any
 * Python object is made: a finalizer run by one value's allocation that
 * closes the registry makes the next one raise, never read freed memory.
 */
static PyObject *
entity_to_dict (PyObject *self,
                PyObject *unused)
{
  TerrindPyEntity *entity = (TerrindPyEntity *) self;
  const TerrindKind *kind = terrind_py_kind_description (entity->kind);
  guint n = terrind_kind_get_n_fields (kind);
  PyObject *dict;

  if (terrind_py_entity_check (entity, TERRIND_PY_READ) < 0)
    return NULL;
  dict = PyDict_New ();
  if (dict == NULL)
    return NULL;
  for (guint i = 0; i < n; i++)
    {
      const TerrindField *field = terrind_kind_get_field (kind, i);
      PyObject *value = field_get (self, (void *) field);

      if (value == NULL ||
          PyDict_SetItemString (dict, tables[entity->kind].names[i], value) < 0)
        {
          Py_XDECREF (value);
          Py_DECREF (dict);
          return NULL;
        }
      Py_DECREF (value);
    }
  return dict;
}

PyObject *
terrind_py_entity_to_dict (PyObject *self)
{
  return entity_to_dict (self, NULL);
}

static const PyMethodDef shared_methods[] = {
  { "to_dict", entity_to_dict, METH_NOARGS,
    "to_dict($self, /)\n--\n\n"
    "A new dict of every field, by the names of terrind.kinds(), with the\n"
    "values the attributes read (unset ones None)." },
};


static void
build_tables (TerrindPyKind kind)
{
  const TerrindPyKindSpec *spec = kind_specs[kind];
  KindTables *t = &tables[kind];
  guint n_fields, n_extra_getset = 0, n_extra, k = 0;
  g_autofree char *class_name = NULL;
  GString *doc;

  t->kind = terrind_model_lookup_kind (spec->name);
  g_assert (t->kind != NULL);
  n_fields = terrind_kind_get_n_fields (t->kind);
  n_extra = n_extra_keywords (spec);
  while (spec->getset != NULL && spec->getset[n_extra_getset].name != NULL)
    n_extra_getset++;

  t->names = g_new0 (char *, n_fields + 1);
  t->getset = g_new0 (PyGetSetDef, n_fields + n_extra_getset + 1);
  for (guint i = 0; i < n_fields; i++)
    {
      const TerrindField *field = terrind_kind_get_field (t->kind, i);
      gboolean writable = (terrind_field_get_flags (field) & TERRIND_FIELD_WRITABLE) != 0 &&
                          !terrind_py_field_is_list (field);

      t->names[i] = terrind_py_field_name (field);
      t->getset[i] = (PyGetSetDef) {
        .name = t->names[i],
        .get = field_get,
        .set = writable ? field_set : NULL,
        .doc = field_doc (field),
        .closure = (void *) field,
      };
    }
  for (guint i = 0; i < n_extra_getset; i++)
    t->getset[n_fields + i] = spec->getset[i];

  /* Positional (required) fields, then the keyword-only ones, then the
   * spec's own keywords. */
  t->keywords = g_new0 (const char *, n_fields + n_extra + 1);
  t->keyword_index = g_new0 (guint, n_fields + n_extra);
  for (guint i = 0; i < n_fields; i++)
    if (terrind_py_field_is_positional (terrind_kind_get_field (t->kind, i)))
      {
        t->keyword_index[k] = i;
        t->keywords[k++] = t->names[i];
      }
  t->n_positional = k;
  for (guint i = 0; i < n_fields; i++)
    {
      const TerrindField *field = terrind_kind_get_field (t->kind, i);

      if (terrind_py_field_is_argument (field) && !terrind_py_field_is_positional (field))
        {
          t->keyword_index[k] = i;
          t->keywords[k++] = t->names[i];
        }
    }
  for (guint i = 0; i < n_extra; i++)
    {
      t->keyword_index[k] = n_fields + i;
      t->keywords[k++] = spec->extra_keywords[i];
    }
  t->n_keywords = k;

  /* "Territory(id, name, region, *, phase=None, members=None, ...)\n--\n\n":
   * the text signature inspect.signature() reads. */
  class_name = terrind_py_class_name (t->kind);
  doc = g_string_new (class_name);
  g_string_append_c (doc, '(');
  for (guint i = 0; i < t->n_keywords; i++)
    {
      if (i > 0)
        g_string_append (doc, ", ");
      if (i == t->n_positional)
        g_string_append (doc, "*, ");
      g_string_append (doc, t->keywords[i]);
      if (i >= t->n_positional)
        g_string_append (doc, "=None");
    }
  g_string_append_printf (doc, ")\n--\n\n%s", spec->doc);
  t->doc = g_string_free (doc, FALSE);

  {
    guint n_methods = 0;

    while (spec->methods != NULL && spec->methods[n_methods].ml_name != NULL)
      n_methods++;
    t->methods = g_new0 (PyMethodDef, n_methods + G_N_ELEMENTS (shared_methods) + 1);
    for (guint i = 0; i < n_methods; i++)
      t->methods[i] = spec->methods[i];
    for (guint i = 0; i < G_N_ELEMENTS (shared_methods); i++)
      t->methods[n_methods + i] = shared_methods[i];
  }
}

static void
ensure_tables (void)
{
  static gsize built = 0;

  if (g_once_init_enter (&built))
    {
      for (guint i = 0; i < TERRIND_PY_N_KINDS; i++)
        build_tables ((TerrindPyKind) i);
      g_once_init_leave (&built, 1);
    }
}

/* Values: Python to text */

/*
 * value_to_text:
 * @value: (nullable): NULL or None for no value
 * @nullable: whether no value is allowed (@out is then NULL)
 * @what: the argument's name, for the error message
 * @out: (out) (transfer full): the value's text form
 *
 * May run Python code (a __bool__): call it before the registry is
 * looked at.
 *
 * Returns: 0, or -1 with an exception set.
 */
static int
value_to_text (const TerrindField *field,
               PyObject           *value,
               gboolean            nullable,
               const char         *what,
               char              **out)
{
  TerrindPyValueClass value_class = terrind_py_value_class (field);

  *out = NULL;
  if (value == NULL || value == Py_None)
    {
      if (nullable)
        return 0;
      PyErr_Format (PyExc_TypeError, "%s must be %s, not None", what,
                    value_class == TERRIND_PY_VALUE_INT ? "an int" :
                    value_class == TERRIND_PY_VALUE_BOOL ? "a bool" :
                    value_class == TERRIND_PY_VALUE_DATE ? "a datetime.date or a str" : "a str");
      return -1;
    }
  switch (value_class)
    {
    case TERRIND_PY_VALUE_DATE:
      /* A date, or its ISO text (what 1.0 took) for the library to check.
       * A datetime is refused rather than silently losing its time. */
      if (PyDate_Check (value) && !PyDateTime_Check (value))
        {
          *out = g_strdup_printf ("%04d-%02d-%02d", PyDateTime_GET_YEAR (value),
                                  PyDateTime_GET_MONTH (value), PyDateTime_GET_DAY (value));
          return 0;
        }
      if (!PyUnicode_Check (value))
        {
          PyErr_Format (PyExc_TypeError, "%s must be a datetime.date or an ISO str%s, not %.100s",
                        what, nullable ? " or None" : "", Py_TYPE (value)->tp_name);
          return -1;
        }
      {
        const char *utf8;

        if (terrind_py_to_utf8 (value, nullable, what, &utf8) < 0)
          return -1;
        *out = g_strdup (utf8);
        return 0;
      }
    case TERRIND_PY_VALUE_BOOL:
      {
        /* Any object has a truth value, as for "if": 1 is True. */
        int truth = PyObject_IsTrue (value);

        if (truth < 0)
          return -1;
        *out = g_strdup (truth ? "true" : "false");
        return 0;
      }
    case TERRIND_PY_VALUE_INT:
      {
        /* The library's counts and years are unsigned ints, amounts
         * 63-bit: beyond is an OverflowError, as Python says of a
         * number too large for its C type. */
        guint64 max = terrind_field_get_value_type (field) == TERRIND_VALUE_AMOUNT
                      ? G_MAXINT64 : G_MAXUINT;
        unsigned long long number;

        if (!PyLong_Check (value) || PyBool_Check (value))
          {
            PyErr_Format (PyExc_TypeError, "%s must be an int%s, not %.100s", what,
                          nullable ? " or None" : "", Py_TYPE (value)->tp_name);
            return -1;
          }
        number = PyLong_AsUnsignedLongLong (value);
        if ((number == (unsigned long long) -1 && PyErr_Occurred ()) || number > max)
          {
            PyErr_Clear ();
            PyErr_Format (PyExc_OverflowError, "%s must be between 0 and %" G_GUINT64_FORMAT,
                          what, max);
            return -1;
          }
        *out = g_strdup_printf ("%llu", number);
        return 0;
      }
    case TERRIND_PY_VALUE_STR:
    default:
      {
        const char *utf8;

        if (terrind_py_to_utf8 (value, nullable, what, &utf8) < 0)
          return -1;
        *out = g_strdup (utf8);
        return 0;
      }
    }
}

/* Values: text to Python */

static PyObject *
text_to_value (const TerrindField *field,
               const char         *text)
{
  switch (terrind_py_value_class (field))
    {
    case TERRIND_PY_VALUE_BOOL:
      return PyBool_FromLong (g_strcmp0 (text, "true") == 0);
    case TERRIND_PY_VALUE_INT:
      if (text == NULL)
        Py_RETURN_NONE;
      return PyLong_FromString (text, NULL, 10);
    case TERRIND_PY_VALUE_DATE:
      {
        int year, month, day;

        if (text == NULL)
          Py_RETURN_NONE;
        /* The library only stores valid YYYY-MM-DD dates. */
        if (sscanf (text, "%4d-%2d-%2d", &year, &month, &day) != 3)
          return terrind_py_str_or_none (text);
        return PyDate_FromDate (year, month, day);
      }
    case TERRIND_PY_VALUE_STR:
    default:
      return terrind_py_str_or_none (text);
    }
}

/*
 * list_to_tuple:
 *
 * A list field as a tuple: of values when its items have one field
 * (members, themes), of tuples in the item fields' order when they have
 * several (signatories are (name, role)). Every value is copied before
 * the first Python object is made: making it can run a finalizer that
 * changes the list.
 */
static PyObject *
list_to_tuple (const TerrindField *field,
               gconstpointer       handle)
{
  guint n = terrind_field_get_n_items (field, handle);
  guint width = terrind_py_list_read_width (field);
  g_autoptr(GPtrArray) texts = g_ptr_array_new_full (n * width, g_free);
  PyObject *tuple;

  for (guint i = 0; i < n; i++)
    for (guint j = 0; j < width; j++)
      g_ptr_array_add (texts, terrind_field_get_item_value (field, handle, i,
                                                            terrind_field_get_item_field (field, j)));
  tuple = PyTuple_New (n);
  if (tuple == NULL)
    return NULL;
  for (guint i = 0; i < n; i++)
    {
      PyObject *item = width == 1 ? NULL : PyTuple_New (width);

      if (width != 1 && item == NULL)
        goto fail;
      for (guint j = 0; j < width; j++)
        {
          PyObject *value = text_to_value (terrind_field_get_item_field (field, j),
                                           g_ptr_array_index (texts, i * width + j));

          if (value == NULL)
            {
              Py_XDECREF (item);
              goto fail;
            }
          if (width == 1)
            item = value;
          else
            PyTuple_SET_ITEM (item, j, value);
        }
      PyTuple_SET_ITEM (tuple, i, item);
    }
  return tuple;

fail:
  Py_DECREF (tuple);
  return NULL;
}

/* The getset functions: @closure is the field. */

static PyObject *
field_get (PyObject *self,
           void     *closure)
{
  const TerrindField *field = closure;
  TerrindPyEntity *entity = (TerrindPyEntity *) self;
  g_autofree char *text = NULL;

  if (terrind_py_entity_check (entity, TERRIND_PY_READ) < 0)
    return NULL;
  if (terrind_py_field_is_list (field))
    return list_to_tuple (field, entity->handle);
  /* A copy of the library's, before anything Python is made. */
  text = terrind_field_get_value (field, entity->handle);
  return text_to_value (field, text);
}

static int
field_set (PyObject *self,
           PyObject *value,
           void     *closure)
{
  const TerrindField *field = closure;
  TerrindPyEntity *entity = (TerrindPyEntity *) self;
  gboolean required = (terrind_field_get_flags (field) & TERRIND_FIELD_REQUIRED) != 0;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = terrind_py_field_name (field);
  g_autofree char *text = NULL;

  /* "del" unsets an optional field, as None does. */
  if (required && terrind_py_deny_delete (value, name) < 0)
    return -1;
  /* The value first (a __bool__ may run any code), then the check, then
   * the C call, with nothing that could allocate in between. */
  if (value_to_text (field, value, !required, name, &text) < 0 ||
      terrind_py_entity_check (entity, TERRIND_PY_WRITE) < 0)
    return -1;
  if (!terrind_field_set_value (field, entity->handle, text, &error))
    {
      terrind_py_raise_gerror (terrind_py_state_of (self), error);
      return -1;
    }
  return 0;
}

/* Arguments */

/*
 * parse_arguments:
 * @keywords: the names of the arguments, in positional order
 * @n_positional: how many may be given by position
 * @values: (out caller-allocates): one strong reference per keyword, or
 *   NULL when it was not given; the caller releases them, also on error
 *
 * As PyArg_ParseTupleAndKeywords() with a format of "O"s, for tables
 * built at run time. Runs no Python code.
 */
static int
parse_arguments (const char         *function,
                 const char * const *keywords,
                 guint               n_keywords,
                 guint               n_positional,
                 PyObject           *args,
                 PyObject           *kwargs,
                 PyObject          **values)
{
  Py_ssize_t n_args = PyTuple_GET_SIZE (args);
  Py_ssize_t pos = 0;
  PyObject *key;
  PyObject *value;

  if (n_args > (Py_ssize_t) n_positional)
    {
      PyErr_Format (PyExc_TypeError, "%s() takes at most %u positional argument%s (%zd given)",
                    function, n_positional, n_positional == 1 ? "" : "s", n_args);
      return -1;
    }
  for (Py_ssize_t i = 0; i < n_args; i++)
    values[i] = terrind_py_new_ref (PyTuple_GET_ITEM (args, i));
  while (kwargs != NULL && PyDict_Next (kwargs, &pos, &key, &value))
    {
      const char *name = PyUnicode_Check (key) ? PyUnicode_AsUTF8 (key) : NULL;
      guint i;

      if (name == NULL)
        {
          if (!PyErr_Occurred ())
            PyErr_Format (PyExc_TypeError, "%s() keywords must be strings", function);
          return -1;
        }
      for (i = 0; i < n_keywords && strcmp (keywords[i], name) != 0; i++)
        ;
      if (i == n_keywords)
        {
          PyErr_Format (PyExc_TypeError, "%s() got an unexpected keyword argument '%s'",
                        function, name);
          return -1;
        }
      if (values[i] != NULL)
        {
          PyErr_Format (PyExc_TypeError, "%s() got multiple values for argument '%s'",
                        function, name);
          return -1;
        }
      values[i] = terrind_py_new_ref (value);
    }
  return 0;
}

static void
release_arguments (PyObject **values,
                   guint      n)
{
  for (guint i = 0; i < n; i++)
    Py_CLEAR (values[i]);
}

/*
 * item_to_texts:
 * @item: one item of a list field: a tuple of values in the item fields'
 *   order, trailing optional ones left out; or, when only the first
 *   item field is required, that value alone
 * @texts: (out caller-allocates): one text per item field, NULL when
 *   unset; the caller frees them, also on error
 */
static int
item_to_texts (const TerrindField *field,
               PyObject           *item,
               const char         *what,
               char              **texts)
{
  guint width = terrind_field_get_n_item_fields (field);
  Py_ssize_t given = 1;

  if (width > 1 && PyTuple_Check (item))
    {
      given = PyTuple_GET_SIZE (item);
      if (given > (Py_ssize_t) width)
        {
          PyErr_Format (PyExc_ValueError, "an item of %s has at most %u values, not %zd",
                        what, width, given);
          return -1;
        }
    }
  for (guint j = 0; j < width; j++)
    {
      const TerrindField *item_field = terrind_field_get_item_field (field, j);
      gboolean required = (terrind_field_get_flags (item_field) & TERRIND_FIELD_REQUIRED) != 0;
      g_autofree char *item_what = g_strdup_printf ("%s %s", what,
                                                    terrind_field_get_name (item_field));
      PyObject *value = NULL;

      if ((Py_ssize_t) j < given)
        value = width > 1 && PyTuple_Check (item) ? PyTuple_GET_ITEM (item, j) : item;
      if (value == NULL && required)
        {
          PyErr_Format (PyExc_TypeError, "an item of %s needs its %s", what,
                        terrind_field_get_name (item_field));
          return -1;
        }
      if (value_to_text (item_field, value, !required, item_what, &texts[j]) < 0)
        return -1;
    }
  return 0;
}

static void
free_texts (char  **texts,
            guint   n)
{
  for (guint i = 0; i < n; i++)
    g_clear_pointer (&texts[i], g_free);
}

/*
 * add_items:
 * @iterable: (nullable): the items of a list field, or None; a dict
 *   gives its (key, value) items (targets={"priority": 20})
 *
 * Adds every item to @handle, a new entity that no registry can see yet:
 * the iteration may run any code.
 */
static int
add_items (TerrindPyState     *state,
           const TerrindField *field,
           gpointer            handle,
           PyObject           *iterable,
           const char         *what)
{
  guint width = terrind_field_get_n_item_fields (field);
  g_autofree char **texts = g_new0 (char *, width);
  PyObject *items;
  PyObject *iterator;
  PyObject *item;

  if (iterable == NULL || iterable == Py_None)
    return 0;
  /* Iterating a str would add one character at a time. */
  if (PyUnicode_Check (iterable) || PyBytes_Check (iterable))
    {
      PyErr_Format (PyExc_TypeError, "%s must be an iterable, not a single string", what);
      return -1;
    }
  items = PyDict_Check (iterable) ? PyDict_Items (iterable) : terrind_py_new_ref (iterable);
  if (items == NULL)
    return -1;
  iterator = PyObject_GetIter (items);
  Py_DECREF (items);
  if (iterator == NULL)
    return -1;
  while ((item = PyIter_Next (iterator)) != NULL)
    {
      g_autoptr(GError) error = NULL;
      int ok = item_to_texts (field, item, what, texts) == 0;

      Py_DECREF (item);
      if (ok && !terrind_field_add_item (field, handle, (const char * const *) texts, &error))
        {
          terrind_py_raise_gerror (state, error);
          ok = FALSE;
        }
      free_texts (texts, width);
      if (!ok)
        break;
    }
  Py_DECREF (iterator);
  return PyErr_Occurred () ? -1 : 0;
}

static TerrindPyKind
kind_of_type (TerrindPyState *state,
              PyTypeObject   *type)
{
  for (guint i = 0; i < TERRIND_PY_N_KINDS; i++)
    if (state->types[i] == type)
      return (TerrindPyKind) i;
  return TERRIND_PY_N_KINDS;
}

/*
 * entity_new:
 *
 * The constructor of every entity class: the required fields by position
 * or keyword, the others by keyword; None leaves an optional field unset.
 * The entity is made by terrind_kind_new_entity(), which checks every
 * value as the typed setters do, then its lists are filled.
 */
static PyObject *
entity_new (PyTypeObject *type,
            PyObject     *args,
            PyObject     *kwargs)
{
  TerrindPyState *state = terrind_py_state_from_type (type);
  TerrindPyKind py_kind = kind_of_type (state, type);
  const TerrindPyKindSpec *spec;
  const KindTables *t;
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GPtrArray) texts = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree PyObject **given = NULL;
  g_autofree PyObject **by_index = NULL;
  g_autofree char *class_name = NULL;
  PyObject *self = NULL;
  gpointer handle = NULL;
  guint n_fields;
  guint n_by_index = 0;

  /* The classes cannot be subclassed, so this is only a module that is
   * shutting down. */
  if (py_kind == TERRIND_PY_N_KINDS)
    {
      PyErr_SetString (PyExc_RuntimeError, "the terrind module is shutting down");
      return NULL;
    }
  spec = kind_specs[py_kind];
  t = &tables[py_kind];
  n_fields = terrind_kind_get_n_fields (t->kind);
  class_name = terrind_py_class_name (t->kind);

  given = g_new0 (PyObject *, t->n_keywords);
  if (parse_arguments (class_name, t->keywords, t->n_keywords, t->n_positional,
                       args, kwargs, given) < 0)
    goto out;
  for (guint i = 0; i < t->n_positional; i++)
    if (given[i] == NULL)
      {
        PyErr_Format (PyExc_TypeError, "%s() missing required argument '%s'",
                      class_name, t->keywords[i]);
        goto out;
      }
  /* By field index, then the extras: what the spec's hooks read and may
   * replace. The references move there. */
  n_by_index = n_fields + n_extra_keywords (spec);
  by_index = g_new0 (PyObject *, n_by_index);
  for (guint i = 0; i < t->n_keywords; i++)
    by_index[t->keyword_index[i]] = g_steal_pointer (&given[i]);
  if (spec->prepare != NULL && spec->prepare (t->kind, by_index) < 0)
    goto out;

  names = g_ptr_array_new ();
  texts = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < n_fields; i++)
    {
      const TerrindField *field = terrind_kind_get_field (t->kind, i);
      char *text;

      if (by_index[i] == NULL || terrind_py_field_is_list (field))
        continue;
      if (value_to_text (field, by_index[i], !terrind_py_field_is_positional (field),
                         t->names[i], &text) < 0)
        goto out;
      if (text != NULL)
        {
          g_ptr_array_add (names, t->names[i]);
          g_ptr_array_add (texts, text);
        }
    }
  g_ptr_array_add (names, NULL);
  handle = terrind_kind_new_entity (t->kind, (const char * const *) names->pdata,
                                    (const char * const *) texts->pdata, &error);
  if (handle == NULL)
    {
      terrind_py_raise_gerror (state, error);
      goto out;
    }
  for (guint i = 0; i < n_fields; i++)
    if (terrind_py_field_is_list (terrind_kind_get_field (t->kind, i)) &&
        add_items (state, terrind_kind_get_field (t->kind, i), handle, by_index[i],
                   t->names[i]) < 0)
      {
        terrind_py_kind_unref (py_kind, handle);
        goto out;
      }
  self = terrind_py_entity_new_owned (type, py_kind, handle);
  if (self != NULL && spec->finish != NULL &&
      spec->finish (self, (PyObject * const *) by_index + n_fields) < 0)
    Py_CLEAR (self);

out:
  release_arguments (given, t->n_keywords);
  if (by_index != NULL)
    release_arguments (by_index, n_by_index);
  return self;
}

/*
 * terrind_py_entity_add_item:
 * @field_name: a list field of @self's kind
 *
 * The add_*() methods (add_member(), add_target()...): one item of a
 * list field, its values by position or by the item fields' names.
 */
PyObject *
terrind_py_entity_add_item (PyObject   *self,
                            const char *field_name,
                            const char *method,
                            PyObject   *args,
                            PyObject   *kwargs)
{
  TerrindPyEntity *entity = (TerrindPyEntity *) self;
  const TerrindField *field = terrind_kind_lookup_field (terrind_py_kind_description (entity->kind),
                                                         field_name);
  guint width;
  g_autofree const char **keywords = NULL;
  g_autofree PyObject **given = NULL;
  g_autofree char **texts = NULL;
  g_autoptr(GError) error = NULL;
  PyObject *result = NULL;

  g_return_val_if_fail (field != NULL && terrind_py_field_is_list (field), NULL);
  width = terrind_field_get_n_item_fields (field);
  keywords = g_new0 (const char *, width + 1);
  for (guint j = 0; j < width; j++)
    keywords[j] = terrind_field_get_name (terrind_field_get_item_field (field, j));
  given = g_new0 (PyObject *, width);
  texts = g_new0 (char *, width);
  if (parse_arguments (method, keywords, width, width, args, kwargs, given) < 0)
    goto out;
  for (guint j = 0; j < width; j++)
    {
      const TerrindField *item_field = terrind_field_get_item_field (field, j);
      gboolean required = (terrind_field_get_flags (item_field) & TERRIND_FIELD_REQUIRED) != 0;

      if (given[j] == NULL && required)
        {
          PyErr_Format (PyExc_TypeError, "%s() missing required argument '%s'", method,
                        keywords[j]);
          goto out;
        }
      if (value_to_text (item_field, given[j], !required, keywords[j], &texts[j]) < 0)
        goto out;
    }
  /* Converted first; then the check and the C call, with no allocation
   * in between. */
  if (terrind_py_entity_check (entity, TERRIND_PY_WRITE) < 0)
    goto out;
  if (!terrind_field_add_item (field, entity->handle, (const char * const *) texts, &error))
    {
      terrind_py_raise_gerror (terrind_py_state_of (self), error);
      goto out;
    }
  result = terrind_py_new_ref (Py_None);

out:
  release_arguments (given, width);
  free_texts (texts, width);
  return result;
}

/* A Python str literal of UTF-8 @text as repr() writes it: in single
 * quotes unless it holds one and no double quote, with backslashes, that
 * quote and control characters escaped, printable non-ASCII as it is. */
static void
append_str_literal (GString    *out,
                    const char *text)
{
  char quote = strchr (text, '\'') != NULL && strchr (text, '"') == NULL ? '"' : '\'';

  g_string_append_c (out, quote);
  for (const char *p = text; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      if (c == '\\' || c == (guchar) quote)
        g_string_append_printf (out, "\\%c", c);
      else if (c == '\n')
        g_string_append (out, "\\n");
      else if (c < 0x20 || c == 0x7f)
        g_string_append_printf (out, "\\x%02x", c);
      else
        g_string_append_c (out, (char) c);
    }
  g_string_append_c (out, quote);
}

/* A value as the constructor takes it: a date as its ISO text, which
 * needs no import of datetime to be read back. */
static void
append_value_literal (GString            *out,
                      const TerrindField *field,
                      const char         *text)
{
  if (text == NULL)
    g_string_append (out, "None");
  else if (terrind_py_value_class (field) == TERRIND_PY_VALUE_BOOL)
    g_string_append (out, g_strcmp0 (text, "true") == 0 ? "True" : "False");
  else if (terrind_py_value_class (field) == TERRIND_PY_VALUE_INT)
    g_string_append (out, text);
  else
    append_str_literal (out, text);
}

/* The items of a list with every item field (a member's name and kind
 * too), so that the constructor rebuilds an equal entity. */
static void
append_list_literal (GString            *out,
                     const TerrindField *field,
                     gconstpointer       handle)
{
  guint n = terrind_field_get_n_items (field, handle);
  guint width = terrind_field_get_n_item_fields (field);

  g_string_append_c (out, '(');
  for (guint i = 0; i < n; i++)
    {
      if (width > 1)
        g_string_append_c (out, '(');
      for (guint j = 0; j < width; j++)
        {
          const TerrindField *item_field = terrind_field_get_item_field (field, j);
          g_autofree char *text = terrind_field_get_item_value (field, handle, i, item_field);

          if (j > 0)
            g_string_append (out, ", ");
          append_value_literal (out, item_field, text);
        }
      if (width > 1)
        g_string_append_c (out, ')');
      g_string_append (out, n == 1 ? "," : i + 1 < n ? ", " : "");
    }
  g_string_append_c (out, ')');
}

/* "terrind.Region(code='84', name='Auvergne-Rhône-Alpes')": the
 * constructor call of an equal entity, every argument that is set by its
 * keyword. Pure C: nothing here can run Python code, so @handle, and the
 * commitments a convention lends, stay valid throughout. */
static void
append_entity_literal (GString       *out,
                       TerrindPyKind  kind,
                       gconstpointer  handle)
{
  const KindTables *t = &tables[kind];
  guint n = terrind_kind_get_n_fields (t->kind);
  g_autofree char *class_name = terrind_py_class_name (t->kind);
  gboolean first = TRUE;

  g_string_append_printf (out, "terrind.%s(", class_name);
  for (guint i = 0; i < n; i++)
    {
      const TerrindField *field = terrind_kind_get_field (t->kind, i);
      g_autofree char *text = NULL;

      if (!terrind_py_field_is_argument (field))
        continue;
      if (terrind_py_field_is_list (field))
        {
          if (terrind_field_get_n_items (field, handle) == 0)
            continue;
        }
      else
        {
          text = terrind_field_get_value (field, handle);
          /* Unset, or a boolean's default: the constructor's default. */
          if (text == NULL ||
              (terrind_py_value_class (field) == TERRIND_PY_VALUE_BOOL && g_strcmp0 (text, "true") != 0))
            continue;
        }
      g_string_append_printf (out, "%s%s=", first ? "" : ", ", t->names[i]);
      first = FALSE;
      if (terrind_py_field_is_list (field))
        append_list_literal (out, field, handle);
      else
        append_value_literal (out, field, text);
    }
  /* A convention's commitments are not a field: its extra keyword. */
  if (kind == TERRIND_PY_CONVENTION && terrind_convention_get_n_commitments (handle) > 0)
    {
      TerrindConvention *convention = (TerrindConvention *) handle;

      g_string_append_printf (out, "%scommitments=[", first ? "" : ", ");
      for (guint i = 0; i < terrind_convention_get_n_commitments (convention); i++)
        {
          if (i > 0)
            g_string_append (out, ", ");
          append_entity_literal (out, TERRIND_PY_COMMITMENT,
                                 terrind_convention_get_commitment (convention, i));
        }
      g_string_append_c (out, ']');
    }
  g_string_append_c (out, ')');
}

/*
 * entity_repr:
 *
 * Evaluates, with terrind imported, to an equal entity (see
 * append_entity_literal()). Never raises: an entity of a closed registry
 * says so.
 */
static PyObject *
entity_repr (PyObject *self)
{
  TerrindPyEntity *entity = (TerrindPyEntity *) self;
  g_autoptr(GString) out = g_string_new (NULL);

  if (terrind_py_entity_check (entity, TERRIND_PY_READ) < 0)
    return terrind_py_entity_repr_unusable (self);
  append_entity_literal (out, entity->kind, entity->handle);
  return PyUnicode_DecodeUTF8 (out->str, out->len, "replace");
}

/*
 * terrind_py_entity_type_new:
 *
 * Makes the class of @kind for @module: its spec's doc and methods, the
 * getset table and constructor of its description, and what every entity
 * class shares.
 *
 * Returns: (transfer full): the type, or NULL with an exception set.
 */
PyTypeObject *
terrind_py_entity_type_new (PyObject      *module,
                            TerrindPyKind  kind)
{
  const KindTables *t;
  g_autofree char *class_name = NULL;
  g_autofree char *qualified = NULL;
  PyType_Slot slots[] = {
    { Py_tp_doc, NULL },
    { Py_tp_new, entity_new },
    { Py_tp_dealloc, terrind_py_entity_dealloc },
    { Py_tp_traverse, terrind_py_entity_traverse },
    { Py_tp_clear, terrind_py_entity_clear },
    { Py_tp_richcompare, terrind_py_entity_richcompare },
    { Py_tp_repr, entity_repr },
    { Py_tp_getset, NULL },
    { Py_tp_methods, NULL },   /* last: left out when there are none */
    { 0, NULL },
  };
  PyType_Spec type_spec = {
    .basicsize = sizeof (TerrindPyEntity),
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .slots = slots,
  };

  g_return_val_if_fail (kind < TERRIND_PY_N_KINDS, NULL);
  ensure_tables ();
  t = &tables[kind];
  class_name = terrind_py_class_name (t->kind);
  qualified = g_strconcat ("terrind.", class_name, NULL);
  /* The type copies its name and doc; it keeps pointing to the getset
   * table, which is never freed. */
  type_spec.name = qualified;
  slots[0].pfunc = t->doc;
  slots[7].pfunc = t->getset;
  slots[8].pfunc = t->methods;
  /* Process-wide, like the tables: the datetime module's C API. */
  if (PyDateTimeAPI == NULL)
    {
      PyDateTime_IMPORT;
      if (PyDateTimeAPI == NULL)
        return NULL;
    }
  return (PyTypeObject *) PyType_FromModuleAndSpec (module, &type_spec, NULL);
}

/*
 * terrind_py_kinds:
 *
 * terrind.kinds(): each kind's name to the Python names of its fields,
 * in the description's order.
 */
PyObject *
terrind_py_kinds (PyObject *module,
                  PyObject *unused)
{
  const TerrindKind * const *kinds;
  guint n_kinds;
  PyObject *dict = PyDict_New ();

  if (dict == NULL)
    return NULL;
  kinds = terrind_model_get_kinds (&n_kinds);
  for (guint i = 0; i < n_kinds; i++)
    {
      guint n_fields = terrind_kind_get_n_fields (kinds[i]);
      PyObject *names = PyList_New (n_fields);

      if (names == NULL)
        goto fail;
      for (guint j = 0; j < n_fields; j++)
        {
          g_autofree char *name = terrind_py_field_name (terrind_kind_get_field (kinds[i], j));
          PyObject *str = PyUnicode_FromString (name);

          if (str == NULL)
            {
              Py_DECREF (names);
              goto fail;
            }
          PyList_SET_ITEM (names, j, str);
        }
      if (PyDict_SetItemString (dict, terrind_kind_get_name (kinds[i]), names) < 0)
        {
          Py_DECREF (names);
          goto fail;
        }
      Py_DECREF (names);
    }
  return dict;

fail:
  Py_DECREF (dict);
  return NULL;
}
