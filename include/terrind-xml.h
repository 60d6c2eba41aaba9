/* terrind-xml.h: XML import and export of a registry
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(__TERRIND_INSIDE__) && !defined(TERRIND_COMPILATION)
#error "Only <terrind.h> can be included directly."
#endif

#include <gio/gio.h>

#include "terrind-macros.h"
#include "terrind-registry.h"

G_BEGIN_DECLS

/**
 * TERRIND_XML_NAMESPACE:
 *
 * The namespace of the root element of a libterrind document.
 *
 * Since: 1.0
 */
#define TERRIND_XML_NAMESPACE "urn:libterrind:registry"

/**
 * TERRIND_XML_FORMAT_VERSION:
 *
 * The newest format version this library reads and writes. It reads every
 * version from 1, and writes the oldest that can hold the registry: a
 * registry that uses nothing of version 2 (phases, ANCT ids, members'
 * names and kinds, conventions' phases) is written as version 1, which
 * libterrind 1.0 reads. Was 1 before 1.1.
 *
 * Since: 1.0
 */
#define TERRIND_XML_FORMAT_VERSION 2

typedef struct _TerrindImportOptions TerrindImportOptions;

TERRIND_EXPORT G_GNUC_WARN_UNUSED_RESULT
TerrindImportOptions *terrind_import_options_new                  (void);
TERRIND_EXPORT
TerrindImportOptions *terrind_import_options_ref                  (TerrindImportOptions *options);
TERRIND_EXPORT
void                  terrind_import_options_unref                (TerrindImportOptions *options);
TERRIND_EXPORT
guint64               terrind_import_options_get_max_bytes        (const TerrindImportOptions *options);
TERRIND_EXPORT
void                  terrind_import_options_set_max_bytes        (TerrindImportOptions *options,
                                                                   guint64               max_bytes);
TERRIND_EXPORT
guint                 terrind_import_options_get_max_depth        (const TerrindImportOptions *options);
TERRIND_EXPORT
void                  terrind_import_options_set_max_depth        (TerrindImportOptions *options,
                                                                   guint                 max_depth);
TERRIND_EXPORT
guint                 terrind_import_options_get_max_value_length (const TerrindImportOptions *options);
TERRIND_EXPORT
void                  terrind_import_options_set_max_value_length (TerrindImportOptions *options,
                                                                   guint                 max_length);
TERRIND_EXPORT
guint64               terrind_import_options_get_max_elements     (const TerrindImportOptions *options);
TERRIND_EXPORT
void                  terrind_import_options_set_max_elements     (TerrindImportOptions *options,
                                                                   guint64               max_elements);
TERRIND_EXPORT
guint                 terrind_import_options_get_max_errors       (const TerrindImportOptions *options);
TERRIND_EXPORT
void                  terrind_import_options_set_max_errors       (TerrindImportOptions *options,
                                                                   guint                 max_errors);

TERRIND_EXPORT
gboolean              terrind_registry_import_file                (TerrindRegistry            *registry,
                                                                   const char                 *path,
                                                                   const TerrindImportOptions *options,
                                                                   GError                    **error);
TERRIND_EXPORT
gboolean              terrind_registry_import_data                (TerrindRegistry            *registry,
                                                                   const char                 *data,
                                                                   gsize                       length,
                                                                   const TerrindImportOptions *options,
                                                                   GError                    **error);
TERRIND_EXPORT
gboolean              terrind_registry_import_stream              (TerrindRegistry            *registry,
                                                                   GInputStream               *stream,
                                                                   const char                 *name,
                                                                   const TerrindImportOptions *options,
                                                                   GCancellable               *cancellable,
                                                                   GError                    **error);
TERRIND_EXPORT G_GNUC_WARN_UNUSED_RESULT
TerrindRegistry      *terrind_registry_new_from_file              (const char                 *path,
                                                                   GError                    **error);
TERRIND_EXPORT G_GNUC_WARN_UNUSED_RESULT
TerrindRegistry      *terrind_registry_new_from_data              (const char                 *data,
                                                                   gsize                       length,
                                                                   GError                    **error);

TERRIND_EXPORT
gboolean              terrind_registry_export_file                (TerrindRegistry            *registry,
                                                                   const char                 *path,
                                                                   GError                    **error);
TERRIND_EXPORT G_GNUC_WARN_UNUSED_RESULT
char                 *terrind_registry_export_data                (TerrindRegistry            *registry,
                                                                   gsize                      *length,
                                                                   GError                    **error);
TERRIND_EXPORT
gboolean              terrind_registry_export_stream              (TerrindRegistry            *registry,
                                                                   GOutputStream              *stream,
                                                                   GCancellable               *cancellable,
                                                                   GError                    **error);

TERRIND_EXPORT
const char           *terrind_xml_get_schema                      (gsize                      *length);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TerrindImportOptions, terrind_import_options_unref)

G_END_DECLS
