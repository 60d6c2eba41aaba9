/* terrind-lua-plugin-wire.c: the records a plugin's process sends back
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The child writes its whole result as a sequence of records once the
 * plugin is done; the parent reads them after the child has gone. The
 * parent does not trust them more than the plugin: a child whose memory the
 * plugin corrupted could send anything, so reading checks every length.
 */

#include "config.h"

#include <string.h>

#include "terrind-lua-plugin-private.h"

void
terrind_lua_wire_put (GByteArray        *wire,
                      TerrindLuaWireTag  tag,
                      const char        *data,
                      gsize              length)
{
  guint8 tag_byte = (guint8) tag;
  guint64 length64 = length;

  g_byte_array_append (wire, &tag_byte, 1);
  g_byte_array_append (wire, (const guint8 *) &length64, sizeof length64);
  if (length > 0)
    g_byte_array_append (wire, (const guint8 *) data, (guint) length);
}

/* An error record: the code as one byte, then the message. */
void
terrind_lua_wire_put_error (GByteArray            *wire,
                            TerrindLuaPluginError  code,
                            const char            *message)
{
  g_autoptr(GByteArray) payload = g_byte_array_new ();
  guint8 code_byte = (guint8) code;

  g_byte_array_append (payload, &code_byte, 1);
  g_byte_array_append (payload, (const guint8 *) message, (guint) strlen (message));
  terrind_lua_wire_put (wire, TERRIND_LUA_WIRE_ERROR, (const char *) payload->data, payload->len);
}

/* Reads the record at *@offset and moves past it. Returns FALSE at the end
 * of @wire or when the record does not fit in it. */
gboolean
terrind_lua_wire_next (const guint8       *wire,
                       gsize               wire_length,
                       gsize              *offset,
                       TerrindLuaWireTag  *tag,
                       const char        **data,
                       gsize              *length)
{
  guint64 length64;

  if (wire_length - *offset < TERRIND_LUA_WIRE_HEADER_SIZE)
    return FALSE;
  memcpy (&length64, wire + *offset + 1, sizeof length64);
  if (length64 > wire_length - *offset - TERRIND_LUA_WIRE_HEADER_SIZE)
    return FALSE;
  *tag = (TerrindLuaWireTag) wire[*offset];
  *data = (const char *) wire + *offset + TERRIND_LUA_WIRE_HEADER_SIZE;
  *length = (gsize) length64;
  *offset += TERRIND_LUA_WIRE_HEADER_SIZE + (gsize) length64;
  return TRUE;
}

/* Whether @wire is a whole result: records up to an end record that is the
 * last byte. A child that died while writing leaves less. */
gboolean
terrind_lua_wire_is_complete (const guint8 *wire,
                              gsize         wire_length)
{
  gsize offset = 0;
  TerrindLuaWireTag tag;
  const char *data;
  gsize length;

  while (terrind_lua_wire_next (wire, wire_length, &offset, &tag, &data, &length))
    if (tag == TERRIND_LUA_WIRE_END)
      return offset == wire_length;
  return FALSE;
}
