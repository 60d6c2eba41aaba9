/* terrind-territory.h: a Territoire d'industrie
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(__TERRIND_INSIDE__) && !defined(TERRIND_COMPILATION)
#error "Only <terrind.h> can be included directly."
#endif

#include "terrind-macros.h"

G_BEGIN_DECLS

typedef struct _TerrindTerritory TerrindTerritory;

TERRIND_EXPORT G_GNUC_WARN_UNUSED_RESULT
TerrindTerritory *terrind_territory_new               (const char        *id,
                                                       const char        *name,
                                                       const char        *region_code,
                                                       GError           **error);
TERRIND_EXPORT
TerrindTerritory *terrind_territory_ref               (TerrindTerritory  *territory);
TERRIND_EXPORT
void              terrind_territory_unref             (TerrindTerritory  *territory);

TERRIND_EXPORT
const char       *terrind_territory_get_id            (const TerrindTerritory *territory);
TERRIND_EXPORT
const char       *terrind_territory_get_name          (const TerrindTerritory *territory);
TERRIND_EXPORT
gboolean          terrind_territory_set_name          (TerrindTerritory  *territory,
                                                       const char        *name,
                                                       GError           **error);
TERRIND_EXPORT
const char       *terrind_territory_get_region_code   (const TerrindTerritory *territory);
TERRIND_EXPORT
gboolean          terrind_territory_set_region_code   (TerrindTerritory  *territory,
                                                       const char        *region_code,
                                                       GError           **error);
TERRIND_EXPORT
guint             terrind_territory_get_phase         (const TerrindTerritory *territory);
TERRIND_EXPORT
gboolean          terrind_territory_set_phase         (TerrindTerritory  *territory,
                                                       guint              phase,
                                                       GError           **error);
TERRIND_EXPORT
const char       *terrind_territory_get_anct_id       (const TerrindTerritory *territory);
TERRIND_EXPORT
gboolean          terrind_territory_set_anct_id       (TerrindTerritory  *territory,
                                                       const char        *anct_id,
                                                       GError           **error);

TERRIND_EXPORT
gboolean          terrind_territory_add_member        (TerrindTerritory  *territory,
                                                       const char        *siren,
                                                       GError           **error);
TERRIND_EXPORT
gboolean          terrind_territory_add_member_full   (TerrindTerritory  *territory,
                                                       const char        *siren,
                                                       const char        *name,
                                                       const char        *kind,
                                                       GError           **error);
TERRIND_EXPORT
gboolean          terrind_territory_remove_member     (TerrindTerritory  *territory,
                                                       const char        *siren,
                                                       GError           **error);
TERRIND_EXPORT
gboolean          terrind_territory_has_member        (const TerrindTerritory *territory,
                                                       const char        *siren);
TERRIND_EXPORT
guint             terrind_territory_get_n_members     (const TerrindTerritory *territory);
TERRIND_EXPORT
const char       *terrind_territory_get_member        (const TerrindTerritory *territory,
                                                       guint              index);
TERRIND_EXPORT
const char       *terrind_territory_get_member_name   (const TerrindTerritory *territory,
                                                       guint              index);
TERRIND_EXPORT
const char       *terrind_territory_get_member_kind   (const TerrindTerritory *territory,
                                                       guint              index);

TERRIND_EXPORT
gboolean          terrind_territory_add_department    (TerrindTerritory  *territory,
                                                       const char        *code,
                                                       GError           **error);
TERRIND_EXPORT
guint             terrind_territory_get_n_departments (const TerrindTerritory *territory);
TERRIND_EXPORT
const char       *terrind_territory_get_department    (const TerrindTerritory *territory,
                                                       guint              index);

TERRIND_EXPORT
gboolean          terrind_territory_equal             (const TerrindTerritory *a,
                                                       const TerrindTerritory *b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TerrindTerritory, terrind_territory_unref)

G_END_DECLS
