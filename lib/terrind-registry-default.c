/* terrind-registry-default.c: the registry of the programme's own data
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <gio/gio.h>

#include "terrind-error.h"
#include "terrind-registry.h"
#include "terrind-resources.h"
#include "terrind-xml.h"

#define DEFAULT_DATASET_PATH "/org/libterrind/default.xml"

/**
 * terrind_registry_new_default:
 * @error: return location for a #GError
 *
 * Creates a registry holding the default dataset compiled into the
 * library: the 18 regions, the two phases of the programme with their
 * territories (149 in phase 1, 183 in phase 2) and the member SIRENs of
 * each, named, with their kind and the territory's departements, the four
 * operators, and the four conventions de mobilisation of 5 March 2019
 * (phase 1) with their commitments. It holds no referent: none were
 * published. The same data is installed as
 * `$(datadir)/libterrind/default.xml`.
 *
 * Returns: (transfer full) (nullable): a new registry, or %NULL with an
 *   error if the embedded data cannot be read (which would be a bug).
 *
 * Since: 1.0
 */
TerrindRegistry *
terrind_registry_new_default (GError **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize length;
  const char *data;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  bytes = g_resource_lookup_data (terrind_get_resource (), DEFAULT_DATASET_PATH,
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, &local_error);
  if (bytes == NULL)
    {
      g_set_error (error, TERRIND_ERROR, TERRIND_ERROR_FAILED,
                   "the embedded default dataset is missing: %s", local_error->message);
      return NULL;
    }
  data = g_bytes_get_data (bytes, &length);
  return terrind_registry_new_from_data (data, length, error);
}
