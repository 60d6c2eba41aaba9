/* terrind-py-private.h: what the files of the Python binding share
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include <terrind.h>

G_BEGIN_DECLS

/* The kinds of wrapped C objects; indexes TerrindPyState.types. */
typedef enum {
  TERRIND_PY_PHASE,
  TERRIND_PY_REGION,
  TERRIND_PY_TERRITORY,
  TERRIND_PY_OPERATOR,
  TERRIND_PY_CONVENTION,
  TERRIND_PY_COMMITMENT,
  TERRIND_PY_REFERENT,
  TERRIND_PY_DESIGNATION,
  TERRIND_PY_INVESTMENT,
  TERRIND_PY_N_KINDS
} TerrindPyKind;

/* What a call does to a registry: reading it may overlap an export (the
 * exporter only reads too); writing it may not. */
typedef enum {
  TERRIND_PY_READ,
  TERRIND_PY_WRITE,
} TerrindPyAccess;

/* The number of TerrindError codes this binding names; newer codes map to
 * the base class terrind.Error. */
#define TERRIND_PY_N_ERROR_CODES (TERRIND_ERROR_LIMIT_EXCEEDED + 1)

/* Per-module state (PEP 489): every type and exception class lives here,
 * never in a static, so the module can be loaded in several interpreters. */
typedef struct {
  PyTypeObject *types[TERRIND_PY_N_KINDS];
  PyTypeObject *registry_type;
  PyTypeObject *collection_type;
  PyTypeObject *iterator_type;
  PyTypeObject *transaction_type;
  PyTypeObject *finding_type;           /* terrind.Finding, a struct sequence */
  PyObject     *error;                  /* terrind.Error */
  PyObject     *closed_error;           /* terrind.ClosedError */
  PyObject     *busy_error;             /* terrind.BusyError */
  PyObject     *errors[TERRIND_PY_N_ERROR_CODES];
  PyObject     *error_code;             /* terrind.ErrorCode, an IntEnum */
  PyObject     *io_missing_error;       /* terrind.TerrindFileNotFoundError */
  PyObject     *io_permission_error;    /* terrind.TerrindPermissionError */
  PyObject     *views[3];               /* the classes of a Collection's keys(),
                                         * values() and items(), from
                                         * terrind/__init__.py (_set_views()) */
  GHashTable   *busy;                   /* TerrindRegistry * → TerrindPyBusy *,
                                         * see terrind-py-registry.c */
} TerrindPyState;

/* Every entity wrapper has this layout. @handle is one C reference, so the
 * C object outlives the wrapper's use whatever else is released; @owner is
 * a strong reference to the Python object the entity was reached through (a
 * Registry, or a Convention for a commitment), or NULL for an entity that
 * belongs to nothing yet. The owner is what tells a wrapper that its
 * registry was closed. Whether the entity is busy is asked of the registry
 * that holds it now (which may not be the owner's, if it moved). */
typedef struct {
  PyObject_HEAD
  TerrindPyKind kind;
  gpointer      handle;
  PyObject     *owner;
} TerrindPyEntity;

/* A registry. Its busy state is kept by C registry in TerrindPyState.busy,
 * so that it follows the entities wherever they are reached from. */
typedef struct {
  PyObject_HEAD
  TerrindRegistry *registry;   /* NULL once closed */
} TerrindPyRegistry;

/* Py_NewRef() is 3.10+; the binding supports 3.9. */
static inline PyObject *
terrind_py_new_ref (PyObject *object)
{
  Py_INCREF (object);
  return object;
}

/* PyArg_ParseTupleAndKeywords() takes "char *[]" before 3.13 although it
 * never writes to the keywords; the tables stay const here. */
#define TERRIND_PY_KEYWORDS(keywords) ((char **) (keywords))

/* terrind-py-module.c */
TerrindPyState *terrind_py_state_from_type (PyTypeObject *type);
TerrindPyState *terrind_py_state_of        (PyObject     *object);

/* terrind-py-error.c */
int       terrind_py_errors_init    (PyObject       *module,
                                     TerrindPyState *state);
PyObject *terrind_py_raise_gerror   (TerrindPyState *state,
                                     const GError   *error);
PyObject *terrind_py_raise_gerror_for_path (TerrindPyState *state,
                                            const GError   *error,
                                            int             errno_value,
                                            PyObject       *path);
int       terrind_py_path_errno     (const char     *path,
                                     gboolean        writing);
PyObject *terrind_py_raise_code     (TerrindPyState *state,
                                     TerrindError    code,
                                     const char     *message);

/* terrind-py-util.c: argument conversion and usability checks */
int       terrind_py_to_utf8        (PyObject       *value,
                                     gboolean        nullable,
                                     const char     *what,
                                     const char    **out);
int       terrind_py_to_uint        (PyObject       *value,
                                     const char     *what,
                                     guint          *out);
PyObject *terrind_py_str_or_none    (const char     *str);
PyObject *terrind_py_uint_or_none   (guint           value);
int       terrind_py_check_owner    (PyObject       *owner,
                                     TerrindPyAccess  access);
int       terrind_py_entity_check   (TerrindPyEntity *self,
                                     TerrindPyAccess  access);
int       terrind_py_deny_delete    (PyObject       *value,
                                     const char     *what);
int       terrind_py_parse_one      (PyObject       *args,
                                     PyObject       *kwargs,
                                     const char     *function,
                                     const char     *keyword,
                                     PyObject      **out);

/* terrind-py-entity.c: the behaviour all entity wrappers share.
 *
 * The rule of the whole binding: take the reference before anything can
 * allocate. Any Python allocation can run the garbage collector, and so a
 * __del__ that removes an entity, changes it or closes its registry; a
 * pointer borrowed from the C library is only good until then. So a
 * borrowed entity becomes a reference (terrind_py_entity_wrap() takes it
 * before allocating; terrind_py_kind_ref_all() for a listing), field
 * values are read as copies before they become Python objects, arguments
 * that can run Python code are converted before the registry is looked
 * up, and no C call on a borrowed registry follows a Python allocation. */
PyObject   *terrind_py_entity_wrap_take (TerrindPyState *state,
                                         TerrindPyKind   kind,
                                         gpointer        handle,
                                         PyObject       *owner);
PyObject   *terrind_py_entity_wrap      (TerrindPyState *state,
                                         TerrindPyKind   kind,
                                         gpointer        handle,
                                         PyObject       *owner);
PyObject   *terrind_py_entity_new_owned (PyTypeObject   *type,
                                         TerrindPyKind   kind,
                                         gpointer        handle);
gpointer    terrind_py_entity_handle    (TerrindPyState *state,
                                         TerrindPyKind   kind,
                                         PyObject       *object,
                                         const char     *what,
                                         TerrindPyAccess access);
void        terrind_py_entity_set_owner (TerrindPyEntity *self,
                                         PyObject        *owner);
const char *terrind_py_entity_id        (TerrindPyKind   kind,
                                         gconstpointer   handle);
void        terrind_py_entity_dealloc   (PyObject       *self);
int         terrind_py_entity_traverse  (PyObject       *self,
                                         visitproc       visit,
                                         void           *arg);
int         terrind_py_entity_clear     (PyObject       *self);
PyObject   *terrind_py_entity_richcompare (PyObject     *a,
                                           PyObject     *b,
                                           int           op);
PyObject   *terrind_py_entity_repr_unusable (PyObject   *self);
gboolean    terrind_py_kind_equal       (TerrindPyKind   kind,
                                         gconstpointer   a,
                                         gconstpointer   b);
gpointer    terrind_py_kind_ref         (TerrindPyKind   kind,
                                         gpointer        handle);
void        terrind_py_kind_unref       (TerrindPyKind   kind,
                                         gpointer        handle);
void        terrind_py_kind_ref_all     (TerrindPyKind   kind,
                                         GPtrArray      *array);
TerrindRegistry *terrind_py_kind_get_registry (TerrindPyKind kind,
                                               gconstpointer handle);

/* terrind-py-model.c: the entity classes, built from the model
 * description. A class's fields (attributes, constructor arguments,
 * their docs and types) all come from the description; a
 * TerrindPyKindSpec, one per class in its own file, adds what the
 * description does not say. */
typedef struct {
  const char         *name;            /* the description's kind, "territory" */
  const char         *doc;             /* after the generated signature */
  PyMethodDef        *methods;         /* (nullable) */
  PyGetSetDef        *getset;          /* (nullable): attributes that are not fields */
  const char * const *extra_keywords;  /* (nullable): keyword-only arguments
                                        * that are not fields, after them */
  /* (nullable) Called with the constructor's arguments, one strong
   * reference (or NULL) per field index, then one per extra keyword,
   * before any is converted; may replace them. */
  int               (*prepare) (const TerrindKind *kind,
                                PyObject         **values);
  /* (nullable) Called with the new wrapper and the extra keywords'
   * values (or NULL), once the entity is made. */
  int               (*finish)  (PyObject          *self,
                                PyObject * const  *extras);
} TerrindPyKindSpec;

extern const TerrindPyKindSpec terrind_py_phase_kind;
extern const TerrindPyKindSpec terrind_py_region_kind;
extern const TerrindPyKindSpec terrind_py_territory_kind;
extern const TerrindPyKindSpec terrind_py_operator_kind;
extern const TerrindPyKindSpec terrind_py_convention_kind;
extern const TerrindPyKindSpec terrind_py_commitment_kind;
extern const TerrindPyKindSpec terrind_py_referent_kind;
extern const TerrindPyKindSpec terrind_py_designation_kind;
extern const TerrindPyKindSpec terrind_py_investment_kind;

PyTypeObject      *terrind_py_entity_type_new  (PyObject      *module,
                                                TerrindPyKind  kind);
const TerrindKind *terrind_py_kind_description (TerrindPyKind  kind);
guint              terrind_py_field_index      (const TerrindField *field);
PyObject          *terrind_py_entity_add_item  (PyObject      *self,
                                                const char    *field_name,
                                                const char    *method,
                                                PyObject      *args,
                                                PyObject      *kwargs);
PyObject          *terrind_py_entity_to_dict   (PyObject      *self);
PyObject          *terrind_py_kinds            (PyObject      *module,
                                                PyObject      *unused);

/* The other types' specs, each in its own file. */
extern PyType_Spec terrind_py_registry_spec;
extern PyType_Spec terrind_py_collection_spec;
extern PyType_Spec terrind_py_iterator_spec;
extern PyType_Spec terrind_py_transaction_spec;

/* terrind-py-registry.c */
TerrindRegistry *terrind_py_registry_get  (PyObject        *self,
                                           TerrindPyAccess  access);
int              terrind_py_registry_add  (PyObject        *self,
                                           PyObject        *entity);
int              terrind_py_busy_check    (TerrindPyState  *state,
                                           TerrindRegistry *registry,
                                           TerrindPyAccess  access);
GHashTable      *terrind_py_busy_table_new (void);
int              terrind_py_busy_begin    (TerrindPyState  *state,
                                           TerrindRegistry *registry,
                                           TerrindPyAccess  access);
void             terrind_py_busy_end      (TerrindPyState  *state,
                                           TerrindRegistry *registry,
                                           TerrindPyAccess  access);

/* terrind-py-csv.c: Registry.import_csv() and export_csv() */
PyObject        *terrind_py_registry_import_csv (PyObject *self, PyObject *args, PyObject *kwargs);
PyObject        *terrind_py_registry_export_csv (PyObject *self, PyObject *args, PyObject *kwargs);

/* terrind-py-changeset.c: Registry.transaction() */
PyObject        *terrind_py_registry_transaction (PyObject *self,
                                                  PyObject *unused);

/* terrind-py-evaluation.c: Registry.evaluate() and terrind.Finding */
int              terrind_py_finding_type_init  (PyObject       *module,
                                                TerrindPyState *state);
PyObject        *terrind_py_registry_evaluate  (PyObject       *self,
                                                PyObject       *args,
                                                PyObject       *kwargs);

/* terrind-py-collection.c: live views over a registry or a convention */
typedef enum {
  TERRIND_PY_VIEW_PHASES,
  TERRIND_PY_VIEW_REGIONS,
  TERRIND_PY_VIEW_TERRITORIES,
  TERRIND_PY_VIEW_OPERATORS,
  TERRIND_PY_VIEW_CONVENTIONS,
  TERRIND_PY_VIEW_REFERENTS,
  TERRIND_PY_VIEW_DESIGNATIONS,
  TERRIND_PY_VIEW_INVESTMENTS,
  TERRIND_PY_VIEW_COMMITMENTS,
} TerrindPyView;

PyObject *terrind_py_collection_new (TerrindPyState *state,
                                     PyObject       *owner,
                                     TerrindPyView   view);
PyObject *terrind_py_set_views       (PyObject       *module,
                                     PyObject       *args);
PyObject *terrind_py_list_to_python (TerrindPyState *state,
                                     TerrindPyKind   kind,
                                     GPtrArray      *held,
                                     PyObject       *owner);

/* The C object of a wrapper, for the methods that call the typed API. */
#define TERRIND_PY_HANDLE(self, CType) ((CType *) ((TerrindPyEntity *) (self))->handle)

G_END_DECLS
