/* terrind-lua-plugin-private.h: what the files of the plugin runner share
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The runner is split by side of the fork():
 *   terrind-lua-plugin.c          the parent: fork, collect, wait, report
 *   terrind-lua-plugin-child.c    the child: its process limits, running the
 *                                 plugin, sending the result
 *   terrind-lua-sandbox.c         the child's lua_State and its limits
 *   terrind-lua-plugin-wire.c     the records the child sends the parent
 *   terrind-lua-plugin-result.c   the result the parent reads from them
 *   terrind-lua-plugin-options.c  the options
 */

#pragma once

#include "terrind-lua-private.h"

G_BEGIN_DECLS

/* The records of the result pipe: a tag byte, a 64-bit length in the
 * machine's order (both ends are one program), the bytes. */
typedef enum {
  TERRIND_LUA_WIRE_NAME        = 'N',
  TERRIND_LUA_WIRE_DESCRIPTION = 'D',
  TERRIND_LUA_WIRE_CHECKED     = 'C',  /* the plugin has a check: no bytes */
  TERRIND_LUA_WIRE_SUBJECT     = 'S',  /* the subject of the next finding */
  TERRIND_LUA_WIRE_FINDING     = 'F',
  TERRIND_LUA_WIRE_REPORT      = 'R',
  TERRIND_LUA_WIRE_OUTPUT      = 'P',  /* what the plugin printed */
  TERRIND_LUA_WIRE_REGISTRY    = 'X',  /* the changed registry, as XML */
  TERRIND_LUA_WIRE_ERROR       = 'E',  /* a TerrindLuaPluginError byte, the message */
  TERRIND_LUA_WIRE_END         = 'Z',  /* the last record of a complete result */
} TerrindLuaWireTag;

#define TERRIND_LUA_WIRE_HEADER_SIZE (1 + sizeof (guint64))

/* Room the parent allows beyond the output limit: the error and end
 * records the child adds when it has to refuse its output. */
#define TERRIND_LUA_WIRE_SLACK 4096

/* terrind-lua-plugin-wire.c */
void      terrind_lua_wire_put   (GByteArray        *wire,
                                  TerrindLuaWireTag  tag,
                                  const char        *data,
                                  gsize              length);
void      terrind_lua_wire_put_error (GByteArray            *wire,
                                      TerrindLuaPluginError  code,
                                      const char            *message);
gboolean  terrind_lua_wire_next  (const guint8      *wire,
                                  gsize              wire_length,
                                  gsize             *offset,
                                  TerrindLuaWireTag *tag,
                                  const char       **data,
                                  gsize             *length);
gboolean  terrind_lua_wire_is_complete (const guint8 *wire,
                                        gsize         wire_length);

/* terrind-lua-plugin-result.c */
TerrindLuaPluginResult *terrind_lua_plugin_result_from_wire (const guint8  *wire,
                                                             gsize          wire_length,
                                                             GError       **error);

/* terrind-lua-sandbox.c: the limits and the output of one sandboxed state,
 * which lives as long as the state (the allocator's user data). */
typedef struct {
  gsize     memory_used;
  gsize     memory_limit;
  gboolean  memory_refused;    /* the allocator refused a block */
  guint64   instructions;
  guint64   budget;
  gboolean  budget_exceeded;
  GString  *printed;           /* what print() wrote */
  gsize     output_limit;
  gboolean  output_exceeded;
} TerrindLuaSandbox;

lua_State *terrind_lua_sandbox_open (TerrindLuaSandbox *sandbox);

/* terrind-lua-plugin-child.c */
G_NORETURN
void       terrind_lua_plugin_child_run (TerrindRegistry               *registry,
                                         const char                    *name,
                                         const char                    *chunk_name,
                                         const char                    *source,
                                         gsize                          length,
                                         const TerrindLuaPluginOptions *options,
                                         int                            result_fd,
                                         int                            diagnostics_fd);

G_END_DECLS
